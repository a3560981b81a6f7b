import rules


@rules.predicate
def is_facilitator(user, edition) -> bool:
    if edition is None or not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    return edition.facilitators.filter(pk=user.pk).exists()


rules.add_perm("edition.moderate", is_facilitator)
rules.add_perm("edition.view_backoffice", is_facilitator)
