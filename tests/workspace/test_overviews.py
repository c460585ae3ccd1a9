"""My caseload and the team board: what a worker sees first thing in the morning, on a phone."""

import datetime

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from wijkkracht.accounts.roles import Role
from wijkkracht.audit.models import AuditEvent

from ..conftest import login
from ..factories import (
    HelpRequestFactory,
    PlanActionFactory,
    ResidentFactory,
    SignalFactory,
    SupportPlanFactory,
    WatchContactFactory,
)

pytestmark = pytest.mark.django_db

CASELOAD = "workspace:caseload"
BOARD = "workspace:team-board"


def days_ago(n):
    return timezone.now() - datetime.timedelta(days=n)


def today_plus(n):
    return timezone.localdate() + datetime.timedelta(days=n)


def request_for(worker, city, *, assigned=True, **kwargs):
    resident = ResidentFactory(household__neighbourhood=city["north"])
    return HelpRequestFactory(resident=resident, taken_by=worker, assigned_to=worker if assigned else None, **kwargs)


def page(client, name, **params) -> str:
    response = client.get(reverse(name), params)
    assert response.status_code == 200
    return response.content.decode()


def test_my_caseload_groups_my_open_requests_by_status_oldest_first(make_user, city):
    worker = make_user(Role.WORKER)
    colleague = make_user(Role.WORKER)
    old = request_for(worker, city, received_at=days_ago(40), question="Oude vraag over schulden.")
    new = request_for(worker, city, received_at=days_ago(2), question="Nieuwe vraag over wonen.")
    support = request_for(worker, city, status="support", question="Vraag in ondersteuning.")
    closed = request_for(worker, city, status="closed", question="Afgesloten vraag.")
    other = request_for(colleague, city, question="Vraag van een collega.")
    body = page(login(Client(), worker), CASELOAD)
    assert body.index(old.question) < body.index(new.question) < body.index(support.question)
    assert closed.question not in body and other.question not in body
    assert "40 dagen oud" in body and "utrecht-status-badge--danger" in body
    assert "Aanmelding (2)" in body and "Ondersteuning (1)" in body
    logged = set(AuditEvent.objects.filter(object_type="cases.HelpRequest").values_list("subject_ref", flat=True))
    assert logged == {str(r.resident.public_id) for r in (old, new, support)}


def test_my_caseload_shows_my_next_plan_actions_and_pilot_light_contacts(make_user, city):
    worker = make_user(Role.WORKER)
    plan = SupportPlanFactory(household__neighbourhood=city["north"], coordinator=worker)
    ResidentFactory(household=plan.household)
    overdue = PlanActionFactory(plan=plan, owner_user=worker, text="Bellen met de corporatie", due_date=today_plus(-2))
    soon = PlanActionFactory(plan=plan, owner_user=worker, text="Formulier toeslag invullen", due_date=today_plus(10))
    PlanActionFactory(plan=plan, owner_user=worker, text="Later pas", due_date=today_plus(30))
    PlanActionFactory(plan=plan, owner_user=worker, text="Al gedaan", due_date=today_plus(1), done_at=today_plus(0))
    due = WatchContactFactory(resident__household__neighbourhood=city["north"], owner=worker, next_due=today_plus(-1))
    not_mine = WatchContactFactory(resident__household__neighbourhood=city["north"], next_due=today_plus(0))
    body = page(login(Client(), worker), CASELOAD)
    assert overdue.text in body and soon.text in body
    assert "Later pas" not in body and "Al gedaan" not in body
    assert due.resident.full_name in body and not_mine.resident.full_name not in body
    assert reverse("care:watch-log", args=[due.public_id]) in body  # the quick "contact gelogd" form
    assert 'hx-post="' + reverse("care:watch-log", args=[due.public_id]) in body


def test_centre_staff_see_their_caseload_without_pilot_light_contacts(make_user, city):
    staff = make_user(Role.CENTRE_STAFF)
    WatchContactFactory(resident__household__neighbourhood=city["north"], owner=make_user(Role.WORKER))
    body = page(login(Client(), staff), CASELOAD)
    assert "Mijn waakvlamcontacten" not in body


def test_the_team_board_shows_columns_unassigned_overdue_contacts_and_new_signals(make_user, city, resident_north):
    worker = make_user(Role.WORKER)
    request_for(worker, city, status="clarification", question="Vraag in verheldering.")
    unassigned = request_for(worker, city, assigned=False, question="Nog niemand heeft deze.")
    late = WatchContactFactory(resident__household__neighbourhood=city["north"], next_due=today_plus(-5))
    signal = SignalFactory(team=city["team_north"], about="Vrouw op driehoog", concern="Huilt veel.")
    SignalFactory(team=city["team_north"], about="Al gesloten", status="closed")
    SignalFactory(team=city["team_south"], about="Ander team")
    body = page(login(Client(), worker), BOARD)
    assert "Vraag in verheldering." in body and unassigned.question in body
    assert "Nog niet toegewezen (1)" in body
    assert late.resident.full_name in body
    assert signal.about in body and "Al gesloten" not in body and "Ander team" not in body
    assert "Nieuwe signalen (1)" in body


def test_a_worker_in_two_teams_picks_the_board(make_user, city, resident_south):
    worker = make_user(Role.WORKER, teams=[city["team_north"], city["team_south"]])
    south = HelpRequestFactory(resident=resident_south, taken_by=worker, question="Vraag uit Zuid.")
    client = login(Client(), worker)
    assert 'name="team"' in page(client, BOARD)
    assert south.question in page(client, BOARD, team=city["team_south"].pk)
    other = make_user(Role.WORKER)  # only north
    assert login(Client(), other).get(reverse(BOARD), {"team": city["team_south"].pk}).status_code == 404


def test_the_other_team_sees_nothing_of_ours(make_user, city):
    north_worker = make_user(Role.WORKER)
    request_for(north_worker, city, assigned=False, question="Vraag uit Noord.")
    south_worker = make_user(Role.WORKER, teams=[city["team_south"]])
    body = page(login(Client(), south_worker), BOARD)
    assert "Vraag uit Noord." not in body
    assert AuditEvent.objects.count() == 0


def _queries(client, name) -> int:
    """Queries of one page view. The audit entries go in one INSERT on PostgreSQL; SQLite's limit on
    parameters splits a long one (a bigger household is more residents, so more entries): not counted."""
    with CaptureQueriesContext(connection) as ctx:
        page(client, name)
    inserts = [q for q in ctx.captured_queries if q["sql"].startswith('INSERT INTO "audit_auditevent"')]
    assert len(inserts) <= (1 if connection.vendor == "postgresql" else 4)
    return len(ctx.captured_queries) - len(inserts)


def _add_work(worker, city, n):
    plan = SupportPlanFactory(household__neighbourhood=city["north"], coordinator=worker)
    for i in range(n):
        request_for(worker, city, status=("intake", "clarification", "support")[i % 3])
        request_for(worker, city, assigned=False)
        PlanActionFactory(plan=plan, owner_user=worker, due_date=today_plus(i % 10))
        ResidentFactory(household=plan.household)
        WatchContactFactory(resident__household__neighbourhood=city["north"], owner=worker, next_due=today_plus(-1))
        SignalFactory(team=city["team_north"])


@pytest.mark.parametrize("name", [CASELOAD, BOARD])
def test_query_counts_do_not_grow_with_the_data(make_user, city, name):
    worker = make_user(Role.WORKER)
    client = login(Client(), worker)
    _add_work(worker, city, 16)  # every list is full (lists are bounded; one audit entry per resident shown)
    page(client, name)  # warm the session
    few = _queries(client, name)
    _add_work(worker, city, 40)
    many = _queries(client, name)
    assert many == few


def test_the_menu_offers_my_work_and_the_team_board_to_workers_only(make_user):
    body = page(login(Client(), make_user(Role.WORKER)), CASELOAD)
    for name in ("workspace:caseload", "workspace:team-board", "care:signal-list", "care:watch-list"):
        assert f'href="{reverse(name)}"' in body
    staff = login(Client(), make_user(Role.CENTRE_STAFF)).get(reverse("core:home")).content.decode()
    assert f'href="{reverse("workspace:caseload")}"' in staff
    assert f'href="{reverse("workspace:team-board")}"' not in staff
    assert f'href="{reverse("care:watch-list")}"' not in staff
    specialist = login(Client(), make_user(Role.SPECIALIST)).get(reverse("core:home")).content.decode()
    assert f'href="{reverse("workspace:caseload")}"' not in specialist
