"""URL rules for care (merged into url_policy.URL_POLICY)."""

from .url_rules import CASE, GRANT, STAFF, TEAM, R, UrlRule, staff  # noqa: F401

# Carers: team roles, and grant roles for a resident shared under the carer_support category.
CARER_READERS = (*TEAM, *GRANT)
CARER_WRITERS = (*CASE, R.CENTRE_STAFF)

CARE_URLS: dict[str, UrlRule] = {
    "care:signal-list": staff(*CASE),
    "care:signal-create": staff(*TEAM),
    "care:signal-detail": staff(*CASE, public_id="signal"),
    "care:signal-to-request": staff(*CASE, public_id="signal"),
    "care:signal-to-watch": staff(*CASE, public_id="signal"),
    "care:signal-close": staff(*CASE, public_id="signal"),
    "care:watch-list": staff(*CASE),
    "care:watch-create": staff(*CASE, public_id="resident"),
    "care:watch-detail": staff(*CASE, public_id="watch"),
    "care:watch-log": staff(*CASE, public_id="watch"),
    "care:watch-change": staff(*CASE, public_id="watch"),
    "care:watch-end": staff(*CASE, public_id="watch"),
    "care:carer-list": staff(*CARER_READERS),
    "care:carer-create": staff(*CARER_WRITERS, public_id="resident"),
    "care:carer-detail": staff(*CARER_READERS, public_id="carer"),
    "care:carer-strain": staff(*CARER_WRITERS, public_id="carer"),
    "care:carer-refer": staff(*CARER_WRITERS, public_id="carer"),
    "care:carer-received": staff(*CARER_WRITERS, public_id="carer"),
    "api:signal-list": staff(*CASE),
    "api:signal-detail": staff(*CASE, public_id="signal"),
    "api:watch-list": staff(*CASE),
    "api:watch-detail": staff(*CASE, public_id="watch"),
    "api:watch-log": staff(*CASE, public_id="watch"),
    "api:carer-list": staff(*CARER_READERS),
    "api:carer-detail": staff(*CARER_READERS, public_id="carer"),
    "api:carer-strain": staff(*CARER_WRITERS, public_id="carer"),
}
