"""Background jobs of the audit log (in-process by default, on Celery when a broker is set)."""

from celery import shared_task

from .models import Flag
from .verify import audit_chain_verify


@shared_task(name="wijkkracht.audit.tasks.verify_chain")
def verify_chain() -> dict:
    """Verify the chain; a broken chain raises a flag for the privacy officer (once per broken entry)."""
    report = audit_chain_verify()
    if not report.ok:
        Flag.objects.get_or_create(
            kind=Flag.Kind.CHAIN_BROKEN,
            audit_event_id=report.broken_id,
            defaults={"detail": report.problem},
        )
    return {"ok": report.ok, "checked": report.checked, "broken_id": report.broken_id}
