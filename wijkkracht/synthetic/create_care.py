"""Informal carers with EDIZ assessments, pilot-light (waakvlam) schedules, and signals.

Carers: about 345 received by or referred to the carer support centre in 2017 at city scale (303 in
2016), some young carers, an EDIZ questionnaire for each (about 17% overloaded). Pilot-light contacts
for vulnerable residents (the oldest living alone first), some due today and some overdue. Signals of
the last two years: recent ones new, older ones triaged into a request, a pilot light, or closed.
"""

from bisect import bisect
from datetime import date, datetime, timedelta
from itertools import accumulate
from random import Random

from wijkkracht.care.ediz import ediz_score
from wijkkracht.care.models import Carer, CarerStrainAssessment, Signal, WatchContact
from wijkkracht.cases.models import Contact

from .addresses import counts_allocate
from .data import casework as data
from .drafts import RequestDraft
from .insert import objects_insert
from .world import Member, TeamInfo, World, age_on, at_most, office_moment

BATCH_SIZE = 5_000
WATCH_SHARE = 0.12  # of the eligible (70+ living alone, or 80+) residents of a team
WATCH_MIN_PER_TEAM = 4
DEMO_WATCH = (-9, -3, 0, 2, 10, 24)  # the demo worker's pilot lights: days from today to next contact
SIGNAL_YEARS = 2
SIGNALS_PER_YEAR = 420  # city-wide at city scale
DEMO_NEW_SIGNALS = 2


def carers_registered(year: int, world: World) -> int:
    """Carers registered in a year: the referred/received figure divided by the referred share."""
    referred = data.CARERS_REFERRED.get(year)
    if referred is None:
        last = max(data.CARERS_REFERRED)
        referred = data.CARERS_REFERRED[last] * data.CARERS_GROWTH ** (year - last)
    volume = referred / data.CARER_REFERRED_SHARE * world.factor
    if year == world.today.year:
        volume *= (world.today - date(year, 1, 1)).days / 365
    return round(volume)


def ediz_answers(rng: Random, *, overloaded: bool) -> list[int]:
    """Nine answers 0-4 whose score lands on the chosen side of the overload threshold."""
    while True:
        strain = rng.uniform(0.72, 1.0) if overloaded else rng.uniform(0.0, 0.62)
        answers = [min(4, max(0, round(rng.gauss(strain * 4, 0.9)))) for _ in range(9)]
        if ediz_score(answers)[1] == overloaded:
            return answers


def _carer_pair(rng: Random, team: TeamInfo, day: date, *, young: bool):
    for _ in range(10):
        household = rng.choice(team.households)
        ages = [(m, age_on(m.birth_date, day)) for m in household.members]
        fits = [m for m, age in ages if (12 <= age < 25 if young else age >= 25)]
        if fits:
            carer = rng.choice(fits)
            others = [m for m in household.members if m.id != carer.id]
            return carer, others
    return None


def carers_create(*, rng: Random, world: World) -> tuple[int, int]:
    carers, answers_of = [], []
    weights = [t.residents for t in world.teams]
    for year in range(data.FIRST_YEAR, world.today.year + 1):
        last = min(date(year, 12, 31), world.today)
        span = (last - date(year, 1, 1)).days + 1
        for team, count in zip(world.teams, counts_allocate(carers_registered(year, world), weights), strict=True):
            for _ in range(count):
                day = date(year, 1, 1) + timedelta(days=rng.randrange(span))
                found = _carer_pair(rng, team, day, young=rng.random() < data.YOUNG_CARER_SHARE)
                if found is None:
                    continue
                carer, others = found
                registered = at_most(office_moment(rng, day), world.now)
                cared_for, relationship, description = None, "", ""
                if others and rng.random() < 0.55:
                    cared_for = rng.choice(others)
                    relationship = _relationship(carer, cared_for)
                else:
                    relationship, description = rng.choice(data.CARER_OUTSIDE)
                referral, referred_at = Carer.Referral.NONE, None
                if rng.random() < data.CARER_REFERRED_SHARE:
                    referred_at = at_most(registered + timedelta(days=rng.randint(0, 20)), world.now)
                    old = (world.now - referred_at).days > 60
                    referral = Carer.Referral.RECEIVED if old and rng.random() < 0.8 else Carer.Referral.REFERRED
                ended = None
                if (world.today - day).days > 3 * 365 and rng.random() < 0.5:
                    ended = day + timedelta(days=rng.randint(365, 3 * 365))
                worker = rng.choice(team.workers)
                carers.append(
                    Carer(
                        carer_id=carer.id,
                        cared_for_id=cared_for.id if cared_for else None,
                        cared_for_description=description,
                        relationship=relationship,
                        hours_per_week=min(80, max(2, round(rng.lognormvariate(2.4, 0.7)))),
                        since=day - timedelta(days=rng.randint(60, 6 * 365)),
                        referral=referral,
                        referred_at=referred_at,
                        registered_at=registered,
                        registered_by_id=worker,
                        ended_at=ended,
                        team_id=team.id,
                    )
                )
                # Carers who were referred are more often overloaded; about 17% overall.
                p = 0.24 if referral != Carer.Referral.NONE else 0.09
                assessments = [(registered, rng.random() < p, worker)]
                if (world.now - registered).days > 365 and rng.random() < 0.3:
                    again = registered + timedelta(days=rng.randint(180, 365))
                    assessments.append((again, rng.random() < p * 0.7, worker))
                answers_of.append(assessments)
    objects_insert(Carer, carers)
    strain = []
    for carer, assessments in zip(carers, answers_of, strict=True):
        for at, overloaded, worker in assessments:
            answers = ediz_answers(rng, overloaded=overloaded)
            score, heavy = ediz_score(answers)
            strain.append(
                CarerStrainAssessment(
                    carer_id=carer.pk,
                    assessed_at=at,
                    assessed_by_id=worker,
                    answers=answers,
                    score=score,
                    overloaded=heavy,
                )
            )
    CarerStrainAssessment.objects.bulk_create(strain, batch_size=BATCH_SIZE)
    return len(carers), len(strain)


def _relationship(carer: Member, cared_for: Member) -> str:
    gap = carer.birth_date.year - cared_for.birth_date.year
    if gap >= 16:
        return "ouder"
    if gap <= -16:
        return "kind"
    return "partner"


def _eligible(team: TeamInfo, today: date) -> list[Member]:
    """Vulnerable residents first: 70+ living alone, then 80+; the oldest first (stable order)."""
    alone = [
        h.members[0] for h in team.households if len(h.members) == 1 and age_on(h.members[0].birth_date, today) >= 70
    ]
    older = [m for h in team.households if len(h.members) > 1 for m in h.members if age_on(m.birth_date, today) >= 80]
    fallback = [m for h in team.households for m in h.members if 65 <= age_on(m.birth_date, today) < 80]
    key = lambda m: (m.birth_date, m.id)  # noqa: E731
    return sorted(alone, key=key) + sorted(older, key=key) + sorted(fallback, key=key)


def _watch_offset(rng: Random, interval_weeks: int) -> int:
    """Days from today to the next contact: about 15% overdue, 15% due this week, the rest later."""
    roll = rng.random()
    if roll < 0.15:
        return -rng.randint(1, 21)
    if roll < 0.3:
        return rng.randint(0, 6)
    return rng.randint(7, 7 * interval_weeks)


def watch_create(*, rng: Random, world: World) -> list[WatchContact]:
    today, now = world.today, world.now
    watches, contacts = [], []
    for team in world.teams:
        eligible = _eligible(team, today)
        demo = team.id == world.demo_team_id
        least = len(DEMO_WATCH) + 2 if demo else WATCH_MIN_PER_TEAM
        count = min(len(eligible), max(least, round(WATCH_SHARE * len(eligible))))
        chosen = eligible[:count] if count <= least else rng.sample(eligible[: count * 2], count)
        for i, resident in enumerate(chosen):
            owner = rng.choice(team.workers)
            interval = rng.choice((2, 4, 4, 6, 8, 12))
            demo_slot = demo and i < len(DEMO_WATCH)
            if demo_slot:
                owner, offset = world.demo_worker_id, DEMO_WATCH[i]
            else:
                offset = _watch_offset(rng, interval)
            next_due = today + timedelta(days=offset)
            last_contact = office_moment(rng, next_due - timedelta(weeks=interval))
            last_contact = at_most(last_contact, now - timedelta(hours=1))
            started = last_contact - timedelta(days=rng.randint(0, 4 * 365))
            ended = None
            if not demo_slot and rng.random() < 0.12:
                ended = at_most(last_contact + timedelta(days=rng.randint(1, 30)), now)
            watches.append(
                WatchContact(
                    resident_id=resident.id,
                    team_id=team.id,
                    owner_id=owner,
                    interval_weeks=interval,
                    reason=rng.choice(data.WATCH_REASONS),
                    next_due=next_due,
                    last_contact_at=last_contact,
                    started_at=started,
                    ended_at=ended,
                )
            )
            contacts.append(
                Contact(
                    resident_id=resident.id,
                    context=Contact.Context.WATCH,
                    kind=rng.choice(("call", "call", "visit")),
                    at=last_contact,
                    note=rng.choice(data.WATCH_NOTES),
                    by_id=owner,
                    team_id=team.id,
                )
            )
    WatchContact.objects.bulk_create(watches, batch_size=BATCH_SIZE)
    Contact.objects.bulk_create(contacts, batch_size=BATCH_SIZE)
    return watches


def signals_create(*, rng: Random, world: World, requests: list[RequestDraft], watches: list[WatchContact]) -> int:
    """Signals of the last two years, per team: new ones recently, older ones triaged each way."""
    now, today = world.now, world.today
    since = now - timedelta(days=365 * SIGNAL_YEARS)
    referred = {}
    for d in requests:
        if d.received_at >= since and d.channel in ("gp_referral", "partner_referral", "outreach"):
            referred.setdefault(d.team.id, []).append(d)
    watched = {}
    for w in watches:
        if w.started_at >= since:
            watched.setdefault(w.team_id, []).append(w)
    weights = [t.residents for t in world.teams]
    total = round(SIGNALS_PER_YEAR * SIGNAL_YEARS * world.factor)
    source_cum = list(accumulate(data.SIGNAL_SOURCE_WEIGHTS))
    signals = []
    for team, count in zip(world.teams, counts_allocate(total, weights), strict=True):
        for_requests = rng.sample(referred.get(team.id, []), min(len(referred.get(team.id, [])), round(count * 0.4)))
        for_watch = rng.sample(watched.get(team.id, []), min(len(watched.get(team.id, [])), round(count * 0.2)))
        for d in for_requests:
            received = d.received_at - timedelta(days=rng.randint(1, 7), hours=rng.randint(0, 3))
            signals.append(_signal(rng, team, received, source_cum, resident_id=d.resident.id))
            s = signals[-1]
            s.status, s.help_request_id = Signal.Status.TO_HELP_REQUEST, d.pk
            s.triaged_at, s.triaged_by_id = d.received_at, d.taken_by
        for w in for_watch:
            received = w.started_at - timedelta(days=rng.randint(1, 14))
            signals.append(_signal(rng, team, received, source_cum, resident_id=w.resident_id))
            s = signals[-1]
            s.status, s.watch_contact_id = Signal.Status.TO_WATCH, w.pk
            s.triaged_at, s.triaged_by_id = w.started_at, w.owner_id
        rest = max(0, count - len(for_requests) - len(for_watch))
        new = DEMO_NEW_SIGNALS if team.id == world.demo_team_id else 0
        for i in range(max(rest, new)):
            recent = i < new or rng.random() < 0.1
            day = today - timedelta(days=rng.randint(0, 10) if recent else rng.randint(15, 365 * SIGNAL_YEARS))
            received = at_most(office_moment(rng, day), now - timedelta(minutes=10))
            resident = None
            if rng.random() < 0.6:
                resident = rng.choice(rng.choice(team.households).members).id
            s = _signal(rng, team, received, source_cum, resident_id=resident)
            if not recent:
                s.status, s.closed_reason = Signal.Status.CLOSED, rng.choice(data.SIGNAL_CLOSED_REASONS)
                s.triaged_at = at_most(received + timedelta(days=rng.randint(0, 5)), now)
                s.triaged_by_id = rng.choice(team.workers)
            signals.append(s)
    Signal.objects.bulk_create(signals, batch_size=BATCH_SIZE)
    return len(signals)


def _signal(rng: Random, team: TeamInfo, received: datetime, source_cum, *, resident_id: int | None) -> Signal:
    source = data.SIGNAL_SOURCES[bisect(source_cum, rng.random() * source_cum[-1])]
    return Signal(
        team_id=team.id,
        source=source,
        reporter=data.SIGNAL_REPORTERS[source],
        resident_id=resident_id,
        about="" if resident_id else "bewoner op de tweede verdieping, naam onbekend",
        concern=rng.choice(data.SIGNAL_CONCERNS),
        received_at=received,
        received_by_id=rng.choice(team.workers),
    )


def care_create(*, seed: int, world: World, requests: list[RequestDraft]) -> dict[str, int]:
    rng = Random(f"{seed}:care")
    carers, strain = carers_create(rng=rng, world=world)
    watches = watch_create(rng=rng, world=world)
    signals = signals_create(rng=rng, world=world, requests=requests, watches=watches)
    return {"carers": carers, "EDIZ assessments": strain, "watch contacts": len(watches), "signals": signals}
