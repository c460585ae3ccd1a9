import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.middleware.locale import LocaleMiddleware
from django.shortcuts import redirect
from django.utils import translation
from django.utils.translation import gettext as _

from .api_errors import API_PATH_PREFIX, NOT_LOGGED_IN, is_api_request, problem_response

SESSION_KEY = "wijkkracht_last_activity"
# Activity is recorded at most this often, so most requests do not write the session row (one UPDATE
# and commit less per page); a session may therefore end up to this many seconds early.
ACTIVITY_RESOLUTION = 30


class IdleTimeoutMiddleware:
    """Ends a session that has been idle longer than SESSION_IDLE_TIMEOUT seconds."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            now = int(time.time())
            last = request.session.get(SESSION_KEY, now)
            if now - last > settings.SESSION_IDLE_TIMEOUT:
                logout(request)
                message = _("U bent automatisch uitgelogd omdat u een tijd niets heeft gedaan.")
                if is_api_request(request):
                    return problem_response(request, 403, message, code="not_authenticated", title=NOT_LOGGED_IN)
                messages.info(request, message)
                return redirect(settings.LOGIN_URL)
            if SESSION_KEY not in request.session or now - last >= ACTIVITY_RESOLUTION:
                request.session[SESSION_KEY] = now
        return self.get_response(request)


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
