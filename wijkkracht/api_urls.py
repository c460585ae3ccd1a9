"""The REST API under /api/v1 (OpenAPI 3 schema at /api/v1/openapi.json). Every endpoint names a policy permission.

Paths have no trailing slash (NL API Design Rules, /core/no-trailing-slash): /api/v1/inwoners/ answers 404.
"""

from django.urls import include, path
from drf_spectacular.views import SpectacularJSONAPIView

from wijkkracht.accounts.api import MeAPIView
from wijkkracht.people.api import (
    ConsentWithdrawAPIView,
    HouseholdDetailAPIView,
    ResidentConsentListAPIView,
    ResidentDetailAPIView,
    ResidentListAPIView,
)
from wijkkracht.people.api_operations import ResidentBsnRevealAPIView, ResidentMergeAPIView

app_name = "api"


class SchemaView(SpectacularJSONAPIView):
    """The OpenAPI document, in JSON at the standard place (/core/publish-openapi)."""

    permission = "core.view_home"


urlpatterns = [
    path("openapi.json", SchemaView.as_view(), name="schema"),
    path("ik", MeAPIView.as_view(), name="me"),
    path("inwoners", ResidentListAPIView.as_view(), name="resident-list"),
    path("inwoners/<uuid:public_id>", ResidentDetailAPIView.as_view(), name="resident-detail"),
    path("inwoners/<uuid:public_id>/samenvoegen", ResidentMergeAPIView.as_view(), name="resident-merge"),
    path("inwoners/<uuid:public_id>/bsn/tonen", ResidentBsnRevealAPIView.as_view(), name="resident-bsn-reveal"),
    path("inwoners/<uuid:public_id>/toestemmingen", ResidentConsentListAPIView.as_view(), name="resident-consent-list"),
    path("toestemmingen/<int:pk>/intrekken", ConsentWithdrawAPIView.as_view(), name="consent-withdraw"),
    path("huishoudens/<uuid:public_id>", HouseholdDetailAPIView.as_view(), name="household-detail"),
    path("", include("wijkkracht.cases.api_urls")),
    path("", include("wijkkracht.care.api_urls")),
    path("", include("wijkkracht.volunteers.api_urls")),
    path("", include("wijkkracht.socialmap.api_urls")),
    path("", include("wijkkracht.provisions.api_urls")),
]
