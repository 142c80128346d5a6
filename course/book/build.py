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

Each edition's notebooks are made in :mod:`course.book.editions`; the JavaScript the pages
need is served from ``_static`` (:mod:`course.book.offline_assets`).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import yaml

from ..charts import BOOK_BUILD_VARIABLE
from ..paths import NOTEBOOKS, ROOT, stage_names
from ..schema import TABLES
from . import EDITIONS
from ..grading.launch_settings import LaunchSettings, read_settings
from .agendas import write_agendas
from .editions import edition_notebooks
from .offline_assets import vendor

__all__ = ["EDITIONS", "DATA_DICTIONARY", "build", "stage", "data_dictionary_markdown", "write_data_dictionary",
           "stage_facts", "short_slot", "table_of_contents", "configuration", "launch_section", "LAUNCH_MARK"]

#: The data dictionary page, written from the schema and committed, so that the notebooks' links to it
#: also work in JupyterLab (a test keeps it up to date: refresh it with write_data_dictionary()).
DATA_DICTIONARY = ROOT / "book" / "data-dictionary.md"
#: The launch services the book's buttons use when the deployment names a repository.
BINDER = "https://mybinder.org"
COLAB = "https://colab.research.google.com"
#: The line of the set-up page that the build replaces with what this deployment offers.
LAUNCH_MARK = "<!-- launch buttons: written by course book -->"
# Pages of book/ that only the instructor edition carries.
INSTRUCTOR_PAGES = ("instructor-guide.md", "instructor-grading.md", "instructor-hub.md",
                    "instructor-evaluation-model.md")


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



def write_data_dictionary(path: Path = DATA_DICTIONARY) -> Path:
    """Write the data dictionary page (by default the committed ``book/data-dictionary.md``)."""
    path.write_text(data_dictionary_markdown(), encoding="utf-8")
    return path


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


SHORT_SLOT_LINE = re.compile(r"\*\*Short slot \((\d+) min\)\*\*:?\s*"
                             r"teaching\s+(\d+)\s*min\S*,\s*exercises\s+(\d+)\s*min")


def short_slot(notebook: Path) -> dict[str, str]:
    """What a stage's instructor notes plan for a short slot: its minutes, its teaching and its exercises.

    The notes give it on the line ``**Short slot (90 min)**: teaching NN min, exercises NN min.``, followed by
    what to cut and which exercises to do in the room. A stage without that line gives empty values.
    """
    nb = nbformat.read(notebook, as_version=4)
    found = [SHORT_SLOT_LINE.search(c.source) for c in nb.cells if c.cell_type == "markdown"]
    found = [match for match in found if match]
    if len(found) > 1:
        raise ValueError(f"{notebook.name} plans its short slot {len(found)} times")
    slot, teaching, exercises = found[0].groups() if found else ("", "", "")
    return {"short_slot": slot, "short_teaching": teaching, "short_exercises": exercises}


def _stage_rows(folder: Path, stages: list[str], columns: str) -> list[str]:
    rows = []
    for name in stages:
        notebook = folder / "notebooks" / name / f"{name}.ipynb"
        facts = {**stage_facts(notebook), **short_slot(notebook)}
        link = f"[{facts['title']}](../notebooks/{name}/{name}.ipynb)"
        rows.append("| " + " | ".join([link] + [facts[c] or "-" for c in columns.split()]) + " |")
    return rows


def _append(page: Path, lines: list[str]) -> None:
    page.write_text(page.read_text(encoding="utf-8").rstrip("\n") + "\n\n" + "\n".join(lines) + "\n", encoding="utf-8")


def _write_stage_tables(edition: str, folder: Path, stages: list[str]) -> None:
    """The stages at a glance on the home page; the agendas and the stages' timings in the instructor guide."""
    if not stages:
        return
    _append(folder / "book" / "intro.md", ["## The stages at a glance", "", "| stage | what it is about |", "|---|---|",
                                          *_stage_rows(folder, stages, "summary")])
    if edition == "instructor":
        facts = {name: {**stage_facts(folder / "notebooks" / name / f"{name}.ipynb"),
                        **short_slot(folder / "notebooks" / name / f"{name}.ipynb")} for name in stages}
        write_agendas(folder / "book" / "instructor-guide.md", facts)
        _append(folder / "book" / "instructor-guide.md",
                ["| stage | teaching (min) | exercises (min) "
                 "| short slot: teaching (min) | short slot: exercises (min) |",
                 "|---|---|---|---|---|",
                 *_stage_rows(folder, stages, "teaching exercises short_teaching short_exercises")])


def table_of_contents(edition: str, stages: list[str], book: Path) -> dict:
    """The committed ``_toc.yml`` with the stages after the set-up, and the instructor guide if wanted."""
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    if stages:
        toc["parts"].insert(1, {"caption": "The playbook stages",
                                "chapters": [{"file": f"notebooks/{name}/{name}"} for name in stages]})
    if edition == "instructor":
        sections = [{"file": f"book/{page.removesuffix('.md')}"} for page in INSTRUCTOR_PAGES[1:]
                    if (book / page).exists()]
        sections.append({"file": "book/planted-truths"})
        toc["parts"].append({"caption": "For instructors",
                             "chapters": [{"file": "book/instructor-guide", "sections": sections}]})
    return toc


def configuration(edition: str, launch: LaunchSettings | None = None) -> dict:
    """The committed ``_config.yml``, adjusted for ``edition``, with the learner edition's launch buttons.

    The buttons come from the deployment's launch settings (``deploy/launch.toml``) and open the
    learner branch, where the released notebooks are; without a repository there is none.

    >>> config = configuration("learner", LaunchSettings("https://github.com/lumeria/course", hub="https://hub.lu"))
    >>> config["repository"], sorted(config["launch_buttons"])
    ({'url': 'https://github.com/lumeria/course', 'branch': 'learner'}, ['binderhub_url', 'colab_url', \
'jupyterhub_url', 'notebook_interface', 'thebe'])
    >>> "launch_buttons" in configuration("learner", LaunchSettings())
    False
    """
    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    launch = launch or read_settings()
    if edition == "instructor":
        config["title"] += " (instructor edition)"
    elif launch.configured:
        config["repository"] = {"url": launch.repository, "branch": launch.learner_branch}
        buttons = {"notebook_interface": "jupyterlab", "binderhub_url": BINDER, "thebe": False}
        if launch.hub:
            buttons["jupyterhub_url"] = launch.hub
        if launch.on_github:  # Colab opens notebooks from GitHub only
            buttons["colab_url"] = COLAB
        config["launch_buttons"] = buttons
    return config


def launch_section(launch: LaunchSettings) -> str:
    """What the set-up page says about launching a notebook from the book, for this deployment."""
    if not launch.configured:
        return ("This copy of the book has no launch buttons: it was published without a repository to "
                "open the notebooks from, so Binder and Colab are not available from it. Work on your own "
                "computer or on the room's hub, as above: the course folder (from your instructor) or the "
                "hub's *Assignments* tab has every notebook.")
    services = ["Binder"] + (["Google Colab"] if launch.on_github else []) + (["the room's JupyterHub"]
                                                                             if launch.hub else [])
    return (f"The rocket button at the top of each stage page opens the stage's notebook on "
            f"{', '.join(services[:-1]) + ' or ' + services[-1] if len(services) > 1 else services[0]}, "
            f"from the learner branch ({launch.learner_branch}) of the course's repository, "
            f"<{launch.repository}>. A notebook taken with the download button also opens on Colab: "
            f"its first cell installs the course.")


def stage(edition: str, folder: Path, notebooks: Path | None = None) -> Path:
    """Write everything ``edition`` is built from into ``folder``, the stages taken from ``notebooks``."""
    notebooks = Path(notebooks).resolve() if notebooks else NOTEBOOKS
    stages = stage_names(notebooks)
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    ignored = () if edition == "instructor" else INSTRUCTOR_PAGES
    shutil.copytree(ROOT / "book", folder / "book", ignore=shutil.ignore_patterns("_static", *ignored))
    shutil.copytree(ROOT / "book" / "_static", folder / "_static")
    if edition == "instructor":
        shutil.copy2(ROOT / "instructor" / "planted-truths.md", folder / "book" / "planted-truths.md")
    write_data_dictionary(folder / "book" / DATA_DICTIONARY.name)
    edition_notebooks(edition, stages, notebooks, folder)
    _write_stage_tables(edition, folder, stages)
    launch = read_settings()
    setup = folder / "book" / "setup.md"
    setup.write_text(setup.read_text(encoding="utf-8").replace(LAUNCH_MARK, launch_section(launch)), encoding="utf-8")
    for name, content in (("_config.yml", configuration(edition, launch)),
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
    environment = dict(os.environ, **{BOOK_BUILD_VARIABLE: "1"})
    environment["PATH"] = str(Path(sys.executable).parent) + os.pathsep + environment.get("PATH", "")
    subprocess.run(command, check=True, env=environment)
    return out / "_build" / "html"

