"""Re-encrypt every stored BSN under the current key, and optionally recompute the lookup hashes."""

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction

from wijkkracht.people.bsn import bsn_decrypt, bsn_hash, bsn_reencrypt
from wijkkracht.people.models import Resident

BATCH = 1000


class Command(BaseCommand):
    help = (
        "Re-encrypt every stored BSN with the first key of BSN_ENCRYPTION_KEYS. Rotating a key: put the new "
        "key in front (BSN_ENCRYPTION_KEYS=new,old), restart, run this command, then remove the old key. "
        "With --rehash the lookup hash (bsn_hash) is recomputed with the current BSN_HASH_KEY as well: "
        "set the new BSN_HASH_KEY and run with --rehash straight away, because BSN searches only find "
        "records whose hash was made with the current key. Safe to run again; works in batches of "
        f"{BATCH}, each in its own transaction."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--rehash", action="store_true", help="also recompute bsn_hash with the current BSN_HASH_KEY"
        )

    def handle(self, *args, rehash=False, **options):
        if not settings.BSN_ENCRYPTION_KEYS:
            self.stderr.write("BSN_ENCRYPTION_KEYS is empty: nothing to encrypt with.")
            return
        ids = list(Resident.objects.exclude(bsn_encrypted="").order_by("id").values_list("id", flat=True))
        total = len(ids)
        self.stdout.write(
            f"{total} BSN's te versleutelen met de eerste sleutel{' en opnieuw te hashen' if rehash else ''}."
        )
        done = 0
        for start in range(0, total, BATCH):
            with transaction.atomic():
                batch = list(
                    Resident.objects.select_for_update()
                    .filter(id__in=ids[start : start + BATCH])
                    .only("id", "bsn_encrypted", "bsn_hash")
                )
                fields = ["bsn_encrypted"]
                for resident in batch:
                    resident.bsn_encrypted = bsn_reencrypt(resident.bsn_encrypted)
                    if rehash:
                        resident.bsn_hash = bsn_hash(bsn_decrypt(resident.bsn_encrypted))
                if rehash:
                    fields.append("bsn_hash")
                Resident.objects.bulk_update(batch, fields)
            done += len(batch)
            self.stdout.write(f"{done}/{total}")
        self.stdout.write(self.style.SUCCESS(f"Klaar: {done} BSN's opnieuw versleuteld."))
