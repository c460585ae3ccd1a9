"""A worker records residents and households: one household per address, Dutch messages on bad input."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from wijkkracht.accounts.roles import Role
from wijkkracht.people import services
from wijkkracht.people.models import Household, Relation, Resident

from ..conftest import login
from ..factories import ResidentFactory
from .helpers import new_resident_data

pytestmark = pytest.mark.django_db


def form_data(**overrides) -> dict:
    data = new_resident_data(**overrides)
    data["birth_date"] = (
        data["birth_date"].strftime("%d-%m-%Y") if hasattr(data["birth_date"], "strftime") else data["birth_date"]
    )
    data.setdefault("preferred_language", "nl")
    data.setdefault("city", "Almere")
    return data


def test_a_worker_records_a_new_resident_who_joins_the_household_at_that_address(make_user, city):
    worker = make_user(Role.WORKER)
    client = login(Client(), worker)
    first = client.post(reverse("people:resident-create"), form_data())
    assert first.status_code == 302
    anouk = Resident.objects.get(first_name="Anouk")
    assert anouk.household.neighbourhood == city["north"]
    assert anouk.search_name == "anouk van dijk"
    # A second person at the same address (postcode typed differently) joins that household.
    second = client.post(
        reverse("people:resident-create"),
        form_data(first_name="Bram", postcode="1315ab", street="", birth_date="01-01-1980", email=""),
    )
    assert second.status_code == 302
    bram = Resident.objects.get(first_name="Bram")
    assert bram.household == anouk.household
    assert Household.objects.count() == 1


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        (
            {"birth_date": timezone.localdate() + datetime.timedelta(days=1)},
            "birth_date",
            "De geboortedatum kan niet in de toekomst liggen.",
        ),
        ({"birth_date": datetime.date(1899, 12, 31)}, "birth_date", "De geboortedatum kan niet vóór 1900 liggen."),
        ({"postcode": "9999 ZZ"}, "postcode", "Deze postcode ligt niet in de gemeente."),
        ({"postcode": "12"}, "postcode", "is geen geldige postcode"),
        ({"bsn": "123456789"}, "bsn", "Dit BSN klopt niet: het voldoet niet aan de elfproef."),
        ({"email": "geen-adres"}, "email", "Vul een geldig e-mailadres in."),
    ],
)
def test_bad_input_gives_a_dutch_message_and_nothing_is_saved(city, overrides, field, message):
    with pytest.raises(ValidationError) as caught:
        services.resident_create(**new_resident_data(**overrides))
    assert message in " ".join(caught.value.message_dict[field])
    assert Resident.objects.count() == 0
    assert Household.objects.count() == 0


def test_the_form_shows_the_message_next_to_the_field_and_saves_nothing(make_user, city):
    client = login(Client(), make_user(Role.WORKER))
    future = (timezone.localdate() + datetime.timedelta(days=3)).strftime("%d-%m-%Y")
    response = client.post(reverse("people:resident-create"), form_data(birth_date=future, postcode="9999 ZZ"))
    body = response.content.decode()
    assert response.status_code == 200
    assert "De geboortedatum kan niet in de toekomst liggen." in body
    assert "Deze postcode ligt niet in de gemeente." in body
    assert Resident.objects.count() == 0 and Household.objects.count() == 0


def test_a_new_address_needs_a_street(city):
    with pytest.raises(ValidationError) as caught:
        services.resident_create(**new_resident_data(street=""))
    assert "Vul de straat in" in caught.value.message_dict["street"][0]


def test_the_address_lookup_shows_neighbourhood_and_team(make_user, city):
    client = login(Client(), make_user(Role.WORKER))
    inside = client.get(
        reverse("people:address-check"), {"postcode": "1315 AB", "house_number": 3}, HTTP_HX_REQUEST="true"
    )
    assert "Stedenwijk-Noord" in inside.content.decode()
    assert "Wijkteam Noord" in inside.content.decode()
    outside = client.get(reverse("people:address-check"), {"postcode": "9999 AA"}, HTTP_HX_REQUEST="true")
    assert "Deze postcode ligt niet in de gemeente." in outside.content.decode()


def test_editing_the_name_keeps_the_search_name_in_sync(make_user, resident_north):
    client = login(Client(), make_user(Role.WORKER))
    url = reverse("people:resident-update", args=[resident_north.public_id])
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {
            "first_name": "Zoë",
            "surname_prefix": "de",
            "last_name": "Groot-Ünal",
            "birth_date": "14-03-1950",
            "phone": "",
            "email": "",
            "preferred_language": "tr",
        },
    )
    assert response.status_code == 302
    resident_north.refresh_from_db()
    assert resident_north.search_name == "zoe de groot unal"
    assert resident_north.preferred_language == "tr"
    page = client.get(reverse("people:resident-detail", args=[resident_north.public_id])).content.decode()
    assert "Turks" in page and ">tr<" not in page  # the language by name, never its code


def test_a_worker_of_another_team_cannot_edit(make_user, resident_south):
    client = login(Client(), make_user(Role.WORKER))
    response = client.post(reverse("people:resident-update", args=[resident_south.public_id]), {"first_name": "X"})
    assert response.status_code == 404
    resident_south.refresh_from_db()
    assert resident_south.first_name != "X"


def test_relations_are_recorded_both_ways_and_removed_after_confirmation(make_user, resident_north):
    child = ResidentFactory(household=resident_north.household, first_name="Kind", birth_date=datetime.date(2015, 1, 1))
    client = login(Client(), make_user(Role.WORKER))
    add_url = reverse("people:relation-add", args=[resident_north.public_id])
    assert "Kind" in client.get(add_url).content.decode()
    assert client.post(add_url, {"related": str(child.public_id), "kind": "parent"}).status_code == 302
    assert Relation.objects.filter(resident=resident_north, related=child, kind="parent").exists()
    assert Relation.objects.filter(resident=child, related=resident_north, kind="child").exists()
    again = client.post(add_url, {"related": str(child.public_id), "kind": "parent"})
    assert "Deze relatie is al vastgelegd." in again.content.decode()

    page = client.get(reverse("people:resident-detail", args=[resident_north.public_id])).content.decode()
    assert "ouder van" in page and child.full_name in page

    relation = Relation.objects.get(resident=resident_north, related=child)
    remove_url = reverse("people:relation-remove", args=[resident_north.public_id, relation.pk])
    confirm = client.get(remove_url)
    assert confirm.status_code == 200 and "verwijderen" in confirm.content.decode()
    assert Relation.objects.count() == 2  # nothing removed by looking at the confirmation
    assert client.post(remove_url).status_code == 302
    assert Relation.objects.count() == 0


def test_the_household_page_lists_members_and_relations_and_logs_each_member(make_user, resident_north):
    from wijkkracht.audit.models import AuditEvent

    partner = ResidentFactory(household=resident_north.household, first_name="Partner")
    services.relation_add(resident=resident_north, related=partner, kind="partner")
    client = login(Client(), make_user(Role.WORKER))
    response = client.get(reverse("people:household-detail", args=[resident_north.household.public_id]))
    body = response.content.decode()
    assert resident_north.full_name in body and partner.full_name in body
    logged = set(AuditEvent.objects.filter(view="people:household-detail").values_list("subject_ref", flat=True))
    assert logged == {str(resident_north.public_id), str(partner.public_id)}


def test_the_household_page_of_another_team_is_not_found(make_user, resident_south):
    from wijkkracht.audit.models import AuditEvent

    client = login(Client(), make_user(Role.WORKER))
    assert client.get(reverse("people:household-detail", args=[resident_south.household.public_id])).status_code == 404
    assert AuditEvent.objects.count() == 0


def test_moving_to_an_address_with_a_household_joins_it(make_user, resident_north, city):
    other = ResidentFactory(
        household__neighbourhood=city["south"], household__postcode="1326 CD", household__house_number=5
    )
    client = login(Client(), make_user(Role.WORKER))
    response = client.post(
        reverse("people:resident-move", args=[resident_north.public_id]),
        {"postcode": "1326CD", "house_number": 5, "house_number_suffix": "", "street": "", "city": "Almere"},
    )
    assert response.status_code == 302
    resident_north.refresh_from_db()
    assert resident_north.household == other.household
