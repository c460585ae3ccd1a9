from django.db.models import Q

from .models import AuditEvent, Flag


def flag_open_count() -> int:
    return Flag.objects.filter(reviewed_at__isnull=True).count()


def flag_list(*, open_only: bool = True):
    qs = Flag.objects.all()
    return qs.filter(reviewed_at__isnull=True) if open_only else qs


def audit_event_search(*, subject_ref: str = "", username: str = "", date_from=None, date_to=None, event: str = ""):
    """The privacy officer's search: by resident reference, by user, by period."""
    qs = AuditEvent.objects.all().order_by("-id")
    if subject_ref := subject_ref.strip():
        qs = qs.filter(Q(subject_ref__istartswith=subject_ref))
    if username := username.strip():
        qs = qs.filter(actor_username__iexact=username)
    if date_from:
        qs = qs.filter(at__date__gte=date_from)
    if date_to:
        qs = qs.filter(at__date__lte=date_to)
    if event:
        qs = qs.filter(event=event)
    return qs


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
