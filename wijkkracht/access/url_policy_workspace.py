"""URL rules for workspace (merged into url_policy.URL_POLICY)."""

from .url_rules import CASE, GRANT, STAFF, TEAM, R, UrlRule, staff  # noqa: F401

WORKSPACE_URLS: dict[str, UrlRule] = {
    "workspace:caseload": staff(*TEAM),
    "workspace:team-board": staff(*CASE),
    # POST only (405 on GET for the team lead): reassign a request from the board.
    "workspace:team-board-assign": staff(R.TEAM_LEAD, public_id="cases.HelpRequest"),
    # Notifications: every role that reads case data has a list (their own); one opens only for its
    # recipient (the matrix worker), for everyone else it does not exist.
    "workspace:notification-list": staff(*TEAM, *GRANT),
    "workspace:notification-open": staff(R.WORKER, public_id="cases.Notification"),
}
