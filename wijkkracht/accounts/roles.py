from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    """What a user does. What each role may see is decided in wijkkracht.access, not here."""

    WORKER = "worker", _("wijkwerker")
    TEAM_LEAD = "team_lead", _("teamleider")
    VOLUNTEER_COORDINATOR = "volunteer_coordinator", _("vrijwilligerscoördinator")
    VOLUNTEER = "volunteer", _("vrijwilliger")
    CENTRE_STAFF = "centre_staff", _("medewerker wijkcentrum")
    SPECIALIST = "specialist", _("medewerker stedelijk team")
    ESCALATION_OFFICER = "escalation_officer", _("brandpuntfunctionaris")
    POLICY_ANALYST = "policy_analyst", _("beleidsmedewerker")
    PRIVACY_OFFICER = "privacy_officer", _("privacyfunctionaris")
    FUNCTIONAL_ADMIN = "functional_admin", _("functioneel beheerder")
    # External accounts with a minimal reach (issue 11): a GP who writes wellbeing prescriptions and sees
    # the outcome of their own; staff of a provider on the social map who report back on referrals to it.
    GP = "gp", _("huisarts (verwijzer)")
    PROVIDER = "provider", _("medewerker aanbieder")


# Roles that never see personal data of residents may log in with a password alone.
ROLES_WITHOUT_SECOND_FACTOR = frozenset({Role.POLICY_ANALYST})


def requires_second_factor(role: str) -> bool:
    return role not in ROLES_WITHOUT_SECOND_FACTOR
