"""The functional admin's pages for users."""

from django.contrib import messages
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import FormView, ListView, TemplateView

from wijkkracht.core.policy import PolicyRequiredMixin

from . import admin_services, services
from .admin_forms import UserCreateForm, UserForm
from .models import User


class UserListView(PolicyRequiredMixin, ListView):
    permission = "accounts.manage_users"
    template_name = "accounts/user_list.html"
    paginate_by = 25

    def get_queryset(self):
        qs = User.objects.select_related("organisation").order_by("username")
        if q := self.request.GET.get("q", "").strip():
            qs = qs.filter(Q(username__icontains=q) | Q(first_name__icontains=q) | Q(last_name__icontains=q))
        return qs

    def get_context_data(self, **kwargs):
        q = self.request.GET.get("q", "").strip()
        return super().get_context_data(q=q, query_string=f"q={q}" if q else "", **kwargs)


class UserCreateView(PolicyRequiredMixin, FormView):
    permission = "accounts.manage_users"
    template_name = "accounts/user_form.html"
    form_class = UserCreateForm

    def form_valid(self, form):
        user = admin_services.user_create(**form.cleaned_data)
        messages.success(self.request, _("Gebruiker %(name)s is aangemaakt.") % {"name": user.username})
        return redirect("accounts:user-list")


class _UserObjectMixin(PolicyRequiredMixin):
    permission = "accounts.manage_users"

    def get_user_object(self):
        return get_object_or_404(User, pk=self.kwargs["pk"])


class UserUpdateView(_UserObjectMixin, FormView):
    template_name = "accounts/user_form.html"
    form_class = UserForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.get_user_object()}

    def form_valid(self, form):
        data = dict(form.cleaned_data)
        teams = data.pop("teams")
        admin_services.user_update(user=form.instance, teams=teams, **data)
        messages.success(self.request, _("De wijzigingen zijn opgeslagen."))
        return redirect("accounts:user-list")


class UserResetSecondFactorView(_UserObjectMixin, TemplateView):
    """Asks for confirmation first; the POST removes the user's authenticator."""

    template_name = "accounts/user_reset_2fa.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(subject=self.get_user_object(), **kwargs)

    def post(self, request, pk):
        subject = self.get_user_object()
        services.totp_devices_reset(user=subject)
        messages.success(
            request,
            _("De tweede stap van %(name)s is gewist; bij de volgende keer inloggen stelt hij of zij die opnieuw in.")
            % {"name": subject.username},
        )
        return redirect(reverse("accounts:user-list"))
