"""The ZRM (zelfredzaamheidsmatrix) pages: a resident's history over time and a new moment.

A new moment is filled in with the previous one (the worker changes what changed). Opened from a help
request (``?hulpvraag=<id>``) both pages show the way back in their breadcrumbs, and saving goes back there.
"""

import uuid

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views import View

from wijkkracht.cases.charts import zrm_chart
from wijkkracht.cases.forms_plans import AssessmentForm
from wijkkracht.cases.selectors.plans import WORK, assessment_help_request_get, assessment_history
from wijkkracht.cases.services.assessments import assessment_create
from wijkkracht.core.forms import form_apply_errors
from wijkkracht.core.policy import PolicyRequiredMixin

from .requests import request_crumbs, resident_crumbs


def _uuid_or_404(value):
    try:
        return uuid.UUID(str(value))
    except ValueError:
        raise Http404 from None


def _origin_request(request, resident, view: str, permission: str):
    """The help request of ?hulpvraag=<id> (it must be this resident's), read and logged; or None."""
    request_id = request.GET.get("hulpvraag") or request.POST.get("hulpvraag")
    if not request_id:
        return None
    return assessment_help_request_get(
        user=request.user, resident=resident, public_id=_uuid_or_404(request_id), view=view, permission=permission
    )


def _crumbs(request, resident, help_request, label: str):
    start = request_crumbs(help_request) if help_request else resident_crumbs(resident)
    return [*start, (label, request.get_full_path())]


class AssessmentHistoryView(PolicyRequiredMixin, View):
    """The ZRM over time: a small chart per domain with the table beside it (the same figures)."""

    permission = "cases.view_case"
    view_name = "cases:assessment-history"

    def get(self, request, public_id):
        history = assessment_history(user=request.user, resident_public_id=public_id, view=self.view_name)
        help_request = _origin_request(request, history.resident, self.view_name, self.permission)
        context = {
            "history": history,
            "resident": history.resident,
            "help_request": help_request,
            "chart": zrm_chart(history),
            "can_work": request.user.has_perm(WORK),
            "crumbs": _crumbs(request, history.resident, help_request, _("ZRM door de tijd")),
        }
        return render(request, "cases/plans/assessment_history.html", context)


def _read_for_new_moment(request, public_id, view: str):
    """The resident's latest moment (for the previous scores), and the help request of ?hulpvraag=<id> if any."""
    history = assessment_history(user=request.user, resident_public_id=public_id, view=view, limit=1, permission=WORK)
    help_request = _origin_request(request, history.resident, view, WORK)
    previous = {row.domain: row.latest for row in history.rows if row.latest}
    return history, help_request, previous


def _render_form(request, history, help_request, form, status=200):
    context = {
        "resident": history.resident,
        "help_request": help_request,
        "form": form,
        "history": history,
        "crumbs": _crumbs(request, history.resident, help_request, _("ZRM invullen")),
        "cancel_url": (
            reverse("cases:request-detail", args=[help_request.public_id])
            if help_request
            else reverse("cases:assessment-history", args=[history.resident.public_id])
        ),
    }
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
                if previous:
                    changed = form.changed_count
                    messages.success(
                        request,
                        ngettext(
                            "De zelfredzaamheidsmeting is opgeslagen. %(n)d leefgebied is anders dan de vorige keer.",
                            "De zelfredzaamheidsmeting is opgeslagen. %(n)d leefgebieden zijn anders dan de vorige keer.",
                            changed,
                        )
                        % {"n": changed},
                    )
                else:
                    messages.success(request, _("De zelfredzaamheidsmeting is opgeslagen."))
                if help_request is not None:  # back where the worker came from, at the ZRM
                    url = reverse("cases:request-detail", args=[help_request.public_id])
                    step = "" if help_request.status == "clarification" else "?stap=vraagverheldering"
                    return redirect(f"{url}{step}#zrm")
                return redirect("cases:assessment-history", public_id=resident.public_id)
        return _render_form(request, history, help_request, form, status=400)
