"""Explorers: a few ipywidgets controls that redraw a chart or a table when they change.

>>> import ipywidgets as w
>>> drawn = []
>>> slider = w.IntSlider(value=3, min=1, max=5, description="Posts")
>>> box = explorer(lambda n: drawn.append(n), n=slider)
>>> slider.value = 5
>>> drawn, type(box).__name__
([3, 5], 'VBox')

A choice with no data shows a short message instead of an empty chart or a traceback:

>>> import pandas as pd
>>> view(lambda n: pd.DataFrame({"posts": []}), {"n": slider}).data
'<p class="course-explorer-message">Nothing to show for Posts: 5. Try another choice.</p>'
"""

from __future__ import annotations

import html
import math
from collections.abc import Callable

import ipywidgets as widgets
from IPython.display import HTML, display

__all__ = ["explorer", "view", "is_empty", "MESSAGE_CLASS", "CANNOT_DRAW"]

#: The class of the short message an explorer shows instead of an empty chart.
MESSAGE_CLASS = "course-explorer-message"
#: How the message begins when ``draw`` failed on a choice (rather than finding no data).
CANNOT_DRAW = "This choice could not be drawn:"


def _has_values(values) -> bool:
    """Whether an array (nested or not) holds at least one value that can be drawn: not None, not NaN."""
    if values is None or isinstance(values, float) and math.isnan(values):
        return False
    if isinstance(values, (str, bytes)) or not hasattr(values, "__iter__"):
        return True
    return any(_has_values(item) for item in values)


def _trace_has_data(trace) -> bool:
    if "z" in trace and trace.z is not None:  # a heatmap: its cells decide, not its axis labels
        return _has_values(trace.z)
    return any(_has_values(trace[name]) for name in ("x", "y", "values", "lat", "r") if name in trace)


def is_empty(shown) -> bool:
    """Whether what ``draw`` returned has nothing to show: an empty table, or a figure without data.

    >>> import plotly.graph_objects as go
    >>> is_empty(go.Figure(go.Heatmap(z=[[float("nan")]]))), is_empty(go.Figure(go.Bar(x=["a"], y=[1])))
    (True, False)
    """
    import pandas as pd

    if isinstance(shown, (pd.DataFrame, pd.Series)):
        return bool(shown.empty or shown.isna().all(axis=None))
    if type(shown).__module__.startswith("plotly.") and isinstance(getattr(shown, "data", None), tuple):
        return not any(_trace_has_data(trace) for trace in shown.data)
    return False


def _message(text: str) -> HTML:
    return HTML(f'<p class="{MESSAGE_CLASS}">{html.escape(text)}</p>')


def _choice(controls: dict[str, widgets.ValueWidget]) -> str:
    def label(name, control):
        shown = getattr(control, "label", None) if isinstance(control, widgets.widgets.widget_selection._Selection) \
            else None
        value = shown if shown is not None else control.value
        return f"{control.description or name}: {value}"

    return ", ".join(label(name, control) for name, control in controls.items())


def view(draw: Callable[..., object], controls: dict[str, widgets.ValueWidget]):
    """What the explorer shows for the controls' current values: ``draw``'s result, or a short message.

    A selection with no data (an empty table, a figure with no point) or one that ``draw`` cannot
    handle gives a one-line message naming the choice, never a traceback.
    """
    try:
        shown = draw(**{name: control.value for name, control in controls.items()})
    except Exception as error:  # a choice the drawing cannot handle: say so in one line
        return _message(f"{CANNOT_DRAW} {_choice(controls)} ({type(error).__name__}: {error}). Try another choice.")
    if is_empty(shown):
        return _message(f"Nothing to show for {_choice(controls)}. Try another choice.")
    return shown


def explorer(draw: Callable[..., object], **controls: widgets.ValueWidget) -> widgets.VBox:
    """Show ``draw(**values)`` under its controls, and redraw it whenever a control changes.

    ``draw`` returns what to show (a plotly figure, a DataFrame); each keyword names a
    parameter of ``draw`` and gives the widget that sets it. The first drawing happens at
    once, so a static page still shows the default view. A choice with no data shows a
    short message (see :func:`view`).
    """
    output = widgets.Output()

    def redraw(_change=None) -> None:
        output.outputs = ()  # forget the previous drawing
        with output:
            shown = view(draw, controls)
            if shown is not None:  # ``draw`` may also display things itself
                display(shown)

    for control in controls.values():
        control.observe(redraw, names="value")
    redraw()
    box = widgets.VBox([widgets.HBox(list(controls.values())), output])
    box.add_class("course-explorer")
    return box
