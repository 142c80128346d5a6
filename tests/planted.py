"""Measure each planted truth of the sample data with plain pandas, as a learner would.

This lives in the tests, not in the ``course`` package, because these figures are the
answers that exercises lead to. ``python tests/planted.py`` prints the instructor's
answer file (instructor/planted-truths.md) for the shipped data.
"""

from __future__ import annotations

import difflib
import math
import sys
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
ANSWER_FILE = ROOT / "instructor" / "planted-truths.md"


@dataclass
class Truth:
    name: str
    stage: str
    finding: str
    how: str
    figure: float
    threshold: str
    detected: bool


def _engagement_rate(posts: pd.DataFrame) -> pd.Series:
    return (posts["reactions"] + posts["comments"] + posts["shares"]) / posts["reach"]


def _facebook_ratio_interval(posts: pd.DataFrame) -> tuple[float, float]:
    """The 95% percentile bootstrap interval of Facebook's video / image median ratio, drawn as Stage 4 does."""
    import numpy as np
    from scipy import stats

    fb = posts[posts["platform"] == "facebook"]
    video = fb.loc[fb["format"] == "video", "rate"].to_numpy()
    image = fb.loc[fb["format"] == "image", "rate"].to_numpy()
    drawn = stats.bootstrap((video, image), lambda v, i, axis=-1: np.median(v, axis=axis) / np.median(i, axis=axis),
                            n_resamples=1000, method="percentile", random_state=1)
    return float(drawn.confidence_interval.low), float(drawn.confidence_interval.high)


def format_by_platform(t) -> Truth:
    posts = t["posts"].assign(rate=_engagement_rate(t["posts"]))
    med = posts.groupby(["platform", "format"], observed=True)["rate"].median()
    instagram = med["instagram"]["short_video"] / med["instagram"]["image"]
    facebook = med["facebook"]["video"] / med["facebook"]["image"]
    low, high = _facebook_ratio_interval(posts)
    return Truth("Short video works on Instagram, not on Facebook", "04 Content",
                 f"On Instagram the median engagement rate of short videos is {instagram:.2f} times that of images; "
                 f"on Facebook videos do no better than images ({facebook:.2f} times; the 95% bootstrap interval "
                 f"of that ratio is {low:.2f} to {high:.2f}).",
                 "median of (reactions + comments + shares) / reach by platform and format",
                 round(instagram, 2), "Instagram ratio > 1.6 and Facebook ratio between 0.75 and 1.2",
                 instagram > 1.6 and 0.75 < facebook < 1.2)


def posting_hours(t) -> Truth:
    posts = t["posts"].assign(rate=_engagement_rate(t["posts"]), hour=t["posts"]["posted_at"].dt.hour)
    by_hour = posts.groupby("hour")["rate"].median()
    evening = by_hour.loc[19:21].mean()
    office = by_hour.loc[9:11].mean()
    night = by_hour.loc[0:5].mean()
    ratio = evening / office
    return Truth("Good and bad posting hours", "03 Planning",
                 f"The median engagement rate of posts published 19:00-21:59 is {ratio:.2f} times that of posts "
                 f"published 09:00-11:59, when staff post most; posts at night (00:00-05:59) do worst "
                 f"({night / office:.2f} times office hours). LinkedIn differs: its best hours are 07:00-09:59.",
                 "median engagement rate by hour of posting", round(ratio, 2),
                 "evening / office-hours ratio > 1.25 and night / office-hours ratio < 0.7",
                 ratio > 1.25 and night / office < 0.7)


def viral_outlier(t) -> Truth:
    posts = t["posts"][t["posts"]["platform"] == "facebook"]
    posts = posts.assign(engagement=posts["reactions"] + posts["comments"] + posts["shares"],
                         weekday=posts["posted_at"].dt.day_name(), hour=posts["posted_at"].dt.hour)
    cells = posts.groupby(["weekday", "hour"])["engagement"]
    by_mean = cells.mean().idxmax()
    by_median = cells.median()[cells.size() >= 20].idxmax()
    return Truth("One viral post skews the average", "03 Planning",
                 f"On Facebook the mean engagement per post peaks on {by_mean[0]} at {by_mean[1]:02d}:00, "
                 f"entirely because of one viral post; the median (slots with 20 posts or more) puts the best slot at "
                 f"{by_median[0]} {by_median[1]:02d}:00.",
                 "mean versus median engagement by weekday and hour, Facebook", by_mean[1],
                 "the mean's best slot is Sunday 06:00 and the median's is not",
                 by_mean == ("Sunday", 6) and by_median != ("Sunday", 6))


def posting_frequency(t) -> Truth:
    posts = t["posts"].assign(rate=_engagement_rate(t["posts"]), day=t["posts"]["posted_at"].dt.normalize())
    per_day = posts.groupby(["account_id", "day"])["post_id"].transform("count")
    group = per_day.clip(upper=4)
    # Like with like: each post against the median rate of its own account's lone posts (days with one post).
    usual = posts.loc[per_day == 1].groupby("account_id")["rate"].median()
    own = (posts["rate"] / posts["account_id"].map(usual)).groupby(group).median()
    # Pooled, the busy days (mostly the institution's) are compared with lone posts (mostly members').
    pooled = posts["rate"].groupby(group).median()
    pooled_ratio = pooled[4] / pooled[1]
    kind = posts["account_id"].map(t["accounts"].set_index("account_id")["account_type"].astype(str))
    institution_busy = (kind[group == 4] == "institution").mean()
    member_lone = (kind[group == 1] == "member").mean()
    ratio = own[4]
    return Truth("Diminishing returns of frequency", "03 Planning",
                 f"Each post compared with its own account's lone posts (days with a single post): on days when the "
                 f"account published 4 or more times, the median post's engagement rate is {ratio:.2f} times the "
                 f"account's usual lone-post rate (2 posts: {own[2]:.2f}, 3 posts: {own[3]:.2f}). All accounts "
                 f"pooled, the drop looks far larger ({pooled_ratio:.2f}), because {institution_busy:.0%} of the posts "
                 f"on those busy days are the institution's, whose posts engage less than members', who publish "
                 f"{member_lone:.0%} of the lone posts.",
                 "each post's engagement rate divided by the median rate of its own account's lone posts; the median "
                 "ratio by number of posts the account made that day (4 or more together)", round(ratio, 2),
                 "like-with-like ratio between 0.4 and 0.75, and the pooled ratio at least 0.1 lower",
                 0.4 < ratio < 0.75 and pooled_ratio < ratio - 0.1)


def youth_campaign(t) -> Truth:
    aud = t["audience"]
    young = aud[(aud["account_id"] == "INS-IG") & (aud["age_band"] == "18-24")].set_index("month")["share"]
    before = young.loc["2024"].mean()
    after = young.loc["2025-06":"2025-12"].mean()
    resp = t["consultations"]
    youth = resp[resp["campaign_id"] == "C25-YOUTH"]
    young_share = (youth["age_band"] == "18-24").mean()
    usual_share = (resp.loc[resp["campaign_id"].isna(), "age_band"] == "18-24").mean()
    # The objective's first part: responses from 18-24 year-olds in the campaign's days, against the baseline
    # (the same count over the 89 days before) and the target.
    part = t["campaign_kpis"].set_index(["campaign_id", "part"]).loc[("C25-YOUTH", 1)]
    day = resp["submitted_at"].dt.normalize()
    achieved = int((day.between(part["counted_from"], part["counted_to"]) & (resp["age_band"] == "18-24")).sum())
    rise = achieved - part["kpi_baseline"]
    linked = int((youth["age_band"] == "18-24").sum())
    return Truth("A campaign that really grew a young audience", "07 Evaluation",
                 f"The 18-24 share of the Instagram account's followers rose from {before:.1%} (2024 average) to "
                 f"{after:.1%} (June-December 2025) after Youth Voice; {young_share:.0%} of the {len(youth):,} "
                 f"consultation responses its links brought came from 18-24 year-olds, against {usual_share:.0%} "
                 f"without a campaign. It collected {achieved} young responses against a baseline of "
                 f"{part['kpi_baseline']:.0f} and a target of {part['kpi_target']:.0f}: a rise of {rise:.0f}, "
                 f"close to the {linked} young responses its links brought.",
                 "audience share by month; consultation responses by campaign and age band; campaign_kpis",
                 round(after - before, 3),
                 "share rise >= 4 points, campaign responses >= 45% aged 18-24, rise within 20% of the young "
                 "link responses, target missed",
                 after - before >= 0.04 and young_share >= 0.45 and usual_share < 0.12
                 and abs(rise - linked) <= 0.2 * linked and achieved < part["kpi_target"])


def abuse_wave(t) -> Truth:
    comments = t["comments"].merge(t["accounts"][["account_id", "account_type"]], on="account_id")
    vote = pd.Timestamp("2025-06-18")
    wave = comments["created_at"].between(vote, vote + pd.Timedelta(days=10), inclusive="left")
    abusive = comments["label"] == "abusive"
    members = comments["account_type"] == "member"
    institution = comments["account_type"] == "institution"
    in_wave = abusive[wave & members].mean()
    usual = abusive[~wave & members].mean()
    inst_wave = abusive[wave & institution].mean()
    weekly = abusive[members].set_axis(comments.loc[members, "created_at"]).resample("W").agg(["sum", "mean"])
    kept, alerts, quiet = [], [], 0
    for week, row in weekly.iterrows():
        in_wave_week = week >= vote and week - pd.Timedelta(days=6) < vote + pd.Timedelta(days=10)
        if len(kept) >= 8:
            quiet += not in_wave_week
            if row["mean"] > 2 * sum(kept[-8:]) / 8 and row["sum"] >= 20:
                alerts.append(in_wave_week)
                continue
        kept.append(row["mean"])
    false_alarms = alerts.count(False)
    return Truth("An abuse wave after the contested vote", "06 Risks",
                 f"In the ten days from the vote of 18 June 2025, {in_wave:.0%} of comments on members' posts were "
                 f"abusive against {usual:.0%} the rest of the time; on the institution's posts {inst_wave:.0%}. "
                 f"A weekly rule on members' accounts (share above twice the mean of the 8 most recent weeks that "
                 f"did not alert, with at least 20 abusive comments) flags {alerts.count(True)} wave weeks and "
                 f"{false_alarms} of the {quiet} quiet weeks that have a baseline.",
                 "share of comments labelled abusive, by account type, inside and outside the ten days; the weekly "
                 "alert rule of Exercise 6.1 (alert weeks left out of the baseline)",
                 round(in_wave / usual, 1), "members' share >= 3 times usual and >= 2 times the institution's; the "
                 "rule flags both wave weeks with at most 2 false alarms",
                 in_wave >= 3 * usual and in_wave >= 2 * inst_wave and alerts.count(True) == 2 and false_alarms <= 2)


def follower_spike(t) -> Truth:
    f = t["followers"]
    median_gain = f.groupby("account_id")["gained"].transform("median").clip(lower=1)
    ratio = f["gained"] / median_gain
    top = f.loc[ratio.idxmax()]
    usual = median_gain[ratio.idxmax()]
    after = f[(f["account_id"] == top["account_id"]) & (f["date"] > top["date"])
              & (f["date"] <= top["date"] + pd.Timedelta(days=23))]
    purged = after["lost"].sum() / top["gained"]
    by_factor = f[ratio >= 4]
    small = by_factor[(by_factor["gained"] <= 8) & (median_gain[ratio >= 4] == 1)]
    by_both = by_factor[by_factor["gained"] >= 50]
    return Truth("A bot-like follower spike", "06 Risks",
                 f"{top['account_id']} gained {top['gained']:,} followers on {top['date']:%d %B %Y}, "
                 f"{ratio.max():,.0f} times its median day ({usual:g}); it lost {purged:.0%} of that many in the next "
                 f"three weeks. A factor alone is no rule: at 4 times the usual day, {len(by_factor)} account-days "
                 f"pass, {len(small)} of them gains of 4-8 followers on accounts whose usual day is 1; with a minimum "
                 f"of 50 followers as well, {len(by_both)} remain.",
                 "daily gains divided by each account's median daily gain (at least 1); then a factor of 4 with and "
                 "without a minimum of 50 followers", round(float(ratio.max())),
                 "the spike is on MEM03-X on 2025-09-14, > 100 times a median day, and >= 40% is lost after; at 4 "
                 "times, >= 100 gains of 4-8 followers, and with the minimum < 40 account-days, the spike among them",
                 top["account_id"] == "MEM03-X" and top["date"] == pd.Timestamp("2025-09-14")
                 and ratio.max() > 100 and purged >= 0.4 and len(small) >= 100 and len(by_both) < 40
                 and ratio.idxmax() in by_both.index)


def _two_proportion_p(ab: pd.DataFrame, test_id: str) -> tuple[float, float, float]:
    totals = ab[ab["test_id"] == test_id].groupby("variant", observed=True)[["impressions", "clicks"]].sum()
    ctr = totals["clicks"] / totals["impressions"]
    pooled = totals["clicks"].sum() / totals["impressions"].sum()
    se = math.sqrt(pooled * (1 - pooled) * (1 / totals.loc["A", "impressions"] + 1 / totals.loc["B", "impressions"]))
    z = (ctr["B"] - ctr["A"]) / se
    return float(ctr["A"]), float(ctr["B"]), math.erfc(abs(z) / math.sqrt(2))


def _daily_gaps(ab: pd.DataFrame, test_id: str) -> tuple[int, int, float]:
    """Days on which B was ahead, days, and the one-sample t test's p-value on the daily differences B - A."""
    from scipy import stats

    days = ab[ab["test_id"] == test_id].pivot_table(index="date", columns="variant", values=["clicks", "impressions"],
                                                    aggfunc="sum", observed=True)
    rate = days["clicks"] / days["impressions"]
    gaps = rate["B"] - rate["A"]
    return int((gaps > 0).sum()), len(gaps), float(stats.ttest_1samp(gaps, 0).pvalue)


def ab_tests(t) -> Truth:
    a1, b1, p1 = _two_proportion_p(t["ab_tests"], "AB1")
    a2, b2, p2 = _two_proportion_p(t["ab_tests"], "AB2")
    ahead1, days1, d1 = _daily_gaps(t["ab_tests"], "AB1")
    ahead2, days2, d2 = _daily_gaps(t["ab_tests"], "AB2")
    return Truth("An A/B test with a real effect and one without", "04 Content",
                 f"AB1 (plain-language headline): click-through {a1:.2%} for A against {b1:.2%} for B, p = {p1:.1g} "
                 f"on impressions (which count repeats, so too small); day by day B is ahead on {ahead1} of {days1} "
                 f"days, p = {d1:.1g}. AB2 (emoji): {a2:.2%} against {b2:.2%}, p = {p2:.2f} (day by day: B ahead on "
                 f"{ahead2} of {days2} days, p = {d2:.2f}), no clear difference.",
                 "two-proportion z-test on total clicks and impressions per variant; one-sample t test on the daily "
                 "differences B - A", round(p2, 2),
                 "AB1 p < 0.001 (z test) and < 0.01 (days); AB2 p > 0.1 on both",
                 p1 < 0.001 and d1 < 0.01 and p2 > 0.1 and d2 > 0.1)


def fast_replies(t) -> Truth:
    q = t["comments"][t["comments"]["label"] == "question"]
    fast = q.loc[q["reply_minutes"] <= 60, "returned_30d"].mean()
    none = q.loc[~q["replied"], "returned_30d"].mean()
    return Truth("People answered fast come back more often", "05 Engagement",
                 f"{fast:.0%} of people whose question was answered within an hour commented again within 30 days, "
                 f"against {none:.0%} of those who got no answer. Planted as an effect of the answer's speed, and "
                 f"the returns are not thanks under the answer; the data alone cannot show either (Section 4).",
                 "share returning within 30 days by reply time", round(fast / none, 1),
                 "fast / unanswered >= 2", fast / none >= 2)


def _normalised(text: pd.Series) -> pd.Series:
    return text.str.lower().str.replace(r"[^a-z0-9 ]", "", regex=True).str.split().str.join(" ")


def disinformation_cluster(t) -> Truth:
    from course.generator.risks import BURST_DAY, BURST_MINUTES

    c = t["comments"][t["comments"]["label"] == "disinformation"].assign(key=lambda d: _normalised(d["text"]))
    counts = c.groupby("key").agg(n=("comment_id", "size"), people=("commenter_id", "nunique"),
                                  first=("created_at", "min"), last=("created_at", "max"))
    counts["minutes"] = (counts["last"] - counts["first"]) / pd.Timedelta(minutes=1)
    burst = counts[counts["n"] >= 20].sort_values("minutes").iloc[0]
    counts["copies_per_person"] = counts["n"] / counts["people"]
    top = counts.sort_values("copies_per_person").iloc[-1]
    copies = c[c["key"] == top.name]
    exact = c["text"].eq(copies["text"].mode()[0]).sum()
    near = c["key"].map(lambda k: difflib.SequenceMatcher(None, k, top.name).ratio() >= 0.9)
    ring = c.loc[near, "commenter_id"].nunique()
    share_in_debate = c.loc[near, "created_at"].dt.month.eq(11).mean()
    others = counts.drop(index=list(set(c.loc[near, "key"])) + [burst.name])
    copies_per_person = float((others["n"] / others["people"]).max())
    everyone = t["comments"]

    def elsewhere(key):  # the share of a message's copies whose author commented anything else
        copies = c[c["key"] == key]
        rest = everyone.loc[~everyone["comment_id"].isin(copies["comment_id"]), "commenter_id"]
        return float(copies["commenter_id"].isin(rest).mean())

    burst_elsewhere = elsewhere(burst.name)
    other_elsewhere = [elsewhere(key) for key in counts.index[counts["n"] >= 20] if key != burst.name]
    return Truth("Disinformation in two shapes: a ring during the budget debate and a copy-paste burst", "06 Risks",
                 f"The ring: one message was posted {near.sum():.0f} times by only {ring:.0f} accounts, "
                 f"{share_in_debate:.0%} of them in November (the budget debates). Word for word, its commonest "
                 f"wording has only {exact:.0f} copies; lowercased, without punctuation and with spaces collapsed, "
                 f"{top['n']:.0f}; the other {near.sum() - top['n']:.0f} differ by a word and join only by "
                 f"near-duplicate matching (similarity of at least 0.9). The burst: another message was pasted word "
                 f"for word {burst['n']:.0f} times by {burst['people']:.0f} distinct accounts within "
                 f"{burst['minutes']:.0f} minutes, on {burst['first']:%d %B %Y} from {burst['first']:%H:%M}. The "
                 f"timing shows coordination, not who: {burst_elsewhere:.0%} of the burst's copies come from accounts "
                 f"that commented anything else, against {min(other_elsewhere):.0%}-{max(other_elsewhere):.0%} of "
                 f"the ring's and the rumours'; the accounts, not the timing, decide between fake accounts and real "
                 f"people pasting a campaign's text. The other false claims come at most {copies_per_person:.2f} "
                 f"copies per person, spread over two years: no sign of coordination in their timing.",
                 "disinformation comments grouped by normalised text (lowercase, no punctuation, single spaces): "
                 "copies, distinct commenters and minutes from the first copy to the last; then difflib similarity "
                 ">= 0.9 to the ring's text",
                 round(float(top["copies_per_person"]), 1),
                 "ring: >= 40 copies from <= 25 commenters, mostly in November, exact < normalised < near-duplicate "
                 f"count; burst: >= 80 copies, one per account, within {BURST_MINUTES} minutes on the generator's "
                 "burst day, none of its accounts commenting anything else (>= 30% for every other message); the "
                 "other claims < 1.1 copies per person",
                 top["n"] >= 40 and top["people"] <= 25 and share_in_debate > 0.6
                 and exact < top["n"] < near.sum()
                 and burst["n"] >= 80 and burst["people"] == burst["n"] and burst["minutes"] <= BURST_MINUTES
                 and burst["first"].normalize() == BURST_DAY and copies_per_person < 1.1
                 and burst_elsewhere == 0 and min(other_elsewhere) >= 0.3)


def security_gaps(t) -> Truth:
    acc = t["accounts"]
    no_2fa = (~acc["two_factor"]).groupby(acc["account_type"], observed=True).mean()
    return Truth("Members' accounts are the security weak spot", "06 Risks",
                 f"{no_2fa['member']:.0%} of members' accounts lack two-factor authentication, "
                 f"against {no_2fa['institution']:.0%} of the institution's.",
                 "share of accounts without two-factor authentication by account type", round(no_2fa["member"], 2),
                 "members >= 25%, institution 0%", no_2fa["member"] >= 0.25 and no_2fa["institution"] == 0)


def vanity_campaign(t) -> Truth:
    posts = t["posts"].dropna(subset=["campaign_id"])
    reach = posts.groupby("campaign_id")["reach"].sum()
    visits = t["web_visits"].groupby("campaign_id")["sessions"].sum()
    per_1000 = (visits / reach * 1000).reindex(reach.index)
    by_id = t["campaigns"].set_index("campaign_id")
    full_cost = by_id["budget_eur"] + by_id["staff_hours"] * 35
    # The objective's second part: responses to the budget consultation, rise above the baseline against links.
    part = t["campaign_kpis"].set_index(["campaign_id", "part"]).loc[("C25-BUDGET", 2)]
    resp = t["consultations"]
    achieved = int(resp["submitted_at"].dt.normalize().between(part["counted_from"], part["counted_to"]).sum())
    rise = achieved - part["kpi_baseline"]
    linked = int((resp["campaign_id"] == "C25-BUDGET").sum())
    return Truth("Reach is not an outcome", "07 Evaluation",
                 f"Budget Explained had the largest sum of posts' reach ({reach['C25-BUDGET']:,}, not a number of "
                 f"people) but brought {per_1000['C25-BUDGET']:.1f} website visits per 1,000 of that reach, the "
                 f"fewest of any campaign, at {full_cost['C25-BUDGET'] / visits['C25-BUDGET']:.2f} EUR of full cost "
                 f"(35 EUR an hour) per visit through its links; its budget consultation got {achieved} responses in "
                 f"its days against a baseline of {part['kpi_baseline']:.0f} (a rise of {rise:.0f}), although "
                 f"{linked} came through its links.",
                 "campaign reach from posts, visits from web_visits, costs from campaigns, responses and baseline "
                 "from consultations and campaign_kpis", round(per_1000["C25-BUDGET"], 1),
                 "largest reach and fewest visits per 1,000 reached; consultation rise below half its link responses",
                 reach.idxmax() == "C25-BUDGET" and per_1000.idxmin() == "C25-BUDGET" and rise < 0.5 * linked)


def women_members_abuse(t) -> Truth:
    comments = t["comments"].merge(t["accounts"][["account_id", "gender"]], on="account_id")
    vote = pd.Timestamp("2025-06-18")
    usual = ~comments["created_at"].between(vote, vote + pd.Timedelta(days=10), inclusive="left")
    members = comments[usual & comments["gender"].notna()]
    abusive = members["label"] == "abusive"
    share = abusive.groupby(members["gender"], observed=True).mean()
    ratio = share["woman"] / share["man"]
    per_member = abusive.groupby([members["account_id"].str.split("-").str[0], members["gender"]],
                                 observed=True).mean().unstack()
    above = (per_member["woman"].dropna() > per_member["man"].median()).sum()
    women = per_member["woman"].notna().sum()
    gendered = comments["text"].str.contains("woman|women|kitchen|dear|sweetheart|children", case=False)
    on_women = comments["gender"].eq("woman")
    women_abusive = comments["label"].eq("abusive") & on_women
    return Truth("Women members receive more abuse, part of it gendered", "06 Risks",
                 f"Outside the ten days of the abuse wave, {share['woman']:.1%} of comments on women members' posts "
                 f"are abusive against {share['man']:.1%} on men members' posts ({ratio:.2f} times as many); member "
                 f"by member, {above} of the {women} women are above the men's median. Of the abusive comments on "
                 f"women members' posts, {(gendered & women_abusive).sum()} of {women_abusive.sum()} attack them as "
                 f"women; {(gendered & ~women_abusive).sum()} comments anywhere else (men members' posts, the "
                 f"institution's, committees', or comments not labelled abusive) match the same words.",
                 "share of comments labelled abusive on members' posts by the member's gender, outside the wave, "
                 "pooled and member by member; a word search (woman, women, kitchen, dear, sweetheart, children) "
                 "in the texts of all comments",
                 round(ratio, 2), "women's share between 1.2 and 1.8 times men's; every woman member above the men's "
                 "median; >= 20% of the abuse on women members' posts gendered, and no gendered comment elsewhere",
                 1.2 <= ratio <= 1.8 and above == women
                 and (gendered & women_abusive).sum() >= 0.2 * women_abusive.sum()
                 and not (gendered & ~women_abusive).any())


ALL = [format_by_platform, posting_hours, viral_outlier, posting_frequency, youth_campaign, abuse_wave,
       follower_spike, ab_tests, fast_replies, disinformation_cluster, security_gaps, vanity_campaign,
       women_members_abuse]


def measure(tables) -> list[Truth]:
    return [check(tables) for check in ALL]


def answer_file(tables) -> str:
    lines = ["# Planted truths of the sample data (instructor only)", "",
             "The sample data was generated with patterns that the exercises lead learners to find.",
             "This file lists them with the figure a correct analysis finds on the shipped data",
             "(seed 2025). Data generated with another seed shows the same patterns with other figures.",
             "It is produced by `python tests/planted.py`; a test checks it is up to date.", ""]
    for i, truth in enumerate(measure(tables), 1):
        lines += [f"## {i}. {truth.name}", "", f"- Stage: {truth.stage}", f"- Finding: {truth.finding}",
                  f"- How: {truth.how}", f"- Holds on every seed: {truth.threshold}", ""]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    from course.data import load_all

    ANSWER_FILE.write_text(answer_file(load_all()), encoding="utf-8")
    print(f"Wrote {ANSWER_FILE}")
