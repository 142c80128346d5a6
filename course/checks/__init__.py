"""Self-checks for the exercises: one line under each exercise, exact, and never giving the answer away.

The visible part of a test cell is its docstring and one call, such as::

    check_answer("0.1a", posts_per_platform)

which prints ✔ or raises :class:`CheckFailed` with a message for the learner
(:mod:`course.checks.exact`). Each stage's checks live in a module of their own
(``course.checks.stage00`` for stage 00), built from the primitives of :class:`Check`.
"""

from .exact import check_answer, collect_answer
from .primitives import FAIL_MARK, PASS_MARK, Check, CheckFailed, NotAttempted

__all__ = ["check_answer", "collect_answer", "Check", "CheckFailed", "NotAttempted", "PASS_MARK", "FAIL_MARK"]
