"""URL rules for the collective provisions (merged into url_policy.URL_POLICY), written out per role.

The samples are owned by the north team, as the matrix's worker, team lead and centre staff are; the
specialist organisation holds a grant for every category of the matrix's resident. Roles outside: the
volunteer (desk registration and their own rides only), the GP (their own prescriptions only: the
sample prescription is another GP's), the provider (referrals addressed to their organisation only: the
sample referral is not). The calendar feed and the one-time link answer only to their secret token, so
with the matrix's placeholder every role gets "not found".
"""

from .url_rules import ANONYMOUS, FORBIDDEN, GRANT, TEAM, R, UrlRule, staff  # noqa: F401

READERS = (*TEAM, *GRANT)


def token_only(**sample) -> UrlRule:
    """Opened by a secret in the address, not by a login: a wrong token is "not found" for everyone."""
    return UrlRule(anonymous=FORBIDDEN, allowed=frozenset(), sample=sample)


PROVISIONS_URLS: dict[str, UrlRule] = {
    "provisions:list": staff(*TEAM, R.VOLUNTEER),
    "provisions:detail": staff(*TEAM, pk="provisions.CollectiveProvision"),
    "provisions:figures": staff(R.TEAM_LEAD, R.POLICY_ANALYST),
    "provisions:session-create": staff(*TEAM),
    "provisions:session-detail": staff(*TEAM, pk="provisions.DeskSession"),
    "provisions:question-log": staff(*TEAM, R.VOLUNTEER),
    "provisions:question-detail": staff(*READERS, public_id="provisions.DeskQuestion"),
    "provisions:question-link": staff(*TEAM, public_id="provisions.DeskQuestion"),
    "provisions:group-create": staff(*TEAM),
    "provisions:group-detail": staff(*TEAM, pk="provisions.Group"),
    "provisions:group-meeting": staff(*TEAM, pk="provisions.Group"),
    "provisions:seeker-create": staff(*TEAM, public_id="people.Resident"),
    "provisions:member-detail": staff(*READERS, public_id="provisions.GroupMember"),
    "provisions:member-place": staff(*TEAM, public_id="provisions.GroupMember"),
    "provisions:member-leave": staff(*TEAM, public_id="provisions.GroupMember"),
    "provisions:language-list": staff(*READERS),
    "provisions:language-create": staff(*TEAM, public_id="people.Resident"),
    "provisions:language-detail": staff(*READERS, public_id="provisions.LanguageTrack"),
    "provisions:language-step": staff(*TEAM, public_id="provisions.LanguageTrack"),
    "provisions:prescription-list": staff(*READERS),
    "provisions:prescription-create": staff(*TEAM),
    "provisions:prescription-detail": staff(*READERS, public_id="provisions.WellbeingPrescription"),
    "provisions:prescription-step": staff(*TEAM, public_id="provisions.WellbeingPrescription"),
    "provisions:gp-list": staff(R.GP),
    "provisions:gp-create": staff(R.GP),
    "provisions:gp-detail": staff(public_id="provisions.WellbeingPrescription"),
    "provisions:ride-list": staff(*READERS),
    "provisions:ride-book": staff(*TEAM, public_id="people.Resident"),
    "provisions:ride-detail": staff(*READERS, public_id="provisions.RideBooking"),
    "provisions:ride-cancel": staff(*TEAM, public_id="provisions.RideBooking"),
    "provisions:vehicle-create": staff(*TEAM),
    "provisions:vehicle-day": staff(*TEAM, pk="provisions.Vehicle"),
    "provisions:driver-create": staff(*TEAM),
    "provisions:my-rides": staff(R.VOLUNTEER),
    "provisions:ride-feed": token_only(token="provisions.Driver"),  # noqa: S106 -- a sample label, no secret
    "provisions:referral-list": staff(*READERS, R.PROVIDER),
    "provisions:referral-create": staff(*TEAM, public_id="cases.HelpRequest"),
    "provisions:referral-detail": staff(*READERS, public_id="provisions.Referral"),
    "provisions:referral-report": staff(*TEAM, R.PROVIDER, public_id="provisions.Referral"),
    "provisions:referral-link": staff(*TEAM, public_id="provisions.Referral"),
    "provisions:referral-report-link": token_only(token="provisions.Referral"),  # noqa: S106 -- a sample label, no secret
    "provisions:foodbank-create": staff(*TEAM, public_id="people.Resident"),
    "provisions:foodbank-decide": staff(*TEAM, public_id="provisions.FoodBankReferral"),
    "provisions:citypass-record": staff(*TEAM, public_id="people.Resident"),
    "api:referral-list": staff(*READERS, R.PROVIDER),
    "api:referral-detail": staff(*READERS, public_id="provisions.Referral"),
    "api:referral-report": staff(*TEAM, R.PROVIDER, public_id="provisions.Referral"),
    "api:ride-booking-list": staff(*READERS),
    "api:ride-booking-detail": staff(*READERS, public_id="provisions.RideBooking"),
    "api:ride-booking-cancel": staff(*TEAM, public_id="provisions.RideBooking"),
    "api:prescription-list": staff(*READERS),
    "api:prescription-detail": staff(*READERS, public_id="provisions.WellbeingPrescription"),
    "api:question-list": staff(*TEAM, R.VOLUNTEER),
}
