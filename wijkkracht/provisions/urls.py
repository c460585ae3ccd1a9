"""Provision pages under /voorzieningen/ (docs/provisions.md)."""

from django.urls import path

from .views import desk, groups, language, referrals, rides, wellbeing

app_name = "provisions"
urlpatterns = [
    path("", desk.ProvisionListView.as_view(), name="list"),
    path("<int:pk>/", desk.ProvisionDetailView.as_view(), name="detail"),
    path("cijfers/", desk.FiguresView.as_view(), name="figures"),
    # The administrative help desk and the information point.
    path("spreekuren/nieuw/", desk.SessionCreateView.as_view(), name="session-create"),
    path("spreekuren/<int:pk>/", desk.SessionDetailView.as_view(), name="session-detail"),
    path("vragen/nieuw/", desk.QuestionLogView.as_view(), name="question-log"),
    path("vragen/<uuid:public_id>/", desk.QuestionDetailView.as_view(), name="question-detail"),
    path("vragen/<uuid:public_id>/koppelen/", desk.QuestionLinkView.as_view(), name="question-link"),
    # Friendship groups.
    path("groepen/nieuw/", groups.GroupCreateView.as_view(), name="group-create"),
    path("groepen/<int:pk>/", groups.GroupDetailView.as_view(), name="group-detail"),
    path("groepen/<int:pk>/bijeenkomst/", groups.GroupMeetingView.as_view(), name="group-meeting"),
    path("hulpvragers/nieuw/<uuid:public_id>/", groups.SeekerCreateView.as_view(), name="seeker-create"),
    path("deelnemers/<uuid:public_id>/", groups.MemberDetailView.as_view(), name="member-detail"),
    path("deelnemers/<uuid:public_id>/plaatsen/", groups.MemberPlaceView.as_view(), name="member-place"),
    path("deelnemers/<uuid:public_id>/stoppen/", groups.MemberLeaveView.as_view(), name="member-leave"),
    # Language help.
    path("taal/", language.LanguageListView.as_view(), name="language-list"),
    path("taal/nieuw/<uuid:public_id>/", language.LanguageCreateView.as_view(), name="language-create"),
    path("taal/<uuid:public_id>/", language.LanguageDetailView.as_view(), name="language-detail"),
    path("taal/<uuid:public_id>/stap/", language.LanguageStepView.as_view(), name="language-step"),
    # Welzijn op Recept: the centre, and the GP's own pages.
    path("welzijn-op-recept/", wellbeing.PrescriptionListView.as_view(), name="prescription-list"),
    path("welzijn-op-recept/nieuw/", wellbeing.PrescriptionCreateView.as_view(), name="prescription-create"),
    path("welzijn-op-recept/<uuid:public_id>/", wellbeing.PrescriptionDetailView.as_view(), name="prescription-detail"),
    path(
        "welzijn-op-recept/<uuid:public_id>/stap/", wellbeing.PrescriptionStepView.as_view(), name="prescription-step"
    ),
    path("huisarts/", wellbeing.GpListView.as_view(), name="gp-list"),
    path("huisarts/nieuw/", wellbeing.GpCreateView.as_view(), name="gp-create"),
    path("huisarts/<uuid:public_id>/", wellbeing.GpDetailView.as_view(), name="gp-detail"),
    # The ride service (Max-mobiel).
    path("ritten/", rides.RideListView.as_view(), name="ride-list"),
    path("ritten/nieuw/<uuid:public_id>/", rides.RideBookView.as_view(), name="ride-book"),
    path("ritten/<uuid:public_id>/", rides.RideDetailView.as_view(), name="ride-detail"),
    path("ritten/<uuid:public_id>/annuleren/", rides.RideCancelView.as_view(), name="ride-cancel"),
    path("ritten/autos/nieuw/", rides.VehicleCreateView.as_view(), name="vehicle-create"),
    path("ritten/autos/<int:pk>/dag/", rides.VehicleDayView.as_view(), name="vehicle-day"),
    path("ritten/chauffeurs/nieuw/", rides.DriverCreateView.as_view(), name="driver-create"),
    path("ritten/mijn-ritten/", rides.MyRidesView.as_view(), name="my-rides"),
    path("ritten/agenda/<str:token>.ics", rides.RideFeedView.as_view(), name="ride-feed"),
    # Referrals to the social map, the food bank desk, the city pass.
    path("verwijzingen/", referrals.ReferralListView.as_view(), name="referral-list"),
    path("verwijzingen/nieuw/<uuid:public_id>/", referrals.ReferralCreateView.as_view(), name="referral-create"),
    path("verwijzingen/<uuid:public_id>/", referrals.ReferralDetailView.as_view(), name="referral-detail"),
    path("verwijzingen/<uuid:public_id>/terugmelden/", referrals.ReferralReportView.as_view(), name="referral-report"),
    path("verwijzingen/<uuid:public_id>/link/", referrals.ReferralLinkView.as_view(), name="referral-link"),
    path("terugmelding/<str:token>/", referrals.ReferralReportLinkView.as_view(), name="referral-report-link"),
    path("voedselloket/nieuw/<uuid:public_id>/", referrals.FoodBankCreateView.as_view(), name="foodbank-create"),
    path("voedselloket/<uuid:public_id>/besluit/", referrals.FoodBankDecideView.as_view(), name="foodbank-decide"),
    path("stadspas/<uuid:public_id>/", referrals.CityPassView.as_view(), name="citypass-record"),
]
