"""`make demo`, in one Python process: migrate, generate the demo city, print the demo logins.

One process instead of three `manage.py` calls: Django starts once (a second or two saved per call), and
the system checks run once. Arguments go to generate_city, e.g. `python -m scripts.demo_setup --seed 7`.
"""

import io
import os
import sys


def main(city_args: list[str]) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wijkkracht.settings")
    import django
    from django.core.management import call_command

    django.setup()
    call_command("check", stdout=io.StringIO())  # warnings still go to stderr, errors stop here
    print("==> Database bijwerken (migrate)", flush=True)
    call_command("migrate", interactive=False, verbosity=0)
    print("==> Demostad klaarzetten (generate_city)", flush=True)
    call_command("generate_city", *city_args)
    call_command("demo_logins")


if __name__ == "__main__":
    main(sys.argv[1:])
