"""A plain INSERT ... executemany for the tall, narrow tables of the synthetic city (scores, contacts, paths).

bulk_create compiles every value through the field chain and, on SQLite, splits the rows into
statements of at most 999 parameters: for 15,000 ZRM scores that is most of the demo's time. Here the
values are converted once per field type and sent with executemany (SQLite) or COPY (PostgreSQL). Only for
rows whose ids are not needed afterwards, and only with values the generator made itself.
"""

import uuid
from collections.abc import Iterable, Sequence
from contextlib import contextmanager

from django.db import DatabaseError, connection, models, transaction

CHUNK = 5_000


def _converter(field):
    if isinstance(field, models.DateTimeField):
        return connection.ops.adapt_datetimefield_value
    if isinstance(field, models.DateField):
        return connection.ops.adapt_datefield_value
    if isinstance(field, models.TimeField):
        return connection.ops.adapt_timefield_value
    if isinstance(field, models.UUIDField | models.JSONField | models.DecimalField):
        return lambda value: field.get_db_prep_save(value, connection)
    return None


def rows_insert(model: type[models.Model], fields: Sequence[str], rows: Iterable[Sequence]) -> int:
    """Insert tuples of values (in the order of ``fields``, attnames such as ``resident_id``); returns the count.

    A ``public_id`` UUID field of the model that is not named gets a fresh uuid4, as its default would.
    """
    meta = model._meta
    by_attname = {f.attname: f for f in meta.concrete_fields}
    columns = [by_attname[name] for name in fields]
    add_public_id = "public_id" in by_attname and "public_id" not in fields
    if add_public_id:
        columns.append(by_attname["public_id"])
    converters = [_converter(f) for f in columns]
    quote = connection.ops.quote_name
    sql = "INSERT INTO {} ({}) VALUES ({})".format(  # noqa: S608 -- model's own table and columns
        quote(meta.db_table), ", ".join(quote(f.column) for f in columns), ", ".join(["%s"] * len(columns))
    )
    if connection.vendor == "postgresql":
        return _copy(meta.db_table, columns, rows, add_public_id=add_public_id)
    count, chunk = 0, []
    with connection.cursor() as cursor:
        for row in rows:
            if add_public_id:
                row = (*row, uuid.uuid4())
            chunk.append(tuple(v if c is None or v is None else c(v) for v, c in zip(row, converters, strict=True)))
            if len(chunk) >= CHUNK:
                cursor.executemany(sql, chunk)
                count += len(chunk)
                chunk = []
        if chunk:
            cursor.executemany(sql, chunk)
            count += len(chunk)
    return count


def _copy(table: str, columns, rows: Iterable[Sequence], *, add_public_id: bool) -> int:
    """PostgreSQL: COPY FROM STDIN, about seven times faster than multi-row INSERTs; psycopg adapts the values."""
    quote = connection.ops.quote_name
    statement = f"COPY {quote(table)} ({', '.join(quote(f.column) for f in columns)}) FROM STDIN"
    count = 0
    with connection.cursor() as cursor, cursor.cursor.copy(statement) as copy:
        for row in rows:
            copy.write_row((*row, uuid.uuid4()) if add_public_id else row)
            count += 1
    return count


@contextmanager
def gin_indexes_deferred(model: type[models.Model]):
    """PostgreSQL: drop the table's GIN indexes (trigram search) during a bulk load and build them again after.

    Building a trigram index once over 220,000 names takes seconds; keeping it up to date row by row
    takes minutes. Inside the caller's transaction, so a failure leaves the indexes as they were.
    """
    if connection.vendor != "postgresql":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() AND tablename = %s "
            "AND indexdef ILIKE %s",
            [model._meta.db_table, "% USING gin %"],
        )
        indexes = cursor.fetchall()
        try:
            with transaction.atomic():  # a savepoint: without the right to drop them, load with the indexes
                for name, _ in indexes:
                    cursor.execute(f"DROP INDEX {connection.ops.quote_name(name)}")
        except DatabaseError:
            indexes = []
    yield
    with connection.cursor() as cursor:
        if indexes:  # CREATE INDEX refuses while deferred foreign-key checks are pending: run them now
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            for _, definition in indexes:
                cursor.execute(definition)
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")


def ids_reserve(model: type[models.Model], count: int) -> list[int]:
    """Primary keys for ``count`` new rows, so that rows_insert can write parents and children without
    reading ids back. PostgreSQL: taken from the table's sequence (safe next to other writers); SQLite:
    after the highest id (the AUTOINCREMENT counter follows explicit ids)."""
    if count <= 0:
        return []
    table = model._meta.db_table
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
                [connection.ops.quote_name(table), model._meta.pk.column, count],
            )
            return [row[0] for row in cursor.fetchall()]
        cursor.execute(f"SELECT COALESCE(MAX({model._meta.pk.column}), 0) FROM {connection.ops.quote_name(table)}")  # noqa: S608
        start = cursor.fetchone()[0] + 1
        return list(range(start, start + count))


def objects_insert(model: type[models.Model], objects: list[models.Model]) -> None:
    """Insert model instances (every concrete field, defaults applied by the constructor) with ids from
    ids_reserve, set on the instances: bulk_create without its per-value compiling, for the big parents."""
    for obj, pk in zip(objects, ids_reserve(model, len(objects)), strict=True):
        obj.pk = pk
    fields = list(model._meta.concrete_fields)
    auto = [f for f in fields if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False)]
    for obj in objects:
        for f in auto:
            f.pre_save(obj, add=True)
    attnames = [f.attname for f in fields]
    rows_insert(model, attnames, ([getattr(obj, name) for name in attnames] for obj in objects))
