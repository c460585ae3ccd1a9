"""Friendship groups: a help seeker registered from the resident page, placed in a group, attending meetings."""

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from wijkkracht.provisions.models import Attendance, GroupMember
from wijkkracht.provisions.services.groups import group_meeting_record, group_member_place, group_seeker_register

from ..conftest import login
from ..factories import CollectiveProvisionFactory, GroupFactory, GroupMemberFactory, ResidentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def circles(city):
    return CollectiveProvisionFactory(kind="groups", name="Vriendenkringen Noord", team=city["team_north"])


def test_a_help_seeker_is_registered_from_the_resident_page_and_placed_in_a_group(worker, circles, resident_north):
    group = GroupFactory(provision=circles, team=circles.team, name="Wandelgroep")
    client = login(Client(), worker)
    response = client.post(
        reverse("provisions:seeker-create", args=[resident_north.public_id]),
        {"provision": circles.pk, "wish": "overdag"},
    )
    member = GroupMember.objects.get()
    assert response.status_code == 302 and member.status == "seeking"
    client.post(reverse("provisions:member-place", args=[member.public_id]), {"group": group.pk})
    member.refresh_from_db()
    assert (member.status, member.group) == ("placed", group)
    page = client.get(reverse("provisions:group-detail", args=[group.pk])).content.decode()
    assert resident_north.full_name in page


def test_registering_twice_or_placing_in_a_full_group_is_refused(worker, circles, resident_north, city):
    group_seeker_register(provision=circles, resident=resident_north, by=worker)
    with pytest.raises(ValidationError, match="al aangemeld"):
        group_seeker_register(provision=circles, resident=resident_north, by=worker)
    full = GroupFactory(provision=circles, team=circles.team, max_members=1)
    GroupMemberFactory(group=full, team=circles.team, resident=ResidentFactory(household__neighbourhood=city["north"]))
    member = GroupMember.objects.get(resident=resident_north)
    with pytest.raises(ValidationError, match="vol"):
        group_member_place(member=member, group=full, by=worker)


def test_a_meeting_records_who_came(worker, circles, city):
    group = GroupFactory(provision=circles, team=circles.team)
    came, stayed_home = (GroupMemberFactory(group=group, team=circles.team) for _ in range(2))
    group_meeting_record(group=group, held_on=timezone.localdate(), present_ids=[came.pk], by=worker)
    assert dict(Attendance.objects.values_list("member_id", "present")) == {came.pk: True, stayed_home.pk: False}
    with pytest.raises(ValidationError, match="al een bijeenkomst"):
        group_meeting_record(group=group, held_on=timezone.localdate(), present_ids=[], by=worker)
