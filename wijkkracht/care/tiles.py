"""The care app's tiles on the start page (registered in CareConfig.ready): pilot-light contacts due for me,
new signals for my teams, and for who only reports signals (centre staff) a way to report and follow them."""

from django.utils import timezone

from wijkkracht.care import selectors


def watch_tile(*, request) -> dict | None:
    user = request.user
    if not user.has_perm("care.view_watch"):
        return None
    return {
        "watch": selectors.watch_due_list(user=user, view="core:home", owner=user, limit=5),
        "count": selectors.watch_due_count(user=user, owner=user),
        "today": timezone.localdate(),
    }


def signal_tile(*, request) -> dict | None:
    user = request.user
    if user.has_perm("care.triage_signal"):
        page = selectors.signal_page(user=user, view="core:home", status=selectors.SIGNAL_NEW, per_page=5)
        return {"triage": True, "signals": page.object_list, "count": page.paginator.count}
    if user.has_perm("care.add_signal"):
        page = selectors.signal_page_reported(user=user, view="core:home", per_page=5)
        return {"triage": False, "signals": page.object_list, "count": page.paginator.count}
    return None
