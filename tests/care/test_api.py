"""The care API: same policy, same audit log, same rules as the pages."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from wijkkracht.accounts.roles import Role
from wijkkracht.audit.models import AuditEvent
from wijkkracht.care.models import CarerStrainAssessment, Signal

from ..conftest import login
from ..factories import CarerFactory, SignalFactory, WatchContactFactory

pytestmark = pytest.mark.django_db


def test_the_schema_lists_the_care_endpoints(make_user):
    schema = login(Client(), make_user(Role.WORKER)).get(reverse("api:schema"), {"format": "json"}).json()
    for path in (
        "/signalen",
        "/signalen/{public_id}",
        "/waakvlam",
        "/waakvlam/{public_id}",
        "/waakvlam/{public_id}/contact",
        "/mantelzorgers",
        "/mantelzorgers/{public_id}",
        "/mantelzorgers/{public_id}/ediz",
    ):
        assert path in schema["paths"], path
    assert "post" in schema["paths"]["/signalen"]


def test_signals_list_create_and_detail(make_user, city, resident_north, resident_south):
    worker = make_user(Role.WORKER)
    client = login(Client(), worker)
    created = client.post(
        reverse("api:signal-list"),
        {"source": "police", "concern": "Harde ruzie gehoord.", "resident": str(resident_north.public_id)},
        content_type="application/json",
    )
    assert created.status_code == 201
    signal = Signal.objects.get()
    assert created.json()["id"] == str(signal.public_id) and signal.team == city["team_north"]
    refused = client.post(
        reverse("api:signal-list"),
        {"source": "police", "concern": "x", "resident": str(resident_south.public_id)},
        content_type="application/json",
    )
    assert refused.status_code == 400 and Signal.objects.count() == 1
    no_concern = client.post(
        reverse("api:signal-list"), {"source": "gp", "about": "x"}, content_type="application/json"
    )
    assert no_concern.status_code == 400
    listing = client.get(reverse("api:signal-list")).json()
    assert [s["id"] for s in listing["results"]] == [str(signal.public_id)]
    detail = client.get(reverse("api:signal-detail", args=[signal.public_id])).json()
    assert detail["resident"]["name"] == resident_north.full_name


def test_the_other_team_gets_nothing_and_404(make_user, city, resident_north):
    signal = SignalFactory(team=city["team_north"], resident=resident_north)
    watch = WatchContactFactory(resident=resident_north, next_due=timezone.localdate())
    carer = CarerFactory(carer=resident_north)
    client = login(Client(), make_user(Role.WORKER, teams=[city["team_south"]]))
    assert client.get(reverse("api:signal-list")).json()["results"] == []
    assert client.get(reverse("api:watch-list")).json()["results"] == []
    assert client.get(reverse("api:carer-list")).json()["results"] == []
    for name, obj in (("api:signal-detail", signal), ("api:watch-detail", watch), ("api:carer-detail", carer)):
        assert client.get(reverse(name, args=[obj.public_id])).status_code == 404
    assert AuditEvent.objects.count() == 0


def test_logging_a_watch_contact_through_the_api_moves_the_next_date(make_user, city, resident_north):
    worker = make_user(Role.WORKER)
    watch = WatchContactFactory(resident=resident_north, owner=worker, interval_weeks=2)
    client = login(Client(), worker)
    response = client.post(
        reverse("api:watch-log", args=[watch.public_id]), {"kind": "call"}, content_type="application/json"
    )
    assert response.status_code == 201
    assert response.json()["next_due"] == (timezone.localdate() + timezone.timedelta(weeks=2)).isoformat()
    bad = client.post(
        reverse("api:watch-log", args=[watch.public_id]), {"kind": "fax"}, content_type="application/json"
    )
    assert bad.status_code == 400
    due = client.get(reverse("api:watch-list")).json()
    assert due["results"] == []


def test_recording_an_ediz_through_the_api(make_user, resident_north):
    worker = make_user(Role.WORKER)
    carer = CarerFactory(carer=resident_north, registered_by=worker)
    client = login(Client(), worker)
    url = reverse("api:carer-strain", args=[carer.public_id])
    ok = client.post(url, {"answers": [4, 4, 4, 4, 4, 4, 4, 1, 1]}, content_type="application/json")
    assert ok.status_code == 201 and ok.json()["score"] == 7 and ok.json()["overloaded"] is True
    bad = client.post(url, {"answers": [1, 1]}, content_type="application/json")
    assert bad.status_code == 400 and CarerStrainAssessment.objects.count() == 1
    detail = client.get(reverse("api:carer-detail", args=[carer.public_id])).json()
    assert detail["latest_ediz_score"] == 7 and detail["overloaded"] is True and detail["young_carer"] is False


def test_centre_staff_may_report_a_signal_through_the_api_but_not_list_them(make_user, city):
    """One URL, two permissions: writes need care.add_signal, reads care.triage_signal."""
    client = login(Client(), make_user(Role.CENTRE_STAFF))
    assert client.get(reverse("api:signal-list")).status_code == 403
    created = client.post(
        reverse("api:signal-list"),
        {"source": "neighbour", "concern": "Buurvrouw maakt zich zorgen.", "about": "Man op nummer 3"},
        content_type="application/json",
    )
    assert created.status_code == 201, created.content
    assert Signal.objects.count() == 1
