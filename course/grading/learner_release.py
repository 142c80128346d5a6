"""What a released notebook needs wherever a learner opens it: the book's pages, and the course itself.

- **The book's pages beside the notebook.** A stage notebook links to pages of the book
  (``../../book/glossary.md``), which resolve in the repository. A release is opened elsewhere:
  fetched on the hub into ``~/<stage>/``, copied into a learner's folder, opened from the
  learner branch. So the release links to ``book/glossary.md`` and carries the pages it
  links to in its own ``book/`` folder (:func:`ship_book_pages`): the links then work in all
  those places, offline.
- **An install cell for hosted services.** Opened on Colab (or any service where the course is
  not installed), a released notebook's first cell clones the learner branch at the tag of the
  release it came from and installs the course from it; where ``course`` imports, it does
  nothing. It is added only when the deployment names a repository
  (:mod:`course.grading.launch_settings`).

>>> to_release_links("See the [glossary](../../book/glossary.md#reach).")
'See the [glossary](book/glossary.md#reach).'
>>> to_book_links("See the [glossary](book/glossary.md#reach).")
'See the [glossary](../../book/glossary.md#reach).'
>>> source = hosted_setup_source("https://github.com/lumeria/course", "learner-0123456789ab")
>>> max(len(line) for line in source.splitlines()) <= 79
True
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

from ..paths import ROOT

__all__ = ["BOOK", "HOSTED_SETUP_ID", "HOSTED_SETUP_TAG", "to_release_links", "to_book_links", "ship_book_pages",
           "hosted_setup_source", "COURSE_CODE_FOLDER"]

#: The book's own pages (``book/`` of the repository).
BOOK = ROOT / "book"
SOURCE_LINK = re.compile(r"\]\(\.\./\.\./book/([\w.-]+\.md)")
RELEASE_LINK = re.compile(r"\]\(book/([\w.-]+\.md)")
#: The install cell's id and tag: one of each per notebook, so releasing again replaces it.
HOSTED_SETUP_ID = "hosted-setup"
HOSTED_SETUP_TAG = "hosted-setup"
#: Where the install cell puts the course on a hosted service (the learner's home there).
COURSE_CODE_FOLDER = "parliament-course-code"


def to_release_links(text: str) -> str:
    """Links of a source notebook to the book's pages, made to point at the release's own ``book/``."""
    return SOURCE_LINK.sub(r"](book/\1", text)


def to_book_links(text: str) -> str:
    """A release's links to its ``book/`` pages, pointed back at the book's (where the book is built)."""
    return RELEASE_LINK.sub(r"](../../book/\1", text)


def ship_book_pages(stage_folder: Path, book: Path = BOOK) -> list[str]:
    """Copy into ``stage_folder/book/`` every page of the book its notebooks link to; return their names."""
    stage_folder = Path(stage_folder)
    pages = set()
    for notebook in stage_folder.glob("*.ipynb"):
        cells = json.loads(notebook.read_text(encoding="utf-8")).get("cells", [])
        for cell in cells:
            if cell.get("cell_type") == "markdown":
                pages |= set(RELEASE_LINK.findall("".join(cell.get("source", ""))))
    missing = sorted(page for page in pages if not (book / page).is_file())
    if missing:
        raise FileNotFoundError(f"{stage_folder.name} links to book pages that do not exist: "
                                f"{', '.join(missing)} (in {book}). Fix the links in its source notebook, "
                                f"or add the pages.")
    for page in sorted(pages):
        (stage_folder / "book").mkdir(exist_ok=True)
        shutil.copyfile(book / page, stage_folder / "book" / page)
    return sorted(pages)


def hosted_setup_source(repository: str, ref: str) -> str:
    """The install cell's code: clone ``repository`` at ``ref`` and install the course, unless it imports."""
    return "\n".join([
        "# Set-up for Colab and other hosted notebook services: installs the",
        "# course when it is missing. Where the course is installed (your own",
        "# computer, the room's hub, Binder) this cell does nothing.",
        "import importlib.util",
        "",
        'if importlib.util.find_spec("course") is None:',
        "    import pathlib",
        "    import subprocess",
        "    import sys",
        "",
        f'    course_code = pathlib.Path.home() / "{COURSE_CODE_FOLDER}"',
        "    if not course_code.exists():",
        '        subprocess.run(["git", "clone", "--quiet", "--depth", "1",',
        f'                        "--branch", "{ref}",',
        f'                        "{repository}",',
        "                        str(course_code)], check=True)",
        "    pip = [sys.executable, \"-m\", \"pip\", \"install\", \"--quiet\"]",
        "    requirements = course_code / \"binder\" / \"requirements.txt\"",
        "    subprocess.run(pip + [\"-r\", str(requirements)], check=True)",
        "    subprocess.run(pip + [\"--no-deps\", \"--editable\", str(course_code)],",
        "                   check=True)",
        "    sys.path.insert(0, str(course_code))",
        '    print("The course is installed: run the next cells.")',
    ])
