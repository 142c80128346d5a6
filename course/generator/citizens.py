"""What citizens do off the accounts: the survey, the A/B tests, website visits and consultation responses."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..schema import AGE_BANDS, GENDERS, PLATFORMS, REGIONS, TABLES
from .world import CAMPAIGNS, CONSULTATIONS


def make_survey(rng, scale) -> pd.DataFrame:
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


def make_ab_tests(rng) -> pd.DataFrame:
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


def make_web_visits(rng, posts, days) -> pd.DataFrame:
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


def make_consultations(rng) -> pd.DataFrame:
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

