"""Merging two records of the same person: every related row moves to the kept record; the other stays as
a tombstone so audit entries about it keep their meaning."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.db.models import ProtectedError, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from wijkkracht.audit.models import Event
from wijkkracht.audit.services import audit_record_write
from wijkkracht.people.models import Relation, Resident


def _unique_field_sets(model, field_name: str) -> list[tuple[tuple[str, ...], Q | None]]:
    """The unique constraints of ``model`` that include ``field_name`` (with their condition, if any)."""
    sets = []
    field = model._meta.get_field(field_name)
    if field.unique:
        sets.append(((field_name,), None))
    for together in model._meta.unique_together:
        if field_name in together:
            sets.append((tuple(together), None))
    for constraint in model._meta.constraints:
        if isinstance(constraint, models.UniqueConstraint) and constraint.fields and field_name in constraint.fields:
            sets.append((tuple(constraint.fields), constraint.condition))
    return sets


def _move_rows(model, field_name: str, *, keep: Resident, duplicate: Resident) -> int:
    """Re-point every row of ``model`` from the duplicate to the kept record.

    A row that would then break a unique constraint (the same fact recorded on both records) is a
    duplicate itself and is deleted; the kept record's row stays.
    """
    manager = model._base_manager
    rows = manager.filter(**{field_name: duplicate})
    for fields, condition in _unique_field_sets(model, field_name):
        others = [f for f in fields if f != field_name]
        candidates = rows.filter(condition) if condition is not None else rows
        attnames = [model._meta.get_field(f).attname for f in others]
        for row in candidates.values("pk", *attnames):
            clash = manager.filter(**{field_name: keep}, **{a: row[a] for a in attnames})
            if condition is not None:
                clash = clash.filter(condition)
            if clash.exists():
                manager.filter(pk=row["pk"]).delete()
    return manager.filter(**{field_name: duplicate}).update(**{field_name: keep})


@transaction.atomic
def resident_merge(
    *, keep: Resident, duplicate: Resident, by, reason: str, view: str = "people:resident-merge-confirm"
) -> Resident:
    """Merge two records of the same person into ``keep``.

    Every row that refers to the duplicate (requests, contacts, grants, relations, records in apps this
    function does not know) moves to ``keep``; missing phone, e-mail and BSN are copied; the duplicate
    stays as a merged record (``merged_into``), so audit entries about it keep their meaning. The merge
    itself is written to the audit log under both references.
    """
    reason = (reason or "").strip()
    errors = {}
    if keep.pk == duplicate.pk:
        errors["__all__"] = _("Kies twee verschillende inwoners om samen te voegen.")
    elif keep.merged_into_id or duplicate.merged_into_id:
        errors["__all__"] = _("Een van deze inwoners is al samengevoegd met een ander dossier.")
    elif keep.bsn_hash and duplicate.bsn_hash and keep.bsn_hash != duplicate.bsn_hash:
        errors["__all__"] = _("Deze inwoners hebben een verschillend BSN: het zijn niet dezelfde persoon.")
    if not reason:
        errors["reason"] = _("Geef aan waarom dit dezelfde persoon is.")
    if errors:
        raise ValidationError(errors)
    keep = Resident.objects.select_for_update().get(pk=keep.pk)
    duplicate = Resident.objects.select_for_update().get(pk=duplicate.pk)

    # Relations between the two would become a relation of the person with themself.
    Relation.objects.filter(Q(resident=keep, related=duplicate) | Q(resident=duplicate, related=keep)).delete()
    moved = []
    try:
        for rel in Resident._meta.related_objects:
            if rel.related_model is Resident and rel.field.name == "merged_into":
                continue
            if rel.many_to_many:
                through = rel.through
                for f in through._meta.fields:
                    is_resident = f.is_relation and f.related_model is Resident
                    if is_resident and _move_rows(through, f.name, keep=keep, duplicate=duplicate):
                        moved.append(f"{through._meta.label}.{f.name}")
                continue
            if _move_rows(rel.related_model, rel.field.name, keep=keep, duplicate=duplicate):
                moved.append(f"{rel.related_model._meta.label}.{rel.field.name}")
    except (IntegrityError, ProtectedError) as error:
        raise ValidationError(
            _("Deze inwoners kunnen niet automatisch worden samengevoegd: %(error)s"), params={"error": error}
        ) from error
    # Earlier merges into the duplicate now point at the kept record.
    Resident.objects.filter(merged_into=duplicate).update(merged_into=keep)

    copied = []
    for name in ("phone", "email"):
        if not getattr(keep, name) and getattr(duplicate, name):
            setattr(keep, name, getattr(duplicate, name))
            copied.append(name)
    bsn_fields = ("bsn_encrypted", "bsn_hash", "bsn_last_digits")
    if not keep.bsn_hash and duplicate.bsn_hash:
        for name in bsn_fields:
            setattr(keep, name, getattr(duplicate, name))
        copied.append("bsn")
    # The duplicate keeps its name (audit entries refer to it) but no longer a BSN of its own.
    for name in bsn_fields:
        setattr(duplicate, name, "")
    duplicate.merged_into = keep
    duplicate.merged_at = timezone.now()
    duplicate.save(update_fields=[*bsn_fields, "merged_into", "merged_at"])
    keep.save(update_fields=["phone", "email", *bsn_fields])
    audit_record_write(
        actor=by,
        subject_refs=[str(keep.public_id), str(duplicate.public_id)],
        object_type="people.Resident",
        fields=["merge", *copied],
        view=view,
        reason=f"{reason} [samengevoegd: {duplicate.reference} → {keep.reference}]",
        event=Event.RESIDENT_MERGED,
    )
    keep.merged_rows = moved
    return keep
