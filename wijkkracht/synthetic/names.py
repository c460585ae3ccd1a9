"""Name pools: drawn once from a seeded Faker('nl_NL'), then picked with random.Random.

Calling Faker per person is slow (about 20 µs a name, minutes at city scale), so the generator draws
pools up front and picks from them with a seeded random.Random. Same seed and same Faker version,
same names (Faker is pinned in requirements/base.txt).
"""

import re
import unicodedata
from dataclasses import dataclass
from itertools import accumulate
from random import Random

from faker import Faker

from .data.names import COMMON_DUTCH_SURNAMES, DUTCH_FIRST_NAMES_BY_GENERATION, SURNAME_PREFIXES, Origin

POOL_SIZE = 600
COMMON_SURNAME_SHARE = 0.55  # of Dutch surnames taken from the common list rather than Faker's
_SURNAME_RE = re.compile(r"^[A-Z][a-zà-ÿ]{2,}(?:-[A-Z][a-zà-ÿ]{2,})?$")
_PATRONYMIC_ENDINGS = ("dr", "sz", "sd", "szn", "sdr")


def surname_split(full: str) -> tuple[str, str]:
    """'van der Meer' -> ('van der', 'Meer'); 'Jansen' -> ('', 'Jansen'). Only lowercase prefixes count."""
    for prefix in SURNAME_PREFIXES:
        if full.startswith(prefix + " "):
            return prefix, full[len(prefix) + 1 :]
    return "", full


def _plausible_surname(full: str) -> bool:
    """Faker's nl_NL list has genealogy entries ('Aelftrud van Wessex', 'Adriaensdr'); keep modern ones."""
    _, rest = surname_split(full)
    return bool(_SURNAME_RE.match(rest)) and not rest.endswith(_PATRONYMIC_ENDINGS)


def ascii_slug(text: str) -> str:
    """'Özlem van der Meer' -> 'ozlemvandermeer': for usernames and e-mail addresses."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]", "", plain.lower())


@dataclass(frozen=True)
class NamePools:
    modern_male: tuple[str, ...]
    modern_female: tuple[str, ...]
    faker_surnames: tuple[tuple[str, str], ...]  # (prefix, last name)
    common_surnames: tuple[tuple[str, str], ...]
    common_cum_weights: tuple[float, ...]

    def dutch_first_name(self, rng: Random, *, male: bool, birth_year: int) -> str:
        for born_until, male_names, female_names in DUTCH_FIRST_NAMES_BY_GENERATION:
            if birth_year <= born_until:
                return rng.choice(male_names if male else female_names)
        return rng.choice(self.modern_male if male else self.modern_female)

    def first_name(self, rng: Random, origin: Origin, *, male: bool, birth_year: int) -> str:
        if not origin.male or rng.random() < origin.dutch_first_names:
            return self.dutch_first_name(rng, male=male, birth_year=birth_year)
        return rng.choice(origin.male if male else origin.female)

    def surname(self, rng: Random, origin: Origin) -> tuple[str, str]:
        if origin.surnames:
            return "", rng.choice(origin.surnames)
        if rng.random() < COMMON_SURNAME_SHARE:
            return rng.choices(self.common_surnames, cum_weights=self.common_cum_weights)[0]
        return rng.choice(self.faker_surnames)


def name_pools_build(*, seed: int) -> NamePools:
    fake = Faker("nl_NL")
    fake.seed_instance(seed)
    male = tuple(fake.first_name_male() for _ in range(POOL_SIZE))
    female = tuple(fake.first_name_female() for _ in range(POOL_SIZE))
    surnames: list[tuple[str, str]] = []
    for _ in range(POOL_SIZE * 5):
        candidate = fake.last_name()
        if _plausible_surname(candidate):
            surnames.append(surname_split(candidate))
            if len(surnames) == POOL_SIZE:
                break
    # Zipf-like: the most common surname is about ten times as common as the hundredth.
    weights = [1 / (rank + 1) ** 0.5 for rank in range(len(COMMON_DUTCH_SURNAMES))]
    return NamePools(
        modern_male=male,
        modern_female=female,
        faker_surnames=tuple(surnames),
        common_surnames=tuple(surname_split(name) for name in COMMON_DUTCH_SURNAMES),
        common_cum_weights=tuple(accumulate(weights)),
    )
