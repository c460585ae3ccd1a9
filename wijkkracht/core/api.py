from django.utils.translation import gettext_lazy as _
from rest_framework import authentication, exceptions
from rest_framework.permissions import SAFE_METHODS, BasePermission


class PolicyPermission(BasePermission):
    """DRF side of PolicyRequiredMixin: every API view names the permission it needs.

    ``permission`` guards reads; a view that also accepts writes on the same URL may name a
    ``write_permission`` that guards POST, PUT, PATCH and DELETE instead.
    """

    message = _("U heeft geen toegang tot deze gegevens.")

    def has_permission(self, request, view):
        permission = getattr(view, "permission", None)
        if not permission or not isinstance(permission, str):
            return False
        if request.method not in SAFE_METHODS and getattr(view, "write_permission", None):
            permission = view.write_permission
        user = request.user
        return bool(user and user.is_authenticated and user.is_fully_authenticated() and user.has_perm(permission))


class SessionAuthentication(authentication.SessionAuthentication):
    """DRF's session login, with a Dutch answer when a write lacks its CSRF token (DRF's is English)."""

    def enforce_csrf(self, request):
        try:
            super().enforce_csrf(request)
        except exceptions.PermissionDenied:
            raise exceptions.PermissionDenied(
                _(
                    "Het CSRF-token ontbreekt of klopt niet. Stuur de X-CSRFToken-header mee met de waarde uit de cookie."
                )
            ) from None
