"""Step 1 of the recipe: the model and its declaration."""

import uuid

from django.conf import settings
from django.db import models

from wijkkracht.core.personal_data import DataCategory, PersonalData


class HomeVisitNote(models.Model):
    """A note of a home visit about a resident, owned by the team that made the visit."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    resident = models.ForeignKey("people.Resident", on_delete=models.PROTECT, related_name="+")
    team = models.ForeignKey("organisations.Team", on_delete=models.PROTECT, related_name="+")
    written_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    note = models.TextField()

    personal_data = PersonalData(
        category=DataCategory.HELP_REQUESTS,
        resident="resident",
        team="team",
        handler="written_by",
        fields=("note",),
        permission="cases.view_case",
    )

    def __str__(self):
        return f"Huisbezoek {str(self.public_id)[:8].upper()}"
