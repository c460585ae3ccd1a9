"""API for the agreed actions of a household plan, one by one: add, read, change, mark done, remove.

The rules, the version check and what each answers: api_plan_items.py. Seeing an action needs
``cases.view_case`` (the plan's team, or a grant for the plan); changing one ``cases.work_request``.
"""

from django.core.exceptions import ValidationError
from django.urls import reverse
from drf_spectacular.utils import extend_schema
from rest_framework.response import Response
from rest_framework.views import APIView

from wijkkracht.cases.api_plans import ActionSerializer
from wijkkracht.cases.selectors.plans import VIEW, WORK
from wijkkracht.cases.services import plans as services

from .api_plan_items import (
    CHANGED,
    CREATED,
    VERSION,
    ActionChangeSerializer,
    ActionCreateSerializer,
    ActionDoneSerializer,
    goal_of,
    owner_of,
    plan_change,
    plan_item,
    plan_item_or_404,
    plan_read,
    validated,
)


def _save_fields(plan, data: dict, action=None) -> dict:
    """The service's keyword arguments: what the body names, the rest as ``action`` has it now.

    Naming ``owner_user`` or ``owner_name`` sets who does it (the other is cleared). Both ids are looked
    up here, their messages together; the service checks the rest (a colleague of the household's team).
    """
    if action is None:
        fields = {"text": data["text"], "due_date": data["due_date"]}
    else:
        fields = {"text": data.get("text", action.text), "due_date": data.get("due_date", action.due_date)}
    errors, owner_user, owner_name, goal = {}, None, "", None
    if action is None or "owner_user" in data or "owner_name" in data:
        owner_name = data.get("owner_name", "")
        try:
            owner_user = owner_of(data.get("owner_user"))
        except ValidationError as error:
            errors.update(error.error_dict)
    else:
        owner_user, owner_name = action.owner_user, action.owner_name
    if action is None or "goal" in data:
        try:
            goal = goal_of(plan, data.get("goal"))
        except ValidationError as error:
            errors.update(error.error_dict)
    else:
        goal = action.goal
    if errors:
        raise ValidationError(errors)
    return {**fields, "owner_user": owner_user, "owner_name": owner_name, "goal": goal, "version": data["version"]}


class PlanActionListAPIView(APIView):
    """Add an agreed action (what, who, by when, under which goal) to a household's plan, based on its ``version``.

    Answers 201 with the plan as saved now; ``Location`` is the new action."""

    permission = WORK
    serializer_class = ActionCreateSerializer

    @extend_schema(operation_id="plans_actions_create", request=ActionCreateSerializer, responses=CREATED)
    def post(self, request, household_public_id):
        view = "api:plan-actions"
        plan = plan_read(request, household_public_id, view)
        data = validated(ActionCreateSerializer, request)
        return plan_change(
            request,
            household_public_id,
            view,
            plan=plan,
            version=data["version"],
            write=lambda: services.action_add(plan=plan, by=request.user, **_save_fields(plan, data)),
            location=lambda action: reverse("api:plan-action-detail", args=[household_public_id, action.pk]),
        )


class PlanActionDetailAPIView(APIView):
    """One agreed action of a household's plan: read it, change it (PATCH, based on the plan's ``version``),
    or remove it (DELETE with ``?version=``)."""

    permission = VIEW
    write_permission = WORK
    serializer_class = ActionSerializer

    @extend_schema(operation_id="plans_actions_retrieve", responses=ActionSerializer)
    def get(self, request, household_public_id, action_id):
        plan = plan_read(request, household_public_id, "api:plan-action-detail", permission=VIEW)
        return Response(ActionSerializer(plan_item_or_404(plan.actions.all(), action_id, plan)).data)

    @extend_schema(operation_id="plans_actions_partial_update", request=ActionChangeSerializer, responses=CHANGED)
    def patch(self, request, household_public_id, action_id):
        view = "api:plan-action-detail"
        plan = plan_read(request, household_public_id, view)
        data = validated(ActionChangeSerializer, request)
        action = plan_item(plan.actions.all(), action_id, plan)
        return plan_change(
            request,
            household_public_id,
            view,
            plan=plan,
            version=data["version"],
            item_found=action is not None,
            write=lambda: services.action_update(
                action=action, by=request.user, **_save_fields(plan, data, action=action)
            ),
        )

    @extend_schema(operation_id="plans_actions_destroy", parameters=[VERSION.openapi()], responses=CHANGED)
    def delete(self, request, household_public_id, action_id):
        view = "api:plan-action-detail"
        version = VERSION.read(request)  # absent or malformed: 400 before anything is read
        plan = plan_read(request, household_public_id, view)
        action = plan_item(plan.actions.all(), action_id, plan)
        return plan_change(
            request,
            household_public_id,
            view,
            plan=plan,
            version=version,
            item_found=action is not None,
            write=lambda: services.action_remove(action=action, version=version, by=request.user),
        )


class PlanActionDoneAPIView(APIView):
    """Mark an agreed action done (today, or on ``done_at``), or reopen it with ``done: false``."""

    permission = WORK
    serializer_class = ActionDoneSerializer

    @extend_schema(operation_id="plans_actions_done", request=ActionDoneSerializer, responses=CHANGED)
    def post(self, request, household_public_id, action_id):
        view = "api:plan-action-done"
        plan = plan_read(request, household_public_id, view)
        data = validated(ActionDoneSerializer, request)
        action = plan_item(plan.actions.all(), action_id, plan)
        return plan_change(
            request,
            household_public_id,
            view,
            plan=plan,
            version=data["version"],
            item_found=action is not None,
            write=lambda: services.action_done(
                action=action,
                version=data["version"],
                by=request.user,
                done=data["done"],
                done_on=data.get("done_at"),
            ),
        )
