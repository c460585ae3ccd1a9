"""The ZRM assessments and the household plans of the synthetic city's case work (drafted from the requests)."""

from datetime import date, datetime, timedelta
from random import Random

from wijkkracht.cases.models import (
    HelpRequest,
    LifeDomain,
    PlanAction,
    PlanGoal,
    SelfRelianceAssessment,
    SupportPlan,
)

from .data import casework as data
from .drafts import RequestDraft
from .world import World, at_most

ASSESSED_SHARE = 0.5
SECOND_ASSESSMENT_SHARE = 0.45
DOMAINS = tuple(data.DOMAIN_WEIGHTS)
Status = HelpRequest.Status


def zrm_levels(rng: Random, focus: str, *, severity: float) -> dict[str, int]:
    """Levels 1-5 per domain: the question's domain low, the others around their typical level."""
    levels = {}
    for domain in LifeDomain.values:
        mean = data.ZRM_TYPICAL[domain] - severity
        if domain == focus:
            mean = 2.3 - severity / 2
        levels[domain] = min(5, max(1, round(rng.gauss(mean, 0.7))))
    return levels


def strength_source(rng: Random, level: int) -> str:
    if level <= 2:
        return "professional" if rng.random() < 0.7 else "network"
    if level == 3:
        return rng.choice(("network", "network", "professional", "own_strength"))
    return "own_strength" if rng.random() < 0.75 else "network"


def assessments_draft(rng: Random, drafts: list[RequestDraft], now: datetime):
    """(assessment, levels) pairs: about half the requests that got past the intake, some measured twice."""
    out = []
    for d in drafts:
        if d.status == Status.INTAKE or rng.random() >= ASSESSED_SHARE:
            continue
        first_at = at_most(d.received_at + timedelta(days=rng.randint(3, 20), hours=rng.randint(0, 4)), now)
        if d.closed_at is not None:
            first_at = min(first_at, d.closed_at)
        severity = max(0.0, rng.gauss(0.3, 0.4))
        levels = zrm_levels(rng, d.domain, severity=severity)
        out.append((_assessment(d, first_at, data.ZRM_NOTES[rng.randrange(2)]), levels))
        if d.closed_at is not None and (d.closed_at - first_at).days > 20 and rng.random() < SECOND_ASSESSMENT_SHARE:
            better = dict(levels)
            gain = 2 if d.outcome == "solved" else 1 if d.outcome == "partly_solved" else 0
            better[d.domain] = min(5, levels[d.domain] + gain)
            for domain in rng.sample(LifeDomain.values, 3):
                better[domain] = min(5, max(1, better[domain] + rng.choice((0, 0, 1, 1, -1))))
            out.append((_assessment(d, d.closed_at, data.ZRM_NOTES[2]), better))
    return out


def _assessment(d: RequestDraft, at: datetime, note: str) -> SelfRelianceAssessment:
    return SelfRelianceAssessment(
        household_id=d.household.id,
        resident_id=d.resident.id,
        help_request_id=d.pk,
        assessed_at=at,
        assessed_by_id=d.assigned_to,
        note=note,
        team_id=d.team.id,
    )


def plans_draft(rng: Random, drafts: list[RequestDraft], world: World):
    """One plan per household with an open request in support, coordinated by its worker."""
    today = world.today
    plans, seen = [], set()
    for d in drafts:
        if d.status != Status.SUPPORT or d.household.id in seen:
            continue
        seen.add(d.household.id)
        created = d.status_changed_at
        plan = SupportPlan(
            household_id=d.household.id,
            coordinator_id=d.assigned_to,
            summary=f"Hulpvraag: {d.question}",
            created_at=created,
            updated_at=created,
            updated_by_id=d.assigned_to,
            team_id=d.team.id,
        )
        domains = [d.domain] + ([rng.choice(DOMAINS)] if rng.random() < 0.4 else [])
        goals = [PlanGoal(text=rng.choice(data.GOALS[domain]), domain=domain) for domain in dict.fromkeys(domains)]
        demo = d.assigned_to == world.demo_worker_id
        actions = []
        for i in range(rng.randint(2, 4) + (1 if demo else 0)):
            owner_user, owner_name = None, ""
            roll = rng.random()
            if roll < 0.55 or (demo and i < 2):
                owner_user = d.assigned_to
                text = rng.choice(data.ACTIONS_WORKER)
            elif roll < 0.8:
                owner_name, text = data.RESIDENT_OWNER, rng.choice(data.ACTIONS_RESIDENT)
            else:
                text, owner_name = rng.choice(data.ACTIONS_NETWORK)
            due, done = _action_dates(rng, today, demo_slot=i if demo else None)
            actions.append(
                PlanAction(text=text, owner_user_id=owner_user, owner_name=owner_name, due_date=due, done_at=done)
            )
        plans.append((plan, goals, actions))
    return plans


def _action_dates(rng: Random, today: date, *, demo_slot: int | None) -> tuple[date, date | None]:
    """Due date and done date of a plan action: anywhere around today, most past ones done. The demo
    worker's first action is overdue and the second due this week, so the caseload shows both."""
    if demo_slot == 0:
        return today - timedelta(days=rng.randint(2, 12)), None
    if demo_slot == 1:
        return today + timedelta(days=rng.randint(0, 5)), None
    due = today + timedelta(days=rng.randint(-30, 45))
    done = due - timedelta(days=rng.randint(0, 3)) if due < today and rng.random() < 0.6 else None
    return due, done
