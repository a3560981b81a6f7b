from django import template

from vos.team.models import Volunteer

register = template.Library()


@register.filter
def skill_label(value: str) -> str:
    """A volunteer's skill by its name in the reader's language."""
    try:
        return Volunteer.Skill(value).label
    except ValueError:
        return value
