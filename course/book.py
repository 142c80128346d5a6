"""Build the course as a Jupyter Book (v1), offline, from a staging copy of the sources.

The sources are staged first so that generated pages (the data dictionary) never
land in the repository and each edition gets its own build folder.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import time
from pathlib import Path

from .schema import TABLES

__all__ = ["ROOT", "build", "data_dictionary_markdown"]

ROOT = Path(__file__).resolve().parent.parent
EDITIONS = ("learner", "instructor")


def data_dictionary_markdown() -> str:
    """The data dictionary page, written from the package's schema.

    >>> "## posts" in data_dictionary_markdown()
    True
    """
    lines = ["# Data dictionary", "",
             "Every table of the sample data, one file each in the course's `data/` folder. "
             "The Parliament of Lumeria, its members and its citizens are fictional, and so is every number. "
             "Load a table with `load(\"name\")` in a notebook.", ""]
    for name, table in TABLES.items():
        lines += [f"## {name}", "", f"{table.description} One row is {table.row}; "
                  f"the key is `{table.key}`. File: `data/{table.filename}`.", "",
                  "| column | type | unit | meaning | allowed values |", "|---|---|---|---|---|"]
        for column, spec in table.columns.items():
            kind = spec.kind + (", may be empty" if spec.nullable else "")
            allowed = ", ".join(f"`{v}`" for v in spec.allowed)
            lines.append(f"| `{column}` | {kind} | {spec.unit} | {spec.meaning} | {allowed} |")
        lines.append("")
    return "\n".join(lines)


def stage(edition: str, folder: Path) -> Path:
    """Copy the book's sources for ``edition`` into ``folder`` and write the generated pages."""
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    for name in ("_config.yml", "_toc.yml"):
        shutil.copy2(ROOT / name, folder / name)
    shutil.copytree(ROOT / "book", folder / "book")
    (folder / "book" / "data-dictionary.md").write_text(data_dictionary_markdown(), encoding="utf-8")
    return folder


def build(edition: str = "learner", out: Path | None = None) -> Path:
    """Build ``edition`` and return the folder holding its ``index.html``."""
    out = Path(out) if out else ROOT / "_build" / edition
    source = stage(edition, out / "source")
    command = [str(Path(sys.executable).parent / "jupyter-book"), "build", str(source), "--path-output", str(out),
               "-n", "-W", "--keep-going", "-q"]
    subprocess.run(command, check=True)
    return out / "_build" / "html"


def _book(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    try:
        html = build(args.edition, Path(args.out) if args.out else None)
    except subprocess.CalledProcessError:
        print(f"The {args.edition} edition did not build: see the messages above.", file=sys.stderr)
        return 1
    print(f"Built the {args.edition} edition in {time.perf_counter() - started:.0f} s. "
          f"Open {html / 'index.html'} in a browser (it works offline).")
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("book", help="build the book, offline",
                       description="Build the course as a web book with Jupyter Book. The learner edition has "
                                   "no solutions; the instructor edition adds them with rubrics and notes.")
    p.add_argument("--edition", choices=EDITIONS, default="learner", help="which edition (default: learner)")
    p.add_argument("--out", help="build folder (default: _build/EDITION)")
    p.set_defaults(func=_book)
