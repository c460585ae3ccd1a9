"""Questions at the desk and the information point, through the kernel (anonymous ones are logged under
the question itself). A volunteer reads only the questions they registered."""

import datetime

from django.utils import timezone

from wijkkracht.access.reads import read_list, read_one, read_page
from wijkkracht.provisions.models import DeskQuestion

SPEC = DeskQuestion.personal_data
LIST_LIMIT = 200


def _queryset():
    return DeskQuestion.objects.select_related("provision", "session", "registered_by", "resident__household")


def question_get(*, user, public_id, view: str, permission: str = "provisions.view_records") -> DeskQuestion:
    return read_one(
        SPEC, user=user, view=view, lookup={"public_id": public_id}, queryset=_queryset(), permission=permission
    )


def session_questions(*, user, session, view: str) -> list[DeskQuestion]:
    """The questions of one session: all of them for staff, the volunteer's own for a volunteer."""
    qs = _queryset().filter(session=session).order_by("-asked_at", "-id")
    if user.has_perm("provisions.view_records"):
        return read_list(SPEC, user=user, view=view, queryset=qs, limit=LIST_LIMIT)
    return read_list(
        SPEC,
        user=user,
        view=view,
        queryset=qs.filter(registered_by=user),
        limit=LIST_LIMIT,
        permission="provisions.log_question",
    )


def question_page(*, user, view: str, provision=None, page=1):
    qs = _queryset().order_by("-asked_at", "-id")
    if provision is not None:
        qs = qs.filter(provision=provision)
    return read_page(SPEC, user=user, view=view, queryset=qs, page=page)


def my_recent_questions(*, user, view: str, provision, limit: int = 10) -> list[DeskQuestion]:
    """What I registered lately at this provision (the quick form shows it underneath)."""
    qs = _queryset().filter(provision=provision, registered_by=user).order_by("-asked_at", "-id")
    return read_list(SPEC, user=user, view=view, queryset=qs, limit=limit, permission="provisions.log_question")


def my_question_page(*, user, view: str, since, page=1):
    """The questions I registered since a day (the phone app's list)."""
    start = timezone.make_aware(datetime.datetime.combine(since, datetime.time.min))
    qs = _queryset().filter(registered_by=user, asked_at__gte=start).order_by("-asked_at", "-id")
    return read_page(SPEC, user=user, view=view, queryset=qs, page=page, permission="provisions.log_question")
