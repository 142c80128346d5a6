"""The ``course`` command line: one entry point, a subcommand per task, ``--help`` on each.

Each subcommand lives in the module of its concern, which exposes ``register(subparsers)``;
this module only gathers them, so ``course --help`` stays fast.
"""

from __future__ import annotations

import argparse
import importlib
import sys
import time
from pathlib import Path

__all__ = ["main"]

# Modules that add subcommands, in the order `course --help` lists them.
COMMAND_MODULES = ["course.cli", "course.book", "course.lab", "course.collect", "course.autograde", "course.feedback",
                   "course.report", "course.selfcheck", "course.publish"]


def _data(args: argparse.Namespace) -> int:
    from .data import data_dir
    from .generate import generate, write_tables

    out = Path(args.out) if args.out else data_dir()
    started = time.perf_counter()
    tables = generate(seed=args.seed, scale=args.scale)
    paths = write_tables(tables, out)
    rows = sum(len(df) for df in tables.values())
    print(f"Wrote {len(paths)} tables ({rows:,} rows) to {out} in {time.perf_counter() - started:.1f} s "
          f"(seed {args.seed}, scale {args.scale}).")
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    from .generate import DEFAULT_SEED

    p = sub.add_parser(
        "data", help="regenerate the sample data",
        description="Regenerate the sample data of the fictional Parliament of Lumeria. With no options it "
                    "rewrites the shipped data/ folder byte for byte; another --seed gives other numbers with "
                    "the same patterns, --scale K gives about K times more members, posts and comments.")
    p.add_argument("--seed", type=int, default=DEFAULT_SEED, help=f"random seed (default {DEFAULT_SEED})")
    p.add_argument("--scale", type=int, default=1, help="size multiplier, a whole number >= 1 (default 1)")
    p.add_argument("--out", help="folder to write the CSV files to (default: the course's data/ folder)")
    p.set_defaults(func=_data)


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
