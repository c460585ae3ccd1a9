"""Writes for volunteers and their requests: sign-up, intake, status, availability, the calendar link, skills.

The match lifecycle is in services_matches.py. The caller has read what it changes through a selector (policy
applied, read logged); these functions validate and write in one transaction. Errors are ``ValidationError``
with Dutch messages per field.
"""

import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from wijkkracht.accounts.roles import Role
from wijkkracht.areas.models import PostcodeArea
from wijkkracht.cases.services.requests import team_for_household
from wijkkracht.organisations.models import Team
from wijkkracht.volunteers.choices import LANGUAGE_CODES, Kind, Target
from wijkkracht.volunteers.geo import postcode_point
from wijkkracht.volunteers.models import Skill, Volunteer, VolunteerRequest, new_calendar_token

MAX_SKILLS = 63
VOG_REMIND_DAYS = 42
PROFILE_FIELDS = (
    "first_name",
    "last_name",
    "email",
    "phone",
    "postcode",
    "languages",
    "kinds",
    "preferences",
    "availability",
    "max_distance_km",
    "capacity",
    "training",
    "motivation",
    "intake_on",
    "intake_note",
    "vog_issued_on",
)


def normal_postcode(postcode: str) -> str:
    raw = (postcode or "").replace(" ", "").upper()
    return f"{raw[:4]} {raw[4:]}" if len(raw) == 6 else raw


def postcode_place(postcode: str):
    """``(point, neighbourhood, team)`` for a postcode in the municipality, or a ValidationError."""
    postcode = normal_postcode(postcode)
    point = postcode_point(postcode)
    if point is None or len(postcode) != 7:
        raise ValidationError({"postcode": _("Vul een postcode in als 1315 AB.")})
    letters = postcode[5:]
    area = (
        PostcodeArea.objects.filter(pc4=postcode[:4], letters_from__lte=letters, letters_to__gte=letters)
        .select_related("neighbourhood")
        .first()
    )
    if area is None:
        raise ValidationError({"postcode": _("Deze postcode ligt niet in ons werkgebied.")})
    team = (
        Team.objects.filter(neighbourhoods=area.neighbourhood_id, kind=Team.Kind.NEIGHBOURHOOD_TEAM)
        .order_by("id")
        .first()
        or Team.objects.filter(neighbourhoods=area.neighbourhood_id).order_by("id").first()
    )
    return point, area.neighbourhood, team


def _check_profile(values: dict) -> dict:
    errors = {}
    for name in ("first_name", "last_name"):
        if name in values and not (values[name] or "").strip():
            errors[name] = _("Vul dit in.")
    if "email" in values and "@" not in (values["email"] or ""):
        errors["email"] = _("Vul een e-mailadres in.")
    if "languages" in values and any(code not in LANGUAGE_CODES for code in values["languages"]):
        errors["languages"] = _("Kies talen uit de lijst.")
    if "max_distance_km" in values and not 1 <= (values["max_distance_km"] or 0) <= 30:
        errors["max_distance_km"] = _("Kies een afstand van 1 tot 30 km.")
    if "capacity" in values and not 1 <= (values["capacity"] or 0) <= 10:
        errors["capacity"] = _("Kies 1 tot 10 koppelingen tegelijk.")
    vog = values.get("vog_issued_on")
    if vog and vog > timezone.localdate():
        errors["vog_issued_on"] = _("De afgiftedatum van de VOG kan niet in de toekomst liggen.")
    return errors


def _apply(volunteer: Volunteer, values: dict, skills) -> None:
    errors = _check_profile(values)
    if "postcode" in values:
        try:
            point, neighbourhood, team = postcode_place(values["postcode"])
        except ValidationError as error:
            errors.update(error.message_dict)
        else:
            values["postcode"] = normal_postcode(values["postcode"])
            volunteer.x, volunteer.y = point
            volunteer.neighbourhood = neighbourhood
            if volunteer.team_id is None:
                volunteer.team = team
    if errors:
        raise ValidationError(errors)
    for name, value in values.items():
        if name in PROFILE_FIELDS:
            setattr(volunteer, name, value.strip() if isinstance(value, str) else value)
    volunteer.save()
    if skills is not None:
        volunteer.skills.set(skills)


def volunteer_sign_up(*, values: dict, skills=(), site_url: str = "") -> Volunteer:
    """The public form: a pending record and a confirmation e-mail, nothing else."""
    values = {k: v for k, v in values.items() if k in PROFILE_FIELDS and k not in ("intake_on", "intake_note")}
    with transaction.atomic():
        volunteer = Volunteer(signed_up_self=True, status=Volunteer.Status.PENDING)
        _apply(volunteer, values, list(skills))
    context = {"volunteer": volunteer, "site_url": site_url or settings.SITE_URL}
    send_mail(
        _("Bedankt voor uw aanmelding als vrijwilliger"),
        render_to_string("volunteers/mail/signed_up.txt", context),
        settings.DEFAULT_FROM_EMAIL,
        [volunteer.email],
    )
    return volunteer


def volunteer_register(*, by, values: dict, skills=(), team=None) -> Volunteer:
    """A coordinator registers a volunteer (pending until the intake)."""
    with transaction.atomic():
        volunteer = Volunteer(team=team)
        _apply(volunteer, dict(values), list(skills))
    return volunteer


def volunteer_update(*, volunteer: Volunteer, by, values: dict, skills=None) -> Volunteer:
    with transaction.atomic():
        _apply(volunteer, dict(values), skills)
    return volunteer


def volunteer_availability_set(*, volunteer: Volunteer, availability: int, max_distance_km: int) -> Volunteer:
    """The volunteer updates when they are free and how far they will go."""
    _apply(volunteer, {"availability": availability, "max_distance_km": max_distance_km}, None)
    return volunteer


def _account_for(volunteer: Volunteer, by):
    """The volunteer's login (role volunteer, password set by the functional administrator); made once."""
    if volunteer.user_id:
        return volunteer.user
    users = get_user_model()
    base = slugify(f"{volunteer.first_name}.{volunteer.last_name}")[:30] or "vrijwilliger"
    username, n = base, 1
    while users.objects.filter(username=username).exists():
        n += 1
        username = f"{base}{n}"
    user = users(
        username=username,
        first_name=volunteer.first_name,
        last_name=volunteer.last_name,
        email=volunteer.email,
        role=Role.VOLUNTEER,
        organisation_id=getattr(by, "organisation_id", None),
    )
    user.set_unusable_password()
    user.save()
    volunteer.user = user
    return user


def volunteer_status_set(*, volunteer: Volunteer, status: str, reason: str = "", by) -> Volunteer:
    """Activate (after the intake: makes the login), pause or stop, with a reason."""
    reason = (reason or "").strip()
    if status not in Volunteer.Status.values:
        raise ValidationError({"status": _("Kies een status.")})
    if status == Volunteer.Status.ACTIVE and volunteer.intake_on is None:
        raise ValidationError(
            {"status": _("Leg eerst het intakegesprek vast; daarna kan de vrijwilliger actief worden.")}
        )
    if status in (Volunteer.Status.PAUSED, Volunteer.Status.STOPPED) and not reason:
        raise ValidationError({"status_reason": _("Geef een reden voor pauzeren of stoppen.")})
    with transaction.atomic():
        if status == Volunteer.Status.ACTIVE:
            _account_for(volunteer, by)
        if volunteer.user_id:
            volunteer.user.is_active = status != Volunteer.Status.STOPPED
            volunteer.user.save(update_fields=["is_active"])
        volunteer.status, volunteer.status_reason = status, reason
        volunteer.status_changed_at = timezone.now()
        volunteer.save()
    return volunteer


def volunteer_calendar_renew(*, volunteer: Volunteer) -> str:
    """A new secret calendar address; the old one stops working at once."""
    volunteer.calendar_token = new_calendar_token()
    volunteer.save(update_fields=["calendar_token"])
    return volunteer.calendar_token


def vog_reminders_send(*, today: datetime.date | None = None) -> int:
    """E-mail active volunteers whose VOG lapses within six weeks (once per VOG)."""
    today = today or timezone.localdate()
    sent = 0
    volunteers = Volunteer.objects.filter(status=Volunteer.Status.ACTIVE, vog_issued_on__isnull=False).exclude(
        vog_reminded_on__gte=F("vog_issued_on")
    )
    for volunteer in volunteers.iterator():
        until = volunteer.vog_valid_until()
        if not today <= until <= today + datetime.timedelta(days=VOG_REMIND_DAYS):
            continue
        send_mail(
            _("Uw VOG verloopt binnenkort"),
            render_to_string("volunteers/mail/vog_reminder.txt", {"volunteer": volunteer, "until": until}),
            settings.DEFAULT_FROM_EMAIL,
            [volunteer.email],
        )
        Volunteer.objects.filter(pk=volunteer.pk).update(vog_reminded_on=today)
        sent += 1
    return sent


def skill_create(*, name: str) -> Skill:
    name = (name or "").strip()
    if not name:
        raise ValidationError({"name": _("Vul de naam van de vaardigheid in.")})
    if Skill.objects.filter(name__iexact=name).exists():
        raise ValidationError({"name": _("Deze vaardigheid staat al in de lijst.")})
    if Skill.objects.count() >= MAX_SKILLS:
        raise ValidationError({"name": _("De lijst is vol (63 vaardigheden); zet er eerst een uit.")})
    return Skill.objects.create(name=name, code=slugify(name)[:40] or f"skill-{Skill.objects.count() + 1}")


def skill_toggle(*, skill: Skill) -> Skill:
    skill.active = not skill.active
    skill.save(update_fields=["active"])
    return skill


# --- requests for a volunteer ----------------------------------------------------------------------


def target_for(birth_date: datetime.date, today: datetime.date | None = None) -> str:
    today = today or timezone.localdate()
    age = today.year - birth_date.year - ((today.month, today.day) < (birth_date.month, birth_date.day))
    return Target.CHILD if age < 18 else Target.ELDERLY if age >= 67 else Target.ADULT


def request_create(
    *,
    resident,
    by,
    kind: str,
    task: str,
    availability: int,
    skills=(),
    language: str = "",
    target: str = "",
    long_term: bool | None = None,
    needs_vog: bool | None = None,
    max_distance_km: int = 3,
    help_request=None,
    team=None,
) -> VolunteerRequest:
    """A request for a volunteer for a resident already read by the caller. Children and buddies need a VOG."""
    task = (task or "").strip()
    errors = {}
    if kind not in Kind.values:
        errors["kind"] = _("Kies het soort werk.")
    if not task:
        errors["task"] = _("Beschrijf wat er nodig is.")
    if not availability:
        errors["availability"] = _("Kies minstens één moment in de week.")
    if not 1 <= (max_distance_km or 0) <= 30:
        errors["max_distance_km"] = _("Kies een afstand van 1 tot 30 km.")
    point = postcode_point(resident.household.postcode)
    if point is None:
        errors["task"] = _("Het adres van de inwoner heeft geen geldige postcode.")
    team = team or team_for_household(resident.household)
    if team is None:
        errors["kind"] = _("Er is geen team voor de buurt van deze inwoner.")
    if errors:
        raise ValidationError(errors)
    target = target or target_for(resident.birth_date)
    long_term = kind in (Kind.BUDDY, Kind.LANGUAGE_BUDDY) if long_term is None else long_term
    if needs_vog is None:
        needs_vog = target in (Target.CHILD, Target.ELDERLY) or kind in (Kind.BUDDY, Kind.DRIVER)
    with transaction.atomic():
        request = VolunteerRequest.objects.create(
            resident=resident,
            team=team,
            help_request=help_request,
            created_by=by,
            kind=kind,
            task=task,
            language=language or resident.preferred_language or "nl",
            availability=availability,
            target=target,
            long_term=long_term,
            needs_vog=needs_vog,
            max_distance_km=max_distance_km,
            x=point[0],
            y=point[1],
        )
        request.skills.set(list(skills))
    return request


def request_close(*, request: VolunteerRequest, reason: str, by) -> VolunteerRequest:
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Geef een reden om de vraag te sluiten.")})
    if request.matches.filter(status__in=("proposed", "agreed", "introduced", "active")).exists():
        raise ValidationError({"reason": _("Deze vraag heeft een lopende koppeling; beëindig die eerst.")})
    request.status, request.closed_reason = VolunteerRequest.Status.CLOSED, reason
    request.save(update_fields=["status", "closed_reason"])
    return request
