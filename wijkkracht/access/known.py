"""Who knows a resident, and who can see what of them: derived from the personal-data declarations.

- ``record_owners``: per resident, per data category, the teams that own records about them (help
  requests, contacts, plans, ZRM, carers, ...), found through every model's ``PersonalData`` spec in
  one query; and the coordinator of the household's plan.
- ``known_to``: the "known to Wijkteam X, call ..." hint: the teams (name, phone, e-mail) and the
  coordinator to contact, never the content.
- ``resident_visibility``: per kind of data, which teams and organisations can see it and on what
  ground (the resident page's "who sees what" panel).

No function here returns a resident's data; the callers log what they show.
"""

from django.db.models import BigIntegerField, CharField, Exists, F, OuterRef, Q, Value
from django.db.models.functions import Cast
from django.utils.translation import gettext as _

from wijkkracht.accounts.models import User
from wijkkracht.core.personal_data import DataCategory, registry
from wijkkracht.organisations.models import Team

from .scopes import cached, household_prefix, resident_grants, resident_prefix


def _owner_queries(resident_ids: list[int]):
    """One query per team-owned model: (resident id, team id, category, coordinator id), the same columns in
    the same order for each (all annotations, annotated in one order), so they can form one UNION."""
    for spec in registry():
        if not spec.team:
            continue
        rp = resident_prefix(spec)
        path = f"{rp}id" if rp is not None else f"{household_prefix(spec)}residents__id"
        handler = Cast(Value(None), BigIntegerField())  # a typed NULL: PostgreSQL types a bare NULL as text
        if spec.handler and spec.household is not None:
            handler = F(f"{spec.handler}_id")
        qs = spec.model.objects.filter(**{f"{path}__in": resident_ids}).order_by()
        yield qs.annotate(
            wk_resident=F(path),
            wk_team=F(f"{spec.team}_id"),
            wk_category=Value(spec.category, output_field=CharField()),
            wk_coordinator=handler,
        ).values_list("wk_resident", "wk_team", "wk_category", "wk_coordinator")


def record_owners(resident_ids) -> dict[int, dict]:
    """``{resident_id: {"teams": {category: {team_id}}, "coordinator_id": user id or None}}`` (one query,
    once per call)."""
    resident_ids = sorted(set(resident_ids))
    return cached(("owners", tuple(resident_ids)), lambda: _record_owners(resident_ids))


def _record_owners(resident_ids: list[int]) -> dict[int, dict]:
    owners = {rid: {"teams": {}, "coordinator_id": None} for rid in resident_ids}
    queries = list(_owner_queries(resident_ids))
    if not resident_ids or not queries:
        return owners
    union = queries[0].union(*queries[1:]) if len(queries) > 1 else queries[0]
    for resident_id, team_id, category, handler_id in union:
        entry = owners[resident_id]
        if team_id is not None:
            entry["teams"].setdefault(category, set()).add(team_id)
        if handler_id is not None:
            entry["coordinator_id"] = handler_id
    return owners


def _team_contacts(team_ids) -> dict[int, dict]:
    rows = Team.objects.filter(id__in=team_ids).order_by("-kind", "name").values("id", "name", "phone", "email")
    return {row.pop("id"): row for row in rows}


def _name(user_id) -> str:
    if user_id is None:
        return ""
    user = User.objects.filter(pk=user_id).only("first_name", "last_name", "username").first()
    return (user.get_full_name() or user.get_username()) if user else ""


def known_to(residents, *, exclude_team_ids=(), categories=None) -> dict[int, dict]:
    """Per resident id: ``{"teams": [{"name", "phone", "email"}], "coordinator": str}``: the teams (other
    than ``exclude_team_ids``) that own records about them in ``categories`` (default: all), else the
    teams serving their neighbourhood; and their plan's coordinator."""
    residents = list(residents)
    owners = record_owners(r.pk for r in residents)
    wanted = set(categories or DataCategory.values)
    owning = {
        r.pk: {t for c, ids in owners[r.pk]["teams"].items() if c in wanted for t in ids} - set(exclude_team_ids)
        for r in residents
    }
    by_neighbourhood: dict[int, list[int]] = {}
    links = Team.neighbourhoods.through.objects.filter(
        neighbourhood_id__in={r.household.neighbourhood_id for r in residents}
    ).values_list("neighbourhood_id", "team_id")
    for neighbourhood_id, team_id in links:
        by_neighbourhood.setdefault(neighbourhood_id, []).append(team_id)
    all_ids = {t for ids in owning.values() for t in ids} | {t for ids in by_neighbourhood.values() for t in ids}
    contacts = _team_contacts(all_ids)
    hints = {}
    for r in residents:
        ids = owning[r.pk] or set(by_neighbourhood.get(r.household.neighbourhood_id, [])) - set(exclude_team_ids)
        hints[r.pk] = {
            "teams": [contacts[t] for t in contacts if t in ids],
            "coordinator": _name(owners[r.pk]["coordinator_id"]),
        }
    return hints


def _addressed(resident) -> dict[str, list[str]]:
    """Per category: the organisations that records about the resident are addressed to (``organisation=``:
    the provider of a referral), in one query, or none when no model declares such a path."""
    queries = [
        spec.model.objects.filter(**{f"{resident_prefix(spec)}id": resident.pk})
        .exclude(**{f"{spec.organisation}__isnull": True})
        .order_by()
        .values_list(Value(spec.category), f"{spec.organisation}__name")
        for spec in registry()
        if spec.organisation and resident_prefix(spec) is not None
    ]
    if not queries:
        return {}
    found: dict[str, list[str]] = {}
    for category, name in queries[0].union(*queries[1:]) if len(queries) > 1 else queries[0]:
        if name not in found.setdefault(category, []):
            found[category].append(name)
    return found


def resident_visibility(resident) -> list[dict]:
    """Per kind of data: ``{"category", "label", "who": [{"name", "ground"}]}``, truthfully: the teams
    that own such records (shared within the team on the team's ground), for personal details the teams
    serving the neighbourhood, every organisation with an active grant (consent or a legal ground), and every
    organisation a record is addressed to (a referral's provider)."""
    owners = record_owners([resident.pk])[resident.pk]["teams"]
    owning = {t for ids in owners.values() for t in ids}
    serves = Team.neighbourhoods.through.objects.filter(
        team_id=OuterRef("pk"), neighbourhood_id=resident.household.neighbourhood_id
    )
    # One query: the owning teams and the teams serving the resident's neighbourhood.
    rows = Team.objects.annotate(serves=Exists(serves)).filter(Q(id__in=owning) | Q(serves=True))
    teams = {t.pk: t for t in rows}
    serving = [t for t in teams if teams[t].serves]
    grants: dict[str, list[dict]] = {}
    for grant in resident_grants(resident):
        ground = grant.get_ground_display()
        if grant.basis_note:
            ground = f"{ground}: {grant.basis_note}"
        entry = {"name": grant.organisation.name, "ground": f"{ground} ({grant.get_purpose_display()})"}
        if entry not in grants.setdefault(grant.category, []):
            grants[grant.category].append(entry)
    addressed = _addressed(resident)
    rows = []
    for category in DataCategory:
        who = []
        if category == DataCategory.PERSONAL_DETAILS:
            who += [{"name": teams[t].name, "ground": _("team van de buurt")} for t in serving if t in teams]
        for t in sorted(owners.get(category.value, ()), key=lambda t: teams[t].name):
            ground = teams[t].sharing_ground or _("lid van het team")
            who.append({"name": teams[t].name, "ground": _("binnen het team, op grond van: %s") % ground})
        who += grants.get(category.value, [])
        who += [
            {"name": n, "ground": _("gericht aan de organisatie (verwijzing)")}
            for n in addressed.get(category.value, [])
        ]
        rows.append({"category": category.value, "label": category.label, "who": who})
    return rows
