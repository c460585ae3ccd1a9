"""API endpoints of volunteering, included under /api/v1 (namespace api)."""

from django.urls import path

from . import api

urlpatterns = [
    path("vrijwilligers", api.VolunteerListAPIView.as_view(), name="volunteer-list"),
    path("vrijwilligers/<uuid:public_id>", api.VolunteerDetailAPIView.as_view(), name="volunteer-detail"),
    path("vrijwilligersvragen", api.RequestListAPIView.as_view(), name="volunteer-request-list"),
    path(
        "vrijwilligersvragen/<uuid:public_id>/kandidaten",
        api.CandidatesAPIView.as_view(),
        name="volunteer-request-candidates",
    ),
    path("koppelingen", api.MatchListAPIView.as_view(), name="match-list"),
    path("mijn/koppelingen", api.MyMatchListAPIView.as_view(), name="my-match-list"),
    path("mijn/koppelingen/<uuid:public_id>/uren", api.MyMatchHoursAPIView.as_view(), name="my-match-hours"),
]
