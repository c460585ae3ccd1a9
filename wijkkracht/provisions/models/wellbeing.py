"""Welzijn op Recept: the GP writes a wellbeing prescription; a coach of the community centre contacts the
patient, agrees activities, follows up and records the wellbeing before and after. The GP sees the outcome
of their own prescriptions only (the kernel's ``own`` scope)."""

import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wijkkracht.core.personal_data import DataCategory, PersonalData
from wijkkracht.core.references import ShortReference
from wijkkracht.organisations.models import Team
from wijkkracht.people.models import Resident
from wijkkracht.socialmap.models import Resource

WELLBEING_SCALE = (1, 10)


class WellbeingPrescription(ShortReference, models.Model):
    class Reason(models.TextChoices):
        LONELINESS = "loneliness", _("eenzaamheid")
        GLOOM = "gloom", _("somberheid of stress")
        GRIEF = "grief", _("rouw of verlies")
        INACTIVITY = "inactivity", _("weinig bewegen, geen dagritme")
        PHYSICAL = "physical", _("lichamelijke klachten zonder medische oorzaak")
        OTHER = "other", _("anders")

    class Status(models.TextChoices):
        RECEIVED = "received", _("ontvangen")
        CONTACTED = "contacted", _("contact gehad")
        AGREED = "agreed", _("activiteiten afgesproken")
        FOLLOW_UP = "follow_up", _("in nazorg")
        CLOSED = "closed", _("afgesloten")

    class Outcome(models.TextChoices):
        FEWER = "fewer", _("minder klachten")
        SAME = "same", _("klachten gelijk gebleven")
        MORE = "more", _("meer klachten")
        STOPPED = "stopped", _("gestopt voor het einde")

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    gp = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="prescriptions")
    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="+", verbose_name=_("wijkcentrum"))
    written_at = models.DateTimeField(_("geschreven op"), default=timezone.now)
    # What the GP writes: the patient, who may not be known to the centre yet.
    patient_name = models.CharField(_("naam patiënt"), max_length=150)
    patient_birth_date = models.DateField(_("geboortedatum patiënt"), null=True, blank=True)
    patient_phone = models.CharField(_("telefoon patiënt"), max_length=20, blank=True)
    reason = models.CharField(_("reden"), max_length=20, choices=Reason.choices)
    reason_note = models.CharField(_("toelichting van de huisarts"), max_length=500, blank=True)
    resident = models.ForeignKey(Resident, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    # The coach's part.
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.RECEIVED)
    coach = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    contacted_at = models.DateTimeField(_("contact op"), null=True, blank=True)
    activities = models.ManyToManyField(Resource, related_name="prescriptions", blank=True)
    activities_note = models.CharField(_("afgesproken activiteiten"), max_length=500, blank=True)
    follow_up_note = models.CharField(_("nazorg"), max_length=500, blank=True)
    wellbeing_before = models.PositiveSmallIntegerField(
        _("welbevinden vooraf (1-10)"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(10)]
    )
    wellbeing_after = models.PositiveSmallIntegerField(
        _("welbevinden achteraf (1-10)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(10)],
    )
    outcome = models.CharField(_("uitkomst"), max_length=20, choices=Outcome.choices, blank=True)
    closed_at = models.DateTimeField(_("afgesloten op"), null=True, blank=True)

    personal_data = PersonalData(
        category=DataCategory.COLLECTIVE_PROVISIONS,
        resident="resident",
        subject_self=True,  # a patient not (yet) known to the centre: logged under the prescription
        team="team",
        handler="coach",
        own="gp",  # the GP sees their own prescriptions, and only those
        fields=("patient", "reason", "status", "activities", "wellbeing", "outcome"),
        permission="provisions.view_records",
    )

    class Meta:
        ordering = ["-written_at", "-id"]
        verbose_name = _("welzijnsrecept")
        verbose_name_plural = _("welzijnsrecepten")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(wellbeing_before__isnull=True)
                | models.Q(wellbeing_before__gte=1, wellbeing_before__lte=10),
                name="prescription_wellbeing_before_1_10",
            ),
            models.CheckConstraint(
                condition=models.Q(wellbeing_after__isnull=True)
                | models.Q(wellbeing_after__gte=1, wellbeing_after__lte=10),
                name="prescription_wellbeing_after_1_10",
            ),
        ]

    def __str__(self):
        return f"Welzijnsrecept {self.reference}"

    @property
    def is_open(self) -> bool:
        return self.status != self.Status.CLOSED
