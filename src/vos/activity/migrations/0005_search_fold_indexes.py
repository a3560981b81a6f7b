"""Trigram indexes over the folded title and summary, so that accent-blind search stays
fast on PostgreSQL at forum scale (where ``pg_trgm`` may be created)."""

from django.db import migrations

COLUMNS = ("title", "summary")


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        try:
            cursor.execute("SAVEPOINT vos_trgm")
            cursor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
            cursor.execute("RELEASE SAVEPOINT vos_trgm")
        except Exception:  # not allowed: search works, by a scan
            cursor.execute("ROLLBACK TO SAVEPOINT vos_trgm")
            return
        for column in COLUMNS:
            cursor.execute(
                f"CREATE INDEX IF NOT EXISTS activity_{column}_fold_trgm "
                f"ON activity_activity USING gin (vos_fold({column}) gin_trgm_ops)"
            )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for column in COLUMNS:
            schema_editor.execute(f"DROP INDEX IF EXISTS activity_{column}_fold_trgm")


class Migration(migrations.Migration):
    dependencies = [("activity", "0004_rooms"), ("common", "0002_fold")]
    operations = [migrations.RunPython(create, drop)]
