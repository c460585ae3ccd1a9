"""The household plan (één huishouden, één plan): the page, starting a plan, changing summary and coordinator."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views import View

from wijkkracht.cases.forms_plans import PlanForm, PlanStartForm
from wijkkracht.cases.selectors.plans import WORK, plan_colleagues
from wijkkracht.cases.services.plans import PlanConflict, support_plan_start, support_plan_update
from wijkkracht.core.forms import form_apply_errors
from wijkkracht.core.policy import PolicyRequiredMixin

from .plan_common import back_to_origin, plan_origin, read_plan, rebase, render_plan, to_plan


class PlanDetailView(PolicyRequiredMixin, View):
    """The household plan: summary, coordinator, goals and agreed actions (or a way to start one)."""

    permission = "cases.view_case"

    def get(self, request, household_public_id):
        return render_plan(request, read_plan(request, household_public_id, view="cases:plan-detail"))


def _render_plan_form(request, page, form, *, view: str, creating=False, conflict=None, status=200):
    context = {"page": page, "household": page.household, "form": form}
    context.update(plan_origin(request, page, view=view))
    title = _("Plan maken") if creating else _("Plan wijzigen")
    context["crumbs"] = [*context["crumbs"][:-1], (title, request.get_full_path())]
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
    def _form(request, page, data=None):
        people = plan_colleagues(household=page.household)
        form = PlanStartForm(data, coordinators=people["coordinators"], colleagues=people["colleagues"])
        if form.fields["coordinator"].queryset.filter(pk=request.user.pk).exists():
            form.initial["coordinator"] = request.user.pk
        if form.fields["action_owner_user"].queryset.filter(pk=request.user.pk).exists():
            form.initial["action_owner_user"] = request.user.pk
        return form

    def get(self, request, household_public_id):
        page = read_plan(request, household_public_id, view=self.view_name, permission=WORK)
        if page.plan is not None:
            return to_plan(request, household_public_id)
        return _render_plan_form(request, page, self._form(request, page), view=self.view_name, creating=True)

    def post(self, request, household_public_id):
        page = read_plan(request, household_public_id, view=self.view_name, permission=WORK)
        form = self._form(request, page, request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                support_plan_start(
                    household=page.household,
                    coordinator=data["coordinator"],
                    by=request.user,
                    summary=data["summary"],
                    goal_text=data["goal_text"],
                    action_text=data["action_text"],
                    action_due=data["action_due"],
                    action_owner_user=data["action_owner_user"],
                    action_owner_name=data["action_owner_name"],
                )
            except ValidationError as error:
                form_apply_errors(form, error)
            else:
                messages.success(request, _("Het plan is aangemaakt."))
                return back_to_origin(plan_origin(request, page, view=self.view_name), household_public_id)
        return _render_plan_form(request, page, form, view=self.view_name, creating=True, status=400)


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
        form = PlanForm(initial=initial, coordinators=coordinators)
        return _render_plan_form(request, page, form, view=self.view_name)

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
                return _render_plan_form(request, page, form, view=self.view_name, conflict=conflict, status=409)
            except ValidationError as error:
                form_apply_errors(form, error)
            else:
                messages.success(request, _("Het plan is opgeslagen."))
                return to_plan(request, household_public_id)
        return _render_plan_form(request, page, form, view=self.view_name, status=400)
