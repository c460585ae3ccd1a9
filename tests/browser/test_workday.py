"""The worker's day, measured: the whole flow from a search with a typo to a closed request, counted in clicks
and filled-in inputs (at most 12 and 25), with axe-core finding nothing at any impact level on every page and
the browser console without a single CSP error.

Counted as a click: every link followed and every button pressed. Counted as an input: every field filled in,
option chosen or box ticked. Logging in is not counted (it is the same for every task of the day).

With WIJKKRACHT_SCREENSHOTS=<dir> the request page is photographed at each step, on a desktop and a phone
(docs/screenshots/, linked from the README): ``WIJKKRACHT_SCREENSHOTS=docs/screenshots pytest tests/browser/test_workday.py``.
"""

import datetime
import os
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import timezone

from wijkkracht.accounts.roles import Role
from wijkkracht.cases.models import Contact, HelpRequest, InformalCheck, SelfRelianceAssessment, SupportPlan

from ..factories import (
    ContactFactory,
    HelpRequestFactory,
    InformalCheckFactory,
    PlanActionFactory,
    PlanGoalFactory,
    RequestSolutionFactory,
    ResidentFactory,
    SupportPlanFactory,
)
from ..plans.helpers import make_assessment
from .conftest import ALL_IMPACTS, assert_page_ok, follow, login_with_cookie, visit
from .test_layout import horizontal_overflow

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

MAX_CLICKS = 12
MAX_INPUTS = 25
DESKTOP = {"width": 1366, "height": 900}
PHONE = {"width": 375, "height": 740}
SCREENSHOTS = os.environ.get("WIJKKRACHT_SCREENSHOTS", "")


class Counted:
    """The worker's hands: every click and every filled-in input is counted, every page checked."""

    def __init__(self, page):
        self.page = page
        self.clicks = 0
        self.inputs = 0
        self.pages: list[str] = []

    def check_page(self):
        """No CSP error, nothing from elsewhere, and axe-core finds nothing at any impact level."""
        assert_page_ok(self.page, ALL_IMPACTS)
        self.pages.append(self.page.url)
        if SCREENSHOTS:
            Path(SCREENSHOTS).mkdir(parents=True, exist_ok=True)
            name = f"flow-{len(self.pages):02d}.png"
            self.page.screenshot(path=str(Path(SCREENSHOTS) / name), full_page=True, caret="initial")

    def go(self, locator):
        """Follow a link or press a button that loads a page."""
        self.clicks += 1
        follow(self.page, locator)
        self.check_page()

    def press(self, locator):
        """Press a button that swaps part of the page (htmx)."""
        self.clicks += 1
        locator.click()

    def fill(self, locator, value: str):
        self.inputs += 1
        locator.fill(value)

    def choose(self, locator, value: str):
        self.inputs += 1
        locator.select_option(value)

    def tick(self, locator):
        self.inputs += 1
        locator.check()


def step_of(page, name: str):
    return page.locator(".wk-step", has=page.get_by_role("heading", name=name))


def test_a_worker_goes_from_a_search_with_a_typo_to_a_closed_request_in_few_clicks(
    page, context, live_server, city, make_user
):
    worker = make_user(Role.WORKER, first_name="Noor", last_name="Jansen")
    resident = ResidentFactory(
        first_name="Joke",
        last_name="Bakker",
        household__neighbourhood=city["north"],
        household__postcode="1315 AB",
        birth_date=datetime.date(1953, 5, 4),
    )
    ResidentFactory(first_name="Piet", last_name="Bakkum", household__neighbourhood=city["north"])
    make_assessment(resident, by=worker, days_ago=35, level=3, source="network", finances=(2, "professional"))
    login_with_cookie(context, worker, live_server)
    page.set_viewport_size(DESKTOP)
    hands = Counted(page)

    # The start page: search straight away, with a typo.
    visit(page, "/")
    hands.check_page()
    hands.fill(
        page.get_by_role("searchbox", name="Naam, geboortedatum (dd-mm-jjjj), postcode en huisnummer of BSN"), "Bakkr"
    )
    hands.go(page.get_by_role("button", name="Zoeken"))
    assert page.get_by_role("link", name="Joke Bakker").is_visible()

    # The resident, and the intake straight into clarification.
    hands.go(page.get_by_role("link", name="Joke Bakker"))
    hands.go(page.locator("main").get_by_role("link", name="Nieuwe hulpvraag").first)
    hands.choose(page.get_by_label("Hoe kwam de vraag binnen?"), "phone")
    hands.fill(
        page.get_by_label("De vraag in de woorden van de inwoner"),
        "Ik red het niet meer met wassen en aankleden sinds mijn val.",
    )
    hands.go(page.get_by_role("button", name="Vastleggen en vraag verhelderen"))
    help_request = HelpRequest.objects.get()
    assert help_request.status == "clarification"
    assert page.locator(".wk-step--open").get_by_role("heading", name="Vraagverheldering").is_visible()

    # The ZRM, filled in with last month's: only what changed is changed; saving comes back here.
    hands.go(page.get_by_role("link", name="ZRM bijwerken"))
    assert page.get_by_role("link", name=f"Hulpvraag {help_request.reference}").is_visible()  # breadcrumbs
    hands.tick(page.get_by_role("radiogroup", name="1. Financiën").get_by_label("3", exact=False).first)
    hands.choose(page.get_by_label("Kracht komt van (lichamelijke gezondheid)"), "professional")
    hands.go(page.get_by_role("button", name="Meting opslaan"))
    assert page.url.split("#")[0].endswith(reverse("cases:request-detail", args=[help_request.public_id]))
    assert SelfRelianceAssessment.objects.count() == 2
    latest = SelfRelianceAssessment.objects.order_by("-assessed_at").first()
    assert latest.scores.get(domain="finances").level == 3
    assert latest.scores.get(domain="physical_health").strength_source == "professional"

    # Informal first: one form, one save, and on to support.
    clarification = step_of(page, "Vraagverheldering")
    hands.tick(clarification.get_by_role("group", name="Past eigen netwerk?").get_by_label("Past", exact=True))
    for option, reason in (
        ("vrijwilliger", "Geen vrijwilliger mag thuis persoonlijke verzorging doen."),
        ("burenhulp", "De buren werken allebei en kunnen niet dagelijks helpen."),
        ("collectieve voorziening", "Het spreekuur helpt met papieren, niet met verzorging thuis."),
    ):
        hands.tick(clarification.get_by_role("group", name=f"Past {option}?").get_by_label("Past niet"))
        hands.fill(clarification.get_by_label(f"Waarom past {option} niet?"), reason)
    hands.go(page.get_by_role("button", name="Opslaan en naar ondersteuning"))
    assert HelpRequest.objects.get().status == "support"
    assert InformalCheck.objects.filter(help_request=help_request).count() == 4

    # The plan, with its first goal and agreed action in the same save; back to the request.
    hands.go(page.get_by_role("link", name="Plan maken"))
    hands.fill(page.get_by_label("Eerste doel"), "Zelfstandig wassen en aankleden, met hulp waar nodig.")
    hands.fill(page.get_by_label("Eerste afspraak"), "Thuiszorg vragen voor de ochtend.")
    due = (timezone.localdate() + datetime.timedelta(days=14)).isoformat()
    hands.fill(page.get_by_label("Uiterlijk"), due)
    hands.go(page.get_by_role("button", name="Plan maken"))
    plan = SupportPlan.objects.get()
    assert (plan.goals.count(), plan.actions.count(), plan.actions.get().owner_user) == (1, 1, worker)
    assert page.locator(".wk-step--open .wk-step__work").get_by_text("Thuiszorg vragen voor de ochtend.").is_visible()

    # A contact, logged in place (htmx): the focus goes to what changed.
    contacts = page.locator("#request-contacts")
    hands.choose(contacts.get_by_label("Soort contact"), "visit")
    hands.fill(contacts.get_by_label("Korte notitie"), "Huisbezoek: douchen zonder hulp lukt niet meer.")
    hands.press(contacts.get_by_role("button", name="Contactmoment opslaan"))
    page.locator("#request-contacts li", has_text="douchen zonder hulp").wait_for()
    # htmx moves the focus when the swap has settled (htmx:afterSettle), a moment after the new content shows.
    page.wait_for_function("document.activeElement.closest('#request-contacts') !== null", timeout=5000)
    assert Contact.objects.count() == 1
    hands.check_page()

    # Closing.
    hands.tick(page.get_by_label("Eigen netwerk"))
    hands.choose(page.get_by_label("Uitkomst"), "solved")
    hands.fill(page.get_by_label("Rapportcijfer van de inwoner (1 tot en met 10)"), "8")
    hands.go(page.get_by_role("button", name="Hulpvraag afsluiten"))
    closed = HelpRequest.objects.get()
    assert (closed.status, closed.rating, closed.solved_informally) == ("closed", 8, True)
    assert page.get_by_text("De hulpvraag is afgesloten.").is_visible()

    print(f"\nThe worker's flow: {hands.clicks} clicks, {hands.inputs} inputs, {len(hands.pages)} pages checked")
    assert hands.clicks <= MAX_CLICKS, f"{hands.clicks} clicks"
    assert hands.inputs <= MAX_INPUTS, f"{hands.inputs} inputs"


def test_closing_with_every_error_at_once_lists_them_all_at_the_top_with_the_focus_there(
    page, context, live_server, city, make_user, resident_north
):
    worker = make_user(Role.WORKER)
    help_request = HelpRequestFactory(
        resident=resident_north, team=city["team_north"], taken_by=worker, status="support"
    )
    login_with_cookie(context, worker, live_server)
    visit(page, reverse("cases:request-detail", args=[help_request.public_id]))
    closing = page.locator("form", has=page.get_by_role("button", name="Hulpvraag afsluiten"))
    # Nothing looks wrong before anything was typed; what is required says so.
    assert closing.locator("[aria-invalid=true]").count() == 0
    assert closing.get_by_text("Uitkomst (verplicht)").is_visible()

    closing.get_by_label("Rapportcijfer van de inwoner (1 tot en met 10)").fill("11")
    follow(page, closing.get_by_role("button", name="Hulpvraag afsluiten"))

    summary = page.locator("[data-wk-error-summary]")
    assert summary.is_visible()
    assert page.evaluate("document.activeElement.hasAttribute('data-wk-error-summary')")
    links = summary.get_by_role("link")
    assert links.count() == 3  # no route, no outcome, a rating of 11: all three, each to its field
    assert "Kies minstens één oplossingsroute." in summary.inner_text()
    links.nth(2).click()
    assert page.evaluate("document.activeElement.name") == "rating"
    assert_page_ok(page, ALL_IMPACTS)


def _request_in(status: str, *, city, worker, resident):
    """A request at the given step, with what the steps before it left behind."""
    help_request = HelpRequestFactory(
        resident=resident,
        team=city["team_north"],
        taken_by=worker,
        status=status,
        question="Ik red het niet meer met wassen en aankleden sinds mijn val, en mijn dochter woont ver weg.",
    )
    if status in ("support", "closed"):
        for option in ("own_network", "volunteer", "neighbour_help", "collective_provision"):
            InformalCheckFactory(
                help_request=help_request, option=option, fits=option == "own_network", checked_by=worker
            )
        ContactFactory(help_request=help_request, by=worker, note="Huisbezoek: douchen zonder hulp lukt niet meer.")
    if status == "closed":
        RequestSolutionFactory(help_request=help_request, path="own_network")
        HelpRequest.objects.filter(pk=help_request.pk).update(
            outcome="solved", rating=8, solved_informally=True, closed_at=timezone.now(), closed_by=worker
        )
    return help_request


@pytest.mark.parametrize("status", ["intake", "clarification", "support", "closed"])
def test_each_step_of_the_request_page_on_a_desktop_and_a_phone(
    status, page, context, live_server, city, make_user, resident_north
):
    worker = make_user(Role.WORKER, first_name="Noor", last_name="Jansen")
    make_assessment(resident_north, by=worker, days_ago=35, level=3, source="network", finances=(2, "professional"))
    plan = SupportPlanFactory(household=resident_north.household, coordinator=worker)
    goal = PlanGoalFactory(plan=plan, text="Zelfstandig wassen en aankleden")
    PlanActionFactory(plan=plan, goal=goal, owner_user=worker, text="Thuiszorg vragen voor de ochtend")
    help_request = _request_in(status, city=city, worker=worker, resident=resident_north)
    login_with_cookie(context, worker, live_server)
    url = reverse("cases:request-detail", args=[help_request.public_id])
    for name, viewport in (("desktop", DESKTOP), ("phone", PHONE)):
        page.set_viewport_size(viewport)
        visit(page, url)
        assert page.locator(".wk-step--open").count() == 1
        assert horizontal_overflow(page) == 0, f"{status} on a {name} scrolls sideways"
        assert_page_ok(page, ALL_IMPACTS)
        if SCREENSHOTS:
            Path(SCREENSHOTS).mkdir(parents=True, exist_ok=True)
            page.screenshot(
                path=str(Path(SCREENSHOTS) / f"request-{status}-{name}.png"), full_page=True, caret="initial"
            )


@pytest.mark.parametrize("role", [Role.WORKER, Role.TEAM_LEAD])
def test_the_menu_is_one_row_at_1366_pixels_and_one_button_on_a_phone(role, page, context, live_server, make_user):
    login_with_cookie(context, make_user(role), live_server)
    page.set_viewport_size(DESKTOP)
    visit(page, "/")
    items = page.locator(".wk-nav .utrecht-nav-list__item")
    tops = {round(box["y"]) for box in (i.bounding_box() for i in items.all())}
    assert len(tops) == 1, f"the menu wraps to {len(tops)} rows at 1366 px"

    page.set_viewport_size(PHONE)
    visit(page, "/")
    toggle = page.get_by_role("button", name="Menu")
    assert toggle.is_visible() and toggle.get_attribute("aria-expanded") == "false"
    assert not page.get_by_role("link", name="Inwoners", exact=True).is_visible()
    toggle.click()
    assert toggle.get_attribute("aria-expanded") == "true"
    assert page.get_by_role("link", name="Inwoners", exact=True).is_visible()
    assert horizontal_overflow(page) == 0
    assert_page_ok(page, ALL_IMPACTS)


@pytest.mark.production_database  # every role's start page: once, on PostgreSQL (see conftest.py)
@pytest.mark.parametrize("role", list(Role.values))
def test_every_roles_start_page_passes_axe_at_every_impact_level(role, page, context, live_server, make_user):
    login_with_cookie(context, make_user(role), live_server)
    visit(page, "/")
    assert page.locator(".wk-card").count() >= 1
    assert_page_ok(page, ALL_IMPACTS)
