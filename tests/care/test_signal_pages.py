"""A worker reports a concern, the team triages it: pages, policy and the audit log."""

import pytest
from django.test import Client
from django.urls import reverse

from wijkkracht.accounts.roles import Role
from wijkkracht.audit.models import AuditEvent, Refusal
from wijkkracht.care.models import Signal, WatchContact
from wijkkracht.cases.models import HelpRequest

from ..conftest import login
from ..factories import SignalFactory

pytestmark = pytest.mark.django_db


def detail(signal):
    return reverse("care:signal-detail", args=[signal.public_id])


def test_a_worker_reports_a_concern_about_a_resident_from_their_page(make_user, city, resident_north):
    worker = make_user(Role.WORKER)
    client = login(Client(), worker)
    url = reverse("care:signal-create") + f"?inwoner={resident_north.public_id}"
    page = client.get(url)
    assert page.status_code == 200 and resident_north.full_name in page.content.decode()
    response = client.post(url, {"source": "gp", "concern": "Meneer eet slecht.", "reporter": "Huisarts Jansen"})
    signal = Signal.objects.get()
    assert response.status_code == 302 and response["Location"] == detail(signal)
    assert (signal.resident, signal.team, signal.received_by) == (resident_north, city["team_north"], worker)


def test_centre_staff_may_report_but_not_triage(make_user, city):
    staff = make_user(Role.CENTRE_STAFF)
    client = login(Client(), staff)
    response = client.post(
        reverse("care:signal-create"), {"source": "neighbour", "about": "Flat 3, 2e etage", "concern": "Roept om hulp."}
    )
    assert response.status_code == 302 and response["Location"] == reverse("care:signal-list")
    assert client.get(detail(Signal.objects.get())).status_code == 403  # the triage is the team's
    # Their own list: the signals they reported and what became of them, without the way to triage.
    mine = client.get(reverse("care:signal-list"))
    body = mine.content.decode()
    assert mine.status_code == 200
    assert "Mijn gemelde signalen" in body and "Flat 3, 2e etage" in body
    assert detail(Signal.objects.get()) not in body


def test_a_signal_without_concern_shows_dutch_errors_and_saves_nothing(make_user):
    client = login(Client(), make_user(Role.WORKER))
    response = client.post(reverse("care:signal-create"), {"source": "gp", "concern": ""})
    body = response.content.decode()
    assert response.status_code == 200
    assert "Beschrijf de zorg." in body and "beschrijf over wie de zorg gaat" in body
    assert Signal.objects.count() == 0


def test_the_list_shows_my_teams_signals_only_and_logs_them(make_user, city, resident_north, resident_south):
    worker = make_user(Role.WORKER)
    mine = SignalFactory(team=city["team_north"], resident=resident_north, received_by=worker)
    unknown = SignalFactory(team=city["team_north"], about="Man met hond, Parisstraat", received_by=worker)
    SignalFactory(team=city["team_south"], resident=resident_south, received_by=worker)
    response = login(Client(), worker).get(reverse("care:signal-list"))
    body = response.content.decode()
    assert resident_north.full_name in body and "Man met hond" in body
    assert resident_south.full_name not in body
    logged = set(AuditEvent.objects.values_list("subject_type", "subject_ref"))
    assert logged == {("resident", str(mine.resident.public_id)), ("signal", str(unknown.public_id))}


def test_a_worker_of_the_other_team_gets_an_empty_list_and_404_without_read_entry(make_user, city, resident_north):
    signal = SignalFactory(team=city["team_north"], resident=resident_north)
    south_worker = make_user(Role.WORKER, teams=[city["team_south"]])
    client = login(Client(), south_worker)
    assert resident_north.full_name not in client.get(reverse("care:signal-list")).content.decode()
    assert client.get(detail(signal)).status_code == 404
    response = client.post(reverse("care:signal-close", args=[signal.public_id]), {"reason": "weg ermee"})
    assert response.status_code == 404
    assert AuditEvent.objects.count() == 0
    assert Refusal.objects.filter(actor_id=south_worker.pk).count() == 2
    signal.refresh_from_db()
    assert signal.status == Signal.Status.NEW


def test_triage_page_offers_three_outcomes_and_logs_the_read(make_user, city, resident_north):
    worker = make_user(Role.WORKER)
    signal = SignalFactory(team=city["team_north"], resident=resident_north, received_by=worker)
    response = login(Client(), worker).get(detail(signal))
    body = response.content.decode()
    for action in ("signal-to-request", "signal-to-watch", "signal-close"):
        assert reverse(f"care:{action}", args=[signal.public_id]) in body
    entry = AuditEvent.objects.get()
    assert (entry.view, entry.subject_ref, entry.object_type) == (
        "care:signal-detail",
        str(resident_north.public_id),
        "care.Signal",
    )


def test_triage_to_a_request_after_finding_the_resident(make_user, city, resident_north, resident_south):
    worker = make_user(Role.WORKER)
    signal = SignalFactory(team=city["team_north"], about="Mevrouw Bakker, boven de bakker", received_by=worker)
    client = login(Client(), worker)
    search = client.get(detail(signal), {"q": resident_north.first_name}).content.decode()
    assert str(resident_north.public_id) in search
    url = reverse("care:signal-to-request", args=[signal.public_id])
    # A resident outside my teams cannot be chosen: an error, nothing made.
    refused = client.post(url, {"channel": "outreach", "resident": str(resident_south.public_id)})
    assert "Kies een inwoner uit de zoekresultaten." in refused.content.decode()
    assert HelpRequest.objects.count() == 0
    response = client.post(url, {"channel": "outreach", "resident": str(resident_north.public_id)})
    assert response.status_code == 302
    signal.refresh_from_db()
    assert signal.status == Signal.Status.TO_HELP_REQUEST and signal.help_request.resident == resident_north


def test_triage_to_watch_and_close_from_the_page(make_user, city, resident_north):
    worker = make_user(Role.WORKER)
    client = login(Client(), worker)
    to_watch = SignalFactory(team=city["team_north"], resident=resident_north, received_by=worker)
    response = client.post(
        reverse("care:signal-to-watch", args=[to_watch.public_id]), {"owner": worker.pk, "interval_weeks": 6}
    )
    assert response.status_code == 302
    assert WatchContact.objects.get().interval_weeks == 6

    to_close = SignalFactory(team=city["team_north"], received_by=worker)
    close_url = reverse("care:signal-close", args=[to_close.public_id])
    no_reason = client.post(close_url, {"reason": ""})
    assert "Geef een reden waarom het signaal zonder actie wordt gesloten." in no_reason.content.decode()
    to_close.refresh_from_db()
    assert to_close.status == Signal.Status.NEW
    client.post(close_url, {"reason": "Dubbele melding."})
    to_close.refresh_from_db()
    assert to_close.status == Signal.Status.CLOSED
    again = client.post(close_url, {"reason": "Nog eens."}, follow=True)
    assert "al afgehandeld" in again.content.decode()
    to_close.refresh_from_db()
    assert to_close.closed_reason == "Dubbele melding."
