"""A seeded generator for the sample data of the fictional Parliament of Lumeria.

The same seed and scale give byte-identical files; another seed gives other
numbers with the same underlying patterns, so exercises can be graded on data
the learner has never seen.

>>> tables = generate(seed=3)
>>> sorted(tables) == sorted(TABLES)
True
>>> list(tables["posts"].columns) == list(TABLES["posts"].columns)
True
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from .schema import AGE_BANDS, GENDERS, PLATFORMS, REGIONS, TABLES

__all__ = ["DEFAULT_SEED", "START", "END", "generate", "write_tables"]

DEFAULT_SEED = 2025
START = pd.Timestamp("2024-01-01")
END = pd.Timestamp("2025-12-31")

# Key dates of the parliamentary calendar (all fictional).
CONTESTED_VOTE = pd.Timestamp("2025-06-18")
BUDGET_DEBATES = [(pd.Timestamp("2024-11-12"), pd.Timestamp("2024-11-22")),
                  (pd.Timestamp("2025-11-10"), pd.Timestamp("2025-11-21"))]
RECESSES = [(pd.Timestamp("2024-07-20"), pd.Timestamp("2024-09-01")),
            (pd.Timestamp("2024-12-20"), pd.Timestamp("2025-01-06")),
            (pd.Timestamp("2025-07-19"), pd.Timestamp("2025-08-31")),
            (pd.Timestamp("2025-12-19"), pd.Timestamp("2025-12-31"))]
BOT_SPIKE_DAY = pd.Timestamp("2025-09-14")
BOT_SPIKE_ACCOUNT = "MEM03-X"

FIRST_NAMES = ["Alma", "Bruno", "Carys", "Dario", "Elin", "Farid", "Greta", "Hugo", "Ines", "Jonas",
               "Kaia", "Lorenz", "Maren", "Nils", "Odile", "Pavel", "Runa", "Sami", "Tilde", "Ulrik",
               "Vera", "Wim", "Yara", "Zeno"]
SURNAMES = ["Arvel", "Brisk", "Corran", "Dunmore", "Esker", "Falk", "Garrow", "Hollin", "Ivers",
            "Jessop", "Kestrel", "Lundt", "Morrow", "Norcott", "Orrin", "Pellow", "Quill", "Rask",
            "Selden", "Thorne", "Umber", "Vance", "Wrexley", "Yarrow"]
PARTIES = ["Harbour Party", "Meadow Alliance", "Forward Lumeria", "Civic League", "Independent"]
COMMITTEES = [("FIN", "Finance and Budget Committee"), ("ENV", "Environment Committee"),
              ("HEA", "Health Committee"), ("DIG", "Digital Affairs Committee")]

PLATFORM_CODES = {"facebook": "FB", "instagram": "IG", "x": "X", "youtube": "YT", "tiktok": "TT", "linkedin": "LI"}

# Formats each platform offers, with how often each is used and how it changes engagement.
# The engagement factor is relative to the platform's usual rate: short video does far better
# on Instagram than images, while on Facebook video does no better than an image.
FORMAT_MIX = {
    "facebook": {"text": (0.20, 0.85), "image": (0.40, 1.00), "link": (0.25, 0.60), "video": (0.15, 0.95)},
    "instagram": {"image": (0.55, 1.00), "short_video": (0.35, 2.30), "live": (0.10, 0.80)},
    "x": {"text": (0.45, 1.00), "image": (0.25, 1.20), "link": (0.25, 0.75), "video": (0.05, 1.10)},
    "youtube": {"video": (0.70, 1.00), "live": (0.30, 0.70)},
    "tiktok": {"short_video": (1.00, 1.00)},
    "linkedin": {"text": (0.30, 0.90), "image": (0.30, 1.10), "link": (0.40, 1.00)},
}
# Usual share of reached people who react, comment or share, by platform.
BASE_ENGAGEMENT = {"facebook": 0.030, "instagram": 0.045, "x": 0.016, "youtube": 0.035,
                   "tiktok": 0.060, "linkedin": 0.022}
# Share of followers an ordinary post reaches.
BASE_REACH = {"facebook": 0.07, "instagram": 0.14, "x": 0.10, "youtube": 0.20, "tiktok": 0.55, "linkedin": 0.12}
# How engagements split into reactions, comments and shares.
SPLIT = {"facebook": (0.74, 0.12, 0.14), "instagram": (0.88, 0.09, 0.03), "x": (0.62, 0.13, 0.25),
         "youtube": (0.80, 0.15, 0.05), "tiktok": (0.82, 0.08, 0.10), "linkedin": (0.78, 0.08, 0.14)}
# Engagement by hour of the day (0-23): lunchtime and evening are good, the night is poor.
HOUR_EFFECT = np.array([0.45, 0.40, 0.35, 0.35, 0.40, 0.50, 0.62, 0.80, 0.90, 0.90, 0.88, 1.00,
                        1.35, 1.30, 1.00, 0.92, 0.92, 1.00, 1.15, 1.50, 1.60, 1.45, 0.95, 0.65])
LINKEDIN_HOUR_EFFECT = np.array([0.40, 0.35, 0.30, 0.30, 0.35, 0.50, 0.90, 1.50, 1.60, 1.35, 1.15, 1.05,
                                 1.10, 1.05, 0.95, 0.90, 0.85, 0.75, 0.60, 0.55, 0.55, 0.50, 0.45, 0.40])
WEEKDAY_EFFECT = np.array([1.00, 1.05, 1.05, 1.00, 0.92, 0.80, 0.85])  # Monday .. Sunday
# When staff actually post: mostly office hours.
POSTING_HOURS = np.array([0.2, 0.1, 0.1, 0.1, 0.1, 0.2, 0.6, 2.0, 4.5, 6.5, 6.5, 5.5,
                          4.0, 3.5, 4.5, 4.5, 4.0, 3.0, 2.0, 1.8, 1.6, 1.2, 0.6, 0.3])
FREQUENCY_EXPONENT = -0.40  # engagement per post falls as an account posts more that day
TOPIC_EFFECT = {"plenary": 0.95, "legislation": 0.85, "committee_work": 0.80, "budget": 0.85,
                "consultation": 1.05, "youth": 1.10, "environment": 1.10, "health": 1.00,
                "behind_the_scenes": 1.35, "events": 1.15}

CAMPAIGNS = [
    dict(campaign_id="C24-OPEN", name="Open Day 2024", goal="inform",
         objective="Bring 6,000 visitors to the open-day pages of the website between 16 September and 4 October 2024.",
         target_audience="adults in the Capital District", platforms="facebook;instagram;x",
         start="2024-09-16", end="2024-10-04", budget_eur=6000.0, staff_hours=160,
         kpi="website sessions from campaign links", kpi_baseline=2500.0, kpi_target=6000.0, topic="events"),
    dict(campaign_id="C25-HEAR", name="Open Hearings", goal="listen",
         objective="Collect 1,500 consultation responses on the Coastal Protection Bill by 21 February 2025.",
         target_audience="residents of coastal regions", platforms="facebook;x;linkedin",
         start="2025-01-13", end="2025-02-21", budget_eur=8000.0, staff_hours=220,
         kpi="consultation responses", kpi_baseline=900.0, kpi_target=1500.0, topic="consultation"),
    dict(campaign_id="C25-YOUTH", name="Youth Voice", goal="engage",
         objective="Raise the share of 18-24 year-olds among Instagram followers from 13% to 18% and collect "
                   "800 consultation responses from 18-24 year-olds by 31 May 2025.",
         target_audience="18-24 year-olds", platforms="instagram;tiktok",
         start="2025-03-03", end="2025-05-30", budget_eur=18000.0, staff_hours=420,
         kpi="consultation responses from 18-24 year-olds", kpi_baseline=150.0, kpi_target=800.0, topic="youth"),
    dict(campaign_id="C25-KNOW", name="Know Your Parliament", goal="inform",
         objective="Reach 400,000 people and bring 10,000 website sessions between 8 September and 3 October 2025.",
         target_audience="all adults", platforms="facebook;instagram;x;youtube",
         start="2025-09-08", end="2025-10-03", budget_eur=9000.0, staff_hours=240,
         kpi="website sessions from campaign links", kpi_baseline=2500.0, kpi_target=10000.0, topic="events"),
    dict(campaign_id="C25-BUDGET", name="Budget Explained", goal="inform",
         objective="Bring 20,000 website sessions to the budget pages and 1,000 responses to the budget "
                   "priorities consultation between 20 October and 28 November 2025.",
         target_audience="all adults", platforms="facebook;x;youtube",
         start="2025-10-20", end="2025-11-28", budget_eur=25000.0, staff_hours=380,
         kpi="website sessions from campaign links", kpi_baseline=4000.0, kpi_target=20000.0, topic="budget"),
]
# Consultations: (name, opens, closes, usual responses per day, campaign that promoted it)
CONSULTATIONS = [
    ("Public Transport Plan", "2024-04-08", "2024-05-31", 14.0, None),
    ("Coastal Protection Bill", "2025-01-13", "2025-02-28", 18.0, "C25-HEAR"),
    ("Youth Participation Strategy", "2025-03-03", "2025-06-06", 6.0, "C25-YOUTH"),
    ("Budget 2026 Priorities", "2025-10-20", "2025-12-05", 9.0, "C25-BUDGET"),
]


def _days() -> pd.DatetimeIndex:
    return pd.date_range(START, END, freq="D")


def _calendar(days: pd.DatetimeIndex) -> pd.DataFrame:
    period = np.where(days.day_of_week >= 5, "weekend", "sitting").astype(object)
    for lo, hi in RECESSES:
        period[(days >= lo) & (days <= hi)] = "recess"
    event = np.full(len(days), None, dtype=object)
    for lo, hi in BUDGET_DEBATES:
        inside = (days >= lo) & (days <= hi) & (period == "sitting")
        event[inside] = f"Budget debate {hi.year + 1}"
    # Question time on Wednesdays while parliament sits.
    event[(days.day_of_week == 2) & (period == "sitting") & (event == None)] = "Question time"  # noqa: E711
    event[days == CONTESTED_VOTE] = "Final vote on the Assembly Reform Bill"
    event[days == pd.Timestamp("2024-09-21")] = "Open day"
    return pd.DataFrame({"date": days, "period": period, "event": event})


def _accounts(rng: np.random.Generator, scale: int) -> pd.DataFrame:
    rows = []
    for platform in PLATFORMS:
        rows.append(dict(account_id=f"INS-{PLATFORM_CODES[platform]}", name="Parliament of Lumeria",
                         handle="@LumeriaParliament", account_type="institution", platform=platform,
                         party=None, region=None))
    for code, name in COMMITTEES:
        for platform in ("facebook", "x"):
            rows.append(dict(account_id=f"COM-{code}-{PLATFORM_CODES[platform]}", name=name,
                             handle=f"@Lum{code.title()}Committee", account_type="committee",
                             platform=platform, party=None, region=None))
    n_members = 12 * scale
    member_platforms = [("facebook", "x"), ("facebook", "instagram"), ("x", "instagram", "facebook"),
                        ("facebook", "tiktok", "instagram"), ("x", "linkedin")]
    for i in range(1, n_members + 1):
        first = FIRST_NAMES[(i * 7) % len(FIRST_NAMES)]
        last = SURNAMES[(i * 5 + i // len(SURNAMES)) % len(SURNAMES)]
        name = f"{first} {last}" + (f" {i // len(SURNAMES) + 1}" if i > len(SURNAMES) else "")
        platforms = member_platforms[rng.integers(len(member_platforms))]
        if i == 3:  # the member whose X account gets the bot-like spike
            platforms = ("x", "facebook")
        party = PARTIES[rng.integers(len(PARTIES))]
        region = REGIONS[rng.integers(len(REGIONS))]
        for platform in platforms:
            rows.append(dict(account_id=f"MEM{i:02d}-{PLATFORM_CODES[platform]}", name=name,
                             handle="@" + name.replace(" ", ""), account_type="member", platform=platform,
                             party=party, region=region))
    acc = pd.DataFrame(rows)
    n = len(acc)
    kind = acc["account_type"].to_numpy()
    created = np.where(kind == "institution", "2012-03-01", np.where(kind == "committee", "2016-05-01", "2019-01-01"))
    acc["created"] = pd.to_datetime(created) + pd.to_timedelta(rng.integers(0, 900, n), unit="D")
    acc.loc[acc["account_id"] == "INS-TT", "created"] = pd.Timestamp("2023-11-15")
    # Security: the institution is well run; committees mostly; members often are not.
    p_2fa = np.select([kind == "institution", kind == "committee"], [1.0, 0.85], 0.5)
    acc["two_factor"] = rng.random(n) < p_2fa
    acc["admins"] = np.select([kind == "institution", kind == "committee"],
                              [rng.integers(3, 7, n), rng.integers(2, 5, n)], rng.integers(1, 5, n))
    acc["shared_password"] = rng.random(n) < np.select([kind == "institution", kind == "committee"], [0.0, 0.25], 0.45)
    acc["recovery_verified"] = rng.random(n) < np.select([kind == "institution", kind == "committee"], [1.0, 0.8], 0.6)
    review_age = np.select([kind == "institution"], [rng.integers(10, 120, n)], rng.integers(30, 900, n))
    acc["last_security_review"] = END - pd.to_timedelta(review_age, unit="D")
    return acc


def _followers(rng, accounts, days) -> pd.DataFrame:
    n_days = len(days)
    frames = []
    recess = np.zeros(n_days, bool)
    for lo, hi in RECESSES:
        recess |= (days >= lo) & (days <= hi)
    youth = (days >= pd.Timestamp(CAMPAIGNS[2]["start"])) & (days <= pd.Timestamp(CAMPAIGNS[2]["end"]))
    vote_week = (days >= CONTESTED_VOTE) & (days < CONTESTED_VOTE + pd.Timedelta(days=10))
    start_size = {"facebook": 85000, "instagram": 26000, "x": 61000, "youtube": 12000, "tiktok": 3000,
                  "linkedin": 15000}
    for acc in accounts.itertuples():
        if acc.account_type == "institution":
            size = start_size[acc.platform]
        elif acc.account_type == "committee":
            size = rng.integers(2000, 9000)
        else:
            size = int(rng.lognormal(np.log(9000), 0.8))
        growth = {"tiktok": 0.0030, "instagram": 0.0009}.get(acc.platform, 0.0004)
        gain_rate = size * growth * np.where(recess, 0.5, 1.0) * np.where(days.day_of_week >= 5, 0.8, 1.0)
        loss_rate = size * growth * 0.45 * np.ones(n_days)
        if acc.account_id in ("INS-IG", "INS-TT"):
            gain_rate = gain_rate * np.where(youth, 3.5, 1.0)
        if acc.account_type == "member":
            loss_rate = loss_rate * np.where(vote_week, 2.5, 1.0)
        gained = rng.poisson(gain_rate)
        lost = rng.poisson(loss_rate)
        if acc.account_id == BOT_SPIKE_ACCOUNT:
            spike = int(days.get_loc(BOT_SPIKE_DAY))
            gained[spike] += int(rng.integers(5500, 6500))
            gained[spike + 1] += int(rng.integers(900, 1300))
            # Most of the bought or bot followers are purged over the next three weeks.
            purge = rng.multinomial(int(0.6 * gained[spike]), np.full(21, 1 / 21))
            lost[spike + 2: spike + 23] += purge
        followers = size + np.cumsum(gained - lost)
        frames.append(pd.DataFrame({"date": days, "account_id": acc.account_id, "followers": followers,
                                    "gained": gained, "lost": lost}))
    return pd.concat(frames, ignore_index=True)


def _posts(rng, accounts, followers, calendar) -> pd.DataFrame:
    days = calendar["date"]
    period = calendar["period"].to_numpy()
    day_factor = np.select([period == "sitting", period == "recess"], [1.25, 0.45], 0.55)
    rate_by_platform = {"facebook": 1.4, "instagram": 1.0, "x": 2.6, "youtube": 0.25, "tiktok": 0.6,
                        "linkedin": 0.4}
    follower_lookup = followers.set_index(["account_id", "date"])["followers"]
    parts = []
    for acc in accounts.itertuples():
        if acc.account_type == "institution":
            base = rate_by_platform[acc.platform]
        elif acc.account_type == "committee":
            base = 0.45
        else:
            base = 0.6
        counts = rng.poisson(base * day_factor * rng.lognormal(0, 0.35, len(days)))
        if acc.account_id == "INS-TT":
            counts[days < pd.Timestamp("2024-01-15")] = 0
        n = int(counts.sum())
        if n == 0:
            continue
        day = np.repeat(days.to_numpy(), counts)
        per_day = np.repeat(counts, counts)
        hour = rng.choice(24, size=n, p=POSTING_HOURS / POSTING_HOURS.sum())
        minute = rng.integers(0, 60, n)
        posted_at = pd.to_datetime(day) + pd.to_timedelta(hour * 60 + minute, unit="m")
        mix = FORMAT_MIX[acc.platform]
        names = list(mix)
        fmt = rng.choice(names, size=n, p=[mix[f][0] for f in names])
        fmt_effect = np.array([mix[f][1] for f in fmt])
        fol = follower_lookup.loc[acc.account_id].reindex(pd.to_datetime(day)).to_numpy()
        parts.append(pd.DataFrame({
            "account_id": acc.account_id, "platform": acc.platform, "account_type": acc.account_type,
            "posted_at": posted_at, "format": fmt, "fmt_effect": fmt_effect, "per_day": per_day,
            "followers_then": fol}))
    posts = pd.concat(parts, ignore_index=True).sort_values(["posted_at", "account_id"], kind="stable")
    posts = posts.reset_index(drop=True)
    n = len(posts)
    ts = posts["posted_at"]
    platform = posts["platform"].to_numpy()
    kind = posts["account_type"].to_numpy()

    topics = np.array(list(TOPIC_EFFECT))
    topic_p = np.array([0.17, 0.15, 0.12, 0.08, 0.07, 0.06, 0.09, 0.08, 0.09, 0.09])
    topic = rng.choice(topics, size=n, p=topic_p)
    in_debate = np.zeros(n, bool)
    for lo, hi in BUDGET_DEBATES:
        in_debate |= (ts >= lo).to_numpy() & (ts < hi + pd.Timedelta(days=1)).to_numpy()
    topic[in_debate & (rng.random(n) < 0.5)] = "budget"

    campaign = np.full(n, None, dtype=object)
    for c in CAMPAIGNS:
        inside = ((ts >= pd.Timestamp(c["start"])) & (ts < pd.Timestamp(c["end"]) + pd.Timedelta(days=1))).to_numpy()
        eligible = inside & np.isin(platform, c["platforms"].split(";")) & (kind != "member")
        chosen = eligible & (rng.random(n) < 0.55)
        campaign[chosen] = c["campaign_id"]
        topic[chosen] = c["topic"]

    tone = np.where(kind == "member", rng.choice(["formal", "explanatory", "conversational"], n, p=[0.2, 0.3, 0.5]),
                    rng.choice(["formal", "explanatory", "conversational"], n, p=[0.45, 0.35, 0.20]))
    casual_platform = np.isin(platform, ["instagram", "tiktok"])
    tone_effect = np.where(tone == "conversational", np.where(casual_platform, 1.20, 1.05),
                           np.where(tone == "formal", np.where(platform == "linkedin", 1.10, 0.92), 1.0))
    language = np.where(rng.random(n) < 0.72, "en", "fr")
    fmt = posts["format"].to_numpy()
    visual = np.isin(fmt, ["image", "video", "short_video", "live"])
    videoish = np.isin(fmt, ["video", "short_video", "live"])
    alt_p = np.select([kind == "institution", kind == "committee"], [0.65, 0.4], 0.15)
    alt_text = visual & (rng.random(n) < alt_p)
    captions = videoish & (rng.random(n) < np.select([kind == "institution"], [0.7], 0.3))

    hours = ts.dt.hour.to_numpy()
    weekday = ts.dt.day_of_week.to_numpy()
    hour_effect = np.where(platform == "linkedin", LINKEDIN_HOUR_EFFECT[hours], HOUR_EFFECT[hours])
    weekday_effect = np.where((platform == "linkedin") & (weekday >= 5), 0.55, WEEKDAY_EFFECT[weekday])
    freq_effect = posts["per_day"].to_numpy() ** FREQUENCY_EXPONENT
    topic_effect = np.array([TOPIC_EFFECT[t] for t in topic])
    base_er = np.array([BASE_ENGAGEMENT[p] for p in platform])
    member_boost = np.where(kind == "member", 1.4, 1.0)  # people engage more with people than with institutions
    rate = (base_er * posts["fmt_effect"].to_numpy() * hour_effect * weekday_effect * freq_effect * topic_effect
            * tone_effect * member_boost * rng.lognormal(0, 0.45, n))
    rate = np.minimum(rate, 0.6)

    base_reach = np.array([BASE_REACH[p] for p in platform])
    campaign_boost = np.where(campaign != None, 1.6, 1.0)  # noqa: E711  (paid promotion)
    campaign_boost = np.where(campaign == "C25-BUDGET", 3.2, campaign_boost)  # big paid push, little outcome
    reach = posts["followers_then"].to_numpy() * base_reach * campaign_boost * rng.lognormal(0, 0.55, n)
    viral = rng.random(n) < 0.004
    reach = np.where(viral, reach * (8 + 12 * rng.pareto(1.6, n)), reach)
    reach = np.maximum(1, np.round(reach)).astype(np.int64)
    impressions = np.round(reach * rng.uniform(1.1, 1.6, n)).astype(np.int64)
    engagements = rng.poisson(reach * rate)
    split = np.array([SPLIT[p] for p in platform])
    rcs = rng.multinomial(engagements, split)
    link = fmt == "link"
    ctr = np.where(link, 0.018 * np.where(platform == "linkedin", 1.3, 1.0), 0.003)
    ctr = ctr * np.where(campaign != None, 1.5, 1.0) * np.where(campaign == "C25-BUDGET", 0.25, 1.0)  # noqa: E711
    clicks = rng.binomial(reach, np.minimum(ctr, 1.0))
    video_views = np.where(videoish, rng.binomial(reach, np.where(captions, 0.62, 0.48)), 0)

    out = pd.DataFrame({
        "account_id": posts["account_id"], "platform": platform, "posted_at": ts, "format": fmt,
        "topic": topic, "campaign_id": campaign, "language": language, "tone": tone,
        "alt_text": alt_text, "captions": captions, "impressions": impressions, "reach": reach,
        "reactions": rcs[:, 0], "comments": rcs[:, 1], "shares": rcs[:, 2], "clicks": clicks,
        "video_views": video_views,
    })
    # One post that went viral at a poor hour (a Sunday, 06:10): it skews any average by hour.
    sunday = pd.Timestamp("2025-04-13 06:10")
    viral_post = dict(account_id="INS-FB", platform="facebook", posted_at=sunday,
                      format="image", topic="behind_the_scenes", campaign_id=None, language="en",
                      tone="conversational", alt_text=True, captions=False,
                      impressions=int(rng.integers(1_300_000, 1_500_000)), reach=int(rng.integers(900_000, 1_000_000)),
                      reactions=int(rng.integers(150_000, 170_000)), comments=int(rng.integers(9_000, 11_000)),
                      shares=int(rng.integers(40_000, 45_000)), clicks=int(rng.integers(2_000, 3_000)),
                      video_views=0)
    out = pd.concat([out, pd.DataFrame([viral_post])], ignore_index=True)
    out = out.sort_values("posted_at", kind="stable").reset_index(drop=True)
    out.insert(0, "post_id", [f"P{i:06d}" for i in range(1, len(out) + 1)])  # the viral post looks like any other
    return out


COMMENT_TEXTS = {
    "question": ["When will the committee publish its report on {t}?", "Where can I watch the debate on {t}?",
                 "How can I send my views on {t} to my representative?", "Is the sitting on {t} open to the public?",
                 "What does this change mean for people like me?", "Can you share the full text of the bill?",
                 "When is the next consultation open?", "Who voted for this and where can I see the list?"],
    "constructive": ["Thanks for explaining {t} so clearly, a short video would help too.",
                     "Good summary; a link to the documents would make it even better.",
                     "Useful. Could you post this in French as well?",
                     "I would like more updates like this on {t}."],
    "praise": ["Great initiative!", "Well done, very clear.", "Thank you for this.", "Really interesting to see."],
    "criticism": ["This took far too long to decide.", "The explanation of {t} leaves out the costs.",
                  "I disagree with this decision on {t}.", "Why was nobody from my region consulted?"],
    "abusive": ["You are all useless clowns.", "Nobody wants you, resign now.", "What a pathetic bunch of idiots.",
                "Total waste of space, all of you.", "Shut up and go away."],
    "spam": ["Win a free phone, click my profile!", "Earn money from home, message me.",
             "Follow me for daily crypto tips.", "Cheap followers here, DM me."],
    "disinformation": ["They are secretly doubling everyone's taxes next month.",
                       "This vote was rigged, the real count was hidden.",
                       "The budget sends half our money abroad, share before they delete this.",
                       "Parliament is cancelling the next election, wake up."],
}
# Usual label mix on institution/committee posts and on members' posts.
LABEL_P_INSTITUTION = np.array([0.26, 0.19, 0.20, 0.22, 0.02, 0.07, 0.04])
LABEL_P_MEMBER = np.array([0.20, 0.15, 0.22, 0.27, 0.06, 0.06, 0.04])
LABEL_NAMES = np.array(list(COMMENT_TEXTS))


def _comments(rng, posts, accounts) -> pd.DataFrame:
    kind_of = accounts.set_index("account_id")["account_type"]
    sampled = np.minimum(posts["comments"].to_numpy(), rng.poisson(2.0, len(posts)))
    post_idx = np.repeat(np.arange(len(posts)), sampled)
    n = len(post_idx)
    p = posts.iloc[post_idx]
    kind = kind_of.reindex(p["account_id"]).to_numpy()
    delay = rng.exponential(180, n) + 1
    created = p["posted_at"].to_numpy() + pd.to_timedelta(delay, unit="m").to_numpy()
    created = pd.to_datetime(created).floor("min")
    probs = np.where((kind == "member")[:, None], LABEL_P_MEMBER, LABEL_P_INSTITUTION)
    after_vote = ((created >= CONTESTED_VOTE) & (created < CONTESTED_VOTE + pd.Timedelta(days=10)))
    wave = np.where(kind == "member", 0.32, 0.07)  # the abuse wave hits members far more
    abusive_now = after_vote & (rng.random(n) < wave)
    topic = p["topic"].to_numpy()
    in_debate = np.zeros(n, bool)
    for lo, hi in BUDGET_DEBATES:
        in_debate |= (created >= lo) & (created < hi + pd.Timedelta(days=1))
    disinfo_now = in_debate & (topic == "budget") & (rng.random(n) < 0.28)
    cum = probs.cumsum(axis=1)
    label = LABEL_NAMES[(rng.random(n)[:, None] > cum).sum(axis=1).clip(max=len(LABEL_NAMES) - 1)]
    label[abusive_now] = "abusive"
    label[disinfo_now] = "disinformation"

    texts = np.empty(n, dtype=object)
    pick = rng.random(n)
    topic_words = np.char.replace(topic.astype(str), "_", " ")
    for name, options in COMMENT_TEXTS.items():
        mask = label == name
        chosen = np.array(options, dtype=object)[(pick[mask] * len(options)).astype(int)]
        texts[mask] = [s.format(t=t) for s, t in zip(chosen, topic_words[mask])]
    # The coordinated cluster copies one message word for word.
    texts[disinfo_now] = "LEAKED: the new budget quietly doubles what you pay. They will delete this, copy it now!"

    commenters = np.array([f"U{i:05d}" for i in rng.integers(0, 40000, n)], dtype=object)
    ring = np.array([f"U9{i:04d}" for i in range(25)], dtype=object)
    commenters[disinfo_now] = ring[rng.integers(0, len(ring), int(disinfo_now.sum()))]

    question = label == "question"
    p_reply = np.where(question, np.select([kind == "institution", kind == "committee"], [0.72, 0.45], 0.38),
                       np.where(np.isin(label, ["abusive", "spam", "disinformation"]), 0.02, 0.12))
    replied = rng.random(n) < p_reply
    median_minutes = np.select([kind == "institution", kind == "committee"], [55.0, 240.0], 420.0)
    minutes = np.round(rng.lognormal(np.log(median_minutes), 0.9), 1)
    reply_minutes = np.where(replied, minutes, np.nan)
    # People whose question was answered within the hour come back far more often.
    p_return = np.where(~replied, 0.18, np.where(reply_minutes <= 60, 0.47, 0.30))
    p_return = np.where(question, p_return, 0.22)
    returned = rng.random(n) < p_return

    out = pd.DataFrame({
        "comment_id": [f"CM{i:07d}" for i in range(1, n + 1)], "post_id": p["post_id"].to_numpy(),
        "account_id": p["account_id"].to_numpy(), "platform": p["platform"].to_numpy(), "created_at": created,
        "commenter_id": commenters, "label": label, "text": texts, "replied": replied,
        "reply_minutes": reply_minutes, "returned_30d": returned,
    })
    return out.sort_values(["created_at", "comment_id"], kind="stable").reset_index(drop=True)


def _audience(rng, accounts, days) -> pd.DataFrame:
    months = pd.date_range(START, END, freq="MS")
    base = {"facebook": [0.05, 0.13, 0.18, 0.22, 0.22, 0.20], "instagram": [0.13, 0.30, 0.24, 0.16, 0.10, 0.07],
            "x": [0.08, 0.24, 0.25, 0.20, 0.14, 0.09], "youtube": [0.14, 0.24, 0.20, 0.17, 0.14, 0.11],
            "tiktok": [0.38, 0.30, 0.16, 0.09, 0.05, 0.02], "linkedin": [0.05, 0.30, 0.28, 0.20, 0.13, 0.04]}
    youth_start, youth_end = pd.Timestamp(CAMPAIGNS[2]["start"]), pd.Timestamp(CAMPAIGNS[2]["end"])
    rows = []
    for acc in accounts.itertuples():
        shares = np.array(base[acc.platform]) * rng.uniform(0.85, 1.15, 6)
        for month in months:
            s = shares.copy()
            if acc.account_id in ("INS-IG", "INS-TT") and month >= youth_start:
                # The youth campaign really grew the young audience, and the gain stayed.
                progress = min(1.0, (month - youth_start).days / (youth_end - youth_start).days + 0.34)
                s[0] = s[0] + 0.075 * progress
            s = s * rng.uniform(0.97, 1.03, 6)
            s = np.round(s / s.sum(), 4)
            s[-1] = round(1 - s[:-1].sum(), 4)
            rows.extend(zip([month] * 6, [acc.account_id] * 6, AGE_BANDS, s))
    return pd.DataFrame(rows, columns=["month", "account_id", "age_band", "share"])


def _survey(rng, scale) -> pd.DataFrame:
    n = 2400 * scale
    age = rng.choice(AGE_BANDS, n, p=[0.12, 0.17, 0.17, 0.17, 0.16, 0.21])
    region = rng.choice(REGIONS, n, p=[0.30, 0.20, 0.22, 0.15, 0.13])
    gender = rng.choice(GENDERS, n, p=[0.50, 0.48, 0.02])
    a = np.searchsorted(np.array(AGE_BANDS), age)  # 0 = youngest
    # Weekly use by age band, from youngest to oldest.
    use = {"facebook": [0.48, 0.60, 0.68, 0.72, 0.70, 0.58], "instagram": [0.82, 0.70, 0.52, 0.38, 0.25, 0.12],
           "x": [0.25, 0.30, 0.27, 0.22, 0.16, 0.08], "youtube": [0.88, 0.82, 0.74, 0.62, 0.50, 0.36],
           "tiktok": [0.72, 0.48, 0.26, 0.14, 0.07, 0.03], "linkedin": [0.12, 0.34, 0.32, 0.24, 0.14, 0.04]}
    islands = region == "Southern Isles"
    data = {"respondent_id": [f"R{i:05d}" for i in range(1, n + 1)], "age_band": age, "region": region,
            "gender": gender}
    uses = {}
    for p, by_age in use.items():
        prob = np.array(by_age)[a] * np.where(islands & (p in ("x", "linkedin")), 0.5, 1.0)
        uses[p] = rng.random(n) < prob
        data[f"uses_{p}"] = uses[p]
    # The main platform is drawn among those used, favouring the age band's favourite.
    weight = np.stack([uses[p] * np.array(use[p])[a] ** 2 for p in PLATFORMS], axis=1)
    total = weight.sum(axis=1)
    cum = np.cumsum(weight, axis=1) / np.where(total == 0, 1, total)[:, None]
    idx = (rng.random(n)[:, None] > cum).sum(axis=1).clip(max=len(PLATFORMS) - 1)
    data["main_platform"] = np.where(total == 0, "none", np.array(PLATFORMS)[idx])
    follow_p = np.array([0.06, 0.09, 0.12, 0.15, 0.17, 0.14])[a] * np.where(total == 0, 0.0, 1.0)
    follows = rng.random(n) < follow_p
    data["follows_parliament"] = follows
    trust = np.clip(np.round(rng.normal(2.7 + 0.5 * follows + 0.05 * a, 1.0)), 1, 5).astype(int)
    data["trust_parliament"] = trust
    return pd.DataFrame(data)


def _ab_tests(rng) -> pd.DataFrame:
    tests = [
        ("AB1", "Plain-language headline", "facebook", "2025-05-05", 14, 0.0180, 0.0236,
         "Formal headline, as usual", "Plain-language headline with a question"),
        ("AB2", "Emoji in the first line", "x", "2025-10-06", 14, 0.0150, 0.0150,
         "No emoji", "One emoji at the start of the first line"),
    ]
    rows = []
    for test_id, name, platform, start, n_days, ctr_a, ctr_b, desc_a, desc_b in tests:
        dates = pd.date_range(start, periods=n_days, freq="D")
        while True:
            drawn = {}
            for variant, ctr in (("A", ctr_a), ("B", ctr_b)):
                impressions = rng.integers(2600, 3400, n_days)
                drawn[variant] = impressions, rng.binomial(impressions, ctr * rng.lognormal(0, 0.08, n_days))
            # A test with no real effect must not look like a winner by luck on any seed.
            if ctr_a != ctr_b or abs(_z_score(*drawn["A"], *drawn["B"])) < 1.0:
                break
        for variant, desc in (("A", desc_a), ("B", desc_b)):
            impressions, clicks = drawn[variant]
            for d, imp, clk in zip(dates, impressions, clicks):
                rows.append((test_id, name, platform, variant, desc, d, imp, clk))
    return pd.DataFrame(rows, columns=list(TABLES["ab_tests"].columns))


def _z_score(imp_a, clk_a, imp_b, clk_b) -> float:
    n_a, n_b, c_a, c_b = imp_a.sum(), imp_b.sum(), clk_a.sum(), clk_b.sum()
    pooled = (c_a + c_b) / (n_a + n_b)
    return float((c_b / n_b - c_a / n_a) / np.sqrt(pooled * (1 - pooled) * (1 / n_a + 1 / n_b)))


def _web_visits(rng, posts, days) -> pd.DataFrame:
    day = posts["posted_at"].dt.normalize()
    social = (posts.assign(date=day, source=posts["platform"].astype(str))
              .groupby(["date", "source", "campaign_id"], dropna=False)["clicks"].sum().reset_index())
    social["sessions"] = rng.binomial(social["clicks"].to_numpy(), 0.8)
    weekday = days.day_of_week.to_numpy()
    other = []
    for source, level in (("search", 2600), ("direct", 1400), ("newsletter", 260)):
        rate = level * np.where(weekday >= 5, 0.6, 1.0)
        other.append(pd.DataFrame({"date": days, "source": source, "campaign_id": None,
                                   "sessions": rng.poisson(rate)}))
    visits = pd.concat([social[["date", "source", "campaign_id", "sessions"]]] + other, ignore_index=True)
    visits = visits[visits["sessions"] > 0].copy()
    visits["pageviews"] = visits["sessions"] + rng.poisson(visits["sessions"].to_numpy() * 1.3)
    visits["campaign_id"] = visits["campaign_id"].astype(object).where(visits["campaign_id"].notna(), None)
    return visits.sort_values(["date", "source", "campaign_id"], kind="stable", na_position="first").reset_index(drop=True)


def _consultations(rng) -> pd.DataFrame:
    usual_ages = [0.05, 0.10, 0.15, 0.20, 0.22, 0.28]
    frames = []
    for name, opens, closes, per_day, campaign in CONSULTATIONS:
        days = pd.date_range(opens, closes, freq="D")
        counts = rng.poisson(per_day * np.where(days.day_of_week >= 5, 0.7, 1.0))
        n = int(counts.sum())
        parts = [pd.DataFrame({
            "day": np.repeat(days.to_numpy(), counts),
            "source": rng.choice(["search", "direct", "newsletter", "facebook", "x"], n,
                                 p=[0.35, 0.25, 0.2, 0.12, 0.08]),
            "campaign_id": None,
            "age_band": rng.choice(AGE_BANDS, n, p=usual_ages)})]
        if campaign is not None:
            c = next(c for c in CAMPAIGNS if c["campaign_id"] == campaign)
            cdays = pd.date_range(c["start"], c["end"], freq="D")
            per_campaign_day = {"C25-HEAR": 14.0, "C25-YOUTH": 11.5, "C25-BUDGET": 4.5}[campaign]
            ccounts = rng.poisson(per_campaign_day * np.ones(len(cdays)))
            m = int(ccounts.sum())
            ages = ([0.62, 0.22, 0.08, 0.04, 0.03, 0.01] if campaign == "C25-YOUTH"
                    else [0.06, 0.12, 0.17, 0.22, 0.22, 0.21])
            parts.append(pd.DataFrame({
                "day": np.repeat(cdays.to_numpy(), ccounts),
                "source": rng.choice(c["platforms"].split(";"), m),
                "campaign_id": campaign,
                "age_band": rng.choice(AGE_BANDS, m, p=ages)}))
        df = pd.concat(parts, ignore_index=True)
        region_p = [0.15, 0.40, 0.10, 0.05, 0.30] if name == "Coastal Protection Bill" else [0.32, 0.19, 0.22, 0.15, 0.12]
        minutes = rng.integers(7 * 60, 23 * 60, len(df))
        frames.append(df.assign(submitted_at=pd.to_datetime(df["day"]) + pd.to_timedelta(minutes, unit="m"),
                                consultation=name, region=rng.choice(REGIONS, len(df), p=region_p)))
    out = pd.concat(frames, ignore_index=True).sort_values("submitted_at", kind="stable").reset_index(drop=True)
    out.insert(0, "response_id", [f"CR{i:06d}" for i in range(1, len(out) + 1)])
    return out


def generate(seed: int = DEFAULT_SEED, scale: int = 1) -> dict[str, pd.DataFrame]:
    """Generate every table of the sample data in memory, in the columns of the schema.

    ``scale`` multiplies the number of member accounts and survey respondents,
    and with them the posts, followers and comments.
    """
    if scale < 1:
        raise ValueError("scale must be a whole number of at least 1")
    rng = np.random.default_rng([seed, scale])
    days = _days()
    calendar = _calendar(days)
    accounts = _accounts(rng, scale)
    followers = _followers(rng, accounts, days)
    posts = _posts(rng, accounts, followers, calendar)
    tables = {
        "accounts": accounts,
        "posts": posts,
        "followers": followers,
        "audience": _audience(rng, accounts, days),
        "comments": _comments(rng, posts, accounts),
        "survey": _survey(rng, scale),
        "campaigns": pd.DataFrame(CAMPAIGNS).drop(columns="topic"),
        "ab_tests": _ab_tests(rng),
        "web_visits": _web_visits(rng, posts, days),
        "consultations": _consultations(rng),
        "calendar": calendar,
    }
    return {name: tables[name][list(TABLES[name].columns)].reset_index(drop=True) for name in TABLES}


def _to_csv_text(df: pd.DataFrame, table: str) -> str:
    out = df.copy()
    for name, col in TABLES[table].columns.items():
        if col.kind == "date":
            out[name] = pd.to_datetime(out[name]).dt.strftime("%Y-%m-%d")
        elif col.kind == "datetime":
            out[name] = pd.to_datetime(out[name]).dt.strftime("%Y-%m-%d %H:%M")
        elif col.kind == "bool":
            out[name] = np.where(out[name].astype(bool), "true", "false")
    return out.to_csv(index=False, lineterminator="\n")


def write_tables(tables: dict[str, pd.DataFrame], out_dir: str | Path) -> list[Path]:
    """Write each table as ``<name>.csv`` in ``out_dir`` and return the paths written."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, df in tables.items():
        path = out / TABLES[name].filename
        path.write_text(_to_csv_text(df, name), encoding="utf-8")
        written.append(path)
    return written
