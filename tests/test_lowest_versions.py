"""The lowest versions the course allows of pandas, numpy, plotly, scipy and statsmodels give every verdict and
every output the pinned ones give.

Hosted notebook services (Colab) still ship pandas 2.2, where a ``groupby`` on a category column keeps the
categories without rows unless told ``observed=True``; pandas 3 leaves them out. `tasks.py lowest` makes
``.venv-lowest/`` once (again only when pyproject.toml or a constraints file changes), with
constraints-lowest.txt's versions and constraints.txt's for everything else. There, the checker proofs
(`test_checkers.py`) pass as they do here, and every stage's source notebook shows what it shows here.
"""
from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
import tomllib

from packaging.requirements import Requirement
from packaging.version import Version


def _tasks(root):
    spec = importlib.util.spec_from_file_location("tasks", root / "tasks.py")
    tasks = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tasks)
    return tasks


def _lowest(root) -> dict[str, str]:
    lines = (root / "constraints-lowest.txt").read_text().splitlines()
    return dict(line.split("==") for line in lines if "==" in line)


def test_the_lowest_versions_are_the_declared_floors(root):
    declared = {Requirement(r).name: Requirement(r).specifier
                for r in tomllib.loads((root / "pyproject.toml").read_text())["project"]["dependencies"]}
    for name, version in _lowest(root).items():
        floors = [Version(s.version) for s in declared[name] if s.operator == ">="]
        assert floors == [Version(version)], f"{name}: pyproject.toml allows {declared[name]}, the run tests {version}"
    merged = dict(line.split("==") for line in _tasks(root).lowest_constraints().splitlines())
    assert all(merged[name] == version for name, version in _lowest(root).items())
    assert merged.keys() > _lowest(root).keys(), "the rest stays at constraints.txt's versions"


def test_checker_proofs_and_stages_agree_on_the_lowest_versions(root, tmp_path):
    lowest = _tasks(root).install_python_packages(root / ".venv-lowest", lowest=True)
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST")}
    installed = subprocess.run([lowest, "-c", "import importlib.metadata as m, json, sys; "
                                "print(json.dumps({n: m.version(n) for n in sys.argv[1:]}))", *_lowest(root)],
                               capture_output=True, text=True, check=True, env=env)
    assert json.loads(installed.stdout) == _lowest(root)
    script = root / "tests" / "notebook_outputs.py"
    runs = {"pinned": subprocess.Popen([sys.executable, script, tmp_path / "pinned.json"], env=env, cwd=root),
            "lowest": subprocess.Popen([lowest, script, tmp_path / "lowest.json"], env=env, cwd=root)}
    # The proof sets' verdicts; the mutants test the tests themselves, which the pinned run does.
    proofs = subprocess.run([lowest, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/test_checkers.py",
                             "-k", "not mutant"], capture_output=True, text=True, env=env, cwd=root)
    assert proofs.returncode == 0, proofs.stdout[-6000:]
    assert all(run.wait(timeout=900) == 0 for run in runs.values())
    pinned, lowest_shown = (json.loads((tmp_path / f"{name}.json").read_text()) for name in runs)
    assert pinned.keys() == lowest_shown.keys() and all(pinned.values())
    differences = [f"{stage}, cell {index}: {shown_here!r:.300} here, {shown_there!r:.300} there"
                   for stage in pinned for (index, *shown_here), (_, *shown_there)
                   in zip(pinned[stage], lowest_shown[stage]) if shown_here != shown_there]
    assert not differences, "\n".join(differences)
