"""The start page: my organisation and my teams, plus what my role works with."""

from django.views.generic import TemplateView

from wijkkracht.audit.selectors import flag_open_count
from wijkkracht.core.policy import PolicyRequiredMixin
from wijkkracht.core.registries import start_tiles
from wijkkracht.people.selectors import resident_figures_by_team

from .selectors import casework_figures_by_year


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
        return context
