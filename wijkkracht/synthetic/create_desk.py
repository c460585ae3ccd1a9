"""The administrative help desks and the information points: sessions (as many as the visitors need, from 2020
phone hours) and every visitor's question, anonymous unless they left a name with consent."""

import datetime
from dataclasses import dataclass
from random import Random

from django.utils import timezone

from wijkkracht.people.models import Resident
from wijkkracht.provisions.models import DeskQuestion, DeskSession

from .addresses import counts_allocate
from .create_provisions import Kind, Place, _volume, _weighted, _year_days
from .data import casework as casework_data
from .data import provisions as data
from .insert import objects_insert, rows_insert
from .world import World, at_most

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
