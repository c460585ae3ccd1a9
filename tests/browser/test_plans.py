"""In a real browser at phone width: the ZRM form, the history and the plan page (with htmx) pass the checks."""

import pytest

from wijkkracht.accounts.roles import Role
from wijkkracht.cases.models import PlanGoal

from ..factories import PlanActionFactory, SupportPlanFactory
from ..plans.helpers import make_assessment
from .conftest import assert_page_ok, follow, login_with_cookie, visit

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PHONE = {"width": 375, "height": 740}


def test_a_worker_fills_in_the_zrm_and_works_on_the_plan_on_a_phone(
    page, context, live_server, make_user, resident_north
):
    worker = make_user(Role.WORKER, first_name="Anna", last_name="Jansen")
    make_assessment(resident_north, by=worker, days_ago=30, level=2, source="professional")
    plan = SupportPlanFactory(household=resident_north.household, coordinator=worker)
    PlanActionFactory(plan=plan, owner_user=None, owner_name="dochter")
    login_with_cookie(context, worker, live_server)
    page.set_viewport_size(PHONE)

    visit(page, f"/hulpvragen/zrm/nieuw/{resident_north.public_id}/")
    assert_page_ok(page)
    assert page.locator("input[type=radio][value='2']:checked").count() == 13  # filled in with the last one
    for row in page.locator(".wk-zrm__row:not(.wk-zrm__row--head)").all():
        row.locator('input[type="radio"][value="4"]').check()
        row.locator("select").select_option("network")
    follow(page, page.get_by_role("button", name="Meting opslaan"))
    assert page.get_by_text("De zelfredzaamheidsmeting is opgeslagen.").is_visible()
    assert page.locator("td", has_text="↑").count() == 13
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert_page_ok(page)

    visit(page, f"/hulpvragen/plan/{resident_north.household.public_id}/")
    assert_page_ok(page)
    page.get_by_role("textbox", name="Doel (verplicht)").fill("Post is geordend")
    page.get_by_role("button", name="Doel toevoegen").click()  # htmx: only the plan body is replaced
    page.locator("li", has_text="Post is geordend").wait_for()
    assert PlanGoal.objects.filter(text="Post is geordend").exists()
    page.get_by_role("button", name="Gedaan").click()
    page.get_by_role("button", name="Heropenen").wait_for()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert_page_ok(page)
