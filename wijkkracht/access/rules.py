"""The access policy: every permission in wijkkracht, decided here and nowhere else.

Views, API endpoints, exports and commands name a permission; django-rules evaluates it through
``user.has_perm(name)``. Which *records* a user may see is decided by ``wijkkracht.access.scopes``,
the same for lists and single objects. docs/access-model.md explains the model.
"""

import rules

from wijkkracht.accounts.roles import Role


def has_role(*roles: str):
    names = "_".join(sorted(roles))

    @rules.predicate(name=f"has_role_{names}")
    def _has_role(user) -> bool:
        return getattr(user, "role", None) in roles

    return _has_role


@rules.predicate
def is_fully_authenticated(user) -> bool:
    """Logged in, and past the second factor where the role needs one."""
    return bool(user and user.is_authenticated and user.is_active and user.is_fully_authenticated())


# Roles whose members work in teams and see the residents of their own teams' neighbourhoods.
TEAM_ROLES = (Role.WORKER, Role.TEAM_LEAD, Role.CENTRE_STAFF)
# Roles outside the teams who see a resident only when shared with their organisation (AccessGrant).
GRANT_ROLES = (Role.SPECIALIST, Role.ESCALATION_OFFICER)
# Roles that may open a resident outside their need-to-know with a stated reason (break the glass).
BREAK_GLASS_ROLES = (Role.WORKER, Role.TEAM_LEAD, Role.SPECIALIST, Role.ESCALATION_OFFICER)
STAFF_ROLES = tuple(r for r in Role.values if r != Role.VOLUNTEER)

can_view_residents = is_fully_authenticated & has_role(*TEAM_ROLES, *GRANT_ROLES)

rules.add_perm("core.view_home", is_fully_authenticated)
rules.add_perm("people.view_resident", can_view_residents)
rules.add_perm("people.break_glass", is_fully_authenticated & has_role(*BREAK_GLASS_ROLES))
rules.add_perm("areas.view_areas", is_fully_authenticated & has_role(*STAFF_ROLES))
rules.add_perm("organisations.manage", is_fully_authenticated & has_role(Role.FUNCTIONAL_ADMIN))
rules.add_perm("accounts.manage_users", is_fully_authenticated & has_role(Role.FUNCTIONAL_ADMIN))
rules.add_perm("audit.view_log", is_fully_authenticated & has_role(Role.PRIVACY_OFFICER))
rules.add_perm("monitoring.view_figures", is_fully_authenticated & has_role(Role.POLICY_ANALYST, Role.TEAM_LEAD))
rules.add_perm("accounts.view_own_profile", is_fully_authenticated)
