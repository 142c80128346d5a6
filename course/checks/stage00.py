"""The visible checks of stage 00, Welcome and the data: what each test cell's one line runs.

Each part names the function it calls, how (on the tables of one seed), which properties a
hidden test compares, and the common slips it names first, on the practice data.
"""

from __future__ import annotations

import math
from functools import partial
from typing import Any

import pandas as pd

from ..data import load
from ..schema import ACCOUNT_TYPES, PLATFORMS
from . import collect
from .exact import Part

STAGE = "00-welcome"
COLUMNS_HINT = "Return a copy of posts, every column in its order, with the new columns added at the end."


def _posts_per_platform(check, posts_per_platform):
    posts = load("posts")
    result = check.call(posts_per_platform, posts)
    check.series(result, "the posts per platform", index=PLATFORMS)
    check.that(not math.isclose(result.sum(), 100) and not math.isclose(result.sum(), 1),
               "the values add up to a whole (1 or 100): that is each platform's share. Count the posts instead.")
    check.that(result.sum() < len(posts), "the counts add up to every post of 2024 and 2025: keep only the posts of 2025.")


def _platform_order(check, posts_per_platform):
    result = check.call(posts_per_platform, load("posts"))
    check.series(result, "the posts per platform")
    check.that(result.is_monotonic_decreasing, "the platforms should go from the most posts to the fewest: sort the counts.")


def _engagement_column(check, engagement):
    posts = load("posts")
    result = check.call(engagement, posts)
    check.frame(result, list(posts.columns) + ["engagement"], "the table engagement returns")
    check.that(len(result) == len(posts), "the table should keep one row per post, like posts.")
    check.that((result["engagement"] >= result["reactions"]).all(),
               "some posts have less engagement than reactions: add reactions, comments and shares together.")


def _engagement_rate_column(check, engagement):
    posts = load("posts")
    result = check.call(engagement, posts)
    check.frame(result, list(posts.columns) + ["engagement", "engagement_rate"], "the table engagement returns")
    check.rate(result["engagement_rate"], "the engagement rate")
    check.that(not result["engagement_rate"].equals(result["engagement"] / result["impressions"]),
               "the rate is divided by impressions (views): divide by reach (people).")
    check.that(not result["engagement_rate"].equals(result["shares"] / result["reach"]),
               "the rate counts only the shares: divide the whole engagement by the reach.")


def _monthly_followers(check, monthly_followers):
    followers = load("followers")
    result = check.call(monthly_followers, followers, "INS-IG")
    check.series(result, "the monthly followers")
    check.that(len(result) == 24, f"there should be one value per month of 2024 and 2025 (24), not {len(result)}.")
    days = followers.loc[followers["account_id"] == "INS-IG", "followers"]
    check.that(result.isin(days.to_numpy()).all(), "each value should be a count the account really had on one day: "
               "did you add up or average the days, or forget to keep only this account?")
    check.that(not check.call(monthly_followers, followers, "COM-FIN-X").equals(result),
               "two different accounts give the same result: keep only the rows of account_id.")


def _posts_per_account_type(check, posts_per_account_type):
    posts = load("posts")
    result = check.call(posts_per_account_type, posts, load("accounts"))
    check.series(result, "the posts per account type", index=ACCOUNT_TYPES)
    check.that(result.sum() == len(posts), f"the counts add up to {result.sum():,} but there are {len(posts):,} posts: "
               "count posts (not accounts, not shares of the total), every post of the two years once.")


def _three_accounts(tables):
    ids = tables["accounts"]["account_id"]
    return [(tables["followers"], account) for account in (ids.iloc[0], ids.iloc[len(ids) // 2], ids.iloc[-1])]


def _with_the_posts_columns(new: str, rtol: float):
    """What 0.2 compares: the table's column names in order up to the new column ``new`` (every column of posts,
    then the new ones, so a part does not depend on the other), and the new column row by row."""

    def collect_it(result: Any) -> None:
        names = [str(c) for c in result.columns] if isinstance(result, pd.DataFrame) else None
        if names and new in names:
            names = names[:names.index(new) + 1]
        collect.value(names, name="the columns")
        collect.frame(result, [new], rtol=rtol)

    return collect_it


PARTS = {
    "0.1a": Part("Exercise 0.1", "posts_per_platform", lambda t: [(t["posts"],)],
                 partial(collect.series, order=False, rtol=0), _posts_per_platform,
                 {"values": "Did you keep only the posts of 2025?"}),
    "0.1b": Part("Exercise 0.1", "posts_per_platform", lambda t: [(t["posts"],)],
                 partial(collect.series, order=True, rtol=0), _platform_order,
                 {"order": "Sort the counts from the most posts to the fewest."}),
    "0.2a": Part("Exercise 0.2", "engagement", lambda t: [(t["posts"],)],
                 _with_the_posts_columns("engagement", 0), _engagement_column,
                 {"column engagement": "Engagement is reactions + comments + shares, nothing else.",
                  "the columns: value": COLUMNS_HINT}),
    "0.2b": Part("Exercise 0.2", "engagement", lambda t: [(t["posts"],)],
                 _with_the_posts_columns("engagement_rate", 1e-6), _engagement_rate_column,
                 {"column engagement_rate": "The rate is the engagement divided by the reach of the same post.",
                  "the columns: value": COLUMNS_HINT}),
    "0.3": Part("Exercise 0.3", "monthly_followers", _three_accounts,
                partial(collect.series, order=True, labels="month", rtol=0), _monthly_followers,
                {"values": "Take the last day of each month, for this account only."}),
    "0.4": Part("Exercise 0.4", "posts_per_account_type", lambda t: [(t["posts"], t["accounts"])],
                partial(collect.series, order=False, rtol=0), _posts_per_account_type,
                {"values": "Count each post once, under the type of its own account."}),
}
