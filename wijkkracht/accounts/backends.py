"""Logging in with a password. What a user may do is the access policy's alone (access/rules.py)."""

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend

from .middleware import preloaded_user


class PasswordBackend(ModelBackend):
    """Django's password check and user lookup, without Django's model permissions and groups.

    Permissions are the rules of ``access/rules.py`` (the django-rules backend). Django's permission and
    group tables are not used (there is no admin), so this backend grants none from them: a row there can
    never widen the policy, and asking for a permission the rules refuse costs no queries (Django's own
    backend looks up the user's and their groups' permissions, two queries per request). The user is
    loaded with their organisation, which every page shows and every audit entry names, or taken from the
    session's second-factor device, which ``SecondFactorMiddleware`` loads with its user.
    """

    def get_user_permissions(self, user_obj, obj=None) -> set:
        return set()

    def get_group_permissions(self, user_obj, obj=None) -> set:
        return set()

    def get_user(self, user_id):
        user = preloaded_user.get()
        if user is not None and user.pk == user_id:  # loaded with the session's second-factor device
            return user if self.user_can_authenticate(user) else None
        user_model = get_user_model()
        try:
            user = user_model._default_manager.select_related("organisation").get(pk=user_id)
        except user_model.DoesNotExist:
            return None
        return user if self.user_can_authenticate(user) else None
