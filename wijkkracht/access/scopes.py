"""Which records a user may see: one rule for every model with personal data, for lists and single records.

The rule is read off the model's ``PersonalData`` spec (wijkkracht/core/personal_data.py):

- **team**: a record owned by a team (``spec.team``: help requests, contacts, plans, ZRM, carers,
  signals) is seen by the members of that team, whatever their organisation: within a neighbourhood
  team the covenant partners share their case records, on the ground named in the team's settings.
  Another team serving the same neighbourhood (a community centre) does not see it.
- **neighbourhood**: a record without an owning team (the resident's personal details, the household)
  is seen by the members of every team that serves the resident's neighbourhood.
- **grant**: staff of an organisation see a record about a resident who shared that *category* of data
  with their organisation (an active ``AccessGrant``), logged under the grant's purpose.
- **own**: a record that names the user as its own (``spec.own``: the volunteer of a match, the GP of a
  prescription) is seen by that user, whatever their team. Users of an own-only role (``OWN_ONLY_ROLES``:
  a volunteer) see only such records, even when they are a member of a team.
- **organisation**: a record addressed to an organisation (``spec.organisation``: the provider a resident
  is referred to) is seen by that organisation's staff, whatever their team.

A single record is found by filtering the scoped queryset on its id, so a record outside the scope is
indistinguishable from one that does not exist. Records about residents merged into another are out
of every scope. The user's teams and neighbourhoods are looked up once per call and used as literal
values, so the scope adds no subquery per list.
"""

from dataclasses import dataclass, field

from django.db.models import BigIntegerField, CharField, F, Q, Value
from django.db.models.functions import Cast

from wijkkracht.accounts.models import TeamMembership
from wijkkracht.audit.models import Basis, Purpose
from wijkkracht.audit.services import current_call
from wijkkracht.core.personal_data import DataCategory, PersonalData

from .models import AccessGrant
from .rules import OWN_ONLY_ROLES, RESIDENT_READERS, TEAM_ROLES

Category = DataCategory
NOTHING = Q(pk__in=[])
PURPOSE_ORDER = [Purpose.HANDOVER, Purpose.CASE_WORK, Purpose.REPORT]


@dataclass(frozen=True)
class Scope:
    """A filter on records and the basis on which those reads are given (team, neighbourhood, grant)."""

    q: Q
    basis: str


@dataclass(frozen=True)
class UserFacts:
    """What the scopes need to know of a user, looked up once per call."""

    user_id: int | None
    team_ids: tuple
    neighbourhood_ids: tuple
    organisation_id: int | None
    team_role: bool
    receives_grants: bool
    # The data categories that some resident shares with the user's organisation now: only these
    # categories get a grant scope (a subquery), the others none (it would find nothing).
    shared_categories: frozenset = frozenset()


def cached(key, compute):
    """``compute()`` once per call (a web request); without a call, every time."""
    call = current_call()
    if call is None:
        return compute()
    if key not in call.cache:
        call.cache[key] = compute()
    return call.cache[key]


def _facts_rows(user, *, with_grants: bool):
    """(team id, neighbourhood id, shared category) rows: the user's memberships and, for a user who may
    receive grants, the categories shared with their organisation; one query (a UNION with the same typed
    columns, as PostgreSQL needs them)."""
    no_id, no_text = Cast(Value(None), BigIntegerField()), Cast(Value(None), CharField())
    memberships = (
        TeamMembership.objects.filter(user_id=user.pk)
        .order_by()
        .annotate(wk_team=F("team_id"), wk_neighbourhood=F("team__neighbourhoods"), wk_category=no_text)
        .values_list("wk_team", "wk_neighbourhood", "wk_category")
    )
    if not with_grants:
        return memberships
    shared = (
        AccessGrant.objects.active()
        .filter(organisation_id=user.organisation_id)
        .order_by()
        .annotate(wk_team=no_id, wk_neighbourhood=no_id, wk_category=F("category"))
        .values_list("wk_team", "wk_neighbourhood", "wk_category")
    )
    return memberships.union(shared)


def user_facts(user) -> UserFacts:
    """The user's teams, the neighbourhoods they serve and the categories shared with their organisation
    (one query, once per call)."""

    def compute():
        team_ids, neighbourhood_ids, categories = [], [], set()
        team_role = user.is_authenticated and user.role in TEAM_ROLES
        receives_grants = bool(
            user.is_authenticated and user.role in RESIDENT_READERS and getattr(user, "organisation_id", None)
        )
        for team_id, neighbourhood_id, category in _facts_rows(user, with_grants=receives_grants):
            if category is not None:
                categories.add(category)
                continue
            if user.role in OWN_ONLY_ROLES:
                continue  # a volunteer in a team sees only their own records, never the team's
            team_ids.append(team_id)
            if neighbourhood_id is not None and team_role:
                neighbourhood_ids.append(neighbourhood_id)
        return UserFacts(
            user_id=user.pk,
            team_ids=tuple(sorted(set(team_ids))),
            neighbourhood_ids=tuple(sorted(set(neighbourhood_ids))),
            organisation_id=getattr(user, "organisation_id", None),
            team_role=bool(team_role),
            receives_grants=receives_grants,
            shared_categories=frozenset(categories),
        )

    if not user.is_authenticated:
        return UserFacts(None, (), (), None, False, False)
    return cached(("user", user.pk), compute)


def user_team_ids(user) -> tuple:
    """The ids of the teams the user is a member of (once per call)."""
    return user_facts(user).team_ids


def resident_prefix(spec: PersonalData) -> str | None:
    """The lookup prefix from the spec's model to its resident ("" for Resident itself), or None."""
    if spec.resident is None:
        return None
    return f"{spec.resident}__" if spec.resident else ""


def household_prefix(spec: PersonalData) -> str | None:
    if spec.household is not None:
        return f"{spec.household}__" if spec.household else ""
    prefix = resident_prefix(spec)
    return None if prefix is None else f"{prefix}household__"


def _live(spec: PersonalData) -> Q:
    prefix = resident_prefix(spec)
    return Q(**{f"{prefix}merged_into__isnull": True}) if prefix is not None else Q()


def shared_resident_ids(*, organisation_id, category: str):
    """A subquery: the residents who share ``category`` with the organisation now."""
    return AccessGrant.objects.active().filter(organisation_id=organisation_id, category=category).values("resident_id")


def scopes(spec: PersonalData, user, *, about=None) -> list[Scope]:
    """The scopes through which ``user`` may see records of ``spec``'s model, team or neighbourhood first.

    ``about`` (``resident_facts``): the records are about this one resident (the caller filters on
    it), so the rule is decided from what is known of that resident, without subqueries.
    """
    facts = user_facts(user)
    found = []
    if spec.team and facts.team_ids:
        # Members of the owning team, whatever their role (the permission says which roles read this kind).
        found.append(Scope(Q(**{f"{spec.team}_id__in": facts.team_ids}), Basis.TEAM))
    if spec.own and user.is_authenticated:
        found.append(Scope(Q(**{f"{spec.own}_id": user.pk}), Basis.OWN))
    if spec.organisation and facts.organisation_id is not None:
        found.append(Scope(Q(**{f"{spec.organisation}_id": facts.organisation_id}), Basis.ORGANISATION))
    if facts.team_role and not spec.team:
        if about is not None:
            if about.neighbourhood_id in facts.neighbourhood_ids:
                found.append(Scope(Q(), Basis.NEIGHBOURHOOD))
        elif household_prefix(spec) is not None:
            q = Q(**{f"{household_prefix(spec)}neighbourhood_id__in": facts.neighbourhood_ids})
            found.append(Scope(q, Basis.NEIGHBOURHOOD))
    if spec.grants and facts.receives_grants and spec.category in facts.shared_categories:
        if about is not None:
            if spec.category in about.grants:
                found.append(Scope(Q(), Basis.GRANT))
        elif resident_prefix(spec) is not None:
            shared = shared_resident_ids(organisation_id=facts.organisation_id, category=spec.category)
            found.append(Scope(Q(**{f"{resident_prefix(spec)}id__in": shared}), Basis.GRANT))
        elif spec.household is not None:
            shared = AccessGrant.objects.active().filter(organisation_id=facts.organisation_id, category=spec.category)
            q = Q(**{f"{household_prefix(spec)}id__in": shared.values("resident__household_id")})
            found.append(Scope(q, Basis.GRANT))
    live = _live(spec)
    if about is not None and resident_prefix(spec) is not None:
        # The records are about this one resident (the kernel filters on it): merged or not is known.
        live = Q() if about.live else NOTHING
    return [Scope(s.q & live, s.basis) for s in found]


def combined_q(found: list[Scope]) -> Q:
    """One filter for all of a user's scopes (for lists)."""
    if any(not scope.q for scope in found):
        return Q()  # a scope without a condition lets every record through (``NOTHING | Q()`` would not)
    q = NOTHING
    for scope in found:
        q |= scope.q
    return q


def scope_q(spec: PersonalData, user, *, about=None) -> Q:
    return combined_q(scopes(spec, user, about=about))


@dataclass(frozen=True)
class ResidentFacts:
    """What decides access to one resident's records: where they live and what they share with the
    user's organisation (category -> (purpose, consent)). Looked up once per call per resident."""

    resident_id: int
    household_id: int
    neighbourhood_id: int
    grants: dict = field(default_factory=dict)
    resident_ref: str = ""  # the resident's public id, as the audit log names them
    live: bool = True  # not merged into another record


def grant_terms(*, organisation_id, category: str, resident_ids) -> dict:
    """Per resident id: the (purpose, consent) of the strongest active grant of ``category`` (one query)."""
    rows = AccessGrant.objects.active().filter(
        organisation_id=organisation_id, category=category, resident_id__in=list(resident_ids)
    )
    terms: dict[int, tuple] = {}
    ordered = sorted(rows.values_list("resident_id", "purpose", "ground"), key=lambda g: PURPOSE_ORDER.index(g[1]))
    for resident_id, purpose, ground in ordered:
        terms.setdefault(resident_id, (purpose, ground == AccessGrant.Ground.CONSENT))
    return terms


def resident_grants(resident) -> list:
    """The resident's active grants, to every organisation, with who recorded them, in the order the consent
    list shows them (one query, once per call): what the resident shares with the user's organisation, the
    consents on the resident page and its "who sees what" panel all come from it."""

    def compute():
        rows = AccessGrant.objects.active().filter(resident_id=resident.pk)
        rows = rows.select_related("organisation", "granted_by", "revoked_by")
        return list(rows.order_by("organisation__name", "-valid_until", "purpose", "category", "id"))

    return cached(("grants", resident.pk), compute)


def resident_facts(user, resident) -> ResidentFacts:
    """Decide once what ``user`` may see of ``resident`` (at most one query, ``resident_grants``)."""

    def compute():
        facts = user_facts(user)
        grants = {}
        if facts.receives_grants and resident.merged_into_id is None:
            rows = [g for g in resident_grants(resident) if g.organisation_id == facts.organisation_id]
            for grant in sorted(rows, key=lambda g: PURPOSE_ORDER.index(g.purpose)):
                grants.setdefault(grant.category, (grant.purpose, grant.ground == AccessGrant.Ground.CONSENT))
        return ResidentFacts(
            resident_id=resident.pk,
            household_id=resident.household_id,
            neighbourhood_id=resident.household.neighbourhood_id,
            grants=grants,
            resident_ref=str(resident.public_id),
            live=resident.merged_into_id is None,
        )

    return cached(("resident", user.pk, resident.pk), compute)
