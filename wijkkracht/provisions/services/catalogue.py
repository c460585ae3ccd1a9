"""The provisions themselves: created per team or centre, with the volunteers who staff them."""

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from wijkkracht.accounts.roles import Role
from wijkkracht.provisions.models import CollectiveProvision

from .common import clean_text, raise_if, require_member


@transaction.atomic
def provision_create(
    *, kind: str, name: str, team, by, place: str = "", description: str = "", phone: str = "", resource=None
):
    name = clean_text(name, 150)
    errors = {}
    if kind not in CollectiveProvision.Kind.values:
        errors["kind"] = _("Kies de soort voorziening.")
    if not name:
        errors["name"] = _("Geef de voorziening een naam.")
    raise_if(errors)
    require_member(by, team)
    try:
        with transaction.atomic():
            return CollectiveProvision.objects.create(
                kind=kind,
                name=name,
                team=team,
                place=clean_text(place, 200),
                description=clean_text(description, 2000),
                phone=clean_text(phone, 30),
                resource=resource,
            )
    except IntegrityError:
        raise_if({"name": _("Dit team heeft al een voorziening met deze naam.")})


@transaction.atomic
def provision_volunteer_add(*, provision, volunteer, by):
    if volunteer.role != Role.VOLUNTEER:
        raise_if({"volunteer": _("Kies een vrijwilliger.")})
    require_member(by, provision.team)
    provision.volunteers.add(volunteer)
    return provision
