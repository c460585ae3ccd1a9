import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.shortcuts import redirect
from django.utils.translation import gettext as _

SESSION_KEY = "wijkkracht_last_activity"


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
            request.session[SESSION_KEY] = now
        return self.get_response(request)
