"""How plotly figures are emitted when the book is built, so they survive myst-nb and work offline.

JupyterLab's default renderer emits a mime type that myst-nb drops, and the ``notebook``
renderer inlines all of plotly.js into every page. In a book build (``course book`` sets
:data:`BOOK_MODE_VARIABLE` for the kernels it starts) figures are instead emitted as a small
piece of HTML that draws with the one shared ``plotly.min.js`` the book serves from
``_static``. Outside a book build nothing changes.

>>> import plotly.graph_objects as go
>>> html = BookRenderer().to_mimebundle(go.Figure(go.Bar(x=["a"], y=[1])).to_dict())["text/html"]
>>> "Plotly.newPlot" in html, "<script src" in html, PLOTLY_CLASS in html
(True, False, True)
"""

from __future__ import annotations

import os

import plotly.io as pio
from plotly.io._base_renderers import MimetypeRenderer

__all__ = ["BOOK_MODE_VARIABLE", "PLOTLY_CLASS", "RENDERER_NAME", "BookRenderer", "in_book_build", "use_in_book"]

BOOK_MODE_VARIABLE = "COURSE_BOOK_BUILD"
RENDERER_NAME = "course_book"
#: The class of every figure's container: the book loads plotly.js only on pages that hold one.
PLOTLY_CLASS = "course-plotly-figure"


class BookRenderer(MimetypeRenderer):
    """Emit a figure as ``text/html`` that expects ``window.Plotly`` to be loaded by the page."""

    def to_mimebundle(self, fig_dict):
        figure_html = pio.to_html(fig_dict, include_plotlyjs=False, include_mathjax=False, full_html=False,
                                  validate=False, config={"responsive": True, "displaylogo": False})
        title = ((fig_dict.get("layout") or {}).get("title") or {}).get("text") or "Chart"
        # A labelled figure region, so screen readers announce the chart by its title.
        return {"text/html": f'<div class="{PLOTLY_CLASS}" role="figure" aria-label="{_escape(title)}">'
                             f"{figure_html}</div>"}


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;").replace(">", "&gt;")


def in_book_build() -> bool:
    """True inside a kernel started by ``course book``."""
    return os.environ.get(BOOK_MODE_VARIABLE) == "1"


def use_in_book() -> None:
    """Register the book renderer and make it the default."""
    pio.renderers[RENDERER_NAME] = BookRenderer()
    pio.renderers.default = RENDERER_NAME
