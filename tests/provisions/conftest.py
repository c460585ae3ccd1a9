import pytest

from wijkkracht.accounts.roles import Role

from ..factories import CollectiveProvisionFactory, TeamFactory


@pytest.fixture
def centre(city):
    """A community centre serving the north neighbourhood (a second team there)."""
    return TeamFactory(name="Wijkcentrum Noord", kind="community_centre", neighbourhoods=[city["north"]])


@pytest.fixture
def desk(city):
    return CollectiveProvisionFactory(kind="desk", name="Administratief spreekuur Noord", team=city["team_north"])


@pytest.fixture
def worker(make_user):
    return make_user(Role.WORKER)
