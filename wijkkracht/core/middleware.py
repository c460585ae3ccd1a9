import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.middleware.locale import LocaleMiddleware
from django.shortcuts import redirect
from django.utils import translation
from django.utils.translation import gettext as _

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
                messages.info(request, _("U bent automatisch uitgelogd omdat u een tijd niets heeft gedaan."))
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
