"""Load the shipped library (data/library.json): part 2 of the tool and three practice articles.

Runs the same import as `manage.py inspiration import`, with the historical models. Importing is
idempotent, so a later migration can run it again after the file has been updated.
"""

from django.db import migrations

from gesprekstool.inspiration.library import SHIPPED, import_library, read


def load(apps, schema_editor):
    import_library(read(SHIPPED), apps=apps, using=schema_editor.connection.alias)


class Migration(migrations.Migration):
    dependencies = [
        ("inspiration", "0002_search_index"),
        ("organisations", "0001_initial"),
    ]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
