"""The visible checks of stage 07, Evaluation: what each test cell's one line runs.

Each part names the function it calls, how (on the tables of one seed), which properties a
hidden test compares, and the common slips it names first, on the practice data.
"""

from __future__ import annotations

import pandas as pd

from ..data import load
from .exact import Part
from .fingerprint import by_label, label, rounded

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


def rows_by_label(result, names: list[str]) -> dict:
    """A DataFrame compared row by row on the columns ``names``, whatever the order of its rows.

    >>> rows_by_label(pd.DataFrame({"a": [2.0, 1.0]}, index=["y", "x"]), ["a"])
    {'type': 'DataFrame', 'labels': ['x', 'y'], 'column a': [1, 2]}
    """
    if not isinstance(result, pd.DataFrame):
        return {"type": "Series" if isinstance(result, pd.Series) else type(result).__name__}
    order = sorted(range(len(result)), key=lambda i: label(result.index[i]))
    view = {"type": "DataFrame", "labels": [label(result.index[i]) for i in order]}
    for name in names:
        view[f"column {name}"] = [rounded(v) for v in result[name].iloc[order]] if name in result.columns else None
    return view


def week_label(value) -> str:
    """A week as the hidden tests read it: the day its label falls on.

    >>> week_label(pd.Timestamp("2025-03-09")), week_label("2025-03-09 00:00:00")
    ('2025-03-09', '2025-03-09')
    """
    try:
        return str(pd.Timestamp(value).date())
    except (TypeError, ValueError):
        return label(value)


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


def _cost_slips(rate, only_some):
    """The slips of cost_per_outcome at ``rate``; ``only_some``: outcomes of three campaigns only."""

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
        money_only = check.call(cost_per_outcome, campaigns, outcomes, 0)
        check.that(not per.sort_index().astype(float).equals(money_only.sort_index().astype(float)),
                   "the hourly rate changes nothing: add staff_hours × hourly_rate to budget_eur.")
        shuffled = check.call(cost_per_outcome, campaigns, outcomes.sample(frac=1, random_state=3), rate)
        check.that(bool((shuffled.sort_index().astype(float) - per.sort_index().astype(float)).abs().max() < 1e-9),
                   "your costs change when the outcomes come in another order: divide by `outcomes` itself, which "
                   "lines the campaigns up by their labels, not by `.values`.")

    return slips


def _alert_slips(account, window):
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

    return slips


SCORE_HINTS = {
    "labels": "Give one row per campaign, indexed by campaign_id.",
    "column achieved": "`achieved` is the value given in the argument `achieved`, lined up by campaign.",
    "column share_of_target": "`share_of_target` is achieved / kpi_target.",
    "column met": "`met` is True when achieved is at least kpi_target (`>=`).",
    "column rise": "`rise` is achieved - kpi_baseline.",
    "column progress": "`progress` is (achieved - kpi_baseline) / (kpi_target - kpi_baseline).",
}
PLATFORM_HINTS = {
    "labels": "Give one row per platform on which the campaign published posts.",
    "column reach": "`reach` adds up the reach of the campaign's posts on each platform.",
    "column sessions": "`sessions` adds up the visits whose campaign_id is the campaign's and whose source is the "
                       "platform (0 if none).",
    "column sessions_per_1000": "`sessions_per_1000` is 1,000 × sessions / reach (reach, not impressions).",
}
COST_HINTS = {
    "labels": "Return one value for each campaign of `outcomes`, indexed by campaign_id.",
    "values": "The cost is budget_eur + staff_hours × hourly_rate, divided by the campaign's own outcomes (lined up "
              "by campaign_id, not by position).",
}
ALERT_HINTS = {
    "labels": "Flag a week when its median is below the mean minus 2 standard deviations of the `window` weeks "
              "before it (`.shift(1)`), not of a range that includes the week itself or of the whole period.",
    "values": "Give each flagged week its median (not mean) engagement rate, (reactions + comments + shares) / reach.",
}

PARTS = {
    "7.1a": Part("Exercise 7.1", "scorecard", _scorecard_calls,
                 lambda r: rows_by_label(r, SCORE_COLUMNS), _scorecard_slips(SCORE_COLUMNS), SCORE_HINTS),
    "7.1b": Part("Exercise 7.1", "scorecard", _scorecard_calls,
                 lambda r: rows_by_label(r, ["rise", "progress"]), _scorecard_slips(["rise", "progress"]),
                 SCORE_HINTS),
    "7.2": Part("Exercise 7.2", "platform_outcomes",
                lambda t: [(t["posts"], t["web_visits"], campaign) for campaign in ("C25-KNOW", "C25-HEAR")],
                lambda r: rows_by_label(r, PLATFORM_COLUMNS), _platform_outcomes_slips, PLATFORM_HINTS),
    "7.3a": Part("Exercise 7.3", "cost_per_outcome",
                 lambda t: [(t["campaigns"],
                             t["web_visits"].groupby("campaign_id")["sessions"].sum().sort_values(), 35)],
                 by_label, _cost_slips(35, only_some=False), COST_HINTS),
    "7.3b": Part("Exercise 7.3", "cost_per_outcome",
                 lambda t: [(t["campaigns"],
                             t["consultations"].groupby("campaign_id").size().sort_values(ascending=False), 50)],
                 by_label, _cost_slips(50, only_some=True), COST_HINTS),
    "7.4a": Part("Exercise 7.4", "alert_weeks", lambda t: [(t["posts"], "INS-IG", 4)],
                 lambda r: by_label(r, week_label), _alert_slips("INS-IG", 4), ALERT_HINTS),
    "7.4b": Part("Exercise 7.4", "alert_weeks", lambda t: [(t["posts"], "INS-X", 6)],
                 lambda r: by_label(r, week_label), _alert_slips("INS-X", 6), ALERT_HINTS),
}
