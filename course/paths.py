"""Where the course's own folders are: the checkout, its source notebooks and its sample data.

>>> (NOTEBOOKS.parent == ROOT, SHIPPED_DATA.name)
(True, 'data')
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["ROOT", "NOTEBOOKS", "SHIPPED_DATA", "stage_names"]

#: The course checkout: the folder holding the ``course`` package, ``notebooks/`` and ``data/``.
ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
SHIPPED_DATA = ROOT / "data"


def stage_names(folder: str | Path | None = None) -> list[str]:
    """The stages, in order: the folders of ``folder`` (``notebooks/``) holding a notebook of their own name.

    >>> stage_names()[0]
    '00-welcome'
    """
    folder = Path(folder) if folder else NOTEBOOKS
    return sorted(p.name for p in folder.iterdir() if (p / f"{p.name}.ipynb").is_file())
