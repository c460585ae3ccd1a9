"""Help-request pages: intake, the request page (informal first, contacts, closing), the team's list.

Every read goes through cases.selectors.requests (policy + audit log), every write through
cases.services.requests. The small forms on the request page post to their own URL; with htmx they
swap only their part of the page, without it they are ordinary POSTs that come back to the page.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.template import TemplateDoesNotExist
from django.template.loader import select_template
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
    InformalCheckForm,
    IntakeForm,
    StatusForm,
)
from wijkkracht.cases.panels import request_panels
from wijkkracht.cases.selectors import requests as selectors
from wijkkracht.cases.services import requests as services
from wijkkracht.core.forms import form_apply_errors
from wijkkracht.core.policy import PolicyRequiredMixin
from wijkkracht.people import selectors as people_selectors

Status = selectors.REQUEST_STATUSES
PLAN_LINKS_TEMPLATE = "cases/partials/plan_links.html"
INTAKE_RESIDENT_FIELDS = ["name", "birth_date", "address"]


def plan_links_template() -> str | None:
    """The ZRM and plan links of the plans part, when that part provides them."""
    try:
        select_template([PLAN_LINKS_TEMPLATE])
    except TemplateDoesNotExist:
        return None
    return PLAN_LINKS_TEMPLATE


# Status moves offered on the page: (target status, button label).
MOVES = {
    Status.INTAKE: [(Status.CLARIFICATION, gettext_lazy("Start vraagverheldering"))],
    Status.CLARIFICATION: [(Status.SUPPORT, gettext_lazy("Naar ondersteuning"))],
    Status.SUPPORT: [(Status.CLARIFICATION, gettext_lazy("Terug naar vraagverheldering"))],
    Status.CLOSED: [],
}


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
    """Intake: a new request of a resident, in their own words."""

    permission = "cases.add_request"
    template_name = "cases/requests/request_create.html"

    def _resident(self, request, public_id):
        return people_selectors.resident_get(
            user=request.user, public_id=public_id, view="cases:request-create", fields=INTAKE_RESIDENT_FIELDS
        )

    def get(self, request, public_id):
        resident = self._resident(request, public_id)
        return render(request, self.template_name, {"resident": resident, "form": IntakeForm()})

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
                if request.user.has_perm("cases.work_request") and help_request.team_id in user_team_ids(request.user):
                    messages.success(request, _("De hulpvraag is vastgelegd."))
                    return redirect("cases:request-detail", public_id=help_request.public_id)
                # Taken for another team (centre staff taking an intake for the wijkteam): the request is theirs.
                messages.success(
                    request,
                    _("De hulpvraag is aangemeld bij %(team)s; zij nemen contact op met de inwoner.")
                    % {"team": help_request.team.name},
                )
                return redirect("people:resident-detail", public_id=resident.public_id)
        return render(request, self.template_name, {"resident": resident, "form": form})


class RequestPageMixin(PolicyRequiredMixin):
    """The request page, rendered by the page itself and again by its forms when their input is wrong."""

    template_name = "cases/requests/request_detail.html"
    url_name = "cases:request-detail"

    def get_help_request(self):
        return selectors.help_request_get(
            user=self.request.user,
            public_id=self.kwargs["public_id"],
            view=self.url_name,
            permission=self.permission,
        )

    def page_context(self, help_request, *, informal_form=None, **forms):
        user = self.request.user
        can_work = user.has_perm("cases.work_request") and help_request.is_open
        checks = {c.option: c for c in help_request.informal_checks.all()}
        informal = []
        for option in selectors.INFORMAL_OPTIONS:
            check = checks.get(option)
            if informal_form is not None and informal_form.option == option:
                form = informal_form
            else:
                initial = {}
                if check is not None:
                    initial = {
                        "fits": InformalCheckForm.FITS if check.fits else InformalCheckForm.DOES_NOT_FIT,
                        "reason": check.reason,
                    }
                form = InformalCheckForm(option=option, initial=initial)
            informal.append({"option": option, "label": option.label, "check": check, "form": form})
        gaps = services.informal_step_gaps(checks.values())
        contacts = selectors.request_contact_page(
            user=user, help_request=help_request, view=self.url_name, page=self.request.GET.get("page", 1)
        )
        close_form = forms.get("close_form") or CloseForm()
        return {
            "help_request": help_request,
            "resident": help_request.resident,
            "can_work": can_work,
            "moves": MOVES[help_request.status] if can_work else [],
            "informal": informal,
            "informal_gaps": [g.label for g in gaps],
            "informal_complete": not gaps,
            "solutions": [s.get_path_display() for s in help_request.solutions.all()],
            "contacts": contacts,
            "contact_form": forms.get("contact_form") or ContactForm(),
            "close_form": close_form,
            "formal_paths": FORMAL_PATH_VALUES,
            "assign_form": forms.get("assign_form")
            or (
                AssignForm(
                    workers=services.assignable_workers(help_request.team),
                    initial={"worker": help_request.assigned_to_id},
                )
                if can_work
                else None
            ),
            "can_reopen": user.has_perm("cases.work_request") and not help_request.is_open,
            "plan_links_template": plan_links_template(),
            "panels": request_panels(user=user, help_request=help_request, view=self.url_name),
        }

    def render_page(self, help_request, **forms):
        return render(self.request, self.template_name, self.page_context(help_request, **forms))

    def back(self, help_request, anchor: str = ""):
        url = reverse("cases:request-detail", args=[help_request.public_id])
        return redirect(f"{url}#{anchor}" if anchor else url)

    def saved(self, message: str) -> None:
        # An htmx post swaps only its part of the page; the message would not be seen there.
        if not getattr(self.request, "htmx", False):
            messages.success(self.request, message)


class RequestDetailView(RequestPageMixin, View):
    permission = "cases.view_case"

    def get(self, request, public_id):
        return self.render_page(self.get_help_request())


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
                services.help_request_assign(help_request=help_request, worker=form.cleaned_data["worker"])
            except ValidationError as e:
                form_apply_errors(form, e)
            else:
                self.saved(_("De behandelaar is gewijzigd."))
                return self.back(help_request, "behandelaar")
        return self.render_page(help_request, assign_form=form)


class RequestInformalCheckView(RequestPageMixin, View):
    permission = "cases.work_request"
    url_name = "cases:request-informal"

    def post(self, request, public_id):
        help_request = self.get_help_request()
        option = request.POST.get("option", "")
        if option not in selectors.INFORMAL_OPTIONS:
            messages.error(request, _("Kies een van de informele mogelijkheden."))
            return self.back(help_request, "informeel-eerst")
        form = InformalCheckForm(request.POST, option=option)
        if form.is_valid():
            try:
                services.informal_check_record(
                    help_request=help_request,
                    option=option,
                    fits=form.cleaned_data["fits"] == InformalCheckForm.FITS,
                    reason=form.cleaned_data["reason"],
                    by=request.user,
                )
            except ValidationError as e:
                form_apply_errors(form, e)
            else:
                self.saved(_("'%(option)s' is vastgelegd.") % {"option": form.option_label})
                return self.back(help_request, "informeel-eerst")
        return self.render_page(help_request, informal_form=form)


class RequestContactCreateView(RequestPageMixin, View):
    permission = "cases.work_request"
    url_name = "cases:request-contact-create"

    def post(self, request, public_id):
        help_request = self.get_help_request()
        form = ContactForm(request.POST)
        if form.is_valid():
            try:
                services.contact_create(
                    resident=help_request.resident,
                    help_request=help_request,
                    by=request.user,
                    kind=form.cleaned_data["kind"],
                    note=form.cleaned_data["note"],
                    at=form.cleaned_data["at"],
                )
            except ValidationError as e:
                form_apply_errors(form, e)
            else:
                self.saved(_("Het contactmoment is vastgelegd."))
                return self.back(help_request, "contactmomenten")
        return self.render_page(help_request, contact_form=form)


class RequestCloseView(RequestPageMixin, View):
    permission = "cases.work_request"
    url_name = "cases:request-close"

    def post(self, request, public_id):
        help_request = self.get_help_request()
        form = CloseForm(request.POST)
        if form.is_valid():
            try:
                services.help_request_close(
                    help_request=help_request,
                    by=request.user,
                    paths=form.cleaned_data["paths"],
                    outcome=form.cleaned_data["outcome"],
                    outcome_note=form.cleaned_data["outcome_note"],
                    rating=form.cleaned_data["rating"],
                )
            except ValidationError as e:
                form_apply_errors(form, e)
            else:
                messages.success(request, _("De hulpvraag is afgesloten."))
                return self.back(help_request)
        return self.render_page(help_request, close_form=form)


class RequestReopenView(RequestPageMixin, View):
    """Take a closed request back into support, after a confirmation (its closing is cleared)."""

    permission = "cases.work_request"
    url_name = "cases:request-reopen"

    def get(self, request, public_id):
        help_request = self.get_help_request()
        if help_request.is_open:
            return self.back(help_request)
        return render(request, "cases/requests/request_reopen.html", {"help_request": help_request})

    def post(self, request, public_id):
        help_request = self.get_help_request()
        try:
            services.help_request_reopen(help_request=help_request, by=request.user)
        except ValidationError as e:
            for message in e.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("De hulpvraag is heropend."))
        return self.back(help_request)
