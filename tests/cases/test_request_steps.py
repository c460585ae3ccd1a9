"""The request page as steps that follow the status: one step open, the others summaries with "Wijzigen"."""

import pytest
from django.test import Client
from django.urls import reverse

from wijkkracht.accounts.roles import Role
from wijkkracht.cases.steps import open_step, request_steps

from ..conftest import login
from ..factories import AccessGrantFactory, HelpRequestFactory


def opened(status, wanted="", **kwargs):
    return open_step(status, wanted, **kwargs).slug


def test_the_open_step_follows_the_status():
    assert opened("intake") == "aanmelding"
    assert opened("clarification") == "vraagverheldering"
    assert opened("support") == "ondersteuning"
    assert opened("closed") == "afgesloten"


def test_a_step_already_reached_opens_again_a_later_one_does_not():
    assert opened("support", "aanmelding", can_work=True) == "aanmelding"
    assert opened("intake", "ondersteuning", can_work=True) == "aanmelding"
    assert opened("intake", "onbekend", can_work=True) == "aanmelding"


def test_closing_can_be_opened_early_from_intake_or_clarification_only_by_a_case_worker():
    assert opened("intake", "afgesloten", can_work=True) == "afgesloten"
    assert opened("clarification", "afgesloten", can_work=True) == "afgesloten"
    assert opened("intake", "afgesloten", can_work=False) == "aanmelding"
    # In support the closing form is part of the open step already.
    assert opened("support", "afgesloten", can_work=True) == "ondersteuning"


def test_a_form_with_errors_opens_its_own_step():
    assert opened("intake", "vraagverheldering", force=True) == "vraagverheldering"


def test_exactly_one_step_is_open_and_states_are_done_current_todo():
    steps = request_steps("clarification", can_work=True)
    assert [s["state"] for s in steps] == ["done", "current", "todo", "todo"]
    assert [s["open"] for s in steps] == [False, True, False, False]
    assert [s["can_open"] for s in steps] == [True, False, False, True]
    closed = request_steps("closed", can_work=False)
    assert [s["state"] for s in closed] == ["done"] * 4
    assert not any(s["can_open"] for s in closed)  # nothing to change on a closed request


@pytest.mark.django_db
def test_a_specialist_sees_the_steps_as_summaries_without_anything_to_change(make_user, city, resident_north):
    help_request = HelpRequestFactory(resident=resident_north, team=city["team_north"], status="support")
    AccessGrantFactory(resident=resident_north, organisation=city["sst"], category="help_requests")
    body = login(Client(), make_user(Role.SPECIALIST)).get(
        reverse("cases:request-detail", args=[help_request.public_id])
    )
    html = body.content.decode()
    assert body.status_code == 200
    assert html.count('class="wk-step ') == 4 and html.count("wk-step--open") == 1
    assert "Wijzigen" not in html and "<form" not in html.split("wk-stepper", 1)[1].split("</ol>", 1)[0]
    assert "Het plan is niet met uw organisatie gedeeld." in html
