"""The workspace's tiles on the start page (registered in WorkspaceConfig.ready): what needs the user
(notifications), and for the team lead how the work is divided over the team."""

from wijkkracht.care import selectors as care_selectors
from wijkkracht.cases.selectors.notifications import notification_unread_count, notification_unread_list

from . import selectors
from .views_notifications import with_links


def notification_tile(*, request) -> dict | None:
    user = request.user
    if not user.has_perm("cases.view_case"):
        return None
    return {
        "notifications": with_links(notification_unread_list(user=user, view="core:home")),
        "count": notification_unread_count(user=user),
    }


def team_tile(*, request) -> dict | None:
    """The team lead's team: open requests per worker, unassigned requests, overdue pilot-light contacts."""
    user = request.user
    if not user.has_perm("cases.distribute_work"):
        return None
    teams = selectors.board_teams(user=user)
    if not teams:
        return None
    team = teams[0]
    return {
        "team": team,
        "workload": selectors.team_workload(user=user, team=team),
        "unassigned": selectors.unassigned_count(user=user, team=team),
        "overdue_watch": care_selectors.watch_due_count(user=user, team=team, overdue_only=True),
    }
