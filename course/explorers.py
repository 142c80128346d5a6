"""Explorers: a few ipywidgets controls that redraw a chart or a table when they change.

>>> import ipywidgets as w
>>> drawn = []
>>> slider = w.IntSlider(value=3, min=1, max=5, description="Posts")
>>> box = explorer(lambda n: drawn.append(n), n=slider)
>>> slider.value = 5
>>> drawn, type(box).__name__
([3, 5], 'VBox')
"""

from __future__ import annotations

from collections.abc import Callable

import ipywidgets as widgets
from IPython.display import display

__all__ = ["explorer"]


def explorer(draw: Callable[..., object], **controls: widgets.ValueWidget) -> widgets.VBox:
    """Show ``draw(**values)`` under its controls, and redraw it whenever a control changes.

    ``draw`` returns what to show (a plotly figure, a DataFrame); each keyword names a
    parameter of ``draw`` and gives the widget that sets it. The first drawing happens at
    once, so a static page still shows the default view.
    """
    output = widgets.Output()

    def redraw(_change=None) -> None:
        output.outputs = ()  # forget the previous drawing
        with output:
            shown = draw(**{name: control.value for name, control in controls.items()})
            if shown is not None:  # ``draw`` may also display things itself
                display(shown)

    for control in controls.values():
        control.observe(redraw, names="value")
    redraw()
    return widgets.VBox([widgets.HBox(list(controls.values())), output])
