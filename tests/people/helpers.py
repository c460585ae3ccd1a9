"""Small helpers for the people tests (the shared factories live in tests/factories.py)."""

import datetime

from wijkkracht.people.bsn import bsn_encrypt, bsn_hash

# BSNs that pass the 11-test (test numbers, not real people).
VALID_BSNS = ["111222333", "123456782", "999999990"]
INVALID_BSN = "123456789"


def with_bsn(resident, digits: str):
    resident.bsn_encrypted = bsn_encrypt(digits)
    resident.bsn_hash = bsn_hash(digits)
    resident.bsn_last_digits = digits[-3:]
    resident.save()
    return resident


def new_resident_data(**overrides) -> dict:
    data = {
        "first_name": "Anouk",
        "surname_prefix": "van",
        "last_name": "Dijk",
        "birth_date": datetime.date(1984, 5, 2),
        "postcode": "1315 AB",
        "house_number": 7,
        "street": "Parisstraat",
        "phone": "06 12345678",
        "email": "anouk@example.org",
    }
    data.update(overrides)
    return data
