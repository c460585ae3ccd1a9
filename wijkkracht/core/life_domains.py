"""The 13 life domains of the ZRM (Zelfredzaamheid-Matrix, 2017 edition).

One list for the whole project: the ZRM measurements and plan goals (``cases``) and the social map's
taxonomy (``socialmap``, which sits below ``cases``) use the same codes.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class LifeDomain(models.TextChoices):
    """The 13 domains of the ZRM (2017 edition)."""

    FINANCES = "finances", _("financiën")
    WORK_EDUCATION = "work_education", _("werk en opleiding")
    DAILY_ACTIVITIES = "daily_activities", _("tijdsbesteding")
    HOUSING = "housing", _("huisvesting")
    DOMESTIC_RELATIONS = "domestic_relations", _("huiselijke relaties")
    MENTAL_HEALTH = "mental_health", _("geestelijke gezondheid")
    PHYSICAL_HEALTH = "physical_health", _("lichamelijke gezondheid")
    SUBSTANCE_USE = "substance_use", _("middelengebruik")
    BASIC_ADL = "basic_adl", _("basale ADL")
    INSTRUMENTAL_ADL = "instrumental_adl", _("instrumentele ADL")
    SOCIAL_NETWORK = "social_network", _("sociaal netwerk")
    SOCIAL_PARTICIPATION = "social_participation", _("maatschappelijke participatie")
    JUSTICE = "justice", _("justitie")
