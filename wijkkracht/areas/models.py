"""The city's areas, with CBS codes: city parts, districts (wijken), neighbourhoods (buurten), postcodes.

Structural data, not personal data. The synthetic city ships its own area fixture, because no package
carries CBS neighbourhood data offline.
"""

from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

district_code_validator = RegexValidator(
    r"^WK\d{6}$", _("Een wijkcode bestaat uit WK en zes cijfers (CBS), bijvoorbeeld WK003401.")
)
neighbourhood_code_validator = RegexValidator(
    r"^BU\d{8}$", _("Een buurtcode bestaat uit BU en acht cijfers (CBS), bijvoorbeeld BU00340101.")
)
pc4_validator = RegexValidator(r"^[1-9]\d{3}$", _("Een postcode begint met vier cijfers, niet met 0."))
letters_validator = RegexValidator(r"^[A-Z]{2}$", _("Gebruik twee hoofdletters, bijvoorbeeld AB."))


class CityPart(models.Model):
    """A stadsdeel, such as Almere Haven or Almere Buiten."""

    name = models.CharField(_("naam"), max_length=100, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("stadsdeel")

    def __str__(self):
        return self.name


class District(models.Model):
    """A wijk, with its CBS code (WK + municipality code + two digits)."""

    code = models.CharField(_("CBS-code"), max_length=8, unique=True, validators=[district_code_validator])
    name = models.CharField(_("naam"), max_length=100)
    city_part = models.ForeignKey(CityPart, on_delete=models.PROTECT, related_name="districts")

    class Meta:
        ordering = ["code"]
        verbose_name = _("wijk")

    def __str__(self):
        return f"{self.name} ({self.code})"


class Neighbourhood(models.Model):
    """A buurt, with its CBS code (BU + the district's six digits + two digits)."""

    code = models.CharField(_("CBS-code"), max_length=10, unique=True, validators=[neighbourhood_code_validator])
    name = models.CharField(_("naam"), max_length=100)
    district = models.ForeignKey(District, on_delete=models.PROTECT, related_name="neighbourhoods")

    class Meta:
        ordering = ["code"]
        verbose_name = _("buurt")

    def __str__(self):
        return f"{self.name} ({self.code})"


class PostcodeArea(models.Model):
    """A range of six-position postcodes (pc4 + letters from..to) that lies in one neighbourhood."""

    pc4 = models.CharField(_("postcodecijfers"), max_length=4, validators=[pc4_validator])
    letters_from = models.CharField(max_length=2, default="AA", validators=[letters_validator])
    letters_to = models.CharField(max_length=2, default="ZZ", validators=[letters_validator])
    neighbourhood = models.ForeignKey(Neighbourhood, on_delete=models.PROTECT, related_name="postcode_areas")

    class Meta:
        ordering = ["pc4", "letters_from"]
        indexes = [models.Index(fields=["pc4", "letters_from"])]
        verbose_name = _("postcodegebied")

    def __str__(self):
        return f"{self.pc4} {self.letters_from}-{self.letters_to}"
