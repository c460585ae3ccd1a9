"""URL rules for people (merged into url_policy.URL_POLICY)."""

from .url_rules import CASE, GRANT, RESIDENT_READERS, TEAM, UrlRule, staff

PEOPLE_URLS: dict[str, UrlRule] = {
    "people:resident-create": staff(*TEAM),
    "people:address-check": staff(*TEAM),
    "people:household-detail": staff(*RESIDENT_READERS, public_id="household"),
    "people:resident-update": staff(*TEAM, public_id="resident"),
    "people:resident-move": staff(*TEAM, public_id="resident"),
    "people:resident-bsn": staff(*TEAM, public_id="resident"),
    "people:resident-bsn-reveal": staff(*CASE, *GRANT, public_id="resident"),
    "people:relation-add": staff(*TEAM, public_id="resident"),
    "people:relation-remove": staff(*TEAM, public_id="resident", pk="relation"),
    "people:resident-merge": staff(*CASE, public_id="resident"),
    "people:resident-merge-confirm": staff(*CASE, public_id="resident", duplicate_id="duplicate"),
    "people:consent-list": staff(*RESIDENT_READERS, public_id="resident"),
    "people:consent-create": staff(*CASE, public_id="resident"),
    "people:consent-withdraw": staff(*CASE, public_id="resident", pk="grant"),
    "people:consent-withdraw-all": staff(*CASE, public_id="resident", organisation_id="grant_organisation"),
    "api:household-detail": staff(*RESIDENT_READERS, public_id="household"),
    "api:resident-consent-list": staff(*RESIDENT_READERS, public_id="resident"),
    "api:consent-withdraw": staff(*CASE, pk="grant"),
}
