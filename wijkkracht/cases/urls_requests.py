"""Help-request pages, under /hulpvragen/ (namespace cases)."""

from django.urls import path

from .views import request_forms as forms
from .views import requests as views

urlpatterns = [
    path("", views.RequestListView.as_view(), name="request-list"),
    path("nieuw/<uuid:public_id>/", views.RequestCreateView.as_view(), name="request-create"),
    path("<uuid:public_id>/", views.RequestDetailView.as_view(), name="request-detail"),
    path("<uuid:public_id>/status/", views.RequestStatusView.as_view(), name="request-status"),
    path("<uuid:public_id>/behandelaar/", views.RequestAssignView.as_view(), name="request-assign"),
    path("<uuid:public_id>/informeel-eerst/", forms.RequestInformalCheckView.as_view(), name="request-informal"),
    path(
        "<uuid:public_id>/contactmomenten/",
        forms.RequestContactCreateView.as_view(),
        name="request-contact-create",
    ),
    path("<uuid:public_id>/afsluiten/", forms.RequestCloseView.as_view(), name="request-close"),
    path("<uuid:public_id>/heropenen/", forms.RequestReopenView.as_view(), name="request-reopen"),
]
