"""REST API for signals, pilot-light contacts and carers: the same selectors (policy + audit) and services."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from wijkkracht.access.errors import NotFoundOrForbidden
from wijkkracht.people import selectors as people_selectors

from . import selectors, services

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


def _page_response(page, serializer_class):
    return Response(
        {
            "count": page.paginator.count,
            "page": page.number,
            "pages": page.paginator.num_pages,
            "results": serializer_class(page.object_list, many=True).data,
        }
    )


def _raise(error: DjangoValidationError):
    raise serializers.ValidationError(error.message_dict if hasattr(error, "error_dict") else error.messages)


# --- signals ---------------------------------------------------------------------------------------


class SignalListAPIView(APIView):
    """GET: the signals of my teams (paginated, ``status`` filter). POST: report a concern."""

    serializer_class = SignalSerializer

    permission = "care.triage_signal"
    write_permission = "care.add_signal"

    @extend_schema(
        operation_id="signals_list", parameters=[OpenApiParameter("status", str), OpenApiParameter("page", int)]
    )
    def get(self, request):
        page = selectors.signal_page(
            user=request.user,
            view="api:signal-list",
            status=request.query_params.get("status", ""),
            page=request.query_params.get("page", 1),
        )
        return _page_response(page, SignalSerializer)

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
        try:
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
        except DjangoValidationError as error:
            _raise(error)
        return Response(SignalSerializer(signal).data, status=status.HTTP_201_CREATED)


class SignalDetailAPIView(APIView):
    permission = "care.triage_signal"
    serializer_class = SignalSerializer

    @extend_schema(operation_id="signals_retrieve")
    def get(self, request, public_id):
        signal = selectors.signal_get(user=request.user, public_id=public_id, view="api:signal-detail")
        return Response(SignalSerializer(signal).data)


# --- pilot-light contacts --------------------------------------------------------------------------


class WatchListAPIView(APIView):
    """Pilot-light contacts of my teams due within a week (``mine=1``: only mine; ``overdue=1``: only overdue)."""

    permission = "care.view_watch"
    serializer_class = WatchSerializer

    @extend_schema(
        operation_id="watch_contacts_list",
        parameters=[OpenApiParameter("mine", bool), OpenApiParameter("overdue", bool), OpenApiParameter("page", int)],
    )
    def get(self, request):
        page = selectors.watch_due_page(
            user=request.user,
            view="api:watch-list",
            mine=request.query_params.get("mine") in ("1", "true"),
            overdue_only=request.query_params.get("overdue") in ("1", "true"),
            page=request.query_params.get("page", 1),
        )
        return _page_response(page, WatchSerializer)


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
        try:
            services.watch_contact_log(watch=watch, by=request.user, **data.validated_data)
        except DjangoValidationError as error:
            _raise(error)
        watch.refresh_from_db(fields=["next_due", "last_contact_at"])
        return Response(WatchSerializer(watch).data, status=status.HTTP_201_CREATED)


# --- carers ----------------------------------------------------------------------------------------


class CarerListAPIView(APIView):
    """Carers I may see (``young=1``: under 25; ``overloaded=1``: latest EDIZ 7 or more)."""

    permission = "care.view_carer"
    serializer_class = CarerSerializer

    @extend_schema(
        operation_id="carers_list",
        parameters=[
            OpenApiParameter("young", bool),
            OpenApiParameter("overloaded", bool),
            OpenApiParameter("page", int),
        ],
    )
    def get(self, request):
        page = selectors.carer_page(
            user=request.user,
            view="api:carer-list",
            young=request.query_params.get("young") in ("1", "true"),
            overloaded=request.query_params.get("overloaded") in ("1", "true"),
            page=request.query_params.get("page", 1),
        )
        return _page_response(page, CarerSerializer)


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
        try:
            result = services.carer_strain_record(carer=carer, answers=data.validated_data["answers"], by=request.user)
        except DjangoValidationError as error:
            _raise(error)
        return Response(StrainResultSerializer(result).data, status=status.HTTP_201_CREATED)
