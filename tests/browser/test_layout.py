"""The frame around every page: the language switch, and a phone-width screen without sideways scrolling."""

import pytest

from wijkkracht.accounts.roles import Role

from ..factories import ResidentFactory
from .conftest import assert_page_ok, follow, login_with_cookie, visit

pytestmark = pytest.mark.browser


def test_clicking_english_switches_the_page_to_english(page, context, live_server, make_user):
    login_with_cookie(context, make_user(Role.WORKER), live_server)
    visit(page, "/inwoners/")
    assert page.locator("html").get_attribute("lang") == "nl"
    english = page.get_by_role("button", name="English", exact=True)
    assert english.get_attribute("lang") == "en"  # named in its own language, for who reads no Dutch

    follow(page, english)

    assert page.locator("html").get_attribute("lang") == "en"
    assert page.url.endswith("/inwoners/")  # back on the same page
    dutch = page.get_by_role("button", name="Nederlands", exact=True)  # and the way back is offered
    assert dutch.get_attribute("lang") == "nl"
    assert_page_ok(page)


def horizontal_overflow(page) -> int:
    """How many CSS pixels the page is wider than the screen (0 when it fits)."""
    return page.evaluate("Math.max(0, document.documentElement.scrollWidth - window.innerWidth)")


# The worker's start page is cards and lists; the team lead's also has the figures table per team.
@pytest.mark.parametrize("role", [Role.WORKER, Role.TEAM_LEAD])
def test_on_a_phone_the_start_page_and_resident_list_do_not_scroll_sideways(
    role, page, context, live_server, city, make_user
):
    for _ in range(12):
        ResidentFactory(household__neighbourhood=city["north"], household__postcode="1315 AB")
    ResidentFactory(
        household__neighbourhood=city["north"],
        household__postcode="1315 XY",
        first_name="Anne-Marie Wilhelmina Geertruida",
        last_name="van der Heijden-Schuurmans",
    )
    login_with_cookie(context, make_user(role), live_server)
    page.set_viewport_size({"width": 375, "height": 740})

    for path in ("/", "/inwoners/"):
        visit(page, path)
        assert horizontal_overflow(page) == 0, f"{path} scrolls sideways on a 375px wide screen"
        assert_page_ok(page)
