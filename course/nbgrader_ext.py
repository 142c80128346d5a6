"""nbgrader preprocessors of the course."""

from __future__ import annotations

from nbgrader.preprocessors import NbGraderPreprocessor

__all__ = ["RemoveInstructorCells", "INSTRUCTOR_TAG"]

#: Cells with this tag (teaching notes, timings, planted truths) never reach learners.
INSTRUCTOR_TAG = "instructor"


class RemoveInstructorCells(NbGraderPreprocessor):
    """Drop every cell tagged ``instructor`` from the learner's version of a notebook."""

    def preprocess(self, nb, resources):
        nb.cells = [cell for cell in nb.cells if INSTRUCTOR_TAG not in cell.get("metadata", {}).get("tags", [])]
        return nb, resources
