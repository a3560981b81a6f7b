import rules

from vos.edition.models import Edition
from vos.edition.rules import has_team_role


@rules.predicate
def writes_newsletters(user) -> bool:
    """The facilitators of any edition, and the volunteers given communication."""
    if not user.is_authenticated:
        return False
    return (
        user.is_superuser
        or Edition.objects.filter(facilitators=user).exists()
        or has_team_role(user, None, "communication")
    )


rules.add_perm("newsletter.write", writes_newsletters)
