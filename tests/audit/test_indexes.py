"""The audit table carries only the indexes its queries use: each index costs every append."""

import datetime

import pytest
from django.db import connection

from wijkkracht.audit.selectors import audit_event_search

pytestmark = pytest.mark.django_db

WANTED = {
    "audit_event_chain_seq": ["chain", "seq"],  # appending (the head of a chain), verifying, sealing
    "audit_event_subject_prefix": ["subject_ref"],  # the search by resident reference
    "audit_event_username_upper": None,  # the search by user (an expression: UPPER(actor_username))
    "audit_event_legacy": ["id"],  # the legacy chain (partial: new entries never enter it)
    "at": ["at"],  # the search by period
}


def _indexes() -> dict:
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, "audit_auditevent")
    found = {}
    for name, info in constraints.items():
        if (info["index"] or info["unique"]) and not info["primary_key"]:
            key = "at" if name.startswith("audit_auditevent_at_") else name
            found[key] = [c for c in info["columns"] if c] or None
    return found


def test_only_the_indexes_the_queries_use():
    assert _indexes() == WANTED


def test_no_index_on_the_hash_and_on_postgresql_the_searches_use_their_index():
    if connection.vendor != "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'audit_auditevent'")
            definitions = [row[0] for row in cursor.fetchall() if row[0]]
            cursor.execute("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'audit_auditevent'")
            table = cursor.fetchone()[0]
        assert len(definitions) == 4 and [d for d in definitions if '"hash"' in d] == []
        assert table.count("UNIQUE") == 1 and 'UNIQUE ("chain", "seq")' in table
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE tablename = 'audit_auditevent'")
        definitions = [row[0] for row in cursor.fetchall()]
        assert [d for d in definitions if "varchar_pattern_ops" in d] == [
            next(d for d in definitions if "audit_event_subject_prefix" in d)
        ]
        assert "(subject_ref varchar_pattern_ops)" in next(d for d in definitions if "subject_prefix" in d)
        cursor.execute("SET LOCAL enable_seqscan = off")
        for filters, index in (
            ({"subject_ref": "3F2A9C1B"}, "audit_event_subject_prefix"),
            ({"username": "Jan"}, "audit_event_username_upper"),
            ({"date_from": datetime.date(2026, 1, 1), "date_to": datetime.date(2026, 1, 31)}, "audit_auditevent_at_"),
        ):
            # Without the ORDER BY id: on a near-empty table the planner may walk the primary key backwards
            # instead, which says nothing about whether the filter can use its index.
            sql, params = audit_event_search(**filters).order_by().query.sql_with_params()
            cursor.execute(f"EXPLAIN {sql}", params)
            plan = "\n".join(row[0] for row in cursor.fetchall())
            assert index in plan, plan
