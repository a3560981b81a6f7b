"""Text search that ignores accents and case in every language: "comunicacion" finds
"comunicación", "Lucia" finds "Lucía", "ECOLOGIE" finds "écologie".

One folding, in two places that agree: ``fold()`` in Python for what the reader typed,
and the SQL function ``vos_fold`` for what is stored (on SQLite registered on each
connection from ``fold`` itself; on PostgreSQL created by a migration over the
``unaccent`` extension, with trigram indexes on the searched columns).
"""

import unicodedata

from django.db.backends.signals import connection_created
from django.db.models import Func, TextField


def fold(text: str) -> str:
    """Lower case, without accents or other combining marks."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


class Fold(Func):
    """``vos_fold(column)``: the stored text folded as ``fold`` folds typed text."""

    function = "vos_fold"
    output_field = TextField()


def _register_on_sqlite(sender, connection, **kwargs) -> None:
    if connection.vendor == "sqlite":
        connection.connection.create_function("vos_fold", 1, fold, deterministic=True)


def connect() -> None:
    """Called once by CommonConfig.ready."""
    connection_created.connect(_register_on_sqlite, dispatch_uid="vos.common.search")
