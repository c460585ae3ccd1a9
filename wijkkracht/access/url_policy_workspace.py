"""URL rules for workspace (merged into url_policy.URL_POLICY)."""

from .url_rules import CASE, GRANT, STAFF, TEAM, R, UrlRule, staff  # noqa: F401

WORKSPACE_URLS: dict[str, UrlRule] = {
    "workspace:caseload": staff(*TEAM),
    "workspace:team-board": staff(*CASE),
}
