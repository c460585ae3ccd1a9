from django.urls import path

from .views import actions, assessments, goals, plan_page

urlpatterns = [
    path("zrm/nieuw/<uuid:public_id>/", assessments.AssessmentCreateView.as_view(), name="assessment-create"),
    path("zrm/<uuid:public_id>/", assessments.AssessmentHistoryView.as_view(), name="assessment-history"),
    path("plan/<uuid:household_public_id>/", plan_page.PlanDetailView.as_view(), name="plan-detail"),
    path("plan/<uuid:household_public_id>/nieuw/", plan_page.PlanCreateView.as_view(), name="plan-create"),
    path("plan/<uuid:household_public_id>/wijzigen/", plan_page.PlanEditView.as_view(), name="plan-edit"),
    path("plan/<uuid:household_public_id>/doelen/", goals.GoalAddView.as_view(), name="plan-goal-add"),
    path("plan/<uuid:household_public_id>/afspraken/", actions.ActionAddView.as_view(), name="plan-action-add"),
    path(
        "plan/<uuid:household_public_id>/doelen/<int:pk>/bereikt/",
        goals.GoalAchieveView.as_view(),
        name="plan-goal-achieve",
    ),
    path(
        "plan/<uuid:household_public_id>/afspraken/<int:pk>/gedaan/",
        actions.ActionDoneView.as_view(),
        name="plan-action-done",
    ),
    path(
        "plan/<uuid:household_public_id>/doelen/<int:pk>/wijzigen/",
        goals.GoalEditView.as_view(),
        name="goal-edit",
    ),
    path(
        "plan/<uuid:household_public_id>/doelen/<int:pk>/verwijderen/",
        goals.GoalRemoveView.as_view(),
        name="goal-remove",
    ),
    path(
        "plan/<uuid:household_public_id>/afspraken/<int:pk>/wijzigen/",
        actions.ActionEditView.as_view(),
        name="action-edit",
    ),
    path(
        "plan/<uuid:household_public_id>/afspraken/<int:pk>/verwijderen/",
        actions.ActionRemoveView.as_view(),
        name="action-remove",
    ),
]
