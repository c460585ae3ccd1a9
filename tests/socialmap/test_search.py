"""Finding what the city offers: by need, life domain, neighbourhood, age, language and words, without logging in."""

import datetime

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from wijkkracht.socialmap.selectors import Search, resource_search

from ..factories import NeighbourhoodFactory, ResourceFactory

pytestmark = pytest.mark.django_db


def names(search: Search) -> list[str]:
    return [r.name for r in resource_search(search=search).object_list]


@pytest.fixture
def city_map(city):
    north, south = city["north"], city["south"]
    ResourceFactory(name="Thuisadministratie", needs=["paperwork", "money"], domains=["finances"], city_wide=True)
    ResourceFactory(
        name="Taalmaatje", needs=["language"], domains=["work_education"], languages=["nld", "ara"], minimum_age=16
    )
    walkers = ResourceFactory(name="Wandelgroep Noord", needs=["company", "health"], minimum_age=55)
    walkers.neighbourhoods.set([north])
    ResourceFactory(name="Kinderclub Zuid", needs=["parenting"], maximum_age=12, location__neighbourhood=south)
    ResourceFactory(name="Oude koffieochtend", needs=["company"], status="defunct")
    return {"north": north, "south": south}


def test_search_by_need(city_map):
    assert names(Search(need="company")) == ["Wandelgroep Noord"]
    assert names(Search(need="paperwork")) == ["Thuisadministratie"]


def test_search_by_life_domain_and_language(city_map):
    assert names(Search(domain="finances")) == ["Thuisadministratie"]
    assert names(Search(language="ara")) == ["Taalmaatje"]


def test_search_by_neighbourhood_finds_what_is_there_what_serves_it_and_what_serves_everyone(city_map):
    assert names(Search(neighbourhood=city_map["north"].pk)) == ["Thuisadministratie", "Wandelgroep Noord"]
    assert names(Search(neighbourhood=city_map["south"].pk)) == ["Kinderclub Zuid", "Thuisadministratie"]


def test_search_by_age_respects_the_age_limits(city_map):
    assert names(Search(age=8)) == ["Kinderclub Zuid", "Thuisadministratie"]
    assert names(Search(age=70)) == ["Taalmaatje", "Thuisadministratie", "Wandelgroep Noord"]


def test_words_search_name_description_and_provider_and_a_defunct_resource_is_never_found(city_map):
    assert names(Search(q="wandel")) == ["Wandelgroep Noord"]
    assert names(Search(q="koffieochtend")) == []


def test_the_search_takes_the_same_few_queries_for_three_or_thirty_resources(city):
    def queries(search):
        with CaptureQueriesContext(connection) as ctx:
            page = resource_search(search=search)
            [(r.needs, r.languages, list(r.opening_hours.all()), list(r.neighbourhoods.all())) for r in page]
        return len(ctx)

    search = Search(need="company", neighbourhood=city["north"].pk, age=40, language="nld")
    for _ in range(3):
        ResourceFactory(needs=["company"], city_wide=True)
    few = queries(search)
    for _ in range(27):
        ResourceFactory(needs=["company"], city_wide=True)
    assert queries(search) == few <= 10


def test_the_public_map_works_without_login_and_shows_when_the_data_was_checked(city_map):
    client = Client()
    page = client.get(reverse("socialmap:search"), {"need": "paperwork"})
    assert page.status_code == 200
    assert "Thuisadministratie" in page.content.decode() and "gecontroleerd op" in page.content.decode()
    resource = resource_search(search=Search(need="paperwork")).object_list[0]
    detail = client.get(reverse("socialmap:resource-detail", args=[resource.public_id]))
    assert detail.status_code == 200 and "Thuisadministratie" in detail.content.decode()
    assert "Gegevens wijzigen" not in detail.content.decode()  # keeping the map current needs a login


def test_data_not_checked_for_a_year_warns_before_referring(city):
    stale = ResourceFactory(last_verified_on=timezone.localdate() - datetime.timedelta(days=400))
    body = Client().get(reverse("socialmap:resource-detail", args=[stale.public_id])).content.decode()
    assert "langer dan een jaar geleden" in body


def test_an_unknown_neighbourhood_in_the_form_is_an_error_not_a_crash(city_map):
    NeighbourhoodFactory(name="Ergens")
    response = Client().get(reverse("socialmap:search"), {"neighbourhood": "999999", "age": "-3"})
    assert response.status_code == 200
    assert "Er zijn nog 2 dingen niet goed" in response.content.decode()
