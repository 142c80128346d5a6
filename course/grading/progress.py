"""The progress of ``course grade`` on the terminal: a bar on stderr, and summary lines that never break it."""

from __future__ import annotations

import sys
import time

__all__ = ["Progress"]


class Progress:
    """A progress bar on the terminal (stderr), and summary lines on stdout that never break it."""

    def __init__(self, total: int, stream=None):
        self.total, self.done, self.started = total, 0, time.perf_counter()
        self.stream = stream or sys.stderr
        self.live = self.stream.isatty()

    def _bar(self) -> str:
        width = 30
        filled = width * self.done // max(self.total, 1)
        elapsed = time.perf_counter() - self.started
        return f"\r[{'#' * filled}{'.' * (width - filled)}] {self.done}/{self.total} submissions, {elapsed:.0f} s"

    def step(self) -> None:
        self.done += 1
        if self.live:
            self.stream.write(self._bar())
            self.stream.flush()

    def say(self, line: str) -> None:
        if self.live:
            self.stream.write("\r" + " " * 70 + "\r")
        print(line, flush=True)
        if self.live and self.done < self.total:
            self.stream.write(self._bar())
            self.stream.flush()

    def close(self) -> None:
        if self.live:
            self.stream.write("\n")
