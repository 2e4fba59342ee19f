"""The lunr index in a compact form for download, expanded back in the browser.

lunr's own serialization repeats every (term, field, document) twice: once as a posting in the
inverted index and once, with its score, in the document's field vector. At 1,000 employers that
is about 1.5 MB gzip, six times the page budget. This form keeps the same information once:

* ``terms``: the terms, sorted (the order lunr.js needs to rebuild its token set). A term's
  index in lunr's vectors is renumbered to its position here, which changes no score.
* ``postings``: for each term and each field, a flat list ``[gap, score, gap, score, …]``:
  document numbers as gaps from the previous one, scores as lunr wrote them (3 decimals)
  times 1000. Scores of one term sit next to each other and are alike, which gzip likes.

``expandIndex`` in ``content/assets/directory-search.js`` turns this back into exactly what
lunr.py would serialize (up to the renumbering) before ``lunr.Index.load``: a linear copy, no
tokenizing and no scoring on the device.
"""

from __future__ import annotations

from typing import Any

FORMAT = "directory-lunr-compact-1"


def pack_compact(fields: list[str], terms: list[str], postings: list[list[list[int]]], documents: int, version: str) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "version": version,
        "fields": fields,
        "pipeline": [],
        "documents": documents,
        "terms": terms,
        "postings": postings,
    }


def compact_serialized(serialized: dict[str, Any], documents: int) -> dict[str, Any]:
    """The compact form of lunr's own serialization (the slow reference path, kept for tests
    and for any builder other than ``PretokenizedBuilder``)."""
    fields: list[str] = serialized["fields"]
    scores = {field_ref: dict(zip(vector[::2], vector[1::2])) for field_ref, vector in serialized["fieldVectors"]}
    terms: list[str] = []
    postings: list[list[list[int]]] = []
    for term, entry in serialized["invertedIndex"]:  # sorted by term
        terms.append(term)
        per_field = []
        for field_name in fields:
            flat: list[int] = []
            previous = 0
            for ref in sorted(int(ref) for ref in entry[field_name]):
                flat += [ref - previous, round(scores[f"{field_name}/{ref}"][entry["_index"]] * 1000)]
                previous = ref
            per_field.append(flat)
        postings.append(per_field)
    return pack_compact(fields, terms, postings, documents, serialized["version"])


def expand_index(compact: dict[str, Any]) -> dict[str, Any]:
    """lunr's serialization again (the Python twin of ``expandIndex``; used by the tests)."""
    fields = compact["fields"]
    vectors: dict[str, list[float]] = {f"{f}/{d}": [] for f in fields for d in range(compact["documents"])}
    inverted = []
    for position, (term, per_field) in enumerate(zip(compact["terms"], compact["postings"])):
        entry: dict[str, Any] = {"_index": position}
        for field_name, flat in zip(fields, per_field):
            entry[field_name] = {}
            ref = 0
            for i in range(0, len(flat), 2):
                ref += flat[i]
                entry[field_name][str(ref)] = {}
                vectors[f"{field_name}/{ref}"] += [position, flat[i + 1] / 1000]
        inverted.append([term, entry])
    return {
        "version": compact["version"],
        "fields": fields,
        "fieldVectors": [[ref, vector] for ref, vector in vectors.items()],
        "invertedIndex": inverted,
        "pipeline": compact["pipeline"],
    }
