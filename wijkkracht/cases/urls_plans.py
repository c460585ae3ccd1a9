from django.urls import path

from .views import plans as views

urlpatterns = [
    path("zrm/nieuw/<uuid:public_id>/", views.AssessmentCreateView.as_view(), name="assessment-create"),
    path("zrm/<uuid:public_id>/", views.AssessmentHistoryView.as_view(), name="assessment-history"),
    path("plan/<uuid:household_public_id>/", views.PlanDetailView.as_view(), name="plan-detail"),
    path("plan/<uuid:household_public_id>/nieuw/", views.PlanCreateView.as_view(), name="plan-create"),
    path("plan/<uuid:household_public_id>/wijzigen/", views.PlanEditView.as_view(), name="plan-edit"),
    path("plan/<uuid:household_public_id>/doelen/", views.GoalAddView.as_view(), name="plan-goal-add"),
    path("plan/<uuid:household_public_id>/afspraken/", views.ActionAddView.as_view(), name="plan-action-add"),
    path(
        "plan/<uuid:household_public_id>/doelen/<int:pk>/bereikt/",
        views.GoalAchieveView.as_view(),
        name="plan-goal-achieve",
    ),
    path(
        "plan/<uuid:household_public_id>/afspraken/<int:pk>/gedaan/",
        views.ActionDoneView.as_view(),
        name="plan-action-done",
    ),
    path(
        "plan/<uuid:household_public_id>/doelen/<int:pk>/wijzigen/",
        views.GoalEditView.as_view(),
        name="goal-edit",
    ),
    path(
        "plan/<uuid:household_public_id>/doelen/<int:pk>/verwijderen/",
        views.GoalRemoveView.as_view(),
        name="goal-remove",
    ),
    path(
        "plan/<uuid:household_public_id>/afspraken/<int:pk>/wijzigen/",
        views.ActionEditView.as_view(),
        name="action-edit",
    ),
    path(
        "plan/<uuid:household_public_id>/afspraken/<int:pk>/verwijderen/",
        views.ActionRemoveView.as_view(),
        name="action-remove",
    ),
]
