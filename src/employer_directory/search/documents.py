"""What the search page needs to show and filter each employer, without fetching its page.

One compact record per employer, in the same order as the index's document refs (the ref is the
position in this list, which keeps the index small). Filters work on ids (the values of the
form's checkboxes); labels come once, in ``vocabulary``.
"""

from __future__ import annotations

from typing import Any

from ..directory import Directory
from ..models.employer import Employer, Offer
from ..vocabulary import OFFER_TYPES, WEEKDAYS, Term

TASKS_SHOWN = 3
NOON = 12 * 60
TIMES_OF_DAY = (
    Term("morning", "午前だけ（12時まで）", "終わりが12時までの受け入れがある"),
    Term("afternoon", "午後だけ（12時から）", "始まりが12時からの受け入れがある"),
)
"""The hours filter: for people who can come only in the morning or only in the afternoon."""


def employer_url(employer: Employer) -> str:
    """Path below the site root, as the listing pages link it."""
    return f"employers/{employer.slug}/"


def place_texts(employer: Employer) -> list[str]:
    """The address and the way there as written (the nearest station or stop, the access note):
    searched as body text (index.py), and shown on a card they found."""
    return [text for text in (employer.address, employer.access.nearest, employer.access.note) if text]


def employer_record(employer: Employer, directory: Directory) -> dict[str, Any]:
    offers = employer.offers_in_ladder_order()
    area = directory.area_of(employer)
    record: dict[str, Any] = {
        "name": employer.name,
        "url": employer_url(employer),
        "category": directory.category_of(employer).id,
        "area": area.id if area else "",
        "offers": [offer.term.id for offer in offers],
        "tasks": [task.name for task in employer.tasks[:TASKS_SHOWN]],
        "accommodations": [term.id for term in directory.accommodation_terms_of(employer)],
        "days": _days_and_times(offers)["days"],  # the card's general line
    }
    # Searched as body text (index.py) but not otherwise on the card: a card found only by its
    # bring list (長靴) or a task's caution (脚立) shows the item or sentence that matched.
    if employer.bring:
        record["bring"] = list(employer.bring)
    cautions = list(dict.fromkeys(task.cautions for task in employer.tasks if task.cautions))
    if cautions:
        record["cautions"] = cautions
    # The address and the way there are searched too (北町, バス, 自転車): a card found by them
    # shows the part that holds the word (場所: しらかば市北町2-8-11), else nobody sees why.
    place = place_texts(employer)
    if place:
        record["place"] = place
    # Each offer's own days, times of day, hours and schedule note (週3日から, 6月〜10月), by its
    # type (one offer per type). The day and time filters look at one offer's days and times at
    # once, of a chosen type if types are chosen (就労体験 with 午後だけ must mean an afternoon
    # 就労体験, not a morning one at an employer that also has an afternoon tour; 月 with 午前だけ a
    # Monday morning, not a Monday afternoon beside a Tuesday morning), so the employer has no
    # times of its own; the card then shows the chosen offers' hours and notes. The card's general line (no offer type chosen) is made from these
    # too: the employer-wide hours and notes are not stored twice (the phone downloads this file).
    slots = {offer.term.id: _slot(offer) for offer in offers}
    if any(slots.values()):
        record["slots"] = {offer_id: slot for offer_id, slot in slots.items() if slot}
    return record


def _slot(offer: Offer) -> dict[str, Any]:
    """One offer's days and times of day (the filters'), hours and schedule note (the card's);
    empty when it has none of them."""
    slot: dict[str, Any] = dict(_days_and_times([offer]))
    if offer.hours:
        slot["hours"] = str(offer.hours)
    if offer.schedule_note:
        slot["note"] = offer.schedule_note
    return slot if slot["days"] or slot.get("hours") or slot.get("note") else {}


def _days_and_times(offers: list) -> dict[str, list[str]]:
    """The weekdays (in the week's order) and the times of day (午前だけ, 午後だけ: TIMES_OF_DAY)
    that some of ``offers`` fit: the 曜日 and 時間帯 filters' answer."""
    days = {day for offer in offers for day in offer.days}
    ranges = [offer.hours for offer in offers if offer.hours]
    fits = (any(r.end.minutes <= NOON for r in ranges), any(r.start.minutes >= NOON for r in ranges))
    return {"days": [day for day in WEEKDAYS if day in days], "times": [term.id for term, fit in zip(TIMES_OF_DAY, fits) if fit]}


def vocabulary_labels(directory: Directory) -> dict[str, dict[str, str]]:
    settings = directory.settings
    return {
        "category": {term.id: term.label for term in settings.category_terms()},
        "area": {term.id: term.label for term in settings.area_terms()},
        "offer": {term.id: term.label for term in OFFER_TYPES},
        "accommodation": {term.id: term.label for term in settings.accommodation_terms()},
    }
