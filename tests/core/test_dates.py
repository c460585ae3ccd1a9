"""One way of writing dates: dd-mm-jjjj (04-05-1953), with the month in words where there is room
(4 mei 1953). Templates write dates only through the filters of core/templatetags/wijkkracht.py."""

import datetime
import re
from pathlib import Path

from django.utils import timezone, translation

from wijkkracht.core.templatetags.wijkkracht import day, day_long, day_time

TEMPLATES = Path(__file__).resolve().parents[2] / "wijkkracht"
# A date input's value is what the browser needs (ISO), not what a person reads.
INPUT_VALUE = re.compile(r"""\|date:'Y-m-d'""")


def test_a_date_is_written_one_way_with_the_month_in_words_where_there_is_room():
    with translation.override("nl"):
        assert day(datetime.date(1953, 5, 4)) == "04-05-1953"
        assert day_long(datetime.date(2026, 12, 1)) == "1 december 2026"
        moment = timezone.make_aware(datetime.datetime(2026, 12, 1, 9, 5))
        assert day_time(moment) == "01-12-2026 09:05"
    assert day(None) == ""


def test_no_template_writes_a_date_in_another_format():
    found = []
    for path in TEMPLATES.rglob("*.html"):
        text = INPUT_VALUE.sub("", path.read_text())
        if "|date:" in text:
            found.append(str(path.relative_to(TEMPLATES)))
    assert found == []


def test_every_template_that_writes_a_date_loads_the_filters():
    """A template using |day without {% load wijkkracht %} fails only when it is rendered: catch it here."""
    uses = re.compile(r"\|(day|day_long|day_time|day_long_time|moment_exact)\b")
    loads = re.compile(r"{% load [^%]*\bwijkkracht\b")
    missing = [
        str(path.relative_to(TEMPLATES))
        for path in TEMPLATES.rglob("*.html")
        if uses.search(path.read_text()) and not loads.search(path.read_text())
    ]
    assert missing == []
