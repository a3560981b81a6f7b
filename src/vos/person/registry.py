"""The registry of personal data.

Each app declares, in its own ``personal_data.py`` (loaded by its ``AppConfig.ready``),
which of its tables hold something about a person, how to export it for the person's
download and how to erase or anonymize it before the account is deleted. The download
and the deletion walk this registry, so ``person`` needs to know nothing of the apps above
it; a test fails when a table with a foreign key to the person belongs to no declaration.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db import models


@dataclass(frozen=True)
class PersonalData:
    """One app's part of what the site keeps about a person."""

    app: str  # the declaring app's label
    models: tuple[type[models.Model], ...]  # the tables this part covers
    # Sections of the download: {"registrations": [...], ...}.
    export: Callable[[Any], dict[str, Any]]
    # Run, in the deletion's transaction, before the account row goes; None when the
    # tables' own on_delete (CASCADE, SET_NULL) already does what is right.
    erase: Callable[[Any], None] | None = None
    why: str = ""  # what is kept and why, for the maintainers reading the registry


_registry: list[PersonalData] = []


def declare(declaration: PersonalData) -> None:
    """Add an app's declaration (once: a second one from the same app replaces it)."""
    _registry[:] = [item for item in _registry if item.app != declaration.app]
    _registry.append(declaration)


def declarations() -> list[PersonalData]:
    return list(_registry)
