"""Durations in words, for people: "10 minuten", "1 uur en 30 minuten", never "0:10:00"."""

from datetime import timedelta

from django.utils.translation import gettext as _
from django.utils.translation import ngettext


def _unit(value: int, unit: str) -> str:
    if unit == "day":
        return ngettext("%(n)d dag", "%(n)d dagen", value) % {"n": value}
    if unit == "hour":
        return ngettext("%(n)d uur", "%(n)d uur", value) % {"n": value}
    if unit == "minute":
        return ngettext("%(n)d minuut", "%(n)d minuten", value) % {"n": value}
    return ngettext("%(n)d seconde", "%(n)d seconden", value) % {"n": value}


def duration_in_words(duration: timedelta) -> str:
    """The two largest units that are not zero, e.g. "2 dagen en 3 uur"; seconds only under an hour."""
    total = max(0, int(duration.total_seconds()))
    days, rest = divmod(total, 86_400)
    hours, rest = divmod(rest, 3_600)
    minutes, seconds = divmod(rest, 60)
    parts = [(days, "day"), (hours, "hour"), (minutes, "minute")]
    if total < 3_600:
        parts.append((seconds, "second"))
    words = [_unit(value, unit) for value, unit in parts if value][:2]
    if not words:
        return _unit(0, "second")
    return _("%(first)s en %(second)s") % {"first": words[0], "second": words[1]} if len(words) == 2 else words[0]
