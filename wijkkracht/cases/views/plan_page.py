"""The household plan (één huishouden, één plan): the page, starting a plan, changing summary and coordinator."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views import View

from wijkkracht.cases.forms_plans import PlanForm
from wijkkracht.cases.selectors.plans import WORK, plan_colleagues
from wijkkracht.cases.services.plans import PlanConflict, support_plan_create, support_plan_update
from wijkkracht.core.forms import form_apply_errors
from wijkkracht.core.policy import PolicyRequiredMixin

from .plan_common import read_plan, rebase, render_plan


class PlanDetailView(PolicyRequiredMixin, View):
    """The household plan: summary, coordinator, goals and agreed actions (or a way to start one)."""

    permission = "cases.view_case"

    def get(self, request, household_public_id):
        return render_plan(request, read_plan(request, household_public_id, view="cases:plan-detail"))


def _render_plan_form(request, page, form, *, creating=False, conflict=None, status=200):
    context = {"page": page, "household": page.household, "form": form}
    if creating:
        context["creating"] = True
    else:
        context.update(plan=page.plan, conflict=conflict)
    return render(request, "cases/plans/plan_form.html", context, status=status)


class PlanCreateView(PolicyRequiredMixin, View):
    """Start the household's plan (one household, one plan) with its coordinating worker."""

    permission = "cases.work_request"
    view_name = "cases:plan-create"

    @staticmethod
    def _form(page, data=None):
        coordinators = plan_colleagues(household=page.household)["coordinators"]
        return PlanForm(data, coordinators=coordinators, with_version=False, initial={"coordinator": None})

    def get(self, request, household_public_id):
        page = read_plan(request, household_public_id, view=self.view_name, permission=WORK)
        if page.plan is not None:
            return redirect("cases:plan-detail", household_public_id=household_public_id)
        form = self._form(page)
        if form.fields["coordinator"].queryset.filter(pk=request.user.pk).exists():
            form.initial["coordinator"] = request.user.pk
        return _render_plan_form(request, page, form, creating=True)

    def post(self, request, household_public_id):
        page = read_plan(request, household_public_id, view=self.view_name, permission=WORK)
        form = self._form(page, request.POST)
        if form.is_valid():
            try:
                support_plan_create(
                    household=page.household,
                    coordinator=form.cleaned_data["coordinator"],
                    by=request.user,
                    summary=form.cleaned_data["summary"],
                )
            except ValidationError as error:
                form_apply_errors(form, error)
            else:
                messages.success(request, _("Het plan is aangemaakt."))
                return redirect("cases:plan-detail", household_public_id=household_public_id)
        return _render_plan_form(request, page, form, creating=True, status=400)


class PlanEditView(PolicyRequiredMixin, View):
    """Change summary and coordinator. Based on a version: a conflict shows both texts, keeps the user's."""

    permission = "cases.work_request"
    view_name = "cases:plan-edit"

    def _read(self, request, household_public_id):
        """The plan and the coordinators to choose from (none without a plan)."""
        page = read_plan(request, household_public_id, view=self.view_name, permission=WORK)
        if page.plan is None:
            return page, None
        return page, plan_colleagues(household=page.household)["coordinators"]

    def get(self, request, household_public_id):
        page, coordinators = self._read(request, household_public_id)
        if page.plan is None:
            return redirect("cases:plan-create", household_public_id=household_public_id)
        plan = page.plan
        initial = {"summary": plan.summary, "coordinator": plan.coordinator_id, "version": plan.version}
        return _render_plan_form(request, page, PlanForm(initial=initial, coordinators=coordinators))

    def post(self, request, household_public_id):
        page, coordinators = self._read(request, household_public_id)
        if page.plan is None:
            return redirect("cases:plan-create", household_public_id=household_public_id)
        form = PlanForm(request.POST, coordinators=coordinators)
        if form.is_valid():
            try:
                support_plan_update(
                    plan=page.plan,
                    version=form.cleaned_data["version"],
                    by=request.user,
                    summary=form.cleaned_data["summary"],
                    coordinator=form.cleaned_data["coordinator"],
                )
            except PlanConflict as conflict:
                # Read the plan as saved now (logged), and offer the user's input again on top of it.
                page, coordinators = self._read(request, household_public_id)
                form = rebase(PlanForm(request.POST, coordinators=coordinators), page.plan.version)
                return _render_plan_form(request, page, form, conflict=conflict, status=409)
            except ValidationError as error:
                form_apply_errors(form, error)
            else:
                messages.success(request, _("Het plan is opgeslagen."))
                return redirect("cases:plan-detail", household_public_id=household_public_id)
        return _render_plan_form(request, page, form, status=400)
