"""Reading personal data by the policy, with the audit entry in the same transaction.

Every selector that returns personal data reads through these functions, naming the model's
``PersonalData`` spec (declared next to the model): the spec gives the scope (access.scopes), the
subjects and the fields for the audit log. A refusal writes a Refusal, never a read entry, and raises
``NotFoundOrForbidden`` (shown as 404); a call that was refused anywhere logs no read at all.

- ``read_one(spec, user=, view=, lookup=)``: one record, or a refusal;
- ``read_list(spec, user=, view=, queryset=, limit=)``, ``read_page(...)``: the records in scope;
- ``about=resident_facts(user, resident)``: the records are about one resident already read (the
  resident page's sections): the rule is decided once for that resident;
- ``read_about(spec, ..., objects=, about=)``: records about one resident fetched already (once per call);
- ``scoped(spec, user, queryset)`` + ``log_objects(...)``: for selectors that rank or fetch in their own
  way (the resident search): filter with the scope, then log what is shown.

All reads of one call (a web request is one, see ``audit.middleware``) share one transaction and are
written as one audit entry per resident when the call ends.
"""

from django.core.paginator import Paginator
from django.db.models import Q, QuerySet

from wijkkracht.audit.models import Basis, Event, Purpose, Relationship
from wijkkracht.audit.services import Read, audit_call, audit_reads_record, audit_refusal_record
from wijkkracht.core.personal_data import DataCategory, PersonalData

from .annotate import (
    _HANDLER,
    _HOUSEHOLD,
    _NEIGHBOURHOOD,
    _ORGANISATION,
    _OWN,
    _REF,
    _RESIDENT,
    _TEAM,
    _about_filter,
    _about_values,
    _column,
    _fill,
    annotated,
    spec_for_label,
)
from .errors import NotFoundOrForbidden
from .scopes import (
    Scope,
    combined_q,
    grant_terms,
    resident_prefix,
    scope_q,
    scopes,
    user_facts,
)


def page_reads():
    """All reads of one page in one call (one transaction, one audit entry per resident)."""
    return audit_call()


def refuse(*, user, ref, view: str, subject_type: str = "resident"):
    audit_refusal_record(actor=user, subject_type=subject_type, subject_ref=str(ref), view=view)
    raise NotFoundOrForbidden


def scoped(spec: PersonalData, user, queryset: QuerySet | None = None, *, about=None) -> QuerySet:
    """``queryset`` (default: all records of the model) narrowed to the user's scope, ready for ``log_objects``.

    ``about`` (``resident_facts``): only the records about that resident (or their household) are kept,
    and the rule is the one decided for that resident."""
    queryset = spec.model.objects.all() if queryset is None else queryset
    q = scope_q(spec, user, about=about)
    if about is not None:
        q &= Q(**_about_filter(spec, about))
    return annotated(spec, queryset.filter(q), about=about, user=user)


def _basis(obj, found: list[Scope], facts, about) -> str:
    """Which of the user's scopes let this record through (the first that does, team before grant)."""
    bases = {s.basis for s in found}
    if Basis.TEAM in bases and getattr(obj, _TEAM, None) in facts.team_ids:
        return Basis.TEAM
    if Basis.OWN in bases and getattr(obj, _OWN, None) == facts.user_id:
        return Basis.OWN
    if Basis.ORGANISATION in bases and getattr(obj, _ORGANISATION, None) == facts.organisation_id:
        return Basis.ORGANISATION
    if Basis.NEIGHBOURHOOD in bases and (
        about is not None or getattr(obj, _NEIGHBOURHOOD, None) in facts.neighbourhood_ids
    ):
        return Basis.NEIGHBOURHOOD
    if Basis.GRANT in bases:
        return Basis.GRANT
    return found[0].basis if found else Basis.NEIGHBOURHOOD


def _resident_id(obj):
    return getattr(obj, _RESIDENT, None)


def _subject_refs(spec: PersonalData, objects: list) -> dict:
    """Per object id: the public ids of the residents it is about (a household's live members: one query)."""
    refs = {}
    if resident_prefix(spec) is not None:
        for obj in objects:
            ref = getattr(obj, _REF, None)
            if ref:
                refs[id(obj)] = [("resident", str(ref))]
            else:
                refs[id(obj)] = [(spec.model._meta.model_name, str(obj.public_id))] if spec.subject_self else []
        return refs
    household_ids = {getattr(obj, _HOUSEHOLD) for obj in objects}
    resident = spec_for_label("people.Resident").model
    members: dict[int, list[str]] = {}
    rows = resident.objects.filter(household_id__in=household_ids, merged_into__isnull=True).order_by("id")
    for household_id, public_id in rows.values_list("household_id", "public_id"):
        members.setdefault(household_id, []).append(str(public_id))
    return {id(obj): [("resident", ref) for ref in members.get(getattr(obj, _HOUSEHOLD), [])] for obj in objects}


def _hide_others(spec: PersonalData, user, objects: list) -> list[str]:
    """Mark the other residents named on each record that the user may not see; return the visible refs."""
    if not spec.others:
        return []
    keys = [f"wk_other_{i}" for i in range(len(spec.others))]
    visible = {}
    if all(hasattr(o, f"{key}_ref") for o in objects for key in keys):
        # Decided in the query that read the records (``annotated`` with the user).
        visible = {getattr(o, key): getattr(o, f"{key}_ref") for o in objects for key in keys}
        visible = {pk: ref for pk, ref in visible.items() if ref is not None}
    elif ids := {getattr(o, key) for o in objects for key in keys} - {None}:
        resident_spec = spec_for_label("people.Resident")
        rows = resident_spec.model.objects.filter(scope_q(resident_spec, user), pk__in=ids)
        visible = dict(rows.values_list("pk", "public_id"))
    refs = []
    for obj in objects:
        obj.hidden_people = set()
        for i, path in enumerate(spec.others):
            other = getattr(obj, f"wk_other_{i}")
            if other is None:
                continue
            if other in visible:
                refs.append(str(visible[other]))
            else:
                obj.hidden_people.add(path)
    return refs


def log_objects(
    spec: PersonalData,
    *,
    user,
    view: str,
    objects: list,
    fields=None,
    about=None,
    event: str = Event.PERSONAL_DATA_READ,
    reason: str = "",
    break_glass: bool = False,
) -> None:
    """Write the audit reads for ``objects`` (from ``scoped``): one per resident they are about."""
    objects = list(objects)
    if not objects:
        return
    _fill(spec, objects)
    fields = tuple(fields or spec.fields)
    facts = user_facts(user)
    found = scopes(spec, user, about=about)
    subject_refs = _subject_refs(spec, objects)
    bases = {id(obj): Basis.BREAK_GLASS if break_glass else _basis(obj, found, facts, about) for obj in objects}
    terms = {}
    granted = [o for o in objects if bases[id(o)] == Basis.GRANT]
    if granted and about is not None:
        terms = {about.resident_id: about.grants.get(spec.category, (Purpose.HANDOVER, False))}
    elif granted and resident_prefix(spec) is not None:
        ids = {_resident_id(o) for o in granted}
        terms = grant_terms(organisation_id=facts.organisation_id, category=spec.category, resident_ids=ids)
    reads = []
    for obj in objects:
        basis = bases[id(obj)]
        purpose, consent = Purpose.CASE_WORK, False
        if basis == Basis.GRANT:
            purpose, consent = terms.get(_resident_id(obj), (Purpose.HANDOVER, False))
        elif basis == Basis.BREAK_GLASS:
            purpose = Purpose.BREAK_GLASS
        if spec.handler and getattr(obj, _HANDLER, None) == user.pk:
            relationship = Relationship.HANDLER
        elif basis in (Basis.TEAM, Basis.NEIGHBOURHOOD):
            relationship = Relationship.TEAM_MEMBER
        elif basis in (Basis.GRANT, Basis.ORGANISATION):
            relationship = Relationship.GRANT_HOLDER
        elif basis == Basis.OWN:
            relationship = Relationship.OWN
        else:
            relationship = Relationship.NONE
        reads.extend(
            Read(
                subject_type=subject_type,
                subject_ref=ref,
                object_type=spec.label,
                category=spec.category,
                fields=fields,
                purpose=purpose,
                basis=f"{basis}:{purpose}" if basis == Basis.GRANT else basis,
                relationship=relationship,
                consent=consent,
                emergency=break_glass,
                reason=reason,
                event=event,
            )
            for subject_type, ref in subject_refs[id(obj)]
        )
    others = _hide_others(spec, user, objects)
    reads.extend(
        Read(
            subject_ref=ref,
            object_type=spec.label,
            category=DataCategory.PERSONAL_DETAILS,
            fields=("name",),
            purpose=Purpose.CASE_WORK,
            basis=Basis.NEIGHBOURHOOD,
            relationship=Relationship.TEAM_MEMBER,
        )
        for ref in others
    )
    audit_reads_record(actor=user, view=view, reads=reads)


def read_one(
    spec: PersonalData,
    *,
    user,
    view: str,
    lookup: dict,
    queryset: QuerySet | None = None,
    fields=None,
    permission: str | None = None,
    event: str = Event.PERSONAL_DATA_READ,
    reason: str = "",
    break_glass: bool = False,
):
    """One record by ``lookup`` within the user's scope (any record, with ``break_glass``), logged."""
    ref = next(iter(lookup.values()), "")
    if not user.has_perm(permission or spec.permission):
        refuse(user=user, ref=ref, view=view)
    queryset = spec.model.objects.all() if queryset is None else queryset
    with audit_call():
        qs = annotated(spec, queryset.filter(**lookup)) if break_glass else scoped(spec, user, queryset)
        obj = qs.filter(**lookup).first()
        if obj is None:
            refuse(user=user, ref=ref, view=view)
        log_objects(
            spec,
            user=user,
            view=view,
            objects=[obj],
            fields=fields,
            event=event,
            reason=reason,
            break_glass=break_glass,
        )
    return obj


def read_list(
    spec: PersonalData,
    *,
    user,
    view: str,
    queryset: QuerySet | None = None,
    about=None,
    limit: int | None = None,
    fields=None,
    permission: str | None = None,
) -> list:
    """The records (or the first ``limit``) of ``queryset`` within the user's scope, each logged.

    Without the permission: an empty list (a list never reveals what it leaves out).
    """
    if not user.has_perm(permission or spec.permission):
        return []
    with audit_call():
        qs = scoped(spec, user, queryset, about=about)
        objects = list(qs[:limit] if limit is not None else qs)
        if about is not None:
            _fill(spec, objects, _about_values(spec, about))
        log_objects(spec, user=user, view=view, objects=objects, fields=fields, about=about)
    return objects


def read_about(
    spec: PersonalData,
    *,
    user,
    view: str,
    objects: list,
    about,
    page: int | str = 1,
    per_page: int = 25,
    fields=None,
    permission: str | None = None,
):
    """One page of records about ``about``'s resident that were fetched already (``resident_grants``, once
    per call): all of them if the user may read such records of this resident, else none; only the records
    on the page are logged. For models whose rule is the same for all records of one resident (no owning
    team, no own records): the rule is decided for the resident, not per record."""
    if spec.team or spec.own:
        raise ValueError(f"{spec.label}: its rule is per record; read it with read_list(about=...)")
    if not user.has_perm(permission or spec.permission):
        raise NotFoundOrForbidden
    column = _column(f"{resident_prefix(spec)}id")
    objects = (
        [o for o in objects if getattr(o, column) == about.resident_id] if may_read(spec, user, about=about) else []
    )
    with audit_call():
        page_obj = Paginator(objects, per_page).get_page(page)
        shown = list(page_obj.object_list)
        _fill(spec, shown, _about_values(spec, about))
        log_objects(spec, user=user, view=view, objects=shown, fields=fields, about=about)
    page_obj.object_list = shown
    return page_obj


def read_page(
    spec: PersonalData,
    *,
    user,
    view: str,
    queryset: QuerySet | None = None,
    page: int | str = 1,
    per_page: int = 25,
    fields=None,
    permission: str | None = None,
):
    """One page of ``queryset`` within the user's scope; only the records on the page are logged."""
    if not user.has_perm(permission or spec.permission):
        raise NotFoundOrForbidden
    with audit_call():
        page_obj = Paginator(scoped(spec, user, queryset), per_page).get_page(page)
        objects = list(page_obj.object_list)
        log_objects(spec, user=user, view=view, objects=objects, fields=fields)
    page_obj.object_list = objects
    return page_obj


def may_read(spec: PersonalData, user, *, about) -> bool:
    """Whether the user could see any record of ``spec`` about this resident (sections and links)."""
    return user.has_perm(spec.permission) and bool(scopes(spec, user, about=about))


def count(spec: PersonalData, user, queryset: QuerySet | None = None) -> int:
    """How many records of ``queryset`` are in the user's scope: a figure, not personal data, not logged."""
    if not user.has_perm(spec.permission):
        return 0
    queryset = spec.model.objects.all() if queryset is None else queryset
    return queryset.filter(combined_q(scopes(spec, user))).count()
