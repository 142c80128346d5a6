"""Explorers: a few ipywidgets controls that redraw a chart or a table when they change.

>>> import ipywidgets as w
>>> box = explorer(lambda n: f"{n} posts", n=w.IntSlider(value=3, min=1, max=5, description="Posts"))
>>> type(box).__name__
'VBox'
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
        with output:
            output.clear_output(wait=True)
            display(draw(**{name: control.value for name, control in controls.items()}))

    for control in controls.values():
        control.observe(redraw, names="value")
    redraw()
    return widgets.VBox([widgets.HBox(list(controls.values())), output])
