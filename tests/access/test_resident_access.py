"""Need-to-know: who sees which resident, and what the audit log records of it."""

import datetime
import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from wijkkracht.accounts.roles import Role
from wijkkracht.audit.models import AuditEvent, Event, Flag, Purpose, Refusal

from ..conftest import login
from ..factories import AccessGrantFactory, ResidentFactory

pytestmark = pytest.mark.django_db


def detail(resident):
    return reverse("people:resident-detail", args=[resident.public_id])


def test_a_worker_sees_a_resident_of_their_team_and_the_read_is_logged(make_user, resident_north):
    worker = make_user(Role.WORKER)
    response = login(Client(), worker).get(detail(resident_north))
    assert response.status_code == 200
    assert resident_north.full_name in response.content.decode()
    entry = AuditEvent.objects.get()
    assert (entry.actor_username, entry.actor_role, entry.subject_ref) == (
        worker.username,
        "worker",
        str(resident_north.public_id),
    )
    assert entry.purpose == Purpose.CASE_WORK
    assert entry.view == "people:resident-detail"
    assert "birth_date" in entry.fields
    assert entry.actor_organisation == worker.organisation.name


def test_a_worker_of_another_team_gets_not_found_and_no_read_is_logged(make_user, city, resident_south):
    worker = make_user(Role.WORKER)
    response = login(Client(), worker).get(detail(resident_south))
    assert response.status_code == 404
    assert resident_south.last_name not in response.content.decode()
    assert AuditEvent.objects.count() == 0
    assert Refusal.objects.filter(actor_id=worker.pk).count() == 1


def test_a_refusal_looks_the_same_as_a_resident_that_does_not_exist(make_user, resident_south):
    client = login(Client(), make_user(Role.WORKER))
    refused = client.get(detail(resident_south))
    absent = client.get(reverse("people:resident-detail", args=["00000000-0000-4000-8000-000000000000"]))
    assert refused.status_code == absent.status_code == 404

    def page(response, ref):
        body = response.content.decode().replace(ref, "<id>")
        return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", body)

    assert page(refused, str(resident_south.public_id)) == page(absent, "00000000-0000-4000-8000-000000000000")


def test_a_specialist_sees_only_residents_shared_with_their_organisation(
    make_user, city, resident_north, resident_south
):
    specialist = make_user(Role.SPECIALIST)
    AccessGrantFactory(resident=resident_north, organisation=city["sst"])
    client = login(Client(), specialist)
    assert client.get(detail(resident_north)).status_code == 200
    assert client.get(detail(resident_south)).status_code == 404
    assert AuditEvent.objects.get().purpose == Purpose.HANDOVER


def test_an_expired_or_revoked_grant_no_longer_gives_access(make_user, city, resident_north):
    specialist = make_user(Role.SPECIALIST)
    grant = AccessGrantFactory(
        resident=resident_north, organisation=city["sst"], valid_until=timezone.now() - datetime.timedelta(days=1)
    )
    client = login(Client(), specialist)
    assert client.get(detail(resident_north)).status_code == 404
    grant.valid_until = timezone.now() + datetime.timedelta(days=1)
    grant.revoked_at = timezone.now()
    grant.save()
    assert client.get(detail(resident_north)).status_code == 404
    assert AuditEvent.objects.count() == 0


@pytest.mark.parametrize("role", [Role.POLICY_ANALYST, Role.PRIVACY_OFFICER, Role.FUNCTIONAL_ADMIN, Role.VOLUNTEER])
def test_roles_without_casework_never_see_names(make_user, resident_north, role):
    client = login(Client(), make_user(role))
    for url in (
        detail(resident_north),
        reverse("people:resident-list"),
        reverse("api:resident-detail", args=[resident_north.public_id]),
    ):
        response = client.get(url)
        assert response.status_code in (403, 404)
        assert resident_north.last_name not in response.content.decode()
    assert AuditEvent.objects.count() == 0


def test_the_resident_list_shows_only_the_teams_residents_and_logs_each_one_shown(
    make_user, resident_north, resident_south
):
    worker = make_user(Role.WORKER)
    response = login(Client(), worker).get(reverse("people:resident-list"))
    body = response.content.decode()
    assert resident_north.full_name in body
    assert resident_south.full_name not in body
    assert list(AuditEvent.objects.values_list("subject_ref", flat=True)) == [str(resident_north.public_id)]


def test_the_api_follows_the_same_rules_and_logs_the_read(make_user, resident_north, resident_south):
    client = login(Client(), make_user(Role.WORKER))
    ok = client.get(reverse("api:resident-detail", args=[resident_north.public_id]))
    assert ok.status_code == 200
    assert ok.json()["last_name"] == resident_north.last_name
    assert client.get(reverse("api:resident-detail", args=[resident_south.public_id])).status_code == 404
    listing = client.get(reverse("api:resident-list")).json()
    assert [r["id"] for r in listing["results"]] == [str(resident_north.public_id)]
    assert AuditEvent.objects.filter(view__startswith="api:").count() == 2


def test_break_the_glass_needs_a_reason_and_is_logged_and_flagged(make_user, resident_south):
    worker = make_user(Role.WORKER)
    client = login(Client(), worker)
    url = reverse("people:resident-break-glass", args=[resident_south.public_id])
    too_short = client.post(url, {"reason": "nodig"})
    assert too_short.status_code == 200
    assert "minstens 15 tekens" in too_short.content.decode()
    assert AuditEvent.objects.count() == 0
    response = client.post(url, {"reason": "Acute zorgen van de huisarts, collega ziek"})
    assert response.status_code == 200
    assert resident_south.full_name in response.content.decode()
    entry = AuditEvent.objects.get()
    assert (entry.event, entry.purpose) == (Event.BREAK_GLASS_READ, Purpose.BREAK_GLASS)
    assert entry.reason == "Acute zorgen van de huisarts, collega ziek"
    flag = Flag.objects.get(kind=Flag.Kind.BREAK_GLASS)
    assert flag.audit_event_id == entry.pk


def test_the_not_found_page_offers_break_the_glass_only_to_roles_that_may(make_user, resident_south):
    worker_page = login(Client(), make_user(Role.WORKER)).get(detail(resident_south)).content.decode()
    centre_page = login(Client(), make_user(Role.CENTRE_STAFF)).get(detail(resident_south)).content.decode()
    assert "Noodtoegang vragen" in worker_page
    assert "Noodtoegang vragen" not in centre_page


def test_repeated_refusals_are_flagged_to_the_privacy_officer(make_user, city, settings):
    settings.AUDIT_REFUSAL_FLAG_THRESHOLD = 3
    worker = make_user(Role.WORKER)
    others = ResidentFactory.create_batch(4, household__neighbourhood=city["south"])
    client = login(Client(), worker)
    for resident in others[:2]:
        client.get(detail(resident))
    assert not Flag.objects.filter(kind=Flag.Kind.REPEATED_REFUSALS).exists()
    for resident in others[2:]:
        client.get(detail(resident))
    flag = Flag.objects.get(kind=Flag.Kind.REPEATED_REFUSALS)
    assert flag.actor_username == worker.username
    assert flag.detail == "3 geweigerde verzoeken binnen 10 minuten"  # in words, not "0:10:00"
    assert AuditEvent.objects.count() == 0


def test_a_user_without_the_second_factor_is_sent_to_login_and_reads_nothing(make_user, resident_north):
    worker = make_user(Role.WORKER)
    client = Client()
    client.force_login(worker)  # password step only
    response = client.get(detail(resident_north))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))
    assert AuditEvent.objects.count() == 0


def test_the_csv_export_holds_only_visible_residents_and_logs_each(make_user, resident_north, resident_south):
    response = login(Client(), make_user(Role.WORKER)).get(reverse("people:resident-export"))
    body = response.content.decode()
    assert response["Content-Type"].startswith("text/csv")
    assert resident_north.full_name in body and resident_south.full_name not in body
    entry = AuditEvent.objects.get(view="people:resident-export")
    assert entry.subject_ref == str(resident_north.public_id)


def test_the_api_refuses_a_session_without_the_second_factor(make_user, resident_north):
    client = Client()
    client.force_login(make_user(Role.WORKER))  # password step only
    response = client.get(reverse("api:resident-detail", args=[resident_north.public_id]))
    assert response.status_code == 403
    assert resident_north.last_name not in response.content.decode()
    assert AuditEvent.objects.count() == 0
