"""The project's promises: pip and conda agree, the README's commands are the ones CI runs."""
from __future__ import annotations

import re
import subprocess
import sys
import tomllib

from course.cli import build_parser


def _normalise(requirement: str) -> str:
    return re.sub(r"\s+", "", requirement).lower()


def test_environment_yml_lists_the_pip_dependencies(root):
    project = tomllib.loads((root / "pyproject.toml").read_text())["project"]
    wanted = project["dependencies"] + [r for extra in project["optional-dependencies"].values() for r in extra]
    text = (root / "environment.yml").read_text()
    dependencies = text.split("\ndependencies:\n", 1)[1].splitlines()
    conda = [line.strip()[2:] for line in dependencies
             if line.startswith("  - ") and not line.strip().startswith(("- python=", "- pip"))]
    # What conda-forge lacks comes from pip, listed under `pip:` (the course itself aside).
    pip = [line.strip()[2:] for line in dependencies if line.startswith("      - ") and line.strip() != "- -e ."]
    assert sorted(map(_normalise, conda + pip)) == sorted(map(_normalise, wanted))


def test_jupyter_book_is_pinned_below_2(root):
    project = tomllib.loads((root / "pyproject.toml").read_text())["project"]
    assert any(_normalise(d) == "jupyter-book>=1.0.4,<2" for d in project["dependencies"])


def test_constraints_pin_every_dependency(root):
    pinned = {line.split("==")[0].lower().replace("_", "-")
              for line in (root / "constraints.txt").read_text().splitlines() if "==" in line}
    project = tomllib.loads((root / "pyproject.toml").read_text())["project"]
    for requirement in project["dependencies"] + [r for extra in project["optional-dependencies"].values()
                                                   for r in extra]:
        assert re.split(r"[<>=!~ ]", requirement)[0].lower() in pinned, requirement


def test_ci_runs_the_readme_test_command(root):
    readme = (root / "README.md").read_text()
    commands = re.findall(r"^python3 tasks\.py \w+$", readme, flags=re.M)
    assert commands[:2] == ["python3 tasks.py build", "python3 tasks.py test"]
    ci = [line for line in (root / ".ci" / "run").read_text().splitlines() if line and not line.startswith(("#", "set ", "cd "))]
    assert ci == ["python3 tasks.py test"]


def test_every_subcommand_explains_itself():
    parser = build_parser()
    commands = parser._subparsers._group_actions[0].choices
    assert {"data", "book", "lab"} <= set(commands)
    for name, sub in commands.items():
        assert len(sub.description or "") > 40, f"`course {name} --help` needs a description"
        for action in sub._actions:
            if action.dest != "help":
                assert action.help, f"`course {name}` option {action.dest} has no help"


def test_course_help_runs_as_a_command():
    result = subprocess.run([sys.executable, "-m", "course.cli", "data", "--help"], capture_output=True, text=True)
    assert result.returncode == 0 and "--seed" in result.stdout and "--scale" in result.stdout


def test_no_outputs_or_checkpoints_in_git(root):
    tracked = subprocess.run(["git", "ls-files"], cwd=root, capture_output=True, text=True).stdout.splitlines()
    assert not [f for f in tracked if ".ipynb_checkpoints" in f or f.startswith(("_build/", ".venv/"))
                or f.endswith(".db")]


def _modules_loaded_by(code: str) -> set[str]:
    shown = "import sys; print('\\n'.join(sorted(sys.modules)))"
    result = subprocess.run([sys.executable, "-c", f"{code}\n{shown}"], capture_output=True, text=True, check=True)
    return set(result.stdout.split())


def test_a_learners_kernel_imports_only_the_learners_part():
    loaded = _modules_loaded_by("from course import *")
    assert not {m for m in loaded if m.startswith(("course.grading", "course.book", "course.workshop", "course.cli"))}
    assert not {m for m in loaded if m.split(".")[0] in ("nbgrader", "nbclient", "sphinx", "myst_nb")}


def test_a_kernel_that_shows_a_chart_never_builds_the_web_address_parser():
    """Showing a figure imports nbformat and jsonschema; rfc3987_syntax (2.5 s at import) stays out of it."""
    def parser_loaded(code: str) -> bool:
        check = "import sys\nprint(sys.modules.get('rfc3987_syntax') is not None, 'jsonschema' in sys.modules)"
        done = subprocess.run([sys.executable, "-c", f"{code}\n{check}"], capture_output=True, text=True, check=True)
        loaded, with_jsonschema = done.stdout.split()
        assert with_jsonschema == "True"
        return loaded == "True"

    assert not parser_loaded("from course import *\nimport pandas as pd\nimport plotly.io as pio\n"
                             "fig = charts.bar(pd.DataFrame({'a': ['x'], 'n': [1]}), x='a', y='n', title='t', "
                             "x_label='a', y_label='n')\npio.renderers['plotly_mimetype'].to_mimebundle(fig)\n"
                             "import plotly.io._renderers")
    assert parser_loaded("import jsonschema\nimport course"), "a process that loaded jsonschema first keeps it"


def test_charts_use_the_course_template_merged_once():
    """A default such as "plotly_white+course" would merge two templates again for every figure."""
    code = ("import plotly.io as pio\nfrom course import charts\nimport pandas as pd\n"
            "def refuse(*args):\n    raise AssertionError('templates merged for a figure')\n"
            "pio.templates._merge_2_templates = refuse\n"
            "fig = charts.line(pd.DataFrame({'a': [1, 2], 'n': [1, 2]}), x='a', y='n', title='t', x_label='a', "
            "y_label='n')\nassert pio.templates.default == 'course'\n"
            "assert fig.layout.template.layout.plot_bgcolor == 'white' and fig.layout.template.layout.colorway[0] "
            "== charts.PALETTE[0]")
    subprocess.run([sys.executable, "-c", code], check=True)


def test_the_learners_part_is_all_the_top_level_holds(root):
    """Each top-level module of the package is one a notebook loads; the command line is the one exception."""
    top_level = {f"course.{p.stem}" for p in (root / "course").glob("*.py") if p.stem != "__init__"}
    top_level |= {f"course.{p.parent.name}" for p in (root / "course").glob("*/__init__.py")}
    parts = {"course.grading", "course.book", "course.workshop", "course.translation"}
    assert top_level - parts - {"course.cli"} <= _modules_loaded_by("import course")


def test_course_help_loads_no_command_until_it_runs():
    loaded = _modules_loaded_by("from course.cli import build_parser\nbuild_parser().format_help()")
    assert not {m for m in loaded if m.split(".")[0] in ("nbgrader", "nbformat", "nbclient", "sphinx", "yaml")}
    working = {m for m in loaded if m.startswith(("course.grading.", "course.book.", "course.workshop.", "course.translation."))}
    assert working <= {"course.grading.commands", "course.grading.nbgrader_setup", "course.book.commands",
                       "course.workshop.commands", "course.translation.commands"}


def test_no_module_is_longer_than_a_maintainer_reads_at_once(root):
    lengths = {p.relative_to(root).as_posix(): len(p.read_text(encoding="utf-8").splitlines())
               for p in (root / "course").rglob("*.py")}
    assert not {path: n for path, n in lengths.items() if n > 420}


def test_every_link_of_a_notebook_works_where_it_is_opened(root):
    """A relative link in a stage notebook points to a file that exists beside it, as JupyterLab opens it."""
    import nbformat

    broken = []
    for path in sorted((root / "notebooks").glob("*/*.ipynb")):
        for cell in nbformat.read(path, as_version=4).cells:
            if cell.cell_type != "markdown":
                continue
            for target in re.findall(r"\]\(([^)\s]+)\)", cell.source):
                if re.match(r"[a-z]+:|#", target):
                    continue
                if not (path.parent / target.split("#")[0]).exists():
                    broken.append(f"{path.name}: {target}")
    assert not broken
