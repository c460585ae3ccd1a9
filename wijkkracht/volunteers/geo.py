"""Where a postcode lies: a deterministic point (in km on a local grid) for every Dutch six-position postcode.

No external data: the point is derived from the postcode itself. The four digits place a postcode area on a
grid (neighbouring numbers are neighbours, as in the real numbering of a town: 1315 lies next to 1314 and
1325), the two letters spread the addresses within it over about 1.2 km. For distances between volunteers and
residents within one city this is what matching needs; a deployment with real centroids (CBS/PDOK) would
replace ``postcode_point`` and nothing else.
"""

import math
import re

_POSTCODE = re.compile(r"^\s*([1-9]\d{3})\s*([A-Za-z]{2})?\s*$")
COLUMN_KM = 1.6  # between pc4 ...0 and ...1
ROW_KM = 1.4  # between pc4 13x0 and 13(x+1)0
SPREAD_KM = 1.2  # the letters spread the addresses of one pc4 area over this square


def postcode_point(postcode: str) -> tuple[float, float] | None:
    """``(x, y)`` in km for a postcode such as ``1315 AB`` (or ``1315``: the middle of the area); None if invalid."""
    found = _POSTCODE.match(postcode or "")
    if not found:
        return None
    number = int(found.group(1))
    x = (number % 10) * COLUMN_KM + (number // 10 % 2) * COLUMN_KM / 2
    y = (number // 10 % 100) * ROW_KM
    letters = (found.group(2) or "MM").upper()
    first, second = ord(letters[0]) - 65, ord(letters[1]) - 65
    x += (second / 25 - 0.5) * SPREAD_KM
    y += (first / 25 - 0.5) * SPREAD_KM
    return round(x, 3), round(y, 3)


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    return math.hypot(a[0] - b[0], a[1] - b[1])
