"""Two records of the same person become one; everything moves, the audit trail stays."""

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from wijkkracht.access.models import AccessGrant
from wijkkracht.accounts.roles import Role
from wijkkracht.audit.models import AuditEvent, Event
from wijkkracht.cases.models import HelpRequest
from wijkkracht.people import selectors, services
from wijkkracht.people.models import Relation, Resident

from ..conftest import login
from ..factories import AccessGrantFactory, HelpRequestFactory, RelationFactory, ResidentFactory
from .helpers import VALID_BSNS, with_bsn

pytestmark = pytest.mark.django_db


@pytest.fixture
def twins(city, resident_north):
    """resident_north, and a second record of the same person entered at another intake."""
    duplicate = ResidentFactory(
        household__neighbourhood=city["north"],
        first_name=resident_north.first_name,
        last_name=resident_north.last_name,
        phone="",
    )
    resident_north.phone = ""
    resident_north.email = ""
    resident_north.save()
    duplicate.phone = "0687654321"
    duplicate.email = "dubbel@example.org"
    duplicate.save()
    return resident_north, with_bsn(duplicate, VALID_BSNS[0])


def test_merging_moves_every_related_row_and_keeps_the_audit_trail(make_user, city, twins):
    keep, duplicate = twins
    worker = make_user(Role.WORKER)
    # The duplicate has been read before: that audit entry must stay.
    selectors.resident_get(user=worker, public_id=duplicate.public_id, view="people:resident-detail")
    grant = AccessGrantFactory(resident=duplicate, organisation=city["sst"])
    request = HelpRequestFactory(resident=duplicate, taken_by=worker)
    sibling = ResidentFactory(household=duplicate.household)
    RelationFactory(resident=duplicate, related=sibling, kind="sibling")
    RelationFactory(resident=keep, related=duplicate, kind="partner")  # would become a relation with oneself

    services.resident_merge(keep=keep, duplicate=duplicate, by=worker, reason="Zelfde persoon, dubbel ingevoerd")

    duplicate.refresh_from_db()
    keep.refresh_from_db()
    assert duplicate.merged_into == keep and duplicate.merged_at is not None
    assert AccessGrant.objects.get(pk=grant.pk).resident == keep
    assert HelpRequest.objects.get(pk=request.pk).resident == keep
    assert Relation.objects.filter(resident=keep, related=sibling, kind="sibling").exists()
    assert not Relation.objects.filter(resident=keep, related=keep).exists()
    # Missing contact details and the BSN are copied; the merged record no longer holds a BSN.
    assert (keep.phone, keep.email, keep.bsn_last_digits) == ("0687654321", "dubbel@example.org", "333")
    assert duplicate.bsn_hash == ""
    # The audit trail: the earlier read of the duplicate is still there, plus one merge entry per record.
    assert AuditEvent.objects.filter(subject_ref=str(duplicate.public_id), event=Event.PERSONAL_DATA_READ).exists()
    merged = AuditEvent.objects.filter(event=Event.RESIDENT_MERGED)
    assert set(merged.values_list("subject_ref", flat=True)) == {str(keep.public_id), str(duplicate.public_id)}
    assert "Zelfde persoon" in merged.first().reason


def test_a_merged_record_is_out_of_every_list_and_page(make_user, twins):
    keep, duplicate = twins
    worker = make_user(Role.WORKER)
    services.resident_merge(keep=keep, duplicate=duplicate, by=worker, reason="dubbel")
    client = login(Client(), worker)
    assert client.get(reverse("people:resident-detail", args=[duplicate.public_id])).status_code == 404
    page = selectors.resident_search(user=worker, view="t", query=keep.last_name)
    assert [r.pk for r in page.object_list] == [keep.pk]


def test_records_with_different_bsns_are_not_merged(make_user, twins):
    keep, duplicate = twins
    with_bsn(keep, VALID_BSNS[1])
    with pytest.raises(ValidationError) as caught:
        services.resident_merge(keep=keep, duplicate=duplicate, by=make_user(Role.WORKER), reason="dubbel")
    assert "verschillend BSN" in str(caught.value)
    duplicate.refresh_from_db()
    assert duplicate.merged_into is None
    assert not AuditEvent.objects.filter(event=Event.RESIDENT_MERGED).exists()


def test_the_merge_pages_search_compare_and_confirm(make_user, twins):
    keep, duplicate = twins
    client = login(Client(), make_user(Role.WORKER))
    search = client.get(reverse("people:resident-merge", args=[keep.public_id]), {"q": keep.last_name})
    confirm_url = reverse("people:resident-merge-confirm", args=[keep.public_id, duplicate.public_id])
    assert confirm_url in search.content.decode()
    compare = client.get(confirm_url).content.decode()
    assert "******333" in compare and VALID_BSNS[0] not in compare
    assert Resident.objects.get(pk=duplicate.pk).merged_into is None  # looking does not merge
    empty = client.post(confirm_url, {"reason": ""})
    assert "Geef aan waarom dit dezelfde persoon is." in empty.content.decode()
    done = client.post(confirm_url, {"reason": "Zelfde naam, geboortedatum en adres"})
    assert done.status_code == 302
    assert Resident.objects.get(pk=duplicate.pk).merged_into_id == keep.pk


def test_only_case_workers_merge_and_only_within_their_scope(make_user, resident_north, resident_south):
    url = reverse("people:resident-merge-confirm", args=[resident_north.public_id, resident_south.public_id])
    assert login(Client(), make_user(Role.CENTRE_STAFF)).get(url).status_code == 403
    worker_client = login(Client(), make_user(Role.WORKER))
    assert worker_client.post(url, {"reason": "dubbel"}).status_code == 404
    assert Resident.objects.get(pk=resident_south.pk).merged_into is None
