"""Full-text structures over search_searchdocument, per database (see search/models.py).

SQLite: an external-content FTS5 table, kept in step by triggers; bm25 ranks.
PostgreSQL: a stored tsvector generated from the pre-stemmed columns with the `simple`
configuration (no second stemming), and a GIN index.
"""

from django.db import migrations

SQLITE = [
    """CREATE VIRTUAL TABLE search_document_fts USING fts5(
        scope, title_terms, body,
        content='search_searchdocument', content_rowid='id', tokenize='unicode61'
    )""",
    """CREATE TRIGGER search_document_ai AFTER INSERT ON search_searchdocument BEGIN
        INSERT INTO search_document_fts(rowid, scope, title_terms, body)
        VALUES (new.id, new.scope, new.title_terms, new.body);
    END""",
    """CREATE TRIGGER search_document_ad AFTER DELETE ON search_searchdocument BEGIN
        INSERT INTO search_document_fts(search_document_fts, rowid, scope, title_terms, body)
        VALUES ('delete', old.id, old.scope, old.title_terms, old.body);
    END""",
    """CREATE TRIGGER search_document_au AFTER UPDATE ON search_searchdocument BEGIN
        INSERT INTO search_document_fts(search_document_fts, rowid, scope, title_terms, body)
        VALUES ('delete', old.id, old.scope, old.title_terms, old.body);
        INSERT INTO search_document_fts(rowid, scope, title_terms, body)
        VALUES (new.id, new.scope, new.title_terms, new.body);
    END""",
]
SQLITE_REVERSE = [
    "DROP TRIGGER search_document_au",
    "DROP TRIGGER search_document_ad",
    "DROP TRIGGER search_document_ai",
    "DROP TABLE search_document_fts",
]
POSTGRESQL = [
    """ALTER TABLE search_searchdocument ADD COLUMN search_vector tsvector
        GENERATED ALWAYS AS (
            setweight(to_tsvector('simple', title_terms), 'A')
            || setweight(to_tsvector('simple', body), 'B')
        ) STORED""",
    "CREATE INDEX search_document_vector ON search_searchdocument USING GIN (search_vector)",
    "CREATE INDEX search_document_scope ON search_searchdocument (scope)",
]
POSTGRESQL_REVERSE = [
    "DROP INDEX search_document_scope",
    "DROP INDEX search_document_vector",
    "ALTER TABLE search_searchdocument DROP COLUMN search_vector",
]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE, "postgresql": POSTGRESQL}),
            _run({"sqlite": SQLITE_REVERSE, "postgresql": POSTGRESQL_REVERSE}),
        )
    ]
