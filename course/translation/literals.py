"""The words a display cell shows, found in its code and swapped for their translation.

A teaching cell's code is the same in every language; only the string literals a learner
reads change: a chart's ``title``, axis and legend labels, an explorer control's
``description``, and what ``print`` writes. Everything else (column names, codes, the
data's values) is code and stays as it is.

>>> code = 'charts.bar(t, x="platform", y="n",\\n           title="Posts by platform")'
>>> [text for text, _ in literals(code)]
['Posts by platform']
>>> print(swap(code, {"Posts by platform": "Publications par plateforme"}))
charts.bar(t, x="platform", y="n",
           title="Publications par plateforme")

An f-string is written with its placeholders, which the translation keeps:

>>> [text for text, _ in literals('print(f"{n} posts in {year}", sep="")')]
['{n} posts in {year}']
"""

from __future__ import annotations

import ast
import io
import tokenize

__all__ = ["DISPLAY_KEYWORDS", "DISPLAY_CALLS", "LINE_LENGTH", "literals", "outside_literals", "swap"]

#: Keyword arguments whose text a learner reads (the chart and explorer helpers' labels).
DISPLAY_KEYWORDS = frozenset({"title", "x_label", "y_label", "legend", "value_label", "description",
                              "annotation_text"})
#: Functions every string argument of which is shown as it is written.
DISPLAY_CALLS = frozenset({"print"})
#: The longest code line a notebook may have (the book's code column).
LINE_LENGTH = 79


def _text(node: ast.expr) -> str | None:
    """A literal's text, an f-string's with its placeholders written as in the source; None for code."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(_piece(value) for value in node.values)
    return None


def _piece(value: ast.expr) -> str:
    if isinstance(value, ast.Constant):
        return value.value.replace("{", "{{").replace("}", "}}")
    conversion = f"!{chr(value.conversion)}" if value.conversion != -1 else ""
    spec = f":{''.join(_piece(v) for v in value.format_spec.values)}" if value.format_spec else ""
    return f"{{{ast.unparse(value.value)}{conversion}{spec}}}"


def _nodes(code: str) -> list[tuple[ast.expr, ast.AST, ast.AST]]:
    """The displayed literals of ``code`` in the order they are written, each with its argument
    (the keyword argument holding it, or the literal itself) and the first argument of its call."""
    try:
        tree = ast.parse(code)
    except SyntaxError:
        return []  # a cell that does not parse has no literal to translate; the sync tests say so
    found = []
    for call in (n for n in ast.walk(tree) if isinstance(n, ast.Call)):
        name = call.func.attr if isinstance(call.func, ast.Attribute) else getattr(call.func, "id", "")
        first = min([*call.args, *call.keywords], key=lambda n: (n.lineno, n.col_offset), default=None)
        if name in DISPLAY_CALLS:
            found += [(a, a, first) for a in call.args if _text(a) is not None]
        found += [(k.value, k, first) for k in call.keywords
                  if k.arg in DISPLAY_KEYWORDS and _text(k.value) is not None]
    return sorted(found, key=lambda found: (found[0].lineno, found[0].col_offset))


def _offsets(code: str) -> list[int]:
    """Where each line of ``code`` starts, in characters (ast gives columns in UTF-8 bytes)."""
    starts, total = [], 0
    for line in code.splitlines(keepends=True):
        starts.append(total)
        total += len(line)
    return starts + [total]


def _span(code: str, node: ast.AST) -> tuple[int, int]:
    lines = code.splitlines(keepends=True)
    starts = _offsets(code)

    def at(line: int, byte_column: int) -> int:
        return starts[line - 1] + len(lines[line - 1].encode()[:byte_column].decode())

    return at(node.lineno, node.col_offset), at(node.end_lineno, node.end_col_offset)


def literals(code: str) -> list[tuple[str, tuple[int, int]]]:
    """Each displayed literal of ``code``: its text and where it is written (start, end)."""
    return [(_text(node), _span(code, node)) for node, _, _ in _nodes(code)]


def outside_literals(code: str) -> list[tuple[int, str]]:
    """The code around the displayed literals, as tokens: it must be the same in every language.

    Line breaks inside brackets do not count (a longer translation may need one); every other
    token, comments and other strings included, does.

    >>> outside_literals('print("Hello", n)') == outside_literals('print(\\n    "Bonjour", n)')
    True
    >>> outside_literals('print("Hello", n)') == outside_literals('print("Hello", m)')
    False
    """
    masked, start = [], 0
    for _, (begin, end) in literals(code):
        masked += [code[start:begin], '"..."']
        start = end
    masked.append(code[start:])
    try:
        tokens = list(tokenize.generate_tokens(io.StringIO("".join(masked)).readline))
    except (tokenize.TokenError, SyntaxError):
        return [(-1, code)]  # code that does not tokenize is compared as it is written
    return [(t.type, t.string) for t in tokens if t.type != tokenize.NL]


def _quoted(text: str, fstring: bool) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'{"f" if fstring and "{" in text else ""}"{escaped}"'


def _words(text: str) -> list[str]:
    """``text`` cut after each space outside a placeholder, so that a placeholder stays whole."""
    words, depth, current = [], 0, ""
    for char in text:
        current += char
        depth += {"{": 1, "}": -1}.get(char, 0)
        if char == " " and depth == 0:
            words.append(current)
            current = ""
    return words + [current] if current else words


def _written(text: str, fstring: bool, column: int, tail: int) -> str:
    """``text`` as a literal starting at ``column``, cut into pieces on several lines if it is too long."""
    if column + len(_quoted(text, fstring)) + tail <= LINE_LENGTH:
        return _quoted(text, fstring)
    lines: list[list[str]] = [[]]
    for word in _words(text):
        if lines[-1] and column + len(_quoted("".join(lines[-1]) + word, fstring)) > LINE_LENGTH:
            lines.append([])
        lines[-1].append(word)
    if len(lines[-1]) > 1 and column + len(_quoted("".join(lines[-1]), fstring)) + tail > LINE_LENGTH:
        lines.append([lines[-1].pop()])  # what follows the literal must fit on its last line too
    return ("\n" + " " * column).join(_quoted("".join(words), fstring) for words in lines)


def swap(code: str, translations: dict[str, str]) -> str:
    """``code`` with each displayed literal that ``translations`` knows written in its translation.

    A translation too long for its line starts a line of its own, then is cut into pieces written
    one under the other, so lines stay short:

    >>> print(swap('f(x_label="A", y_label="B")', {"B": "Une phrase " * 7}).replace("Une phrase ", "U "))
    f(x_label="A",
      y_label="U U U U U U "
              "U ")
    """
    for node, argument, first in reversed(_nodes(code)):
        text = _text(node)
        if not translations.get(text):
            continue
        begin, end = _span(code, node)
        line_start = code.rfind("\n", 0, begin) + 1
        tail = (code.find("\n", end) if "\n" in code[end:] else len(code)) - end
        fstring = isinstance(node, ast.JoinedStr)
        written = _quoted(translations[text], fstring)
        arg_begin = _span(code, argument)[0]
        before = code[line_start:arg_begin]
        if begin - line_start + len(written) + tail > LINE_LENGTH and before.rstrip().endswith(",") \
                and first is not argument:
            # Start the argument on a line of its own, under the first argument of its call.
            first_begin = _span(code, first)[0]
            indent = first_begin - (code.rfind("\n", 0, first_begin) + 1)
            kept = before.rstrip()
            code = code[:line_start] + kept + "\n" + " " * indent + code[arg_begin:]
            shift = line_start + len(kept) + 1 + indent - arg_begin
            begin, end, line_start = begin + shift, end + shift, line_start + len(kept) + 1
        code = code[:begin] + _written(translations[text], fstring, begin - line_start, tail) + code[end:]
    return code
