"""Every choice of every stage's explorers draws something or says in one line that it has nothing to show.

Each stage's learner notebook runs here up to its first exercise, in this process, with
`explorer` recording what it is given; then each control is set to each of its values (every
option of a list, the ends and the middle of a slider) and the explorer's view is taken.
"""
from __future__ import annotations

import itertools
import ipywidgets as widgets
import nbformat
import pytest

import course
from course import explorers
from course.grading.exercise_cells import nbgrader_meta
from course.paths import ROOT, stage_names
from exercise_harness import visible_part


def _values(control) -> list:
    if isinstance(control, widgets.widgets.widget_selection._Selection):
        return [value for _, value in control._options_full] if hasattr(control, "_options_full") else \
            list(control._options_values)
    if isinstance(control, (widgets.IntSlider, widgets.FloatSlider)):
        return sorted({control.min, control.value, control.max})
    if isinstance(control, (widgets.Checkbox, widgets.ToggleButton)):
        return [True, False]
    return [control.value]


def _explorers(stage: str, monkeypatch) -> list[tuple]:
    """(draw, controls) of each explorer of the stage, from its teaching cells run in this process."""
    found = []
    monkeypatch.setattr(explorers, "explorer", lambda draw, **controls: found.append((draw, controls)))
    monkeypatch.setattr(course, "explorer", explorers.explorer)
    monkeypatch.setenv("COURSE_DATA", str(ROOT / "data"))
    monkeypatch.chdir(ROOT / "notebooks" / stage)
    nb = nbformat.read(ROOT / "notebooks" / stage / f"{stage}.ipynb", as_version=4)
    namespace: dict = {"__name__": "__main__", "display": lambda *a, **k: None}
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        if nbgrader_meta(cell):
            break
        exec(compile(visible_part(cell.source), f"<{stage}>", "exec"), namespace)
    return found


@pytest.mark.parametrize("stage", stage_names())
def test_every_choice_of_every_explorer_draws_or_says_why_not(stage, monkeypatch):
    found = _explorers(stage, monkeypatch)
    assert found, f"{stage} has no explorer"
    for number, (draw, controls) in enumerate(found, 1):
        names = list(controls)
        for values in itertools.islice(itertools.product(*(_values(controls[n]) for n in names)), 200):
            for name, value in zip(names, values):
                controls[name].value = value
            shown = explorers.view(draw, controls)
            assert not (isinstance(shown, explorers.HTML) and explorers.CANNOT_DRAW in shown.data), (
                f"{stage}, explorer {number}: {shown.data}")
