"""Links that open a place's address in a map service (the ``map_url`` setting): a seeker on a
phone taps 「地図で見る」 and the map app (or site) searches the address. Only a link: nothing is
loaded from the map service's host."""

from __future__ import annotations

from urllib.parse import quote, urlsplit

QUERY = "{query}"
"""Where the address goes in the ``map_url`` template."""


def map_search_url(template: str, address: str) -> str:
    """``template`` with its ``{query}`` replaced by ``address``, percent-encoded as UTF-8 (every
    sign too: a "#" or "&" in an address must not end the query). Runs of spaces (a full-width
    space between the town and the building) become one."""
    return template.replace(QUERY, quote(" ".join(address.split()), safe=""))


def map_host(template: str) -> str:
    """The host a ``map_url`` template leads to ("www.google.com"), or "" when it names none."""
    return urlsplit(template.replace(QUERY, "")).hostname or ""
