"""Posts, with their reach and engagement, and the comments citizens leave on them."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..schema import GENDERS
from .world import (
    BASE_ENGAGEMENT,
    BASE_REACH,
    BUDGET_DEBATES,
    CAMPAIGNS,
    CLUSTER_FORM_VARIANTS,
    CLUSTER_TEXT,
    CLUSTER_WORD_VARIANTS,
    COMMENT_TEXTS,
    CONTESTED_VOTE,
    FORMAT_MIX,
    FREQUENCY_EXPONENT,
    HOUR_EFFECT,
    LABEL_NAMES,
    LABEL_P_INSTITUTION,
    LABEL_P_MEMBER,
    LINKEDIN_HOUR_EFFECT,
    POSTING_HOURS,
    SPLIT,
    TOPIC_EFFECT,
    WEEKDAY_EFFECT,
    WOMEN_EXTRA_ABUSE,
)


def make_posts(rng, accounts, followers, calendar) -> pd.DataFrame:
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



def make_comments(rng, posts, accounts, extra) -> pd.DataFrame:
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
    # Women members receive more abuse: some criticism on their posts crosses the line.
    woman = accounts.set_index("account_id")["gender"].reindex(p["account_id"]).to_numpy() == GENDERS[0]
    extra_draw = extra.random(n)
    label[woman & (label == "criticism") & (extra_draw < WOMEN_EXTRA_ABUSE)] = "abusive"

    texts = np.empty(n, dtype=object)
    pick = rng.random(n)
    topic_words = np.char.replace(topic.astype(str), "_", " ")
    for name, options in COMMENT_TEXTS.items():
        mask = label == name
        chosen = np.array(options, dtype=object)[(pick[mask] * len(options)).astype(int)]
        texts[mask] = [s.format(t=t) for s, t in zip(chosen, topic_words[mask])]
    # The coordinated cluster copies one message word for word.
    texts[disinfo_now] = CLUSTER_TEXT
    # ... but some copies were retyped: another case, punctuation or spacing, or one word changed,
    # so that grouping identical texts undercounts the cluster.
    where = np.flatnonzero(disinfo_now)
    form = extra.random(len(where))
    variant = extra.integers(0, 1000, len(where))
    for i, f, v in zip(where, form, variant):
        if f < 0.22:
            texts[i] = CLUSTER_FORM_VARIANTS[v % len(CLUSTER_FORM_VARIANTS)]
        elif f < 0.32:
            texts[i] = CLUSTER_WORD_VARIANTS[v % len(CLUSTER_WORD_VARIANTS)]

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

