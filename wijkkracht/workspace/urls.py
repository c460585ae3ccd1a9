from django.urls import path

from . import views

app_name = "workspace"
urlpatterns = [
    path("", views.CaseloadView.as_view(), name="caseload"),
    path("team/", views.TeamBoardView.as_view(), name="team-board"),
]
