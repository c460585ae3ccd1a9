"""What every URL pattern answers to every role: the declared policy the test suite checks.

The views enforce access through permissions (wijkkracht.access.rules); this table states what that
must amount to, per URL pattern and role. tests/access/test_url_matrix.py requests every pattern
as every role and compares; a URL pattern missing here fails the suite, so no endpoint can be
added without deciding who may use it. ``sample`` names the objects used to fill in URL arguments.
"""

from dataclasses import dataclass, field

from wijkkracht.accounts.roles import Role

OK = "ok"  # the view runs (200, a redirect that is not to the login page, or 405 for POST-only views)
FORBIDDEN = "forbidden"  # 403, or 404 where existence must not be revealed
LOGIN = "login"  # sent to the login page (403 for the API)

ANONYMOUS = "anonymous"
ROLES = tuple(Role.values)


@dataclass(frozen=True)
class UrlRule:
    anonymous: str
    allowed: frozenset
    others: str = FORBIDDEN
    sample: dict = field(default_factory=dict)

    def expectation(self, role: str) -> str:
        if role == ANONYMOUS:
            return self.anonymous
        return OK if role in self.allowed else self.others


def public(**sample) -> UrlRule:
    return UrlRule(anonymous=OK, allowed=frozenset(ROLES), sample=sample)


def staff(*roles, **sample) -> UrlRule:
    return UrlRule(anonymous=LOGIN, allowed=frozenset(roles), sample=sample)


def login_step(**sample) -> UrlRule:
    """The second login step: only reachable between password and code, so everyone else is sent to login."""
    return UrlRule(anonymous=LOGIN, allowed=frozenset(), others=LOGIN, sample=sample)


R = Role
RESIDENT_READERS = (R.WORKER, R.TEAM_LEAD, R.CENTRE_STAFF, R.SPECIALIST, R.ESCALATION_OFFICER)
BREAK_GLASS = (R.WORKER, R.TEAM_LEAD, R.SPECIALIST, R.ESCALATION_OFFICER)
STAFF = tuple(r for r in ROLES if r != R.VOLUNTEER)

URL_POLICY: dict[str, UrlRule] = {
    "core:home": staff(*ROLES),
    "core:health": public(),
    "set_language": public(),
    "accounts:login": public(),
    "accounts:verify": login_step(),
    "accounts:setup": login_step(),
    "accounts:logout": public(),
    "accounts:user-list": staff(R.FUNCTIONAL_ADMIN),
    "accounts:user-create": staff(R.FUNCTIONAL_ADMIN),
    "accounts:user-update": staff(R.FUNCTIONAL_ADMIN, pk="user"),
    "accounts:user-reset-2fa": staff(R.FUNCTIONAL_ADMIN, pk="user"),
    "people:resident-list": staff(*RESIDENT_READERS),
    "people:resident-export": staff(*RESIDENT_READERS),
    "people:resident-detail": staff(*RESIDENT_READERS, public_id="resident"),
    "people:resident-break-glass": staff(*BREAK_GLASS, public_id="resident"),
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
    "api:resident-detail": staff(*RESIDENT_READERS, public_id="resident"),
}
