"""The audit log is append-only and hash-chained: one chain per group of users, one lock per call."""

import importlib
import sqlite3

import pytest
from django.db import DatabaseError, connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wijkkracht.accounts.roles import Role
from wijkkracht.audit.chain import CHAIN_LOCK_CLASS, GENESIS_HASH, chain_for, entry_hash, entry_payload
from wijkkracht.audit.models import AppendOnlyError, AuditAnchor, AuditEvent
from wijkkracht.audit.services import anchor_seal, audit_call, audit_reads_record
from wijkkracht.audit.verify import audit_verify

from ..conftest import login
from ..factories import ResidentFactory
from .conftest import resident_read, visit

pytestmark = pytest.mark.django_db


def test_a_users_entries_form_a_chain_of_their_own(make_user, settings):
    settings.AUDIT_CHAINS = 64
    jan, petra = make_user(Role.WORKER), make_user(Role.WORKER)
    visit(jan, "a1")
    visit(petra, "b1")
    visit(jan, "a2", "a3")
    jans = list(AuditEvent.objects.filter(actor_id=jan.pk).order_by("seq"))
    assert {e.chain for e in jans} == {jan.pk % 64}
    assert petra.pk % 64 != jan.pk % 64
    assert [e.seq for e in jans] == [1, 2, 3]
    assert jans[0].prev_hash == GENESIS_HASH
    assert [e.prev_hash for e in jans[1:]] == [e.hash for e in jans[:-1]]
    assert AuditEvent.objects.get(actor_id=petra.pk).prev_hash == GENESIS_HASH
    assert audit_verify().ok


def test_the_hash_covers_the_place_in_the_chain_and_the_users_name(make_user):
    worker = make_user(Role.WORKER, first_name="Jan", last_name="Jansen")
    visit(worker, "a1")
    entry = AuditEvent.objects.get()
    assert (entry.format, entry.actor_name) == (3, "Jan Jansen")
    payload = entry_payload(entry)
    assert (payload["chain"], payload["seq"], payload["actor_name"]) == (entry.chain, 1, "Jan Jansen")
    assert entry.hash == entry_hash(prev_hash=GENESIS_HASH, payload=payload)


def test_hashes_made_in_advance_match_the_hash_the_verification_recomputes(make_user):
    """The append serialises each payload before taking the lock; the result must be entry_hash's."""
    worker = make_user(Role.WORKER, first_name="Zoë", last_name='d\'Écluse "Jr"')
    awkward = ['"seq":-7305424176,', "ümlaut \u2603 ☃", "", "x" * 500]
    for reason in awkward:
        visit(worker, f"ref-{len(reason)}", reason=reason, fields=("name", '"seq":1'))
    for entry in AuditEvent.objects.order_by("seq"):
        assert entry.hash == entry_hash(prev_hash=entry.prev_hash, payload=entry_payload(entry))
    assert audit_verify().ok


def test_one_call_takes_exactly_one_chain_lock_the_chain_of_its_user(make_user):
    worker = make_user(Role.WORKER)
    with CaptureQueriesContext(connection) as queries, audit_call():
        for ref in ("a1", "a2", "a3"):
            audit_reads_record(actor=worker, view="people:resident-detail", reads=[resident_read(ref)])
    locks = [q["sql"].split(";")[0] for q in queries if "pg_advisory_xact_lock" in q["sql"]]
    if connection.vendor == "postgresql":
        assert locks == [f"SELECT pg_advisory_xact_lock({CHAIN_LOCK_CLASS}, {chain_for(worker.pk)})"]
    else:  # SQLite: the IMMEDIATE transaction holds the database's one write lock
        assert locks == []
    assert set(AuditEvent.objects.values_list("chain", flat=True)) == {chain_for(worker.pk)}


def test_a_call_costs_one_round_trip_for_the_lock_and_one_for_the_write(make_user):
    """One round trip for the lock and the chain's head (and, on PostgreSQL, the new ids), then the write:
    one COPY on PostgreSQL for 1 or 45 residents alike; on SQLite one INSERT run for every row."""
    worker = make_user(Role.WORKER)
    for refs in (["a1"], [f"b{n}" for n in range(45)]):
        with CaptureQueriesContext(connection) as queries:
            visit(worker, *refs)
        audit = [q["sql"] for q in queries if "SAVEPOINT" not in q["sql"]]
        if connection.vendor == "postgresql":
            assert len(audit) == 2 and audit[1].startswith("COPY audit_auditevent"), audit
        else:
            assert len(audit) == 2 and "times: INSERT INTO audit_auditevent" in audit[1], audit
    entries = list(AuditEvent.objects.order_by("seq"))
    assert [e.seq for e in entries] == list(range(1, 47)) and len({e.pk for e in entries}) == 46
    assert audit_verify().ok


def test_a_resident_page_is_one_entry_per_resident_in_the_users_chain(make_user, city):
    worker = make_user(Role.WORKER)
    client = login(Client(), worker)
    for resident in ResidentFactory.create_batch(3, household__neighbourhood=city["north"]):
        client.get(reverse("people:resident-detail", args=[resident.public_id]))
    entries = list(AuditEvent.objects.order_by("id"))
    assert len({e.subject_ref for e in entries}) == 3
    assert {e.chain for e in entries} == {chain_for(worker.pk)}
    assert audit_verify().ok


def test_with_one_chain_every_user_shares_it(make_user, settings):
    settings.AUDIT_CHAINS = 1
    visit(make_user(Role.WORKER), "a1")
    visit(make_user(Role.WORKER), "b1")
    assert list(AuditEvent.objects.order_by("seq").values_list("chain", "seq")) == [(0, 1), (0, 2)]
    assert audit_verify().ok


def test_a_call_appends_its_entries_at_its_end_inside_the_transaction(make_user):
    worker = make_user(Role.WORKER)
    with transaction.atomic():
        with audit_call():
            audit_reads_record(actor=worker, view="test", reads=[resident_read("A")])
            audit_reads_record(actor=worker, view="test", reads=[resident_read("B")])
            assert AuditEvent.objects.count() == 0  # collected, not yet written (no chain lock yet)
        assert list(AuditEvent.objects.order_by("seq").values_list("subject_ref", flat=True)) == ["A", "B"]
    assert audit_verify().ok


def test_a_call_that_fails_writes_nothing(make_user):
    worker = make_user(Role.WORKER)
    with pytest.raises(RuntimeError, match="page failed"), audit_call():
        audit_reads_record(actor=worker, view="test", reads=[resident_read("A")])
        raise RuntimeError("page failed")
    assert AuditEvent.objects.count() == 0


@pytest.mark.django_db(transaction=True)
def test_audit_entries_are_only_written_inside_the_reading_transaction(make_user):
    with pytest.raises(RuntimeError):
        audit_reads_record(actor=make_user(), view="v", reads=[resident_read("x")])


def test_the_model_refuses_to_change_or_delete_entries(make_user):
    visit(make_user(Role.WORKER), "a1")
    entry = AuditEvent.objects.get()
    entry.reason = "verstopt"
    with pytest.raises(AppendOnlyError):
        entry.save()
    with pytest.raises(AppendOnlyError):
        entry.delete()
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.filter(pk=entry.pk).update(reason="x")
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.all().delete()


def test_the_database_refuses_a_raw_update(make_user):
    visit(make_user(Role.WORKER), "a1")
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE audit_auditevent SET reason = 'x'")


def test_the_database_refuses_a_raw_delete_on_both_databases(make_user, settings):
    visit(make_user(Role.WORKER), "a1")
    anchor_seal()
    settings.AUDIT_SQLITE_DELETE_ALLOWED = False  # as in production and the demo
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("DELETE FROM audit_auditevent")
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("DELETE FROM audit_auditanchor")
    assert (AuditEvent.objects.count(), AuditAnchor.objects.count()) == (1, 1)


def test_on_sqlite_a_connection_without_the_apps_function_cannot_delete_either(tmp_path):
    """The sqlite3 shell, or any program but the app: the trigger's function is missing, the DELETE fails."""
    migration = importlib.import_module("wijkkracht.audit.migrations.0006_chains_and_anchors")
    db = sqlite3.connect(tmp_path / "log.sqlite3")
    db.execute("CREATE TABLE audit_auditevent (id INTEGER PRIMARY KEY, reason TEXT)")
    db.execute(migration.SQLITE_TRIGGERS["audit_auditevent_no_delete"])
    db.execute("INSERT INTO audit_auditevent (reason) VALUES ('x')")
    with pytest.raises(sqlite3.OperationalError, match="no such function: wijkkracht_audit_delete_allowed"):
        db.execute("DELETE FROM audit_auditevent")
    db.create_function("wijkkracht_audit_delete_allowed", 0, lambda: 0)
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        db.execute("DELETE FROM audit_auditevent")
    assert db.execute("SELECT COUNT(*) FROM audit_auditevent").fetchone() == (1,)


def test_entries_survive_the_deletion_of_the_user(make_user):
    from wijkkracht.accounts.models import User

    worker = make_user(Role.WORKER)
    visit(worker, "a1", "a2")
    User.objects.filter(pk=worker.pk).delete()
    assert AuditEvent.objects.count() == 2
    assert audit_verify().ok
