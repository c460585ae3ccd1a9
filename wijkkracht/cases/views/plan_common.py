"""What the plan pages share, as plain functions: reading the plan, its forms, and the answers they give.

Reads go through cases.selectors (policy applied, read logged). Plan changes are optimistically locked
(wijkkracht/cases/conflicts.py): on a conflict a page answers 409 and shows the plan as saved now, with the
user's own input still in the form, so nothing is lost and nothing is overwritten unseen.
"""

import uuid

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django_htmx.http import reswap, retarget

from wijkkracht.access.errors import NotFoundOrForbidden
from wijkkracht.cases.forms_plans import ActionForm, GoalForm
from wijkkracht.cases.selectors.plans import WORK, assessment_help_request_get, plan_colleagues, plan_page

from .requests import request_crumbs

VIEW_CASE = "cases.view_case"
ORIGIN = "hulpvraag"


# --- reading ------------------------------------------------------------------------------------


def read_plan(request, household_public_id, *, view: str, permission: str = VIEW_CASE):
    """The household and its plan (``page.plan`` may be None), read by the policy and logged; else 404."""
    return plan_page(user=request.user, household_public_id=household_public_id, view=view, permission=permission)


def read_plan_to_change(request, household_public_id, *, view: str):
    """The plan to change one goal or action of: read for case work, 404 when the household has no plan."""
    page = read_plan(request, household_public_id, view=view, permission=WORK)
    if page.plan is None:
        raise Http404
    return page


def find_item(items, pk: int, plan):
    """Goal or action ``pk`` among the plan's own, or None: an id of another household's plan is not found.

    The item is bound to the plan just read, so the service raises that plan's version in place.
    """
    item = next((i for i in items if i.pk == pk), None)
    if item is not None:
        item.plan = plan
    return item


# --- where the worker came from (?hulpvraag=<id>): breadcrumbs and the way back ----------------------


def plan_origin(request, page, *, view: str) -> dict:
    """The help request the plan page was opened from (of this household; read and logged), as
    breadcrumbs, a way back and the query string that keeps it on the plan's own links."""
    raw = request.GET.get(ORIGIN) or request.POST.get(ORIGIN) or ""
    help_request = None
    if raw:
        try:
            help_request = assessment_help_request_get(
                user=request.user, resident=None, public_id=uuid.UUID(raw), view=view, permission=VIEW_CASE
            )
        except (ValueError, NotFoundOrForbidden):
            help_request = None
        if help_request is not None and help_request.household_id != page.household.pk:
            help_request = None
    plan_url = reverse("cases:plan-detail", args=[page.household.public_id])
    if help_request is None:
        crumbs = [
            (_("Inwoners"), reverse("people:resident-list")),
            (page.household.address, reverse("people:household-detail", args=[page.household.public_id])),
        ]
        return {"origin": None, "origin_query": "", "crumbs": [*crumbs, (_("Plan"), plan_url)]}
    query = f"?{ORIGIN}={help_request.public_id}"
    return {
        "origin": help_request,
        "origin_query": query,
        "origin_url": reverse("cases:request-detail", args=[help_request.public_id]),
        "crumbs": [*request_crumbs(help_request), (_("Plan"), plan_url + query)],
    }


def origin_query(request) -> str:
    """``?hulpvraag=<id>`` when the form came from a plan page opened from a request (checked again there)."""
    raw = request.GET.get(ORIGIN) or request.POST.get(ORIGIN) or ""
    try:
        return f"?{ORIGIN}={uuid.UUID(raw)}"
    except ValueError:
        return ""


def to_plan(request, household_public_id):
    return redirect(reverse("cases:plan-detail", args=[household_public_id]) + origin_query(request))


def back_to_origin(origin: dict, household_public_id, *, anchor: str = "plan"):
    """After saving: back to the help request the worker came from (its support step), else the plan page."""
    help_request = origin.get("origin")
    if help_request is None:
        return redirect("cases:plan-detail", household_public_id=household_public_id)
    step = "" if help_request.status == "support" else "?stap=ondersteuning"
    return redirect(f"{origin['origin_url']}{step}#{anchor}")


# --- forms --------------------------------------------------------------------------------------


def action_form(page, data=None, *, initial=None, prefix: str = "action") -> ActionForm:
    """The agreed-action form, with the household's colleagues as owners and the plan's goals."""
    colleagues = plan_colleagues(household=page.household)["colleagues"]
    return ActionForm(data, initial=initial, colleagues=colleagues, goals=list(page.plan.goals.all()), prefix=prefix)


def rebase(form, version: int):
    """Keep the user's input but base it on the version saved now (after a conflict)."""
    if form is not None and form.is_bound:
        data = form.data.copy()
        data[form.add_prefix("version")] = str(version)
        form.data = data
    return form


# --- the plan page and its htmx body --------------------------------------------------------------


def plan_context(request, page, *, goal_form=None, action_form=None, conflict=None, mine=None) -> dict:
    """The plan page: the plan, and for case workers the forms for a new goal and action (on its version)."""
    plan = page.plan
    context = {"page": page, "plan": plan, "household": page.household, "conflict": conflict, "mine": mine}
    context["today"] = timezone.localdate()
    context["can_work"] = request.user.has_perm(WORK)
    if plan is not None and context["can_work"]:
        goals = list(plan.goals.all())
        colleagues = plan_colleagues(household=page.household)["colleagues"]
        initial = {"version": plan.version}
        if goal_form is None:
            goal_form = GoalForm(initial=initial)
        if action_form is None:
            action_form = ActionForm(initial=initial, colleagues=colleagues, goals=goals)
        context["goal_form"] = rebase(goal_form, plan.version)
        context["action_form"] = rebase(action_form, plan.version)
    return context


def render_plan(request, page, *, status: int = 200, view: str = "cases:plan-detail", **context):
    """The plan page, or with htmx only its body (htmx swaps only 2xx answers, so errors show inside it)."""
    context = plan_context(request, page, **context)
    context.update(plan_origin(request, page, view=view))
    if request.htmx:
        return render(request, "cases/plans/_plan_body.html", context)
    return render(request, "cases/plans/plan_detail.html", context, status=status)


def plan_changed(request, household_public_id, *, view: str, message: str):
    """After a small change from the plan page: with htmx the plan body as saved now, else back to the page."""
    if request.htmx:
        return render_plan(request, read_plan(request, household_public_id, view=view))
    messages.success(request, message)
    return to_plan(request, household_public_id)


# --- one goal or action: its own edit and remove pages --------------------------------------------


def item_context(page, item, *, kind: str, title: str, view: str, **extra) -> dict:
    return {
        "page": page,
        "plan": page.plan,
        "household": page.household,
        "item": item,
        "kind": kind,
        "title": title,
        "url_name": view,
        **extra,
    }


def _item_origin(request, page, *, view: str, title) -> dict:
    origin = plan_origin(request, page, view=view)
    origin["crumbs"] = [*origin["crumbs"], (title, request.get_full_path())]
    return origin


def render_item_edit(request, page, item, form, *, kind, title, view, conflict=None, status=200):
    """The edit form of one goal or action: its own page, or with htmx swapped into the plan page.

    On a conflict: 409 with the item as saved now above the user's input (with htmx 200 and the conflict
    inside the swapped form, as htmx swaps only 2xx answers).
    """
    context = item_context(page, item, kind=kind, title=title, view=view, form=form, conflict=conflict)
    context.update(_item_origin(request, page, view=view, title=title))
    context["inline"] = bool(request.htmx)
    if conflict is not None:
        context["mine"] = _("uw wijziging staat nog in het formulier")
    if request.htmx:
        return render(request, "cases/plans/_item_edit.html", context)
    return render(request, "cases/plans/item_form.html", context, status=status)


def item_saved(request, household_public_id, *, view: str, message: str):
    """After an edit: back to the plan page (with htmx: the plan body, retargeted to ``#plan-body``)."""
    if request.htmx:
        response = render_plan(request, read_plan(request, household_public_id, view=view))
        return reswap(retarget(response, "#plan-body"), "outerHTML")
    messages.success(request, message)
    return to_plan(request, household_public_id)


def render_item_remove(request, page, item, *, kind, title, view, conflict=None, status=200, **extra):
    """The confirmation page for removing one goal or action; after a conflict it asks again (409)."""
    context = item_context(page, item, kind=kind, title=title, view=view, conflict=conflict, **extra)
    context.update(_item_origin(request, page, view=view, title=title))
    if conflict is not None and item is not None:
        context["mine"] = _("er is nog niets verwijderd; bevestig hieronder opnieuw als het nog steeds weg moet")
    return render(request, "cases/plans/item_remove.html", context, status=status)


def item_removed(request, household_public_id, *, message: str):
    messages.success(request, message)
    return to_plan(request, household_public_id)
