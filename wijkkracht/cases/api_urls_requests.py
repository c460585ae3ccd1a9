"""API of help requests and their contacts, under /api/v1 (namespace api)."""

from django.urls import path

from . import api_requests as api

urlpatterns = [
    path("hulpvragen", api.HelpRequestListAPIView.as_view(), name="request-list"),
    path("hulpvragen/<uuid:public_id>", api.HelpRequestDetailAPIView.as_view(), name="request-detail"),
    path("hulpvragen/<uuid:public_id>/status", api.HelpRequestStatusAPIView.as_view(), name="request-status"),
    path(
        "hulpvragen/<uuid:public_id>/informeel-eerst",
        api.HelpRequestInformalCheckAPIView.as_view(),
        name="request-informal",
    ),
    path(
        "hulpvragen/<uuid:public_id>/contactmomenten",
        api.HelpRequestContactsAPIView.as_view(),
        name="request-contacts",
    ),
    path("hulpvragen/<uuid:public_id>/afsluiten", api.HelpRequestCloseAPIView.as_view(), name="request-close"),
]
