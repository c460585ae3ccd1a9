"""REST API of the provisions: referrals (and the provider's report back), ride bookings, prescriptions, and
quick registration of desk questions (a phone app). The same selectors and services as the pages; a
service's ValidationError becomes a 400 problem+json."""

from django.http import Http404
from django.utils import timezone
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from wijkkracht.cases.selectors import requests as request_selectors
from wijkkracht.core.api_pagination import PaginatedAPIView
from wijkkracht.core.api_params import Boolean
from wijkkracht.people import selectors as people_selectors
from wijkkracht.socialmap import selectors as socialmap_selectors
from wijkkracht.socialmap.models import Resource

from .selectors import desk, referrals, rides, structure, wellbeing
from .selectors.choices import (
    Channel,
    Outcome,
    PrescriptionReason,
    PrescriptionStatus,
    ReferralStatus,
    RidePurpose,
    RideStatus,
    Topic,
)
from .services import desk as desk_services
from .services import referrals as referral_services
from .services import rides as ride_services

OPEN = Boolean("open", description="Alleen lopende (nog niet afgeronde) records.")


class ReferralSerializer(serializers.Serializer):
    id = serializers.UUIDField(source="public_id")
    resident = serializers.SerializerMethodField()
    resource = serializers.UUIDField(source="resource.public_id")
    resource_name = serializers.CharField(source="resource.name")
    help_request = serializers.UUIDField(source="help_request.public_id", allow_null=True)
    team = serializers.CharField(source="team.name")
    referred_at = serializers.DateTimeField()
    note = serializers.CharField()
    status = serializers.ChoiceField(choices=ReferralStatus.choices)
    status_reason = serializers.CharField()
    status_at = serializers.DateTimeField(allow_null=True)

    def get_resident(self, referral) -> str:
        """The name, unless the reader is the provider and the resident did not agree to share it."""
        user = self.context["request"].user
        return referral.resident.full_name if referral.share_contact or user.role != "provider" else ""


class ReferralCreateSerializer(serializers.Serializer):
    help_request = serializers.UUIDField()
    resource = serializers.UUIDField()
    note = serializers.CharField(max_length=500, required=False, allow_blank=True, default="")
    share_contact = serializers.BooleanField(required=False, default=False)


class ReportSerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=[(s.value, s.label) for s in referral_services.REPORT_STATUSES])
    status_reason = serializers.CharField(max_length=500, required=False, allow_blank=True, default="")


class ReferralListAPIView(PaginatedAPIView):
    """GET: referrals of my teams, or addressed to my organisation (provider). POST: refer from a help request."""

    permission = "provisions.view_referral"
    write_permission = "provisions.refer"
    serializer_class = ReferralSerializer

    @extend_schema(operation_id="referrals_list", parameters=[OPEN.openapi()], responses=ReferralSerializer(many=True))
    def get(self, request):
        page = referrals.referral_page(
            user=request.user, view="api:referral-list", open_only=OPEN.read(request), page=self.page_number()
        )
        return self.page_response(page, ReferralSerializer, context={"request": request})

    @extend_schema(
        operation_id="referrals_create", request=ReferralCreateSerializer, responses={201: ReferralSerializer}
    )
    def post(self, request):
        data = ReferralCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        try:
            help_request = request_selectors.help_request_get(
                user=request.user, public_id=values["help_request"], view="api:referral-list"
            )
        except Http404:
            raise serializers.ValidationError({"help_request": ["Onbekende hulpvraag."]}) from None
        try:
            resource = socialmap_selectors.resource_get(public_id=values["resource"])
        except Resource.DoesNotExist:
            raise serializers.ValidationError({"resource": ["Onbekend aanbod op de sociale kaart."]}) from None
        referral = referral_services.referral_create(
            help_request=help_request,
            resource=resource,
            note=values["note"],
            share_contact=values["share_contact"],
            by=request.user,
        )
        return Response(ReferralSerializer(referral, context={"request": request}).data, status=status.HTTP_201_CREATED)


class ReferralDetailAPIView(APIView):
    permission = "provisions.view_referral"
    serializer_class = ReferralSerializer

    @extend_schema(operation_id="referrals_retrieve")
    def get(self, request, public_id):
        referral = referrals.referral_get(user=request.user, public_id=public_id, view="api:referral-detail")
        return Response(ReferralSerializer(referral, context={"request": request}).data)


class ReferralReportAPIView(APIView):
    """The receiving organisation reports back: accepted, waiting, declined (with a reason), completed."""

    permission = "provisions.report_referral"
    serializer_class = ReferralSerializer

    @extend_schema(operation_id="referrals_report", request=ReportSerializer, responses={200: ReferralSerializer})
    def post(self, request, public_id):
        referral = referrals.referral_get(
            user=request.user, public_id=public_id, view="api:referral-report", permission="provisions.report_referral"
        )
        data = ReportSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        referral_services.referral_report(
            referral=referral,
            status=data.validated_data["status"],
            reason=data.validated_data["status_reason"],
            by=request.user,
        )
        return Response(ReferralSerializer(referral, context={"request": request}).data)


class RideSerializer(serializers.Serializer):
    id = serializers.UUIDField(source="public_id")
    resident = serializers.CharField(source="resident.full_name")
    vehicle = serializers.CharField(source="vehicle.name")
    driver = serializers.CharField(source="driver.__str__")
    pickup_at = serializers.DateTimeField()
    return_at = serializers.DateTimeField(allow_null=True)
    duration_minutes = serializers.IntegerField()
    pickup_address = serializers.CharField()
    destination = serializers.CharField()
    purpose = serializers.ChoiceField(choices=RidePurpose.choices)
    needs_wheelchair = serializers.BooleanField()
    needs_walker = serializers.BooleanField()
    needs_door_help = serializers.BooleanField()
    status = serializers.ChoiceField(choices=RideStatus.choices)


class RideCreateSerializer(serializers.Serializer):
    resident = serializers.UUIDField()
    vehicle = serializers.IntegerField()
    driver = serializers.IntegerField()
    pickup_at = serializers.DateTimeField()
    return_at = serializers.DateTimeField(required=False, allow_null=True, default=None)
    duration_minutes = serializers.IntegerField(required=False, default=30)
    pickup_address = serializers.CharField(max_length=200)
    destination = serializers.CharField(max_length=200)
    purpose = serializers.ChoiceField(choices=RidePurpose.choices)
    needs_wheelchair = serializers.BooleanField(required=False, default=False)
    needs_walker = serializers.BooleanField(required=False, default=False)
    needs_door_help = serializers.BooleanField(required=False, default=False)
    note = serializers.CharField(max_length=300, required=False, allow_blank=True, default="")


class RideListAPIView(PaginatedAPIView):
    """GET: the coming rides of my teams' cars. POST: book a ride (at least a day ahead; no double booking)."""

    permission = "provisions.view_records"
    write_permission = "provisions.change_records"
    serializer_class = RideSerializer

    @extend_schema(operation_id="rides_list", responses=RideSerializer(many=True))
    def get(self, request):
        page = rides.booking_page(user=request.user, view="api:ride-booking-list", page=self.page_number())
        return self.page_response(page, RideSerializer)

    @extend_schema(operation_id="rides_create", request=RideCreateSerializer, responses={201: RideSerializer})
    def post(self, request):
        data = RideCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        team_ids = structure.my_team_ids(request.user)
        vehicle_id, driver_id = values.pop("vehicle"), values.pop("driver")
        vehicle = next((v for v in structure.vehicles_of(team_ids=team_ids) if v.pk == vehicle_id), None)
        driver = next((d for d in structure.drivers_of(team_ids=team_ids) if d.pk == driver_id), None)
        errors = {}
        if vehicle is None:
            errors["vehicle"] = ["Onbekende auto (van uw teams)."]
        if driver is None:
            errors["driver"] = ["Onbekende chauffeur (van uw teams)."]
        if errors:
            raise serializers.ValidationError(errors)
        try:
            resident = people_selectors.resident_get(
                user=request.user,
                public_id=values.pop("resident"),
                view="api:ride-booking-list",
                fields=["name", "address"],
            )
        except Http404:
            raise serializers.ValidationError({"resident": ["Onbekende inwoner."]}) from None
        booking = ride_services.ride_book(vehicle=vehicle, driver=driver, resident=resident, by=request.user, **values)
        return Response(RideSerializer(booking).data, status=status.HTTP_201_CREATED)


class RideDetailAPIView(APIView):
    permission = "provisions.view_records"
    serializer_class = RideSerializer

    @extend_schema(operation_id="rides_retrieve")
    def get(self, request, public_id):
        booking = rides.booking_get(user=request.user, public_id=public_id, view="api:ride-booking-detail")
        return Response(RideSerializer(booking).data)


class RideCancelAPIView(APIView):
    permission = "provisions.change_records"
    serializer_class = RideSerializer

    @extend_schema(operation_id="rides_cancel", request=None, responses={200: RideSerializer})
    def post(self, request, public_id):
        booking = rides.booking_get(
            user=request.user,
            public_id=public_id,
            view="api:ride-booking-cancel",
            permission="provisions.change_records",
        )
        ride_services.ride_cancel(booking=booking, by=request.user)
        return Response(RideSerializer(booking).data)


class PrescriptionSerializer(serializers.Serializer):
    id = serializers.UUIDField(source="public_id")
    patient_name = serializers.CharField()
    reason = serializers.ChoiceField(choices=PrescriptionReason.choices)
    gp = serializers.CharField(source="gp.get_full_name")
    centre = serializers.CharField(source="team.name")
    written_at = serializers.DateTimeField()
    status = serializers.ChoiceField(choices=PrescriptionStatus.choices)
    wellbeing_before = serializers.IntegerField(allow_null=True)
    wellbeing_after = serializers.IntegerField(allow_null=True)
    outcome = serializers.CharField()


class PrescriptionListAPIView(PaginatedAPIView):
    permission = "provisions.view_records"
    serializer_class = PrescriptionSerializer

    @extend_schema(
        operation_id="prescriptions_list", parameters=[OPEN.openapi()], responses=PrescriptionSerializer(many=True)
    )
    def get(self, request):
        page = wellbeing.prescription_page(
            user=request.user, view="api:prescription-list", open_only=OPEN.read(request), page=self.page_number()
        )
        return self.page_response(page, PrescriptionSerializer)


class PrescriptionDetailAPIView(APIView):
    permission = "provisions.view_records"
    serializer_class = PrescriptionSerializer

    @extend_schema(operation_id="prescriptions_retrieve")
    def get(self, request, public_id):
        prescription = wellbeing.prescription_get(
            user=request.user, public_id=public_id, view="api:prescription-detail"
        )
        return Response(PrescriptionSerializer(prescription).data)


class QuestionSerializer(serializers.Serializer):
    id = serializers.UUIDField(source="public_id", read_only=True)
    provision = serializers.IntegerField(source="provision_id")
    session = serializers.IntegerField(source="session_id", allow_null=True, required=False, default=None)
    asked_at = serializers.DateTimeField(read_only=True)
    channel = serializers.ChoiceField(choices=Channel.choices, required=False, default="walk_in")
    topic = serializers.ChoiceField(choices=Topic.choices)
    outcome = serializers.ChoiceField(choices=Outcome.choices)
    passed_to = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    note = serializers.CharField(max_length=300, required=False, allow_blank=True, default="")
    anonymous = serializers.BooleanField(read_only=True)


class QuestionListAPIView(PaginatedAPIView):
    """GET: the questions I registered today. POST: register a visitor's question (anonymous; a name only on
    the page, with the visitor's consent)."""

    permission = "provisions.log_question"
    serializer_class = QuestionSerializer

    @extend_schema(operation_id="desk_questions_list", responses=QuestionSerializer(many=True))
    def get(self, request):
        page = desk.my_question_page(
            user=request.user, view="api:question-list", since=timezone.localdate(), page=self.page_number()
        )
        return self.page_response(page, QuestionSerializer)

    @extend_schema(
        operation_id="desk_questions_create", request=QuestionSerializer, responses={201: QuestionSerializer}
    )
    def post(self, request):
        data = QuestionSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        mine = {p.pk: p for p in structure.provision_choices(user=request.user, kinds=desk_services.DESK_KINDS)}
        provision = mine.get(values["provision_id"])
        if provision is None:
            raise serializers.ValidationError({"provision": ["Onbekende voorziening (van uw teams)."]})
        session = None
        if values.get("session_id"):
            session = next((s for s in provision.sessions.filter(pk=values["session_id"])), None)
            if session is None:
                raise serializers.ValidationError({"session": ["Onbekend spreekuur van deze voorziening."]})
        question = desk_services.desk_question_log(
            provision=provision,
            session=session,
            channel=values["channel"],
            topic=values["topic"],
            outcome=values["outcome"],
            passed_to=values["passed_to"],
            note=values["note"],
            by=request.user,
        )
        return Response(QuestionSerializer(question).data, status=status.HTTP_201_CREATED)
