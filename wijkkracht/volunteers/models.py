"""Volunteers, requests for a volunteer and matches (koppelingen), with the hours and concerns a volunteer reports.

Kinds of work, preferences and weekly availability are bit masks (see choices.py); a point on the local grid
(geo.py) is stored with every volunteer and request so that matching needs no join to find who is near.
"""

import datetime
import secrets
import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wijkkracht.cases.models import HelpRequest
from wijkkracht.core.personal_data import DataCategory, PersonalData
from wijkkracht.organisations.models import Team
from wijkkracht.people.models import Resident

from .choices import END_REASONS, Kind, Preference, Target, slot_labels, unmask

VOG_VALID_YEARS = 3


def new_calendar_token() -> str:
    return secrets.token_urlsafe(24)


class Skill(models.Model):
    """One entry of the managed list of skills (at most 63: matching keeps them in one bit mask)."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("naam"), max_length=80, unique=True)
    active = models.BooleanField(_("in gebruik"), default=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("vaardigheid")
        verbose_name_plural = _("vaardigheden")

    def __str__(self):
        return self.name


class Volunteer(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("aangemeld, nog geen intake")
        ACTIVE = "active", _("actief")
        PAUSED = "paused", _("gepauzeerd")
        STOPPED = "stopped", _("gestopt")

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="volunteer"
    )
    # The volunteer as a known resident, when they are one ("residents who became volunteer").
    resident = models.ForeignKey(Resident, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    team = models.ForeignKey(Team, on_delete=models.PROTECT, null=True, related_name="volunteers")
    first_name = models.CharField(_("voornaam"), max_length=80)
    last_name = models.CharField(_("achternaam"), max_length=120)
    email = models.EmailField(_("e-mail"))
    phone = models.CharField(_("telefoon"), max_length=20, blank=True)
    postcode = models.CharField(_("postcode"), max_length=7)
    x = models.FloatField(default=0)
    y = models.FloatField(default=0)
    neighbourhood = models.ForeignKey(
        "areas.Neighbourhood", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    languages = models.JSONField(_("talen"), default=list)
    skills = models.ManyToManyField(Skill, blank=True, related_name="volunteers", verbose_name=_("vaardigheden"))
    kinds = models.PositiveIntegerField(_("soorten werk"), default=0)
    preferences = models.PositiveIntegerField(_("voorkeuren"), default=0)
    availability = models.PositiveIntegerField(_("beschikbaarheid"), default=0)
    max_distance_km = models.PositiveSmallIntegerField(_("reisafstand (km)"), default=3)
    capacity = models.PositiveSmallIntegerField(_("koppelingen tegelijk"), default=1)
    training = models.TextField(_("gevolgde trainingen"), max_length=1000, blank=True)
    motivation = models.TextField(_("motivatie"), max_length=1000, blank=True)
    intake_on = models.DateField(_("intakegesprek"), null=True, blank=True)
    intake_note = models.TextField(_("notitie intake"), max_length=2000, blank=True)
    vog_issued_on = models.DateField(_("VOG afgegeven op"), null=True, blank=True)
    vog_reminded_on = models.DateField(null=True, blank=True, editable=False)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    status_reason = models.CharField(_("reden"), max_length=250, blank=True)
    status_changed_at = models.DateTimeField(default=timezone.now)
    registered_at = models.DateTimeField(default=timezone.now)
    signed_up_self = models.BooleanField(default=False)
    calendar_token = models.CharField(max_length=40, unique=True, default=new_calendar_token, editable=False)

    # Owned by the team whose coordinator guides the volunteer; the volunteer sees their own record.
    # Logged under the resident when the volunteer is one, else under the volunteer record itself.
    personal_data = PersonalData(
        category=DataCategory.VOLUNTEER_HELP,
        resident="resident",
        team="team",
        own="user",
        subject_self=True,
        grants=False,
        fields=("name", "contact", "postcode", "skills", "languages", "availability", "vog", "status"),
        permission="volunteers.view_volunteer",
    )

    class Meta:
        verbose_name = _("vrijwilliger")
        verbose_name_plural = _("vrijwilligers")
        ordering = ["first_name", "last_name", "id"]
        indexes = [models.Index(fields=["status", "x", "y"]), models.Index(fields=["team", "status"])]
        constraints = [
            models.CheckConstraint(condition=Q(capacity__gte=1, capacity__lte=10), name="volunteer_capacity_1_10"),
        ]

    def __str__(self):
        return self.full_name

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"

    def vog_valid_until(self) -> datetime.date | None:
        if self.vog_issued_on is None:
            return None
        issued = self.vog_issued_on
        try:
            return issued.replace(year=issued.year + VOG_VALID_YEARS)
        except ValueError:  # 29 February
            return issued.replace(year=issued.year + VOG_VALID_YEARS, day=28)

    def vog_valid(self, on: datetime.date | None = None) -> bool:
        until = self.vog_valid_until()
        return until is not None and until > (on or timezone.localdate())

    def kind_list(self) -> list[str]:
        return [Kind(k).label for k in unmask(self.kinds, Kind)]

    def preference_list(self) -> list[str]:
        return [Preference(p).label for p in unmask(self.preferences, Preference)]

    def availability_list(self) -> list[str]:
        return slot_labels(self.availability)


class VolunteerRequest(models.Model):
    """A request for a volunteer: from a help request, or small neighbour help entered at a community centre."""

    class Status(models.TextChoices):
        OPEN = "open", _("zoekt een vrijwilliger")
        MATCHED = "matched", _("gekoppeld")
        CLOSED = "closed", _("gesloten")

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    resident = models.ForeignKey(Resident, on_delete=models.PROTECT, related_name="+")
    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="volunteer_requests")
    help_request = models.ForeignKey(HelpRequest, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    kind = models.CharField(_("soort werk"), max_length=20, choices=Kind.choices)
    task = models.TextField(_("wat is er nodig"), max_length=1000)
    skills = models.ManyToManyField(Skill, blank=True, related_name="+", verbose_name=_("gewenste vaardigheden"))
    language = models.CharField(_("taal van de inwoner"), max_length=5, default="nl")
    availability = models.PositiveIntegerField(_("wanneer"), default=0)
    target = models.CharField(_("voor wie"), max_length=10, choices=Target.choices, default=Target.ADULT)
    long_term = models.BooleanField(_("voor langere tijd (maatje)"), default=False)
    needs_vog = models.BooleanField(_("VOG nodig (kwetsbare inwoner)"), default=True)
    max_distance_km = models.PositiveSmallIntegerField(_("hoogstens (km)"), default=3)
    x = models.FloatField(default=0)
    y = models.FloatField(default=0)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    closed_reason = models.CharField(_("reden van sluiten"), max_length=250, blank=True)

    personal_data = PersonalData(
        category=DataCategory.VOLUNTEER_HELP,
        resident="resident",
        team="team",
        handler="created_by",
        grants=False,
        fields=("kind", "task", "language", "availability", "target", "status"),
        permission="volunteers.view_request",
    )

    class Meta:
        verbose_name = _("vraag om een vrijwilliger")
        verbose_name_plural = _("vragen om een vrijwilliger")
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["team", "status"])]

    def __str__(self):
        return f"Vraag {str(self.public_id)[:8].upper()}"

    def availability_list(self) -> list[str]:
        return slot_labels(self.availability)


LIVE_STATUSES = ("proposed", "agreed", "introduced", "active")


class Match(models.Model):
    """A volunteer linked to a request: suggested → proposed → agreed → introduced → active → ended."""

    class Status(models.TextChoices):
        SUGGESTED = "suggested", _("suggestie (nog niet voorgesteld)")
        PROPOSED = "proposed", _("voorgesteld aan de vrijwilliger")
        AGREED = "agreed", _("vrijwilliger doet mee")
        INTRODUCED = "introduced", _("kennismaking gepland")
        ACTIVE = "active", _("actief")
        ENDED = "ended", _("beëindigd")
        DECLINED = "declined", _("afgewezen door de vrijwilliger")
        WITHDRAWN = "withdrawn", _("ingetrokken")

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    request = models.ForeignKey(VolunteerRequest, on_delete=models.PROTECT, related_name="matches")
    volunteer = models.ForeignKey(Volunteer, on_delete=models.PROTECT, related_name="matches")
    resident = models.ForeignKey(Resident, on_delete=models.PROTECT, related_name="+")
    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="+")
    coordinator = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.SUGGESTED)
    # A live match holds one of the volunteer's places (1..capacity): the constraint below makes a double
    # booking impossible, also when two coordinators accept at the same moment.
    slot = models.PositiveSmallIntegerField(null=True, blank=True, editable=False)
    score = models.FloatField(default=0)
    reasons = models.JSONField(default=list)
    created_at = models.DateTimeField(default=timezone.now)
    proposed_at = models.DateTimeField(null=True, blank=True)
    responded_at = models.DateTimeField(null=True, blank=True)
    decline_reason = models.CharField(_("waarom niet"), max_length=250, blank=True)
    introduction_at = models.DateTimeField(_("kennismaking"), null=True, blank=True)
    started_on = models.DateField(_("gestart op"), null=True, blank=True)
    weekly_day = models.PositiveSmallIntegerField(_("vaste dag"), null=True, blank=True)
    weekly_time = models.TimeField(_("vaste tijd"), null=True, blank=True)
    follow_up_due = models.DateField(_("nabellen op"), null=True, blank=True)
    follow_up_done_at = models.DateTimeField(null=True, blank=True)
    follow_up_note = models.TextField(_("hoe gaat het"), max_length=1000, blank=True)
    ended_on = models.DateField(null=True, blank=True)
    end_reason = models.CharField(_("reden van beëindigen"), max_length=20, choices=END_REASONS, blank=True)
    evaluation = models.TextField(_("korte evaluatie"), max_length=1000, blank=True)

    personal_data = PersonalData(
        category=DataCategory.VOLUNTEER_HELP,
        resident="resident",
        team="team",
        handler="coordinator",
        own="volunteer__user",
        grants=False,
        fields=("volunteer", "task", "status", "introduction_at", "started_on", "hours"),
        permission="volunteers.view_match",
    )

    class Meta:
        verbose_name = _("koppeling")
        verbose_name_plural = _("koppelingen")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["team", "status"]), models.Index(fields=["volunteer", "status"])]
        constraints = [
            models.UniqueConstraint(
                fields=["request"], condition=Q(status__in=LIVE_STATUSES), name="match_one_live_per_request"
            ),
            models.UniqueConstraint(
                fields=["volunteer", "slot"], condition=Q(slot__isnull=False), name="match_volunteer_slot_free"
            ),
        ]

    def __str__(self):
        return f"Koppeling {str(self.public_id)[:8].upper()}"

    @property
    def is_live(self) -> bool:
        return self.status in LIVE_STATUSES

    @staticmethod
    def live_q(prefix: str = "matches__") -> Q:
        """Live matches, as a filter from a volunteer (``Count("matches", filter=Match.live_q())``)."""
        return Q(**{f"{prefix}status__in": LIVE_STATUSES})


class HoursEntry(models.Model):
    match = models.ForeignKey(Match, on_delete=models.CASCADE, related_name="hours")
    on = models.DateField(_("datum"))
    hours = models.DecimalField(_("uren"), max_digits=4, decimal_places=1)
    note = models.CharField(_("wat heeft u gedaan"), max_length=250, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-on", "-id"]
        constraints = [models.CheckConstraint(condition=Q(hours__gt=0, hours__lte=24), name="hours_0_24")]

    def __str__(self):
        return f"{self.hours} uur op {self.on}"


class Concern(models.Model):
    """A problem a volunteer reports about a match; it reaches the coordinator's list until handled."""

    match = models.ForeignKey(Match, on_delete=models.CASCADE, related_name="concerns")
    text = models.TextField(_("wat is er aan de hand"), max_length=2000)
    reported_at = models.DateTimeField(default=timezone.now)
    handled_at = models.DateTimeField(null=True, blank=True)
    handled_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+")

    class Meta:
        ordering = ["-reported_at"]

    def __str__(self):
        return f"Zorg {self.pk}"
