"""Writing the audit log. Reads of personal data are recorded in the caller's transaction.

The chains, their locks and the hashes are in ``chain.py``; the anchors in ``anchors.py``.
"""

from contextlib import contextmanager
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from . import anchors
from .chain import GENESIS_HASH, chain_append, chain_for, entry_hash, entry_payload
from .durations import duration_in_words
from .models import RELATIONSHIP_ORDER, AuditAnchor, AuditEvent, Basis, Event, Flag, Purpose, Refusal, Relationship

__all__ = [
    "GENESIS_HASH",
    "Read",
    "anchor_seal",
    "audit_call",
    "audit_reads_record",
    "audit_record_write",
    "audit_refusal_record",
    "current_call",
    "entry_hash",
    "entry_payload",
    "flag_review",
]


def _actor_name(actor) -> str:
    """The user's full name as it is now: the log keeps it, whatever the account becomes later."""
    get_full_name = getattr(actor, "get_full_name", None)
    return (get_full_name() if get_full_name else "")[:310]


def _actor_fields(actor) -> dict:
    return {
        "actor_id": actor.pk,
        "actor_username": actor.get_username(),
        "actor_name": _actor_name(actor),
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
            # A call marked for rollback (an error answer) showed nothing: nothing to log.
            if not call.refused and not transaction.get_rollback():
                _append(call.entries())
    finally:
        setattr(connection, _CALL_ATTR, None)
        _write_refusals(call.refusals)


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
    """Chain and write the entries of one call (``[(actor, [AuditEvent])]``), under one chain lock.

    The chain is the first actor's (a call has one user in practice): one lock per call, never two,
    so calls cannot deadlock on chain locks.
    """
    groups = [(actor, entries) for actor, entries in groups if entries]
    if not groups:
        return
    chain_append(chain=chain_for(groups[0][0].pk), entries=[e for _actor, entries in groups for e in entries])
    for actor, group_entries in groups:
        for entry in group_entries:
            if entry.event == Event.BREAK_GLASS_READ:
                Flag.objects.create(
                    kind=Flag.Kind.BREAK_GLASS,
                    actor_id=actor.pk,
                    actor_username=actor.get_username(),
                    actor_name=entry.actor_name,
                    subject_ref=entry.subject_ref,
                    detail=entry.reason,
                    audit_event_id=entry.pk,
                    chain=entry.chain,
                    seq=entry.seq,
                )


def audit_refusal_record(*, actor, subject_type: str, subject_ref: str, view: str) -> None:
    """Record a refused access (no read entry) and flag the user when refusals repeat.

    Inside a call the refusal marks the whole call as refused (it then logs no read at all) and is
    written when the call ends, after its transaction, so a rollback cannot lose it.
    """
    refusal = {
        "actor_id": actor.pk,
        "actor_username": actor.get_username(),
        "actor_name": _actor_name(actor),
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
        for actor_id, username, name in dict.fromkeys(
            (r["actor_id"], r["actor_username"], r["actor_name"]) for r in refusals
        ):
            _flag_repeated_refusals(actor_id=actor_id, username=username, name=name)


def _flag_repeated_refusals(*, actor_id, username: str, name: str) -> None:
    window = settings.AUDIT_REFUSAL_WINDOW
    since = timezone.now() - window
    recent = Refusal.objects.filter(actor_id=actor_id, at__gte=since).count()
    already_flagged = Flag.objects.filter(kind=Flag.Kind.REPEATED_REFUSALS, actor_id=actor_id, at__gte=since).exists()
    if recent >= settings.AUDIT_REFUSAL_FLAG_THRESHOLD and not already_flagged:
        Flag.objects.create(
            kind=Flag.Kind.REPEATED_REFUSALS,
            actor_id=actor_id,
            actor_username=username,
            actor_name=name,
            since=since,
            detail=f"{recent} geweigerde verzoeken binnen {duration_in_words(window)}",
        )


def flag_review(*, flag: Flag, reviewer, note: str) -> Flag:
    """Mark a flag as reviewed, with the privacy officer's note (what was looked at, what was decided)."""
    note = note.strip()
    if not note:
        raise ValidationError({"note": _("Schrijf op wat u heeft bekeken en wat u besloot.")})
    Flag.objects.filter(pk=flag.pk, reviewed_at__isnull=True).update(
        reviewed_at=timezone.now(), reviewed_by=reviewer.get_username(), review_note=note
    )
    flag.refresh_from_db()
    return flag


def anchor_seal() -> AuditAnchor | None:
    """Seal the heads of all chains in a signed anchor (database and file); None when nothing changed."""
    return anchors.anchor_write()
