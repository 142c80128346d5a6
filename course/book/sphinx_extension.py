"""A small Sphinx extension of the course book: each page loads only the heavy JavaScript it uses.

- plotly.js (``_static/plotly.min.js``, shared by the whole site) where a page draws a figure,
  in its body or inside an explorer's embedded widget state (see :mod:`course.book.renderer`);
- the widget manager (``_static/html-manager/embed.js``) where a page embeds widget state, with
  the book's ``widget-fixes.js`` (names for the sliders, MathJax 3 for the widget labels);
- MathJax (``_static/mathjax/``) where a page has equations.

Extensions add page scripts through ``app.add_js_file``, which also records them for every
page written afterwards; the last handler of each page therefore drops what the page does
not use, and every page drops thebe (live code cells, switched off here), whose loader
points at a CDN.
"""

from __future__ import annotations

from myst_nb.sphinx_ import NbMetadataCollector

from .renderer import PLOTLY_CLASS

PLOTLY_JS = "plotly.min.js"
WIDGETS_JS = "html-manager/embed.js"
# The book's own fixes for the widgets (slider names, MathJax 3), from book/_static.
WIDGET_FIXES_JS = "widget-fixes.js"
MATHJAX_JS = "mathjax/"


def _notebook_scripts(app, pagename: str) -> dict:
    if pagename not in NbMetadataCollector.get_doc_data(app.env):
        return {}
    return NbMetadataCollector.get_js_files(app.env, pagename)


def scripts_needed(app, pagename: str, context: dict) -> dict[str, bool]:
    """Which of the heavy scripts the page ``pagename`` uses."""
    notebook_scripts = _notebook_scripts(app, pagename)
    widget_state = " ".join(attrs.get("body", "") for _uri, attrs in notebook_scripts.values())
    return {
        PLOTLY_JS: PLOTLY_CLASS in context.get("body", "") or PLOTLY_CLASS in widget_state,
        WIDGETS_JS: "ipywidgets_state" in notebook_scripts,
        # Not the math domain's has_equations, which counts the equations of every page below in the toctree.
        MATHJAX_JS: 'class="math' in context.get("body", ""),
    }


def _is_thebe(name: str) -> bool:
    """Thebe's scripts: live code cells, off in this book, which would fetch thebe from a CDN."""
    return name.startswith("sphinx-thebe") or "THEBE_JS_URL" in name


def load_only_what_the_page_uses(app, pagename: str, templatename: str, context: dict, doctree) -> None:
    scripts = context.get("script_files")
    if app.builder.format != "html" or scripts is None:
        return
    needed = scripts_needed(app, pagename, context)
    kept, seen = [], set()
    for script in scripts:
        filename = getattr(script, "filename", script)
        body = getattr(script, "attributes", {}).get("body", "")
        name = str(filename).removeprefix("_static/") if filename else body
        heavy = next((key for key in needed if filename and name.startswith(key)), None)
        if not filename and "window.MathJax" in body:  # MathJax's configuration
            heavy = MATHJAX_JS
        # The book's own two scripts are added below, once, with their priority and attributes.
        ours = name in (PLOTLY_JS, WIDGET_FIXES_JS)
        if ours or name in seen or (heavy and not needed[heavy]) or _is_thebe(name):
            continue
        seen.add(name)
        kept.append(script)
    scripts[:] = kept
    if needed[PLOTLY_JS]:
        # Before the widget manager, which may draw figures as soon as it loads.
        app.builder.add_js_file(PLOTLY_JS, priority=400)
    if needed[WIDGETS_JS]:
        # Deferred: it runs once the page is parsed (MathJax loaded), before the widget manager draws.
        app.builder.add_js_file(WIDGET_FIXES_JS, priority=600, defer="defer")
    # Sphinx sorts by priority only when every entry has one; some extensions add plain names.
    scripts[:] = sorted(scripts, key=lambda script: getattr(script, "priority", 500))


def setup(app):
    # After myst-nb and sphinx.ext.mathjax (priority 500), which add their scripts in the same event.
    app.connect("html-page-context", load_only_what_the_page_uses, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
