"""Two operations on a resident in the API: merging two records of the same person, and revealing the BSN.

The same rules as the pages (people/views/merge.py, people/views/edit.py): both records of a merge are read
through the policy for ``people.merge_residents`` and the service writes the merge's audit entry; the BSN is
revealed only through ``people.selectors.resident_bsn_reveal``, with a reason that is logged (``bsn_revealed``).
A record outside the caller's scope answers 404, word for word as an absent one. Errors are problem+json
(core/api_errors.py): the services' ValidationErrors are raised through.
"""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from wijkkracht.people import selectors, services

from .api import ResidentSerializer

# What both merge records show (the page compares them side by side): logged for each.
MERGE_FIELDS = [*selectors.RESIDENT_PAGE_FIELDS, "bsn_masked"]
SAME_PERSON = gettext_lazy("Geef aan waarom dit dezelfde persoon is.")
REASON_REQUIRED = gettext_lazy("Geef een reden op.")


class MergeSerializer(serializers.Serializer):
    duplicate = serializers.UUIDField(
        help_text="Id of the other record of the same person: everything on it moves to this one.",
        error_messages={
            "required": gettext_lazy("Kies een inwoner."),
            "invalid": gettext_lazy("Geef de id van het andere dossier (een UUID)."),
        },
    )
    reason = serializers.CharField(
        max_length=1000,
        help_text="Why both records are the same person; written in the audit log.",
        error_messages={"required": SAME_PERSON, "blank": SAME_PERSON},
    )


class ResidentMergeAPIView(APIView):
    """Merge another record of the same person (``duplicate``) into this one, with a reason.

    Requests, contacts, grants, relations and every other record of the duplicate move here; a missing phone,
    e-mail or BSN is copied; the duplicate stays as a merged record, outside every list. The merge is written to
    the audit log under both references. Answers the kept record as saved now. Records with different BSNs, or
    one merged already, are refused (400)."""

    permission = "people.merge_residents"
    serializer_class = ResidentSerializer

    @extend_schema(
        operation_id="residents_merge",
        request=MergeSerializer,
        responses={
            200: ResidentSerializer,
            404: OpenApiResponse(description="Either record absent, merged already, or outside the caller's scope."),
        },
    )
    def post(self, request, public_id):
        view = "api:resident-merge"
        body = MergeSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        data = body.validated_data

        def read(resident_id):
            return selectors.resident_get(
                user=request.user, public_id=resident_id, view=view, fields=MERGE_FIELDS, permission=self.permission
            )

        keep, duplicate = read(public_id), read(data["duplicate"])
        services.resident_merge(keep=keep, duplicate=duplicate, by=request.user, reason=data["reason"], view=view)
        return Response(ResidentSerializer(read(public_id)).data)  # as saved now, read again (logged)


class BsnRevealSerializer(serializers.Serializer):
    reason = serializers.CharField(
        max_length=1000,
        help_text=f"Why the full BSN is needed, at least {selectors.BSN_REVEAL_MIN_REASON} characters; logged.",
        error_messages={"required": REASON_REQUIRED, "blank": REASON_REQUIRED},
    )

    def validate_reason(self, value: str) -> str:
        if len(value) < selectors.BSN_REVEAL_MIN_REASON:
            raise serializers.ValidationError(
                _("Beschrijf in minstens %(n)d tekens waarom u het BSN nodig heeft.")
                % {"n": selectors.BSN_REVEAL_MIN_REASON},
                code="min_length",
            )
        return value


class BsnSerializer(serializers.Serializer):
    id = serializers.UUIDField(help_text="The resident.")
    bsn = serializers.CharField(
        help_text="The full BSN, nine digits. Not stored by the client: Cache-Control no-store."
    )


NO_STORE = OpenApiParameter(
    "Cache-Control",
    str,
    OpenApiParameter.HEADER,
    response=[200],
    description="Altijd no-store: het volledige BSN wordt nergens bewaard.",
)


class ResidentBsnRevealAPIView(APIView):
    """The full BSN of a resident, once, for a stated reason: logged as ``bsn_revealed`` with that reason.

    Everywhere else the BSN is masked (``******123``). The answer says ``Cache-Control: no-store``. No BSN known:
    400 with a Dutch message; a resident outside the caller's scope: 404, the same as an absent one."""

    permission = "people.reveal_bsn"
    serializer_class = BsnSerializer

    @extend_schema(
        operation_id="residents_bsn_reveal",
        request=BsnRevealSerializer,
        parameters=[NO_STORE],
        responses={
            200: BsnSerializer,
            400: OpenApiResponse(description="The reason is missing or too short, or no BSN is known of the resident."),
        },
    )
    def post(self, request, public_id):
        body = BsnRevealSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        bsn = selectors.resident_bsn_reveal(
            user=request.user,
            public_id=public_id,
            view="api:resident-bsn-reveal",
            reason=body.validated_data["reason"],
        )
        response = Response(BsnSerializer({"id": public_id, "bsn": bsn}).data)
        response["Cache-Control"] = "no-store"
        return response
