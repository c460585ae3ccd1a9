"""PostgreSQL: keep Resident.neighbourhood equal to its household's by triggers, and index it together with
the trigram name (btree_gin), so a worker's name search only rechecks names in their own neighbourhoods.

On SQLite nothing happens: the column stays empty there and the search does not use it.
"""

from django.db import migrations

FORWARDS = """
CREATE EXTENSION IF NOT EXISTS btree_gin;

CREATE OR REPLACE FUNCTION people_resident_copy_neighbourhood() RETURNS trigger AS $$
BEGIN
    SELECT neighbourhood_id INTO NEW.neighbourhood_id FROM people_household WHERE id = NEW.household_id;
    RETURN NEW;
END $$ LANGUAGE plpgsql;

CREATE TRIGGER people_resident_neighbourhood_copy
    BEFORE INSERT OR UPDATE OF household_id ON people_resident
    FOR EACH ROW EXECUTE FUNCTION people_resident_copy_neighbourhood();

CREATE OR REPLACE FUNCTION people_household_spread_neighbourhood() RETURNS trigger AS $$
BEGIN
    UPDATE people_resident SET neighbourhood_id = NEW.neighbourhood_id WHERE household_id = NEW.id;
    RETURN NEW;
END $$ LANGUAGE plpgsql;

CREATE TRIGGER people_household_neighbourhood_spread
    AFTER UPDATE OF neighbourhood_id ON people_household
    FOR EACH ROW WHEN (OLD.neighbourhood_id IS DISTINCT FROM NEW.neighbourhood_id)
    EXECUTE FUNCTION people_household_spread_neighbourhood();

UPDATE people_resident r SET neighbourhood_id = h.neighbourhood_id
    FROM people_household h WHERE h.id = r.household_id;

-- CREATE INDEX refuses while the deferred foreign-key checks of that UPDATE are pending: run them now.
SET CONSTRAINTS ALL IMMEDIATE;

CREATE INDEX people_resident_neighbourhood_name_trgm
    ON people_resident USING gin (neighbourhood_id, search_name gin_trgm_ops);
"""

BACKWARDS = """
DROP INDEX IF EXISTS people_resident_neighbourhood_name_trgm;
DROP TRIGGER IF EXISTS people_household_neighbourhood_spread ON people_household;
DROP FUNCTION IF EXISTS people_household_spread_neighbourhood();
DROP TRIGGER IF EXISTS people_resident_neighbourhood_copy ON people_resident;
DROP FUNCTION IF EXISTS people_resident_copy_neighbourhood();
"""


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(FORWARDS)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(BACKWARDS)


class Migration(migrations.Migration):
    dependencies = [("people", "0004_resident_neighbourhood_copy")]

    operations = [migrations.RunPython(forwards, backwards)]
