"""The campaigns table, every measurable part of each objective with its baseline, and a member's own campaign.

A baseline is a benchmark: the KPI counted exactly the same way over a comparable earlier period of the
parliament's own data (``CAMPAIGN_KPIS`` names the periods). :func:`kpi_value` counts a KPI over any period, so
the baselines here, the scorecard of Stage 7 and the tests all count alike, on every seed.

>>> from course.data import load
>>> tables = {name: load(name) for name in ("web_visits", "consultations", "audience", "signups")}
>>> kpi_value(tables, "consultation responses", "2024-04-08", "2024-05-17") > 0
True
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..schema import PLATFORMS, TABLES
from .world import BASELINE_NOTES, CAMPAIGN_KPIS, CAMPAIGNS, MEMBER_CAMPAIGN, RECESSES

# The random stream of what this module adds (stream 9: no other part of the generator uses it).
STREAM = 9


def kpi_value(tables: dict[str, pd.DataFrame], kpi: str, first: str, last: str) -> float:
    """The KPI ``kpi`` counted over the days ``first`` to ``last`` (both included), from the tables."""
    lo, hi = pd.Timestamp(first), pd.Timestamp(last)
    if kpi == "website sessions from social media":
        visits = tables["web_visits"]
        inside = visits["date"].between(lo, hi) & visits["source"].astype(str).isin(PLATFORMS)
        return float(visits.loc[inside, "sessions"].sum())
    if kpi.startswith("consultation responses"):
        responses = tables["consultations"]
        inside = pd.to_datetime(responses["submitted_at"]).dt.normalize().between(lo, hi)
        if kpi.endswith("from 18-24 year-olds"):
            inside &= responses["age_band"].astype(str) == "18-24"
        return float(inside.sum())
    if kpi.startswith("share of 18-24 year-olds among the parliament's Instagram followers"):
        audience = tables["audience"]
        rows = audience[(audience["account_id"] == "INS-IG") & (audience["age_band"].astype(str) == "18-24")
                        & pd.to_datetime(audience["month"]).between(lo, hi)]
        return round(float(rows["share"].mean()) * 100, 2)
    if kpi == "town-hall sign-ups":
        signups = tables["signups"]
        inside = (pd.to_datetime(signups["signed_up_at"]).dt.normalize().between(lo, hi)
                  & (signups["account_id"] == MEMBER_CAMPAIGN["account_id"]))
        return float(inside.sum())
    raise ValueError(f"no way to count the KPI {kpi!r}")


def make_signups(seed: int, scale: int, days: pd.DatetimeIndex) -> pd.DataFrame:
    """Sign-ups for the town-hall meetings the member of ``MEMBER_CAMPAIGN`` holds, over the two years."""
    rng = np.random.default_rng([seed, scale, STREAM])
    c = MEMBER_CAMPAIGN
    weekday = days.day_of_week.to_numpy()
    recess = np.zeros(len(days), bool)
    for lo, hi in RECESSES:
        recess |= (days >= lo) & (days <= hi)
    usual = 0.95 * np.where(weekday >= 5, 0.6, 1.0) * np.where(recess, 0.5, 1.0)
    running = (days >= pd.Timestamp(c["start"])) & (days <= pd.Timestamp(c["end"]))
    # During the campaign some who would have signed up anyway use its links instead (fewer other ways in),
    # and some who saw it sign up another way (more): the other ways in end up about 5% above usual.
    other = rng.poisson(usual * np.where(running, 1.05, 1.0))
    linked = np.where(running, rng.poisson(2.0 * np.where(weekday >= 5, 0.7, 1.0)), 0)
    parts = []
    for counts, campaign in ((other, None), (linked, c["campaign_id"])):
        n = int(counts.sum())
        source = (rng.choice(["facebook", "newsletter", "direct", "search"], n, p=[0.35, 0.25, 0.25, 0.15])
                  if campaign is None else np.full(n, "facebook", dtype=object))
        parts.append(pd.DataFrame({"day": np.repeat(days.to_numpy(), counts), "source": source,
                                   "campaign_id": campaign}))
    out = pd.concat(parts, ignore_index=True)
    minutes = rng.integers(7 * 60, 23 * 60, len(out))
    out["signed_up_at"] = pd.to_datetime(out["day"]) + pd.to_timedelta(minutes, unit="m")
    out["account_id"] = c["account_id"]
    out["campaign_id"] = out["campaign_id"].astype(object).where(out["campaign_id"].notna(), None)
    out = out.sort_values(["signed_up_at", "campaign_id"], kind="stable", na_position="first").reset_index(drop=True)
    out.insert(0, "signup_id", [f"SU{i:05d}" for i in range(1, len(out) + 1)])
    return out


def tag_member_posts(seed: int, scale: int, posts: pd.DataFrame) -> pd.DataFrame:
    """Tag about 60% of the member's posts of the campaign's days with its campaign_id (nothing else changes)."""
    rng = np.random.default_rng([seed, scale, STREAM, 1])
    c = MEMBER_CAMPAIGN
    ts = posts["posted_at"]
    mine = ((posts["account_id"] == c["account_id"]) & (ts >= pd.Timestamp(c["start"]))
            & (ts < pd.Timestamp(c["end"]) + pd.Timedelta(days=1))).to_numpy()
    chosen = mine & (rng.random(len(posts)) < 0.6)
    out = posts.copy()
    campaign = out["campaign_id"].astype(object).to_numpy().copy()
    campaign[chosen] = c["campaign_id"]
    out["campaign_id"] = campaign
    return out


def make_campaign_kpis(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    rows = []
    for campaign_id, part, kpi, first, last, base_first, base_last, target in CAMPAIGN_KPIS:
        rows.append(dict(campaign_id=campaign_id, part=part, kpi=kpi, counted_from=first, counted_to=last,
                         baseline_from=base_first, baseline_to=base_last,
                         kpi_baseline=kpi_value(tables, kpi, base_first, base_last), kpi_target=target,
                         baseline_note=BASELINE_NOTES[(campaign_id, part)]))
    out = pd.DataFrame(rows)
    for column in ("counted_from", "counted_to", "baseline_from", "baseline_to"):
        out[column] = pd.to_datetime(out[column])
    return out[list(TABLES["campaign_kpis"].columns)]


def make_campaigns(kpis: pd.DataFrame) -> pd.DataFrame:
    """One row per campaign; its main KPI (part 1) with the baseline counted in ``kpis``."""
    out = pd.DataFrame(CAMPAIGNS + [MEMBER_CAMPAIGN]).drop(columns="topic")
    out["account_id"] = out["account_id"].astype(object).where(out["account_id"].notna(), None)
    main = kpis[kpis["part"] == 1].set_index("campaign_id")
    out["kpi_baseline"] = out["campaign_id"].map(main["kpi_baseline"])
    assert (out["kpi"] == out["campaign_id"].map(main["kpi"])).all(), "a campaign's kpi differs from its part 1"
    assert (out["kpi_target"] == out["campaign_id"].map(main["kpi_target"])).all()
    return out[list(TABLES["campaigns"].columns)]
