"""Care pages under /zorg/: signals, pilot-light contacts (waakvlam) and informal carers (mantelzorg)."""

from django.urls import path

from . import views_carers, views_signals, views_watch

app_name = "care"
urlpatterns = [
    path("signalen/", views_signals.SignalListView.as_view(), name="signal-list"),
    path("signalen/nieuw/", views_signals.SignalCreateView.as_view(), name="signal-create"),
    path("signalen/<uuid:public_id>/", views_signals.SignalDetailView.as_view(), name="signal-detail"),
    path("signalen/<uuid:public_id>/hulpvraag/", views_signals.SignalToRequestView.as_view(), name="signal-to-request"),
    path("signalen/<uuid:public_id>/waakvlam/", views_signals.SignalToWatchView.as_view(), name="signal-to-watch"),
    path("signalen/<uuid:public_id>/sluiten/", views_signals.SignalCloseView.as_view(), name="signal-close"),
    path("waakvlam/", views_watch.WatchListView.as_view(), name="watch-list"),
    path("waakvlam/nieuw/<uuid:public_id>/", views_watch.WatchCreateView.as_view(), name="watch-create"),
    path("waakvlam/<uuid:public_id>/", views_watch.WatchDetailView.as_view(), name="watch-detail"),
    path("waakvlam/<uuid:public_id>/contact/", views_watch.WatchLogView.as_view(), name="watch-log"),
    path("waakvlam/<uuid:public_id>/wijzigen/", views_watch.WatchChangeView.as_view(), name="watch-change"),
    path("waakvlam/<uuid:public_id>/beeindigen/", views_watch.WatchEndView.as_view(), name="watch-end"),
    path("mantelzorgers/", views_carers.CarerListView.as_view(), name="carer-list"),
    path("mantelzorgers/nieuw/<uuid:public_id>/", views_carers.CarerCreateView.as_view(), name="carer-create"),
    path("mantelzorgers/<uuid:public_id>/", views_carers.CarerDetailView.as_view(), name="carer-detail"),
    path("mantelzorgers/<uuid:public_id>/ediz/", views_carers.CarerStrainView.as_view(), name="carer-strain"),
    path("mantelzorgers/<uuid:public_id>/doorverwijzen/", views_carers.CarerReferView.as_view(), name="carer-refer"),
    path("mantelzorgers/<uuid:public_id>/ontvangen/", views_carers.CarerReceivedView.as_view(), name="carer-received"),
]
