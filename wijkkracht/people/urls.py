from django.urls import path

from . import views

app_name = "people"
urlpatterns = [
    path("", views.ResidentListView.as_view(), name="resident-list"),
    path("export/", views.ResidentExportView.as_view(), name="resident-export"),
    path("<uuid:public_id>/", views.ResidentDetailView.as_view(), name="resident-detail"),
    path("<uuid:public_id>/noodtoegang/", views.ResidentBreakGlassView.as_view(), name="resident-break-glass"),
]
