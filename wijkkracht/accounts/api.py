from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView


class MeSerializer(serializers.Serializer):
    username = serializers.CharField()
    role = serializers.CharField()
    organisation = serializers.CharField(source="organisation.short_name", default=None)
    teams = serializers.SerializerMethodField()

    @extend_schema_field(serializers.ListField(child=serializers.CharField()))
    def get_teams(self, user) -> list[str]:
        return [team.name for team in user.teams.all()]


class MeAPIView(APIView):
    """Who am I: my role, organisation and teams."""

    permission = "accounts.view_own_profile"
    serializer_class = MeSerializer

    def get(self, request):
        return Response(MeSerializer(request.user).data)
