"""URL rules for the ZRM and the household plan (merged into url_policy.URL_POLICY).

Seeing them (``cases.view_case``): team roles for their teams' households, grant roles with a grant for the
plan category (the matrix resident is shared for every category). Changing them (``cases.work_request``):
workers and team leads. The small plan changes are POST only (405 on GET for the roles allowed); editing
or removing one goal or action has a page (the form, the confirmation), so GET answers 200.
"""

from .url_rules import CASE, GRANT, TEAM, UrlRule, staff

SEE = (*TEAM, *GRANT)

PLAN_URLS: dict[str, UrlRule] = {
    "cases:assessment-create": staff(*CASE, public_id="people.Resident"),
    "cases:assessment-history": staff(*SEE, public_id="people.Resident"),
    "cases:plan-detail": staff(*SEE, household_public_id="people.Household"),
    "cases:plan-create": staff(*CASE, household_public_id="household_without_plan"),
    "cases:plan-edit": staff(*CASE, household_public_id="people.Household"),
    "cases:plan-goal-add": staff(*CASE, household_public_id="people.Household"),
    "cases:plan-action-add": staff(*CASE, household_public_id="people.Household"),
    "cases:plan-goal-achieve": staff(*CASE, household_public_id="people.Household", pk="cases.PlanGoal"),
    "cases:plan-action-done": staff(*CASE, household_public_id="people.Household", pk="cases.PlanAction"),
    "cases:goal-edit": staff(*CASE, household_public_id="people.Household", pk="cases.PlanGoal"),
    "cases:goal-remove": staff(*CASE, household_public_id="people.Household", pk="cases.PlanGoal"),
    "cases:action-edit": staff(*CASE, household_public_id="people.Household", pk="cases.PlanAction"),
    "cases:action-remove": staff(*CASE, household_public_id="people.Household", pk="cases.PlanAction"),
    "api:plan-detail": staff(*SEE, household_public_id="people.Household"),
    # One goal or action in the API: reading it like the plan, adding, changing, marking and removing like
    # the pages (the POST-only ones answer 405 on GET for the roles allowed).
    "api:plan-goals": staff(*CASE, household_public_id="people.Household"),
    "api:plan-goal-detail": staff(*SEE, household_public_id="people.Household", goal_id="cases.PlanGoal"),
    "api:plan-goal-achieve": staff(*CASE, household_public_id="people.Household", goal_id="cases.PlanGoal"),
    "api:plan-actions": staff(*CASE, household_public_id="people.Household"),
    "api:plan-action-detail": staff(*SEE, household_public_id="people.Household", action_id="cases.PlanAction"),
    "api:plan-action-done": staff(*CASE, household_public_id="people.Household", action_id="cases.PlanAction"),
    "api:assessment-list": staff(*SEE, public_id="people.Resident"),
}
