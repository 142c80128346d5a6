"""The visible checks of stage 08, the case study: what each test cell's one line runs.

Each part names the function it calls, how (on the tables of one seed, for one or more campaigns), which
properties a hidden test compares, and the common slips it names first, on the practice data.
"""

from __future__ import annotations

import functools
import math
from functools import partial
from typing import Any

import pandas as pd

from ..data import load
from ..generator.campaigns import kpi_value
from . import collect
from .exact import Part

STAGE = "08-case-study"

OUTCOME_LABELS = ["sessions", "responses", "responses_18_24", "signups"]
CONVERSATION_LABELS = ["comments", "questions", "answered_share", "median_reply_minutes", "abusive_share"]
FORMAT_COLUMNS = ["platform", "format", "posts", "median_rate"]
SCORECARD_LABELS = ["kpi_achieved", "share_of_target", "progress", "rise", "link_outcomes",
                    "link_outcomes_per_1000_reached", "cost_per_link_outcome", "cost_per_extra_outcome"]
TABLES = ("campaigns", "campaign_kpis", "posts", "web_visits", "consultations", "signups")


#: Where each link table keeps its date and its row id.
LINK_TABLES = {"web_visits": ("date", None), "consultations": ("submitted_at", "response_id"),
               "signups": ("signed_up_at", "signup_id")}
#: How long after a campaign's last day the late copy of one of its link rows comes.
LATE = pd.Timedelta(days=400)


def late_links() -> dict[str, pd.DataFrame]:
    """The practice tables with, for each campaign, one row of each link table copied 400 days after its end.

    The statements count every row whose campaign_id is the campaign's, whatever its date: what the links brought
    after the campaign (or after the days the KPI is counted over) counts too. Of the consultation responses,
    an 18-24 year-old's is copied where the campaign has one.

    >>> tables = late_links()
    >>> int(tables["consultations"]["response_id"].str.endswith("L").sum()), len(tables["signups"]) - len(load("signups"))
    (3, 1)
    """
    tables = {name: load(name).copy() for name in TABLES}
    ends = tables["campaigns"].set_index("campaign_id")["end"]
    for name, (when, row_id) in LINK_TABLES.items():
        table = tables[name]
        linked = table[table["campaign_id"].notna()]
        if name == "consultations":
            linked = linked.sort_values("age_band", key=lambda band: band.astype(str) != "18-24", kind="stable")
        late = linked.groupby("campaign_id").head(1).copy()
        late[when] = late["campaign_id"].map(ends).to_numpy() + LATE
        if row_id:
            late[row_id] = late[row_id] + "L"
        tables[name] = pd.concat([table, late], ignore_index=True)
    return tables


#: Exercise 8.3's edge posts, asked with a minimum of 3 posts: (platform, format, campaign, reactions per 1,000
#: reached). Two groups hold exactly the minimum (kept), one holds one post fewer (left out).
EDGE_FORMAT_POSTS = [("facebook", "video", "C99-EDGE", r) for r in (10, 20, 90)] + [
    ("facebook", "image", "C99-EDGE", r) for r in (30, 40)] + [
    ("x", "video", "C99-EDGE", r) for r in (5, 15, 25)] + [("x", "image", "C25-KNOW", 50)]


def edge_format_posts() -> pd.DataFrame:
    """A posts table with the course's columns and dtypes holding Exercise 8.3's edge cases."""
    posts = load("posts").head(len(EDGE_FORMAT_POSTS)).copy().reset_index(drop=True)
    for column, values in zip(["platform", "format", "campaign_id", "reactions"], zip(*EDGE_FORMAT_POSTS)):
        posts[column] = pd.Series(values).astype(posts[column].dtype)
    return posts.assign(reach=1000, comments=0, shares=0)


def _late_slip(check, function: str, before: pd.Series, late: pd.Series) -> None:
    """With one late row more per link table, what ``function`` counts must grow, never shrink."""
    before, late = before.astype(float), late.astype(float)
    check.that(bool((late >= before).all()) and late.sum() > before.sum(),
               f"on the practice data with one more visit, response and sign-up per campaign that came through its "
               f"links 400 days after its end, `{function}` does not count them: count every row whose `campaign_id` "
               f"is the campaign's, whatever its date (the statement sets no deadline on what the links brought).")


def _outcomes_slips(campaign, other_campaign, promoted_a_consultation):
    """The slips of campaign_outcomes for ``campaign``, whose outcomes must differ from ``other_campaign``'s."""

    def slips(check, campaign_outcomes):
        visits, responses, town = load("web_visits"), load("consultations"), load("signups")
        got = check.call(campaign_outcomes, visits, responses, town, campaign)
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
        check.that((values["signups"] > 0) == (campaign == "C25-TOWN"),
                   "`signups` counts the rows of `signups` whose `campaign_id` is the campaign's (0 for a campaign "
                   "that brought none).")
        check.that(not got.equals(check.call(campaign_outcomes, visits, responses, town, other_campaign)),
                   "two campaigns give the same outcomes: did you keep only the rows of `campaign_id`?")
        late = late_links()
        _late_slip(check, "campaign_outcomes", got, check.call(campaign_outcomes, late["web_visits"],
                                                               late["consultations"], late["signups"], campaign))

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


def _tables() -> dict[str, pd.DataFrame]:
    return {name: load(name) for name in TABLES}


def _scorecard_slips(campaign, hourly_rate, link_campaigns, no_rise):
    """The slips of scorecard for ``campaign``; the link outcomes of ``link_campaigns``; with ``no_rise``, the case
    of a KPI that did not rise above its baseline (the hidden tests of this part meet it on the other seeds)."""

    def slips(check, scorecard):
        tables = _tables()
        got = check.call(scorecard, tables, campaign, hourly_rate)
        check.series(got, f"the scorecard of {campaign}", index=SCORECARD_LABELS)
        values = got.astype(float)
        plan = tables["campaigns"].set_index("campaign_id").loc[campaign]
        baseline, target = float(plan["kpi_baseline"]), float(plan["kpi_target"])
        cost = float(plan["budget_eur"] + plan["staff_hours"] * hourly_rate)
        close = functools.partial(math.isclose, rel_tol=1e-6)
        check.that(close(values["share_of_target"], values["kpi_achieved"] / target),
                   "`share_of_target` is `kpi_achieved` divided by the campaign's `kpi_target`.")
        check.that(close(values["rise"], values["kpi_achieved"] - baseline),
                   "`rise` is `kpi_achieved` minus the campaign's `kpi_baseline`: the rise above the baseline.")
        check.that(close(values["progress"], values["rise"] / (target - baseline)),
                   "`progress` is the rise divided by (`kpi_target` - `kpi_baseline`), the planned rise.")
        check.that(values["link_outcomes"] > 0 and values["link_outcomes"] < values["kpi_achieved"],
                   "`link_outcomes` counts only the outcomes whose `campaign_id` is the campaign's, a part of what "
                   "the KPI counts.")
        check.that(close(values["cost_per_link_outcome"], cost / values["link_outcomes"]),
                   "`cost_per_link_outcome` is the full cost, `budget_eur` plus `staff_hours` times `hourly_rate`, "
                   "divided by `link_outcomes`."
                   if not close(values["cost_per_link_outcome"], float(plan["budget_eur"]) / values["link_outcomes"])
                   else "the cost does not change with `hourly_rate`: add `staff_hours` times `hourly_rate` to the "
                        "budget.")
        if values["rise"] > 0:
            check.that(not close(values["cost_per_extra_outcome"], cost / values["kpi_achieved"]),
                       "`cost_per_extra_outcome` divides the full cost by `rise`, the outcomes above the baseline, "
                       "not by the whole KPI.")
            check.that(close(values["cost_per_extra_outcome"], cost / values["rise"]),
                       "`cost_per_extra_outcome` is the full cost divided by `rise`.")
        late = check.call(scorecard, late_links(), campaign, hourly_rate)
        _late_slip(check, "scorecard", got[["link_outcomes"]], late[["link_outcomes"]])
        if no_rise:
            _no_rise_slip(check, scorecard, tables, campaign, hourly_rate, values["kpi_achieved"])
        _link_slips(check, scorecard, tables, hourly_rate, link_campaigns)

    return slips


def _no_rise_slip(check, scorecard, tables, campaign, hourly_rate, achieved):
    """The same campaign with a baseline above what it achieved: no extra outcome to put a cost on."""
    higher = dict(tables)
    for name in ("campaigns", "campaign_kpis"):
        table = tables[name].copy()
        table.loc[table["campaign_id"] == campaign, "kpi_baseline"] = achieved + 1
        higher[name] = table
    got = check.call(scorecard, higher, campaign, hourly_rate)
    check.that(bool(pd.isna(got["cost_per_extra_outcome"])),
               "when the KPI did not rise above its baseline (`rise` of 0 or less), `cost_per_extra_outcome` is "
               "`float(\"nan\")`: there is no extra outcome to put a cost on.")


def _link_slips(check, scorecard, tables, hourly_rate, campaigns):
    """What the links brought, for each kind of KPI, on the practice data."""
    visits, responses, town = tables["web_visits"], tables["consultations"], tables["signups"]
    wanted = {
        "C25-KNOW": (visits.loc[visits["campaign_id"] == "C25-KNOW", "sessions"].sum(),
                     "the sessions of `web_visits` whose `campaign_id` is the campaign's"),
        "C25-HEAR": ((responses["campaign_id"] == "C25-HEAR").sum(),
                     "the rows of `consultations` whose `campaign_id` is the campaign's"),
        "C25-YOUTH": (((responses["campaign_id"] == "C25-YOUTH") & (responses["age_band"] == "18-24")).sum(),
                      "the rows of `consultations` whose `campaign_id` is the campaign's and whose `age_band` is "
                      "18-24"),
        "C25-TOWN": ((town["campaign_id"] == "C25-TOWN").sum(),
                     "the rows of `signups` whose `campaign_id` is the campaign's"),
    }
    for campaign in campaigns:
        count, what = wanted[campaign]
        got = check.call(scorecard, tables, campaign, hourly_rate)
        check.that(float(got["link_outcomes"]) == float(count),
                   f"for {campaign}, whose KPI is \"{tables['campaigns'].set_index('campaign_id').loc[campaign, 'kpi']}"
                   f"\", `link_outcomes` counts {what}.")


def format_table(result: Any) -> None:
    """Exercise 8.3's table, its rows sorted by platform and format (the order of the rows does not matter)."""
    if isinstance(result, pd.DataFrame) and {"platform", "format"} <= set(result.columns):
        result = result.astype({"platform": str, "format": str}).sort_values(["platform", "format"])
    collect.frame(result, ["platform", "format", "posts"], rtol=0)
    collect.frame(result, ["median_rate"], rtol=1e-6)


def _calls(*campaigns):
    return lambda t: [(t["web_visits"], t["consultations"], t["signups"], c) for c in campaigns]


def _format_calls(*requests):
    return lambda t: [(t["posts"], c, n) for c, n in requests]


def _scorecard_calls(rate, *campaigns):
    return lambda t: [({name: t[name].copy() for name in TABLES}, c, rate) for c in campaigns]


def _late_outcomes(*campaigns):
    """The edge calls of campaign_outcomes: the practice data with late link rows, for ``campaigns``."""
    return lambda: _calls(*campaigns)(late_links())


def risen_by(rise: int, campaign: str) -> dict[str, pd.DataFrame]:
    """The practice tables with ``campaign``'s baseline set so that its main KPI rose by exactly ``rise``.

    >>> tables = risen_by(0, "C25-HEAR")
    >>> plan = tables["campaigns"].set_index("campaign_id").loc["C25-HEAR"]
    >>> main = tables["campaign_kpis"].query("campaign_id == 'C25-HEAR' and part == 1").iloc[0]
    >>> bool(kpi_value(tables, plan["kpi"], main["counted_from"], main["counted_to"]) == plan["kpi_baseline"])
    True
    """
    tables = {name: load(name) for name in TABLES}
    main = tables["campaign_kpis"].query("campaign_id == @campaign and part == 1").iloc[0]
    plan = tables["campaigns"].set_index("campaign_id").loc[campaign]
    achieved = kpi_value(tables, plan["kpi"], main["counted_from"], main["counted_to"])
    campaigns, kpis = tables["campaigns"].copy(), tables["campaign_kpis"].copy()
    campaigns.loc[campaigns["campaign_id"] == campaign, "kpi_baseline"] = int(achieved) - rise
    # campaign_kpis repeats the main KPI's baseline as its part 1: the two stay one figure
    kpis.loc[(kpis["campaign_id"] == campaign) & (kpis["part"] == 1), "kpi_baseline"] = int(achieved) - rise
    return {**tables, "campaigns": campaigns, "campaign_kpis": kpis}


def _late_scorecards(rate, *campaigns):
    """The edge calls of scorecard: the practice data with late link rows, for ``campaigns`` at ``rate``; and
    for the first campaign, its KPI risen by exactly 0 and by exactly 1 ("when rise is above 0")."""
    return lambda: (_scorecard_calls(rate, *campaigns)(late_links())
                    + [(risen_by(rise, campaigns[0]), campaigns[0], rate) for rise in (0, 1)])


OUTCOME_HINTS = {
    "labels": "Return one Series labelled sessions, responses, responses_18_24 and signups.",
    "values": "Count only the rows whose `campaign_id` is the campaign's: the sessions of `web_visits`, the rows of "
              "`consultations` (and among those the rows whose `age_band` is 18-24), and the rows of `signups`.",
}
CONVERSATION_HINTS = {
    "labels": "Label the five values comments, questions, answered_share, median_reply_minutes and abusive_share.",
    "values": "Keep the comments whose `post_id` is one of the campaign's posts. The answered share and the median "
              "reply time are about the questions only; the abusive share is about all the campaign's comments.",
}
FORMAT_HINTS = {
    "rows": "Keep one row per platform and format with at least min_posts (`>=`, not `>`) of the campaign's posts.",
    "labels": "Group the campaign's posts by platform and format, and keep the groups with at least min_posts posts.",
    "column posts": "`posts` is the number of the campaign's posts of that platform and format.",
    "column median_rate": "`median_rate` is the median (not the mean) of (reactions + comments + shares) / reach.",
}
SCORECARD_HINTS = {
    "labels": "Label the eight values kpi_achieved, share_of_target, progress, rise, link_outcomes, "
              "link_outcomes_per_1000_reached, cost_per_link_outcome and cost_per_extra_outcome.",
    "values": "`kpi_achieved` is the `achieved` the given lines count; `rise` and `progress` use the campaign's "
              "`kpi_baseline`; `link_outcomes` follows the KPI's kind, only the rows with the campaign's "
              "`campaign_id`; the full cost is `budget_eur` plus `staff_hours` times `hourly_rate`; reach is added "
              "up over the campaign's posts only; `cost_per_extra_outcome` is `float(\"nan\")` when `rise` is 0 "
              "or less (it happens on the other seeds).",
}

def _format_edges():
    return [(edge_format_posts(), "C99-EDGE", 3)]


_BY_LABEL = partial(collect.series, order=False, rtol=1e-6)

PARTS = {
    "8.1a": Part("Exercise 8.1", "campaign_outcomes", _calls("C25-HEAR", "C25-YOUTH"), _BY_LABEL,
                 _outcomes_slips("C25-HEAR", "C25-YOUTH", True), OUTCOME_HINTS, _late_outcomes("C25-HEAR", "C25-YOUTH")),
    "8.1b": Part("Exercise 8.1", "campaign_outcomes", _calls("C24-OPEN", "C25-KNOW", "C25-TOWN"), _BY_LABEL,
                 _outcomes_slips("C25-TOWN", "C24-OPEN", False), OUTCOME_HINTS, _late_outcomes("C25-KNOW", "C25-TOWN")),
    "8.2": Part("Exercise 8.2", "conversation",
                lambda t: [(t["comments"], t["posts"], c) for c in ("C25-YOUTH", "C25-HEAR", "C25-BUDGET")],
                _BY_LABEL, _conversation_slips, CONVERSATION_HINTS),
    "8.3a": Part("Exercise 8.3", "format_rates", _format_calls(("C25-HEAR", 5)), format_table,
                 _format_slips("C25-HEAR", 5, 2), FORMAT_HINTS, _format_edges),
    "8.3b": Part("Exercise 8.3", "format_rates", _format_calls(("C25-YOUTH", 10), ("C25-BUDGET", 20)), format_table,
                 _format_slips("C25-BUDGET", 20, 2), FORMAT_HINTS, _format_edges),
    "8.4a": Part("Exercise 8.4", "scorecard", _scorecard_calls(35, "C24-OPEN", "C25-KNOW", "C25-BUDGET"), _BY_LABEL,
                 _scorecard_slips("C25-KNOW", 35, ["C25-KNOW"], True), SCORECARD_HINTS,
                 _late_scorecards(35, "C25-KNOW")),
    "8.4b": Part("Exercise 8.4", "scorecard", _scorecard_calls(40, "C25-HEAR", "C25-YOUTH", "C25-TOWN"), _BY_LABEL,
                 _scorecard_slips("C25-HEAR", 40, ["C25-HEAR", "C25-YOUTH", "C25-TOWN"], False),
                 SCORECARD_HINTS, _late_scorecards(40, "C25-HEAR", "C25-YOUTH", "C25-TOWN")),
}
