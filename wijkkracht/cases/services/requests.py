"""Writes for case work. The caller (a view, API endpoint or command) has already read the resident
through a selector, so the policy has been applied and the read logged; these functions only write.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wijkkracht.accounts.models import User
from wijkkracht.accounts.roles import Role
from wijkkracht.cases.models import (
    FORMAL_PATHS,
    INFORMAL_OPTIONS,
    INFORMAL_PATHS,
    Channel,
    Contact,
    HelpRequest,
    InformalCheck,
    Outcome,
    RequestSolution,
    SolutionPath,
)
from wijkkracht.organisations.models import Team

from .notifications import notification_request_assigned

# Who may handle (be assigned) a request.
CASE_WORKER_ROLES = (Role.WORKER, Role.TEAM_LEAD)


def team_for_household(household) -> Team | None:
    """The neighbourhood team serving the household's neighbourhood."""
    return (
        Team.objects.filter(neighbourhoods=household.neighbourhood_id, kind=Team.Kind.NEIGHBOURHOOD_TEAM)
        .order_by("id")
        .first()
    )


def team_of(*, user, household) -> Team | None:
    """The team a record made by ``user`` belongs to: their own team serving the household's neighbourhood
    (the wijkteam first), else their first team, else the neighbourhood team."""
    own = Team.objects.filter(memberships__user=user)
    return (
        own.filter(neighbourhoods=household.neighbourhood_id).order_by("-kind", "id").first()
        or own.order_by("-kind", "id").first()
        or team_for_household(household)
    )


def help_request_create(
    *,
    resident,
    channel: str,
    question: str,
    taken_by,
    received_at=None,
    team=None,
    assigned_to=None,
    reported_by: str = "",
) -> HelpRequest:
    """Intake: a new request in the resident's own words, by channel, taken by a worker.

    ``reported_by``: the question is not the resident's but a reporter's (a signal), named here."""
    question = (question or "").strip()
    errors = {}
    if channel not in Channel.values:
        errors["channel"] = _("Kies hoe de vraag binnenkwam.")
    if not question:
        errors["question"] = _("Schrijf de vraag op in de woorden van de inwoner.")
    received_at = received_at or timezone.now()
    if received_at > timezone.now() + timezone.timedelta(minutes=5):
        errors["received_at"] = _("De datum van aanmelding kan niet in de toekomst liggen.")
    team = team or team_for_household(resident.household)
    if team is None:
        errors["__all__"] = _("Er is geen wijkteam voor de buurt van deze inwoner.")
    if errors:
        raise ValidationError(errors)
    return HelpRequest.objects.create(
        resident=resident,
        household=resident.household,
        team=team,
        channel=channel,
        question=question,
        reported_by=(reported_by or "").strip()[:200],
        received_at=received_at,
        status_changed_at=received_at,
        taken_by=taken_by,
        # Whoever takes it in handles it, if they do case work (centre staff pass it on to the team).
        assigned_to=assigned_to or (taken_by if taken_by.role in CASE_WORKER_ROLES else None),
    )


@transaction.atomic
def contact_create(
    *, resident, by, kind: str, note: str = "", at=None, help_request=None, context: str | None = None, team=None
) -> Contact:
    """Log a contact with a resident (optionally about one request). It belongs to the request's team, or
    ``team`` (a pilot-light contact's), or the team of the worker who logs it."""
    at = at or timezone.now()
    errors = {}
    if kind not in Contact.Kind.values:
        errors["kind"] = _("Kies de soort contact.")
    if at > timezone.now() + timezone.timedelta(minutes=5):
        errors["at"] = _("Een contactmoment kan niet in de toekomst liggen.")
    if help_request is not None and help_request.resident_id != resident.id:
        errors["__all__"] = _("Deze hulpvraag hoort niet bij deze inwoner.")
    if errors:
        raise ValidationError(errors)
    if context is None:
        context = Contact.Context.HELP_REQUEST if help_request else Contact.Context.OTHER
    return Contact.objects.create(
        resident=resident,
        by=by,
        kind=kind,
        note=(note or "").strip(),
        at=at,
        help_request=help_request,
        context=context,
        team=help_request.team if help_request else team or team_of(user=by, household=resident.household),
    )


# --- status: an explicit state machine ----------------------------------------------------------

Status = HelpRequest.Status

# Which status may follow which. Closing (to CLOSED) goes only through help_request_close, reopening
# (from CLOSED) only through help_request_reopen; both check their own conditions.
TRANSITIONS: dict[str, frozenset[str]] = {
    Status.INTAKE: frozenset({Status.CLARIFICATION, Status.CLOSED}),
    Status.CLARIFICATION: frozenset({Status.SUPPORT, Status.CLOSED}),
    Status.SUPPORT: frozenset({Status.CLARIFICATION, Status.CLOSED}),
    Status.CLOSED: frozenset({Status.SUPPORT}),
}


def help_request_can_move(help_request, to: str) -> bool:
    return to in TRANSITIONS.get(help_request.status, frozenset())


def _locked(help_request) -> HelpRequest:
    """The request re-read and locked for the rest of the transaction (two workers, one request)."""
    return HelpRequest.objects.select_for_update().get(pk=help_request.pk)


def _check_move(current: HelpRequest, to: str) -> None:
    if to not in TRANSITIONS.get(current.status, frozenset()):
        raise ValidationError(
            _("Een hulpvraag met status '%(from)s' kan niet naar '%(to)s'.")
            % {"from": Status(current.status).label, "to": Status(to).label if to in Status.values else to},
            code="invalid_transition",
        )


@transaction.atomic
def help_request_move(*, help_request, to: str, by) -> HelpRequest:
    """Move a request to the next status (clarification, support). Closing and reopening have their own."""
    if to == Status.CLOSED:
        raise ValidationError(_("Sluit een hulpvraag af met het afsluitformulier."), code="use_close")
    current = _locked(help_request)
    if current.status == Status.CLOSED:
        raise ValidationError(_("Deze hulpvraag is afgesloten. Heropen hem eerst."), code="closed")
    _check_move(current, to)
    current.status = to
    current.status_changed_at = timezone.now()
    current.save(update_fields=["status", "status_changed_at"])
    return current


def help_request_start_clarification(*, help_request, by) -> HelpRequest:
    return help_request_move(help_request=help_request, to=Status.CLARIFICATION, by=by)


def help_request_start_support(*, help_request, by) -> HelpRequest:
    return help_request_move(help_request=help_request, to=Status.SUPPORT, by=by)


def assignable_workers(team):
    """The people who may handle a team's requests: its active workers and team leads."""
    return (
        User.objects.filter(memberships__team=team, role__in=CASE_WORKER_ROLES, is_active=True)
        .distinct()
        .order_by("first_name", "last_name", "id")
    )


@transaction.atomic
def help_request_assign(*, help_request, worker, by=None) -> HelpRequest:
    """Give the request to a worker or team lead of the request's team (``by``: who did it, if not the worker)."""
    current = _locked(help_request)
    if current.status == Status.CLOSED:
        raise ValidationError(_("Een afgesloten hulpvraag krijgt geen nieuwe behandelaar."), code="closed")
    if worker is None or not assignable_workers(current.team).filter(pk=worker.pk).exists():
        raise ValidationError(
            {"worker": _("Kies een wijkwerker of teamleider van %(team)s.") % {"team": current.team.name}}
        )
    changed = current.assigned_to_id != worker.pk
    current.assigned_to = worker
    current.save(update_fields=["assigned_to"])
    if changed and by is not None:
        notification_request_assigned(help_request=current, by=by)
    return current


# --- informal first -----------------------------------------------------------------------------


def informal_step_gaps(checks) -> list[str]:
    """The informal options not yet weighed properly: no check, or 'does not fit' without a reason."""
    done = {c.option for c in checks if c.fits or (c.reason or "").strip()}
    return [option for option in INFORMAL_OPTIONS if option not in done]


@transaction.atomic
def informal_check_record(*, help_request, option: str, fits: bool, reason: str = "", by) -> InformalCheck:
    """Record one informal option of the informal-first step: it fits, or it does not and why not."""
    reason = (reason or "").strip()
    errors = {}
    if option not in INFORMAL_OPTIONS:
        errors["option"] = _("Kies een van de informele mogelijkheden.")
    if not fits and not reason:
        errors["reason"] = _("Schrijf op waarom deze mogelijkheid niet past.")
    if errors:
        raise ValidationError(errors)
    current = _locked(help_request)
    if current.status == Status.CLOSED:
        raise ValidationError(_("Deze hulpvraag is afgesloten. Heropen hem eerst."), code="closed")
    check, _created = InformalCheck.objects.update_or_create(
        help_request=current,
        option=option,
        defaults={"fits": bool(fits), "reason": "" if fits else reason, "checked_by": by, "checked_at": timezone.now()},
    )
    return check


@transaction.atomic
def informal_step_record(*, help_request, answers: dict, by) -> list[InformalCheck]:
    """The informal-first step in one save: ``answers`` maps options to ``(fits, reason)``.

    Every answer is checked before any is written; an option not in ``answers`` stays as it was.
    Errors are keyed by the option (a "past niet" without a reason)."""
    errors = {}
    for option, (fits, reason) in answers.items():
        if option not in INFORMAL_OPTIONS:
            errors["__all__"] = _("Kies een van de informele mogelijkheden.")
        elif not fits and not (reason or "").strip():
            errors[option] = _("Schrijf op waarom deze mogelijkheid niet past.")
    if errors:
        raise ValidationError(errors)
    return [
        informal_check_record(help_request=help_request, option=option, fits=fits, reason=reason, by=by)
        for option, (fits, reason) in answers.items()
    ]


# --- closing ------------------------------------------------------------------------------------

INFORMAL_FIRST_MESSAGE = gettext_lazy(
    "Doorloop eerst de stap 'informeel eerst': geef bij eigen netwerk, vrijwilliger, burenhulp en collectieve "
    "voorziening aan of die past, en zo niet waarom, voordat u een formele route kiest."
)


def _parse_rating(rating):
    if rating in (None, ""):
        return None
    try:
        value = int(rating)
    except (TypeError, ValueError):
        value = None
    if value is None or str(value) != str(rating).strip() or not 1 <= value <= 10:
        raise ValidationError({"rating": _("Een rapportcijfer is een heel getal van 1 tot en met 10.")})
    return value


@transaction.atomic
def help_request_close(*, help_request, by, paths, outcome: str, outcome_note: str = "", rating=None) -> HelpRequest:
    """Close a request with its solution paths, the outcome and the resident's rating (if given).

    A formal path (Wmo provision, warm handover) only after the informal-first step: every informal
    option weighed, with a reason for each one that does not fit. Nothing is saved when anything is wrong.
    """
    paths = list(dict.fromkeys(paths or []))
    outcome_note = (outcome_note or "").strip()
    errors: dict[str, list] = {}
    current = _locked(help_request)
    if current.status == Status.CLOSED:
        raise ValidationError(_("Deze hulpvraag is al afgesloten."), code="closed")
    if not paths:
        errors["paths"] = [_("Kies minstens één oplossingsroute.")]
    elif any(p not in SolutionPath.values for p in paths):
        errors["paths"] = [_("Kies alleen oplossingsroutes uit de lijst.")]
    elif FORMAL_PATHS.intersection(paths) and informal_step_gaps(InformalCheck.objects.filter(help_request=current)):
        errors["paths"] = [INFORMAL_FIRST_MESSAGE]
    if outcome not in Outcome.values:
        errors["outcome"] = [_("Kies de uitkomst.")]
    try:
        rating = _parse_rating(rating)
    except ValidationError as e:
        errors.update(e.message_dict)
    if errors:
        raise ValidationError(errors)
    _check_move(current, Status.CLOSED)
    now = timezone.now()
    RequestSolution.objects.bulk_create([RequestSolution(help_request=current, path=p) for p in paths])
    current.status = Status.CLOSED
    current.status_changed_at = now
    current.closed_at = now
    current.closed_by = by
    current.outcome = outcome
    current.outcome_note = outcome_note
    current.rating = rating
    current.solved_informally = bool(INFORMAL_PATHS.intersection(paths)) and not FORMAL_PATHS.intersection(paths)
    current.save(
        update_fields=[
            "status",
            "status_changed_at",
            "closed_at",
            "closed_by",
            "outcome",
            "outcome_note",
            "rating",
            "solved_informally",
        ]
    )
    return current


@transaction.atomic
def help_request_reopen(*, help_request, by) -> HelpRequest:
    """Take a closed request back into support; its closing (paths, outcome, rating) is cleared."""
    current = _locked(help_request)
    if current.status != Status.CLOSED:
        raise ValidationError(_("Alleen een afgesloten hulpvraag kan worden heropend."), code="not_closed")
    _check_move(current, Status.SUPPORT)
    RequestSolution.objects.filter(help_request=current).delete()
    current.status = Status.SUPPORT
    current.status_changed_at = timezone.now()
    current.closed_at = None
    current.closed_by = None
    current.outcome = ""
    current.outcome_note = ""
    current.rating = None
    current.solved_informally = None
    current.save(
        update_fields=[
            "status",
            "status_changed_at",
            "closed_at",
            "closed_by",
            "outcome",
            "outcome_note",
            "rating",
            "solved_informally",
        ]
    )
    return current
