"""How long each stage notebook takes to run top to bottom from a fresh kernel.

The baseline, measured in the same run, is a notebook holding only the course's setup
(start a kernel, import the package, load every table): each stage is printed as seconds and
as a ratio to it. The standard asks for under 15 s per notebook on 2 cores.
"""
from __future__ import annotations

import statistics
import time

import nbformat
from nbclient import NotebookClient

from course.paths import NOTEBOOKS, stage_names

SETUP_ONLY = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(
    "import pandas as pd\nfrom course import *\ntables = load_all()")])


def run_seconds(nb, folder, repeat=3) -> float:
    times = []
    for _ in range(repeat):
        copy = nbformat.from_dict(nb)
        started = time.perf_counter()
        NotebookClient(copy, timeout=300, resources={"metadata": {"path": str(folder)}}).execute()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    baseline = run_seconds(SETUP_ONLY, NOTEBOOKS)
    print(f"{'setup only (baseline)':<24} {baseline:6.1f} s")
    worst = 0.0
    for stage in stage_names():
        seconds = run_seconds(nbformat.read(NOTEBOOKS / stage / f"{stage}.ipynb", as_version=4),
                              NOTEBOOKS / stage)
        worst = max(worst, seconds / baseline)
        print(f"{stage:<24} {seconds:6.1f} s  ({seconds / baseline:.1f} x baseline)")
    print(f"ratio: {worst:.1f}")


if __name__ == "__main__":
    main()
