"""The visible checks of stage 05, Engagement: what each test cell's one line runs.

Each part names the function it calls, how (on the tables of one seed), which properties a
hidden test compares, and the common slips it names first, on the practice data.

>>> edge_comments()["label"].dtype == load("comments")["label"].dtype
True
"""

from __future__ import annotations

from functools import partial

import numpy as np
import pandas as pd

from ..data import load, typed
from ..schema import PLATFORMS
from . import collect
from .exact import Part

STAGE = "05-engagement"

BANDS = ["fast", "slow", "no reply"]
QUEUE_COLUMNS = ["comment_id", "account_id", "platform", "created_at", "waiting_hours", "escalate"]
#: The moments and escalation limits (hours) the hidden tests ask waiting_questions about.
QUEUE_MOMENTS = {"a": (pd.Timestamp("2025-11-12 18:00"), 48), "b": (pd.Timestamp("2025-03-03 09:00"), 72)}
#: The moment of the small table of edge cases (a Wednesday noon), asked with an escalation limit of 48 hours.
EDGE_NOW = pd.Timestamp("2025-06-04 12:00")
#: Each edge case: comment id, label, minutes before EDGE_NOW it was asked, reply minutes ("" for none).
EDGE_CASES = [
    ("E01", "question", 49 * 60, ""),         # waiting 49 hours: in the queue, escalated
    ("E02", "question", 48 * 60, ""),         # waiting exactly 48 hours: escalated (at least the limit)
    ("E03", "question", 48 * 60 - 1, ""),     # one minute short of 48 hours: not escalated
    ("E04", "question", 90, "90"),            # answered exactly at now: answered, not in the queue
    ("E05", "question", 90, "91"),            # answered a minute after now: still waiting at now
    ("E06", "question", 0, ""),               # asked exactly at now: not asked before now
    ("E07", "question", -60, ""),             # asked after now
    ("E08", "criticism", 180, ""),            # not a question
    ("E09", "question", 30 * 24 * 60, str(31 * 24 * 60)),  # waiting 30 days, answered the next day
    ("E10", "question", 120, "30"),           # answered before now
    ("E11", "question", 10 * 24 * 60, ""),    # waiting 10 days: kept, escalated
    ("E12", "question", 60, ""),              # asked in the same minute as E13: either order
    ("E13", "question", 60, ""),
]


def _queue_columns(result, columns) -> None:
    """A queue compared question by question (by ``comment_id``) on ``columns``, and on its sequence of times.

    Questions asked in the same minute may come in any order: only the sequence of ``created_at`` is compared.
    The names of its columns are compared too, in any order (rule 4: the six columns, no more).
    """
    collect.value(sorted(str(name) for name in result.columns), name="columns")
    mine = result.set_index("comment_id")
    for name in columns:
        if name == "created_at":
            collect.labels(result.set_index("created_at"), order=True, name=name)
        else:
            column = mine[name].astype(str) if name == "platform" else mine[name]
            collect.series(column, order=False, rtol=1e-6 if name == "waiting_hours" else 0, name=name)


#: What the hidden tests compare of a queue on the course's data sets, and of the queue of the edge cases.
queue = partial(_queue_columns, columns=["account_id", "created_at", "platform", "waiting_hours", "escalate"])
edge_queue = partial(_queue_columns, columns=["created_at", "waiting_hours", "escalate"])


#: The cases with no comparison at exactly `now` or at the limit: a queue's old questions, for parts a and b.
OLD_CASES = ("E01", "E03", "E05", "E08", "E09", "E10", "E11")
#: The edge cases of reply times: comment id, account, label, reply minutes (None: never answered), came back.
EDGE_REPLIES = [
    ("R01", "INS-FB", "question", 240, True),     # answered exactly at 4 hours: in time for 4 hours
    ("R02", "INS-FB", "question", 60, False),     # exactly at 60 minutes: in time for 1 hour, and fast at 60
    ("R03", "INS-FB", "question", 180, True),     # exactly at 180 minutes: fast at 180
    ("R04", "INS-FB", "question", None, False),   # never answered: not in time, "no reply"
    ("R05", "INS-FB", "question", 241, True),
    ("R06", "INS-FB", "criticism", 30, True),     # not a question
    ("R07", "INS-X", "question", None, True),     # the institution's X account: questions, none answered
    ("R08", "INS-X", "question", None, False),
    ("R09", "MEM01-X", "question", 61, True),
    ("R10", "MEM01-X", "question", 179, False),
    ("R11", "MEM01-LI", "question", None, False),  # a member's LinkedIn account: a question, never answered
    ("R12", "COM-FIN-X", "criticism", 45, True),   # an account with comments but no question: no share
]


def _comments(rows) -> pd.DataFrame:
    """A comments table with every column of the data dictionary; ``rows`` are (id, account, platform, label,
    asked, reply minutes or None, came back)."""
    records = [{"comment_id": comment_id, "post_id": "P000001", "account_id": account, "platform": platform,
                "created_at": f"{asked:%Y-%m-%d %H:%M}", "commenter_id": f"U9{comment_id[1:]:0>4}", "label": kind,
                "text": "When is the next consultation open?" if kind == "question"
                else "This took far too long to decide.", "replied": "false" if minutes is None else "true",
                "reply_minutes": minutes, "returned_30d": "true" if back else "false"}
               for comment_id, account, platform, kind, asked, minutes, back in rows]
    return typed(pd.DataFrame(records), "comments")


def edge_comments(ids=None) -> pd.DataFrame:
    """A comments table holding the edge cases of the queue (those of ``ids`` only, if given)."""
    return _comments([(comment_id, "INS-FB", "facebook", kind, EDGE_NOW - pd.Timedelta(minutes=before),
                       float(minutes) if minutes else None, False)
                      for comment_id, kind, before, minutes in EDGE_CASES if ids is None or comment_id in ids])


def edge_replies() -> pd.DataFrame:
    """A comments table holding the edge cases of reply times (EDGE_REPLIES), one hour apart."""
    first = pd.Timestamp("2025-06-02 09:00")
    platforms = {"INS-FB": "facebook", "INS-X": "x", "MEM01-X": "x", "MEM01-LI": "linkedin", "COM-FIN-X": "x"}
    return _comments([(comment_id, account, platforms[account], kind, first + pd.Timedelta(hours=number),
                       None if minutes is None else float(minutes), back)
                      for number, (comment_id, account, kind, minutes, back) in enumerate(EDGE_REPLIES)])


def _reply_minutes_slips(account_type, other_type):
    """The slips of median_reply_minutes for ``account_type``, whose medians must differ from ``other_type``'s."""

    def slips(check, median_reply_minutes):
        comments, accounts = load("comments"), load("accounts")
        medians = check.call(median_reply_minutes, comments, accounts, account_type)
        check.series(medians, f"the median reply times of the {account_type}'s accounts")
        check.that({str(i) for i in medians.index} <= set(PLATFORMS),
                   "the index should be the platform, such as 'facebook'.")
        check.that(bool((medians.astype(float) > 0).all()), "every median reply time should be a positive number "
                   "of minutes.")
        check.that(not medians.equals(check.call(median_reply_minutes, comments, accounts, other_type)),
                   f"the {account_type} and the {other_type} give the same medians: did you keep only the "
                   "accounts of `account_type`?")

    return slips


def _service_level_slips(hours, other_hours=None):
    """The slips of service_level within ``hours``; with ``other_hours``, whether the limit follows the argument."""

    def slips(check, service_level):
        comments = load("comments")
        level = check.call(service_level, comments, hours)
        check.series(level, f"service_level(comments, {hours})")
        check.rate(level, "each account's share of questions answered in time")
        asked = set(comments.loc[comments["label"] == "question", "account_id"])
        check.that({str(i) for i in level.index} == asked,
                   "give one share for each account with at least one question, indexed by `account_id`.")
        check.that(bool((level < 1).any()), "every account answers all its questions in time? Count the questions "
                   "never answered as missed, and divide by all the questions, not by the answered ones.")
        other = None if other_hours is None else check.call(service_level, comments, other_hours)
        check.that(other is None or not level.equals(other), "another limit gives the same shares: compare "
                   "`reply_minutes` with `hours` × 60 minutes, using the argument `hours`.")

    return slips


def _return_rate_slips(fast_minutes, other_minutes=None):
    """The slips of return_rate_by_speed; with ``other_minutes``, whether the limit follows the argument."""

    def slips(check, return_rate_by_speed):
        comments = load("comments")
        rates = check.call(return_rate_by_speed, comments, fast_minutes)
        check.series(rates, f"return_rate_by_speed(comments, {fast_minutes})", index=BANDS)
        check.rate(rates, "each band's share of people who came back")
        other = None if other_minutes is None else check.call(return_rate_by_speed, comments, other_minutes)
        check.that(other is None or not rates.equals(other), "another `fast_minutes` gives the same shares: use "
                   "the argument `fast_minutes` as the limit of a fast answer.")

    return slips


def _queue_slips(part):
    now, limit = QUEUE_MOMENTS[part]

    def slips(check, waiting_questions):
        comments = load("comments")
        waiting = check.call(waiting_questions, comments, now, limit)
        check.frame(waiting, QUEUE_COLUMNS, "the queue")
        asked = waiting["created_at"]
        check.that(bool((asked < now).all()), "a question in the queue was asked at or after `now`: keep only the "
                   "questions asked before `now`.")
        labels = comments.set_index("comment_id")["label"]
        check.that(bool((waiting["comment_id"].map(labels) == "question").all()),
                   "the queue holds comments that are not questions: keep the comments labelled 'question'.")
        check.that(asked.is_monotonic_increasing, "put the question waiting longest (the oldest) first.")
        hours_waited = waiting["waiting_hours"].astype(float)
        check.that(bool((hours_waited > 0).all()), "`waiting_hours` should be the hours from `created_at` to `now`, "
                   "a positive number.")
        check.that(bool((hours_waited > 7 * 24).any()), "the queue holds no question waiting more than a week: keep "
                   "every question still waiting, however old (old ones are flagged with `escalate`, not dropped).")
        check.that(bool(waiting["escalate"].map(lambda v: isinstance(v, (bool, np.bool_))).all()),
                   "`escalate` should be True or False for each question.")
        check.that(bool((waiting["escalate"] == (hours_waited >= limit)).all()),
                   f"`escalate` should be True exactly when the question has waited at least `escalate_hours` hours "
                   f"({limit} here): use the argument `escalate_hours`, not a number typed in.")

    return slips


def _edge_slips(check, waiting_questions):
    waiting = check.call(waiting_questions, edge_comments(), EDGE_NOW, 48)
    check.frame(waiting, QUEUE_COLUMNS, "the queue of a small table of edge cases")
    ids = set(waiting["comment_id"])
    check.that("E06" not in ids, "a question asked exactly at `now` is in the queue: keep only the questions asked "
               "*before* `now` (`<`, not `<=`).")
    check.that("E04" not in ids, "a question answered exactly at `now` is in the queue: a reply at `now` counts as "
               "answered, so keep replies *after* `now` (`>`, not `>=`).")


REPLY_HINTS = {
    "labels": "Give one median per platform on which that account type has answered questions (leave out a "
              "platform whose questions were never answered).",
    "values": "Keep only the questions on the accounts of `account_type` (merge in `accounts` for it), and take the "
              "median (not the mean) of `reply_minutes`, in minutes.",
}
LEVEL_HINTS = {
    "labels": "Give one share per account (`account_id`) with at least one question.",
    "values": "Keep only the questions; a question is in time when `reply_minutes` is at most (`<=`) "
              "`hours` × 60, and a question never answered counts as missed. Divide by all the account's questions.",
}
RETURN_HINTS = {
    "labels": "Use exactly the three bands 'fast', 'slow' and 'no reply'.",
    "values": "Keep only the questions; 'fast' is `reply_minutes` at most (`<=`) `fast_minutes`, 'slow' any "
              "later reply, 'no reply' never answered; then the mean of `returned_30d` in each band.",
}
QUEUE_RULE = ("Follow the rules in order: questions only, asked before `now` (however long ago), and not answered "
              "by `now`: never answered, or answered after `now` (created_at + reply_minutes).")
QUEUE_HINTS = {
    "labels": QUEUE_RULE,
    "account_id: labels": f"It holds other questions (by `comment_id`) than expected. {QUEUE_RULE}",
    "created_at: labels": f"It holds other questions than expected. {QUEUE_RULE}",
    "account_id: values": "Keep each question's own `account_id`.",
    "platform: values": "Keep each question's own `platform`.",
    "waiting_hours: values": "`waiting_hours` is `(now - created_at) / pd.Timedelta(hours=1)`.",
    "escalate: values": "`escalate` is True when `waiting_hours` is at least `escalate_hours`, False otherwise.",
    "columns: value": "Return exactly the six columns of rule 4 (`queue[[\"comment_id\", ...]]`), no more.",
    "created_at: order": "Sort by `created_at`, the oldest question (waiting longest) first.",
}


def _reply(account_type):
    return lambda tables: [(tables["comments"], tables["accounts"], account_type)]


def _edge_reply(account_type):
    return lambda: [(edge_replies(), load("accounts"), account_type)]


def _waiting(part):
    now, limit = QUEUE_MOMENTS[part]
    return lambda tables: [(tables["comments"], now, limit)]


#: What the hidden tests compare of a Series: a value per label, whatever the order of the labels.
RATES = partial(collect.series, order=False, rtol=1e-6, atol=1e-8)
SHARES = partial(collect.series, order=False, rtol=1e-6)

def _edge_waiting(part):
    return lambda: [(edge_comments(OLD_CASES), EDGE_NOW, QUEUE_MOMENTS[part][1])]


PARTS = {
    "5.1a": Part("Exercise 5.1", "median_reply_minutes", _reply("institution"), RATES,
                 _reply_minutes_slips("institution", "member"), REPLY_HINTS, edges=_edge_reply("institution")),
    "5.1b": Part("Exercise 5.1", "median_reply_minutes", _reply("member"), RATES,
                 _reply_minutes_slips("member", "institution"), REPLY_HINTS, edges=_edge_reply("member")),
    "5.2a": Part("Exercise 5.2", "service_level", lambda t: [(t["comments"], 4)], RATES,
                 _service_level_slips(4), LEVEL_HINTS, edges=lambda: [(edge_replies(), 4)]),
    "5.2b": Part("Exercise 5.2", "service_level", lambda t: [(t["comments"], 1)], RATES,
                 _service_level_slips(1, 4), LEVEL_HINTS, edges=lambda: [(edge_replies(), 1)]),
    "5.3a": Part("Exercise 5.3", "return_rate_by_speed", lambda t: [(t["comments"], 60)], SHARES,
                 _return_rate_slips(60), RETURN_HINTS, edges=lambda: [(edge_replies(), 60)]),
    "5.3b": Part("Exercise 5.3", "return_rate_by_speed", lambda t: [(t["comments"], 180)], SHARES,
                 _return_rate_slips(180, 60), RETURN_HINTS, edges=lambda: [(edge_replies(), 180)]),
    # Parts a and b also try the old questions of the edge cases (none exactly at `now` or at the limit: those
    # are part c's), with their own limit.
    "5.4a": Part("Exercise 5.4", "waiting_questions", _waiting("a"), queue, _queue_slips("a"), QUEUE_HINTS,
                 edges=_edge_waiting("a")),
    "5.4b": Part("Exercise 5.4", "waiting_questions", _waiting("b"), queue, _queue_slips("b"), QUEUE_HINTS,
                 edges=_edge_waiting("b")),
    # The edge cases only: no call on the course's data sets.
    "5.4c": Part("Exercise 5.4", "waiting_questions", lambda t: [], edge_queue, _edge_slips, QUEUE_HINTS,
                 edges=lambda: [(edge_comments(), EDGE_NOW, 48)]),
}
