"""The course's nbgrader set-up: one configuration for the `course` commands and plain `nbgrader`.

>>> from traitlets.config import Config
>>> config = configure(Config(), "/tmp/example-course")
>>> config.CourseDirectory.root
'/tmp/example-course'
>>> config.CourseDirectory.db_url
'sqlite:////tmp/example-course/gradebook.db'

The gradebook is SQLite in the course folder unless told otherwise: ``$COURSE_DB_URL`` (what
``--db-url`` sets), or ``db_url`` in the folder's ``course-settings.json``, which ``course hub
start`` writes (with the hub's ``exchange``), so every grading command finds the hub's gradebook
and exchange from ``--course-dir`` alone. Several graders at once need a database server
(PostgreSQL: ``postgresql://...``); SQLite takes one writer at a time.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from traitlets.config import Config

from ..paths import NOTEBOOKS

__all__ = ["COURSE_ID", "SETTINGS_FILE", "default_course_dir", "settings", "db_url", "is_sqlite", "configure",
           "autograde_steps", "api", "gradebook", "quiet_nbgrader"]

COURSE_ID = "parliament-social-media"
#: A course folder's own settings (``db_url``, ``exchange``), written by ``course hub start``.
SETTINGS_FILE = "course-settings.json"


def default_course_dir() -> Path:
    """Where the working course folder lives unless told otherwise: $COURSE_DIR or ~/parliament-course."""
    return Path(os.environ.get("COURSE_DIR") or Path.home() / "parliament-course")


def settings(course_dir: str | os.PathLike) -> dict:
    """The course folder's ``course-settings.json`` (empty when it has none)."""
    path = Path(course_dir) / SETTINGS_FILE
    try:
        return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
    except (OSError, ValueError) as error:
        raise SystemExit(f"Cannot read {path}: {error}. Fix or remove it.") from None


def db_url(course_dir: str | os.PathLike | None = None) -> str:
    """The gradebook's address: $COURSE_DB_URL, the folder's settings, or SQLite in the folder."""
    root = Path(course_dir) if course_dir else default_course_dir()
    return (os.environ.get("COURSE_DB_URL") or settings(root).get("db_url")
            or f"sqlite:///{root / 'gradebook.db'}")


def is_sqlite(url: str) -> bool:
    return url.startswith("sqlite:")


def configure(config: Config, course_dir: str | os.PathLike | None = None,
              source: str | os.PathLike | None = None) -> Config:
    """Fill ``config`` with the course's nbgrader settings for the working folder ``course_dir``.

    ``source`` is the folder of source notebooks: the ``source`` of the folder's settings (a hub's
    course keeps its own copy, closed to learners), else the course's notebooks/.
    """
    root = Path(course_dir) if course_dir else default_course_dir()
    config.CourseDirectory.course_id = COURSE_ID
    config.CourseDirectory.root = str(root)
    source = source or settings(root).get("source")
    config.CourseDirectory.source_directory = str(Path(source).resolve() if source else NOTEBOOKS)
    config.CourseDirectory.db_url = db_url(root)
    config.Exchange.root = (os.environ.get("COURSE_EXCHANGE") or settings(root).get("exchange")
                            or str(root / "exchange"))
    config.Exchange.path_includes_course = True
    config.GenerateAssignment.preprocessors = _learner_release_steps()
    if "HostedSetupCell" not in config:
        _hosted_setup(config)
    if "autograde_preprocessors" not in config.Autograde:
        config.Autograde.autograde_preprocessors = autograde_steps()
    config.ClearSolutions.code_stub = {"python": "# YOUR CODE HERE\nraise NotImplementedError()"}
    config.ExecutePreprocessor.timeout = 120
    config.Execute.timeout = 120
    # Releasing a stage again (after fixing a typo, say) replaces the copy in the exchange.
    config.ExchangeReleaseAssignment.force = True
    return config


def _learner_release_steps() -> list:
    """nbgrader's release steps, after the course's own first (instructor cells out, the book's links)
    and with the install cell for hosted services last, where no checksum sees it."""
    from nbgrader.converters.generate_assignment import GenerateAssignment

    from .preprocessors import BookLinksBeside, HostedSetupCell, RemoveInstructorCells

    return [RemoveInstructorCells, BookLinksBeside, *GenerateAssignment.class_traits()["preprocessors"].default(),
            HostedSetupCell]


def _hosted_setup(config: Config) -> None:
    """The install cell's repository and tag, from the deployment's launch settings."""
    from .launch_settings import read_settings, release_ref

    launch = read_settings()
    config.HostedSetupCell.repository = launch.repository
    config.HostedSetupCell.ref = release_ref(settings=launch)


def autograde_steps(execute=None) -> list:
    """nbgrader's autograde steps with ``execute`` (nbgrader's Execute by default) running the notebook,
    and right after it :class:`~course.grading.preprocessors.HiddenVerdict`, which judges the hidden tests."""
    from nbgrader.converters import Autograde
    from nbgrader.preprocessors import Execute

    from .preprocessors import HiddenVerdict

    steps = []
    for step in Autograde.class_traits()["autograde_preprocessors"].default():
        steps.append((execute or step) if step is Execute else step)
        if step is Execute:
            steps.append(HiddenVerdict)
    return steps


def api(course_dir: str | os.PathLike | None = None, source: str | os.PathLike | None = None,
        config: Config | None = None):
    """nbgrader's own Python API, configured for the course (``config`` adds settings of its own)."""
    from nbgrader.apps import NbGraderAPI
    from nbgrader.coursedir import CourseDirectory

    _own_tools_on_path()
    config = configure(config or Config(), course_dir, source)
    Path(config.CourseDirectory.root).mkdir(parents=True, exist_ok=True)
    return NbGraderAPI(coursedir=CourseDirectory(config=config), config=config)


def _own_tools_on_path() -> None:
    """nbgrader runs tools such as `alembic` from PATH: make this environment's own come first."""
    bin_dir = str(Path(sys.executable).parent)
    if bin_dir not in os.environ.get("PATH", "").split(os.pathsep):
        os.environ["PATH"] = bin_dir + os.pathsep + os.environ.get("PATH", "")


def quiet_nbgrader() -> None:
    """Hide the warnings nbgrader's own code triggers in its libraries: they mean nothing to an instructor."""
    import warnings

    from sqlalchemy.exc import SAWarning

    warnings.filterwarnings("ignore", category=SAWarning)
    warnings.filterwarnings("ignore", category=DeprecationWarning, module="traitlets")


def gradebook(course_dir: str | os.PathLike):
    """nbgrader's gradebook of the working folder, to use in a ``with`` block."""
    from nbgrader.api import Gradebook

    _own_tools_on_path()
    return Gradebook(db_url(course_dir), COURSE_ID)
