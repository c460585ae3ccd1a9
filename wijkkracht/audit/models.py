"""The audit log: an append-only, hash-chained record of every read of personal data.

Entries hold copies of who/whom, never foreign keys, so deleting a user or resident never deletes or
changes an entry. Updates and deletes are refused by the model and, on the database, by triggers.
Entries form ``AUDIT_CHAINS`` hash chains (``chain``, ``seq``); entries written before the chains
(``chain`` empty) form the legacy chain. Signed anchors (``AuditAnchor``) seal the chains' heads.
See docs/audit-log.md.
"""

from django.db import models
from django.db.models import Q
from django.db.models.functions import Upper
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class AppendOnlyError(Exception):
    pass


class AppendOnlyQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AppendOnlyError("audit entries cannot be changed")

    def delete(self):
        raise AppendOnlyError("audit entries cannot be deleted")


class Event(models.TextChoices):
    """Named audit events, tagged for the AVG (GDPR) by their purpose."""

    PERSONAL_DATA_READ = "personal_data_read", _("inzage persoonsgegevens")
    BREAK_GLASS_READ = "break_glass_read", _("inzage met noodtoegang")
    BSN_REVEALED = "bsn_revealed", _("BSN getoond")
    RESIDENT_MERGED = "resident_merged", _("inwoners samengevoegd")
    KNOWN_ELSEWHERE_HINT = "known_elsewhere_hint", _("hint: bekend bij een ander team")
    CONSENT_RECORDED = "consent_recorded", _("toestemming vastgelegd")
    CONSENT_WITHDRAWN = "consent_withdrawn", _("toestemming ingetrokken")


class Purpose(models.TextChoices):
    CASE_WORK = "case_work", _("casuswerk")
    HANDOVER = "handover", _("overdracht")
    REPORT = "report", _("rapportage")
    BREAK_GLASS = "break_glass", _("noodtoegang")


class Basis(models.TextChoices):
    """NEN 7513: on what basis access was given."""

    TEAM = "team", _("lid van het team (convenant)")
    NEIGHBOURHOOD = "neighbourhood", _("team van de buurt")
    GRANT = "grant", _("gedeeld met de organisatie")
    BREAK_GLASS = "break_glass", _("noodtoegang")
    OWN = "own", _("eigen koppeling of registratie")
    ORGANISATION = "organisation", _("gericht aan de organisatie (verwijzing)")
    HINT = "hint", _("verwijzing: bekend bij een ander team")
    WRITE = "write", _("vastlegging")


class Relationship(models.TextChoices):
    """NEN 7513: the relationship between the user and the resident."""

    HANDLER = "handler", _("behandelaar")
    TEAM_MEMBER = "team_member", _("teamlid")
    GRANT_HOLDER = "grant_holder", _("ontvanger van gedeelde gegevens")
    VOLUNTEER = "volunteer", _("vrijwilliger van de koppeling")
    OWN = "own", _("eigen koppeling, verwijzing of registratie")
    NONE = "none", _("geen behandelrelatie")


# The strongest relationship wins when one call reads a resident under several.
RELATIONSHIP_ORDER = [
    Relationship.HANDLER,
    Relationship.TEAM_MEMBER,
    Relationship.VOLUNTEER,
    Relationship.OWN,
    Relationship.GRANT_HOLDER,
    Relationship.NONE,
]


class AuditEvent(models.Model):
    at = models.DateTimeField(default=timezone.now, db_index=True)
    event = models.CharField(max_length=40, choices=Event.choices)
    # who (copied at write time: the name as it was then)
    actor_id = models.BigIntegerField(null=True)
    actor_username = models.CharField(max_length=150)
    actor_name = models.CharField(max_length=310, blank=True)
    actor_organisation = models.CharField(max_length=150, blank=True)
    actor_role = models.CharField(max_length=30)
    # whom
    subject_type = models.CharField(max_length=40)
    subject_ref = models.CharField(max_length=64)
    # what: every kind of record and field the call read about this subject (comma-separated types)
    object_type = models.CharField(max_length=250)
    fields = models.JSONField(default=list)
    categories = models.JSONField(default=list)
    view = models.CharField(max_length=120)
    # why (NEN 7513): purpose, basis of the access, relationship, consent, emergency
    purpose = models.CharField(max_length=20, choices=Purpose.choices)
    basis = models.CharField(max_length=120, blank=True)
    relationship = models.CharField(max_length=20, choices=Relationship.choices, blank=True)
    consent = models.BooleanField(default=False)
    emergency = models.BooleanField(default=False)
    reason = models.TextField(blank=True)
    # The version of the hashed payload (1: before the NEN 7513 fields; 2: before the chains; 3: chains).
    format = models.PositiveSmallIntegerField(default=1)
    # tamper evidence: the entry's chain, its position in that chain, its link to the one before
    chain = models.PositiveSmallIntegerField(null=True)
    seq = models.PositiveBigIntegerField(null=True)
    prev_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64)

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        ordering = ["-id"]
        verbose_name = _("auditregel")
        # Only the indexes a query uses: every index costs each append (docs/audit-log.md, "Indexes").
        constraints = [models.UniqueConstraint(fields=["chain", "seq"], name="audit_event_chain_seq")]
        indexes = [
            # The privacy officer's search by resident reference (a prefix; also serves equality).
            models.Index(fields=["subject_ref"], name="audit_event_subject_prefix", opclasses=["varchar_pattern_ops"]),
            # The search by user (case-insensitive).
            models.Index(Upper("actor_username"), name="audit_event_username_upper"),
            # The legacy chain, walked in id order; partial, so new entries never enter it.
            models.Index(fields=["id"], name="audit_event_legacy", condition=Q(chain__isnull=True)),
        ]

    def __str__(self):
        return f"{self.event} #{self.pk}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise AppendOnlyError("audit entries cannot be changed")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("audit entries cannot be deleted")


class AuditAnchor(models.Model):
    """A signed seal of the heads of all chains at one moment (written every minute by a job).

    ``heads`` is ``{"legacy": [id, hash] | None, "chains": {"<chain>": [seq, hash], ...}}``; the
    signature is an HMAC-SHA256 (setting ``AUDIT_ANCHOR_KEY``) over the anchor's body, which names the
    previous anchor's signature. The same anchor is appended to a file outside the database.
    """

    number = models.PositiveBigIntegerField(unique=True)
    at = models.DateTimeField(default=timezone.now)
    key_id = models.CharField(max_length=16)
    prev_signature = models.CharField(max_length=64)
    heads = models.JSONField(default=dict)
    signature = models.CharField(max_length=64)

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        ordering = ["-number"]
        verbose_name = _("verzegeling")

    def __str__(self):
        return f"verzegeling {self.number}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise AppendOnlyError("audit anchors cannot be changed")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("audit anchors cannot be deleted")


class Refusal(models.Model):
    """A refused access. Not a read: kept apart from the chain, used to flag repeated refusals."""

    at = models.DateTimeField(default=timezone.now, db_index=True)
    actor_id = models.BigIntegerField(null=True, db_index=True)
    actor_username = models.CharField(max_length=150)
    actor_name = models.CharField(max_length=310, blank=True)
    actor_role = models.CharField(max_length=30)
    subject_type = models.CharField(max_length=40)
    subject_ref = models.CharField(max_length=64)
    view = models.CharField(max_length=120)

    class Meta:
        ordering = ["-id"]

    def __str__(self):
        return f"weigering #{self.pk}"


class Flag(models.Model):
    """Something the privacy officer should look at."""

    class Kind(models.TextChoices):
        REPEATED_REFUSALS = "repeated_refusals", _("herhaald geweigerde toegang")
        BREAK_GLASS = "break_glass", _("noodtoegang gebruikt")
        CHAIN_BROKEN = "chain_broken", _("auditlog is aangetast")

    at = models.DateTimeField(default=timezone.now, db_index=True)
    kind = models.CharField(max_length=30, choices=Kind.choices)
    actor_id = models.BigIntegerField(null=True)
    actor_username = models.CharField(max_length=150, blank=True)
    actor_name = models.CharField(max_length=310, blank=True)
    subject_ref = models.CharField(max_length=64, blank=True)
    detail = models.TextField(blank=True)
    # The log lines the flag is about: one entry, a place in a chain, or the user's refusals since ``since``.
    audit_event_id = models.BigIntegerField(null=True)
    chain = models.PositiveSmallIntegerField(null=True)
    seq = models.PositiveBigIntegerField(null=True)
    since = models.DateTimeField(null=True, blank=True)
    reviewed_at = models.DateTimeField(null=True, blank=True)
    reviewed_by = models.CharField(max_length=150, blank=True)
    review_note = models.TextField(blank=True)

    class Meta:
        ordering = ["-at"]

    def __str__(self):
        return f"{self.kind} #{self.pk}"
