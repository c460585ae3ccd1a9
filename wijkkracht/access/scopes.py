"""Which records a user may see: one filter per model, used for lists *and* single objects.

A single object is found by filtering the scoped queryset on its id, so a record outside the scope
is indistinguishable from one that does not exist.
"""

from dataclasses import dataclass

from django.db.models import Q

from wijkkracht.audit.models import Purpose
from wijkkracht.organisations.models import Team

from .models import AccessGrant
from .rules import GRANT_ROLES, TEAM_ROLES

NOTHING = Q(pk__in=[])


@dataclass(frozen=True)
class Scope:
    """A filter on residents and the purpose under which those reads are logged."""

    q: Q
    purpose: str


def _team_neighbourhoods(user):
    return Team.neighbourhoods.through.objects.filter(team__memberships__user=user).values("neighbourhood_id")


def resident_scopes(user, *, prefix: str = "") -> list[Scope]:
    """The scopes through which ``user`` may see residents, most specific purpose first.

    ``prefix`` lets other models reuse the rule through their relation to a resident.
    """
    if not user.is_authenticated:
        return []
    scopes = []
    if user.role in TEAM_ROLES:
        scopes.append(
            Scope(Q(**{f"{prefix}household__neighbourhood_id__in": _team_neighbourhoods(user)}), Purpose.CASE_WORK)
        )
    if user.role in GRANT_ROLES and user.organisation_id:
        # One scope per purpose a grant can have, so each read is logged under the grant's own purpose.
        grants = AccessGrant.objects.active().filter(organisation_id=user.organisation_id)
        for purpose in (Purpose.HANDOVER, Purpose.CASE_WORK, Purpose.REPORT):
            shared = grants.filter(purpose=purpose).values("resident_id")
            scopes.append(Scope(Q(**{f"{prefix}id__in": shared}), purpose))
    return scopes


def resident_q(user) -> Q:
    """One filter for all of the user's scopes (for lists)."""
    q = NOTHING
    for scope in resident_scopes(user):
        q |= scope.q
    return q
