"""Language help tracks and their progress, through the kernel."""

from wijkkracht.access.reads import read_one, read_page
from wijkkracht.provisions.models import LanguageTrack

SPEC = LanguageTrack.personal_data


def _queryset():
    return LanguageTrack.objects.select_related("resident__household", "provision", "course", "coach", "signalled_by")


def track_get(*, user, public_id, view: str, permission: str = "provisions.view_records") -> LanguageTrack:
    return read_one(
        SPEC, user=user, view=view, lookup={"public_id": public_id}, queryset=_queryset(), permission=permission
    )


def track_page(*, user, view: str, stage: str = "", page=1):
    qs = _queryset().order_by("-signalled_at", "-id")
    if stage:
        qs = qs.filter(stage=stage)
    return read_page(SPEC, user=user, view=view, queryset=qs, page=page)


def track_progress(*, track, limit: int = 30) -> list:
    """Progress notes of a track already read through track_get."""
    return list(track.progress.select_related("recorded_by")[:limit])
