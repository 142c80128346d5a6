"""The visible checks of stage 08, the case study: what each test cell's one line runs.

Each part names the function it calls, how (on the tables of one seed, for one or more campaigns), which
properties a hidden test compares, and the common slips it names first, on the practice data.
"""

from __future__ import annotations

import math
from typing import Any

import pandas as pd

from ..data import load
from .exact import Part
from .fingerprint import by_label, rounded

STAGE = "08-case-study"

OUTCOME_LABELS = ["sessions", "responses", "responses_18_24"]
CONVERSATION_LABELS = ["comments", "questions", "answered_share", "median_reply_minutes", "abusive_share"]
FORMAT_COLUMNS = ["platform", "format", "posts", "median_rate"]
SCORECARD_LABELS = ["reach", "kpi_achieved", "share_of_target", "brought", "brought_per_1000_reached",
                    "cost_per_outcome_brought"]


def _outcomes_slips(campaign, other_campaign, promoted_a_consultation):
    """The slips of campaign_outcomes for ``campaign``, whose outcomes must differ from ``other_campaign``'s."""

    def slips(check, campaign_outcomes):
        visits, responses = load("web_visits"), load("consultations")
        got = check.call(campaign_outcomes, visits, responses, campaign)
        check.series(got, f"the outcomes of {campaign}", index=OUTCOME_LABELS)
        values = got.astype(float)
        check.that(bool((values >= 0).all()) and bool((values == values.round()).all()),
                   "each outcome is a count: a whole number, 0 or more.")
        check.that(values["responses_18_24"] <= values["responses"],
                   "`responses_18_24` cannot be more than `responses`: count the young among the campaign's responses.")
        check.that((values["responses"] > 0) == promoted_a_consultation,
                   "count only the responses whose `campaign_id` is the campaign's."
                   if promoted_a_consultation else
                   "this campaign promoted no consultation: keep only the responses whose `campaign_id` is the "
                   "campaign's, and return 0 for none.")
        check.that(not got.equals(check.call(campaign_outcomes, visits, responses, other_campaign)),
                   "two campaigns give the same outcomes: did you keep only the rows of `campaign_id`?")

    return slips


def _conversation_slips(check, conversation):
    comments, posts = load("comments"), load("posts")
    got = check.call(conversation, comments, posts, "C25-HEAR")
    check.series(got, "the conversation of Open Hearings", index=CONVERSATION_LABELS)
    check.rate(got[["answered_share", "abusive_share"]], "`answered_share` and `abusive_share`")
    check.that(float(got["questions"]) <= float(got["comments"]), "`questions` cannot be more than `comments`.")
    check.that(float(got["comments"]) < len(comments) / 5,
               "`comments` counts every comment of the table: keep only the comments on the campaign's posts.")
    check.that(float(got["median_reply_minutes"]) > 0, "`median_reply_minutes` is the median of `reply_minutes` "
               "over the questions that got a reply, in minutes.")


def _format_slips(campaign, min_posts, platforms):
    """The slips of format_rates for ``campaign``, whose posts cover ``platforms`` platforms."""

    def slips(check, format_rates):
        got = check.call(format_rates, load("posts"), campaign, min_posts)
        check.frame(got, FORMAT_COLUMNS, "the formats by platform")
        check.that((got["posts"] >= min_posts).all(), "a row has fewer than min_posts posts: drop those rows.")
        check.that(not got.duplicated(["platform", "format"]).any(),
                   "a platform and format appear on two rows: group by both, once.")
        check.that(got["platform"].nunique() >= platforms,
                   "the campaign posted on several platforms: group by platform *and* format, so that formats are "
                   "compared within each platform.")
        check.rate(got["median_rate"], "`median_rate`")

    return slips


def _scorecard_slips(campaign, hourly_rate, kind):
    def slips(check, scorecard):
        tables = [load(name) for name in ("campaigns", "posts", "web_visits", "consultations")]
        got = check.call(scorecard, *tables, campaign, hourly_rate)
        check.series(got, f"the scorecard of {campaign}", index=SCORECARD_LABELS)
        values = got.astype(float)
        check.that(bool((values > 0).all()), "every value of the scorecard should be above 0.")
        check.that(values["share_of_target"] < 5, "`share_of_target` is `kpi_achieved` divided by `kpi_target`: "
                   "a share, where 1 means the target was just met.")
        check.that(values["kpi_achieved"] < values["reach"] and values["brought"] < values["reach"],
                   "`kpi_achieved` and `brought` should be far fewer than `reach`.")
        cheaper = check.call(scorecard, *tables, campaign, 0)
        check.that(float(cheaper["cost_per_outcome_brought"]) < values["cost_per_outcome_brought"],
                   "the cost does not change with `hourly_rate`: add `staff_hours` times `hourly_rate` to the budget.")
        _ratio_slips(check, values, tables[0], campaign, hourly_rate)
        if kind == "sessions":
            check.that(values["brought"] == values["kpi_achieved"],
                       f"the KPI of {campaign} is the website sessions through its links: `brought`, the outcomes "
                       "of that kind its links brought, is the same number.")
        else:
            check.that(values["kpi_achieved"] < 2000,
                       f"the KPI of {campaign} counts consultation responses, not website sessions.")
            _consultation_kpi_slips(check, scorecard, tables, hourly_rate)

    return slips


def _ratio_slips(check, values, campaigns, campaign, hourly_rate):
    """The two ratios rest on what the links brought (as in Stage 7), not on the KPI."""
    plan = campaigns.set_index("campaign_id").loc[campaign]
    cost = float(plan["budget_eur"] + plan["staff_hours"] * hourly_rate)
    if values["brought"] != values["kpi_achieved"]:
        check.that(not math.isclose(values["brought_per_1000_reached"], 1000 * values["kpi_achieved"] / values["reach"],
                                    rel_tol=1e-6),
                   "`brought_per_1000_reached` divides the KPI by the reach: the ratios rest on `brought`, what the "
                   "campaign's links brought, the outcomes its reach produced.")
        check.that(not math.isclose(values["cost_per_outcome_brought"], cost / values["kpi_achieved"], rel_tol=1e-6),
                   "`cost_per_outcome_brought` divides the cost by the KPI: divide it by `brought`, what the "
                   "campaign's links brought, the outcomes its money paid for.")
    check.that(math.isclose(values["brought_per_1000_reached"], 1000 * values["brought"] / values["reach"],
                            rel_tol=1e-6),
               "`brought_per_1000_reached` is `brought` for every 1,000 of `reach`: 1000 * brought / reach.")


def _consultation_kpi_slips(check, scorecard, tables, hourly_rate):
    """The slips of the two consultation KPIs, counted as their objectives say (Section 1 of the stage), and of what
    their links brought."""
    responses = tables[3]
    coastal = responses[responses["consultation"] == "Coastal Protection Bill"]
    youth = responses[responses["consultation"] == "Youth Participation Strategy"]
    hear = check.call(scorecard, *tables, "C25-HEAR", hourly_rate).astype(float)
    hear_links = (responses["campaign_id"] == "C25-HEAR").sum()
    check.that(hear["kpi_achieved"] != hear_links,
               "the KPI of Open Hearings, as its objective writes it, counts every response to the Coastal Protection "
               "Bill consultation by its deadline, whichever way people came, not only the ones its links brought "
               "(those are `brought`, the campaign's own contribution, Exercise 8.1).")
    check.that(hear["kpi_achieved"] != len(coastal),
               "count only the responses submitted by the objective's deadline, 21 February 2025: `submitted_at` "
               "before \"2025-02-22\".")
    check.that(hear["kpi_achieved"] != (coastal["submitted_at"] < "2025-02-21").sum(),
               "the responses of 21 February itself count too: keep `submitted_at` before \"2025-02-22\".")
    check.that(hear["brought"] == hear_links,
               "`brought` for Open Hearings counts the responses whose `campaign_id` is the campaign's: what its "
               "links brought, not every response to the consultation.")
    young = check.call(scorecard, *tables, "C25-YOUTH", hourly_rate).astype(float)
    linked = responses[responses["campaign_id"] == "C25-YOUTH"]
    young_links = (linked["age_band"] == "18-24").sum()
    check.that(young["kpi_achieved"] != young_links,
               "the KPI of Youth Voice counts every response from an 18-24 year-old to the Youth Participation "
               "Strategy consultation by 31 May 2025, whichever way they came, not only the ones its links brought.")
    check.that(young["kpi_achieved"] < (youth["submitted_at"] < "2025-06-01").sum(),
               "the KPI of Youth Voice counts only the responses from 18-24 year-olds (`age_band`).")
    check.that(young["brought"] == young_links,
               "`brought` for Youth Voice counts the outcomes of its KPI's kind its links brought: the responses "
               "whose `campaign_id` is the campaign's and whose `age_band` is 18-24.")


def format_rows(result: Any) -> dict[str, Any]:
    """A DataFrame of one row per platform and format, compared whatever the order of its rows."""
    if not isinstance(result, pd.DataFrame):
        return {"type": type(result).__name__ if not isinstance(result, pd.Series) else "Series"}
    view: dict[str, Any] = {"type": "DataFrame", "rows": len(result)}
    if not set(FORMAT_COLUMNS) <= set(result.columns):
        view["columns"] = sorted(map(str, result.columns))
        return view
    rows = sorted((str(p), str(f), rounded(n), rounded(m)) for p, f, n, m in
                  result[FORMAT_COLUMNS].itertuples(index=False))
    view["labels"] = [[p, f] for p, f, _, _ in rows]
    view["column posts"] = [n for _, _, n, _ in rows]
    view["column median_rate"] = [m for _, _, _, m in rows]
    return view


def _calls(*campaigns):
    return lambda t: [(t["web_visits"], t["consultations"], c) for c in campaigns]


def _format_calls(*requests):
    return lambda t: [(t["posts"], c, n) for c, n in requests]


def _scorecard_calls(rate, *campaigns):
    return lambda t: [(t["campaigns"], t["posts"], t["web_visits"], t["consultations"], c, rate) for c in campaigns]


OUTCOME_HINTS = {
    "labels": "Return one Series labelled sessions, responses and responses_18_24.",
    "values": "Count only the rows whose `campaign_id` is the campaign's: the sessions of `web_visits`, the rows of "
              "`consultations`, and among those the rows whose `age_band` is 18-24.",
}
CONVERSATION_HINTS = {
    "labels": "Label the five values comments, questions, answered_share, median_reply_minutes and abusive_share.",
    "values": "Keep the comments whose `post_id` is one of the campaign's posts. The answered share and the median "
              "reply time are about the questions only; the abusive share is about all the campaign's comments.",
}
FORMAT_HINTS = {
    "rows": "Keep one row per platform and format with at least min_posts of the campaign's posts.",
    "labels": "Group the campaign's posts by platform and format, and keep the groups with at least min_posts posts.",
    "column posts": "`posts` is the number of the campaign's posts of that platform and format.",
    "column median_rate": "`median_rate` is the median (not the mean) of (reactions + comments + shares) / reach.",
}
SCORECARD_HINTS = {
    "labels": "Label the six values reach, kpi_achieved, share_of_target, brought, brought_per_1000_reached and "
              "cost_per_outcome_brought.",
    "values": "`kpi_achieved` follows the campaign's `kpi`, counted as its objective says (Section 1): the sessions "
              "through its links, or every response to its consultation by the objective's deadline, whichever way "
              "it came (18-24 year-olds only for Youth Voice); `brought` is what its links brought of that kind (the "
              "rows with its `campaign_id`), and the two ratios divide by `brought`, not by the KPI; the cost is "
              "`budget_eur` plus `staff_hours` times `hourly_rate`; reach is added up over the campaign's posts only.",
}

PARTS = {
    "8.1a": Part("Exercise 8.1", "campaign_outcomes", _calls("C25-HEAR", "C25-YOUTH"), by_label,
                 _outcomes_slips("C25-HEAR", "C25-YOUTH", True), OUTCOME_HINTS),
    "8.1b": Part("Exercise 8.1", "campaign_outcomes", _calls("C24-OPEN", "C25-KNOW"), by_label,
                 _outcomes_slips("C24-OPEN", "C25-KNOW", False), OUTCOME_HINTS),
    "8.2": Part("Exercise 8.2", "conversation",
                lambda t: [(t["comments"], t["posts"], c) for c in ("C25-YOUTH", "C25-HEAR", "C25-BUDGET")],
                by_label, _conversation_slips, CONVERSATION_HINTS),
    "8.3a": Part("Exercise 8.3", "format_rates", _format_calls(("C25-HEAR", 5)), format_rows,
                 _format_slips("C25-HEAR", 5, 2), FORMAT_HINTS),
    "8.3b": Part("Exercise 8.3", "format_rates", _format_calls(("C25-YOUTH", 10), ("C25-BUDGET", 20)), format_rows,
                 _format_slips("C25-BUDGET", 20, 2), FORMAT_HINTS),
    "8.4a": Part("Exercise 8.4", "scorecard", _scorecard_calls(35, "C24-OPEN", "C25-KNOW", "C25-BUDGET"), by_label,
                 _scorecard_slips("C25-KNOW", 35, "sessions"), SCORECARD_HINTS),
    "8.4b": Part("Exercise 8.4", "scorecard", _scorecard_calls(40, "C25-HEAR", "C25-YOUTH"), by_label,
                 _scorecard_slips("C25-HEAR", 40, "responses"), SCORECARD_HINTS),
}
