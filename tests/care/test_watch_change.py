"""Changing who keeps a pilot-light contact and how often: the next contact is planned again."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from wijkkracht.accounts.roles import Role
from wijkkracht.audit.models import AuditEvent, Refusal
from wijkkracht.care.models import WatchContact
from wijkkracht.care.services import watch_contact_change

from ..conftest import login
from ..factories import WatchContactFactory

pytestmark = pytest.mark.django_db

OWNER_REFUSED = "De eigenaar moet een wijkwerker of teamleider van het team zijn."
INTERVAL_REFUSED = "Kies een interval van 1 tot en met 52 weken."


def days(n) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=n)


def midday(n) -> datetime.datetime:
    """Midday ``n`` days from today (negative: in the past), as the log form records an earlier day."""
    return timezone.make_aware(datetime.datetime.combine(days(n), datetime.time(12)))


@pytest.fixture
def worker(make_user):
    return make_user(Role.WORKER, first_name="Anna", last_name="Jansen")


@pytest.fixture
def watch(worker, resident_north, city):
    """Every 4 weeks; last contact 10 days ago, so the next one is due in 18 days."""
    return WatchContactFactory(
        resident=resident_north,
        team=city["team_north"],
        owner=worker,
        interval_weeks=4,
        last_contact_at=midday(-10),
        next_due=days(18),
        reason="Woont alleen.",
    )


def change_url(watch) -> str:
    return reverse("care:watch-change", args=[watch.public_id])


def saved(watch) -> WatchContact:
    return WatchContact.objects.get(pk=watch.pk)


# --- the rule for the next contact -----------------------------------------------------------------


def test_a_shorter_interval_moves_the_next_contact_forward_from_the_last_contact(worker, watch):
    watch_contact_change(watch=watch, by=worker, owner=worker, interval_weeks=2, reason="Woont alleen.")
    assert (saved(watch).interval_weeks, saved(watch).next_due) == (2, days(-10 + 14))
    assert watch.next_due == days(4)  # the caller's object follows


def test_a_longer_interval_moves_it_back(worker, watch):
    watch_contact_change(watch=watch, by=worker, owner=worker, interval_weeks=8, reason="")
    assert saved(watch).next_due == days(-10 + 56)
    assert saved(watch).reason == ""


def test_without_a_contact_yet_the_interval_counts_from_the_start(worker, resident_north, city):
    watch = WatchContactFactory(
        resident=resident_north,
        team=city["team_north"],
        owner=worker,
        interval_weeks=4,
        started_at=midday(-3),
        next_due=days(2),
    )
    watch_contact_change(watch=watch, by=worker, owner=worker, interval_weeks=1)
    assert saved(watch).next_due == days(-3 + 7)


def test_a_change_never_makes_a_contact_overdue(worker, watch):
    watch.last_contact_at = midday(-20)
    watch.save()
    watch_contact_change(watch=watch, by=worker, owner=worker, interval_weeks=1)  # 20 days ago + 7 is in the past
    assert saved(watch).next_due == days(0)


def test_an_overdue_contact_stays_overdue_from_the_recalculated_date(worker, watch):
    watch.last_contact_at, watch.next_due = midday(-40), days(-12)
    watch.save()
    watch_contact_change(watch=watch, by=worker, owner=worker, interval_weeks=2)
    assert saved(watch).next_due == days(-40 + 14)


def test_only_a_new_owner_leaves_the_planning_alone(worker, watch, make_user):
    lead = make_user(Role.TEAM_LEAD)
    watch.next_due = days(3)  # e.g. planned by hand at the start
    watch.save()
    watch_contact_change(watch=watch, by=worker, owner=lead, interval_weeks=4, reason="Woont alleen.")
    assert (saved(watch).owner, saved(watch).next_due) == (lead, days(3))


# --- refusals, in Dutch, nothing saved -------------------------------------------------------------


def test_an_owner_from_another_team_is_refused_in_dutch(worker, watch, make_user, city):
    south = make_user(Role.WORKER, teams=[city["team_south"]])
    centre = make_user(Role.CENTRE_STAFF)  # the same team, but not a role that keeps pilot-light contacts
    for owner in (south, centre):
        with pytest.raises(ValidationError) as error:
            watch_contact_change(watch=watch, by=worker, owner=owner, interval_weeks=2)
        assert error.value.message_dict["owner"] == [OWNER_REFUSED]
    assert (saved(watch).owner, saved(watch).interval_weeks, saved(watch).next_due) == (worker, 4, days(18))


@pytest.mark.parametrize("weeks", [0, 53])
def test_an_interval_outside_1_to_52_weeks_is_refused(worker, watch, weeks):
    with pytest.raises(ValidationError) as error:
        watch_contact_change(watch=watch, by=worker, owner=worker, interval_weeks=weeks)
    assert error.value.message_dict["interval_weeks"] == [INTERVAL_REFUSED]
    assert saved(watch).interval_weeks == 4


def test_an_ended_contact_cannot_be_changed(worker, watch):
    watch.ended_at = timezone.now()
    watch.save()
    with pytest.raises(ValidationError) as error:
        watch_contact_change(watch=watch, by=worker, owner=worker, interval_weeks=2)
    assert error.value.messages == ["Dit waakvlamcontact is beëindigd en kan niet meer worden gewijzigd."]
    assert saved(watch).interval_weeks == 4


# --- the page ---------------------------------------------------------------------------------------


def test_from_the_watch_page_a_worker_changes_the_interval_and_sees_the_new_date(worker, watch, make_user):
    lead = make_user(Role.TEAM_LEAD, first_name="Lotte", last_name="Bakker")
    client = login(Client(), worker)
    detail = client.get(reverse("care:watch-detail", args=[watch.public_id])).content.decode()
    assert change_url(watch) in detail

    form = client.get(change_url(watch))
    html = form.content.decode()
    assert form.status_code == 200
    assert 'name="interval_weeks" value="4"' in html and "Woont alleen." in html
    assert "Lotte Bakker" in html  # the team's workers and team leads to choose from

    response = client.post(change_url(watch), {"owner": lead.pk, "interval_weeks": 2, "reason": "Valt vaak."})

    assert response.status_code == 302
    assert response["Location"] == reverse("care:watch-detail", args=[watch.public_id])
    after = saved(watch)
    assert (after.owner, after.interval_weeks, after.reason, after.next_due) == (lead, 2, "Valt vaak.", days(4))
    page = client.get(response["Location"]).content.decode()
    assert f"Het waakvlamcontact is gewijzigd. Volgend contact: {days(4):%d-%m-%Y}." in page


def test_the_page_refuses_an_owner_from_another_team_in_dutch(worker, watch, make_user, city):
    south = make_user(Role.WORKER, teams=[city["team_south"]], first_name="Zuid", last_name="Collega")
    client = login(Client(), worker)
    assert "Zuid Collega" not in client.get(change_url(watch)).content.decode()
    response = client.post(change_url(watch), {"owner": south.pk, "interval_weeks": 2})
    assert response.status_code == 400
    assert "Kies een collega." in response.content.decode()
    bad = client.post(change_url(watch), {"owner": worker.pk, "interval_weeks": 60})
    assert INTERVAL_REFUSED in bad.content.decode()
    assert (saved(watch).owner, saved(watch).interval_weeks) == (worker, 4)


def test_opening_the_change_page_is_logged_as_a_read(worker, watch, resident_north):
    login(Client(), worker).get(change_url(watch))
    entry = AuditEvent.objects.get(view="care:watch-change")
    assert (entry.subject_ref, entry.object_type) == (str(resident_north.public_id), "care.WatchContact")


def test_a_worker_of_another_team_gets_404_and_no_read_entry(make_user, watch, city):
    south = make_user(Role.WORKER, teams=[city["team_south"]])
    client = login(Client(), south)
    assert client.get(change_url(watch)).status_code == 404
    assert client.post(change_url(watch), {"owner": south.pk, "interval_weeks": 1}).status_code == 404
    assert not AuditEvent.objects.exists()
    assert Refusal.objects.filter(subject_ref=str(watch.public_id), view="care:watch-change").count() == 2
    assert (saved(watch).owner, saved(watch).interval_weeks) == (watch.owner, 4)


def test_centre_staff_may_not_change_a_watch_contact(make_user, watch):
    client = login(Client(), make_user(Role.CENTRE_STAFF))
    assert client.get(change_url(watch)).status_code == 403
    assert client.post(change_url(watch), {"owner": watch.owner_id, "interval_weeks": 1}).status_code == 403
    assert saved(watch).interval_weeks == 4
