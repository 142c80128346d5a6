"""Build the course as a Jupyter Book (v1), offline, in a learner or an instructor edition.

Each edition is built from its own staging copy of the sources, so generated pages (the
data dictionary, the table of contents, the stages at a glance) and the edition's notebooks
never land in the repository:

- the learner edition stages the nbgrader *release* of every stage (no solution, hidden
  test, model answer or instructor cell), and marks the unanswered exercise cells so that
  their ``NotImplementedError`` neither stops the execution nor shows a traceback;
- the instructor edition stages the source notebooks, with each solution and test cell
  folded in a dropdown after its exercise, model answers and rubrics in dropdowns, and
  instructor notes as admonitions, plus the instructor guide and the planted truths.

The JavaScript the pages need is served from ``_static``: plotly.js from the installed
plotly package, the widget manager and MathJax from the npm registry, fetched at build time
into ``_build/vendor`` (outside git) and reused afterwards.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

import nbformat
import plotly
import yaml

from . import grading
from .book_render import BOOK_MODE_VARIABLE
from .grading_ext import INSTRUCTOR_TAG
from .schema import TABLES

__all__ = ["ROOT", "EDITIONS", "build", "stage", "data_dictionary_markdown", "vendor", "page_weights"]

ROOT = Path(__file__).resolve().parent.parent
EDITIONS = ("learner", "instructor")
VENDOR_CACHE = ROOT / "_build" / "vendor"
# Pages of book/ that only the instructor edition carries.
INSTRUCTOR_PAGES = ("instructor-guide.md", "instructor-grading.md")
# npm packages served from _static: folder name -> (package, exact version, files kept, files dropped).
NPM_ASSETS = {
    "html-manager": ("@jupyter-widgets/html-manager", "1.0.15", ("dist/",), (".map", "amd.js")),
    "mathjax": ("mathjax", "3.2.2", ("es5/tex-chtml.js", "es5/output/chtml/fonts/woff-v2/"), ()),
}


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


# ---------------------------------------------------------------- vendored JavaScript

def npm_tarball(package: str, version: str, cache: Path) -> Path:
    """The npm registry's tarball of ``package@version``, downloaded once into ``cache``."""
    tarball = cache / f"{package.lstrip('@').replace('/', '-')}-{version}.tgz"
    if tarball.exists():
        return tarball
    npm = shutil.which("npm")
    if npm is None:
        raise RuntimeError("The book serves its widget and maths JavaScript from the npm registry, but `npm` is "
                           "not installed. On Debian: sudo apt-get install npm")
    cache.mkdir(parents=True, exist_ok=True)
    subprocess.run([npm, "pack", f"{package}@{version}", "--pack-destination", str(cache), "--silent"],
                   check=True, stdout=subprocess.DEVNULL)
    return tarball


def vendor(static: Path, cache: Path = VENDOR_CACHE) -> None:
    """Fill the book's ``_static`` folder with plotly.js and the npm assets of :data:`NPM_ASSETS`."""
    static.mkdir(parents=True, exist_ok=True)
    shutil.copy2(Path(plotly.__file__).parent / "package_data" / "plotly.min.js", static / "plotly.min.js")
    for folder, (package, version, kept, dropped) in NPM_ASSETS.items():
        with tarfile.open(npm_tarball(package, version, cache)) as archive:
            for member in archive.getmembers():
                name = member.name.removeprefix("package/")
                if not member.isfile() or not name.startswith(kept) or name.endswith(dropped):
                    continue
                target = static / folder / name.split("/", 1)[1]
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(archive.extractfile(member).read())


# ---------------------------------------------------------------- notebooks of each edition

def _nbgrader(cell) -> dict:
    return cell.get("metadata", {}).get("nbgrader", {})


def _tag(cell, *tags: str) -> None:
    existing = cell.metadata.setdefault("tags", [])
    existing.extend(t for t in tags if t not in existing)


def _fence(kind: str, title: str, body: str, options: str = "") -> str:
    """A MyST directive around ``body``, with a fence longer than any inside it."""
    ticks = "`" * max([4] + [len(run) + 1 for run in re.findall(r"`{3,}", body)])
    return f"{ticks}{{{kind}}} {title}\n{options}\n{body}\n{ticks}"


STAGE_LINK = re.compile(r"\[([^\]]+)\]\(\.\./(\d\d-[\w-]+)/\2\.ipynb\)")


def unlink_missing_stages(nb, stages: list[str]):
    """Turn links to stages this edition does not hold (a next stage not written yet) into plain text.

    >>> from nbformat.v4 import new_markdown_cell, new_notebook
    >>> nb = new_notebook(cells=[new_markdown_cell("Next: [Stage 4](../04-content/04-content.ipynb).")])
    >>> unlink_missing_stages(nb, ["03-planning"]).cells[0].source
    'Next: *Stage 4* (coming soon).'
    """
    def replace(match: re.Match) -> str:
        return match.group(0) if match.group(2) in stages else f"*{match.group(1)}* (coming soon)"

    for cell in nb.cells:
        if cell.cell_type == "markdown":
            cell.source = STAGE_LINK.sub(replace, cell.source)
    return nb


def learner_notebook(nb):
    """Mark a released notebook's exercise cells: they run and fail quietly, their starting code shown."""
    for cell in nb.cells:
        meta = _nbgrader(cell)
        if cell.cell_type == "code" and (meta.get("solution") or meta.get("grade")):
            _tag(cell, "raises-exception", "remove-output")
    return nb


def instructor_notebook(nb):
    """Fold a source notebook's answers into dropdowns and show its instructor notes as such."""
    for cell in nb.cells:
        meta = _nbgrader(cell)
        if cell.cell_type == "code" and meta.get("solution"):
            _tag(cell, "hide-input")
            cell.metadata["mystnb"] = {"code_prompt_show": "Show the solution", "code_prompt_hide": "Hide the solution"}
        elif cell.cell_type == "code" and meta.get("grade"):
            _tag(cell, "hide-input")
            cell.metadata["mystnb"] = {"code_prompt_show": "Show the tests, hidden tests included",
                                       "code_prompt_hide": "Hide the tests"}
        elif cell.cell_type == "markdown" and meta.get("solution"):
            cell.source = _fence("dropdown", "Model answer and rubric", cell.source, ":color: info")
        elif cell.cell_type == "markdown" and INSTRUCTOR_TAG in cell.metadata.get("tags", []):
            cell.source = _fence("admonition", "For the instructor", cell.source, ":class: tip")
    return nb


def release_notebooks(stages: list[str], notebooks: Path, into: Path) -> None:
    """Copy nbgrader's release of each stage (made in a throw-away course folder) into ``into``."""
    with tempfile.TemporaryDirectory(prefix="course-book-") as course_dir:
        api = grading.api(course_dir)
        api.coursedir.source_directory = str(notebooks)
        for name in stages:
            result = api.generate_assignment(name)
            if not result["success"]:
                raise RuntimeError(f"nbgrader could not release {name}:\n{result['log']}\n{result['error']}")
            shutil.copytree(Path(course_dir) / "release" / name, into / name)


def _stage_notebooks(edition: str, stages: list[str], notebooks: Path, folder: Path) -> None:
    into = folder / "notebooks"
    into.mkdir()
    if edition == "learner":
        release_notebooks(stages, notebooks, into)
    else:
        for name in stages:
            shutil.copytree(notebooks / name, into / name, ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    mark = learner_notebook if edition == "learner" else instructor_notebook
    for name in stages:
        path = into / name / f"{name}.ipynb"
        nbformat.write(unlink_missing_stages(mark(nbformat.read(path, as_version=4)), stages), path)


def stage_facts(notebook: Path) -> dict[str, str]:
    """What the title cell of a stage notebook says: its title, its first sentence and its timings.

    The title is the first heading; the summary is the first sentence after it; the timings
    come from the line ``**Time**: teaching NN min, exercises NN min``.
    """
    nb = nbformat.read(notebook, as_version=4)
    title_cell = next((c.source for c in nb.cells if c.cell_type == "markdown" and c.source.lstrip().startswith("# ")), "")
    heading, _, rest = title_cell.strip().partition("\n")
    paragraph = next((p.strip() for p in rest.split("\n\n") if p.strip()), "")
    summary = re.split(r"(?<=[.!?])\s", " ".join(paragraph.split()).strip("*_"), maxsplit=1)[0]
    timing = re.search(r"\*\*Time\*\*:?\s*teaching\s+(\d+)\s*min\S*,\s*exercises\s+(\d+)\s*min", title_cell)
    return {"title": heading.lstrip("# ").strip() or notebook.stem, "summary": summary.replace("|", "/"),
            "teaching": timing.group(1) if timing else "", "exercises": timing.group(2) if timing else ""}


def _stage_rows(folder: Path, stages: list[str], columns: str) -> list[str]:
    rows = []
    for name in stages:
        facts = stage_facts(folder / "notebooks" / name / f"{name}.ipynb")
        link = f"[{facts['title']}](../notebooks/{name}/{name}.ipynb)"
        rows.append("| " + " | ".join([link] + [facts[c] for c in columns.split()]) + " |")
    return rows


def _append(page: Path, lines: list[str]) -> None:
    page.write_text(page.read_text(encoding="utf-8").rstrip("\n") + "\n\n" + "\n".join(lines) + "\n", encoding="utf-8")


def _write_stage_tables(edition: str, folder: Path, stages: list[str]) -> None:
    """The stages at a glance on the home page; their timings in the instructor guide."""
    if not stages:
        return
    _append(folder / "book" / "intro.md", ["## The stages at a glance", "", "| stage | what it is about |", "|---|---|",
                                          *_stage_rows(folder, stages, "summary")])
    if edition == "instructor":
        _append(folder / "book" / "instructor-guide.md",
                ["| stage | teaching (min) | exercises (min) |", "|---|---|---|",
                 *_stage_rows(folder, stages, "teaching exercises")])


def table_of_contents(edition: str, stages: list[str], book: Path) -> dict:
    """The committed ``_toc.yml`` with the stages after the set-up, and the instructor guide if wanted."""
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    if stages:
        toc["parts"].insert(1, {"caption": "The playbook stages",
                                "chapters": [{"file": f"notebooks/{name}/{name}"} for name in stages]})
    if edition == "instructor":
        sections = [{"file": "book/instructor-grading"}] if (book / "instructor-grading.md").exists() else []
        sections.append({"file": "book/planted-truths"})
        toc["parts"].append({"caption": "For instructors",
                             "chapters": [{"file": "book/instructor-guide", "sections": sections}]})
    return toc


def configuration(edition: str) -> dict:
    """The committed ``_config.yml``, adjusted for ``edition``."""
    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    if edition == "instructor":
        config["title"] += " (instructor edition)"
    else:
        # Launch buttons must open the learner's notebook: the branch where the released notebooks are published.
        config["repository"]["branch"] = config.pop("learner_branch")
    config.pop("learner_branch", None)
    return config


def stage(edition: str, folder: Path, notebooks: Path | None = None) -> Path:
    """Write everything ``edition`` is built from into ``folder``, the stages taken from ``notebooks``."""
    notebooks = Path(notebooks).resolve() if notebooks else grading.SOURCE
    stages = sorted(p.name for p in notebooks.iterdir() if (p / f"{p.name}.ipynb").is_file())
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    ignored = () if edition == "instructor" else INSTRUCTOR_PAGES
    shutil.copytree(ROOT / "book", folder / "book", ignore=shutil.ignore_patterns("_static", *ignored))
    shutil.copytree(ROOT / "book" / "_static", folder / "_static")
    if edition == "instructor":
        shutil.copy2(ROOT / "instructor" / "planted-truths.md", folder / "book" / "planted-truths.md")
    (folder / "book" / "data-dictionary.md").write_text(data_dictionary_markdown(), encoding="utf-8")
    _stage_notebooks(edition, stages, notebooks, folder)
    _write_stage_tables(edition, folder, stages)
    for name, content in (("_config.yml", configuration(edition)),
                          ("_toc.yml", table_of_contents(edition, stages, folder / "book"))):
        (folder / name).write_text(yaml.safe_dump(content, sort_keys=False, allow_unicode=True), encoding="utf-8")
    vendor(folder / "_static")
    return folder


def build(edition: str = "learner", out: Path | None = None, notebooks: Path | None = None) -> Path:
    """Build ``edition`` and return the folder holding its ``index.html``.

    The execution cache lives in ``out/_build/.jupyter_cache``, so an unchanged rebuild
    into the same ``out`` executes nothing.
    """
    out = Path(out) if out else ROOT / "_build" / edition
    source = stage(edition, out / "source", notebooks)
    command = [str(Path(sys.executable).parent / "jupyter-book"), "build", str(source), "--path-output", str(out),
               "-n", "-W", "--keep-going", "-q"]
    environment = dict(os.environ, **{BOOK_MODE_VARIABLE: "1"})
    environment["PATH"] = str(Path(sys.executable).parent) + os.pathsep + environment.get("PATH", "")
    subprocess.run(command, check=True, env=environment)
    return out / "_build" / "html"


LOCAL_ASSET = re.compile(r"""<(?:script|img)\b[^>]*\bsrc="([^"#?]+)|<link\b[^>]*\bhref="([^"#?]+\.(?:css|js))""")


def page_weights(site: Path) -> dict[str, dict[str, int]]:
    """Bytes of each page of a built ``site``: ``own`` (the page and the files only it refers to,
    such as its images) and ``first_visit`` (the page with every script, style and image it loads).

    Everything in ``_static`` (plotly.js, the widget manager, MathJax, the theme) is shared by
    the whole site and cached by the browser after its first use, so ``own`` is what each
    further page costs.
    """
    weights = {}
    for page in site.rglob("*.html"):
        if "_static" in page.relative_to(site).parts:
            continue
        found = {(page.parent / (a or b)).resolve() for a, b in LOCAL_ASSET.findall(page.read_text(encoding="utf-8"))}
        loaded = [a for a in found if a.is_file()]
        shared = (site / "_static").resolve()
        weights[page.relative_to(site).as_posix()] = {
            "own": page.stat().st_size + sum(a.stat().st_size for a in loaded if shared not in a.parents),
            "first_visit": page.stat().st_size + sum(a.stat().st_size for a in loaded)}
    return weights


def _book(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    try:
        html = build(args.edition, Path(args.out) if args.out else None)
    except (subprocess.CalledProcessError, RuntimeError) as error:
        print(f"The {args.edition} edition did not build: {error}", file=sys.stderr)
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
