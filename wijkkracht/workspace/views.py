"""My caseload and the team board: the worker's overviews, usable on a phone."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from wijkkracht.access.errors import NotFoundOrForbidden
from wijkkracht.care import selectors as care_selectors
from wijkkracht.care.forms import WatchLogForm
from wijkkracht.cases.selectors.requests import help_request_get
from wijkkracht.cases.services.requests import assignable_workers, help_request_assign
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
            if self.request.user.has_perm("cases.distribute_work"):  # the team lead divides the work here
                context["can_distribute"] = True
                context["workers"] = list(assignable_workers(team))
                context["workload"] = selectors.team_workload(user=self.request.user, team=team)
        return super().get_context_data(**context, **kwargs)


class TeamBoardAssignView(PolicyRequiredMixin, View):
    """POST only: the team lead gives a request to a worker from the board. With htmx only its line is
    swapped (with what changed, and the focus there); without, back to the board."""

    permission = "cases.distribute_work"
    http_method_names = ["post"]
    view_name = "workspace:team-board-assign"

    def post(self, request, public_id):
        help_request = help_request_get(
            user=request.user, public_id=public_id, view=self.view_name, permission="cases.work_request"
        )
        workers = {str(w.pk): w for w in assignable_workers(help_request.team)}
        worker = workers.get(request.POST.get("worker", ""))
        error = None
        if worker is None:
            error = _("Kies een behandelaar uit het team.")
        else:
            try:
                help_request = help_request_assign(help_request=help_request, worker=worker, by=request.user)
            except ValidationError as e:
                error = " ".join(e.messages)
        if not request.htmx:
            if error:
                messages.error(request, error)
            else:
                messages.success(request, _("De hulpvraag is toegewezen aan %(name)s.") % {"name": _name(worker)})
            return redirect(reverse("workspace:team-board") + f"?team={help_request.team_id}")
        today = timezone.localdate()
        help_request.age_days = (today - timezone.localtime(help_request.received_at).date()).days
        help_request.is_old = help_request.age_days >= selectors.OLD_AFTER_DAYS
        help_request.url = _request_link(help_request)
        context = {
            "req": help_request,
            "workers": list(workers.values()),
            "can_distribute": True,
            "show_assignee": bool(request.POST.get("show_assignee")),
            "assigned_now": error is None,
            "assign_error": error,
        }
        return render(request, "workspace/partials/request_item.html", context)


def _name(user) -> str:
    return user.get_full_name() or user.username
