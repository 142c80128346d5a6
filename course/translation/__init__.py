"""The course's translated editions, kept in step with the English notebooks.

English is the one edited source. A stage's translation lives in a gettext catalogue,
``translations/<language>/<stage>.po``, one entry per markdown cell (keyed by the cell's id)
and per word a teaching code cell shows (a chart's title and labels, an explorer's labels);
the translated notebook, ``notebooks/<stage>-<language>/``, is generated from the English
notebook and the catalogue, and committed: it is an nbgrader assignment of its own.

- :mod:`.literals` finds the words a code cell shows and swaps them;
- :mod:`.catalogue` reads, writes and refreshes a stage's catalogue;
- :mod:`.generate` makes the translated notebook;
- :mod:`.sync` lists whatever keeps a translation out of step (the sync tests run it);
- :mod:`.commands` is ``course translate refresh|build|check``.

>>> from course.paths import stage_in
>>> stage_in("00-welcome", "fr")
'00-welcome-fr'
"""

__all__: list[str] = []
