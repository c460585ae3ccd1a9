"""Residents, households and consent in the API: the same selectors (policy and audit log) as the pages."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from wijkkracht.access import services as access_services
from wijkkracht.access.errors import NotFoundOrForbidden
from wijkkracht.access.models import AccessGrant
from wijkkracht.core.api_pagination import PaginatedAPIView
from wijkkracht.core.api_params import Choice, Text
from wijkkracht.organisations.models import Organisation

from . import selectors
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


class ConsentRecordSerializer(serializers.Serializer):
    """Input for recording consent: one grant per purpose and category. Only the shape is checked here; the rules
    (known purposes, a future end date, a note for a legal ground) are the service's, with its Dutch messages."""

    organisation = serializers.PrimaryKeyRelatedField(
        queryset=Organisation.objects.all(),
        required=False,
        allow_null=True,
        help_text="Id of the organisation the resident shares with.",
        error_messages={
            "does_not_exist": _("Deze organisatie bestaat niet."),
            "incorrect_type": _("Geef het nummer van de organisatie."),
        },
    )
    purposes = serializers.ListField(
        child=serializers.CharField(), required=False, help_text="handover, case_work and/or report."
    )
    categories = serializers.ListField(
        child=serializers.CharField(),
        required=False,
        help_text="personal_details, help_requests, support_plan and/or carer_support.",
    )
    valid_until = serializers.DateField(
        required=False,
        allow_null=True,
        help_text="Last day of sharing (YYYY-MM-DD), at most two years ahead.",
        error_messages={"invalid": _("Geef de einddatum als jjjj-mm-dd.")},
    )
    ground = serializers.CharField(required=False, allow_blank=True, help_text="consent or legal.")
    basis_note = serializers.CharField(
        required=False, allow_blank=True, max_length=250, help_text="How consent was given, or the legal article."
    )


_NOT_A_LIST = {
    "purposes": _("Kies minstens één doel."),
    "categories": _("Kies minstens één soort gegevens."),
    "ground": _("Kies de grondslag: toestemming van de inwoner of een wettelijke grondslag."),
    "basis_note": _("De toelichting is te lang (hoogstens 250 tekens)."),
    "non_field_errors": _("Stuur de gegevens als een JSON-object met de velden van de toestemming."),
}


def _input_errors(errors) -> dict:
    """DRF's own shape errors replaced by the Dutch messages of the form, per field."""
    return {field: [str(_NOT_A_LIST.get(field, messages[0]))] for field, messages in errors.items()}


SEARCH = Text("q", max_length=100, description="Naam (tikfouten mogen), dd-mm-jjjj, postcode + huisnummer, of BSN")
CONSENT_STATUS = Choice("status", ["active", "ended", "all"], default="all")


class ResidentListAPIView(PaginatedAPIView):
    """Residents the caller may see (paginated), found by ``q`` as on the search page; each returned resident
    is logged as read."""

    permission = "people.view_resident"
    serializer_class = ResidentSerializer

    @extend_schema(
        operation_id="residents_list", parameters=[SEARCH.openapi()], responses=ResidentSerializer(many=True)
    )
    def get(self, request):
        page = selectors.resident_search(
            user=request.user, view="api:resident-list", query=SEARCH.read(request), page=self.page_number()
        )
        return self.page_response(page, ResidentSerializer)


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


class ResidentConsentListAPIView(PaginatedAPIView):
    """What a resident shares with which organisation, for what and until when (``status``: active, ended, all)."""

    permission = "people.view_resident"
    write_permission = "people.manage_consent"
    serializer_class = ConsentSerializer

    @extend_schema(
        operation_id="residents_consents_list",
        parameters=[CONSENT_STATUS.openapi()],
        responses=ConsentSerializer(many=True),
    )
    def get(self, request, public_id):
        view = "api:resident-consent-list"
        state, number = CONSENT_STATUS.read(request), self.page_number()  # bad values: 400 before any read
        resident = selectors.resident_get(user=request.user, public_id=public_id, view=view, fields=["name", "consent"])
        page = selectors.resident_consent_page(
            user=request.user, resident=resident, view=view, state=state, page=number
        )
        return self.page_response(page, ConsentSerializer)

    @extend_schema(
        operation_id="residents_consents_create",
        request=ConsentRecordSerializer,
        responses={
            201: ConsentSerializer(many=True),
            400: OpenApiResponse(description="Dutch messages per field; nothing is saved."),
            404: OpenApiResponse(description="Resident absent or outside the caller's scope."),
        },
    )
    def post(self, request, public_id):
        """Record what the resident shares with an organisation (needs people.manage_consent); returns the grants."""
        view = "api:resident-consent-list"
        resident = selectors.resident_get(
            user=request.user,
            public_id=public_id,
            view=view,
            fields=["name", "consent"],
            permission="people.manage_consent",
        )
        serializer = ConsentRecordSerializer(data=request.data)
        if not serializer.is_valid():
            raise serializers.ValidationError(_input_errors(serializer.errors))
        data = serializer.validated_data
        grants = access_services.consent_record(  # its ValidationError answers 400 (core.api_errors)
            resident=resident,
            organisation=data.get("organisation"),
            purposes=data.get("purposes", []),
            categories=data.get("categories", []),
            valid_until=data.get("valid_until"),
            ground=data.get("ground", ""),
            basis_note=data.get("basis_note", ""),
            by=request.user,
            view=view,
        )
        for grant in grants:
            grant.is_active = True
        return Response(ConsentSerializer(grants, many=True).data, status=status.HTTP_201_CREATED)


class ConsentWithdrawAPIView(APIView):
    """Withdraw one grant, effective at once: the organisation's next request is refused."""

    permission = "people.manage_consent"
    serializer_class = ConsentSerializer

    @extend_schema(
        operation_id="consents_withdraw",
        request=None,
        responses={
            200: ConsentSerializer,
            400: OpenApiResponse(description="Already withdrawn (Dutch message in detail)."),
            404: OpenApiResponse(description="Grant absent or its resident outside the caller's scope."),
        },
    )
    def post(self, request, pk):
        view = "api:consent-withdraw"
        # Only the resident's id is looked up here; the resident and the grant are read through the policy.
        public_id = AccessGrant.objects.filter(pk=pk).values_list("resident__public_id", flat=True).first()
        if public_id is None:
            raise NotFoundOrForbidden
        resident = selectors.resident_get(
            user=request.user, public_id=public_id, view=view, fields=["name", "consent"], permission=self.permission
        )
        grant = selectors.access_grant_get(user=request.user, resident=resident, pk=pk, view=view)
        grant = access_services.consent_withdraw(grant=grant, by=request.user, view=view)  # already withdrawn: 400
        grant.is_active = False
        return Response(ConsentSerializer(grant).data)
