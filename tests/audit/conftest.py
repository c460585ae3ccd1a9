"""Helpers for the audit tests: reads written as the access kernel writes them, and an intruder's edits."""

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


def tamper(*statements):
    """What an intruder with database access does: switch the guard off, change rows, switch it on.

    Each statement is ``(sql, params)``. Inside the test's transaction, so it is rolled back after.
    """
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("ALTER TABLE audit_auditevent DISABLE TRIGGER audit_auditevent_no_change")
        else:
            cursor.execute("DROP TRIGGER IF EXISTS audit_auditevent_no_update")  # DELETE passes under the test settings
        for sql, params in statements:
            cursor.execute(sql, params)
        if connection.vendor == "postgresql":
            cursor.execute("ALTER TABLE audit_auditevent ENABLE TRIGGER audit_auditevent_no_change")


def tamper_anchors(*statements):
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("ALTER TABLE audit_auditanchor DISABLE TRIGGER audit_auditanchor_no_change")
        else:
            cursor.execute("DROP TRIGGER IF EXISTS audit_auditanchor_no_update")
        for sql, params in statements:
            cursor.execute(sql, params)
        if connection.vendor == "postgresql":
            cursor.execute("ALTER TABLE audit_auditanchor ENABLE TRIGGER audit_auditanchor_no_change")
