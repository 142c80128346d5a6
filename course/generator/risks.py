"""Risk signals added to the comments on a stream of their own (number 7), so that every other value stays.

- A copy-paste burst: one false claim pasted word for word by many distinct accounts within minutes,
  the other shape of a coordinated campaign beside the ring of few accounts of the budget debates.
- Gendered abuse: part of the abuse on women members' posts attacks them as women; only the text of
  comments already labelled abusive changes, so every share of abusive comments stays as it was.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..schema import GENDERS

# The burst: a Question time day; copies pasted within BURST_MINUTES from BURST_START.
BURST_DAY = pd.Timestamp("2025-03-12")
BURST_START = BURST_DAY + pd.Timedelta(hours=17, minutes=40)
BURST_MINUTES = 12
BURST_TEXT = "Members voted themselves a 40% pay rise tonight while you pay more. Share this before it disappears!"
# Share of the abusive comments on women members' posts whose text attacks them as women.
GENDERED_SHARE = 0.3
GENDERED_TEXTS = [
    "Go back to the kitchen and leave politics to the men.",
    "Nobody voted for your looks, dear. Sit down and be quiet.",
    "A woman like you has no business in parliament.",
    "Smile more, sweetheart, and stop lecturing us.",
    "Who is minding your children while you play at politics?",
]


def add_risk_signals(comments: pd.DataFrame, posts: pd.DataFrame, accounts: pd.DataFrame, rng) -> pd.DataFrame:
    """The comments with gendered abuse texts and the copy-paste burst; ``rng`` is the stream of its own."""
    out = comments.copy()
    gender = out["account_id"].map(accounts.set_index("account_id")["gender"])
    draw = rng.random(len(out))
    pick = rng.integers(0, len(GENDERED_TEXTS), len(out))
    gendered = (gender == GENDERS[0]).to_numpy() & (out["label"] == "abusive").to_numpy() & (draw < GENDERED_SHARE)
    out.loc[gendered, "text"] = np.array(GENDERED_TEXTS, dtype=object)[pick[gendered]]

    # The burst lands on the day's posts outside any campaign, published before it starts, never on more
    # comments than a post has: the comments table stays a sample of each post's comments.
    day = posts[(posts["posted_at"].dt.normalize() == BURST_DAY) & (posts["posted_at"] < BURST_START)
                & posts["campaign_id"].isna()]
    sampled = out["post_id"].value_counts().reindex(day["post_id"], fill_value=0).to_numpy()
    room = np.clip(day["comments"].to_numpy() - sampled, 0, None)
    slots = np.repeat(np.arange(len(day)), room)
    size = min(int(rng.integers(90, 121)), len(slots))
    chosen = day.iloc[np.sort(rng.choice(slots, size, replace=False))]
    minutes = np.sort(rng.uniform(0, BURST_MINUTES, size))
    first = int(out["comment_id"].str[2:].astype(int).max()) + 1
    burst = pd.DataFrame({
        "comment_id": [f"CM{i:07d}" for i in range(first, first + size)], "post_id": chosen["post_id"].to_numpy(),
        "account_id": chosen["account_id"].to_numpy(), "platform": chosen["platform"].to_numpy(),
        "created_at": (BURST_START + pd.to_timedelta(minutes, unit="m")).floor("min"),
        "commenter_id": [f"U8{i:04d}" for i in rng.permutation(size)], "label": "disinformation",
        "text": BURST_TEXT, "replied": False, "reply_minutes": np.nan, "returned_30d": False,
    })
    out = pd.concat([out, burst.astype({"label": out["label"].dtype})], ignore_index=True)
    return out.sort_values(["created_at", "comment_id"], kind="stable").reset_index(drop=True)
