"""Writes for signals, pilot-light contacts (waakvlam) and informal carers (mantelzorg).

The caller (a view, API endpoint or command) has already read the signal, watch contact, carer or
resident through a selector, so the policy has been applied and the read logged; these functions
only validate and write, each in one transaction. Errors are ``ValidationError`` with Dutch messages.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from wijkkracht.access.rules import CASE_ROLES
from wijkkracht.care.ediz import ediz_score
from wijkkracht.care.models import Carer, CarerStrainAssessment, Signal, WatchContact
from wijkkracht.cases.models import Contact
from wijkkracht.cases.services.notifications import notification_team_signal
from wijkkracht.cases.services.requests import contact_create, help_request_create, team_for_household, team_of
from wijkkracht.organisations.models import Team

from .selectors import carers_received_or_referred  # noqa: F401 (a figure, re-exported for callers)

HOURS_MAX = 168


def _user_team_ids(user) -> set[int]:
    return set(Team.objects.filter(memberships__user=user).values_list("id", flat=True))


# --- signals ---------------------------------------------------------------------------------------


@transaction.atomic
def signal_create(
    *,
    source: str,
    concern: str,
    received_by,
    reporter: str = "",
    reporter_contact: str = "",
    resident=None,
    about: str = "",
    team=None,
    received_at=None,
) -> Signal:
    """Record a concern. About a known resident (then the team of their neighbourhood) or only a
    description (then the reporting worker's team, or ``team`` when they work in several)."""
    concern = (concern or "").strip()
    about = (about or "").strip()
    errors = {}
    if source not in Signal.Source.values:
        errors["source"] = _("Kies wie de zorg meldt.")
    if not concern:
        errors["concern"] = _("Beschrijf de zorg.")
    if resident is None and not about:
        errors["about"] = _("Kies een inwoner of beschrijf over wie de zorg gaat.")
    received_at = received_at or timezone.now()
    if received_at > timezone.now() + datetime.timedelta(minutes=5):
        errors["received_at"] = _("De datum van de melding kan niet in de toekomst liggen.")
    my_teams = _user_team_ids(received_by)
    if resident is not None:
        team = team_for_household(resident.household)
        if team is None:
            errors["__all__"] = _("Er is geen wijkteam voor de buurt van deze inwoner.")
    elif team is not None:
        if team.pk not in my_teams:
            errors["team"] = _("U kunt alleen een signaal melden bij een team waar u lid van bent.")
    elif len(my_teams) == 1:
        team = Team.objects.get(pk=next(iter(my_teams)))
    else:
        errors["team"] = _("Kies het team dat het signaal oppakt.")
    if errors:
        raise ValidationError(errors)
    signal = Signal.objects.create(
        team=team,
        source=source,
        reporter=(reporter or "").strip(),
        reporter_contact=(reporter_contact or "").strip(),
        resident=resident,
        about=about,
        concern=concern,
        received_at=received_at,
        received_by=received_by,
    )
    notification_team_signal(team=team, resident=resident, signal_ref=signal.public_id, by=received_by)
    return signal


def _lock_new_signal(signal) -> Signal:
    """The signal, locked for this transaction; refused when it was triaged already."""
    locked = Signal.objects.select_for_update().get(pk=signal.pk)
    if locked.status != Signal.Status.NEW:
        raise ValidationError(_("Dit signaal is al afgehandeld; het kan niet nog een keer worden beoordeeld."))
    return locked


def _mark_triaged(signal, *, by, status, **fields) -> Signal:
    signal.status = status
    signal.triaged_at = timezone.now()
    signal.triaged_by = by
    for name, value in fields.items():
        setattr(signal, name, value)
    signal.save()
    return signal


@transaction.atomic
def signal_triage_to_request(*, signal, by, channel: str, question: str = "", resident=None) -> Signal:
    """Triage: the concern becomes a help request. Needs a resident (the signal's, or one chosen now)."""
    signal = _lock_new_signal(signal)
    resident = signal.resident or resident
    if resident is None:
        raise ValidationError({"resident": _("Kies de inwoner voor wie de hulpvraag is.")})
    question = (question or "").strip()
    reported_by = ""
    if not question:  # the reporter's words, not the resident's: the request says whose they are
        question = signal.concern
        source = Signal.Source(signal.source).label
        reported_by = f"{source} ({signal.reporter})" if signal.reporter else str(source)
    help_request = help_request_create(
        resident=resident, channel=channel, question=question, taken_by=by, reported_by=reported_by
    )
    return _mark_triaged(
        signal, by=by, status=Signal.Status.TO_HELP_REQUEST, help_request=help_request, resident=resident
    )


@transaction.atomic
def signal_triage_to_watch(
    *, signal, by, owner, interval_weeks: int, resident=None, reason: str = "", first_due=None
) -> Signal:
    """Triage: start a pilot-light contact (or link the resident's active one)."""
    signal = _lock_new_signal(signal)
    resident = signal.resident or resident
    if resident is None:
        raise ValidationError({"resident": _("Kies de inwoner voor wie het waakvlamcontact is.")})
    watch = WatchContact.objects.filter(resident=resident, ended_at__isnull=True).first()
    if watch is None:
        watch = watch_contact_start(
            resident=resident,
            owner=owner,
            interval_weeks=interval_weeks,
            reason=(reason or "").strip() or signal.concern[:500],
            first_due=first_due,
        )
    return _mark_triaged(signal, by=by, status=Signal.Status.TO_WATCH, watch_contact=watch, resident=resident)


@transaction.atomic
def signal_close(*, signal, by, reason: str) -> Signal:
    """Triage: no action, with the reason why (required)."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Geef een reden waarom het signaal zonder actie wordt gesloten.")})
    signal = _lock_new_signal(signal)
    return _mark_triaged(signal, by=by, status=Signal.Status.CLOSED, closed_reason=reason)


# --- pilot-light contacts ------------------------------------------------------------------------


def _check_owner(owner, team, errors: dict) -> None:
    if owner is None:
        errors["owner"] = _("Kies wie het contact onderhoudt.")
    elif (
        not owner.is_active
        or owner.role not in CASE_ROLES
        or (team is not None and not owner.memberships.filter(team=team).exists())
    ):
        errors["owner"] = _("De eigenaar moet een wijkwerker of teamleider van het team zijn.")


def _check_interval(interval_weeks, errors: dict) -> None:
    if not isinstance(interval_weeks, int) or not 1 <= interval_weeks <= 52:
        errors["interval_weeks"] = _("Kies een interval van 1 tot en met 52 weken.")


@transaction.atomic
def watch_contact_start(
    *, resident, owner, interval_weeks: int, reason: str = "", first_due=None, team=None
) -> WatchContact:
    """A pilot-light contact: every ``interval_weeks`` weeks someone of the team gets in touch."""
    errors = {}
    team = team or team_for_household(resident.household)
    if team is None:
        errors["__all__"] = _("Er is geen wijkteam voor de buurt van deze inwoner.")
    _check_owner(owner, team, errors)
    _check_interval(interval_weeks, errors)
    first_due = first_due or timezone.localdate()
    if first_due < timezone.localdate():
        errors["first_due"] = _("Het eerste contact kan niet in het verleden liggen.")
    if WatchContact.objects.filter(resident=resident, ended_at__isnull=True).exists():
        errors["__all__"] = _("Deze inwoner heeft al een actief waakvlamcontact.")
    if errors:
        raise ValidationError(errors)
    return WatchContact.objects.create(
        resident=resident,
        team=team,
        owner=owner,
        interval_weeks=interval_weeks,
        reason=(reason or "").strip()[:500],
        next_due=first_due,
    )


@transaction.atomic
def watch_contact_log(*, watch, by, kind: str, note: str = "", at=None):
    """Log a contact for a pilot-light contact; the next one is due ``interval_weeks`` after it."""
    watch = WatchContact.objects.select_for_update().select_related("resident").get(pk=watch.pk)
    if watch.ended_at is not None:
        raise ValidationError(_("Dit waakvlamcontact is beëindigd; er kan geen contact meer bij."))
    contact = contact_create(
        resident=watch.resident, by=by, kind=kind, note=note, at=at, context=Contact.Context.WATCH, team=watch.team
    )
    latest = max(filter(None, [watch.last_contact_at, contact.at]))
    watch.last_contact_at = latest
    watch.next_due = timezone.localtime(latest).date() + datetime.timedelta(weeks=watch.interval_weeks)
    watch.save(update_fields=["last_contact_at", "next_due"])
    return contact


@transaction.atomic
def watch_contact_change(*, watch, by, owner, interval_weeks: int, reason: str = "") -> WatchContact:
    """Change who keeps a pilot-light contact, how often, and why.

    - ``owner`` must be an active worker or team lead of the watch's own team (not of another team).
    - ``interval_weeks`` runs from 1 to 52.
    - When the interval changes, the next contact is planned again from the last contact (or, when there was
      none yet, from the day the pilot-light contact started): ``next_due = that date + the new interval``.
      That date is not put before today: a shorter interval makes the contact due today at the earliest,
      never overdue by the change itself. Only a contact that was already overdue may stay overdue: then the
      recalculated date is kept, also when it lies in the past, so the list still shows how late it is.
    - When the interval stays the same, ``next_due`` is left alone (only the owner or reason changed).
    - An ended pilot-light contact cannot be changed.

    Returns the watch contact as saved (a fresh instance; ``watch`` itself is also updated).
    """
    errors: dict = {}
    locked = WatchContact.objects.select_for_update().select_related("team").get(pk=watch.pk)
    if locked.ended_at is not None:
        raise ValidationError(_("Dit waakvlamcontact is beëindigd en kan niet meer worden gewijzigd."))
    _check_owner(owner, locked.team, errors)
    _check_interval(interval_weeks, errors)
    reason = (reason or "").strip()
    if len(reason) > 500:
        errors["reason"] = _("De reden is te lang (hoogstens 500 tekens).")
    if errors:
        raise ValidationError(errors)
    fields = ["owner", "interval_weeks", "reason"]
    if interval_weeks != locked.interval_weeks:
        today = timezone.localdate()
        since = timezone.localtime(locked.last_contact_at or locked.started_at).date()
        next_due = since + datetime.timedelta(weeks=interval_weeks)
        already_overdue = locked.next_due < today
        if next_due < today and not already_overdue:
            next_due = today
        locked.next_due = next_due
        fields.append("next_due")
    locked.owner, locked.interval_weeks, locked.reason = owner, interval_weeks, reason
    locked.save(update_fields=fields)
    for name in fields:
        setattr(watch, name, getattr(locked, name))
    return locked


@transaction.atomic
def watch_contact_end(*, watch, by) -> WatchContact:
    """Stop the pilot-light contact; it leaves every list of contacts due."""
    updated = WatchContact.objects.filter(pk=watch.pk, ended_at__isnull=True).update(ended_at=timezone.now())
    if not updated:
        raise ValidationError(_("Dit waakvlamcontact is al beëindigd."))
    watch.refresh_from_db()
    return watch


# --- informal carers -----------------------------------------------------------------------------


@transaction.atomic
def carer_register(
    *,
    carer,
    by,
    hours_per_week,
    cared_for=None,
    cared_for_description: str = "",
    relationship: str = "",
    since=None,
) -> Carer:
    """Record that a resident cares for someone (a known resident, or someone described)."""
    description = (cared_for_description or "").strip()
    errors = {}
    if cared_for is None and not description:
        errors["cared_for_description"] = _("Kies voor wie de mantelzorger zorgt, of beschrijf het.")
    if cared_for is not None and cared_for.pk == carer.pk:
        errors["cared_for"] = _("Een mantelzorger zorgt niet voor zichzelf.")
    if hours_per_week is None or isinstance(hours_per_week, bool) or not isinstance(hours_per_week, int):
        errors["hours_per_week"] = _("Vul het aantal uren per week in.")
    elif not 0 <= hours_per_week <= HOURS_MAX:
        errors["hours_per_week"] = _("Het aantal uren per week ligt tussen 0 en 168.")
    if since is not None and since > timezone.localdate():
        errors["since"] = _("De startdatum van de zorg kan niet in de toekomst liggen.")
    if cared_for is not None and Carer.objects.filter(carer=carer, cared_for=cared_for, ended_at__isnull=True).exists():
        errors["__all__"] = _("Deze mantelzorg is al vastgelegd.")
    if errors:
        raise ValidationError(errors)
    return Carer.objects.create(
        carer=carer,
        cared_for=cared_for,
        cared_for_description=description if cared_for is None else "",
        relationship=(relationship or "").strip(),
        hours_per_week=hours_per_week,
        since=since,
        registered_by=by,
        team=team_of(user=by, household=carer.household),
    )


@transaction.atomic
def carer_strain_record(*, carer, answers, by) -> CarerStrainAssessment:
    """Score the EDIZ: nine answers 0 (Nee!) .. 4 (Ja!); overload from 7 points."""
    try:
        answers = [int(a) for a in answers]
        if any(isinstance(a, bool) for a in answers):
            raise ValueError
        score, overloaded = ediz_score(answers)
    except (TypeError, ValueError):
        raise ValidationError(
            {"answers": _("Beantwoord alle negen uitspraken met Nee!, Nee, Min of meer, Ja of Ja!.")}
        ) from None
    return CarerStrainAssessment.objects.create(
        carer=carer, assessed_by=by, answers=answers, score=score, overloaded=overloaded
    )


@transaction.atomic
def carer_refer(*, carer, by) -> Carer:
    """Refer the carer to the carer support centre (steunpunt mantelzorg)."""
    carer = Carer.objects.select_for_update().get(pk=carer.pk)
    if carer.referral != Carer.Referral.NONE:
        raise ValidationError(_("Deze mantelzorger is al doorverwezen naar het steunpunt mantelzorg."))
    carer.referral = Carer.Referral.REFERRED
    carer.referred_at = timezone.now()
    carer.save(update_fields=["referral", "referred_at"])
    return carer


@transaction.atomic
def carer_mark_received(*, carer, by) -> Carer:
    """The carer support centre has received the carer (after a referral, or when they came themselves)."""
    carer = Carer.objects.select_for_update().get(pk=carer.pk)
    if carer.referral == Carer.Referral.RECEIVED:
        raise ValidationError(_("Deze mantelzorger is al ontvangen door het steunpunt mantelzorg."))
    carer.referral = Carer.Referral.RECEIVED
    carer.referred_at = carer.referred_at or timezone.now()
    carer.save(update_fields=["referral", "referred_at"])
    return carer
