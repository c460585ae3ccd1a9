"""Reads of residents, households, relations and consent: through the access kernel (policy + audit log).

Every function takes the user and the view name, reads through ``wijkkracht.access.reads`` with the
model's ``PersonalData`` spec and leaves one audit entry per resident shown. A refused read raises
``NotFoundOrForbidden`` (shown as "not found").
"""

from .consent import access_grant_get, resident_consent_page
from .hints import resident_known_elsewhere, resident_known_to
from .household import household_get, relation_get, resident_household, resident_relation_candidates
from .residents import (
    BREAK_GLASS_MIN_REASON,
    BSN_REVEAL_MIN_REASON,
    RESIDENT_EXPORT_FIELDS,
    RESIDENT_LIST_FIELDS,
    RESIDENT_PAGE_FIELDS,
    resident_bsn_reveal,
    resident_count_visible,
    resident_export_rows,
    resident_figures_by_team,
    resident_get,
    resident_get_break_glass,
    residents_recently_opened,
)
from .search import resident_page, resident_search

__all__ = [
    "BREAK_GLASS_MIN_REASON",
    "BSN_REVEAL_MIN_REASON",
    "RESIDENT_EXPORT_FIELDS",
    "RESIDENT_LIST_FIELDS",
    "RESIDENT_PAGE_FIELDS",
    "access_grant_get",
    "household_get",
    "relation_get",
    "resident_bsn_reveal",
    "resident_consent_page",
    "resident_count_visible",
    "resident_export_rows",
    "resident_figures_by_team",
    "resident_get",
    "resident_get_break_glass",
    "resident_household",
    "resident_known_elsewhere",
    "resident_known_to",
    "resident_page",
    "resident_relation_candidates",
    "resident_search",
    "residents_recently_opened",
]
