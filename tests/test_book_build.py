"""Both editions of the book, built once per session with the real `course book` code and checked.

The book is built from every real stage plus a small sample stage (tests/fixtures/book), whose
solution, hidden test, model answer and teaching note hold words found nowhere else, so a
leak of each kind is caught by name as well as by the generic checks on the real stages.
Builds go to _build/tests/, so the execution cache makes a second run fast.
"""
from __future__ import annotations

import functools
import html
import http.server
import json
import os
import re
import shutil
import threading
from pathlib import Path

import nbformat
import pytest

from course.book import build, offline_assets
from course.book.renderer import PLOTLY_CLASS
from course.grading.preprocessors import INSTRUCTOR_TAG
from course.paths import NOTEBOOKS, stage_names

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_STAGE = Path(__file__).parent / "fixtures" / "book" / "90-sample"
# Each pytest-xdist worker builds in its own folder.
BUILD = ROOT / "_build" / "tests" / os.environ.get("PYTEST_XDIST_WORKER", "main")
SAMPLE_SECRETS = {"solution": "lumerian_sentinel_solution", "hidden test": "hidden_sentinel_other",
                  "model answer": "marigold platform", "teaching note": "ask the room which platform"}
AXE = ("axe-core", "4.10.3")


@pytest.fixture(scope="session")
def notebooks() -> Path:
    """The stages the test book is built from: every real stage and the sample stage."""
    folder = BUILD / "notebooks"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for name in stage_names():
        (folder / name).symlink_to(NOTEBOOKS / name, target_is_directory=True)
    (folder / SAMPLE_STAGE.name).symlink_to(SAMPLE_STAGE, target_is_directory=True)
    return folder


@pytest.fixture(scope="session")
def stages(notebooks) -> list[str]:
    return sorted(p.name for p in notebooks.iterdir())


@pytest.fixture(scope="session")
def learner(notebooks) -> Path:
    return build.build("learner", BUILD / "learner", notebooks)


@pytest.fixture(scope="session")
def instructor(notebooks) -> Path:
    return build.build("instructor", BUILD / "instructor", notebooks)


def _normalise(text: str) -> str:
    for fancy, plain in (("’", "'"), ("‘", "'"), ("“", '"'), ("”", '"'), ("–", "-"), ("—", "-")):
        text = text.replace(fancy, plain)
    return " ".join(text.split())


def _readable_text(path: Path) -> str:
    """What a learner can read in a file of the site: a page's text, a notebook's cells, raw data."""
    raw = path.read_text(encoding="utf-8", errors="replace")
    if path.suffix == ".html":
        return _normalise(html.unescape(re.sub(r"<[^>]+>", "", raw)) + " " + raw)
    if path.suffix == ".ipynb":
        nb = json.loads(raw)
        parts = ["".join(c.get("source", "")) for c in nb["cells"]]
        parts += [json.dumps(o) for c in nb["cells"] for o in c.get("outputs", [])]
        return _normalise("\n".join(parts))
    return _normalise(raw)


def _site_files(site: Path) -> list[Path]:
    """Every content file of a built site (the vendored libraries of _static aside)."""
    return [p for p in site.rglob("*") if p.is_file() and "_static" not in p.relative_to(site).parts
            and p.suffix in {".html", ".ipynb", ".js", ".txt", ".json", ".md", ".py"}]


def _between(source: str, begin: str, end: str) -> list[str]:
    return [m for block in re.findall(rf"{begin}\n(.*?){end}", source, flags=re.S) for m in block.splitlines()]


def answer_key(source_notebook: Path, release_text: str) -> list[str]:
    """Lines only the instructor may see: solution regions, hidden tests, model answers, instructor cells.

    Lines that the learner's release shows anyway (a blank line, a shared ``return``) are left out.
    """
    secrets = []
    for cell in nbformat.read(source_notebook, as_version=4).cells:
        meta = cell.metadata.get("nbgrader", {})
        if cell.cell_type == "code" and meta.get("solution"):
            secrets += _between(cell.source, "### BEGIN SOLUTION", "### END SOLUTION")
        if cell.cell_type == "code" and meta.get("grade"):
            secrets += _between(cell.source, "### BEGIN HIDDEN TESTS", "### END HIDDEN TESTS")
        if cell.cell_type == "markdown" and (meta.get("solution") or INSTRUCTOR_TAG in cell.metadata.get("tags", [])):
            secrets += re.split(r"\n|\|", re.sub(r"[*_#>`]", "", cell.source))
    kept = {_normalise(s) for s in secrets}
    return sorted(s for s in kept if len(s) >= 20 and re.search(r"[a-z]", s) and s not in release_text)


# ---------------------------------------------------------------- the learner edition leaks nothing


def test_no_answer_key_line_in_any_learner_file(learner, notebooks, stages):
    site_text = {path: _readable_text(path) for path in _site_files(learner)}
    assert any(p.name == "searchindex.js" for p in site_text) and any(p.suffix == ".ipynb" for p in site_text)
    # A line that some learner notebook shows anyway (two stages may share a line of pandas) is no secret.
    releases = " ".join(_readable_text(learner / "_sources" / "notebooks" / n / f"{n}.ipynb") for n in stages)
    checked = 0
    for name in stages:
        secrets = answer_key(notebooks / name / f"{name}.ipynb", releases)
        assert secrets, f"{name}: no answer-key line found to check"
        for path, text in site_text.items():
            leaked = [s for s in secrets if s in text]
            assert not leaked, f"{path.relative_to(learner)} shows answer-key lines of {name}: {leaked[:3]}"
        checked += len(secrets)
    assert checked > 20


@pytest.mark.parametrize("kind", sorted(SAMPLE_SECRETS))
def test_sample_stage_secret_is_in_the_instructor_edition_only(kind, learner, instructor):
    word = SAMPLE_SECRETS[kind]
    assert not [p for p in _site_files(learner) if word in _readable_text(p)], f"the {kind} leaked"
    assert [p for p in _site_files(instructor) if word in _readable_text(p)], f"the instructor edition lacks the {kind}"


def test_no_nbgrader_region_marker_in_the_learner_edition(learner):
    for path in _site_files(learner):
        text = path.read_text(encoding="utf-8", errors="replace")
        assert "BEGIN SOLUTION" not in text and "BEGIN HIDDEN TESTS" not in text, path


def test_download_gives_the_learner_notebook(learner, stages):
    for name in stages:
        page = (learner / "notebooks" / name / f"{name}.html").read_text(encoding="utf-8")
        assert f"_sources/notebooks/{name}/{name}.ipynb" in page, f"{name}: no download of the notebook"
        nb = nbformat.read(learner / "_sources" / "notebooks" / name / f"{name}.ipynb", as_version=4)
        exercises = [c for c in nb.cells if c.cell_type == "code" and c.metadata.get("nbgrader", {}).get("solution")]
        assert exercises and all("raise NotImplementedError()" in c.source for c in exercises), name


def test_exercises_show_the_starting_code_without_a_traceback(learner):
    page = (learner / "notebooks" / SAMPLE_STAGE.name / f"{SAMPLE_STAGE.name}.html").read_text(encoding="utf-8")
    text = _readable_text(learner / "notebooks" / SAMPLE_STAGE.name / f"{SAMPLE_STAGE.name}.html")
    assert "def engagement_by_platform(posts):" in text and "YOUR CODE HERE" in text
    assert "Traceback" not in page and "NotAttempted" not in page


def test_hints_unfold(learner):
    page = (learner / "notebooks" / SAMPLE_STAGE.name / f"{SAMPLE_STAGE.name}.html").read_text(encoding="utf-8")
    assert re.search(r"<details>\s*<summary>Hint</summary>", page)


# ---------------------------------------------------------------- figures and scripts


def _figures_executed(site: Path, name: str) -> int:
    """Figures in the outputs of the staged notebook as executed (taken from the build's execution cache)."""
    from jupyter_cache import get_cache

    out = site.parent.parent
    staged = nbformat.read(out / "source" / "notebooks" / name / f"{name}.ipynb", as_version=4)
    _, executed = get_cache(out / "_build" / ".jupyter_cache").merge_match_into_notebook(staged)
    outputs = [o for c in executed.cells if c.cell_type == "code" for o in c.get("outputs", [])]
    assert not any("application/vnd.plotly.v1+json" in o.get("data", {}) for o in outputs)
    return sum(PLOTLY_CLASS in o.get("data", {}).get("text/html", "") for o in outputs)


@pytest.mark.parametrize("edition", ["learner", "instructor"])
def test_every_figure_reaches_the_page(edition, request, stages):
    site = request.getfixturevalue(edition)
    for name in stages:
        page = (site / "notebooks" / name / f"{name}.html").read_text(encoding="utf-8")
        in_body = page.count(f'<div class="{PLOTLY_CLASS}"')
        assert in_body >= 1 and in_body == _figures_executed(site, name), f"{edition} {name}: figures dropped"
        # The explorer's default view lives in the widget state: a figure, or a table (stage 5's moderation queue).
        state = "".join(re.findall(r'<script type="application/vnd.jupyter.widget-state\+json">(.*?)</script>', page, re.S))
        assert f'class=\\"{PLOTLY_CLASS}\\"' in state or 'class=\\"dataframe' in state, \
            f"{edition} {name}: the explorer's figure or table is not embedded"


@pytest.mark.parametrize("edition", ["learner", "instructor"])
def test_no_page_loads_anything_from_another_host(edition, request):
    site = request.getfixturevalue(edition)
    external = re.compile(r"""<(?:script|img|iframe)\b[^>]*\bsrc\s*=\s*["']?(?:https?:)?//"""
                          r"""|<link\b[^>]*\bhref\s*=\s*["']?(?:https?:)?//"""
                          r"""|url\(\s*["']?(?:https?:)?//|@import\s+["'](?:https?:)?//""", re.I)
    pages = list(site.rglob("*.html"))
    assert len(pages) > 5
    for path in pages + list((site / "_static").rglob("*.css")):
        found = external.search(path.read_text(encoding="utf-8", errors="replace"))
        assert not found, f"{path.relative_to(site)} loads {found.group(0)!r}"


def test_heavy_scripts_only_on_the_pages_that_use_them(learner):
    for path in learner.rglob("*.html"):
        page = path.read_text(encoding="utf-8")
        assert ("_static/plotly.min.js" in page) == (PLOTLY_CLASS in page), path
        assert ("_static/html-manager/embed.js" in page) == ("application/vnd.jupyter.widget-state+json" in page), path
        assert ("_static/mathjax/tex-chtml.js" in page) == ('class="math' in page), path
        assert "require.min.js" not in page and "sphinx-thebe.js" not in page, path
    assert (learner / "_static" / "plotly.min.js").stat().st_size > 1_000_000
    assert (learner / "_static" / "html-manager" / "embed.js").is_file()


def test_pages_stay_light_beyond_the_shared_scripts(learner):
    weights = offline_assets.page_weights(learner)
    heaviest = max(weights, key=lambda page: weights[page]["own"])
    assert weights[heaviest]["own"] < 1_000_000, f"{heaviest} weighs {weights[heaviest]['own']:,} bytes of its own"
    shared_plotly = (learner / "_static" / "plotly.min.js").stat().st_size
    assert weights[heaviest]["first_visit"] > shared_plotly + weights[heaviest]["own"]


# ---------------------------------------------------------------- the instructor edition


def test_instructor_edition_folds_answers_after_each_exercise(instructor, notebooks, stages):
    for name in stages:
        source = nbformat.read(notebooks / name / f"{name}.ipynb", as_version=4)
        meta = [(c.cell_type, c.metadata.get("nbgrader", {})) for c in source.cells]
        solutions = sum(kind == "code" and m.get("solution", False) for kind, m in meta)
        answers = sum(kind == "markdown" and m.get("solution", False) for kind, m in meta)
        page = (instructor / "notebooks" / name / f"{name}.html").read_text(encoding="utf-8")
        assert page.count("Show the solution") == solutions, name
        assert page.count("Model answer and rubric") == answers, name
        assert page.count("Show the tests, hidden tests included") >= 1, name


def test_instructor_guide_has_agendas_timings_grading_and_planted_truths(instructor, stages):
    guide = _readable_text(instructor / "book" / "instructor-guide.html")
    assert "A one-day workshop" in guide and "A two-day workshop" in guide
    for name in stages:
        facts = build.stage_facts(NOTEBOOKS / name / f"{name}.ipynb") if name != SAMPLE_STAGE.name else \
            build.stage_facts(SAMPLE_STAGE / f"{name}.ipynb")
        assert f"{facts['title']} {facts['teaching']} {facts['exercises']}" in guide, name
    assert "planted-truths.html" in guide
    assert ("instructor-grading.html" in guide) == (ROOT / "book" / "instructor-grading.md").exists()
    assert "Planted truths" in _readable_text(instructor / "book" / "planted-truths.html")


# ---------------------------------------------------------------- a real browser on the learner edition


@pytest.fixture(scope="session")
def served(learner):
    handler = functools.partial(QuietHandler, directory=str(learner))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="session")
def axe_script() -> Path:
    import tarfile

    tarball = offline_assets.npm_tarball(*AXE, offline_assets.VENDOR_CACHE)
    target = offline_assets.VENDOR_CACHE / f"axe-core-{AXE[1]}.min.js"
    if not target.exists():
        with tarfile.open(tarball) as archive:
            target.write_bytes(archive.extractfile("package/axe.min.js").read())
    return target


def test_every_learner_page_works_in_chromium(learner, served, browser, axe_script):
    pages = sorted(p.relative_to(learner).as_posix() for p in learner.rglob("*.html") if "_static" not in p.parts)
    context = browser.new_context()
    foreign: list[str] = []

    def only_local(route):
        if route.request.url.startswith(served):
            route.continue_()
        else:
            foreign.append(route.request.url)
            route.abort()

    context.route("**/*", only_local)
    problems, figures_drawn, widgets_seen, equations = [], 0, 0, 0
    for relative in pages:
        page = context.new_page()
        errors: list[str] = []
        page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(f"{served}/{relative}", wait_until="load")
        page.wait_for_load_state("networkidle")
        figures = page.locator(f".{PLOTLY_CLASS}")
        for index in range(figures.count()):
            figures.nth(index).locator("svg.main-svg").first.wait_for(state="attached", timeout=15_000)
        figures_drawn += figures.count()
        if page.locator('script[type="application/vnd.jupyter.widget-view+json"]').count():
            page.locator(".jupyter-widgets").first.wait_for(state="visible", timeout=15_000)
            assert page.locator(".widget-dropdown, .widget-slider, .widget-toggle-buttons, .widget-select, "
                                ".widget-datepicker, .widget-radio, .widget-checkbox").count(), relative
            widgets_seen += 1
        if page.locator(".math").count():
            page.locator("mjx-container").first.wait_for(state="attached", timeout=15_000)
            equations += 1
        problems += [f"{relative}: console error {e}" for e in errors]
        # Errors from here on are the audit's own (axe re-fetches stylesheets to inspect them).
        page.add_script_tag(path=str(axe_script))
        violations = page.evaluate("async () => (await axe.run()).violations"
                                   ".filter(v => ['serious', 'critical'].includes(v.impact))"
                                   ".map(v => `${v.id}: ${v.nodes.map(n => n.target.join(' ')).slice(0, 3)}`)")
        problems += [f"{relative}: accessibility {v}" for v in violations]
        page.close()
    context.close()
    assert not foreign, f"pages asked for other hosts: {foreign[:5]}"
    assert not problems, "\n".join(problems)
    assert figures_drawn >= len(stage_names()) + 1 and widgets_seen >= 1 and equations >= 1


def test_search_finds_a_glossary_term(served, browser):
    page = browser.new_page()
    page.goto(f"{served}/search.html?q=engagement", wait_until="load")
    results = page.locator("#search-results li")
    results.first.wait_for(state="attached", timeout=15_000)
    assert "glossary.html" in " ".join(results.locator("a").evaluate_all("links => links.map(a => a.href)"))
    page.close()


# ---------------------------------------------------------------- launch buttons: the deployment's setting

LAUNCH = {"repository": "https://github.com/lumeria/parliament-course", "learner_branch": "learner",
          "hub": "https://hub.lumeria.test"}
PLACEHOLDER_HOSTS = re.compile(r"example\.(org|com)|github\.com/example|hub\.example|mybinder|colab\.research", re.I)


@pytest.fixture(scope="session")
def launched(tmp_path_factory) -> Path:
    """The learner edition of the sample stage alone, built with launch settings (a small second build)."""
    settings = tmp_path_factory.mktemp("launch") / "launch.toml"
    settings.write_text("".join(f'{key} = "{value}"\n' for key, value in LAUNCH.items()))
    folder = BUILD / "launch-notebooks"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    (folder / SAMPLE_STAGE.name).symlink_to(SAMPLE_STAGE, target_is_directory=True)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("COURSE_LAUNCH_SETTINGS", str(settings))
        return build.build("learner", BUILD / "launch", folder)


def _links(page: str) -> list[str]:
    return [html.unescape(href) for href in re.findall(r'<a[^>]*\bhref="([^"]+)"', page)]


def test_without_launch_settings_no_launch_button_and_no_placeholder_host(learner):
    for path in learner.rglob("*.html"):
        page = path.read_text(encoding="utf-8")
        assert "launch-buttons" not in page and "Launch on" not in page, path
        assert not PLACEHOLDER_HOSTS.search(" ".join(_links(page))), path
    setup = _readable_text(learner / "book" / "setup.html")
    assert "This copy of the book has no launch buttons" in setup and "Binder and Colab are not available" in setup
    source = json.loads((learner / "_sources" / "notebooks" / SAMPLE_STAGE.name / f"{SAMPLE_STAGE.name}.ipynb").read_text())
    assert not [c for c in source["cells"] if "hosted-setup" in c["metadata"].get("tags", [])]


def test_with_launch_settings_each_button_opens_the_learner_branch(launched):
    from urllib.parse import parse_qs, urlsplit

    from course.grading.launch_settings import release_ref

    name = SAMPLE_STAGE.name
    notebook = f"notebooks/{name}/{name}.ipynb"
    links = _links((launched / "notebooks" / name / f"{name}.html").read_text(encoding="utf-8"))
    assert f"https://mybinder.org/v2/gh/lumeria/parliament-course/learner?urlpath=lab/tree/{notebook}" in links
    assert f"https://colab.research.google.com/github/lumeria/parliament-course/blob/learner/{notebook}" in links
    hub = [urlsplit(link) for link in links if link.startswith(LAUNCH["hub"])]
    assert len(hub) == 1 and hub[0].path == "/hub/user-redirect/git-pull"
    assert parse_qs(hub[0].query) == {"repo": [LAUNCH["repository"]], "branch": ["learner"],
                                      "urlpath": [f"lab/tree/parliament-course/{notebook}"]}
    setup = _readable_text(launched / "book" / "setup.html")
    assert "Binder, Google Colab or the room's JupyterHub" in setup and LAUNCH["repository"] in setup
    assert "its first cell installs the course" in setup
    # The download holds the install cell, first, pinned to this commit's tag; the page leaves it out.
    cells = json.loads((launched / "_sources" / "notebooks" / name / f"{name}.ipynb").read_text())["cells"]
    first = "".join(cells[0]["source"])
    assert "hosted-setup" in cells[0]["metadata"]["tags"] and "nbgrader" not in cells[0]["metadata"]
    assert f'"--branch", "{release_ref()}"' in first and LAUNCH["repository"] in first
    assert "Set-up for Colab" not in _readable_text(launched / "notebooks" / name / f"{name}.html")
