"""Covenant partners and the teams their staff work in."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wijkkracht.areas.models import Neighbourhood


class Organisation(models.Model):
    """A covenant partner (convenantpartner). Each worker stays employed by their own organisation."""

    class Kind(models.TextChoices):
        MUNICIPALITY = "municipality", _("gemeente (Wmo-team)")
        SOCIAL_WORK = "social_work", _("algemeen maatschappelijk werk")
        DISABILITY_SUPPORT = "disability_support", _("MEE (ondersteuning bij een beperking)")
        VOLUNTEER_CENTRE = "volunteer_centre", _("vrijwilligers- en mantelzorgcentrale")
        COMMUNITY_ORGANISATION = "community_organisation", _("welzijnsorganisatie")
        COMMUNITY_CENTRE = "community_centre", _("wijkcentrum")
        SPECIALIST = "specialist", _("stedelijk of specialistisch team")
        # Outside the covenant, with a minimal account (issue 11): GPs and providers on the social map.
        HEALTHCARE = "healthcare", _("huisartsenpraktijk")
        PROVIDER = "provider", _("aanbieder op de sociale kaart")

    name = models.CharField(_("naam"), max_length=150, unique=True)
    short_name = models.CharField(_("korte naam"), max_length=30, unique=True)
    kind = models.CharField(_("soort"), max_length=30, choices=Kind.choices)

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisatie")
        verbose_name_plural = _("organisaties")

    def __str__(self):
        return self.name


class Cluster(models.Model):
    """A group of neighbourhood teams (Almere clusters its 16 teams into 8)."""

    name = models.CharField(_("naam"), max_length=100, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("cluster")

    def __str__(self):
        return self.name


class Team(models.Model):
    """A neighbourhood team (wijkteam) or community centre (wijkcentrum), serving neighbourhoods."""

    class Kind(models.TextChoices):
        NEIGHBOURHOOD_TEAM = "neighbourhood_team", _("wijkteam")
        COMMUNITY_CENTRE = "community_centre", _("wijkcentrum")

    name = models.CharField(_("naam"), max_length=100, unique=True)
    kind = models.CharField(_("soort"), max_length=30, choices=Kind.choices, default=Kind.NEIGHBOURHOOD_TEAM)
    cluster = models.ForeignKey(Cluster, on_delete=models.PROTECT, related_name="teams", null=True, blank=True)
    neighbourhoods = models.ManyToManyField(Neighbourhood, related_name="teams", blank=True)
    # How colleagues elsewhere reach the team (shown in the "known elsewhere" hint).
    phone = models.CharField(_("telefoon"), max_length=20, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    # The ground on which the covenant partners in this team share the team's case records with each
    # other (shown on the resident page), e.g. the covenant and its article.
    sharing_ground = models.CharField(
        _("grondslag voor delen binnen het team"),
        max_length=250,
        blank=True,
        default="Convenant gegevensdeling sociale wijkteams",
        help_text=_("Bijvoorbeeld het convenant en het artikel waarop de partners in dit team gegevens delen."),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("team")

    def __str__(self):
        return self.name
