"""API of help requests: list, detail, intake, status, informal first, contacts, closing.

The same selectors (policy + audit log) and services (rules, Dutch messages) as the pages. Reads need
``cases.view_case``; intake ``cases.add_request``; the case work itself ``cases.work_request``.
A refused or absent request answers 404; bad input 400 with the services' Dutch messages per field. Errors are
problem+json from the one exception handler (wijkkracht/core/api_errors.py): a service's ValidationError is raised
through, not caught here.
"""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from wijkkracht.cases.selectors import requests as selectors
from wijkkracht.cases.services import requests as services
from wijkkracht.core.api_pagination import PaginatedAPIView
from wijkkracht.core.api_params import Choice, Text
from wijkkracht.people import selectors as people_selectors

Status = selectors.REQUEST_STATUSES
STATUS = Choice("status", Status.values, description="Alleen hulpvragen met deze status.")
REFERENCE = Text("q", max_length=36, description="Kenmerk: de eerste tekens van de id, zoals op de pagina.")


def _user_name(user) -> str:
    return (user.get_full_name() or user.username) if user else ""


@extend_schema_field(OpenApiTypes.STR)
class UserNameField(serializers.Field):
    """A user by name (never their id or username)."""

    def to_representation(self, value):
        return _user_name(value)


class InformalCheckSerializer(serializers.Serializer):
    option = serializers.CharField()
    fits = serializers.BooleanField()
    reason = serializers.CharField()
    checked_by = UserNameField()
    checked_at = serializers.DateTimeField()


class HelpRequestListSerializer(serializers.Serializer):
    id = serializers.UUIDField(source="public_id")
    reference = serializers.CharField()
    resident = serializers.UUIDField(source="resident.public_id")
    resident_name = serializers.CharField(source="resident.full_name")
    team = serializers.CharField(source="team.name")
    channel = serializers.CharField()
    received_at = serializers.DateTimeField()
    status = serializers.CharField()
    assigned_to = UserNameField()


class HelpRequestSerializer(HelpRequestListSerializer):
    question = serializers.CharField()
    taken_by = UserNameField()
    status_changed_at = serializers.DateTimeField()
    informal_checks = InformalCheckSerializer(many=True, source="informal_checks.all")
    informal_step_complete = serializers.SerializerMethodField()
    solution_paths = serializers.SerializerMethodField()
    outcome = serializers.CharField()
    outcome_note = serializers.CharField()
    rating = serializers.IntegerField(allow_null=True)
    solved_informally = serializers.BooleanField(allow_null=True)
    closed_at = serializers.DateTimeField(allow_null=True)
    closed_by = UserNameField()

    def get_informal_step_complete(self, obj) -> bool:
        return not services.informal_step_gaps(obj.informal_checks.all())

    def get_solution_paths(self, obj) -> list[str]:
        return [s.path for s in obj.solutions.all()]


class IntakeSerializer(serializers.Serializer):
    resident = serializers.UUIDField()
    channel = serializers.ChoiceField(choices=selectors.Channel.choices)
    question = serializers.CharField(max_length=4000)
    received_at = serializers.DateTimeField(required=False, allow_null=True)


class StatusSerializer(serializers.Serializer):
    to = serializers.ChoiceField(choices=[Status.CLARIFICATION, Status.SUPPORT])


class InformalCheckInputSerializer(serializers.Serializer):
    option = serializers.ChoiceField(choices=[(o, o.label) for o in selectors.INFORMAL_OPTIONS])
    fits = serializers.BooleanField()
    reason = serializers.CharField(max_length=1000, required=False, allow_blank=True, default="")


class ContactSerializer(serializers.Serializer):
    id = serializers.UUIDField(source="public_id", read_only=True)
    kind = serializers.ChoiceField(choices=selectors.CONTACT_KINDS.choices)
    at = serializers.DateTimeField(required=False, allow_null=True)
    note = serializers.CharField(max_length=1000, required=False, allow_blank=True, default="")
    by = UserNameField(read_only=True)


class CloseSerializer(serializers.Serializer):
    paths = serializers.ListField(child=serializers.CharField(), allow_empty=True)
    outcome = serializers.CharField(allow_blank=True, default="")
    outcome_note = serializers.CharField(max_length=2000, required=False, allow_blank=True, default="")
    rating = serializers.IntegerField(required=False, allow_null=True, default=None)


def _get(request, public_id, view: str, permission: str = "cases.view_case"):
    return selectors.help_request_get(user=request.user, public_id=public_id, view=view, permission=permission)


class HelpRequestListAPIView(PaginatedAPIView):
    """Requests the caller may see (GET, paginated, each logged) and intake of a new one (POST)."""

    permission = "cases.view_case"
    write_permission = "cases.add_request"
    serializer_class = HelpRequestListSerializer

    @extend_schema(
        operation_id="help_requests_list",
        parameters=[STATUS.openapi(), REFERENCE.openapi()],
        responses=HelpRequestListSerializer(many=True),
    )
    def get(self, request):
        page = selectors.help_request_page(
            user=request.user,
            view="api:request-list",
            status=STATUS.read(request),
            query=REFERENCE.read(request),
            page=self.page_number(),
        )
        return self.page_response(page, HelpRequestListSerializer)

    @extend_schema(
        operation_id="help_requests_create", request=IntakeSerializer, responses={201: HelpRequestSerializer}
    )
    def post(self, request):
        data = IntakeSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        resident = people_selectors.resident_get(
            user=request.user, public_id=data.validated_data["resident"], view="api:request-list"
        )
        help_request = services.help_request_create(
            resident=resident,
            channel=data.validated_data["channel"],
            question=data.validated_data["question"],
            received_at=data.validated_data.get("received_at"),
            taken_by=request.user,
        )
        help_request = _get(request, help_request.public_id, "api:request-list")
        return Response(HelpRequestSerializer(help_request).data, status=status.HTTP_201_CREATED)


class HelpRequestDetailAPIView(APIView):
    """One request with its informal-first step and closing; refused and absent both answer 404."""

    permission = "cases.view_case"
    serializer_class = HelpRequestSerializer

    @extend_schema(operation_id="help_requests_retrieve")
    def get(self, request, public_id):
        return Response(HelpRequestSerializer(_get(request, public_id, "api:request-detail")).data)


def _validated(serializer_class, request) -> dict:
    body = serializer_class(data=request.data)
    body.is_valid(raise_exception=True)
    return body.validated_data


def _as_saved(request, help_request, view: str) -> Response:
    """The request as saved now, read again by the policy (logged)."""
    return Response(HelpRequestSerializer(_get(request, help_request.public_id, view)).data)


class HelpRequestStatusAPIView(APIView):
    """Move a request on: to clarification or to support."""

    permission = "cases.work_request"
    serializer_class = StatusSerializer

    @extend_schema(operation_id="help_requests_status", request=StatusSerializer, responses=HelpRequestSerializer)
    def post(self, request, public_id):
        help_request = _get(request, public_id, "api:request-status", self.permission)
        data = _validated(StatusSerializer, request)
        services.help_request_move(help_request=help_request, to=data["to"], by=request.user)
        return _as_saved(request, help_request, "api:request-status")


class HelpRequestInformalCheckAPIView(APIView):
    """Record one informal option of the informal-first step (fits, or does not fit and why)."""

    permission = "cases.work_request"
    serializer_class = InformalCheckInputSerializer

    @extend_schema(
        operation_id="help_requests_informal_check",
        request=InformalCheckInputSerializer,
        responses=HelpRequestSerializer,
    )
    def post(self, request, public_id):
        help_request = _get(request, public_id, "api:request-informal", self.permission)
        data = _validated(InformalCheckInputSerializer, request)
        services.informal_check_record(
            help_request=help_request,
            option=data["option"],
            fits=data["fits"],
            reason=data["reason"],
            by=request.user,
        )
        return _as_saved(request, help_request, "api:request-informal")


class HelpRequestCloseAPIView(APIView):
    """Close a request: solution paths, outcome, the resident's rating. Formal paths after informal first."""

    permission = "cases.work_request"
    serializer_class = CloseSerializer

    @extend_schema(operation_id="help_requests_close", request=CloseSerializer, responses=HelpRequestSerializer)
    def post(self, request, public_id):
        help_request = _get(request, public_id, "api:request-close", self.permission)
        data = _validated(CloseSerializer, request)
        services.help_request_close(
            help_request=help_request,
            by=request.user,
            paths=data["paths"],
            outcome=data["outcome"],
            outcome_note=data["outcome_note"],
            rating=data["rating"],
        )
        return _as_saved(request, help_request, "api:request-close")


class HelpRequestContactsAPIView(PaginatedAPIView):
    """The contacts of a request (GET, paginated, each logged) and logging a new one (POST)."""

    permission = "cases.view_case"
    write_permission = "cases.work_request"
    serializer_class = ContactSerializer

    @extend_schema(operation_id="help_requests_contacts_list", responses=ContactSerializer(many=True))
    def get(self, request, public_id):
        number = self.page_number()  # a bad page number answers 400 before anything is read
        help_request = _get(request, public_id, "api:request-contacts")
        page = selectors.request_contact_page(
            user=request.user, help_request=help_request, view="api:request-contacts", page=number
        )
        return self.page_response(page, ContactSerializer)

    @extend_schema(
        operation_id="help_requests_contacts_create", request=ContactSerializer, responses={201: ContactSerializer}
    )
    def post(self, request, public_id):
        help_request = _get(request, public_id, "api:request-contacts", "cases.work_request")
        data = ContactSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        contact = services.contact_create(
            resident=help_request.resident,
            help_request=help_request,
            by=request.user,
            kind=data.validated_data["kind"],
            note=data.validated_data["note"],
            at=data.validated_data.get("at"),
        )
        return Response(ContactSerializer(contact).data, status=status.HTTP_201_CREATED)
