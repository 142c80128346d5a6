"""Everything an instructor's grading run touches, and the learner's ``course check``.

A submission's way, in order:

- :mod:`~course.grading.nbgrader_setup` the one nbgrader configuration (also behind plain ``nbgrader``);
- :mod:`~course.grading.release_and_collect` ``course release``, ``collect`` and ``import``;
- :mod:`~course.grading.intake` checks and repairs each submission before grading, and
  :mod:`~course.grading.tampering` reads it for code that replaces what the checks compare with;
- :mod:`~course.grading.autograde` ``course grade``: parallel, resumable, one writer of the gradebook;
- :mod:`~course.grading.sandbox` and :mod:`~course.grading.sandboxed_execute` run learners' code
  locked down and bounded;
- :mod:`~course.grading.verdict` the hidden tests' verdict, reached outside the learner's kernel
  from what they collected and the model solution's records;
- :mod:`~course.grading.preprocessors` the course's nbgrader preprocessors;
- :mod:`~course.grading.exercise_cells` reads exercises and their outcomes from a notebook;
- :mod:`~course.grading.feedback` (with :mod:`~course.grading.feedback_summary`) and
  :mod:`~course.grading.report` what learners and the instructor read (feedback pages; the
  report and the CSV export);
- :mod:`~course.grading.fingerprints` writes the fingerprints the visible checks compare with,
  from the source notebooks' solutions;
- :mod:`~course.grading.selfcheck` the learner's ``course check``;
- :mod:`~course.grading.commands` the command line of all of the above.
"""
