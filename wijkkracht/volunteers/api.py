"""REST API for volunteering: the same selectors (policy + audit) and services as the pages.

Errors are problem+json from the one exception handler (core/api_errors.py); a service's ValidationError is
raised through. A volunteer's own endpoints return only what their pages show.
"""

from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from wijkkracht.core.api_pagination import PaginatedAPIView
from wijkkracht.core.api_params import Choice

from . import selectors, services

VOLUNTEER_STATUS = Choice(
    "status", [v for v, _l in selectors.STATUSES], description="Alleen vrijwilligers met deze status."
)
REQUEST_STATUS = Choice("status", ["open", "matched", "closed"], default="open", description="Status van de vraag.")
MATCH_GROUP = Choice("group", list(selectors.GROUPS), default="proposed", description="Welke koppelingen.")


class VolunteerSerializer(serializers.Serializer):
    id = serializers.UUIDField(source="public_id")
    first_name = serializers.CharField()
    last_name = serializers.CharField()
    postcode = serializers.CharField()
    status = serializers.CharField()
    kinds = serializers.ListField(child=serializers.CharField(), source="kind_list")
    languages = serializers.ListField(child=serializers.CharField())
    availability = serializers.ListField(child=serializers.CharField(), source="availability_list")
    max_distance_km = serializers.IntegerField()
    vog_valid_until = serializers.DateField(allow_null=True)
    team = serializers.CharField(source="team.name", allow_null=True)


class RequestSerializer(serializers.Serializer):
    id = serializers.UUIDField(source="public_id")
    resident = serializers.CharField(source="resident.first_name")
    neighbourhood = serializers.CharField(source="resident.household.neighbourhood.name")
    kind = serializers.CharField()
    task = serializers.CharField()
    when = serializers.ListField(child=serializers.CharField(), source="availability_list")
    language = serializers.CharField()
    needs_vog = serializers.BooleanField()
    status = serializers.CharField()
    created_at = serializers.DateTimeField()


class CandidateSerializer(serializers.Serializer):
    volunteer = serializers.UUIDField(source="volunteer.public_id")
    first_name = serializers.CharField(source="volunteer.first_name")
    score = serializers.FloatField()
    distance_km = serializers.FloatField(source="distance")
    reasons = serializers.ListField(child=serializers.CharField())


class CandidatesSerializer(serializers.Serializer):
    candidates = CandidateSerializer(many=True)
    why_none = serializers.ListField(child=serializers.CharField(), source="funnel")
    advice = serializers.ListField(child=serializers.CharField())


class MatchSerializer(serializers.Serializer):
    id = serializers.UUIDField(source="public_id")
    request = serializers.UUIDField(source="request.public_id")
    volunteer = serializers.CharField(source="volunteer.first_name")
    resident = serializers.CharField(source="resident.first_name")
    status = serializers.CharField()
    score = serializers.FloatField()
    reasons = serializers.ListField(child=serializers.CharField())
    introduction_at = serializers.DateTimeField(allow_null=True)
    started_on = serializers.DateField(allow_null=True)
    follow_up_due = serializers.DateField(allow_null=True)


class MyMatchSerializer(serializers.Serializer):
    id = serializers.CharField(source="public_id")
    status = serializers.CharField()
    kind = serializers.CharField(source="kind_label")
    task = serializers.CharField()
    when = serializers.ListField(child=serializers.CharField())
    first_name = serializers.CharField()
    neighbourhood = serializers.CharField()
    address = serializers.CharField(help_text="Alleen als de koppeling actief is.")
    introduction_at = serializers.DateTimeField(allow_null=True)
    hours_total = serializers.FloatField()


class HoursSerializer(serializers.Serializer):
    on = serializers.DateField()
    hours = serializers.DecimalField(max_digits=4, decimal_places=1)
    note = serializers.CharField(allow_blank=True, required=False, default="", max_length=250)


class VolunteerListAPIView(PaginatedAPIView):
    permission = "volunteers.coordinate"
    serializer_class = VolunteerSerializer

    @extend_schema(
        operation_id="volunteers_list",
        parameters=[VOLUNTEER_STATUS.openapi()],
        responses=VolunteerSerializer(many=True),
    )
    def get(self, request):
        page = selectors.volunteer_page(
            user=request.user,
            view="api:volunteer-list",
            status=VOLUNTEER_STATUS.read(request) or "",
            page=self.page_number(),
        )
        return self.page_response(page, VolunteerSerializer)


class VolunteerDetailAPIView(APIView):
    permission = "volunteers.coordinate"
    serializer_class = VolunteerSerializer

    @extend_schema(operation_id="volunteers_retrieve")
    def get(self, request, public_id):
        volunteer = selectors.volunteer_get(user=request.user, public_id=public_id, view="api:volunteer-detail")
        return Response(VolunteerSerializer(volunteer).data)


class RequestListAPIView(PaginatedAPIView):
    permission = "volunteers.view_request"
    serializer_class = RequestSerializer

    @extend_schema(
        operation_id="volunteer_requests_list",
        parameters=[REQUEST_STATUS.openapi()],
        responses=RequestSerializer(many=True),
    )
    def get(self, request):
        page = selectors.request_page(
            user=request.user,
            view="api:volunteer-request-list",
            status=REQUEST_STATUS.read(request),
            page=self.page_number(),
        )
        return self.page_response(page, RequestSerializer)


class CandidatesAPIView(APIView):
    """The best candidates for one request with the reasons in words; when there are none, why and what to relax."""

    permission = "volunteers.coordinate"
    serializer_class = CandidatesSerializer

    @extend_schema(operation_id="volunteer_requests_candidates")
    def get(self, request, public_id):
        view = "api:volunteer-request-candidates"
        req = selectors.request_get(user=request.user, public_id=public_id, view=view)
        found = selectors.candidates_for(user=request.user, request=req, view=view)
        return Response(CandidatesSerializer(found).data)


class MatchListAPIView(PaginatedAPIView):
    permission = "volunteers.coordinate"
    serializer_class = MatchSerializer

    @extend_schema(
        operation_id="matches_list", parameters=[MATCH_GROUP.openapi()], responses=MatchSerializer(many=True)
    )
    def get(self, request):
        page = selectors.match_page(
            user=request.user, view="api:match-list", group=MATCH_GROUP.read(request), page=self.page_number()
        )
        return self.page_response(page, MatchSerializer)


class MyMatchListAPIView(PaginatedAPIView):
    """My current matches as a volunteer: first name and neighbourhood; the address once a match is active."""

    permission = "volunteers.volunteer_self"
    serializer_class = MyMatchSerializer

    @extend_schema(operation_id="my_matches_list", responses=MyMatchSerializer(many=True))
    def get(self, request):
        page = selectors.my_match_page(user=request.user, view="api:my-match-list", page=self.page_number())
        return self.page_response(page, MyMatchSerializer)


class MyMatchHoursAPIView(APIView):
    permission = "volunteers.volunteer_self"
    serializer_class = MyMatchSerializer

    @extend_schema(operation_id="my_matches_hours", request=HoursSerializer, responses={201: MyMatchSerializer})
    def post(self, request, public_id):
        view = "api:my-match-hours"
        match, _shown = selectors.my_match_get(user=request.user, public_id=public_id, view=view)
        data = HoursSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        services.hours_report(match=match, **data.validated_data)
        _match, shown = selectors.my_match_get(user=request.user, public_id=public_id, view=view)
        return Response(MyMatchSerializer(shown).data, status=status.HTTP_201_CREATED)
