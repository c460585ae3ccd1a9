"""The audit log is append-only and tamper-evident."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import DatabaseError, connection, transaction
from django.test import Client
from django.urls import reverse

from wijkkracht.accounts.roles import Role
from wijkkracht.audit.models import AppendOnlyError, AuditEvent, Flag
from wijkkracht.audit.services import GENESIS_HASH, audit_batch, audit_reads_record
from wijkkracht.audit.tasks import verify_chain
from wijkkracht.audit.verify import audit_chain_verify

from ..conftest import login
from ..factories import ResidentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def three_reads(make_user, city):
    worker = make_user(Role.WORKER)
    client = login(Client(), worker)
    for resident in ResidentFactory.create_batch(3, household__neighbourhood=city["north"]):
        client.get(reverse("people:resident-detail", args=[resident.public_id]))
    return list(AuditEvent.objects.order_by("id"))


def _tamper(sql: str, params):
    """What an intruder with database access would do: switch off the guard and edit a row."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("ALTER TABLE audit_auditevent DISABLE TRIGGER audit_auditevent_no_change")
            cursor.execute(sql, params)
            cursor.execute("ALTER TABLE audit_auditevent ENABLE TRIGGER audit_auditevent_no_change")
        else:
            cursor.execute("DROP TRIGGER audit_auditevent_no_update")
            cursor.execute(sql, params)


def test_entries_form_a_chain(three_reads):
    first, second, third = three_reads
    assert first.prev_hash == GENESIS_HASH
    assert second.prev_hash == first.hash
    assert third.prev_hash == second.hash
    assert audit_chain_verify().ok


def test_the_verify_command_reports_a_sound_log(three_reads, capsys):
    call_command("audit_verify")
    assert "Auditlog in orde: 3 regels gecontroleerd." in capsys.readouterr().out


def test_the_verify_command_names_the_first_changed_entry(three_reads):
    _tamper("UPDATE audit_auditevent SET actor_username = %s WHERE id = %s", ["iemand-anders", three_reads[1].id])
    with pytest.raises(CommandError, match=f"regel {three_reads[1].id} \\(de inhoud van de regel is gewijzigd\\)"):
        call_command("audit_verify")


def test_a_deleted_entry_breaks_the_chain_at_the_next_one(three_reads):
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("ALTER TABLE audit_auditevent DISABLE TRIGGER audit_auditevent_no_change")
        cursor.execute("DELETE FROM audit_auditevent WHERE id = %s", [three_reads[1].id])
    report = audit_chain_verify()
    assert report.broken_id == three_reads[2].id
    assert "vorige regel" in report.problem


def test_the_model_refuses_to_change_or_delete_entries(three_reads):
    entry = three_reads[0]
    entry.reason = "verstopt"
    with pytest.raises(AppendOnlyError):
        entry.save()
    with pytest.raises(AppendOnlyError):
        entry.delete()
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.filter(pk=entry.pk).update(reason="x")
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.all().delete()


def test_the_database_refuses_a_raw_update(three_reads):
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE audit_auditevent SET reason = 'x' WHERE id = %s", [three_reads[0].id])


def test_entries_survive_the_deletion_of_the_user(three_reads, make_user):
    from wijkkracht.accounts.models import User

    User.objects.filter(username=three_reads[0].actor_username).delete()
    assert AuditEvent.objects.count() == 3


@pytest.mark.django_db(transaction=True)
def test_audit_entries_are_only_written_inside_the_reading_transaction(make_user):
    with pytest.raises(RuntimeError):
        audit_reads_record(
            actor=make_user(),
            subject_refs=["x"],
            subject_type="resident",
            object_type="t",
            fields=[],
            view="v",
            purpose="case_work",
        )


def test_the_verify_job_flags_a_broken_chain_once(three_reads):
    assert verify_chain.delay().get() == {"ok": True, "checked": 3, "broken_id": None}
    _tamper("UPDATE audit_auditevent SET fields = %s WHERE id = %s", ['["bsn"]', three_reads[0].id])
    assert verify_chain.delay().get()["broken_id"] == three_reads[0].id
    verify_chain.delay().get()
    assert Flag.objects.filter(kind=Flag.Kind.CHAIN_BROKEN, audit_event_id=three_reads[0].id).count() == 1


def _read(worker, ref: str):
    audit_reads_record(
        actor=worker,
        subject_refs=[ref],
        subject_type="resident",
        object_type="people.Resident",
        fields=["name"],
        view="test",
        purpose="case_work",
    )


def test_a_batch_appends_its_entries_at_its_end_inside_the_transaction(make_user):
    worker = make_user(Role.WORKER)
    with transaction.atomic():
        with audit_batch():
            _read(worker, "A")
            _read(worker, "B")
            assert AuditEvent.objects.count() == 0  # collected, not yet written (no chain lock yet)
        assert list(AuditEvent.objects.order_by("id").values_list("subject_ref", flat=True)) == ["A", "B"]
    assert audit_chain_verify().ok


def test_a_batch_that_fails_writes_nothing(make_user):
    worker = make_user(Role.WORKER)
    with pytest.raises(RuntimeError, match="page failed"), transaction.atomic(), audit_batch():
        _read(worker, "A")
        raise RuntimeError("page failed")
    assert AuditEvent.objects.count() == 0


@pytest.mark.django_db(transaction=True)
def test_a_batch_belongs_inside_a_transaction():
    with pytest.raises(RuntimeError), audit_batch():
        pass


def test_the_resident_page_logs_all_its_reads_in_one_chained_append(three_reads):
    assert len({e.subject_ref for e in three_reads}) >= 3
    assert audit_chain_verify().ok
