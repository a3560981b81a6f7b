"""Share links built as plain addresses: no third-party script, no tracking. Mastodon
has no single address, so the reader names their server and we send them there."""

import re
from urllib.parse import quote, urlencode

SERVER = re.compile(r"^(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")


def share_links(*, url: str, text: str) -> list[tuple[str, str]]:
    """(name, address) of each way to share."""
    both = f"{text} {url}"
    return [
        ("Bluesky", "https://bsky.app/intent/compose?" + urlencode({"text": both})),
        ("Facebook", "https://www.facebook.com/sharer/sharer.php?" + urlencode({"u": url})),
        ("WhatsApp", "https://wa.me/?" + urlencode({"text": both})),
        ("Telegram", "https://t.me/share/url?" + urlencode({"url": url, "text": text})),
        (
            "LinkedIn",
            "https://www.linkedin.com/sharing/share-offsite/?" + urlencode({"url": url}),
        ),
        ("email", f"mailto:?subject={quote(text)}&body={quote(both)}"),
    ]


def mastodon_address(server: str, text: str) -> str | None:
    """The share page of the reader's Mastodon server, or None for a name that is not a
    server's."""
    server = server.strip().lower().removeprefix("https://").removeprefix("@").strip("/")
    server = server.split("@")[-1]  # "@ana@social.example" names the server too
    if not SERVER.match(server):
        return None
    return f"https://{server}/share?" + urlencode({"text": text})
