"""schema.org JSON-LD for employer and program pages (search engines' structured data).

Only what the page itself shows is described. Templates embed the returned dict with Jinja's
``tojson`` filter, which escapes ``<``, ``>``, ``&`` and ``'`` so that content can never close
the ``<script>`` element early.

* Employer page: a ``LocalBusiness`` and, for the offers that are programmes of work with
  support (就労体験, プチバイト, 認定就労訓練), a ``WorkBasedProgram`` provided by it. A workplace
  tour (見学) and employment (雇用) are not programmes, so they are not described as one.
  While the employer's pause (受け入れ休止) is in effect on the build date, no programme is
  described: the page says nobody is taken now, and schema.org has no way to say that a
  programme is paused (HSDS marks the same services "temporarily closed").
* Program page: one ``Event`` per occurrence, with the fields Google requires for event rich
  results (name, startDate, location with an address, or a VirtualLocation with a URL) and
  eventStatus, eventAttendanceMode and organizer.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..directory import Directory
from ..models.employer import Employer
from ..models.program import Place, Program
from ..site_address import SiteAddress
from .records import OccurrenceRecord, without_empty

CONTEXT = "https://schema.org"
WORK_BASED_PROGRAM_OFFERS = frozenset({"experience", "petit-job", "training-employed", "training-non-employed"})
EVENT_STATUS = {
    "scheduled": "https://schema.org/EventScheduled",
    "full": "https://schema.org/EventScheduled",  # 満員 still takes place; schema.org has no "full" status
    "cancelled": "https://schema.org/EventCancelled",
}


def _address(street: str) -> dict[str, str]:
    return {"@type": "PostalAddress", "streetAddress": street, "addressCountry": "JP"}


def employer_json_ld(employer: Employer, site: SiteAddress, today: dt.date) -> dict[str, Any]:
    url = site.employer(employer.slug or "")
    business_id = url + "#business"
    business = without_empty(
        {
            "@type": "LocalBusiness",
            "@id": business_id,
            "name": employer.name,
            "description": employer.business,
            "url": url,
            "address": _address(employer.address),
            "telephone": employer.contact.phone,
            "email": employer.contact.email,
            "sameAs": employer.contact.url,
            "numberOfEmployees": {"@type": "QuantitativeValue", "value": employer.headcount} if employer.headcount is not None else None,
        }
    )
    programs = [
        without_empty(
            {
                "@type": "WorkBasedProgram",
                "@id": f"{url}#{offer.term.id}",
                "name": f"{employer.name} {offer.type}",
                "programType": offer.type,
                "description": offer.content,
                "url": url + "#ladder",
                "provider": {"@id": business_id},
                "maximumEnrollment": offer.capacity,
            }
        )
        for offer in employer.offers_in_ladder_order()
        if offer.term.id in WORK_BASED_PROGRAM_OFFERS and not employer.is_paused_on(today)
    ]
    return {"@context": CONTEXT, "@graph": [business, *programs]}


def event_location(place: Place, url: str) -> dict[str, Any]:
    if place.online:
        # The page is where the online meeting is explained (参加のしかた); no meeting link is published.
        return {"@type": "VirtualLocation", "name": place.name, "url": url}
    return without_empty({"@type": "Place", "name": place.name, "address": _address(place.address) if place.address else None})


def occurrence_event(occurrence: OccurrenceRecord, directory: Directory, site: SiteAddress) -> dict[str, Any]:
    program = occurrence.program
    url = site.program(program.slug or "")
    name = f"{program.title} {occurrence.title}" if occurrence.title else program.title
    # The site's own address is only the organizer's when the centre itself hosts the program.
    organizer = {"@type": "Organization", "name": program.host} if program.host else {"@type": "Organization", "name": directory.settings.organization, "url": site.base}
    return without_empty(
        {
            "@type": "Event",
            "@id": f"{url}#{occurrence.id}",
            "name": name,
            "description": program.summary,
            "url": url,
            "startDate": occurrence.start_iso,
            "endDate": occurrence.end_iso,
            "eventStatus": EVENT_STATUS[occurrence.status],
            "eventAttendanceMode": "https://schema.org/OnlineEventAttendanceMode" if occurrence.place.online else "https://schema.org/OfflineEventAttendanceMode",
            "location": event_location(occurrence.place, url),
            "organizer": organizer,
            "maximumAttendeeCapacity": program.capacity,
            "isAccessibleForFree": True if program.fee == "無料" else None,
        }
    )


def program_json_ld(program: Program, occurrences: list[OccurrenceRecord], directory: Directory, site: SiteAddress) -> dict[str, Any] | None:
    """Events of one program page, or None when a required field is missing (a meeting's place
    with no address). The program's own place counts only through the meetings held there."""
    if any(not o.place.online and not o.place.address for o in occurrences):
        return None
    events = [occurrence_event(occurrence, directory, site) for occurrence in occurrences]
    return {"@context": CONTEXT, "@graph": events} if events else None
