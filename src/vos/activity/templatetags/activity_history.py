from django import template

from vos.activity.history import history_sentence

register = template.Library()


@register.filter
def in_words(entry) -> str:
    """``{{ entry|in_words }}``: a log entry as a sentence in the reader's language."""
    return history_sentence(entry)
