"""Reading personal data by the policy, with the audit entries in the same transaction.

Every selector that returns personal data (``access.selectors`` for residents, ``cases.selectors``,
``care.selectors``, ...) reads through these functions: they take the scopes from ``access.scopes``,
filter, and log each read record under the resident it is about. A refusal writes a Refusal, never a
read entry, and raises ``NotFoundOrForbidden`` (shown as 404).

Reads join the caller's transaction when there is one (``savepoint=False``: a page that reads several
sections in one transaction pays no savepoint round trips); otherwise each read is its own transaction.
"""

from collections.abc import Callable, Iterable
from contextlib import contextmanager

from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import QuerySet

from wijkkracht.audit.models import Basis, Event, Purpose
from wijkkracht.audit.services import Read, audit_batch, audit_reads_record, audit_refusal_record

from .errors import NotFoundOrForbidden
from .scopes import Scope, combined_q, list_purpose


@contextmanager
def page_reads():
    """All reads of one page in one transaction; their audit entries are appended together at the end.

    Still in the reading transaction (nothing is logged after the fact), but the audit chain lock is
    held only from that append to the commit, so pages of different users do not queue behind each
    other while they read. See docs/benchmarks.md for the measurement.
    """
    with transaction.atomic(), audit_batch():
        yield


def log_reads(
    *,
    user,
    subject_refs: Iterable[str],
    object_type: str,
    fields: list[str],
    view: str,
    purpose: str,
    reason: str = "",
    event: str = Event.PERSONAL_DATA_READ,
) -> None:
    """Log reads of records about these residents (public ids). Call inside the reading transaction."""
    refs = list(dict.fromkeys(str(r) for r in subject_refs))
    audit_reads_record(
        actor=user,
        view=view,
        reads=[
            Read(
                subject_ref=ref,
                object_type=object_type,
                category="",
                fields=tuple(fields),
                purpose=purpose,
                basis=Basis.BREAK_GLASS if purpose == Purpose.BREAK_GLASS else Basis.TEAM,
                emergency=purpose == Purpose.BREAK_GLASS,
                reason=reason,
                event=event,
            )
            for ref in refs
        ],
    )


def refuse(*, user, ref, view: str, subject_type: str = "resident"):
    audit_refusal_record(actor=user, subject_type=subject_type, subject_ref=str(ref), view=view)
    raise NotFoundOrForbidden


def read_one(
    *,
    user,
    permission: str,
    queryset: QuerySet,
    scopes: list[Scope],
    lookup: dict,
    subject: Callable,
    object_type: str,
    fields: list[str],
    view: str,
):
    """One record by ``lookup`` within the user's scopes, logged under the first scope that has it.

    ``subject(obj)`` gives the public ids of the residents the record is about.
    """
    ref = next(iter(lookup.values()), "")
    if not user.has_perm(permission):
        refuse(user=user, ref=ref, view=view)
    with transaction.atomic(savepoint=False):
        for scope in scopes:
            obj = queryset.filter(scope.q, **lookup).first()
            if obj is not None:
                log_reads(
                    user=user,
                    subject_refs=subject(obj),
                    object_type=object_type,
                    fields=fields,
                    view=view,
                    purpose=scope.purpose,
                )
                return obj
    refuse(user=user, ref=ref, view=view)


def read_list(
    *,
    user,
    permission: str,
    queryset: QuerySet,
    scopes: list[Scope],
    subject: Callable,
    object_type: str,
    fields: list[str],
    view: str,
    limit: int | None = None,
) -> list:
    """All records (or the first ``limit``) of a queryset within the user's scopes, each logged."""
    if not user.has_perm(permission):
        raise NotFoundOrForbidden
    qs = queryset.filter(combined_q(scopes))
    if limit is not None:
        qs = qs[:limit]
    with transaction.atomic(savepoint=False):
        objects = list(qs)
        log_reads(
            user=user,
            subject_refs=[ref for obj in objects for ref in subject(obj)],
            object_type=object_type,
            fields=fields,
            view=view,
            purpose=list_purpose(scopes),
        )
    return objects


def read_page(
    *,
    user,
    permission: str,
    queryset: QuerySet,
    scopes: list[Scope],
    subject: Callable,
    object_type: str,
    fields: list[str],
    view: str,
    page: int | str = 1,
    per_page: int = 25,
):
    """One page of a queryset within the user's scopes; only the records on the page are logged."""
    if not user.has_perm(permission):
        raise NotFoundOrForbidden
    qs = queryset.filter(combined_q(scopes))
    with transaction.atomic(savepoint=False):
        page_obj = Paginator(qs, per_page).get_page(page)
        objects = list(page_obj.object_list)
        log_reads(
            user=user,
            subject_refs=[ref for obj in objects for ref in subject(obj)],
            object_type=object_type,
            fields=fields,
            view=view,
            purpose=list_purpose(scopes),
        )
    page_obj.object_list = objects
    return page_obj


def log_related(
    *, user, objects: list, subject: Callable, object_type: str, fields: list[str], view: str, purpose: str
):
    """Log records read alongside one already authorised (the requests on a resident page)."""
    log_reads(
        user=user,
        subject_refs=[ref for obj in objects for ref in subject(obj)],
        object_type=object_type,
        fields=fields,
        view=view,
        purpose=purpose,
    )
