"""nbgrader configuration for the course, so plain `nbgrader` commands work from this folder.

The source notebooks are `notebooks/<stage>/`; the working course folder (release,
submitted, autograded, feedback and the gradebook) and the exchange live outside git.
Override them with the COURSE_DIR and COURSE_EXCHANGE environment variables (and the
source folder with COURSE_SOURCE).
"""
import os
import sys
from pathlib import Path

here = Path(__file__).resolve().parent
sys.path.insert(0, str(here))
from course.grading.nbgrader_setup import configure  # noqa: E402

configure(get_config(), os.environ.get("COURSE_DIR"), os.environ.get("COURSE_SOURCE"))  # noqa: F821 (nbgrader provides get_config)
