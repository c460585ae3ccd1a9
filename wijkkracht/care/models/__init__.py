"""Signals, pilot-light contacts (waakvlam) and informal carers (mantelzorg).

Personal data: read these models only through ``wijkkracht.care.selectors``, which asks
``wijkkracht.access`` for the scope and writes the audit entries.
"""

from .carers import Carer, CarerStrainAssessment
from .signals import Signal
from .watch import WatchContact

__all__ = ["Carer", "CarerStrainAssessment", "Signal", "WatchContact"]
