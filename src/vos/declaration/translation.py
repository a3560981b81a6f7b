"""Language versions of a declaration, by translators the team names. A translation
records the version it was made from; when the authoritative text gets a newer version,
the translation is out of date (readers are told) until a translator updates it."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from vos.common.locales import language_name
from vos.common.log import log_action
from vos.declaration.models import Declaration, Translation, Translator
from vos.declaration.services import MAX_TEXT, latest_version
from vos.person.models import User


def may_translate(person: User, declaration: Declaration, language: str) -> bool:
    if not person.is_authenticated:
        return False
    return (
        declaration.team.filter(person=person).exists()
        or declaration.translators.filter(person=person, language=language).exists()
    )


@transaction.atomic
def translator_add(
    *, declaration: Declaration, actor: User, email: str, language: str
) -> Translator:
    if not declaration.team.filter(person=actor).exists():
        raise PermissionDenied
    if language == declaration.language:
        raise ValidationError(
            {"language": _("This is the authoritative language: translate into another one.")}
        )
    if not language_name(language) or language_name(language) == language:
        raise ValidationError({"language": _("Unknown language.")})
    person = User.objects.filter(email__iexact=email.strip(), is_active=True).first()
    if person is None:
        raise ValidationError(
            {"email": _("Nobody has an account with this address: ask them to sign up first.")}
        )
    translator, _created = Translator.objects.get_or_create(
        declaration=declaration, person=person, language=language
    )
    return translator


@transaction.atomic
def translation_save(
    *, declaration: Declaration, translator: User, language: str, title: str, text: str
) -> Translation:
    """Write (or update) the translation into ``language``, from the latest version."""
    if not may_translate(translator, declaration, language):
        raise PermissionDenied
    if language == declaration.language:
        raise ValidationError(_("This is the authoritative language: translate into another one."))
    title, text = title.strip(), text.replace("\r\n", "\n").strip()
    if not title or not text:
        raise ValidationError(_("Translate both the title and the text."))
    if len(text) > MAX_TEXT:
        raise ValidationError({"text": _("The text is too long.")})
    translation, _created = Translation.objects.update_or_create(
        declaration=declaration,
        language=language,
        defaults={
            "title": title,
            "text": text,
            "based_on": latest_version(declaration),
            "translator": translator,
            "updated_at": timezone.now(),
        },
    )
    log_action(
        declaration, actor=translator, action="declaration.translate", data={"language": language}
    )
    return translation


def is_out_of_date(translation: Translation, latest_number: int) -> bool:
    return translation.based_on.number < latest_number
