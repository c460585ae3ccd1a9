"""The help request (hulpvraag): intake, clarification, support, closing; and the informal-first step."""

import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wijkkracht.core.personal_data import DataCategory, PersonalData
from wijkkracht.core.references import ShortReference
from wijkkracht.organisations.models import Team
from wijkkracht.people.models import Household, Resident


class Channel(models.TextChoices):
    WALK_IN = "walk_in", _("binnenloop")
    PHONE = "phone", _("telefoon")
    ONLINE = "online", _("online")
    OUTREACH = "outreach", _("outreach (erop af)")
    GP_REFERRAL = "gp_referral", _("verwijzing huisarts")
    PARTNER_REFERRAL = "partner_referral", _("verwijzing partner")
    FIND_PLACE = "find_place", _("vindplaats (school, wijkcentrum)")


class SolutionPath(models.TextChoices):
    OWN_NETWORK = "own_network", _("eigen netwerk")
    VOLUNTEER = "volunteer", _("vrijwilliger")
    NEIGHBOUR_HELP = "neighbour_help", _("burenhulp")
    COLLECTIVE_PROVISION = "collective_provision", _("collectieve voorziening")
    SOCIAL_MAP_REFERRAL = "social_map_referral", _("verwijzing sociale kaart")
    WMO_PROVISION = "wmo_provision", _("Wmo-maatwerkvoorziening")
    WARM_HANDOVER = "warm_handover", _("warme overdracht")
    ADVICE_ONLY = "advice_only", _("alleen advies")


# The informal options the worker must weigh before choosing a formal path (the informal-first step).
INFORMAL_OPTIONS = (
    SolutionPath.OWN_NETWORK,
    SolutionPath.VOLUNTEER,
    SolutionPath.NEIGHBOUR_HELP,
    SolutionPath.COLLECTIVE_PROVISION,
)
# Paths that count towards the informal share (voorveld): solved without an individual formal provision.
INFORMAL_PATHS = frozenset({*INFORMAL_OPTIONS, SolutionPath.SOCIAL_MAP_REFERRAL})
# Formal paths: only after the informal-first step. See docs/adr/0009-informal-share.md.
FORMAL_PATHS = frozenset({SolutionPath.WMO_PROVISION, SolutionPath.WARM_HANDOVER})


class Outcome(models.TextChoices):
    SOLVED = "solved", _("opgelost")
    PARTLY_SOLVED = "partly_solved", _("deels opgelost")
    NOT_SOLVED = "not_solved", _("niet opgelost")
    WITHDRAWN = "withdrawn", _("ingetrokken door inwoner")


class HelpRequest(ShortReference, models.Model):
    """One question for help, from intake to closing. Statuses move intake → clarification → support → closed."""

    class Status(models.TextChoices):
        INTAKE = "intake", _("aanmelding")
        CLARIFICATION = "clarification", _("vraagverheldering")
        SUPPORT = "support", _("ondersteuning")
        CLOSED = "closed", _("afgesloten")

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    resident = models.ForeignKey(Resident, on_delete=models.PROTECT, related_name="help_requests")
    household = models.ForeignKey(Household, on_delete=models.PROTECT, related_name="help_requests")
    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="help_requests")
    channel = models.CharField(_("kanaal"), max_length=20, choices=Channel.choices)
    question = models.TextField(_("vraag in eigen woorden"), max_length=4000)
    # A request made from a signal, before anyone spoke with the resident: the question is the reporter's
    # concern, and this says whose words they are ("huisarts (dr. Jansen)"). Empty: the resident's words.
    reported_by = models.CharField(_("aanleiding gemeld door"), max_length=200, blank=True)
    received_at = models.DateTimeField(_("ontvangen op"), default=timezone.now)
    taken_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("aangenomen door")
    )
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="assigned_requests",
        verbose_name=_("behandelaar"),
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.INTAKE)
    status_changed_at = models.DateTimeField(default=timezone.now)
    # Closing
    closed_at = models.DateTimeField(_("afgesloten op"), null=True, blank=True)
    closed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+")
    outcome = models.CharField(_("uitkomst"), max_length=20, choices=Outcome.choices, blank=True)
    outcome_note = models.TextField(_("toelichting uitkomst"), max_length=2000, blank=True)
    rating = models.PositiveSmallIntegerField(
        _("rapportcijfer van de inwoner"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(10)],
    )
    # Set by closing: solved with at least one informal path and no formal one (the voorveld figure).
    solved_informally = models.BooleanField(null=True, editable=False)

    personal_data = PersonalData(
        category=DataCategory.HELP_REQUESTS,
        resident="resident",
        team="team",
        handler="assigned_to",
        fields=("question", "channel", "received_at", "status", "assigned_to", "informal_checks", "solutions"),
        permission="cases.view_case",
    )

    class Meta:
        verbose_name = _("hulpvraag")
        verbose_name_plural = _("hulpvragen")
        ordering = ["-received_at"]
        indexes = [
            models.Index(fields=["team", "status"]),
            models.Index(fields=["assigned_to", "status"]),
            models.Index(fields=["received_at"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(rating__isnull=True) | models.Q(rating__gte=1, rating__lte=10),
                name="help_request_rating_1_10",
            ),
        ]

    def __str__(self):
        return f"Hulpvraag {self.reference}"

    @property
    def is_open(self) -> bool:
        return self.status != self.Status.CLOSED


class RequestSolution(models.Model):
    """One solution path a closed request was solved by (a request may have several)."""

    help_request = models.ForeignKey(HelpRequest, on_delete=models.CASCADE, related_name="solutions")
    path = models.CharField(_("oplossingsroute"), max_length=30, choices=SolutionPath.choices)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["help_request", "path"], name="request_solution_unique")]

    def __str__(self):
        return self.path


class InformalCheck(models.Model):
    """The informal-first step: one informal option weighed for a request, and why it does not fit."""

    help_request = models.ForeignKey(HelpRequest, on_delete=models.CASCADE, related_name="informal_checks")
    option = models.CharField(_("informele mogelijkheid"), max_length=30, choices=SolutionPath.choices)
    fits = models.BooleanField(_("past"), default=False)
    reason = models.TextField(_("waarom dit niet past"), max_length=1000, blank=True)
    checked_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    checked_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["help_request", "option"], name="informal_check_unique")]

    def __str__(self):
        return f"{self.option}: {'past' if self.fits else 'past niet'}"
