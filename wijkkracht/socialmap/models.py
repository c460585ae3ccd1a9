"""The social map (sociale kaart): providers, their locations and resources, modelled on HSDS 3.0.

Open Referral's Human Services Data Specification names the same things ``organization``, ``location`` and
``service`` (a resource here: a service, activity, initiative or collective provision); needs, life domains
and languages are its ``attribute`` → ``taxonomy_term`` links; opening hours its ``schedule``; the
neighbourhoods served its ``service_area``. No personal data: the map is public.
"""

import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from wijkkracht.areas.models import Neighbourhood
from wijkkracht.organisations.models import Organisation

from .taxonomy import Kind, Scheme, term_label


class Provider(models.Model):
    """Who offers resources (HSDS ``organization``): a covenant partner, a club, a church, a foundation."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    name = models.CharField(_("naam"), max_length=200)
    description = models.TextField(_("omschrijving"), blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    website = models.URLField(_("website"), blank=True)
    phone = models.CharField(_("telefoon"), max_length=30, blank=True)
    # The organisation whose staff log in to report back on referrals (role provider), if it has accounts.
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="social_map_providers",
        verbose_name=_("organisatie met eigen account"),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("aanbieder")
        verbose_name_plural = _("aanbieders")

    def __str__(self):
        return self.name


class Location(models.Model):
    """Where a resource is offered (HSDS ``location`` with its ``address`` and ``accessibility``)."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    name = models.CharField(_("naam van de plek"), max_length=200)
    street_address = models.CharField(_("adres"), max_length=200)
    postcode = models.CharField(_("postcode"), max_length=7, blank=True)
    city = models.CharField(_("plaats"), max_length=80, default="Almere")
    neighbourhood = models.ForeignKey(
        Neighbourhood, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("buurt")
    )
    latitude = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True)
    accessibility = models.CharField(
        _("toegankelijkheid"),
        max_length=300,
        blank=True,
        help_text=_("Bijvoorbeeld: drempelvrij, lift, invalidentoilet, ringleiding."),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("locatie")

    def __str__(self):
        return f"{self.name}, {self.street_address}"


class Resource(models.Model):
    """One thing on the social map (HSDS ``service``): what, for whom, where, when, and how current."""

    class Status(models.TextChoices):
        ACTIVE = "active", _("actief")
        TEMPORARILY_CLOSED = "temporarily closed", _("tijdelijk gesloten")
        INACTIVE = "inactive", _("niet actief")
        DEFUNCT = "defunct", _("opgeheven")

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    provider = models.ForeignKey(Provider, on_delete=models.PROTECT, related_name="resources")
    location = models.ForeignKey(
        Location, on_delete=models.SET_NULL, null=True, blank=True, related_name="resources", verbose_name=_("locatie")
    )
    kind = models.CharField(_("soort"), max_length=20, choices=Kind.choices, default=Kind.SERVICE)
    name = models.CharField(_("naam"), max_length=200)
    description = models.TextField(_("omschrijving"))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.ACTIVE)
    target_group = models.CharField(_("doelgroep"), max_length=200, blank=True)
    eligibility = models.TextField(_("voor wie (voorwaarden)"), blank=True)
    minimum_age = models.PositiveSmallIntegerField(
        _("minimale leeftijd"), null=True, blank=True, validators=[MaxValueValidator(120)]
    )
    maximum_age = models.PositiveSmallIntegerField(
        _("maximale leeftijd"), null=True, blank=True, validators=[MaxValueValidator(120)]
    )
    cost = models.CharField(_("kosten"), max_length=200, blank=True)
    free = models.BooleanField(_("gratis"), default=False)
    capacity = models.PositiveIntegerField(_("plaatsen"), null=True, blank=True)
    waiting_time = models.CharField(_("wachttijd"), max_length=100, blank=True)
    application = models.CharField(_("hoe aanmelden"), max_length=300, blank=True)
    phone = models.CharField(_("telefoon"), max_length=30, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    url = models.URLField(_("website"), blank=True)
    city_wide = models.BooleanField(_("voor de hele gemeente"), default=False)
    neighbourhoods = models.ManyToManyField(
        Neighbourhood, related_name="social_map_resources", blank=True, verbose_name=_("buurten")
    )
    # When someone checked the data with the provider (HSDS assured_date), not merely when it was saved.
    last_verified_on = models.DateField(_("laatst gecontroleerd op"), null=True, blank=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    verifier_email = models.EmailField(_("gecontroleerd door (e-mail)"), blank=True)
    updated_at = models.DateTimeField(_("laatst gewijzigd"), auto_now=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name", "id"]
        verbose_name = _("aanbod")
        verbose_name_plural = _("aanbod")
        indexes = [models.Index(fields=["status", "name"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(minimum_age__isnull=True)
                | models.Q(maximum_age__isnull=True)
                | models.Q(minimum_age__lte=models.F("maximum_age")),
                name="resource_age_range",
            ),
        ]

    def __str__(self):
        return self.name

    def terms_of(self, scheme: str) -> list[str]:
        """The codes of one vocabulary (from the prefetched ``terms``)."""
        return sorted(t.code for t in self.terms.all() if t.scheme == scheme)

    @property
    def needs(self) -> list[str]:
        return self.terms_of(Scheme.NEED)

    @property
    def domains(self) -> list[str]:
        return self.terms_of(Scheme.DOMAIN)

    @property
    def languages(self) -> list[str]:
        return self.terms_of(Scheme.LANGUAGE)

    def labels(self, scheme: str) -> list[str]:
        return [term_label(scheme, code) for code in self.terms_of(scheme)]


class ResourceTerm(models.Model):
    """A need, life domain or language of a resource (HSDS ``attribute`` with its ``taxonomy_term``)."""

    resource = models.ForeignKey(Resource, on_delete=models.CASCADE, related_name="terms")
    scheme = models.CharField(max_length=10, choices=Scheme.choices)
    code = models.CharField(max_length=30)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["resource", "scheme", "code"], name="resource_term_unique"),
        ]
        indexes = [models.Index(fields=["scheme", "code", "resource"])]

    def __str__(self):
        return f"{self.scheme}:{self.code}"


class OpeningHours(models.Model):
    """A weekly opening time (HSDS ``schedule``: freq WEEKLY, byday, opens_at, closes_at)."""

    class Weekday(models.IntegerChoices):
        MONDAY = 1, _("maandag")
        TUESDAY = 2, _("dinsdag")
        WEDNESDAY = 3, _("woensdag")
        THURSDAY = 4, _("donderdag")
        FRIDAY = 5, _("vrijdag")
        SATURDAY = 6, _("zaterdag")
        SUNDAY = 7, _("zondag")

    resource = models.ForeignKey(Resource, on_delete=models.CASCADE, related_name="opening_hours")
    weekday = models.PositiveSmallIntegerField(_("dag"), choices=Weekday.choices)
    opens_at = models.TimeField(_("van"))
    closes_at = models.TimeField(_("tot"))
    note = models.CharField(_("toelichting"), max_length=200, blank=True)

    class Meta:
        ordering = ["weekday", "opens_at"]
        verbose_name = _("openingstijd")
        constraints = [
            models.CheckConstraint(condition=models.Q(opens_at__lt=models.F("closes_at")), name="opening_hours_order"),
        ]

    def __str__(self):
        return f"{self.get_weekday_display()} {self.opens_at:%H:%M}-{self.closes_at:%H:%M}"
