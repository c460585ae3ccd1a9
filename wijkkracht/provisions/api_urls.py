"""API endpoints of the provisions, included under /api/v1 (namespace api)."""

from django.urls import path

from . import api

urlpatterns = [
    path("verwijzingen", api.ReferralListAPIView.as_view(), name="referral-list"),
    path("verwijzingen/<uuid:public_id>", api.ReferralDetailAPIView.as_view(), name="referral-detail"),
    path("verwijzingen/<uuid:public_id>/terugmelding", api.ReferralReportAPIView.as_view(), name="referral-report"),
    path("ritten", api.RideListAPIView.as_view(), name="ride-booking-list"),
    path("ritten/<uuid:public_id>", api.RideDetailAPIView.as_view(), name="ride-booking-detail"),
    path("ritten/<uuid:public_id>/annuleren", api.RideCancelAPIView.as_view(), name="ride-booking-cancel"),
    path("welzijnsrecepten", api.PrescriptionListAPIView.as_view(), name="prescription-list"),
    path("welzijnsrecepten/<uuid:public_id>", api.PrescriptionDetailAPIView.as_view(), name="prescription-detail"),
    path("balievragen", api.QuestionListAPIView.as_view(), name="question-list"),
]
