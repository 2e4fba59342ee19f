"""Fixed vocabularies of the domain: the ladder of offers, task traits, loads, weekdays.

These come from the seeds (見学 → 就労体験 → プチバイト → 認定就労訓練 → 就業) and do not change
per site, unlike categories, areas and accommodations, which live in mkdocs.yml.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Term:
    """A controlled value: the Japanese label staff write, the ASCII id used in URLs."""

    id: str
    label: str
    description: str = ""
    towns: tuple[str, ...] = ()
    """An area's towns (町), as the centre defines the area (mkdocs.yml ``areas[].towns``); shown
    where a person picks an area. Empty for the other vocabularies, and for an area without them."""


OFFER_TYPES: tuple[Term, ...] = (
    Term("tour", "見学", "職場を見せてもらい、仕事の様子を知る"),
    Term("experience", "就労体験", "お金はもらわずに、実際の作業を短い時間やってみる"),
    Term("petit-job", "プチバイト", "お金をもらって、短い時間・短い期間の仕事をためす"),
    Term("training-employed", "認定就労訓練（雇用型）", "雇用契約を結び、給料をもらって、支援を受けながら働く訓練"),
    Term("training-non-employed", "認定就労訓練（非雇用型）", "雇用契約は結ばずに、支援を受けながら行う訓練"),
    Term("employment", "雇用", "求人に応募して働く"),
)
"""The ladder, in order from the lowest step."""

TRAITS: tuple[str, ...] = (
    "理解力",
    "正確性",
    "体力",
    "手先器用度",
    "集中力",
    "持続力",
    "コミュニケーション",
    "協調性",
    "判断力",
    "安全への意識",
)
"""What a task lets support staff check (seed 004: 理解力・正確性・体力・手先器用度 …)."""

SETTINGS: tuple[str, ...] = ("屋内", "屋外", "屋内と屋外")
LOADS: tuple[str, ...] = ("軽い", "ふつう", "重い")
WEEKDAYS: tuple[str, ...] = ("月", "火", "水", "木", "金", "土", "日")


_OFFERS_BY_LABEL = {term.label: term for term in OFFER_TYPES}
LADDER_POSITION = {term.label: position for position, term in enumerate(OFFER_TYPES)}


def offer_by_label(label: str) -> Term | None:
    return _OFFERS_BY_LABEL.get(label)
