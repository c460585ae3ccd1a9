"""Chains and anchors (docs/audit-log.md, ADR 0020).

- Entries get ``chain`` and ``seq`` (unique together) and ``actor_name``; older entries keep an empty
  chain and form the legacy chain, verified as before.
- Indexes: only what a query uses. The unique index on ``hash`` (and its ``varchar_pattern_ops``
  twin) and the indexes on ``actor_id`` and ``subject_ref`` go; a ``varchar_pattern_ops`` index for the
  search by resident reference, an index on ``UPPER(actor_username)`` for the search by user and a
  partial index for the legacy chain come instead.
- ``AuditAnchor``: the signed seals of the chains' heads, append-only like the entries.
- Triggers. PostgreSQL: the anchors get the UPDATE/DELETE trigger the entries have. SQLite: altering a
  column rebuilds the table and drops its triggers, so they are put back at the end, and SQLite now
  refuses DELETE too: the trigger asks ``wijkkracht_audit_delete_allowed()``, a function the app
  registers on each of its connections (``audit.apps``) answering 0; the test settings make it answer
  1 so the suite can flush. A connection without the function (the sqlite3 shell) cannot delete either.
  A later migration that alters these tables on SQLite must put the triggers back the same way.
"""

import django.db.models.functions.text
import django.utils.timezone
from django.db import migrations, models

PG_FORWARD = """
CREATE TRIGGER audit_auditanchor_no_change BEFORE UPDATE OR DELETE ON audit_auditanchor
    FOR EACH ROW EXECUTE FUNCTION audit_auditevent_append_only();
"""
PG_BACKWARD = "DROP TRIGGER IF EXISTS audit_auditanchor_no_change ON audit_auditanchor;"

SQLITE_TRIGGERS = {
    "audit_auditevent_no_update": """
CREATE TRIGGER IF NOT EXISTS audit_auditevent_no_update BEFORE UPDATE ON audit_auditevent
BEGIN SELECT RAISE(ABORT, 'audit entries are append-only'); END;
""",
    "audit_auditevent_no_delete": """
CREATE TRIGGER IF NOT EXISTS audit_auditevent_no_delete BEFORE DELETE ON audit_auditevent
WHEN wijkkracht_audit_delete_allowed() = 0
BEGIN SELECT RAISE(ABORT, 'audit entries are append-only'); END;
""",
    "audit_auditanchor_no_update": """
CREATE TRIGGER IF NOT EXISTS audit_auditanchor_no_update BEFORE UPDATE ON audit_auditanchor
BEGIN SELECT RAISE(ABORT, 'audit anchors are append-only'); END;
""",
    "audit_auditanchor_no_delete": """
CREATE TRIGGER IF NOT EXISTS audit_auditanchor_no_delete BEFORE DELETE ON audit_auditanchor
WHEN wijkkracht_audit_delete_allowed() = 0
BEGIN SELECT RAISE(ABORT, 'audit anchors are append-only'); END;
""",
}


def triggers_forward(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(PG_FORWARD)
    elif vendor == "sqlite":
        for sql in SQLITE_TRIGGERS.values():
            schema_editor.execute(sql)


def triggers_backward(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(PG_BACKWARD)
    elif vendor == "sqlite":
        for name in SQLITE_TRIGGERS:
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {name}")


def restore_update_trigger(apps, schema_editor):
    """Going back to 0004: the reversed column changes rebuilt the SQLite table; put 0002's trigger back."""
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute(SQLITE_TRIGGERS["audit_auditevent_no_update"])


class Migration(migrations.Migration):

    dependencies = [
        ('audit', '0005_relationship_own'),
    ]

    operations = [
        migrations.RunPython(migrations.RunPython.noop, restore_update_trigger),
        migrations.CreateModel(
            name='AuditAnchor',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('number', models.PositiveBigIntegerField(unique=True)),
                ('at', models.DateTimeField(default=django.utils.timezone.now)),
                ('key_id', models.CharField(max_length=16)),
                ('prev_signature', models.CharField(max_length=64)),
                ('heads', models.JSONField(default=dict)),
                ('signature', models.CharField(max_length=64)),
            ],
            options={
                'verbose_name': 'verzegeling',
                'ordering': ['-number'],
            },
        ),
        migrations.AddField(
            model_name='auditevent',
            name='actor_name',
            field=models.CharField(blank=True, max_length=310),
        ),
        migrations.AddField(
            model_name='auditevent',
            name='chain',
            field=models.PositiveSmallIntegerField(null=True),
        ),
        migrations.AddField(
            model_name='auditevent',
            name='seq',
            field=models.PositiveBigIntegerField(null=True),
        ),
        migrations.AddField(
            model_name='flag',
            name='actor_name',
            field=models.CharField(blank=True, max_length=310),
        ),
        migrations.AddField(
            model_name='flag',
            name='chain',
            field=models.PositiveSmallIntegerField(null=True),
        ),
        migrations.AddField(
            model_name='flag',
            name='review_note',
            field=models.TextField(blank=True),
        ),
        migrations.AddField(
            model_name='flag',
            name='seq',
            field=models.PositiveBigIntegerField(null=True),
        ),
        migrations.AddField(
            model_name='flag',
            name='since',
            field=models.DateTimeField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name='refusal',
            name='actor_name',
            field=models.CharField(blank=True, max_length=310),
        ),
        migrations.AlterField(
            model_name='auditevent',
            name='actor_id',
            field=models.BigIntegerField(null=True),
        ),
        migrations.AlterField(
            model_name='auditevent',
            name='hash',
            field=models.CharField(max_length=64),
        ),
        migrations.AlterField(
            model_name='auditevent',
            name='subject_ref',
            field=models.CharField(max_length=64),
        ),
        migrations.AddIndex(
            model_name='auditevent',
            index=models.Index(fields=['subject_ref'], name='audit_event_subject_prefix', opclasses=['varchar_pattern_ops']),
        ),
        migrations.AddIndex(
            model_name='auditevent',
            index=models.Index(django.db.models.functions.text.Upper('actor_username'), name='audit_event_username_upper'),
        ),
        migrations.AddIndex(
            model_name='auditevent',
            index=models.Index(condition=models.Q(('chain__isnull', True)), fields=['id'], name='audit_event_legacy'),
        ),
        migrations.AddConstraint(
            model_name='auditevent',
            constraint=models.UniqueConstraint(fields=('chain', 'seq'), name='audit_event_chain_seq'),
        ),
        migrations.RunPython(triggers_forward, triggers_backward),
    ]
