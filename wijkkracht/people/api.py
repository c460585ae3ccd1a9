from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from wijkkracht.access import selectors


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
    neighbourhood = serializers.CharField(source="household.neighbourhood.code")


class ResidentListAPIView(APIView):
    """Residents the caller may see (paginated); each returned resident is logged as read."""

    permission = "people.view_resident"
    serializer_class = ResidentSerializer

    @extend_schema(
        operation_id="residents_list", parameters=[OpenApiParameter("q", str), OpenApiParameter("page", int)]
    )
    def get(self, request):
        page = selectors.resident_page(
            user=request.user,
            view="api:resident-list",
            query=request.query_params.get("q", "")[:100],
            page=request.query_params.get("page", 1),
        )
        return Response(
            {
                "count": page.paginator.count,
                "page": page.number,
                "pages": page.paginator.num_pages,
                "results": ResidentSerializer(page.object_list, many=True).data,
            }
        )


class ResidentDetailAPIView(APIView):
    """One resident; refused and absent residents both answer 404 and nothing is logged as read."""

    permission = "people.view_resident"
    serializer_class = ResidentSerializer

    @extend_schema(operation_id="residents_retrieve")
    def get(self, request, public_id):
        resident = selectors.resident_get(user=request.user, public_id=public_id, view="api:resident-detail")
        return Response(ResidentSerializer(resident).data)
