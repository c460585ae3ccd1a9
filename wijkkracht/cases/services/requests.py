"""Writes for case work. The caller (a view, API endpoint or command) has already read the resident
through a selector, so the policy has been applied and the read logged; these functions only write.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from wijkkracht.cases.models import Channel, Contact, HelpRequest
from wijkkracht.organisations.models import Team


def team_for_household(household) -> Team | None:
    """The neighbourhood team serving the household's neighbourhood."""
    return (
        Team.objects.filter(neighbourhoods=household.neighbourhood_id, kind=Team.Kind.NEIGHBOURHOOD_TEAM)
        .order_by("id")
        .first()
    )


def help_request_create(
    *, resident, channel: str, question: str, taken_by, received_at=None, team=None, assigned_to=None
) -> HelpRequest:
    """Intake: a new request in the resident's own words, by channel, taken by a worker."""
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
        received_at=received_at,
        status_changed_at=received_at,
        taken_by=taken_by,
        assigned_to=assigned_to or taken_by,
    )


@transaction.atomic
def contact_create(
    *, resident, by, kind: str, note: str = "", at=None, help_request=None, context: str | None = None
) -> Contact:
    """Log a contact with a resident (optionally about one request)."""
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
    )
