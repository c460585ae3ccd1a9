from django.core.management.base import BaseCommand

from wijkkracht.volunteers.services import vog_reminders_send


class Command(BaseCommand):
    help = "E-mail active volunteers whose VOG lapses within six weeks (once per VOG)."

    def handle(self, *args, **options):
        self.stdout.write(f"{vog_reminders_send()} herinneringen verstuurd.")
