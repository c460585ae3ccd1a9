"""The agreed actions of a household plan: add one, mark one done (or reopen it), change one, remove one.

Each change names the plan version the user's page was based on (wijkkracht/cases/conflicts.py): a
conflict answers 409 with the plan or the action as saved now, and the user's own input kept.
"""

from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from wijkkracht.cases.conflicts import plan_conflict, version_from
from wijkkracht.cases.forms_plans import VersionForm
from wijkkracht.cases.selectors.plans import WORK
from wijkkracht.cases.services.plans import PlanConflict, action_add, action_done, action_remove, action_update
from wijkkracht.core.forms import form_apply_errors
from wijkkracht.core.policy import PolicyRequiredMixin

from .plan_common import (
    action_form,
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


def _save_fields(form) -> dict:
    """The service's keyword arguments for what the action form says (what, who, by when, under which goal)."""
    data = form.cleaned_data
    return {
        "version": data["version"],
        "text": data["text"],
        "due_date": data["due_date"],
        "owner_user": data["owner_user"],
        "owner_name": data["owner_name"],
        "goal": form.goal_object,
    }


class ActionAddView(PolicyRequiredMixin, View):
    """A new agreed action, from the form on the plan page (POST only)."""

    permission = WORK
    http_method_names = ["post"]
    view_name = "cases:plan-action-add"

    def post(self, request, household_public_id):
        page = read_plan(request, household_public_id, view=self.view_name, permission=WORK)
        if page.plan is None:
            return redirect("cases:plan-detail", household_public_id=household_public_id)
        form = action_form(page, request.POST)
        if form.is_valid():
            try:
                action_add(plan=page.plan, by=request.user, **_save_fields(form))
            except PlanConflict as conflict:
                return render_plan(
                    request,
                    read_plan(request, household_public_id, view=self.view_name),  # as saved now
                    status=409,
                    conflict=conflict,
                    action_form=action_form(page, request.POST),
                    mine=_("uw nieuwe afspraak staat nog in het formulier"),
                )
            except ValidationError as error:
                form_apply_errors(form, error)
            else:
                return plan_changed(
                    request, household_public_id, view=self.view_name, message=_("De afspraak is toegevoegd.")
                )
        return render_plan(request, page, status=400, action_form=form)


class ActionDoneView(PolicyRequiredMixin, View):
    """Mark an action done, or reopen it (``undo``), on the plan version the button was based on (POST only)."""

    permission = WORK
    http_method_names = ["post"]
    view_name = "cases:plan-action-done"

    def post(self, request, household_public_id, pk):
        page = read_plan(request, household_public_id, view=self.view_name, permission=WORK)
        if page.plan is None:
            return redirect("cases:plan-detail", household_public_id=household_public_id)
        action = find_item(page.plan.actions.all(), pk, page.plan)
        if action is None:
            raise Http404
        form = VersionForm(request.POST)
        version = form.cleaned_data["version"] if form.is_valid() else None
        conflict = plan_conflict(plan=page.plan, version=version)
        if conflict is None:
            try:
                action_done(action=action, done=not form.cleaned_data["undo"], version=version, by=request.user)
            except PlanConflict as error:
                conflict = error
        if conflict is not None:
            page = read_plan(request, household_public_id, view=self.view_name)  # as saved now
            return render_plan(request, page, status=409, conflict=conflict)
        return plan_changed(request, household_public_id, view=self.view_name, message=_("De afspraak is bijgewerkt."))


# --- one action on its own page -------------------------------------------------------------------

ACTION = "action"


def _edit_form(page, pk, data=None, initial=None):
    return action_form(page, data, initial=initial, prefix=f"action-{pk}")


class ActionEditView(PolicyRequiredMixin, View):
    """Change an action's text, owner, date or goal. GET: the form; POST: save, based on the plan version.

    A conflict answers 409 with the action as saved now and the user's input kept; an action removed in
    the meantime says so and keeps the input on screen. Saved: back to the plan page (with htmx: its body).
    """

    permission = WORK
    view_name = "cases:action-edit"
    title = gettext_lazy("Afspraak wijzigen")

    def _render(self, request, page, action, form, **kwargs):
        return render_item_edit(
            request, page, action, form, kind=ACTION, title=self.title, view=self.view_name, **kwargs
        )

    def get(self, request, household_public_id, pk):
        page = read_plan_to_change(request, household_public_id, view=self.view_name)
        action = find_item(page.plan.actions.all(), pk, page.plan)
        if action is None:
            raise Http404
        initial = {
            "text": action.text,
            "owner_user": action.owner_user_id,
            "owner_name": action.owner_name,
            "due_date": action.due_date,
            "goal": action.goal_id,
            "version": page.plan.version,
        }
        return self._render(request, page, action, _edit_form(page, pk, initial=initial))

    def post(self, request, household_public_id, pk):
        page = read_plan_to_change(request, household_public_id, view=self.view_name)
        action = find_item(page.plan.actions.all(), pk, page.plan)
        form = _edit_form(page, pk, data=request.POST)
        if action is None:
            version = version_from(request.POST.get(form.add_prefix("version")))
            conflict = plan_conflict(plan=page.plan, version=version, item_found=False)  # or 404
            return self._render(request, page, None, rebase(form, page.plan.version), conflict=conflict, status=409)
        if form.is_valid():
            try:
                action_update(action=action, by=request.user, **_save_fields(form))
            except PlanConflict as conflict:
                page = read_plan_to_change(request, household_public_id, view=self.view_name)  # as saved now
                action = find_item(page.plan.actions.all(), pk, page.plan)
                form = rebase(_edit_form(page, pk, data=request.POST), page.plan.version)
                return self._render(request, page, action, form, conflict=conflict, status=409)
            except ValidationError as error:
                form_apply_errors(form, error)
            else:
                return item_saved(
                    request, household_public_id, view=self.view_name, message=_("De afspraak is gewijzigd.")
                )
        return self._render(request, page, action, form, status=400)


class ActionRemoveView(PolicyRequiredMixin, View):
    """Remove an action: GET asks for confirmation, POST removes it, based on the plan version.

    When the plan changed in between nothing is removed: the page shows the action as saved now and asks again.
    """

    permission = WORK
    view_name = "cases:action-remove"
    title = gettext_lazy("Afspraak verwijderen")

    def _render(self, request, page, action, **kwargs):
        return render_item_remove(request, page, action, kind=ACTION, title=self.title, view=self.view_name, **kwargs)

    def get(self, request, household_public_id, pk):
        page = read_plan_to_change(request, household_public_id, view=self.view_name)
        action = find_item(page.plan.actions.all(), pk, page.plan)
        if action is None:
            raise Http404
        return self._render(request, page, action)

    def post(self, request, household_public_id, pk):
        page = read_plan_to_change(request, household_public_id, view=self.view_name)
        action = find_item(page.plan.actions.all(), pk, page.plan)
        version = version_from(request.POST.get("version"))
        conflict = plan_conflict(plan=page.plan, version=version, item_found=action is not None)
        if conflict is None:
            try:
                action_remove(action=action, version=version, by=request.user)
            except PlanConflict as error:
                conflict = error
            else:
                return item_removed(request, household_public_id, message=_("De afspraak is verwijderd."))
        if action is not None:  # the plan changed: show the action as saved now
            page = read_plan_to_change(request, household_public_id, view=self.view_name)
            action = find_item(page.plan.actions.all(), pk, page.plan)
        return self._render(request, page, action, conflict=conflict, status=409)
