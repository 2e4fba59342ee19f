"""The general pages a pull request touches: any Markdown under the content folder that is not an
employer's or a program's record (home, about, join, data).

Staff edit these pages too. The pull request summary lists them beside the records, and the
preview pictures them. Plain Python and git; nothing from MkDocs.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

from ..frontmatter import FrontMatter, read_front_matter


@dataclass(frozen=True)
class GeneralPage:
    path: str
    """The file, from the repository's root: ``content/about.md``."""
    change: str
    """追加, 変更 or 削除."""
    title: str
    """``title:`` of the front matter, else the first ``#`` heading, else the file name."""
    address: str
    """Its address below the site's root as MkDocs gives it: ``about/``, ``""`` for the home page."""

    @property
    def stem(self) -> str:
        """``about`` for ``content/about.md``, ``guide-index`` for ``content/guide/index.md``."""
        return self.path.split("/", 1)[1].removesuffix(".md").replace("/", "-")


def files_changed(root: Path, revision: str) -> dict[str, str]:
    """Every file that differs between ``revision`` and the work tree (untracked files too), by
    path: 追加, 変更 or 削除. Raises ``subprocess.CalledProcessError`` for an unknown revision."""
    diff = _git(root, "diff", "--name-status", "--no-renames", "-z", revision, "--").split("\0")
    changed = {path: {"A": "追加", "D": "削除"}.get(status[:1], "変更") for status, path in zip(diff[0::2], diff[1::2]) if path}
    changed.update({path: "追加" for path in _git(root, "ls-files", "--others", "--exclude-standard", "-z").split("\0") if path})
    return changed


def is_general_page(path: str, content_dir: str) -> bool:
    """A Markdown file of the content folder that is not an employer's or a program's record."""
    folder = content_dir.rstrip("/") + "/"
    return path.startswith(folder) and path.endswith(".md") and not path.startswith((folder + "employers/", folder + "programs/"))


def general_page_changes(root: Path, content_dir: str, changed: dict[str, str], revision: str | None = None) -> list[GeneralPage]:
    """The general pages in ``changed`` (:func:`files_changed`), in path order. A removed one is
    named as ``revision`` had it; without ``revision`` removed ones are left out (a preview has
    no page to show of them)."""
    pages = []
    for path, change in sorted(changed.items()):
        if not is_general_page(path, content_dir) or (change == "削除" and revision is None):
            continue
        text = _git(root, "show", f"{revision}:{path}") if change == "削除" else None
        pages.append(general_page(root, content_dir, path, change, text))
    return pages


def general_page(root: Path, content_dir: str, path: str, change: str, text: str | None = None) -> GeneralPage:
    """The page of ``path``, titled from ``text`` (by default the file in the work tree)."""
    inside = path[len(content_dir.rstrip("/")) + 1:].removesuffix(".md")
    folder, _, name = inside.rpartition("/")
    if name.lower() in ("index", "readme"):
        address = folder + "/" if folder else ""
    else:
        address = inside + "/"
    if text is None:
        file = root / path
        text = file.read_text(encoding="utf-8", errors="replace") if file.exists() else ""
    parsed = read_front_matter(path, text) if text.startswith("---") else None
    title = parsed.data.get("title") if isinstance(parsed, FrontMatter) else None
    if not (isinstance(title, str) and title.strip()):
        body = parsed.body if isinstance(parsed, FrontMatter) else text
        title = next((line[2:].strip() for line in body.splitlines() if line.startswith("# ")), "") or path.rsplit("/", 1)[-1]
    return GeneralPage(path, change, title.strip(), address)


def _git(root: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, check=True).stdout
