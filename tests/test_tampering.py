"""Reading a submission for code that replaces what the checks compare with (course.grading.tampering)."""
from __future__ import annotations

import pytest
from nbformat.v4 import new_code_cell, new_notebook

from course.grading.tampering import find_tampering


def _submission(code: str, grade_id: str = "ex1_2_kpi_baseline"):
    setup = new_code_cell("import math\nimport pandas as pd\nimport numpy as np\nfrom course import *",
                          metadata={"nbgrader": {"grade_id": "setup", "locked": True, "solution": False}})
    answer = new_code_cell(code, metadata={"nbgrader": {"grade_id": grade_id, "solution": True}})
    return new_notebook(cells=[setup, answer])


@pytest.mark.parametrize("code, finding", [
    ("math.isclose = lambda *a, **k: True", "replaces math.isclose"),
    ("pd.testing.assert_series_equal = lambda *a, **k: None", "replaces pandas.testing.assert_series_equal"),
    ("import pandas.testing as t\nt.assert_frame_equal = print", "replaces pandas.testing.assert_frame_equal"),
    ("np.allclose = lambda *a, **k: True", "replaces numpy.allclose"),
    ("import course.data\ncourse.data.sample = lambda seed: None", "replaces course.data.sample"),
    ("from course import data as d\nd.load = print", "replaces course.data.load"),
    ("setattr(math, 'isclose', lambda *a, **k: True)", "replaces an attribute of math with setattr()"),
    ("import sys\nsys.modules['math'] = None", "replaces a module in sys.modules"),
    ("get_ipython().input_transformers_cleanup.append(lambda lines: ['pass'])", "changes how IPython runs"),
    ("ip = get_ipython()\nget_ipython().ast_transformers.append(object())", "changes how IPython runs"),
    ("def check_answer(*args):\n    pass", "defines its own check_answer"),
    ("check_answer = print", "redefines check_answer"),
])
def test_each_kind_of_tampering_is_named_with_its_exercise(code, finding):
    found = find_tampering(_submission(code))
    assert len(found) == 1 and found[0].startswith("exercise 1.2 ") and finding in found[0], found


@pytest.mark.parametrize("code", [
    "sample = posts.sample(5)",
    "expected, other, check, load = 1, 2, 3, 4",
    "pd.options.display.max_rows = 50",
    "posts.columns = [c.lower() for c in posts.columns]",
    "def kpi_baseline(posts, year):\n    math = 3\n    return posts",
    "this is not Python (",
])
def test_a_learners_own_names_and_settings_are_not_tampering(code):
    assert find_tampering(_submission(code)) == []


def test_a_cell_the_learner_added_is_read_too():
    nb = _submission("def kpi_baseline(posts, year):\n    return posts")
    nb.cells.append(new_code_cell("math.isclose = min"))
    assert find_tampering(nb) == ["exercise 1.2 replaces math.isclose"]
