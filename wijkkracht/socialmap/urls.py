"""Social-map pages under /sociale-kaart/: public search and resource pages, the HSDS download, and upkeep."""

from django.urls import path

from . import views

app_name = "socialmap"
urlpatterns = [
    path("", views.SearchView.as_view(), name="search"),
    path("hsds.json", views.HsdsExportView.as_view(), name="hsds-export"),
    path("aanbod/<uuid:public_id>/", views.ResourceDetailView.as_view(), name="resource-detail"),
    path("beheer/nieuw/", views.ResourceCreateView.as_view(), name="resource-create"),
    path("beheer/<uuid:public_id>/wijzigen/", views.ResourceUpdateView.as_view(), name="resource-update"),
    path("beheer/<uuid:public_id>/gecontroleerd/", views.ResourceVerifyView.as_view(), name="resource-verify"),
    path("beheer/import/", views.HsdsImportView.as_view(), name="import"),
]
