"""The functional admin's pages for organisations and teams."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
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


class OrganisationFormView(PolicyRequiredMixin, FormView):
    permission = "organisations.manage"
    template_name = "organisations/form.html"
    form_class = OrganisationForm

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        if "pk" in self.kwargs:
            kwargs["instance"] = get_object_or_404(Organisation, pk=self.kwargs["pk"])
        return kwargs

    def get_context_data(self, **kwargs):
        return super().get_context_data(heading=_("Organisatie"), back="organisations:organisation-list", **kwargs)

    def form_valid(self, form):
        services.organisation_save(organisation=form.instance)
        messages.success(self.request, _("Organisatie %(name)s is opgeslagen.") % {"name": form.instance.name})
        return redirect("organisations:organisation-list")


class TeamListView(PolicyRequiredMixin, ListView):
    permission = "organisations.manage"
    template_name = "organisations/team_list.html"
    paginate_by = 30

    def get_queryset(self):
        return (
            Team.objects.select_related("cluster").prefetch_related("neighbourhoods").order_by("cluster__name", "name")
        )


class TeamFormView(OrganisationFormView):
    form_class = TeamForm

    def get_form_kwargs(self):
        kwargs = super(OrganisationFormView, self).get_form_kwargs()
        if "pk" in self.kwargs:
            kwargs["instance"] = get_object_or_404(Team, pk=self.kwargs["pk"])
        return kwargs

    def get_context_data(self, **kwargs):
        return super(OrganisationFormView, self).get_context_data(
            heading=_("Team"), back="organisations:team-list", **kwargs
        )

    def form_valid(self, form):
        services.team_save(team=form.instance, neighbourhoods=form.cleaned_data["neighbourhood_codes"])
        messages.success(self.request, _("Team %(name)s is opgeslagen.") % {"name": form.instance.name})
        return redirect("organisations:team-list")
