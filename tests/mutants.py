"""One-token mutants of a model solution: the slips a learner makes, made mechanically.

Each mutant changes one thing in the solution region of a solution cell: a comparison
flipped or loosened (``>`` for ``>=``), an arithmetic or logical operator swapped, an
aggregate exchanged for its neighbour (the mean for the median), a sort reversed, a whole
number off by one, a keyword dropped (``observed=True``) or a cleaning call removed
(``.fillna(0)``, ``.str.lower()``). The test suite grades every mutant through the hidden
verdict; one that earns full marks must be listed, with the reason, as equivalent.

>>> source = "def f(x):\\n    ### BEGIN SOLUTION\\n    return x[x > 1].mean()\\n    ### END SOLUTION\\n"
>>> [m.name for m in mutants(source)]
['`mean` -> `median` in `return x[x > 1].mean()`', '`>` -> `>=` in `return x[x > 1].mean()`', '`1` -> `0` in `return x[x > 1].mean()`', '`1` -> `2` in `return x[x > 1].mean()`']
"""
from __future__ import annotations

import ast
import copy
from collections.abc import Iterator
from dataclasses import dataclass

COMPARISONS = {ast.Gt: ast.GtE, ast.GtE: ast.Gt, ast.Lt: ast.LtE, ast.LtE: ast.Lt, ast.Eq: ast.NotEq,
               ast.NotEq: ast.Eq}
OPERATORS = {ast.Add: ast.Sub, ast.Sub: ast.Add, ast.Mult: ast.Div, ast.Div: ast.Mult, ast.BitAnd: ast.BitOr,
             ast.BitOr: ast.BitAnd}
SYMBOLS = {ast.Gt: ">", ast.GtE: ">=", ast.Lt: "<", ast.LtE: "<=", ast.Eq: "==", ast.NotEq: "!=", ast.Add: "+",
           ast.Sub: "-", ast.Mult: "*", ast.Div: "/", ast.BitAnd: "&", ast.BitOr: "|"}
#: Aggregates and their nearest wrong neighbour.
METHODS = {"mean": "median", "median": "mean", "sum": "mean", "max": "min", "min": "max", "idxmax": "idxmin",
           "idxmin": "idxmax", "nlargest": "nsmallest", "nsmallest": "nlargest", "head": "tail", "tail": "head",
           "first": "last", "last": "first", "std": "var", "count": "size", "size": "count", "nunique": "count",
           "cumsum": "cumprod", "floor": "ceil", "ceil": "floor"}
#: Calls a learner forgets: the mutant keeps what they are called on.
DROPPABLE = {"fillna", "dropna", "lower", "upper", "strip", "abs", "clip", "round", "sort_values", "sort_index",
             "drop_duplicates", "normalize", "astype", "reindex", "unique"}
#: Keywords a learner leaves out.
OMITTABLE = {"observed", "ddof", "dropna", "ascending", "fill_value", "min_count", "closed", "normalize", "keep",
             "inclusive", "sort", "how", "errors"}


@dataclass(frozen=True)
class Mutant:
    name: str
    source: str


def _region(source: str) -> range:
    """The line numbers (1-based) between the cell's solution markers, or the whole cell."""
    lines = source.splitlines()
    begin = next((i for i, line in enumerate(lines) if "### BEGIN SOLUTION" in line), None)
    end = next((i for i, line in enumerate(lines) if "### END SOLUTION" in line), None)
    return range(begin + 2, end + 1) if begin is not None and end is not None else range(1, len(lines) + 1)


def _changes(node: ast.AST) -> Iterator[tuple[str, callable]]:
    """(what changes, how to change a copy of ``node``) for each one-token mutation of this node alone."""
    if isinstance(node, ast.Compare):
        for i, op in enumerate(node.ops):
            if type(op) in COMPARISONS:
                new = COMPARISONS[type(op)]
                yield (f"`{SYMBOLS[type(op)]}` -> `{SYMBOLS[new]}`",
                       lambda n, i=i, new=new: n.ops.__setitem__(i, new()))
    elif isinstance(node, ast.BinOp) and type(node.op) in OPERATORS:
        new = OPERATORS[type(node.op)]
        yield f"`{SYMBOLS[type(node.op)]}` -> `{SYMBOLS[new]}`", lambda n, new=new: setattr(n, "op", new())
    elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        method = node.func.attr
        if method in METHODS:
            yield (f"`{method}` -> `{METHODS[method]}`",
                   lambda n: setattr(n.func, "attr", METHODS[n.func.attr]))
        for i, keyword in enumerate(node.keywords):
            if isinstance(keyword.value, ast.Constant) and isinstance(keyword.value.value, bool):
                flipped = not keyword.value.value
                yield (f"`{keyword.arg}={keyword.value.value}` -> `{flipped}`",
                       lambda n, i=i, flipped=flipped: setattr(n.keywords[i].value, "value", flipped))
            if keyword.arg in OMITTABLE:
                yield f"`{keyword.arg}=` left out", lambda n, i=i: n.keywords.pop(i)
    elif isinstance(node, ast.Constant) and type(node.value) is int:
        for new in (node.value - 1, node.value + 1):
            if new >= 0:
                yield f"`{node.value}` -> `{new}`", lambda n, new=new: setattr(n, "value", new)


def _dropped_calls(node: ast.AST) -> Iterator[tuple]:
    """(what, parent, field, call, what replaces it) for each call of a method a learner might forget under ``node``."""
    for parent in ast.walk(node):
        for field, value in ast.iter_fields(parent):
            children = value if isinstance(value, list) else [value]
            for child in children:
                if (isinstance(child, ast.Call) and isinstance(child.func, ast.Attribute)
                        and child.func.attr in DROPPABLE):
                    receiver = child.func.value
                    if isinstance(receiver, ast.Attribute) and receiver.attr == "str":
                        receiver = receiver.value  # .str.lower() goes as a whole
                    yield f"`.{child.func.attr}(...)` left out", parent, field, child, receiver


def mutants(source: str) -> Iterator[Mutant]:
    """Every one-token mutant of the solution region of ``source``, named by what changed and on which line."""
    tree = ast.parse(source)
    region = _region(source)
    lines = source.splitlines()

    def named(what: str, node: ast.AST) -> str:
        return f"{what} in `{lines[node.lineno - 1].strip()}`"

    nodes = [n for n in ast.walk(tree) if getattr(n, "lineno", 0) in region]
    for index, node in enumerate(nodes):
        for what, change in _changes(node):
            mutated = copy.deepcopy(tree)
            target = [n for n in ast.walk(mutated) if getattr(n, "lineno", 0) in region][index]
            change(target)
            yield Mutant(named(what, node), ast.unparse(mutated))
    for what, parent, field, child, receiver in _dropped_calls(tree):
        if getattr(child, "lineno", 0) not in region:
            continue
        value = getattr(parent, field)
        replaced = [receiver if v is child else v for v in value] if isinstance(value, list) else receiver
        setattr(parent, field, replaced)
        yield Mutant(named(what, child), ast.unparse(tree))
        setattr(parent, field, value)


# Reasons several stages give for an equivalent mutant, written once (the proof sets' EQUIVALENT_MUTANTS).
#: An inner join for a left one, when the table's account ids are all keys of accounts.
KEY = ("every {what}'s account_id is a key of accounts (the data dictionary says so, and tests/test_data.py "
       "checks it), so an inner join keeps every row, as the left join does")
#: observed=False, or observed= left out, when every category occurs.
ALL_SEEN = ("every {what} occurs in every table the function is asked about, so grouping by the categories that "
            "occur (observed=True) or by all of them (observed=False, pandas 2's default) gives the same groups")
#: observed= left out where observed=False would differ: only pandas 2's default differs from pandas 3's.
DEFAULT = ("pandas 3 (the version the course pins) groups a category column by the categories that occur by "
           "default, as observed=True does; pandas 2.2's default keeps every category, which is why the hint and "
           "the recipe write observed=True")
