"""My caseload and the team board: the worker's overviews, usable on a phone."""

from django.urls import NoReverseMatch, reverse
from django.views.generic import TemplateView

from wijkkracht.access.errors import NotFoundOrForbidden
from wijkkracht.care import selectors as care_selectors
from wijkkracht.care.forms import WatchLogForm
from wijkkracht.core.policy import PolicyRequiredMixin

from . import selectors


def _request_link(req) -> str:
    """Link to the request page (written by the cases part; absent until it exists)."""
    try:
        return reverse("cases:request-detail", args=[req.public_id])
    except NoReverseMatch:
        return reverse("people:resident-detail", args=[req.resident.public_id])


def _link_requests(rows) -> None:
    for req in rows:
        req.url = _request_link(req)


class CaseloadView(PolicyRequiredMixin, TemplateView):
    permission = "cases.view_caseload"
    template_name = "workspace/caseload.html"

    def get_context_data(self, **kwargs):
        data = selectors.caseload(user=self.request.user, view="workspace:caseload")
        for column in data["columns"]:
            _link_requests(column["requests"])
        next_url = reverse("workspace:caseload")
        for w in data["watch"]:
            w.log_form = WatchLogForm(prefix=f"log-{str(w.public_id)[:8]}")
        return super().get_context_data(**data, next_url=next_url, kinds=care_selectors.CONTACT_KINDS, **kwargs)


class TeamBoardView(PolicyRequiredMixin, TemplateView):
    permission = "cases.view_team_board"
    template_name = "workspace/team_board.html"

    def get_context_data(self, **kwargs):
        teams = selectors.board_teams(user=self.request.user)
        context = {"teams": teams}
        if teams:
            wanted = self.request.GET.get("team", "")
            team = next((t for t in teams if str(t.pk) == wanted), None)
            if wanted and team is None:
                raise NotFoundOrForbidden
            team = team or teams[0]
            data = selectors.team_board(user=self.request.user, view="workspace:team-board", team=team)
            for column in data["columns"]:
                _link_requests(column["requests"])
            _link_requests(data["unassigned"])
            context.update(data)
        return super().get_context_data(**context, **kwargs)
