"""Random but realistic matching instances (no database): for bench/matching.py and the tests.

Volunteers and requests are spread over a city of ``size_km`` × ``size_km`` (about Almere's 16 × 10 km scaled
to the number of volunteers), with the mix of kinds, skills, languages and availability of the synthetic city.
"""

import numpy as np

from .matching import Requests, Volunteers

N_KINDS, N_SKILLS, N_LANGUAGES, N_PREFERENCES = 6, 16, 15, 4


def _random_masks(rng, n: int, bits: int, p) -> np.ndarray:
    on = rng.random((n, bits)) < p
    return (on * (1 << np.arange(bits, dtype=np.int64))).sum(axis=1).astype(np.int64)


def city_size_km(n_volunteers: int) -> float:
    """A city whose density is that of 5,000 volunteers in Almere (about 160 km²): side grows with √n."""
    return float(np.sqrt(160.0 * n_volunteers / 5_000))


def random_instance(n_requests: int, n_volunteers: int, *, seed: int = 1, today: int = 740_000):
    rng = np.random.default_rng(seed)
    size = city_size_km(n_volunteers)
    kind_p = np.array([0.35, 0.55, 0.2, 0.15, 0.1, 0.08])
    vol = Volunteers(
        ids=np.arange(1, n_volunteers + 1, dtype=np.int64),
        x=rng.random(n_volunteers) * size,
        y=rng.random(n_volunteers) * size,
        max_km=rng.choice([1, 2, 3, 5, 8], n_volunteers, p=[0.15, 0.3, 0.3, 0.18, 0.07]).astype(np.float64),
        kinds=np.maximum(_random_masks(rng, n_volunteers, N_KINDS, kind_p), 2),
        skills=_random_masks(rng, n_volunteers, N_SKILLS, 0.18),
        languages=_random_masks(rng, n_volunteers, N_LANGUAGES, np.r_[1.0, np.full(N_LANGUAGES - 1, 0.06)]),
        availability=_random_masks(rng, n_volunteers, 21, 0.3),
        preferences=_random_masks(rng, n_volunteers, N_PREFERENCES, 0.4),
        vog_until=np.where(rng.random(n_volunteers) < 0.75, today + rng.integers(-200, 1000, n_volunteers), 0),
        load=rng.choice([0, 0, 0, 1], n_volunteers).astype(np.int64),
        capacity=rng.choice([1, 1, 2, 3], n_volunteers).astype(np.int64),
    )
    vol.load = np.minimum(vol.load, vol.capacity)
    kinds = rng.choice(N_KINDS, n_requests, p=kind_p / kind_p.sum())
    req = Requests(
        ids=np.arange(1, n_requests + 1, dtype=np.int64),
        x=rng.random(n_requests) * size,
        y=rng.random(n_requests) * size,
        max_km=rng.choice([2, 3, 5], n_requests, p=[0.3, 0.5, 0.2]).astype(np.float64),
        kind=(1 << kinds).astype(np.int64),
        skills=_random_masks(rng, n_requests, N_SKILLS, 0.1),
        language=(1 << rng.choice(N_LANGUAGES, n_requests, p=np.r_[0.7, np.full(N_LANGUAGES - 1, 0.3 / 14)])).astype(
            np.int64
        ),
        availability=_random_masks(rng, n_requests, 21, 0.2) | (1 << rng.integers(0, 21, n_requests)),
        preference=(1 << rng.integers(0, N_PREFERENCES, n_requests)).astype(np.int64),
        needs_vog=rng.random(n_requests) < 0.6,
        start=np.full(n_requests, today, dtype=np.int64),
        resident_ids=rng.integers(1, max(2, n_requests * 3), n_requests),
    )
    return req, vol
