from django.urls import path

from . import views

app_name = "audit"
urlpatterns = [
    path("", views.AuditLogView.as_view(), name="log"),
    path("meldingen/", views.FlagListView.as_view(), name="flags"),
    path("meldingen/<int:pk>/", views.FlagReviewView.as_view(), name="flag-review"),
]
