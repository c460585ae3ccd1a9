"""Friendship groups (vriendenkringen): groups with facilitators, the help seekers placed in them, and their
meetings with attendance. 19 groups, 119 participants and 216 help seekers a year in Almere (2017)."""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wijkkracht.core.personal_data import DataCategory, PersonalData
from wijkkracht.organisations.models import Team
from wijkkracht.people.models import Resident

from .provisions import CollectiveProvision


class Group(models.Model):
    provision = models.ForeignKey(CollectiveProvision, on_delete=models.CASCADE, related_name="groups")
    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="+")
    name = models.CharField(_("naam"), max_length=150)
    description = models.CharField(_("omschrijving"), max_length=300, blank=True)
    meets = models.CharField(
        _("komt samen"), max_length=150, blank=True, help_text=_("Bijvoorbeeld: elke dinsdag 14.00 uur")
    )
    place = models.CharField(_("plek"), max_length=200, blank=True)
    facilitators = models.ManyToManyField(settings.AUTH_USER_MODEL, related_name="facilitated_groups", blank=True)
    max_members = models.PositiveSmallIntegerField(_("hoogstens deelnemers"), null=True, blank=True)
    started_on = models.DateField(_("gestart op"), default=timezone.localdate)
    ended_on = models.DateField(_("gestopt op"), null=True, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("groep")
        verbose_name_plural = _("groepen")

    def __str__(self):
        return self.name

    @property
    def active(self) -> bool:
        return self.ended_on is None


class GroupMember(models.Model):
    """A help seeker for the friendship groups: registered, placed in a group, and perhaps left again."""

    class Status(models.TextChoices):
        SEEKING = "seeking", _("zoekt een groep")
        PLACED = "placed", _("deelnemer")
        LEFT = "left", _("gestopt")

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    provision = models.ForeignKey(CollectiveProvision, on_delete=models.PROTECT, related_name="members")
    group = models.ForeignKey(Group, on_delete=models.PROTECT, null=True, blank=True, related_name="members")
    resident = models.ForeignKey(Resident, on_delete=models.PROTECT, related_name="+")
    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="+")
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.SEEKING)
    wish = models.CharField(_("wens"), max_length=300, blank=True, help_text=_("Waar de groep bij moet passen."))
    registered_at = models.DateTimeField(_("aangemeld op"), default=timezone.now)
    registered_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    placed_at = models.DateTimeField(_("geplaatst op"), null=True, blank=True)
    left_at = models.DateTimeField(_("gestopt op"), null=True, blank=True)

    personal_data = PersonalData(
        category=DataCategory.COLLECTIVE_PROVISIONS,
        resident="resident",
        team="team",
        handler="registered_by",
        fields=("group", "status", "wish", "attendance"),
        permission="provisions.view_records",
    )

    class Meta:
        ordering = ["-registered_at", "-id"]
        verbose_name = _("hulpvrager vriendenkring")
        verbose_name_plural = _("hulpvragers vriendenkringen")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(status="placed") | models.Q(group__isnull=False),
                name="group_member_placed_in_group",
            ),
            models.UniqueConstraint(
                fields=["group", "resident"], condition=models.Q(status="placed"), name="group_member_once_per_group"
            ),
        ]

    def __str__(self):
        return f"Deelnemer {str(self.public_id)[:8].upper()}"


class GroupMeeting(models.Model):
    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="meetings")
    held_on = models.DateField(_("datum"))
    note = models.CharField(_("notitie"), max_length=300, blank=True)

    class Meta:
        ordering = ["-held_on"]
        constraints = [models.UniqueConstraint(fields=["group", "held_on"], name="group_meeting_once_a_day")]

    def __str__(self):
        return f"{self.group} {self.held_on:%d-%m-%Y}"


class Attendance(models.Model):
    meeting = models.ForeignKey(GroupMeeting, on_delete=models.CASCADE, related_name="attendance")
    member = models.ForeignKey(GroupMember, on_delete=models.CASCADE, related_name="attendance")
    present = models.BooleanField(_("aanwezig"), default=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["meeting", "member"], name="attendance_once")]

    def __str__(self):
        return f"{self.member} {'aanwezig' if self.present else 'afwezig'}"
