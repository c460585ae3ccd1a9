"""The frame around every page: the language switch, and a phone-width screen without sideways scrolling."""

import pytest

from wijkkracht.accounts.roles import Role

from ..factories import ResidentFactory
from .conftest import assert_page_ok, login_with_cookie, visit

pytestmark = pytest.mark.browser


def test_clicking_english_switches_the_page_to_english(page, context, live_server, make_user):
    login_with_cookie(context, make_user(Role.WORKER), live_server)
    visit(page, "/inwoners/")
    assert page.locator("html").get_attribute("lang") == "nl"

    page.locator("form.wk-lang").get_by_role("button").and_(page.locator("[lang=en]")).click()
    page.wait_for_load_state("load")

    assert page.locator("html").get_attribute("lang") == "en"
    assert page.url.endswith("/inwoners/")  # back on the same page
    assert page.get_by_role("button", name="Nederlands").is_visible()  # and the way back is offered
    assert_page_ok(page)


def test_the_language_switch_names_each_language_in_that_language(page, live_server):
    """A visitor who reads no Dutch must find "English"; the button says lang="en", so must its text."""
    visit(page, "/account/inloggen/")
    assert page.locator("html").get_attribute("lang") == "nl"
    assert page.locator("form.wk-lang button[lang=en]").inner_text().strip() == "English"

    page.get_by_role("button", name="English").click()
    page.wait_for_load_state("load")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("form.wk-lang button[lang=nl]").inner_text().strip() == "Nederlands"


def horizontal_overflow(page) -> int:
    """How many CSS pixels the page is wider than the screen (0 when it fits)."""
    return page.evaluate("Math.max(0, document.documentElement.scrollWidth - window.innerWidth)")


def test_on_a_phone_the_start_page_and_resident_list_do_not_scroll_sideways(
    page, context, live_server, city, make_user
):
    for _ in range(12):
        ResidentFactory(household__neighbourhood=city["north"], household__postcode="1315 AB")
    ResidentFactory(
        household__neighbourhood=city["north"],
        household__postcode="1315 XY",
        first_name="Anne-Marie Wilhelmina Geertruida",
        last_name="van der Heijden-Schuurmans",
    )
    login_with_cookie(context, make_user(Role.WORKER), live_server)
    page.set_viewport_size({"width": 375, "height": 740})

    for path in ("/", "/inwoners/"):
        visit(page, path)
        assert horizontal_overflow(page) == 0, f"{path} scrolls sideways on a 375px wide screen"
        assert_page_ok(page)
