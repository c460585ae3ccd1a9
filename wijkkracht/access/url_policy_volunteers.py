"""URL rules for volunteering (merged into url_policy.URL_POLICY).

Written out per role: the public sign-up and the secret links answer everyone; the volunteer's own pages
only the volunteer (whose own match the sample is); the coordinator's pages only the coordinator; requests
for a volunteer and matches also the team that owns them (worker, team lead, centre staff of the north team).
"""

from .url_rules import TEAM, R, UrlRule, public, staff

COORD = (R.VOLUNTEER_COORDINATOR,)
TEAM_AND_COORD = (*TEAM, R.VOLUNTEER_COORDINATOR)
SELF = (R.VOLUNTEER,)

VOLUNTEER_URLS: dict[str, UrlRule] = {
    "volunteers:signup": public(),
    "volunteers:signup-done": public(),
    "volunteers:proposal-respond": public(token="proposal_token"),  # noqa: S106 (a sample name, not a secret)
    "volunteers:calendar-feed": public(token="calendar_token"),  # noqa: S106 (a sample name, not a secret)
    "volunteers:my": staff(*SELF),
    "volunteers:my-availability": staff(*SELF),
    "volunteers:my-calendar": staff(*SELF),
    "volunteers:my-match": staff(*SELF, public_id="volunteers.Match"),
    "volunteers:my-match-respond": staff(*SELF, public_id="volunteers.Match"),
    "volunteers:my-match-hours": staff(*SELF, public_id="volunteers.Match"),
    "volunteers:my-match-concern": staff(*SELF, public_id="volunteers.Match"),
    "volunteers:coordinator": staff(*COORD),
    "volunteers:volunteer-list": staff(*COORD),
    "volunteers:volunteer-create": staff(*COORD),
    "volunteers:skill-list": staff(*COORD),
    "volunteers:figures": staff(R.VOLUNTEER_COORDINATOR, R.POLICY_ANALYST, R.TEAM_LEAD),
    "volunteers:volunteer-detail": staff(*COORD, public_id="volunteers.Volunteer"),
    "volunteers:volunteer-update": staff(*COORD, public_id="volunteers.Volunteer"),
    "volunteers:volunteer-status": staff(*COORD, public_id="volunteers.Volunteer"),
    "volunteers:request-list": staff(*TEAM_AND_COORD),
    "volunteers:request-create": staff(*TEAM, public_id="people.Resident"),
    "volunteers:request-detail": staff(*TEAM_AND_COORD, public_id="volunteers.VolunteerRequest"),
    "volunteers:request-propose": staff(*COORD, public_id="volunteers.VolunteerRequest"),
    "volunteers:request-close": staff(*COORD, public_id="volunteers.VolunteerRequest"),
    "volunteers:batch": staff(*COORD),
    "volunteers:match-detail": staff(*TEAM_AND_COORD, public_id="volunteers.Match"),
    "volunteers:match-action": staff(*COORD, public_id="volunteers.Match"),
    "api:volunteer-list": staff(*COORD),
    "api:volunteer-detail": staff(*COORD, public_id="volunteers.Volunteer"),
    "api:volunteer-request-list": staff(*TEAM_AND_COORD),
    "api:volunteer-request-candidates": staff(*COORD, public_id="volunteers.VolunteerRequest"),
    "api:match-list": staff(*COORD),
    "api:my-match-list": staff(*SELF),
    "api:my-match-hours": staff(*SELF, public_id="volunteers.Match"),
}
