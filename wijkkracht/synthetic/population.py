"""Drafts of households and residents: plain Python, no database, deterministic per seed.

The draft is drawn in a fixed order (household sizes, then neighbourhood by neighbourhood: addresses,
then each household's members), so the same seed gives the same people at the same addresses.
Birth dates count back from a fixed REFERENCE_DATE, not from today, for the same reason.
"""

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import accumulate
from random import Random

from .addresses import Address, addresses_plan, counts_allocate, postcodes_in_ranges
from .data.areas import DISTRICTS
from .data.names import ORIGINS, Origin
from .data.streets import STREET_THEMES
from .names import NamePools, ascii_slug

REFERENCE_DATE = date(2025, 1, 1)

# Household sizes 1-5, weighted so that the mean is about 2.45 (Almere: 220,000 residents, 90,000 households).
HOUSEHOLD_SIZES = (1, 2, 3, 4, 5)
HOUSEHOLD_SIZE_WEIGHTS = (0.30, 0.30, 0.15, 0.17, 0.08)
# Ages of adults living alone or as a couple: (from, to, weight). Tuned so that the city's age pyramid
# comes out close to Almere's: about 18% under 15, 15% aged 15-24, 14% over 65.
ADULT_AGE_BANDS = ((18, 24, 0.08), (25, 34, 0.16), (35, 49, 0.16), (50, 64, 0.24), (65, 79, 0.24), (80, 97, 0.12))
GRANDPARENT_SHARE = 0.08  # of households of 3 or more: a grandparent lives in
PARTNER_OWN_SURNAME_SHARE = 0.35
PHONE_SHARE_ADULT, PHONE_SHARE_TEEN = 0.9, 0.7
EMAIL_SHARE = 0.45
EMAIL_DOMAINS = ("example.com", "example.org", "example.net")  # reserved domains: no real mailbox is hit

_ORIGIN_CUM = tuple(accumulate(o.share for o in ORIGINS))
_SIZE_CUM = tuple(accumulate(HOUSEHOLD_SIZE_WEIGHTS))
_BAND_CUM = tuple(accumulate(w for _, _, w in ADULT_AGE_BANDS))


@dataclass(frozen=True, slots=True)
class PersonDraft:
    first_name: str
    surname_prefix: str
    last_name: str
    birth_date: date
    phone: str
    email: str
    preferred_language: str


@dataclass(frozen=True, slots=True)
class HouseholdDraft:
    neighbourhood_code: str
    address: Address
    members: list[PersonDraft]


def household_sizes(rng: Random, *, residents: int) -> list[int]:
    """Household sizes summing to exactly `residents` (the last household is cut to fit)."""
    sizes, total = [], 0
    while total < residents:
        size = min(rng.choices(HOUSEHOLD_SIZES, cum_weights=_SIZE_CUM)[0], residents - total)
        sizes.append(size)
        total += size
    return sizes


def neighbourhood_plan() -> list[tuple[str, float, tuple[str, ...], tuple[str, ...]]]:
    """(code, weight, streets, postcodes) per neighbourhood, in code order."""
    return [
        (
            district.neighbourhood_code(n),
            n.weight,
            STREET_THEMES[n.street_theme],
            tuple(postcodes_in_ranges(n.postcodes)),
        )
        for district in DISTRICTS
        for n in district.neighbourhoods
    ]


def city_draft(*, seed: int, residents: int, pools: NamePools) -> Iterator[HouseholdDraft]:
    """Every household of the city, neighbourhood by neighbourhood, with its members."""
    rng = Random(f"{seed}:population")
    sizes = household_sizes(rng, residents=residents)
    plan = neighbourhood_plan()
    counts = counts_allocate(len(sizes), [weight for _, weight, _, _ in plan])
    next_size = iter(sizes)
    for (code, _, streets, postcodes), count in zip(plan, counts, strict=True):
        for address in addresses_plan(rng, streets=streets, postcodes=list(postcodes), count=count):
            yield HouseholdDraft(code, address, household_members(rng, size=next(next_size), pools=pools))


def _adult_age(rng: Random, low: int = 18, high: int = 97) -> int:
    band_low, band_high, _ = rng.choices(ADULT_AGE_BANDS, cum_weights=_BAND_CUM)[0]
    return min(max(rng.randint(band_low, band_high), low), high)


def _household_ages(rng: Random, size: int) -> list[tuple[int, str]]:
    """(age, kind) per member, kind one of head, partner, grandparent, child."""
    together = size >= 2 and rng.random() < (0.85 if size == 2 else 0.8)
    if size == 1:
        return [(_adult_age(rng), "head")]
    if size == 2 and together:
        head = _adult_age(rng, low=20)
        return [(head, "head"), (max(18, head + round(rng.gauss(0, 4))), "partner")]
    head = rng.randint(27, 62)
    members = [(head, "head")]
    if together:
        members.append((max(20, head + round(rng.gauss(0, 3))), "partner"))
    if size >= 3 and rng.random() < GRANDPARENT_SHARE:
        members.append((min(97, head + rng.randint(24, 36)), "grandparent"))
    # Children were born when the parent was 18 to 45; most have moved out by their late twenties.
    oldest, youngest = min(28, head - 18), max(0, head - 45)
    children = sorted((rng.randint(youngest, oldest) for _ in range(size - len(members))), reverse=True)
    return members + [(age, "child") for age in children]


def household_members(rng: Random, *, size: int, pools: NamePools) -> list[PersonDraft]:
    """The people in one household: a single adult, a couple, or one or two parents with children."""
    origin = rng.choices(ORIGINS, cum_weights=_ORIGIN_CUM)[0]
    family = pools.surname(rng, origin)
    head_male = rng.random() < 0.5
    members = []
    for age, kind in _household_ages(rng, size):
        if kind == "head":
            male = head_male
        elif kind == "partner":
            male = (not head_male) if rng.random() < 0.95 else head_male
        else:
            male = rng.random() < 0.5
        own_surname = kind in ("partner", "grandparent") and rng.random() < PARTNER_OWN_SURNAME_SHARE
        surname = pools.surname(rng, origin) if own_surname else family
        members.append(_person(rng, origin, pools, age=age, male=male, surname=surname, adult=kind != "child"))
    return members


def _person(
    rng: Random, origin: Origin, pools: NamePools, *, age: int, male: bool, surname: tuple[str, str], adult: bool
) -> PersonDraft:
    birth_date = REFERENCE_DATE - timedelta(days=int((age + rng.random()) * 365.25))
    first_name = pools.first_name(rng, origin, male=male, birth_year=birth_date.year)
    prefix, last_name = surname
    phone = ""
    if (age >= 18 and rng.random() < PHONE_SHARE_ADULT) or (12 <= age < 18 and rng.random() < PHONE_SHARE_TEEN):
        phone = f"06-{rng.randint(10_000_000, 65_999_999)}"
    email = ""
    if age >= 16 and rng.random() < EMAIL_SHARE:
        number = str(rng.randint(1, 99)) if rng.random() < 0.3 else ""
        email = f"{ascii_slug(first_name)}.{ascii_slug(prefix + last_name)}{number}@{rng.choice(EMAIL_DOMAINS)}"
    language = origin.language if adult and origin.language_share and rng.random() < origin.language_share else "nl"
    return PersonDraft(first_name, prefix, last_name, birth_date, phone, email, language)
