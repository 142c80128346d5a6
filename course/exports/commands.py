"""``course exports``: read a folder of the platforms' per-post exports, print what was read, write the table.

The reader is imported only when the command runs, so ``course --help`` stays fast.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

__all__ = ["register"]

PRIVATE_KINDS = ("text", "staff", "handles", "links")


def _exports(args: argparse.Namespace) -> int:
    from . import DEMO_EXPORTS, ExportError, read_exports

    if args.write_demo:
        from .demo import write_demo

        folder = Path(args.folder) if args.folder else DEMO_EXPORTS
        written = write_demo(folder)
        print(f"Wrote {len(written)} demo exports to {folder}: {', '.join(p.name for p in written)}.")
        return 0
    folder = Path(args.folder) if args.folder else DEMO_EXPORTS
    try:
        result = read_exports(folder, keep=args.keep, timezone=args.timezone)
    except ExportError as error:
        print(error, file=sys.stderr)
        return 1
    print(result)
    if args.out and len(result.table):
        out = Path(args.out)
        out.parent.mkdir(parents=True, exist_ok=True)
        result.table.to_csv(out, index=False, date_format="%Y-%m-%d %H:%M")
        print(f"Wrote {len(result.table)} posts to {out}.")
    return 1 if result.problems or not result.reports else 0


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "exports", help="read your own accounts' exports onto the course's posts table",
        description="Read every per-post export in FOLDER (Meta Business Suite for Facebook and Instagram, X, "
                    "YouTube Studio, LinkedIn, TikTok; one account per file, the file's name becoming its "
                    "account_id), print what was mapped, what is missing and why, which rows were dropped and "
                    "what privacy dropped, and write the posts table. A file that cannot be read gets one "
                    "message and the others are read; the exit status is 1 if any file was not read.")
    p.add_argument("folder", nargs="?", metavar="FOLDER", help="the folder of exports (default: the course's demo folder, "
                                             "data/exports-demo)")
    p.add_argument("--out", metavar="FILE.csv", help="CSV file to write the mapped posts table to")
    p.add_argument("--keep", action="append", choices=PRIVATE_KINDS, default=[],
                   help="keep one kind of what privacy drops by default (post text, staff names, @handles, "
                        "links); repeat it to keep several")
    p.add_argument("--timezone", help="move times the export writes in UTC (X) to this zone, such as "
                                      "Europe/Paris (default: keep them as written)")
    p.add_argument("--write-demo", action="store_true",
                   help="instead of reading, write the demo exports of the sample data into FOLDER "
                        "(default: data/exports-demo, byte for byte)")
    p.set_defaults(func=_exports)
