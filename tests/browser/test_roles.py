"""Every role reaches its start page, and every HTML page it may open loads cleanly and passes axe."""

import pytest
from django.urls import resolve, reverse

from wijkkracht.access.url_policy import OK, URL_POLICY
from wijkkracht.accounts.roles import Role

from ..access.world import url_samples
from ..factories import ResidentFactory
from .conftest import assert_page_ok, login_with_cookie, visit

pytestmark = pytest.mark.browser

# Not HTML pages, or only reachable in the middle of logging in (tested in test_login.py).
NOT_PAGES = {"core:health", "set_language", "accounts:logout", "accounts:verify", "accounts:setup"}


def html_pages_for(role: str) -> list[str]:
    names = []
    for name, rule in URL_POLICY.items():
        if name.startswith("api:") or name in NOT_PAGES or rule.expectation(role) != OK:
            continue
        names.append(name)
    return names


@pytest.fixture
def role_world(city, make_user, resident_north):
    """The objects that fill in URL arguments, as in tests/access/test_url_matrix.py."""
    worker = make_user(Role.WORKER, username="sanne.devries")
    users = {Role.WORKER: worker}
    samples = url_samples(city=city, users=users, resident=resident_north)
    return {**samples, "worker": worker, "users": users}


@pytest.mark.production_database  # every page for every role: once, on PostgreSQL (see conftest.py)
@pytest.mark.parametrize("role", Role.values)
def test_every_page_a_role_may_open_loads_and_is_accessible(role, page, context, live_server, make_user, role_world):
    # The worker and the volunteer of the samples (the volunteer's own match); any other user of the role.
    user = role_world["users"].get(role) or make_user(role)
    login_with_cookie(context, user, live_server)

    checked = []
    for name in html_pages_for(role):
        rule = URL_POLICY[name]
        path = reverse(name, kwargs={arg: role_world[obj] for arg, obj in rule.sample.items()})
        view_class = getattr(resolve(path).func, "view_class", None)
        if view_class is not None and "get" not in view_class.http_method_names:
            continue  # POST-only (a button on another page), no page of its own
        response = context.request.get(path)
        if not response.headers.get("content-type", "").startswith("text/html"):
            continue  # a download (CSV export), not a page
        if not response.text().lstrip().lower().startswith("<!doctype html"):
            continue  # an htmx fragment (e.g. the address lookup), shown inside another page
        visit(page, path)
        assert page.locator("h1").count() == 1, f"{role} on {name}: a page has exactly one main heading"
        if name == "core:home":
            assert page.get_by_role("heading", name="Mijn organisatie").is_visible()
            assert page.get_by_text(user.get_role_display()).first.is_visible()
        try:
            assert_page_ok(page)
        except AssertionError as error:
            raise AssertionError(f"{role} on {name}: {error}") from None
        checked.append(name)
    assert "core:home" in checked


def test_the_policy_analyst_sees_figures_but_no_resident_names(page, context, live_server, city, make_user):
    residents = [ResidentFactory(household__neighbourhood=city["north"]) for _ in range(3)]
    login_with_cookie(context, make_user(Role.POLICY_ANALYST), live_server)

    visit(page, "/")

    table = page.get_by_role("table", name="Bekende inwoners en huishoudens per wijkteam (alleen aantallen)")
    assert table.is_visible()
    row = table.get_by_role("row").filter(has_text="Wijkteam Noord")
    assert row.get_by_role("cell").nth(2).inner_text().strip() == "3"
    body = page.locator("body").inner_text()
    for resident in residents:
        assert resident.first_name not in body
        assert resident.full_name not in body
    assert page.get_by_role("link", name="Inwoners", exact=True).count() == 0  # no resident list in the menu
    assert_page_ok(page)
