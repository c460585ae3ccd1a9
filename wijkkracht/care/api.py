"""REST API for signals, pilot-light contacts and carers: the same selectors (policy + audit) and services.

Errors are problem+json from the one exception handler (wijkkracht/core/api_errors.py); a service's
ValidationError is raised through.
"""

from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from wijkkracht.access.errors import NotFoundOrForbidden
from wijkkracht.core.api_pagination import PaginatedAPIView
from wijkkracht.core.api_params import Boolean, Choice
from wijkkracht.people import selectors as people_selectors

from . import selectors, services

SIGNAL_STATUS = Choice(
    "status", [value for value, _label in selectors.SIGNAL_STATUSES], description="Alleen signalen met deze status."
)
MINE = Boolean("mine", description="Alleen mijn waakvlamcontacten.")
OVERDUE = Boolean("overdue", description="Alleen waakvlamcontacten waarvan het contact te laat is.")
YOUNG = Boolean("young", description="Alleen jonge mantelzorgers (onder de 25).")
OVERLOADED = Boolean("overloaded", description="Alleen mantelzorgers met een laatste EDIZ van 7 of meer.")

# --- serializers -----------------------------------------------------------------------------------


class ResidentRefSerializer(serializers.Serializer):
    id = serializers.UUIDField(source="public_id")
    name = serializers.CharField(source="full_name")


class SignalSerializer(serializers.Serializer):
    id = serializers.UUIDField(source="public_id", read_only=True)
    team = serializers.CharField(source="team.name", read_only=True)
    source = serializers.ChoiceField(choices=selectors.SIGNAL_SOURCES)
    reporter = serializers.CharField(allow_blank=True, required=False, max_length=150)
    reporter_contact = serializers.CharField(allow_blank=True, required=False, max_length=150)
    resident = ResidentRefSerializer(read_only=True, allow_null=True)
    about = serializers.CharField(allow_blank=True, required=False, max_length=250)
    concern = serializers.CharField(max_length=4000)
    received_at = serializers.DateTimeField(read_only=True)
    status = serializers.CharField(read_only=True)
    triaged_at = serializers.DateTimeField(read_only=True, allow_null=True)
    closed_reason = serializers.CharField(read_only=True)


class SignalCreateSerializer(serializers.Serializer):
    source = serializers.ChoiceField(choices=selectors.SIGNAL_SOURCES)
    reporter = serializers.CharField(allow_blank=True, required=False, max_length=150, default="")
    reporter_contact = serializers.CharField(allow_blank=True, required=False, max_length=150, default="")
    resident = serializers.UUIDField(required=False, allow_null=True, default=None)
    about = serializers.CharField(allow_blank=True, required=False, max_length=250, default="")
    concern = serializers.CharField(max_length=4000)
    team = serializers.IntegerField(required=False, allow_null=True, default=None)


class WatchSerializer(serializers.Serializer):
    id = serializers.UUIDField(source="public_id")
    resident = ResidentRefSerializer()
    team = serializers.CharField(source="team.name")
    owner = serializers.CharField(source="owner.username")
    interval_weeks = serializers.IntegerField()
    reason = serializers.CharField()
    next_due = serializers.DateField()
    last_contact_at = serializers.DateTimeField(allow_null=True)
    ended_at = serializers.DateTimeField(allow_null=True)


class WatchLogSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=selectors.CONTACT_KINDS)
    note = serializers.CharField(allow_blank=True, required=False, max_length=1000, default="")
    at = serializers.DateTimeField(required=False, allow_null=True, default=None)


class CarerSerializer(serializers.Serializer):
    id = serializers.UUIDField(source="public_id")
    carer = ResidentRefSerializer()
    cared_for = ResidentRefSerializer(allow_null=True)
    cared_for_description = serializers.CharField()
    relationship = serializers.CharField()
    hours_per_week = serializers.IntegerField()
    since = serializers.DateField(allow_null=True)
    young_carer = serializers.BooleanField(source="is_young")
    referral = serializers.CharField()
    referred_at = serializers.DateTimeField(allow_null=True)
    latest_ediz_score = serializers.IntegerField(source="latest_score", allow_null=True)
    overloaded = serializers.BooleanField(source="latest_overloaded", allow_null=True)


class StrainInputSerializer(serializers.Serializer):
    answers = serializers.ListField(
        child=serializers.IntegerField(min_value=0, max_value=4), min_length=9, max_length=9
    )


class StrainResultSerializer(serializers.Serializer):
    score = serializers.IntegerField()
    overloaded = serializers.BooleanField()
    assessed_at = serializers.DateTimeField()


# --- signals ---------------------------------------------------------------------------------------


class SignalListAPIView(PaginatedAPIView):
    """GET: the signals of my teams (paginated, ``status`` filter). POST: report a concern."""

    serializer_class = SignalSerializer

    permission = "care.triage_signal"
    write_permission = "care.add_signal"

    @extend_schema(
        operation_id="signals_list", parameters=[SIGNAL_STATUS.openapi()], responses=SignalSerializer(many=True)
    )
    def get(self, request):
        page = selectors.signal_page(
            user=request.user,
            view="api:signal-list",
            status=SIGNAL_STATUS.read(request) or "",
            page=self.page_number(),
        )
        return self.page_response(page, SignalSerializer)

    @extend_schema(operation_id="signals_create", request=SignalCreateSerializer, responses={201: SignalSerializer})
    def post(self, request):
        data = SignalCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        resident = None
        if values.get("resident"):
            try:
                resident = people_selectors.resident_get(
                    user=request.user, public_id=values["resident"], view="api:signal-list"
                )
            except NotFoundOrForbidden:
                raise serializers.ValidationError({"resident": [_("Onbekende inwoner.")]}) from None
        team = None
        if values.get("team"):
            team = next((t for t in selectors.user_teams(user=request.user) if t.pk == values["team"]), None)
            if team is None:
                raise serializers.ValidationError({"team": [_("U bent geen lid van dit team.")]})
        signal = services.signal_create(
            source=values["source"],
            concern=values["concern"],
            reporter=values["reporter"],
            reporter_contact=values["reporter_contact"],
            resident=resident,
            about=values["about"],
            team=team,
            received_by=request.user,
        )
        return Response(SignalSerializer(signal).data, status=status.HTTP_201_CREATED)


class SignalDetailAPIView(APIView):
    permission = "care.triage_signal"
    serializer_class = SignalSerializer

    @extend_schema(operation_id="signals_retrieve")
    def get(self, request, public_id):
        signal = selectors.signal_get(user=request.user, public_id=public_id, view="api:signal-detail")
        return Response(SignalSerializer(signal).data)


# --- pilot-light contacts --------------------------------------------------------------------------


class WatchListAPIView(PaginatedAPIView):
    """Pilot-light contacts of my teams due within a week (``mine=1``: only mine; ``overdue=1``: only overdue)."""

    permission = "care.view_watch"
    serializer_class = WatchSerializer

    @extend_schema(
        operation_id="watch_contacts_list",
        parameters=[MINE.openapi(), OVERDUE.openapi()],
        responses=WatchSerializer(many=True),
    )
    def get(self, request):
        page = selectors.watch_due_page(
            user=request.user,
            view="api:watch-list",
            mine=MINE.read(request),
            overdue_only=OVERDUE.read(request),
            page=self.page_number(),
        )
        return self.page_response(page, WatchSerializer)


class WatchDetailAPIView(APIView):
    permission = "care.view_watch"
    serializer_class = WatchSerializer

    @extend_schema(operation_id="watch_contacts_retrieve")
    def get(self, request, public_id):
        watch = selectors.watch_get(user=request.user, public_id=public_id, view="api:watch-detail")
        return Response(WatchSerializer(watch).data)


class WatchLogAPIView(APIView):
    """Log a contact; the next one moves to the contact date plus the interval."""

    permission = "care.change_watch"
    serializer_class = WatchSerializer

    @extend_schema(operation_id="watch_contacts_log", request=WatchLogSerializer, responses={201: WatchSerializer})
    def post(self, request, public_id):
        watch = selectors.watch_get(
            user=request.user, public_id=public_id, view="api:watch-log", permission="care.change_watch"
        )
        data = WatchLogSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        services.watch_contact_log(watch=watch, by=request.user, **data.validated_data)
        watch.refresh_from_db(fields=["next_due", "last_contact_at"])
        return Response(WatchSerializer(watch).data, status=status.HTTP_201_CREATED)


# --- carers ----------------------------------------------------------------------------------------


class CarerListAPIView(PaginatedAPIView):
    """Carers I may see (``young=1``: under 25; ``overloaded=1``: latest EDIZ 7 or more)."""

    permission = "care.view_carer"
    serializer_class = CarerSerializer

    @extend_schema(
        operation_id="carers_list",
        parameters=[YOUNG.openapi(), OVERLOADED.openapi()],
        responses=CarerSerializer(many=True),
    )
    def get(self, request):
        page = selectors.carer_page(
            user=request.user,
            view="api:carer-list",
            young=YOUNG.read(request),
            overloaded=OVERLOADED.read(request),
            page=self.page_number(),
        )
        return self.page_response(page, CarerSerializer)


class CarerDetailAPIView(APIView):
    permission = "care.view_carer"
    serializer_class = CarerSerializer

    @extend_schema(operation_id="carers_retrieve")
    def get(self, request, public_id):
        carer = selectors.carer_get(user=request.user, public_id=public_id, view="api:carer-detail")
        return Response(CarerSerializer(carer).data)


class CarerStrainAPIView(APIView):
    """Record an EDIZ: nine answers 0 (Nee!) .. 4 (Ja!)."""

    permission = "care.change_carer"
    serializer_class = StrainResultSerializer

    @extend_schema(operation_id="carers_strain", request=StrainInputSerializer, responses={201: StrainResultSerializer})
    def post(self, request, public_id):
        carer = selectors.carer_get(
            user=request.user, public_id=public_id, view="api:carer-strain", permission="care.change_carer"
        )
        data = StrainInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        result = services.carer_strain_record(carer=carer, answers=data.validated_data["answers"], by=request.user)
        return Response(StrainResultSerializer(result).data, status=status.HTTP_201_CREATED)
