import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from .models import District, Neighbourhood, PostcodeArea

POSTCODE_RE = re.compile(r"^\s*([1-9]\d{3})\s?([A-Za-z]{2})\s*$")


def postcode_normalise(postcode: str) -> tuple[str, str]:
    """'1315 ab' -> ('1315', 'AB'); a Dutch message when it is no Dutch postcode."""
    match = POSTCODE_RE.match(postcode or "")
    if not match:
        raise ValidationError(
            _("'%(value)s' is geen geldige postcode (vier cijfers en twee letters, bijvoorbeeld 1315 AB)."),
            params={"value": postcode},
            code="invalid_postcode",
        )
    return match.group(1), match.group(2).upper()


def neighbourhood_for_postcode(*, postcode: str) -> Neighbourhood:
    """The neighbourhood a postcode lies in; a Dutch message when it lies outside the city."""
    pc4, letters = postcode_normalise(postcode)
    area = (
        PostcodeArea.objects.select_related("neighbourhood__district")
        .filter(pc4=pc4, letters_from__lte=letters, letters_to__gte=letters)
        .first()
    )
    if area is None:
        raise ValidationError(
            _("Postcode %(value)s ligt niet in de gemeente."),
            params={"value": f"{pc4} {letters}"},
            code="postcode_outside_city",
        )
    return area.neighbourhood


def neighbourhood_by_code(*, code: str) -> Neighbourhood:
    try:
        return Neighbourhood.objects.select_related("district").get(code=code.strip().upper())
    except Neighbourhood.DoesNotExist:
        raise ValidationError(
            _("Onbekende buurtcode: %(value)s."), params={"value": code}, code="unknown_cbs_code"
        ) from None


def district_by_code(*, code: str) -> District:
    try:
        return District.objects.get(code=code.strip().upper())
    except District.DoesNotExist:
        raise ValidationError(
            _("Onbekende wijkcode: %(value)s."), params={"value": code}, code="unknown_cbs_code"
        ) from None


def neighbourhood_list():
    return Neighbourhood.objects.select_related("district__city_part").order_by("code")
