"""A signal (signalering): a concern someone noticed, triaged by the team."""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wijkkracht.cases.models import HelpRequest
from wijkkracht.core.personal_data import DataCategory, PersonalData
from wijkkracht.organisations.models import Team
from wijkkracht.people.models import Resident

from .watch import WatchContact


class Signal(models.Model):
    class Source(models.TextChoices):
        WORKER = "worker", _("wijkwerker")
        GP = "gp", _("huisarts")
        NEIGHBOUR = "neighbour", _("buurtbewoner")
        POLICE = "police", _("politie / wijkagent")
        SCHOOL = "school", _("school")
        HOUSING = "housing", _("woningcorporatie")
        OTHER = "other", _("anders")

    class Status(models.TextChoices):
        NEW = "new", _("nieuw")
        TO_HELP_REQUEST = "to_help_request", _("hulpvraag gemaakt")
        TO_WATCH = "to_watch", _("waakvlamcontact gestart")
        CLOSED = "closed", _("gesloten")

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="signals")
    source = models.CharField(_("gemeld door"), max_length=20, choices=Source.choices)
    reporter = models.CharField(_("naam of functie melder"), max_length=150, blank=True)
    reporter_contact = models.CharField(_("hoe bereikbaar"), max_length=150, blank=True)
    # Who it is about: a known resident, or only an address or description.
    resident = models.ForeignKey(Resident, on_delete=models.PROTECT, null=True, blank=True, related_name="signals")
    about = models.CharField(_("over wie (als nog niet bekend)"), max_length=250, blank=True)
    concern = models.TextField(_("zorg"), max_length=4000)
    received_at = models.DateTimeField(default=timezone.now)
    received_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.NEW)
    triaged_at = models.DateTimeField(null=True, blank=True)
    triaged_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+")
    closed_reason = models.TextField(_("reden van sluiten"), max_length=1000, blank=True)
    help_request = models.ForeignKey(HelpRequest, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    watch_contact = models.ForeignKey(
        WatchContact, on_delete=models.PROTECT, null=True, blank=True, related_name="signals"
    )

    # A signal belongs to the team it was reported to; only that team sees it (no grants). When it is
    # about no known resident, its reads are logged under the signal itself.
    personal_data = PersonalData(
        category=DataCategory.HELP_REQUESTS,
        resident="resident",
        team="team",
        others=("resident",),
        grants=False,
        subject_self=True,
        fields=("source", "reporter", "about", "concern", "status"),
        permission="care.triage_signal",
    )

    class Meta:
        verbose_name = _("signaal")
        verbose_name_plural = _("signalen")
        ordering = ["-received_at"]
        indexes = [models.Index(fields=["team", "status"])]

    def __str__(self):
        return f"Signaal {str(self.public_id)[:8].upper()}"
