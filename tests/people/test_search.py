"""One search box: typo-tolerant names, birth date, address, BSN; only what the policy allows, logged."""

import datetime

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wijkkracht.accounts.roles import Role
from wijkkracht.audit.models import AuditEvent, Event
from wijkkracht.people import selectors

from ..conftest import login
from ..factories import ResidentFactory, SupportPlanFactory, UserFactory
from .helpers import VALID_BSNS, with_bsn

pytestmark = pytest.mark.django_db


def names(page):
    return [r.full_name for r in page.object_list]


@pytest.fixture
def people(city):
    north = city["north"]
    return {
        "bakker": ResidentFactory(first_name="Fatima", last_name="Bakker", household__neighbourhood=north),
        "janssen": ResidentFactory(first_name="Piet", last_name="Janssen", household__neighbourhood=north),
        "jansen": ResidentFactory(
            first_name="Joke",
            last_name="Jansen",
            birth_date=datetime.date(1961, 7, 9),
            household__neighbourhood=north,
            household__postcode="1315 AB",
            household__house_number=12,
        ),
        "vries": ResidentFactory(
            first_name="Sanne", surname_prefix="de", last_name="Vries", household__neighbourhood=north
        ),
        "south": ResidentFactory(
            first_name="Fatima",
            last_name="Bakker",
            household__neighbourhood=city["south"],
            household__postcode="1326 CD",
        ),
    }


def search(user, query, **kwargs):
    return selectors.resident_search(user=user, view="people:resident-list", query=query, **kwargs)


def test_names_are_found_despite_typos(make_user, people):
    worker = make_user(Role.WORKER)
    assert names(search(worker, "Bakkr")) == ["Fatima Bakker"]
    assert set(names(search(worker, "Jansen"))) == {"Joke Jansen", "Piet Janssen"}
    assert names(search(worker, "Janssen"))[0] == "Piet Janssen"  # the exact match ranks first
    assert "Joke Jansen" in names(search(worker, "Janssen"))
    assert names(search(worker, "fatima bakker")) == ["Fatima Bakker"]
    assert names(search(worker, "Fatma Bakkr")) == ["Fatima Bakker"]
    assert names(search(worker, "de vries")) == ["Sanne de Vries"]
    assert names(search(worker, "Zwart")) == []


def test_address_birth_date_and_bsn(make_user, people):
    worker = make_user(Role.WORKER)
    with_bsn(people["vries"], VALID_BSNS[0])
    assert names(search(worker, "1315 AB 12")) == ["Joke Jansen"]
    assert names(search(worker, "1315ab12")) == ["Joke Jansen"]
    assert names(search(worker, "09-07-1961")) == ["Joke Jansen"]
    assert names(search(worker, "jansen 09-07-1961")) == ["Joke Jansen"]
    assert names(search(worker, VALID_BSNS[0])) == ["Sanne de Vries"]
    invalid = search(worker, "123456789")
    assert names(invalid) == [] and "elfproef" in invalid.parsed.problems[0]


def test_only_residents_in_scope_are_returned_and_each_shown_one_is_logged(make_user, people):
    worker = make_user(Role.WORKER)
    page = search(worker, "Bakker")
    assert [r.pk for r in page.object_list] == [people["bakker"].pk]
    logged = list(AuditEvent.objects.values_list("subject_ref", "fields"))
    assert logged == [(str(people["bakker"].public_id), ["name", "birth_date", "postcode"])]


def test_a_specialist_finds_only_shared_residents(make_user, city, people):
    from ..factories import AccessGrantFactory

    specialist = make_user(Role.SPECIALIST)
    assert names(search(specialist, "Bakker")) == []
    AccessGrantFactory(resident=people["south"], organisation=city["sst"])
    assert [r.pk for r in search(specialist, "Bakker").object_list] == [people["south"].pk]


def test_results_are_paginated(make_user, city):
    ResidentFactory.create_batch(30, last_name="Visser", household__neighbourhood=city["north"])
    worker = make_user(Role.WORKER)
    first = search(worker, "Visser", per_page=25)
    second = search(worker, "Visser", page=2, per_page=25)
    assert first.paginator.count == 30 and len(first.object_list) == 25 and len(second.object_list) == 5
    assert not {r.pk for r in first.object_list} & {r.pk for r in second.object_list}
    assert AuditEvent.objects.count() == 30  # each shown resident once, never the whole result


def _queries(client, params) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(reverse("people:resident-list"), params).status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize("query", ["", "Visser", "Vissr"])
def test_the_search_page_does_not_need_more_queries_for_more_results(make_user, city, query):
    client = login(Client(), make_user(Role.WORKER))
    ResidentFactory.create_batch(2, last_name="Visser", household__neighbourhood=city["north"])
    few = _queries(client, {"q": query})
    ResidentFactory.create_batch(28, last_name="Visser", household__neighbourhood=city["north"])
    many = _queries(client, {"q": query})
    assert many == few


def test_the_known_elsewhere_hint_names_the_team_never_the_resident(make_user, city, people):
    city["team_south"].phone = "036 123 45 67"
    city["team_south"].email = "zuid@wijkteam.example"
    city["team_south"].save()
    coordinator = UserFactory(first_name="Ilse", last_name="Regie")
    SupportPlanFactory(household=people["south"].household, coordinator=coordinator)
    with_bsn(people["south"], VALID_BSNS[2])
    client = login(Client(), make_user(Role.WORKER))
    response = client.get(reverse("people:resident-list"), {"q": VALID_BSNS[2]})
    body = response.content.decode()
    assert "bekend bij een ander team" in body
    assert "Wijkteam Zuid" in body and "036 123 45 67" in body and "zuid@wijkteam.example" in body
    assert "Ilse Regie" in body
    assert "Fatima" not in body and "1326" not in body and str(people["south"].public_id) not in body
    entry = AuditEvent.objects.get(event=Event.KNOWN_ELSEWHERE_HINT)
    assert entry.fields == ["known_to_team"] and entry.subject_ref == str(people["south"].public_id)
    assert VALID_BSNS[2] not in entry.reason


def test_no_hint_for_a_vague_search(make_user, people):
    worker = make_user(Role.WORKER)
    assert selectors.resident_known_elsewhere(user=worker, view="t", query="Bakker") == []
    precise = selectors.resident_known_elsewhere(user=worker, view="t", query="Fatima Bakker 14-03-1950")
    assert precise == [{"teams": [{"name": "Wijkteam Zuid", "phone": "", "email": ""}], "coordinator": ""}]
    assert selectors.resident_known_elsewhere(user=worker, view="t", query="1326 CD 9999") == []


def test_resident_known_to_gives_the_other_team_and_coordinator(make_user, city, people):
    """A resident of my neighbourhood whose plan another team holds: that team and its coordinator."""
    worker = make_user(Role.WORKER)
    coordinator = UserFactory(first_name="Ilse", last_name="Regie")
    SupportPlanFactory(household=people["bakker"].household, coordinator=coordinator, team=city["team_south"])
    hint = selectors.resident_known_to(user=worker, resident=people["bakker"], view="cases:section")
    assert hint == {"teams": [{"name": "Wijkteam Zuid", "phone": "", "email": ""}], "coordinator": "Ilse Regie"}
    with pytest.raises(Exception) as caught:
        selectors.resident_known_to(user=worker, resident=people["south"], view="cases:section")
    assert caught.type.__name__ == "NotFoundOrForbidden"


@pytest.mark.parametrize("query", ["31-02-2020", "Bakker 31-02-2020", "%", "_", "%%", "Bak%", "__"])
def test_a_query_that_cannot_be_searched_shows_nobody(make_user, people, query):
    """An impossible date is refused, and '%' and '_' are never wildcards: nobody is listed, nobody logged."""
    worker = make_user(Role.WORKER)
    found = search(worker, query)
    if query == "Bak%":  # the letters are searched, the sign is not a wildcard
        assert names(found) == ["Fatima Bakker"]
        return
    assert names(found) == []
    assert found.parsed.refused
    assert found.parsed.problems
    assert not AuditEvent.objects.exists()


def test_an_impossible_date_says_why_nothing_was_searched(make_user, people):
    response = login(Client(), make_user(Role.WORKER)).get(reverse("people:resident-list"), {"q": "31-02-2020"})
    body = response.content.decode().split("<main", 1)[1]
    assert "31-02-2020 is geen bestaande datum, dus er is niet gezocht." in body
    for resident in people.values():
        assert resident.full_name not in body


def test_a_search_without_result_says_what_to_try(make_user, people):
    response = login(Client(), make_user(Role.WORKER)).get(reverse("people:resident-list"), {"q": "Zzyzx"})
    body = response.content.decode()
    assert "Niemand gevonden voor 'Zzyzx'." in body
    assert "Probeer een korter stuk van de naam" in body and "geboortedatum (dd-mm-jjjj)" in body
