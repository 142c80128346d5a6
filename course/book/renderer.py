"""How plotly figures are emitted when the book is built, so they survive myst-nb and work offline.

JupyterLab's default renderer emits a mime type that myst-nb drops, and the ``notebook``
renderer inlines all of plotly.js into every page. In a book build (``course book`` sets
:data:`course.charts.BOOK_BUILD_VARIABLE` for the kernels it starts, and :mod:`course.charts`
then calls :func:`use_in_book`) figures are instead emitted as a small piece of HTML that
draws with the one shared ``plotly.min.js`` the book serves from ``_static``. Outside a book
build this module is never imported.

Each figure also carries its data as text, in a fold under the chart that a screen reader
reads and anyone can open (:func:`text_alternative`), so no finding is only available by
hovering.

>>> import plotly.graph_objects as go
>>> html = BookRenderer().to_mimebundle(go.Figure(go.Bar(x=["a"], y=[1])).to_dict())["text/html"]
>>> "Plotly.newPlot" in html, "<script src" in html, PLOTLY_CLASS in html, "The chart as text" in html
(True, False, True, True)
"""

from __future__ import annotations

import itertools

import plotly.io as pio
from plotly.io._base_renderers import MimetypeRenderer

__all__ = ["PLOTLY_CLASS", "RENDERER_NAME", "BookRenderer", "text_alternative", "use_in_book"]

RENDERER_NAME = "course_book"
#: How many points of each series the text alternative lists before it summarises the rest.
POINTS_LISTED = 24
_ids = itertools.count(1)
#: The class of every figure's container: the book loads plotly.js only on pages that hold one.
PLOTLY_CLASS = "course-plotly-figure"


class BookRenderer(MimetypeRenderer):
    """Emit a figure as ``text/html`` that expects ``window.Plotly`` to be loaded by the page."""

    def to_mimebundle(self, fig_dict):
        figure_html = pio.to_html(fig_dict, include_plotlyjs=False, include_mathjax=False, full_html=False,
                                  validate=False, config={"responsive": True, "displaylogo": False})
        title = _title(fig_dict.get("layout") or {}) or "Chart"
        text_id = f"course-figure-text-{next(_ids)}"
        # A labelled figure region, announced by its title and described by its data as text.
        return {"text/html": f'<div class="{PLOTLY_CLASS}" role="figure" aria-label="{_escape(title)}" '
                             f'aria-describedby="{text_id}">{figure_html}'
                             f'<details class="course-figure-text"><summary>The chart as text</summary>'
                             f'<p id="{text_id}">{_escape(text_alternative(fig_dict))}</p></details></div>'}


def _title(part: dict) -> str:
    title = part.get("title")
    return (title.get("text") if isinstance(title, dict) else title) or ""


def _value(value) -> str:
    if hasattr(value, "strftime"):
        return value.strftime("%Y-%m-%d") if not (value.hour or value.minute) else value.strftime("%Y-%m-%d %H:%M")
    if type(value).__name__ == "datetime64":
        return str(value)[:16].replace("T00:00", "").replace("T", " ")
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):
        value = value.item()
    if isinstance(value, float):
        return f"{value:,.3g}" if abs(value) < 1000 else f"{value:,.0f}"
    return f"{value:,}" if isinstance(value, int) else str(value)


def _array(value) -> list | None:
    """A trace's values as a list, whether plotly holds them as a list, an array or base64-encoded bytes."""
    if isinstance(value, dict) and "bdata" in value:
        import base64

        import numpy as np

        array = np.frombuffer(base64.b64decode(value["bdata"]), dtype=value["dtype"])
        shape = value.get("shape")
        return (array.reshape([int(n) for n in str(shape).split(",")]) if shape else array).tolist()
    if hasattr(value, "tolist"):
        # datetime64 to datetime objects (nanoseconds would become bare integers)
        return (value.astype("datetime64[s]") if getattr(value, "dtype", None) is not None
                and value.dtype.kind == "M" else value).tolist()
    return None if value is None else list(value)


def _points(trace: dict) -> list[tuple]:
    xs, ys = _array(trace.get("x")), _array(trace.get("y"))
    if trace.get("orientation") == "h":
        xs, ys = ys, xs
    if xs is None or ys is None:
        return []
    return list(zip(list(xs), list(ys)))


def _groups(trace: dict) -> list[tuple]:
    """(category or None, sorted values) of a box plot or histogram, one per category on the other axis."""
    along = "x" if trace.get("orientation") == "h" or trace.get("type") == "histogram" else "y"
    values = _array(trace.get(along)) or []
    categories = _array(trace.get("y" if along == "x" else "x")) if trace.get("type") != "histogram" else None
    if not categories:
        return [(None, sorted(v for v in values if v is not None and v == v))]
    grouped: dict = {}
    for category, value in zip(categories, values):
        if value is not None and value == value:
            grouped.setdefault(category, []).append(value)
    return [(category, sorted(found)) for category, found in grouped.items()]


def _spread(values: list) -> str:
    return (f"{len(values)} values from {_value(values[0])} to {_value(values[-1])}, "
            f"median {_value(values[len(values) // 2])}")


def text_alternative(fig_dict: dict) -> str:
    """The figure in words: its title, its axes, and each series' values (or, for a grid, its extremes).

    >>> text_alternative({"data": [{"type": "bar", "x": ["x", "facebook"], "y": [3, 5], "name": "2025"}],
    ...                   "layout": {"title": {"text": "Posts"}, "xaxis": {"title": {"text": "Platform"}},
    ...                              "yaxis": {"title": {"text": "Posts (count)"}}}})
    'Posts. Horizontal axis: Platform; vertical axis: Posts (count). 2025: x 3, facebook 5.'
    """
    layout = fig_dict.get("layout") or {}
    axes = [f"{side} axis: {_title(layout.get(axis) or {})}" for side, axis in (("Horizontal", "xaxis"),
                                                                                 ("vertical", "yaxis"))
            if _title(layout.get(axis) or {})]
    parts = [_title(layout) or "A chart", "; ".join(axes)]
    for number, trace in enumerate(fig_dict.get("data") or [], start=1):
        name = trace.get("name") or (f"Series {number}" if len(fig_dict["data"]) > 1 else "Values")
        if trace.get("type") == "heatmap" and trace.get("z") is not None:
            grid = _array(trace["z"])
            rows, columns = _array(trace.get("y")) or range(len(grid)), _array(trace.get("x")) or range(len(grid[0]))
            cells = [(value, row, column) for row, values in zip(rows, grid)
                     for column, value in zip(columns, values) if value is not None and value == value]
            if cells:
                high, low = max(cells, key=lambda c: c[0]), min(cells, key=lambda c: c[0])
                parts.append(f"A grid of {len(grid)} rows by {len(grid[0])} columns; highest {_value(high[0])} "
                             f"at {high[1]}, {high[2]}; lowest {_value(low[0])} at {low[1]}, {low[2]}")
            continue
        if trace.get("type") in ("box", "histogram", "violin"):
            parts += [f"{name}{f', {group}' if group is not None else ''}: {_spread(values)}"
                      for group, values in _groups(trace) if values]
            continue
        points = _points(trace)
        if not points:
            continue
        listed = ", ".join(f"{_value(x)} {_value(y)}" for x, y in points[:POINTS_LISTED])
        more = f", and {len(points) - POINTS_LISTED} more points" if len(points) > POINTS_LISTED else ""
        parts.append(f"{name}: {listed}{more}")
    return ". ".join(part for part in parts if part) + "."


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;").replace(">", "&gt;")


def use_in_book() -> None:
    """Register the book renderer and make it the default."""
    pio.renderers[RENDERER_NAME] = BookRenderer()
    pio.renderers.default = RENDERER_NAME
