"""URL rules for care (merged into url_policy.URL_POLICY)."""

from .url_rules import CASE, GRANT, STAFF, TEAM, R, UrlRule, staff  # noqa: F401

# Carers: team roles, and grant roles for a resident shared under the carer_support category.
CARER_READERS = (*TEAM, *GRANT)
CARER_WRITERS = (*CASE, R.CENTRE_STAFF)

CARE_URLS: dict[str, UrlRule] = {
    "care:signal-list": staff(*TEAM),  # centre staff: the signals they reported
    "care:signal-create": staff(*TEAM),
    "care:signal-detail": staff(*CASE, public_id="care.Signal"),
    "care:signal-to-request": staff(*CASE, public_id="care.Signal"),
    "care:signal-to-watch": staff(*CASE, public_id="care.Signal"),
    "care:signal-close": staff(*CASE, public_id="care.Signal"),
    "care:watch-list": staff(*CASE),
    "care:watch-create": staff(*CASE, public_id="people.Resident"),
    "care:watch-detail": staff(*CASE, public_id="care.WatchContact"),
    "care:watch-log": staff(*CASE, public_id="care.WatchContact"),
    "care:watch-change": staff(*CASE, public_id="care.WatchContact"),
    "care:watch-end": staff(*CASE, public_id="care.WatchContact"),
    "care:carer-list": staff(*CARER_READERS),
    "care:carer-create": staff(*CARER_WRITERS, public_id="people.Resident"),
    "care:carer-detail": staff(*CARER_READERS, public_id="care.Carer"),
    "care:carer-strain": staff(*CARER_WRITERS, public_id="care.Carer"),
    "care:carer-refer": staff(*CARER_WRITERS, public_id="care.Carer"),
    "care:carer-received": staff(*CARER_WRITERS, public_id="care.Carer"),
    "api:signal-list": staff(*CASE),
    "api:signal-detail": staff(*CASE, public_id="care.Signal"),
    "api:watch-list": staff(*CASE),
    "api:watch-detail": staff(*CASE, public_id="care.WatchContact"),
    "api:watch-log": staff(*CASE, public_id="care.WatchContact"),
    "api:carer-list": staff(*CARER_READERS),
    "api:carer-detail": staff(*CARER_READERS, public_id="care.Carer"),
    "api:carer-strain": staff(*CARER_WRITERS, public_id="care.Carer"),
}
