"""The course's nbgrader set-up: one configuration for the `course` commands and plain `nbgrader`.

>>> from traitlets.config import Config
>>> config = configure(Config(), "/tmp/example-course")
>>> config.CourseDirectory.root
'/tmp/example-course'
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from traitlets.config import Config

from ..paths import NOTEBOOKS

__all__ = ["COURSE_ID", "default_course_dir", "configure", "autograde_steps", "api", "gradebook", "quiet_nbgrader"]

COURSE_ID = "parliament-social-media"


def default_course_dir() -> Path:
    """Where the working course folder lives unless told otherwise: $COURSE_DIR or ~/parliament-course."""
    return Path(os.environ.get("COURSE_DIR") or Path.home() / "parliament-course")


def configure(config: Config, course_dir: str | os.PathLike | None = None,
              source: str | os.PathLike | None = None) -> Config:
    """Fill ``config`` with the course's nbgrader settings for the working folder ``course_dir``.

    ``source`` is the folder of source notebooks, notebooks/ unless told otherwise.
    """
    root = Path(course_dir) if course_dir else default_course_dir()
    config.CourseDirectory.course_id = COURSE_ID
    config.CourseDirectory.root = str(root)
    config.CourseDirectory.source_directory = str(Path(source).resolve() if source else NOTEBOOKS)
    config.CourseDirectory.db_url = f"sqlite:///{root / 'gradebook.db'}"
    config.Exchange.root = os.environ.get("COURSE_EXCHANGE") or str(root / "exchange")
    config.Exchange.path_includes_course = True
    config.GenerateAssignment.preprocessors = _with_instructor_cells_removed()
    if "autograde_preprocessors" not in config.Autograde:
        config.Autograde.autograde_preprocessors = autograde_steps()
    config.ClearSolutions.code_stub = {"python": "# YOUR CODE HERE\nraise NotImplementedError()"}
    config.ExecutePreprocessor.timeout = 120
    config.Execute.timeout = 120
    # Releasing a stage again (after fixing a typo, say) replaces the copy in the exchange.
    config.ExchangeReleaseAssignment.force = True
    return config


def _with_instructor_cells_removed() -> list:
    from nbgrader.converters.generate_assignment import GenerateAssignment

    from .preprocessors import RemoveInstructorCells

    return [RemoveInstructorCells, *GenerateAssignment.class_traits()["preprocessors"].default()]


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

    # nbgrader runs tools such as `alembic` from PATH: make this environment's own come first.
    bin_dir = str(Path(sys.executable).parent)
    if bin_dir not in os.environ.get("PATH", "").split(os.pathsep):
        os.environ["PATH"] = bin_dir + os.pathsep + os.environ.get("PATH", "")
    config = configure(config or Config(), course_dir, source)
    Path(config.CourseDirectory.root).mkdir(parents=True, exist_ok=True)
    return NbGraderAPI(coursedir=CourseDirectory(config=config), config=config)


def quiet_nbgrader() -> None:
    """Hide the warnings nbgrader's own code triggers in its libraries: they mean nothing to an instructor."""
    import warnings

    from sqlalchemy.exc import SAWarning

    warnings.filterwarnings("ignore", category=SAWarning)
    warnings.filterwarnings("ignore", category=DeprecationWarning, module="traitlets")


def gradebook(course_dir: str | os.PathLike):
    """nbgrader's gradebook of the working folder, to use in a ``with`` block."""
    from nbgrader.api import Gradebook

    return Gradebook(f"sqlite:///{Path(course_dir) / 'gradebook.db'}", COURSE_ID)
