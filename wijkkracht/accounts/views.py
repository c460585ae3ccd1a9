"""Login: password first (counted by django-axes), then the TOTP second factor, or enrolment."""

import time

from django.contrib import messages
from django.contrib.auth import logout
from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import FormView

from wijkkracht.core.policy import PUBLIC, PolicyRequiredMixin

from . import services
from .forms import PasswordChangeForm, PasswordStepForm, TokenForm
from .models import User

PENDING_KEY = "wijkkracht_pending_login"
PENDING_SECONDS = 5 * 60


def _safe_next(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return target
    return ""


class LoginView(PolicyRequiredMixin, FormView):
    permission = PUBLIC
    template_name = "accounts/login.html"
    form_class = PasswordStepForm

    def get_context_data(self, **kwargs):
        return super().get_context_data(next=_safe_next(self.request), **kwargs)

    def form_valid(self, form):
        user = services.user_authenticate(
            request=self.request, username=form.cleaned_data["username"], password=form.cleaned_data["password"]
        )
        if user is None:
            # A locked-out account is answered by django-axes' middleware with the lockout page.
            form.add_error(None, _("De gebruikersnaam of het wachtwoord is onjuist."))
            return self.form_invalid(form)
        if not user.needs_second_factor:
            services.user_login(request=self.request, user=user)
            return redirect(_safe_next(self.request) or "core:home")
        self.request.session[PENDING_KEY] = {
            "user_id": user.pk,
            "backend": user.backend,
            "since": int(time.time()),
            "next": _safe_next(self.request),
        }
        if services.totp_device_for(user=user) is None:
            return redirect("accounts:setup")
        return redirect("accounts:verify")


class _PendingMixin(PolicyRequiredMixin):
    """For the second step: only after a correct password, and only for a few minutes."""

    permission = PUBLIC

    def dispatch(self, request, *args, **kwargs):
        pending = request.session.get(PENDING_KEY)
        if not pending or time.time() - pending["since"] > PENDING_SECONDS:
            request.session.pop(PENDING_KEY, None)
            messages.info(request, _("Log eerst in met uw gebruikersnaam en wachtwoord."))
            return redirect("accounts:login")
        self.pending = pending
        self.pending_user = User.objects.filter(pk=pending["user_id"], is_active=True).first()
        if self.pending_user is None:
            return redirect("accounts:login")
        return super().dispatch(request, *args, **kwargs)

    def finish_login(self, device):
        user = self.pending_user
        user.backend = self.pending["backend"]
        next_url = self.pending.get("next")
        self.request.session.pop(PENDING_KEY, None)
        services.user_login(request=self.request, user=user, device=device)
        return redirect(next_url or "core:home")


class VerifyView(_PendingMixin, FormView):
    template_name = "accounts/verify.html"
    form_class = TokenForm

    def form_valid(self, form):
        device = services.totp_device_for(user=self.pending_user)
        if device is None:
            return redirect("accounts:setup")
        if not device.verify_is_allowed()[0]:
            form.add_error(None, _("Te veel onjuiste codes. Wacht even en probeer het dan opnieuw."))
            return self.form_invalid(form)
        if not device.verify_token(form.cleaned_data["token"]):
            form.add_error("token", _("Deze code is onjuist of verlopen. Gebruik de code die nu in uw app staat."))
            return self.form_invalid(form)
        return self.finish_login(device)


class SetupView(_PendingMixin, FormView):
    """First login: enrol an authenticator app by scanning a QR code or typing the key."""

    template_name = "accounts/setup.html"
    form_class = TokenForm

    def get(self, request, *args, **kwargs):
        if services.totp_device_for(user=self.pending_user):
            return redirect("accounts:verify")  # already enrolled: never show a second key
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        device = services.totp_device_start_setup(user=self.pending_user)
        return super().get_context_data(
            secret=services.totp_secret_base32(device), qr=services.totp_qr_data_uri(device), **kwargs
        )

    def form_valid(self, form):
        if services.totp_device_for(user=self.pending_user):
            return redirect("accounts:verify")  # already enrolled: never show a second key
        device = services.totp_device_start_setup(user=self.pending_user)
        if not device.verify_is_allowed()[0]:
            form.add_error(None, _("Te veel onjuiste codes. Wacht even en probeer het dan opnieuw."))
            return self.form_invalid(form)
        if not services.totp_device_confirm(device=device, token=form.cleaned_data["token"]):
            form.add_error(
                "token", _("Deze code klopt niet. Controleer de tijd op uw telefoon en probeer de nieuwe code.")
            )
            return self.form_invalid(form)
        messages.success(self.request, _("Uw tweede stap is ingesteld."))
        return self.finish_login(device)


class LogoutView(PolicyRequiredMixin, View):
    permission = PUBLIC
    http_method_names = ["post"]

    def post(self, request):
        logout(request)
        messages.info(request, _("U bent uitgelogd."))
        return redirect("accounts:login")


class PasswordChangeView(PolicyRequiredMixin, FormView):
    """Change one's own password; required once after the functional admin set the first one."""

    permission = "accounts.view_own_profile"
    template_name = "accounts/password_change.html"
    form_class = PasswordChangeForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def get_context_data(self, **kwargs):
        return super().get_context_data(forced=self.request.user.must_change_password, **kwargs)

    def form_valid(self, form):
        services.user_password_change(
            request=self.request, user=self.request.user, password=form.cleaned_data["new_password1"]
        )
        messages.success(self.request, _("Uw wachtwoord is gewijzigd."))
        return redirect("core:home")
