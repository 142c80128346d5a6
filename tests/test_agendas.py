"""The workshop agendas of the instructor guide follow each stage's own minutes (its title cell)."""
from __future__ import annotations

import re

import nbformat
import pytest

from course.book import agendas, build
from course.paths import NOTEBOOKS, ROOT, stage_names

GUIDE = ROOT / "book" / "instructor-guide.md"


@pytest.fixture(scope="module")
def facts() -> dict[str, dict[str, str]]:
    return {name: build.stage_facts(NOTEBOOKS / name / f"{name}.ipynb") for name in stage_names()}


def _stage_minutes(facts, stage: int, kind: str) -> int:
    return int(next(f for name, f in facts.items() if name.startswith(f"{stage:02d}-"))[kind])


def _rows(facts, name):
    return [row for day in agendas.AGENDAS[name] for row in agendas.timed(day, facts)]


def test_the_guide_has_a_marker_for_each_agenda_and_the_build_fills_them(facts):
    text = GUIDE.read_text(encoding="utf-8")
    assert sorted(agendas.MARKER.findall(text)) == sorted(agendas.AGENDAS)
    filled = agendas.fill_agendas(text, facts)
    assert not agendas.MARKER.search(filled)
    for name in agendas.AGENDAS:
        assert agendas.agenda_markdown(name, facts) in filled


def test_every_stage_session_lasts_what_its_notebook_says(facts):
    one_day = {what: length for _, _, length, what in _rows(facts, "one-day")}
    for stage in (1, 2, 3):
        teaching = [length for what, length in one_day.items() if what.startswith(f"Stage {stage}:")
                    and "teaching" in what]
        exercises = [length for what, length in one_day.items() if what.startswith(f"Stage {stage}:")
                     and "exercises" in what]
        assert teaching == [agendas.FRAMING + _stage_minutes(facts, stage, "teaching")], stage
        assert exercises == [_stage_minutes(facts, stage, "exercises")], stage
    two_days = _rows(facts, "two-day")
    for stage in range(1, 8):
        block = sum(length for _, _, length, what in two_days if what.startswith(f"Stage {stage}:"))
        assert block == agendas.SHORT_SLOT, stage
        teaching = [length for _, _, length, what in two_days
                    if what.startswith(f"Stage {stage}:") and "teaching" in what]
        assert teaching == [agendas.FRAMING + _stage_minutes(facts, stage, "teaching")], stage
    capstone = [length for _, _, length, what in two_days if "Exercise" in what and what.startswith("Stage 8:")]
    assert sum(capstone) == _stage_minutes(facts, 8, "exercises")


def test_each_day_fits_and_leaves_pairs_time_to_work(facts):
    for name, days in agendas.AGENDAS.items():
        for day in days:
            rows = agendas.timed(day, facts)
            assert rows[-1][1] <= agendas.LATEST_END, f"{name}: a day ends at {rows[-1][1]}: re-plan it"
            assert sum(what == "Lunch" for *_, what in rows) == 1
            for _, _, length, what in rows:
                assert length > 0, what
                if "exercises in the room" in what:
                    assert length >= agendas.MIN_SHORT_EXERCISES, f"{name}: {what} has {length} min"
    eight_one_to_four = next(length for _, _, length, what in _rows(facts, "two-day") if "8.1-8.4" in what)
    assert eight_one_to_four >= 40, "Exercises 8.1-8.4 need a real slot"


def test_a_retimed_stage_moves_its_rows_and_the_rest_of_the_day(facts):
    longer = {name: dict(f) for name, f in facts.items()}
    name = next(n for n in longer if n.startswith("02-"))
    longer[name]["teaching"] = str(int(longer[name]["teaching"]) + 10)
    before, after = _rows(facts, "one-day"), _rows(longer, "one-day")
    moved = [b[3] for b, a in zip(before, after) if b[:3] != a[:3]]
    assert moved[0].startswith("Stage 2: Audience, framing and teaching")
    assert after[-1][1] > before[-1][1]


def _notes(name: str) -> str:
    nb = nbformat.read(NOTEBOOKS / name / f"{name}.ipynb", as_version=4)
    return "\n".join(c.source for c in nb.cells if "instructor" in c.metadata.get("tags", []))


def _minutes_given(sentence: str) -> list[int]:
    found = [60 * int(h) + int(m) for h, m in re.findall(r"(\d+) ?h (\d+) ?min", sentence)]
    sentence = re.sub(r"\d+ ?h \d+ ?min", "", sentence)
    return found + [int(m) for m in re.findall(r"(\d+)[ -]min", sentence)]


def test_stage_notes_that_mention_the_agendas_agree_with_them(facts):
    """A stage's notes that say what an agenda or a timetable gives it name minutes the agendas really give."""
    for name in facts:
        stage = int(name[:2])
        lengths = {length for agenda in agendas.AGENDAS for _, _, length, what in _rows(facts, agenda)
                   if what.startswith(f"Stage {stage}:")}
        blocks = {sum(length for _, _, length, what in _rows(facts, agenda) if what.startswith(f"Stage {stage}:"))
                  for agenda in agendas.AGENDAS}
        for clause in re.findall(r"(?:agenda|timetable)s?\b[^.;:]*?\bgives?\b[^.;:]*", _notes(name)):
            for minutes in _minutes_given(clause):
                assert minutes in lengths | blocks, f"{name}: '{clause}' disagrees with the agendas"
