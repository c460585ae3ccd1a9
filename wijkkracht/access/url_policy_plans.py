"""URL rules for plans (merged into url_policy.URL_POLICY)."""

from .url_rules import CASE, GRANT, STAFF, TEAM, R, UrlRule, staff  # noqa: F401

PLAN_URLS: dict[str, UrlRule] = {}
