"""Insert the covenant partners, the clusters, the 16 neighbourhood teams and the community centres."""

from dataclasses import dataclass

from wijkkracht.areas.models import Neighbourhood
from wijkkracht.organisations.models import Cluster, Organisation, Team

from .data.areas import DISTRICTS
from .data.organisations import CLUSTERS, COMMUNITY_CENTRES, ORGANISATIONS


@dataclass(frozen=True)
class Structure:
    organisations: dict[str, Organisation]  # by key in data.organisations
    teams: dict[str, Team]  # by name
    team_for_neighbourhood: dict[int, Team]  # neighbourhood id -> its neighbourhood team


def organisations_create() -> dict[str, Organisation]:
    Organisation.objects.bulk_create(
        Organisation(name=o.name, short_name=o.short_name, kind=o.kind) for o in ORGANISATIONS
    )
    by_name = {o.name: o for o in Organisation.objects.filter(name__in=[o.name for o in ORGANISATIONS])}
    return {o.key: by_name[o.name] for o in ORGANISATIONS}


def teams_create(*, neighbourhoods: dict[str, Neighbourhood]) -> tuple[dict[str, Team], dict[int, Team]]:
    """Every neighbourhood gets exactly one neighbourhood team (its district's); centres serve a few more."""
    Cluster.objects.bulk_create(Cluster(name=name) for name, _ in CLUSTERS)
    clusters = {c.name: c for c in Cluster.objects.filter(name__in=[name for name, _ in CLUSTERS])}
    teams = [
        Team(name=team, kind=Team.Kind.NEIGHBOURHOOD_TEAM, cluster=clusters[cluster])
        for cluster, pair in CLUSTERS
        for team in pair
    ]
    teams += [Team(name=name, kind=Team.Kind.COMMUNITY_CENTRE) for name, _ in COMMUNITY_CENTRES]
    Team.objects.bulk_create(teams)
    by_name = {t.name: t for t in Team.objects.filter(name__in=[t.name for t in teams])}

    served: dict[int, Team] = {}
    for district in DISTRICTS:
        for n in district.neighbourhoods:
            served[neighbourhoods[district.neighbourhood_code(n)].pk] = by_name[district.team]
    by_neighbourhood_name = {n.name: n for n in neighbourhoods.values()}
    links = [(team.pk, neighbourhood_id) for neighbourhood_id, team in served.items()]
    links += [
        (by_name[centre].pk, by_neighbourhood_name[name].pk) for centre, names in COMMUNITY_CENTRES for name in names
    ]
    Through = Team.neighbourhoods.through
    Through.objects.bulk_create(Through(team_id=t, neighbourhood_id=n) for t, n in links)
    return by_name, served


def structure_create(*, neighbourhoods: dict[str, Neighbourhood]) -> Structure:
    organisations = organisations_create()
    teams, served = teams_create(neighbourhoods=neighbourhoods)
    return Structure(organisations=organisations, teams=teams, team_for_neighbourhood=served)
