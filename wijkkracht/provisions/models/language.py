"""Language help ("Doe mee met taal"): a signal of low literacy, the intake, a place in a course or with a
language buddy, and the progress made. A partnership of three organisations in Almere (2017)."""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wijkkracht.core.personal_data import DataCategory, PersonalData
from wijkkracht.organisations.models import Team
from wijkkracht.people.models import Resident
from wijkkracht.socialmap.models import Resource

from .provisions import CollectiveProvision


class LanguageTrack(models.Model):
    class Source(models.TextChoices):
        WORKER = "worker", _("wijkwerker")
        VOLUNTEER = "volunteer", _("vrijwilliger")
        LIBRARY = "library", _("bibliotheek")
        SCHOOL = "school", _("school")
        GP = "gp", _("huisarts")
        SELF = "self", _("inwoner zelf")
        OTHER = "other", _("anders")

    class Stage(models.TextChoices):
        SIGNALLED = "signalled", _("gesignaleerd")
        INTAKE = "intake", _("intake gedaan")
        PLACED = "placed", _("geplaatst")
        ENDED = "ended", _("afgerond")

    class Placement(models.TextChoices):
        NONE = "", _("nog niet")
        COURSE = "course", _("taalcursus")
        BUDDY = "buddy", _("taalmaatje")

    class Need(models.TextChoices):
        NT1 = "nt1", _("NT1: Nederlands als moedertaal, moeite met lezen en schrijven")
        NT2 = "nt2", _("NT2: Nederlands als tweede taal")
        DIGITAL = "digital", _("digitale vaardigheden")

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    provision = models.ForeignKey(CollectiveProvision, on_delete=models.PROTECT, related_name="language_tracks")
    resident = models.ForeignKey(Resident, on_delete=models.PROTECT, related_name="+")
    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="+")
    stage = models.CharField(_("stap"), max_length=20, choices=Stage.choices, default=Stage.SIGNALLED)
    source = models.CharField(_("gesignaleerd door"), max_length=20, choices=Source.choices)
    signal_note = models.CharField(_("wat viel op"), max_length=300, blank=True)
    signalled_at = models.DateTimeField(_("gesignaleerd op"), default=timezone.now)
    signalled_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    coach = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    need = models.CharField(_("taalvraag"), max_length=20, choices=Need.choices, blank=True)
    goal = models.CharField(_("doel van de inwoner"), max_length=300, blank=True)
    intake_at = models.DateTimeField(_("intake op"), null=True, blank=True)
    placement = models.CharField(_("plaatsing"), max_length=20, choices=Placement.choices, blank=True)
    course = models.ForeignKey(Resource, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    buddy_name = models.CharField(_("taalmaatje"), max_length=150, blank=True)
    placed_at = models.DateTimeField(_("geplaatst op"), null=True, blank=True)
    ended_at = models.DateTimeField(_("afgerond op"), null=True, blank=True)
    end_note = models.CharField(_("hoe het is afgerond"), max_length=300, blank=True)

    personal_data = PersonalData(
        category=DataCategory.COLLECTIVE_PROVISIONS,
        resident="resident",
        team="team",
        handler="coach",
        fields=("stage", "need", "goal", "placement", "progress"),
        permission="provisions.view_records",
    )

    class Meta:
        ordering = ["-signalled_at", "-id"]
        verbose_name = _("taaltraject")
        verbose_name_plural = _("taaltrajecten")

    def __str__(self):
        return f"Taaltraject {str(self.public_id)[:8].upper()}"


class LanguageProgress(models.Model):
    track = models.ForeignKey(LanguageTrack, on_delete=models.CASCADE, related_name="progress")
    recorded_at = models.DateTimeField(default=timezone.now)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    note = models.CharField(_("voortgang"), max_length=500)

    class Meta:
        ordering = ["-recorded_at", "-id"]

    def __str__(self):
        return self.note[:40]
