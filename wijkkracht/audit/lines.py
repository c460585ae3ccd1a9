"""Log entries, refusals and flags as the privacy officer reads them: in Dutch, nothing in code names."""

from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext as _

from .durations import duration_in_words
from .labels import basis_labels, category_labels, field_labels, object_labels, view_label, yes_no
from .models import Flag, Refusal


def _subject(subject_type: str, ref: str) -> str:
    kind = _("signaal") if subject_type == "signal" else _("inwoner")
    return f"{kind} {ref[:8].upper()}"


@dataclass
class LogLine:
    entry: object  # the AuditEvent
    who: str
    subject: str
    event: str
    view: str
    objects: str
    fields: str
    categories: str
    basis: str
    relationship: str
    consent: str
    emergency: str
    purpose: str
    place: str


def log_line(entry) -> LogLine:
    if entry.chain is None:
        place = _("oude keten, regel %(id)s") % {"id": entry.id}
    else:
        place = _("keten %(chain)s, regel %(seq)s") % {"chain": entry.chain, "seq": entry.seq}
    return LogLine(
        entry=entry,
        who=entry.actor_name or entry.actor_username,
        subject=_subject(entry.subject_type, entry.subject_ref),
        event=entry.get_event_display(),
        view=view_label(entry.view),
        objects=", ".join(object_labels(entry.object_type)),
        fields=", ".join(field_labels(entry.fields, entry.object_type)),
        categories=", ".join(category_labels(entry.categories)),
        # Entries from before the NEN 7513 fields (format 1) did not record them.
        basis=", ".join(basis_labels(entry.basis)) or _("niet vastgelegd"),
        relationship=entry.get_relationship_display() if entry.relationship else _("niet vastgelegd"),
        consent=yes_no(entry.consent) if entry.format >= 2 else _("niet vastgelegd"),
        emergency=yes_no(entry.emergency) if entry.format >= 2 else _("niet vastgelegd"),
        purpose=entry.get_purpose_display(),
        place=place,
    )


@dataclass
class RefusalLine:
    refusal: Refusal
    who: str
    subject: str
    view: str


def refusal_line(refusal: Refusal) -> RefusalLine:
    return RefusalLine(
        refusal=refusal,
        who=refusal.actor_name or refusal.actor_username,
        subject=_subject(refusal.subject_type, refusal.subject_ref),
        view=view_label(refusal.view),
    )


@dataclass
class FlagLine:
    flag: Flag
    who: str
    kind: str
    detail: str
    age: str


def flag_line(flag: Flag) -> FlagLine:
    detail = flag.detail
    if flag.subject_ref:
        detail = f"{_subject('resident', flag.subject_ref)}: {detail}"
    return FlagLine(
        flag=flag,
        who=(f"{flag.actor_name} ({flag.actor_username})" if flag.actor_name else flag.actor_username) or "—",
        kind=flag.get_kind_display(),
        detail=detail,
        age=_("%(duration)s geleden") % {"duration": duration_in_words(timezone.now() - flag.at)},
    )
