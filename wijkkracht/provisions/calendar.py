"""A driver's rides as iCalendar (RFC 5545), for the calendar feed."""

import datetime

from django.utils import timezone
from icalendar import Calendar, Event


def _passenger(booking) -> str:
    resident = booking.resident
    return f"{resident.first_name} {resident.last_name[:1]}.".strip()


def rides_calendar(driver, rides) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", "-//wijkkracht//Max-mobiel//NL")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", f"Ritten {driver}")
    stamp = timezone.now()
    for booking in rides:
        legs = [(booking.pickup_at, booking.pickup_address, booking.destination, "")]
        if booking.return_at:
            legs.append((booking.return_at, booking.destination, booking.pickup_address, " (terug)"))
        for n, (start, origin, target, suffix) in enumerate(legs):
            needs = [
                label
                for on, label in (
                    (booking.needs_wheelchair, "rolstoel"),
                    (booking.needs_walker, "rollator"),
                    (booking.needs_door_help, "hulp tot aan de deur"),
                )
                if on
            ]
            event = Event()
            event.add("uid", f"{booking.public_id}-{n}@wijkkracht")
            event.add("dtstamp", stamp)
            event.add("dtstart", start)
            event.add("dtend", start + datetime.timedelta(minutes=booking.duration_minutes))
            event.add("summary", f"Rit {_passenger(booking)}{suffix}: {booking.vehicle.name}")
            event.add("location", origin)
            description = [f"Naar: {target}", f"Doel: {booking.get_purpose_display()}"]
            if needs:
                description.append("Let op: " + ", ".join(needs))
            if booking.note:
                description.append(booking.note)
            event.add("description", "\n".join(description))
            calendar.add_component(event)
    return calendar.to_ical()
