"""URL rules for the social map (merged into url_policy.URL_POLICY): public to read, kept current by team roles
and functional admins, imported by functional admins."""

from .url_rules import ROLES, TEAM, R, UrlRule, public, staff

KEEPERS = (*TEAM, R.FUNCTIONAL_ADMIN)

SOCIALMAP_URLS: dict[str, UrlRule] = {
    "socialmap:search": public(),
    "socialmap:hsds-export": public(),
    "socialmap:resource-detail": public(public_id="socialmap.Resource"),
    "socialmap:resource-create": staff(*KEEPERS),
    "socialmap:resource-update": staff(*KEEPERS, public_id="socialmap.Resource"),
    "socialmap:resource-verify": staff(*KEEPERS, public_id="socialmap.Resource"),
    "socialmap:import": staff(R.FUNCTIONAL_ADMIN),
    "api:resource-list": staff(*ROLES),
    "api:resource-detail": staff(*ROLES, public_id="socialmap.Resource"),
    "api:hsds-services": staff(*ROLES),
}
