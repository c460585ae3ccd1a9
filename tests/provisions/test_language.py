"""Language help: from a signal of low literacy to a place in a course or with a language buddy, and progress."""

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from wijkkracht.provisions.models import LanguageTrack

from ..conftest import login
from ..factories import CollectiveProvisionFactory, ResourceFactory

pytestmark = pytest.mark.django_db


def test_a_worker_follows_a_track_from_signal_to_placement(worker, city, resident_north):
    language = CollectiveProvisionFactory(kind="language", name="Doe mee met taal", team=city["team_north"])
    course = ResourceFactory(name="Taalhuis Noord", needs=["language"])
    client = login(Client(), worker)
    client.post(
        reverse("provisions:language-create", args=[resident_north.public_id]),
        {"provision": language.pk, "source": "library"},
    )
    track = LanguageTrack.objects.get()
    step = reverse("provisions:language-step", args=[track.public_id])
    body = client.post(step, {"step": "place", "place-placement": "course", "place-course": course.pk}).content.decode()
    assert "Doe eerst de intake." in body
    client.post(step, {"step": "intake", "intake-need": "nt1", "intake-goal": "Zelf de post lezen"})
    client.post(step, {"step": "place", "place-placement": "course", "place-course": course.pk})
    client.post(step, {"step": "progress", "progress-note": "Leest korte brieven."})
    track.refresh_from_db()
    assert (track.stage, track.need, track.course) == ("placed", "nt1", course)
    assert [p.note for p in track.progress.all()] == ["Leest korte brieven."]


def test_a_buddy_needs_a_name(worker, city, resident_north):
    from wijkkracht.provisions.services.language import language_intake, language_place, language_signal

    language = CollectiveProvisionFactory(kind="language", team=city["team_north"])
    track = language_signal(provision=language, resident=resident_north, source="worker", by=worker)
    language_intake(track=track, need="nt2", goal="Met de buren praten", by=worker)
    with pytest.raises(ValidationError) as error:
        language_place(track=track, placement="buddy", by=worker)
    assert error.value.message_dict == {"buddy_name": ["Vul de naam van het taalmaatje in."]}
