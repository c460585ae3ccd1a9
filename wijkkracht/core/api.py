from rest_framework.permissions import BasePermission


class PolicyPermission(BasePermission):
    """DRF side of PolicyRequiredMixin: every API view names the permission it needs."""

    message = "U heeft geen toegang tot deze gegevens."

    def has_permission(self, request, view):
        permission = getattr(view, "permission", None)
        if not permission:
            return False
        user = request.user
        return bool(user and user.is_authenticated and user.is_fully_authenticated() and user.has_perm(permission))
