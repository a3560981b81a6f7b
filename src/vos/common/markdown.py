"""Markdown for long texts: rendered, then sanitized, so no user text is ever trusted."""

import markdown as markdown_lib
import nh3

ALLOWED_TAGS = {
    "a",
    "abbr",
    "blockquote",
    "br",
    "code",
    "em",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "li",
    "ol",
    "p",
    "pre",
    "strong",
    "table",
    "tbody",
    "td",
    "th",
    "thead",
    "tr",
    "ul",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "td": {"align"}, "th": {"align"}}


# Pictures only from the site's own stored pictures: no tracking pixel, no hot-linking.
PICTURE_PREFIX = "/media/pages/"


def _own_pictures_only(tag: str, attribute: str, value: str) -> str | None:
    if tag == "img" and attribute == "src":
        name = value.removeprefix(PICTURE_PREFIX)
        return value if value.startswith(PICTURE_PREFIX) and "/" not in name else None
    return value


def render_markdown(text: str, *, pictures: bool = False) -> str:
    """Sanitized HTML. With ``pictures``, images stored for the pages are kept."""
    html = markdown_lib.markdown(
        text or "", extensions=["extra", "sane_lists"], output_format="html"
    )
    tags, attributes = ALLOWED_TAGS, ALLOWED_ATTRIBUTES
    if pictures:
        tags = tags | {"img"}
        attributes = {**attributes, "img": {"src", "alt"}}
    return nh3.clean(
        html,
        tags=tags,
        attributes=attributes,
        url_schemes={"http", "https", "mailto"},
        link_rel="nofollow noopener noreferrer",
        attribute_filter=_own_pictures_only if pictures else None,
    )
