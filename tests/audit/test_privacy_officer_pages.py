import pytest
from django.test import Client
from django.urls import reverse

from wijkkracht.accounts.roles import Role
from wijkkracht.audit.models import Flag

from ..conftest import login

pytestmark = pytest.mark.django_db


@pytest.fixture
def logged_reads(make_user, resident_north, resident_south):
    worker = make_user(Role.WORKER, username="jan")
    lead = make_user(Role.TEAM_LEAD, username="petra")
    login(Client(), worker).get(reverse("people:resident-detail", args=[resident_north.public_id]))
    login(Client(), lead).get(reverse("people:resident-detail", args=[resident_north.public_id]))
    return worker, lead


def test_the_privacy_officer_searches_the_log_by_resident_and_by_user(make_user, logged_reads, resident_north):
    client = login(Client(), make_user(Role.PRIVACY_OFFICER))
    by_resident = client.get(reverse("audit:log"), {"subject_ref": str(resident_north.public_id)[:8].upper()})
    assert "2 regels" in by_resident.content.decode()
    by_user = client.get(reverse("audit:log"), {"username": "petra"})
    body = by_user.content.decode()
    assert "1 regel" in body and "petra" in body
    # The log shows references, never the resident's name.
    assert resident_north.last_name not in body


def test_the_log_is_searched_by_period_and_rejects_a_reversed_period(make_user, logged_reads):
    client = login(Client(), make_user(Role.PRIVACY_OFFICER))
    none = client.get(reverse("audit:log"), {"date_from": "2001-01-01", "date_to": "2001-12-31"})
    assert "0 regels" in none.content.decode()
    bad = client.get(reverse("audit:log"), {"date_from": "2020-02-01", "date_to": "2020-01-01"})
    assert "De begindatum ligt na de einddatum." in bad.content.decode()


def test_the_privacy_officer_marks_a_flag_as_reviewed(make_user):
    officer = make_user(Role.PRIVACY_OFFICER)
    flag = Flag.objects.create(kind=Flag.Kind.BREAK_GLASS, actor_username="jan", detail="spoed")
    client = login(Client(), officer)
    assert "spoed" in client.get(reverse("audit:flags")).content.decode()
    client.post(reverse("audit:flag-review", args=[flag.pk]))
    flag.refresh_from_db()
    assert flag.reviewed_by == officer.username
    assert "spoed" not in client.get(reverse("audit:flags")).content.decode()
