"""Sample objects for the URL x role matrix: the plans URLs' arguments.

``world`` has ``city`` (the conftest city), ``users`` (one per role, in the north team) and ``resident``
(resident_north, shared with the specialist organisation for every category). Return a dict of
sample name -> URL argument value, matching the ``sample`` names in access/url_policy_plans.py.
"""

from ..factories import PlanActionFactory, PlanGoalFactory, ResidentFactory, SupportPlanFactory


def samples(world) -> dict:
    household = world.resident.household
    plan = SupportPlanFactory(household=household, coordinator=world.users["worker"])
    goal = PlanGoalFactory(plan=plan)
    action = PlanActionFactory(plan=plan, goal=goal)
    # A second household in the north team's neighbourhood, without a plan yet: the "make a plan" page.
    other = ResidentFactory(household__neighbourhood=world.city["north"])
    return {
        "household": household.public_id,
        "household_without_plan": other.household.public_id,
        "plan_goal": goal.pk,
        "plan_action": action.pk,
    }
