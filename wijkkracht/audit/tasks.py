"""Background jobs of the audit log (Celery beat in production; `manage.py run_jobs` in the demo)."""

from celery import shared_task

from .models import Flag
from .services import anchor_seal
from .verify import audit_verify


@shared_task(name="wijkkracht.audit.tasks.seal_chains")
def seal_chains() -> dict:
    """Every minute: seal the heads of all chains in a signed anchor (database and file)."""
    anchor = anchor_seal()
    if anchor is None:
        return {"sealed": False}
    return {"sealed": True, "number": anchor.number, "chains": len(anchor.heads["chains"])}


@shared_task(name="wijkkracht.audit.tasks.verify_chain")
def verify_chain() -> dict:
    """Every hour: verify every chain against the newest anchor; each problem raises a ``chain_broken``
    flag for the privacy officer, once (per broken place, or per anchor problem)."""
    report = audit_verify()
    for problem in report.anchor.problems:
        Flag.objects.get_or_create(kind=Flag.Kind.CHAIN_BROKEN, chain=None, seq=None, detail=problem)
    for chain in report.broken:
        Flag.objects.get_or_create(
            kind=Flag.Kind.CHAIN_BROKEN,
            chain=chain.chain,
            seq=chain.bad_seq,
            audit_event_id=chain.bad_id,
            defaults={"detail": chain.describe()},
        )
    return {"ok": report.ok, "checked": report.checked, "problems": len(report.problems)}
