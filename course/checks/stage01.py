"""The visible checks of stage 01, Objectives: what each test cell's one line runs.

Each part names the function it calls, how (on the tables of one seed), which properties a
hidden test compares, and the common slips it names first, on the practice data.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from ..data import load
from ..schema import PLATFORMS
from .exact import Part
from .fingerprint import by_label, in_order, rounded

STAGE = "01-objectives"

#: KPI names the hidden test adds to the campaigns' own KPIs.
MORE_KPIS = ["Impressions per post", "new followers", "petition signatures from social links", "Likes",
             "newsletter sign-ups", "Engagement rate", "visits to the committee's web page",
             "shares of the explainer video", "questions sent to members", "Consultation responses"]
#: The platforms the hidden tests of Exercise 1.3 ask a target for. They ask for two on each seed's data; a
#: part's calls cannot know the seed, so the visible check asks for all four on both.
TARGET_PLATFORMS = ("instagram", "linkedin", "x", "tiktok")
#: The platforms and targets the hidden tests of Exercise 1.4 ask a share for (all four on both seeds, as above).
PLATFORM_TARGETS = (("facebook", 0.03), ("tiktok", 0.1), ("linkedin", 0.02), ("instagram", 0.05))


def as_float(result: Any) -> dict[str, Any]:
    """One number, read as the hidden tests read it: whatever ``float()`` accepts.

    >>> as_float(0.1 + 0.2) == as_float("0.3"), as_float(pd.Series([0.3]))
    (True, {'type': 'Series'})
    """
    try:
        return {"type": "number", "value": rounded(float(result))}
    except (TypeError, ValueError):
        return {"type": type(result).__name__}


def _kpi_names(tables):
    kpis = pd.concat([tables["campaigns"]["kpi"], pd.Series(MORE_KPIS)], ignore_index=True)
    kpis.index = [f"kpi{i}" for i in range(len(kpis))]
    return [(kpis,)]


def _kpi_kind(check, kpi_kind):
    examples = pd.Series(["Reach", "website sessions from campaign links", "Followers gained",
                          "consultation responses", "video views"], index=["a", "b", "c", "d", "e"])
    labels = check.call(kpi_kind, examples)
    check.series(labels, "the labels", index=examples.index)
    check.that(set(labels) <= {"output", "outcome"},
               'each label should be the word "output" or "outcome", in lower case.')
    check.that(labels.nunique() == 2, "these examples mix platform counts and things people did, but your function "
                                      "gives them all the same label. Did you ignore upper and lower case, and look "
                                      "for the words anywhere in the name?")


def _median_baseline(check, kpi_baseline):
    posts = load("posts")
    baseline = check.call(kpi_baseline, posts, 2024)
    check.series(baseline, "the baseline", index=PLATFORMS)
    check.rate(baseline, "the baseline")
    after = check.call(kpi_baseline, _best_post_of_2024_gone_viral(posts), 2024)
    check.that((after - baseline).abs().max() < 1e-12, "one viral post changed your baseline. "
                                                       "The baseline should be the median, not the average (mean).")


def _best_post_of_2024_gone_viral(posts):
    """The posts with the best 2024 post of each platform given 50 times its reactions."""
    viral = posts.copy()
    in_2024 = viral[viral["posted_at"].dt.year == 2024]
    rate = (in_2024["reactions"] + in_2024["comments"] + in_2024["shares"]) / in_2024["reach"]
    viral.loc[rate.groupby(in_2024["platform"], observed=True).idxmax(), "reactions"] *= 50
    return viral


def _baseline_of_the_year(check, kpi_baseline):
    posts = load("posts")
    baseline_2024 = check.call(kpi_baseline, posts, 2024)
    baseline_2025 = check.call(kpi_baseline, posts, 2025)
    check.series(baseline_2025, "the 2025 baseline", index=PLATFORMS)
    check.that((baseline_2025 - baseline_2024).abs().min() > 0, "the 2024 and 2025 baselines are the same on at "
                                                                 "least one platform. Did you keep only the posts of "
                                                                 "`year`?")


def _with_2025_reactions_wiped(posts):
    changed = posts.copy()
    changed.loc[changed["posted_at"].dt.year == 2025, "reactions"] = 0
    return changed


def _stretch_target(check, stretch_target):
    posts = load("posts")
    target = check.call(stretch_target, posts, "facebook")
    check.number(target, "the target", 0, 1)
    check.that(target != check.call(stretch_target, posts, "instagram"), "Facebook and Instagram get the same "
                                                                        "target. Did you keep only the posts of "
                                                                        "`platform`?")
    check.that(check.call(stretch_target, _with_2025_reactions_wiped(posts), "facebook") == target,
               "your target changes when 2025 posts change. Did you keep only the posts of 2024?")


def _share_meeting(check, share_meeting):
    posts = load("posts")
    share = check.call(share_meeting, posts, "x", 0.02)
    check.number(share, "the share", 0, 1)
    check.that(check.call(share_meeting, posts, "x", 0) == 1, "every post has an engagement rate of at least 0, so a "
                                                              "target of 0 should give a share of 1. Did you divide "
                                                              "by the number of posts on the platform, and count the "
                                                              "posts whose rate equals the target (with >=)?")
    check.that(check.call(share_meeting, posts, "x", 0.04) < share, "a higher target should be met by fewer posts.")
    check.that(check.call(share_meeting, _with_2025_reactions_wiped(posts), "x", 0.02) == share,
               "your share changes when 2025 posts change. Did you keep only the posts of 2024?")


PARTS = {
    "1.1": Part("Exercise 1.1", "kpi_kind", _kpi_names, in_order, _kpi_kind,
                {"labels": "Return one label per KPI, on the index of `kpis` as it is.",
                 "values": "Look for each word of `platform_counts` anywhere in the name, in lower case.",
                 "order": "Keep the KPIs in the order of `kpis`: do not sort them."}),
    "1.2a": Part("Exercise 1.2", "kpi_baseline", lambda t: [(t["posts"], 2024)], by_label, _median_baseline,
                 {"labels": "Give one value per platform, labelled by the platform.",
                  "values": "Take the median of the rate of each platform's posts of `year`."}),
    "1.2b": Part("Exercise 1.2", "kpi_baseline", lambda t: [(t["posts"], 2025)], by_label, _baseline_of_the_year,
                 {"labels": "Give one value per platform, labelled by the platform.",
                  "values": "Keep only the posts published in `year`, whichever year it is."}),
    "1.3": Part("Exercise 1.3", "stretch_target", lambda t: [(t["posts"], p) for p in TARGET_PLATFORMS], as_float,
                _stretch_target, {"value": "Keep the 2024 posts of `platform` only, then take the 75th percentile "
                                           "of their rate (`.quantile` takes a fraction between 0 and 1)."}),
    "1.4": Part("Exercise 1.4", "share_meeting", lambda t: [(t["posts"], p, x) for p, x in PLATFORM_TARGETS],
                as_float, _share_meeting,
                {"value": "Keep the 2024 posts of `platform` only, count a rate equal to the target as meeting it, "
                          "and divide by the number of those posts."}),
}
