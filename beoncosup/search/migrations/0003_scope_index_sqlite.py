"""SQLite: a B-tree index on scope (PostgreSQL got one in 0002), for counting a scope's
documents when deciding which query terms are too common (search.selectors)."""

from django.db import migrations


def _run(sql):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "sqlite":
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0002_fulltext")]

    operations = [
        migrations.RunPython(
            _run("CREATE INDEX search_document_scope ON search_searchdocument (scope)"),
            _run("DROP INDEX search_document_scope"),
        )
    ]
