"""Fill search_name, and on PostgreSQL add pg_trgm with a trigram index for typo-tolerant search."""

from django.db import migrations

from wijkkracht.people.search import resident_search_name


def fill_search_name(apps, schema_editor):
    Resident = apps.get_model("people", "Resident")
    batch = []
    for r in Resident.objects.only("id", "first_name", "surname_prefix", "last_name").iterator(chunk_size=2000):
        r.search_name = resident_search_name(
            first_name=r.first_name, surname_prefix=r.surname_prefix, last_name=r.last_name
        )
        batch.append(r)
        if len(batch) >= 2000:
            Resident.objects.bulk_update(batch, ["search_name"])
            batch = []
    Resident.objects.bulk_update(batch, ["search_name"])


def trigram_forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    schema_editor.execute(
        "CREATE INDEX IF NOT EXISTS people_resident_search_name_trgm "
        "ON people_resident USING gin (search_name gin_trgm_ops)"
    )
    schema_editor.execute(
        "CREATE INDEX IF NOT EXISTS people_resident_last_name_trgm "
        "ON people_resident USING gin (lower(last_name) gin_trgm_ops)"
    )


def trigram_backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("DROP INDEX IF EXISTS people_resident_search_name_trgm")
    schema_editor.execute("DROP INDEX IF EXISTS people_resident_last_name_trgm")


class Migration(migrations.Migration):
    dependencies = [("people", "0002_relation_resident_bsn_encrypted_resident_bsn_hash_and_more")]

    operations = [
        migrations.RunPython(fill_search_name, migrations.RunPython.noop),
        migrations.RunPython(trigram_forwards, trigram_backwards),
    ]
