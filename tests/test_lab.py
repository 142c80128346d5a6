"""The learner's JupyterLab, driven in Debian's Chromium the way a learner uses it.

One `course lab` server (a learner's, on 127.0.0.1 and a free port, in a fresh learner folder)
serves every stage; for each stage the test opens the learner notebook, runs all its cells,
changes each control of each explorer and waits for its output to change, opens a hint,
answers an exercise wrongly (a ✘ and the friendly message) then rightly (a ✔), and finds no
browser console error and no error output in any teaching cell. The exercise and its answers
come from ``tests/answers/NN_stage.py`` (``WRONG`` and ``ALTERNATIVES``), so a new stage is
tested as soon as its folder and its answers exist.

Screenshots of each stage's first explorer, before and after each change, and the time each
stage took go to ``_build/lab-screenshots/`` (printed at the end of the run).
"""
from __future__ import annotations

import datetime
import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import nbformat
import pytest

from course.grading.exercise_cells import nbgrader_meta
from course.paths import stage_names
from course.workshop.lab import INSTRUCTOR_PLUGINS, LEARNER_PLUGINS
from exercise_harness import answers

ROOT = Path(__file__).resolve().parent.parent
SHOTS = ROOT / "_build" / "lab-screenshots"
STAGES = stage_names()
#: How long a learner may wait for an explorer to redraw after a change, in seconds.
REDRAW_LIMIT = float(os.environ.get("COURSE_REDRAW_LIMIT", "1.0"))
#: The bound of one stage's whole test, in seconds (about 40 s on the course's 2-core test machine).
STAGE_LIMIT = 90
STDERR = '[data-mime-type="application/vnd.jupyter.stderr"]'
TIMES: dict[str, float] = {}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Lab:
    """A `course lab` started for the test, stopped (its whole process group) when done."""

    def __init__(self, folder: Path, course_dir: Path, *extra: str):
        self.port, self.token = _free_port(), os.urandom(16).hex()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = folder.parent / f"lab-{self.port}.log"
        env = dict(os.environ, COURSE_LAB_TOKEN=self.token, COURSE_DIR=str(course_dir),
                   PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])))
        env.pop("COURSE_EXCHANGE", None)
        with open(self.log, "w") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "course.cli", "lab", "--no-browser", "--port", str(self.port),
                 "--folder", str(folder), "--course-dir", str(course_dir), *extra],
                stdout=log, stderr=subprocess.STDOUT, env=env, cwd=folder.parent, start_new_session=True)
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            assert self.process.poll() is None, f"course lab stopped:\n{self.log.read_text()[-3000:]}"
            try:
                with urllib.request.urlopen(f"{self.url}/api/status?token={self.token}", timeout=2):
                    break
            except OSError:
                time.sleep(0.5)
        else:
            self.stop()
            pytest.fail(f"course lab did not answer within 120 s:\n{self.log.read_text()[-3000:]}")

    def get(self, path: str) -> tuple[int, bytes]:
        try:
            with urllib.request.urlopen(f"{self.url}{path}{'&' if '?' in path else '?'}token={self.token}",
                                        timeout=30) as answer:
                return answer.status, answer.read()
        except urllib.error.HTTPError as error:
            return error.code, b""

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)  # course lab stops its jupyter server, then itself
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                pass
        try:
            os.killpg(self.process.pid, signal.SIGKILL)  # whatever of its group is left
        except ProcessLookupError:
            pass
        self.process.wait(timeout=10)


@pytest.fixture(scope="module")
def learner_lab(tmp_path_factory):
    base = tmp_path_factory.mktemp("lab")
    lab = Lab(base / "learner", base / "course")
    lab.folder = base / "learner"
    yield lab
    lab.stop()
    with socket.socket() as s:
        assert s.connect_ex(("127.0.0.1", lab.port)) != 0, "the lab server still answers after it was stopped"


@pytest.fixture(scope="module")
def context(browser, learner_lab):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.goto(f"{learner_lab.url}/lab?token={learner_lab.token}")  # the token's cookie, for every page after
    page.close()
    yield context
    context.close()


def _watch_console(page) -> list[str]:
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    return errors


def _open_notebook(context, lab, path: str, workspace: str):
    page = context.new_page()
    page.set_default_timeout(30_000)
    errors = _watch_console(page)
    started = time.monotonic()
    page.goto(f"{lab.url}/lab/workspaces/{workspace}/tree/{path}?reset")
    page.locator(".jp-Notebook .jp-Cell").first.wait_for()
    shown = time.monotonic()
    page.locator(".jp-Notebook-ExecutionIndicator[data-status='idle']").wait_for(timeout=60_000)
    print(f"\n{path}: page {shown - started:.1f} s, kernel ready {time.monotonic() - shown:.1f} s later", flush=True)
    return page, errors


def _run_menu(page, command: str) -> None:
    page.locator("#jp-MainMenu .lm-MenuBar-itemLabel", has_text=re.compile(r"^Run$")).click()
    page.locator(f"#jp-mainmenu-run li[data-command='{command}']").click()


# ---------------------------------------------------------------- explorers

#: How to change a control of each kind, and read back what it says.
_CONTROL_KIND = """(control) => {
    for (const kind of ['widget-dropdown', 'widget-slider', 'widget-toggle-buttons', 'widget-checkbox',
                        'widget-radio', 'widget-select', 'widget-text', 'widget-datepicker'])
        if (control.classList.contains(kind)) return kind;
    return control.className;
}"""
#: What an explorer's output shows: a figure's data and title, or the text of a table or message; null while
#: it is being redrawn (cleared, or a figure not drawn yet).
_SIGNATURE = """(output) => {
    if (!output.querySelector('.jp-OutputArea-output')) return null;
    const plots = [...output.querySelectorAll('.js-plotly-plot')];
    if (plots.some(p => !p.querySelector('.main-svg') || !p.data)) return null;
    if (plots.length) return JSON.stringify(plots.map(p => [p.data, p.layout && p.layout.title]));
    return output.innerText;
}"""


def _change(page, control, kind: str) -> str:
    """Change one control as a learner would; return what was done."""
    if kind in ("widget-dropdown", "widget-select"):
        select = control.locator("select")
        options = select.locator("option").all_inner_texts()
        current = select.evaluate("s => s.selectedIndex")
        choice = len(options) - 1 if current != len(options) - 1 else 0
        select.select_option(index=choice)
        return f"chose {options[choice]!r}"
    if kind == "widget-slider":
        handle = control.locator(".noUi-handle").first
        at_max = handle.get_attribute("aria-valuenow") == handle.get_attribute("aria-valuemax")
        handle.focus()
        handle.press("Home" if at_max else "End")
        return "moved to the " + ("lowest" if at_max else "highest") + " value"
    if kind == "widget-toggle-buttons":
        control.locator("button:not(.mod-active)").first.click()
        return "pressed another button"
    if kind == "widget-checkbox":
        control.locator("input").click()
        return "ticked or unticked"
    if kind == "widget-radio":
        control.locator("input:not(:checked)").first.check()
        return "picked another option"
    if kind == "widget-datepicker":
        field = control.locator("input[type=date]")
        earlier = datetime.date.fromisoformat(field.input_value()) - datetime.timedelta(days=3)
        field.fill(earlier.isoformat())
        field.dispatch_event("change")
        return f"set the date to {earlier:%d %B %Y}"
    pytest.fail(f"the test cannot yet change an explorer control of kind {kind!r}: teach _change how")


def _exercise_explorers(page, cells, indices: list[int], stage: str) -> list[tuple[str, float]]:
    """Change every control of every explorer; return (what, seconds to redraw) of each change."""
    redraws = []
    folder = SHOTS / stage
    folder.mkdir(parents=True, exist_ok=True)
    for e, index in enumerate(indices):
        cells.nth(index).scroll_into_view_if_needed()
        box = cells.nth(index).locator(".course-explorer").first
        box.wait_for()
        box.scroll_into_view_if_needed()
        output = box.locator(".widget-output").first
        output.locator(".jp-OutputArea-output").first.wait_for()
        controls = box.locator(":scope > .widget-hbox > .widget-inline-hbox, :scope > .widget-hbox > .widget-box, "
                               ":scope > .widget-hbox > .jupyter-widgets")
        assert controls.count() >= 1, f"{stage}: explorer {e + 1} has no control"
        if e == 0:
            page.wait_for_timeout(300)  # let plotly finish its first drawing
            box.screenshot(path=str(folder / "explorer-before.png"))
        for c in range(controls.count()):
            control = controls.nth(c)
            kind = control.evaluate(_CONTROL_KIND)
            # A redraw slower than the limit is tried again, up to three times (another change of the same control), so a
            # moment when the shared machine is busy does not fail the test; the fastest counts.
            seconds = None
            for _attempt in range(3):
                page.wait_for_function(f"output => ({_SIGNATURE})(output) !== null", arg=output.element_handle())
                before = output.evaluate(_SIGNATURE)
                started = time.monotonic()
                done = _change(page, control, kind)
                try:
                    page.wait_for_function(f"([output, before]) => {{ const now = ({_SIGNATURE})(output);"
                                           f" return now !== null && now !== before; }}",
                                           arg=[output.element_handle(), before], timeout=10_000, polling=25)
                except Exception:
                    pytest.fail(f"{stage}: explorer {e + 1}, control {c + 1} ({kind}): {done}, "
                                f"and its output did not change")
                took = time.monotonic() - started
                seconds = took if seconds is None else min(seconds, took)
                if seconds <= REDRAW_LIMIT:
                    break
            redraws.append((f"explorer {e + 1}, control {c + 1} ({kind}) {done}", seconds))
            assert not output.locator(STDERR).count(), f"{stage}: explorer {e + 1} shows an error after it {done}"
            if e == 0:
                page.wait_for_timeout(300)
                box.screenshot(path=str(folder / f"explorer-after-change-{c + 1}.png"))
    return redraws


# ---------------------------------------------------------------- exercises


def _exercise_to_answer(stage: str, nb) -> tuple[int, list[int], str, str]:
    """(solution cell, its test cells, a wrong answer, a right one): the first exercise with both in the answers file."""
    module = answers(stage)
    for index, cell in enumerate(nb.cells):
        grade_id = nbgrader_meta(cell).get("grade_id")
        if cell.cell_type != "code" or not nbgrader_meta(cell).get("solution"):
            continue
        if module.WRONG.get(grade_id) and getattr(module, "ALTERNATIVES", {}).get(grade_id):
            tests = [i for i, c in enumerate(nb.cells)
                     if nbgrader_meta(c).get("grade") and not nbgrader_meta(c).get("solution")
                     and nbgrader_meta(c).get("grade_id", "").startswith(grade_id + "_")]
            assert tests, f"{stage}: {grade_id} has no test cell"
            return index, tests, module.WRONG[grade_id], module.ALTERNATIVES[grade_id][0]
    pytest.fail(f"{stage}: no exercise has both a WRONG and an ALTERNATIVES answer in tests/answers")


_RAN_AGAIN = ("([cell, before]) => { const p = cell.querySelector('.jp-InputPrompt').innerText;"
              " return p !== before && /\\[\\d+\\]/.test(p); }")


def _run_cell(page, cell) -> None:
    """Shift+Enter on the active cell (``cell``), as a learner does, and wait until it has run."""
    prompt = cell.locator(".jp-InputPrompt").inner_text()
    page.keyboard.press("Shift+Enter")
    page.wait_for_function(_RAN_AGAIN, arg=[cell.element_handle(), prompt], timeout=30_000)


def _answer(page, cells, solution: int, tests: list[int], code: str) -> list[tuple[list[str], list[str]]]:
    """Type ``code`` in the solution cell and run it, then each of its test cells; return their outputs' texts and kinds."""
    cells.nth(solution).scroll_into_view_if_needed()
    editor = cells.nth(solution).locator(".cm-content")
    editor.click()
    page.keyboard.press("Control+A")
    page.keyboard.insert_text(code)
    _run_cell(page, cells.nth(solution))
    results = []
    for t in tests:  # Shift+Enter moved on to the next cell: each test cell in turn
        cells.nth(t).scroll_into_view_if_needed()
        cells.nth(t).locator(".jp-InputPrompt").click()  # select it, in case it does not follow the solution
        _run_cell(page, cells.nth(t))
        outputs = cells.nth(t).locator(".jp-OutputArea-output")
        results.append((outputs.all_inner_texts(), [o.get_attribute("data-mime-type") or "" for o in outputs.all()]))
    return results


# ---------------------------------------------------------------- the test of each stage


@pytest.mark.parametrize("stage", STAGES)
def test_stage_works_in_the_learners_jupyterlab(stage, learner_lab, context):
    started = time.monotonic()
    path = f"{stage}/{stage}.ipynb"
    nb = nbformat.read(learner_lab.folder / path, as_version=4)
    assert "BEGIN SOLUTION" not in json.dumps(nb), f"{stage}: the learner's folder holds a source notebook"
    page, console_errors = _open_notebook(context, learner_lab, path, stage)
    cells = page.locator(".jp-Notebook .jp-Cell")
    page.wait_for_function("n => document.querySelectorAll('.jp-Notebook .jp-Cell').length === n", arg=len(nb.cells))
    print(f"\n{stage}: opened after {time.monotonic() - started:.1f} s", flush=True)

    # Run all: it stops at the first test cell, whose exercise still raises NotImplementedError in the release.
    exercises = [i for i, c in enumerate(nb.cells) if c.cell_type == "code" and nbgrader_meta(c).get("grade")
                 and not nbgrader_meta(c).get("solution")]
    _run_menu(page, "runmenu:run-all")
    first = cells.nth(exercises[0])
    first.scroll_into_view_if_needed()  # JupyterLab draws a cell only once it comes into view
    first.locator(".jp-OutputArea-output").first.wait_for(timeout=60_000)
    ran = time.monotonic()
    # The outputs as the kernel gave them, from the saved notebook: none of a teaching cell is an error.
    page.keyboard.press("Control+s")
    page.wait_for_function("() => !document.querySelector('.lm-TabBar-tab.jp-mod-dirty')", timeout=20_000)
    saved = nbformat.read(learner_lab.folder / path, as_version=4)
    teaching = [i for i, c in enumerate(saved.cells[:exercises[0]]) if c.cell_type == "code" and not nbgrader_meta(c)]
    for i in teaching:
        cell = saved.cells[i]
        assert cell.execution_count, f"{stage}: teaching cell {i} did not run"
        errors = [o for o in cell.outputs if o.output_type == "error" or o.get("name") == "stderr"]
        assert not errors, f"{stage}: teaching cell {i} shows an error output: {errors[0]}"
    explorer_cells = [i for i in teaching if "explorer(" in saved.cells[i].source]
    assert explorer_cells, f"{stage}: no explorer found"

    redraws = _exercise_explorers(page, cells, explorer_cells, stage)
    slow = [(what, round(s, 2)) for what, s in redraws if s > REDRAW_LIMIT]
    assert not slow, f"{stage}: explorers took longer than {REDRAW_LIMIT} s to redraw: {slow}"

    hinted = next(i for i, c in enumerate(nb.cells) if c.cell_type == "markdown" and "<summary>Hint</summary>" in c.source)
    cells.nth(hinted).scroll_into_view_if_needed()
    hint = cells.nth(hinted).locator("details", has=page.locator("summary", has_text="Hint")).first
    hint.scroll_into_view_if_needed()
    assert hint.get_attribute("open") is None
    hint.locator("summary").click()
    assert hint.get_attribute("open") is not None and hint.locator("p").first.is_visible(), f"{stage}: the hint did not open"

    solution, tests, wrong, right = _exercise_to_answer(stage, nb)
    results = _answer(page, cells, solution, tests, wrong)
    failed = [texts for texts, _ in results if any(text.lstrip().startswith("✘") for text in texts)]
    assert failed, f"{stage}: a wrong answer got no ✘: {results}"
    assert not any("Traceback" in text for texts, _ in results for text in texts), f"{stage}: a traceback: {results}"
    results = _answer(page, cells, solution, tests, right)
    for texts, kinds in results:
        assert any("✔" in text for text in texts) and not any("stderr" in k for k in kinds), (
            f"{stage}: a right answer got no ✔ or an error: {texts}")

    page.wait_for_timeout(200)
    assert not console_errors, f"{stage}: browser console errors: {console_errors[:5]}"
    page.close()
    TIMES[stage] = round(time.monotonic() - started, 1)
    (SHOTS / "times.json").write_text(json.dumps(TIMES, indent=1) + "\n")
    print(f"\n{stage}: {TIMES[stage]} s (run all {ran - started:.1f} s; redraws "
          f"{', '.join(f'{s:.2f}' for _, s in redraws)} s); screenshots in {SHOTS / stage}")
    assert TIMES[stage] < STAGE_LIMIT, f"{stage} took {TIMES[stage]} s"


# ---------------------------------------------------------------- nbgrader's panels: the learner's, and the instructor's


def _page_config(lab: Lab) -> dict:
    status, page = lab.get("/lab")
    assert status == 200
    return json.loads(re.search(rb'<script id="jupyter-config-data" type="application/json">(.*?)</script>', page,
                                re.S).group(1))


def _nbgrader_menu(page) -> dict[str, bool]:
    """Each command of the Nbgrader menu, and whether the menu shows it."""
    page.locator("#jp-MainMenu .lm-MenuBar-itemLabel", has_text=re.compile(r"^Nbgrader$")).click()
    items = page.locator("#jp-mainmenu-nbgrader li[data-command]").evaluate_all(
        "items => items.map(i => [i.dataset.command, !i.classList.contains('lm-mod-hidden')])")
    return dict(items)


def test_learner_has_the_assignment_list_and_validate_but_no_instructor_panel(learner_lab, context):
    disabled = set(_page_config(learner_lab)["disabledExtensions"])
    assert set(INSTRUCTOR_PLUGINS) <= disabled and not set(LEARNER_PLUGINS) & disabled
    assert learner_lab.get("/formgrader")[0] == 404, "the learner's server runs the formgrader"
    stage = STAGES[0]
    page, console_errors = _open_notebook(context, learner_lab, f"{stage}/{stage}.ipynb", "panels")
    menu = _nbgrader_menu(page)
    assert menu["nbgrader:open-assignment-list"]
    assert not any(menu.get(c) for c in ("nbgrader:open-formgrader", "nbgrader:open-create-assignment",
                                          "nbgrader:open-course-list")), menu
    page.locator("#jp-mainmenu-nbgrader li[data-command='nbgrader:open-assignment-list']").click()
    listing = page.locator("#nbgrader-assignment-list")
    listing.get_by_text(STAGES[-1], exact=True).first.wait_for()
    assert all(listing.get_by_text(s, exact=True).count() for s in STAGES), listing.inner_text()
    page.locator(".lm-TabBar-tab", has_text=stage).first.click()
    page.locator(".validate-button >> visible=true").first.click()
    dialog = page.locator(".jp-Dialog")
    dialog.wait_for(timeout=60_000)
    dialog.get_by_text(re.compile("Validat|NotImplementedError|not answered", re.I)).first.wait_for(timeout=60_000)
    assert "Traceback" not in dialog.inner_text()
    assert not console_errors, console_errors[:5]
    page.close()


def test_instructor_has_the_formgrader_and_create_assignment(browser, tmp_path):
    lab = Lab(tmp_path / "learner", tmp_path / "course", "--instructor")
    try:
        disabled = set(_page_config(lab)["disabledExtensions"])
        assert not (set(INSTRUCTOR_PLUGINS) | set(LEARNER_PLUGINS)) & disabled
        assert lab.get("/formgrader")[0] == 200
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        errors = _watch_console(page)
        page.goto(f"{lab.url}/lab/workspaces/instructor?reset&token={lab.token}")
        menu = _nbgrader_menu(page)
        assert menu["nbgrader:open-formgrader"] and menu["nbgrader:open-create-assignment"], menu
        page.locator("#jp-mainmenu-nbgrader li[data-command='nbgrader:open-formgrader']").click()
        page.frame_locator("iframe").get_by_text("Manage Assignments").first.wait_for(timeout=60_000)
        assert not errors, errors[:5]
        page.close()
    finally:
        lab.stop()
