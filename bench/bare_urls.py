"""The bench-only URLconf of the bare server (bench/bare_settings.py): the bare views under /bare/, and the
production URLs beside them so the pages' templates can name their links. Never used in production."""

from django.urls import include, path

from bench import bare_views

urlpatterns = [
    path("bare/inwoners/<uuid:public_id>/", bare_views.resident_page, name="bare-resident"),
    path("bare/inwoners/", bare_views.search, name="bare-search"),
    path("bare/werk/", bare_views.caseload, name="bare-caseload"),
    path("bare/werk/team/", bare_views.team_board, name="bare-team-board"),
    path("", include("wijkkracht.urls")),
]
