"""The BSN: 11-test, encrypted at rest, found by keyed hash, masked, revealed only with a logged reason."""

import pytest
from cryptography.fernet import Fernet
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from wijkkracht.accounts.roles import Role
from wijkkracht.audit.models import AuditEvent, Event, Refusal
from wijkkracht.people import bsn as bsn_module
from wijkkracht.people import selectors, services
from wijkkracht.people.models import Resident

from ..conftest import login
from ..factories import AccessGrantFactory, ResidentFactory
from .helpers import INVALID_BSN, VALID_BSNS, new_resident_data, with_bsn

pytestmark = pytest.mark.django_db


def test_a_valid_bsn_is_stored_encrypted_found_by_hash_and_shown_masked(make_user, city):
    resident = services.resident_create(**new_resident_data(bsn="1234.56.782"))
    raw = Resident.objects.filter(pk=resident.pk).values("bsn_encrypted", "bsn_hash", "bsn_last_digits").get()
    assert "123456782" not in raw["bsn_encrypted"] and "123456782" not in raw["bsn_hash"]
    assert bsn_module.bsn_decrypt(raw["bsn_encrypted"]) == "123456782"
    assert raw["bsn_last_digits"] == "782"

    client = login(Client(), make_user(Role.WORKER))
    found = client.get(reverse("people:resident-list"), {"q": "123456782"}).content.decode()
    assert resident.full_name in found
    page = client.get(reverse("people:resident-detail", args=[resident.public_id])).content.decode()
    assert "******782" in page
    assert "123456782" not in page


def test_an_invalid_bsn_is_refused_in_dutch_and_nothing_is_saved(make_user, resident_north):
    client = login(Client(), make_user(Role.WORKER))
    response = client.post(reverse("people:resident-bsn", args=[resident_north.public_id]), {"bsn": INVALID_BSN})
    assert "Dit BSN klopt niet: het voldoet niet aan de elfproef." in response.content.decode()
    response = client.post(reverse("people:resident-bsn", args=[resident_north.public_id]), {"bsn": "12ab"})
    assert "Een BSN bestaat alleen uit cijfers." in response.content.decode()
    resident_north.refresh_from_db()
    assert resident_north.bsn_hash == "" and resident_north.bsn_encrypted == ""


def test_a_bsn_known_for_another_live_record_is_refused_and_merging_is_suggested(resident_north, city):
    with_bsn(resident_north, VALID_BSNS[0])
    with pytest.raises(Exception) as caught:
        services.resident_create(**new_resident_data(bsn=VALID_BSNS[0]))
    assert "Voeg dan de twee dossiers samen" in str(caught.value)
    assert Resident.objects.count() == 1


def test_revealing_the_bsn_needs_a_reason_and_is_logged_with_it(make_user, resident_north):
    with_bsn(resident_north, VALID_BSNS[1])
    client = login(Client(), make_user(Role.WORKER))
    url = reverse("people:resident-bsn-reveal", args=[resident_north.public_id])
    form = client.get(url).content.decode()
    assert "******782" in form and VALID_BSNS[1] not in form
    before = AuditEvent.objects.filter(event=Event.BSN_REVEALED).count()
    short = client.post(url, {"reason": "nodig"})
    assert "minstens 15 tekens" in short.content.decode()
    assert VALID_BSNS[1] not in short.content.decode()
    assert AuditEvent.objects.filter(event=Event.BSN_REVEALED).count() == before == 0
    shown = client.post(url, {"reason": "Aanvraag schuldhulp bij Plangroep invullen"})
    assert VALID_BSNS[1] in shown.content.decode()
    assert shown["Cache-Control"] == "no-store"
    entry = AuditEvent.objects.get(event=Event.BSN_REVEALED)
    assert entry.fields == ["bsn"]
    assert entry.reason == "Aanvraag schuldhulp bij Plangroep invullen"
    assert entry.subject_ref == str(resident_north.public_id)


def test_revealing_outside_ones_scope_is_refused_without_a_read_entry(make_user, resident_south):
    with_bsn(resident_south, VALID_BSNS[2])
    worker = make_user(Role.WORKER)
    with pytest.raises(Exception) as caught:
        selectors.resident_bsn_reveal(
            user=worker, public_id=resident_south.public_id, view="test", reason="Ik wil het gewoon even weten"
        )
    assert caught.type.__name__ == "NotFoundOrForbidden"
    client = login(Client(), worker)
    url = reverse("people:resident-bsn-reveal", args=[resident_south.public_id])
    assert client.post(url, {"reason": "Ik wil het gewoon even weten"}).status_code == 404
    assert AuditEvent.objects.count() == 0
    assert Refusal.objects.filter(actor_id=worker.pk).count() == 2


def test_a_specialist_reveals_only_with_a_personal_details_grant(make_user, city, resident_north):
    with_bsn(resident_north, VALID_BSNS[0])
    specialist = make_user(Role.SPECIALIST)
    AccessGrantFactory(resident=resident_north, organisation=city["sst"], category="help_requests")
    url = reverse("people:resident-bsn-reveal", args=[resident_north.public_id])
    client = login(Client(), specialist)
    assert client.post(url, {"reason": "Overdracht aan het stedelijk team"}).status_code == 404
    AccessGrantFactory(resident=resident_north, organisation=city["sst"], category="personal_details")
    assert VALID_BSNS[0] in client.post(url, {"reason": "Overdracht aan het stedelijk team"}).content.decode()


def test_a_centre_staff_member_may_not_reveal_the_bsn(make_user, resident_north):
    with_bsn(resident_north, VALID_BSNS[0])
    client = login(Client(), make_user(Role.CENTRE_STAFF))
    assert client.get(reverse("people:resident-bsn-reveal", args=[resident_north.public_id])).status_code == 403


def test_rotation_reencrypts_every_bsn_with_the_new_key(settings, city, capsys):
    old_key = settings.BSN_ENCRYPTION_KEYS[0]
    residents = [with_bsn(ResidentFactory(household__neighbourhood=city["north"]), d) for d in VALID_BSNS]
    new_key = Fernet.generate_key().decode()
    settings.BSN_ENCRYPTION_KEYS = [new_key, old_key]
    call_command("bsn_rotate")
    assert "3/3" in capsys.readouterr().out
    settings.BSN_ENCRYPTION_KEYS = [new_key]  # the old key is gone: everything must still decrypt
    for resident, digits in zip(residents, VALID_BSNS, strict=True):
        resident.refresh_from_db()
        assert bsn_module.bsn_decrypt(resident.bsn_encrypted) == digits


def test_rehash_makes_bsns_findable_under_a_new_hash_key(settings, make_user, city):
    resident = with_bsn(ResidentFactory(household__neighbourhood=city["north"]), VALID_BSNS[0])
    settings.BSN_HASH_KEY = "een-nieuwe-hash-sleutel-van-voldoende-lengte"
    worker = make_user(Role.WORKER)
    assert selectors.resident_search(user=worker, view="t", query=VALID_BSNS[0]).paginator.count == 0
    call_command("bsn_rotate", "--rehash")
    page = selectors.resident_search(user=worker, view="t", query=VALID_BSNS[0])
    assert [r.pk for r in page.object_list] == [resident.pk]
