"""The forms of the request page: the informal-first step (one form, one save), a contact, closing, reopening.

Each posts to its own URL. Saved: back to the page with the step that follows open. Wrong input: the page
again (status 400), with the form's step open and the error summary on top of the form.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views import View

from wijkkracht.cases.forms_requests import CloseForm, ContactForm, InformalStepForm
from wijkkracht.cases.services import requests as services
from wijkkracht.cases.steps import slug_for
from wijkkracht.core.forms import form_apply_errors

from .requests import RequestPageMixin, Status, request_crumbs

NEXT_SUPPORT = "support"


class RequestInformalCheckView(RequestPageMixin, View):
    """The informal-first step: every option in one form; "Opslaan en naar ondersteuning" also moves on."""

    permission = "cases.work_request"
    url_name = "cases:request-informal"

    def post(self, request, public_id):
        help_request = self.get_help_request()
        checks = {c.option: c for c in help_request.informal_checks.all()}
        form = InformalStepForm(request.POST, checks=checks)
        step = slug_for(Status.CLARIFICATION)
        if form.is_valid():
            try:
                services.informal_step_record(help_request=help_request, answers=form.answers(), by=request.user)
            except ValidationError as e:
                form_apply_errors(form, e)
            else:
                moved = False
                if request.POST.get("next") == NEXT_SUPPORT and help_request.status == Status.CLARIFICATION:
                    services.help_request_start_support(help_request=help_request, by=request.user)
                    moved = True
                gaps = services.informal_step_gaps(help_request.informal_checks.all())
                if moved:
                    self.saved(_("'Informeel eerst' is vastgelegd en de hulpvraag staat nu op 'ondersteuning'."))
                    return self.back(help_request, anchor=f"stap-{slug_for(Status.SUPPORT)}")
                if gaps:
                    self.saved(
                        _("'Informeel eerst' is vastgelegd. Nog te wegen: %(gaps)s.")
                        % {"gaps": ", ".join(str(g.label) for g in gaps)}
                    )
                else:
                    self.saved(_("'Informeel eerst' is vastgelegd."))
                return self.back(help_request, anchor=f"stap-{slug_for(help_request.status)}")
        return self.render_page(wanted=step, status=400, informal_form=form)


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
                if request.htmx:  # only the contacts are swapped: the message shows inside them
                    page = self.get_page()
                    context = self.page_context(page, contact_form=ContactForm())
                    context["contact_saved"] = True
                    return render(request, "cases/requests/_contacts.html", context)
                self.saved(_("Het contactmoment is vastgelegd."))
                return self.back(help_request, anchor="contactmomenten")
        if request.htmx:
            context = self.page_context(self.get_page(), contact_form=form)
            return render(request, "cases/requests/_contacts.html", context)
        return self.render_page(status=400, contact_form=form)


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
        wanted = slug_for(Status.SUPPORT) if help_request.status == Status.SUPPORT else slug_for(Status.CLOSED)
        return self.render_page(wanted=wanted, status=400, close_form=form)


class RequestReopenView(RequestPageMixin, View):
    """Take a closed request back into support, after a confirmation (its closing is cleared)."""

    permission = "cases.work_request"
    url_name = "cases:request-reopen"

    def get(self, request, public_id):
        help_request = self.get_help_request()
        if help_request.is_open:
            return self.back(help_request)
        context = {"help_request": help_request, "crumbs": self._crumbs(help_request)}
        return render(request, "cases/requests/request_reopen.html", context)

    def _crumbs(self, help_request):
        return [*request_crumbs(help_request), (_("Heropenen"), self.request.path)]

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
