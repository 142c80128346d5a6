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

from ..schema import TABLES
from .accounts import assign_genders, make_accounts, make_audience, make_followers
from .campaigns import make_campaign_kpis, make_campaigns, make_signups, tag_member_posts
from .citizens import make_ab_tests, make_consultations, make_survey, make_web_visits
from .posts import make_comments, make_posts
from .questions import retype_questions
from .risks import add_risk_signals
from .world import DEFAULT_SEED, END, START, all_days, make_calendar

__all__ = ["DEFAULT_SEED", "START", "END", "generate", "write_tables"]

def generate(seed: int = DEFAULT_SEED, scale: int = 1) -> dict[str, pd.DataFrame]:
    """Generate every table of the sample data in memory, in the columns of the schema.

    ``scale`` multiplies the number of member accounts and survey respondents,
    and with them the posts, followers and comments.
    """
    if scale < 1:
        raise ValueError("scale must be a whole number of at least 1")
    rng = np.random.default_rng([seed, scale])
    # A second stream for what was added later (the abuse women members receive on top of the
    # rest, the cluster's retyped copies), so that every other value stays as it was.
    extra = np.random.default_rng([seed, scale, 6])
    days = all_days()
    calendar = make_calendar(days)
    accounts = assign_genders(make_accounts(rng, scale))
    followers = make_followers(rng, accounts, days)
    posts = make_posts(rng, accounts, followers, calendar)
    # Stream 7: the copy-paste burst and the gendered abuse (course/generator/risks.py).
    risks = np.random.default_rng([seed, scale, 7])
    tables = {
        "accounts": accounts,
        "posts": posts,
        "followers": followers,
        "audience": make_audience(rng, accounts, days),
        # Stream 8: some questions retyped (their text only), as real people type them.
        "comments": add_risk_signals(retype_questions(make_comments(rng, posts, accounts, extra),
                                                      np.random.default_rng([seed, scale, 8])),
                                     posts, accounts, risks),
        "survey": make_survey(rng, scale),
        "ab_tests": make_ab_tests(rng),
        "web_visits": make_web_visits(rng, posts, days),
        "consultations": make_consultations(rng),
        "calendar": calendar,
        # A member's own campaign, on a stream of its own: it only tags the member's posts and adds sign-ups.
        "signups": make_signups(seed, scale, days),
    }
    tables["posts"] = tag_member_posts(seed, scale, tables["posts"])
    tables["campaign_kpis"] = make_campaign_kpis(tables)
    tables["campaigns"] = make_campaigns(tables["campaign_kpis"])
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
