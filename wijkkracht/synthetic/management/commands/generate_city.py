"""python manage.py generate_city [--scale demo|city] [--seed N] [--residents N] [--reset]"""

from django.core.management.base import BaseCommand, CommandError

from wijkkracht.synthetic.options import DEFAULT_SEED, MAX_RESIDENTS, SCALES, SyntheticCityError
from wijkkracht.synthetic.services import city_generate


class Command(BaseCommand):
    help = "Maakt de synthetische stad (demo- en benchmarkgegevens): gebieden, teams, medewerkers, inwoners."

    def add_arguments(self, parser):
        # Plain strings: the service checks them and answers in Dutch (argparse would answer in English).
        parser.add_argument("--scale", help=f"{' of '.join(SCALES)} (standaard: demo, ongeveer 2.000 inwoners)")
        parser.add_argument(
            "--seed", help=f"startgetal voor het toeval; zelfde seed, zelfde stad (standaard {DEFAULT_SEED})"
        )
        parser.add_argument(
            "--residents", help=f"aantal inwoners, 1 tot en met {MAX_RESIDENTS} (standaard: volgens de schaal)"
        )
        parser.add_argument(
            "--reset", action="store_true", help="wis de bestaande synthetische stad eerst (zonder te vragen)"
        )

    def handle(self, *args, scale=None, seed=None, residents=None, reset=False, **options):
        try:
            city_generate(scale=scale, seed=seed, residents=residents, reset=reset, stdout=self.stdout)
        except SyntheticCityError as error:
            raise CommandError(str(error)) from error
