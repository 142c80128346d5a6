"""The workshop agendas of the instructor guide follow each stage's own minutes (its title cell, its short slot)."""
from __future__ import annotations

import re

import nbformat
import pytest

from course.book import agendas, build
from course.paths import NOTEBOOKS, ROOT, stage_names

GUIDE = ROOT / "book" / "instructor-guide.md"


@pytest.fixture(scope="module")
def facts() -> dict[str, dict[str, str]]:
    notebooks = {name: NOTEBOOKS / name / f"{name}.ipynb" for name in stage_names()}
    return {name: {**build.stage_facts(path), **build.short_slot(path)} for name, path in notebooks.items()}


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
        exercises = [length for _, _, length, what in two_days
                     if what.startswith(f"Stage {stage}:") and "exercises in the room" in what]
        assert teaching == [agendas.FRAMING + _stage_minutes(facts, stage, "short_teaching")], stage
        assert exercises == [_stage_minutes(facts, stage, "short_exercises")], stage
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


def test_every_stage_plans_a_short_slot_that_adds_up(facts):
    """Stages 1-7 each say, in their instructor notes, how to teach them in the two-day workshop's 90 minutes."""
    for stage in range(1, 8):
        name = next(n for n in facts if n.startswith(f"{stage:02d}-"))
        notes = _notes(name)
        assert notes.count("**Short slot (") == 1, f"{name}: one short-slot line in its instructor notes"
        slot, teaching, exercises = (_stage_minutes(facts, stage, f"short_{kind}")
                                     for kind in ("slot", "teaching", "exercises"))
        assert slot == agendas.SHORT_SLOT, name
        assert agendas.FRAMING + teaching + exercises == slot, f"{name}: 5 + {teaching} + {exercises} != {slot}"
        assert teaching <= _stage_minutes(facts, stage, "teaching"), name
        assert agendas.MIN_SHORT_EXERCISES <= exercises <= _stage_minutes(facts, stage, "exercises"), name
        plan = " ".join(re.split(r"\n\n|\n- ", notes.split("**Short slot (", 1)[1], maxsplit=1)[0].split())
        body = plan.split(" min. ", 1)[1]
        assert "In pairs: " in body and " Leave " in body, f"{name}: the plan names what to do in the room and after"
        taught, rest = body.split("In pairs: ", 1)
        in_room = rest.split(" Leave ", 1)[0]
        assert sum(_minutes_given(taught)) == teaching, f"{name}: the sections' minutes make the short teaching"
        assert sum(_minutes_given(in_room)) == exercises, f"{name}: the exercises' minutes make the short exercises"


def _one_off(facts, **change):
    changed = {name: dict(f) for name, f in facts.items()}
    name = next(n for n in changed if n.startswith("04-"))
    changed[name].update(change)
    return changed


def test_a_short_slot_that_does_not_add_up_stops_the_agenda(facts):
    with pytest.raises(ValueError, match="does not add up"):
        _rows(_one_off(facts, short_teaching="50"), "two-day")
    with pytest.raises(ValueError, match="short-slot line"):
        _rows(_one_off(facts, short_slot="", short_teaching="", short_exercises=""), "two-day")
    retimed = _rows(_one_off(facts, short_teaching="50", short_exercises="35"), "two-day")
    before = _rows(facts, "two-day")
    assert [row[2] for row in retimed if row[3].startswith("Stage 4:")] == [55, 35]
    assert retimed[-1][:2] == before[-1][:2]


def _section(text: str, heading: str) -> str:
    return text.split(f"## {heading}\n", 1)[1].split("\n## ", 1)[0]


def test_the_guide_says_what_the_agendas_do():
    text = GUIDE.read_text(encoding="utf-8")
    one_day, two_days = _section(text, "A one-day workshop"), _section(text, "A two-day workshop")
    assert "in full" in one_day
    assert "**Short slot (90 min)**" in two_days and "in full" not in two_days
    assert f"{agendas.SHORT_SLOT}-minute" in two_days
    assert "short slot" in _section(text, "The agendas are timed from the stages")


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
