"""API endpoints of care, included under /api/v1 (namespace api)."""

from django.urls import path

from . import api

urlpatterns = [
    path("signalen", api.SignalListAPIView.as_view(), name="signal-list"),
    path("signalen/<uuid:public_id>", api.SignalDetailAPIView.as_view(), name="signal-detail"),
    path("waakvlam", api.WatchListAPIView.as_view(), name="watch-list"),
    path("waakvlam/<uuid:public_id>", api.WatchDetailAPIView.as_view(), name="watch-detail"),
    path("waakvlam/<uuid:public_id>/contact", api.WatchLogAPIView.as_view(), name="watch-log"),
    path("mantelzorgers", api.CarerListAPIView.as_view(), name="carer-list"),
    path("mantelzorgers/<uuid:public_id>", api.CarerDetailAPIView.as_view(), name="carer-detail"),
    path("mantelzorgers/<uuid:public_id>/ediz", api.CarerStrainAPIView.as_view(), name="carer-strain"),
]
