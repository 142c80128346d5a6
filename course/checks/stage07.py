"""The visible checks of stage 07, Evaluation: what each test cell's one line runs.

Each part names the function it calls, how (on the tables of one seed), which properties a
hidden test compares, and the common slips it names first, on the practice data.
"""

from __future__ import annotations

from functools import partial

import pandas as pd

from ..data import load
from . import collect
from .exact import Part

STAGE = "07-evaluation"

SCORE_COLUMNS = ["achieved", "share_of_target", "met"]
PLATFORM_COLUMNS = ["reach", "sessions", "sessions_per_1000"]


def achieved_values(tables: dict[str, pd.DataFrame]) -> pd.Series:
    """Each campaign's main KPI (part 1 of campaign_kpis) counted over its days, as section 1 of the stage does.

    The counting is the generator's, the same that makes each baseline, so a KPI and its baseline are counted
    alike on every seed.
    """
    from ..generator.campaigns import kpi_value

    parts = tables["campaign_kpis"]
    main = parts[parts["part"] == 1]
    return pd.Series({row.campaign_id: kpi_value(tables, row.kpi, row.counted_from, row.counted_to)
                      for row in main.itertuples()}).sort_index()


def _scorecard_calls(tables):
    """The calls of scorecard: the KPIs achieved, then every campaign exactly on its target."""
    on_target = tables["campaigns"].set_index("campaign_id")["kpi_target"]
    return [(tables["campaigns"], achieved_values(tables)), (tables["campaigns"], on_target)]


def columns(*wanted: tuple[str, float, float]):
    """Collect the columns ``wanted`` (name, rtol, atol) of a result, each as a Series compared label by label."""

    def collect_columns(result) -> None:
        for name, rtol, atol in wanted:
            collect.series(result[name], order=False, rtol=rtol, atol=atol, name=name)

    return collect_columns


#: The small tables of Exercise 7.2's special cases: the campaign EDGE posted on facebook, x and linkedin.
EDGE_CAMPAIGN = "C99-EDGE"
#: Each edge post: platform, campaign, reach.
EDGE_POSTS = [("facebook", EDGE_CAMPAIGN, 4000), ("facebook", EDGE_CAMPAIGN, 1000), ("x", EDGE_CAMPAIGN, 2000),
              ("linkedin", EDGE_CAMPAIGN, 500), ("instagram", None, 3000)]
#: Each edge visit: source, campaign, sessions. No visit came from linkedin: 0 sessions there, not an empty value;
#: the campaign's visits from search have no row (it posted nothing there); the other visits are not the campaign's.
EDGE_VISITS = [("facebook", EDGE_CAMPAIGN, 40), ("facebook", EDGE_CAMPAIGN, 5), ("x", EDGE_CAMPAIGN, 8),
               ("search", EDGE_CAMPAIGN, 70), ("linkedin", None, 9), ("instagram", "C25-KNOW", 12)]
#: Exercise 7.4's edge account: one post a week from Monday 6 January 2025, its engagement rate per 1,000 reached
#: (None: no post that week). With a window of 2: the week after the empty one is flagged when the empty week is
#: left out (not when its empty median leaves no range, nor when it counts as 0); the last one only with the
#: spread of the n-1 standard deviation.
EDGE_RATES = [100, 110, None, 50, 10]
EDGE_ACCOUNT, EDGE_WINDOW = "EDGE-IG", 2


def _posts_like(rows: list[dict]) -> pd.DataFrame:
    """A posts table with the course's columns and dtypes, each row a practice post changed by ``rows``."""
    posts = load("posts").head(len(rows)).copy()
    for column in rows[0]:
        posts[column] = pd.Series([row[column] for row in rows], index=posts.index).astype(posts[column].dtype)
    return posts.reset_index(drop=True)


def edge_outcome_tables() -> tuple[pd.DataFrame, pd.DataFrame]:
    """The posts and web visits of Exercise 7.2's special cases."""
    posts = _posts_like([{"platform": platform, "campaign_id": campaign, "reach": reach, "account_id": "INS-FB"}
                         for platform, campaign, reach in EDGE_POSTS])
    visits = load("web_visits").head(len(EDGE_VISITS)).copy().reset_index(drop=True)
    for column, values in zip(["source", "campaign_id", "sessions"], zip(*EDGE_VISITS)):
        visits[column] = pd.Series(values).astype(visits[column].dtype)
    return posts, visits


def edge_weekly_posts() -> pd.DataFrame:
    """The posts of Exercise 7.4's special cases: one a week (none the third week), on one account."""
    monday = pd.Timestamp("2025-01-06 10:00")
    rows = [{"account_id": EDGE_ACCOUNT, "posted_at": monday + pd.Timedelta(weeks=week), "reach": 1000,
             "reactions": rate, "comments": 0, "shares": 0}
            for week, rate in enumerate(EDGE_RATES) if rate is not None]
    return _posts_like(rows)


def _scorecard_slips(columns):
    """The slips of scorecard that matter to the columns ``columns`` (each part checks its own)."""

    def slips(check, scorecard):
        campaigns = load("campaigns")
        by_id = campaigns.set_index("campaign_id")
        on_target = by_id["kpi_target"].sort_index()
        card = check.call(scorecard, campaigns, on_target)
        check.frame(card, columns, "the scorecard")
        check.that(len(card) == len(campaigns), f"the scorecard has {len(card)} rows: give one row per campaign.")
        check.that(set(map(str, card.index)) == set(campaigns["campaign_id"]),
                   "index the scorecard by campaign_id (`.set_index(\"campaign_id\")`).")
        card = card.loc[list(on_target.index)]
        if "share_of_target" in columns:
            shares = pd.to_numeric(card["share_of_target"], errors="coerce")
            check.that(not (shares > 10).any(), "`share_of_target` is a ratio (1 = target reached), not a percentage.")
            check.that(bool(((shares - 1).abs() < 1e-9).all()),
                       "a campaign that achieved exactly its target should have a share_of_target of 1: divide the "
                       "achieved value by kpi_target (not by the baseline).")
            check.that(bool(card["met"].astype(bool).all()),
                       "a campaign that achieved exactly its target has met it: use `>=` (at least), not `>`.")
            shuffled = on_target.sample(frac=1, random_state=3)
            again = check.call(scorecard, campaigns, shuffled * 2)
            doubled = pd.to_numeric(again.loc[list(on_target.index), "share_of_target"])
            check.that(bool((doubled - 2).abs().max() < 1e-9),
                       "the achieved values do not line up with their campaigns: put `achieved` into the table by its "
                       "labels (a column made from a Series lines up by the index), not with `.values` or `.tolist()`.")
        if "rise" in columns:
            rise = pd.to_numeric(card["rise"], errors="coerce")
            step = (by_id["kpi_target"] - by_id["kpi_baseline"]).loc[list(on_target.index)]
            check.that(bool(((rise - step).abs() < 1e-6).all()),
                       "`rise` is achieved - kpi_baseline: a campaign that achieved exactly its target rose by "
                       "target - baseline (subtract the baseline, not the target).")
        if "progress" in columns:
            progress = pd.to_numeric(card["progress"], errors="coerce")
            check.that(bool(((progress - 1).abs() < 1e-9).all()),
                       "a campaign that achieved exactly its target made the whole step: its progress should be 1. "
                       "Divide (achieved - baseline) by (target - baseline).")
            at_baseline = check.call(scorecard, campaigns, by_id["kpi_baseline"].sort_index())
            check.that(bool((pd.to_numeric(at_baseline["progress"]).abs() < 1e-9).all()),
                       "a campaign that achieved only its baseline made no progress: its progress should be 0. "
                       "Subtract the baseline from the achieved value first.")

    return slips


def _platform_outcomes_slips(check, platform_outcomes):
    posts, visits, campaigns = load("posts"), load("web_visits"), load("campaigns")
    table = check.call(platform_outcomes, posts, visits, "C25-KNOW")
    check.frame(table, PLATFORM_COLUMNS, "the table of platforms")
    used = set(campaigns.set_index("campaign_id").loc["C25-KNOW", "platforms"].split(";"))
    check.that(set(map(str, table.index)) == used,
               "give one row per platform the campaign posted on, indexed by platform: keep the campaign's posts "
               "only, then group them by platform.")
    check.that(not table[PLATFORM_COLUMNS].isna().any().any(),
               "the table has empty (NaN) values: a platform that brought no visit has 0 sessions (`.fillna(0)`).")
    brought = visits.loc[visits["campaign_id"] == "C25-KNOW", "sessions"].sum()
    check.that(float(table["sessions"].sum()) <= brought,
               "the sessions add up to more than the campaign's links brought: keep only the visits whose "
               "campaign_id is the campaign's.")
    check.that(float(table["reach"].sum()) <= posts.loc[posts["campaign_id"] == "C25-KNOW", "reach"].sum(),
               "the reach adds up to more than the campaign's posts reached: keep only the campaign's posts.")
    check.that(float(table["sessions_per_1000"].max()) > 0.5,
               "`sessions_per_1000` is per 1,000 people reached: multiply sessions / reach by 1,000.")


def _cost_slips(rate, only_some, other_rate=None):
    """The slips of cost_per_outcome at ``rate``; ``only_some``: outcomes of three campaigns only; with
    ``other_rate``, whether the cost follows the argument (the hidden tests of this part try another rate)."""

    def slips(check, cost_per_outcome):
        campaigns = load("campaigns")
        if only_some:
            outcomes = load("consultations").groupby("campaign_id").size()
        else:
            outcomes = load("web_visits").groupby("campaign_id")["sessions"].sum()
        per = check.call(cost_per_outcome, campaigns, outcomes, rate)
        check.kind(per, pd.Series, "the cost per outcome")
        if only_some:
            check.that(set(map(str, per.index)) == set(outcomes.index),
                       "return one value for each campaign of `outcomes`, and none for the others (`.dropna()`).")
        check.series(per, "the cost per outcome", index=outcomes.index)
        check.that(bool((per.astype(float) > 0).all()), "every cost per outcome should be above 0.")
        budget_only = (campaigns.set_index("campaign_id")["budget_eur"] / outcomes).dropna()
        check.that(not _same(per, budget_only), "the staff hours change nothing: add staff_hours × hourly_rate to "
                                                "budget_eur.")
        if other_rate is not None:
            other = check.call(cost_per_outcome, campaigns, outcomes, other_rate)
            check.that(not _same(per, other), f"the costs at {other_rate} EUR an hour are the same as at {rate}: "
                                              "use the argument `hourly_rate` for the value of a staff hour, not a "
                                              "number typed in.")
        shuffled = check.call(cost_per_outcome, campaigns, outcomes.sample(frac=1, random_state=3), rate)
        check.that(_same(shuffled, per),
                   "your costs change when the outcomes come in another order: divide by `outcomes` itself, which "
                   "lines the campaigns up by their labels, not by `.values`.")

    return slips


def _same(first: pd.Series, second: pd.Series) -> bool:
    """Whether two Series of costs hold the same values for the same labels, to a hair."""
    first, second = first.astype(float).sort_index(), second.astype(float).sort_index()
    return bool(first.index.equals(second.index) and ((first - second).abs() <= 1e-9 * second.abs()).all())


def _alert_slips(account, window, other_window=None):
    """The slips of alert_weeks for ``account``; with ``other_window``, whether the range follows the argument."""

    def slips(check, alert_weeks):
        flagged = check.call(alert_weeks, load("posts"), account, window)
        check.series(flagged, "the flagged weeks")
        check.that(not isinstance(flagged.index, pd.PeriodIndex),
                   "label each week by its last day, a Sunday, as `.resample(\"W\")` does, not by a period.")
        try:
            days = [pd.Timestamp(week) for week in flagged.index]
        except (TypeError, ValueError):
            check.fail("the index should be the weeks, as dates (`.resample(\"W\")` gives them).")
        check.that(all(day.day_name() == "Sunday" for day in days),
                   "label each week by its last day, a Sunday, as `.resample(\"W\")` does.")
        check.rate(flagged, "each flagged week's median engagement rate")
        if other_window is not None:
            other = check.call(alert_weeks, load("posts"), account, other_window)
            check.that(len(flagged) or len(other), f"no week is flagged with a window of {window} or of "
                       f"{other_window} weeks, yet some weeks fall below their bottom: compare each week with the "
                       "`window` weeks *before* it (`.rolling(window)`, then `.shift(1)`).")
            check.that(not flagged.equals(other), f"a window of {other_window} weeks flags the same weeks as "
                                                  f"{window}: use the argument `window` for the number of weeks "
                                                  "before each week, not a number typed in.")

    return slips


SCORE_HINTS = {
    "labels": "Give one row per campaign, indexed by campaign_id.",
    "achieved: values": "`achieved` is the value given in the argument `achieved`, lined up by campaign.",
    "share_of_target: values": "`share_of_target` is achieved / kpi_target.",
    "met: values": "`met` is True when achieved is at least kpi_target (`>=`).",
    "rise: values": "`rise` is achieved - kpi_baseline.",
    "progress: values": "`progress` is (achieved - kpi_baseline) / (kpi_target - kpi_baseline).",
}
PLATFORM_HINTS = {
    "labels": "Give one row per platform on which the campaign published posts (and no other).",
    "reach: values": "`reach` adds up the reach of the campaign's posts on each platform.",
    "sessions: values": "`sessions` adds up the visits whose campaign_id is the campaign's and whose source is the "
                        "platform (0 if none, not an empty value).",
    "sessions_per_1000: values": "`sessions_per_1000` is 1,000 × sessions / reach (reach, not impressions; 0 when "
                                 "no visit came).",
}
COST_HINTS = {
    "labels": "Return one value for each campaign of `outcomes`, indexed by campaign_id.",
    "values": "The cost is budget_eur + staff_hours × hourly_rate, divided by the campaign's own outcomes (lined up "
              "by campaign_id, not by position).",
}
ALERT_HINTS = {
    "labels": "Flag a week when its median is below the mean minus 2 standard deviations (pandas' `.std()`, not "
              "`np.std`) of the `window` weeks with posts before it (`.shift(1)`), not of a range that includes the "
              "week itself or of the whole period; leave out the weeks without posts (`.dropna()`).",
    "values": "Give each flagged week its median (not mean) engagement rate, (reactions + comments + shares) / reach.",
}


def _platform_calls(tables):
    return [(tables["posts"], tables["web_visits"], campaign) for campaign in ("C25-KNOW", "C25-HEAR")]


def _cost_calls(source, rate):
    """Exercise 7.3's call: each campaign's outcomes from ``source`` (visits or responses), at ``rate``."""
    if source == "web_visits":
        return lambda t: [(t["campaigns"], t["web_visits"].groupby("campaign_id")["sessions"].sum().sort_values(),
                           rate)]
    return lambda t: [(t["campaigns"], t["consultations"].groupby("campaign_id").size().sort_values(ascending=False),
                       rate)]


def _alert_edges():
    return [(edge_weekly_posts(), EDGE_ACCOUNT, EDGE_WINDOW)]


_SCORE_A = columns(("achieved", 1e-6, 0), ("share_of_target", 1e-6, 0), ("met", 0, 0))
_SCORE_B = columns(("rise", 1e-6, 1e-9), ("progress", 1e-6, 1e-9))
_PLATFORMS = columns(("reach", 0, 0), ("sessions", 1e-6, 0), ("sessions_per_1000", 1e-6, 0))
_BY_LABEL = partial(collect.series, order=False, rtol=1e-6)

PARTS = {
    "7.1a": Part("Exercise 7.1", "scorecard", _scorecard_calls, _SCORE_A, _scorecard_slips(SCORE_COLUMNS),
                 SCORE_HINTS),
    "7.1b": Part("Exercise 7.1", "scorecard", _scorecard_calls, _SCORE_B, _scorecard_slips(["rise", "progress"]),
                 SCORE_HINTS),
    "7.2": Part("Exercise 7.2", "platform_outcomes", _platform_calls, _PLATFORMS, _platform_outcomes_slips,
                PLATFORM_HINTS, lambda: [(*edge_outcome_tables(), EDGE_CAMPAIGN)]),
    "7.3a": Part("Exercise 7.3", "cost_per_outcome", _cost_calls("web_visits", 35), _BY_LABEL,
                 _cost_slips(35, only_some=False), COST_HINTS),
    "7.3b": Part("Exercise 7.3", "cost_per_outcome", _cost_calls("consultations", 50), _BY_LABEL,
                 _cost_slips(50, only_some=True, other_rate=35), COST_HINTS),
    "7.4a": Part("Exercise 7.4", "alert_weeks", lambda t: [(t["posts"], "INS-IG", 4)], _BY_LABEL,
                 _alert_slips("INS-IG", 4, other_window=6), ALERT_HINTS, _alert_edges),
    "7.4b": Part("Exercise 7.4", "alert_weeks", lambda t: [(t["posts"], "INS-X", 6)], _BY_LABEL,
                 _alert_slips("INS-X", 6, other_window=4), ALERT_HINTS, _alert_edges),
}
