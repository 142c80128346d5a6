"""The workshop agendas of the instructor guide, timed from each stage's own minutes.

Each stage's title cell says how long its teaching and its exercises take (``**Time**: teaching NN
min, exercises NN min``, read by :func:`course.book.build.stage_facts`), and the instructor notes of
stages 1 to 7 say how to teach the stage in a short slot (``**Short slot (90 min)**: teaching NN min,
exercises NN min.``, read by :func:`course.book.build.short_slot`, then the stage's own prose on what
to cut and which exercises to do in the room). The agendas are written from those minutes when the
instructor edition is built, so a stage that is re-timed moves its rows, and everything after them.
``book/instructor-guide.md`` holds a marker line where each agenda goes (``<!-- agenda: one-day -->``);
:func:`fill_agendas` replaces it with the table.

A session is either fixed (a welcome, a break: its minutes are written here) or a part of a stage,
timed from the stage's facts:

- ``teaching``: 5 minutes of framing and the stage's teaching minutes (the one-day agenda: stages in full);
- ``exercises``: the stage's exercise minutes, debrief included;
- ``short teaching`` and ``short exercises``: 5 minutes of framing and the teaching its notes keep in a
  short slot, then the exercises they keep in the room (the two-day agenda); the three add up to the
  slot's :data:`SHORT_SLOT` minutes, or the agenda cannot be written;
- ``case study exercises`` and ``case study write-up``: the capstone's exercise minutes, split into
  the autograded exercises and the :data:`CASE_STUDY_WRITING` minutes of the written case study.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

__all__ = ["FRAMING", "SHORT_SLOT", "CASE_STUDY_WRITING", "MIN_SHORT_EXERCISES", "LATEST_END", "AGENDAS",
           "Session", "short_minutes", "timed", "agenda_markdown", "fill_agendas"]

#: Minutes of framing before each stage's teaching (the guide's "Running a stage").
FRAMING = 5
#: The block a stage gets in the two-day workshop: its notes say what to keep in a short (90-minute) slot.
SHORT_SLOT = 90
#: Minutes of the capstone's exercise time spent writing the case study (Exercise 8.5), the rest being 8.1-8.4.
CASE_STUDY_WRITING = 30
#: A stage's in-room exercises in a short slot must leave pairs at least this long.
MIN_SHORT_EXERCISES = 25
#: No workshop day may end later than this.
LATEST_END = "17:30"

Facts = dict[str, dict[str, str]]


@dataclass(frozen=True)
class Session:
    """One row of an agenda: what it says, and its minutes (fixed, or read from a stage's facts)."""

    what: str
    minutes: int | Callable[[Facts], int]

    def length(self, facts: Facts) -> int:
        return self.minutes if isinstance(self.minutes, int) else self.minutes(facts)


def _minutes(facts: Facts, stage: int, kind: str) -> int:
    for name, found in facts.items():
        if name.startswith(f"{stage:02d}-"):
            if not found.get(kind, "").isdigit():
                where = "instructor notes' short-slot line" if kind.startswith("short") else "title cell"
                raise ValueError(f"stage {name} gives no {kind} minutes in its {where}")
            return int(found[kind])
    raise KeyError(f"no stage {stage:02d} among {sorted(facts)}")


def short_minutes(facts: Facts, stage: int, kind: str) -> int:
    """The ``teaching`` or ``exercises`` minutes of the stage's short slot, once its minutes are checked.

    >>> facts = {"04-content": {"short_slot": "90", "short_teaching": "45", "short_exercises": "40"}}
    >>> short_minutes(facts, 4, "teaching"), short_minutes(facts, 4, "exercises")
    (45, 40)
    >>> facts["04-content"]["short_teaching"] = "50"
    >>> short_minutes(facts, 4, "exercises")
    Traceback (most recent call last):
    ...
    ValueError: stage 4's short slot does not add up: 5 of framing + 50 + 40 is not 90 min
    """
    slot = _minutes(facts, stage, "short_slot")
    teaching, exercises = _minutes(facts, stage, "short_teaching"), _minutes(facts, stage, "short_exercises")
    if slot != SHORT_SLOT or FRAMING + teaching + exercises != slot:
        raise ValueError(f"stage {stage}'s short slot does not add up: {FRAMING} of framing + {teaching} + "
                         f"{exercises} is not {SHORT_SLOT} min")
    return teaching if kind == "teaching" else exercises


def _teaching(stage: int, title: str, extra: str = "") -> Session:
    return Session(f"Stage {stage}: {title}, framing and teaching{extra}",
                   lambda f: FRAMING + _minutes(f, stage, "teaching"))


def _exercises(stage: int, title: str) -> Session:
    return Session(f"Stage {stage}: {title}, exercises and debrief", lambda f: _minutes(f, stage, "exercises"))


def _short_teaching(stage: int, title: str) -> Session:
    return Session(f"Stage {stage}: {title}, framing and teaching (its short slot, as its notes plan it)",
                   lambda f: FRAMING + short_minutes(f, stage, "teaching"))


def _short_exercises(stage: int, title: str) -> Session:
    return Session(f"Stage {stage}: {title}, exercises in the room and debrief (its short slot, as its notes plan it)",
                   lambda f: short_minutes(f, stage, "exercises"))


def _break(minutes: int = 15) -> Session:
    return Session("Break", minutes)


LUNCH = Session("Lunch", 60)

ONE_DAY = [
    Session("Welcome, what the room runs; everyone opens their notebooks (stage 0 done beforehand)", 20),
    _teaching(1, "Objectives"), _break(), _exercises(1, "Objectives"),
    _teaching(2, "Audience"), LUNCH, _exercises(2, "Audience"),
    _teaching(3, "Planning"), _break(), _exercises(3, "Planning"),
    Session("What each team will change on Monday; how to go on with stages 4 to 8 at their own pace", 15),
]

TWO_DAYS_FIRST = [
    Session("Welcome and set-up (stage 0 done beforehand)", 15),
    _short_teaching(1, "Objectives"), _short_exercises(1, "Objectives"), _break(),
    _short_teaching(2, "Audience"), _short_exercises(2, "Audience"), LUNCH,
    _short_teaching(3, "Planning"), _short_exercises(3, "Planning"), _break(),
    _short_teaching(4, "Content"), _short_exercises(4, "Content"),
    Session("Stage 8: Case study, the table groups: each table takes its campaign and runs the notebook's setup "
            "with it", 15),
    Session("Close: questions, and what tomorrow holds", 10),
]

TWO_DAYS_SECOND = [
    Session("Recap of day one; questions from overnight", 10),
    _short_teaching(5, "Engagement"), _short_exercises(5, "Engagement"), _break(),
    _short_teaching(6, "Risks"), _short_exercises(6, "Risks"), LUNCH,
    _short_teaching(7, "Evaluation"), _short_exercises(7, "Evaluation"), _break(),
    Session("Stage 8: Case study, the table's campaign through sections 1-7 and Exercises 8.1-8.4, by table",
            lambda f: _minutes(f, 8, "exercises") - CASE_STUDY_WRITING),
    Session("Stage 8: writing the case study (Exercise 8.5), by table", CASE_STUDY_WRITING),
    Session("Stage 8: presentations, 10 minutes per table (four tables)", 40),
    Session("Stage 8: comparing the campaigns' scorecards; what each team will change on Monday", 15),
]

#: The agendas by marker name, each a list of days, each day a list of sessions.
AGENDAS: dict[str, list[list[Session]]] = {"one-day": [ONE_DAY], "two-day": [TWO_DAYS_FIRST, TWO_DAYS_SECOND]}
DAY_NAMES = ["Day one", "Day two"]


def _clock(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def timed(day: list[Session], facts: Facts, start: str = "09:00") -> list[tuple[str, str, int, str]]:
    """The day's sessions with their start, end and minutes, one after the other from ``start``.

    >>> timed([Session("Welcome", 20), Session("Break", 15)], {})
    [('09:00', '09:20', 20, 'Welcome'), ('09:20', '09:35', 15, 'Break')]
    """
    hours, minutes = map(int, start.split(":"))
    now = 60 * hours + minutes
    rows = []
    for session in day:
        length = session.length(facts)
        rows.append((_clock(now), _clock(now + length), length, session.what))
        now += length
    return rows


def agenda_markdown(name: str, facts: Facts) -> str:
    """The agenda ``name`` as markdown tables (a heading per day when it has several)."""
    days = AGENDAS[name]
    lines: list[str] = []
    for number, day in enumerate(days):
        if len(days) > 1:
            lines += [f"**{DAY_NAMES[number]}**", ""]
        lines += ["| time | minutes | session |", "|---|---|---|"]
        lines += [f"| {start}-{end} | {length} | {what} |" for start, end, length, what in timed(day, facts)]
        lines.append("")
    return "\n".join(lines).rstrip("\n")


MARKER = re.compile(r"^<!-- agenda: ([a-z-]+) -->$", re.MULTILINE)


def fill_agendas(text: str, facts: Facts) -> str:
    """``text`` with each agenda marker replaced by its table."""
    return MARKER.sub(lambda match: agenda_markdown(match.group(1), facts), text)


def write_agendas(page: Path, facts: Facts) -> None:
    page.write_text(fill_agendas(page.read_text(encoding="utf-8"), facts), encoding="utf-8")
