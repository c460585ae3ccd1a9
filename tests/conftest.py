import time

import pytest
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from wijkkracht.accounts.roles import Role
from wijkkracht.core.middleware import LOGIN_AT_KEY
from wijkkracht.core.middleware import SESSION_KEY as IDLE_SESSION_KEY

from . import factories
from .worlds import order_by_world


@pytest.hookimpl(tryfirst=True)  # before pytest-django sorts database tests first (a stable sort)
def pytest_collection_modifyitems(items):
    order_by_world(items)


def login(client, user):
    """Log in as the login page would: password done, and the second factor where the role needs one."""
    client.force_login(user)
    session = client.session
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is not None:
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    # Logged in and active just now, as after a real login: the next requests need not write the session.
    session[LOGIN_AT_KEY] = session[IDLE_SESSION_KEY] = int(time.time())
    session.save()
    return client


def city_build() -> dict:
    """A small city: two neighbourhoods, each with its own team, and a specialist organisation."""
    north = factories.NeighbourhoodFactory(name="Stedenwijk-Noord")
    south = factories.NeighbourhoodFactory(name="Muziekwijk-Zuid")
    factories.PostcodeAreaFactory(pc4="1315", neighbourhood=north)
    factories.PostcodeAreaFactory(pc4="1326", neighbourhood=south)
    return {
        "north": north,
        "south": south,
        "team_north": factories.TeamFactory(name="Wijkteam Noord", neighbourhoods=[north]),
        "team_south": factories.TeamFactory(name="Wijkteam Zuid", neighbourhoods=[south]),
        "sst": factories.OrganisationFactory(name="Sociaal Stedelijk Team", short_name="SST", kind="specialist"),
        "amw": factories.OrganisationFactory(name="Algemeen Maatschappelijk Werk", short_name="AMW"),
    }


def user_make(city: dict, role=Role.WORKER, **kwargs):
    """A user of a role, in the north team (team roles) or the specialist organisation (specialists)."""
    if role in (Role.SPECIALIST, Role.ESCALATION_OFFICER):
        kwargs.setdefault("organisation", city["sst"])
    else:
        kwargs.setdefault("organisation", city["amw"])
    if role in (Role.WORKER, Role.TEAM_LEAD, Role.CENTRE_STAFF, Role.VOLUNTEER_COORDINATOR):
        kwargs.setdefault("teams", [city["team_north"]])
    return factories.UserFactory(role=role, **kwargs)


def resident_north_make(city: dict):
    return factories.ResidentFactory(household__neighbourhood=city["north"], household__postcode="1315 AB")


@pytest.fixture
def city(db):
    """A small city (``city_build``), for one test."""
    return city_build()


@pytest.fixture
def make_user(city):
    """``user_make`` in the test's city: ``make_user(Role.TEAM_LEAD, first_name=...)``."""

    def _make(role=Role.WORKER, **kwargs):
        return user_make(city, role, **kwargs)

    return _make


@pytest.fixture
def resident_north(city):
    return resident_north_make(city)


@pytest.fixture
def resident_south(city):
    return factories.ResidentFactory(household__neighbourhood=city["south"], household__postcode="1326 CD")
