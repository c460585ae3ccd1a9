"""python manage.py demo_logins: the demo users, their password, and how to pass the second factor."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from wijkkracht.synthetic.demo import DEMO_PASSWORD, DEMO_USERS, demo_totp_secret_base32, demo_totp_uri


class Command(BaseCommand):
    help = "Toont de demo-inloggegevens per rol (alleen voor demo en test)."

    def handle(self, *args, **options):
        existing = set(
            get_user_model()
            .objects.filter(username__in=[u.username for u in DEMO_USERS])
            .values_list("username", flat=True)
        )
        if not existing:
            raise CommandError(
                "De demogebruikers bestaan nog niet. Maak ze eerst aan met: .venv/bin/python manage.py generate_city"
            )
        rows = [("Rol", "Gebruikersnaam", "Wachtwoord", "Tweede factor")]
        for user in DEMO_USERS:
            second = "ja (TOTP)" if user.needs_second_factor else "niet nodig"
            if user.username not in existing:
                second += " – ontbreekt!"
            rows.append((user.role_label, user.username, DEMO_PASSWORD, second))
        widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
        self.stdout.write("Demo-inloggegevens – alleen voor demo en test, nooit met echte gegevens.\n")
        for i, row in enumerate(rows):
            self.stdout.write("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip())
            if i == 0:
                self.stdout.write("  ".join("-" * width for width in widths))
        self.stdout.write(
            "\nTweede factor (dezelfde voor alle demogebruikers):\n"
            f"  - voeg deze geheime sleutel toe aan een authenticator-app: {demo_totp_secret_base32()}\n"
            f"    (of als link/QR-code: {demo_totp_uri(issuer=settings.OTP_TOTP_ISSUER)})\n"
            "  - of vraag de huidige code op met: make otp\n"
            "    (zonder make: .venv/bin/python manage.py demo_otp)"
        )
