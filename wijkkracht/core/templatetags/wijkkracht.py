"""Template filters every page uses: the one way dates are written.

Dates (ADR 0015): dd-mm-jjjj (``|day``) in lists, tables and forms; with the month in words
(``|day_long``: 4 mei 1953) where there is room, in data lists and sentences. Templates use these
filters instead of ``|date:"..."`` (tests/core/test_dates.py checks that no other format is used).
"""

from django import template
from django.template.defaultfilters import date as date_filter
from django.utils import timezone

register = template.Library()

DAY = "d-m-Y"
DAY_LONG = "j F Y"
TIME = "H:i"


def _local(value):
    if hasattr(value, "tzinfo") and value.tzinfo is not None:
        return timezone.localtime(value)
    return value


@register.filter
def day(value) -> str:
    """04-05-1953."""
    return date_filter(_local(value), DAY) if value else ""


@register.filter
def day_long(value) -> str:
    """4 mei 1953."""
    return date_filter(_local(value), DAY_LONG) if value else ""


@register.filter
def day_time(value) -> str:
    """04-05-2026 14:05."""
    return date_filter(_local(value), f"{DAY} {TIME}") if value else ""


@register.filter
def day_long_time(value) -> str:
    """4 mei 2026, 14:05."""
    return date_filter(_local(value), f"{DAY_LONG}, {TIME}") if value else ""


@register.filter
def moment_exact(value) -> str:
    """04-05-2026 14:05:09 (the audit log, where the second counts)."""
    return date_filter(_local(value), f"{DAY} {TIME}:s") if value else ""


@register.filter
def day_weekday(value) -> str:
    """dinsdag 4 mei 2026 (a schedule, where the day of the week matters)."""
    return date_filter(_local(value), f"l {DAY_LONG}") if value else ""


@register.filter
def day_weekday_time(value) -> str:
    """dinsdag 4 mei 2026, 14:05."""
    return date_filter(_local(value), f"l {DAY_LONG}, {TIME}") if value else ""
