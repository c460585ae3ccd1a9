from django.urls import path

from . import views

app_name = "organisations"
urlpatterns = [
    path("", views.OrganisationListView.as_view(), name="organisation-list"),
    path("nieuw/", views.OrganisationFormView.as_view(), name="organisation-create"),
    path("<int:pk>/", views.OrganisationFormView.as_view(), name="organisation-update"),
    path("teams/", views.TeamListView.as_view(), name="team-list"),
    path("teams/nieuw/", views.TeamFormView.as_view(), name="team-create"),
    path("teams/<int:pk>/", views.TeamFormView.as_view(), name="team-update"),
]
