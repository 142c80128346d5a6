"""nbgrader preprocessors of the course: the learner's release, replaying a worker's results, safe feedback."""

from __future__ import annotations

from pathlib import Path

import nbformat
from nbgrader.preprocessors import NbGraderPreprocessor
from traitlets import Unicode

from .learner_release import HOSTED_SETUP_ID, HOSTED_SETUP_TAG, hosted_setup_source, to_release_links

__all__ = ["INSTRUCTOR_TAG", "RemoveInstructorCells", "BookLinksBeside", "HostedSetupCell", "ReplayExecution",
           "HiddenVerdict", "FriendlyFeedback", "executed_path"]

#: Cells with this tag (teaching notes, timings, planted truths) never reach learners.
INSTRUCTOR_TAG = "instructor"


class RemoveInstructorCells(NbGraderPreprocessor):
    """Drop every cell tagged ``instructor`` from the learner's version of a notebook."""

    def preprocess(self, nb, resources):
        nb.cells = [cell for cell in nb.cells if INSTRUCTOR_TAG not in cell.get("metadata", {}).get("tags", [])]
        return nb, resources


class BookLinksBeside(NbGraderPreprocessor):
    """Point the links to the book's pages at the release's own ``book/`` folder (which the release fills).

    It runs before nbgrader computes checksums, so the gradebook's copy of each cell has the same links.
    """

    def preprocess(self, nb, resources):
        for cell in nb.cells:
            if cell.cell_type == "markdown":
                cell.source = to_release_links(cell.source)
        return nb, resources


class HostedSetupCell(NbGraderPreprocessor):
    """Put the install cell for hosted services first in a release, when the deployment names a repository.

    The cell is neither graded nor locked, and does nothing where the course is installed (the hub,
    the grading sandbox); the book's page leaves it out (``remove-cell``), its download keeps it.
    """

    repository = Unicode("", help="The course's public git repository; empty: no install cell").tag(config=True)
    ref = Unicode("learner", help="The tag or branch of the repository the cell installs from").tag(config=True)

    def preprocess(self, nb, resources):
        nb.cells = [cell for cell in nb.cells if cell.get("id") != HOSTED_SETUP_ID]
        if self.repository:
            cell = nbformat.v4.new_code_cell(hosted_setup_source(self.repository, self.ref),
                                             metadata={"tags": [HOSTED_SETUP_TAG, "remove-cell"]})
            cell.id = HOSTED_SETUP_ID
            nb.cells.insert(0, cell)
        return nb, resources


def executed_path(workspace: str | Path, learner: str, stage: str, notebook: str) -> Path:
    """Where the worker for ``learner``/``stage`` leaves its autograded notebook."""
    return Path(workspace) / learner / stage / f"{notebook}.ipynb"


class ReplayExecution(NbGraderPreprocessor):
    """Stands in for nbgrader's Execute: take the outputs the worker produced for this notebook."""

    workspace = Unicode(help="the folder holding each worker's course folder").tag(config=True)

    def preprocess(self, nb, resources):
        info = resources["nbgrader"]
        learner, stage = info["student"], info["assignment"]
        executed = nbformat.read(executed_path(self.workspace, learner, stage, info["notebook"]), as_version=4)
        if [c.source for c in executed.cells] != [c.source for c in nb.cells]:
            raise ValueError(f"the worker's copy of {learner}/{stage} has other cells than the submission")
        for cell, done in zip(nb.cells, executed.cells):
            if cell.cell_type == "code":
                cell.outputs, cell.execution_count = done.outputs, done.execution_count
        return nb, resources


class HiddenVerdict(NbGraderPreprocessor):
    """After execution, before nbgrader records the scores: the hidden tests' verdict, reached here.

    Each test cell's records (what its hidden tests collected in the learner's kernel) are compared
    with the model solution's, from the source notebook run in this process and cached in the
    course folder (:mod:`course.grading.verdict`); the verdict replaces the cell's outputs.
    """

    results = Unicode("", help="folder of the model solution's records (default: the course folder's "
                               "hidden-results/)").tag(config=True)
    source = Unicode("", help="folder of the source notebooks (default: nbgrader's source directory)").tag(config=True)

    def preprocess(self, nb, resources):
        from nbgrader.coursedir import CourseDirectory

        from .verdict import RESULTS_FOLDER, expected, write_verdicts

        coursedir = CourseDirectory(config=self.config)
        source = Path(self.source or coursedir.source_directory)
        if not source.is_absolute():
            source = Path(coursedir.root) / source
        results = self.results or str(Path(coursedir.root) / RESULTS_FOLDER)
        write_verdicts(nb, expected(results, source, resources["nbgrader"]["assignment"]))
        return nb, resources


#: Outputs a static HTML page cannot draw (interactive charts, widgets): replaced by a line saying so.
INTERACTIVE_OUTPUTS = ("application/vnd.plotly.v1+json", "application/vnd.jupyter.widget-view+json")
CHART_LEFT_OUT = ("(An interactive chart was here: it is left out of this page. "
                  "Run the cell in your notebook to see it.)\n")


class FriendlyFeedback(NbGraderPreprocessor):
    """Make a graded notebook safe to return: no hidden test, no traceback, only the friendly message.

    Each test cell keeps its visible checks; its hidden tests are replaced by a note, and its
    outputs by the lines the visible checks printed plus the one message of :func:`outcome`.
    Interactive charts and widgets, which a feedback page cannot draw offline, become a line saying so.
    """

    def preprocess_cell(self, cell, resources, index):
        from nbformat.v4 import new_output

        from ..checks import FAIL_MARK, PASS_MARK
        from .exercise_cells import PASSED, is_test_cell, outcome, without_hidden_tests

        if cell.cell_type == "code":
            cell.outputs = [new_output("stream", name="stdout", text=CHART_LEFT_OUT)
                            if any(kind in o.get("data", {}) for kind in INTERACTIVE_OUTPUTS) else o
                            for o in cell.outputs]
        if not is_test_cell(cell):
            return cell, resources
        status, message = outcome(cell)
        printed = [line for o in cell.outputs if o.get("output_type") == "stream"
                   for line in o.get("text", "").splitlines() if line.startswith(PASS_MARK)]
        if status != PASSED:
            printed.append(f"{FAIL_MARK} {message}")
        cell.source = without_hidden_tests(cell.source)
        cell.outputs = [new_output("stream", name="stdout", text="\n".join(printed) + "\n")] if printed else []
        return cell, resources
