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
# Roles that do the case work itself: clarify, plan, log contacts, close, triage.
CASE_ROLES = (Role.WORKER, Role.TEAM_LEAD)
# Roles that read residents at all (through a team, or a grant to their organisation).
RESIDENT_READERS = (*TEAM_ROLES, *GRANT_ROLES)
# External accounts with a minimal reach: a GP (their own prescriptions), a provider (referrals to it).
EXTERNAL_ROLES = (Role.GP, Role.PROVIDER)
STAFF_ROLES = tuple(r for r in Role.values if r not in (Role.VOLUNTEER, *EXTERNAL_ROLES))
# Roles that see only records that are their own (``PersonalData.own``), never a team's, even as a team member.
OWN_ONLY_ROLES = (Role.VOLUNTEER,)

can_view_residents = is_fully_authenticated & has_role(*TEAM_ROLES, *GRANT_ROLES)

rules.add_perm("core.view_home", is_fully_authenticated)
rules.add_perm("people.view_resident", can_view_residents)
rules.add_perm("people.break_glass", is_fully_authenticated & has_role(*BREAK_GLASS_ROLES))
# Record residents and households, their relations and BSN (the team's own residents only: see scopes).
rules.add_perm("people.change_resident", is_fully_authenticated & has_role(*CASE_ROLES, Role.CENTRE_STAFF))
rules.add_perm("people.reveal_bsn", is_fully_authenticated & has_role(*CASE_ROLES, *GRANT_ROLES))
rules.add_perm("people.merge_residents", is_fully_authenticated & has_role(*CASE_ROLES))
rules.add_perm("people.manage_consent", is_fully_authenticated & has_role(*CASE_ROLES))

# Case work. Which requests, plans and contacts: access/scopes.py (team, or a grant for the category).
rules.add_perm("cases.view_case", can_view_residents)
rules.add_perm("cases.add_request", is_fully_authenticated & has_role(*CASE_ROLES, Role.CENTRE_STAFF))
rules.add_perm("cases.work_request", is_fully_authenticated & has_role(*CASE_ROLES))
rules.add_perm("cases.view_caseload", is_fully_authenticated & has_role(*TEAM_ROLES))
rules.add_perm("cases.view_team_board", is_fully_authenticated & has_role(*CASE_ROLES))
# The team lead divides the work: workload per worker, and reassigning from the team board.
rules.add_perm("cases.distribute_work", is_fully_authenticated & has_role(Role.TEAM_LEAD))

# Signals, pilot-light contacts, informal carers.
rules.add_perm("care.add_signal", is_fully_authenticated & has_role(*TEAM_ROLES))
rules.add_perm("care.triage_signal", is_fully_authenticated & has_role(*CASE_ROLES))
rules.add_perm("care.view_watch", is_fully_authenticated & has_role(*CASE_ROLES))
rules.add_perm("care.change_watch", is_fully_authenticated & has_role(*CASE_ROLES))
rules.add_perm("care.view_carer", can_view_residents)
rules.add_perm("care.change_carer", is_fully_authenticated & has_role(*CASE_ROLES, Role.CENTRE_STAFF))
rules.add_perm("areas.view_areas", is_fully_authenticated & has_role(*STAFF_ROLES))
rules.add_perm("organisations.manage", is_fully_authenticated & has_role(Role.FUNCTIONAL_ADMIN))
rules.add_perm("accounts.manage_users", is_fully_authenticated & has_role(Role.FUNCTIONAL_ADMIN))
rules.add_perm("audit.view_log", is_fully_authenticated & has_role(Role.PRIVACY_OFFICER))
rules.add_perm("monitoring.view_figures", is_fully_authenticated & has_role(Role.POLICY_ANALYST, Role.TEAM_LEAD))
rules.add_perm("accounts.view_own_profile", is_fully_authenticated)

# Volunteers and matching (wijkkracht/volunteers). Which records: access/scopes.py (team, or own for a volunteer).
VOLUNTEER_READERS = (*TEAM_ROLES, Role.VOLUNTEER_COORDINATOR)
rules.add_perm("volunteers.coordinate", is_fully_authenticated & has_role(Role.VOLUNTEER_COORDINATOR))
rules.add_perm("volunteers.view_volunteer", is_fully_authenticated & has_role(Role.VOLUNTEER_COORDINATOR))
rules.add_perm("volunteers.view_request", is_fully_authenticated & has_role(*VOLUNTEER_READERS))
rules.add_perm("volunteers.add_request", is_fully_authenticated & has_role(*TEAM_ROLES))
rules.add_perm("volunteers.view_match", is_fully_authenticated & has_role(*VOLUNTEER_READERS))
rules.add_perm("volunteers.volunteer_self", is_fully_authenticated & has_role(Role.VOLUNTEER))
rules.add_perm(
    "volunteers.view_figures",
    is_fully_authenticated & has_role(Role.VOLUNTEER_COORDINATOR, Role.POLICY_ANALYST, Role.TEAM_LEAD),
)


@rules.predicate
def is_active_account(user) -> bool:
    return bool(user and user.is_active)


# A volunteer's own records read through a secret link (the calendar feed, an e-mail's accept link): the
# link stands in for the login, so no second factor; the reads are logged with the volunteer as actor.
rules.add_perm("volunteers.read_by_link", is_active_account & has_role(Role.VOLUNTEER))


# The social map (public to read) and the collective provisions (issue 11; docs/provisions.md).
rules.add_perm("socialmap.change_resource", is_fully_authenticated & has_role(*TEAM_ROLES, Role.FUNCTIONAL_ADMIN))
rules.add_perm("socialmap.import_resources", is_fully_authenticated & has_role(Role.FUNCTIONAL_ADMIN))
# Provision pages and quick registration at a desk: team roles and (desk) volunteers.
rules.add_perm("provisions.view_provisions", is_fully_authenticated & has_role(*TEAM_ROLES, Role.VOLUNTEER))
rules.add_perm("provisions.log_question", is_fully_authenticated & has_role(*TEAM_ROLES, Role.VOLUNTEER))
rules.add_perm("provisions.manage_provisions", is_fully_authenticated & has_role(*TEAM_ROLES))
# Records about residents (group members, language help, prescriptions, rides, food bank, city pass):
# which ones by access/scopes.py (the owning team, or a grant for collective_provisions).
rules.add_perm("provisions.view_records", can_view_residents)
rules.add_perm("provisions.change_records", is_fully_authenticated & has_role(*TEAM_ROLES))
# Referrals to the social map: made by team roles, seen and answered by the receiving organisation too.
rules.add_perm("provisions.refer", is_fully_authenticated & has_role(*TEAM_ROLES))
rules.add_perm("provisions.view_referral", is_fully_authenticated & has_role(*RESIDENT_READERS, Role.PROVIDER))
rules.add_perm("provisions.report_referral", is_fully_authenticated & has_role(*TEAM_ROLES, Role.PROVIDER))
# Welzijn op Recept: the GP writes and sees their own prescriptions (scope "own").
rules.add_perm("provisions.prescribe", is_fully_authenticated & has_role(Role.GP))
# Ride service: drivers (volunteers) see their own rides; the calendar feed is opened by its secret link.
rules.add_perm("provisions.drive", is_fully_authenticated & has_role(Role.VOLUNTEER))
rules.add_perm("provisions.ride_feed", has_role(Role.VOLUNTEER) & rules.predicates.is_active)
