"""Merging two records and revealing the BSN through the API: the same rules, refusals and audit entries as the
pages (people/views/merge.py, people/views/edit.py)."""

import uuid

import pytest
from django.test import Client
from django.urls import reverse

from wijkkracht.accounts.roles import Role
from wijkkracht.audit.models import AuditEvent, Event, Refusal
from wijkkracht.cases.models import HelpRequest
from wijkkracht.people.models import Resident

from ..api_helpers import PROBLEM_JSON, problem_errors
from ..conftest import login
from ..factories import AccessGrantFactory, HelpRequestFactory, ResidentFactory
from .helpers import VALID_BSNS, with_bsn

pytestmark = pytest.mark.django_db

REASON = "Zelfde naam, geboortedatum en adres; dubbel ingevoerd"
BSN_REASON = "Aanvraag schuldhulp bij Plangroep invullen"
NOT_FOUND = {
    "type": "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.5",
    "title": "Niet gevonden",
    "status": 404,
    "detail": "Dit bestaat niet, of u heeft er geen toegang toe.",
    "code": "not_found",
}


def post(client, path, body):
    return client.post(path, body, content_type="application/json")


def not_found(response) -> dict:
    """The 404 problem without its ``instance`` (the path, which differs per id)."""
    assert (response.status_code, response["Content-Type"]) == (404, PROBLEM_JSON)
    return {k: v for k, v in response.json().items() if k != "instance"}


def merge_url(resident):
    return reverse("api:resident-merge", args=[resident.public_id])


def bsn_url(resident):
    return reverse("api:resident-bsn-reveal", args=[resident.public_id])


@pytest.fixture
def worker(make_user):
    return make_user(Role.WORKER)


@pytest.fixture
def client(worker):
    return login(Client(), worker)


@pytest.fixture
def twins(city, resident_north):
    """resident_north without phone, and a second record of the same person with a phone and a BSN."""
    duplicate = ResidentFactory(
        household__neighbourhood=city["north"],
        first_name=resident_north.first_name,
        last_name=resident_north.last_name,
        phone="0687654321",
    )
    Resident.objects.filter(pk=resident_north.pk).update(phone="")
    resident_north.refresh_from_db()
    return resident_north, with_bsn(duplicate, VALID_BSNS[0])


# --- merging ----------------------------------------------------------------------------------------


def test_a_worker_merges_a_duplicate_and_gets_the_kept_record(client, worker, twins):
    keep, duplicate = twins
    request = HelpRequestFactory(resident=duplicate, taken_by=worker)
    response = post(client, merge_url(keep), {"duplicate": str(duplicate.public_id), "reason": REASON})
    assert response.status_code == 200
    body = response.json()
    assert (body["id"], body["phone"], body["bsn"]) == (str(keep.public_id), "0687654321", "******333")
    assert Resident.objects.get(pk=duplicate.pk).merged_into_id == keep.pk
    assert HelpRequest.objects.get(pk=request.pk).resident_id == keep.pk
    # One entry per resident and event: each record read once, the merge written once under both references.
    entries = AuditEvent.objects.filter(view="api:resident-merge")
    assert sorted(entries.values_list("subject_ref", "event")) == sorted(
        (str(r.public_id), e) for r in (keep, duplicate) for e in (Event.PERSONAL_DATA_READ, Event.RESIDENT_MERGED)
    )
    merged = entries.filter(event=Event.RESIDENT_MERGED).first()
    assert REASON in merged.reason and merged.actor_id == worker.pk


def test_a_merge_names_every_missing_field_and_merges_nothing(client, twins):
    keep, _duplicate = twins
    response = post(client, merge_url(keep), {"duplicate": "niet-een-id", "reason": " "})
    assert problem_errors(response) == {
        "duplicate": ["Geef de id van het andere dossier (een UUID)."],
        "reason": ["Geef aan waarom dit dezelfde persoon is."],
    }
    assert problem_errors(post(client, merge_url(keep), {})) == {
        "duplicate": ["Kies een inwoner."],
        "reason": ["Geef aan waarom dit dezelfde persoon is."],
    }
    assert not Resident.objects.filter(merged_into__isnull=False).exists()
    assert not AuditEvent.objects.exists()  # refused before anything was read


def test_records_with_different_bsns_are_refused_by_the_service_in_dutch(client, twins):
    keep, duplicate = twins
    with_bsn(keep, VALID_BSNS[1])
    response = post(client, merge_url(keep), {"duplicate": str(duplicate.public_id), "reason": REASON})
    assert problem_errors(response) == {
        "": ["Deze inwoners hebben een verschillend BSN: het zijn niet dezelfde persoon."]
    }
    assert problem_errors(post(client, merge_url(keep), {"duplicate": str(keep.public_id), "reason": REASON})) == {
        "": ["Kies twee verschillende inwoners om samen te voegen."]
    }
    assert Resident.objects.get(pk=duplicate.pk).merged_into is None
    assert not AuditEvent.objects.filter(event=Event.RESIDENT_MERGED).exists()


def test_a_record_of_another_team_answers_404_like_an_absent_one_on_either_side(
    client, worker, resident_north, resident_south
):
    absent = str(uuid.uuid4())
    answers = [
        post(client, merge_url(resident_north), {"duplicate": str(resident_south.public_id), "reason": REASON}),
        post(client, merge_url(resident_south), {"duplicate": str(resident_north.public_id), "reason": REASON}),
        post(client, merge_url(resident_north), {"duplicate": absent, "reason": REASON}),
        post(
            client,
            reverse("api:resident-merge", args=[absent]),
            {"duplicate": str(resident_north.public_id), "reason": REASON},
        ),
    ]
    assert [not_found(a) for a in answers] == [NOT_FOUND] * 4
    assert not Resident.objects.filter(merged_into__isnull=False).exists()
    assert not AuditEvent.objects.exists()  # also the own resident, read first, is not logged as read
    assert Refusal.objects.filter(actor_id=worker.pk, view="api:resident-merge").count() == 4


def test_a_record_merged_already_is_not_there_to_merge_again(client, twins, city):
    keep, duplicate = twins
    assert post(client, merge_url(keep), {"duplicate": str(duplicate.public_id), "reason": REASON}).status_code == 200
    third = ResidentFactory(household__neighbourhood=city["north"])
    again = post(client, merge_url(third), {"duplicate": str(duplicate.public_id), "reason": REASON})
    assert not_found(again) == NOT_FOUND


@pytest.mark.parametrize("role", [Role.CENTRE_STAFF, Role.SPECIALIST, Role.VOLUNTEER, Role.PRIVACY_OFFICER])
def test_only_case_workers_merge(make_user, role, twins, city):
    keep, duplicate = twins
    for resident in twins:
        AccessGrantFactory(resident=resident, organisation=city["sst"], category="personal_details")
    response = post(
        login(Client(), make_user(role)), merge_url(keep), {"duplicate": str(duplicate.public_id), "reason": REASON}
    )
    assert (response.status_code, response.json()["code"]) == (403, "permission_denied")
    assert Resident.objects.get(pk=duplicate.pk).merged_into is None


# --- revealing the BSN ------------------------------------------------------------------------------


def test_the_bsn_is_revealed_once_with_a_logged_reason_and_not_stored(client, worker, resident_north):
    with_bsn(resident_north, VALID_BSNS[1])
    response = post(client, bsn_url(resident_north), {"reason": BSN_REASON})
    assert response.status_code == 200
    assert response.json() == {"id": str(resident_north.public_id), "bsn": VALID_BSNS[1]}
    assert response["Cache-Control"] == "no-store"
    (entry,) = AuditEvent.objects.all()  # one entry for the call, and it is the reveal
    assert (entry.event, entry.subject_ref, entry.fields) == (
        Event.BSN_REVEALED,
        str(resident_north.public_id),
        ["bsn"],
    )
    assert (entry.reason, entry.view, entry.actor_id) == (BSN_REASON, "api:resident-bsn-reveal", worker.pk)


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({}, "Geef een reden op."),
        ({"reason": "   "}, "Geef een reden op."),
        ({"reason": "even kijken"}, "Beschrijf in minstens 15 tekens waarom u het BSN nodig heeft."),
    ],
)
def test_a_missing_or_short_reason_is_refused_by_name_and_reveals_nothing(client, resident_north, body, message):
    with_bsn(resident_north, VALID_BSNS[1])
    response = post(client, bsn_url(resident_north), body)
    assert problem_errors(response) == {"reason": [message]}
    assert VALID_BSNS[1] not in response.content.decode()
    assert not AuditEvent.objects.exists()


def test_a_resident_without_a_bsn_answers_400_in_dutch(client, resident_north):
    response = post(client, bsn_url(resident_north), {"reason": BSN_REASON})
    assert problem_errors(response) == {"": ["Van deze inwoner is geen BSN bekend."]}
    assert response.json()["errors"][0]["code"] == "no_bsn"
    assert not AuditEvent.objects.filter(event=Event.BSN_REVEALED).exists()


def test_a_resident_of_another_team_answers_exactly_like_an_absent_one(client, worker, resident_south):
    with_bsn(resident_south, VALID_BSNS[2])
    refused = post(client, bsn_url(resident_south), {"reason": BSN_REASON})
    absent = post(client, reverse("api:resident-bsn-reveal", args=[uuid.uuid4()]), {"reason": BSN_REASON})
    assert not_found(refused) == not_found(absent) == NOT_FOUND
    assert VALID_BSNS[2] not in refused.content.decode()
    assert not AuditEvent.objects.exists()
    assert Refusal.objects.filter(actor_id=worker.pk, view="api:resident-bsn-reveal").count() == 2


def test_a_specialist_reveals_only_with_a_grant_for_personal_details(make_user, city, resident_north):
    with_bsn(resident_north, VALID_BSNS[0])
    client = login(Client(), make_user(Role.SPECIALIST))
    AccessGrantFactory(resident=resident_north, organisation=city["sst"], category="help_requests")
    assert not_found(post(client, bsn_url(resident_north), {"reason": BSN_REASON})) == NOT_FOUND
    AccessGrantFactory(resident=resident_north, organisation=city["sst"], category="personal_details")
    assert post(client, bsn_url(resident_north), {"reason": BSN_REASON}).json()["bsn"] == VALID_BSNS[0]


@pytest.mark.parametrize("role", [Role.CENTRE_STAFF, Role.VOLUNTEER, Role.POLICY_ANALYST])
def test_roles_without_the_reveal_permission_get_403(make_user, role, resident_north):
    with_bsn(resident_north, VALID_BSNS[0])
    response = post(login(Client(), make_user(role)), bsn_url(resident_north), {"reason": BSN_REASON})
    assert (response.status_code, response.json()["code"]) == (403, "permission_denied")
    assert not AuditEvent.objects.exists()


def test_the_schema_documents_the_merge_and_the_reveal(client):
    paths = client.get(reverse("api:schema")).json()["paths"]
    merge = paths["/inwoners/{public_id}/samenvoegen"]["post"]
    reveal = paths["/inwoners/{public_id}/bsn/tonen"]["post"]
    assert (merge["operationId"], reveal["operationId"]) == ("residents_merge", "residents_bsn_reveal")
    assert {"200", "400", "403", "404"} <= set(merge["responses"]) & set(reveal["responses"])
    assert reveal["responses"]["200"]["headers"]["Cache-Control"]
    assert set(merge) >= {"requestBody"} and "get" not in paths["/inwoners/{public_id}/samenvoegen"]
