"""The cases app's tiles on the start page (registered in CasesConfig.ready): the worker's open requests
and agreed actions due. Each reads through cases.selectors (policy + audit log)."""

from wijkkracht.cases.selectors.today import OLD_AFTER_DAYS, my_due_actions, my_open_requests


def my_requests_tile(*, request) -> dict | None:
    user = request.user
    if not user.has_perm("cases.work_request"):
        return None
    return {**my_open_requests(user=user, view="core:home"), "old_after_days": OLD_AFTER_DAYS}


def my_actions_tile(*, request) -> dict | None:
    user = request.user
    if not user.has_perm("cases.work_request"):
        return None
    actions = my_due_actions(user=user, view="core:home")
    return {"actions": actions, "overdue": sum(1 for a in actions if a.is_overdue)}
