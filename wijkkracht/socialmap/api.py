"""REST API of the social map: the search, one resource, and the map in HSDS 3.0 (paged as the HSDS API pages).

Behind the login like the rest of the API (the HTML map and its HSDS download are public)."""

from django.core.paginator import Paginator
from django.http import Http404
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from wijkkracht.core.api_pagination import PaginatedAPIView
from wijkkracht.core.api_params import Choice, Integer, Text

from . import hsds, selectors
from .models import Resource
from .taxonomy import LANGUAGES, Kind, LifeDomain, Need

NEED = Choice("need", Need.values, description="Alleen aanbod voor deze behoefte.")
DOMAIN = Choice("domain", LifeDomain.values, description="Alleen aanbod voor dit leefgebied (ZRM).")
LANGUAGE = Choice("language", sorted(LANGUAGES), description="Alleen aanbod in deze taal (ISO 639-3).")
KIND = Choice("kind", Kind.values, description="Alleen deze soort aanbod.")
NEIGHBOURHOOD = Text("neighbourhood", max_length=10, description="CBS-buurtcode: aanbod in of voor deze buurt.")
AGE = Integer("age", minimum=0, maximum=120, description="Alleen aanbod voor iemand van deze leeftijd.")
Q = Text("q", max_length=100, description="Zoekwoorden in naam, omschrijving of aanbieder.")
HSDS_PER_PAGE = 100


class OpeningHoursSerializer(serializers.Serializer):
    """A weekly opening time in local wall-clock time, as HH:MM (a time without offset is no API time format)."""

    weekday = serializers.IntegerField(help_text="1 = maandag … 7 = zondag")
    opens = serializers.SerializerMethodField()
    closes = serializers.SerializerMethodField()
    note = serializers.CharField()

    def get_opens(self, hours) -> str:
        return hours.opens_at.strftime("%H:%M")

    def get_closes(self, hours) -> str:
        return hours.closes_at.strftime("%H:%M")


class ResourceSerializer(serializers.Serializer):
    id = serializers.UUIDField(source="public_id")
    name = serializers.CharField()
    kind = serializers.CharField()
    status = serializers.CharField()
    description = serializers.CharField()
    provider = serializers.CharField(source="provider.name")
    location = serializers.SerializerMethodField()
    neighbourhood = serializers.SerializerMethodField()
    target_group = serializers.CharField()
    eligibility = serializers.CharField()
    minimum_age = serializers.IntegerField(allow_null=True)
    maximum_age = serializers.IntegerField(allow_null=True)
    needs = serializers.ListField(child=serializers.CharField())
    domains = serializers.ListField(child=serializers.CharField())
    languages = serializers.ListField(child=serializers.CharField())
    accessibility = serializers.SerializerMethodField()
    capacity = serializers.IntegerField(allow_null=True)
    waiting_time = serializers.CharField()
    cost = serializers.CharField()
    free = serializers.BooleanField()
    city_wide = serializers.BooleanField()
    opening_hours = OpeningHoursSerializer(many=True)
    last_verified_date = serializers.DateField(source="last_verified_on", allow_null=True)
    updated_at = serializers.DateTimeField()

    def get_location(self, resource) -> str:
        location = resource.location
        return f"{location.name}, {location.street_address}" if location else ""

    def get_neighbourhood(self, resource) -> str:
        location = resource.location
        return location.neighbourhood.code if location and location.neighbourhood_id else ""

    def get_accessibility(self, resource) -> str:
        return resource.location.accessibility if resource.location else ""


class ResourceListAPIView(PaginatedAPIView):
    """Search the social map by need, life domain, neighbourhood (CBS code), age, language and words."""

    permission = "core.view_home"
    serializer_class = ResourceSerializer

    @extend_schema(
        operation_id="social_map_resources_list",
        parameters=[p.openapi() for p in (NEED, DOMAIN, NEIGHBOURHOOD, AGE, LANGUAGE, KIND, Q)],
        responses=ResourceSerializer(many=True),
    )
    def get(self, request):
        code = NEIGHBOURHOOD.read(request)
        neighbourhood = None
        if code:
            found = {n.code: n.pk for n in selectors.neighbourhood_choices()}
            if code not in found:
                NEIGHBOURHOOD.fail("Onbekende buurtcode.")
            neighbourhood = found[code]
        search = selectors.Search(
            need=NEED.read(request) or "",
            domain=DOMAIN.read(request) or "",
            neighbourhood=neighbourhood,
            age=AGE.read(request),
            language=LANGUAGE.read(request) or "",
            kind=KIND.read(request) or "",
            q=Q.read(request),
        )
        page = selectors.resource_search(search=search, page=self.page_number())
        return self.page_response(page, ResourceSerializer)


class ResourceDetailAPIView(APIView):
    permission = "core.view_home"
    serializer_class = ResourceSerializer

    @extend_schema(operation_id="social_map_resources_retrieve")
    def get(self, request, public_id):
        try:
            resource = selectors.resource_get(public_id=public_id)
        except Resource.DoesNotExist:
            raise Http404 from None
        return Response(ResourceSerializer(resource).data)


HsdsPage = inline_serializer(
    "HsdsServicePage",
    {
        "total_items": serializers.IntegerField(),
        "total_pages": serializers.IntegerField(),
        "page_number": serializers.IntegerField(),
        "size": serializers.IntegerField(),
        "first_page": serializers.BooleanField(),
        "last_page": serializers.BooleanField(),
        "empty": serializers.BooleanField(),
        "contents": serializers.ListField(child=serializers.DictField(), help_text="HSDS 3.0 service-objecten."),
    },
)


class HsdsServicesAPIView(APIView):
    """The social map as HSDS 3.0 services, 100 per page, in the HSDS API's own page shape (``contents``)."""

    permission = "core.view_home"

    @extend_schema(
        operation_id="social_map_hsds_services",
        parameters=[Integer("page", minimum=1, default=1).openapi()],
        responses=HsdsPage,
    )
    def get(self, request):
        number = Integer("page", minimum=1, default=1).read(request)
        page = Paginator(selectors.resources_for_export(), HSDS_PER_PAGE).get_page(number)
        body = hsds.hsds_page(page.object_list)
        body.update(
            total_items=page.paginator.count,
            total_pages=page.paginator.num_pages,
            page_number=page.number,
            first_page=not page.has_previous(),
            last_page=not page.has_next(),
        )
        return Response(body)
