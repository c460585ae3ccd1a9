"""Writes for the household plan (één huishouden, één plan), optimistically locked.

Every change names the plan ``version`` it was based on. The change is written with
``UPDATE ... WHERE version = <that version>``: when another worker saved in between, no row matches,
nothing is written, and ``PlanConflict`` carries the plan as it is now, so the page can show both the
other worker's saved text and the user's own unsaved input. Nothing is lost, nothing overwritten.

The caller has read the household through a selector (policy applied, read logged); this only writes.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from wijkkracht.accounts.models import User
from wijkkracht.accounts.roles import Role
from wijkkracht.cases.models import LifeDomain, PlanAction, PlanGoal, SupportPlan
from wijkkracht.cases.services.requests import team_of

# Roles that may coordinate a plan (regievoerder): the case roles of access.rules.
COORDINATOR_ROLES = (Role.WORKER, Role.TEAM_LEAD)
# Colleagues who can own an agreed action: anyone working in the household's team.
COLLEAGUE_ROLES = (Role.WORKER, Role.TEAM_LEAD, Role.CENTRE_STAFF)


class PlanConflict(ValidationError):
    """The plan changed since the user loaded it. ``current`` is the plan as saved now."""

    def __init__(self, current: SupportPlan):
        super().__init__(
            _(
                "Iemand anders heeft het plan intussen gewijzigd. Uw wijziging is niet opgeslagen: "
                "bekijk de nieuwe versie en sla uw tekst opnieuw op als die nog klopt."
            ),
            code="conflict",
        )
        self.current = current


def household_colleagues(household, *, roles=COLLEAGUE_ROLES):
    """Active users of these roles in a team serving the household's neighbourhood."""
    return (
        User.objects.filter(
            is_active=True, role__in=roles, memberships__team__neighbourhoods=household.neighbourhood_id
        )
        .distinct()
        .order_by("first_name", "last_name", "id")
    )


def coordinator_candidates(household):
    return household_colleagues(household, roles=COORDINATOR_ROLES)


def _check_coordinator(household, coordinator, errors: dict) -> None:
    if coordinator is None:
        errors["coordinator"] = _("Kies een regievoerder.")
    elif not coordinator_candidates(household).filter(pk=coordinator.pk).exists():
        errors["coordinator"] = _("De regievoerder moet wijkwerker of teamleider zijn in het team van dit huishouden.")


def _clean_summary(summary, errors: dict) -> str:
    summary = (summary or "").strip()
    if len(summary) > 4000:
        errors["summary"] = _("De samenvatting is te lang (hoogstens 4000 tekens).")
    return summary


def _current(plan_id) -> SupportPlan:
    return SupportPlan.objects.select_related("coordinator", "updated_by").get(pk=plan_id)


def _bump(plan: SupportPlan, version, by, **fields) -> None:
    """Write ``fields`` and raise the version, only if the plan is still at ``version``."""
    now = timezone.now()
    try:
        version = int(version)
    except (TypeError, ValueError):
        raise PlanConflict(_current(plan.pk)) from None
    updated = SupportPlan.objects.filter(pk=plan.pk, version=version).update(
        version=F("version") + 1, updated_at=now, updated_by=by, **fields
    )
    if not updated:
        raise PlanConflict(_current(plan.pk))
    plan.version = version + 1
    plan.updated_at = now
    plan.updated_by = by
    for name, value in fields.items():
        setattr(plan, name, value)


@transaction.atomic
def support_plan_create(*, household, coordinator, by, summary: str = "") -> SupportPlan:
    """The household's plan, with its coordinating worker. A household has one plan: a second is refused."""
    errors: dict = {}
    summary = _clean_summary(summary, errors)
    _check_coordinator(household, coordinator, errors)
    if SupportPlan.objects.filter(household=household).exists():
        errors["__all__"] = _("Dit huishouden heeft al een plan: één huishouden, één plan.")
    if errors:
        raise ValidationError(errors)
    try:
        with transaction.atomic():
            return SupportPlan.objects.create(
                household=household,
                coordinator=coordinator,
                summary=summary,
                updated_by=by,
                team=team_of(user=coordinator, household=household),
            )
    except IntegrityError:  # another worker created it a moment ago
        raise ValidationError({"__all__": _("Dit huishouden heeft al een plan: één huishouden, één plan.")}) from None


@transaction.atomic
def support_plan_start(
    *,
    household,
    coordinator,
    by,
    summary: str = "",
    goal_text: str = "",
    action_text: str = "",
    action_due: datetime.date | None = None,
    action_owner_user=None,
    action_owner_name: str = "",
) -> SupportPlan:
    """Start the household's plan with, optionally, its first goal and its first agreed action (under that
    goal): one save. On any error nothing is saved; errors are keyed ``goal_text``, ``action_text``,
    ``action_due``, ``action_owner_name``, ``action_owner_user`` (and the plan's own keys)."""
    plan = support_plan_create(household=household, coordinator=coordinator, by=by, summary=summary)
    goal = None
    errors: dict = {}
    try:
        if (goal_text or "").strip():
            goal = goal_add(plan=plan, version=plan.version, by=by, text=goal_text)
        if (action_text or "").strip():
            action_add(
                plan=plan,
                version=plan.version,
                by=by,
                text=action_text,
                due_date=action_due,
                owner_user=action_owner_user,
                owner_name=action_owner_name,
                goal=goal,
            )
    except ValidationError as error:
        prefix = "action_" if goal is not None or not (goal_text or "").strip() else "goal_"
        for key, messages in error.message_dict.items():
            name = {"due_date": "due", "owner_user": "owner_user", "owner_name": "owner_name"}.get(key, key)
            errors[f"{prefix}{name}" if key != "__all__" else key] = messages
        raise ValidationError(errors) from None
    return plan


@transaction.atomic
def support_plan_update(*, plan: SupportPlan, version, by, summary: str, coordinator) -> SupportPlan:
    """Change the summary and the coordinator, if nobody saved the plan since ``version``."""
    errors: dict = {}
    summary = _clean_summary(summary, errors)
    _check_coordinator(plan.household, coordinator, errors)
    if errors:
        raise ValidationError(errors)
    _bump(plan, version, by, summary=summary, coordinator=coordinator)
    return plan


# --- goals --------------------------------------------------------------------------------------


def _clean_goal(text, domain, errors: dict) -> tuple[str, str]:
    text = (text or "").strip()
    domain = domain or ""
    if not text:
        errors["text"] = _("Beschrijf het doel.")
    elif len(text) > 500:
        errors["text"] = _("Het doel is te lang (hoogstens 500 tekens).")
    if domain and domain not in LifeDomain.values:
        errors["domain"] = _("Kies een bestaand leefgebied.")
    return text, domain


@transaction.atomic
def goal_add(*, plan: SupportPlan, version, by, text: str, domain: str = "") -> PlanGoal:
    errors: dict = {}
    text, domain = _clean_goal(text, domain, errors)
    if errors:
        raise ValidationError(errors)
    _bump(plan, version, by)
    return PlanGoal.objects.create(plan=plan, text=text, domain=domain)


@transaction.atomic
def goal_update(*, goal: PlanGoal, version, by, text: str, domain: str = "") -> PlanGoal:
    errors: dict = {}
    text, domain = _clean_goal(text, domain, errors)
    if errors:
        raise ValidationError(errors)
    _bump(goal.plan, version, by)
    goal.text, goal.domain = text, domain
    goal.save(update_fields=["text", "domain"])
    return goal


@transaction.atomic
def goal_achieve(
    *, goal: PlanGoal, version, by, achieved: bool = True, achieved_on: datetime.date | None = None
) -> PlanGoal:
    """Mark a goal as reached (today unless ``achieved_on``), or undo that with ``achieved=False``."""
    achieved_on = (achieved_on or timezone.localdate()) if achieved else None
    if achieved_on and achieved_on > timezone.localdate():
        raise ValidationError({"achieved_at": _("Een doel kan niet in de toekomst bereikt zijn.")})
    _bump(goal.plan, version, by)
    goal.achieved_at = achieved_on
    goal.save(update_fields=["achieved_at"])
    return goal


@transaction.atomic
def goal_remove(*, goal: PlanGoal, version, by) -> None:
    """Remove a goal from the plan, if nobody saved the plan since ``version``.

    The agreed actions under it stay in the plan, without a goal (nothing the household agreed is lost).
    """
    _bump(goal.plan, version, by)
    PlanAction.objects.filter(goal_id=goal.pk).update(goal=None)
    PlanGoal.objects.filter(pk=goal.pk, plan_id=goal.plan_id).delete()


# --- agreed actions -----------------------------------------------------------------------------


def _clean_action(plan, *, text, due_date, owner_user, owner_name, goal, errors: dict) -> tuple[str, str]:
    text = (text or "").strip()
    owner_name = (owner_name or "").strip()
    if not text:
        errors["text"] = _("Beschrijf de afspraak.")
    elif len(text) > 500:
        errors["text"] = _("De afspraak is te lang (hoogstens 500 tekens).")
    if due_date is None:
        errors["due_date"] = _("Vul in wanneer de afspraak uiterlijk gedaan moet zijn.")
    if owner_user is None and not owner_name:
        errors["owner_name"] = _(
            "Vul in wie de afspraak uitvoert: een collega of iemand anders (bijvoorbeeld de inwoner)."
        )
    elif owner_user is not None and owner_name:
        errors["owner_name"] = _("Kies een collega óf vul een naam in, niet allebei.")
    elif len(owner_name) > 120:
        errors["owner_name"] = _("De naam is te lang (hoogstens 120 tekens).")
    if owner_user is not None and not household_colleagues(plan.household).filter(pk=owner_user.pk).exists():
        errors["owner_user"] = _("Deze collega werkt niet in het team van dit huishouden.")
    if goal is not None and goal.plan_id != plan.pk:
        errors["goal"] = _("Dit doel hoort niet bij dit plan.")
    return text, owner_name


@transaction.atomic
def action_add(
    *,
    plan: SupportPlan,
    version,
    by,
    text: str,
    due_date: datetime.date | None,
    owner_user=None,
    owner_name: str = "",
    goal: PlanGoal | None = None,
) -> PlanAction:
    """An agreed action: what, who (a colleague, or a person such as "inwoner" or "dochter"), by when."""
    errors: dict = {}
    text, owner_name = _clean_action(
        plan, text=text, due_date=due_date, owner_user=owner_user, owner_name=owner_name, goal=goal, errors=errors
    )
    if errors:
        raise ValidationError(errors)
    _bump(plan, version, by)
    return PlanAction.objects.create(
        plan=plan, goal=goal, text=text, owner_user=owner_user, owner_name=owner_name, due_date=due_date
    )


@transaction.atomic
def action_update(
    *,
    action: PlanAction,
    version,
    by,
    text: str,
    due_date: datetime.date | None,
    owner_user=None,
    owner_name: str = "",
    goal: PlanGoal | None = None,
) -> PlanAction:
    errors: dict = {}
    text, owner_name = _clean_action(
        action.plan,
        text=text,
        due_date=due_date,
        owner_user=owner_user,
        owner_name=owner_name,
        goal=goal,
        errors=errors,
    )
    if errors:
        raise ValidationError(errors)
    _bump(action.plan, version, by)
    action.text, action.due_date, action.owner_user, action.owner_name, action.goal = (
        text,
        due_date,
        owner_user,
        owner_name,
        goal,
    )
    action.save(update_fields=["text", "due_date", "owner_user", "owner_name", "goal"])
    return action


@transaction.atomic
def action_done(
    *, action: PlanAction, version, by, done: bool = True, done_on: datetime.date | None = None
) -> PlanAction:
    """Mark an agreed action as done (today unless ``done_on``), or reopen it with ``done=False``."""
    done_on = (done_on or timezone.localdate()) if done else None
    if done_on and done_on > timezone.localdate():
        raise ValidationError({"done_at": _("Een afspraak kan niet in de toekomst gedaan zijn.")})
    _bump(action.plan, version, by)
    action.done_at = done_on
    action.save(update_fields=["done_at"])
    return action


@transaction.atomic
def action_remove(*, action: PlanAction, version, by) -> None:
    """Remove an agreed action from the plan, if nobody saved the plan since ``version``."""
    _bump(action.plan, version, by)
    PlanAction.objects.filter(pk=action.pk, plan_id=action.plan_id).delete()
