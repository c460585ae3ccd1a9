"""The goals of a household plan: add one, mark one reached (or undo it), change one, remove one.

Each change names the plan version the user's page was based on (wijkkracht/cases/conflicts.py): a
conflict answers 409 with the plan or the goal as saved now, and the user's own input kept.
"""

from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from wijkkracht.cases.conflicts import plan_conflict, version_from
from wijkkracht.cases.forms_plans import GoalForm, VersionForm
from wijkkracht.cases.selectors.plans import WORK
from wijkkracht.cases.services.plans import PlanConflict, goal_achieve, goal_add, goal_remove, goal_update
from wijkkracht.core.forms import form_apply_errors
from wijkkracht.core.policy import PolicyRequiredMixin

from .plan_common import (
    find_item,
    item_removed,
    item_saved,
    plan_changed,
    read_plan,
    read_plan_to_change,
    rebase,
    render_item_edit,
    render_item_remove,
    render_plan,
)


class GoalAddView(PolicyRequiredMixin, View):
    """A new goal, from the form on the plan page (POST only)."""

    permission = WORK
    http_method_names = ["post"]
    view_name = "cases:plan-goal-add"

    def post(self, request, household_public_id):
        page = read_plan(request, household_public_id, view=self.view_name, permission=WORK)
        if page.plan is None:
            return redirect("cases:plan-detail", household_public_id=household_public_id)
        form = GoalForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                goal_add(
                    plan=page.plan, version=data["version"], by=request.user, text=data["text"], domain=data["domain"]
                )
            except PlanConflict as conflict:
                return render_plan(
                    request,
                    read_plan(request, household_public_id, view=self.view_name),  # as saved now
                    status=409,
                    conflict=conflict,
                    goal_form=GoalForm(request.POST),
                    mine=_("uw nieuwe doel staat nog in het formulier"),
                )
            except ValidationError as error:
                form_apply_errors(form, error)
            else:
                return plan_changed(
                    request, household_public_id, view=self.view_name, message=_("Het doel is toegevoegd.")
                )
        return render_plan(request, page, status=400, goal_form=form)


class GoalAchieveView(PolicyRequiredMixin, View):
    """Mark a goal reached, or undo that (``undo``), on the plan version the button was based on (POST only)."""

    permission = WORK
    http_method_names = ["post"]
    view_name = "cases:plan-goal-achieve"

    def post(self, request, household_public_id, pk):
        page = read_plan(request, household_public_id, view=self.view_name, permission=WORK)
        if page.plan is None:
            return redirect("cases:plan-detail", household_public_id=household_public_id)
        goal = find_item(page.plan.goals.all(), pk, page.plan)
        if goal is None:
            raise Http404
        form = VersionForm(request.POST)
        version = form.cleaned_data["version"] if form.is_valid() else None
        conflict = plan_conflict(plan=page.plan, version=version)
        if conflict is None:
            try:
                goal_achieve(goal=goal, achieved=not form.cleaned_data["undo"], version=version, by=request.user)
            except PlanConflict as error:
                conflict = error
        if conflict is not None:
            page = read_plan(request, household_public_id, view=self.view_name)  # as saved now
            return render_plan(request, page, status=409, conflict=conflict)
        return plan_changed(request, household_public_id, view=self.view_name, message=_("Het doel is bijgewerkt."))


# --- one goal on its own page ---------------------------------------------------------------------

GOAL = "goal"


def _goal_form(pk, data=None, initial=None) -> GoalForm:
    return GoalForm(data, initial=initial, prefix=f"goal-{pk}")


class GoalEditView(PolicyRequiredMixin, View):
    """Change a goal's text or life domain. GET: the form; POST: save, based on the plan version.

    A conflict answers 409 with the goal as saved now and the user's input kept; a goal removed in the
    meantime says so and keeps the input on screen. Saved: back to the plan page (with htmx: its body).
    """

    permission = WORK
    view_name = "cases:goal-edit"
    title = gettext_lazy("Doel wijzigen")

    def _render(self, request, page, goal, form, **kwargs):
        return render_item_edit(request, page, goal, form, kind=GOAL, title=self.title, view=self.view_name, **kwargs)

    def get(self, request, household_public_id, pk):
        page = read_plan_to_change(request, household_public_id, view=self.view_name)
        goal = find_item(page.plan.goals.all(), pk, page.plan)
        if goal is None:
            raise Http404
        initial = {"text": goal.text, "domain": goal.domain, "version": page.plan.version}
        return self._render(request, page, goal, _goal_form(pk, initial=initial))

    def post(self, request, household_public_id, pk):
        page = read_plan_to_change(request, household_public_id, view=self.view_name)
        goal = find_item(page.plan.goals.all(), pk, page.plan)
        form = _goal_form(pk, data=request.POST)
        if goal is None:
            version = version_from(request.POST.get(form.add_prefix("version")))
            conflict = plan_conflict(plan=page.plan, version=version, item_found=False)  # or 404
            return self._render(request, page, None, rebase(form, page.plan.version), conflict=conflict, status=409)
        if form.is_valid():
            data = form.cleaned_data
            try:
                goal_update(
                    goal=goal, version=data["version"], by=request.user, text=data["text"], domain=data["domain"]
                )
            except PlanConflict as conflict:
                page = read_plan_to_change(request, household_public_id, view=self.view_name)  # as saved now
                goal = find_item(page.plan.goals.all(), pk, page.plan)
                form = rebase(_goal_form(pk, data=request.POST), page.plan.version)
                return self._render(request, page, goal, form, conflict=conflict, status=409)
            except ValidationError as error:
                form_apply_errors(form, error)
            else:
                return item_saved(
                    request, household_public_id, view=self.view_name, message=_("Het doel is gewijzigd.")
                )
        return self._render(request, page, goal, form, status=400)


class GoalRemoveView(PolicyRequiredMixin, View):
    """Remove a goal: GET asks for confirmation, POST removes it, based on the plan version.

    When the plan changed in between nothing is removed: the page shows the goal as saved now and asks again.
    The agreed actions under the goal stay in the plan, without a goal.
    """

    permission = WORK
    view_name = "cases:goal-remove"
    title = gettext_lazy("Doel verwijderen")

    def _render(self, request, page, goal, **kwargs):
        linked = (
            {} if goal is None else {"linked_actions": [a for a in page.plan.actions.all() if a.goal_id == goal.pk]}
        )
        return render_item_remove(
            request, page, goal, kind=GOAL, title=self.title, view=self.view_name, **linked, **kwargs
        )

    def get(self, request, household_public_id, pk):
        page = read_plan_to_change(request, household_public_id, view=self.view_name)
        goal = find_item(page.plan.goals.all(), pk, page.plan)
        if goal is None:
            raise Http404
        return self._render(request, page, goal)

    def post(self, request, household_public_id, pk):
        page = read_plan_to_change(request, household_public_id, view=self.view_name)
        goal = find_item(page.plan.goals.all(), pk, page.plan)
        version = version_from(request.POST.get("version"))
        conflict = plan_conflict(plan=page.plan, version=version, item_found=goal is not None)
        if conflict is None:
            try:
                goal_remove(goal=goal, version=version, by=request.user)
            except PlanConflict as error:
                conflict = error
            else:
                return item_removed(request, household_public_id, message=_("Het doel is verwijderd."))
        if goal is not None:  # the plan changed: show the goal as saved now
            page = read_plan_to_change(request, household_public_id, view=self.view_name)
            goal = find_item(page.plan.goals.all(), pk, page.plan)
        return self._render(request, page, goal, conflict=conflict, status=409)
