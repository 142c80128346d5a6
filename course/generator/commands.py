"""``course data``: regenerate the sample data."""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from .world import DEFAULT_SEED

__all__ = ["register"]


def _data(args: argparse.Namespace) -> int:
    from ..data import data_dir
    from . import generate, write_tables

    out = Path(args.out) if args.out else data_dir()
    started = time.perf_counter()
    tables = generate(seed=args.seed, scale=args.scale)
    paths = write_tables(tables, out)
    rows = sum(len(df) for df in tables.values())
    print(f"Wrote {len(paths)} tables ({rows:,} rows) to {out} in {time.perf_counter() - started:.1f} s "
          f"(seed {args.seed}, scale {args.scale}).")
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "data", help="regenerate the sample data",
        description="Regenerate the sample data of the fictional Parliament of Lumeria. With no options it "
                    "rewrites the shipped data/ folder byte for byte; another --seed gives other numbers with "
                    "the same patterns, --scale K gives about K times more members, posts and comments.")
    p.add_argument("--seed", type=int, default=DEFAULT_SEED, help=f"random seed (default {DEFAULT_SEED})")
    p.add_argument("--scale", type=int, default=1, help="size multiplier, a whole number >= 1 (default 1)")
    p.add_argument("--out", help="folder to write the CSV files to (default: the course's data/ folder)")
    p.set_defaults(func=_data)
