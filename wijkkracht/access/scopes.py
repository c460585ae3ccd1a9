"""Which records a user may see: one filter per model, used for lists *and* single objects.

A single object is found by filtering the scoped queryset on its id, so a record outside the scope
is indistinguishable from one that does not exist.

Two ways in:
- **team**: team roles see the residents living in their teams' neighbourhoods, with everything
  recorded about them (purpose: case work);
- **grant**: staff of other organisations see a resident only through an active ``AccessGrant`` for
  their organisation, and only the *category* of data the grant names (personal details, help requests,
  plan, carer support), logged under the grant's purpose.
Records merged into another resident are out of every scope: the kept record is the one to open.
"""

from dataclasses import dataclass

from django.db.models import Q

from wijkkracht.audit.models import Purpose
from wijkkracht.organisations.models import Team

from .models import AccessGrant
from .rules import GRANT_ROLES, TEAM_ROLES

NOTHING = Q(pk__in=[])
Category = AccessGrant.Category


@dataclass(frozen=True)
class Scope:
    """A filter on records and the purpose under which those reads are logged."""

    q: Q
    purpose: str


def team_neighbourhood_ids(user):
    """A subquery: the neighbourhoods the user's teams serve."""
    return Team.neighbourhoods.through.objects.filter(team__memberships__user=user).values("neighbourhood_id")


def user_team_ids(user):
    return Team.objects.filter(memberships__user=user).values("id")


def _grants(user, category: str):
    return AccessGrant.objects.active().filter(organisation_id=user.organisation_id, category=category)


def resident_scopes(user, *, prefix: str = "", category: str = Category.PERSONAL_DETAILS) -> list[Scope]:
    """The scopes through which ``user`` may see residents (or records about them), team scope first.

    ``prefix`` lets other models reuse the rule through their relation to a resident
    (``prefix="resident__"`` for a help request); ``category`` is what a grant must cover.
    """
    if not user.is_authenticated:
        return []
    live = Q(**{f"{prefix}merged_into__isnull": True})
    scopes = []
    if user.role in TEAM_ROLES:
        scopes.append(
            Scope(
                live & Q(**{f"{prefix}household__neighbourhood_id__in": team_neighbourhood_ids(user)}),
                Purpose.CASE_WORK,
            )
        )
    if user.role in GRANT_ROLES and user.organisation_id:
        # One scope per purpose a grant can have, so each read is logged under the grant's own purpose.
        grants = _grants(user, category)
        for purpose in (Purpose.HANDOVER, Purpose.CASE_WORK, Purpose.REPORT):
            shared = grants.filter(purpose=purpose).values("resident_id")
            scopes.append(Scope(live & Q(**{f"{prefix}id__in": shared}), purpose))
    return scopes


def household_scopes(user, *, prefix: str = "", category: str = Category.PERSONAL_DETAILS) -> list[Scope]:
    """As ``resident_scopes``, for records that belong to a household (the plan)."""
    if not user.is_authenticated:
        return []
    scopes = []
    if user.role in TEAM_ROLES:
        scopes.append(Scope(Q(**{f"{prefix}neighbourhood_id__in": team_neighbourhood_ids(user)}), Purpose.CASE_WORK))
    if user.role in GRANT_ROLES and user.organisation_id:
        grants = _grants(user, category)
        for purpose in (Purpose.HANDOVER, Purpose.CASE_WORK, Purpose.REPORT):
            shared = grants.filter(purpose=purpose).values("resident__household_id")
            scopes.append(Scope(Q(**{f"{prefix}id__in": shared}), purpose))
    return scopes


def team_scopes(user, *, prefix: str = "") -> list[Scope]:
    """Records that belong to a team (signals, the team board): members of that team only."""
    if not user.is_authenticated or user.role not in TEAM_ROLES:
        return []
    return [Scope(Q(**{f"{prefix}team_id__in": user_team_ids(user)}), Purpose.CASE_WORK)]


def combined_q(scopes: list[Scope]) -> Q:
    """One filter for all of a user's scopes (for lists)."""
    q = NOTHING
    for scope in scopes:
        q |= scope.q
    return q


def resident_q(user, **kwargs) -> Q:
    return combined_q(resident_scopes(user, **kwargs))


def list_purpose(scopes: list[Scope]) -> str:
    """Lists mix records seen through teams and grants; logged as case work when the user has a team scope."""
    purposes = [s.purpose for s in scopes]
    return purposes[0] if purposes and Purpose.CASE_WORK not in purposes else Purpose.CASE_WORK


@dataclass(frozen=True)
class ResidentAccess:
    """What one user may see of one resident, decided once per page: category -> purpose of the read.

    The resident page reads many kinds of records about one resident; deciding the policy once (two
    small queries) and filtering each record on the resident's id is the same rule as ``resident_scopes``
    for that resident, and much cheaper than repeating the scope subqueries for every section.
    """

    resident_id: int
    household_id: int
    purposes: dict

    def scopes(self, category: str, *, prefix: str = "resident__") -> list[Scope]:
        purpose = self.purposes.get(category)
        return [Scope(Q(**{f"{prefix}id": self.resident_id}), purpose)] if purpose else []

    def household_scopes(self, category: str, *, prefix: str = "household__") -> list[Scope]:
        purpose = self.purposes.get(category)
        return [Scope(Q(**{f"{prefix}id": self.household_id}), purpose)] if purpose else []

    def may_see(self, category: str) -> bool:
        return category in self.purposes


def resident_access(user, resident) -> ResidentAccess:
    """Decide, for each data category, whether and under which purpose ``user`` may read about ``resident``.

    Same outcome as ``resident_scopes(user, category=...)`` filtered on this resident, in at most two queries.
    """
    purposes: dict[str, str] = {}
    if user.is_authenticated and resident.merged_into_id is None:
        if user.role in TEAM_ROLES:
            in_team = Team.neighbourhoods.through.objects.filter(
                team__memberships__user=user, neighbourhood_id=resident.household.neighbourhood_id
            ).exists()
            if in_team:
                purposes = dict.fromkeys(Category.values, Purpose.CASE_WORK)
        if user.role in GRANT_ROLES and user.organisation_id:
            order = [Purpose.HANDOVER, Purpose.CASE_WORK, Purpose.REPORT]
            grants = AccessGrant.objects.active().filter(organisation_id=user.organisation_id, resident_id=resident.pk)
            for category, purpose in sorted(grants.values_list("category", "purpose"), key=lambda g: order.index(g[1])):
                purposes.setdefault(category, purpose)
    return ResidentAccess(resident_id=resident.pk, household_id=resident.household_id, purposes=purposes)
