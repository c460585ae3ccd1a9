from django.urls import path

from . import views, views_notifications

app_name = "workspace"
urlpatterns = [
    path("", views.CaseloadView.as_view(), name="caseload"),
    path("team/", views.TeamBoardView.as_view(), name="team-board"),
    path("team/<uuid:public_id>/toewijzen/", views.TeamBoardAssignView.as_view(), name="team-board-assign"),
    path("meldingen/", views_notifications.NotificationListView.as_view(), name="notification-list"),
    path(
        "meldingen/<uuid:public_id>/",
        views_notifications.NotificationOpenView.as_view(),
        name="notification-open",
    ),
]
