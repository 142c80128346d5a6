"""``course translate``: keep the translated editions in step with the English notebooks.

``refresh`` brings each catalogue in step with its English notebook (new English gets an
empty entry, changed English a stale one, removed English loses its entry) and rebuilds
the translated notebooks; ``build`` only rebuilds them, after a translator edited a
catalogue; ``check`` lists whatever keeps a translated stage out of step (the sync tests
run the same checks). The modules that do the work are imported only when a command runs.
"""

from __future__ import annotations

import argparse
import sys

from ..paths import LANGUAGES, NOTEBOOKS, TRANSLATIONS, stage_names

__all__ = ["register", "translated_stages"]


def translated_stages(language: str) -> list[str]:
    """The English stages that have a catalogue in ``language``, in order."""
    folder = TRANSLATIONS / language
    return [s for s in stage_names() if (folder / f"{s}.po").is_file()]


def _stages(args: argparse.Namespace) -> list[str]:
    known = stage_names()
    unknown = [s for s in args.stages if s not in known]
    if unknown:
        raise SystemExit(f"No such English stage: {', '.join(unknown)}. Name the English stage "
                         f"(00-welcome, not 00-welcome-fr); the stages are: {', '.join(known)}.")
    return args.stages or translated_stages(args.language)


def _refresh(args: argparse.Namespace) -> int:
    import nbformat

    from . import catalogue as catalogues
    from .generate import build, catalogue_path, notebook_path

    for stage in _stages(args):
        path = catalogue_path(stage, args.language)
        old = catalogues.read(path)
        new = catalogues.refresh(nbformat.read(notebook_path(stage), as_version=4), old, args.language)
        catalogues.write(new, path)
        entries = catalogues.messages(new)
        empty = sum(not m.string for m in entries)
        stale = sum(bool(m.string) and m.fuzzy for m in entries)
        before = {(m.context, m.id) for m in catalogues.messages(old)} if old is not None else set()
        now = {(m.context, m.id) for m in entries}
        # English gone or changed, less the changed English whose translation stayed on as stale.
        dropped = len(before - now) - sum(m.fuzzy and (m.context, m.id) not in before for m in entries)
        print(f"{path.relative_to(TRANSLATIONS.parent)}: {len(entries)} entries, {empty} to translate, "
              f"{stale} stale (fuzzy), {dropped} dropped")
        print(f"  wrote {build(stage, args.language).relative_to(NOTEBOOKS.parent)}")
    return 0


def _build(args: argparse.Namespace) -> int:
    from .generate import build

    for stage in _stages(args):
        print(f"wrote {build(stage, args.language).relative_to(NOTEBOOKS.parent)}")
    return 0


def _check(args: argparse.Namespace) -> int:
    from .sync import problems

    found = {stage: problems(stage, args.language) for stage in _stages(args)}
    for stage, listed in found.items():
        print(f"{stage} ({args.language}): " + ("in step" if not listed else f"{len(listed)} problem(s)"))
        for problem in listed:
            print(f"  - {problem}")
    return 1 if any(found.values()) else 0


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("translate", help="keep the French edition in step with the English notebooks",
                       description="English is the one edited source. Each stage's translation lives in a "
                                   "catalogue, translations/LANGUAGE/STAGE.po, keyed by cell id; the translated "
                                   "notebook, notebooks/STAGE-LANGUAGE/, is made from the English notebook and "
                                   "the catalogue. See notebooks/TRANSLATING.md.")
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True, help="refresh, build or check")
    for name, run, short, text in [
            ("refresh", _refresh, "bring catalogues in step with the English, rebuild",
             "after changing an English notebook, and after translating: bring its catalogue in step (new "
             "English gets an empty entry, changed English a stale fuzzy one, removed English loses its "
             "entry) and rebuild the translated notebook"),
            ("build", _build, "rebuild the translated notebooks",
             "rebuild the translated notebooks from the catalogues, leaving the catalogues as they are"),
            ("check", _check, "list what is out of step",
             "list whatever keeps a translated stage out of step with the English one (non-zero exit if "
             "anything does)")]:
        q = actions.add_parser(name, help=short, description=text[0].upper() + text[1:] + ".")
        q.add_argument("stages", nargs="*", metavar="STAGE",
                       help="English stages, such as 00-welcome (default: every stage with a catalogue)")
        q.add_argument("--language", choices=LANGUAGES[1:], default=LANGUAGES[1],
                       help=f"the translation's language (default: {LANGUAGES[1]})")
        q.set_defaults(func=run)
