"""Case work: help requests from intake to closing, the ZRM assessment, the household plan, contacts.

Personal data: read these models only through ``wijkkracht.cases.selectors``, which asks
``wijkkracht.access`` for the scope and writes the audit entries (a ruff rule enforces the import ban).
"""

from .assessments import DomainScore, LifeDomain, SelfRelianceAssessment, StrengthSource
from .contacts import Contact
from .notifications import Notification
from .plans import PlanAction, PlanGoal, SupportPlan
from .requests import (
    FORMAL_PATHS,
    INFORMAL_OPTIONS,
    INFORMAL_PATHS,
    Channel,
    HelpRequest,
    InformalCheck,
    Outcome,
    RequestSolution,
    SolutionPath,
)

__all__ = [
    "FORMAL_PATHS",
    "INFORMAL_OPTIONS",
    "INFORMAL_PATHS",
    "Channel",
    "Contact",
    "DomainScore",
    "HelpRequest",
    "InformalCheck",
    "LifeDomain",
    "Notification",
    "Outcome",
    "PlanAction",
    "PlanGoal",
    "RequestSolution",
    "SelfRelianceAssessment",
    "SolutionPath",
    "StrengthSource",
    "SupportPlan",
]
