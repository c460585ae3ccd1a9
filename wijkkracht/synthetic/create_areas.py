"""Insert the area fixture: city parts, districts, neighbourhoods and postcode ranges."""

from wijkkracht.areas.models import CityPart, District, Neighbourhood, PostcodeArea

from .addresses import postcode_range_parse
from .data.areas import CITY_PARTS, DISTRICTS


def areas_create() -> dict[str, Neighbourhood]:
    """Create every area of the fixture; returns the neighbourhoods by CBS code."""
    CityPart.objects.bulk_create(CityPart(name=name) for name in CITY_PARTS)
    city_parts = {p.name: p for p in CityPart.objects.filter(name__in=CITY_PARTS)}

    District.objects.bulk_create(
        District(code=d.code, name=d.name, city_part=city_parts[d.city_part]) for d in DISTRICTS
    )
    districts = {d.code: d for d in District.objects.filter(code__in=[d.code for d in DISTRICTS])}

    Neighbourhood.objects.bulk_create(
        Neighbourhood(code=d.neighbourhood_code(n), name=n.name, district=districts[d.code])
        for d in DISTRICTS
        for n in d.neighbourhoods
    )
    codes = [d.neighbourhood_code(n) for d in DISTRICTS for n in d.neighbourhoods]
    neighbourhoods = {n.code: n for n in Neighbourhood.objects.filter(code__in=codes)}

    PostcodeArea.objects.bulk_create(
        PostcodeArea(pc4=pc4, letters_from=letters_from, letters_to=letters_to, neighbourhood=neighbourhoods[code])
        for d in DISTRICTS
        for n in d.neighbourhoods
        for code in [d.neighbourhood_code(n)]
        for pc4, letters_from, letters_to in map(postcode_range_parse, n.postcodes)
    )
    return neighbourhoods
