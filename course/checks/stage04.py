"""The visible checks of stage 04, Content: what each test cell's one line runs.

Each part names the function it calls, how (on the tables of one seed), which properties a
hidden test compares, and the common slips it names first, on the practice data.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from functools import partial

import pandas as pd

from ..data import load, typed
from . import collect
from .exact import Part

STAGE = "04-content"

PICTURE_FORMATS = ["image", "video", "short_video", "live"]
VIDEO_FORMATS = ["video", "short_video", "live"]
ACCOUNT_TYPES = ["institution", "committee", "member"]
AUDIT_COLUMNS = ["alt_text", "captions"]
VERDICTS = ("B better", "A better", "no clear difference")
NUMBER_KEYS = ("difference", "low", "high", "p_value")


def _close(a, b) -> bool:
    try:
        return math.isclose(float(a), float(b), rel_tol=1e-6)
    except (TypeError, ValueError):
        return False


def _format_lift_slips(platform, reference):
    """The slips of format_lift on ``platform`` against the ``reference`` format."""

    def slips(check, format_lift):
        posts = load("posts")
        lift = check.call(format_lift, posts, platform, reference)
        formats = posts.loc[posts["platform"] == platform, "format"].astype(str).unique()
        check.series(lift, f"the lift of each format on {platform}", index=formats)
        values = dict(zip(map(str, lift.index), lift))
        check.that(_close(values[reference], 1),
                   f"the reference format ({reference}) should come out at exactly 1: divide every format's median "
                   "by the median of the format given as the argument `reference`, on the same platform.")
        check.that(bool((lift.astype(float) > 0).all()), "every lift should be above 0.")

    return slips


def _audit(result):
    """An audit compared account type by account type, whatever the order of its rows."""
    collect.labels(result)
    for column in AUDIT_COLUMNS:
        collect.series(result[column], order=False, rtol=1e-6, name=column)


def _shares_by_type(posts, accounts, formats, column):
    """A share of ``column`` among the posts of ``formats``, by account type (for naming slips only)."""
    kind = posts["account_id"].map(accounts.set_index("account_id")["account_type"].astype(str))
    chosen = posts["format"].astype(str).isin(formats)
    return posts.loc[chosen, column].groupby(kind[chosen]).mean()


def _audit_slips(month=None):
    """The slips of accessibility_audit on the practice posts (of one month, "YYYY-MM", if given)."""

    def slips(check, accessibility_audit):
        posts, accounts = load("posts"), load("accounts")
        if month is not None:
            posts = posts[posts["posted_at"].dt.strftime("%Y-%m") == month]
        audit = check.call(accessibility_audit, posts, accounts)
        what = "the audit" + (f" of {month}" if month else "")
        check.frame(audit, AUDIT_COLUMNS, what)
        check.that({str(k) for k in audit.index} == set(ACCOUNT_TYPES),
                   "the index should be the account type (institution, committee, member), one row each: "
                   "group by `account_type` and keep it as the index.")
        for column in AUDIT_COLUMNS:
            check.series(audit[column], f"the column {column}")
            check.rate(audit[column], f"the column {column}")
        got = {column: dict(zip(map(str, audit.index), audit[column])) for column in AUDIT_COLUMNS}
        every_post = _shares_by_type(posts, accounts, list(posts["format"].astype(str).unique()), "alt_text")
        check.that(not all(_close(got["alt_text"][k], v) for k, v in every_post.items()),
                   "`alt_text` is a share of every post, text and links included: keep only the images (format "
                   "image) before taking the share.")
        on_videos_too = _shares_by_type(posts, accounts, PICTURE_FORMATS, "alt_text")
        check.that(not all(_close(got["alt_text"][k], v) for k, v in on_videos_too.items()),
                   "`alt_text` counts the videos too: most platforms offer alt text for images only, so keep only "
                   "the images (format image); the videos are audited by their captions.")
        on_pictures = _shares_by_type(posts, accounts, PICTURE_FORMATS, "captions")
        check.that(not all(_close(got["captions"][k], v) for k, v in on_pictures.items()),
                   "`captions` is a share of the posts with a picture: keep only the videos (video, short_video, "
                   "live) before taking the share.")

    return slips


def _click_through_slips(check, click_through):
    ab_tests = load("ab_tests")
    first = check.call(click_through, ab_tests, "AB1")
    check.series(first, "the click-through of AB1", index=["A", "B"])
    check.rate(first, "each variant's click-through")
    check.that(not first.equals(check.call(click_through, ab_tests, "AB2")),
               "AB1 and AB2 give the same result: did you keep only the rows of `test_id`?")
    mine = ab_tests[ab_tests["test_id"] == "AB1"]
    daily = (mine["clicks"] / mine["impressions"]).groupby(mine["variant"].astype(str)).mean()
    got = dict(zip(map(str, first.index), first))
    check.that(not all(_close(got[v], daily[v]) for v in ("A", "B")),
               "that is the average of the daily rates: add up the clicks and the impressions of all the days "
               "first, then divide the totals.")


def _verdict(result):
    """A verdict compared on its four numbers, then on its text (a dict, or a Series with the same labels)."""
    for key in NUMBER_KEYS:
        collect.number(result[key], rtol=1e-6, name=key)
    collect.value(result["verdict"], name="verdict")


def _read_verdict(check, result, what):
    """The verdict's five entries, or a friendly failure."""
    check.that(isinstance(result, (Mapping, pd.Series)),
               f"`ab_verdict` should return a dict (between {{}}), but it returns a {type(result).__name__}.")
    missing = [key for key in (*NUMBER_KEYS, "verdict") if key not in result]
    check.that(not missing, f"the result for {what} has no key {', '.join(repr(k) for k in missing)}: return a dict "
               "with the keys 'difference', 'low', 'high', 'p_value' and 'verdict'.")
    for key in NUMBER_KEYS:
        check.number(result[key], f"{key!r} for {what}")
    check.that(str(result["verdict"]) in VERDICTS,
               f"the verdict for {what} is {str(result['verdict'])!r}: write exactly 'B better', 'A better' or "
               "'no clear difference'.")
    return {key: float(result[key]) for key in NUMBER_KEYS} | {"verdict": str(result["verdict"])}


def _consistent(check, got, confidence, what):
    check.that(0 <= got["p_value"] <= 1, f"the p-value for {what} should be between 0 and 1.")
    check.that(got["low"] <= got["difference"] <= got["high"],
               f"the interval for {what} should hold the difference: low <= difference <= high.")
    clear = got["p_value"] < 1 - confidence
    expected = ("B better" if got["difference"] > 0 else "A better") if clear else "no clear difference"
    check.that(got["verdict"] == expected,
               f"the verdict for {what} does not follow from its p-value and difference at {confidence:.0%} "
               "confidence: a p-value below 1 - confidence gives 'B better' or 'A better' by the sign of the "
               "difference, anything else 'no clear difference'.")


#: The edge tests of Exercise 4.4: each variant's daily (impressions, clicks) over two days. Neither is clear at
#: 95%: EVEN has the same totals in both variants (a difference of 0, a p-value of 1), NEAR has B a little ahead.
EDGE_AB_TESTS = {"EVEN": {"A": [(1000, 20), (1000, 22)], "B": [(900, 18), (1100, 24)]},
                 "NEAR": {"A": [(1000, 20), (1000, 20)], "B": [(1000, 22), (1000, 23)]}}


def edge_ab_tests() -> pd.DataFrame:
    """An ab_tests table, with every column of the data dictionary, holding the edge tests of Exercise 4.4.

    >>> totals = edge_ab_tests().groupby(["test_id", "variant"], observed=True)[["impressions", "clicks"]].sum()
    >>> totals.loc["EVEN"].to_dict("list")
    {'impressions': [2000, 2000], 'clicks': [42, 42]}
    """
    rows = [{"test_id": test_id, "test_name": "Edge case", "platform": "facebook", "variant": variant,
             "description": f"Variant {variant}", "date": pd.Timestamp("2025-06-02") + pd.Timedelta(days=day),
             "impressions": impressions, "clicks": clicks}
            for test_id, variants in EDGE_AB_TESTS.items() for variant, days in variants.items()
            for day, (impressions, clicks) in enumerate(days)]
    return typed(pd.DataFrame(rows), "ab_tests")


def _verdict_slips_a(check, ab_verdict):
    ab_tests = load("ab_tests")
    first = _read_verdict(check, check.call(ab_verdict, ab_tests, "AB1", 0.95), "AB1")
    check.that(first["difference"] > 0, "AB1's variant B had the higher click-through: `difference` is B minus A "
               "(B's clicks / impressions minus A's).")
    check.rate(abs(first["difference"]), "the difference of two click-through rates")
    _consistent(check, first, 0.95, "AB1")
    second = _read_verdict(check, check.call(ab_verdict, ab_tests, "AB2", 0.95), "AB2")
    _consistent(check, second, 0.95, "AB2")
    for test_id in EDGE_AB_TESTS:
        edge = _read_verdict(check, check.call(ab_verdict, edge_ab_tests(), test_id, 0.95), f"the edge test {test_id}")
        _consistent(check, edge, 0.95, f"the edge test {test_id}")


def _verdict_slips_b(check, ab_verdict):
    ab_tests = load("ab_tests")
    at_95 = _read_verdict(check, check.call(ab_verdict, ab_tests, "AB1", 0.95), "AB1 at 95%")
    at_99 = _read_verdict(check, check.call(ab_verdict, ab_tests, "AB1", 0.99), "AB1 at 99%")
    _consistent(check, at_99, 0.99, "AB1 at 99%")
    check.that(at_99["high"] - at_99["low"] > at_95["high"] - at_95["low"],
               "the interval at 99% should be wider than at 95%: use the argument `confidence` "
               "(z = stats.norm.ppf((1 + confidence) / 2), or alpha = 1 - confidence).")
    swapped = check.call(ab_verdict, _swapped(ab_tests), "AB1", 0.95)
    swapped = _read_verdict(check, swapped, "AB1 with its variants swapped")
    _consistent(check, swapped, 0.95, "AB1 with its variants swapped")


def _swapped(ab_tests):
    return ab_tests.assign(variant=ab_tests["variant"].map({"A": "B", "B": "A"}))


def _two_days(ab_tests):
    return ab_tests.loc[ab_tests["date"] <= "2025-05-06"]


def _november(tables):
    posts = tables["posts"]
    return posts.loc[posts["posted_at"].dt.strftime("%Y-%m") == "2025-11"]


FORMAT_LIFT_HINTS = {
    "labels": "Give one value for each format the platform has posts in, and only those: keep the platform's "
              "posts first.",
    "values": "Take the median (not the mean) engagement rate, (reactions + comments + shares) / reach, of each "
              "format on this platform, and divide by the reference format's median on the same platform.",
}
AUDIT_HINTS = {
    "labels": "Give one row per account type, with the account type as the index.",
    "alt_text: values": "`alt_text` is the share with alt text among the images (format image) of each account "
                       "type, the type taken from `accounts`.",
    "captions: values": "`captions` is the share with captions among the videos (video, short_video, live) of each "
                       "account type.",
}
CLICK_THROUGH_HINTS = {
    "labels": "Give one value for each variant, A and B.",
    "values": "Keep only the rows of `test_id`, add up each variant's clicks and impressions, then divide the "
              "totals.",
}
VERDICT_HINTS = {
    "value": "From the totals of the test's two variants: `difference` is B minus A; `low` and `high` the Wald "
              "interval at the confidence asked (difference ± z × standard error, or method=\"wald\" with "
              "alpha = 1 - confidence); `p_value` the two-sided p-value of the two-proportion z test.",
    "verdict: value": "The verdict is exactly 'B better', 'A better' or 'no clear difference', from the p-value "
                      "against 1 - confidence and the sign of the difference.",
}

#: A ratio or a share per label, whatever the order of the labels.
SHARES = partial(collect.series, order=False, rtol=1e-6)

PARTS = {
    "4.1a": Part("Exercise 4.1", "format_lift", lambda t: [(t["posts"], "instagram", "image")], SHARES,
                 _format_lift_slips("instagram", "image"), FORMAT_LIFT_HINTS),
    "4.1b": Part("Exercise 4.1", "format_lift", lambda t: [(t["posts"], "x", "text")], SHARES,
                 _format_lift_slips("x", "text"), FORMAT_LIFT_HINTS),
    "4.2a": Part("Exercise 4.2", "accessibility_audit", lambda t: [(t["posts"], t["accounts"])], _audit,
                 _audit_slips(), AUDIT_HINTS),
    "4.2b": Part("Exercise 4.2", "accessibility_audit", lambda t: [(_november(t), t["accounts"])], _audit,
                 _audit_slips("2025-11"), AUDIT_HINTS),
    "4.3": Part("Exercise 4.3", "click_through", lambda t: [(t["ab_tests"], "AB1"), (t["ab_tests"], "AB2")],
                SHARES, _click_through_slips, CLICK_THROUGH_HINTS),
    "4.4a": Part("Exercise 4.4", "ab_verdict",
                 lambda t: [(t["ab_tests"], "AB1", 0.95), (t["ab_tests"], "AB2", 0.95)],
                 _verdict, _verdict_slips_a, VERDICT_HINTS,
                 lambda: [(edge_ab_tests(), test_id, 0.95) for test_id in EDGE_AB_TESTS]),
    "4.4b": Part("Exercise 4.4", "ab_verdict",
                 lambda t: [(_swapped(t["ab_tests"]), "AB1", 0.95), (_two_days(t["ab_tests"]), "AB1", 0.95),
                            (t["ab_tests"], "AB1", 0.99)],
                 _verdict, _verdict_slips_b, VERDICT_HINTS,
                 lambda: [(edge_ab_tests(), test_id, confidence) for test_id in EDGE_AB_TESTS for confidence in
                          (0.95, 0.99)]),
}
