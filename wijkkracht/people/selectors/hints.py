""" "Known elsewhere": which team knows a resident and whom to call, never the resident's data."""

from wijkkracht.access.known import known_to
from wijkkracht.access.reads import refuse, scoped
from wijkkracht.access.scopes import scope_q, user_facts
from wijkkracht.audit.models import Basis, Event, Purpose, Relationship
from wijkkracht.audit.services import Read, audit_call, audit_reads_record
from wijkkracht.people.models import Resident
from wijkkracht.people.search import search_parse

from .residents import SPEC
from .search import exact_word, structured_filter

HINT_MAX_RESIDENTS = 5


def resident_known_elsewhere(*, user, view: str, query: str) -> list[dict]:
    """For a precise search (BSN, postcode + house number, or full name + birth date) that found nothing the
    user may see: which team(s) know the resident and who to contact, so work is not done twice.

    Returns a list of ``{"teams": [{"name", "phone", "email"}], "coordinator": str}``, never a name or any
    other data of the resident. Each hint is logged (event ``known_elsewhere_hint``).
    """
    if not user.has_perm("people.view_resident"):
        return []
    parsed = search_parse(query)
    if not parsed.precise:
        return []
    qs = structured_filter(Resident.objects.filter(merged_into__isnull=True), parsed)
    for term in parsed.terms:
        qs = qs.filter(exact_word("search_name", term))
    qs = qs.exclude(scope_q(SPEC, user)).select_related("household").order_by("id")
    with audit_call():
        residents = list(qs[:HINT_MAX_RESIDENTS])
        if not residents:
            return []
        hints = known_to(residents, exclude_team_ids=user_facts(user).team_ids)
        reason = f"gezocht op: {', '.join(parsed.kinds)}"
        audit_reads_record(
            actor=user,
            view=view,
            reads=[
                Read(
                    subject_ref=str(r.public_id),
                    object_type=SPEC.label,
                    category=SPEC.category,
                    fields=("known_to_team",),
                    purpose=Purpose.CASE_WORK,
                    basis=Basis.HINT,
                    relationship=Relationship.NONE,
                    reason=reason,
                    event=Event.KNOWN_ELSEWHERE_HINT,
                )
                for r in residents
            ],
        )
    unique = []
    for hint in hints.values():
        if hint not in unique:
            unique.append(hint)
    return unique


def resident_known_to(*, user, resident, view: str, categories=None) -> dict:
    """For a resident the user may see, but not (all) of whose records: the other team(s) that own records
    about them and the plan's coordinator, ``{"teams": [{"name", "phone", "email"}], "coordinator": str}``.

    ``resident`` was read through ``resident_get`` in this call (the hint names teams, no resident data).
    """
    if not user.has_perm("people.view_resident") or not scoped(SPEC, user).filter(pk=resident.pk).exists():
        refuse(user=user, ref=resident.public_id, view=view)
    return known_to([resident], exclude_team_ids=user_facts(user).team_ids, categories=categories)[resident.pk]
