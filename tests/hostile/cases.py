"""The hostile and broken submissions of the test suite, as a table: learner -> how to make it, what should happen.

Every case starts from the fixture assignment's release notebook (tests/fixtures) with the right
answers filled in, then breaks or attacks something. An attack is written so that it prints
``ATTACK-SUCCEEDED`` only if it worked, and otherwise lets the learner's right answer stand: so a
blocked attack scores full marks, and any success shows in the outputs. ``{course}``, ``{source}``,
``{port}`` and ``{marker}`` in the code are filled in by the test (paths of the run, a listening
loopback port, a distinctive sleep duration to find leftover processes by).
"""
from __future__ import annotations

import base64
import copy
import json
from dataclasses import dataclass, field

import nbformat

SUCCEEDED = "ATTACK-SUCCEEDED"
FULL = 7.0  # the fixture's autograded points: 2 + 1 + 2 + 2


def attempt(code: str) -> str:
    """Code that tries ``code`` and prints whether it worked, never stopping the notebook."""
    body = "\n".join("    " + line for line in code.strip().splitlines())
    return f"try:\n{body}\n    print({SUCCEEDED!r})\nexcept BaseException as error:\n    print('blocked:', type(error).__name__)\n"


@dataclass
class Case:
    """A hostile submission: code put before an answer, or a change to the notebook or its file."""

    learner: str
    expected: float | None  # the exact autograded score, None when it cannot be graded
    outcome: str  # a word the instructor's report of this submission must contain
    before: dict[str, str] = field(default_factory=dict)  # solution grade_id -> code run before the answer
    replace: dict[str, str] = field(default_factory=dict)  # solution grade_id -> the learner's whole answer
    damage: str = ""  # name of a change made to the notebook or its file (see damage())


CASES = [
    Case("endless-loop", FULL - 2, "timed out", replace={"ex1_1_total": "while True:\n    pass\n"}),
    Case("memory-bomb", FULL, "",
         before={"ex1_1_total": attempt(
        "def bomb():\n    hoard = []\n    while True:\n        hoard.append(bytearray(10**8))\nbomb()")}),
    Case("huge-output", FULL - 2, "output too big", before={"ex1_3_best": "print('x' * 10**8)"}),
    Case("endless-output", FULL, "too much output",
         before={"ex1_1_total": "for line in range(300):\n    print('spam' * 25_000)"}),
    Case("reads-gradebook", FULL, "", before={"ex1_1_total": attempt(
        "import glob\nfound = glob.glob('{course}/**/gradebook.db', recursive=True) + "
        "glob.glob('/tmp/course-grade-*/**/gradebook.db', recursive=True)\n"
        "assert found, 'no gradebook in sight'\nprint(open(found[0], 'rb').read(100))")}),
    Case("writes-gradebook", FULL, "", before={"ex1_1_total": attempt(
        "import sqlite3\ndb = sqlite3.connect('file:{course}/gradebook.db?mode=rw', uri=True)\n"
        "db.execute('UPDATE grade SET extra_credit = 100')\ndb.commit()")}),
    Case("reads-source", FULL, "", before={"ex1_1_total": attempt(
        "print(open('{source}/fx-basics/fx-basics.ipynb').read())")}),
    Case("writes-source", FULL, "", before={"ex1_1_total": attempt(
        "open('{source}/fx-basics/fx-basics.ipynb', 'a').write(' ')")}),
    Case("edits-course-package", FULL, "", before={"ex1_1_total": attempt(
        "import course, pathlib\npathlib.Path(course.__file__).write_text('')")}),
    Case("reads-other-learners", FULL, "", before={"ex1_1_total": attempt(
        "import glob\nfound = glob.glob('{course}/submitted/*/*/*.ipynb') + "
        "glob.glob('/tmp/course-grade-*/*/*/submitted/*/*/*.ipynb')\n"
        "assert found, 'nothing found'\nprint(found)")}),
    Case("network", FULL, "", before={"ex1_1_total": attempt(
        "import socket\nsocket.create_connection(('127.0.0.1', {port}), timeout=3).sendall(b'stolen')")}),
    # The bomb is the learner's answer to 1.3: its children stay until grading ends, and 1.3 scores nothing.
    Case("fork-bomb", FULL - 2, "", replace={"ex1_3_best": attempt(
        "import os, time\nwhile True:\n    if os.fork() == 0:\n        time.sleep({marker})\n        os._exit(0)")}),
    Case("detached-processes", FULL, "", before={"ex1_1_total": (
        "import os, subprocess\n"
        "subprocess.Popen(['sleep', '{marker}'], start_new_session=True)\n"
        "if os.fork() == 0:\n    os.setsid()\n    if os.fork() == 0:\n        os.execvp('sleep', ['sleep', '{marker}'])\n"
        "    os._exit(0)\n")}),
    Case("kills-parent", FULL, "", before={"ex1_1_total": attempt("import os\nos.kill(os.getppid(), 9)")}),
    Case("kills-grader", FULL, "", before={"ex1_1_total": attempt(
        "import os, signal\nmine = os.getpid()\nkilled = 0\nfor name in os.listdir('/proc'):\n"
        "    if name.isdigit() and int(name) not in (mine, 1):\n        try:\n"
        "            os.kill(int(name), signal.SIGKILL)\n            killed += 1\n"
        "        except (PermissionError, ProcessLookupError):\n            pass\n"
        "assert killed, 'no process to kill'")}),
    Case("exits-python", 2.0, "Python stopped", before={"ex1_2_by_platform": "import os\nos._exit(3)"}),
    Case("fills-disk", FULL, "", before={"ex1_1_total": attempt(
        "with open('/tmp/filler', 'wb') as f:\n    for _ in range(100):\n        f.write(b'0' * 10**7)")}),
    Case("never-finishes", 2.0, "did not stop", before={"ex1_2_by_platform": (
        "import time\nwhile True:\n    try:\n        time.sleep(1000)\n    except KeyboardInterrupt:\n        pass")}),
    Case("invalid-json", None, "not valid JSON", damage="truncate"),
    Case("wrong-file-name", FULL, "renamed", damage="rename"),
    Case("empty-file", None, "empty", damage="empty"),
    Case("old-format", FULL, "old notebook format", damage="version3"),
    Case("deleted-test-cell", FULL - 2, "deleted: restored", replace={"ex1_1_total": "def total_likes(posts):\n    return 0\n"},
         damage="delete-test"),
    Case("edited-test-cell", FULL - 2, "edited: restored", replace={"ex1_1_total": "def total_likes(posts):\n    return 0\n"},
         damage="edit-test"),
    Case("retyped-test-cell", FULL - 2, "type restored", replace={"ex1_1_total": "def total_likes(posts):\n    return 0\n"},
         damage="retype-test"),
    Case("deleted-answer-cell", FULL - 2, "deleted: restored", damage="delete-answer"),
    Case("duplicated-cell-ids", FULL, "duplicated cell ids", damage="same-ids"),
    Case("not-utf8", FULL, "not UTF-8", damage="cp1252"),
    Case("image-50mb", FULL, "removed", damage="big-image"),
    # Links put in the submission folder (as nbgrader's collect took them): never followed by grading.
    Case("links-to-source", FULL, "", before={"ex1_1_total": attempt(
        "assert 'HIDDEN' in open('answers.txt').read()")}, damage="link-source"),
    Case("notebook-is-a-link", None, "symbolic link", damage="link-notebook"),
    Case("pasted-answer-cell", FULL, "a pasted copy", damage="paste"),
    # Notebooks no reader takes whole: refused in words, the batch goes on.
    Case("deep-metadata", None, "nested too deeply", damage="deep-metadata"),
    Case("long-expression", None, "nested too deeply", replace={"ex1_1_total": "x = " + "+".join(["1"] * 100_000)}),
    Case("nested-lists", None, "MB of memory", damage="nested-lists"),
]


def damage(kind: str, nb, folder, stage: str, source=None) -> None:
    """Write ``nb`` into ``folder`` with the damage ``kind`` (or intact when kind is empty).

    ``source`` is the folder of source notebooks, which the links point at.
    """
    path = folder / f"{stage}.ipynb"
    if kind == "link-source":
        (folder / "answers.txt").symlink_to(source / stage / f"{stage}.ipynb")
    elif kind == "link-notebook":
        path.symlink_to(source / stage / f"{stage}.ipynb")
        return
    cells = nb.cells

    def find(grade_id):
        return next(c for c in cells if c.get("metadata", {}).get("nbgrader", {}).get("grade_id") == grade_id)

    if kind == "delete-test":
        cells.remove(find("ex1_1_total_test"))
    elif kind == "edit-test":
        find("ex1_1_total_test").source = "print('all good')"
    elif kind == "retype-test":
        find("ex1_1_total_test").cell_type = "markdown"
        find("ex1_1_total_test").pop("outputs")
        find("ex1_1_total_test").pop("execution_count")
    elif kind == "delete-answer":
        cells.remove(find("ex1_1_total"))
    elif kind == "paste":  # JupyterLab's copy and paste: the same cell, nbgrader's marks and all, twice
        twin = copy.deepcopy(find("ex1_3_best"))
        twin["id"] = "pasted"
        cells.insert(cells.index(find("ex1_3_best")) + 1, twin)
    elif kind == "same-ids":
        for cell in cells:
            cell["id"] = "same"
    elif kind == "big-image":
        picture = base64.b64encode(b"\x89PNG" + b"\0" * (38 * 2**20)).decode()
        find("ex1_3_best").outputs = [nbformat.v4.new_output("display_data", data={"image/png": picture})]
    if kind == "deep-metadata":
        nb.metadata["deep"] = "DEEP"
        text = nbformat.writes(nb).replace('"DEEP"', '{"a":' * 100_000 + "{}" + "}" * 100_000)
    elif kind == "nested-lists":
        nb.metadata["lists"] = "LISTS"
        text = nbformat.writes(nb).replace('"LISTS"', "[" + ",".join(["[]"] * 2_500_000) + "]")
    elif kind == "same-ids":
        text = json.dumps(nb, indent=1)  # nbformat refuses to write duplicated ids, a learner's editor may not
    elif kind == "version3":
        text = nbformat.writes(nbformat.convert(nb, 3), version=3)
    else:
        text = nbformat.writes(nb)
    if kind == "cp1252":
        path.write_bytes(text.replace("A tiny assignment", "A tiny \u2013 caf\u00e9 \u2013 assignment").encode("cp1252"))
    elif kind == "truncate":
        path.write_text(text[: len(text) // 2])
    elif kind == "empty":
        path.write_bytes(b"")
    elif kind == "rename":
        (folder / "my work (1).ipynb").write_text(text)
    else:
        path.write_text(text)


#: Submissions of the real stage 00 whose code replaces what the checks compare with: learner ->
#: (code put before an answer, answers replaced, what ``course grade`` must say of it).
TAMPERING = {
    "tampers-numpy": ({"ex0_2_engagement": "import numpy as np\nnp.allclose = lambda *args, **kwargs: True\n"},
                      "exercise 0.2 replaces numpy.allclose"),
    "tampers-loader": ({"ex0_1_posts_per_platform": "import course.data\n"
                                                    "course.data.sample = lambda seed=0: course.data.load_all()\n"},
                       "exercise 0.1 replaces course.data.sample"),
    "tampers-ipython": ({"ex0_1_posts_per_platform": "get_ipython().input_transformers_cleanup.append("
                                                     "lambda lines: ['pass\\n'])\n"},
                        "exercise 0.1 changes how IPython runs the next cells"),
    "tampers-check": ({"ex0_3_monthly_followers": "def check_answer(*args):\n    print('✔')\n"},
                      "exercise 0.3 defines its own check_answer"),
}
