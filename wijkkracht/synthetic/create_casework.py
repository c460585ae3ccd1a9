"""Ten years of help requests (2015 up to today) for every neighbourhood team, with everything around them.

Drafted in plain Python first (deterministic per seed and day), then inserted with bulk_create:
requests, solution paths, informal-first checks, contacts, ZRM assessments with 13 scores, and the
household plans of requests in support. The informal share of the requests closed in a year is set
exactly (a quota per year, chosen by domain affinity), so the reports show the seeds' trend:
about 17% in 2015 and 34% from 2016 on.
"""

import uuid
from bisect import bisect
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from itertools import accumulate
from random import Random

from wijkkracht.cases.models import (
    Contact,
    DomainScore,
    HelpRequest,
    InformalCheck,
    PlanAction,
    PlanGoal,
    RequestSolution,
    SelfRelianceAssessment,
    SupportPlan,
)

from .addresses import counts_allocate
from .create_plans import assessments_draft, plans_draft, strength_source
from .data import casework as data
from .drafts import RequestDraft
from .insert import objects_insert, rows_insert
from .world import HouseholdInfo, Member, TeamInfo, World, age_on, at_most, office_moment

BATCH_SIZE = 5_000
CLOSED_AFTER_DAYS = 183  # everything older than about six months is closed
DEMO_OPEN_TARGET = {"intake": 2, "clarification": 3, "support": 4}  # the demo worker's lively caseload
DOMAINS = tuple(data.DOMAIN_WEIGHTS)
Status = HelpRequest.Status


@dataclass(frozen=True)
class Casework:
    requests: list[RequestDraft]
    counts: dict[str, int]


def _cum(weights) -> tuple[float, ...]:
    return tuple(accumulate(weights))


def _pick(rng: Random, items, cum) -> object:
    return items[bisect(cum, rng.random() * cum[-1])]


def in_lockdown(day: date) -> bool:
    return data.LOCKDOWN[0] <= day < data.LOCKDOWN[1]


def year_volume(year: int, world: World) -> int:
    """City-wide requests in a year at this scale; the current year pro-rated up to today."""
    volume = data.YEAR_VOLUME.get(year, data.YEAR_VOLUME[max(data.YEAR_VOLUME)]) * world.factor
    if year == world.today.year:
        volume *= (world.today - date(year, 1, 1)).days / 365
    return round(volume)


def informal_share(year: int) -> float:
    return data.INFORMAL_SHARE.get(year, data.INFORMAL_SHARE_LATER)


class _Drafter:
    def __init__(self, rng: Random, world: World):
        self.rng, self.world = rng, world
        self.domain_cum = _cum(data.DOMAIN_WEIGHTS.values())
        boosted = [w * data.LOCKDOWN_DOMAIN_BOOST.get(d, 1) for d, w in data.DOMAIN_WEIGHTS.items()]
        self.domain_cum_lockdown = _cum(boosted)
        self.channel_lockdown_cum = _cum(data.CHANNEL_WEIGHTS_LOCKDOWN)
        self.latest = world.now - timedelta(minutes=30)

    def channel(self, day: date) -> str:
        if in_lockdown(day):
            return _pick(self.rng, data.CHANNELS, self.channel_lockdown_cum)
        weights = list(data.CHANNEL_WEIGHTS)
        weights[2] += data.ONLINE_GROWTH_PER_YEAR * (day.year - data.FIRST_YEAR)
        return _pick(self.rng, data.CHANNELS, _cum(weights))

    def requester(self, team: TeamInfo, day: date) -> tuple[HouseholdInfo, Member] | None:
        for _ in range(8):
            household = self.rng.choice(team.households)
            adults = [m for m in household.members if age_on(m.birth_date, day) >= 18]
            if adults:
                return household, self.rng.choice(adults)
        return None

    def draft(self, team: TeamInfo, day: date, *, worker: int | None = None) -> RequestDraft | None:
        rng = self.rng
        found = self.requester(team, day)
        if found is None:
            return None
        household, resident = found
        domain = _pick(rng, DOMAINS, self.domain_cum_lockdown if in_lockdown(day) else self.domain_cum)
        taken_by = rng.choice(team.workers)
        assigned_to = worker or (taken_by if rng.random() < 0.7 else rng.choice(team.workers))
        received_at = at_most(office_moment(rng, day), self.latest)
        return RequestDraft(
            team=team,
            household=household,
            resident=resident,
            domain=domain,
            channel=self.channel(day),
            question=rng.choice(data.QUESTIONS[domain]),
            received_at=received_at,
            taken_by=taken_by,
            assigned_to=assigned_to,
        )

    def settle(self, d: RequestDraft, *, status: str | None = None) -> None:
        """Closed or open, by age: older than six months always closed; recent ones spread over the statuses."""
        rng, now = self.rng, self.world.now
        age = (now - d.received_at).days
        closed = status == Status.CLOSED or (
            status is None and (age > CLOSED_AFTER_DAYS or rng.random() < min(0.8, age / 200))
        )
        if closed:
            days = min(max(1, age - 1), round(rng.lognormvariate(3.3, 0.7)))  # median about 4 weeks
            d.status = Status.CLOSED
            d.closed_at = at_most(d.received_at + timedelta(days=max(1, days), hours=rng.randint(0, 5)), now)
            d.status_changed_at = d.closed_at
            return
        if status is None:
            if age < 10:
                status = Status.INTAKE if rng.random() < 0.7 else Status.CLARIFICATION
            elif age < 40:
                status = rng.choices((Status.INTAKE, Status.CLARIFICATION, Status.SUPPORT), (1, 6, 3))[0]
            else:
                status = Status.SUPPORT if rng.random() < 0.75 else Status.CLARIFICATION
        d.status = status
        step = {Status.INTAKE: 0, Status.CLARIFICATION: 0.2, Status.SUPPORT: 0.45}[status]
        d.status_changed_at = d.received_at + (now - d.received_at) * step


def requests_draft(rng: Random, world: World) -> list[RequestDraft]:
    drafter = _Drafter(rng, world)
    drafts: list[RequestDraft] = []
    weights = [t.residents for t in world.teams]
    for year in range(data.FIRST_YEAR, world.today.year + 1):
        last = min(date(year, 12, 31), world.today)
        span = (last - date(year, 1, 1)).days + 1
        for team, count in zip(world.teams, counts_allocate(year_volume(year, world), weights), strict=True):
            for _ in range(count):
                draft = drafter.draft(team, date(year, 1, 1) + timedelta(days=rng.randrange(span)))
                if draft is not None:
                    drafter.settle(draft)
                    drafts.append(draft)
    _demo_caseload(drafter, world, drafts)
    drafts.sort(key=lambda d: (d.received_at, d.team.id))
    return drafts


def _demo_caseload(drafter: _Drafter, world: World, drafts: list[RequestDraft]) -> None:
    """The demo worker gets several open requests in each status, of different ages."""
    team = next((t for t in world.teams if t.id == world.demo_team_id), None)
    if team is None:
        return
    have = Counter(d.status for d in drafts if d.assigned_to == world.demo_worker_id and d.status != Status.CLOSED)
    ages = {Status.INTAKE: (0, 6), Status.CLARIFICATION: (8, 35), Status.SUPPORT: (30, 150)}
    for status, target in DEMO_OPEN_TARGET.items():
        for _ in range(target - have[status]):
            low, high = ages[status]
            day = world.today - timedelta(days=drafter.rng.randint(low, high))
            draft = drafter.draft(team, day, worker=world.demo_worker_id)
            if draft is not None:
                drafter.settle(draft, status=status)
                drafts.append(draft)


def _weighted_sample(rng: Random, items: list[RequestDraft], k: int, weight) -> set[int]:
    """k items (their indexes), each drawn with probability growing with its weight (Efraimidis-Spirakis)."""
    keyed = sorted(range(len(items)), key=lambda i: rng.random() ** (1 / weight(items[i])), reverse=True)
    return set(keyed[:k])


def solutions_assign(rng: Random, drafts: list[RequestDraft]) -> None:
    """Per year of closing: exactly the informal share, about 35% handled by the team itself, the rest formal."""
    by_year: dict[int, list[RequestDraft]] = defaultdict(list)
    for d in drafts:
        if d.status == Status.CLOSED:
            by_year[d.closed_at.year].append(d)
    outcome_cums = {kind: _cum(w[i] for w in data.OUTCOME_WEIGHTS.values()) for i, kind in enumerate(KINDS)}
    rating_cum = _cum(data.RATING_WEIGHTS)
    for year in sorted(by_year):
        closed = by_year[year]
        informal_k = round(informal_share(year) * len(closed))
        informal = _weighted_sample(rng, closed, informal_k, lambda d: data.INFORMAL_AFFINITY[d.domain])
        rest = [i for i in range(len(closed)) if i not in informal]
        team_k = min(len(rest), round(data.TEAM_ITSELF_SHARE * len(closed)))
        team_itself = set(rng.sample(rest, team_k))
        for i, d in enumerate(closed):
            d.kind = "informal" if i in informal else "team" if i in team_itself else "formal"
            d.paths = _paths(rng, d)
            d.outcome = _pick(rng, tuple(data.OUTCOME_WEIGHTS), outcome_cums[d.kind])
            if rng.random() < 0.5:
                d.outcome_note = rng.choice(data.OUTCOME_NOTES[d.outcome])
            if d.outcome != "withdrawn" and rng.random() < data.RATING_SHARE:
                d.rating = _pick(rng, data.RATINGS, rating_cum)


KINDS = ("informal", "team", "formal")


def _paths(rng: Random, d: RequestDraft) -> tuple[str, ...]:
    if d.kind == "informal":
        options = data.INFORMAL_BY_DOMAIN[d.domain]
        first = options[0] if rng.random() < 0.5 else rng.choice(options)
        if rng.random() < 0.25 and len(options) > 1:
            return (first, rng.choice([o for o in options if o != first]))
        return (first,)
    if d.kind == "team":
        return ("advice_only",)
    formal = data.FORMAL_BY_DOMAIN.get(d.domain, "warm_handover")
    return (formal, "advice_only") if rng.random() < 0.3 else (formal,)


CONTACT_FIELDS = ("resident_id", "help_request_id", "team_id", "context", "kind", "at", "note", "by_id")


def _contacts(rng: Random, d: RequestDraft, now: datetime) -> list[tuple]:
    """Rows for CONTACT_FIELDS: the first contact by the intake channel, follow-ups until closing (or now)."""
    end = d.closed_at or now
    count = {Status.INTAKE: 1, Status.CLARIFICATION: rng.randint(1, 3)}.get(d.status, rng.randint(2, 5))
    if d.status == Status.CLOSED:
        count = 1 if (end - d.received_at).days < 3 else rng.randint(1, 5)
    first_kind = data.CONTACT_KIND_BY_CHANNEL[d.channel]
    lockdown = in_lockdown(d.received_at.date())
    if lockdown and first_kind == "walk_in":
        first_kind = "call"
    follow_cum = _cum(data.FOLLOW_UP_KINDS_LOCKDOWN_WEIGHTS if lockdown else data.FOLLOW_UP_WEIGHTS)
    span = max(1.0, (end - d.received_at).total_seconds())
    moments = sorted(d.received_at + timedelta(seconds=rng.random() * span) for _ in range(count - 1))
    context = Contact.Context.HELP_REQUEST.value
    rows = [
        (
            d.resident.id,
            d.pk,
            d.team.id,
            context,
            first_kind,
            d.received_at,
            rng.choice(data.CONTACT_NOTES["first"]),
            d.taken_by,
        )
    ]
    for at in moments:
        kind = _pick(rng, data.FOLLOW_UP_KINDS, follow_cum)
        rows.append(
            (d.resident.id, d.pk, d.team.id, context, kind, at, rng.choice(data.CONTACT_NOTES[kind]), d.assigned_to)
        )
    return rows


def _insert(model, objects: list) -> None:
    model.objects.bulk_create(objects, batch_size=BATCH_SIZE)


def casework_create(*, seed: int, world: World) -> Casework:
    """Draft and insert the case work; returns the drafts (with their new ids) and the row counts."""
    rng = Random(f"{seed}:casework")
    now = world.now
    drafts = requests_draft(rng, world)
    solutions_assign(rng, drafts)

    id_rng = Random(f"{seed}:casework-ids")
    requests = [
        HelpRequest(
            public_id=uuid.UUID(int=id_rng.getrandbits(128), version=4),
            resident_id=d.resident.id,
            household_id=d.household.id,
            team_id=d.team.id,
            channel=d.channel,
            question=d.question,
            received_at=d.received_at,
            taken_by_id=d.taken_by,
            assigned_to_id=d.assigned_to,
            status=d.status,
            status_changed_at=d.status_changed_at,
            closed_at=d.closed_at,
            closed_by_id=d.assigned_to if d.closed_at else None,
            outcome=d.outcome,
            outcome_note=d.outcome_note,
            rating=d.rating,
            solved_informally=(d.kind == "informal") if d.closed_at else None,
        )
        for d in drafts
    ]
    objects_insert(HelpRequest, requests)
    for d, r in zip(drafts, requests, strict=True):
        d.pk = r.pk

    solutions = [(d.pk, p) for d in drafts for p in d.paths]
    rows_insert(RequestSolution, ("help_request_id", "path"), solutions)
    checks = []
    for d in drafts:
        if d.kind == "formal":
            checked_at = d.closed_at - (d.closed_at - d.received_at) / 2
            checks += [
                (d.pk, option, False, rng.choice(reasons), d.assigned_to, checked_at)
                for option, reasons in data.CHECK_REASONS.items()
            ]
    rows_insert(InformalCheck, ("help_request_id", "option", "fits", "reason", "checked_by_id", "checked_at"), checks)

    contacts = [c for d in drafts for c in _contacts(rng, d, now)]
    rows_insert(Contact, CONTACT_FIELDS, contacts)

    pairs = assessments_draft(rng, drafts, now)
    assessments = [a for a, _ in pairs]
    objects_insert(SelfRelianceAssessment, assessments)
    scores = [
        (a.pk, domain, level, strength_source(rng, level)) for a, levels in pairs for domain, level in levels.items()
    ]
    rows_insert(DomainScore, ("assessment_id", "domain", "level", "strength_source"), scores)

    plans = plans_draft(rng, drafts, world)
    _insert(SupportPlan, [p for p, _, _ in plans])
    goals, actions = [], []
    for plan, plan_goals, _ in plans:
        for goal in plan_goals:
            goal.plan_id = plan.pk
        goals += plan_goals
    _insert(PlanGoal, goals)
    for plan, plan_goals, plan_actions in plans:
        for i, action in enumerate(plan_actions):
            action.plan_id = plan.pk
            action.goal_id = plan_goals[i % len(plan_goals)].pk
        actions += plan_actions
    _insert(PlanAction, actions)

    counts = {
        "help requests": len(requests),
        "solution paths": len(solutions),
        "informal checks": len(checks),
        "contacts": len(contacts),
        "assessments": len(assessments),
        "domain scores": len(scores),
        "plans": len(plans),
        "plan actions": len(actions),
    }
    return Casework(drafts, counts)
