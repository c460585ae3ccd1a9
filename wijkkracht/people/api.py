"""Residents, households and consent in the API: the same selectors (policy and audit log) as the pages."""

from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from wijkkracht.access import selectors

from .bsn import bsn_mask


class ResidentSerializer(serializers.Serializer):
    id = serializers.UUIDField(source="public_id")
    reference = serializers.CharField()
    first_name = serializers.CharField()
    surname_prefix = serializers.CharField()
    last_name = serializers.CharField()
    birth_date = serializers.DateField()
    phone = serializers.CharField()
    email = serializers.CharField()
    preferred_language = serializers.CharField()
    address = serializers.CharField(source="household.address")
    postcode = serializers.CharField(source="household.postcode")
    neighbourhood = serializers.CharField(source="household.neighbourhood.code")
    household_id = serializers.UUIDField(source="household.public_id")
    bsn = serializers.SerializerMethodField(help_text="Masked: only the last three digits (******123).")

    def get_bsn(self, resident) -> str:
        return bsn_mask(resident.bsn_last_digits)


class RelationSerializer(serializers.Serializer):
    kind = serializers.CharField()
    resident_id = serializers.UUIDField(source="resident.public_id")
    related_id = serializers.SerializerMethodField()
    related_name = serializers.SerializerMethodField()

    def get_related_id(self, relation) -> str | None:
        return str(relation.related.public_id) if relation.related_visible else None

    def get_related_name(self, relation) -> str | None:
        """Only for a resident the caller may see; otherwise null."""
        return relation.related.full_name if relation.related_visible else None


class MemberSerializer(serializers.Serializer):
    id = serializers.UUIDField(source="public_id")
    reference = serializers.CharField()
    full_name = serializers.CharField()
    birth_date = serializers.DateField()


class ResidentDetailSerializer(ResidentSerializer):
    members = MemberSerializer(many=True, source="api_members")
    relations = RelationSerializer(many=True, source="api_relations")


class HouseholdSerializer(serializers.Serializer):
    id = serializers.UUIDField(source="public_id")
    address = serializers.CharField()
    postcode = serializers.CharField()
    neighbourhood = serializers.CharField(source="neighbourhood.code")
    members = MemberSerializer(many=True)
    relations = RelationSerializer(many=True, source="member_relations")


class ConsentSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="pk")
    organisation = serializers.CharField(source="organisation.name")
    purpose = serializers.CharField()
    category = serializers.CharField()
    ground = serializers.CharField()
    basis_note = serializers.CharField()
    valid_from = serializers.DateTimeField()
    valid_until = serializers.DateTimeField()
    revoked_at = serializers.DateTimeField(allow_null=True)
    active = serializers.BooleanField(source="is_active")


def _page(page, serializer_class) -> dict:
    return {
        "count": page.paginator.count,
        "page": page.number,
        "pages": page.paginator.num_pages,
        "results": serializer_class(page.object_list, many=True).data,
    }


def _page_schema(name: str, serializer_class):
    return inline_serializer(
        name=name,
        fields={
            "count": serializers.IntegerField(),
            "page": serializers.IntegerField(),
            "pages": serializers.IntegerField(),
            "results": serializer_class(many=True),
        },
    )


class ResidentListAPIView(APIView):
    """Residents the caller may see (paginated), found by ``q`` as on the search page; each returned resident
    is logged as read."""

    permission = "people.view_resident"
    serializer_class = ResidentSerializer

    @extend_schema(
        operation_id="residents_list",
        parameters=[
            OpenApiParameter("q", str, description="Name (typo-tolerant), dd-mm-jjjj, postcode + house number, or BSN"),
            OpenApiParameter("page", int),
        ],
        responses=_page_schema("ResidentPage", ResidentSerializer),
    )
    def get(self, request):
        page = selectors.resident_search(
            user=request.user,
            view="api:resident-list",
            query=request.query_params.get("q", "")[:100],
            page=request.query_params.get("page", 1),
        )
        return Response(_page(page, ResidentSerializer))


class ResidentDetailAPIView(APIView):
    """One resident with household members and relations; refused and absent residents both answer 404 and
    nothing is logged as read."""

    permission = "people.view_resident"
    serializer_class = ResidentDetailSerializer

    @extend_schema(operation_id="residents_retrieve", responses=ResidentDetailSerializer)
    def get(self, request, public_id):
        view = "api:resident-detail"
        resident = selectors.resident_get(user=request.user, public_id=public_id, view=view)
        household = selectors.resident_household(user=request.user, resident=resident, view=view)
        resident.api_members = household["members"]
        resident.api_relations = household["relations"]
        return Response(ResidentDetailSerializer(resident).data)


class HouseholdDetailAPIView(APIView):
    """A household: the members the caller may see and their relations."""

    permission = "people.view_resident"
    serializer_class = HouseholdSerializer

    @extend_schema(operation_id="households_retrieve", responses=HouseholdSerializer)
    def get(self, request, public_id):
        household = selectors.household_get(user=request.user, public_id=public_id, view="api:household-detail")
        return Response(HouseholdSerializer(household).data)


class ResidentConsentListAPIView(APIView):
    """What a resident shares with which organisation, for what and until when (``status``: active, ended, all)."""

    permission = "people.view_resident"
    serializer_class = ConsentSerializer

    @extend_schema(
        operation_id="residents_consents_list",
        parameters=[OpenApiParameter("status", str, enum=["active", "ended", "all"]), OpenApiParameter("page", int)],
        responses=_page_schema("ConsentPage", ConsentSerializer),
    )
    def get(self, request, public_id):
        view = "api:resident-consent-list"
        resident = selectors.resident_get(user=request.user, public_id=public_id, view=view, fields=["name", "consent"])
        state = request.query_params.get("status", "all")
        page = selectors.resident_consent_page(
            user=request.user,
            resident=resident,
            view=view,
            state=state if state in ("active", "ended", "all") else "all",
            page=request.query_params.get("page", 1),
        )
        return Response(_page(page, ConsentSerializer))
