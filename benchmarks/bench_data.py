"""How long the sample data takes to generate and to load.

Prints the time to generate the default data, at --scale 10, the ratio between them
(about 10 means linear growth), and the time to load every table from the files.
"""
from __future__ import annotations

import statistics
import tempfile
import time

from course import data
from course.generator import generate, write_tables


def timed(action, repeat=3):
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        base = timed(lambda: write_tables(generate(scale=1), folder))
        load_time = timed(lambda: (data._cached.cache_clear(), data.load_all(folder)))  # from disk, not cache
        big = timed(lambda: write_tables(generate(scale=10), folder), repeat=1)
    print(f"generate + write, scale 1:  {base:6.2f} s")
    print(f"generate + write, scale 10: {big:6.2f} s")
    print(f"load every table, scale 1:  {load_time:6.2f} s")
    print(f"ratio: {big / base:.1f}")


if __name__ == "__main__":
    main()
