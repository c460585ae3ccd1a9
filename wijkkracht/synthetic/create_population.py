"""Insert households, residents and access grants, in chunks, with bulk_create only.

No per-row queries: a chunk of households gets its ids from the sequence and is inserted (COPY on
PostgreSQL, see insert.py), then their residents go in the same way, then the grants.
"""

import uuid
from collections.abc import Callable, Iterable
from datetime import timedelta
from itertools import islice
from random import Random

from django.utils import timezone

from wijkkracht.access.models import AccessGrant
from wijkkracht.audit.models import Purpose
from wijkkracht.people.bsn import bsn_encrypt, bsn_hash
from wijkkracht.people.models import Household, Resident
from wijkkracht.people.search import resident_search_name

from .data.areas import CITY_NAME
from .insert import objects_insert
from .population import HouseholdDraft

HOUSEHOLD_CHUNK = 4_000  # households per round trip of households + residents (~10,000 residents)
BATCH_SIZE = 5_000  # rows per INSERT statement
GRANT_SHARE = 0.02  # of residents with an active grant for the city-level team
GRANT_DAYS = 90
BSN_SHARE = 0.4  # of residents with a BSN on record (encrypted, found by keyed hash, shown masked)


def bsn_draw(rng: Random, taken: set[str]) -> str:
    """A valid, unused BSN: nine digits passing the 11-test (9*d1 + 8*d2 + ... + 2*d8 - d9 divisible by 11)."""
    while True:
        head = [rng.randint(1, 6)] + [rng.randint(0, 9) for _ in range(7)]
        check = sum(d * w for d, w in zip(head, range(9, 1, -1), strict=True)) % 11
        if check == 10:
            continue
        digits = "".join(map(str, head)) + str(check)
        if digits not in taken:
            taken.add(digits)
            return digits


def _bsn_fields(rng: Random, taken: set[str]) -> dict[str, str]:
    if rng.random() >= BSN_SHARE:
        return {}
    digits = bsn_draw(rng, taken)
    return {"bsn_encrypted": bsn_encrypt(digits), "bsn_hash": bsn_hash(digits), "bsn_last_digits": digits[-3:]}


def _chunks(items: Iterable, size: int):
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def population_create(
    *,
    drafts: Iterable[HouseholdDraft],
    seed: int,
    total_residents: int,
    neighbourhood_ids: dict[str, int],
    grant_organisation_id: int,
    workers_by_neighbourhood: dict[int, list[int]],
    progress: Callable[[str], None],
) -> tuple[int, int, int]:
    """Insert every drafted household with its residents; returns (households, residents, grants)."""
    id_rng = Random(f"{seed}:public-ids")  # deterministic public ids: stable references in demos
    grant_rng = Random(f"{seed}:grants")
    bsn_rng, bsns = Random(f"{seed}:bsn"), set()
    now = timezone.now()
    households_done = residents_done = grants_done = 0

    def public_id() -> uuid.UUID:
        return uuid.UUID(int=id_rng.getrandbits(128), version=4)

    for chunk in _chunks(drafts, HOUSEHOLD_CHUNK):
        households = [
            Household(
                public_id=public_id(),
                street=d.address.street,
                house_number=d.address.house_number,
                house_number_suffix=d.address.house_number_suffix,
                postcode=d.address.postcode,
                city=CITY_NAME,
                neighbourhood_id=neighbourhood_ids[d.neighbourhood_code],
            )
            for d in chunk
        ]
        objects_insert(Household, households)
        residents = [
            Resident(
                public_id=public_id(),
                household_id=household.pk,
                first_name=p.first_name,
                surname_prefix=p.surname_prefix,
                last_name=p.last_name,
                birth_date=p.birth_date,
                phone=p.phone,
                email=p.email,
                preferred_language=p.preferred_language,
                search_name=resident_search_name(
                    first_name=p.first_name, surname_prefix=p.surname_prefix, last_name=p.last_name
                ),
                **_bsn_fields(bsn_rng, bsns),
            )
            for household, d in zip(households, chunk, strict=True)
            for p in d.members
        ]
        objects_insert(Resident, residents)

        neighbourhood_of = {h.pk: h.neighbourhood_id for h in households}
        grants = []
        for resident in residents:
            if grant_rng.random() >= GRANT_SHARE:
                continue
            valid_from = now - timedelta(days=grant_rng.randint(0, 60), minutes=grant_rng.randint(0, 600))
            workers = workers_by_neighbourhood.get(neighbourhood_of[resident.household_id]) or [None]
            grants.append(
                AccessGrant(
                    resident_id=resident.pk,
                    organisation_id=grant_organisation_id,
                    purpose=Purpose.HANDOVER,
                    ground=AccessGrant.Ground.CONSENT,
                    valid_from=valid_from,
                    valid_until=valid_from + timedelta(days=GRANT_DAYS),
                    granted_by_id=grant_rng.choice(workers),
                )
            )
        AccessGrant.objects.bulk_create(grants, batch_size=BATCH_SIZE)

        households_done += len(households)
        residents_done += len(residents)
        grants_done += len(grants)
        progress(f"Inwoners: {residents_done}/{total_residents} (huishoudens: {households_done})")
    return households_done, residents_done, grants_done
