"""Reading the audit log, for the privacy officer. Every filter here has its index (models.py)."""

from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.utils import timezone

from .models import AuditEvent, Flag, Refusal

# Entries shown on either side of a broken place in a chain.
_AROUND = 3


def flag_open_count() -> int:
    return Flag.objects.filter(reviewed_at__isnull=True).count()


def flag_list(*, open_only: bool = True):
    qs = Flag.objects.all()
    return qs.filter(reviewed_at__isnull=True) if open_only else qs


def flag_get(*, pk: int) -> Flag | None:
    return Flag.objects.filter(pk=pk).first()


def _start_of(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def audit_event_search(*, subject_ref: str = "", username: str = "", date_from=None, date_to=None, event: str = ""):
    """The privacy officer's search: by resident reference (its first characters), user, period, kind.

    References are stored in lower case (a resident's ``public_id``) and searched as a prefix, so the
    ``varchar_pattern_ops`` index serves it; the period is a range on ``at`` (its index), in local days.
    """
    qs = AuditEvent.objects.all().order_by("-id")
    if subject_ref := subject_ref.strip().lower():
        qs = qs.filter(subject_ref__startswith=subject_ref)
    if username := username.strip():
        qs = qs.filter(actor_username__iexact=username)
    if date_from:
        qs = qs.filter(at__gte=_start_of(date_from))
    if date_to:
        qs = qs.filter(at__lt=_start_of(date_to + timedelta(days=1)))
    if event:
        qs = qs.filter(event=event)
    return qs


def flag_log_lines(flag: Flag):
    """The log lines a flag is about: ``(entries, refusals)``.

    - noodtoegang: the entry of that read;
    - herhaald geweigerd: the user's refusals in the window that raised the flag, and the user's reads
      in that window;
    - auditlog aangetast: the entries around the broken place of the chain (a removed entry has no line
      of its own: its neighbours show where it was).
    """
    entries = AuditEvent.objects.none()
    refusals = Refusal.objects.none()
    if flag.kind == Flag.Kind.REPEATED_REFUSALS:
        since = flag.since or flag.at - settings.AUDIT_REFUSAL_WINDOW
        window = {"at__gte": since, "at__lte": flag.at}
        refusals = Refusal.objects.filter(actor_id=flag.actor_id, **window).order_by("-id")
        entries = AuditEvent.objects.filter(actor_username__iexact=flag.actor_username, **window).order_by("-id")
    elif flag.kind == Flag.Kind.BREAK_GLASS and flag.audit_event_id:
        entries = AuditEvent.objects.filter(pk=flag.audit_event_id)
    elif flag.kind == Flag.Kind.CHAIN_BROKEN and flag.chain is not None and flag.seq is not None:
        entries = AuditEvent.objects.filter(
            chain=flag.chain, seq__gte=flag.seq - _AROUND, seq__lte=flag.seq + _AROUND
        ).order_by("-seq")
    elif flag.kind == Flag.Kind.CHAIN_BROKEN and flag.audit_event_id:
        entries = AuditEvent.objects.filter(
            chain__isnull=True, id__gte=flag.audit_event_id - _AROUND, id__lte=flag.audit_event_id + _AROUND
        ).order_by("-id")
    return entries, refusals


def recent_subjects(*, actor_id: int, views, limit: int = 5, scan: int = 200) -> list[str]:
    """The residents (public ids) this user opened last on the given pages, newest first, each once.

    Read from the user's own audit entries (the newest ``scan`` of them), so nothing else has to record
    what was opened. The caller reads the residents through the access kernel: who the user may no
    longer see is left out there."""
    refs = (
        AuditEvent.objects.filter(actor_id=actor_id, subject_type="resident", view__in=list(views))
        .order_by("-id")
        .values_list("subject_ref", flat=True)[:scan]
    )
    return list(dict.fromkeys(refs))[:limit]
