"""Every table that holds something about a person is declared in the registry."""

from django.apps import apps
from django.conf import settings

from vos.person.registry import declarations


def tables_pointing_at_people() -> set[str]:
    user = apps.get_model(settings.AUTH_USER_MODEL)
    found = set()
    for model in apps.get_models():
        for field in model._meta.get_fields():
            if field.is_relation and field.concrete and field.related_model is user:
                found.add(model._meta.label)
    return found


def test_every_table_with_a_key_to_a_person_belongs_to_a_declaration():
    declared = {model._meta.label for item in declarations() for model in item.models}
    assert sorted(tables_pointing_at_people() - declared) == []


def test_the_check_itself_sees_the_tables_it_must():
    found = tables_pointing_at_people()
    assert {"registration.Registration", "activity.Organizer", "account.EmailAddress"} <= found


def test_each_app_declares_once_and_exports_sections_of_its_own():
    apps_declaring = [item.app for item in declarations()]
    assert sorted(apps_declaring) == sorted(set(apps_declaring))
    assert {"person", "edition", "organization", "activity", "registration"} <= set(apps_declaring)
