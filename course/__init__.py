"""Helpers for the course *Social media for parliaments*: data, charts, explorers and self-checks.

A stage notebook's setup cell needs one line::

    from course import *

which brings the names below. The package never holds an exercise's answer.
"""

from . import charts
from .checks import Check, CheckFailed, NotAttempted, check_answer
from .data import DataFileError, load, load_all, sample
from .schema import TABLES
from .explorers import explorer

__all__ = ["charts", "check_answer", "Check", "CheckFailed", "NotAttempted", "DataFileError", "load", "load_all",
           "sample", "TABLES", "explorer"]
__version__ = "0.1.0"
