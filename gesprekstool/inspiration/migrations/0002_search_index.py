"""The full-text index of the library: an FTS5 table on SQLite, a GIN expression index on PostgreSQL.

Only the statements for the database in use are run; see gesprekstool/inspiration/search.py.
"""

from django.db import migrations

from gesprekstool.inspiration.search import CREATE_SQL, DROP_SQL


def create(apps, schema_editor):
    for statement in CREATE_SQL.get(schema_editor.connection.vendor, []):
        schema_editor.execute(statement)


def drop(apps, schema_editor):
    for statement in DROP_SQL.get(schema_editor.connection.vendor, []):
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("inspiration", "0001_initial")]

    operations = [migrations.RunPython(create, drop)]
