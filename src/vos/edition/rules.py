import rules


@rules.predicate
def is_facilitator(user, edition) -> bool:
    if edition is None or not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    return edition.facilitators.filter(pk=user.pk).exists()


def has_team_role(user, edition, role: str) -> bool:
    """A facilitator of the edition, or a volunteer given this part of the team's work
    on it; for what lies between editions (``edition`` None), on any edition."""
    if not user.is_authenticated:
        return False
    if edition is not None and is_facilitator(user, edition):
        return True
    roles = user.team_roles.filter(role=role)
    return roles.filter(edition=edition).exists() if edition is not None else roles.exists()


@rules.predicate
def runs_rooms(user, edition) -> bool:
    return edition is not None and has_team_role(user, edition, "rooms")


@rules.predicate
def communicates(user) -> bool:
    """Who speaks for the forum between editions (newsletters, articles, the contact
    inbox): the facilitators of any edition and the volunteers given communication."""
    if not user.is_authenticated:
        return False
    return (
        user.is_superuser
        or user.facilitated_editions.exists()
        or has_team_role(user, None, "communication")
    )


rules.add_perm("edition.communicate", communicates)
rules.add_perm("edition.moderate", is_facilitator)
rules.add_perm("edition.view_backoffice", is_facilitator)
rules.add_perm("edition.manage_rooms", runs_rooms)
