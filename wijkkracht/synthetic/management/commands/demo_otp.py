"""python manage.py demo_otp: the current six-digit code of the demo users' second factor.

Prints only the code on stdout (so scripts can use it: CODE=$(... demo_otp)), the rest on stderr.
"""

from django.core.management.base import BaseCommand, CommandError
from django_otp.plugins.otp_totp.models import TOTPDevice

from wijkkracht.synthetic.demo import DEMO_USERS, seconds_left, totp_code


class Command(BaseCommand):
    help = "Toont de huidige zescijferige code voor de tweede factor van de demogebruikers."

    def handle(self, *args, **options):
        usernames = [u.username for u in DEMO_USERS if u.needs_second_factor]
        device = (
            TOTPDevice.objects.filter(user__username__in=usernames, confirmed=True).order_by("user__username").first()
        )
        if device is None:
            raise CommandError(
                "De demogebruikers bestaan nog niet. Maak ze eerst aan met: .venv/bin/python manage.py generate_city"
            )
        self.stdout.write(
            totp_code(device.key, step=device.step, t0=device.t0, digits=device.digits, drift=device.drift)
        )
        left = seconds_left(step=device.step, t0=device.t0)
        self.stderr.write(
            f"Nog {left} {'seconde' if left == 1 else 'seconden'} geldig; "
            "geldt voor elke demogebruiker met een tweede factor."
        )
