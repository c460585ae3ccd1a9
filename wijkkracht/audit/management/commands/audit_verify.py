from django.core.management.base import BaseCommand, CommandError

from wijkkracht.audit.verify import audit_chain_verify


class Command(BaseCommand):
    help = "Controleert de hashketen van het auditlog en noemt de eerste aangetaste regel."

    def handle(self, *args, **options):
        report = audit_chain_verify()
        if not report.ok:
            raise CommandError(
                f"Auditlog aangetast: regel {report.broken_id} ({report.problem}); "
                f"{report.checked} regels ervoor zijn in orde."
            )
        self.stdout.write(f"Auditlog in orde: {report.checked} regels gecontroleerd.")
