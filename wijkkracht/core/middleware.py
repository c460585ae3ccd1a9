import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.middleware.locale import LocaleMiddleware
from django.shortcuts import redirect
from django.urls import Resolver404, resolve
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .api_errors import API_PATH_PREFIX, NOT_LOGGED_IN, is_api_request, problem_response

SESSION_KEY = "wijkkracht_last_activity"
# When the user logged in (seconds since the epoch): the start of the session's absolute lifetime.
LOGIN_AT_KEY = "wijkkracht_login_at"
# Activity is recorded at most this often, so most requests do not write the session row (one UPDATE
# and commit less per page); a session may therefore end up to this many seconds early.
ACTIVITY_RESOLUTION = 30


def _now() -> int:
    """Seconds since the epoch. One place for the clock, so tests move it instead of sleeping."""
    return int(time.time())


def session_mark_login(request) -> None:
    """Start the session's clocks at login: its absolute lifetime and its last activity. Call after ``login()``."""
    now = _now()
    request.session[LOGIN_AT_KEY] = now
    request.session[SESSION_KEY] = now


def _duration(seconds: int) -> str:
    """A lifetime in Dutch words: "12 uur", "90 minuten"."""
    if seconds % 3600 == 0:
        hours = seconds // 3600
        return ngettext("%(count)d uur", "%(count)d uur", hours) % {"count": hours}
    minutes = max(1, seconds // 60)
    return ngettext("%(count)d minuut", "%(count)d minuten", minutes) % {"count": minutes}


class SessionTimeoutMiddleware:
    """Ends a session that is too old or has been idle too long.

    - Absolute: a session older than SESSION_ABSOLUTE_TIMEOUT seconds since the login ends, however busy the
      user is, so a stolen or forgotten session cannot be kept alive by activity.
    - Idle: a session without a request for SESSION_IDLE_TIMEOUT seconds ends.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            now = _now()
            session = request.session
            started = session.get(LOGIN_AT_KEY)
            if started is None:
                # A session from before the absolute limit existed: its lifetime counts from now.
                session[LOGIN_AT_KEY] = started = now
            if now - started > settings.SESSION_ABSOLUTE_TIMEOUT:
                return self._end(
                    request,
                    _("U bent automatisch uitgelogd: u was langer dan %(duration)s ingelogd. Log opnieuw in.")
                    % {"duration": _duration(settings.SESSION_ABSOLUTE_TIMEOUT)},
                )
            last = session.get(SESSION_KEY, now)
            if now - last > settings.SESSION_IDLE_TIMEOUT:
                return self._end(request, _("U bent automatisch uitgelogd omdat u een tijd niets heeft gedaan."))
            if SESSION_KEY not in session or now - last >= ACTIVITY_RESOLUTION:
                session[SESSION_KEY] = now
        return self.get_response(request)

    @staticmethod
    def _end(request, message: str):
        logout(request)
        if is_api_request(request):
            return problem_response(request, 403, message, code="not_authenticated", title=NOT_LOGGED_IN)
        messages.info(request, message)
        return redirect(settings.LOGIN_URL)


class NoStoreMiddleware:
    """``Cache-Control: no-store`` on every answer Django builds: pages, API, redirects, errors.

    Pages and API answers carry personal data, and even before login the second-step pages carry a TOTP
    secret; no browser, proxy or shared machine may keep a copy. Static files are answered by WhiteNoise,
    which sits before this middleware, and stay cacheable.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response["Cache-Control"] = "no-store"
        response["Pragma"] = "no-cache"  # for HTTP/1.0 caches
        return response


class LanguageMiddleware(LocaleMiddleware):
    """Dutch unless the user picked another language with the switch (a cookie).

    The browser's Accept-Language is ignored on purpose: staff of a Dutch team share machines and
    browsers set to English, and the interface, its terms and its messages are Dutch first.
    """

    def process_request(self, request):
        code = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        if code not in dict(settings.LANGUAGES):
            code = settings.LANGUAGE_CODE
        translation.activate(code)
        request.LANGUAGE_CODE = translation.get_language()


class APIVersionMiddleware:
    """Every answer under /api/ carries the API's full version (NL API Design Rules, /core/version-header)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path_info.startswith(API_PATH_PREFIX):
            response["API-Version"] = settings.API_VERSION
        return response


class PasswordChangeRequiredMiddleware:
    """A password someone else chose (the functional admin sets the first one) is changed at the first
    login: until then every page leads to the password page (logging out and changing the language aside)."""

    ALLOWED = ("accounts:password-change", "accounts:logout", "set_language")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)  # static files never get here: WhiteNoise answers them first
        if user is not None and getattr(user, "must_change_password", False) and user.is_fully_authenticated():
            try:
                name = resolve(request.path_info).view_name
            except Resolver404:
                name = ""
            if name not in self.ALLOWED:
                if is_api_request(request):
                    return problem_response(request, 403, code="permission_denied")
                messages.info(request, _("Kies eerst uw eigen wachtwoord."))
                return redirect("accounts:password-change")
        return self.get_response(request)
