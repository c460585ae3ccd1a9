"""A resident's household and relations, as far as the user may see them."""

from wijkkracht.access.reads import read_list, read_one, refuse
from wijkkracht.access.scopes import resident_facts
from wijkkracht.audit.services import audit_call
from wijkkracht.people.models import Household, Relation, Resident

from .residents import SPEC, resident_queryset

HOUSEHOLD_FIELDS = ["name", "birth_date", "relation"]


def _relations(*, user, view: str, resident_ids, about=None) -> list:
    """Relations of these residents; ``related_visible``: whether the user may see the other person
    (the kernel marks names outside the user's scope, which are then neither shown nor logged)."""
    relations = read_list(
        Relation.personal_data,
        user=user,
        view=view,
        queryset=Relation.objects.filter(resident_id__in=list(resident_ids), related__merged_into__isnull=True)
        .select_related("related", "resident")
        .order_by("resident_id", "kind", "id"),
        about=about,
    )
    for relation in relations:
        relation.related_visible = "related" not in relation.hidden_people
    return relations


def resident_household(*, user, resident, view: str) -> dict:
    """The resident's household members and relations, as far as the user may see them; each shown
    person is logged. ``resident`` was read through ``resident_get`` already.
    ``{"members": [Resident], "relations": [Relation with related_visible]}``."""
    with audit_call():
        members = read_list(
            SPEC,
            user=user,
            view=view,
            queryset=resident_queryset()
            .filter(household_id=resident.household_id)
            .exclude(pk=resident.pk)
            .order_by("birth_date", "id"),
            fields=HOUSEHOLD_FIELDS,
        )
        relations = _relations(user=user, view=view, resident_ids=[resident.pk], about=resident_facts(user, resident))
    return {"members": members, "relations": relations}


def household_get(*, user, public_id, view: str) -> Household:
    """A household the user may see, with ``members`` (the residents in it the user may see) and
    ``member_relations``; each member shown is logged. Refused or absent: NotFoundOrForbidden."""
    with audit_call():
        household = read_one(
            Household.personal_data,
            user=user,
            view=view,
            lookup={"public_id": public_id},
            queryset=Household.objects.select_related("neighbourhood__district"),
        )
        members = read_list(
            SPEC,
            user=user,
            view=view,
            queryset=resident_queryset().filter(household=household).order_by("birth_date", "id"),
            fields=HOUSEHOLD_FIELDS,
        )
        household.members = members
        household.member_relations = _relations(user=user, view=view, resident_ids=[m.pk for m in members])
    return household


def relation_get(*, user, resident, pk, view: str) -> Relation:
    """One relation of a resident the user may change (for removing it); the related person's name is
    shown only when the user may see them, and logged then."""
    relation = read_one(
        Relation.personal_data,
        user=user,
        view=view,
        lookup={"pk": pk},
        queryset=Relation.objects.select_related("related").filter(resident=resident),
        permission="people.change_resident",
    )
    if resident.merged_into_id is not None:
        refuse(user=user, ref=resident.public_id, view=view)
    relation.related_visible = "related" not in relation.hidden_people
    return relation


def resident_relation_candidates(*, user, resident, view: str) -> list[Resident]:
    """People the resident can be related to on the form: their household members the user may see."""
    return resident_household(user=user, resident=resident, view=view)["members"]
