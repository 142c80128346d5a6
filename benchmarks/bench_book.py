"""How long the learner edition of the book takes to build, cold and warm, and how heavy its pages are.

A cold build starts from an empty build folder (every stage notebook executed); a warm build
rebuilds the unchanged sources into the same folder, so every notebook comes from the
execution cache. Prints both times, the heaviest page's own weight (what a further page
costs once the shared scripts are cached) and its weight on a first visit, and ends with the
warm/cold ratio (well below 1 means the cache works).

    .venv/bin/python benchmarks/bench_book.py [--edition learner|instructor]
"""
from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from course.book import build, offline_assets


def timed_build(edition: str, out: Path) -> tuple[float, Path]:
    started = time.perf_counter()
    site = build.build(edition, out)
    return time.perf_counter() - started, site


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--edition", choices=build.EDITIONS, default="learner")
    edition = parser.parse_args().edition
    with tempfile.TemporaryDirectory(prefix="bench-book-") as folder:
        cold, site = timed_build(edition, Path(folder))
        warm, site = timed_build(edition, Path(folder))
        weights = offline_assets.page_weights(site)
        plotly_js = (site / "_static" / "plotly.min.js").stat().st_size
    heaviest = max(weights, key=lambda page: weights[page]["own"])
    first = max(weights, key=lambda page: weights[page]["first_visit"])
    print(f"{edition} edition, cold build: {cold:6.1f} s")
    print(f"{edition} edition, warm build: {warm:6.1f} s")
    print(f"heaviest page, own weight:    {weights[heaviest]['own'] / 1e6:5.2f} MB  ({heaviest})")
    print(f"heaviest first visit, beyond plotly.js ({plotly_js / 1e6:.2f} MB, shared): "
          f"{(weights[first]['first_visit'] - plotly_js) / 1e6:5.2f} MB  ({first})")
    print(f"ratio: {warm / cold:.2f}")


if __name__ == "__main__":
    main()
