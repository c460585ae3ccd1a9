"""Referrals to the social map, the receiving organisation's report back (by login or one-time link), the
food bank desk and the city pass."""

import datetime
import secrets

from django.core import signing
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from wijkkracht.accounts.roles import Role
from wijkkracht.provisions.models import CityPass, FoodBankReferral, Referral
from wijkkracht.socialmap.models import Resource

from .common import clean_text, raise_if, require_member

LINK_SALT = "wijkkracht.provisions.referral-report"
LINK_DAYS = 30
REPORT_STATUSES = (
    Referral.Status.ACCEPTED,
    Referral.Status.WAITING,
    Referral.Status.DECLINED,
    Referral.Status.COMPLETED,
)


class LinkInvalid(Exception):
    """The one-time link is unknown, used, replaced or expired (the page answers "not found")."""


@transaction.atomic
def referral_create(*, help_request, resource: Resource, by, note: str = "", share_contact: bool = False) -> Referral:
    """Refer the request's resident to a resource on the social map (the ``social_map_referral`` path)."""
    errors = {}
    if not help_request.is_open:
        errors["__all__"] = _("Deze hulpvraag is afgesloten; heropen hem eerst.")
    if resource.status != Resource.Status.ACTIVE:
        errors["resource"] = _("Dit aanbod is niet actief; kies ander aanbod.")
    raise_if(errors)
    require_member(by, help_request.team)
    return Referral.objects.create(
        resident=help_request.resident,
        help_request=help_request,
        resource=resource,
        team=help_request.team,
        referred_by=by,
        note=clean_text(note, 500),
        share_contact=share_contact,
        provider_organisation_id=resource.provider.organisation_id,
    )


def _report(referral: Referral, *, status: str, reason: str) -> dict:
    errors = {}
    if status not in REPORT_STATUSES:
        errors["status"] = _("Kies: aangenomen, op de wachtlijst, afgewezen of afgerond.")
    elif status == Referral.Status.DECLINED and not clean_text(reason, 500):
        errors["status_reason"] = _("Schrijf op waarom de verwijzing is afgewezen.")
    elif referral.status in (Referral.Status.DECLINED, Referral.Status.COMPLETED):
        errors["status"] = _("Deze verwijzing is al %(status)s.") % {"status": referral.get_status_display()}
    return errors


@transaction.atomic
def referral_report(*, referral: Referral, status: str, by, reason: str = "") -> Referral:
    """The receiving organisation (or the worker, after a phone call) reports how the referral stands."""
    raise_if(_report(referral, status=status, reason=reason))
    if by.role == Role.PROVIDER:
        if by.organisation_id is None or by.organisation_id != referral.provider_organisation_id:
            raise_if({"__all__": _("Deze verwijzing is niet aan uw organisatie gericht.")})
    else:
        require_member(by, referral.team)
    referral.status, referral.status_reason, referral.status_at = status, clean_text(reason, 500), timezone.now()
    referral.reported_by, referral.reported_by_link = by, False
    referral.save(update_fields=["status", "status_reason", "status_at", "reported_by", "reported_by_link"])
    return referral


@transaction.atomic
def referral_link_create(*, referral: Referral, by) -> str:
    """A one-time link for a provider without accounts (valid for 30 days; a new link replaces the old)."""
    require_member(by, referral.team)
    if not referral.is_open:
        raise_if({"__all__": _("Op deze verwijzing is al teruggemeld.")})
    referral.link_nonce, referral.link_created_at = secrets.token_urlsafe(16), timezone.now()
    referral.save(update_fields=["link_nonce", "link_created_at"])
    return signing.dumps({"r": str(referral.public_id), "n": referral.link_nonce}, salt=LINK_SALT, compress=True)


def referral_for_link(token: str) -> Referral:
    """The referral a one-time link is for; LinkInvalid when it is not (or no longer) valid."""
    try:
        data = signing.loads(token, salt=LINK_SALT, max_age=datetime.timedelta(days=LINK_DAYS))
    except signing.BadSignature:
        raise LinkInvalid from None
    referral = (
        Referral.objects.select_related("resource__provider", "team")
        .filter(public_id=data.get("r"), link_nonce=data.get("n") or "-")
        .exclude(link_nonce="")
        .first()
    )
    if referral is None:
        raise LinkInvalid
    return referral


@transaction.atomic
def referral_report_by_link(*, token: str, status: str, reason: str = "") -> Referral:
    """Report back through the one-time link: it works once, then it is spent."""
    referral = referral_for_link(token)
    referral = Referral.objects.select_for_update().get(pk=referral.pk)
    if not referral.link_nonce:
        raise LinkInvalid
    raise_if(_report(referral, status=status, reason=reason))
    referral.status, referral.status_reason, referral.status_at = status, clean_text(reason, 500), timezone.now()
    referral.reported_by, referral.reported_by_link, referral.link_nonce = None, True, ""
    referral.save(
        update_fields=["status", "status_reason", "status_at", "reported_by", "reported_by_link", "link_nonce"]
    )
    return referral


@transaction.atomic
def food_bank_refer(*, resident, team, household_size, reason: str, by) -> FoodBankReferral:
    errors = {}
    if not household_size or not 1 <= household_size <= 20:
        errors["household_size"] = _("Vul in met hoeveel personen het huishouden is (1 tot 20).")
    if not clean_text(reason, 500):
        errors["reason"] = _("Schrijf de reden van de aanmelding op.")
    raise_if(errors)
    require_member(by, team)
    return FoodBankReferral.objects.create(
        resident=resident, team=team, referred_by=by, household_size=household_size, reason=clean_text(reason, 500)
    )


@transaction.atomic
def food_bank_decide(*, referral: FoodBankReferral, admitted: bool, by, valid_until=None) -> FoodBankReferral:
    if referral.status != FoodBankReferral.Status.REFERRED:
        raise_if({"__all__": _("Over deze aanmelding is al besloten.")})
    if admitted and (valid_until is None or valid_until <= timezone.localdate()):
        raise_if({"valid_until": _("Vul in tot wanneer de inwoner is toegelaten (een datum in de toekomst).")})
    require_member(by, referral.team)
    referral.status = FoodBankReferral.Status.ADMITTED if admitted else FoodBankReferral.Status.DECLINED
    referral.decided_at, referral.valid_until = timezone.now(), valid_until if admitted else None
    referral.save(update_fields=["status", "decided_at", "valid_until"])
    return referral


@transaction.atomic
def city_pass_record(*, resident, valid_until, by) -> CityPass:
    """The city pass as a fact on the resident (a new date replaces the old one)."""
    if valid_until is None:
        raise_if({"valid_until": _("Vul in tot wanneer de stadspas geldig is.")})
    city_pass, _created = CityPass.objects.update_or_create(
        resident=resident, defaults={"valid_until": valid_until, "recorded_by": by, "recorded_at": timezone.now()}
    )
    return city_pass
