"""The lint rule that keeps personal data behind the access module actually bites."""

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
RUFF = shutil.which("ruff") or str(Path(__import__("sys").executable).parent / "ruff")
QUERY = "from wijkkracht.people.models import Resident\n\nResident.objects.all()\n"


def ruff_on(filename: str, source: str) -> str:
    result = subprocess.run(
        [RUFF, "check", "--no-cache", "--select", "TID251", "--stdin-filename", filename, "-"],
        input=source,
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    return result.stdout


@pytest.mark.parametrize(
    "place", ["wijkkracht/core/views.py", "wijkkracht/organisations/views.py", "wijkkracht/audit/views.py"]
)
def test_querying_residents_outside_the_access_module_is_refused(place):
    assert "TID251" in ruff_on(place, QUERY)


def test_the_people_selectors_may_query_residents():
    assert "TID251" not in ruff_on("wijkkracht/people/selectors/search.py", QUERY)


@pytest.mark.parametrize("place", ["wijkkracht/people/views.py", "wijkkracht/people/api.py"])
def test_even_the_people_apps_own_views_go_through_the_access_module(place):
    assert "TID251" in ruff_on(place, QUERY)


CASE_QUERY = "from wijkkracht.cases.models import HelpRequest\n\nHelpRequest.objects.all()\n"
CARE_QUERY = "from wijkkracht.care.models import Carer\n\nCarer.objects.all()\n"


@pytest.mark.parametrize(
    "place", ["wijkkracht/cases/views/requests.py", "wijkkracht/workspace/views.py", "wijkkracht/people/views.py"]
)
@pytest.mark.parametrize("query", [CASE_QUERY, CARE_QUERY])
def test_case_and_care_data_are_read_only_through_selectors(place, query):
    assert "TID251" in ruff_on(place, query)


@pytest.mark.parametrize(
    "place", ["wijkkracht/cases/selectors/requests.py", "wijkkracht/care/selectors.py", "wijkkracht/care/services.py"]
)
def test_the_case_selectors_and_services_may_query_case_data(place):
    assert "TID251" not in ruff_on(place, CASE_QUERY)
