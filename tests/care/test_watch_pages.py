"""Pilot-light contacts: who is due, logging a contact (also the quick htmx form), ending one."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from wijkkracht.accounts.roles import Role
from wijkkracht.audit.models import AuditEvent
from wijkkracht.care.models import WatchContact
from wijkkracht.cases.models import Contact

from ..conftest import login
from ..factories import ResidentFactory, WatchContactFactory

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate


def days(n):
    return TODAY() + datetime.timedelta(days=n)


def listing(client, **params) -> str:
    return client.get(reverse("care:watch-list"), params).content.decode()


def test_the_team_list_shows_due_and_overdue_contacts_and_not_later_ones(make_user, city):
    worker = make_user(Role.WORKER)
    overdue = WatchContactFactory(resident__household__neighbourhood=city["north"], owner=worker, next_due=days(-3))
    due = WatchContactFactory(resident__household__neighbourhood=city["north"], owner=worker, next_due=days(7))
    later = WatchContactFactory(resident__household__neighbourhood=city["north"], owner=worker, next_due=days(8))
    ended = WatchContactFactory(
        resident__household__neighbourhood=city["north"], owner=worker, next_due=days(-1), ended_at=timezone.now()
    )
    client = login(Client(), worker)
    body = listing(client)
    assert overdue.resident.full_name in body and due.resident.full_name in body
    assert later.resident.full_name not in body and ended.resident.full_name not in body
    assert body.index(overdue.resident.full_name) < body.index(due.resident.full_name)
    assert "te laat" in body
    overdue_only = listing(client, toon="te-laat")
    assert overdue.resident.full_name in overdue_only and due.resident.full_name not in overdue_only


def test_logging_a_contact_moves_it_off_the_list(make_user, city):
    worker = make_user(Role.WORKER)
    watch = WatchContactFactory(
        resident__household__neighbourhood=city["north"], owner=worker, next_due=days(-3), interval_weeks=2
    )
    client = login(Client(), worker)
    assert watch.resident.full_name in listing(client)
    response = client.post(
        reverse("care:watch-log", args=[watch.public_id]),
        {"kind": "visit", "on": TODAY().isoformat(), "note": "Gaat goed."},
    )
    assert response.status_code == 302
    watch.refresh_from_db()
    assert watch.next_due == days(14)
    assert Contact.objects.get().context == Contact.Context.WATCH
    assert watch.resident.full_name not in listing(client)


def test_the_quick_htmx_form_answers_with_the_fragment(make_user, city):
    worker = make_user(Role.WORKER)
    watch = WatchContactFactory(resident__household__neighbourhood=city["north"], owner=worker, next_due=TODAY())
    response = login(Client(), worker).post(
        reverse("care:watch-log", args=[watch.public_id]),
        {"prefix": "log-x", "log-x-kind": "call", "log-x-on": TODAY().isoformat()},
        HTTP_HX_REQUEST="true",
    )
    body = response.content.decode()
    assert response.status_code == 200 and "<html" not in body
    assert "Het contact is vastgelegd. Volgend contact: " + days(28).strftime("%d-%m-%Y") in body


def test_a_contact_in_the_future_is_refused_on_the_page(make_user, city):
    worker = make_user(Role.WORKER)
    watch = WatchContactFactory(resident__household__neighbourhood=city["north"], owner=worker)
    response = login(Client(), worker).post(
        reverse("care:watch-log", args=[watch.public_id]), {"kind": "call", "on": days(2).isoformat()}
    )
    assert "Een contactmoment kan niet in de toekomst liggen." in response.content.decode()
    assert Contact.objects.count() == 0


def test_start_from_the_resident_and_end_after_confirmation(make_user, city, resident_north):
    worker = make_user(Role.WORKER)
    client = login(Client(), worker)
    create = reverse("care:watch-create", args=[resident_north.public_id])
    assert client.get(create).status_code == 200
    bad = client.post(create, {"owner": worker.pk, "interval_weeks": 60, "first_due": TODAY().isoformat()})
    assert "Kies een interval van 1 tot en met 52 weken." in bad.content.decode()
    client.post(create, {"owner": worker.pk, "interval_weeks": 4, "first_due": TODAY().isoformat(), "reason": "Alleen"})
    watch = WatchContact.objects.get()
    end = reverse("care:watch-end", args=[watch.public_id])
    confirm = client.get(end)
    assert "Weet u zeker" in confirm.content.decode()
    watch.refresh_from_db()
    assert watch.ended_at is None
    client.post(end)
    watch.refresh_from_db()
    assert watch.ended_at is not None


def test_a_worker_of_the_other_team_sees_nothing_and_gets_404(make_user, city):
    watch = WatchContactFactory(resident__household__neighbourhood=city["north"], next_due=days(-1))
    south_worker = make_user(Role.WORKER, teams=[city["team_south"]])
    client = login(Client(), south_worker)
    assert watch.resident.full_name not in listing(client)
    assert client.get(reverse("care:watch-detail", args=[watch.public_id])).status_code == 404
    assert client.post(reverse("care:watch-log", args=[watch.public_id]), {"kind": "call"}).status_code == 404
    assert AuditEvent.objects.count() == 0
    assert Contact.objects.count() == 0


def test_reads_are_logged(make_user, city):
    worker = make_user(Role.WORKER)
    watch = WatchContactFactory(resident__household__neighbourhood=city["north"], owner=worker, next_due=TODAY())
    client = login(Client(), worker)
    client.get(reverse("care:watch-detail", args=[watch.public_id]))
    entry = AuditEvent.objects.get()
    assert (entry.view, entry.subject_ref, entry.object_type) == (
        "care:watch-detail",
        str(watch.resident.public_id),
        "care.WatchContact",
    )


def test_the_list_uses_a_fixed_number_of_queries(make_user, city, django_assert_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    worker = make_user(Role.WORKER)
    client = login(Client(), worker)
    WatchContactFactory.create_batch(2, resident__household__neighbourhood=city["north"], owner=worker)
    with CaptureQueriesContext(connection) as few:
        listing(client)
    for _ in range(20):
        WatchContactFactory(resident=ResidentFactory(household__neighbourhood=city["north"]), owner=worker)
    with CaptureQueriesContext(connection) as many:
        listing(client)
    assert len(many) == len(few)
