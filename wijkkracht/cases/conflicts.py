"""The household plan's optimistic locking as the pages and the API see it: one version check for both.

Every change of a plan (its summary and coordinator, a goal, an agreed action) names the plan ``version`` it
was based on: a form's hidden field, or ``version`` in an API body. The services write with
``UPDATE ... WHERE version = <that version>`` and raise ``PlanConflict`` when someone saved in between. Two
questions come before that write, and ``plan_conflict`` answers them in one way for every page and API call:

- the request names no version: a conflict, since it is unknown what the user saw;
- the goal or action is not among the plan's own: when the caller's version is older than the plan's, it was
  there when the user's page was loaded and someone removed it since (a conflict); otherwise it never was in
  this plan (404, the same answer as for an id of another household's plan).

A conflict is answered with 409, the Dutch message of ``PlanConflict`` and the plan as saved now (read again
through the selectors, so that read is logged): the pages show it above the user's own input, which stays in
the form; the API returns it as ``current``.
"""

from django.http import Http404

from wijkkracht.cases.services.plans import PlanConflict


def version_from(value) -> int | None:
    """The plan version a request names (a form field, a query value), or None when it names none."""
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def plan_conflict(*, plan, version: int | None, item_found: bool = True) -> PlanConflict | None:
    """The conflict of a change based on ``version`` of ``plan`` (as just read), or None when it may be written.

    ``item_found=False``: the goal or action to change is not among the plan's own. Then the answer is a
    conflict when ``version`` is older than the plan (removed since), else ``Http404`` is raised.
    None means only "no conflict yet": the service checks the version again as it writes.
    """
    if not item_found:
        if version is None or version >= plan.version:
            raise Http404
        return PlanConflict(plan)
    if version is None:
        return PlanConflict(plan)
    return None
