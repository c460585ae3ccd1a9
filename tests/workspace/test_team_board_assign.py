"""The team lead divides the work from the team board: workload per worker, and reassigning in place."""

import pytest
from django.test import Client
from django.urls import reverse

from wijkkracht.accounts.roles import Role
from wijkkracht.cases.models import HelpRequest, Notification

from ..conftest import login
from ..factories import HelpRequestFactory, ResidentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def board(make_user, city):
    lead = make_user(Role.TEAM_LEAD, first_name="Mark", last_name="de Jong")
    worker = make_user(Role.WORKER, first_name="Bea", last_name="Druk")
    resident = ResidentFactory(household__neighbourhood=city["north"], first_name="Joke", last_name="Bakker")
    help_request = HelpRequestFactory(resident=resident, team=city["team_north"], taken_by=lead, assigned_to=None)
    return {"lead": lead, "worker": worker, "request": help_request}


def test_the_board_shows_the_workload_and_a_reassign_form_per_request(board):
    body = login(Client(), board["lead"]).get(reverse("workspace:team-board")).content.decode()
    assert "Open hulpvragen per medewerker" in body and "Bea Druk" in body
    assert reverse("workspace:team-board-assign", args=[board["request"].public_id]) in body
    assert 'class="wk-card wk-card--list"' in body  # the columns' items start at the top (no gap)


def test_reassigning_in_place_swaps_only_the_line_and_tells_the_worker(board):
    client = login(Client(), board["lead"])
    url = reverse("workspace:team-board-assign", args=[board["request"].public_id])
    response = client.post(url, {"worker": board["worker"].pk}, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert response.status_code == 200
    assert html.lstrip().startswith("<li") and "<html" not in html
    assert "toegewezen aan Bea Druk" in html and "data-wk-focus" in html
    assert HelpRequest.objects.get().assigned_to == board["worker"]
    assert Notification.objects.get().recipient == board["worker"]


def test_a_worker_outside_the_team_cannot_be_chosen(board, make_user, city):
    outsider = make_user(Role.WORKER, teams=[city["team_south"]])
    url = reverse("workspace:team-board-assign", args=[board["request"].public_id])
    response = login(Client(), board["lead"]).post(url, {"worker": outsider.pk}, HTTP_HX_REQUEST="true")
    assert "Kies een behandelaar uit het team." in response.content.decode()
    assert HelpRequest.objects.get().assigned_to is None


def test_a_worker_does_not_reassign_from_the_board(board):
    url = reverse("workspace:team-board-assign", args=[board["request"].public_id])
    response = login(Client(), board["worker"]).post(url, {"worker": board["worker"].pk})
    assert response.status_code == 403
    assert HelpRequest.objects.get().assigned_to is None
    body = login(Client(), board["worker"]).get(reverse("workspace:team-board")).content.decode()
    assert "team-board-assign" not in body and "toewijzen/" not in body
