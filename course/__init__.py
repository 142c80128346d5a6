"""Helpers for the course *Social media for parliaments*: data, charts, explorers and self-checks.

A stage notebook's setup cell needs one line::

    from course import *

which brings the names below. The package never holds an exercise's answer.
"""

import sys

# The first figure a kernel shows makes plotly import nbformat, and so jsonschema, which imports
# rfc3987_syntax if it can: that package builds a parser for web addresses as it loads, 2.5 s of
# CPU in every kernel (a learner's, a grader's, the book's) and every grading command, for a check
# of "iri" strings that nothing here asks for (python-jsonschema/jsonschema#1392). jsonschema goes
# on without it. Only before jsonschema is loaded: a process that has it already keeps what it has.
if "jsonschema" not in sys.modules:
    sys.modules.setdefault("rfc3987_syntax", None)

from . import charts
from .checks import Check, CheckFailed, NotAttempted, check_answer, collect_answer
from .data import DataFileError, load, load_all, sample
from .schema import TABLES
from .explorers import explorer
from . import exports  # light: it loads openpyxl only when it reads a spreadsheet

__all__ = ["charts", "check_answer", "collect_answer", "Check", "CheckFailed", "NotAttempted", "DataFileError", "load", "load_all",
           "sample", "TABLES", "explorer"]
__version__ = "0.1.0"
