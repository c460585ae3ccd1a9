"""Exports that a spreadsheet opens as data, never as formulas (CSV injection, OWASP).

A cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return may be run as a formula by
Excel or LibreOffice (``=HYPERLINK(...)`` that sends the sheet away, ``@SUM(...)``, ``-2+3``). Every export
writes its cells through ``export_cell``, which puts a ``'`` in front of such a text, so the spreadsheet
shows it as text. Numbers, dates and booleans that the code itself produced are written as they are
(a negative amount stays a number). The same helper serves the Excel exports that come later.

Use::

    response = HttpResponse(content_type="text/csv; charset=utf-8")
    writer = csv_writer(response)
    writer.writerow([_("Naam"), _("Telefoon")])
    writer.writerow([resident.full_name, resident.phone])   # every cell neutralised and quoted
"""

import csv
import datetime
from decimal import Decimal

# The first characters by which a spreadsheet recognises a formula (OWASP "CSV Injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Values the code produced itself: written as they are, never taken for a formula.
_SAFE_TYPES = (bool, int, float, Decimal, datetime.date, datetime.time)


def export_cell(value) -> str:
    """The text of one exported cell; a text that starts like a formula gets a ``'`` in front."""
    if value is None:
        return ""
    if isinstance(value, _SAFE_TYPES):
        return value.isoformat() if isinstance(value, datetime.date | datetime.time) else str(value)
    text = str(value)
    if text.startswith(FORMULA_STARTS):
        return "'" + text
    return text


class ExportWriter:
    """A ``csv.writer`` whose rows go through ``export_cell``: the only way our exports write CSV."""

    def __init__(self, stream, *, delimiter: str = ";"):
        # Every cell quoted, quotes inside doubled: a value cannot open a new cell or row of its own.
        self._writer = csv.writer(stream, delimiter=delimiter, quoting=csv.QUOTE_ALL)

    def writerow(self, row) -> None:
        self._writer.writerow([export_cell(value) for value in row])

    def writerows(self, rows) -> None:
        for row in rows:
            self.writerow(row)


def csv_writer(stream, *, delimiter: str = ";") -> ExportWriter:
    """A writer onto ``stream`` (an ``HttpResponse`` or a file). Semicolons by default, as Dutch Excel expects."""
    return ExportWriter(stream, delimiter=delimiter)
