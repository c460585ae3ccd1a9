"""The functional admin's pages for organisations and teams."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, ListView

from wijkkracht.core.policy import PolicyRequiredMixin

from . import services
from .forms import OrganisationForm, TeamForm
from .models import Organisation, Team


class OrganisationListView(PolicyRequiredMixin, ListView):
    permission = "organisations.manage"
    template_name = "organisations/organisation_list.html"
    paginate_by = 30

    def get_queryset(self):
        return Organisation.objects.order_by("name")


class _AdminFormView(PolicyRequiredMixin, FormView):
    """Create (no pk in the URL) or edit (pk) one object of ``model``; subclasses save and name it."""

    permission = "organisations.manage"
    template_name = "organisations/form.html"
    model = None
    heading = ""
    back = ""
    saved_message = ""

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        if "pk" in self.kwargs:
            kwargs["instance"] = get_object_or_404(self.model, pk=self.kwargs["pk"])
        return kwargs

    def get_context_data(self, **kwargs):
        return super().get_context_data(heading=self.heading, back=self.back, **kwargs)

    def form_valid(self, form):
        self.save(form)
        messages.success(self.request, self.saved_message % {"name": form.instance.name})
        return redirect(self.back)


class OrganisationFormView(_AdminFormView):
    form_class = OrganisationForm
    model = Organisation
    heading = gettext_lazy("Organisatie")
    back = "organisations:organisation-list"
    saved_message = gettext_lazy("Organisatie %(name)s is opgeslagen.")

    def save(self, form):
        services.organisation_save(organisation=form.instance)


class TeamListView(PolicyRequiredMixin, ListView):
    permission = "organisations.manage"
    template_name = "organisations/team_list.html"
    paginate_by = 30

    def get_queryset(self):
        return (
            Team.objects.select_related("cluster").prefetch_related("neighbourhoods").order_by("cluster__name", "name")
        )


class TeamFormView(_AdminFormView):
    form_class = TeamForm
    model = Team
    heading = gettext_lazy("Team")
    back = "organisations:team-list"
    saved_message = gettext_lazy("Team %(name)s is opgeslagen.")

    def save(self, form):
        services.team_save(team=form.instance, neighbourhoods=form.cleaned_data["neighbourhood_codes"])
