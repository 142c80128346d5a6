"""The course as a Jupyter Book (v1), built offline in two editions from the same sources.

- :mod:`~course.book.build` stages an edition's sources and runs ``jupyter-book``;
- :mod:`~course.book.editions` makes each edition's notebooks (the learner's release, the
  instructor's annotated sources);
- :mod:`~course.book.offline_assets` vendors the JavaScript the pages need;
- :mod:`~course.book.renderer` emits plotly figures in the book's kernels;
- :mod:`~course.book.sphinx_extension` loads that JavaScript only on the pages that use it;
- :mod:`~course.book.learner_branch` publishes the released notebooks for the launch buttons;
- :mod:`~course.book.commands` holds ``course book`` and ``course learner-branch``.
"""

__all__ = ["EDITIONS"]

#: The two editions, built from the same sources.
EDITIONS = ("learner", "instructor")
