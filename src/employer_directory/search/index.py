"""The prebuilt lunr index of employers: built here with lunr.py, loaded in the browser with
``lunr.Index.load`` (lunr.js 2.3.9), so that no phone ever builds an index.

lunr's tokenizer cannot be replaced, so each field is handed over already split: as the list
of :func:`field_terms`, which lunr.py's tokenizer takes as they are (lower-cased, not split
again). A list rather than space-joined text also spares lunr.py's character-by-character
splitting loop, the slowest part of building. Its stemmer, stop-word filter and
trimmer are English-only and would damage kana terms, so both pipelines are emptied (the
serialized search pipeline is then empty too, and lunr.js applies nothing to query terms).
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lunr import __TARGET_JS_VERSION__
from lunr.builder import Builder
from lunr.field_ref import FieldRef
from lunr.idf import idf as lunr_idf

from ..background import SiteFiles, write_site_files
from ..directory import Directory
from ..models.employer import Employer
from ..vocabulary import LOADS, WEEKDAYS
from .compact import compact_serialized, expand_index, pack_compact
from .documents import employer_record, place_texts, vocabulary_labels
from .normalize import SearchWords
from .tokenize import field_terms

FIELD_BOOSTS = {"name": 10, "reading": 8, "tasks": 5, "body": 1, "days": 1}
"""Ranking: a hit in the name, its reading or a task counts more than one in the body text."""

PREFIX_FIELDS = ("name", "reading", "tasks", "body")
"""The fields a one-character query searches as a prefix (水 as 水*): all but ``days``.

The days are indexed as words (水曜日, 土日) for 水曜, 水曜日 or 土日 typed whole. A lone 水 or 木
is water or wood (水やり, 植木), and as the prefix of every 水曜 and 木曜 it found 23 and 24 of
the 25 sample employers, the few that write it lost among them. Someone after a weekday ticks it
under 曜日 or types 水曜. The search page hands these names to the browser."""

INDEX_FILE = "search/directory-index.json"
DOCUMENTS_FILE = "search/directory-documents.json"
"""Paths below the site root (the search page loads both)."""


LIGHT_LOAD = LOADS[0]  # 軽い
WEEKEND = frozenset(WEEKDAYS[5:])  # 土, 日


def employer_fields(employer: Employer, directory: Directory) -> dict[str, str]:
    """The text of each indexed field, before tokenization."""
    area = directory.area_of(employer)
    body = [
        employer.category,
        area.label if area else employer.area,
        employer.business,
        *place_texts(employer),
        "送迎あり" if employer.access.pickup else "",
        "駐車場あり" if employer.access.parking else "",
        *employer.accommodations,
        *employer.matching,
    ]
    for offer in employer.offers:
        body += [offer.type, offer.content, offer.schedule_note or "", offer.capacity_note or ""]
    tasks = [part for task in employer.tasks for part in (task.name, task.description)]
    # A task's cautions (水を使うので長靴をはきます, 普通自動車免許が必要です) are on the employer's
    # page and the staff sheet, and what staff look for (免許, 脚立, 暑さ); they tell the conditions
    # of the work, not the work, so they rank as body text, below the tasks themselves.
    body += [task.cautions for task in employer.tasks if task.cautions]
    # What to bring and wear (長靴, エプロン, 上ばき) is on the employer's page and sheets ② and ③,
    # and tells a counsellor what the work is like (wet floors, a kitchen, outdoors); like the
    # cautions it is a condition of the work, so body text.
    body += employer.bring
    # A task's physical load is a column on the page; job seekers ask for 軽作業 (light work).
    loads = sorted({task.load for task in employer.tasks})
    body += [f"体への負担が{load}" for load in loads] + (["軽作業"] if LIGHT_LOAD in loads else [])
    # Days are a filter and a card line (土・日), not text: a typed 土曜, 日曜日 or 土日 (any
    # weekend day) finds them too. In a field of their own, which one-character queries skip
    # (PREFIX_FIELDS).
    days = {day for offer in employer.offers for day in offer.days}
    day_words = [f"{day}曜日" for day in WEEKDAYS if day in days] + (["土日"] if days & WEEKEND else [])
    return {
        "name": employer.name,
        "reading": employer.reading,
        "tasks": "\n".join(tasks),
        "body": "\n".join(part for part in body if part) + "\n" + employer.body,
        "days": "\n".join(day_words),
    }


class PretokenizedBuilder(Builder):
    """lunr.py's builder for fields given as lists of finished terms.

    ``Builder.add`` wraps every term in a ``Token`` with a deep-copied metadata dict and runs
    the (here empty) pipeline over them; at 1,000 employers that was most of the build time.
    This ``add`` keeps lunr.py's bookkeeping (term frequencies, field lengths, postings, term
    numbers in order of first use) without the wrappers, so lunr.py's own ``build()`` and
    ``serialize()`` still work on it; ``tests/test_search_index.py`` checks that they give the
    same serialized index as the plain builder (lunr 0.8.0 is pinned).
    """

    def __init__(self) -> None:
        super().__init__()
        self._plain: dict[str, list[list[int]]] = {}
        self._lengths: list[list[int]] = []
        self._boosts: list[float] = []

    def field(self, field_name: str, *args: Any, **kwargs: Any) -> None:
        super().field(field_name, *args, **kwargs)
        self._lengths.append([])

    def add(self, doc: dict[str, Any], attributes: dict[str, Any] | None = None) -> None:
        doc_ref = str(doc[self._ref])
        self._documents[doc_ref] = attributes or {}
        self.document_count += 1
        # For compact_postings: refs are running numbers (0, 1, 2 …, in the order added); per
        # term and field, the flat list [ref, term frequency, ref, term frequency …].
        number = int(doc_ref)
        if number != len(self._boosts):
            raise ValueError(f"refs must be added as 0, 1, 2 …; got {doc_ref} after {len(self._boosts)} documents")
        self._boosts.append((attributes or {}).get("boost", 1))
        for field_index, field_name in enumerate(self._fields):
            terms: list[str] = doc[field_name]
            field_ref = str(FieldRef(doc_ref, field_name))
            # Counted in C, in order of first use like lunr.py's defaultdict(int) (a Counter is
            # one too: a missing term counts 0).
            frequencies = Counter(terms)
            self.field_term_frequencies[field_ref] = frequencies
            self.field_lengths[field_ref] = len(terms)
            self._lengths[field_index].append(len(terms))
            for term, frequency in frequencies.items():
                plain = self._plain.get(term)
                if plain is None:
                    posting = {name: {} for name in self._fields}
                    posting["_index"] = self.term_index
                    self.term_index += 1
                    self.inverted_index[term] = posting
                    plain = self._plain[term] = [[] for _ in self._fields]
                else:
                    posting = self.inverted_index[term]
                # No metadata is kept (empty whitelist): lunr.py's defaultdict(list) stays empty too.
                posting[field_name][doc_ref] = {}
                plain[field_index] += (number, frequency)

    def compact_postings(self) -> tuple[list[str], list[list[list[int]]]]:
        """Sorted terms and their postings with scores, in the download form of ``compact.py``.

        Made straight from the builder's bookkeeping, one posting at a time, instead of lunr.py's
        ``build()`` (field vectors filled one score at a time with a binary search and a list
        insert each) followed by a second pass to compact them: at 1,000 employers that halves
        the build. The score is lunr.py's ``_create_field_vectors`` formula with the same order
        of float operations and the same rounding; the tests compare the expanded result with
        plain lunr.py's serialization, scores included.
        """
        self._calculate_average_field_lengths()
        k1, b = self._k1, self._b
        k1_plus_1 = k1 + 1
        fields = list(self._fields)
        # k1·(1 − b + b·length/average) per field and document: the part of lunr's denominator
        # that does not depend on the term (computed with the same operations, so the same value).
        length_parts = [
            [k1 * (1 - b + b * (length / self.average_field_length[field_name])) for length in self._lengths[index]]
            for index, field_name in enumerate(fields)
        ]
        field_boosts = [self._fields[field_name].boost for field_name in fields]
        doc_boosts = self._boosts
        terms = sorted(self.inverted_index)
        postings: list[list[list[int]]] = []
        for term in terms:
            idf = lunr_idf(self.inverted_index[term], self.document_count)
            per_field = []
            for field_postings, length_part, field_boost in zip(self._plain[term], length_parts, field_boosts):
                flat: list[int] = []
                previous = 0
                pairs = iter(field_postings)
                for ref, tf in zip(pairs, pairs):  # (ref, term frequency), ascending refs
                    score = idf * (k1_plus_1 * tf) / (length_part[ref] + tf)
                    score *= field_boost
                    score *= doc_boosts[ref]
                    flat += (ref - previous, round(round(score, 3) * 1000))
                    previous = ref
                per_field.append(flat)
            postings.append(per_field)
        return terms, postings


@dataclass
class SearchIndex:
    """Collects employers, then writes the lunr index and the document store."""

    directory: Directory
    _records: list[dict[str, Any]] = field(default_factory=list)
    builder_class: type[Builder] = PretokenizedBuilder
    _builder: Builder = field(init=False)
    _words: SearchWords = field(init=False)

    def __post_init__(self) -> None:
        self._builder = self.builder_class()
        self._builder.pipeline.reset()
        self._builder.search_pipeline.reset()
        self._builder.ref("id")
        self._words = self.directory.settings.search_word_table()
        for name, boost in FIELD_BOOSTS.items():
            self._builder.field(name, boost)

    def add(self, employer: Employer) -> None:
        ref = str(len(self._records))
        fields = {name: field_terms(text, self._words) for name, text in employer_fields(employer, self.directory).items()}
        self._builder.add({"id": ref, **fields})
        self._records.append(employer_record(employer, self.directory))

    def add_all(self) -> "SearchIndex":
        for employer in self.directory.employers:
            self.add(employer)
        return self

    def serialized_index(self) -> dict[str, Any]:
        """lunr's own serialization (what ``compact_index`` stands for; used by the tests)."""
        if not self._records:
            return expand_index(self.compact_index())
        return self._builder.build().serialize()

    def compact_index(self) -> dict[str, Any]:
        """What the browser downloads (see ``compact.py``)."""
        if not self._records:
            # lunr.py divides by the number of documents; an empty directory has an empty index.
            terms, postings = [], []
        elif isinstance(self._builder, PretokenizedBuilder):
            terms, postings = self._builder.compact_postings()
        else:
            return compact_serialized(self._builder.build().serialize(), len(self._records))
        return pack_compact(list(FIELD_BOOSTS), terms, postings, len(self._records), __TARGET_JS_VERSION__)

    def documents(self) -> dict[str, Any]:
        return {"vocabulary": vocabulary_labels(self.directory), "employers": self._records}

    def rendered_files(self) -> SiteFiles:
        """Path below the site root → file content: the compact index and the document store."""
        # Compact separators: these files are downloaded by phones.
        return {
            relative: json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
            for relative, data in ((INDEX_FILE, self.compact_index()), (DOCUMENTS_FILE, self.documents()))
        }

    def write(self, site_dir: Path) -> list[Path]:
        """Write both files below ``site_dir``; returns their paths."""
        return write_site_files(self.rendered_files(), site_dir)


def render_search_files(directory: Directory) -> SiteFiles:
    """The search files of a whole directory (a top-level function: worker processes run it)."""
    return SearchIndex(directory).add_all().rendered_files()
