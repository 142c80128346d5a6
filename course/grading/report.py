"""``course export`` and ``course report``: the grades as CSV, and the instructor's HTML report.

Both read nbgrader's gradebook (scores, manual grades, late submissions) and nothing else,
except the report, which also reads the autograded notebooks to find each exercise's most
common failing check (with the same friendly message the learner sees).
"""

from __future__ import annotations

import collections
import html
from pathlib import Path

from . import nbgrader_setup
from .intake import INTAKE_FILE
from .tampering import read_findings, read_tampering

__all__ = ["grade_table", "export_csv", "exercise_table", "write_report", "BEHIND_SHARE"]

#: A learner below this share of the points of the stages graded so far is "behind".
BEHIND_SHARE = 0.5


def grade_table(course_dir: Path):
    """One row per learner, one column per stage handed in (points, empty when not submitted), total and late.

    Only stages with at least one submission count: a stage released but not handed in yet is no grade.
    """
    import pandas as pd

    rows, maxima, late = {}, {}, collections.defaultdict(list)
    with nbgrader_setup.gradebook(course_dir) as gb:
        assignments = sorted((a for a in gb.assignments if a.submissions), key=lambda a: a.name)
        stages = [a.name for a in assignments]
        for assignment in assignments:
            maxima[assignment.name] = assignment.max_score
            for submission in assignment.submissions:
                score = max(0.0, submission.score - (submission.late_submission_penalty or 0.0))
                rows.setdefault(submission.student.id, {})[assignment.name] = score
                if submission.total_seconds_late > 0:
                    late[submission.student.id].append(assignment.name)
        learners = sorted(s.id for s in gb.students)
    table = pd.DataFrame([rows.get(learner, {}) for learner in learners], index=pd.Index(learners, name="learner"),
                         columns=stages, dtype=float)
    table["total"] = table[stages].sum(axis=1)
    table["late"] = [" ".join(late[learner]) for learner in learners]
    table.attrs["maxima"] = maxima
    return table


def points_possible_path(out: Path) -> Path:
    """Where :func:`export_csv` writes the maximum of each stage, beside the grades."""
    return out.with_name(f"{out.stem}-points-possible{out.suffix}")


def export_csv(course_dir: Path, out: Path) -> Path:
    """The grades as CSV, and beside it one row with the same columns: the points possible."""
    import pandas as pd

    table = grade_table(course_dir)
    out.parent.mkdir(parents=True, exist_ok=True)
    table.to_csv(out, float_format="%g")
    maxima = table.attrs["maxima"]
    possible = pd.DataFrame([{**maxima, "total": sum(maxima.values()), "late": ""}],
                            index=pd.Index(["points possible"], name="learner"), columns=table.columns)
    possible.to_csv(points_possible_path(out), float_format="%g")
    return out


def waiting_to_be_marked(course_dir: Path) -> dict[str, int]:
    """Stage -> how many written answers of its submissions have no grade from the instructor yet."""
    waiting = collections.Counter()
    with nbgrader_setup.gradebook(course_dir) as gb:
        for assignment in gb.assignments:
            for submission in assignment.submissions:
                for notebook in submission.notebooks:
                    waiting[assignment.name] += sum(1 for g in notebook.grades
                                                    if g.auto_score is None and g.manual_score is None)
    return dict(waiting)


def missing_submissions(course_dir: Path, stages: list[str]) -> dict[str, list[str]]:
    """Stage -> the learners of the gradebook who have not handed it in."""
    with nbgrader_setup.gradebook(course_dir) as gb:
        learners = sorted(s.id for s in gb.students)
        handed_in = {a.name: {s.student.id for s in a.submissions} for a in gb.assignments}
    return {stage: [learner for learner in learners if learner not in handed_in.get(stage, set())]
            for stage in stages}


def exercise_table(course_dir: Path):
    """One row per autograded test cell: its stage, exercise, points, share of learners with full marks,
    and the most common message of those who did not get it."""
    import nbformat
    import pandas as pd

    from .exercise_cells import FAILED, NOT_ATTEMPTED, check_name, exercise_name, is_test_cell, nbgrader_meta, outcome

    rows = []
    with nbgrader_setup.gradebook(course_dir) as gb:
        for assignment in sorted((a for a in gb.assignments if a.submissions), key=lambda a: a.name):
            for notebook in assignment.notebooks:
                for cell in notebook.grade_cells:
                    if cell.cell_type != "code":
                        continue
                    scores = [gb.find_grade(cell.name, notebook.name, assignment.name, s.student.id).score
                              for s in assignment.submissions]
                    rows.append({"stage": assignment.name, "test": cell.name, "points": cell.max_score,
                                 "got_it": sum(score >= cell.max_score for score in scores) / max(len(scores), 1),
                                 "learners": len(scores)})
    table = pd.DataFrame(rows, columns=["stage", "test", "points", "got_it", "learners"])
    failures: dict[tuple[str, str], collections.Counter] = collections.defaultdict(collections.Counter)
    unanswered: collections.Counter = collections.Counter()
    names = {}
    for path in sorted(Path(course_dir).glob("autograded/*/*/*.ipynb")):
        stage = path.parent.name
        for cell in nbformat.read(path, as_version=4).cells:
            if is_test_cell(cell):
                test = nbgrader_meta(cell)["grade_id"]
                names[(stage, test)] = exercise_name(cell)
                status, message = outcome(cell)
                if status == FAILED:
                    failures[(stage, test)][message] += 1
                elif status == NOT_ATTEMPTED:
                    unanswered[(stage, test)] += 1

    def most_common(key) -> str:
        if failures[key]:
            message, count = failures[key].most_common(1)[0]
            return f"{message} ({count} learner{'s' if count > 1 else ''})"
        return f"(no failures; {unanswered[key]} not attempted)" if unanswered[key] else ""

    keys = list(zip(table["stage"], table["test"]))
    table["exercise"] = [names.get(key, key[1]) for key in keys]
    table["check"] = [check_name(exercise, test) for exercise, test in zip(table["exercise"], table["test"])]
    table["most_common_failure"] = [most_common(key) for key in keys]
    return table


def _figure_html(figure, first: bool) -> str:
    # The first chart carries plotly's script inline, so the page works offline with no CDN.
    return figure.to_html(full_html=False, include_plotlyjs=True if first else False)


def _look_at(flagged) -> str:
    """The submissions whose code replaces what the checks compare with, first, for the instructor to read."""
    if not len(flagged):
        return ""
    return ("<h2>Submissions to look at</h2>\n<p>Their code replaces something the checks compare with, so "
            "their scores may not be earned. They are graded as they are: read the cells named and decide.</p>\n"
            "<table><tr><th>learner</th><th>stage</th><th>what the code does</th></tr>\n"
            + _rows(flagged, ["learner", "stage", "what"]) + "</table>")


def _repaired(course_dir: Path) -> str:
    """What intake repaired in the submissions, or why it refused them, in the last grading run."""
    found = [(learner, stage, "; ".join(problems))
             for learner, by_stage in sorted(read_findings(course_dir, INTAKE_FILE).items())
             for stage, problems in sorted(by_stage.items())]
    if not found:
        return ""
    return ("<h2>Submissions repaired or refused before grading</h2>\n<p>The learner's own file is kept in "
            "<code>intake/</code> of the course folder.</p>\n"
            "<table><tr><th>learner</th><th>stage</th><th>what was wrong, and what was done</th></tr>\n"
            + "".join("<tr>" + "".join(f"<td>{html.escape(text)}</td>" for text in row) + "</tr>" for row in found)
            + "</table>")


def _rows(frame, columns) -> str:
    return "".join("<tr>" + "".join(f"<td>{html.escape(str(row[c]))}</td>" for c in columns) + "</tr>"
                   for _, row in frame.iterrows())


def _first_line(grades, stages: list[str]) -> str:
    submissions = int(grades[stages].notna().sum().sum())
    late = sum(len(stages_late.split()) for stages_late in grades["late"])
    return (f"{len(grades)} learner{'s' * (len(grades) != 1)}; {len(stages)} stage{'s' * (len(stages) != 1)} "
            f"handed in ({', '.join(stages) or 'none yet'}); {submissions} submission{'s' * (submissions != 1)}, "
            f"{late} of them late.")


def _stage_table(grades, stages: list[str], maxima: dict, waiting: dict[str, int],
                 missing: dict[str, list[str]]) -> str:
    rows = []
    for stage in stages:
        handed_in = int(grades[stage].notna().sum())
        to_mark = waiting.get(stage, 0)
        mark = (f"{to_mark}: mark them in nbgrader's formgrader (<code>jupyter lab</code> in the course folder, "
                f"Nbgrader menu, Formgrader, then Manual Grading › {html.escape(stage)})" if to_mark else "none")
        absent = ", ".join(map(html.escape, missing[stage])) or "none"
        rows.append(f"<tr><td>{html.escape(stage)}</td><td>{handed_in}</td><td>{maxima[stage]:g}</td>"
                    f"<td>{mark}</td><td>{absent}</td></tr>")
    return ("<table><tr><th>stage</th><th>handed in</th><th>points possible</th>"
            "<th>written answers waiting to be marked</th><th>not handed in</th></tr>" + "".join(rows) + "</table>")


def write_report(course_dir: Path, out: Path) -> Path:
    """Write the instructor's report as one self-contained HTML page."""
    import pandas as pd
    import plotly.express as px

    grades = grade_table(course_dir)
    maxima = grades.attrs["maxima"]
    stages = list(maxima)
    exercises = exercise_table(course_dir)
    waiting = waiting_to_be_marked(course_dir)

    shares = grades[stages].div(pd.Series(maxima, dtype=float)[stages]).melt(
        ignore_index=False, var_name="stage", value_name="share").dropna().reset_index()
    distribution = px.box(shares, x="stage", y="share", points="all", hover_name="learner",
                          title="Score distribution per stage (share of the stage's points)",
                          labels={"stage": "Stage", "share": "Share of points (0 to 1)"})
    exercises["label"] = exercises["stage"] + " · " + exercises["check"]
    difficulty = px.bar(exercises, x="got_it", y="label", orientation="h", hover_data=["points"],
                        title="Share of learners who got each check (lowest = hardest)",
                        labels={"got_it": "Share of learners with full marks (0 to 1)", "label": "Check"})
    difficulty.update_layout(height=300 + 22 * len(exercises), yaxis={"autorange": "reversed"})

    graded_max = sum(maxima[s] for s in stages)
    behind = grades.assign(share=grades["total"] / graded_max if graded_max else 0,
                           missing=grades[stages].isna().sum(axis=1))
    behind = behind[(behind["share"] < BEHIND_SHARE) | (behind["missing"] > 0)].sort_values("share").reset_index()
    hardest = exercises.sort_values("got_it")
    flagged = pd.DataFrame([{"learner": learner, "stage": stage, "what": "; ".join(found)}
                            for learner, by_stage in sorted(read_tampering(course_dir).items())
                            for stage, found in sorted(by_stage.items())], columns=["learner", "stage", "what"])
    waiting_note = (f" {sum(waiting.get(s, 0) for s in stages)} written answers are not marked yet: they count as 0 "
                    f"until you mark them." if any(waiting.get(s, 0) for s in stages) else "")
    page = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Grading report</title>
<style>body{{font-family:sans-serif;max-width:70rem;margin:auto;padding:1rem}}
table{{border-collapse:collapse}}td,th{{border:1px solid #bbb;padding:.3rem .6rem;text-align:left}}</style>
</head><body>
<h1>Grading report</h1>
<p>{_first_line(grades, stages)} Scores include the grades you gave by hand.{waiting_note}</p>
{_look_at(flagged)}
{_repaired(course_dir)}
<h2>Each stage</h2>
{_stage_table(grades, stages, maxima, waiting, missing_submissions(course_dir, stages))}
<h2>Score distribution per stage</h2>
{_figure_html(distribution, True)}
<h2>Difficulty of each check, and its most common failure</h2>
{_figure_html(difficulty, False)}
<table><tr><th>stage</th><th>check</th><th>points</th><th>share who got it</th>
<th>most common failing message</th></tr>
{_rows(hardest.assign(got_it=hardest["got_it"].round(2)),
       ["stage", "check", "points", "got_it", "most_common_failure"])}
</table>
<h2>Learners who are behind</h2>
<p>Below {BEHIND_SHARE:.0%} of the points of the stages handed in so far, or with a stage not handed in.</p>
<table><tr><th>learner</th><th>total</th><th>share</th><th>stages not handed in</th><th>late</th></tr>
{_rows(behind.assign(share=behind["share"].round(2), total=behind["total"].map("{:g}".format)),
       ["learner", "total", "share", "missing", "late"]) if len(behind) else ""}
</table>
{"" if len(behind) else "<p>No one is behind.</p>"}
</body></html>
"""
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(page, encoding="utf-8")
    return out
