"""The one way a view or API endpoint asks the access policy whether it may run.

Every view names a permission; the decision itself lives in wijkkracht.access.rules (registered with
django-rules). A view without a permission refuses to run, so nothing is reachable by accident.
"""

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ImproperlyConfigured, PermissionDenied

PUBLIC = "public"  # a marker for the few views anyone may open (login, language switch)


class PolicyRequiredMixin:
    permission: str | None = None

    def dispatch(self, request, *args, **kwargs):
        if not self.permission:
            raise ImproperlyConfigured(f"{type(self).__name__} names no permission")
        if self.permission != PUBLIC:
            user = request.user
            if not user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not user.is_fully_authenticated():
                return redirect_to_login(request.get_full_path())
            if not user.has_perm(self.permission):
                raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)
