"""What every URL pattern answers to every role: the declared policy the test suite checks.

The views enforce access through permissions (wijkkracht.access.rules); this table states what that
must amount to, per URL pattern and role. tests/access/test_url_matrix.py requests every pattern
as every role and compares; a URL pattern missing here fails the suite, so no endpoint can be
added without deciding who may use it. ``sample`` names the objects used to fill in URL arguments.
The rules for case work live in url_policy_*.py, one file per area, merged here.
"""

from .url_policy_care import CARE_URLS
from .url_policy_cases import CASES_URLS
from .url_policy_people import PEOPLE_URLS
from .url_policy_plans import PLAN_URLS
from .url_policy_provisions import PROVISIONS_URLS
from .url_policy_socialmap import SOCIALMAP_URLS
from .url_policy_volunteers import VOLUNTEER_URLS
from .url_policy_workspace import WORKSPACE_URLS
from .url_rules import (  # noqa: F401 (re-exported for the tests and the docs generator)
    ANONYMOUS,
    BREAK_GLASS,
    FORBIDDEN,
    LOGIN,
    OK,
    RESIDENT_READERS,
    ROLES,
    STAFF,
    R,
    UrlRule,
    login_step,
    public,
    staff,
)

BASE_URLS: dict[str, UrlRule] = {
    "core:home": staff(*ROLES),
    "core:health": public(),
    "set_language": public(),
    "accounts:login": public(),
    "accounts:verify": login_step(),
    "accounts:setup": login_step(),
    "accounts:logout": public(),
    "accounts:password-change": staff(*ROLES),
    "accounts:user-list": staff(R.FUNCTIONAL_ADMIN),
    "accounts:user-create": staff(R.FUNCTIONAL_ADMIN),
    "accounts:user-update": staff(R.FUNCTIONAL_ADMIN, pk="user"),
    "accounts:user-reset-2fa": staff(R.FUNCTIONAL_ADMIN, pk="user"),
    "people:resident-list": staff(*RESIDENT_READERS),
    "people:resident-export": staff(*RESIDENT_READERS),
    "people:resident-detail": staff(*RESIDENT_READERS, public_id="people.Resident"),
    "people:resident-break-glass": staff(*BREAK_GLASS, public_id="people.Resident"),
    "areas:neighbourhood-list": staff(R.FUNCTIONAL_ADMIN),
    "areas:postcode-area-create": staff(R.FUNCTIONAL_ADMIN),
    "areas:postcode-check": staff(*STAFF),
    "organisations:organisation-list": staff(R.FUNCTIONAL_ADMIN),
    "organisations:organisation-create": staff(R.FUNCTIONAL_ADMIN),
    "organisations:organisation-update": staff(R.FUNCTIONAL_ADMIN, pk="organisation"),
    "organisations:team-list": staff(R.FUNCTIONAL_ADMIN),
    "organisations:team-create": staff(R.FUNCTIONAL_ADMIN),
    "organisations:team-update": staff(R.FUNCTIONAL_ADMIN, pk="team"),
    "audit:log": staff(R.PRIVACY_OFFICER),
    "audit:flags": staff(R.PRIVACY_OFFICER),
    "audit:flag-review": staff(R.PRIVACY_OFFICER, pk="flag"),
    "api:schema": staff(*ROLES),
    "api:me": staff(*ROLES),
    "api:resident-list": staff(*RESIDENT_READERS),
    "api:resident-detail": staff(*RESIDENT_READERS, public_id="people.Resident"),
}

URL_POLICY: dict[str, UrlRule] = {
    **BASE_URLS,
    **PEOPLE_URLS,
    **CASES_URLS,
    **PLAN_URLS,
    **CARE_URLS,
    **WORKSPACE_URLS,
    **VOLUNTEER_URLS,
    **SOCIALMAP_URLS,
    **PROVISIONS_URLS,
}
