"""The visible checks of stage 02, Audience: what each test cell's one line runs.

Each part names the function it calls, how (on the tables of one seed), which properties a
hidden test compares, and the common slips it names first, on the practice data.

The small tables of the edge cases have the course's own types:

>>> edge_survey()["age_band"].dtype == load("survey")["age_band"].dtype
True
>>> edge_audience()["month"].dtype == load("audience")["month"].dtype
True
"""

from __future__ import annotations

from datetime import datetime
from functools import partial

import numpy as np
import pandas as pd

from ..data import load, typed
from ..schema import AGE_BANDS, PLATFORMS
from . import collect
from .exact import Part

STAGE = "02-audience"

# What the hidden tests ask each function, on the data of every seed.
RANKED_GROUPS = (("18-24", "Southern Isles"), ("65+", "North Coast"), ("35-44", "River Valley"))
REACHED_GROUPS = (("18-24", ("instagram", "tiktok")), ("65+", ("facebook", "youtube")), ("45-54", ("x",)),
                  ("25-34", ("linkedin", "x", "youtube")))
GAP_ACCOUNTS = (("INS-TT", "tiktok"), ("INS-FB", "facebook"))
GROWTH_ACCOUNTS = ("INS-FB", "INS-TT")

#: The respondents of the edge cases: age band, region, then the platforms each uses weekly. The four young
#: islanders use Instagram, YouTube and TikTok as often as one another (a tie, in any order), and Facebook and X
#: as often as each other; nobody aged 35-44, 55-64 or 65+ uses TikTok, so their share of its users is 0.
EDGE_RESPONDENTS = [
    ("18-24", "Southern Isles", ("instagram", "youtube", "tiktok")),
    ("18-24", "Southern Isles", ("facebook", "instagram", "youtube", "tiktok")),
    ("18-24", "Southern Isles", ("instagram", "x", "youtube", "tiktok")),
    ("18-24", "Southern Isles", ()),
    ("18-24", "Capital District", ("instagram", "tiktok", "linkedin")),
    ("25-34", "Southern Isles", ("facebook", "x", "tiktok", "linkedin")),
    ("35-44", "North Coast", ("facebook", "youtube")),
    ("45-54", "River Valley", ("facebook", "x", "tiktok")),
    ("55-64", "Eastern Highlands", ("facebook", "youtube")),
    ("65+", "North Coast", ("facebook", "youtube")),
    ("65+", "Southern Isles", ("facebook",)),
]
#: The followers' age mix (18-24 first) of two accounts in the last two months of the edge cases.
EDGE_MIXES = {
    ("2025-11-01", "INS-TT"): (0.30, 0.25, 0.20, 0.12, 0.08, 0.05),
    ("2025-12-01", "INS-FB"): (0.05, 0.10, 0.15, 0.25, 0.25, 0.20),
    ("2025-12-01", "INS-TT"): (0.32, 0.26, 0.18, 0.12, 0.07, 0.05),
}


def edge_survey() -> pd.DataFrame:
    """A survey table, with every column of the data dictionary, holding :data:`EDGE_RESPONDENTS`."""
    rows = [{"respondent_id": f"E{number:03d}", "age_band": band, "region": region, "gender": "other or not said",
             **{f"uses_{name}": name in used for name in PLATFORMS}, "main_platform": used[0] if used else "none",
             "follows_parliament": False, "trust_parliament": 3}
            for number, (band, region, used) in enumerate(EDGE_RESPONDENTS, start=1)]
    return typed(pd.DataFrame(rows), "survey")


def edge_audience() -> pd.DataFrame:
    """An audience table, with every column of the data dictionary, holding :data:`EDGE_MIXES`."""
    rows = [{"month": month, "account_id": account, "age_band": band, "share": share}
            for (month, account), shares in EDGE_MIXES.items() for band, share in zip(AGE_BANDS, shares)]
    return typed(pd.DataFrame(rows), "audience")


def _rank_platforms(check, rank_platforms):
    survey = load("survey")
    result = check.call(rank_platforms, survey, "18-24", "Southern Isles")
    check.series(result, "rank_platforms(survey, '18-24', 'Southern Isles')", index=PLATFORMS)
    check.rate(result, "each platform's share")
    check.that(result.is_monotonic_decreasing, "the platforms should be sorted from the most used to the least used.")
    capital = check.call(rank_platforms, survey, "18-24", "Capital District")
    check.that(not result.equals(capital),
               "the result is the same for two regions; did you keep only the respondents of `region`?")
    oldest = check.call(rank_platforms, survey, "65+", "Southern Isles")
    check.that(not result.equals(oldest),
               "the result is the same for two age bands; did you keep only the respondents of `age_band`?")


def _practice_share(check, reachable_share, age_band: str, chosen: list[str]) -> float:
    share = check.call(reachable_share, load("survey"), age_band, chosen)
    what = f"reachable_share(survey, {age_band!r}, {chosen!r})"
    check.number(share, what)
    check.rate(share, what)
    return float(share)


def _reachable_share(check, reachable_share):
    one = _practice_share(check, reachable_share, "18-24", ["instagram"])
    two = _practice_share(check, reachable_share, "18-24", ["instagram", "tiktok"])
    check.that(two >= one, "adding a platform lowered the share; count people who use at least one platform, "
               "not people who use all of them.")
    every = _practice_share(check, reachable_share, "65+", list(PLATFORMS))
    oldest = _practice_share(check, reachable_share, "65+", ["instagram"])
    check.that(oldest != one,
               "the share is the same for two age bands; did you keep only the respondents of `age_band`?")
    check.that(every != oldest, "the share is the same for one platform and for six; build the columns from "
               "`chosen_platforms`, the argument, not from a list of the notebook.")


def _reach_gap(check, reach_gap):
    audience, survey = load("audience"), load("survey")
    result = check.call(reach_gap, audience, survey, "INS-IG", "instagram")
    check.series(result, "reach_gap(audience, survey, 'INS-IG', 'instagram')", index=AGE_BANDS)
    check.that(abs(result.sum()) < 1e-6, f"the gaps add up to {result.sum():.3f}, yet both age mixes add up to 1, so "
               "their gaps should cancel out; did you keep only the latest month, and use shares rather than counts?")
    tiktok_users = check.call(reach_gap, audience, survey, "INS-IG", "tiktok")
    check.that(not tiktok_users.equals(result), "the gaps are the same whatever the platform; compare with the "
               "respondents who use `platform`, the argument, not with all of them or the users of a platform typed "
               "in.")


def _monthly_table(check, monthly_growth, wanted: list[str], account: str = "INS-FB"):
    followers = load("followers")
    result = check.call(monthly_growth, followers, account)
    check.frame(result, wanted, f"monthly_growth(followers, {account!r})")
    check.that(len(result) == followers["date"].dt.to_period("M").nunique(),
               f"there should be one row per month of the data, not {len(result)}; "
               "did you resample by month with \"MS\"?")
    return result


def _first_days(index) -> bool:
    return all(isinstance(day, datetime) and day.day == 1 for day in index)


def _growth(check, monthly_growth):
    result = _monthly_table(check, monthly_growth, ["gained", "lost", "net"])
    check.that(_first_days(result.index), "the rows should be labelled (indexed) by the first day of each month, "
               "as resample(\"MS\", on=\"date\") gives.")
    check.that((result["net"] == result["gained"] - result["lost"]).all(), "`net` should be `gained` minus `lost`.")
    tiktok = _monthly_table(check, monthly_growth, ["gained"], "INS-TT")
    check.that(not tiktok["gained"].equals(result["gained"]),
               "the result is the same for two accounts; did you keep only the rows of `account_id`?")


def _lost_over(account: str, how: str):
    """The month's lost followers over the followers combined another way ("sum" of the days, or "last" day)."""
    rows = load("followers")
    rows = rows[rows["account_id"] == account]
    monthly = rows.resample("MS", on="date").agg({"lost": "sum", "followers": how})
    return (monthly["lost"] / monthly["followers"]).to_numpy()


def _churn(check, monthly_growth):
    churn = _monthly_table(check, monthly_growth, ["churn_rate"])["churn_rate"]
    check.series(churn, "the churn rate")
    check.rate(churn, "the churn rate")
    values = churn.to_numpy(dtype=float)
    check.that(not np.allclose(values, _lost_over("INS-FB", "sum")),
               "the churn rate is divided by the followers added up over all the days of the month: "
               "divide by the followers at the start of the month, the count of its first day.")
    check.that(not np.allclose(values, _lost_over("INS-FB", "last"), rtol=1e-9),
               "the churn rate is divided by the followers at the end of the month: divide by the followers at "
               "its start, the count of the month's first day.")


PARTS = {
    "2.1": Part("Exercise 2.1", "rank_platforms", lambda t: [(t["survey"], *group) for group in RANKED_GROUPS],
                partial(collect.series, order=False, decreasing=True, rtol=1e-6), _rank_platforms,
                {"labels": "Give one value per platform, named without the uses_ prefix.",
                 "values": "Keep the respondents of the age band and of the region (both at once), then take shares.",
                 "order": "Sort from the most used platform to the least used."},
                lambda: [(edge_survey(), "18-24", "Southern Isles")]),
    "2.2": Part("Exercise 2.2", "reachable_share",
                lambda t: [(t["survey"], band, list(chosen)) for band, chosen in REACHED_GROUPS],
                partial(collect.number, rtol=1e-6), _reachable_share,
                {"value": "Among the age band's respondents, count once each person who uses at least one of the "
                          "platforms in chosen_platforms, and divide by the number of those respondents."}),
    "2.3": Part("Exercise 2.3", "reach_gap",
                lambda t: [(t["audience"], t["survey"], *pair) for pair in GAP_ACCOUNTS],
                partial(collect.series, order=False, rtol=1e-6, atol=1e-9), _reach_gap,
                {"labels": "Give one value per age band.",
                 "values": "Take this account's shares in the latest month, minus the age mix of the respondents "
                           "who use this platform (0 for a band in which none of them is)."},
                lambda: [(edge_audience(), edge_survey(), "INS-TT", "tiktok")]),
    "2.4a": Part("Exercise 2.4", "monthly_growth", lambda t: [(t["followers"], a) for a in GROWTH_ACCOUNTS],
                 partial(collect.frame, columns=["gained", "lost", "net"], index="text", rtol=0), _growth,
                 {"rows": "Make one row per calendar month, for this account only.",
                  "labels": "Label each month by its first day, as resample(\"MS\", on=\"date\") does.",
                  "column gained": "Add up the followers gained on the days of each month, for this account only.",
                  "column lost": "Add up the followers lost on the days of each month, for this account only.",
                  "column net": "Net growth is the month's gained minus its lost."}),
    "2.4b": Part("Exercise 2.4", "monthly_growth", lambda t: [(t["followers"], a) for a in GROWTH_ACCOUNTS],
                 partial(collect.frame, columns=["churn_rate"], rtol=1e-6, atol=1e-8), _churn,
                 {"rows": "Make one row per calendar month, for this account only.",
                  "column churn_rate": "Divide the month's lost followers by the followers at its start, the count "
                                       "of its first day (a share, not a percentage)."}),
}
