"""Resident pages. Every read goes through wijkkracht.people.selectors (the access kernel: policy, then the
audit log); writes go through people.services and access.services. One small module per purpose."""

from .consent import ConsentCreateView, ConsentListView, ConsentWithdrawAllView, ConsentWithdrawView
from .edit import (
    AddressCheckView,
    ResidentBsnRevealView,
    ResidentBsnView,
    ResidentCreateView,
    ResidentMoveView,
    ResidentUpdateView,
)
from .household import HouseholdDetailView, RelationAddView, RelationRemoveView
from .merge import ResidentMergeConfirmView, ResidentMergeView
from .residents import ResidentBreakGlassView, ResidentDetailView, ResidentExportView, ResidentListView

__all__ = [
    "AddressCheckView",
    "ConsentCreateView",
    "ConsentListView",
    "ConsentWithdrawAllView",
    "ConsentWithdrawView",
    "HouseholdDetailView",
    "RelationAddView",
    "RelationRemoveView",
    "ResidentBreakGlassView",
    "ResidentBsnRevealView",
    "ResidentBsnView",
    "ResidentCreateView",
    "ResidentDetailView",
    "ResidentExportView",
    "ResidentListView",
    "ResidentMergeConfirmView",
    "ResidentMergeView",
    "ResidentMoveView",
    "ResidentUpdateView",
]
