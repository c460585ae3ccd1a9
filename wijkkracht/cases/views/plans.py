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
from django_htmx.http import reswap, retarget

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
    action_remove,
    action_update,
    goal_achieve,
    goal_add,
    goal_remove,
    goal_update,
    support_plan_create,
    support_plan_update,
)
from wijkkracht.core.forms import form_apply_errors
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
                form_apply_errors(form, error)
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
                form_apply_errors(form, error)
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
                form_apply_errors(form, error)
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
            form_apply_errors(form, error)
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
            form_apply_errors(form, error)
            return {"action_form": form}
        return None

    def mine(self, request, page):
        return {"action_form": self._form(request, page), "mine": _("uw nieuwe afspraak staat nog in het formulier")}


def _item(items, pk):
    found = next((i for i in items if i.pk == pk), None)
    if found is None:
        raise Http404
    return found


class ItemToggleView(PlanChangeView):
    """Mark one goal reached or one action done (or undo it), on the plan version the form was based on.

    Subclasses name the plan's related items, the service and its keyword arguments.
    """

    related = ""  # "goals" or "actions"
    item_arg = ""  # the service's keyword for the item
    flag_arg = ""  # the service's keyword for the new state
    toggle = None  # the service (staticmethod)

    def change(self, request, page, pk):
        item = _item(getattr(page.plan, self.related).all(), pk)
        item.plan = page.plan
        form = VersionForm(request.POST)
        if not form.is_valid():
            raise PlanConflict(page.plan)
        self.toggle(
            **{self.item_arg: item, self.flag_arg: not form.cleaned_data["undo"]},
            version=form.cleaned_data["version"],
            by=request.user,
        )


class GoalAchieveView(ItemToggleView):
    view_name = "cases:plan-goal-achieve"
    success_message = gettext_lazy("Het doel is bijgewerkt.")
    related, item_arg, flag_arg, toggle = "goals", "goal", "achieved", staticmethod(goal_achieve)


class ActionDoneView(ItemToggleView):
    view_name = "cases:plan-action-done"
    success_message = gettext_lazy("De afspraak is bijgewerkt.")
    related, item_arg, flag_arg, toggle = "actions", "action", "done", staticmethod(action_done)


# --- editing and removing one goal or action ------------------------------------------------------


class PlanItemMixin(PlanPageMixin):
    """One goal or agreed action of a plan, read through the plan (policy applied, members logged).

    A goal or action is found among the plan's own, so an id of another household's plan is not found (404).
    """

    permission = "cases.work_request"
    kind = ""  # "goal" or "action"

    def items(self, plan) -> list:
        raise NotImplementedError

    def load(self, request, household_public_id):
        page = self.read(request, household_public_id, permission=WORK)
        if page.plan is None:
            raise Http404
        return page

    def find(self, page, pk):
        item = next((i for i in self.items(page.plan) if i.pk == pk), None)
        if item is not None:
            item.plan = page.plan  # the plan just read: the service bumps its version in place
        return item

    @staticmethod
    def posted_version(request, field: str = "version"):
        try:
            return int(request.POST.get(field, ""))
        except ValueError:
            return None

    def base_context(self, page, item, **kwargs) -> dict:
        return {
            "page": page,
            "plan": page.plan,
            "household": page.household,
            "item": item,
            "kind": self.kind,
            "title": self.title,
            "url_name": self.view_name,
            **kwargs,
        }


class PlanItemEditView(PlanItemMixin, PolicyRequiredMixin, View):
    """Change a goal's or an action's text, owner, date or domain. GET: the form; POST: save.

    Based on the plan version: a conflict answers 409 with the item as saved now and the user's input kept
    (with htmx: 200 and the conflict inside the swapped form, as htmx swaps only 2xx answers). Saved: back to
    the plan page (with htmx: the plan body, retargeted to ``#plan-body``).
    """

    success_message = ""
    mine_message = gettext_lazy("uw wijziging staat nog in het formulier")

    def form(self, page, pk, data=None, initial=None):
        raise NotImplementedError

    def initial(self, item) -> dict:
        raise NotImplementedError

    def save(self, request, item, form) -> None:
        raise NotImplementedError

    def render_item(self, request, page, item, form, *, conflict=None, status=200):
        context = self.base_context(page, item, form=form, conflict=conflict, inline=bool(request.htmx))
        if conflict is not None:
            context["mine"] = self.mine_message
        if request.htmx:
            return render(request, "cases/plans/_item_edit.html", context)
        return render(request, "cases/plans/item_form.html", context, status=status)

    def get(self, request, household_public_id, pk):
        page = self.load(request, household_public_id)
        item = self.find(page, pk)
        if item is None:
            raise Http404
        initial = {**self.initial(item), "version": page.plan.version}
        return self.render_item(request, page, item, self.form(page, pk, initial=initial))

    def post(self, request, household_public_id, pk):
        page = self.load(request, household_public_id)
        item = self.find(page, pk)
        form = self.form(page, pk, data=request.POST)
        if item is None:
            # Removed by someone else since the user's page was loaded: say so, keep the input on screen.
            version = self.posted_version(request, form.add_prefix("version"))
            if version is None or version >= page.plan.version:
                raise Http404
            form = _rebase(form, page.plan.version)
            return self.render_item(request, page, None, form, conflict=PlanConflict(page.plan), status=409)
        if form.is_valid():
            try:
                self.save(request, item, form)
            except PlanConflict as conflict:
                # Read the plan as saved now (logged) and offer the user's input again on top of it.
                page = self.load(request, household_public_id)
                item = self.find(page, pk)
                form = _rebase(self.form(page, pk, data=request.POST), page.plan.version)
                return self.render_item(request, page, item, form, conflict=conflict, status=409)
            except ValidationError as error:
                form_apply_errors(form, error)
            else:
                if request.htmx:
                    response = self.render_plan(request, self.read(request, household_public_id))
                    return reswap(retarget(response, "#plan-body"), "outerHTML")
                messages.success(request, self.success_message)
                return redirect("cases:plan-detail", household_public_id=household_public_id)
        return self.render_item(request, page, item, form, status=400)


class GoalEditView(PlanItemEditView):
    view_name = "cases:goal-edit"
    kind = "goal"
    title = gettext_lazy("Doel wijzigen")
    success_message = gettext_lazy("Het doel is gewijzigd.")

    def items(self, plan):
        return plan.goals.all()

    def form(self, page, pk, data=None, initial=None):
        return GoalForm(data, initial=initial, prefix=f"goal-{pk}")

    def initial(self, item):
        return {"text": item.text, "domain": item.domain}

    def save(self, request, item, form):
        data = form.cleaned_data
        goal_update(goal=item, version=data["version"], by=request.user, text=data["text"], domain=data["domain"])


class ActionEditView(PlanItemEditView):
    view_name = "cases:action-edit"
    kind = "action"
    title = gettext_lazy("Afspraak wijzigen")
    success_message = gettext_lazy("De afspraak is gewijzigd.")

    def items(self, plan):
        return plan.actions.all()

    def form(self, page, pk, data=None, initial=None):
        colleagues = plan_colleagues(household=page.household)["colleagues"]
        goals = list(page.plan.goals.all())
        return ActionForm(data, initial=initial, colleagues=colleagues, goals=goals, prefix=f"action-{pk}")

    def initial(self, item):
        return {
            "text": item.text,
            "owner_user": item.owner_user_id,
            "owner_name": item.owner_name,
            "due_date": item.due_date,
            "goal": item.goal_id,
        }

    def save(self, request, item, form):
        data = form.cleaned_data
        action_update(
            action=item,
            version=data["version"],
            by=request.user,
            text=data["text"],
            due_date=data["due_date"],
            owner_user=data["owner_user"],
            owner_name=data["owner_name"],
            goal=form.goal_object,
        )


class PlanItemRemoveView(PlanItemMixin, PolicyRequiredMixin, View):
    """Remove a goal or an action: GET asks for confirmation, POST removes (based on the plan version).

    When the plan changed in between, nothing is removed: the page shows the item as saved now and asks again.
    """

    success_message = ""

    def remove(self, request, item, version) -> None:
        raise NotImplementedError

    def render_remove(self, request, page, item, *, conflict=None, status=200):
        context = self.base_context(page, item, conflict=conflict)
        if conflict is not None and item is not None:
            context["mine"] = _("er is nog niets verwijderd; bevestig hieronder opnieuw als het nog steeds weg moet")
        return render(request, "cases/plans/item_remove.html", context, status=status)

    def get(self, request, household_public_id, pk):
        page = self.load(request, household_public_id)
        item = self.find(page, pk)
        if item is None:
            raise Http404
        return self.render_remove(request, page, item)

    def post(self, request, household_public_id, pk):
        page = self.load(request, household_public_id)
        item = self.find(page, pk)
        version = self.posted_version(request)
        if item is None:
            if version is None or version >= page.plan.version:
                raise Http404
            return self.render_remove(request, page, None, conflict=PlanConflict(page.plan), status=409)
        try:
            if version is None:
                raise PlanConflict(page.plan)
            self.remove(request, item, version)
        except PlanConflict as conflict:
            page = self.load(request, household_public_id)
            return self.render_remove(request, page, self.find(page, pk), conflict=conflict, status=409)
        messages.success(request, self.success_message)
        return redirect("cases:plan-detail", household_public_id=household_public_id)


class GoalRemoveView(PlanItemRemoveView):
    view_name = "cases:goal-remove"
    kind = "goal"
    title = gettext_lazy("Doel verwijderen")
    success_message = gettext_lazy("Het doel is verwijderd.")

    def items(self, plan):
        return plan.goals.all()

    def base_context(self, page, item, **kwargs):
        context = super().base_context(page, item, **kwargs)
        if item is not None:
            context["linked_actions"] = [a for a in page.plan.actions.all() if a.goal_id == item.pk]
        return context

    def remove(self, request, item, version):
        goal_remove(goal=item, version=version, by=request.user)


class ActionRemoveView(PlanItemRemoveView):
    view_name = "cases:action-remove"
    kind = "action"
    title = gettext_lazy("Afspraak verwijderen")
    success_message = gettext_lazy("De afspraak is verwijderd.")

    def items(self, plan):
        return plan.actions.all()

    def remove(self, request, item, version):
        action_remove(action=item, version=version, by=request.user)
