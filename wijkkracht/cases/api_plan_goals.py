"""API for the goals of a household plan, one by one: add, read, change, mark reached, remove.

The rules, the version check and what each answers: api_plan_items.py. Seeing a goal needs
``cases.view_case`` (the plan's team, or a grant for the plan); changing one ``cases.work_request``.
"""

from django.urls import reverse
from drf_spectacular.utils import extend_schema
from rest_framework.response import Response
from rest_framework.views import APIView

from wijkkracht.cases.api_plans import GoalSerializer
from wijkkracht.cases.selectors.plans import VIEW, WORK
from wijkkracht.cases.services import plans as services

from .api_plan_items import (
    CHANGED,
    CREATED,
    VERSION,
    GoalAchieveSerializer,
    GoalChangeSerializer,
    GoalCreateSerializer,
    plan_change,
    plan_item,
    plan_item_or_404,
    plan_read,
    validated,
)


class PlanGoalListAPIView(APIView):
    """Add a goal to the plan of a household (by the household's id), based on the plan's ``version``.

    Answers 201 with the plan as saved now; ``Location`` is the new goal."""

    permission = WORK
    serializer_class = GoalCreateSerializer

    @extend_schema(operation_id="plans_goals_create", request=GoalCreateSerializer, responses=CREATED)
    def post(self, request, household_public_id):
        view = "api:plan-goals"
        plan = plan_read(request, household_public_id, view)
        data = validated(GoalCreateSerializer, request)
        return plan_change(
            request,
            household_public_id,
            view,
            plan=plan,
            version=data["version"],
            write=lambda: services.goal_add(
                plan=plan, version=data["version"], by=request.user, text=data["text"], domain=data["domain"]
            ),
            location=lambda goal: reverse("api:plan-goal-detail", args=[household_public_id, goal.pk]),
        )


class PlanGoalDetailAPIView(APIView):
    """One goal of a household's plan: read it, change its text or life domain (PATCH, based on the plan's
    ``version``), or remove it (DELETE with ``?version=``; the agreed actions under it stay, without a goal)."""

    permission = VIEW
    write_permission = WORK
    serializer_class = GoalSerializer

    @extend_schema(operation_id="plans_goals_retrieve", responses=GoalSerializer)
    def get(self, request, household_public_id, goal_id):
        plan = plan_read(request, household_public_id, "api:plan-goal-detail", permission=VIEW)
        return Response(GoalSerializer(plan_item_or_404(plan.goals.all(), goal_id, plan)).data)

    @extend_schema(operation_id="plans_goals_partial_update", request=GoalChangeSerializer, responses=CHANGED)
    def patch(self, request, household_public_id, goal_id):
        view = "api:plan-goal-detail"
        plan = plan_read(request, household_public_id, view)
        data = validated(GoalChangeSerializer, request)
        goal = plan_item(plan.goals.all(), goal_id, plan)
        return plan_change(
            request,
            household_public_id,
            view,
            plan=plan,
            version=data["version"],
            item_found=goal is not None,
            write=lambda: services.goal_update(
                goal=goal,
                version=data["version"],
                by=request.user,
                text=data.get("text", goal.text),
                domain=data.get("domain", goal.domain),
            ),
        )

    @extend_schema(operation_id="plans_goals_destroy", parameters=[VERSION.openapi()], responses=CHANGED)
    def delete(self, request, household_public_id, goal_id):
        view = "api:plan-goal-detail"
        version = VERSION.read(request)  # absent or malformed: 400 before anything is read
        plan = plan_read(request, household_public_id, view)
        goal = plan_item(plan.goals.all(), goal_id, plan)
        return plan_change(
            request,
            household_public_id,
            view,
            plan=plan,
            version=version,
            item_found=goal is not None,
            write=lambda: services.goal_remove(goal=goal, version=version, by=request.user),
        )


class PlanGoalAchieveAPIView(APIView):
    """Mark a goal reached (today, or on ``achieved_at``), or undo that with ``achieved: false``."""

    permission = WORK
    serializer_class = GoalAchieveSerializer

    @extend_schema(operation_id="plans_goals_achieve", request=GoalAchieveSerializer, responses=CHANGED)
    def post(self, request, household_public_id, goal_id):
        view = "api:plan-goal-achieve"
        plan = plan_read(request, household_public_id, view)
        data = validated(GoalAchieveSerializer, request)
        goal = plan_item(plan.goals.all(), goal_id, plan)
        return plan_change(
            request,
            household_public_id,
            view,
            plan=plan,
            version=data["version"],
            item_found=goal is not None,
            write=lambda: services.goal_achieve(
                goal=goal,
                version=data["version"],
                by=request.user,
                achieved=data["achieved"],
                achieved_on=data.get("achieved_at"),
            ),
        )
