"""``vos_fold(text)`` on PostgreSQL: lower case without accents (see vos.common.search).

With the ``unaccent`` extension when the database lets us create it (PostgreSQL 13+
marks it trusted); without it, a fallback over the accents of Latin scripts. SQLite gets
the same function from Python on each connection."""

from django.db import migrations

LATIN_FROM = "ÀÁÂÃÄÅàáâãäåÇçÈÉÊËèéêëÌÍÎÏìíîïÑñÒÓÔÕÖØòóôõöøÙÚÛÜùúûüÝýÿŠšŽž"
LATIN_TO = "AAAAAAaaaaaaCcEEEEeeeeIIIIiiiiNnOOOOOOooooooUUUUuuuuYyySsZz"


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        try:
            cursor.execute("SAVEPOINT vos_unaccent")
            cursor.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
            cursor.execute("RELEASE SAVEPOINT vos_unaccent")
            body = "SELECT lower(public.unaccent('public.unaccent'::regdictionary, $1))"
        except Exception:  # not allowed to create it: the fallback below
            cursor.execute("ROLLBACK TO SAVEPOINT vos_unaccent")
            body = f"SELECT lower(translate($1, '{LATIN_FROM}', '{LATIN_TO}'))"
        cursor.execute(
            "CREATE OR REPLACE FUNCTION vos_fold(text) RETURNS text "
            f"LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$ {body} $$"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP FUNCTION IF EXISTS vos_fold(text)")


class Migration(migrations.Migration):
    dependencies = [("common", "0001_initial")]
    operations = [migrations.RunPython(create, drop)]
