"""The hash chains of the audit log: which chain an entry joins, the chain's lock and head, the hashes.

There are ``AUDIT_CHAINS`` chains (default 64). All entries of one call join one chain, chosen from the
acting user's id, so a call takes exactly one chain lock and two calls never wait for each other's
lock unless their users share a chain; no call ever holds two chain locks, so no two calls can
deadlock. Each entry names its chain and its position (``seq``, from 1) and links to the entry before
it in its own chain (``prev_hash``); the first entry of a chain links to ``GENESIS_HASH``.

Entries written before the chains (``chain`` empty, formats 1 and 2) are the legacy chain: one chain
in id order, verified as before and no longer appended to.
"""

import contextlib
import hashlib
import json

from django.conf import settings
from django.db import connection

from .models import AuditEvent

GENESIS_HASH = "0" * 64
# Arbitrary constants: the first key of PostgreSQL's two-int advisory locks, one lock per chain
# (``pg_advisory_xact_lock(CHAIN_LOCK_CLASS, chain)``) and one for writing anchors.
CHAIN_LOCK_CLASS = 730_542_417
ANCHOR_LOCK_CLASS = 730_542_418
# The payload format written today (3: with chain, seq and the user's name).
FORMAT = 3


def chain_for(actor_id) -> int:
    """The chain of a user's entries."""
    return (actor_id or 0) % max(1, settings.AUDIT_CHAINS)


def entry_hash(*, prev_hash: str, payload: dict) -> str:
    body = json.dumps(payload, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(f"{prev_hash}|{body}".encode()).hexdigest()


def entry_payload(entry: AuditEvent) -> dict:
    """The fields an entry's hash covers. Changing any of them breaks the chain.

    Format 2 added the NEN 7513 fields (categories, basis, relationship, consent, emergency), format 3
    the entry's chain, its position in it and the user's name. Older entries are verified with the
    fields they were hashed with.
    """
    payload = {
        "at": entry.at.isoformat(),
        "event": entry.event,
        "actor_id": entry.actor_id,
        "actor_username": entry.actor_username,
        "actor_organisation": entry.actor_organisation,
        "actor_role": entry.actor_role,
        "subject_type": entry.subject_type,
        "subject_ref": entry.subject_ref,
        "object_type": entry.object_type,
        "fields": list(entry.fields),
        "view": entry.view,
        "purpose": entry.purpose,
        "reason": entry.reason,
    }
    if entry.format >= 2:
        payload.update(
            format=entry.format,
            categories=list(entry.categories),
            basis=entry.basis,
            relationship=entry.relationship,
            consent=entry.consent,
            emergency=entry.emergency,
        )
    if entry.format >= 3:
        payload.update(chain=entry.chain, seq=entry.seq, actor_name=entry.actor_name)
    return payload


_TABLE = AuditEvent._meta.db_table
_HEAD_SQL = f"SELECT seq, hash FROM {_TABLE} WHERE chain = %s ORDER BY seq DESC LIMIT 1"  # noqa: S608 (no input)


# New entry ids taken from the table's sequence ahead of writing (PostgreSQL writes entries with COPY).
_IDS_SQL = f"SELECT nextval(pg_get_serial_sequence('{_TABLE}', 'id')) FROM generate_series(1, %s)"  # noqa: S608
# SQLite: the chain's head and the table's highest id in one statement (the write lock is held, so the
# ids after it are free; entries are never deleted).
_SQLITE_HEAD_SQL = (
    f"SELECT (SELECT seq FROM {_TABLE} WHERE chain = %s ORDER BY seq DESC LIMIT 1), "  # noqa: S608 (no input)
    f"(SELECT hash FROM {_TABLE} WHERE chain = %s ORDER BY seq DESC LIMIT 1), (SELECT MAX(id) FROM {_TABLE})"
)


def lock_chain(chain: int, reserve: int = 0) -> tuple[int, str, list]:
    """Take the chain's lock for this transaction; return the position and hash of its newest entry, and
    ``reserve`` new entry ids (PostgreSQL: from the sequence; SQLite: after the highest id).

    PostgreSQL: an advisory lock per chain, held until the transaction ends; the lock, the head and the
    ids go in one round trip as separate statements. In READ COMMITTED (Django's default) each statement
    takes its own snapshot, so the head is read after the lock is granted and sees every entry its
    previous holder committed. (Under REPEATABLE READ the head could be stale: the unique (chain, seq)
    constraint then refuses the append rather than fork the chain.) SQLite: transactions start IMMEDIATE
    (see settings), so the database write lock is already held.
    """
    with connection.cursor() as cursor:
        if connection.vendor != "postgresql":
            cursor.execute(_SQLITE_HEAD_SQL, [chain, chain])
            seq, last_hash, top = cursor.fetchone()
            ids = list(range((top or 0) + 1, (top or 0) + 1 + reserve))
            return (seq, last_hash, ids) if seq is not None else (0, GENESIS_HASH, ids)
        statements = [("SELECT pg_advisory_xact_lock(%s, %s)", [CHAIN_LOCK_CLASS, chain]), (_HEAD_SQL, [chain])]
        if reserve:
            statements.append((_IDS_SQL, [reserve]))
        if connection.settings_dict.get("OPTIONS", {}).get("server_side_binding"):
            results = []
            for sql, params in statements:
                cursor.execute(sql, params)
                results.append(cursor.fetchall())
        else:
            cursor.execute("; ".join(sql for sql, _params in statements), [p for _sql, ps in statements for p in ps])
            results = [cursor.fetchall()]
            while cursor.nextset():
                results.append(cursor.fetchall())
    head = results[1][0] if results[1] else (0, GENESIS_HASH)
    return head[0], head[1], [row[0] for row in results[2]] if reserve else []


_SEQ_MARK = -7_305_424_176  # stands for the position while the rest of the payload is serialised


def _hash_parts(entry: AuditEvent) -> tuple[str, str]:
    """The serialised payload around its ``seq``, made before the lock is taken: under the lock only
    the position and the previous hash remain to be filled in. Gives exactly ``entry_hash``'s input
    (a string value cannot contain the unescaped ``"seq":`` key)."""
    body = json.dumps(entry_payload(entry) | {"seq": _SEQ_MARK}, sort_keys=True, separators=(",", ":"), default=str)
    before, after = body.split(f'"seq":{_SEQ_MARK}', 1)
    return f'{before}"seq":', after


def chain_append(*, chain: int, entries: list[AuditEvent]) -> list[AuditEvent]:
    """Link the entries to the end of their chain and write them, under the chain's lock.

    What does not depend on the chain's head (serialising the payloads) is done before the lock is
    taken. On PostgreSQL the entries are written with ``COPY``, their ids reserved in the lock's round
    trip: about five times less client work than an INSERT of the same rows through the ORM, so the
    lock is held for less time and a call costs less CPU. SQLite writes them with one INSERT run for all
    rows (``executemany``): the ORM's bulk INSERT would split them into batches of 999 parameters, so
    the number of queries of a page would grow with the residents it shows.
    """
    copy = connection.vendor == "postgresql"
    for entry in entries:
        entry.chain, entry.format = chain, FORMAT
    parts = [_hash_parts(entry) for entry in entries]
    seq, prev_hash, ids = lock_chain(chain, reserve=len(entries))
    for entry, (before, after) in zip(entries, parts, strict=True):
        seq += 1
        entry.seq, entry.prev_hash = seq, prev_hash
        entry.hash = hashlib.sha256(f"{prev_hash}|{before}{seq}{after}".encode()).hexdigest()
        prev_hash = entry.hash
    for entry, pk in zip(entries, ids, strict=True):
        entry.pk = pk
    if copy:
        _copy(entries)
    else:
        _insert_many(entries)
    return entries


_FIELDS = list(AuditEvent._meta.concrete_fields)
_JSON_FIELDS = {f.attname for f in _FIELDS if f.get_internal_type() == "JSONField"}
_COLUMNS = ", ".join(f'"{f.column}"' for f in _FIELDS)
_COPY_SQL = f"COPY {_TABLE} ({_COLUMNS}) FROM STDIN"


_INSERT_SQL = f"INSERT INTO {_TABLE} ({_COLUMNS}) VALUES ({', '.join(['%s'] * len(_FIELDS))})"  # noqa: S608


def _insert_many(entries: list[AuditEvent]) -> None:
    """Write the entries (ids set) with one INSERT statement run for every row."""
    rows = [[f.get_db_prep_save(getattr(entry, f.attname), connection) for f in _FIELDS] for entry in entries]
    with connection.cursor() as cursor:
        cursor.executemany(_INSERT_SQL, rows)
    for entry in entries:
        entry._state.adding, entry._state.db = False, connection.alias


def _copy(entries: list[AuditEvent]) -> None:
    """Write the entries with PostgreSQL's COPY, logged like any query (CaptureQueriesContext, DEBUG)."""
    names = [f.attname for f in _FIELDS]
    with connection.cursor() as cursor:
        logged = cursor.debug_sql(_COPY_SQL) if hasattr(cursor, "debug_sql") else contextlib.nullcontext()
        with logged, cursor.cursor.copy(_COPY_SQL) as copy:
            for entry in entries:
                copy.write_row(
                    [json.dumps(getattr(entry, n)) if n in _JSON_FIELDS else getattr(entry, n) for n in names]
                )
    for entry in entries:
        entry._state.adding, entry._state.db = False, connection.alias


# The chains present, each found with one index probe (a loose index scan: no scan of the table).
_CHAINS_SQL = f"""
WITH RECURSIVE c(chain) AS (
    SELECT MIN(chain) FROM {_TABLE}
    UNION ALL
    SELECT (SELECT MIN(chain) FROM {_TABLE} WHERE chain > c.chain) FROM c WHERE c.chain IS NOT NULL
)
SELECT c.chain,
    (SELECT seq FROM {_TABLE} WHERE chain = c.chain ORDER BY seq DESC LIMIT 1),
    (SELECT hash FROM {_TABLE} WHERE chain = c.chain ORDER BY seq DESC LIMIT 1)
FROM c WHERE c.chain IS NOT NULL
"""  # noqa: S608 (the table name is the model's, no input)


def chain_heads() -> dict:
    """The heads of all chains as an anchor records them: ``{"legacy": [id, hash] | None, "chains": {...}}``."""
    with connection.cursor() as cursor:
        cursor.execute(_CHAINS_SQL)
        chains = {str(chain): [seq, hash_] for chain, seq, hash_ in cursor.fetchall()}
    legacy = AuditEvent.objects.filter(chain__isnull=True).order_by("-id").values_list("id", "hash").first()
    return {"legacy": list(legacy) if legacy else None, "chains": chains}
