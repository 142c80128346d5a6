"""The learner's folder that `course lab` fills: released notebooks only, and never a learner's work overwritten."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from course.workshop import learner_copy

SAMPLE = Path(__file__).parent / "fixtures" / "book" / "90-sample"


@pytest.fixture
def sources(tmp_path, monkeypatch) -> Path:
    """A source folder with one stage, released by copying (nbgrader's own release is tested in test_lab)."""
    folder = tmp_path / "notebooks"
    shutil.copytree(SAMPLE, folder / SAMPLE.name)

    def release_folders(stages, cache, notebooks):
        made = {}
        for stage in stages:
            target = cache / f"{stage}-{learner_copy._source_digest(notebooks / stage)}"
            if not target.is_dir():
                shutil.copytree(notebooks / stage, target)
            made[stage] = target
        return made

    monkeypatch.setattr(learner_copy, "release_folders", release_folders)
    return folder


def _new_release(sources: Path, text: str) -> None:
    notebook = sources / SAMPLE.name / f"{SAMPLE.name}.ipynb"
    notebook.write_text(notebook.read_text(encoding="utf-8").replace('"cells": [', '"cells": [' + text, 1),
                        encoding="utf-8")


CELL = '{"cell_type": "markdown", "id": "new%d", "metadata": {}, "source": "A new release, number %d."},'


def test_a_new_folder_gets_every_stage(sources, tmp_path):
    folder = tmp_path / "learner"
    assert learner_copy.fill(folder, notebooks=sources) == []
    copied = folder / SAMPLE.name / f"{SAMPLE.name}.ipynb"
    assert copied.read_bytes() == (SAMPLE / copied.name).read_bytes()
    assert learner_copy.fill(folder, notebooks=sources) == []  # nothing new: nothing said, nothing written


def test_an_untouched_copy_follows_a_new_release(sources, tmp_path):
    folder = tmp_path / "learner"
    learner_copy.fill(folder, notebooks=sources)
    _new_release(sources, CELL % (1, 1))
    messages = learner_copy.fill(folder, notebooks=sources)
    assert len(messages) == 1 and "updated" in messages[0]
    assert "number 1" in (folder / SAMPLE.name / f"{SAMPLE.name}.ipynb").read_text(encoding="utf-8")


def test_work_is_never_overwritten_a_new_release_goes_beside_it(sources, tmp_path):
    folder = tmp_path / "learner"
    learner_copy.fill(folder, notebooks=sources)
    mine = folder / SAMPLE.name / f"{SAMPLE.name}.ipynb"
    work = mine.read_text(encoding="utf-8").replace('"cells": [', '"cells": [' + CELL % (0, 0), 1)
    mine.write_text(work, encoding="utf-8")
    for number in (1, 2):
        _new_release(sources, CELL % (number, number))
        messages = learner_copy.fill(folder, notebooks=sources)
        assert mine.read_text(encoding="utf-8") == work
        beside = folder / SAMPLE.name / f"{SAMPLE.name}-new-release.ipynb"
        assert len(messages) == 1 and beside.name in messages[0] and "untouched" in messages[0]
        assert f"number {number}" in beside.read_text(encoding="utf-8")  # the newest release, nobody's work
    assert learner_copy.fill(folder, notebooks=sources) == []
    # The learner starts working in the new release too: the next one takes another name.
    beside.write_text(beside.read_text(encoding="utf-8") + " ", encoding="utf-8")
    _new_release(sources, CELL % (3, 3))
    messages = learner_copy.fill(folder, notebooks=sources)
    assert f"{SAMPLE.name}-new-release-2.ipynb" in messages[0]


def test_a_folder_filled_by_hand_is_respected(sources, tmp_path):
    folder = tmp_path / "learner"
    (folder / SAMPLE.name).mkdir(parents=True)
    (folder / SAMPLE.name / f"{SAMPLE.name}.ipynb").write_text("{}", encoding="utf-8")
    messages = learner_copy.fill(folder, notebooks=sources)
    assert (folder / SAMPLE.name / f"{SAMPLE.name}.ipynb").read_text(encoding="utf-8") == "{}"
    assert "new-release" in messages[0]


def test_the_learner_also_gets_the_notebook_on_their_own_accounts(sources, tmp_path):
    folder = tmp_path / "learner"
    assert learner_copy.fill(folder, notebooks=sources) == []
    for page in learner_copy.BOOK_EXTRAS:
        assert (folder / "your-accounts" / page).read_bytes() == (learner_copy.ROOT / "book" / page).read_bytes(), page
