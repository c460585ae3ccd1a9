"""Verifying the audit log: every chain, link by link, against the newest genuine anchor.

Per chain the first bad entry is named: a position missing from the sequence (removed), an entry whose
content no longer matches its hash (edited), whose link to the entry before does not match (an entry
before it replaced), or both (moved); the entry at the anchored head must carry the anchored hash
(else the chain was rewritten up to there), and the chain must reach the anchored head (else its tail
was removed). What the anchors can and cannot show: docs/audit-log.md.

On PostgreSQL the chains are checked in parallel, by a pool of threads with one database connection
each (``AUDIT_VERIFY_WORKERS``). Inside a transaction (and on SQLite) they are checked one after the
other on the caller's connection: other connections would not see that transaction's rows.
"""

import time
from collections import namedtuple
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from django.conf import settings
from django.db import connection, connections

from .anchors import AnchorCheck, anchor_check
from .chain import FORMAT, GENESIS_HASH, chain_heads, entry_hash, entry_payload
from .models import AuditEvent

BATCH_SIZE = 5000
# The columns the check needs, read as plain rows (no model instances: about a third faster).
_COLUMNS = (
    "id", "at", "event", "actor_id", "actor_username", "actor_name", "actor_organisation", "actor_role",
    "subject_type", "subject_ref", "object_type", "fields", "categories", "view", "purpose", "basis",
    "relationship", "consent", "emergency", "reason", "format", "chain", "seq", "prev_hash", "hash",
)  # fmt: skip
_Row = namedtuple("_Row", _COLUMNS)


def _rows(queryset) -> list:
    return [_Row(*values) for values in queryset.values_list(*_COLUMNS)]


@dataclass
class ChainReport:
    chain: int | None  # None: the legacy chain (entries from before the chains)
    checked: int = 0
    bad_seq: int | None = None
    bad_id: int | None = None
    problem: str = ""

    @property
    def ok(self) -> bool:
        return not self.problem

    @property
    def name(self) -> str:
        return "de oude keten" if self.chain is None else f"keten {self.chain}"

    def describe(self) -> str:
        if self.chain is None:
            where = f"oude keten, auditregel {self.bad_id}"
        else:
            where = f"keten {self.chain}, regel {self.bad_seq}"
            if self.bad_id is not None:
                where += f" (auditregel {self.bad_id})"
        return f"{where}: {self.problem}; {self.checked} regels ervoor zijn in orde"

    def fail(self, *, seq=None, entry_id=None, problem: str) -> "ChainReport":
        self.bad_seq, self.bad_id, self.problem = seq, entry_id, problem
        return self


@dataclass
class VerifyReport:
    chains: list[ChainReport]
    anchor: AnchorCheck
    seconds: float = 0.0
    parallel: bool = False
    notes: list[str] = field(default_factory=list)

    @property
    def broken(self) -> list[ChainReport]:
        return [c for c in self.chains if not c.ok]

    @property
    def ok(self) -> bool:
        return not self.broken and not self.anchor.problems

    @property
    def checked(self) -> int:
        return sum(c.checked for c in self.chains)

    @property
    def problems(self) -> list[str]:
        return [*self.anchor.problems, *(c.describe() for c in self.broken)]


def _entry_problem(entry, prev_hash: str) -> str:
    link_ok = entry.prev_hash == prev_hash
    content_ok = entry_hash(prev_hash=entry.prev_hash, payload=entry_payload(entry)) == entry.hash
    if not link_ok and not content_ok:
        return "de regel is verplaatst of gewijzigd (inhoud en verwijzing naar de vorige regel kloppen niet)"
    if not content_ok:
        return "de inhoud van de regel is gewijzigd"
    if not link_ok:
        return "de verwijzing naar de vorige regel klopt niet: een regel ervoor is vervangen of verplaatst"
    return ""


def _missing(first: int, last: int, why: str) -> str:
    if first == last:
        return f"regel {first} ontbreekt: {why}"
    return f"regels {first} tot en met {last} ontbreken: {why}"


def chain_verify(chain: int, head: list | None, anchor_name: str = "") -> ChainReport:
    """Check one chain from its first entry; ``head`` is the anchored ``[seq, hash]``, if any."""
    report = ChainReport(chain=chain)
    expected, prev_hash, last = 1, GENESIS_HASH, 0
    while batch := _rows(AuditEvent.objects.filter(chain=chain, seq__gt=last).order_by("seq")[:BATCH_SIZE]):
        for entry in batch:
            if entry.seq != expected:
                return report.fail(seq=expected, problem=_missing(expected, entry.seq - 1, "verwijderd"))
            problem = _entry_problem(entry, prev_hash)
            if not problem and entry.format != FORMAT:
                problem = "de regel heeft een opmaak die in een keten niet voorkomt: gewijzigd"
            if not problem and head and entry.seq == head[0] and entry.hash != head[1]:
                problem = f"de regel wijkt af van {anchor_name}: de keten is tot hier herschreven"
            if problem:
                return report.fail(seq=entry.seq, entry_id=entry.id, problem=problem)
            prev_hash, expected = entry.hash, expected + 1
            report.checked += 1
        last = batch[-1].seq
    if head and expected <= head[0]:
        why = f"verwijderd na {anchor_name}, die er {head[0]} telde"
        return report.fail(seq=expected, problem=_missing(expected, head[0], why))
    return report


def legacy_verify(head: list | None, anchor_name: str = "") -> ChainReport:
    """The entries from before the chains, in id order, as they were always verified; ``head`` is the
    anchored ``[id, hash]`` of the last of them, if any (the legacy chain no longer grows)."""
    report = ChainReport(chain=None)
    prev_hash, last_id = GENESIS_HASH, 0
    while batch := _rows(AuditEvent.objects.filter(chain__isnull=True, id__gt=last_id).order_by("id")[:BATCH_SIZE]):
        for entry in batch:
            problem = _entry_problem(entry, prev_hash)
            if not problem and head and entry.id == head[0] and entry.hash != head[1]:
                problem = f"de regel wijkt af van {anchor_name}: de keten is tot hier herschreven"
            if not problem and head and entry.id > head[0]:
                problem = f"de regel is na {anchor_name} toegevoegd aan de oude keten, die niet meer groeit"
            if problem:
                return report.fail(entry_id=entry.id, problem=problem)
            prev_hash, last_id = entry.hash, entry.id
            report.checked += 1
    if head and last_id < head[0]:
        return report.fail(
            entry_id=head[0],
            problem=f"de laatste regels van de oude keten, tot en met auditregel {head[0]}, ontbreken: "
            f"verwijderd na {anchor_name}",
        )
    return report


def _in_own_connection(job):
    try:
        return job()
    finally:
        connections.close_all()  # this thread's connections only


def audit_verify(*, workers: int | None = None) -> VerifyReport:
    """Check every chain (and the legacy chain) against the newest genuine anchor."""
    started = time.monotonic()
    anchor = anchor_check()
    heads = anchor.heads or {}
    anchored_chains = {int(c): head for c, head in (heads.get("chains") or {}).items()}
    present = chain_heads()
    chains = sorted(set(anchored_chains) | {int(c) for c in present["chains"]})
    name = anchor.describe()
    jobs = [lambda: legacy_verify(heads.get("legacy"), name)] if (present["legacy"] or heads.get("legacy")) else []
    jobs += [lambda c=c: chain_verify(c, anchored_chains.get(c), name) for c in chains]
    workers = settings.AUDIT_VERIFY_WORKERS if workers is None else workers
    parallel = connection.vendor == "postgresql" and not connection.in_atomic_block and workers > 1 and len(jobs) > 1
    if parallel:
        with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="audit-verify") as pool:
            reports = list(pool.map(_in_own_connection, jobs))
    else:
        reports = [job() for job in jobs]
    report = VerifyReport(chains=reports, anchor=anchor, seconds=time.monotonic() - started, parallel=parallel)
    if anchor.number is None:
        report.notes.append(
            "Nog geen verzegeling: verwijderde regels aan het eind van een keten zijn dan niet te zien."
        )
    return report


# The name the hourly job and older callers know.
audit_chain_verify = audit_verify
