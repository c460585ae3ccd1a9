from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from .models import Neighbourhood, PostcodeArea


def postcode_area_create(*, neighbourhood: Neighbourhood, pc4: str, letters_from: str, letters_to: str) -> PostcodeArea:
    """Add a postcode range to a neighbourhood; ranges may not overlap, so every postcode has one buurt."""
    overlap = PostcodeArea.objects.filter(pc4=pc4, letters_from__lte=letters_to, letters_to__gte=letters_from).first()
    if overlap:
        raise ValidationError(
            _("Dit postcodegebied overlapt met %(area)s in %(buurt)s."),
            params={"area": str(overlap), "buurt": overlap.neighbourhood.name},
        )
    area = PostcodeArea(neighbourhood=neighbourhood, pc4=pc4, letters_from=letters_from, letters_to=letters_to)
    area.full_clean()
    area.save()
    return area
