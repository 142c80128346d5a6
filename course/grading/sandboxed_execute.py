"""nbgrader's execution step in the sandbox kernel, bounded, and what went wrong in plain words.

:class:`SandboxExecute` runs a notebook in :mod:`course.grading.sandbox`'s kernel with a time
limit per cell and per notebook and a cap on output; :func:`configure` puts it in nbgrader's
autograde step; :func:`outcome_problems` tells an instructor what stopped a notebook.
"""

from __future__ import annotations

import json
import time

from nbclient.exceptions import CellTimeoutError, DeadKernelError
from nbformat.v4 import new_output
from nbgrader.preprocessors import Execute
from traitlets import Float, Integer, Unicode
from traitlets.config import Config

from .exercise_cells import exercise_from_id
from .sandbox import KERNEL_NAME, SandboxKernelManager
from ..checks.collect import MIME
from .verdict import HIDDEN_MISSING

__all__ = ["SandboxExecute", "configure", "outcome_problems", "TIMED_OUT", "KERNEL_STOPPED", "OUT_OF_TIME",
           "NOT_RUN", "OUTPUT_CUT", "CHANNEL_BROKEN", "STUCK"]

#: Error names written into a cell's outputs when its grading could not go normally.
TIMED_OUT = "CellTimeoutError"  # nbgrader's own name for a cell that ran past its time
KERNEL_STOPPED = "KernelStopped"
OUT_OF_TIME = "NotebookOutOfTime"
NOT_RUN = "NotRun"
OUTPUT_CUT = "OutputCut"
CHANNEL_BROKEN = "OutputChannelBroken"
STUCK = "DidNotStop"



def _error(name: str, message: str):
    return new_output("error", ename=name, evalue=message, traceback=[f"{name}: {message}"])


class SandboxExecute(Execute):
    """nbgrader's Execute in the sandbox kernel, with caps on output size and on the whole notebook's time.

    A kernel that dies (the code ended its process, or hit the memory or CPU cap) or a notebook that
    runs out of time does not fail the submission: the cells left get an error saying why they
    did not run, and the tests that did run are graded.
    """

    kernel_name = Unicode(KERNEL_NAME).tag(config=True)
    notebook_seconds = Integer(900, help="wall-clock seconds for a whole notebook").tag(config=True)
    output_mb = Float(20.0, help="output kept for a whole notebook, in MB; more is dropped").tag(config=True)

    def __init__(self, **kwargs):
        kwargs.setdefault("kernel_manager_class", SandboxKernelManager)
        super().__init__(**kwargs)

    def preprocess(self, nb, resources=None, km=None):
        self._deadline: float | None = None  # set at the first cell: starting Python is not the learner's time
        self._stopped: str | None = None
        self._output_bytes = 0
        self._output_cut = False
        self._record_bytes = 0
        return super().preprocess(nb, resources, km)

    def preprocess_cell(self, cell, resources, index):
        if cell.cell_type != "code":
            return cell, self.resources
        if self._deadline is None:
            self._deadline = time.monotonic() + self.notebook_seconds
            if hasattr(self.km, "seal_sockets"):  # the kernel is up: its sockets are made
                self.km.seal_sockets()
        if self._stopped is None and time.monotonic() > self._deadline:
            self._stop_kernel()
            cell.outputs = [_error(OUT_OF_TIME, f"the notebook used up its {self.notebook_seconds} seconds "
                                                f"before this cell; it and the cells after it were not run")]
            self._stopped = "the notebook ran out of time before this cell"
            return cell, self.resources
        if self._stopped is not None:
            cell.outputs = [_error(NOT_RUN, self._stopped)]
            return cell, self.resources
        started = time.monotonic()
        try:
            return super().preprocess_cell(cell, resources, index)
        except DeadKernelError:
            why = ("Python stopped while running this cell (the code ended its own process, or went over "
                   "the memory or CPU limit); the cells after it were not run")
            cell.outputs.append(_error(KERNEL_STOPPED, why))
            self._stopped = "Python had stopped in an earlier cell"
        except CellTimeoutError:
            # Raised (not returned) when output stops arriving: either the cell ran out of time and
            # ignored the interrupt, or one output over the size cap was dropped and broke the channel.
            self._stop_kernel()
            if time.monotonic() - started >= self.timeout:
                cell.outputs.append(_error(STUCK, f"this cell ran past its {self.timeout} seconds and did not stop "
                                                  f"when interrupted; the cells after it were not run"))
            else:
                cell.outputs.append(_error(CHANNEL_BROKEN, "this cell's output stopped arriving (most likely one "
                                                           "output over the size limit); the cells after it were not run"))
            self._stopped = "Python was stopped in an earlier cell"
        return cell, self.resources

    def _stop_kernel(self) -> None:
        from jupyter_core.utils import run_sync

        if self.km is not None:
            run_sync(self.km.shutdown_kernel)(now=True)

    def output(self, outs, msg, display_id, cell_index):
        if msg["msg_type"] == "error":
            # Always kept, and kept short: a failed test must stay failed whatever came before it.
            content = msg["content"]
            content["evalue"] = str(content.get("evalue", ""))[:2000]
            content["traceback"] = [line[:2000] for line in content.get("traceback", [])[-50:]]
            return super().output(outs, msg, display_id, cell_index)
        size = len(json.dumps(msg.get("content", {})))
        if MIME in msg.get("content", {}).get("data", {}):
            # The hidden tests' records have a budget of their own: a flood of printing before them
            # cannot cost an honest answer its verdict, and a flood of records loses only those.
            self._record_bytes += size
            if self._record_bytes > self.output_mb * 2**20:
                return None
            return super().output(outs, msg, display_id, cell_index)
        if self._output_cut or self._output_bytes + size > self.output_mb * 2**20:
            if not self._output_cut:
                self._output_cut = True
                outs.append(_error(OUTPUT_CUT, f"more than {self.output_mb:g} MB of output: the rest was dropped"))
            return None
        self._output_bytes += size
        return super().output(outs, msg, display_id, cell_index)


def configure(config: Config, *, cell_seconds: int | None = None, notebook_seconds: int | None = None) -> Config:
    """Make nbgrader's autograde step run notebooks with :class:`SandboxExecute` (the hidden tests' verdict after it)."""
    from .nbgrader_setup import autograde_steps

    config.Autograde.autograde_preprocessors = autograde_steps(SandboxExecute)
    # Set on SandboxExecute itself: the course's configuration sets Execute's own timeout after this.
    if cell_seconds is not None:
        config.SandboxExecute.timeout = cell_seconds
    if notebook_seconds is not None:
        config.SandboxExecute.notebook_seconds = notebook_seconds
    return config


# ---------------------------------------------------------------------------------------------
# Reading what happened


def outcome_problems(nb) -> list[str]:
    """Plain-words problems of a graded notebook: timeouts, a stopped kernel, time used up, output cut,
    hidden tests' results that did not arrive."""
    problems, where = [], "the first cells"
    for cell in nb.cells:
        grade_id = cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")
        if grade_id:
            where = exercise_from_id(grade_id)
        for output in cell.get("outputs", []):
            if output.get("output_type") != "error":
                continue
            name = output.get("ename")
            if name == TIMED_OUT:
                problems.append(f"timed out in {where}")
            elif name == KERNEL_STOPPED:
                problems.append(f"Python stopped in {where} (the code ended its process or went over the "
                                f"memory or CPU limit); later cells not run")
            elif name == OUT_OF_TIME:
                problems.append(f"ran out of time at {where}; later cells not run")
            elif name == OUTPUT_CUT:
                problems.append(f"too much output in {where}: the rest was dropped")
            elif name == STUCK:
                problems.append(f"did not stop when interrupted in {where}; later cells not run")
            elif name == CHANNEL_BROKEN:
                problems.append(f"output too big in {where}: it was dropped and later cells not run")
            elif name == HIDDEN_MISSING:
                problems.append(f"the results of the hidden tests did not arrive in {where}")
    return list(dict.fromkeys(problems))
