import pytest

from wijkkracht.accounts.roles import Role

from ..factories import HelpRequestFactory


@pytest.fixture
def worker(make_user):
    return make_user(Role.WORKER, first_name="Noor", last_name="Jansen")


@pytest.fixture
def help_request(city, worker, resident_north):
    """A fresh request of a north resident, taken by a north worker."""
    return HelpRequestFactory(resident=resident_north, team=city["team_north"], taken_by=worker)


def all_informal_checks(help_request, by, *, fits=False):
    from wijkkracht.cases.models import INFORMAL_OPTIONS
    from wijkkracht.cases.services.requests import informal_check_record

    for option in INFORMAL_OPTIONS:
        informal_check_record(
            help_request=help_request, option=option, fits=fits, reason="" if fits else "Niemand beschikbaar.", by=by
        )
