from django.db import connection
from django.http import JsonResponse
from django.shortcuts import render
from django.views import View, defaults

from .api_errors import is_api_request, problem_response
from .policy import PUBLIC, PolicyRequiredMixin


class HealthView(PolicyRequiredMixin, View):
    """For load balancers: answers 200 when the app and its database respond."""

    permission = PUBLIC

    def get(self, request):
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        return JsonResponse({"status": "ok"})


def bad_request(request, exception=None):
    if is_api_request(request):
        return problem_response(request, 400)
    return defaults.bad_request(request, exception)


def permission_denied(request, exception=None):
    if is_api_request(request):
        return problem_response(request, 403, code="permission_denied")
    return render(request, "403.html", status=403)


def page_not_found(request, exception=None):
    if is_api_request(request):
        return problem_response(request, 404, code="not_found")
    return render(request, "404.html", status=404)


def server_error(request):
    if is_api_request(request):
        return problem_response(request, 500, code="server_error")
    return defaults.server_error(request)


def csrf_failure(request, reason=""):
    """A form sent from an expired or foreign page: say so in Dutch, with the app's own look."""
    if is_api_request(request):
        return problem_response(request, 403, code="permission_denied")
    return render(request, "403_csrf.html", status=403)
