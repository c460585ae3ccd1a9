"""Writing the audit log. Reads of personal data are recorded in the caller's transaction."""

import hashlib
import json
from contextlib import contextmanager

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from .models import AuditEvent, Event, Flag, Refusal

GENESIS_HASH = "0" * 64
# An arbitrary constant: the PostgreSQL advisory lock that serialises appends to the chain.
_CHAIN_LOCK_KEY = 7_305_424_176


def entry_hash(*, prev_hash: str, payload: dict) -> str:
    body = json.dumps(payload, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(f"{prev_hash}|{body}".encode()).hexdigest()


def entry_payload(entry: AuditEvent) -> dict:
    """The fields an entry's hash covers. Changing any of them breaks the chain."""
    return {
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


def _lock_chain() -> str:
    """Take the chain lock for this transaction and return the hash of the newest entry."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_CHAIN_LOCK_KEY])
    # SQLite transactions start IMMEDIATE (see settings), so the database write lock is already held.
    last = AuditEvent.objects.order_by("-id").values_list("hash", flat=True).first()
    return last or GENESIS_HASH


def _actor_fields(actor) -> dict:
    return {
        "actor_id": actor.pk,
        "actor_username": actor.get_username(),
        "actor_organisation": str(actor.organisation) if actor.organisation_id else "",
        "actor_role": actor.role,
    }


# While a batch is open on the connection, entries are collected here and appended when it closes.
_BATCH_ATTR = "_wijkkracht_audit_batch"


@contextmanager
def audit_batch():
    """Collect the audit entries of several reads and append them together when the block ends.

    Use inside the transaction that reads (``with transaction.atomic(), audit_batch():``). The entries
    are still written in that transaction, before it commits; but the chain lock is taken only at the
    end, so it is held for the last moment before the commit instead of for every read of a page.
    If the block raises, nothing is appended (and the transaction rolls back). Nested batches join
    the outer one.
    """
    if not connection.in_atomic_block:
        raise RuntimeError("an audit batch belongs inside the transaction that reads the data")
    if getattr(connection, _BATCH_ATTR, None) is not None:
        yield
        return
    setattr(connection, _BATCH_ATTR, [])
    try:
        yield
        groups = getattr(connection, _BATCH_ATTR)
    finally:
        setattr(connection, _BATCH_ATTR, None)
    _append(groups)


def audit_reads_record(
    *,
    actor,
    subject_refs: list[str],
    subject_type: str,
    object_type: str,
    fields: list[str],
    view: str,
    purpose: str,
    reason: str = "",
    event: str = Event.PERSONAL_DATA_READ,
) -> list[AuditEvent]:
    """Append one entry per subject read. Must run inside the transaction that reads the data.

    Inside an ``audit_batch`` the entries are appended when the batch ends (same transaction).
    """
    if not connection.in_atomic_block:
        raise RuntimeError("audit entries are written in the same transaction as the read")
    if not subject_refs:
        return []
    now = timezone.now()
    entries = [
        AuditEvent(
            at=now,
            event=event,
            subject_type=subject_type,
            subject_ref=subject_ref,
            object_type=object_type,
            fields=list(fields),
            view=view,
            purpose=purpose,
            reason=reason,
            **_actor_fields(actor),
        )
        for subject_ref in subject_refs
    ]
    group = (entries, actor, event, reason)
    batch = getattr(connection, _BATCH_ATTR, None)
    if batch is not None:
        batch.append(group)
        return entries
    _append([group])
    return entries


def _append(groups: list[tuple]) -> None:
    """Chain and write the entries of one or more reads, under the chain lock (held until commit)."""
    if not groups:
        return
    prev_hash = _lock_chain()
    entries = []
    for group_entries, _actor, _event, _reason in groups:
        for entry in group_entries:
            entry.prev_hash = prev_hash
            entry.hash = entry_hash(prev_hash=prev_hash, payload=entry_payload(entry))
            prev_hash = entry.hash
            entries.append(entry)
    AuditEvent.objects.bulk_create(entries)
    for group_entries, actor, event, reason in groups:
        if event == Event.BREAK_GLASS_READ:
            for entry in group_entries:
                Flag.objects.create(
                    kind=Flag.Kind.BREAK_GLASS,
                    actor_id=actor.pk,
                    actor_username=actor.get_username(),
                    subject_ref=entry.subject_ref,
                    detail=reason,
                    audit_event_id=entry.pk,
                )


def audit_refusal_record(*, actor, subject_type: str, subject_ref: str, view: str) -> Refusal:
    """Record a refused access (no read entry) and flag the user when refusals repeat."""
    with transaction.atomic():
        refusal = Refusal.objects.create(
            actor_id=actor.pk,
            actor_username=actor.get_username(),
            actor_role=actor.role,
            subject_type=subject_type,
            subject_ref=subject_ref[:64],
            view=view,
        )
        since = timezone.now() - settings.AUDIT_REFUSAL_WINDOW
        recent = Refusal.objects.filter(actor_id=actor.pk, at__gte=since).count()
        already_flagged = Flag.objects.filter(
            kind=Flag.Kind.REPEATED_REFUSALS, actor_id=actor.pk, at__gte=since
        ).exists()
        if recent >= settings.AUDIT_REFUSAL_FLAG_THRESHOLD and not already_flagged:
            Flag.objects.create(
                kind=Flag.Kind.REPEATED_REFUSALS,
                actor_id=actor.pk,
                actor_username=actor.get_username(),
                detail=f"{recent} geweigerde verzoeken binnen {settings.AUDIT_REFUSAL_WINDOW}",
            )
    return refusal


def flag_review(*, flag: Flag, reviewer) -> Flag:
    Flag.objects.filter(pk=flag.pk, reviewed_at__isnull=True).update(
        reviewed_at=timezone.now(), reviewed_by=reviewer.get_username()
    )
    flag.refresh_from_db()
    return flag
