"""Writing the audit log. Reads of personal data are recorded in the caller's transaction."""

import hashlib
import json
from contextlib import contextmanager
from dataclasses import dataclass

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from .models import RELATIONSHIP_ORDER, AuditEvent, Basis, Event, Flag, Purpose, Refusal, Relationship

GENESIS_HASH = "0" * 64
# An arbitrary constant: the PostgreSQL advisory lock that serialises appends to the chain.
_CHAIN_LOCK_KEY = 7_305_424_176


def entry_hash(*, prev_hash: str, payload: dict) -> str:
    body = json.dumps(payload, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(f"{prev_hash}|{body}".encode()).hexdigest()


def entry_payload(entry: AuditEvent) -> dict:
    """The fields an entry's hash covers. Changing any of them breaks the chain.

    Format 2 adds the NEN 7513 fields (categories, basis, relationship, consent, emergency); entries
    written before keep format 1 and are verified with the fields they were hashed with.
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
    return payload


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


@dataclass(frozen=True)
class Read:
    """One record read about one subject, as the access kernel reports it.

    ``basis`` is a ``Basis`` value, optionally with the grant's purpose (``"grant:handover"``);
    ``relationship`` a ``Relationship`` value.
    """

    subject_ref: str
    object_type: str
    category: str
    fields: tuple
    purpose: str
    basis: str
    relationship: str = Relationship.NONE
    consent: bool = False
    emergency: bool = False
    reason: str = ""
    event: str = Event.PERSONAL_DATA_READ
    subject_type: str = "resident"


def _ordered_union(values) -> list:
    return list(dict.fromkeys(v for v in values if v))


def _strongest(relationships) -> str:
    present = set(relationships)
    return next((r for r in RELATIONSHIP_ORDER if r in present), Relationship.NONE)


def _merge(actor, view: str, reads: list[Read]) -> list[AuditEvent]:
    """One entry per subject (and event): every record, field and category read about it in the call."""
    groups: dict[tuple, list[Read]] = {}
    for read in reads:
        groups.setdefault((read.subject_type, read.subject_ref, read.event), []).append(read)
    now = timezone.now()
    actor_fields = _actor_fields(actor)
    entries = []
    for (subject_type, subject_ref, event), items in groups.items():
        first = items[0]
        entries.append(
            AuditEvent(
                at=now,
                event=event,
                subject_type=subject_type,
                subject_ref=subject_ref,
                object_type=",".join(_ordered_union(r.object_type for r in items))[:250],
                fields=_ordered_union(f for r in items for f in r.fields),
                categories=_ordered_union(r.category for r in items),
                view=view,
                purpose=first.purpose,
                basis=",".join(_ordered_union(r.basis for r in items))[:120],
                relationship=_strongest(r.relationship for r in items),
                consent=any(r.consent for r in items),
                emergency=any(r.emergency for r in items),
                reason=next((r.reason for r in items if r.reason), ""),
                format=2,
                **actor_fields,
            )
        )
    return entries


class AuditCall:
    """The reads of one call (a request, a command, a job): appended as one entry per subject at its end."""

    def __init__(self):
        self.reads: dict[tuple, list[Read]] = {}  # (actor id, view) -> reads
        self.actors: dict[tuple, object] = {}
        self.refusals: list[dict] = []
        # Facts looked up once per call (the user's teams, what one resident shares): see access.scopes.
        self.cache: dict = {}
        self.answered_refused = False

    @property
    def refused(self) -> bool:
        """Refused anywhere (a refusal recorded, or the call answered 403/404): no read is logged."""
        return bool(self.refusals) or self.answered_refused

    def add(self, actor, view: str, reads) -> None:
        key = (actor.pk, view)
        self.actors.setdefault(key, actor)
        self.reads.setdefault(key, []).extend(reads)

    def entries(self) -> list[tuple]:
        return [(self.actors[key], _merge(self.actors[key], key[1], reads)) for key, reads in self.reads.items()]


_CALL_ATTR = "_wijkkracht_audit_call"


def current_call() -> AuditCall | None:
    return getattr(connection, _CALL_ATTR, None)


@contextmanager
def audit_call():
    """One call: its reads in one transaction, logged as one entry per resident when the block ends.

    The entries are appended at the end of the block, still inside its transaction, so nothing is shown
    that was not logged, and the chain lock is held only for the last moment before the commit. A call
    that was refused anywhere (``audit_refusal_record``) appends no read entry at all, also not for
    what it read before the refusal; its refusals are written after the transaction, so they are kept
    even when the refusal rolls the transaction back. Nested calls join the outer one.
    """
    if current_call() is not None:
        # Joined: already inside the outer call's transaction. No atomic block of its own, so an
        # exception caught by the caller (a refusal shown as a page) does not doom the outer one.
        yield current_call()
        return
    call = AuditCall()
    setattr(connection, _CALL_ATTR, call)
    try:
        with transaction.atomic():
            yield call
            if not call.refused:
                _append(call.entries())
    finally:
        setattr(connection, _CALL_ATTR, None)
        _write_refusals(call.refusals)


# Kept for the callers that name a page's reads explicitly: the same as a call.
audit_batch = audit_call


def audit_reads_record(*, actor, view: str, reads) -> list[AuditEvent]:
    """Record reads of personal data. Must run inside the transaction that reads the data.

    Inside a call (``audit_call``; every web request is one) the reads are merged per subject and
    appended when the call ends; outside one they are merged and appended at once.
    """
    if not connection.in_atomic_block:
        raise RuntimeError("audit entries are written in the same transaction as the read")
    reads = list(reads)
    if not reads:
        return []
    call = current_call()
    if call is not None:
        call.add(actor, view, reads)
        return []
    entries = _merge(actor, view, reads)
    _append([(actor, entries)])
    return entries


def audit_record_write(
    *, actor, subject_refs, object_type: str, fields, view: str, reason: str, event: str, category: str = ""
) -> list[AuditEvent]:
    """Record a change that must be accountable like a read (merging records, recording or withdrawing
    consent): one entry per resident, in the transaction of the change."""
    reads = [
        Read(
            subject_ref=str(ref),
            object_type=object_type,
            category=category,
            fields=tuple(fields),
            purpose=Purpose.CASE_WORK,
            basis=Basis.WRITE,
            relationship=Relationship.NONE,
            reason=reason,
            event=event,
        )
        for ref in dict.fromkeys(str(r) for r in subject_refs)
    ]
    return audit_reads_record(actor=actor, view=view, reads=reads)


def _append(groups: list[tuple]) -> None:
    """Chain and write the entries of one call (``[(actor, [AuditEvent])]``), under the chain lock."""
    groups = [(actor, entries) for actor, entries in groups if entries]
    if not groups:
        return
    prev_hash = _lock_chain()
    entries = []
    for _actor, group_entries in groups:
        for entry in group_entries:
            entry.prev_hash = prev_hash
            entry.hash = entry_hash(prev_hash=prev_hash, payload=entry_payload(entry))
            prev_hash = entry.hash
            entries.append(entry)
    AuditEvent.objects.bulk_create(entries)
    for actor, group_entries in groups:
        for entry in group_entries:
            if entry.event == Event.BREAK_GLASS_READ:
                Flag.objects.create(
                    kind=Flag.Kind.BREAK_GLASS,
                    actor_id=actor.pk,
                    actor_username=actor.get_username(),
                    subject_ref=entry.subject_ref,
                    detail=entry.reason,
                    audit_event_id=entry.pk,
                )


def audit_refusal_record(*, actor, subject_type: str, subject_ref: str, view: str) -> None:
    """Record a refused access (no read entry) and flag the user when refusals repeat.

    Inside a call the refusal marks the whole call as refused (it then logs no read at all) and is
    written when the call ends, after its transaction, so a rollback cannot lose it.
    """
    refusal = {
        "actor_id": actor.pk,
        "actor_username": actor.get_username(),
        "actor_role": actor.role,
        "subject_type": subject_type,
        "subject_ref": str(subject_ref)[:64],
        "view": view,
    }
    call = current_call()
    if call is not None:
        call.refusals.append(refusal)
        return
    _write_refusals([refusal])


def _write_refusals(refusals: list[dict]) -> None:
    if not refusals:
        return
    with transaction.atomic():
        for refusal in refusals:
            Refusal.objects.create(**refusal)
        for actor_id, username in dict.fromkeys((r["actor_id"], r["actor_username"]) for r in refusals):
            _flag_repeated_refusals(actor_id=actor_id, username=username)


def _flag_repeated_refusals(*, actor_id, username: str) -> None:
    since = timezone.now() - settings.AUDIT_REFUSAL_WINDOW
    recent = Refusal.objects.filter(actor_id=actor_id, at__gte=since).count()
    already_flagged = Flag.objects.filter(kind=Flag.Kind.REPEATED_REFUSALS, actor_id=actor_id, at__gte=since).exists()
    if recent >= settings.AUDIT_REFUSAL_FLAG_THRESHOLD and not already_flagged:
        Flag.objects.create(
            kind=Flag.Kind.REPEATED_REFUSALS,
            actor_id=actor_id,
            actor_username=username,
            detail=f"{recent} geweigerde verzoeken binnen {settings.AUDIT_REFUSAL_WINDOW}",
        )


def flag_review(*, flag: Flag, reviewer) -> Flag:
    Flag.objects.filter(pk=flag.pk, reviewed_at__isnull=True).update(
        reviewed_at=timezone.now(), reviewed_by=reviewer.get_username()
    )
    flag.refresh_from_db()
    return flag
