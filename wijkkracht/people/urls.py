from django.urls import path

from . import views

app_name = "people"
urlpatterns = [
    path("", views.ResidentListView.as_view(), name="resident-list"),
    path("export/", views.ResidentExportView.as_view(), name="resident-export"),
    path("nieuw/", views.ResidentCreateView.as_view(), name="resident-create"),
    path("adres/", views.AddressCheckView.as_view(), name="address-check"),
    path("huishoudens/<uuid:public_id>/", views.HouseholdDetailView.as_view(), name="household-detail"),
    path("<uuid:public_id>/", views.ResidentDetailView.as_view(), name="resident-detail"),
    path("<uuid:public_id>/noodtoegang/", views.ResidentBreakGlassView.as_view(), name="resident-break-glass"),
    path("<uuid:public_id>/wijzigen/", views.ResidentUpdateView.as_view(), name="resident-update"),
    path("<uuid:public_id>/verhuizen/", views.ResidentMoveView.as_view(), name="resident-move"),
    path("<uuid:public_id>/bsn/", views.ResidentBsnView.as_view(), name="resident-bsn"),
    path("<uuid:public_id>/bsn/tonen/", views.ResidentBsnRevealView.as_view(), name="resident-bsn-reveal"),
    path("<uuid:public_id>/relaties/nieuw/", views.RelationAddView.as_view(), name="relation-add"),
    path("<uuid:public_id>/relaties/<int:pk>/verwijderen/", views.RelationRemoveView.as_view(), name="relation-remove"),
    path("<uuid:public_id>/samenvoegen/", views.ResidentMergeView.as_view(), name="resident-merge"),
    path(
        "<uuid:public_id>/samenvoegen/<uuid:duplicate_id>/",
        views.ResidentMergeConfirmView.as_view(),
        name="resident-merge-confirm",
    ),
    path("<uuid:public_id>/toestemming/", views.ConsentListView.as_view(), name="consent-list"),
    path("<uuid:public_id>/toestemming/nieuw/", views.ConsentCreateView.as_view(), name="consent-create"),
    path(
        "<uuid:public_id>/toestemming/<int:pk>/intrekken/",
        views.ConsentWithdrawView.as_view(),
        name="consent-withdraw",
    ),
    path(
        "<uuid:public_id>/toestemming/organisatie/<int:organisation_id>/intrekken/",
        views.ConsentWithdrawAllView.as_view(),
        name="consent-withdraw-all",
    ),
]
