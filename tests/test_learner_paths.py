"""A learner's notebook wherever it is opened: fetched on the hub, on Binder, on Colab.

- a stage fetched from the exchange (as on the hub, into ``~/<course>/<stage>/``) has every
  link of its notebook resolve, the book's pages included;
- with a repository in the launch settings, a release starts with the install cell for hosted
  services, which nbgrader grades around exactly as before, and without one it has none;
- the learner branch's ``binder/`` files alone build, in a clean virtual environment, an
  environment that runs every stage's release and ``course check``s it (an answered exercise
  gets its ✔), and the install cell installs the course from a local copy of that branch where
  it is missing, and does nothing where it is there.
"""
from __future__ import annotations

import os
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import nbformat
import pytest
from traitlets.config import Config

import exercise_harness as harness
from course.book.learner_branch import publish_learner_branch
from course.grading import nbgrader_setup
from course.grading.launch_settings import release_tag
from course.grading.learner_release import COURSE_CODE_FOLDER, HOSTED_SETUP_ID
from course.grading.release_and_collect import release
from course.grading.tampering import find_tampering
from course.paths import NOTEBOOKS, stage_names

STAGE = "00-welcome"


def _links(notebook: Path) -> list[str]:
    """The relative links of a notebook's markdown cells, anchors left out."""
    cells = nbformat.read(notebook, as_version=4).cells
    targets = [t for c in cells if c.cell_type == "markdown" for t in re.findall(r"\]\(([^)\s]+)\)", c.source)]
    return [t.split("#")[0] for t in targets if not re.match(r"[a-z]+:|#", t)]


def _settings(folder: Path, repository: str) -> Path:
    path = folder / "launch.toml"
    path.write_text(f'repository = "{repository}"\nlearner_branch = "learner"\n')
    return path


def test_a_stage_fetched_on_the_hub_has_its_book_links_resolve(tmp_path):
    from nbgrader.auth import Authenticator
    from nbgrader.coursedir import CourseDirectory
    from nbgrader.exchange.default.fetch_assignment import ExchangeFetchAssignment

    stages = stage_names()
    assert len([s for s in stages if any("book/" in link for link in _links(NOTEBOOKS / s / f"{s}.ipynb"))]) >= 2
    assert release(tmp_path / "course", NOTEBOOKS, stages) == []
    home = tmp_path / "home"
    for stage in stages:
        config = nbgrader_setup.configure(Config(), tmp_path / "course")
        config.CourseDirectory.assignment_id = stage
        config.Exchange.assignment_dir = str(home)
        ExchangeFetchAssignment(coursedir=CourseDirectory(config=config), config=config,
                                authenticator=Authenticator(config=config)).start()
    # Every stage fetched, as a learner has them by the end: the links to the next stage resolve too.
    for stage in stages:
        fetched = home / nbgrader_setup.COURSE_ID / stage / f"{stage}.ipynb"
        links = _links(fetched)
        assert not [link for link in links if not (fetched.parent / link).is_file()], stage
    fetched = home / nbgrader_setup.COURSE_ID / STAGE
    assert (fetched / "book" / "glossary.md").read_text() == (NOTEBOOKS.parent / "book" / "glossary.md").read_text()
    assert "](book/glossary.md" in (fetched / f"{STAGE}.ipynb").read_text()


def test_the_install_cell_comes_only_with_a_repository_and_grading_ignores_it(tmp_path, monkeypatch):
    monkeypatch.setenv("COURSE_LAUNCH_SETTINGS", str(tmp_path / "none.toml"))
    plain = harness.Course(tmp_path / "plain", STAGE)
    assert not [c for c in nbformat.read(plain.release, as_version=4).cells if c.get("id") == HOSTED_SETUP_ID]

    monkeypatch.setenv("COURSE_LAUNCH_SETTINGS", str(_settings(tmp_path, "https://github.com/lumeria/course")))
    course = harness.Course(tmp_path / "hosted", STAGE)
    released = nbformat.read(course.release, as_version=4)
    first = released.cells[0]
    assert first.id == HOSTED_SETUP_ID and first.cell_type == "code" and "nbgrader" not in first.metadata
    assert "https://github.com/lumeria/course" in first.source and "Set-up for Colab" in first.source
    assert find_tampering(released) == []
    # The solved release, install cell and all, earns every point of its autograded tests.
    full = harness.expected_scores(STAGE, {})
    scores = course.grade("solver", harness.submission(STAGE, course.release))
    assert {grade_id: scores[grade_id] for grade_id in full} == full


# ---------------------------------------------------------------- Binder and Colab, from a local learner branch


def _venv(folder: Path) -> Path:
    subprocess.run([sys.executable, "-m", "venv", str(folder)], check=True)
    return folder / "bin"


@pytest.fixture(scope="module")
def learner_branch(root, tmp_path_factory, request) -> tuple[Path, str]:
    """A clone of the course with its learner branch published, set up as the repository to launch from."""
    scratch = tmp_path_factory.mktemp("learner-branch")
    clone = scratch / "course"
    subprocess.run(["git", "clone", "-q", str(root), str(clone)], check=True)
    patch = pytest.MonkeyPatch()
    request.addfinalizer(patch.undo)
    patch.setenv("COURSE_LAUNCH_SETTINGS", str(_settings(scratch, clone.as_uri())))
    assert publish_learner_branch(clone, "learner")
    head = subprocess.run(["git", "-C", str(clone), "rev-parse", "HEAD"], capture_output=True, text=True).stdout
    return clone, release_tag(head.strip())


def _check(course: Path, notebook: Path) -> tuple[int, str]:
    result = subprocess.run([str(course), "check", str(notebook)], capture_output=True, text=True, timeout=300)
    return result.returncode, result.stdout + result.stderr


def _git_out(repo: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True, check=True).stdout.strip()


def _answered_first_exercise(stage1: Path, into: Path) -> Path:
    """Stage 1's release with its first exercise answered as the model solution does, its book pages beside it."""
    solutions = harness.solution_cells(harness.source_notebook(stage1.stem))
    first = next(iter(solutions))
    answered = into / stage1.parent.name / stage1.name
    (answered.parent / "book").mkdir(parents=True)
    nbformat.write(harness.answered(stage1, {first: solutions[first]}), answered)
    for page in (stage1.parent / "book").iterdir():
        (answered.parent / "book" / page.name).write_text(page.read_text())
    return answered


def test_binder_and_colab_run_every_stage_from_the_learner_branch(learner_branch, tmp_path):
    """One clean virtual environment, made as Binder makes it, in which the Colab cell installs the course first.

    Its packages come from ``binder/requirements.txt`` alone (as on Colab, the libraries are there
    before the notebook's first cell runs); the course is not, until the install cell clones the
    tagged learner branch and installs it; then Binder's ``postBuild`` installs it from the checkout
    and every stage runs and is checked.
    """
    clone, tag = learner_branch
    checkout = tmp_path / "checkout"
    subprocess.run(["git", "clone", "-q", "--branch", "learner", clone.as_uri(), str(checkout)], check=True)
    assert sorted(p.name for p in (checkout / "binder").iterdir()) == ["postBuild", "requirements.txt", "runtime.txt"]
    requirements = (checkout / "binder" / "requirements.txt").read_text()
    assert not re.search(r"^(jupyter-book|nbgrader|jupyterhub|jupyterlab|pytest|playwright)", requirements, re.M | re.I)
    bin_dir = _venv(tmp_path / "env")
    subprocess.run([str(bin_dir / "pip"), "install", "-q", "-r", str(checkout / "binder" / "requirements.txt")],
                   check=True)

    # Colab: the notebook's first cell, then its own first lines, in one process (no restart between them),
    # from a home folder where this test run's course is not on the path.
    notebook = checkout / "notebooks" / STAGE / f"{STAGE}.ipynb"
    cell = nbformat.read(notebook, as_version=4).cells[0]
    assert cell.id == HOSTED_SETUP_ID and f'"--branch", "{tag}"' in cell.source and clone.as_uri() in cell.source
    home = tmp_path / "colab-home"
    home.mkdir()
    code = cell.source + "\nfrom course import *\nprint(len(load('posts')), 'posts')\n"
    ran = subprocess.run([str(bin_dir / "python"), "-c", code], capture_output=True, text=True,
                         env=dict(os.environ, HOME=str(home)), cwd=home, timeout=900)
    assert ran.returncode == 0, ran.stderr
    assert "The course is installed" in ran.stdout and re.search(r"^\d{4,} posts$", ran.stdout, re.M), ran.stdout
    installed = home / COURSE_CODE_FOLDER
    assert _git_out(installed, "rev-parse", "HEAD") == _git_out(clone, "rev-parse", f"{tag}^{{commit}}")
    assert not (installed / "tests").exists() and (installed / "data" / "posts.csv").is_file()

    # Binder: postBuild, from the checkout, installs the course from it.
    path = f"{bin_dir}{os.pathsep}{os.environ['PATH']}"
    subprocess.run(["sh", "binder/postBuild"], cwd=checkout, check=True, env=dict(os.environ, PATH=path))
    where = subprocess.run([str(bin_dir / "python"), "-c", "import course; print(course.__file__)"], cwd=tmp_path,
                           capture_output=True, text=True, check=True).stdout
    assert where.startswith(str(checkout))
    notebooks = [checkout / "notebooks" / s / f"{s}.ipynb" for s in stage_names(checkout / "notebooks")]
    assert len(notebooks) == len(stage_names())
    stage1 = next(nb for nb in notebooks if nb.name.startswith("01-"))
    answered = _answered_first_exercise(stage1, tmp_path / "answered")
    with ThreadPoolExecutor(max_workers=2) as pool:
        results = dict(zip(notebooks + [answered], pool.map(lambda nb: _check(bin_dir / "course", nb),
                                                              notebooks + [answered])))
    for notebook, (code, output) in results.items():
        assert "other error" not in output and "Traceback" not in output, f"{notebook.name}:\n{output}"
        if notebook != answered:
            assert code == 0 and re.search(r"\n0 passed, 0 failed, [1-9]\d* not attempted", output), output
    code, output = results[answered]
    assert code == 0 and "\n1 passed, 0 failed" in output and "✔" in output, output

    # Where the course is installed, the install cell does nothing: no output, no clone in the home folder.
    elsewhere = tmp_path / "binder-home"
    elsewhere.mkdir()
    ran = subprocess.run([str(bin_dir / "python"), "-c", cell.source], capture_output=True, text=True,
                         env=dict(os.environ, HOME=str(elsewhere)), cwd=elsewhere, check=True)
    assert ran.stdout == "" and not list(elsewhere.iterdir())


@pytest.mark.parametrize("text, problem", [("repository = [", "TOML"), ('repo = "https://x.org/c"', "unknown settings repo"),
                                           ('hub = "hub.lumeria"', "hub must be a web address"),
                                           ('learner_branch = "a b"', "git branch name")])
def test_wrong_launch_settings_are_named_with_their_fix(tmp_path, text, problem):
    from course.grading.launch_settings import read_settings

    path = tmp_path / "launch.toml"
    path.write_text(text + "\n")
    with pytest.raises(SystemExit) as error:
        read_settings(path)
    assert str(path) in str(error.value) and problem in str(error.value) and "Fix" in str(error.value)


def test_a_repository_off_github_gets_binder_and_no_colab():
    from course.book.build import configuration, launch_section
    from course.grading.launch_settings import LaunchSettings

    launch = LaunchSettings(repository="https://git.lumeria.test/course")
    assert sorted(configuration("learner", launch)["launch_buttons"]) == ["binderhub_url", "notebook_interface", "thebe"]
    assert "opens the stage's notebook on Binder, from" in launch_section(launch)
    assert "launch_buttons" not in configuration("instructor", launch)


def test_a_link_to_a_missing_book_page_is_named_and_the_other_stages_released(tmp_path):
    import shutil

    source = tmp_path / "source"
    for stage in stage_names()[:2]:
        shutil.copytree(NOTEBOOKS / stage, source / stage)
    broken = source / STAGE / f"{STAGE}.ipynb"
    broken.write_text(broken.read_text().replace("../../book/glossary.md", "../../book/lexicon.md"))
    problems = release(tmp_path / "course", source, stage_names(source), exchange=False)
    assert len(problems) == 1 and "lexicon.md" in problems[0] and "Fix the links" in problems[0]
    second = stage_names(source)[1]
    assert (tmp_path / "course" / "release" / second / "book" / "glossary.md").is_file()
