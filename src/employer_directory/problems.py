"""Located problems in content files, worded for staff who are not programmers."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with one field of one file."""

    path: str
    """File path relative to the project root, with forward slashes."""
    line: int
    """1-based line in the file; 0 when the problem is in no file (an environment variable)."""
    field: str
    """The field as written in the file (``offers[2].hours``) or a bracketed description."""
    what: str
    """What is wrong, in Japanese."""
    fix: str
    """How to fix it, in Japanese, with the corrected value where we know it."""

    def _message(self) -> str:
        """The problem without its place in a file: what the annotation on that line says."""
        if not self.line:  # 環境変数 DIRECTORY_BUILD_DATE: … (in no file)
            return f"{self.path}: {self.what}。→ {self.fix}"
        return f"項目「{self.field}」: {self.what}。→ {self.fix}"

    def format(self) -> str:
        return self._message() if not self.line else f"{self.path}:{self.line}: {self._message()}"

    def github_annotation(self, level: str = "error") -> str:
        """A GitHub Actions workflow command that shows the problem on the changed line
        (``level`` ``warning`` for a notice that does not stop anything)."""
        message = self._message().replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        if not self.line:
            return f"::{level}::{message}"
        return f"::{level} file={self.path},line={self.line}::{message}"


class ContentInvalid(Exception):
    """Raised with every problem found in one pass over the content."""

    def __init__(self, problems: list[Problem], where: str = "内容ファイル"):
        self.problems = sorted(problems)
        self.where = where
        """What holds the problems, for the heading: content files, or the settings file."""
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.problems)
        lines = [f"{self.where}に {count} 件の問題があります。サイトは作られていません。"]
        lines += [problem.format() for problem in self.problems]
        return "\n".join(lines)
