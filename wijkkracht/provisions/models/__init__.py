"""Collective provisions and the referrals that name residents.

Personal data: read these models only through ``wijkkracht.provisions.selectors``, which read through
``wijkkracht.access.reads`` (policy + audit log).
"""

from .groups import Attendance, Group, GroupMeeting, GroupMember
from .language import LanguageProgress, LanguageTrack
from .provisions import CollectiveProvision, DeskQuestion, DeskSession
from .referrals import CityPass, FoodBankReferral, Referral
from .rides import SLOT_MINUTES, Driver, RideBooking, RideSlot, Vehicle
from .wellbeing import WellbeingPrescription

__all__ = [
    "SLOT_MINUTES",
    "Attendance",
    "CityPass",
    "CollectiveProvision",
    "DeskQuestion",
    "DeskSession",
    "Driver",
    "FoodBankReferral",
    "Group",
    "GroupMeeting",
    "GroupMember",
    "LanguageProgress",
    "LanguageTrack",
    "Referral",
    "RideBooking",
    "RideSlot",
    "Vehicle",
    "WellbeingPrescription",
]
