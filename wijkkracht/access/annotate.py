"""What the kernel adds to a scoped queryset so that each record read can be logged without further
queries: the resident, household, team, handler and owner of each record (``access.reads``)."""

from django.apps import apps
from django.db.models import CharField, F, OuterRef, QuerySet, Subquery, Value

from wijkkracht.core.personal_data import PersonalData, spec_for

from .scopes import household_prefix, resident_prefix, scope_q, scopes

# Annotations the kernel adds to a scoped queryset, to log each record without further queries.
_REF = "wk_subject_ref"
_RESIDENT = "wk_resident_id"
_HOUSEHOLD = "wk_household_id"
_TEAM = "wk_team_id"
_NEIGHBOURHOOD = "wk_neighbourhood_id"
_HANDLER = "wk_handler_id"
_OWN = "wk_own_id"
_ORGANISATION = "wk_organisation_id"


def spec_for_label(label: str) -> PersonalData:
    return spec_for(apps.get_model(label))


def _column(path: str) -> str:
    """``resident__id`` -> ``resident_id``: a foreign key's own column, read without a join."""
    return f"{path[:-4]}_id" if path.endswith("__id") else path


def _paths(spec: PersonalData) -> dict[str, str]:
    """Per annotation key, the lookup from the model to what each read is logged with."""
    found = {}
    rp = resident_prefix(spec)
    hp = household_prefix(spec)
    if rp is not None:
        found[_REF] = f"{rp}public_id"
        found[_RESIDENT] = f"{rp}id"
    if hp is not None:
        found[_HOUSEHOLD] = f"{hp}id"
        if not spec.team:
            found[_NEIGHBOURHOOD] = f"{hp}neighbourhood_id"
    if spec.team:
        found[_TEAM] = f"{spec.team}_id"
    if spec.handler:
        found[_HANDLER] = f"{spec.handler}_id"
    if spec.own:
        found[_OWN] = f"{spec.own}_id"
    if spec.organisation:
        found[_ORGANISATION] = f"{spec.organisation}_id"
    for i, path in enumerate(spec.others):
        found[f"wk_other_{i}"] = f"{path}_id"
    return {key: _column(path) for key, path in found.items()}


def _about_values(spec: PersonalData, about) -> dict:
    """What is known of every record about ``about``'s resident without reading it (see ``_about_filter``)."""
    known = {_HOUSEHOLD: about.household_id, _NEIGHBOURHOOD: about.neighbourhood_id}
    if resident_prefix(spec) is not None:
        known.update({_REF: about.resident_ref, _RESIDENT: about.resident_id})
    return known


def _about_filter(spec: PersonalData, about) -> dict:
    """Records about ``about``'s resident only (their household's, for a household's records): the kernel
    filters on it itself, so what it logs a record under is always true."""
    rp = resident_prefix(spec)
    if rp is not None:
        return {_column(f"{rp}id"): about.resident_id}
    return {_column(f"{household_prefix(spec)}id"): about.household_id}


def _visible_other(user, path: str):
    """The public id of the resident at ``path`` if the user may see them, else NULL (a subquery)."""
    resident_spec = spec_for_label("people.Resident")
    rows = resident_spec.model.objects.filter(scope_q(resident_spec, user), pk=OuterRef(_column(f"{path}_id")))
    return Subquery(rows.values("public_id")[:1])


def annotated(spec: PersonalData, queryset: QuerySet, *, about=None, user=None) -> QuerySet:
    """``queryset`` with what each record is logged with, where it takes a join to find out: the model's
    own columns are read off the record and what ``about`` says needs no reading at all (``_fill``).
    With ``user``: whether the user may see each other resident named on the record, in the same query."""
    known = _about_values(spec, about) if about is not None else {}
    found = {key: F(path) for key, path in _paths(spec).items() if "__" in path and key not in known}
    if user is not None:
        for i, path in enumerate(spec.others):
            if about is not None and path == spec.resident:
                # The record names its own resident: ``about``'s, whom the rule for that resident decides.
                resident_spec = spec_for_label("people.Resident")
                ref = about.resident_ref if scopes(resident_spec, user, about=about) else None
                found[f"wk_other_{i}_ref"] = Value(ref, output_field=CharField())
            else:
                found[f"wk_other_{i}_ref"] = _visible_other(user, path)
    return queryset.annotate(**found) if found else queryset


def _fill(spec: PersonalData, objects: list, known: dict | None = None) -> None:
    """Set on each record what ``annotated`` left out: known values, and the model's own columns."""
    known = known or {}
    paths = _paths(spec)
    for obj in objects:
        for key, path in paths.items():
            if hasattr(obj, key):
                continue
            if key in known:
                setattr(obj, key, known[key])
            elif "__" not in path:
                setattr(obj, key, getattr(obj, path))
