"""The visible checks of stage 01, Objectives: what each test cell's one line runs.

Each part names the function it calls, how (on the tables of one seed), which properties a
hidden test compares, and the common slips it names first, on the practice data.

The small posts table of :func:`edge_posts` has the course's own types:

>>> edge_posts()["platform"].dtype == load("posts")["platform"].dtype
True
"""

from __future__ import annotations

from functools import partial

import pandas as pd

from ..data import load, typed
from . import collect
from .exact import Part

STAGE = "01-objectives"

#: The words of the platforms' own counts, as the statement of Exercise 1.5 gives them.
PLATFORM_COUNTS = ["reach", "impressions", "views", "followers", "likes", "reactions", "comments", "shares",
                   "engagement"]
#: A shorter list the hidden tests also pass, so that a function ignoring its argument is caught.
FEWER_COUNTS = ["followers", "views"]
#: KPI names the hidden test adds to the campaigns' own KPIs.
MORE_KPIS = ["Impressions per post", "new followers", "petition signatures from social links", "Likes",
             "newsletter sign-ups", "Engagement rate", "visits to the committee's web page",
             "shares of the explainer video", "questions sent to members", "Consultation responses",
             "Video views on YouTube", "REACH of the campaign"]
#: Targets whose rates of whole numbers are exact in binary (4 / 64 == 1 / 16 however it is summed), so
#: a post's rate can equal its target exactly.
EDGE_TARGETS = (1 / 16, 1 / 8)
#: The edge cases of the baselines and targets: post id, account, time, reach, reactions, comments, shares.
#: Leaving out 31 December (a date range ending at "2024-12-31", which is its midnight) changes the count,
#: the median, the 75th percentile and the shares; counting a rate equal to its target as missing it
#: (``>`` for "at least") changes the shares.
EDGE_POSTS = [  # in time order, as the course's posts are
    ("E01", "INS-FB", "2024-01-01 00:05", 64, 2, 1, 1),    # exactly 1/16, the year's first minutes
    ("E02", "INS-X", "2024-05-06 11:00", 64, 4, 0, 0),     # another account
    ("E03", "INS-FB", "2024-06-10 12:00", 64, 5, 0, 0),    # between the two targets
    ("E04", "INS-FB", "2024-09-02 09:00", 64, 5, 2, 1),    # exactly 1/8, the higher target
    ("E05", "INS-FB", "2024-11-18 16:00", 64, 2, 0, 1),    # below both targets
    ("E06", "INS-FB", "2024-12-31 08:00", 64, 1, 0, 1),    # below both, on the morning of 31 December
    ("E07", "INS-FB", "2024-12-31 23:30", 128, 6, 1, 1),   # exactly 1/16, on the evening of 31 December
    ("E08", "INS-FB", "2025-01-01 00:15", 64, 8, 0, 0),    # the next year: not counted
]


def edge_posts() -> pd.DataFrame:
    """A posts table, with every column of the data dictionary, holding :data:`EDGE_POSTS`."""
    rows = [{"post_id": post_id, "account_id": account, "platform": "x" if account == "INS-X" else "facebook",
             "posted_at": when, "format": "image", "topic": "plenary", "campaign_id": None, "language": "en",
             "tone": "formal", "alt_text": True, "captions": False, "impressions": 2 * reach, "reach": reach,
             "reactions": reactions, "comments": comments, "shares": shares, "clicks": 1, "video_views": 0}
            for post_id, account, when, reach, reactions, comments, shares in EDGE_POSTS]
    return typed(pd.DataFrame(rows), "posts")


def _edge_accounts():
    return [(edge_posts(), "INS-FB")]


def _edge_targets():
    return [(edge_posts(), "INS-FB", target) for target in EDGE_TARGETS]


def _members(tables) -> pd.Series:
    """The account ids of the members' accounts, in the order of the accounts table."""
    accounts = tables["accounts"]
    return accounts.loc[accounts["account_type"].astype(str) == "member", "account_id"].reset_index(drop=True)


def _baseline_accounts(tables):
    """Exercise 1.1: the institution's YouTube channel (its smallest account) and a member's first and last account."""
    members = _members(tables)
    return [(tables["posts"], account) for account in ("INS-YT", members.iloc[0], members.iloc[-1])]


def _target_accounts(tables):
    """Exercise 1.3: the institution's Instagram and LinkedIn accounts and a member's account."""
    return [(tables["posts"], account) for account in ("INS-IG", "INS-LI", _members(tables).iloc[-1])]


def _meeting_accounts(tables):
    """Exercise 1.4: four accounts, each with a target."""
    members = _members(tables)
    return [(tables["posts"], account, target)
            for account, target in (("INS-FB", 0.02), ("INS-TT", 0.05), (members.iloc[0], 0.03),
                                    (members.iloc[-1], 0.06))]


def _type_baselines(year: int, account_types: tuple[str, ...]):
    def calls(tables):
        return [(tables["posts"], tables["accounts"], kind, year) for kind in account_types]
    return calls


def _kpi_names(tables):
    kpis = pd.concat([tables["campaigns"]["kpi"], pd.Series(MORE_KPIS)], ignore_index=True)
    kpis.index = [f"kpi{i}" for i in range(len(kpis))]
    return [(kpis, PLATFORM_COUNTS), (kpis, FEWER_COUNTS)]


def _count(result) -> None:
    """Exercise 1.1, first point: the labels of the Series, and its ``count`` exactly."""
    collect.labels(result)
    collect.number(result["count"], rtol=0, name="count")


def _median(result) -> None:
    """Exercise 1.1, second point: the labels of the Series, and its ``median``."""
    collect.labels(result)
    collect.number(result["median"], rtol=1e-6, name="median")


def _rates(posts):
    return (posts["reactions"] + posts["comments"] + posts["shares"]) / posts["reach"]


def _best_post_of_2024_gone_viral(posts):
    """The posts with the best 2024 post of each account given 50 times its reactions: no median moves."""
    viral = posts.copy()
    in_2024 = viral[viral["posted_at"].dt.year == 2024]
    viral.loc[_rates(in_2024).groupby(in_2024["account_id"]).idxmax(), "reactions"] *= 50
    return viral


def _with_2025_reactions_wiped(posts):
    changed = posts.copy()
    changed.loc[changed["posted_at"].dt.year == 2025, "reactions"] = 0
    return changed


def _not_one_account(check, account_baseline, result):
    """A slip of Exercise 1.1: one account typed in, so that two accounts get the same figures."""
    other = check.call(account_baseline, load("posts"), "INS-FB")
    check.series(other, "what account_baseline returns", index=["count", "median"])
    check.that(not other.sort_index().equals(result.sort_index()), "two accounts get the same figures. Keep the "
                                                                   "posts of `account_id`, the argument, not of an "
                                                                   "account typed in.")


def _account_count(check, account_baseline):
    posts = load("posts")
    result = check.call(account_baseline, posts, "INS-YT")
    check.series(result, "what account_baseline returns", index=["count", "median"])
    count = float(result["count"])
    check.that(count != (posts["account_id"] == "INS-YT").sum(), "your count is every post of the account in 2024 "
                                                                 "and 2025. Keep only the posts of 2024.")
    check.that(count != (posts["posted_at"].dt.year == 2024).sum(), "your count is every post of 2024, of every "
                                                                    "account. Keep only the posts of `account_id`.")
    _not_one_account(check, account_baseline, result)


def _account_median(check, account_baseline):
    posts = load("posts")
    result = check.call(account_baseline, posts, "INS-YT")
    check.series(result, "what account_baseline returns", index=["count", "median"])
    check.rate(result["median"], "the median engagement rate")
    _not_one_account(check, account_baseline, result)
    after = check.call(account_baseline, _best_post_of_2024_gone_viral(posts), "INS-YT")
    check.that(abs(float(after["median"]) - float(result["median"])) < 1e-12,
               "one viral post changed your baseline. Take the median of the rates, not the average (mean).")


def _median_baseline(check, kpi_baseline):
    posts, accounts = load("posts"), load("accounts")
    for kind in ("committee", "member"):
        used = sorted(accounts.loc[accounts["account_type"] == kind, "platform"].astype(str).unique())
        baseline = check.call(kpi_baseline, posts, accounts, kind, 2024)
        check.series(baseline, f"the {kind} baseline", index=used)
        check.rate(baseline, f"the {kind} baseline")
    after = check.call(kpi_baseline, _best_post_of_2024_gone_viral(posts), accounts, "member", 2024)
    check.that((after - baseline).abs().max() < 1e-12, "one viral post changed your baseline. "
                                                       "The baseline should be the median, not the average (mean).")
    institution = check.call(kpi_baseline, posts, accounts, "institution", 2024)
    check.series(institution, "the institution's baseline")
    check.that((institution - baseline).dropna().abs().min() > 0,
               "the institution's and the members' baselines are the same on at least one platform. "
               "Did you keep only the posts of the accounts of `account_type`?")


def _baseline_of_the_year(check, kpi_baseline):
    posts, accounts = load("posts"), load("accounts")
    baseline_2024 = check.call(kpi_baseline, posts, accounts, "institution", 2024)
    baseline_2025 = check.call(kpi_baseline, posts, accounts, "institution", 2025)
    check.series(baseline_2025, "the 2025 baseline", index=[str(p) for p in baseline_2024.index])
    check.rate(baseline_2025, "the 2025 baseline")
    check.that((baseline_2025 - baseline_2024).abs().max() > 0, "the 2024 and 2025 baselines are the same. Keep "
                                                                 "the posts of `year`, the argument, not of a year "
                                                                 "typed in.")
    check.that((baseline_2025 - baseline_2024).abs().min() > 0, "the 2024 and 2025 baselines are the same on at "
                                                                 "least one platform. Did you keep only the posts of "
                                                                 "`year`?")


def _stretch_target(check, stretch_target):
    posts = load("posts")
    target = check.call(stretch_target, posts, "INS-FB")
    check.number(target, "the target")
    check.rate(target, "the target")
    check.that(target != check.call(stretch_target, posts, "INS-IG"), "two accounts get the same target. Keep the "
                                                                      "posts of `account_id`, the argument, not of "
                                                                      "an account typed in.")
    check.that(check.call(stretch_target, _with_2025_reactions_wiped(posts), "INS-FB") == target,
               "your target changes when 2025 posts change. Did you keep only the posts of 2024?")
    rates = _rates(posts[(posts["posted_at"].dt.year == 2024) & (posts["account_id"] == "INS-FB")])
    check.that(target > rates.median(), "your target is not above the account's baseline (its median). "
                                        "The 75th percentile is `.quantile(0.75)`, a fraction between 0 and 1.")


def _share_meeting(check, share_meeting):
    posts = load("posts")
    share = check.call(share_meeting, posts, "INS-X", 0.01)
    check.number(share, "the share")
    check.that(float(share) <= 1 or not float(share).is_integer(), "the share is a whole number: the number of posts "
                                                                   "that met the target? Divide it by the number of "
                                                                   "the account's posts of 2024.")
    check.rate(share, "what share_meeting returns")
    higher = check.call(share_meeting, posts, "INS-X", 0.02)
    check.that(higher != share, "the targets 0.01 and 0.02 give the same share. Compare the rates with `target`, "
                                "the argument, not with a number typed in.")
    check.that(check.call(share_meeting, posts, "INS-X", 0) == 1, "every post has an engagement rate of at least 0, "
                                                                  "so a target of 0 should give a share of 1. Did "
                                                                  "you divide by the number of the account's posts, "
                                                                  "and count the posts whose rate equals the target "
                                                                  "(with >=)?")
    check.that(higher < share, "a higher target should be met by fewer posts.")
    check.that(check.call(share_meeting, _with_2025_reactions_wiped(posts), "INS-X", 0.01) == share,
               "your share changes when 2025 posts change. Did you keep only the posts of 2024?")


def _kpi_kind(check, kpi_kind):
    examples = pd.Series(["Reach", "website sessions from campaign links", "Followers gained",
                          "consultation responses", "video views"], index=["a", "b", "c", "d", "e"])
    labels = check.call(kpi_kind, examples, PLATFORM_COUNTS)
    check.series(labels, "the labels", index=examples.index)
    check.that(set(labels) <= {"output", "outcome"},
               'each label should be the word "output" or "outcome", in lower case.')
    check.that(labels.nunique() == 2, "these examples mix platform counts and things people did, but your function "
                                      "gives them all the same label. Did you ignore upper and lower case, and look "
                                      "for the words anywhere in the name?")
    check.that(labels["a"] == "output", 'a KPI named "Reach" holds the word "reach" of `counted`, so it is an '
                                        'output: ignore upper and lower case (compare the names in lower case).')
    fewer = check.call(kpi_kind, examples, ["views"])
    check.series(fewer, "the labels", index=examples.index)
    check.that(list(fewer) != list(labels), "with the words ['views'] only, \"Reach\" should be an outcome, but your "
                                            "function gives the same labels as with every word. Use the words in "
                                            "`counted`, the argument, not a list from the notebook.")


_BASELINES = partial(collect.series, order=False, rtol=1e-6, atol=1e-8)

PARTS = {
    "1.1a": Part("Exercise 1.1", "account_baseline", _baseline_accounts, _count, _account_count,
                 {"labels": "Return a Series with exactly two labels, `count` and `median`.",
                  "count: value": "Count the posts of `account_id` published in 2024, and only those: all of "
                                 "31 December too."}, _edge_accounts),
    "1.1b": Part("Exercise 1.1", "account_baseline", _baseline_accounts, _median, _account_median,
                 {"labels": "Return a Series with exactly two labels, `count` and `median`.",
                  "median: value": "Take the median of the engagement rates of the account's posts of 2024."},
                 _edge_accounts),
    "1.2a": Part("Exercise 1.2", "kpi_baseline", _type_baselines(2024, ("institution", "committee", "member")),
                 _BASELINES, _median_baseline,
                 {"labels": "Give one value per platform on which accounts of `account_type` posted.",
                  "values": "Keep only the posts of the accounts of `account_type` in `year`, then take the median "
                            "rate of each platform."}),
    "1.2b": Part("Exercise 1.2", "kpi_baseline", _type_baselines(2025, ("institution", "member")), _BASELINES,
                 _baseline_of_the_year,
                 {"labels": "Give one value per platform on which accounts of `account_type` posted.",
                  "values": "Keep only the posts published in `year`, whichever year it is."}),
    "1.3": Part("Exercise 1.3", "stretch_target", _target_accounts, partial(collect.number, rtol=1e-6),
                _stretch_target,
                {"value": "Keep the 2024 posts of `account_id` only, then take the 75th percentile of their rate "
                          "(`.quantile` takes a fraction between 0 and 1)."}, _edge_accounts),
    "1.4": Part("Exercise 1.4", "share_meeting", _meeting_accounts, partial(collect.number, rtol=1e-6),
                _share_meeting,
                {"value": "Keep the 2024 posts of `account_id` only, count a rate equal to the target as meeting it, "
                          "and divide by the number of those posts."}, _edge_targets),
    "1.5": Part("Exercise 1.5", "kpi_kind", _kpi_names, partial(collect.series, order=True, rtol=0), _kpi_kind,
                {"labels": "Return one label per KPI, on the index of `kpis` as it is.",
                 "values": "Look for each word of `counted` anywhere in the name, in lower case.",
                 "order": "Keep the KPIs in the order of `kpis`: do not sort them."}),
}
