"""The start page: my organisation and my teams, plus what my role works with."""

from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from wijkkracht.accounts.roles import Role
from wijkkracht.audit.selectors import flag_open_count
from wijkkracht.core.policy import PolicyRequiredMixin
from wijkkracht.core.registries import start_tiles
from wijkkracht.people.selectors import resident_figures_by_team

from .selectors import casework_figures_by_year

# Roles whose work in wijkkracht is still to come: a sentence instead of an empty page, shown until an
# app registers a start tile for them (core.registries).
LATER = {
    Role.VOLUNTEER_COORDINATOR: _(
        "Het werk van de vrijwilligerscoördinator (vrijwilligers, hun VOG en koppelingen aan inwoners) komt in een "
        "volgende versie van wijkkracht. Tot die tijd kunt u hier alleen postcodes opzoeken."
    ),
    Role.VOLUNTEER: _(
        "Uw inzet als vrijwilliger (uw koppelingen en afspraken) komt in een volgende versie van wijkkracht. "
        "U hoeft nu niets te doen; uw coördinator neemt contact met u op."
    ),
}


class HomeView(PolicyRequiredMixin, TemplateView):
    permission = "core.view_home"
    template_name = "workspace/home.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        context = super().get_context_data(**kwargs)
        context["teams"] = user.teams.select_related("cluster").prefetch_related("neighbourhoods")
        if user.has_perm("monitoring.view_figures"):
            context["figures"] = resident_figures_by_team(user=user)
            context["year_figures"] = casework_figures_by_year(user=user)
        if user.has_perm("audit.view_log"):
            context["open_flags"] = flag_open_count()
        # What the apps put on the start page (core.registries): each tile reads through the policy.
        context["tiles"] = [
            {"template": tile.template, "context": shown}
            for tile in start_tiles()
            if (shown := tile.provider(request=self.request)) is not None
        ]
        if not context["tiles"]:
            context["later"] = LATER.get(user.role)
        return context
