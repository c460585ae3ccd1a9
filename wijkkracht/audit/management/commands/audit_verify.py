from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from wijkkracht.audit.durations import duration_in_words
from wijkkracht.audit.verify import audit_verify


class Command(BaseCommand):
    help = (
        "Controleert elke hashketen van het auditlog tegen de nieuwste verzegeling en noemt per keten "
        "de eerste aangetaste regel. Exitstatus 1 als er iets niet klopt."
    )

    def add_arguments(self, parser):
        parser.add_argument("--workers", type=int, default=None, help="Aantal parallelle controles (PostgreSQL).")

    def handle(self, *args, workers=None, **options):
        report = audit_verify(workers=workers)
        anchor = report.anchor
        against = "zonder verzegeling"
        if anchor.number is not None:
            age = duration_in_words(timezone.now() - anchor.at)
            against = f"getoetst aan {anchor.describe()} ({age} geleden)"
        for note in [*anchor.notes, *report.notes]:
            self.stdout.write(f"Let op: {note}")
        chains = sum(1 for c in report.chains if c.chain is not None)
        summary = f"{report.checked} regels in {chains} {'keten' if chains == 1 else 'ketens'} gecontroleerd, {against}"
        if not report.ok:
            lines = "\n".join(f"- {problem}" for problem in report.problems)
            raise CommandError(f"Auditlog aangetast ({summary}):\n{lines}")
        self.stdout.write(f"Auditlog in orde: {summary}.")
