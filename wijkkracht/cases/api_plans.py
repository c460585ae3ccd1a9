"""API for the household plan and the ZRM: the same selectors and services, so the same policy and audit log.

A plan change names the ``version`` it is based on; a stale version answers 409 with a Dutch message and
the plan as it is saved now (the caller keeps its own input and decides). Errors are problem+json from the one
exception handler (wijkkracht/core/api_errors.py); a service's ValidationError is raised through.
"""

from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from wijkkracht.accounts.models import User
from wijkkracht.cases.conflicts import plan_conflict
from wijkkracht.cases.selectors.plans import (
    WORK,
    assessment_help_request_get,
    assessment_history,
    assessment_list,
    support_plan_get,
)
from wijkkracht.cases.services.assessments import DOMAIN_CHOICES, SOURCE_CHOICES, assessment_create
from wijkkracht.cases.services.plans import PlanConflict, support_plan_update
from wijkkracht.core.api_errors import Conflict


def _person(user) -> dict | None:
    return None if user is None else {"id": user.pk, "name": user.get_full_name() or user.username}


class PersonSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()


class GoalSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="pk")
    text = serializers.CharField()
    domain = serializers.CharField()
    achieved_at = serializers.DateField(allow_null=True)


class ActionSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="pk")
    text = serializers.CharField()
    goal = serializers.IntegerField(source="goal_id", allow_null=True)
    owner = serializers.SerializerMethodField()
    due_date = serializers.DateField()
    done_at = serializers.DateField(allow_null=True)

    def get_owner(self, action) -> dict:
        if action.owner_user_id:
            return {"user": _person(action.owner_user), "name": ""}
        return {"user": None, "name": action.owner_name}


class PlanSerializer(serializers.Serializer):
    household = serializers.UUIDField(source="household.public_id")
    address = serializers.CharField(source="household.address")
    version = serializers.IntegerField()
    summary = serializers.CharField()
    coordinator = serializers.SerializerMethodField()
    updated_at = serializers.DateTimeField()
    updated_by = serializers.SerializerMethodField()
    goals = GoalSerializer(many=True, source="goals.all")
    actions = ActionSerializer(many=True, source="actions.all")

    def get_coordinator(self, plan) -> PersonSerializer:
        return _person(plan.coordinator)

    def get_updated_by(self, plan) -> PersonSerializer:
        return _person(plan.updated_by)


# A 409 problem (status, title, detail) with the plan as it is saved now; one component for every plan change.
PLAN_CONFLICT = inline_serializer("PlanConflict", fields={"current": PlanSerializer()})


class PlanPatchSerializer(serializers.Serializer):
    version = serializers.IntegerField(min_value=1, help_text="The plan version this change is based on.")
    summary = serializers.CharField(required=False, allow_blank=True, max_length=4000)
    coordinator = serializers.IntegerField(required=False, help_text="User id of the coordinating worker.")


class PlanDetailAPIView(APIView):
    """The plan of a household (by the household's id). PATCH with the version it is based on."""

    permission = "cases.view_case"
    write_permission = WORK
    serializer_class = PlanSerializer

    @extend_schema(operation_id="plans_retrieve", responses=PlanSerializer)
    def get(self, request, household_public_id):
        plan = support_plan_get(user=request.user, household_public_id=household_public_id, view="api:plan-detail")
        return Response(PlanSerializer(plan).data)

    @extend_schema(
        operation_id="plans_partial_update",
        request=PlanPatchSerializer,
        responses={200: PlanSerializer, 409: PLAN_CONFLICT},
    )
    def patch(self, request, household_public_id):
        plan = support_plan_get(
            user=request.user, household_public_id=household_public_id, view="api:plan-detail", permission=WORK
        )
        body = PlanPatchSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        data = body.validated_data
        coordinator = plan.coordinator
        if "coordinator" in data:
            coordinator = User.objects.filter(pk=data["coordinator"]).first()
        conflict = plan_conflict(plan=plan, version=data["version"])
        if conflict is None:
            try:
                support_plan_update(
                    plan=plan,
                    version=data["version"],
                    by=request.user,
                    summary=data.get("summary", plan.summary),
                    coordinator=coordinator,
                )
            except PlanConflict as error:  # a ValidationError too: caught first, answered 409
                conflict = error
        # The plan as saved now, read again by the policy (logged): the answer, or beside the conflict.
        current = support_plan_get(user=request.user, household_public_id=household_public_id, view="api:plan-detail")
        if conflict is not None:
            raise Conflict(conflict.message, current=PlanSerializer(current).data) from None
        return Response(PlanSerializer(current).data)


class ScoreSerializer(serializers.Serializer):
    domain = serializers.ChoiceField(choices=DOMAIN_CHOICES)
    level = serializers.IntegerField(min_value=1, max_value=5)
    strength_source = serializers.ChoiceField(choices=SOURCE_CHOICES)


class AssessmentSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="pk")
    assessed_at = serializers.DateTimeField()
    assessed_by = serializers.SerializerMethodField()
    help_request = serializers.SerializerMethodField()
    note = serializers.CharField()
    scores = ScoreSerializer(many=True, source="scores.all")

    def get_assessed_by(self, assessment) -> PersonSerializer:
        return _person(assessment.assessed_by)

    def get_help_request(self, assessment) -> str | None:
        return str(assessment.help_request.public_id) if assessment.help_request_id else None


class AssessmentCreateSerializer(serializers.Serializer):
    scores = ScoreSerializer(many=True, help_text="All 13 life domains, each once.")
    note = serializers.CharField(required=False, allow_blank=True, max_length=2000)
    help_request = serializers.UUIDField(required=False, allow_null=True)


class AssessmentListAPIView(APIView):
    """A resident's ZRM assessments, newest first (the latest 50); POST records a new one."""

    permission = "cases.view_case"
    write_permission = WORK
    serializer_class = AssessmentSerializer

    @extend_schema(
        operation_id="assessments_list",
        responses=inline_serializer(
            "AssessmentList",
            fields={"count": serializers.IntegerField(), "results": AssessmentSerializer(many=True)},
        ),
    )
    def get(self, request, public_id):
        _resident, assessments, total = assessment_list(
            user=request.user, resident_public_id=public_id, view="api:assessment-list"
        )
        return Response({"count": total, "results": AssessmentSerializer(assessments, many=True).data})

    @extend_schema(
        operation_id="assessments_create", request=AssessmentCreateSerializer, responses={201: AssessmentSerializer}
    )
    def post(self, request, public_id):
        history = assessment_history(
            user=request.user, resident_public_id=public_id, view="api:assessment-list", limit=1, permission=WORK
        )
        resident = history.resident
        body = AssessmentCreateSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        data = body.validated_data
        help_request = None
        if data.get("help_request"):
            help_request = assessment_help_request_get(
                user=request.user, resident=resident, public_id=data["help_request"], view="api:assessment-list"
            )
        scores = {}
        for score in data["scores"]:
            if score["domain"] in scores:
                raise serializers.ValidationError({"scores": [_("Elk leefgebied mag maar één keer voorkomen.")]})
            scores[score["domain"]] = (score["level"], score["strength_source"])
        assessment = assessment_create(
            household=resident.household,
            resident=resident,
            by=request.user,
            scores=scores,
            note=data.get("note", ""),
            help_request=help_request,
        )
        return Response(AssessmentSerializer(assessment).data, status=status.HTTP_201_CREATED)
