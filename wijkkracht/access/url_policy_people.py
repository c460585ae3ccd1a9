"""URL rules for people (merged into url_policy.URL_POLICY)."""

from .url_rules import CASE, GRANT, RESIDENT_READERS, TEAM, UrlRule, staff

PEOPLE_URLS: dict[str, UrlRule] = {
    "people:resident-create": staff(*TEAM),
    "people:address-check": staff(*TEAM),
    "people:household-detail": staff(*RESIDENT_READERS, public_id="people.Household"),
    "people:resident-update": staff(*TEAM, public_id="people.Resident"),
    "people:resident-move": staff(*TEAM, public_id="people.Resident"),
    "people:resident-bsn": staff(*TEAM, public_id="people.Resident"),
    "people:resident-bsn-reveal": staff(*CASE, *GRANT, public_id="people.Resident"),
    "people:relation-add": staff(*TEAM, public_id="people.Resident"),
    "people:relation-remove": staff(*TEAM, public_id="people.Resident", pk="people.Relation"),
    "people:resident-merge": staff(*CASE, public_id="people.Resident"),
    "people:resident-merge-confirm": staff(*CASE, public_id="people.Resident", duplicate_id="duplicate"),
    "people:consent-list": staff(*RESIDENT_READERS, public_id="people.Resident"),
    "people:consent-create": staff(*CASE, public_id="people.Resident"),
    "people:consent-withdraw": staff(*CASE, public_id="people.Resident", pk="access.AccessGrant"),
    "people:consent-withdraw-all": staff(*CASE, public_id="people.Resident", organisation_id="grant_organisation"),
    "api:household-detail": staff(*RESIDENT_READERS, public_id="people.Household"),
    "api:resident-consent-list": staff(*RESIDENT_READERS, public_id="people.Resident"),
    "api:consent-withdraw": staff(*CASE, pk="access.AccessGrant"),
    # POST only: the roles allowed get 405 on GET, the others 403.
    "api:resident-merge": staff(*CASE, public_id="people.Resident"),
    "api:resident-bsn-reveal": staff(*CASE, *GRANT, public_id="people.Resident"),
}
