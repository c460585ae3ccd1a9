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
    "place", ["wijkkracht/core/views.py", "wijkkracht/organisations/selectors.py", "wijkkracht/audit/views.py"]
)
def test_querying_residents_outside_the_access_module_is_refused(place):
    assert "TID251" in ruff_on(place, QUERY)


def test_the_access_selectors_may_query_residents():
    assert "TID251" not in ruff_on("wijkkracht/access/selectors.py", QUERY)


@pytest.mark.parametrize("place", ["wijkkracht/people/views.py", "wijkkracht/people/api.py"])
def test_even_the_people_apps_own_views_go_through_the_access_module(place):
    assert "TID251" in ruff_on(place, QUERY)
