"""What the log stores in code names, the privacy officer reads in Dutch."""

from datetime import timedelta

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from wijkkracht.audit.durations import duration_in_words
from wijkkracht.audit.labels import (
    basis_labels,
    field_label,
    field_labels,
    has_view_label,
    object_labels,
    reading_apps,
    view_label,
)

# The names that read no personal data: the API's schema and own profile, the public sign-up pages.
_NO_PERSONAL_DATA = {"api:schema", "api:me", "volunteers:signup", "volunteers:signup-done"}
_READERS = {"people", "cases", "care", "workspace", "api", "volunteers", "provisions", "socialmap"}


def _url_names(resolver=None, namespace=""):
    for pattern in (resolver or get_resolver()).url_patterns:
        if isinstance(pattern, URLResolver):
            yield from _url_names(pattern, pattern.namespace or namespace)
        elif isinstance(pattern, URLPattern) and pattern.name and namespace:
            yield f"{namespace}:{pattern.name}"


def test_every_page_that_reads_personal_data_has_a_dutch_label():
    assert reading_apps() >= _READERS
    names = {n for n in _url_names() if n.partition(":")[0] in reading_apps()} - _NO_PERSONAL_DATA
    assert len(names) > 80
    assert sorted(n for n in names if not has_view_label(n)) == []


@pytest.mark.parametrize(
    ("view", "label"),
    [
        ("people:resident-detail", "inwonerpagina"),
        ("api:resident-list", "API: inwoners zoeken"),
        ("workspace:caseload", "Mijn werk"),
        ("cases:request-something-new", "hulpvragen: request something new"),
        ("generate_city", "generate city"),
    ],
)
def test_views_read_as_pages_with_a_fallback_that_still_reads(view, label):
    assert view_label(view) == label


@pytest.mark.django_db
def test_fields_are_labelled_with_the_models_verbose_name_when_the_table_has_none():
    assert field_labels(["bsn_masked", "birth_date", "name"]) == ["BSN (gemaskeerd)", "geboortedatum", "naam"]
    # Not in the table: the verbose name of the model field (Dutch in this project), else its words.
    assert field_label("channel_detail", "people.Resident") == "channel detail"
    assert field_label("role", "accounts.User") == "rol"
    assert object_labels("people.Resident,cases.HelpRequest,accounts.User") == ["inwoner", "hulpvraag", "gebruiker"]


def test_the_basis_of_access_reads_in_words():
    assert basis_labels("team,grant:handover") == [
        "lid van het team (convenant)",
        "gedeeld met de organisatie (doel: overdracht)",
    ]
    assert basis_labels("") == []


@pytest.mark.parametrize(
    ("duration", "words"),
    [
        (timedelta(minutes=10), "10 minuten"),
        (timedelta(minutes=1), "1 minuut"),
        (timedelta(seconds=45), "45 seconden"),
        (timedelta(minutes=2, seconds=5), "2 minuten en 5 seconden"),
        (timedelta(hours=1, minutes=30, seconds=9), "1 uur en 30 minuten"),
        (timedelta(days=2, hours=3), "2 dagen en 3 uur"),
        (timedelta(days=1, minutes=5), "1 dag en 5 minuten"),
        (timedelta(0), "0 seconden"),
    ],
)
def test_durations_are_said_in_words(duration, words):
    assert duration_in_words(duration) == words
