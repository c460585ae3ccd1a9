"""Help-request pages: intake, the request page as steps (cases/steps.py), the team's list, status and assignment.

Every read goes through cases.selectors (policy + audit log), every write through cases.services.requests.
The forms of the request page (views/request_forms.py) post to their own URL and come back to the page,
with the step they belong to open; on wrong input the page is shown again with the error summary.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import TemplateView

from wijkkracht.access.scopes import user_team_ids
from wijkkracht.cases.forms_requests import (
    FORMAL_PATH_VALUES,
    AssignForm,
    CloseForm,
    ContactForm,
    InformalStepForm,
    IntakeForm,
    StatusForm,
)
from wijkkracht.cases.panels import request_panels
from wijkkracht.cases.selectors import requests as selectors
from wijkkracht.cases.selectors.request_page import request_page
from wijkkracht.cases.selectors.resident import latest_scores
from wijkkracht.cases.services import requests as services
from wijkkracht.cases.services.notifications import notifications_mark_read
from wijkkracht.cases.steps import request_steps
from wijkkracht.core.forms import form_apply_errors
from wijkkracht.core.policy import PolicyRequiredMixin
from wijkkracht.people import selectors as people_selectors

Status = selectors.REQUEST_STATUSES
INTAKE_RESIDENT_FIELDS = ["name", "birth_date", "address"]
START_CLARIFICATION = "clarification"

# Status moves offered in a step: (target status, button label).
MOVES = {
    Status.INTAKE: [(Status.CLARIFICATION, gettext_lazy("Start vraagverheldering"))],
    Status.CLARIFICATION: [],  # the informal-first form saves and moves on in one go
    Status.SUPPORT: [(Status.CLARIFICATION, gettext_lazy("Terug naar vraagverheldering"))],
    Status.CLOSED: [],
}


def resident_crumbs(resident) -> list[tuple[str, str]]:
    """Inwoners › <name>: the start of the breadcrumbs of every page below a resident."""
    return [
        (_("Inwoners"), reverse("people:resident-list")),
        (resident.full_name, reverse("people:resident-detail", args=[resident.public_id])),
    ]


def request_crumbs(help_request) -> list[tuple[str, str]]:
    """Inwoners › <name> › Hulpvraag <ref>."""
    url = reverse("cases:request-detail", args=[help_request.public_id])
    return [
        *resident_crumbs(help_request.resident),
        (_("Hulpvraag %(ref)s") % {"ref": help_request.reference}, url),
    ]


class RequestListView(PolicyRequiredMixin, TemplateView):
    """The requests of my teams' residents (or shared with my organisation), by status or reference."""

    permission = "cases.view_case"
    template_name = "cases/requests/request_list.html"

    def get_context_data(self, **kwargs):
        status = self.request.GET.get("status", "")
        status = status if status in Status.values else ""
        q = self.request.GET.get("q", "").strip()[:36]
        page_obj = selectors.help_request_page(
            user=self.request.user,
            view="cases:request-list",
            status=status or None,
            query=q,
            page=self.request.GET.get("page", 1),
        )
        query_string = "&".join(f"{k}={v}" for k, v in (("status", status), ("q", q)) if v)
        return super().get_context_data(
            page_obj=page_obj, q=q, status=status, statuses=Status.choices, query_string=query_string, **kwargs
        )


class RequestCreateView(PolicyRequiredMixin, View):
    """Intake: a new request of a resident, in their own words (and for a case worker: start clarifying)."""

    permission = "cases.add_request"
    template_name = "cases/requests/request_create.html"

    def _resident(self, request, public_id):
        return people_selectors.resident_get(
            user=request.user, public_id=public_id, view="cases:request-create", fields=INTAKE_RESIDENT_FIELDS
        )

    def _render(self, request, resident, form):
        context = {
            "resident": resident,
            "form": form,
            "can_work": request.user.has_perm("cases.work_request"),
            "crumbs": [*resident_crumbs(resident), (_("Nieuwe hulpvraag"), request.path)],
        }
        return render(request, self.template_name, context)

    def get(self, request, public_id):
        return self._render(request, self._resident(request, public_id), IntakeForm())

    def post(self, request, public_id):
        resident = self._resident(request, public_id)
        form = IntakeForm(request.POST)
        if form.is_valid():
            try:
                help_request = services.help_request_create(
                    resident=resident,
                    channel=form.cleaned_data["channel"],
                    question=form.cleaned_data["question"],
                    received_at=form.cleaned_data["received_at"],
                    taken_by=request.user,
                )
            except ValidationError as e:
                form_apply_errors(form, e)
            else:
                if not (
                    request.user.has_perm("cases.work_request") and help_request.team_id in user_team_ids(request.user)
                ):
                    # Taken for another team (centre staff taking an intake for the wijkteam): the request is theirs.
                    messages.success(
                        request,
                        _("De hulpvraag is aangemeld bij %(team)s; zij nemen contact op met de inwoner.")
                        % {"team": help_request.team.name},
                    )
                    return redirect("people:resident-detail", public_id=resident.public_id)
                if request.POST.get("start") == START_CLARIFICATION:
                    services.help_request_start_clarification(help_request=help_request, by=request.user)
                    messages.success(request, _("De hulpvraag is vastgelegd. U kunt de vraag nu verhelderen."))
                else:
                    messages.success(request, _("De hulpvraag is vastgelegd."))
                return redirect("cases:request-detail", public_id=help_request.public_id)
        return self._render(request, resident, form)


class RequestPageMixin(PolicyRequiredMixin):
    """The request page, rendered by the page itself and again by its forms when their input is wrong."""

    template_name = "cases/requests/request_detail.html"
    url_name = "cases:request-detail"

    def get_page(self):
        return request_page(
            user=self.request.user,
            public_id=self.kwargs["public_id"],
            view=self.url_name,
            permission=self.permission,
            page=self.request.GET.get("page", 1),
        )

    def get_help_request(self):
        return selectors.help_request_get(
            user=self.request.user, public_id=self.kwargs["public_id"], view=self.url_name, permission=self.permission
        )

    def page_context(self, page, *, wanted: str = "", force: bool = False, **forms) -> dict:
        help_request = page.help_request
        user = self.request.user
        can_work = user.has_perm("cases.work_request") and help_request.is_open
        checks = {c.option: c for c in help_request.informal_checks.all()}
        gaps = services.informal_step_gaps(checks.values())
        scores = latest_scores(page.latest_assessment)
        steps = request_steps(help_request.status, wanted, can_work=can_work, force=force)
        opened = next(s for s in steps if s["open"])
        context = {
            "page": page,
            "help_request": help_request,
            "resident": help_request.resident,
            "steps": steps,
            # In support the contacts are part of the open step (before closing); else below the steps.
            "contacts_in_step": opened["status"] == Status.SUPPORT and help_request.status == Status.SUPPORT,
            "can_work": can_work,
            "crumbs": request_crumbs(help_request),
            "moves": MOVES[help_request.status] if can_work else [],
            "informal": [{"label": o.label, "check": checks.get(o)} for o in selectors.INFORMAL_OPTIONS],
            "informal_gaps": [g.label for g in gaps],
            "informal_complete": not gaps,
            "informal_weighed": len(selectors.INFORMAL_OPTIONS) - len(gaps),
            "zrm_concerns": [row["domain"] for row in scores if row["level"] <= 2],
            "solutions": [s.get_path_display() for s in help_request.solutions.all()],
            "formal_paths": FORMAL_PATH_VALUES,
            "can_reopen": user.has_perm("cases.work_request") and not help_request.is_open,
            "contacts": page.contacts,
        }
        if can_work:
            context.update(
                informal_form=forms.get("informal_form") or InformalStepForm(checks=checks),
                contact_form=forms.get("contact_form") or ContactForm(),
                close_form=forms.get("close_form") or CloseForm(),
                assign_form=forms.get("assign_form")
                or AssignForm(
                    workers=services.assignable_workers(help_request.team),
                    initial={"worker": help_request.assigned_to_id},
                ),
            )
        # What other apps add to the request page (cases.panels): the social map's referrals, ...
        context["panels"] = request_panels(user=user, help_request=help_request, view=self.url_name)
        return context

    def render_page(self, *, wanted: str = "", status: int = 200, **forms):
        """The page again after wrong input: the form's step open (``wanted``), the error summary on top."""
        page = self.get_page()
        context = self.page_context(page, wanted=wanted, force=bool(wanted), **forms)
        return render(self.request, self.template_name, context, status=status)

    def back(self, help_request, step: str = "", anchor: str = ""):
        url = reverse("cases:request-detail", args=[help_request.public_id])
        if step:
            url = f"{url}?stap={step}"
        return redirect(f"{url}#{anchor}" if anchor else url)

    def saved(self, message: str) -> None:
        messages.success(self.request, message)


class RequestDetailView(RequestPageMixin, View):
    permission = "cases.view_case"

    def get(self, request, public_id):
        page = self.get_page()
        notifications_mark_read(recipient=request.user, help_request=page.help_request)  # seen now
        context = self.page_context(page, wanted=request.GET.get("stap", ""))
        return render(request, self.template_name, context)


class RequestStatusView(RequestPageMixin, View):
    permission = "cases.work_request"
    url_name = "cases:request-status"

    def post(self, request, public_id):
        help_request = self.get_help_request()
        form = StatusForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Kies een geldige volgende stap."))
            return self.back(help_request)
        try:
            services.help_request_move(help_request=help_request, to=form.cleaned_data["to"], by=request.user)
        except ValidationError as e:
            for message in e.messages:
                messages.error(request, message)
        else:
            messages.success(
                request,
                _("De hulpvraag staat nu op '%(status)s'.") % {"status": Status(form.cleaned_data["to"]).label},
            )
        return self.back(help_request)


class RequestAssignView(RequestPageMixin, View):
    permission = "cases.work_request"
    url_name = "cases:request-assign"

    def post(self, request, public_id):
        help_request = self.get_help_request()
        form = AssignForm(request.POST, workers=services.assignable_workers(help_request.team))
        if form.is_valid():
            try:
                services.help_request_assign(
                    help_request=help_request, worker=form.cleaned_data["worker"], by=request.user
                )
            except ValidationError as e:
                form_apply_errors(form, e)
            else:
                self.saved(_("De behandelaar is gewijzigd."))
                return self.back(help_request)
        return self.render_page(assign_form=form)
