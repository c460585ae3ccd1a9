"""URL rules for care (merged into url_policy.URL_POLICY)."""

from .url_rules import CASE, GRANT, STAFF, TEAM, R, UrlRule, staff  # noqa: F401

CARE_URLS: dict[str, UrlRule] = {}
