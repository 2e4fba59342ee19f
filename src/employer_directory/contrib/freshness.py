"""Records whose information has not been confirmed for too long (情報確認日 older than a period).

The period is ``extra.directory.stale_after_months`` in mkdocs.yml (default 12). The build
reports these records and the pull-request summary lists them; neither fails because of them:
an old date is a reminder to call the employer, not an error in the file.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable

from dateutil.relativedelta import relativedelta

from ..models.employer import Employer
from ..models.program import Program, written_dates
from ..models.values import jp_date
from ..quoting import named


@dataclass(frozen=True)
class StaleRecord:
    kind: str
    """事業所 or プログラム."""
    name: str
    source_path: str
    verified: dt.date

    def message(self, months: int) -> str:
        return (
            f"警告: 情報確認日から{months}か月以上たっています: {self.source_path}"
            f"（{named(self.kind, self.name)}、情報確認日 {jp_date(self.verified)}）"
            "→ 内容を確認し、verified（情報確認日）を確認した日に直してください"
        )


@lru_cache(maxsize=16)
def stale_cutoff(today: dt.date, months: int) -> dt.date:
    """Records verified before this day are stale (calendar months, so 12 months is one year)."""
    return today - relativedelta(months=months)


def is_stale(verified: dt.date, today: dt.date, months: int) -> bool:
    """Whether a record last verified on ``verified`` is stale on ``today``: the one rule behind the
    build's report, the pages' notice and the printouts' warning."""
    return verified < stale_cutoff(today, months)


def has_ended(program: Program, today: dt.date) -> bool:
    """Every date the program's file gives (dates, sessions, extra dates, the rule's last day) is
    before ``today``: the file is the record of meetings that took place (kept for the archive),
    with nothing left that could change. The pull-request summary passes the schedule fields
    alone (``pr_summary``), read from a file that need not validate as a whole."""
    days = [day for _path, day in written_dates(program)]
    return bool(days) and max(days) < today


def record_is_stale(record: Employer | Program, today: dt.date, months: int) -> bool:
    """Whether the page of ``record`` warns that it has not been checked for ``months`` and the
    build lists it for checking. A program that has ended does not: its past meetings are a
    record, and asking staff to re-check every ended program each year would bury the employers
    that do need a call under a list that grows every year."""
    if isinstance(record, Program) and has_ended(record, today):
        return False
    return is_stale(record.verified, today, months)


def stale_records(employers: Iterable[Employer], programs: Iterable[Program], today: dt.date, months: int) -> list[StaleRecord]:
    """Oldest first, then by file."""
    found = [StaleRecord("事業所", e.name, e.source_path, e.verified) for e in employers if is_stale(e.verified, today, months)]
    found += [StaleRecord("プログラム", p.title, p.source_path, p.verified) for p in programs if record_is_stale(p, today, months)]
    return sorted(found, key=lambda record: (record.verified, record.source_path))
