"""Anchors: signed seals of the heads of all chains, in the database and in a file outside it.

Every minute a job (``tasks.seal_chains``) reads the newest entry of every chain and writes an
``AuditAnchor``: its number, time, the heads, the previous anchor's signature, all signed with
HMAC-SHA256 (``AUDIT_ANCHOR_KEY``). The same anchor goes, as one JSON line, to an append-only file
(``AUDIT_ANCHOR_PATH``). Whoever can change the database but has neither the key nor the file cannot
cut a chain short, or rewrite it, below the newest anchor without ``audit_verify`` noticing.
"""

import hashlib
import hmac
import json
import os
from dataclasses import dataclass, field

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.formats import date_format

from .chain import ANCHOR_LOCK_CLASS, GENESIS_HASH, chain_heads
from .models import AuditAnchor, Flag

# How far back the file is read to find its last complete line (an anchor line is a few kB).
_TAIL_BYTES = 256 * 1024
# How many anchors a seal copies to the file when the file missed some (a failed write, a new file).
_CATCH_UP = 1440


def anchor_key() -> bytes:
    """The signing key: ``AUDIT_ANCHOR_KEY``, else derived from SECRET_KEY (demo and tests only)."""
    if settings.AUDIT_ANCHOR_KEY:
        return settings.AUDIT_ANCHOR_KEY.encode()
    return hmac.new(settings.SECRET_KEY.encode(), b"wijkkracht audit anchor key", hashlib.sha256).digest()


def key_id(key: bytes | None = None) -> str:
    """A short name of the key (not the key): tells "signed with another key" from "forged"."""
    return hashlib.sha256(b"key-id|" + (key or anchor_key())).hexdigest()[:16]


def anchor_body(*, number: int, at: str, key: str, prev: str, heads: dict) -> dict:
    return {"number": number, "at": at, "key_id": key, "prev": prev, "heads": heads}


def _canonical(body: dict) -> bytes:
    return json.dumps(body, sort_keys=True, separators=(",", ":")).encode()


def sign(body: dict, key: bytes | None = None) -> str:
    return hmac.new(key or anchor_key(), _canonical(body), hashlib.sha256).hexdigest()


def body_of(anchor: AuditAnchor) -> dict:
    return anchor_body(
        number=anchor.number,
        at=anchor.at.isoformat(),
        key=anchor.key_id,
        prev=anchor.prev_signature,
        heads=anchor.heads,
    )


def anchor_line(anchor: AuditAnchor) -> str:
    return json.dumps({**body_of(anchor), "signature": anchor.signature}, sort_keys=True, separators=(",", ":"))


def _append_lines(lines: list[str]) -> None:
    """Append to the anchor file (created with its directory), and wait until it is on disk."""
    if not lines:
        return
    path = settings.AUDIT_ANCHOR_PATH
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o640)
    try:
        os.write(fd, "".join(f"{line}\n" for line in lines).encode())
        os.fsync(fd)
    finally:
        os.close(fd)


@dataclass
class FileTail:
    """The newest anchor in the file, as read back."""

    exists: bool
    record: dict | None = None
    unreadable_tail: bool = False


def read_file_tail() -> FileTail:
    path = settings.AUDIT_ANCHOR_PATH
    if not path.exists():
        return FileTail(exists=False)
    with path.open("rb") as handle:
        handle.seek(0, os.SEEK_END)
        size = handle.tell()
        handle.seek(max(0, size - _TAIL_BYTES))
        tail = handle.read().decode(errors="replace")
    lines = [line for line in tail.splitlines() if line.strip()]
    unreadable = False
    for line in reversed(lines):
        try:
            record = json.loads(line)
        except ValueError:
            unreadable = True  # a line cut short by a crash, or not ours: the one before counts
            continue
        if isinstance(record, dict) and "number" in record:
            return FileTail(exists=True, record=record, unreadable_tail=unreadable)
        unreadable = True
    return FileTail(exists=True, unreadable_tail=unreadable)


def _forged(anchor: AuditAnchor) -> bool:
    """Signed with today's key, but the signature does not match (an anchor signed with another key,
    before a key rotation, cannot be checked and is not called forged)."""
    return anchor.key_id == key_id() and not hmac.compare_digest(sign(body_of(anchor)), anchor.signature)


def _genuine(anchor: AuditAnchor) -> bool:
    return anchor.key_id == key_id() and not _forged(anchor)


def anchor_write() -> AuditAnchor | None:
    """Seal the chains' heads (see the module docstring). Returns None when nothing changed since the
    previous anchor; the file still gets any anchor it missed. A forged anchor found on top raises a
    ``chain_broken`` flag and is passed over: the new anchor links to the last one that is not."""
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(%s, 0)", [ANCHOR_LOCK_CLASS])
        recent = list(AuditAnchor.objects.order_by("-number")[:100])
        previous = next((a for a in recent if not _forged(a)), None)
        for forged in recent[: recent.index(previous) if previous else len(recent)]:
            Flag.objects.get_or_create(
                kind=Flag.Kind.CHAIN_BROKEN,
                detail=f"Verzegeling {forged.number} in de database is vervalst: de handtekening klopt niet.",
            )
        heads = chain_heads()
        anchor = None
        if (heads["chains"] or heads["legacy"]) and (previous is None or previous.heads != heads):
            key = anchor_key()
            number = (recent[0].number if recent else 0) + 1
            at = timezone.now()
            prev = previous.signature if previous else GENESIS_HASH
            body = anchor_body(number=number, at=at.isoformat(), key=key_id(key), prev=prev, heads=heads)
            anchor = AuditAnchor.objects.create(
                number=number, at=at, key_id=body["key_id"], prev_signature=prev, heads=heads, signature=sign(body, key)
            )
    # After the commit: the file never holds an anchor the database does not.
    tail = read_file_tail()
    in_file = int(tail.record["number"]) if tail.record else 0
    missing = AuditAnchor.objects.filter(number__gt=in_file).order_by("-number")[:_CATCH_UP]
    _append_lines([anchor_line(a) for a in reversed(missing) if _genuine(a)])
    return anchor


@dataclass
class AnchorCheck:
    """Which anchor the chains are checked against, and what is wrong with the anchors themselves."""

    number: int | None = None
    at: object = None
    heads: dict = field(default_factory=lambda: {"legacy": None, "chains": {}})
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def describe(self) -> str:
        if self.number is None:
            return "geen verzegeling"
        return f"verzegeling {self.number} van {date_format(timezone.localtime(self.at), 'j-n-Y H:i:s')}"


def _signature_problem(body: dict, signature: str, where: str) -> str:
    if body.get("key_id") != key_id():
        return (
            f"Verzegeling {body.get('number')} {where} is getekend met een andere sleutel "
            f"(sleutel {body.get('key_id')}), of vervalst."
        )
    if not hmac.compare_digest(sign(body), str(signature)):
        return f"Verzegeling {body.get('number')} {where} is vervalst: de handtekening klopt niet."
    return ""


def anchor_check() -> AnchorCheck:
    """The newest genuine anchor, from the database cross-checked with the file when it is there."""
    check = AnchorCheck()
    db_anchor = None
    for candidate in AuditAnchor.objects.order_by("-number")[:100]:
        problem = _signature_problem(body_of(candidate), candidate.signature, "in de database")
        if not problem:
            db_anchor = candidate
            break
        check.problems.append(problem)
        if candidate.key_id != key_id():
            break  # signed with another key: so are the ones before it
    if db_anchor is not None and db_anchor.prev_signature != GENESIS_HASH:
        older = AuditAnchor.objects.filter(number__lt=db_anchor.number).order_by("-number")[:100]
        if not any(a.signature == db_anchor.prev_signature and not _forged(a) for a in older):
            check.problems.append(
                f"De verzegeling voor verzegeling {db_anchor.number} ontbreekt in de database: verwijderd of vervangen."
            )
    chosen = db_anchor and {**body_of(db_anchor), "signature": db_anchor.signature}
    tail = read_file_tail()
    if not tail.exists:
        if db_anchor is not None:
            check.notes.append(f"Geen ankerbestand op {settings.AUDIT_ANCHOR_PATH}: alleen de database is gebruikt.")
    else:
        chosen = _cross_check(check, tail, db_anchor, chosen)
    if chosen:
        check.number = int(chosen["number"])
        check.at = parse_datetime(chosen["at"])
        check.heads = chosen["heads"]
    return check


def _cross_check(check: AnchorCheck, tail: FileTail, db_anchor, chosen):
    if tail.unreadable_tail:
        check.notes.append("De laatste regel van het ankerbestand is onleesbaar; de regel ervoor is gebruikt.")
    record = tail.record
    if record is None:
        if db_anchor is not None:
            check.problems.append(f"Het ankerbestand bevat geen verzegeling, de database wel ({db_anchor.number}).")
        return chosen
    body = {k: record.get(k) for k in ("number", "at", "key_id", "prev", "heads")}
    problem = _signature_problem(body, record.get("signature", ""), "in het ankerbestand")
    if problem:
        check.problems.append(problem)
        return chosen
    file_number = int(record["number"])
    db_number = db_anchor.number if db_anchor else 0
    if file_number > db_number:
        check.problems.append(
            f"Verzegeling {file_number} staat in het ankerbestand maar ontbreekt in de database: verwijderd."
        )
        return record
    if file_number == db_number:
        if record != chosen:
            check.problems.append(f"Verzegeling {file_number} in de database wijkt af van die in het ankerbestand.")
        return chosen
    if db_number - file_number > 1:
        check.problems.append(
            f"Het ankerbestand mist de verzegelingen {file_number + 1} tot en met {db_number}: "
            "het is ingekort, of het schrijven mislukt."
        )
    else:
        check.notes.append(f"Het ankerbestand loopt één verzegeling achter (de database heeft {db_number}).")
    file_twin = AuditAnchor.objects.filter(number=file_number).first()
    if file_twin is None or {**body_of(file_twin), "signature": file_twin.signature} != record:
        check.problems.append(f"Verzegeling {file_number} in het ankerbestand wijkt af van die in de database.")
    return chosen
