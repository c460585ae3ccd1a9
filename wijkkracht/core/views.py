from django.db import connection
from django.http import JsonResponse
from django.shortcuts import render
from django.views import View

from .policy import PUBLIC, PolicyRequiredMixin


class HealthView(PolicyRequiredMixin, View):
    """For load balancers: answers 200 when the app and its database respond."""

    permission = PUBLIC

    def get(self, request):
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        return JsonResponse({"status": "ok"})


def permission_denied(request, exception=None):
    return render(request, "403.html", status=403)


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def csrf_failure(request, reason=""):
    """A form sent from an expired or foreign page: say so in Dutch, with the app's own look."""
    return render(request, "403_csrf.html", status=403)
