"""The query-parameter helper: a value it does not know is refused by name, and the schema shows the same rules."""

import datetime

import pytest
from rest_framework.request import Request
from rest_framework.test import APIRequestFactory

from wijkkracht.core.api_errors import QueryParameterError
from wijkkracht.core.api_params import Boolean, Choice, Date, Integer, Text


def read(param, **query):
    return param.read(Request(APIRequestFactory().get("/api/v1/x", query)))


def refusal(param, **query) -> str:
    with pytest.raises(QueryParameterError) as raised:
        read(param, **query)
    (message,) = raised.value.detail[param.name]
    return str(message)


def test_a_choice_takes_a_known_value_and_names_the_choices_otherwise():
    status = Choice("status", ["open", "closed"], default="open")
    assert read(status) == "open"
    assert read(status, status="closed") == "closed"
    assert read(status, status="") == "open"
    assert refusal(status, status="AAA") == "Onbekende waarde 'AAA'. Kies uit: open, closed."


def test_an_integer_has_bounds():
    page = Integer("page", minimum=1, maximum=50, default=1)
    assert read(page, page="7") == 7
    assert refusal(page, page="zeven") == "Geef een heel getal."
    assert refusal(page, page="1.5") == "Geef een heel getal."
    assert refusal(page, page="١") == "Geef een heel getal."  # an Arabic-Indic digit is not ours
    assert refusal(page, page="0") == "Geef een getal van minstens 1."
    assert refusal(page, page="51") == "Geef een getal van hoogstens 50."
    assert refusal(page, page="9" * 30) == "Geef een heel getal."
    assert read(Integer("offset"), offset="-3") == -3


def test_a_boolean_is_true_false_1_or_0():
    mine = Boolean("mine")
    assert read(mine) is False
    assert [read(mine, mine=v) for v in ("true", "TRUE", "1", "false", "0")] == [True, True, True, False, False]
    assert refusal(mine, mine="ja") == "Geef true of false."


def test_a_date_is_yyyy_mm_dd():
    since = Date("since")
    assert read(since, since="2025-03-20") == datetime.date(2025, 3, 20)
    assert read(since) is None
    for wrong in ("20-03-2025", "2025-02-30", "20250320"):
        assert refusal(since, since=wrong) == "Geef de datum als jjjj-mm-dd."


def test_text_has_a_maximum_length():
    q = Text("q", max_length=5)
    assert read(q) == ""
    assert read(q, q="  abc ") == "abc"
    assert refusal(q, q="abcdef") == "Gebruik hoogstens 5 tekens."


def test_a_required_parameter_is_refused_when_absent_or_empty_and_documented_as_required():
    version = Integer("version", minimum=1, required=True)
    assert read(version, version="3") == 3
    assert refusal(version) == refusal(version, version=" ") == "Dit veld is vereist."
    assert version.openapi().required is True
    assert Integer("page").openapi().required is False


def test_the_schema_of_each_parameter_matches_what_it_accepts():
    assert Choice("status", ["a", "b"], default="a").openapi().type == {
        "type": "string",
        "enum": ["a", "b"],
        "default": "a",
    }
    assert Integer("page", minimum=1, default=1).openapi().type == {"type": "integer", "minimum": 1, "default": 1}
    assert Boolean("mine").openapi().type == {"type": "boolean", "default": False}
    assert Date("since").openapi().type == {"type": "string", "format": "date"}
    assert Text("q", max_length=36).openapi().type == {"type": "string", "maxLength": 36}
