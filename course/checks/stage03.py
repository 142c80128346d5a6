"""The visible checks of stage 03, Planning: what each test cell's one line runs.

Each part names the function it calls, how (on the tables of one seed), which properties a
hidden test compares, and the common slips it names first, on the practice data.

>>> edge_slot_posts("facebook", 10)["posted_at"].dtype == load("posts")["posted_at"].dtype
True
"""

from __future__ import annotations

import math
from functools import partial

import pandas as pd

from ..data import load, typed
from . import collect
from .exact import Part

STAGE = "03-planning"

WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
PERIODS = ["sitting", "recess", "weekend"]
SLOT_COLUMNS = ["weekday", "hour", "posts", "median_rate"]
PLATFORM_NAMES = {"facebook": "Facebook", "linkedin": "LinkedIn"}
#: The edge slots of best_slots: weekday's date (a Monday to a Friday of June 2025), hour, posts
#: beyond min_posts, engagement rate, and whether one post of the slot went viral.
EDGE_SLOTS = [
    ("2025-06-02", 20, -1, 0.09, False),  # Monday's best slot, one post short of min_posts: dropped
    ("2025-06-02", 9, 0, 0.05, False),    # exactly min_posts posts: kept ("at least")
    ("2025-06-03", 18, 1, 0.07, False),   # Tuesday's best slot
    ("2025-06-03", 12, 2, 0.06, False),   # Tuesday's second slot: never proposed
    ("2025-06-04", 8, 3, 0.04, True),     # a viral post makes its mean (not its median) the best
    ("2025-06-06", 7, 1, 0.03, False),
]
#: The days of the small calendar of posts_per_day's edge case: 3 sitting days, 2 days of recess, a weekend.
EDGE_CALENDAR = ["sitting"] * 3 + ["recess"] * 2 + ["weekend"] * 2


def edge_posts(rows) -> pd.DataFrame:
    """A posts table with every column of the data dictionary; ``rows`` are (account, platform, time, rate)."""
    records = []
    for number, (account, platform, posted_at, rate) in enumerate(rows, start=1):
        records.append({"post_id": f"E{number:05d}", "account_id": account, "platform": platform,
                        "posted_at": posted_at, "format": "image", "topic": "plenary", "campaign_id": None,
                        "language": "en", "tone": "explanatory", "alt_text": True, "captions": False,
                        "impressions": 1200, "reach": 1000, "reactions": round(rate * 1000) - 2, "comments": 1,
                        "shares": 1, "clicks": 0, "video_views": 0})
    return typed(pd.DataFrame(records), "posts")


def edge_slot_posts(platform, min_posts) -> pd.DataFrame:
    """The posts of EDGE_SLOTS on ``platform`` (one week after another), and a better slot on another platform."""
    rows = []
    for day, hour, extra, rate, viral in EDGE_SLOTS:
        for week in range(min_posts + extra):
            went_viral = viral and week == 0
            at = pd.Timestamp(day) + pd.Timedelta(days=7 * week, hours=hour, minutes=(7 * week) % 60)
            rows.append(("INS-FB", platform, at, 0.9 if went_viral else rate))
    other = "x" if platform != "x" else "facebook"
    rows += [("INS-X", other, pd.Timestamp("2025-06-05 10:15") + pd.Timedelta(days=7 * week), 0.2)
             for week in range(min_posts + 5)]
    return edge_posts(rows)


def edge_calendar_posts(account) -> tuple[pd.DataFrame, pd.DataFrame]:
    """A week's calendar, and posts of ``account`` on its sitting and recess days but none at the weekend."""
    days = pd.date_range("2025-06-02", periods=len(EDGE_CALENDAR), freq="D")
    calendar = typed(pd.DataFrame({"date": days, "period": EDGE_CALENDAR, "event": None}), "calendar")
    times = ["2025-06-02 00:00", "2025-06-02 23:59", "2025-06-03 12:00", "2025-06-05 09:30"]
    rows = [(account, "x", pd.Timestamp(at), 0.02) for at in times]
    rows.append(("MEM-OTHER", "x", pd.Timestamp("2025-06-07 11:00"), 0.02))  # another account, at the weekend
    return edge_posts(rows), calendar



def _hour_profile_slips(platform, other_platform):
    """The slips of hour_profile on ``platform``, whose profile must differ from ``other_platform``'s."""
    name, other_name = PLATFORM_NAMES[platform], PLATFORM_NAMES[other_platform]

    def slips(check, hour_profile):
        posts = load("posts")
        profile = check.call(hour_profile, posts, platform)
        check.series(profile, f"the {name} hour profile")
        check.that(set(profile.index) <= set(range(24)),
                   "the index should be the hour of posting, a whole number from 0 to 23.")
        check.rate(profile, "each hour's engagement rate")
        check.that(not profile.equals(check.call(hour_profile, posts, other_platform)),
                   f"{name} and {other_name} give the same profile: did you keep only the posts of `platform`?")

    return slips


def _best_slots_slips(platform, n, min_posts, one_per_weekday=True, other_arguments=True):
    """The slips of best_slots asked for ``n`` slots of ``platform`` with at least ``min_posts`` posts each.

    ``one_per_weekday`` says whether to look for two slots on the same weekday; ``other_arguments`` whether to
    look for a number typed in instead of ``n`` or ``min_posts`` (only the part whose hidden tests use other
    values than the function's defaults can tell).
    """

    def slips(check, best_slots):
        proposed = check.call(best_slots, load("posts"), platform, n, min_posts)
        check.frame(proposed, SLOT_COLUMNS, "the proposed slots")
        check.that(len(proposed) == n, f"asked for {n} slots, it returns {len(proposed)} rows: return one row per "
                   "slot, as many as the argument `n` asks (`.head(n)`, not a number typed in).")
        check.that(set(proposed["weekday"]) <= set(WEEKDAYS), "`weekday` should hold day names such as 'Monday'.")
        check.that(not one_per_weekday or proposed["weekday"].is_unique,
                   "two slots fall on the same weekday: keep only each weekday's best slot.")
        check.that(proposed["hour"].between(0, 23).all(), "`hour` should be the hour of posting, from 0 to 23.")
        check.that((proposed["posts"] >= min_posts).all(),
                   "a slot has fewer than min_posts posts: drop those slots first.")
        check.rate(proposed["median_rate"], "the median engagement rate")
        check.that(proposed["median_rate"].is_monotonic_decreasing, "put the best slot first (highest median_rate).")
        if not other_arguments:
            return
        fewer = check.call(best_slots, load("posts"), platform, n - 1, min_posts)
        check.that(len(fewer) == n - 1, f"asked for {n - 1} slots, it returns {len(fewer)}: use the argument `n` "
                   "(`.head(n)`), not a number typed in.")
        stricter = int(proposed["posts"].min()) + 1
        check.that(bool((check.call(best_slots, load("posts"), platform, n, stricter)["posts"] >= stricter).all()),
                   f"asked with min_posts={stricter}, it proposes a slot with fewer posts: use the argument "
                   "`min_posts`, not a number typed in.")

    return slips


def _relative_rate_slips(check, relative_rate_by_posts_that_day):
    by_count = check.call(relative_rate_by_posts_that_day, load("posts"))
    what = "the ratios by posts that day"
    check.kind(by_count, pd.Series, what)
    check.that(len(by_count) > 1, "every post falls in the same group: count the posts of each post's own account "
               "that day, not the posts of all the accounts.")
    check.series(by_count, what, index=[1, 2, 3, 4])
    check.that(bool((by_count.astype(float) > 0).all()), "every ratio should be above 0: divide each post's rate by "
               "its account's usual rate.")
    lone = float(by_count.iloc[[str(label) for label in by_count.index].index("1")])
    check.that(0.9 < lone < 1.1, "the lone posts (group 1) should come out close to 1 once each post is divided by "
               "its own account's usual rate. Divide by the median (not the mean) of that account's lone posts only "
               "(not all its posts), and take the median of the ratios in each group.")


def _posts_per_day_slips(account, other_account):
    """The slips of posts_per_day for ``account``, whose averages must differ from ``other_account``'s."""

    def slips(check, posts_per_day):
        posts, calendar = load("posts"), load("calendar")
        per_day = check.call(posts_per_day, posts, calendar, account)
        check.series(per_day, f"the posts per day of {account}", index=PERIODS)
        check.that(((per_day >= 0) & (per_day < 50)).all(),
                   "an account publishes a few posts a day at most: did you divide by the number of days?")
        check.that(per_day.sum() > 0, "every average is 0, yet the account did publish: match each post to the "
                   "calendar by its day, without the time of posting (`.dt.normalize()`).")
        check.that(not per_day.equals(check.call(posts_per_day, posts, calendar, other_account)),
                   "two different accounts give the same result: did you keep only the posts of `account_id`?")
        check.that(_adds_up_to_every_post(per_day, posts, calendar, account),
                   "multiplied by the number of days of each period, your averages do not add up to the account's "
                   "posts: count the days without posts as 0, and average over every day of the period.")

    return slips


def _adds_up_to_every_post(per_day, posts, calendar, account):
    """Whether the averages per day, times the days of each period, give back every post of ``account``."""
    days = calendar["period"].astype(str).value_counts()
    published = sum(float(average) * days[str(period)] for period, average in per_day.items())
    return math.isclose(published, (posts["account_id"] == account).sum(), rel_tol=1e-6)


def _slots(*requests):
    """The calls of best_slots: one per (platform, n, min_posts)."""
    return lambda tables: [(tables["posts"], *request) for request in requests]


HOUR_PROFILE_HINTS = {
    "labels": "Group only this platform's posts, by their hour of posting (a whole number from 0 to 23), and give "
              "only the hours with at least one post of the platform.",
    "values": "Take the median (not the mean) of the engagement rate, divided by reach, of this platform's posts.",
    "order": "Keep the hours in increasing order, as grouping gives them: do not sort by the rate.",
}
SLOT_RULES = ("Follow the rules in order: this platform only, slots with at least min_posts posts (`>=`), "
              "each weekday's best slot only, then the n best, highest median_rate first.")
BEST_SLOTS_HINTS = {
    "rows": "Return the n best slots, at most one per weekday, among the slots with at least min_posts posts.",
    "column weekday": SLOT_RULES,
    "column hour": SLOT_RULES,
    "column posts": "`posts` is the number of posts of the platform in the slot.",
    "column median_rate": "`median_rate` is the median (not the mean) engagement rate of the slot, divided by reach.",
}
RELATIVE_RATE_HINTS = {
    "labels": "Group the posts by how many posts their own account published that day: 1, 2, 3, and 4 or more as 4.",
    "values": "Divide each post's rate, (reactions + comments + shares) / reach, by its own account's usual rate: the "
              "median rate of that account's lone posts (days with only one post). Then take the median (not the "
              "mean) of those ratios in each group.",
}
POSTS_PER_DAY_HINTS = {
    "labels": "Give one average for each kind of day of the calendar's `period` column, 0 for a kind of day "
              "on which the account published nothing.",
    "values": "Keep only this account's posts, and average over every day of the period, "
              "counting the days without posts as 0 (a period without any post gets 0).",
}

#: What the hidden tests compare: a rate per label (per hour, in increasing order), or the slots row by row.
RATES = partial(collect.series, order=False, rtol=1e-6, atol=1e-8)
HOURS = partial(collect.series, order=True, rtol=1e-6, atol=1e-8)
AVERAGES = partial(collect.series, order=False, rtol=1e-6)
SLOTS = partial(collect.frame, columns=SLOT_COLUMNS, rtol=1e-6)

PARTS = {
    # The edge cases: a platform that posts in six hours of the day only.
    "3.1a": Part("Exercise 3.1", "hour_profile", lambda t: [(t["posts"], "facebook")], HOURS,
                 _hour_profile_slips("facebook", "linkedin"), HOUR_PROFILE_HINTS,
                 edges=lambda: [(edge_slot_posts("facebook", 4), "facebook")]),
    "3.1b": Part("Exercise 3.1", "hour_profile", lambda t: [(t["posts"], "linkedin")], HOURS,
                 _hour_profile_slips("linkedin", "facebook"), HOUR_PROFILE_HINTS,
                 edges=lambda: [(edge_slot_posts("linkedin", 4), "linkedin")]),
    # Facebook's best slots share a weekday in the practice data, not in the hidden tests' data: there the
    # rule of one slot per weekday is only tested by part b, so only part b looks for it on the practice data.
    # Each part's edge cases (EDGE_SLOTS) hold every rule's special case: a slot exactly at min_posts, one just
    # below, two slots of one weekday, a viral post.
    "3.2a": Part("Exercise 3.2", "best_slots", _slots(("facebook", 3, 10)), SLOTS,
                 _best_slots_slips("facebook", 3, 10, False, False), BEST_SLOTS_HINTS,
                 edges=lambda: [(edge_slot_posts("facebook", 10), "facebook", 3, 10)]),
    "3.2b": Part("Exercise 3.2", "best_slots", _slots(("instagram", 5, 15), ("linkedin", 2, 5)),
                 SLOTS, _best_slots_slips("linkedin", 2, 5), BEST_SLOTS_HINTS,
                 edges=lambda: [(edge_slot_posts("linkedin", 5), "linkedin", 4, 5)]),
    "3.3": Part("Exercise 3.3", "relative_rate_by_posts_that_day", lambda t: [(t["posts"],)], RATES,
                _relative_rate_slips, RELATIVE_RATE_HINTS),
    "3.4a": Part("Exercise 3.4", "posts_per_day", lambda t: [(t["posts"], t["calendar"], "INS-X")], AVERAGES,
                 _posts_per_day_slips("INS-X", "INS-LI"), POSTS_PER_DAY_HINTS,
                 edges=lambda: [(*edge_calendar_posts("INS-X"), "INS-X")]),
    "3.4b": Part("Exercise 3.4", "posts_per_day", lambda t: [(t["posts"], t["calendar"], "COM-HEA-FB")], AVERAGES,
                 _posts_per_day_slips("COM-HEA-FB", "INS-X"), POSTS_PER_DAY_HINTS,
                 edges=lambda: [(*edge_calendar_posts("COM-HEA-FB"), "COM-HEA-FB")]),
}
