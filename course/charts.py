"""Plotly charts in the course's style: a title, labelled axes with units, a colour-blind-safe palette.

Every chart function takes the title and the axis labels as required arguments, so a chart
without them cannot be drawn.

>>> import pandas as pd
>>> fig = bar(pd.DataFrame({"platform": ["x", "facebook"], "posts": [3, 5]}), x="platform", y="posts",
...           title="Posts per platform", x_label="Platform", y_label="Posts (count)")
>>> fig.layout.title.text, fig.layout.yaxis.title.text
('Posts per platform', 'Posts (count)')
"""

from __future__ import annotations

import os

import plotly.express as px
import plotly.graph_objects as go
import plotly.io as pio

__all__ = ["PALETTE", "SEQUENTIAL", "BOOK_BUILD_VARIABLE", "bar", "line", "heatmap", "scatter", "histogram", "box",
           "finish"]

# Okabe and Ito's palette, distinguishable with the common colour-vision deficiencies.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]
SEQUENTIAL = "Viridis"
#: Set to "1" by `course book` for the kernels it starts.
BOOK_BUILD_VARIABLE = "COURSE_BOOK_BUILD"

# plotly_white with the course's touches, merged once: a default of "plotly_white+course" would merge the
# two templates again for every figure, two thirds of the time a chart takes to build.
pio.templates["course"] = pio.templates.merge_templates("plotly_white", go.layout.Template(
    layout=dict(
        colorway=PALETTE,
        font=dict(family="system-ui, -apple-system, Segoe UI, Roboto, sans-serif", size=14),
        title=dict(x=0.0, xanchor="left"),
        plot_bgcolor="white",
        xaxis=dict(showgrid=False, linecolor="#444", ticks="outside"),
        yaxis=dict(gridcolor="#ddd", linecolor="#444", zeroline=False),
        margin=dict(l=60, r=20, t=70, b=60),
        hoverlabel=dict(font_size=13),
    )
))
pio.templates.default = "course"


def finish(fig: go.Figure, title: str, x_label: str, y_label: str, legend: str | None = None) -> go.Figure:
    """Give any plotly figure the course's title, axis labels and legend title."""
    fig.update_layout(title=title, xaxis_title=x_label, yaxis_title=y_label)
    if legend is not None:
        fig.update_layout(legend_title_text=legend)
    return fig


def bar(df, x, y, *, title, x_label, y_label, color=None, legend=None, **kwargs) -> go.Figure:
    """A bar chart of ``y`` by ``x`` (grouped by ``color`` if given)."""
    return finish(px.bar(df, x=x, y=y, color=color, barmode="group", **kwargs), title, x_label, y_label, legend)


def line(df, x, y, *, title, x_label, y_label, color=None, legend=None, **kwargs) -> go.Figure:
    """A line chart, for values over time."""
    return finish(px.line(df, x=x, y=y, color=color, **kwargs), title, x_label, y_label, legend)


def scatter(df, x, y, *, title, x_label, y_label, color=None, legend=None, **kwargs) -> go.Figure:
    """A scatter plot, one point per row."""
    return finish(px.scatter(df, x=x, y=y, color=color, **kwargs), title, x_label, y_label, legend)


def histogram(df, x, *, title, x_label, y_label, color=None, legend=None, **kwargs) -> go.Figure:
    """A histogram of ``x``."""
    return finish(px.histogram(df, x=x, color=color, barmode="overlay", **kwargs), title, x_label, y_label, legend)


def box(df, x, y, *, title, x_label, y_label, color=None, legend=None, **kwargs) -> go.Figure:
    """Box plots of ``y`` for each ``x``: medians and spread, robust to outliers."""
    return finish(px.box(df, x=x, y=y, color=color, **kwargs), title, x_label, y_label, legend)


def heatmap(table, *, title, x_label, y_label, value_label, fmt=".2f") -> go.Figure:
    """A heatmap of a table (rows on the y axis, columns on the x axis), such as weekday by hour."""
    fig = px.imshow(table, color_continuous_scale=SEQUENTIAL, aspect="auto", text_auto=fmt,
                    labels=dict(color=value_label))
    return finish(fig, title, x_label, y_label)


# In a book build, figures are emitted as HTML that draws with the book's one shared plotly.js;
# anywhere else (JupyterLab, a grader) the book's code is not even imported.
if os.environ.get(BOOK_BUILD_VARIABLE) == "1":
    from .book.renderer import use_in_book

    use_in_book()
