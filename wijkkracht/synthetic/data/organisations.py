"""Covenant partners, clusters, neighbourhood teams and community centres of the synthetic city.

SYNTHETIC: modelled on the way Almere organises its neighbourhood teams (16 teams from several
partner organisations, clustered into 8) and on the Alkmaar community centres. Names of real
organisations are used for recognisability only; staff and numbers are invented.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class OrganisationSpec:
    key: str  # how the generator refers to it
    name: str
    short_name: str
    kind: str  # Organisation.Kind value


MUNICIPALITY = "municipality"
SOCIAL_WORK = "social_work"
DISABILITY_SUPPORT = "disability_support"
VOLUNTEER_CENTRE = "volunteer_centre"
COMMUNITY_ORGANISATION = "community_organisation"
COMMUNITY_CENTRE = "community_centre"
SPECIALIST = "specialist"
HUMANITAS = "humanitas"  # a provider on the social map with its own accounts (reports back on referrals)
GP_PRACTICE = "gp_practice"  # the GPs who write wellbeing prescriptions

ORGANISATIONS: tuple[OrganisationSpec, ...] = (
    OrganisationSpec(MUNICIPALITY, "Gemeente Almere – Wmo-consulenten", "Gemeente", "municipality"),
    OrganisationSpec(SOCIAL_WORK, "Algemeen Maatschappelijk Werk", "AMW", "social_work"),
    OrganisationSpec(DISABILITY_SUPPORT, "MEE", "MEE", "disability_support"),
    OrganisationSpec(VOLUNTEER_CENTRE, "VMCA vrijwilligers- en mantelzorgcentrale", "VMCA", "volunteer_centre"),
    OrganisationSpec(COMMUNITY_ORGANISATION, "De Schoor welzijn", "De Schoor", "community_organisation"),
    OrganisationSpec(COMMUNITY_CENTRE, "Stichting Wijkcentra Almere", "Wijkcentra", "community_centre"),
    OrganisationSpec(SPECIALIST, "Sociaal Stedelijk Team", "SST", "specialist"),
    OrganisationSpec(HUMANITAS, "Humanitas Almere", "Humanitas", "provider"),
    OrganisationSpec(GP_PRACTICE, "Huisartsen Almere", "Huisartsen", "healthcare"),
)

# The partners whose workers staff the neighbourhood teams (the covenant), in rotation order.
TEAM_PARTNERS = (MUNICIPALITY, SOCIAL_WORK, DISABILITY_SUPPORT, VOLUNTEER_CENTRE, COMMUNITY_ORGANISATION)

# 8 clusters of 2 neighbourhood teams. The team names match DistrictSpec.team in data.areas.
# The first team is where the demo worker and demo team lead work.
CLUSTERS: tuple[tuple[str, tuple[str, str]], ...] = (
    ("Cluster Stad-West", ("Wijkteam Stedenwijk", "Wijkteam Muziekwijk")),
    ("Cluster Stad-Noord", ("Wijkteam Literatuurwijk", "Wijkteam Waterwijk")),
    ("Cluster Stad-Centrum", ("Wijkteam Stadscentrum", "Wijkteam Filmwijk")),
    ("Cluster Stad-Oost", ("Wijkteam Kruidenwijk", "Wijkteam Tussen de Vaarten")),
    ("Cluster Haven", ("Wijkteam Haven Centrum", "Wijkteam De Werven")),
    ("Cluster Buiten-West", ("Wijkteam Buiten Centrum", "Wijkteam Stripheldenbuurt")),
    ("Cluster Buiten-Oost en Hout", ("Wijkteam Regenboogbuurt", "Wijkteam Nobelhorst")),
    ("Cluster Poort", ("Wijkteam Homeruskwartier", "Wijkteam Europakwartier")),
)

# Community centres (Team.kind community_centre), run by the community-centre organisation,
# each serving a few neighbourhoods (by name, see data.areas). The first one hosts the demo user.
COMMUNITY_CENTRES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Wijkcentrum Het Baken", ("Stedenwijk-Noord", "Stedenwijk-Midden", "Stedenwijk-Zuid", "Verzetswijk")),
    ("Wijkcentrum De Schakel", ("Haven-Centrum", "De Steiger", "Sluiskwartier", "De Hoven")),
    ("Wijkcentrum De Polder", ("Regenboogbuurt", "Faunabuurt", "Eilandenbuurt")),
)
