"""Every URL pattern x every role, generated from the URL configuration and checked by real requests."""

import time

import pytest
from django.conf import settings
from django.shortcuts import resolve_url
from django.test import Client
from django.urls import reverse

from wijkkracht.access.url_inventory import url_pattern_names, url_patterns_without_rule
from wijkkracht.access.url_policy import ANONYMOUS, FORBIDDEN, LOGIN, OK, ROLES, URL_POLICY

from ..conftest import city_build, login, resident_north_make, user_make
from ..worlds import shared_world
from .world import url_samples

ALL_URLS = url_pattern_names()


def test_every_url_pattern_has_a_declared_rule():
    assert url_patterns_without_rule(URL_POLICY) == []


def test_no_rule_is_left_for_a_url_that_no_longer_exists():
    assert sorted(set(URL_POLICY) - set(ALL_URLS)) == []


def test_a_new_url_without_a_rule_fails_the_check():
    """The test of the test: add an endpoint to a URL configuration and the check names it."""
    missing = url_patterns_without_rule(URL_POLICY, urlconf="tests.access.urls_with_unruled_endpoint")
    assert missing == ["secret-export"]


def _outcome(response, path: str) -> str:
    login_url = resolve_url(settings.LOGIN_URL)
    if response.status_code in (301, 302):
        return LOGIN if response["Location"].split("?")[0] == login_url else OK
    if response.status_code in (200, 204, 405):
        return OK
    if response.status_code in (401, 403) and path.startswith("/api/"):
        return LOGIN if response.wsgi_request.user.is_anonymous else FORBIDDEN
    if response.status_code in (403, 404):
        return FORBIDDEN
    return f"status {response.status_code}"


class MatrixWorld:
    def __init__(self):
        self.built_at = time.time()
        city = city_build()
        self.users = {role: user_make(city, role) for role in ROLES}
        self.samples = url_samples(city=city, users=self.users, resident=resident_north_make(city))
        self.sessions = {role: _session_of(login(Client(), user)) for role, user in self.users.items()}

    def client_for(self, role: str) -> Client:
        """A client logged in as ``role``: with the world's session for it, or a fresh login when that session
        may come close to the idle timeout (a slow run; each test's writes to it are rolled back)."""
        client = Client()
        if role == ANONYMOUS:
            return client
        if time.time() - self.built_at < settings.SESSION_IDLE_TIMEOUT / 2:
            client.cookies[settings.SESSION_COOKIE_NAME] = self.sessions[role]
            return client
        return login(client, self.users[role])


def _session_of(client: Client) -> str:
    return client.cookies[settings.SESSION_COOKIE_NAME].value


@shared_world
def matrix_world():
    """Users of every role, logged in, and the URL samples: built once for all patterns of the module."""
    return MatrixWorld()


@pytest.mark.parametrize("url_name", ALL_URLS)
def test_url_answers_every_role_as_declared(url_name, matrix_world):
    rule = URL_POLICY[url_name]
    path = reverse(url_name, kwargs={arg: matrix_world.samples[obj] for arg, obj in rule.sample.items()})
    wrong = {}
    for role in (ANONYMOUS, *ROLES):
        got = _outcome(matrix_world.client_for(role).get(path), path)
        if got != rule.expectation(role):
            wrong[role] = f"expected {rule.expectation(role)}, got {got}"
    assert wrong == {}, f"{url_name} ({path})"
