"""The visible checks of stage 06, Risks: what each test cell's one line runs.

Each part names the function it calls, how (on the tables of one seed), which properties a
hidden test compares, and the common slips it names first, on the practice data.

>>> import pandas as pd
>>> day_label(pd.Timestamp("2025-06-22")), day_label(pd.Period("2025-06-16/2025-06-22", "W"))
('2025-06-22', '2025-06-22')
>>> rows_by_key(pd.DataFrame({"k": ["b", "a"], "n": [2, 1]}), ["k"], ["n"])["labels"]
[['a'], ['b']]
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from ..data import load
from .exact import Part
from .fingerprint import _kind, by_label, label, rounded

STAGE = "06-risks"

CLUSTER_COLUMNS = ["copies", "commenters", "minutes"]
SPIKE_COLUMNS = ["account_id", "date", "gained", "times_usual"]


def day_label(value: Any) -> str:
    """A day as a hidden test compares it: a date, a timestamp or a week (read as the Sunday that ends it)."""
    if isinstance(value, pd.Period):
        return value.end_time.strftime("%Y-%m-%d")
    try:
        return pd.Timestamp(value).strftime("%Y-%m-%d")
    except (TypeError, ValueError):
        return label(value)


def by_day(result: Any) -> dict[str, Any]:
    """A Series indexed by days (or weeks), compared day by day, whatever the order of its rows."""
    return by_label(result, day_label)


def rows_by_key(result: Any, keys: list[str], values: list[str], index_as: str | None = None) -> dict[str, Any]:
    """A DataFrame compared row by row in the order of ``keys``, whatever the order of its rows.

    ``index_as`` names the key that may be the index instead of a column.
    """
    view: dict[str, Any] = {"type": _kind(result)}
    if view["type"] != "DataFrame":
        return view
    table = result.rename_axis(index_as).reset_index() if index_as and index_as not in result.columns else result
    view["rows"] = len(table)
    missing = [c for c in keys + values if c not in table.columns]
    if missing:
        view.update({f"column {c}": None for c in missing})
        return view
    read = {c: (day_label if c == "date" else label) for c in keys}
    rows = sorted((tuple(read[k](v) for k, v in zip(keys, row[:len(keys)])), row[len(keys):])
                  for row in table[keys + values].itertuples(index=False, name=None))
    view["labels"] = [list(k) for k, _ in rows]
    for i, name in enumerate(values):
        view[f"column {name}"] = [rounded(v[i]) for _, v in rows]
    return view


def with_second_wave(comments: pd.DataFrame) -> pd.DataFrame:
    """The comments with the ten days of the June 2025 wave copied four weeks later: a second wave soon after.

    The hidden tests of Exercise 6.1 use it, so that a baseline that takes the first wave in misses the second.
    """
    vote = pd.Timestamp("2025-06-18")
    wave = comments[comments["created_at"].between(vote, vote + pd.Timedelta(days=10), inclusive="left")]
    again = wave.assign(created_at=wave["created_at"] + pd.Timedelta(weeks=4), comment_id=wave["comment_id"] + "B")
    return pd.concat([comments, again], ignore_index=True)


def _alert_weeks_slips(account_type, weeks, factor, minimum):
    def slips(check, alert_weeks):
        comments, accounts = load("comments"), load("accounts")
        if account_type == "member":
            comments = with_second_wave(comments)
        alerts = check.call(alert_weeks, comments, accounts, account_type, weeks, factor, minimum)
        check.series(alerts, "the alert weeks")
        check.rate(alerts, "the share of abusive comments in an alert week")
        check.that(len(alerts) < 40, "nearly every week raises an alert: compare each week's share with factor "
                                     "times its baseline, not with the baseline alone.")
        first = (pd.Timestamp("2024-01-07") + pd.Timedelta(weeks=weeks)).strftime("%Y-%m-%d")
        check.that(all(day_label(w) >= first for w in alerts.index),
                   f"a week among the first {weeks} raises an alert, yet it has no full baseline yet: the baseline "
                   f"is the mean of the {weeks} weeks *before* each week (`.rolling(weeks).mean().shift(1)`).")

    return slips


def _clusters_slips(check, message_clusters):
    comments = load("comments")
    clusters = check.call(message_clusters, comments)
    check.frame(clusters, CLUSTER_COLUMNS, "the clusters")
    keys = [str(k) for k in clusters.index]
    check.that(all(k == " ".join(k.split()) and k == k.lower() for k in keys),
               "the index should hold the normalised messages: lowercase, with single spaces and no space at the ends.")
    check.that(not any(ch in k for k in keys for ch in ".,:!?'"),
               "a message in the index still holds punctuation: remove every character that is not a letter, a digit "
               "or a space.")
    check.that(len(clusters) < 50, "there are far too many clusters: keep only the comments labelled disinformation.")
    check.that(pd.api.types.is_numeric_dtype(clusters["minutes"]),
               "`minutes` should be a number of minutes: divide the duration by `pd.Timedelta(minutes=1)`.")
    check.that(bool((clusters["commenters"] <= clusters["copies"]).all()),
               "a cluster has more commenters than copies: count the distinct commenter_id (`nunique`), and the "
               "copies with `size` or `count`.")


def _spikes_slips(factor, minimum):
    def slips(check, follower_spikes):
        spikes = check.call(follower_spikes, load("followers"), factor, minimum)
        check.frame(spikes, ["account_id", "date", "gained", "times_usual"], "the spikes", min_rows=0)
        check.that(bool((spikes["times_usual"] >= factor).all()),
                   f"a row is below {factor} times the usual day: keep only the days at or above it.")
        check.that(bool((spikes["gained"] >= minimum).all()),
                   f"a row gained fewer than {minimum} followers: keep only the days with at least `minimum`.")
        check.that(len(spikes) > 0, "no day is a spike, yet one account gained thousands of followers in a day: "
                                    "compare each day with its own account's median day.")

    return slips


def _score_slips(audit_date):
    def slips(check, security_score):
        accounts = load("accounts")
        scores = check.call(security_score, accounts, audit_date)
        check.series(scores, "the security scores", index=accounts["account_id"])
        check.that(bool(((scores >= 0) & (scores <= 5)).all()), "a score should be a whole number from 0 to 5: one "
                                                                "point for each of the five rules.")
        check.that(scores.nunique() > 1, "every account has the same score: check each rule on each account's row.")

    return slips


ALERT_HINTS = {
    "labels": "Label each week by the Sunday that ends it (`.resample(\"W\")`); a week alerts when its share is above "
              "factor times the mean share of the `weeks` most recent earlier weeks that did not alert, and it has "
              "at least `minimum` abusive comments; an alert week stays out of later baselines.",
    "values": "The value of an alert week is its share of abusive comments: abusive comments / all comments that week, "
              "on this account type's accounts only.",
}
CLUSTER_HINTS = {
    "rows": "One row per normalised message, among the comments labelled disinformation only.",
    "labels": "Normalise exactly as the statement says: lowercase, remove (do not replace by a space) every character "
              "that is not a letter, a digit or a space, then collapse runs of spaces into one and strip the ends.",
    "column copies": "`copies` counts the comments of the cluster.",
    "column commenters": "`commenters` counts the distinct commenter_id of the cluster (`nunique`).",
    "column minutes": "`minutes` is the time from the cluster's first created_at to its last, in minutes (0 for one copy).",
}
SPIKE_HINTS = {
    "rows": "Keep the days whose gain is at least factor times the account's usual day (the median of that account's "
            "own daily gains, or 1 if that median is below 1) and at least `minimum` followers.",
    "labels": "Keep the days whose gain is at least factor times the account's usual day: the median of that account's "
              "own daily gains (every day of the table), or 1 if that median is below 1.",
    "column gained": "`gained` is the followers gained that day, as in the table.",
    "column times_usual": "`times_usual` is the day's gain divided by the account's usual day (its median day, at "
                          "least 1).",
}
SCORE_HINTS = {
    "labels": "One score for every account, indexed by account_id.",
    "values": "One point for each rule: two-factor on, no shared password, recovery verified, 2 to 4 admins, and a "
              "review at most 365 days before the audit date.",
}

PARTS = {
    "6.1a": Part("Exercise 6.1", "alert_weeks", lambda t: [(with_second_wave(t["comments"]), t["accounts"], "member", 8, 2, 20)], by_day,
                 _alert_weeks_slips("member", 8, 2, 20), ALERT_HINTS),
    "6.1b": Part("Exercise 6.1", "alert_weeks", lambda t: [(t["comments"], t["accounts"], "institution", 8, 3, 6)],
                 by_day, _alert_weeks_slips("institution", 8, 3, 6), ALERT_HINTS),
    "6.2": Part("Exercise 6.2", "message_clusters", lambda t: [(t["comments"],)],
                lambda r: rows_by_key(r, ["text"], CLUSTER_COLUMNS, index_as="text"), _clusters_slips, CLUSTER_HINTS),
    "6.3a": Part("Exercise 6.3", "follower_spikes", lambda t: [(t["followers"], 10, 100)],
                 lambda r: rows_by_key(r, ["account_id", "date"], ["gained", "times_usual"]), _spikes_slips(10, 100),
                 SPIKE_HINTS),
    "6.3b": Part("Exercise 6.3", "follower_spikes", lambda t: [(t["followers"], 4, 50)],
                 lambda r: rows_by_key(r, ["account_id", "date"], ["gained", "times_usual"]), _spikes_slips(4, 50),
                 SPIKE_HINTS),
    "6.4a": Part("Exercise 6.4", "security_score", lambda t: [(t["accounts"], "2025-12-31")], by_label,
                 _score_slips("2025-12-31"), SCORE_HINTS),
    "6.4b": Part("Exercise 6.4", "security_score", lambda t: [(t["accounts"], "2026-06-30")], by_label,
                 _score_slips("2026-06-30"), SCORE_HINTS),
}
