"""The SQL of a participant's most frequent requests, built by Django once per process.

An autosave is the most frequent request of a workshop (docs/performance.md, "Participant
autosave"). Profiled, building its queries cost more CPU than running them: the link look-up
selects 46 columns of three joined models, and Django compiles that select list, its lookups
and its value converters again on every request; the answer's upsert and the removal of
unticked options likewise. Here each statement is built once per database connection alias and
then only executed with the request's values.

The link look-up is still the ORM's own query (compiled by Django for this database, with its
converters), and its rows become model instances through `Model.from_db` as a queryset's would.
The writes are one plain `DELETE` and one `INSERT ... ON CONFLICT ... DO UPDATE ... RETURNING`
(SQLite 3.35+ and PostgreSQL), the statements Django's `bulk_create(update_conflicts=True)`
sends, with the values prepared by the model fields (`get_db_prep_save`), as the ORM does.
"""

from dataclasses import dataclass
from functools import cache

from django.db import connections
from django.db.models import Model
from django.utils import timezone

from .models import Choice, Participant

_MARK = "\x00link-token\x00"


@dataclass(frozen=True)
class _Part:
    """One model's columns in a row of the link query."""

    model: type[Model]
    attnames: tuple[str, ...]
    start: int
    end: int
    cache_field: object | None  # the relation that holds it on the previous part


@dataclass(frozen=True)
class _LinkQuery:
    sql: str
    params: tuple
    mark_at: int
    converters: dict
    parts: tuple[_Part, ...]


@cache
def _link_query(using: str) -> _LinkQuery:
    queryset = Participant.objects.select_related("round__organisation").filter(token=_MARK, is_group=False)
    compiler = queryset.query.get_compiler(using=using)
    sql, params = compiler.as_sql()
    columns = [expression for expression, _sql, _alias in compiler.select]
    parts = []
    info, field = compiler.klass_info, None
    while info is not None:
        model = info["model"]
        start, end = info["select_fields"][0], info["select_fields"][-1] + 1
        attnames = tuple(f.attname for f in model._meta.concrete_fields)
        # The layout this module relies on: each model's own columns, in field order, one after the other.
        if [c.target.attname for c in columns[start:end]] != list(attnames):
            raise RuntimeError(f"Unexpected column layout for {model.__name__} in the link query.")
        parts.append(_Part(model=model, attnames=attnames, start=start, end=end, cache_field=field))
        related = info.get("related_klass_infos") or []
        info = related[0] if related else None
        field = info["field"] if info else None
    return _LinkQuery(
        sql=sql,
        params=tuple(params),
        mark_at=list(params).index(_MARK),
        converters=compiler.get_converters(columns),
        parts=tuple(parts),
    )


def participant_by_token(token: str, *, using: str = "default") -> Participant | None:
    """The participant (not a joint round's shared form) whose link is `token`, with its round and
    the round's organisation loaded, or None: what
    `Participant.objects.select_related("round__organisation").get(token=token, is_group=False)`
    returns, in one query, without building that query again."""
    query = _link_query(using)
    params = list(query.params)
    params[query.mark_at] = token
    connection = connections[using]
    with connection.cursor() as cursor:
        cursor.execute(query.sql, params)
        row = cursor.fetchone()
    if row is None:
        return None
    row = list(row)
    for position, (converters, expression) in query.converters.items():
        value = row[position]
        for converter in converters:
            value = converter(value, expression, connection)
        row[position] = value
    objects = []
    for part in query.parts:
        instance = part.model.from_db(using, part.attnames, row[part.start : part.end])
        if objects:
            part.cache_field.set_cached_value(objects[-1], instance)
        objects.append(instance)
    return objects[0]


@cache
def _upsert_sql(
    using: str,
    *,
    table: str,
    pk: str,
    columns: tuple[str, ...],
    unique: tuple[str, ...],
    update: tuple[str, ...],
) -> str:
    quote = connections[using].ops.quote_name
    return (
        f"INSERT INTO {quote(table)} ({', '.join(quote(c) for c in columns)}) "
        f"VALUES ({', '.join(['%s'] * len(columns))}) "
        f"ON CONFLICT({', '.join(quote(c) for c in unique)}) "
        f"DO UPDATE SET {', '.join(f'{quote(c)} = EXCLUDED.{quote(c)}' for c in update)} "
        f"RETURNING {quote(pk)}"
    )


def upsert(
    model: type[Model], *, unique: tuple[str, ...], fields: tuple[str, ...], using: str = "default", **values
):
    """Insert a row of `model` with `values` (other fields as the model's defaults, as
    `bulk_create` does), or update `fields` (and `updated_at`) of the row with the same `unique`
    values, in one statement; returns the instance as written with its primary key set (fields not
    in `values` are not read back). `unique` and `values` name fields (`participant`, not
    `participant_id`)."""
    values["updated_at"] = timezone.now()
    instance = model(**values)
    connection = connections[using]
    meta = model._meta
    concrete = [f for f in meta.concrete_fields if not f.primary_key]
    sql = _upsert_sql(
        using,
        table=meta.db_table,
        pk=meta.pk.column,
        columns=tuple(f.column for f in concrete),
        unique=tuple(meta.get_field(name).column for name in unique),
        update=tuple(meta.get_field(name).column for name in (*fields, "updated_at")),
    )
    params = [f.get_db_prep_save(getattr(instance, f.attname), connection) for f in concrete]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        instance.pk = cursor.fetchone()[0]
    instance._state.adding = False
    instance._state.db = using
    return instance


@cache
def _choices_sql(using: str, kept: int) -> tuple[str, str]:
    """The two statements that replace one question's ticks: delete the unticked, upsert the ticked."""
    quote = connections[using].ops.quote_name
    table = quote(Choice._meta.db_table)
    columns = ("participant_id", "question", "option", "text", "updated_at")
    delete = f"DELETE FROM {table} WHERE {quote('participant_id')} = %s AND {quote('question')} = %s"
    if kept:
        delete += f" AND {quote('option')} NOT IN ({', '.join(['%s'] * kept)})"
    insert = (
        f"INSERT INTO {table} ({', '.join(quote(c) for c in columns)}) VALUES "
        + ", ".join([f"({', '.join(['%s'] * len(columns))})"] * kept)
        + f" ON CONFLICT({quote('participant_id')}, {quote('option')}) DO UPDATE SET "
        + ", ".join(f"{quote(c)} = EXCLUDED.{quote(c)}" for c in ("question", "text", "updated_at"))
    )
    return delete, insert


def replace_choices(
    participant: Participant, *, question: str, choices: dict[str, str], using: str = "default"
):
    """Delete the participant's ticks of `question` whose option is not in `choices`, then insert or
    update the others (option code -> text) in one statement. The caller holds the transaction."""
    connection = connections[using]
    delete, insert = _choices_sql(using, len(choices))
    updated_at = Choice._meta.get_field("updated_at").get_db_prep_save(timezone.now(), connection)
    with connection.cursor() as cursor:
        cursor.execute(delete, [participant.pk, question, *choices])
        if choices:
            params = []
            for option, text in choices.items():
                params += [participant.pk, question, option, text, updated_at]
            cursor.execute(insert, params)


@cache
def _select_sql(using: str, *, table: str, columns: tuple[str, ...], where: tuple[str, ...]) -> str:
    quote = connections[using].ops.quote_name
    return (
        f"SELECT {', '.join(quote(c) for c in columns)} FROM {quote(table)} "
        f"WHERE {' AND '.join(f'{quote(c)} = %s' for c in where)}"
    )


def rows(model: type[Model], columns: tuple[str, ...], *, using: str = "default", **where) -> list[tuple]:
    """The `columns` of the rows of `model` whose columns equal `where` (column names, e.g.
    `participant_id`), as tuples, as `values_list` gives them. Only for text and whole-number
    columns, whose database values are already Python's (no converters run); the version check of
    an autosave reads the stored answer with it."""
    sql = _select_sql(using, table=model._meta.db_table, columns=columns, where=tuple(where))
    with connections[using].cursor() as cursor:
        cursor.execute(sql, list(where.values()))
        return cursor.fetchall()
