from django.db import migrations


def create_index(apps, schema_editor):
    """The directory's search copy is stored folded already: a trigram index over it, so a
    search among thousands of organizations reads the index, not every row."""
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'")
        if cursor.fetchone():
            cursor.execute(
                "CREATE INDEX IF NOT EXISTS organization_search_text_trgm "
                "ON organization_organization USING gin (search_text gin_trgm_ops)"
            )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS organization_search_text_trgm")


class Migration(migrations.Migration):
    dependencies = [
        ("organization", "0002_members_networks_follows"),
    ]

    operations = [migrations.RunPython(create_index, drop_index)]
