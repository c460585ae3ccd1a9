"""Addresses in a neighbourhood: themed streets, house numbers, and six-position postcodes.

A Dutch postcode (1315 AB) covers a stretch of one street, typically some 15-25 addresses, and the
letters skip F, I, O, Q, U and Y (and the combinations SA, SD and SS). Each postcode the generator
hands out lies in one of the neighbourhood's PostcodeArea ranges, so neighbourhood_for_postcode
finds the neighbourhood back.
"""

from dataclasses import dataclass
from math import ceil
from random import Random

POSTCODE_LETTERS = "ABCDEGHJKLMNPRSTVWXZ"
UNUSED_LETTER_PAIRS = frozenset({"SA", "SD", "SS"})
ADDRESSES_PER_POSTCODE = 20
SUFFIX_SHARE = 0.03  # share of addresses like "12A" beside "12"


@dataclass(frozen=True, slots=True)
class Address:
    street: str
    house_number: int
    house_number_suffix: str
    postcode: str  # "1315 AB"


def postcode_range_parse(spec: str) -> tuple[str, str, str]:
    """'1315' -> ('1315', 'AA', 'ZZ'); '1315AA-1315LZ' -> ('1315', 'AA', 'LZ')."""
    if len(spec) == 4:
        return spec, "AA", "ZZ"
    start, end = spec.split("-")
    if start[:4] != end[:4]:
        raise ValueError(f"a postcode range stays within one PC4: {spec}")
    return start[:4], start[4:], end[4:]


def postcodes_in_ranges(specs: tuple[str, ...]) -> list[str]:
    """Every postcode in use within the ranges, in order: ['1315 AA', '1315 AB', ...]."""
    postcodes = []
    for spec in specs:
        pc4, letters_from, letters_to = postcode_range_parse(spec)
        for first in POSTCODE_LETTERS:
            for second in POSTCODE_LETTERS:
                pair = first + second
                if letters_from <= pair <= letters_to and pair not in UNUSED_LETTER_PAIRS:
                    postcodes.append(f"{pc4} {pair}")
    return postcodes


def counts_allocate(total: int, weights: list[float]) -> list[int]:
    """Split total over the weights, proportionally, summing exactly to total (largest remainder)."""
    weight_sum = sum(weights)
    exact = [total * w / weight_sum for w in weights]
    counts = [int(x) for x in exact]
    by_remainder = sorted(range(len(weights)), key=lambda i: (counts[i] - exact[i], i))
    for i in by_remainder[: total - sum(counts)]:
        counts[i] += 1
    return counts


def addresses_plan(rng: Random, *, streets: tuple[str, ...], postcodes: list[str], count: int) -> list[Address]:
    """count addresses over some of the streets, numbered from 1, with postcodes from the list."""
    if count == 0:
        return []
    street_count = min(len(streets), max(1, ceil(count / 8)))
    chosen = rng.sample(streets, street_count)
    per_street = counts_allocate(count, [rng.uniform(0.5, 1.5) for _ in chosen])
    per_postcode = ADDRESSES_PER_POSTCODE
    while sum(ceil(n / per_postcode) for n in per_street) > len(postcodes):
        per_postcode += 5
    needed = sum(ceil(n / per_postcode) for n in per_street)
    # Spread the postcodes used over the whole range, so small runs do not all get "AA".
    offset = rng.randrange(len(postcodes))
    picked = iter(postcodes[(offset + j * len(postcodes) // needed) % len(postcodes)] for j in range(needed))

    addresses = []
    for street, n in zip(chosen, per_street, strict=True):
        number, suffix, postcode = 0, "", ""
        for i in range(n):
            if i % per_postcode == 0:
                postcode = next(picked)
            if number and not suffix and i % per_postcode and rng.random() < SUFFIX_SHARE:
                suffix = "A"
            else:
                number, suffix = number + 1, ""
            addresses.append(Address(street, number, suffix, postcode))
    return addresses
