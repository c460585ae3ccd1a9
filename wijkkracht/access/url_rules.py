"""The building blocks of the URL policy (url_policy.py): rules, expectations and role groups.

What every URL pattern answers to every role: the declared policy the test suite checks.

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
EXTERNAL = (R.GP, R.PROVIDER)
STAFF = tuple(r for r in ROLES if r not in (R.VOLUNTEER, *EXTERNAL))
TEAM = (R.WORKER, R.TEAM_LEAD, R.CENTRE_STAFF)
CASE = (R.WORKER, R.TEAM_LEAD)
GRANT = (R.SPECIALIST, R.ESCALATION_OFFICER)
