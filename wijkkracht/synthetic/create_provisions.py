"""The collective provisions of the synthetic city, with the seeds' figures as yardstick (data/provisions.py).

Per neighbourhood team: the administrative help desk (weekly sessions, from 2020 phone hours), the friendship
groups, language help and the food bank desk. Per community centre: the information point, Welzijn op Recept
and the Max-mobiel (create_rides.py). City passes for a share of the adults; referrals to the social map for
the requests closed on that path. Volumes follow the city's scale (``world.factor``); bulk inserts only.
"""

import datetime
from dataclasses import dataclass, field
from random import Random

from django.contrib.auth import get_user_model
from django.utils import timezone

from wijkkracht.accounts.models import TeamMembership
from wijkkracht.accounts.roles import Role
from wijkkracht.organisations.models import Team
from wijkkracht.people.models import Resident
from wijkkracht.provisions.models import (
    Attendance,
    CityPass,
    CollectiveProvision,
    DeskQuestion,
    DeskSession,
    FoodBankReferral,
    Group,
    GroupMeeting,
    GroupMember,
    LanguageProgress,
    LanguageTrack,
)

from .addresses import counts_allocate
from .data import casework as casework_data
from .data import provisions as data
from .insert import objects_insert, rows_insert
from .world import World, age_on, at_most

Kind = CollectiveProvision.Kind
TEAM_KINDS = (Kind.DESK, Kind.GROUPS, Kind.LANGUAGE, Kind.FOOD_BANK)
CENTRE_KINDS = (Kind.INFO_POINT, Kind.WELLBEING, Kind.RIDES)
NAMES = {
    Kind.DESK: ("Administratief spreekuur", "Administratief spreekuur"),
    Kind.GROUPS: ("Vriendenkringen", "Vriendenkringen"),
    Kind.LANGUAGE: ("Doe mee met taal", "Taalhuis"),
    Kind.FOOD_BANK: ("Voedselloket", "Voedselpakket"),
    Kind.INFO_POINT: ("Informatiepunt Voor Mekaar", "Informatiepunt Voor Mekaar"),
    Kind.WELLBEING: ("Welzijn op Recept", "Welzijn op Recept"),
    Kind.RIDES: ("Max-mobiel", "Max-mobiel"),
}


@dataclass
class Place:
    """A team or centre with the people it serves and the users who work or volunteer there."""

    team_id: int
    name: str
    residents: list  # (id, household_id, birth_date)
    workers: list[int]
    volunteers: list[int] = field(default_factory=list)
    weight: float = 1.0


def _moment(rng: Random, day: datetime.date, hours=(9, 16)) -> datetime.datetime:
    at = datetime.time(rng.randint(*hours), rng.randrange(0, 60, 5))
    return timezone.make_aware(datetime.datetime.combine(day, at))


def _weighted(rng: Random, pairs) -> str:
    return rng.choices([p for p, _ in pairs], weights=[w for _, w in pairs])[0]


def _year_days(year: int, today: datetime.date) -> tuple[datetime.date, int]:
    start = datetime.date(year, 1, 1)
    last = min(datetime.date(year, 12, 31), today)
    return start, (last - start).days + 1


def _volume(per_year: float, year: int, today: datetime.date, factor: float) -> int:
    volume = per_year * factor
    if year == today.year:
        volume *= (today - datetime.date(year, 1, 1)).days / 365
    return round(volume)


def places_load(world: World) -> tuple[list[Place], list[Place]]:
    """The neighbourhood teams (from the world) and the community centres, with their volunteers and staff."""
    User = get_user_model()
    volunteers: dict[int, list[int]] = {}
    staff: dict[int, list[int]] = {}
    rows = TeamMembership.objects.filter(user__role__in=[Role.VOLUNTEER, Role.CENTRE_STAFF]).order_by("id")
    for team_id, user_id, role in rows.values_list("team_id", "user_id", "user__role"):
        (volunteers if role == Role.VOLUNTEER else staff).setdefault(team_id, []).append(user_id)
    teams = [
        Place(
            t.id,
            t.name,
            [(m.id, h.id, m.birth_date) for h in t.households for m in h.members],
            t.workers,
            volunteers.get(t.id, []),
            t.residents,
        )
        for t in world.teams
    ]
    centres = []
    for centre in Team.objects.filter(kind=Team.Kind.COMMUNITY_CENTRE).order_by("name"):
        residents = list(
            Resident.objects.filter(household__neighbourhood__teams=centre)
            .order_by("id")
            .values_list("id", "household_id", "birth_date")
        )
        users = staff.get(centre.id) or list(
            User.objects.filter(role=Role.CENTRE_STAFF).values_list("id", flat=True)[:1]
        )
        if residents and users:
            centres.append(
                Place(centre.id, centre.name, residents, users, volunteers.get(centre.id, []), len(residents))
            )
    return teams, centres


def provisions_insert(
    *, teams: list[Place], centres: list[Place], socialmap
) -> dict[tuple[int, str], CollectiveProvision]:
    provisions = []
    for places, kinds in ((teams, TEAM_KINDS), (centres, CENTRE_KINDS)):
        for place in places:
            for kind in kinds:
                name, template = NAMES[kind]
                resources = socialmap.by_template.get(template, [])
                provisions.append(
                    CollectiveProvision(
                        kind=kind,
                        name=f"{name} {place.name.split(' ', 1)[-1]}",
                        team_id=place.team_id,
                        place=place.name,
                        resource_id=resources[len(provisions) % len(resources)].pk if resources else None,
                    )
                )
    objects_insert(CollectiveProvision, provisions)
    by_place = {(p.team_id, p.kind): p for p in provisions}
    links = [
        (by_place[(place.team_id, kind)].pk, user_id)
        for places, kinds in ((teams, (Kind.DESK,)), (centres, (Kind.INFO_POINT,)))
        for place in places
        for kind in kinds
        for user_id in place.volunteers
    ]
    rows_insert(CollectiveProvision.volunteers.through, ("collectiveprovision_id", "user_id"), links)
    return by_place


QUESTIONS_PER_SESSION = 8  # a session is planned for about this many visitors; at least 6 a year, at most weekly


def _session(provision, place, date: datetime.date, phone_from: int | None) -> DeskSession:
    starts = timezone.make_aware(datetime.datetime.combine(date, datetime.time(9)))
    mode = DeskSession.Mode.PHONE if phone_from and date.year >= phone_from else DeskSession.Mode.WALK_IN
    return DeskSession(
        provision_id=provision.pk,
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=3),
        place=place.name,
        mode=mode,
    )


def _year_sessions(provision, place, year: int, questions: int, world: World, phone_from) -> list[DeskSession]:
    """The sessions of one year, evenly spread on Tuesdays, as many as the visitors need."""
    start, span = _year_days(year, world.today)
    count = max(6 * span // 365, min(52 * span // 365, questions // QUESTIONS_PER_SESSION)) or 1
    first_tuesday = start + datetime.timedelta(days=(1 - start.weekday()) % 7)
    step = max(7, span // count // 7 * 7)
    days = [first_tuesday + datetime.timedelta(days=step * i) for i in range(count)]
    return [_session(provision, place, d, phone_from) for d in days if d < world.today]


@dataclass
class DeskPlan:
    kind: str
    per_year: callable
    topics: callable
    outcome: callable
    passed_to: tuple
    phone_from: int | None


def desk_create(*, rng: Random, world: World, places: list[Place], provisions, plan: DeskPlan) -> tuple[int, int]:
    """Sessions and questions for every desk (or information point) of ``places``; four weeks ahead planned."""
    weights = [p.weight for p in places]
    planned, sessions = [], []
    for year in range(casework_data.FIRST_YEAR, world.today.year + 1):
        total = _volume(plan.per_year(year), year, world.today, world.factor)
        for place, count in zip(places, counts_allocate(total, weights), strict=True):
            provision = provisions[(place.team_id, plan.kind)]
            year_sessions = _year_sessions(provision, place, year, count, world, plan.phone_from)
            sessions += year_sessions
            if year_sessions:
                planned.append((place, year_sessions, count))
    for place in places:
        provision = provisions[(place.team_id, plan.kind)]
        ahead = world.today + datetime.timedelta(days=(1 - world.today.weekday()) % 7 or 7)
        sessions += [_session(provision, place, ahead + datetime.timedelta(weeks=w), plan.phone_from) for w in range(4)]
    objects_insert(DeskSession, sessions)
    by_team = {p.team_id: p for p in places}
    rows_insert(
        DeskSession.volunteers.through,
        ("desksession_id", "user_id"),
        [
            (s.pk, rng.choice(by_team[provisions_team[s.provision_id]].volunteers))
            for provisions_team in [{p.pk: p.team_id for p in provisions.values()}]
            for s in sessions
            if by_team[provisions_team[s.provision_id]].volunteers
        ],
    )
    questions, named = [], []
    for place, year_sessions, count in planned:
        for _ in range(count):
            session = rng.choice(year_sessions)
            asked = session.starts_at + datetime.timedelta(minutes=rng.randrange(0, 175, 5))
            outcome = plan.outcome(rng)
            question = DeskQuestion(
                provision_id=session.provision_id,
                session_id=session.pk,
                team_id=place.team_id,
                asked_at=at_most(asked, world.now),
                channel=DeskQuestion.Channel.PHONE
                if session.mode == DeskSession.Mode.PHONE
                else DeskQuestion.Channel.WALK_IN,
                topic=plan.topics(rng, session.starts_at.year),
                outcome=outcome,
                passed_to=rng.choice(plan.passed_to) if outcome == DeskQuestion.Outcome.REFERRED else "",
                registered_by_id=rng.choice(place.volunteers or place.workers),
            )
            if rng.random() < data.NAMED_SHARE:
                resident = rng.choice(place.residents)
                question.resident_id = resident[0] if rng.random() < 0.5 else None
                question.consent_at = question.asked_at
                named.append((question, resident[0]))
            questions.append(question)
    _visitor_names(named)
    objects_insert(DeskQuestion, questions)
    return len(sessions), len(questions)


def _visitor_names(named: list) -> None:
    """Visitors who left a name (with consent) get the name and phone of the resident they are."""
    people = {
        pk: (f"{first} {last}", phone)
        for pk, first, last, phone in Resident.objects.filter(id__in={r for _q, r in named}).values_list(
            "id", "first_name", "last_name", "phone"
        )
    }
    for question, resident_id in named:
        name, phone = people.get(resident_id, ("", ""))
        question.visitor_name, question.visitor_phone = name[:150], (phone or "")[:20]
        if not question.visitor_name and not question.visitor_phone and question.resident_id is None:
            question.consent_at = None


def desk_plan() -> DeskPlan:
    def per_year(year):
        return data.DESK_QUESTIONS.get(year, data.DESK_QUESTIONS_LATER)

    def topics(rng, year):
        return _weighted(rng, data.DESK_TOPICS_LOCKDOWN if year in (2020, 2021) else data.DESK_TOPICS)

    def outcome(rng):
        roll = rng.random()
        debt, folders = data.DESK_DEBT_COUNSELLING / 1_770, data.DESK_FOLDERS / 1_770
        if roll < debt:
            return DeskQuestion.Outcome.DEBT_COUNSELLING
        if roll < debt + folders:
            return DeskQuestion.Outcome.BUDGET_FOLDER
        if roll < debt + folders + data.DESK_REFERRED_SHARE:
            return DeskQuestion.Outcome.REFERRED
        return DeskQuestion.Outcome.SOLVED

    return DeskPlan(Kind.DESK, per_year, topics, outcome, data.DESK_PASSED_TO, data.PHONE_HOURS_FROM)


def info_point_plan(centres: int) -> DeskPlan:
    def outcome(rng):
        return DeskQuestion.Outcome.SOLVED if rng.random() < data.INFO_POINT_ANSWERED else DeskQuestion.Outcome.REFERRED

    return DeskPlan(
        Kind.INFO_POINT,
        lambda year: data.INFO_POINT_QUESTIONS * centres,
        lambda rng, year: _weighted(rng, data.INFO_TOPICS),
        outcome,
        data.INFO_PASSED_TO,
        None,
    )


def groups_create(*, rng: Random, world: World, teams: list[Place], provisions) -> dict[str, int]:
    """19 groups at city scale; 216 help seekers a year, most placed, staying about a year."""
    n_groups = max(3, round(data.GROUPS * world.factor))
    weights = [t.weight for t in teams]
    allocated = counts_allocate(n_groups, weights)
    demo = next((i for i, t in enumerate(teams) if t.team_id == world.demo_team_id), None)
    if demo is not None and not allocated[demo]:  # the demo team has a friendship group to show
        allocated[allocated.index(max(allocated))] -= 1
        allocated[demo] = 1
    groups, group_team = [], []
    for team, count in zip(teams, allocated, strict=True):
        for i in range(count):
            started = datetime.date(casework_data.FIRST_YEAR + rng.randint(0, 3), rng.randint(1, 12), 1)
            groups.append(
                Group(
                    provision_id=provisions[(team.team_id, Kind.GROUPS)].pk,
                    team_id=team.team_id,
                    name=f"{data.GROUP_NAMES[(len(groups) + i) % len(data.GROUP_NAMES)]} {team.name.split(' ', 1)[-1]}",
                    meets=rng.choice(
                        ("elke dinsdag 14.00 uur", "om de week op donderdag 10.00 uur", "elke vrijdagmiddag")
                    ),
                    place=f"Wijkcentrum {team.name.split(' ', 1)[-1]}",
                    max_members=data.GROUP_SIZE + 2,
                    started_on=started,
                )
            )
            group_team.append(team.team_id)
    objects_insert(Group, groups)
    rows_insert(
        Group.facilitators.through,
        ("group_id", "user_id"),
        [(g.pk, rng.choice(t.volunteers or t.workers)) for g in groups for t in teams if t.team_id == g.team_id],
    )
    members, taken = [], set()
    with_groups = [t for t, n in zip(teams, allocated, strict=True) if n]
    for year in range(casework_data.FIRST_YEAR, world.today.year + 1):
        start, span = _year_days(year, world.today)
        total = _volume(data.HELP_SEEKERS, year, world.today, world.factor)
        for team, count in zip(with_groups, counts_allocate(total, [t.weight for t in with_groups]), strict=True):
            team_groups = [g for g in groups if g.team_id == team.team_id]
            for _ in range(count):
                resident = rng.choice(team.residents)
                if resident[0] in taken or age_on(resident[2], start) < 18:
                    continue
                registered = at_most(_moment(rng, start + datetime.timedelta(days=rng.randrange(span))), world.now)
                member = GroupMember(
                    provision_id=provisions[(team.team_id, Kind.GROUPS)].pk,
                    resident_id=resident[0],
                    team_id=team.team_id,
                    wish=rng.choice(data.GROUP_WISHES),
                    registered_at=registered,
                    registered_by_id=rng.choice(team.workers),
                )
                placed_at = registered + datetime.timedelta(days=rng.randint(7, 56))
                open_groups = [g for g in team_groups if g.started_on <= placed_at.date()]
                if open_groups and rng.random() < data.PLACED_SHARE and placed_at < world.now:
                    member.group_id, member.status, member.placed_at = (
                        rng.choice(open_groups).pk,
                        GroupMember.Status.PLACED,
                        placed_at,
                    )
                    left = placed_at + datetime.timedelta(days=round(rng.expovariate(1 / (365 * data.STAY_YEARS))))
                    if left < world.now:
                        member.status, member.left_at = GroupMember.Status.LEFT, left
                    else:
                        taken.add(resident[0])
                elif (world.now - registered).days > 120:
                    member.status, member.left_at = GroupMember.Status.LEFT, registered + datetime.timedelta(days=120)
                else:
                    taken.add(resident[0])
                members.append(member)
    objects_insert(GroupMember, members)
    meetings, attendance = _meetings(rng, world, groups, members)
    return {"groups": len(groups), "group members": len(members), "group meetings": meetings, "attendance": attendance}


def _meetings(rng: Random, world: World, groups, members) -> tuple[int, int]:
    """Fortnightly meetings of the last eight weeks, with who came."""
    meetings = []
    for group in groups:
        for weeks in (2, 4, 6, 8):
            meetings.append(GroupMeeting(group_id=group.pk, held_on=world.today - datetime.timedelta(weeks=weeks)))
    objects_insert(GroupMeeting, meetings)
    rows = []
    for meeting in meetings:
        held = timezone.make_aware(datetime.datetime.combine(meeting.held_on, datetime.time(12)))
        for m in members:
            if (
                m.group_id == meeting.group_id
                and m.placed_at
                and m.placed_at < held
                and (m.left_at is None or m.left_at > held)
            ):
                rows.append((meeting.pk, m.pk, rng.random() < 0.8))
    rows_insert(Attendance, ("meeting_id", "member_id", "present"), rows)
    return len(meetings), len(rows)


def language_create(*, rng: Random, world: World, teams: list[Place], provisions) -> dict[str, int]:
    tracks, notes = [], []
    weights = [t.weight for t in teams]
    first_year, first_month = data.LANGUAGE_FROM
    for year in range(first_year, world.today.year + 1):
        start, span = _year_days(year, world.today)
        if year == first_year:
            start = datetime.date(year, first_month, 1)
            span = (min(datetime.date(year, 12, 31), world.today) - start).days + 1
        total = _volume(
            data.LANGUAGE_SIGNALS * (span / 365 if year == first_year else 1), year, world.today, world.factor
        )
        for team, count in zip(teams, counts_allocate(total, weights), strict=True):
            for _ in range(count):
                resident = rng.choice(team.residents)
                if age_on(resident[2], start) < 18:
                    continue
                signalled = at_most(_moment(rng, start + datetime.timedelta(days=rng.randrange(span))), world.now)
                track = LanguageTrack(
                    provision_id=provisions[(team.team_id, Kind.LANGUAGE)].pk,
                    resident_id=resident[0],
                    team_id=team.team_id,
                    source=_weighted(rng, data.LANGUAGE_SOURCES),
                    signalled_at=signalled,
                    signalled_by_id=rng.choice(team.workers),
                )
                track.coach_id = track.signalled_by_id
                _language_steps(rng, world, track, notes)
                tracks.append(track)
    objects_insert(LanguageTrack, tracks)
    rows_insert(
        LanguageProgress,
        ("track_id", "recorded_at", "recorded_by_id", "note"),
        [(t.pk, at, t.coach_id, note) for t, at, note in notes],
    )
    return {"language tracks": len(tracks), "language progress": len(notes)}


def _language_steps(rng: Random, world: World, track, notes: list) -> None:
    intake = track.signalled_at + datetime.timedelta(days=rng.randint(7, 28))
    if intake > world.now or rng.random() > 0.85:
        return
    track.stage, track.intake_at = LanguageTrack.Stage.INTAKE, intake
    track.need = rng.choice(("nt1", "nt1", "nt2", "digital"))
    track.goal = rng.choice(data.LANGUAGE_GOALS)
    placed = intake + datetime.timedelta(days=rng.randint(7, 60))
    if placed > world.now or rng.random() > 0.8:
        return
    track.stage, track.placed_at = LanguageTrack.Stage.PLACED, placed
    track.placement = rng.choice(("course", "buddy"))
    track.buddy_name = rng.choice(data.LANGUAGE_BUDDIES) if track.placement == "buddy" else ""
    for months in range(1, rng.randint(1, 4)):
        at = placed + datetime.timedelta(days=30 * months)
        if at < world.now:
            notes.append(
                (
                    track,
                    at,
                    rng.choice(
                        (
                            "Gaat goed, komt elke week.",
                            "Leest nu korte brieven zelf.",
                            "Oefent met de app van de bibliotheek.",
                        )
                    ),
                )
            )
    ended = placed + datetime.timedelta(days=rng.randint(180, 400))
    if ended < world.now and rng.random() < 0.7:
        track.stage, track.ended_at = LanguageTrack.Stage.ENDED, ended
        track.end_note = rng.choice(("Doel bereikt.", "Doorgestroomd naar een vervolgcursus.", "Gestopt: verhuisd."))


def food_bank_create(*, rng: Random, world: World, teams: list[Place]) -> int:
    referrals = []
    weights = [t.weight for t in teams]
    for year in range(casework_data.FIRST_YEAR, world.today.year + 1):
        start, span = _year_days(year, world.today)
        per_year = data.FOOD_BANK.get(year, data.FOOD_BANK_BEFORE if year < 2020 else data.FOOD_BANK_LATER)
        for team, count in zip(
            teams, counts_allocate(_volume(per_year, year, world.today, world.factor), weights), strict=True
        ):
            for _ in range(count):
                resident = rng.choice(team.residents)
                at = at_most(_moment(rng, start + datetime.timedelta(days=rng.randrange(span))), world.now)
                referral = FoodBankReferral(
                    resident_id=resident[0],
                    team_id=team.team_id,
                    referred_by_id=rng.choice(team.workers),
                    referred_at=at,
                    household_size=rng.choice((1, 1, 2, 3, 3, 4, 5)),
                    reason=rng.choice(data.FOOD_BANK_REASONS),
                )
                if (world.now - at).days > 10:
                    admitted = rng.random() < 0.85
                    referral.status = FoodBankReferral.Status.ADMITTED if admitted else FoodBankReferral.Status.DECLINED
                    referral.decided_at = at + datetime.timedelta(days=rng.randint(2, 10))
                    referral.valid_until = (at + datetime.timedelta(days=180)).date() if admitted else None
                referrals.append(referral)
    objects_insert(FoodBankReferral, referrals)
    return len(referrals)


def city_passes_create(*, rng: Random, world: World, teams: list[Place], recorded_by: int) -> int:
    passes, seen = [], set()
    for team in teams:
        for resident_id, _household, birth_date in team.residents:
            if (
                resident_id not in seen
                and age_on(birth_date, world.today) >= 18
                and rng.random() < data.CITY_PASS_SHARE
            ):
                seen.add(resident_id)
                passes.append(
                    (
                        resident_id,
                        world.today + datetime.timedelta(days=rng.randint(-90, 365)),
                        rng.choice(team.workers) or recorded_by,
                        world.now,
                    )
                )
    rows_insert(CityPass, ("resident_id", "valid_until", "recorded_by_id", "recorded_at"), passes)
    return len(passes)
