"""The match lifecycle: suggested → proposed → agreed → introduced → active → ended (or declined, withdrawn).

A proposal books one of the volunteer's places (``Match.slot``): the volunteer's row is locked, the live
matches counted, and a unique constraint on (volunteer, slot) refuses a second booking of the same place,
so accepting a proposal whose volunteer was matched meanwhile gives a clear message, never a double booking.
"""

import datetime
import decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from wijkkracht.volunteers.links import proposal_token
from wijkkracht.volunteers.models import LIVE_STATUSES, Concern, HoursEntry, Match, Volunteer, VolunteerRequest

FOLLOW_UP_WEEKS = 4
S = Match.Status


def _taken(volunteer: Volunteer) -> str:
    return _(
        "%(name)s is intussen aan een andere hulpvraag gekoppeld en heeft geen plek meer. "
        "Kies een andere kandidaat voor deze vraag."
    ) % {"name": volunteer.first_name}


def _book(match: Match) -> None:
    """Give the match a free place of its volunteer (inside the caller's transaction)."""
    volunteer = Volunteer.objects.select_for_update().get(pk=match.volunteer_id)
    if volunteer.status != Volunteer.Status.ACTIVE:
        raise ValidationError(_("%(name)s is niet actief als vrijwilliger.") % {"name": volunteer.first_name})
    used = set(
        Match.objects.filter(volunteer=volunteer, slot__isnull=False)
        .exclude(pk=match.pk)
        .values_list("slot", flat=True)
    )
    free = [n for n in range(1, volunteer.capacity + 1) if n not in used]
    if not free:
        raise ValidationError(_taken(volunteer))
    if Match.objects.filter(request_id=match.request_id, status__in=LIVE_STATUSES).exclude(pk=match.pk).exists():
        raise ValidationError(_("Voor deze vraag loopt al een koppeling."))
    match.slot = free[0]


def _send_proposal(match: Match, site_url: str) -> None:
    token = proposal_token(match)
    context = {
        "match": match,
        "link": f"{site_url}{reverse('volunteers:proposal-respond', args=[token])}",
        "first_name": match.resident.first_name,
        "neighbourhood": match.resident.household.neighbourhood.name,
    }
    send_mail(
        _("Een voorstel voor een koppeling"),
        render_to_string("volunteers/mail/proposal.txt", context),
        settings.DEFAULT_FROM_EMAIL,
        [match.volunteer.email],
    )


def _propose(match: Match, by, site_url: str) -> Match:
    try:
        with transaction.atomic():
            _book(match)
            match.status, match.coordinator, match.proposed_at = S.PROPOSED, by, timezone.now()
            match.save()
            VolunteerRequest.objects.filter(pk=match.request_id).update(status=VolunteerRequest.Status.MATCHED)
    except IntegrityError:
        raise ValidationError(_taken(match.volunteer)) from None
    _send_proposal(match, site_url or settings.SITE_URL)
    return match


def match_propose(*, request: VolunteerRequest, volunteer: Volunteer, by, score=0.0, reasons=(), site_url="") -> Match:
    """The coordinator proposes a volunteer for a request (one-by-one); the volunteer gets an e-mail."""
    if request.status == VolunteerRequest.Status.CLOSED:
        raise ValidationError(_("Deze vraag is gesloten."))
    match = Match(
        request=request,
        volunteer=volunteer,
        resident_id=request.resident_id,
        team_id=request.team_id,
        score=score,
        reasons=list(reasons),
    )
    return _propose(match, by, site_url)


def match_suggestions_replace(*, requests, suggestions, by) -> list[Match]:
    """Store a batch run's suggestions (``[(request, volunteer, score, reasons)]``), replacing earlier ones."""
    with transaction.atomic():
        Match.objects.filter(request__in=list(requests), status=S.SUGGESTED).delete()
        made = Match.objects.bulk_create(
            Match(
                request=request,
                volunteer=volunteer,
                resident_id=request.resident_id,
                team_id=request.team_id,
                coordinator=by,
                score=round(score, 1),
                reasons=list(reasons),
            )
            for request, volunteer, score, reasons in suggestions
        )
    return made


def match_suggestion_accept(*, match: Match, by, site_url: str = "") -> Match:
    if match.status != S.SUGGESTED:
        raise ValidationError(_("Deze suggestie is al behandeld."))
    return _propose(match, by, site_url)


def match_respond(*, match: Match, accept: bool, reason: str = "") -> Match:
    """The volunteer agrees or declines (logged in, or from the e-mail's link)."""
    if match.status != S.PROPOSED:
        raise ValidationError(_("Op dit voorstel is al gereageerd."))
    with transaction.atomic():
        match.responded_at = timezone.now()
        if accept:
            match.status = S.AGREED
        else:
            match.status, match.slot, match.decline_reason = S.DECLINED, None, (reason or "").strip()[:250]
            _reopen(match)
        match.save()
    return match


def _reopen(match: Match) -> None:
    VolunteerRequest.objects.filter(pk=match.request_id, status=VolunteerRequest.Status.MATCHED).update(
        status=VolunteerRequest.Status.OPEN
    )


def match_introduce(*, match: Match, at: datetime.datetime, by) -> Match:
    if match.status not in (S.AGREED, S.INTRODUCED):
        raise ValidationError({"at": _("Plan de kennismaking als de vrijwilliger heeft ingestemd.")})
    match.status, match.introduction_at = S.INTRODUCED, at
    match.save(update_fields=["status", "introduction_at"])
    return match


def match_start(*, match: Match, on: datetime.date, by, weekly_day=None, weekly_time=None) -> Match:
    """Active from ``on``; the follow-up call ("how is it going?") is planned four weeks later."""
    if match.status not in (S.AGREED, S.INTRODUCED):
        raise ValidationError({"on": _("Alleen een koppeling waarmee de vrijwilliger instemde, kan starten.")})
    if (weekly_day is None) != (weekly_time is None):
        raise ValidationError({"weekly_time": _("Kies een vaste dag én een tijd, of geen van beide.")})
    match.status, match.started_on = S.ACTIVE, on
    match.weekly_day, match.weekly_time = weekly_day, weekly_time
    match.follow_up_due = on + datetime.timedelta(weeks=FOLLOW_UP_WEEKS)
    match.save()
    return match


def match_follow_up_done(*, match: Match, note: str, by) -> Match:
    note = (note or "").strip()
    if not note:
        raise ValidationError({"note": _("Schrijf kort op hoe het gaat.")})
    match.follow_up_done_at, match.follow_up_note = timezone.now(), note
    match.save(update_fields=["follow_up_done_at", "follow_up_note"])
    return match


def match_end(*, match: Match, reason: str, evaluation: str, by, on: datetime.date | None = None) -> Match:
    if not match.is_live:
        raise ValidationError({"reason": _("Deze koppeling loopt niet.")})
    if reason not in dict(Match._meta.get_field("end_reason").choices):
        raise ValidationError({"reason": _("Kies een reden.")})
    with transaction.atomic():
        match.status, match.slot, match.end_reason = S.ENDED, None, reason
        match.ended_on, match.evaluation = on or timezone.localdate(), (evaluation or "").strip()
        match.save()
        VolunteerRequest.objects.filter(pk=match.request_id).update(
            status=VolunteerRequest.Status.CLOSED, closed_reason=match.get_end_reason_display()
        )
    return match


def match_withdraw(*, match: Match, by) -> Match:
    """The coordinator withdraws a suggestion or a proposal that was not yet answered."""
    if match.status not in (S.SUGGESTED, S.PROPOSED):
        raise ValidationError(_("Alleen een suggestie of een onbeantwoord voorstel kan worden ingetrokken."))
    with transaction.atomic():
        match.status, match.slot = S.WITHDRAWN, None
        match.save(update_fields=["status", "slot"])
        _reopen(match)
    return match


def hours_report(*, match: Match, on: datetime.date, hours, note: str = "") -> HoursEntry:
    errors = {}
    if match.status not in (S.INTRODUCED, S.ACTIVE):
        errors["hours"] = _("Uren schrijft u bij een koppeling die loopt.")
    try:
        hours = decimal.Decimal(str(hours)).quantize(decimal.Decimal("0.1"))
    except (decimal.InvalidOperation, ValueError):
        hours = decimal.Decimal(0)
    if not 0 < hours <= 24:
        errors["hours"] = _("Vul een aantal uren in tussen 0,1 en 24.")
    if on > timezone.localdate():
        errors["on"] = _("De datum kan niet in de toekomst liggen.")
    if errors:
        raise ValidationError(errors)
    return HoursEntry.objects.create(match=match, on=on, hours=hours, note=(note or "").strip()[:250])


def concern_report(*, match: Match, text: str) -> Concern:
    text = (text or "").strip()
    if not text:
        raise ValidationError({"text": _("Beschrijf wat er aan de hand is.")})
    return Concern.objects.create(match=match, text=text)


def concern_handle(*, concern: Concern, by) -> Concern:
    concern.handled_at, concern.handled_by = timezone.now(), by
    concern.save(update_fields=["handled_at", "handled_by"])
    return concern
