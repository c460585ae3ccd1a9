"""The volunteer's appointments as an iCalendar feed: the introduction and the weekly visit of each match."""

import datetime
import zoneinfo

import icalendar
from django.conf import settings
from django.utils.translation import gettext as _

WEEKLY_MINUTES = 90
INTRO_MINUTES = 60


def _event(uid: str, start: datetime.datetime, minutes: int, summary: str, description: str) -> icalendar.Event:
    event = icalendar.Event()
    event.add("uid", uid)
    event.add("dtstamp", datetime.datetime.now(datetime.UTC))
    event.add("dtstart", start)
    event.add("dtend", start + datetime.timedelta(minutes=minutes))
    event.add("summary", summary)
    event.add("description", description)
    return event


def _first_on_weekday(start: datetime.date, weekday: int) -> datetime.date:
    return start + datetime.timedelta(days=(weekday - start.weekday()) % 7)


def calendar_feed(matches, *, host: str) -> bytes:
    """``matches``: VolunteerMatchView objects (only what the volunteer may see)."""
    tz = zoneinfo.ZoneInfo(settings.TIME_ZONE)
    cal = icalendar.Calendar()
    cal.add("prodid", "-//wijkkracht//vrijwilligers//NL")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", _("Mijn koppelingen"))
    for m in matches:
        who = _("%(name)s in %(neighbourhood)s") % {"name": m.first_name, "neighbourhood": m.neighbourhood}
        where = m.address or m.neighbourhood
        if m.introduction_at:
            event = _event(
                f"intro-{m.public_id}@{host}",
                m.introduction_at.astimezone(tz),
                INTRO_MINUTES,
                _("Kennismaking: %(who)s") % {"who": who},
                m.task,
            )
            event.add("location", where)
            cal.add_component(event)
        if m.weekly_day is not None and m.weekly_time is not None and m.started_on:
            day = _first_on_weekday(m.started_on, m.weekly_day)
            start = datetime.datetime.combine(day, m.weekly_time, tzinfo=tz)
            event = _event(f"weekly-{m.public_id}@{host}", start, WEEKLY_MINUTES, f"{m.kind_label}: {who}", m.task)
            event.add("rrule", {"freq": "weekly"})
            event.add("location", where)
            cal.add_component(event)
    return cal.to_ical()
