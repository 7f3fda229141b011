"""Full-text search over the library: one interface, two database backends.

Text is normalised in Python (text.py) before it reaches the database, both when indexing and when
querying, so each backend only matches plain stems:

- SQLite: an FTS5 table `inspiration_entry_fts(title, body)` whose rowid is the entry's id, written by
  `write_index()`; ranked with bm25, title weighted ten times the body.
- PostgreSQL: the columns `search_title` and `search_body` of the entry, searched with
  to_tsvector('simple', ...) through a GIN expression index; ranked with ts_rank, title weight A, body B.

Every query term is a prefix, so "schuld" also finds "schuldhulpverlening" and all terms must occur.
"""

from django.db import connection as default_connection

from . import text

FTS_TABLE = "inspiration_entry_fts"
VECTOR_SQL = "setweight(to_tsvector('simple', search_title), 'A') || setweight(to_tsvector('simple', search_body), 'B')"
MAX_HITS = 500

# Created by migration 0002 on the matching backend only.
CREATE_SQL = {
    "sqlite": [
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5(title, body, tokenize = 'unicode61')"
    ],
    "postgresql": [
        f"CREATE INDEX IF NOT EXISTS inspiration_entry_search ON inspiration_entry USING gin (({VECTOR_SQL}))"
    ],
}
DROP_SQL = {
    "sqlite": [f"DROP TABLE IF EXISTS {FTS_TABLE}"],
    "postgresql": ["DROP INDEX IF EXISTS inspiration_entry_search"],
}


def index_parts(
    *, title: str, organisation_name: str, summary: str, lessons: str, source: str, labels: list[str]
) -> tuple[str, str]:
    """The normalised (title, body) of an entry. The title column holds the title and whose practice it
    is; the body holds everything else a user might search for, including the tag names. Theme titles
    are left out: every theme-A entry would match "schulden" (browsing by theme covers them)."""
    return (
        text.index_text(title, organisation_name),
        text.index_text(summary, lessons, source, *labels),
    )


def write_index(entry_id: int, title: str, body: str, *, connection=None) -> None:
    """Put one entry's normalised text into the FTS5 table (SQLite only; PostgreSQL reads the columns)."""
    connection = connection or default_connection
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {FTS_TABLE} WHERE rowid = %s", [entry_id])
        cursor.execute(
            f"INSERT INTO {FTS_TABLE} (rowid, title, body) VALUES (%s, %s, %s)", [entry_id, title, body]
        )


def clear_index(*, connection=None) -> None:
    connection = connection or default_connection
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {FTS_TABLE}")


def ranked_ids(query: str) -> list[int]:
    """Ids of the entries matching every term of `query`, best first. One database query.
    Visibility is not checked here: callers filter the ids through Entry.objects.visible_to()."""
    terms = text.query_terms(query)
    if not terms:
        return []
    vendor = default_connection.vendor
    with default_connection.cursor() as cursor:
        if vendor == "sqlite":
            match = " AND ".join(f'"{t}"*' for t in terms)
            cursor.execute(
                f"SELECT f.rowid FROM {FTS_TABLE} AS f JOIN inspiration_entry AS e ON e.id = f.rowid "
                f"WHERE {FTS_TABLE} MATCH %s ORDER BY bm25({FTS_TABLE}, 10.0, 1.0), e.position LIMIT {MAX_HITS}",
                [match],
            )
        elif vendor == "postgresql":
            tsquery = " & ".join(f"{t}:*" for t in terms)
            cursor.execute(
                f"SELECT id FROM inspiration_entry WHERE ({VECTOR_SQL}) @@ to_tsquery('simple', %s) "
                f"ORDER BY ts_rank({VECTOR_SQL}, to_tsquery('simple', %s)) DESC, position LIMIT {MAX_HITS}",
                [tsquery, tsquery],
            )
        else:  # pragma: no cover - the project runs on SQLite and PostgreSQL only
            raise NotImplementedError(f"No library search for {vendor}")
        return [row[0] for row in cursor.fetchall()]
