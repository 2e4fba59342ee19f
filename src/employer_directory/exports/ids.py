"""Stable identifiers for exported records.

HSDS requires UUIDs. They are derived (UUID version 5) from the record's first URL name
(``Employer.first_slug`` / ``Program.first_slug``: the first of ``former_slugs``, else the slug),
never drawn at random, so the same employer keeps the same id in every build, in every copy of
the data and across renames of its file. The namespace is fixed for this software; first URL
names are unique within one directory (a former URL name may be no other record's URL name or
former URL name).
"""

from __future__ import annotations

import uuid

NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "urn:kyoryoku-jigyosho:employer-directory")


def stable_uuid(*parts: str) -> str:
    """``stable_uuid("employer", "shirakaba-farm", "offer", "tour")`` → a UUID string."""
    return str(uuid.uuid5(NAMESPACE, "/".join(parts)))


def employer_uuid(slug: str) -> str:
    return stable_uuid("employer", slug)


def program_uuid(slug: str) -> str:
    return stable_uuid("program", slug)


def operator_uuid() -> str:
    """The organization that runs the site and hosts the programs (one per directory)."""
    return stable_uuid("operator")
