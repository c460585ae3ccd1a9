"""Reads of signals, pilot-light contacts and carers, through wijkkracht.access.reads (policy + audit log).

Signals belong to a team (team scope); watch contacts and carers are records about residents
(resident scope; carers through a grant for the ``carer_support`` category). Every returned record is
logged under the residents it is about; a signal about someone not (yet) known as a resident is
logged under the signal itself. Query counts do not depend on the amount of data.
"""

import datetime

from django.db import transaction
from django.db.models import Count, OuterRef, Q, Subquery
from django.utils import timezone

from wijkkracht.access.errors import NotFoundOrForbidden
from wijkkracht.access.models import AccessGrant
from wijkkracht.access.reads import log_related, read_list, read_one, read_page
from wijkkracht.access.rules import CASE_ROLES
from wijkkracht.access.scopes import (
    ResidentAccess,
    combined_q,
    list_purpose,
    resident_access,
    resident_scopes,
    team_scopes,
)
from wijkkracht.accounts.models import User
from wijkkracht.audit.services import Read, audit_reads_record
from wijkkracht.care.ediz import ANSWERS, ITEMS
from wijkkracht.care.models import Carer, CarerStrainAssessment, Signal, WatchContact
from wijkkracht.cases.models import Channel, Contact
from wijkkracht.organisations.models import Team
from wijkkracht.people.models import Resident

# Choices for forms and serializers (views may not import the models).
SIGNAL_SOURCES = Signal.Source.choices
SIGNAL_STATUSES = Signal.Status.choices
SIGNAL_NEW = Signal.Status.NEW
REFERRAL_CHOICES = Carer.Referral.choices
CONTACT_KINDS = Contact.Kind.choices
CHANNEL_CHOICES = Channel.choices
EDIZ_ITEMS = ITEMS
EDIZ_ANSWERS = ANSWERS

DUE_WITHIN_DAYS = 7
SECTION_LIMIT = 20

SIGNAL_FIELDS = ["source", "reporter", "about", "concern", "resident", "status"]
WATCH_FIELDS = ["resident", "owner", "interval_weeks", "reason", "next_due", "last_contact_at"]
WATCH_CONTACT_FIELDS = ["kind", "at", "note", "by"]
CARER_FIELDS = ["carer", "cared_for", "relationship", "hours_per_week", "since", "referral", "ediz"]


def _resident_ref(obj) -> list[str]:
    return [str(obj.resident.public_id)]


def _signal_refs(signal) -> list[str]:
    return [str(signal.resident.public_id)] if signal.resident_id else []


def _carer_refs(carer) -> list[str]:
    refs = [str(carer.carer.public_id)]
    if carer.cared_for_id:
        refs.append(str(carer.cared_for.public_id))
    return refs


def _log_unknown_subjects(*, user, signals, view: str, purpose: str) -> None:
    """Signals about someone not known as a resident: logged under the signal itself."""
    refs = [str(s.public_id) for s in signals if not s.resident_id]
    if refs:
        audit_reads_record(
            actor=user,
            view=view,
            reads=[
                Read(
                    subject_type="signal",
                    subject_ref=ref,
                    object_type="care.Signal",
                    category="help_requests",
                    fields=tuple(SIGNAL_FIELDS),
                    purpose=purpose,
                    basis="team",
                )
                for ref in refs
            ],
        )


# --- signals ---------------------------------------------------------------------------------------


def _signal_queryset():
    return Signal.objects.select_related(
        "resident__household", "team", "received_by", "triaged_by", "help_request", "watch_contact"
    )


def signal_page(*, user, view: str, status: str = "", team_id=None, page=1, per_page: int = 25):
    """Signals of my teams, newest first, optionally by status or one team; only the page shown is logged."""
    qs = _signal_queryset().order_by("-received_at", "-id")
    if status in Signal.Status.values:
        qs = qs.filter(status=status)
    if team_id:
        qs = qs.filter(team_id=team_id)
    scopes = team_scopes(user)
    with transaction.atomic(savepoint=False):
        page_obj = read_page(
            user=user,
            permission="care.triage_signal",
            queryset=qs,
            scopes=scopes,
            subject=_signal_refs,
            object_type="care.Signal",
            fields=SIGNAL_FIELDS,
            view=view,
            page=page,
            per_page=per_page,
        )
        _log_unknown_subjects(user=user, signals=page_obj.object_list, view=view, purpose=list_purpose(scopes))
    return page_obj


def signal_get(*, user, public_id, view: str, permission: str = "care.triage_signal") -> Signal:
    """One signal of my teams (404 otherwise)."""
    scopes = team_scopes(user)
    refused = False
    with transaction.atomic(savepoint=False):
        try:
            signal = read_one(
                user=user,
                permission=permission,
                queryset=_signal_queryset(),
                scopes=scopes,
                lookup={"public_id": public_id},
                subject=_signal_refs,
                object_type="care.Signal",
                fields=SIGNAL_FIELDS,
                view=view,
            )
        except NotFoundOrForbidden:
            refused = True  # the Refusal is written; leave the block normally so it is kept
        else:
            _log_unknown_subjects(user=user, signals=[signal], view=view, purpose=list_purpose(scopes))
    if refused:
        raise NotFoundOrForbidden
    return signal


def signal_new_list(*, user, view: str, team, limit: int = 25) -> list:
    """New (untriaged) signals of one team, oldest first (the team board)."""
    scopes = team_scopes(user)
    with transaction.atomic(savepoint=False):
        signals = read_list(
            user=user,
            permission="care.triage_signal",
            queryset=_signal_queryset().filter(team=team, status=Signal.Status.NEW).order_by("received_at", "id"),
            scopes=scopes,
            subject=_signal_refs,
            object_type="care.Signal",
            fields=SIGNAL_FIELDS,
            view=view,
            limit=limit,
        )
        _log_unknown_subjects(user=user, signals=signals, view=view, purpose=list_purpose(scopes))
    return signals


def signal_counts(*, user, team) -> dict:
    """How many signals of one team per status: figures, not logged."""
    if not user.has_perm("care.triage_signal"):
        return {}
    rows = Signal.objects.filter(combined_q(team_scopes(user)), team=team).values("status").annotate(n=Count("id"))
    return {row["status"]: row["n"] for row in rows}


def user_teams(*, user) -> list:
    """The teams the user is a member of (for team pickers)."""
    return list(Team.objects.filter(memberships__user=user).order_by("name"))


# --- pilot-light contacts --------------------------------------------------------------------------


def _watch_queryset():
    return WatchContact.objects.select_related("resident__household", "owner", "team")


def _watch_scopes(user):
    return resident_scopes(user, prefix="resident__")


def watch_due_page(
    *, user, view: str, team_id=None, mine: bool = False, overdue_only: bool = False, page=1, per_page: int = 25
):
    """Active pilot-light contacts due within a week (overdue first), of my teams or my own."""
    today = timezone.localdate()
    qs = _watch_queryset().filter(ended_at__isnull=True).order_by("next_due", "id")
    if overdue_only:
        qs = qs.filter(next_due__lt=today)
    else:
        qs = qs.filter(next_due__lte=today + datetime.timedelta(days=DUE_WITHIN_DAYS))
    if mine:
        qs = qs.filter(owner=user)
    qs = qs.filter(team_id=team_id) if team_id else qs.filter(team__memberships__user=user)
    return read_page(
        user=user,
        permission="care.view_watch",
        queryset=qs,
        scopes=_watch_scopes(user),
        subject=_resident_ref,
        object_type="care.WatchContact",
        fields=WATCH_FIELDS,
        view=view,
        page=page,
        per_page=per_page,
    )


def _due(*, owner=None, team=None, overdue_only: bool = False):
    today = timezone.localdate()
    qs = _watch_queryset().filter(ended_at__isnull=True).order_by("next_due", "id")
    if overdue_only:
        qs = qs.filter(next_due__lt=today)
    else:
        qs = qs.filter(next_due__lte=today + datetime.timedelta(days=DUE_WITHIN_DAYS))
    if owner is not None:
        qs = qs.filter(owner=owner)
    if team is not None:
        qs = qs.filter(team=team)
    return qs


def watch_due_list(*, user, view: str, owner=None, team=None, overdue_only: bool = False, limit: int = 25) -> list:
    """The same as a bounded list (my caseload: owner=me; the team board: team, overdue only)."""
    return read_list(
        user=user,
        permission="care.view_watch",
        queryset=_due(owner=owner, team=team, overdue_only=overdue_only),
        scopes=_watch_scopes(user),
        subject=_resident_ref,
        object_type="care.WatchContact",
        fields=WATCH_FIELDS,
        view=view,
        limit=limit,
    )


def watch_due_count(*, user, owner=None, team=None, overdue_only: bool = False) -> int:
    """How many of those there are: a figure, not logged."""
    if not user.has_perm("care.view_watch"):
        return 0
    qs = _due(owner=owner, team=team, overdue_only=overdue_only)
    return qs.filter(combined_q(_watch_scopes(user))).count()


def watch_get(*, user, public_id, view: str, permission: str = "care.view_watch") -> WatchContact:
    return read_one(
        user=user,
        permission=permission,
        queryset=_watch_queryset(),
        scopes=_watch_scopes(user),
        lookup={"public_id": public_id},
        subject=_resident_ref,
        object_type="care.WatchContact",
        fields=WATCH_FIELDS,
        view=view,
    )


def watch_recent_contacts(*, user, watch, view: str, limit: int = 10) -> list:
    """The latest pilot-light contacts logged for the resident of a watch contact already read."""
    contacts = list(
        Contact.objects.filter(resident_id=watch.resident_id, context=Contact.Context.WATCH)
        .select_related("by", "resident")
        .order_by("-at", "-id")[:limit]
    )
    with transaction.atomic(savepoint=False):
        log_related(
            user=user,
            objects=contacts,
            subject=_resident_ref,
            object_type="cases.Contact",
            fields=WATCH_CONTACT_FIELDS,
            view=view,
            purpose=list_purpose(_watch_scopes(user)),
        )
    return contacts


def watch_owner_choices(*, team):
    """Who may own a pilot-light contact of a team: its workers and team leads (a queryset, for a form)."""
    if team is None:
        return User.objects.none()
    return User.objects.filter(memberships__team=team, role__in=CASE_ROLES, is_active=True).order_by(
        "first_name", "last_name", "id"
    )


# --- carers ----------------------------------------------------------------------------------------


def _latest_strain(field: str):
    return Subquery(
        CarerStrainAssessment.objects.filter(carer=OuterRef("pk")).order_by("-assessed_at", "-id").values(field)[:1]
    )


def _carer_queryset():
    return Carer.objects.select_related("carer__household", "cared_for__household").annotate(
        latest_score=_latest_strain("score"),
        latest_overloaded=_latest_strain("overloaded"),
        latest_assessed_at=_latest_strain("assessed_at"),
    )


def _carer_scopes(user):
    return resident_scopes(user, prefix="carer__", category=AccessGrant.Category.CARER_SUPPORT)


def carer_get(*, user, public_id, view: str, permission: str = "care.view_carer") -> Carer:
    """One carer record (carer and cared-for), with the latest EDIZ score annotated."""
    return read_one(
        user=user,
        permission=permission,
        queryset=_carer_queryset(),
        scopes=_carer_scopes(user),
        lookup={"public_id": public_id},
        subject=_carer_refs,
        object_type="care.Carer",
        fields=CARER_FIELDS,
        view=view,
    )


def carer_page(
    *, user, view: str, young: bool = False, overloaded: bool = False, active: bool = True, page=1, per_page=25
):
    """Carers I may see, newest first; young carers and overload can be filtered on."""
    qs = _carer_queryset().order_by("-registered_at", "-id")
    if active:
        qs = qs.filter(ended_at__isnull=True)
    if young:
        qs = qs.filter(carer__birth_date__gt=_young_born_after())
    if overloaded:
        qs = qs.filter(latest_overloaded=True)
    return read_page(
        user=user,
        permission="care.view_carer",
        queryset=qs,
        scopes=_carer_scopes(user),
        subject=_carer_refs,
        object_type="care.Carer",
        fields=CARER_FIELDS,
        view=view,
        page=page,
        per_page=per_page,
    )


def _young_born_after(on=None) -> datetime.date:
    """Born after this date: under 25 today."""
    on = on or timezone.localdate()
    try:
        return on.replace(year=on.year - 25)
    except ValueError:  # 29 February
        return on.replace(year=on.year - 25, day=28)


def carer_assessments(*, carer, limit: int = 10) -> list:
    """Earlier EDIZ results of a carer already read through carer_get (part of the same record)."""
    return list(carer.strain_assessments.select_related("assessed_by")[:limit])


def carers_received_or_referred(*, team=None, start=None, end=None) -> int:
    """How many distinct carers were referred to or received by the carer support centre.

    A figure, no names: counted once per carer (a resident caring for two people counts once),
    by the date of referral (or of being received, when they came themselves), optionally for the
    carers living in one team's neighbourhoods and within ``start`` .. ``end`` (dates, inclusive).
    """
    qs = Carer.objects.filter(referral__in=[Carer.Referral.REFERRED, Carer.Referral.RECEIVED])
    if team is not None:
        qs = qs.filter(carer__household__neighbourhood__teams=team)
    if start is not None:
        qs = qs.filter(referred_at__date__gte=start)
    if end is not None:
        qs = qs.filter(referred_at__date__lte=end)
    return qs.values("carer_id").distinct().count()


def household_members(*, user, resident, view: str) -> list:
    """The other residents of a resident's household that the user may see (to pick who is cared for)."""
    return read_list(
        user=user,
        permission="people.view_resident",
        queryset=Resident.objects.filter(household_id=resident.household_id)
        .exclude(pk=resident.pk)
        .order_by("first_name", "id"),
        scopes=resident_scopes(user),
        subject=lambda r: [str(r.public_id)],
        object_type="people.Resident",
        fields=["name", "birth_date"],
        view=view,
        limit=SECTION_LIMIT,
    )


# --- the resident page ---------------------------------------------------------------------------


def resident_care_section(*, user, resident, view: str, access: ResidentAccess | None = None) -> dict:
    """What the resident page shows of care, for a resident already read by the caller.

    Carers (the resident as carer or cared-for, with the latest EDIZ), the active pilot-light
    contact and open signals about the resident, each only when the user's role may see them.
    """
    section = {"resident": resident, "carers": [], "watch": None, "signals": [], "today": timezone.localdate()}
    if user.has_perm("care.view_carer"):
        section["carers"] = read_list(
            user=user,
            permission="care.view_carer",
            queryset=_carer_queryset()
            .filter(Q(carer=resident) | Q(cared_for=resident), ended_at__isnull=True)
            .order_by("-registered_at", "-id"),
            scopes=_carer_scopes(user),
            subject=_carer_refs,
            object_type="care.Carer",
            fields=CARER_FIELDS,
            view=view,
            limit=SECTION_LIMIT,
        )
        section["show_carers"] = True
    if user.has_perm("care.view_watch"):
        found = read_list(
            user=user,
            permission="care.view_watch",
            queryset=WatchContact.objects.select_related("owner").filter(resident=resident, ended_at__isnull=True),
            scopes=(access or resident_access(user, resident)).scopes(AccessGrant.Category.PERSONAL_DETAILS),
            subject=lambda _watch: [str(resident.public_id)],
            object_type="care.WatchContact",
            fields=WATCH_FIELDS,
            view=view,
            limit=1,
        )
        section["watch"] = found[0] if found else None
        section["show_watch"] = True
    if user.has_perm("care.triage_signal"):
        section["signals"] = read_list(
            user=user,
            permission="care.triage_signal",
            # Only what the section shows: fewer joins keep the query cheap to plan.
            queryset=Signal.objects.filter(resident=resident, status=Signal.Status.NEW).order_by("-received_at"),
            scopes=team_scopes(user),
            subject=lambda _signal: [str(resident.public_id)],
            object_type="care.Signal",
            fields=SIGNAL_FIELDS,
            view=view,
            limit=SECTION_LIMIT,
        )
        section["show_signals"] = True
    return section
