"""Language help ("Doe mee met taal"): signal, intake, placement in a course or with a language buddy,
progress, end."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from wijkkracht.provisions.models import CollectiveProvision, LanguageProgress, LanguageTrack

from .common import clean_text, raise_if, require_member

Stage = LanguageTrack.Stage


@transaction.atomic
def language_signal(*, provision, resident, source: str, by, note: str = "") -> LanguageTrack:
    errors = {}
    if provision.kind != CollectiveProvision.Kind.LANGUAGE:
        errors["provision"] = _("Kies de taalhulp.")
    if source not in LanguageTrack.Source.values:
        errors["source"] = _("Kies wie de laaggeletterdheid signaleerde.")
    raise_if(errors)
    require_member(by, provision.team)
    if LanguageTrack.objects.filter(resident=resident, provision=provision).exclude(stage=Stage.ENDED).exists():
        raise_if({"__all__": _("Voor deze inwoner loopt al een taaltraject.")})
    return LanguageTrack.objects.create(
        provision=provision,
        resident=resident,
        team=provision.team,
        source=source,
        signal_note=clean_text(note, 300),
        signalled_by=by,
        coach=by,
    )


def _open(track):
    if track.stage == Stage.ENDED:
        raise_if({"__all__": _("Dit taaltraject is afgerond.")})


@transaction.atomic
def language_intake(*, track: LanguageTrack, need: str, goal: str, by) -> LanguageTrack:
    _open(track)
    errors = {}
    if need not in LanguageTrack.Need.values:
        errors["need"] = _("Kies de taalvraag.")
    if not clean_text(goal, 300):
        errors["goal"] = _("Schrijf op wat de inwoner wil kunnen.")
    raise_if(errors)
    require_member(by, track.team)
    track.need, track.goal, track.intake_at, track.coach = need, clean_text(goal, 300), timezone.now(), by
    track.stage = Stage.INTAKE if track.stage == Stage.SIGNALLED else track.stage
    track.save(update_fields=["need", "goal", "intake_at", "coach", "stage"])
    return track


@transaction.atomic
def language_place(*, track: LanguageTrack, placement: str, by, course=None, buddy_name: str = "") -> LanguageTrack:
    _open(track)
    errors = {}
    if track.intake_at is None:
        errors["__all__"] = _("Doe eerst de intake.")
    elif placement == LanguageTrack.Placement.COURSE and course is None:
        errors["course"] = _("Kies de taalcursus.")
    elif placement == LanguageTrack.Placement.BUDDY and not clean_text(buddy_name, 150):
        errors["buddy_name"] = _("Vul de naam van het taalmaatje in.")
    elif placement not in (LanguageTrack.Placement.COURSE, LanguageTrack.Placement.BUDDY):
        errors["placement"] = _("Kies een cursus of een taalmaatje.")
    raise_if(errors)
    require_member(by, track.team)
    track.placement, track.placed_at, track.stage = placement, timezone.now(), Stage.PLACED
    track.course = course if placement == LanguageTrack.Placement.COURSE else None
    track.buddy_name = clean_text(buddy_name, 150) if placement == LanguageTrack.Placement.BUDDY else ""
    track.save(update_fields=["placement", "placed_at", "stage", "course", "buddy_name"])
    return track


@transaction.atomic
def language_progress_record(*, track: LanguageTrack, note: str, by) -> LanguageProgress:
    _open(track)
    if not clean_text(note, 500):
        raise_if({"note": _("Schrijf op hoe het gaat.")})
    require_member(by, track.team)
    return LanguageProgress.objects.create(track=track, note=clean_text(note, 500), recorded_by=by)


@transaction.atomic
def language_end(*, track: LanguageTrack, note: str, by) -> LanguageTrack:
    _open(track)
    if not clean_text(note, 300):
        raise_if({"end_note": _("Schrijf op hoe het traject is afgerond.")})
    require_member(by, track.team)
    track.stage, track.ended_at, track.end_note = Stage.ENDED, timezone.now(), clean_text(note, 300)
    track.save(update_fields=["stage", "ended_at", "end_note"])
    return track
