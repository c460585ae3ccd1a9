"""Pages for the ZRM and the household plan. Reads through cases.selectors, writes through cases.services.

Plan changes are optimistically locked: each form carries the plan version it was based on. When another
worker saved in between, the page answers 409 and shows the plan as saved now, with the user's own input
still in the form, so nothing is lost and nothing is overwritten unseen.
"""

import uuid

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from wijkkracht.cases.forms_plans import ActionForm, AssessmentForm, GoalForm, PlanForm, VersionForm
from wijkkracht.cases.selectors.plans import (
    WORK,
    assessment_help_request_get,
    assessment_history,
    plan_colleagues,
    plan_page,
)
from wijkkracht.cases.services.assessments import assessment_create
from wijkkracht.cases.services.plans import (
    PlanConflict,
    action_add,
    action_done,
    goal_achieve,
    goal_add,
    support_plan_create,
    support_plan_update,
)
from wijkkracht.core.policy import PolicyRequiredMixin

# --- ZRM ----------------------------------------------------------------------------------------


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


class AssessmentCreateView(PolicyRequiredMixin, View):
    """A new ZRM moment for a resident (optionally for one of their help requests: ?hulpvraag=<id>)."""

    permission = "cases.work_request"
    view_name = "cases:assessment-create"

    def _load(self, request, public_id):
        history = assessment_history(
            user=request.user, resident_public_id=public_id, view=self.view_name, limit=1, permission=WORK
        )
        help_request = None
        request_id = request.GET.get("hulpvraag") or request.POST.get("hulpvraag")
        if request_id:
            help_request = assessment_help_request_get(
                user=request.user, resident=history.resident, public_id=_uuid_or_404(request_id), view=self.view_name
            )
        previous = {row.domain: row.latest for row in history.rows if row.latest}
        return history, help_request, previous

    def _render(self, request, history, help_request, form, status=200):
        context = {"resident": history.resident, "help_request": help_request, "form": form, "history": history}
        return render(request, "cases/plans/assessment_form.html", context, status=status)

    def get(self, request, public_id):
        history, help_request, previous = self._load(request, public_id)
        return self._render(request, history, help_request, AssessmentForm(previous=previous))

    def post(self, request, public_id):
        history, help_request, previous = self._load(request, public_id)
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
                form.add_service_errors(error.message_dict)
            else:
                messages.success(request, _("De zelfredzaamheidsmeting is opgeslagen."))
                return redirect("cases:assessment-history", public_id=resident.public_id)
        return self._render(request, history, help_request, form, status=400)


# --- the plan -----------------------------------------------------------------------------------


def _rebase(form, version: int):
    """Keep the user's input but base it on the version saved now (after a conflict)."""
    if form is not None and form.is_bound:
        data = form.data.copy()
        data[form.add_prefix("version")] = str(version)
        form.data = data
    return form


class PlanPageMixin:
    """Reads the household and its plan by the policy (logged) and renders the plan page or its htmx body."""

    def read(self, request, household_public_id, permission="cases.view_case"):
        return plan_page(
            user=request.user, household_public_id=household_public_id, view=self.view_name, permission=permission
        )

    def plan_context(self, request, page, *, goal_form=None, action_form=None, conflict=None, mine=None) -> dict:
        plan = page.plan
        context = {"page": page, "plan": plan, "household": page.household, "conflict": conflict, "mine": mine}
        context["can_work"] = request.user.has_perm(WORK)
        if plan is not None and context["can_work"]:
            goals = list(plan.goals.all())
            colleagues = plan_colleagues(household=page.household)["colleagues"]
            initial = {"version": plan.version}
            if goal_form is None:
                goal_form = GoalForm(initial=initial)
            if action_form is None:
                action_form = ActionForm(initial=initial, colleagues=colleagues, goals=goals)
            context["goal_form"] = _rebase(goal_form, plan.version)
            context["action_form"] = _rebase(action_form, plan.version)
        return context

    def render_plan(self, request, page, status=200, **kwargs):
        context = self.plan_context(request, page, **kwargs)
        if request.htmx:
            # htmx swaps only 2xx answers: a conflict or an error is shown inside the swapped body.
            return render(request, "cases/plans/_plan_body.html", context)
        return render(request, "cases/plans/plan_detail.html", context, status=status)


class PlanDetailView(PlanPageMixin, PolicyRequiredMixin, View):
    """The household plan: summary, coordinator, goals and agreed actions (or a way to start one)."""

    permission = "cases.view_case"
    view_name = "cases:plan-detail"

    def get(self, request, household_public_id):
        return self.render_plan(request, self.read(request, household_public_id))


class PlanCreateView(PolicyRequiredMixin, View):
    """Start the household's plan (one household, one plan) with its coordinating worker."""

    permission = "cases.work_request"
    view_name = "cases:plan-create"

    def _render(self, request, page, form, status=200):
        context = {"page": page, "household": page.household, "form": form, "creating": True}
        return render(request, "cases/plans/plan_form.html", context, status=status)

    def _form(self, page, data=None):
        coordinators = plan_colleagues(household=page.household)["coordinators"]
        return PlanForm(data, coordinators=coordinators, with_version=False, initial={"coordinator": None})

    def get(self, request, household_public_id):
        page = plan_page(
            user=request.user, household_public_id=household_public_id, view=self.view_name, permission=WORK
        )
        if page.plan is not None:
            return redirect("cases:plan-detail", household_public_id=household_public_id)
        form = self._form(page)
        if form.fields["coordinator"].queryset.filter(pk=request.user.pk).exists():
            form.initial["coordinator"] = request.user.pk
        return self._render(request, page, form)

    def post(self, request, household_public_id):
        page = plan_page(
            user=request.user, household_public_id=household_public_id, view=self.view_name, permission=WORK
        )
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
                form.add_service_errors(error.message_dict)
            else:
                messages.success(request, _("Het plan is aangemaakt."))
                return redirect("cases:plan-detail", household_public_id=household_public_id)
        return self._render(request, page, form, status=400)


class PlanEditView(PolicyRequiredMixin, View):
    """Change summary and coordinator. Based on a version: a conflict shows both texts, keeps the user's."""

    permission = "cases.work_request"
    view_name = "cases:plan-edit"

    def _read(self, request, household_public_id):
        page = plan_page(
            user=request.user, household_public_id=household_public_id, view=self.view_name, permission=WORK
        )
        if page.plan is None:
            return page, None
        return page, plan_colleagues(household=page.household)["coordinators"]

    def _render(self, request, page, form, conflict=None, status=200):
        context = {"page": page, "household": page.household, "plan": page.plan, "form": form, "conflict": conflict}
        return render(request, "cases/plans/plan_form.html", context, status=status)

    def get(self, request, household_public_id):
        page, coordinators = self._read(request, household_public_id)
        if page.plan is None:
            return redirect("cases:plan-create", household_public_id=household_public_id)
        plan = page.plan
        initial = {"summary": plan.summary, "coordinator": plan.coordinator_id, "version": plan.version}
        return self._render(request, page, PlanForm(initial=initial, coordinators=coordinators))

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
                form = _rebase(PlanForm(request.POST, coordinators=coordinators), page.plan.version)
                return self._render(request, page, form, conflict=conflict, status=409)
            except ValidationError as error:
                form.add_service_errors(error.message_dict)
            else:
                messages.success(request, _("Het plan is opgeslagen."))
                return redirect("cases:plan-detail", household_public_id=household_public_id)
        return self._render(request, page, form, status=400)


class PlanChangeView(PlanPageMixin, PolicyRequiredMixin, View):
    """Base of the small plan changes (add a goal or an action, mark one reached or done): POST only."""

    permission = "cases.work_request"
    http_method_names = ["post"]

    def change(self, request, page, **kwargs):
        """Apply the change; return (form_name, form) to show again on errors, or None."""
        raise NotImplementedError

    def post(self, request, household_public_id, **kwargs):
        page = self.read(request, household_public_id, permission=WORK)
        if page.plan is None:
            return redirect("cases:plan-detail", household_public_id=household_public_id)
        forms = {}
        try:
            forms = self.change(request, page, **kwargs) or {}
        except PlanConflict as conflict:
            return self.render_plan(
                request,
                self.read(request, household_public_id),
                status=409,
                conflict=conflict,
                **self.mine(request, page),
            )
        if forms:
            return self.render_plan(request, page, status=400, **forms)
        if request.htmx:
            return self.render_plan(request, self.read(request, household_public_id))
        messages.success(request, self.success_message)
        return redirect("cases:plan-detail", household_public_id=household_public_id)

    def mine(self, request, page) -> dict:
        """The user's unsaved input, to show again after a conflict."""
        return {}


class GoalAddView(PlanChangeView):
    view_name = "cases:plan-goal-add"
    success_message = gettext_lazy("Het doel is toegevoegd.")

    def _form(self, request):
        return GoalForm(request.POST)

    def change(self, request, page):
        form = self._form(request)
        if not form.is_valid():
            return {"goal_form": form}
        try:
            goal_add(
                plan=page.plan,
                version=form.cleaned_data["version"],
                by=request.user,
                text=form.cleaned_data["text"],
                domain=form.cleaned_data["domain"],
            )
        except PlanConflict:
            raise
        except ValidationError as error:
            form.add_service_errors(error.message_dict)
            return {"goal_form": form}
        return None

    def mine(self, request, page):
        return {"goal_form": self._form(request), "mine": _("uw nieuwe doel staat nog in het formulier")}


class ActionAddView(PlanChangeView):
    view_name = "cases:plan-action-add"
    success_message = gettext_lazy("De afspraak is toegevoegd.")

    def _form(self, request, page):
        colleagues = plan_colleagues(household=page.household)["colleagues"]
        return ActionForm(request.POST, colleagues=colleagues, goals=list(page.plan.goals.all()))

    def change(self, request, page):
        form = self._form(request, page)
        if not form.is_valid():
            return {"action_form": form}
        data = form.cleaned_data
        try:
            action_add(
                plan=page.plan,
                version=data["version"],
                by=request.user,
                text=data["text"],
                due_date=data["due_date"],
                owner_user=data["owner_user"],
                owner_name=data["owner_name"],
                goal=form.goal_object,
            )
        except PlanConflict:
            raise
        except ValidationError as error:
            form.add_service_errors(error.message_dict)
            return {"action_form": form}
        return None

    def mine(self, request, page):
        return {"action_form": self._form(request, page), "mine": _("uw nieuwe afspraak staat nog in het formulier")}


def _item(items, pk):
    found = next((i for i in items if i.pk == pk), None)
    if found is None:
        raise Http404
    return found


class GoalAchieveView(PlanChangeView):
    view_name = "cases:plan-goal-achieve"
    success_message = gettext_lazy("Het doel is bijgewerkt.")

    def change(self, request, page, pk):
        goal = _item(page.plan.goals.all(), pk)
        goal.plan = page.plan
        form = VersionForm(request.POST)
        if not form.is_valid():
            raise PlanConflict(page.plan)
        goal_achieve(
            goal=goal, version=form.cleaned_data["version"], by=request.user, achieved=not form.cleaned_data["undo"]
        )


class ActionDoneView(PlanChangeView):
    view_name = "cases:plan-action-done"
    success_message = gettext_lazy("De afspraak is bijgewerkt.")

    def change(self, request, page, pk):
        action = _item(page.plan.actions.all(), pk)
        action.plan = page.plan
        form = VersionForm(request.POST)
        if not form.is_valid():
            raise PlanConflict(page.plan)
        action_done(
            action=action, version=form.cleaned_data["version"], by=request.user, done=not form.cleaned_data["undo"]
        )
