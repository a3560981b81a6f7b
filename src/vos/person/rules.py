import rules


@rules.predicate
def is_self(user, person) -> bool:
    return person is not None and user.is_authenticated and user.pk == person.pk


@rules.predicate
def is_public_profile(user, person) -> bool:
    return person is not None and person.is_public and person.is_active


rules.add_perm("person.view_profile", is_public_profile | is_self | rules.is_superuser)
