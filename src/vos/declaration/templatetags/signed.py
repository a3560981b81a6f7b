"""The declarations an organization signed, on its page: the network app sits below the
declaration app, so its page shows this part through this tag."""

from django import template

from vos.declaration.models import Signature
from vos.declaration.signing import signatures_counted_everywhere

register = template.Library()


@register.inclusion_tag("declaration/_signed.html")
def declarations_signed(organization):
    signatures = (
        signatures_counted_everywhere()
        .filter(organization=organization, kind=Signature.Kind.ORGANIZATION, is_public=True)
        .exclude(declaration__state="drafting")
        .select_related("declaration")
        .order_by("-declaration__created_at")
    )
    return {"declarations": [signature.declaration for signature in signatures]}
