"""Step 2 of the recipe: reads through the access kernel (writes would go in services.py)."""

from wijkkracht.access.reads import read_one

from .models import HomeVisitNote


def home_visit_note_get(*, user, public_id, view: str) -> HomeVisitNote:
    return read_one(HomeVisitNote.personal_data, user=user, view=view, lookup={"public_id": public_id})
