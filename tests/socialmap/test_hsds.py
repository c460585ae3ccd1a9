"""The social map in Open Referral HSDS 3.0: the export validates against the published schemas, the import
takes back what the export writes, and an import with broken rows reports per row in Dutch and imports nothing."""

import json

import pytest
from django.test import Client
from django.urls import reverse

from wijkkracht.accounts.roles import Role
from wijkkracht.socialmap.hsds import SCHEMA_DIR, hsds_json, service_validator
from wijkkracht.socialmap.hsds_import import hsds_import
from wijkkracht.socialmap.models import OpeningHours, Provider, Resource
from wijkkracht.socialmap.selectors import resources_for_export

from ..conftest import login
from ..factories import ResourceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def resources(city):
    free = ResourceFactory(
        name="Thuisadministratie",
        needs=["paperwork", "money"],
        domains=["finances"],
        languages=["nld", "tur"],
        free=True,
        capacity=12,
        waiting_time="2 weken",
        target_group="ouderen",
        minimum_age=18,
        location__neighbourhood=city["north"],
        location__accessibility="drempelvrij",
    )
    free.neighbourhoods.set([city["north"], city["south"]])
    OpeningHours.objects.create(resource=free, weekday=2, opens_at="09:00", closes_at="12:00", note="inloop")
    ResourceFactory(name="Belwinkel", location=None, city_wide=True, last_verified_on=None, kind="service")
    return free


def export() -> dict:
    return json.loads(hsds_json(resources_for_export()))


def test_the_schema_files_are_the_published_hsds_3_0_with_their_licence():
    readme = (SCHEMA_DIR / "README.md").read_text()
    assert "3.0" in readme and "279fd2eb3552c349bf698c07c00cc25f5fc8249b" in readme
    assert "Creative Commons Attribution Share-Alike 4.0" in (SCHEMA_DIR / "LICENSE").read_text()
    assert json.loads((SCHEMA_DIR / "service.json").read_text())["required"] == ["id", "name", "status"]


def test_every_exported_service_validates_against_the_hsds_schema(resources):
    document = export()
    assert document["total_items"] == 2 and len(document["contents"]) == 2
    validator = service_validator()
    for service in document["contents"]:
        assert list(validator.iter_errors(service)) == []
    service = next(s for s in document["contents"] if s["name"] == "Thuisadministratie")
    assert service["assured_date"] == resources.last_verified_on.isoformat()
    assert {lang["code"] for lang in service["languages"]} == {"nld", "tur"}
    assert service["service_at_locations"][0]["location"]["accessibility"][0]["description"] == "drempelvrij"
    assert service["schedules"][0]["byday"] == "TU" and service["wait_time"] == "2 weken"


def test_the_schema_check_itself_refuses_what_hsds_refuses():
    errors = list(service_validator().iter_errors({"id": "geen-uuid", "name": "X", "status": "open"}))
    assert {e.validator for e in errors} == {"format", "enum"}


def test_the_import_takes_back_what_the_export_writes(resources):
    before = export()
    Resource.objects.all().delete()
    Provider.objects.all().delete()
    result = hsds_import(text=json.dumps(before))
    assert result.ok and (result.created, result.updated) == (2, 0)
    after = export()
    strip = lambda doc: [{k: v for k, v in s.items() if k != "last_modified"} for s in doc["contents"]]  # noqa: E731
    assert strip(after) == strip(before)


def test_importing_the_same_document_again_updates_instead_of_duplicating(resources):
    result = hsds_import(text=json.dumps(export()))
    assert result.ok and (result.created, result.updated) == (0, 2)
    assert Resource.objects.count() == 2


def test_broken_rows_are_reported_per_row_in_dutch_and_nothing_is_imported(resources):
    document = export()
    good = document["contents"][0]
    missing_name = {k: v for k, v in good.items() if k != "name"} | {"id": "4b1b0c58-0d45-4a86-9d2c-53f4b7a2e1a1"}
    bad_language = json.loads(json.dumps(good)) | {"id": "0b9b7a3e-6c51-4e0f-bf5e-1a2b3c4d5e6f"}
    bad_language["languages"] = [{"id": "9c2a1f4e-1111-4a2b-8c3d-0e1f2a3b4c5d", "code": "xx-klingon", "name": "?"}]
    bad_ages = json.loads(json.dumps(good)) | {
        "id": "1d2e3f40-2222-4b3c-9d4e-1f2a3b4c5d6e",
        "minimum_age": 70,
        "maximum_age": 12,
    }
    fresh = json.loads(json.dumps(good)) | {"id": "2e3f4051-3333-4c4d-8e5f-2a3b4c5d6e7f", "name": "Nieuw aanbod"}
    Resource.objects.all().delete()
    result = hsds_import(text=json.dumps({"contents": [fresh, missing_name, bad_language, bad_ages]}))
    assert not result.ok
    assert [row.row for row in result.rows] == [2, 3, 4]
    messages = {row.row: " ".join(row.errors) for row in result.rows}
    assert "verplicht veld 'name' ontbreekt" in messages[2]
    assert "Onbekende taalcode (ISO 639-3): xx-klingon" in messages[3]
    assert "De maximale leeftijd is lager dan de minimale" in messages[4]
    assert Resource.objects.count() == 0  # not even the good first row


def test_a_file_that_is_no_hsds_is_one_dutch_message():
    assert hsds_import(text="dit is geen json").rows[0].errors == ["Het bestand is geen geldige JSON."]
    assert "geen lijst van HSDS-services" in hsds_import(text='{"a": 1}').rows[0].errors[0]


def test_the_public_download_and_the_functional_admins_import_page(resources, make_user):
    download = Client().get(reverse("socialmap:hsds-export"))
    assert download.status_code == 200 and download["Content-Type"].startswith("application/json")
    assert "attachment" in download["Content-Disposition"]
    admin = login(Client(), make_user(Role.FUNCTIONAL_ADMIN))
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("kaart.json", download.content, content_type="application/json")
    response = admin.post(reverse("socialmap:import"), {"file": upload}, follow=True)
    assert "Geïmporteerd: 0 nieuw, 2 bijgewerkt." in response.content.decode()
    broken = SimpleUploadedFile("kapot.json", b'[{"id": "x"}]', content_type="application/json")
    body = admin.post(reverse("socialmap:import"), {"file": broken}).content.decode()
    assert "Niets geïmporteerd" in body and "Rij 1" in body
