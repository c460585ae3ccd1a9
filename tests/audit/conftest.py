"""Helpers for the audit tests: reads written as the access kernel writes them, and an intruder's edits."""

import importlib

import pytest
from django.db import connection

from wijkkracht.audit.models import Basis, Purpose, Relationship
from wijkkracht.audit.services import Read, audit_call, audit_reads_record


@pytest.fixture(autouse=True)
def anchor_file(settings, tmp_path):
    """Each test its own anchor file (the database is rolled back after a test; a file is not)."""
    settings.AUDIT_ANCHOR_PATH = tmp_path / "anchors" / "audit-anchors.jsonl"
    return settings.AUDIT_ANCHOR_PATH


def resident_read(ref: str, *, fields=("name", "birth_date"), object_type="people.Resident", **kwargs) -> Read:
    return Read(
        subject_ref=ref,
        object_type=object_type,
        category=kwargs.pop("category", "personal_details"),
        fields=tuple(fields),
        purpose=kwargs.pop("purpose", Purpose.CASE_WORK),
        basis=kwargs.pop("basis", Basis.TEAM),
        relationship=kwargs.pop("relationship", Relationship.TEAM_MEMBER),
        **kwargs,
    )


def visit(user, *refs, view="people:resident-detail", **kwargs):
    """One call (a page) by ``user`` reading these residents: one entry per resident."""
    with audit_call():
        audit_reads_record(actor=user, view=view, reads=[resident_read(ref, **kwargs) for ref in refs])


_TRIGGERS = importlib.import_module("wijkkracht.audit.migrations.0006_chains_and_anchors").SQLITE_TRIGGERS


def _tamper(table: str, statements):
    """Switch the guard of ``table`` off, run the statements, switch it on again. DELETE on SQLite
    passes anyway under the test settings (AUDIT_SQLITE_DELETE_ALLOWED)."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(f"ALTER TABLE {table} DISABLE TRIGGER {table}_no_change")
        else:
            cursor.execute(f"DROP TRIGGER IF EXISTS {table}_no_update")
        for sql, params in statements:
            cursor.execute(sql, params)
        if connection.vendor == "postgresql":
            cursor.execute(f"ALTER TABLE {table} ENABLE TRIGGER {table}_no_change")
        else:
            cursor.execute(_TRIGGERS[f"{table}_no_update"])


def tamper(*statements):
    """What an intruder with database access does to the entries: ``(sql, params)`` each."""
    _tamper("audit_auditevent", statements)


def tamper_anchors(*statements):
    _tamper("audit_auditanchor", statements)
