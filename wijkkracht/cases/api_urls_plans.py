"""API of the household plan, its goals and actions one by one, and the ZRM, under /api/v1 (namespace api)."""

from django.urls import path

from . import api_plan_actions as actions
from . import api_plan_goals as goals
from .api_plans import AssessmentListAPIView, PlanDetailAPIView

PLAN = "plannen/<uuid:household_public_id>"

urlpatterns = [
    path(PLAN, PlanDetailAPIView.as_view(), name="plan-detail"),
    path(f"{PLAN}/doelen", goals.PlanGoalListAPIView.as_view(), name="plan-goals"),
    path(f"{PLAN}/doelen/<int:goal_id>", goals.PlanGoalDetailAPIView.as_view(), name="plan-goal-detail"),
    path(f"{PLAN}/doelen/<int:goal_id>/bereikt", goals.PlanGoalAchieveAPIView.as_view(), name="plan-goal-achieve"),
    path(f"{PLAN}/afspraken", actions.PlanActionListAPIView.as_view(), name="plan-actions"),
    path(f"{PLAN}/afspraken/<int:action_id>", actions.PlanActionDetailAPIView.as_view(), name="plan-action-detail"),
    path(f"{PLAN}/afspraken/<int:action_id>/gedaan", actions.PlanActionDoneAPIView.as_view(), name="plan-action-done"),
    path("inwoners/<uuid:public_id>/zrm", AssessmentListAPIView.as_view(), name="assessment-list"),
]
