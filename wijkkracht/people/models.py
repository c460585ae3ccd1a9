"""Residents and households: personal data.

Read these models only through wijkkracht.people.selectors (a ruff rule enforces it), so that every
read is decided by the access policy and written to the audit log.
"""

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _

from wijkkracht.areas.models import Neighbourhood
from wijkkracht.core.personal_data import DataCategory, PersonalData
from wijkkracht.core.references import ShortReference
from wijkkracht.people.languages import language_label


class Household(models.Model):
    """The people living at one address: the unit of "one household, one plan"."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    street = models.CharField(_("straat"), max_length=120)
    house_number = models.PositiveIntegerField(_("huisnummer"))
    house_number_suffix = models.CharField(_("toevoeging"), max_length=10, blank=True)
    postcode = models.CharField(_("postcode"), max_length=7)
    city = models.CharField(_("plaats"), max_length=80)
    neighbourhood = models.ForeignKey(Neighbourhood, on_delete=models.PROTECT, related_name="households")
    created_at = models.DateTimeField(auto_now_add=True)

    personal_data = PersonalData(
        category=DataCategory.PERSONAL_DETAILS,
        household="",
        fields=("address", "members"),
        permission="people.view_resident",
    )

    class Meta:
        verbose_name = _("huishouden")
        verbose_name_plural = _("huishoudens")
        indexes = [models.Index(fields=["postcode", "house_number"])]

    def __str__(self):
        return f"Huishouden {str(self.public_id)[:8].upper()}"

    @property
    def address(self) -> str:
        number = f"{self.house_number}{self.house_number_suffix}"
        return f"{self.street} {number}, {self.postcode} {self.city}"


class Resident(ShortReference, models.Model):
    """An inwoner: a person living in the municipality who asks for or receives help."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    household = models.ForeignKey(Household, on_delete=models.PROTECT, related_name="residents")
    first_name = models.CharField(_("voornaam"), max_length=80)
    surname_prefix = models.CharField(_("tussenvoegsel"), max_length=20, blank=True)
    last_name = models.CharField(_("achternaam"), max_length=120)
    birth_date = models.DateField(_("geboortedatum"))
    phone = models.CharField(_("telefoon"), max_length=20, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    preferred_language = models.CharField(_("voorkeurstaal"), max_length=10, default="nl")
    # The BSN, optional: encrypted, found by keyed hash, shown masked (see people/bsn.py).
    bsn_encrypted = models.TextField(blank=True, editable=False)
    bsn_hash = models.CharField(max_length=64, blank=True, db_index=True, editable=False)
    bsn_last_digits = models.CharField(max_length=3, blank=True, editable=False)
    # Lower-case name without accents, kept by people.services; trigram-indexed on PostgreSQL.
    search_name = models.CharField(max_length=250, blank=True, db_index=True, editable=False)
    # A copy of household.neighbourhood, kept by a database trigger on PostgreSQL, for the search index
    # (neighbourhood + trigram name). Never used to decide access: the scopes go through the household.
    neighbourhood = models.ForeignKey(
        Neighbourhood,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        db_index=False,
    )
    # A record merged into another is kept (its audit trail refers to it) but no longer shown.
    merged_into = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="merged_records", editable=False
    )
    merged_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    personal_data = PersonalData(
        category=DataCategory.PERSONAL_DETAILS,
        resident="",
        fields=("name", "birth_date", "address", "neighbourhood", "phone", "email", "preferred_language"),
        permission="people.view_resident",
    )

    class Meta:
        verbose_name = _("inwoner")
        verbose_name_plural = _("inwoners")
        indexes = [
            models.Index(fields=["last_name", "first_name"]),
            models.Index(fields=["birth_date"]),
        ]

    def __str__(self):
        # Deliberately no name: strings of objects end up in logs and error reports.
        return f"Inwoner {self.reference}"

    @property
    def full_name(self) -> str:
        return " ".join(p for p in (self.first_name, self.surname_prefix, self.last_name) if p)

    @property
    def preferred_language_label(self) -> str:
        """ "Nederlands", not "nl"."""
        return language_label(self.preferred_language)

    @property
    def has_bsn(self) -> bool:
        return bool(self.bsn_hash)


class Relation(models.Model):
    """How two residents are related (partner, parent, ...), within a household or across households."""

    class Kind(models.TextChoices):
        PARTNER = "partner", _("partner")
        PARENT = "parent", _("ouder van")
        CHILD = "child", _("kind van")
        SIBLING = "sibling", _("broer of zus van")
        OTHER_FAMILY = "other_family", _("ander familielid van")
        HOUSEMATE = "housemate", _("huisgenoot van")
        FRIEND = "friend", _("vriend(in) of buur van")

    resident = models.ForeignKey(Resident, on_delete=models.CASCADE, related_name="relations")
    related = models.ForeignKey(Resident, on_delete=models.CASCADE, related_name="related_by")
    kind = models.CharField(_("relatie"), max_length=20, choices=Kind.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    personal_data = PersonalData(
        category=DataCategory.PERSONAL_DETAILS,
        resident="resident",
        others=("related",),
        fields=("relation",),
        permission="people.view_resident",
    )

    class Meta:
        verbose_name = _("relatie")
        constraints = [
            models.UniqueConstraint(fields=["resident", "related", "kind"], name="relation_unique"),
            models.CheckConstraint(condition=~models.Q(resident=models.F("related")), name="relation_not_self"),
        ]

    def __str__(self):
        return f"{self.resident} {self.kind} {self.related}"
