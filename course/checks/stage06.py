"""The visible checks of stage 06, Risks: what each test cell's one line runs.

Each part names the function it calls, how (on the tables of one seed), which properties a
hidden test compares, and the common slips it names first, on the practice data.

>>> import pandas as pd
>>> day_label(pd.Timestamp("2025-06-22")), day_label(pd.Period("2025-06-16/2025-06-22", "W"))
('2025-06-22', '2025-06-22')
>>> edge_comments()["label"].dtype == load("comments")["label"].dtype, len(edge_accounts())
(True, 2)
>>> edge_followers().groupby("account_id")["gained"].median().to_dict()
{'EDGE-A': 10.0, 'EDGE-B': 5.0, 'EDGE-C': 0.0, 'EDGE-D': 0.5}
>>> edge_reviews().set_index("account_id")["last_security_review"].dt.year.to_dict()
{'REV-365': 2023, 'REV-366': 2023}
"""

from __future__ import annotations

from functools import partial
from typing import Any

import pandas as pd

from ..data import load, typed
from . import collect
from .exact import Part
from .fingerprint import label

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


def alert_days(result: Any) -> None:
    """Exercise 6.1's alert weeks, each labelled by its Sunday (a date, a timestamp or a weekly period alike)."""
    if isinstance(result, pd.Series):
        result = pd.Series(result.to_numpy(), index=[day_label(week) for week in result.index])
    collect.series(result, order=False, rtol=1e-6)


def clusters(result: Any) -> None:
    """Exercise 6.2's clusters, by their normalised text (the index, or a column `text`), in any row order."""
    if isinstance(result, pd.DataFrame):
        if "text" in result.columns:
            result = result.set_index("text")
        result = result.set_axis(result.index.map(str)).sort_index(kind="stable")
    collect.frame(result, CLUSTER_COLUMNS, index="text", rtol=0)


def spikes(result: Any) -> None:
    """Exercise 6.3's spikes, rows sorted by account and day (with any index, in any order)."""
    if isinstance(result, pd.DataFrame) and {"account_id", "date"} <= set(result.columns):
        result = result.assign(account_id=[str(a) for a in result["account_id"]],
                               date=[day_label(d) for d in result["date"]])
        result = result.sort_values(["account_id", "date"], kind="stable").reset_index(drop=True)
    collect.frame(result, ["account_id", "date", "gained"], rtol=0)
    collect.frame(result, ["times_usual"], rtol=1e-6)


#: The arguments the edge cases of Exercise 6.1 are asked with: members' accounts, 2 weeks, factor 2, minimum 2.
EDGE_ALERT_ARGS = ("member", 2, 2, 2)
#: Each week of the edge cases of Exercise 6.1 (Monday to Sunday from 6 January 2025): the member's comments,
#: the abusive ones among them, and the institution's comments (all abusive), which the rule must leave out.
#: With 2 weeks, a factor of 2 and a minimum of 2, each share a fraction with a power of two below it, so
#: every way of averaging gives exactly the same numbers.
EDGE_WEEKS = [
    (8, 1, 4),  # 12 Jan: 1/8, no baseline yet
    (8, 1, 0),  # 19 Jan: 1/8, no baseline yet
    (8, 2, 4),  # 26 Jan: 2/8, exactly 2 x the baseline 1/8: not greater, no alert
    (4, 2, 0),  # 2 Feb: 1/2 above 2 x 3/16, with exactly the minimum of 2 abusive comments: alert
    (8, 4, 0),  # 9 Feb: 1/2 above 2 x 3/16 (2 Feb stays out of the baseline): alert
    (0, 0, 4),  # 16 Feb: no comment on the member's accounts: no share, left out of every baseline
    (16, 5, 0),  # 23 Feb: 5/16 below 2 x 3/16 (a share of 0 for 16 Feb would make it an alert)
    (4, 3, 0),  # 2 Mar: 3/4 above 2 x 9/32 (an empty share in the baseline would leave no baseline): alert
]
#: The same edge weeks with a baseline of 3 weeks: 2 Feb is the first week with 3 earlier weeks, and it alerts
#: (1/2 above 2 x 1/6); a rule that asks for more than 3 earlier weeks gives it no baseline and misses it.
EDGE_FIRST_BASELINE_ARGS = ("member", 3, 2, 2)
#: The Sundays of the edge weeks that tell the readings of an empty week apart.
EDGE_AFTER_EMPTY = ("2025-02-23", "2025-03-02")
#: The arguments the edge cases of Exercise 6.3 are asked with: a factor of 3 and a minimum of 20.
EDGE_SPIKE_ARGS = (3, 20)
#: Each account's daily gains in the edge cases of Exercise 6.3, seven days from 6 January 2025.
EDGE_GAINS = {
    "EDGE-A": [10, 10, 30, 10, 10, 200, 10],  # usual day 10 (the mean is 40): 30 is exactly 3 times, 200 is 20 times
    "EDGE-B": [5, 19, 5, 5, 20, 5, 5],  # usual day 5: 19 is below the minimum, 20 is exactly the minimum
    "EDGE-C": [0, 0, 1, 25, 0, 0, 0],  # usual day 0, counted as 1: 25 is 25 times
    "EDGE-D": [0, 0, 0, 1, 1, 30],  # six days, usual day 0.5, counted as 1: 30 is 30 times (not 60)
}


def edge_accounts() -> pd.DataFrame:
    """An accounts table, with every column of the data dictionary, for the edge cases of Exercise 6.1."""
    rows = [{"account_id": account_id, "name": name, "handle": handle, "account_type": kind, "platform": "facebook",
             "party": party, "region": region, "gender": gender, "created": "2020-01-01", "two_factor": "true",
             "admins": 2, "shared_password": "false", "recovery_verified": "true",
             "last_security_review": "2024-12-01"}
            for account_id, name, handle, kind, party, region, gender in [
                ("EDGE-M", "A member", "@EdgeMember", "member", "Edge Party", "North Coast", "woman"),
                ("EDGE-I", "Parliament of Lumeria", "@EdgeParliament", "institution", None, None, None)]]
    return typed(pd.DataFrame(rows), "accounts")


#: The audit date of the edge cases of Exercise 6.4: in a leap year, so that a year back is 366 days.
EDGE_AUDIT = "2024-06-30"


def edge_reviews() -> pd.DataFrame:
    """An accounts table for the edge cases of Exercise 6.4: one review exactly 365 days before EDGE_AUDIT, one
    exactly a calendar year (366 days) before it."""
    rows = [{"account_id": account_id, "name": "A member", "handle": f"@{account_id}", "account_type": "member",
             "platform": "x", "party": "Edge Party", "region": "North Coast", "gender": "man",
             "created": "2020-01-01", "two_factor": "true", "admins": admins, "shared_password": "false",
             "recovery_verified": "false", "last_security_review": reviewed}
            for account_id, admins, reviewed in [("REV-365", 2, "2023-07-01"), ("REV-366", 4, "2023-06-30")]]
    return typed(pd.DataFrame(rows), "accounts")


def edge_comments() -> pd.DataFrame:
    """A comments table, with every column of the data dictionary, holding the edge cases of Exercise 6.1."""
    rows = []
    for week, (comments, abusive, institution) in enumerate(EDGE_WEEKS):
        monday = pd.Timestamp("2025-01-06") + pd.Timedelta(weeks=week)
        for i in range(comments + institution):
            account = "EDGE-M" if i < comments else "EDGE-I"
            bad = i < abusive or i >= comments
            at = monday + pd.Timedelta(hours=9 + 3 * i)
            rows.append({"comment_id": f"E{week}{i:02d}", "post_id": f"PE{week}", "account_id": account,
                         "platform": "facebook", "created_at": f"{at:%Y-%m-%d %H:%M}",
                         "commenter_id": f"UE{week}{i:02d}", "label": "abusive" if bad else "question",
                         "text": "Nobody wants you, resign now." if bad else "When is the next vote?",
                         "replied": "false", "reply_minutes": None, "returned_30d": "false"})
    return typed(pd.DataFrame(rows), "comments")


def edge_followers() -> pd.DataFrame:
    """A followers table, with every column of the data dictionary, holding the edge cases of Exercise 6.3."""
    rows = []
    for account_id, gains in EDGE_GAINS.items():
        total = 1000
        for day, gained in enumerate(gains):
            total += gained - 1
            rows.append({"date": pd.Timestamp("2025-01-06") + pd.Timedelta(days=day), "account_id": account_id,
                         "followers": total, "gained": gained, "lost": 1})
    return typed(pd.DataFrame(rows), "followers")


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
        if account_type == "member":
            edge = check.call(alert_weeks, edge_comments(), edge_accounts(), *EDGE_ALERT_ARGS)
            check.series(edge, "the alert weeks of a small table of edge cases")
            flagged = {day_label(w) for w in edge.index}
            check.that("2025-01-26" not in flagged,
                       "on a small table of edge cases, a week whose share is exactly `factor` times its baseline "
                       "raises an alert: a week alerts only when its share is *greater than* factor times the "
                       "baseline (`>`, not `>=`).")
            check.that("2025-02-02" in flagged,
                       "on a small table of edge cases, a week far above the threshold with exactly `minimum` "
                       "abusive comments raises no alert: it needs *at least* `minimum` (`>=`, not `>`).")
            first = {day_label(w) for w in check.call(alert_weeks, edge_comments(), edge_accounts(),
                                                      *EDGE_FIRST_BASELINE_ARGS).index}
            check.that("2025-02-02" in first,
                       "on a small table of edge cases, the first week with `weeks` earlier weeks gets no baseline: "
                       "a week has a baseline as soon as `weeks` earlier weeks exist (at least `weeks`, `>=`).")
            check.that(EDGE_AFTER_EMPTY[0] not in flagged,
                       "on a small table of edge cases, a week with no comment counts as a share of 0 and lowers the "
                       "next baselines: a week without comments has no share; leave it out (`.dropna()`).")
            check.that(EDGE_AFTER_EMPTY[1] in flagged,
                       "on a small table of edge cases, a week with no comment leaves an empty value (NaN) in the "
                       "baselines, and the weeks after it never alert: leave that week out (`.dropna()`).")

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


def _spikes_slips(factor, minimum, edge_cases=False):
    def slips(check, follower_spikes):
        spikes = check.call(follower_spikes, load("followers"), factor, minimum)
        check.frame(spikes, ["account_id", "date", "gained", "times_usual"], "the spikes", min_rows=0)
        check.that(bool((spikes["times_usual"] >= factor).all()),
                   f"a row is below {factor} times the usual day: keep only the days at or above it.")
        check.that(bool((spikes["gained"] >= minimum).all()),
                   f"a row gained fewer than {minimum} followers: keep only the days with at least `minimum`.")
        check.that(len(spikes) > 0, "no day is a spike, yet one account gained thousands of followers in a day: "
                                    "compare each day with its own account's median day.")
        if not edge_cases:
            return
        edge = check.call(follower_spikes, edge_followers(), *EDGE_SPIKE_ARGS)
        check.frame(edge, SPIKE_COLUMNS, "the spikes of a small table of edge cases")
        days = {(label(a), day_label(d)) for a, d in zip(edge["account_id"], edge["date"])}
        check.that(("EDGE-A", "2025-01-08") in days,
                   "on a small table of edge cases, a day of exactly `factor` times the usual day is missing: keep "
                   "the days *at least* factor times it (`>=`, not `>`), with the usual day the account's median.")
        check.that(("EDGE-B", "2025-01-10") in days,
                   "on a small table of edge cases, a day that gained exactly `minimum` followers is missing: keep "
                   "the days with *at least* `minimum` (`>=`, not `>`).")
        below_one = edge.loc[[label(a) == "EDGE-D" for a in edge["account_id"]], "times_usual"]
        check.that(not (pd.to_numeric(below_one, errors="coerce") > 31).any(),
                   "on a small table of edge cases, an account whose median day is 0.5 is divided by 0.5: a median "
                   "below 1, not only a median of 0, counts as 1 (`.clip(lower=1)`).")

    return slips


def _score_slips(audit_date, edge_cases=False):
    def slips(check, security_score):
        accounts = load("accounts")
        scores = check.call(security_score, accounts, audit_date)
        check.series(scores, "the security scores", index=accounts["account_id"])
        check.that(bool(((scores >= 0) & (scores <= 5)).all()), "a score should be a whole number from 0 to 5: one "
                                                                "point for each of the five rules.")
        check.that(scores.nunique() > 1, "every account has the same score: check each rule on each account's row.")
        if not edge_cases:
            return
        edge = check.call(security_score, edge_reviews(), EDGE_AUDIT)
        check.series(edge, "the scores of a small table of edge cases", index=edge_reviews()["account_id"])
        check.that(edge["REV-365"] == 4, "on a small table of edge cases, a review exactly 365 days before the "
                                          "audit date earns no point: *at most* 365 days counts (`<=`, not `<`).")
        check.that(edge["REV-366"] == 3, "on a small table of edge cases, a review 366 days before the audit date, "
                                          "a year before it in a leap year, earns a point: count 365 days, not a "
                                          "calendar year.")

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

def _members_calls(tables):
    """Exercise 6.1a: members' accounts, on data where a second wave follows the first four weeks later."""
    return [(with_second_wave(tables["comments"]), tables["accounts"], "member", 8, 2, 20)]


PARTS = {
    "6.1a": Part("Exercise 6.1", "alert_weeks", _members_calls, alert_days,
                 _alert_weeks_slips("member", 8, 2, 20), ALERT_HINTS,
                 lambda: [(edge_comments(), edge_accounts(), *EDGE_ALERT_ARGS),
                          (edge_comments(), edge_accounts(), *EDGE_FIRST_BASELINE_ARGS)]),
    "6.1b": Part("Exercise 6.1", "alert_weeks", lambda t: [(t["comments"], t["accounts"], "institution", 8, 3, 6)],
                 alert_days, _alert_weeks_slips("institution", 8, 3, 6), ALERT_HINTS),
    "6.2": Part("Exercise 6.2", "message_clusters", lambda t: [(t["comments"],)], clusters, _clusters_slips,
                CLUSTER_HINTS),
    "6.3a": Part("Exercise 6.3", "follower_spikes", lambda t: [(t["followers"], 10, 100)], spikes,
                 _spikes_slips(10, 100, edge_cases=True), SPIKE_HINTS,
                 lambda: [(edge_followers(), *EDGE_SPIKE_ARGS)]),
    "6.3b": Part("Exercise 6.3", "follower_spikes", lambda t: [(t["followers"], 4, 50)], spikes,
                 _spikes_slips(4, 50), SPIKE_HINTS, lambda: [(edge_followers(), *EDGE_SPIKE_ARGS)]),
    "6.4a": Part("Exercise 6.4", "security_score", lambda t: [(t["accounts"], "2025-12-31")],
                 partial(collect.series, order=False, rtol=0), _score_slips("2025-12-31", edge_cases=True), SCORE_HINTS,
                 lambda: [(edge_reviews(), EDGE_AUDIT)]),
    "6.4b": Part("Exercise 6.4", "security_score", lambda t: [(t["accounts"], "2026-06-30")],
                 partial(collect.series, order=False, rtol=0), _score_slips("2026-06-30"), SCORE_HINTS),
}
