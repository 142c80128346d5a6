"""The ``course`` command line: one entry point, a subcommand per task, ``--help`` on each.

This module only gathers the subcommands. Each part of the package defines its own in its
``commands`` module, which imports the heavy modules only when a command runs, so
``course --help`` stays fast.
"""

from __future__ import annotations

import argparse
import importlib
import sys

__all__ = ["main", "build_parser"]

# The modules that add subcommands, in the order `course --help` lists them.
COMMAND_MODULES = ["course.generator.commands", "course.exports.commands", "course.book.commands",
                   "course.workshop.commands", "course.grading.commands", "course.translation.commands"]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="course",
        description="Social media for parliaments: build, run and grade the course.")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return int(args.func(args) or 0)


if __name__ == "__main__":
    sys.exit(main())
