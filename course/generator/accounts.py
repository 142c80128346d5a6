"""The accounts of the parliament, its committees and its members, their daily followers and their audience by age."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..schema import AGE_BANDS, GENDERS, PLATFORMS, REGIONS
from .world import (
    BOT_SPIKE_ACCOUNT,
    BOT_SPIKE_DAY,
    CAMPAIGNS,
    COMMITTEES,
    CONTESTED_VOTE,
    END,
    FIRST_NAMES,
    PARTIES,
    PLATFORM_CODES,
    RECESSES,
    START,
    SURNAMES,
)


def make_accounts(rng: np.random.Generator, scale: int) -> pd.DataFrame:
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


def assign_genders(accounts: pd.DataFrame) -> pd.DataFrame:
    """Give each member account its member's gender, read from the first name (half the members are women)."""
    member = accounts["account_type"] == "member"
    first = accounts["name"].str.split(" ").str[0]
    gender = first.map({name: GENDERS[i % 2] for i, name in enumerate(FIRST_NAMES)})
    return accounts.assign(gender=gender.where(member, None))


def make_followers(rng, accounts, days) -> pd.DataFrame:
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


def make_audience(rng, accounts, days) -> pd.DataFrame:
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

