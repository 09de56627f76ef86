"""Database helpers Django lacks."""

from __future__ import annotations

from typing import Any

from django.db import connections, models, router


def _concrete(field: object) -> models.Field[Any, Any]:
    if not isinstance(field, models.Field) or field.column is None:
        raise TypeError(f"{field!r} is not a column")
    return field


def update_rows(model: type[models.Model], rows: list[Any], fields: list[str]) -> None:
    """UPDATE many rows by primary key in one executemany.

    Django's bulk_update builds a CASE expression per field and row, which took 40 s for 2,000
    services; a prepared statement run once per row takes well under a second.
    """
    if not rows:
        return
    connection = connections[router.db_for_write(model)]
    meta = model._meta
    columns = [_concrete(meta.get_field(name)) for name in fields]
    quote = connection.ops.quote_name
    assignments = ", ".join(f"{quote(f.column)} = %s" for f in columns)
    pk = _concrete(meta.pk)
    sql = f"UPDATE {quote(meta.db_table)} SET {assignments} WHERE {quote(pk.column)} = %s"  # noqa: S608
    params = [
        [f.get_db_prep_save(getattr(row, f.attname), connection) for f in columns]
        + [pk.get_db_prep_save(row.pk, connection)]
        for row in rows
    ]
    with connection.cursor() as cursor:
        cursor.executemany(sql, params)


def insert_rows(model: type[models.Model], rows: list[Any]) -> None:
    """INSERT new model instances (primary keys already set) in one executemany.

    Like update_rows: Django's bulk_create compiles every value into its SQL and took over
    half of a large import's write time. Instances must be complete: no auto fields to fill,
    no pre_save hooks (auto_now) to run.
    """
    if not rows:
        return
    connection = connections[router.db_for_write(model)]
    meta = model._meta
    columns = [_concrete(field) for field in meta.concrete_fields]
    quote = connection.ops.quote_name
    names = ", ".join(quote(field.column) for field in columns)
    marks = ", ".join(["%s"] * len(columns))
    sql = f"INSERT INTO {quote(meta.db_table)} ({names}) VALUES ({marks})"  # noqa: S608
    params = [
        [field.get_db_prep_save(getattr(row, field.attname), connection) for field in columns]
        for row in rows
    ]
    with connection.cursor() as cursor:
        cursor.executemany(sql, params)
