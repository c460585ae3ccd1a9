"""The ZRM (zelfredzaamheidsmatrix) pages: a resident's history over time and a new moment."""

import uuid

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views import View

from wijkkracht.cases.forms_plans import AssessmentForm
from wijkkracht.cases.selectors.plans import WORK, assessment_help_request_get, assessment_history
from wijkkracht.cases.services.assessments import assessment_create
from wijkkracht.core.forms import form_apply_errors
from wijkkracht.core.policy import PolicyRequiredMixin


class AssessmentHistoryView(PolicyRequiredMixin, View):
    """The ZRM over time: domains as rows, moments as columns, with change and where the strength comes from."""

    permission = "cases.view_case"

    def get(self, request, public_id):
        history = assessment_history(user=request.user, resident_public_id=public_id, view="cases:assessment-history")
        return render(
            request,
            "cases/plans/assessment_history.html",
            {"history": history, "resident": history.resident, "can_work": request.user.has_perm(WORK)},
        )


def _uuid_or_404(value):
    try:
        return uuid.UUID(str(value))
    except ValueError:
        raise Http404 from None


def _read_for_new_moment(request, public_id, view: str):
    """The resident's latest moment (for the previous scores), and the help request of ?hulpvraag=<id> if any."""
    history = assessment_history(user=request.user, resident_public_id=public_id, view=view, limit=1, permission=WORK)
    help_request = None
    request_id = request.GET.get("hulpvraag") or request.POST.get("hulpvraag")
    if request_id:
        help_request = assessment_help_request_get(
            user=request.user, resident=history.resident, public_id=_uuid_or_404(request_id), view=view
        )
    previous = {row.domain: row.latest for row in history.rows if row.latest}
    return history, help_request, previous


def _render_form(request, history, help_request, form, status=200):
    context = {"resident": history.resident, "help_request": help_request, "form": form, "history": history}
    return render(request, "cases/plans/assessment_form.html", context, status=status)


class AssessmentCreateView(PolicyRequiredMixin, View):
    """A new ZRM moment for a resident (optionally for one of their help requests: ?hulpvraag=<id>)."""

    permission = "cases.work_request"
    view_name = "cases:assessment-create"

    def get(self, request, public_id):
        history, help_request, previous = _read_for_new_moment(request, public_id, self.view_name)
        return _render_form(request, history, help_request, AssessmentForm(previous=previous))

    def post(self, request, public_id):
        history, help_request, previous = _read_for_new_moment(request, public_id, self.view_name)
        form = AssessmentForm(request.POST, previous=previous)
        if form.is_valid():
            resident = history.resident
            try:
                assessment_create(
                    household=resident.household,
                    resident=resident,
                    by=request.user,
                    scores=form.scores(),
                    note=form.cleaned_data["note"],
                    help_request=help_request,
                )
            except ValidationError as error:
                form_apply_errors(form, error)
            else:
                messages.success(request, _("De zelfredzaamheidsmeting is opgeslagen."))
                return redirect("cases:assessment-history", public_id=resident.public_id)
        return _render_form(request, history, help_request, form, status=400)
