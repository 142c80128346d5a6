"""How plotly figures are emitted when the book is built, so they survive myst-nb and work offline.

JupyterLab's default renderer emits a mime type that myst-nb drops, and the ``notebook``
renderer inlines all of plotly.js into every page. In a book build (``course book`` sets
:data:`course.charts.BOOK_BUILD_VARIABLE` for the kernels it starts, and :mod:`course.charts`
then calls :func:`use_in_book`) figures are instead emitted as a small piece of HTML that
draws with the one shared ``plotly.min.js`` the book serves from ``_static``. Outside a book
build this module is never imported.

>>> import plotly.graph_objects as go
>>> html = BookRenderer().to_mimebundle(go.Figure(go.Bar(x=["a"], y=[1])).to_dict())["text/html"]
>>> "Plotly.newPlot" in html, "<script src" in html, PLOTLY_CLASS in html
(True, False, True)
"""

from __future__ import annotations

import plotly.io as pio
from plotly.io._base_renderers import MimetypeRenderer

__all__ = ["PLOTLY_CLASS", "RENDERER_NAME", "BookRenderer", "use_in_book"]

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


def use_in_book() -> None:
    """Register the book renderer and make it the default."""
    pio.renderers[RENDERER_NAME] = BookRenderer()
    pio.renderers.default = RENDERER_NAME
