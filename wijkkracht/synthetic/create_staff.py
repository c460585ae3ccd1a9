"""Insert the staff: workers and team leads per team, the city-level roles, volunteers, demo users.

Only the demo users (wijkkracht.synthetic.demo) can log in. Every other generated user gets an
unusable password: they exist to make lists, workloads and rights realistic, not to be used.
"""

from collections import defaultdict
from dataclasses import dataclass
from itertools import accumulate
from random import Random

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django_otp.plugins.otp_totp.models import TOTPDevice

from wijkkracht.accounts.models import TeamMembership
from wijkkracht.accounts.roles import Role

from .create_organisations import Structure
from .data.names import ORIGINS
from .data.organisations import (
    CLUSTERS,
    COMMUNITY_CENTRE,
    COMMUNITY_CENTRES,
    COMMUNITY_ORGANISATION,
    GP_PRACTICE,
    HUMANITAS,
    MUNICIPALITY,
    SPECIALIST,
    TEAM_PARTNERS,
    VOLUNTEER_CENTRE,
)
from .demo import DEMO_PASSWORD, DEMO_TOTP_DEVICE_NAME, DEMO_TOTP_KEY, DEMO_USERNAMES, DEMO_USERS
from .names import NamePools, ascii_slug
from .options import SyntheticCityError
from .population import REFERENCE_DATE

WORKERS_PER_TEAM = 4
CENTRE_STAFF_PER_CENTRE = 3
SPECIALISTS = 6
POLICY_ANALYSTS = 2
FUNCTIONAL_ADMINS = 1
GPS = 8  # GPs who write wellbeing prescriptions (a practice outside the covenant)
PROVIDER_STAFF = 2  # staff of a provider on the social map, reporting back on referrals
_ORIGIN_CUM = tuple(accumulate(o.share for o in ORIGINS))


@dataclass(frozen=True)
class StaffDraft:
    username: str
    first_name: str
    last_name: str
    role: str
    organisation: str  # key in data.organisations
    teams: tuple[str, ...]
    demo: bool = False


def volunteer_count(*, residents: int) -> int:
    """About 30 at demo scale, growing with the city up to 400."""
    return max(30, min(400, residents // 550))


class _Names:
    """Dutch staff names and unique usernames such as 'jdevries', 'jdevries2'."""

    def __init__(self, rng: Random, pools: NamePools, taken: set[str]):
        self.rng, self.pools, self.taken = rng, pools, taken

    def draft(self, role: str, organisation: str, teams: tuple[str, ...] = ()) -> StaffDraft:
        origin = self.rng.choices(ORIGINS, cum_weights=_ORIGIN_CUM)[0]
        male = self.rng.random() < 0.4  # the social domain employs more women
        birth_year = REFERENCE_DATE.year - self.rng.randint(23, 64)
        first_name = self.pools.first_name(self.rng, origin, male=male, birth_year=birth_year)
        prefix, last = self.pools.surname(self.rng, origin)
        base = (ascii_slug(first_name)[:1] + ascii_slug(prefix + last)) or "medewerker"
        username, n = base, 1
        while username in self.taken:
            n += 1
            username = f"{base}{n}"
        self.taken.add(username)
        return StaffDraft(username, first_name, f"{prefix} {last}".strip(), role, organisation, teams)


def staff_drafts(rng: Random, pools: NamePools, *, volunteers: int, taken: set[str]) -> list[StaffDraft]:
    names = _Names(rng, pools, taken | DEMO_USERNAMES)
    drafts = [
        StaffDraft(u.username, u.first_name, u.last_name, u.role, u.organisation, u.teams, demo=True)
        for u in DEMO_USERS
    ]
    team_names = [team for _, pair in CLUSTERS for team in pair]
    for i, team in enumerate(team_names):
        for j in range(WORKERS_PER_TEAM):  # mixed partners: each team a different rotation
            drafts.append(names.draft(Role.WORKER, TEAM_PARTNERS[(i + j) % len(TEAM_PARTNERS)], (team,)))
        lead_organisation = MUNICIPALITY if i % 2 == 0 else COMMUNITY_ORGANISATION
        drafts.append(names.draft(Role.TEAM_LEAD, lead_organisation, (team,)))
    for _, pair in CLUSTERS:
        drafts.append(names.draft(Role.VOLUNTEER_COORDINATOR, VOLUNTEER_CENTRE, pair))
    for centre, _ in COMMUNITY_CENTRES:
        drafts += [names.draft(Role.CENTRE_STAFF, COMMUNITY_CENTRE, (centre,)) for _ in range(CENTRE_STAFF_PER_CENTRE)]
    drafts += [names.draft(Role.SPECIALIST, SPECIALIST) for _ in range(SPECIALISTS)]
    drafts += [names.draft(Role.POLICY_ANALYST, MUNICIPALITY) for _ in range(POLICY_ANALYSTS)]
    drafts += [names.draft(Role.FUNCTIONAL_ADMIN, MUNICIPALITY) for _ in range(FUNCTIONAL_ADMINS)]
    drafts += [names.draft(Role.GP, GP_PRACTICE) for _ in range(GPS)]
    drafts += [names.draft(Role.PROVIDER, HUMANITAS) for _ in range(PROVIDER_STAFF)]
    places = team_names + [centre for centre, _ in COMMUNITY_CENTRES]
    drafts += [names.draft(Role.VOLUNTEER, VOLUNTEER_CENTRE, (places[i % len(places)],)) for i in range(volunteers)]
    return drafts


@dataclass(frozen=True)
class Staff:
    users: int
    workers_by_team: dict[int, list[int]]  # worker ids per neighbourhood team id (for granted_by)


def staff_create(*, seed: int, pools: NamePools, structure: Structure, residents: int) -> Staff:
    """Create the staff, the demo users and their TOTP devices."""
    User = get_user_model()
    taken = set(User.objects.values_list("username", flat=True))  # kept superusers, after a reset
    if clash := sorted(DEMO_USERNAMES & taken):
        raise SyntheticCityError(
            f"De gebruikersnaam {', '.join(clash)} is al in gebruik, maar hoort bij een demogebruiker. "
            "Hernoem die gebruiker eerst; er is niets veranderd."
        )
    drafts = staff_drafts(Random(f"{seed}:staff"), pools, volunteers=volunteer_count(residents=residents), taken=taken)
    demo_hash = make_password(DEMO_PASSWORD)  # hashed once: PBKDF2 per user would take seconds
    User.objects.bulk_create(
        User(
            username=d.username,
            first_name=d.first_name,
            last_name=d.last_name,
            email=f"{d.username}@example.org",
            role=d.role,
            organisation=structure.organisations[d.organisation],
            password=demo_hash if d.demo else make_password(None),  # None: an unusable password
        )
        for d in drafts
    )
    ids = dict(User.objects.filter(username__in=[d.username for d in drafts]).values_list("username", "pk"))
    TeamMembership.objects.bulk_create(
        TeamMembership(user_id=ids[d.username], team=structure.teams[team]) for d in drafts for team in d.teams
    )
    TOTPDevice.objects.bulk_create(
        TOTPDevice(user_id=ids[u.username], name=DEMO_TOTP_DEVICE_NAME, key=DEMO_TOTP_KEY, confirmed=True)
        for u in DEMO_USERS
        if u.needs_second_factor
    )
    workers: dict[int, list[int]] = defaultdict(list)
    for d in drafts:
        if d.role == Role.WORKER:
            for team in d.teams:
                workers[structure.teams[team].pk].append(ids[d.username])
    return Staff(users=len(drafts), workers_by_team=dict(workers))
