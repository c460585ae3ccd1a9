"""API endpoints of the social map, included under /api/v1 (namespace api)."""

from django.urls import path

from . import api

urlpatterns = [
    path("sociale-kaart/aanbod", api.ResourceListAPIView.as_view(), name="resource-list"),
    path("sociale-kaart/aanbod/<uuid:public_id>", api.ResourceDetailAPIView.as_view(), name="resource-detail"),
    path("sociale-kaart/hsds/services", api.HsdsServicesAPIView.as_view(), name="hsds-services"),
]
