"""In the browser: the public social map without logging in, and the help desk's quick registration on a phone.
Every page is checked for the CSP, its own files only, and axe-core."""

import pytest
from django.urls import reverse

from wijkkracht.accounts.roles import Role
from wijkkracht.provisions.models import DeskQuestion

from ..factories import CollectiveProvisionFactory, DeskSessionFactory, ResourceFactory
from .conftest import assert_page_ok, follow, login_with_cookie, visit
from .test_layout import horizontal_overflow

pytestmark = pytest.mark.browser


def test_a_resident_finds_help_with_paperwork_on_the_public_social_map(page, city):
    ResourceFactory(name="Thuisadministratie", needs=["paperwork"], city_wide=True, waiting_time="2 weken")
    ResourceFactory(name="Wandelgroep", needs=["company"], city_wide=True)

    visit(page, reverse("socialmap:search"))  # no login
    assert page.get_by_role("heading", name="Sociale kaart", level=1).is_visible()
    assert_page_ok(page)
    page.get_by_label("Waar zoekt u hulp bij?").select_option("paperwork")
    page.get_by_label("Buurt").select_option(str(city["north"].pk))
    follow(page, page.get_by_role("button", name="Zoeken"))
    assert page.get_by_role("heading", name="1 resultaat").is_visible()
    assert page.get_by_role("link", name="Wandelgroep").count() == 0
    assert_page_ok(page)

    follow(page, page.get_by_role("link", name="Thuisadministratie"))
    assert page.get_by_role("heading", name="Thuisadministratie", level=1).is_visible()
    assert page.get_by_text("2 weken").is_visible()
    assert page.get_by_role("button", name="Uitloggen").count() == 0  # still not logged in
    assert_page_ok(page)


def test_a_desk_volunteer_registers_questions_on_a_phone_without_a_case(page, context, live_server, city, make_user):
    desk = CollectiveProvisionFactory(kind="desk", name="Administratief spreekuur Noord", team=city["team_north"])
    volunteer = make_user(Role.VOLUNTEER, first_name="Henk", last_name="Bakker")
    desk.volunteers.add(volunteer)
    session = DeskSessionFactory(provision=desk)
    login_with_cookie(context, volunteer, live_server)
    page.set_viewport_size({"width": 375, "height": 740})

    visit(page, reverse("provisions:session-detail", args=[session.pk]))
    assert_page_ok(page)
    follow(page, page.get_by_role("link", name="Vraag registreren"))
    assert horizontal_overflow(page) == 0
    assert_page_ok(page)

    # A name without the visitor's consent is refused, with the message in the error summary.
    page.get_by_label("toeslagen").check()
    page.get_by_label("budgetmap (Nibud) meegegeven").check()
    page.get_by_label("Naam van de bezoeker").fill("Meneer Jansen")
    follow(page, page.get_by_role("button", name="Registreren"))
    assert page.get_by_role("heading", name="Er is nog 1 ding niet goed").is_visible()
    assert_page_ok(page)
    assert DeskQuestion.objects.count() == 0

    # Anonymous, then: the question counts, and the form is ready for the next visitor.
    page.get_by_label("Naam van de bezoeker").fill("")
    follow(page, page.get_by_role("button", name="Registreren"))
    assert page.get_by_text("De vraag is geregistreerd. Volgende bezoeker?").is_visible()
    assert page.get_by_text("Zojuist door u geregistreerd").is_visible()
    question = DeskQuestion.objects.get()
    assert (question.topic, question.outcome, question.session_id, question.anonymous) == (
        "allowances",
        "budget_folder",
        session.pk,
        True,
    )
    assert horizontal_overflow(page) == 0
    assert_page_ok(page)
