"""Fixtures for volunteering: the north team's coordinator, an active volunteer near the north resident, a request."""

import pytest

from wijkkracht.accounts.roles import Role

from ..factories import VolunteerFactory, VolunteerRequestFactory


@pytest.fixture
def coordinator(make_user):
    return make_user(Role.VOLUNTEER_COORDINATOR, username="coordinator-noord")


@pytest.fixture
def volunteer(city):
    return VolunteerFactory(team=city["team_north"], first_name="Henk", languages=["nl", "ar"])


@pytest.fixture
def request_north(city, make_user, resident_north):
    return VolunteerRequestFactory(resident=resident_north, team=city["team_north"], created_by=make_user(Role.WORKER))
