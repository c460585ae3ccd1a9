"""Volunteers (about 5,000 at city scale), requests for a volunteer and ten years of matches.

Almere counted 930 neighbour-network mediations and 1,139 residents who became volunteer or carer in a
year; we draw about 930 matches a year at city scale (fewer in the demo, by the world's factor), most ended
after weeks or months with a reason, and the current ones live. Every volunteer user of the staff (and the
demo's ``vrijwilliger``) gets a volunteer record; the demo volunteer has a proposal to answer, an active
match to write hours on and an introduction in the calendar; the demo coordinator's teams get open
requests, proposals waiting for an answer, follow-up calls due and a concern. Bulk inserts throughout.
"""

from datetime import date, datetime, time, timedelta
from random import Random

from django.contrib.auth import get_user_model
from django.utils import timezone

from wijkkracht.people.models import Household, Resident
from wijkkracht.volunteers.choices import LANGUAGE_CODES, Kind, Preference, mask
from wijkkracht.volunteers.geo import postcode_point
from wijkkracht.volunteers.models import Concern, HoursEntry, Match, Skill, Volunteer, VolunteerRequest

from .data.casework import FIRST_YEAR
from .demo import DEMO_USERS
from .insert import objects_insert
from .world import World, age_on, office_moment

VOLUNTEERS_PER_RESIDENT = 5_000 / 220_000
DEMO_MIN_VOLUNTEERS = 200  # so that the demo coordinator's open requests find candidates
MATCHES_PER_YEAR = 930
KIND_WEIGHTS = {
    "buddy": 0.35,
    "neighbour_help": 0.5,
    "language_buddy": 0.15,
    "admin_help": 0.12,
    "info_point": 0.08,
    "driver": 0.08,
}
LANGUAGE_WEIGHTS = {
    "en": 0.25,
    "ar": 0.06,
    "tr": 0.05,
    "ber": 0.03,
    "pap": 0.03,
    "srn": 0.04,
    "pl": 0.02,
    "uk": 0.02,
    "ti": 0.01,
    "so": 0.01,
    "fa": 0.01,
    "es": 0.03,
    "fr": 0.04,
    "de": 0.08,
}
END_WEIGHTS = {
    "goal_reached": 0.45,
    "resident_stopped": 0.12,
    "volunteer_stopped": 0.14,
    "moved": 0.07,
    "no_click": 0.08,
    "referred": 0.07,
    "deceased": 0.03,
    "other": 0.04,
}
TASKS = {
    "buddy": [
        "Samen koffie drinken en een wandeling maken; zit veel alleen.",
        "Een maatje voor een meisje met faalangst: samen huiswerk plannen.",
        "Wekelijks bezoek en een praatje, na het overlijden van de partner.",
    ],
    "neighbour_help": [
        "Om de week boodschappen doen.",
        "Een lamp ophangen en de kast repareren.",
        "Samen een rondje wandelen in het park.",
        "De tuin winterklaar maken.",
    ],
    "language_buddy": ["Nederlands oefenen in gewone gesprekken.", "Helpen met brieven van school lezen."],
    "admin_help": ["Samen de post doornemen en een map maken.", "Helpen met de aanvraag van toeslagen."],
    "info_point": ["Vragen beantwoorden bij het informatiepunt in het wijkcentrum."],
    "driver": ["Vervoer naar het ziekenhuis voor controles.", "Rijden met de Max-mobiel naar de markt."],
}
BATCH = 5_000


def _pick(rng: Random, weights: dict) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _slots(rng: Random, n: int) -> int:
    return sum(1 << bit for bit in rng.sample(range(21), n))


def volunteer_total(world: World) -> int:
    residents = sum(t.residents for t in world.teams)
    return max(DEMO_MIN_VOLUNTEERS, round(residents * VOLUNTEERS_PER_RESIDENT))


def _volunteer(rng: Random, *, team_id, household, name, resident_id, user_id, skills, today, registered) -> Volunteer:
    kinds = {_pick(rng, KIND_WEIGHTS) for _ in range(rng.choice([1, 1, 2, 3]))}
    languages = ["nl"] + [code for code, p in LANGUAGE_WEIGHTS.items() if rng.random() < p]
    status = rng.choices(["active", "paused", "stopped", "pending"], weights=[0.75, 0.08, 0.12, 0.05])[0]
    vog = None
    if status != "pending" and rng.random() < 0.7:
        vog = today - timedelta(days=rng.randint(0, 3 * 365 + 60))
    x, y = postcode_point(household[1]) or (0.0, 0.0)
    return Volunteer(
        user_id=user_id,
        resident_id=resident_id,
        team_id=team_id,
        first_name=name[0],
        last_name=name[1],
        email=f"{name[0].lower()}.{rng.randrange(10_000)}@example.org",
        postcode=household[1],
        x=x,
        y=y,
        neighbourhood_id=household[2],
        languages=[c for c in languages if c in LANGUAGE_CODES],
        kinds=mask(kinds, Kind),
        preferences=mask(rng.sample(Preference.values, rng.randint(1, 3)), Preference),
        availability=_slots(rng, rng.randint(3, 9)),
        max_distance_km=rng.choice([1, 2, 3, 3, 5, 8]),
        capacity=rng.choices([1, 2, 3], weights=[0.8, 0.15, 0.05])[0],
        training="Basistraining vrijwilligers" if rng.random() < 0.6 else "",
        intake_on=None if status == "pending" else (registered + timedelta(days=rng.randint(5, 20))).date(),
        vog_issued_on=vog,
        status=status,
        status_reason={"paused": "Even te druk met werk", "stopped": "Verhuisd"}.get(status, ""),
        status_changed_at=registered,
        registered_at=registered,
        signed_up_self=rng.random() < 0.4,
    ), skills


def _households(world: World, rng: Random, n: int) -> list[tuple]:
    """``n`` (team id, household) pairs, proportional to the teams' residents."""
    teams = [t for t in world.teams if t.households]
    weights = [t.residents for t in teams]  # a sum over the team's households: once, not per pick
    return [(team.id, rng.choice(team.households)) for team in rng.choices(teams, weights=weights, k=n)]


def volunteers_create(*, rng: Random, world: World) -> tuple[list[Volunteer], dict]:
    today = world.today
    users = list(
        get_user_model()
        .objects.filter(role="volunteer")
        .order_by("id")
        .values_list("id", "first_name", "last_name", "username")
    )
    demo = {u.username for u in DEMO_USERS}
    total = max(volunteer_total(world), len(users))
    picks = _households(world, rng, total)
    info = {
        h: (h, pc, n)
        for h, pc, n in Household.objects.filter(pk__in={hh.id for _t, hh in picks}).values_list(
            "id", "postcode", "neighbourhood_id"
        )
    }
    members = [rng.choice(hh.members) for _t, hh in picks]
    member_ids = [m.id for m in members]
    names = {
        pk: (f, last)
        for pk, f, last in Resident.objects.filter(pk__in=member_ids).values_list("id", "first_name", "last_name")
    }
    demo_team = world.demo_team_id
    skill_ids = list(Skill.objects.values_list("id", flat=True))
    made, skills_of = [], {}
    first_day = datetime(FIRST_YEAR, 1, 1)
    span = (datetime.combine(today, time()) - first_day).days
    for i, ((team_id, household), member_id) in enumerate(zip(picks, member_ids, strict=True)):
        user = users[i] if i < len(users) else None
        is_demo = user is not None and user[3] in demo
        if is_demo and demo_team:
            team_id = demo_team
            household = next(t for t in world.teams if t.id == demo_team).households[0]
            info.setdefault(
                household.id,
                Household.objects.filter(pk=household.id).values_list("id", "postcode", "neighbourhood_id")[0],
            )
        known = user is None and rng.random() < 0.45 and age_on(members[i].birth_date, today) >= 16
        name = (user[1], user[2]) if user else names.get(member_id, ("Vrijwilliger", f"{i}"))
        registered = timezone.make_aware(first_day + timedelta(days=rng.randrange(max(1, span - 30))))
        chosen = rng.sample(skill_ids, rng.randint(1, 4)) if skill_ids else []
        volunteer, chosen = _volunteer(
            rng,
            team_id=team_id,
            household=info[household.id],
            name=name,
            resident_id=member_id if known else None,
            user_id=user[0] if user else None,
            skills=chosen,
            today=today,
            registered=registered,
        )
        if is_demo:
            volunteer.status, volunteer.status_reason, volunteer.capacity = "active", "", 3
            volunteer.vog_issued_on = today - timedelta(days=300)
            volunteer.intake_on = (registered + timedelta(days=10)).date()
            volunteer.kinds = mask(Kind.values, Kind)
            volunteer.availability = _slots(rng, 10) | (1 << 3)
            volunteer.max_distance_km = 8
        made.append(volunteer)
        skills_of[i] = chosen
    objects_insert(Volunteer, made)
    Volunteer.skills.through.objects.bulk_create(
        [Volunteer.skills.through(volunteer_id=v.pk, skill_id=s) for i, v in enumerate(made) for s in skills_of[i]],
        batch_size=BATCH,
    )
    return made, {"demo": next((v for v in made if v.user_id and v.user_id in _demo_user_ids(users, demo)), None)}


def _demo_user_ids(users, demo) -> set:
    return {u[0] for u in users if u[3] in demo}


def _moment(rng: Random, day: date) -> datetime:
    return office_moment(rng, day)


def matches_create(*, rng: Random, world: World, volunteers: list[Volunteer], demo_volunteer) -> dict:
    """Ten years of matches (ended), the live ones of today, open requests; the demo's work on top."""
    today = world.today
    by_team: dict[int, list[Volunteer]] = {}
    for v in volunteers:
        if v.status != "pending":
            by_team.setdefault(v.team_id, []).append(v)
    teams = [t for t in world.teams if by_team.get(t.id)]
    per_year = max(12, round(MATCHES_PER_YEAR * world.factor))
    requests, matches, live_slots = [], [], {}
    workers = {t.id: t.workers for t in world.teams}

    def new_request(team, household, member, created, status="closed", kind=None):
        kind = kind or _pick(rng, KIND_WEIGHTS)
        x, y = postcode_point(house_pc[household.id]) or (0.0, 0.0)
        age = age_on(member.birth_date, created.date())
        target = "child" if age < 18 else "elderly" if age >= 67 else "adult"
        r = VolunteerRequest(
            resident_id=member.id,
            team_id=team.id,
            created_by_id=rng.choice(workers[team.id]),
            created_at=created,
            kind=kind,
            task=rng.choice(TASKS[kind]),
            language="nl",
            availability=_slots(rng, rng.randint(1, 4)),
            target=target,
            long_term=kind in ("buddy", "language_buddy"),
            needs_vog=target != "adult" or kind in ("buddy", "driver"),
            max_distance_km=rng.choice([2, 3, 3, 5]),
            x=x,
            y=y,
            status=status,
        )
        requests.append(r)
        return r

    coordinator_teams = _coordinator_team_ids(world)
    n_years = today.year - FIRST_YEAR + 1
    weights = [t.residents for t in teams]
    chosen = [(t, rng.choice(t.households)) for t in rng.choices(teams, weights=weights, k=per_year * n_years)]
    open_picks = [(t, rng.choice(t.households)) for t in teams for _ in range(6 if t.id in coordinator_teams else 2)]
    demo_team = next((t for t in world.teams if demo_volunteer and t.id == demo_volunteer.team_id), None)
    demo_picks = [rng.choice(demo_team.households) for _ in range(3)] if demo_team else []
    wanted = {h.id for _t, h in chosen + open_picks} | {h.id for h in demo_picks}
    house_pc = dict(Household.objects.filter(pk__in=wanted).values_list("id", "postcode"))
    cursor = iter(chosen)
    years = range(FIRST_YEAR, today.year + 1)
    for year in years:
        for _ in range(per_year):
            team, household = next(cursor)
            member = rng.choice(household.members)
            start = date(year, 1, 1) + timedelta(days=rng.randrange(365))
            if start >= today - timedelta(days=20):
                continue
            created = _moment(rng, start - timedelta(days=rng.randint(5, 25)))
            length = rng.choice([14, 30, 60, 120, 200, 365, 600])
            ended = start + timedelta(days=length)
            volunteer = rng.choice(by_team[team.id])
            live = ended >= today and volunteer.status == "active"
            if live and len(live_slots.get(volunteer.pk, ())) >= volunteer.capacity:
                live = False
            if ended >= today and not live:
                ended = today - timedelta(days=rng.randint(1, 20))
                if ended <= start:
                    continue
            req = new_request(team, household, member, created, status="matched" if live else "closed")
            m = Match(
                request=req,
                volunteer_id=volunteer.pk,
                resident_id=member.id,
                team_id=team.id,
                status="active" if live else "ended",
                score=round(rng.uniform(55, 95), 1),
                created_at=created + timedelta(days=2),
                proposed_at=created + timedelta(days=2),
                responded_at=created + timedelta(days=4),
                started_on=start,
                follow_up_due=start + timedelta(weeks=4),
            )
            if start + timedelta(weeks=4) < today - timedelta(days=3) or rng.random() < 0.5:
                m.follow_up_done_at = _moment(rng, min(start + timedelta(weeks=4), today - timedelta(days=1)))
                m.follow_up_note = "Gaat goed, ze hebben een vaste dag."
            if live:
                slot = len(live_slots.setdefault(volunteer.pk, [])) + 1
                live_slots[volunteer.pk].append(slot)
                m.slot, m.weekly_day, m.weekly_time = slot, rng.randrange(5), time(rng.choice([10, 14, 19]))
            else:
                m.ended_on, m.end_reason = ended, _pick(rng, END_WEIGHTS)
                m.evaluation = "Fijn contact gehad." if m.end_reason == "goal_reached" else ""
                req.closed_reason = "Koppeling beëindigd"
            matches.append(m)
    for team, household in open_picks:
        created = _moment(rng, today - timedelta(days=rng.randint(1, 40)))
        kind = rng.choice(["neighbour_help", "buddy", "neighbour_help"])
        r = new_request(team, household, rng.choice(household.members), created, status="open", kind=kind)
        r.availability |= _slots(rng, 3)  # an open request asks for a few moments: most find someone
    extra = _demo_work(rng, world, matches, live_slots, demo_volunteer, demo_team, demo_picks, new_request)
    objects_insert(VolunteerRequest, requests)
    for m in matches:
        m.request_id = m.request.pk
    objects_insert(Match, matches)
    hours = [
        HoursEntry(
            match_id=m.pk,
            on=today - timedelta(days=7 * k + 1),
            hours=rng.choice([1, 1.5, 2, 3]),
            note="Boodschappen en koffie",
        )
        for m in matches
        if m.status == "active"
        for k in range(rng.randint(0, 3))
    ]
    HoursEntry.objects.bulk_create(hours, batch_size=BATCH)
    concerns = [Concern(match_id=m.pk, text=text) for m, text in extra["concerns"]]
    Concern.objects.bulk_create(concerns)
    return {"volunteer requests": len(requests), "matches": len(matches), "hours entries": len(hours)}


def _coordinator_team_ids(world: World) -> set[int]:
    from wijkkracht.accounts.models import TeamMembership

    return set(TeamMembership.objects.filter(user__username="coordinator").values_list("team_id", flat=True))


def _demo_work(rng, world, matches, live_slots, demo, team, households, new_request) -> dict:
    """The demo volunteer's proposal, introduction and active match; a follow-up call due and a concern."""
    today, concerns = world.today, []
    if demo is None or team is None:
        return {"concerns": concerns}
    live_slots.setdefault(demo.pk, [])
    steps = (("proposed", "neighbour_help"), ("introduced", "buddy"), ("active", "neighbour_help"))
    for (status, kind), household in zip(steps, households, strict=True):
        member = max(household.members, key=lambda m: -m.birth_date.toordinal())
        created = _moment(rng, today - timedelta(days=40 if status == "active" else 3))
        req = new_request(team, household, member, created, status="matched", kind=kind)
        slot = len(live_slots[demo.pk]) + 1
        live_slots[demo.pk].append(slot)
        m = Match(
            request=req,
            volunteer_id=demo.pk,
            resident_id=member.id,
            team_id=team.id,
            status=status,
            slot=slot,
            score=88.0,
            reasons=["0,8 km", "vrij: di-ochtend"],
            created_at=created,
            proposed_at=created,
        )
        if status == "introduced":
            m.responded_at = created
            m.introduction_at = timezone.make_aware(datetime.combine(today + timedelta(days=3), time(10)))
        if status == "active":
            m.responded_at, m.started_on = created, today - timedelta(days=33)
            m.follow_up_due, m.weekly_day, m.weekly_time = today - timedelta(days=5), 1, time(10)
            concerns.append((m, "Meneer vergeet soms dat ik kom; misschien kan iemand van het team eens langsgaan?"))
        matches.append(m)
    return {"concerns": concerns}


def volunteering_create(*, seed: int, world: World) -> dict[str, int]:
    rng = Random(f"{seed}:volunteers")
    volunteers, found = volunteers_create(rng=rng, world=world)
    counts = {"volunteers": len(volunteers)}
    counts.update(matches_create(rng=rng, world=world, volunteers=volunteers, demo_volunteer=found["demo"]))
    return counts
