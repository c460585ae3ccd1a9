"""A worker's case from intake to closing, in the browser: intake, clarification (ZRM), plan, a contact,
the informal-first step that a formal path has to wait for, and the closing. Every page is checked
for the CSP, its own files only, and axe-core; the request page also at phone width.
"""

import pytest
from django.urls import reverse

from wijkkracht.accounts.roles import Role
from wijkkracht.cases.models import HelpRequest, InformalCheck

from ..factories import ContactFactory, HelpRequestFactory
from .conftest import assert_page_ok, follow, login_with_cookie, visit
from .test_layout import horizontal_overflow

pytestmark = pytest.mark.browser

INFORMAL = [
    ("Eigen netwerk", "Haar dochter woont in Groningen en komt eens per maand."),
    ("Vrijwilliger", "Er is geen vrijwilliger die thuis persoonlijke verzorging mag doen."),
    ("Burenhulp", "De buren werken allebei en kunnen niet dagelijks helpen."),
    ("Collectieve voorziening", "Het spreekuur helpt met papieren, niet met verzorging thuis."),
]


def request_page(page, help_request):
    visit(page, reverse("cases:request-detail", args=[help_request.public_id]))


def fill_zrm(page):
    """The ZRM form of the plans part: a level and a source of strength for every life domain."""
    for radio in page.locator("input[type=radio][name^=level_][value='3']").all():
        radio.check()
    for select in page.locator("select[name^=source_]").all():
        select.select_option("network")


def test_a_worker_takes_a_request_from_intake_to_closing(page, context, live_server, make_user, resident_north):
    worker = make_user(Role.WORKER, first_name="Noor", last_name="Jansen")
    login_with_cookie(context, worker, live_server)

    # The resident's page leads to the intake.
    visit(page, reverse("people:resident-detail", args=[resident_north.public_id]))
    intake_url = reverse("cases:request-create", args=[resident_north.public_id])
    follow(page, page.locator(f'main a[href="{intake_url}"]').first)
    assert page.get_by_role("heading", name="Nieuwe hulpvraag", level=1).is_visible()
    assert_page_ok(page)

    # Intake, with a Dutch message for what is missing first: in the error summary, linked to the field.
    follow(page, page.get_by_role("button", name="Alleen vastleggen"))
    summary = page.locator("[data-wk-error-summary]")
    assert summary.get_by_role("link", name="Hoe kwam de vraag binnen?: Kies hoe de vraag binnenkwam.").is_visible()
    assert page.get_by_label("Hoe kwam de vraag binnen?").get_attribute("aria-invalid") == "true"
    assert_page_ok(page)
    page.get_by_label("Hoe kwam de vraag binnen?").select_option("phone")
    page.get_by_label("De vraag in de woorden van de inwoner").fill(
        "Ik red het niet meer met wassen en aankleden sinds mijn val."
    )
    follow(page, page.get_by_role("button", name="Alleen vastleggen"))
    help_request = HelpRequest.objects.get()
    assert page.url.endswith(reverse("cases:request-detail", args=[help_request.public_id]))
    assert page.get_by_text("De hulpvraag is vastgelegd.").is_visible()
    assert page.get_by_text("Ik red het niet meer met wassen en aankleden sinds mijn val.").is_visible()
    assert page.locator(".wk-step--open").get_by_role("heading", name="Aanmelding").is_visible()
    assert_page_ok(page)

    # Clarification: the step opens, the ZRM is filled in from the request page and comes back to it.
    follow(page, page.get_by_role("button", name="Start vraagverheldering"))
    assert page.get_by_text("De hulpvraag staat nu op 'vraagverheldering'.").is_visible()
    assert_page_ok(page)
    follow(page, page.get_by_role("link", name="ZRM invullen"))
    assert_page_ok(page)
    fill_zrm(page)
    follow(page, page.get_by_role("button", name="Meting opslaan"))
    assert page.get_by_text("De zelfredzaamheidsmeting is opgeslagen.").is_visible()
    assert page.url.split("#")[0].endswith(reverse("cases:request-detail", args=[help_request.public_id]))
    assert_page_ok(page)

    # On to support without weighing anything yet.
    follow(page, page.get_by_role("button", name="Opslaan en naar ondersteuning"))
    assert HelpRequest.objects.get().status == "support"

    # A contact, logged without leaving the page (htmx).
    contacts = page.locator("#request-contacts")
    contacts.get_by_label("Soort contact").select_option("visit")
    contacts.get_by_label("Korte notitie").fill("Huisbezoek: douche zonder hulp lukt niet meer.")
    contacts.get_by_role("button", name="Contactmoment opslaan").click()
    page.locator("#request-contacts li", has_text="Huisbezoek: douche zonder hulp lukt niet meer.").wait_for()
    assert help_request.contacts.count() == 1
    assert_page_ok(page)

    # A formal path before the informal-first step: refused, with the Dutch message, nothing closed.
    page.get_by_label("Wmo-maatwerkvoorziening").check()
    page.get_by_label("Uitkomst").select_option("solved")
    page.get_by_label("Rapportcijfer van de inwoner (1 tot en met 10)").fill("8")
    follow(page, page.get_by_role("button", name="Hulpvraag afsluiten"))
    summary = page.locator("[data-wk-error-summary]")
    assert summary.filter(has_text="Doorloop eerst de stap 'informeel eerst'").is_visible()
    assert HelpRequest.objects.get().status == "support"
    assert_page_ok(page)

    # The informal-first step (one form, one save): each option weighed, with why it does not fit.
    follow(page, page.locator("#stap-vraagverheldering").get_by_role("link", name="Wijzigen"))
    step = page.locator(".wk-step--open")
    for label, reason in INFORMAL:
        step.get_by_role("group", name=f"Past {label.lower()}?").get_by_label("Past niet").check()
        step.get_by_label(f"Waarom past {label.lower()} niet?").fill(reason)
    follow(page, step.get_by_role("button", name="Informeel eerst opslaan"))
    assert InformalCheck.objects.filter(help_request=help_request, fits=False).count() == 4
    assert page.locator("#formal-hint").count() == 0
    assert_page_ok(page)

    # Now the formal path is accepted.
    page.get_by_label("Wmo-maatwerkvoorziening").check()
    page.get_by_label("Uitkomst").select_option("solved")
    page.get_by_label("Rapportcijfer van de inwoner (1 tot en met 10)").fill("8")
    follow(page, page.get_by_role("button", name="Hulpvraag afsluiten"))
    assert page.get_by_text("De hulpvraag is afgesloten.").is_visible()
    closed = HelpRequest.objects.get()
    assert (closed.status, closed.rating, closed.solved_informally) == ("closed", 8, False)
    assert list(closed.solutions.values_list("path", flat=True)) == ["wmo_provision"]
    assert_page_ok(page)


def test_on_a_phone_the_request_page_and_list_do_not_scroll_sideways(
    page, context, live_server, city, make_user, resident_north
):
    worker = make_user(Role.WORKER)
    help_request = HelpRequestFactory(
        resident=resident_north,
        team=city["team_north"],
        taken_by=worker,
        question="Ik begrijp de brieven van de gemeente over de bijzondere bijstand niet en ben bang dat ik "
        "iets mis. " * 3,
    )
    for _ in range(3):
        ContactFactory(help_request=help_request, note="Langdurig telefoongesprek over de aanvraag." * 3)
    login_with_cookie(context, worker, live_server)
    page.set_viewport_size({"width": 375, "height": 740})

    for path in (reverse("cases:request-detail", args=[help_request.public_id]), reverse("cases:request-list")):
        visit(page, path)
        assert horizontal_overflow(page) == 0, f"{path} scrolls sideways on a 375px wide screen"
        assert_page_ok(page)
