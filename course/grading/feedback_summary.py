"""The top of a learner's feedback page: each exercise, its points, and what to look at.

nbgrader's own page starts with an index of cells ("Test cell (Score: 0.0 / 3.0)"). The
summary put above it names each exercise as the learner knows it ("Exercise 1.2"), gives its
points, and for each check that did not pass the same friendly message ``course check`` gives
(never a hidden test); a written answer shows the grader's comment, or that it is not marked yet.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from .exercise_cells import PASSED, exercise_heading, exercise_name, is_test_cell, nbgrader_meta, outcome, part_letter

__all__ = ["ExerciseResult", "exercise_results", "summary_html", "insert_summary"]


@dataclass
class ExerciseResult:
    name: str
    score: float = 0.0
    points: float = 0.0
    written: bool = False
    marked: bool = True
    notes: list[str] = field(default_factory=list)


def exercise_results(nb, grades: dict[str, tuple[float | None, float]],
                     comments: dict[str, str]) -> list[ExerciseResult]:
    """The exercises of an autograded notebook, in order, from its cells and the gradebook's
    ``grades`` (grade_id -> (score or None when not marked, points)) and ``comments`` (grade_id -> text)."""
    found: dict[str, ExerciseResult] = {}
    heading = None
    for cell in nb.cells:
        heading = exercise_heading(cell) or heading
        grade_id = nbgrader_meta(cell).get("grade_id")
        if grade_id not in grades:
            continue
        score, points = grades[grade_id]
        if is_test_cell(cell):
            result = found.setdefault(exercise_name(cell), ExerciseResult(exercise_name(cell)))
            status, message = outcome(cell)
            if status != PASSED:
                said = message.removeprefix(f"{result.name}: ")  # the row already names the exercise
                letter = part_letter(grade_id)
                result.notes.append((f"Part {letter}: " if letter else "") + said)
        else:
            name = heading or grade_id
            result = found.setdefault(name, ExerciseResult(name, written=True))
            result.marked = score is not None
            if comments.get(grade_id):
                result.notes.append(f"Your grader says: {comments[grade_id]}")
        result.score += score or 0.0
        result.points += points
    return list(found.values())


def summary_html(stage: str, results: list[ExerciseResult]) -> str:
    """The summary block, as HTML, for the page of ``stage``."""
    total = sum(r.score for r in results)
    most = sum(r.points for r in results)
    waiting = [r.name for r in results if r.written and not r.marked]
    rows = []
    for r in results:
        if r.written and not r.marked:
            points, mark = f"? / {r.points:g}", "✎ not marked yet"
        else:
            points = f"{r.score:g} / {r.points:g}"
            mark = "✔" if r.score >= r.points else ("✎ marked" if r.written else "✘ look at it")
        notes = "".join(f"<li>{html.escape(n)}</li>" for n in r.notes)
        rows.append(f"<tr><td>{html.escape(r.name)}</td><td>{points}</td><td>{mark}"
                    f"{f'<ul>{notes}</ul>' if notes else ''}</td></tr>")
    waiting_line = (f" {len(waiting)} written answer{'s are' if len(waiting) > 1 else ' is'} not marked yet "
                    f"({', '.join(map(html.escape, waiting))}), so this may still go up." if waiting else "")
    return f"""<section class="course-feedback-summary" aria-label="Summary of your results">
<h2>Your results for {html.escape(stage)}: {total:g} of {most:g} points</h2>
<p>{waiting_line.strip() or "Every exercise is marked."}</p>
<table><tr><th>exercise</th><th>points</th><th>what to look at</th></tr>
{''.join(rows)}
</table>
<p>What to do next: for each exercise marked ✘, read the message, change your answer in your own notebook, and run
its checks again (the check cell under the exercise, or <code>course check</code> on the notebook). Your notebook,
as it was graded, follows.</p>
</section>
"""


#: A script nbconvert's page loads from the internet (MathJax from a CDN): a feedback page stands alone, offline.
_REMOTE_SCRIPT = re.compile(r"""<script[^>]*\bsrc=["']https?://[^>]*>\s*</script>""")


def insert_summary(page: str, summary: str) -> str:
    """``page`` (nbgrader's feedback HTML) with ``summary`` first in its body, and no script from the internet."""
    page = _REMOTE_SCRIPT.sub("", page)
    match = re.search(r"<body[^>]*>", page)
    style = ("<style>.course-feedback-summary{max-width:60rem;margin:1rem auto;padding:1rem;border:2px solid #0072B2;"
             "font-family:sans-serif}.course-feedback-summary td,.course-feedback-summary th{border:1px solid #bbb;"
             "padding:.3rem .6rem;text-align:left;vertical-align:top}.course-feedback-summary table"
             "{border-collapse:collapse}</style>")
    if match is None:
        return style + summary + page
    return page[:match.end()] + style + summary + page[match.end():]
