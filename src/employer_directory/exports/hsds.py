"""Open Referral HSDS 3.0 (Human Services Data Specification) export.

Two files, each a JSON array of HSDS objects with their related objects nested, as the HSDS
API returns them:

* ``data/hsds/organizations.json``: one ``organization`` per employer (with its location,
  contact and phone), plus one for the centre that runs the site and hosts the programs;
* ``data/hsds/services.json``: one ``service`` per offer on each employer's ladder (見学,
  就労体験, …) and one per program, with ``schedules`` (an offer's weekdays and hours; one
  per program occurrence), ``languages``, ``service_at_locations`` and ``assured_date`` (the
  last date the information was verified).

Ids are UUIDs derived from each record's first URL name (``first_slug``, see ids.py), so they
survive a rename. Addresses stay free text in the location's
description: the content has no postal code or prefecture, which HSDS ``address`` requires,
and inventing them would be worse than leaving them out.
"""

from __future__ import annotations

from typing import Any, Optional

from ..directory import Directory
from ..models.employer import Contact, Employer, Offer
from ..models.program import Place, Program, VenueAccess
from ..site_address import SiteAddress
from ..vocabulary import WEEKDAYS
from .ids import employer_uuid, operator_uuid, program_uuid, stable_uuid
from .records import OccurrenceRecord, hhmm, occurrences_by_program, without_empty

TIMEZONE_OFFSET = 9
"""HSDS schedules give the UTC offset of their times; Japan is UTC+9 all year."""
BYDAY = dict(zip(WEEKDAYS, ("MO", "TU", "WE", "TH", "FR", "SA", "SU")))
JAPANESE = {"name": "日本語", "code": "ja"}
FOREIGN_LANGUAGE_ACCOMMODATION = "外国語の相談可"


def _time(value: Optional[str]) -> Optional[str]:
    """HH:MM with the Japanese offset. Staff may end a meeting at 24:00; HH:MM stops at 23:59,
    so it closes at 00:00 (opening hours that close before they open run past midnight)."""
    if not value:
        return None
    return f"{'00:00' if value == '24:00' else value}+09:00"


def _language(owner_key: str, owner_id: str) -> dict[str, Any]:
    return {"id": stable_uuid("language", owner_id, JAPANESE["code"]), owner_key: owner_id, **JAPANESE}


def _phone(number: Optional[str], owner_key: str, owner_id: str) -> list[dict[str, Any]]:
    if not number:
        return []
    phone_id = stable_uuid("phone", owner_id, number)
    return [{"id": phone_id, owner_key: owner_id, "number": number, "type": "voice"}]


def _contact(contact: Optional[Contact], owner_key: str, owner_id: str) -> list[dict[str, Any]]:
    if contact is None:
        return []
    contact_id = stable_uuid("contact", owner_id)
    return [without_empty({"id": contact_id, owner_key: owner_id, "department": contact.name, "email": contact.email})]


# --- employers ----------------------------------------------------------------------------


def employer_location_uuid(employer: Employer) -> str:
    return stable_uuid("employer", employer.first_slug, "location")


def employer_organization(employer: Employer, site: SiteAddress) -> dict[str, Any]:
    org_id = employer_uuid(employer.first_slug)
    location_id = employer_location_uuid(employer)
    access = employer.access
    transport = [access.nearest, "送迎あり" if access.pickup else "", "駐車場あり" if access.parking else "", access.note or ""]
    location = without_empty(
        {
            "id": location_id,
            "location_type": "physical",
            "organization_id": org_id,
            "name": employer.name,
            "description": f"住所: {employer.address}",
            "transportation": "。".join(part for part in transport if part),
            "languages": [_language("location_id", location_id)],
        }
    )
    return without_empty(
        {
            "id": org_id,
            "name": employer.name,
            "alternate_name": employer.reading,
            "description": employer.business,
            "email": employer.contact.email,
            "website": employer.contact.url,
            "uri": site.employer(employer.slug or ""),
            "contacts": _contact(employer.contact, "organization_id", org_id),
            "phones": _phone(employer.contact.phone, "organization_id", org_id),
            "locations": [location],
        }
    )


def offer_schedule(offer: Offer, service_id: str) -> list[dict[str, Any]]:
    if not (offer.days or offer.hours or offer.schedule_note):
        return []
    schedule = {
        "id": stable_uuid("schedule", service_id),
        "service_id": service_id,
        "timezone": TIMEZONE_OFFSET,
        "description": offer.schedule_note,
        "opens_at": _time(hhmm(offer.hours, "start")),
        "closes_at": _time(hhmm(offer.hours, "end")),
    }
    if offer.days:
        schedule.update({"freq": "WEEKLY", "wkst": "MO", "byday": ",".join(BYDAY[day] for day in offer.days)})
    return [without_empty(schedule)]


def offer_service(directory: Directory, employer: Employer, offer: Offer, site: SiteAddress) -> dict[str, Any]:
    service_id = stable_uuid("employer", employer.first_slug, "offer", offer.term.id)
    settings = directory.settings
    phone = f"（電話 {settings.contact_phone}）" if settings.contact_phone else ""
    return without_empty(
        {
            "id": service_id,
            "organization_id": employer_uuid(employer.first_slug),
            "name": f"{employer.name} {offer.type}",
            "alternate_name": offer.type,
            "description": offer.content,
            "url": site.employer(employer.slug or "") + "#ladder",
            # 受け入れ休止 in effect on the build date (HSDS has no "announced"; a pause written
            # ahead stays active until its first day).
            "status": "temporarily closed" if employer.is_paused_on(directory.today) else "active",
            "application_process": f"まず {settings.organization}{phone}にご相談ください。",
            "eligibility_description": "\n".join(employer.matching),
            "interpretation_services": FOREIGN_LANGUAGE_ACCOMMODATION if FOREIGN_LANGUAGE_ACCOMMODATION in employer.accommodations else None,
            "assured_date": employer.verified.isoformat(),
            "schedules": offer_schedule(offer, service_id),
            "languages": [_language("service_id", service_id)],
            "service_at_locations": [
                {"id": stable_uuid("service_at_location", service_id), "service_id": service_id, "location_id": employer_location_uuid(employer)}
            ],
        }
    )


# --- the centre and its programs ----------------------------------------------------------


def place_uuid(place: Place) -> str:
    return stable_uuid("place", place.name, place.address or "", "online" if place.online else "")


def place_location(place: Place, org_id: str, url: str, access: Optional[VenueAccess] = None) -> dict[str, Any]:
    """A program venue as an HSDS location; ``access`` (Directory.access_at) is its
    ``transportation``, worded as the employers' locations and the program page."""
    location_id = place_uuid(place)
    return without_empty(
        {
            "id": location_id,
            "location_type": "virtual" if place.online else "physical",
            "url": url if place.online else None,
            "organization_id": org_id,
            "name": place.name,
            "description": f"住所: {place.address}" if place.address else place.join,
            "transportation": "。".join(access.phrases()) if access else None,
            "languages": [_language("location_id", location_id)],
        }
    )


def operator_organization(directory: Directory, site: SiteAddress) -> dict[str, Any]:
    settings = directory.settings
    org_id = operator_uuid()
    locations: dict[str, dict[str, Any]] = {}
    for program in directory.programs:
        for place in program_places(program):
            location = place_location(place, org_id, site.program(program.slug or ""), directory.access_at(program, place))
            locations.setdefault(location["id"], location)
    return without_empty(
        {
            "id": org_id,
            "name": settings.organization,
            "description": "協力事業所の紹介と、就労支援プログラムを行う相談窓口です。このデータの発行者です。",
            "uri": site.base,
            "phones": _phone(settings.contact_phone, "organization_id", org_id),
            "locations": [locations[key] for key in sorted(locations)],
        }
    )


def program_places(program: Program) -> list[Place]:
    """The places its rule periods meet at (without a rule, the program's place), then those of
    its sessions and extra dates that meet elsewhere (each once). When every period names a
    place of its own, no meeting is at the program's place: it is no location of the service,
    as it is not the page's 会場 (``Program.meeting_place``)."""
    found: dict[str, Place] = {}
    usual = [program.period_place(period) for period in program.rule_periods] or [program.place]
    elsewhere = [place for place, _days in program.places_elsewhere()]
    for place in [*usual, *elsewhere]:
        found.setdefault(place_uuid(place), place)
    return list(found.values())


def occurrence_schedule(occurrence: OccurrenceRecord, service_id: str) -> dict[str, Any]:
    day = occurrence.date.isoformat()
    location_id = place_uuid(occurrence.place)  # its own, else its rule period's, else the program's
    return without_empty(
        {
            "id": stable_uuid("schedule", service_id, occurrence.id),
            "service_id": service_id,
            "location_id": location_id,
            "valid_from": day,
            "valid_to": day,
            "dtstart": day,
            "timezone": TIMEZONE_OFFSET,
            "opens_at": _time(hhmm(occurrence.time, "start")),
            "closes_at": _time(hhmm(occurrence.time, "end")),
            "description": occurrence.title,
            "notes": occurrence.note,
            "attending_type": "オンライン" if occurrence.place.online else "会場",
        }
    )


def program_service(program: Program, occurrences: list[OccurrenceRecord], site: SiteAddress) -> dict[str, Any]:
    service_id = program_uuid(program.first_slug)
    location_ids = [place_uuid(place) for place in program_places(program)]
    return without_empty(
        {
            "id": service_id,
            "organization_id": operator_uuid(),
            "name": program.title,
            "alternate_name": program.kind,
            "description": program.summary,
            "url": site.program(program.slug or ""),
            "status": "active",
            "application_process": program.apply,
            "fees_description": program.fee,
            "eligibility_description": program.audience,
            "assured_date": program.verified.isoformat(),
            # Cancelled occurrences are not times the service is available; programs.json keeps them.
            "schedules": [occurrence_schedule(o, service_id) for o in occurrences if not o.cancelled],
            "languages": [_language("service_id", service_id)],
            "contacts": _contact(program.contact, "service_id", service_id),
            "phones": _phone(program.contact.phone if program.contact else None, "service_id", service_id),
            # The program's place keeps the id it always had; a rule period's own place adds one.
            "service_at_locations": [
                {"id": stable_uuid("service_at_location", service_id, *([location_id] if index else [])), "service_id": service_id, "location_id": location_id}
                for index, location_id in enumerate(location_ids)
            ],
        }
    )


# --- documents ----------------------------------------------------------------------------


def hsds_organizations(directory: Directory, site: SiteAddress) -> list[dict[str, Any]]:
    employers = sorted(directory.employers, key=lambda e: e.slug or "")
    return [employer_organization(employer, site) for employer in employers] + [operator_organization(directory, site)]


def hsds_services(directory: Directory, site: SiteAddress, occurrences: list[OccurrenceRecord]) -> list[dict[str, Any]]:
    services = [
        offer_service(directory, employer, offer, site)
        for employer in sorted(directory.employers, key=lambda e: e.slug or "")
        for offer in employer.offers_in_ladder_order()
    ]
    grouped = occurrences_by_program(occurrences)
    services += [
        program_service(program, grouped.get(program.slug or "", []), site)
        for program in sorted(directory.programs, key=lambda p: p.slug or "")
    ]
    return services
