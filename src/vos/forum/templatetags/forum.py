from django import template

from vos.forum.services import editable_by

register = template.Library()


@register.filter
def editable(contribution, user) -> bool:
    """Whether the reader may still correct this contribution (its author, in the edit
    window)."""
    return editable_by(contribution, user)
