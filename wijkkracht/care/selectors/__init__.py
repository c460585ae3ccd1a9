"""Reads of signals, pilot-light contacts and carers, through the access kernel (policy + audit log).

Signals, pilot-light contacts and carers belong to a team: its members see them (carers also through a
grant for the ``carer_support`` category). Every returned record is logged under the residents it is
about; a signal about someone not (yet) known as a resident is logged under the signal itself. Query
counts do not depend on the amount of data.
"""

from .carers import (
    REFERRAL_CHOICES,
    carer_assessments,
    carer_get,
    carer_page,
    carers_received_or_referred,
    household_members,
)
from .choices import CHANNEL_CHOICES, CONTACT_KINDS, EDIZ_ANSWERS, EDIZ_ITEMS
from .resident import resident_care_section
from .signals import (
    SIGNAL_NEW,
    SIGNAL_SOURCES,
    SIGNAL_STATUSES,
    signal_counts,
    signal_get,
    signal_new_counted,
    signal_new_list,
    signal_page,
    signal_page_reported,
    user_teams,
)
from .watch import (
    watch_due_count,
    watch_due_counted,
    watch_due_list,
    watch_due_page,
    watch_get,
    watch_owner_choices,
    watch_recent_contacts,
)

__all__ = [
    "CHANNEL_CHOICES",
    "CONTACT_KINDS",
    "EDIZ_ANSWERS",
    "EDIZ_ITEMS",
    "REFERRAL_CHOICES",
    "SIGNAL_NEW",
    "SIGNAL_SOURCES",
    "SIGNAL_STATUSES",
    "carer_assessments",
    "carer_get",
    "carer_page",
    "carers_received_or_referred",
    "household_members",
    "resident_care_section",
    "signal_counts",
    "signal_get",
    "signal_new_counted",
    "signal_new_list",
    "signal_page",
    "signal_page_reported",
    "user_teams",
    "watch_due_count",
    "watch_due_counted",
    "watch_due_list",
    "watch_due_page",
    "watch_get",
    "watch_owner_choices",
    "watch_recent_contacts",
]
