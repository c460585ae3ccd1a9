"""A worker with residents: their own team's, another team's through emergency access, and closed pages."""

import pytest

from wijkkracht.accounts.roles import Role
from wijkkracht.audit.models import Flag

from .conftest import assert_page_ok, follow, login_with_cookie, visit

pytestmark = pytest.mark.browser


def test_a_worker_sees_own_residents_and_needs_emergency_access_for_others(
    page, context, live_server, make_user, resident_north, resident_south
):
    worker = make_user(Role.WORKER)
    login_with_cookie(context, worker, live_server)

    visit(page, "/inwoners/")
    assert page.get_by_role("heading", name="Inwoners", level=1).is_visible()
    assert page.get_by_role("link", name=resident_north.full_name).is_visible()
    assert page.get_by_text(resident_south.full_name).count() == 0  # another team's resident is not listed
    assert_page_ok(page)

    follow(page, page.get_by_role("link", name=resident_north.full_name))
    assert page.url.endswith(f"/inwoners/{resident_north.public_id}/")
    assert page.get_by_role("heading", name=resident_north.full_name).is_visible()
    assert_page_ok(page)

    # Another team's resident, by URL: not found, but emergency access can be asked.
    visit(page, f"/inwoners/{resident_south.public_id}/", status=404)
    assert page.get_by_role("heading", name="Niet gevonden").is_visible()
    assert page.get_by_text(resident_south.full_name).count() == 0
    assert_page_ok(page)
    follow(page, page.get_by_role("link", name="Noodtoegang vragen"))
    assert page.get_by_role("heading", name="Noodtoegang").is_visible()
    assert_page_ok(page)

    reason = page.get_by_label("Waarom heeft u nu toegang nodig?")
    reason.fill("even kijken")
    follow(page, page.get_by_role("button", name="Toegang vragen"))
    assert page.get_by_text("Beschrijf de reden in minstens 15 tekens.", exact=True).is_visible()
    assert page.get_by_role("link", name="Waarom heeft u nu toegang nodig?: Beschrijf de reden").is_visible()
    assert reason.get_attribute("aria-invalid") == "true"
    assert page.get_by_text(resident_south.full_name).count() == 0
    assert_page_ok(page)

    reason.fill("Melding van de politie: mevrouw is gevallen en niemand neemt op.")
    follow(page, page.get_by_role("button", name="Toegang vragen"))
    assert page.get_by_role("heading", name=resident_south.full_name).is_visible()
    assert (
        page.get_by_role("status")
        .filter(has_text="Dit is vastgelegd en gemeld aan de privacyfunctionaris")
        .is_visible()
    )
    assert_page_ok(page)
    assert Flag.objects.filter(kind=Flag.Kind.BREAK_GLASS, actor_username=worker.username).count() == 1


def test_a_worker_gets_a_dutch_no_access_page_for_an_admin_page(page, context, live_server, make_user):
    login_with_cookie(context, make_user(Role.WORKER), live_server)

    visit(page, "/organisaties/", status=403)

    assert page.get_by_role("heading", name="Geen toegang").is_visible()
    assert page.get_by_role("link", name="Naar de startpagina").is_visible()
    assert_page_ok(page)
