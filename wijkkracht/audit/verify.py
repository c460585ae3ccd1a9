"""Verifying the hash chain of the audit log."""

from dataclasses import dataclass

from .models import AuditEvent
from .services import GENESIS_HASH, entry_hash, entry_payload


@dataclass
class ChainReport:
    checked: int
    broken_id: int | None = None
    problem: str = ""

    @property
    def ok(self) -> bool:
        return self.broken_id is None


def audit_chain_verify(*, batch_size: int = 5000) -> ChainReport:
    """Walk the chain in id order; name the first entry whose link or content does not match."""
    prev_hash = GENESIS_HASH
    checked = 0
    last_id = 0
    while True:
        batch = list(AuditEvent.objects.filter(id__gt=last_id).order_by("id")[:batch_size])
        if not batch:
            return ChainReport(checked=checked)
        for entry in batch:
            if entry.prev_hash != prev_hash:
                return ChainReport(checked, entry.id, "de verwijzing naar de vorige regel klopt niet")
            if entry_hash(prev_hash=entry.prev_hash, payload=entry_payload(entry)) != entry.hash:
                return ChainReport(checked, entry.id, "de inhoud van de regel is gewijzigd")
            prev_hash = entry.hash
            checked += 1
        last_id = batch[-1].id
