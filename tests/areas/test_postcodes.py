import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from wijkkracht.accounts.roles import Role
from wijkkracht.areas.models import PostcodeArea
from wijkkracht.areas.selectors import neighbourhood_for_postcode

from ..conftest import login

pytestmark = pytest.mark.django_db


def test_a_postcode_finds_its_neighbourhood(city):
    assert neighbourhood_for_postcode(postcode="1315ab") == city["north"]
    assert neighbourhood_for_postcode(postcode=" 1326 CD ") == city["south"]


@pytest.mark.parametrize(
    ("postcode", "message"),
    [("9999 ZZ", "ligt niet in de gemeente"), ("0123AB", "geen geldige postcode"), ("12345", "geen geldige postcode")],
)
def test_a_postcode_outside_the_city_or_malformed_gets_a_dutch_message(city, postcode, message):
    with pytest.raises(ValidationError, match=message):
        neighbourhood_for_postcode(postcode=postcode)


def test_staff_look_up_a_postcode_and_see_the_team(make_user, city):
    client = login(Client(), make_user(Role.WORKER))
    ok = client.get(reverse("areas:postcode-check"), {"postcode": "1315 AB"}).content.decode()
    assert "Stedenwijk-Noord" in ok and "Wijkteam Noord" in ok
    outside = client.get(reverse("areas:postcode-check"), {"postcode": "9999 ZZ"}).content.decode()
    assert "Postcode 9999 ZZ ligt niet in de gemeente." in outside


def test_the_postcode_lookup_answers_htmx_with_a_fragment(make_user, city):
    client = login(Client(), make_user(Role.WORKER))
    fragment = client.get(
        reverse("areas:postcode-check"), {"postcode": "1315AB"}, HTTP_HX_REQUEST="true"
    ).content.decode()
    assert "<html" not in fragment and "Wijkteam Noord" in fragment


def test_an_unknown_cbs_code_changes_nothing(make_user, city):
    client = login(Client(), make_user(Role.FUNCTIONAL_ADMIN))
    before = PostcodeArea.objects.count()
    response = client.post(
        reverse("areas:postcode-area-create"),
        {"neighbourhood_code": "BU99999999", "pc4": "1340", "letters_from": "AA", "letters_to": "ZZ"},
    )
    assert "Onbekende buurtcode: BU99999999." in response.content.decode()
    assert PostcodeArea.objects.count() == before


def test_an_overlapping_postcode_range_is_refused(make_user, city):
    client = login(Client(), make_user(Role.FUNCTIONAL_ADMIN))
    response = client.post(
        reverse("areas:postcode-area-create"),
        {"neighbourhood_code": city["south"].code, "pc4": "1315", "letters_from": "AA", "letters_to": "BB"},
    )
    assert "overlapt" in response.content.decode()
    ok = client.post(
        reverse("areas:postcode-area-create"),
        {"neighbourhood_code": city["south"].code, "pc4": "1340", "letters_from": "AA", "letters_to": "ZZ"},
    )
    assert ok.status_code == 302
    assert neighbourhood_for_postcode(postcode="1340 XY") == city["south"]


def test_a_team_is_given_its_neighbourhoods_by_cbs_code_and_unknown_codes_are_refused(make_user, city):
    client = login(Client(), make_user(Role.FUNCTIONAL_ADMIN))
    team = city["team_north"]
    url = reverse("organisations:team-update", args=[team.pk])
    bad = client.post(
        url,
        {
            "name": team.name,
            "kind": team.kind,
            "cluster": team.cluster_id,
            "neighbourhood_codes": f"{city['south'].code}, BU00000000",
        },
    )
    assert "Onbekende CBS-buurtcode: BU00000000." in bad.content.decode()
    assert list(team.neighbourhoods.all()) == [city["north"]]
    client.post(
        url,
        {
            "name": team.name,
            "kind": team.kind,
            "cluster": team.cluster_id,
            "neighbourhood_codes": f"{city['north'].code} {city['south'].code}",
        },
    )
    assert set(team.neighbourhoods.all()) == {city["north"], city["south"]}


def test_the_functional_admin_saves_an_organisation_and_is_told_so(make_user, city):
    client = login(Client(), make_user(Role.FUNCTIONAL_ADMIN))
    org = city["amw"]
    response = client.post(
        reverse("organisations:organisation-update", args=[org.pk]),
        {"name": "AMW Almere", "short_name": org.short_name, "kind": org.kind},
        follow=True,
    )
    assert "Organisatie AMW Almere is opgeslagen." in response.content.decode()
    org.refresh_from_db()
    assert org.name == "AMW Almere"
