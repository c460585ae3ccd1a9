"""A session ends at the latest 12 hours after the login, however busy the user is (besides the idle timeout)."""

import time

import pytest
from django.test import Client
from django.urls import reverse

from wijkkracht.accounts.roles import Role
from wijkkracht.core import middleware
from wijkkracht.core.middleware import LOGIN_AT_KEY

from ..conftest import login
from .test_login import VERIFY, code_for, password_step

pytestmark = pytest.mark.django_db

HOME = reverse("core:home")
LOGIN = reverse("accounts:login")
MINUTE = 60
HOUR = 60 * MINUTE


class Clock:
    """The clock of the session timeouts, moved by the test instead of sleeping."""

    def __init__(self):
        self.now = int(time.time())

    def advance(self, seconds: int) -> None:
        self.now += seconds


@pytest.fixture
def clock(monkeypatch):
    clock = Clock()
    monkeypatch.setattr(middleware, "_now", lambda: clock.now)
    return clock


def logged_in(client, response) -> bool:
    return response.status_code == 200 and response.wsgi_request.user.is_authenticated


def work_for(client, clock, seconds: int, *, every: int = 10 * MINUTE) -> None:
    """A busy worker: a page every few minutes, never idle long enough for the idle timeout."""
    for _ in range(seconds // every):
        clock.advance(every)
        assert logged_in(client, client.get(HOME))


def test_a_busy_worker_is_logged_out_twelve_hours_after_logging_in(make_user, clock):
    worker = make_user(Role.WORKER)
    client = Client()
    password_step(client, worker)
    client.post(VERIFY, {"token": code_for(worker)})
    assert client.session[LOGIN_AT_KEY] == clock.now  # the login time is kept in the session

    work_for(client, clock, 12 * HOUR)  # exactly 12 hours of work: still logged in
    clock.advance(MINUTE)
    response = client.get(HOME, follow=True)

    assert response.redirect_chain[0][0].startswith(LOGIN)
    assert not response.wsgi_request.user.is_authenticated
    assert "u was langer dan 12 uur ingelogd. Log opnieuw in." in response.content.decode()


def test_the_lifetime_counts_from_the_login_not_from_the_last_page(make_user, clock, settings):
    settings.SESSION_ABSOLUTE_TIMEOUT = 2 * HOUR
    analyst = make_user(Role.POLICY_ANALYST)
    client = Client()
    password_step(client, analyst)
    work_for(client, clock, 2 * HOUR)
    clock.advance(1)
    response = client.get(HOME, follow=True)
    assert not response.wsgi_request.user.is_authenticated
    assert "u was langer dan 2 uur ingelogd" in response.content.decode()


def test_a_new_login_starts_a_new_lifetime(make_user, clock):
    analyst = make_user(Role.POLICY_ANALYST)  # logs in with the password alone
    client = Client()
    password_step(client, analyst)
    clock.advance(11 * HOUR)
    client.post(reverse("accounts:logout"))
    password_step(client, analyst)
    work_for(client, clock, 2 * HOUR)  # 13 hours after the first login, 2 after the second
    assert client.session[LOGIN_AT_KEY] == clock.now - 2 * HOUR


def test_a_session_from_before_the_limit_counts_from_its_next_request(make_user, clock, settings):
    settings.SESSION_ABSOLUTE_TIMEOUT = HOUR
    client = login(Client(), make_user(Role.WORKER))  # a session without a login time
    session = client.session
    session.pop(LOGIN_AT_KEY, None)
    session.save()
    assert logged_in(client, client.get(HOME))
    assert client.session[LOGIN_AT_KEY] == clock.now
    work_for(client, clock, HOUR)
    clock.advance(MINUTE)
    assert not client.get(HOME, follow=True).wsgi_request.user.is_authenticated


def test_the_idle_timeout_still_ends_a_quiet_session_first(make_user, clock):
    worker = make_user(Role.WORKER)
    client = Client()
    password_step(client, worker)
    client.post(VERIFY, {"token": code_for(worker)})
    clock.advance(16 * MINUTE)
    response = client.get(HOME, follow=True)
    assert not response.wsgi_request.user.is_authenticated
    assert "omdat u een tijd niets heeft gedaan" in response.content.decode()


def test_the_lifetime_is_said_in_minutes_when_it_is_not_whole_hours(make_user, clock, settings):
    settings.SESSION_ABSOLUTE_TIMEOUT = 90 * MINUTE
    client = login(Client(), make_user(Role.WORKER))
    client.get(HOME)
    work_for(client, clock, 90 * MINUTE)
    clock.advance(MINUTE)
    assert "langer dan 90 minuten ingelogd" in client.get(HOME, follow=True).content.decode()
