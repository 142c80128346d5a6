"""Code in a submission that changes what the checks compare with, found by reading it.

A test cell runs in the learner's kernel, after the learner's cells. Its hidden tests only
collect results and are judged outside (:mod:`course.grading.verdict`), so code that replaces a
function (``math.isclose = ...``, ``pd.testing.assert_frame_equal = ...``), the course's own
functions, or how IPython runs the next cells cannot make a wrong answer pass there; it can still
make the learner's visible checks lie to them, and hidden tests of the old form (comparing in the
kernel) be fooled.
:func:`find_tampering` reads every code cell the learner could write (not the test cells, which
intake restores) and says, in an instructor's words, which exercise does what. Grading flags such
a submission for the instructor to look at; it neither awards nor removes points because of it.

>>> from nbformat.v4 import new_code_cell, new_notebook
>>> cell = new_code_cell("import math\\nmath.isclose = lambda *a, **k: True",
...                      metadata={"nbgrader": {"grade_id": "ex1_2_kpi", "solution": True}})
>>> find_tampering(new_notebook(cells=[cell]))
['exercise 1.2 replaces math.isclose']
"""

from __future__ import annotations

import ast
import json
from pathlib import Path

from .exercise_cells import exercise_from_id, is_test_cell, nbgrader_meta

__all__ = ["find_tampering", "record_tampering", "read_tampering", "record_findings", "read_findings",
           "TAMPERING_FILE", "COURSE_NAMES"]

#: In the course folder: learner -> stage -> what the submission's code replaces, as the last grading found it.
TAMPERING_FILE = "tampering.json"

#: Names the visible checks call in the notebook: a learner's own definition of one replaces the check.
COURSE_NAMES = {"check_answer", "Check"}
#: Settings a learner may change freely (how tables and charts are shown): never tampering.
HARMLESS = {"options", "renderers", "templates", "rcParams"}
#: Attributes of IPython's shell that change how later cells run.
IPYTHON_HOOKS = {"input_transformers_cleanup", "input_transformers_post", "ast_transformers", "events",
                 "run_cell", "run_cell_async", "showtraceback", "set_custom_exc"}


def _modules(tree: ast.AST) -> dict[str, str]:
    """Local name -> module, for every ``import`` in the code."""
    names = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                top = alias.name.split(".")[0]
                names[alias.asname or top] = alias.name if alias.asname else top
        elif isinstance(node, ast.ImportFrom) and node.module:
            for alias in node.names:
                names[alias.asname or alias.name] = f"{node.module}.{alias.name}"
    return names


def _dotted(node: ast.AST) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute) and (base := _dotted(node.value)):
        return f"{base}.{node.attr}"
    return None


def _targets(node: ast.AST) -> list[ast.AST]:
    if isinstance(node, ast.Assign):
        return node.targets
    if isinstance(node, (ast.AugAssign, ast.AnnAssign)):
        return [node.target]
    if isinstance(node, ast.Delete):
        return node.targets
    return []


def _findings(source: str, modules: dict[str, str]) -> list[str]:
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return []
    found = []
    for node in ast.walk(tree):
        for target in _targets(node):
            dotted = _dotted(target)
            root = dotted.split(".")[0] if dotted else None
            harmless = bool(dotted and HARMLESS & set(dotted.split(".")))
            if isinstance(target, ast.Attribute) and dotted and root in modules and not harmless:
                found.append(f"replaces {modules[root]}{dotted[len(root):]}")
            elif isinstance(target, ast.Subscript) and _dotted(target.value) == "sys.modules":
                found.append("replaces a module in sys.modules")
            elif isinstance(target, ast.Name) and target.id in COURSE_NAMES:
                found.append(f"redefines {target.id}, the course's check")
        if isinstance(node, ast.Call) and _dotted(node.func) in ("setattr", "delattr") and node.args:
            root = (_dotted(node.args[0]) or "").split(".")[0]
            if root in modules:
                found.append(f"replaces an attribute of {modules[root]} with {_dotted(node.func)}()")
        if isinstance(node, ast.Attribute) and node.attr in IPYTHON_HOOKS and "get_ipython" in ast.unparse(node.value):
            found.append(f"changes how IPython runs the next cells ({node.attr})")
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and node.name in COURSE_NAMES:
            found.append(f"defines its own {node.name}, the course's check")
    return list(dict.fromkeys(found))


def find_tampering(nb) -> list[str]:
    """What the learner's cells of ``nb`` replace, each as 'exercise 1.2 replaces math.isclose'."""
    code = [cell for cell in nb.cells if cell.cell_type == "code"]
    modules = {}
    for cell in code:
        try:
            modules.update(_modules(ast.parse(cell.source)))
        except SyntaxError:
            continue
    found, where = [], "the first cells"
    for cell in code:
        grade_id = nbgrader_meta(cell).get("grade_id")
        if grade_id:
            where = exercise_from_id(grade_id)
        if is_test_cell(cell) or nbgrader_meta(cell).get("locked") and not nbgrader_meta(cell).get("solution"):
            continue
        found += [f"{where} {finding}" for finding in _findings(cell.source, modules)]
    return list(dict.fromkeys(found))


def read_findings(course_dir: Path, name: str = TAMPERING_FILE) -> dict[str, dict[str, list[str]]]:
    """What the last grading run recorded in the course folder's ``name``, learner -> stage -> findings."""
    path = Path(course_dir) / name
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}


def record_findings(course_dir: Path, name: str, stages: list[str],
                    found: dict[tuple[str, str], list[str]]) -> None:
    """Replace what the course folder's ``name`` records for ``stages`` by ``found``, (learner, stage) -> findings."""
    recorded = read_findings(course_dir, name)
    for learner in list(recorded):
        recorded[learner] = {stage: was for stage, was in recorded[learner].items() if stage not in stages}
    for (learner, stage), findings in found.items():
        if findings:
            recorded.setdefault(learner, {})[stage] = findings
    recorded = {learner: by_stage for learner, by_stage in recorded.items() if by_stage}
    (Path(course_dir) / name).write_text(json.dumps(recorded, indent=1, sort_keys=True), encoding="utf-8")


def read_tampering(course_dir: Path) -> dict[str, dict[str, list[str]]]:
    """What the last grading run flagged, learner -> stage -> findings."""
    return read_findings(course_dir, TAMPERING_FILE)


def record_tampering(course_dir: Path, stages: list[str], checked: list) -> dict[tuple[str, str], list[str]]:
    """Replace what is recorded for ``stages`` by what intake found now; return the findings of this run."""
    flagged = {(i.learner, i.stage): i.tampering for i in checked if i.tampering}
    record_findings(course_dir, TAMPERING_FILE, stages, flagged)
    return flagged
