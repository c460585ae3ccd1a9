"""Collective provisions (algemene voorzieningen) and the questions asked at their desks.

A ``CollectiveProvision`` is one offer of a team or community centre: the administrative help desk, the
friendship groups, language help, the information point, Welzijn op Recept, the Max-mobiel, the food bank
desk. The desk and the information point hold ``DeskSession`` s; every visitor's question is a
``DeskQuestion``, anonymous unless the visitor agrees to leave their name (``consent_at``).
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wijkkracht.core.personal_data import DataCategory, PersonalData
from wijkkracht.core.references import ShortReference
from wijkkracht.organisations.models import Team
from wijkkracht.people.models import Resident
from wijkkracht.socialmap.models import Resource


class CollectiveProvision(models.Model):
    class Kind(models.TextChoices):
        DESK = "desk", _("administratief spreekuur")
        GROUPS = "groups", _("vriendenkringen")
        LANGUAGE = "language", _("taalhulp (Doe mee met taal)")
        INFO_POINT = "info_point", _("informatiepunt")
        WELLBEING = "wellbeing", _("Welzijn op Recept")
        RIDES = "rides", _("Max-mobiel (vervoer)")
        FOOD_BANK = "food_bank", _("Voedselloket")

    kind = models.CharField(_("soort"), max_length=20, choices=Kind.choices)
    name = models.CharField(_("naam"), max_length=150)
    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="provisions", verbose_name=_("team"))
    place = models.CharField(_("plek"), max_length=200, blank=True)
    description = models.TextField(_("omschrijving"), blank=True)
    phone = models.CharField(_("telefoon"), max_length=30, blank=True)
    # Its entry on the social map, where residents and partners find it.
    resource = models.ForeignKey(
        Resource,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="provisions",
        verbose_name=_("op de sociale kaart"),
    )
    volunteers = models.ManyToManyField(settings.AUTH_USER_MODEL, related_name="volunteer_provisions", blank=True)
    active = models.BooleanField(_("actief"), default=True)

    class Meta:
        ordering = ["team__name", "kind", "name"]
        verbose_name = _("collectieve voorziening")
        verbose_name_plural = _("collectieve voorzieningen")
        constraints = [models.UniqueConstraint(fields=["team", "name"], name="provision_unique_name_per_team")]

    def __str__(self):
        return self.name


class DeskSession(models.Model):
    """One opening of the desk or information point: place, time, the volunteers on duty."""

    class Mode(models.TextChoices):
        WALK_IN = "walk_in", _("inloop")
        PHONE = "phone", _("telefonisch spreekuur")

    provision = models.ForeignKey(CollectiveProvision, on_delete=models.CASCADE, related_name="sessions")
    starts_at = models.DateTimeField(_("begint om"))
    ends_at = models.DateTimeField(_("eindigt om"))
    place = models.CharField(_("plek"), max_length=200, blank=True)
    mode = models.CharField(_("vorm"), max_length=20, choices=Mode.choices, default=Mode.WALK_IN)
    volunteers = models.ManyToManyField(settings.AUTH_USER_MODEL, related_name="desk_sessions", blank=True)

    class Meta:
        ordering = ["-starts_at"]
        verbose_name = _("spreekuur")
        constraints = [
            models.CheckConstraint(condition=models.Q(starts_at__lt=models.F("ends_at")), name="desk_session_order")
        ]

    def __str__(self):
        return f"{self.provision} {timezone.localtime(self.starts_at):%d-%m-%Y %H:%M}"


class DeskQuestion(ShortReference, models.Model):
    """One visitor's question at a desk session or the information point, and what came of it."""

    class Topic(models.TextChoices):
        LETTERS = "letters", _("brieven")
        FORMS = "forms", _("formulieren")
        TAXES = "taxes", _("belastingen")
        ALLOWANCES = "allowances", _("toeslagen")
        DEBTS = "debts", _("schulden")
        BUDGET = "budget", _("budget en geldzaken")
        WELFARE = "welfare", _("welzijn")
        CARE = "care", _("zorg")
        PROVISIONS = "provisions", _("voorzieningen")
        REGULATIONS = "regulations", _("wet- en regelgeving")
        HOUSING = "housing", _("wonen")
        OTHER = "other", _("anders")

    class Outcome(models.TextChoices):
        SOLVED = "solved", _("opgelost door de vrijwilliger")
        DEBT_COUNSELLING = "debt_counselling", _("doorverwezen naar schuldhulp (Plangroep)")
        BUDGET_FOLDER = "budget_folder", _("budgetmap (Nibud) meegegeven")
        REFERRED = "referred", _("doorgezet naar een professional of andere organisatie")

    class Channel(models.TextChoices):
        WALK_IN = "walk_in", _("binnenloop")
        PHONE = "phone", _("telefoon")

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    provision = models.ForeignKey(CollectiveProvision, on_delete=models.PROTECT, related_name="questions")
    session = models.ForeignKey(DeskSession, on_delete=models.SET_NULL, null=True, blank=True, related_name="questions")
    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="+")
    asked_at = models.DateTimeField(_("gesteld op"), default=timezone.now)
    channel = models.CharField(_("kanaal"), max_length=20, choices=Channel.choices, default=Channel.WALK_IN)
    topic = models.CharField(_("onderwerp"), max_length=20, choices=Topic.choices)
    outcome = models.CharField(_("uitkomst"), max_length=20, choices=Outcome.choices)
    passed_to = models.CharField(_("doorgezet naar"), max_length=200, blank=True)
    note = models.CharField(_("korte notitie"), max_length=300, blank=True)
    registered_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    # Only with the visitor's consent: a name and phone number to call back, and later the resident record.
    visitor_name = models.CharField(_("naam van de bezoeker"), max_length=150, blank=True)
    visitor_phone = models.CharField(_("telefoon van de bezoeker"), max_length=20, blank=True)
    consent_at = models.DateTimeField(_("toestemming gegeven op"), null=True, blank=True)
    resident = models.ForeignKey(Resident, on_delete=models.PROTECT, null=True, blank=True, related_name="+")

    personal_data = PersonalData(
        category=DataCategory.COLLECTIVE_PROVISIONS,
        resident="resident",
        subject_self=True,  # an anonymous visitor: logged under the question itself
        team="team",
        handler="registered_by",
        own="registered_by",  # a desk volunteer sees what they registered
        fields=("topic", "outcome", "passed_to", "note", "visitor"),
        permission="provisions.view_records",
    )

    class Meta:
        ordering = ["-asked_at", "-id"]
        verbose_name = _("vraag aan de balie")
        verbose_name_plural = _("vragen aan de balie")
        indexes = [models.Index(fields=["provision", "asked_at"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(consent_at__isnull=False)
                | (models.Q(visitor_name="") & models.Q(visitor_phone="") & models.Q(resident__isnull=True)),
                name="desk_question_personal_data_needs_consent",
            ),
        ]

    def __str__(self):
        return f"Vraag {str(self.public_id)[:8].upper()}"

    @property
    def anonymous(self) -> bool:
        return not (self.visitor_name or self.visitor_phone or self.resident_id)
