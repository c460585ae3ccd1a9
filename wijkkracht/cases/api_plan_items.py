"""API for one goal or one agreed action of a household plan: what the goal and action endpoints share.

The endpoints (api_plan_goals.py, api_plan_actions.py) use the same selector (``support_plan_get``: policy and
audit log) and services (``goal_add`` ... ``action_remove``: the rules, the Dutch messages, the version check as
they write) as the pages in cases/views/goals.py and actions.py. Every change names the plan ``version`` it is
based on, in the body (a DELETE: ``?version=``), and the one rule of wijkkracht/cases/conflicts.py,
``plan_conflict``, decides before the service writes, exactly as for the plan's PATCH and the pages: a stale
version answers 409 with the plan as saved now in ``current``; an id that is not among this plan's goals or
actions answers 404 (the same as another household's), or 409 when the caller's version is older than the
plan's (removed since). ``PlanConflict`` is a ValidationError: it is caught first.

A change answers the plan as saved now, with the new ``version`` the next change names; it is read again
through the policy, so that read is logged with the call. Errors are problem+json (core/api_errors.py).
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from rest_framework import serializers, status
from rest_framework.response import Response

from wijkkracht.access.errors import NotFoundOrForbidden
from wijkkracht.accounts.models import User
from wijkkracht.cases.api_plans import PLAN_CONFLICT, PlanSerializer
from wijkkracht.cases.conflicts import plan_conflict
from wijkkracht.cases.selectors.plans import WORK, support_plan_get
from wijkkracht.cases.services.assessments import DOMAIN_CHOICES
from wijkkracht.cases.services.plans import PlanConflict
from wijkkracht.core.api_errors import Conflict
from wijkkracht.core.api_params import Integer

VERSION = Integer(
    "version", minimum=1, required=True, description="De versie van het plan waarop het verwijderen is gebaseerd."
)
# What every change answers: the plan as saved now, or 409 with it in ``current``.
CHANGED = {200: PlanSerializer, 409: PLAN_CONFLICT}
CREATED = {201: PlanSerializer, 409: PLAN_CONFLICT}


# --- reading and writing ------------------------------------------------------------------------


def plan_read(request, household_public_id, view: str, permission: str = WORK):
    """The plan of the URL, read through the policy (404 when absent, without a plan or out of scope)."""
    return support_plan_get(
        user=request.user, household_public_id=household_public_id, view=view, permission=permission
    )


def plan_item(items, pk: int, plan):
    """Goal or action ``pk`` among the plan's own, or None; bound to the plan just read, so the service
    raises that plan's version in place (as the pages' ``find_item``)."""
    item = next((i for i in items if i.pk == pk), None)
    if item is not None:
        item.plan = plan
    return item


def plan_item_or_404(items, pk: int, plan):
    item = plan_item(items, pk, plan)
    if item is None:
        raise NotFoundOrForbidden
    return item


def plan_change(request, household_public_id, view: str, *, plan, version, write, item_found=True, location=None):
    """Write with ``write()`` unless the version is stale; answer the plan as saved now.

    ``plan_conflict`` first (an item missing from this plan: 409 when removed since ``version``, else 404),
    then the service, which checks the version again as it writes. The plan is read again through the
    policy (logged): the answer, or the 409's ``current``. ``location(result)``: the path of what was added
    (answered 201 with a ``Location`` header).
    """
    conflict = plan_conflict(plan=plan, version=version, item_found=item_found)
    result = None
    if conflict is None:
        try:
            result = write()
        except PlanConflict as error:  # a ValidationError too: caught first, answered 409
            conflict = error
    current = support_plan_get(user=request.user, household_public_id=household_public_id, view=view)
    if conflict is not None:
        raise Conflict(conflict.message, current=PlanSerializer(current).data) from None
    if location is None:
        return Response(PlanSerializer(current).data)
    return Response(
        PlanSerializer(current).data, status=status.HTTP_201_CREATED, headers={"Location": location(result)}
    )


def goal_of(plan, pk):
    """The goal an action is put under (None: no goal); it must be one of this plan's."""
    if pk is None:
        return None
    goal = plan_item(plan.goals.all(), pk, plan)
    if goal is None:
        raise ValidationError({"goal": _("Dit doel hoort niet bij dit plan.")})
    return goal


def owner_of(pk):
    """The colleague who does an action (None: someone else, named in ``owner_name``). Whether they work in
    the household's team is the service's rule."""
    if pk is None:
        return None
    owner = User.objects.filter(pk=pk, is_active=True).first()
    if owner is None:
        raise ValidationError({"owner_user": _("Deze collega werkt niet in het team van dit huishouden.")})
    return owner


def validated(serializer_class, request) -> dict:
    body = serializer_class(data=request.data)
    body.is_valid(raise_exception=True)
    return body.validated_data


# --- what the caller sends ----------------------------------------------------------------------

GOAL_TEXT = gettext_lazy("Beschrijf het doel.")
ACTION_TEXT = gettext_lazy("Beschrijf de afspraak.")


def _text(message, too_long, *, required: bool = True):
    return serializers.CharField(
        max_length=500,
        required=required,
        error_messages={"required": message, "blank": message, "max_length": too_long},
    )


class VersionSerializer(serializers.Serializer):
    version = serializers.IntegerField(min_value=1, help_text="The plan version this change is based on.")


class _Change(VersionSerializer):
    """A PATCH: only the fields it names change (``version`` is always needed)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            if name != "version":
                field.required = False
                field.default = serializers.empty


class GoalCreateSerializer(VersionSerializer):
    text = _text(GOAL_TEXT, gettext_lazy("Het doel is te lang (hoogstens 500 tekens)."))
    domain = serializers.ChoiceField(
        choices=DOMAIN_CHOICES,
        required=False,
        allow_blank=True,
        default="",
        help_text="The life domain; empty: none.",
        error_messages={"invalid_choice": gettext_lazy("Kies een bestaand leefgebied.")},
    )


class GoalChangeSerializer(_Change, GoalCreateSerializer):
    pass


class GoalAchieveSerializer(VersionSerializer):
    achieved = serializers.BooleanField(default=True, help_text="false: not reached after all (undo).")
    achieved_at = serializers.DateField(
        required=False, allow_null=True, help_text="The day it was reached; default today. Not in the future."
    )


class ActionCreateSerializer(VersionSerializer):
    text = _text(ACTION_TEXT, gettext_lazy("De afspraak is te lang (hoogstens 500 tekens)."))
    due_date = serializers.DateField(
        help_text="By when it is to be done.",
        error_messages={
            "required": gettext_lazy("Vul in wanneer de afspraak uiterlijk gedaan moet zijn."),
            "null": gettext_lazy("Vul in wanneer de afspraak uiterlijk gedaan moet zijn."),
            "invalid": gettext_lazy("Vul een geldige datum in."),
        },
    )
    owner_user = serializers.IntegerField(
        required=False, allow_null=True, default=None, help_text="User id of the colleague who does it, or null."
    )
    owner_name = serializers.CharField(
        required=False,
        allow_blank=True,
        default="",
        max_length=120,
        help_text="Who does it when it is not a colleague: inwoner, dochter, buurman.",
        error_messages={"max_length": gettext_lazy("De naam is te lang (hoogstens 120 tekens).")},
    )
    goal = serializers.IntegerField(
        required=False, allow_null=True, default=None, help_text="Id of the plan's goal it serves, or null."
    )


class ActionChangeSerializer(_Change, ActionCreateSerializer):
    """Naming ``owner_user`` or ``owner_name`` sets who does it; the other one is then cleared."""


class ActionDoneSerializer(VersionSerializer):
    done = serializers.BooleanField(default=True, help_text="false: reopen it.")
    done_at = serializers.DateField(
        required=False, allow_null=True, help_text="The day it was done; default today. Not in the future."
    )
