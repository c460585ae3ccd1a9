"""Volunteer pages under /vrijwilligers/: public sign-up and links, the volunteer's own pages, the coordinator's."""

from django.urls import path

from . import views_coordinator as coord
from . import views_matching as matching
from . import views_public as public
from . import views_self as own

app_name = "volunteers"
urlpatterns = [
    # Without login: the public form, a proposal's e-mail link, the calendar feed.
    path("aanmelden/", public.SignUpView.as_view(), name="signup"),
    path("aanmelden/bedankt/", public.SignUpDoneView.as_view(), name="signup-done"),
    path("voorstel/<str:token>/", public.ProposalRespondView.as_view(), name="proposal-respond"),
    path("agenda/<str:token>.ics", public.CalendarFeedView.as_view(), name="calendar-feed"),
    # The volunteer.
    path("mijn/", own.MyHomeView.as_view(), name="my"),
    path("mijn/beschikbaarheid/", own.MyAvailabilityView.as_view(), name="my-availability"),
    path("mijn/agenda/", own.MyCalendarView.as_view(), name="my-calendar"),
    path("mijn/koppelingen/<uuid:public_id>/", own.MyMatchView.as_view(), name="my-match"),
    path("mijn/koppelingen/<uuid:public_id>/reageren/", own.MyMatchRespondView.as_view(), name="my-match-respond"),
    path("mijn/koppelingen/<uuid:public_id>/uren/", own.MyMatchHoursView.as_view(), name="my-match-hours"),
    path("mijn/koppelingen/<uuid:public_id>/zorg/", own.MyMatchConcernView.as_view(), name="my-match-concern"),
    # The coordinator (and the team, for requests and matches of its residents).
    path("", coord.CoordinatorHomeView.as_view(), name="coordinator"),
    path("lijst/", coord.VolunteerListView.as_view(), name="volunteer-list"),
    path("nieuw/", coord.VolunteerCreateView.as_view(), name="volunteer-create"),
    path("vaardigheden/", coord.SkillListView.as_view(), name="skill-list"),
    path("cijfers/", coord.FiguresView.as_view(), name="figures"),
    path("<uuid:public_id>/", coord.VolunteerDetailView.as_view(), name="volunteer-detail"),
    path("<uuid:public_id>/wijzigen/", coord.VolunteerUpdateView.as_view(), name="volunteer-update"),
    path("<uuid:public_id>/status/", coord.VolunteerStatusView.as_view(), name="volunteer-status"),
    path("vragen/", matching.RequestListView.as_view(), name="request-list"),
    path("vragen/nieuw/<uuid:public_id>/", matching.RequestCreateView.as_view(), name="request-create"),
    path("vragen/<uuid:public_id>/", matching.RequestDetailView.as_view(), name="request-detail"),
    path("vragen/<uuid:public_id>/voorstellen/", matching.RequestProposeView.as_view(), name="request-propose"),
    path("vragen/<uuid:public_id>/sluiten/", matching.RequestCloseView.as_view(), name="request-close"),
    path("koppelen/", matching.BatchView.as_view(), name="batch"),
    path("koppelingen/<uuid:public_id>/", matching.MatchDetailView.as_view(), name="match-detail"),
    path("koppelingen/<uuid:public_id>/stap/", matching.MatchActionView.as_view(), name="match-action"),
]
