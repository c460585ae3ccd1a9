"""URL rules for cases (merged into url_policy.URL_POLICY): help requests, informal first, contacts, closing."""

from .url_rules import CASE, GRANT, STAFF, TEAM, R, UrlRule, staff  # noqa: F401

# cases.view_case: the team roles, and the grant roles for residents shared with them (help_requests).
CASE_READERS = (*TEAM, *GRANT)

CASES_URLS: dict[str, UrlRule] = {
    # pages
    "cases:request-list": staff(*CASE_READERS),
    "cases:request-create": staff(*TEAM, public_id="people.Resident"),
    "cases:request-detail": staff(*CASE_READERS, public_id="cases.HelpRequest"),
    "cases:request-status": staff(*CASE, public_id="cases.HelpRequest"),
    "cases:request-assign": staff(*CASE, public_id="cases.HelpRequest"),
    "cases:request-informal": staff(*CASE, public_id="cases.HelpRequest"),
    "cases:request-contact-create": staff(*CASE, public_id="cases.HelpRequest"),
    "cases:request-close": staff(*CASE, public_id="cases.HelpRequest"),
    "cases:request-reopen": staff(*CASE, public_id="cases.HelpRequest"),
    # API
    "api:request-list": staff(*CASE_READERS),
    "api:request-detail": staff(*CASE_READERS, public_id="cases.HelpRequest"),
    "api:request-status": staff(*CASE, public_id="cases.HelpRequest"),
    "api:request-informal": staff(*CASE, public_id="cases.HelpRequest"),
    "api:request-contacts": staff(*CASE_READERS, public_id="cases.HelpRequest"),
    "api:request-close": staff(*CASE, public_id="cases.HelpRequest"),
}
