"""Writes for residents, households, relations, the BSN and merging (consent: wijkkracht.access.services)."""

from .merge import resident_merge
from .residents import (
    DEFAULT_CITY,
    EARLIEST_BIRTH_DATE,
    INVERSE_KIND,
    NAME_FIELDS,
    PROFILE_FIELDS,
    RelationKind,
    household_move,
    relation_add,
    relation_remove,
    resident_bsn_set,
    resident_create,
    resident_update,
)

__all__ = [
    "DEFAULT_CITY",
    "EARLIEST_BIRTH_DATE",
    "INVERSE_KIND",
    "NAME_FIELDS",
    "PROFILE_FIELDS",
    "RelationKind",
    "household_move",
    "relation_add",
    "relation_remove",
    "resident_bsn_set",
    "resident_create",
    "resident_merge",
    "resident_update",
]
