from django.urls import path

from .api_plans import AssessmentListAPIView, PlanDetailAPIView

urlpatterns = [
    path("plannen/<uuid:household_public_id>", PlanDetailAPIView.as_view(), name="plan-detail"),
    path("inwoners/<uuid:public_id>/zrm", AssessmentListAPIView.as_view(), name="assessment-list"),
]
