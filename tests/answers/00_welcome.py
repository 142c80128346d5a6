"""Plausible wrong and hard-coded answers for 00-welcome; the test suite proves each loses its points."""

from mutants import ALL_SEEN

WRONG = {
    # Copies the year of the worked example (2024) instead of the year asked for.
    "ex0_1_posts_per_platform": (
        "def posts_per_platform(posts):\n"
        "    in_2024 = posts[posts[\"posted_at\"].dt.year == 2024]\n"
        "    return in_2024[\"platform\"].value_counts()\n"
    ),
    # Counts clicks as engagement, so both the engagement and its rate are off.
    "ex0_2_engagement": (
        "def engagement(posts):\n"
        "    table = posts.copy()\n"
        "    table[\"engagement\"] = table[\"reactions\"] + table[\"comments\"] + table[\"shares\"] + table[\"clicks\"]\n"
        "    table[\"engagement_rate\"] = table[\"engagement\"] / table[\"reach\"]\n"
        "    return table\n"
    ),
    # Averages the daily counts of the month instead of taking its last day.
    "ex0_3_monthly_followers": (
        "def monthly_followers(followers, account_id):\n"
        "    one_account = followers[followers[\"account_id\"] == account_id]\n"
        "    return one_account.set_index(\"date\")[\"followers\"].resample(\"ME\").mean()\n"
    ),
    # Counts the accounts of each type instead of their posts.
    "ex0_4_posts_per_account_type": (
        "def posts_per_account_type(posts, accounts):\n"
        "    return accounts.groupby(\"account_type\").size()\n"
    ),
}

HARDCODED = {
    # The 2025 counts of the shipped data, typed in.
    "ex0_1_posts_per_platform": (
        "def posts_per_platform(posts):\n"
        "    return pd.Series({\"facebook\": 3522, \"x\": 2945, \"instagram\": 2352, \"tiktok\": 1326,\n"
        "                      \"linkedin\": 375, \"youtube\": 98})\n"
    ),
    # Ignores its argument and always works on the shipped posts.
    "ex0_2_engagement": (
        "def engagement(posts):\n"
        "    table = load(\"posts\")\n"
        "    table[\"engagement\"] = table[\"reactions\"] + table[\"comments\"] + table[\"shares\"]\n"
        "    table[\"engagement_rate\"] = table[\"engagement\"] / table[\"reach\"]\n"
        "    return table\n"
    ),
    # The shipped month-end counts of INS-IG, the account the visible check uses.
    "ex0_3_monthly_followers": (
        "def monthly_followers(followers, account_id):\n"
        "    counts = [26303, 26630, 26986, 27365, 27703, 28017, 28258, 28264, 28582, 28978, 29294, 29526,\n"
        "              29777, 30121, 32183, 34199, 36176, 36523, 36708, 36743, 37130, 37467, 37833, 38020]\n"
        "    return pd.Series(counts, index=pd.date_range(\"2024-01-31\", periods=24, freq=\"ME\"))\n"
    ),
    # The shipped counts per account type, typed in.
    "ex0_4_posts_per_account_type": (
        "def posts_per_account_type(posts, accounts):\n"
        "    return pd.Series({\"institution\": 4625, \"committee\": 2650, \"member\": 13983})\n"
    ),
}

# Further wrong answers, checked in one process against the visible and the hidden checks.
MORE_WRONG = {
    "ex0_1_posts_per_platform": [
        # Forgets the year: counts every post of 2024 and 2025.
        "def posts_per_platform(posts):\n"
        "    return posts[\"platform\"].value_counts()\n",
        # Right counts, left in alphabetical order (loses only the part on order).
        "def posts_per_platform(posts):\n"
        "    in_2025 = posts[posts[\"posted_at\"].dt.year == 2025]\n"
        "    return in_2025.groupby(\"platform\").size()\n",
        # Sorted the wrong way round.
        "def posts_per_platform(posts):\n"
        "    in_2025 = posts[posts[\"posted_at\"].dt.year == 2025]\n"
        "    return in_2025[\"platform\"].value_counts().sort_values()\n",
        # Counts the accounts that posted, not the posts.
        "def posts_per_platform(posts):\n"
        "    in_2025 = posts[posts[\"posted_at\"].dt.year == 2025]\n"
        "    return in_2025.groupby(\"platform\")[\"account_id\"].nunique().sort_values(ascending=False)\n",
        # Copies the worked example of section 3: counts formats instead of platforms.
        "def posts_per_platform(posts):\n"
        "    in_2025 = posts[posts[\"posted_at\"].dt.year == 2025]\n"
        "    return in_2025.groupby(\"format\").size().sort_values(ascending=False)\n",
    ],
    "ex0_2_engagement": [
        # only the two new columns, the posts' own columns dropped (an evaluator's attempt)
        "def engagement(posts):\n"
        "    e = posts['reactions'] + posts['comments'] + posts['shares']\n"
        "    return pd.DataFrame({'engagement': e, 'engagement_rate': e / posts['reach']})\n",
        # Divides by impressions (views) instead of reach (people).
        "def engagement(posts):\n"
        "    table = posts.copy()\n"
        "    table[\"engagement\"] = table[\"reactions\"] + table[\"comments\"] + table[\"shares\"]\n"
        "    table[\"engagement_rate\"] = table[\"engagement\"] / table[\"impressions\"]\n"
        "    return table\n",
        # Gives the rate in percent (loses only the part on the rate).
        "def engagement(posts):\n"
        "    table = posts.copy()\n"
        "    table[\"engagement\"] = table[\"reactions\"] + table[\"comments\"] + table[\"shares\"]\n"
        "    table[\"engagement_rate\"] = 100 * table[\"engagement\"] / table[\"reach\"]\n"
        "    return table\n",
        # Leaves the shares out.
        "def engagement(posts):\n"
        "    table = posts.copy()\n"
        "    table[\"engagement\"] = table[\"reactions\"] + table[\"comments\"]\n"
        "    table[\"engagement_rate\"] = table[\"engagement\"] / table[\"reach\"]\n"
        "    return table\n",
        # Copies the share rate of section 4 as the engagement rate (loses only the part on the rate).
        "def engagement(posts):\n"
        "    table = posts.copy()\n"
        "    table[\"engagement\"] = table[\"reactions\"] + table[\"comments\"] + table[\"shares\"]\n"
        "    table[\"engagement_rate\"] = table[\"shares\"] / table[\"reach\"]\n"
        "    return table\n",
    ],
    "ex0_3_monthly_followers": [
        # Takes the first day of each month instead of the last.
        "def monthly_followers(followers, account_id):\n"
        "    one_account = followers[followers[\"account_id\"] == account_id]\n"
        "    return one_account.set_index(\"date\")[\"followers\"].resample(\"ME\").first()\n",
        # Forgets to keep only the account asked for.
        "def monthly_followers(followers, account_id):\n"
        "    return followers.set_index(\"date\")[\"followers\"].resample(\"ME\").last()\n",
        # Adds up the new followers of the month instead of counting the followers.
        "def monthly_followers(followers, account_id):\n"
        "    one_account = followers[followers[\"account_id\"] == account_id]\n"
        "    return one_account.set_index(\"date\")[\"gained\"].resample(\"ME\").sum()\n",
        # Copies the worked example of section 5 and keeps weeks instead of months.
        "def monthly_followers(followers, account_id):\n"
        "    one_account = followers[followers[\"account_id\"] == account_id]\n"
        "    return one_account.set_index(\"date\")[\"followers\"].resample(\"W\").last()\n",
    ],
    "ex0_4_posts_per_account_type": [
        # Counts the accounts that posted under each type.
        "def posts_per_account_type(posts, accounts):\n"
        "    merged = posts.merge(accounts[[\"account_id\", \"account_type\"]], on=\"account_id\")\n"
        "    return merged.groupby(\"account_type\")[\"account_id\"].nunique()\n",
        # Adds up the reach of the posts instead of counting them.
        "def posts_per_account_type(posts, accounts):\n"
        "    merged = posts.merge(accounts[[\"account_id\", \"account_type\"]], on=\"account_id\")\n"
        "    return merged.groupby(\"account_type\")[\"reach\"].sum()\n",
        # Gives each type's share of the posts instead of its number of posts.
        "def posts_per_account_type(posts, accounts):\n"
        "    merged = posts.merge(accounts[[\"account_id\", \"account_type\"]], on=\"account_id\")\n"
        "    return merged[\"account_type\"].value_counts(normalize=True)\n",
        # Copies the year filter of Exercise 0.1: counts only the posts of 2025.
        "def posts_per_account_type(posts, accounts):\n"
        "    merged = posts.merge(accounts[[\"account_id\", \"account_type\"]], on=\"account_id\")\n"
        "    in_2025 = merged[merged[\"posted_at\"].dt.year == 2025]\n"
        "    return in_2025.groupby(\"account_type\").size()\n",
    ],
}

# Correct answers written another way: each must earn full marks and a tick.
ALTERNATIVES = {
    "ex0_1_posts_per_platform": [
        "def posts_per_platform(posts):\n"
        "    return posts.loc[posts[\"posted_at\"].dt.year == 2025, \"platform\"].value_counts()\n",
        "def posts_per_platform(posts):\n"
        "    recent = posts[posts[\"posted_at\"] >= \"2025-01-01\"]\n"
        "    counts = recent.groupby(\"platform\", observed=True)[\"post_id\"].count()\n"
        "    return counts.sort_values(ascending=False)\n",
    ],
    "ex0_2_engagement": [
        "def engagement(posts):\n"
        "    total = posts[[\"reactions\", \"comments\", \"shares\"]].sum(axis=1)\n"
        "    return posts.assign(engagement=total, engagement_rate=total / posts[\"reach\"])\n",
        "def engagement(df):\n"
        "    df = df.copy()\n"
        "    df[\"engagement\"] = df.reactions + df.comments + df.shares\n"
        "    df[\"engagement_rate\"] = df.engagement.div(df.reach)\n"
        "    return df\n",
        # Three shares added up: a hair away from the model's rate, and on seed 7 one rate lies
        # exactly on a rounding boundary of the visible check (0.06015625).
        "def engagement(posts):\n"
        "    out = posts.copy()\n"
        "    out[\"engagement\"] = out[\"reactions\"] + out[\"comments\"] + out[\"shares\"]\n"
        "    out[\"engagement_rate\"] = (out[\"reactions\"] / out[\"reach\"]\n"
        "                              + out[\"comments\"] / out[\"reach\"]\n"
        "                              + out[\"shares\"] / out[\"reach\"])\n"
        "    return out\n",
    ],
    "ex0_3_monthly_followers": [
        "def monthly_followers(followers, account_id):\n"
        "    mine = followers[followers[\"account_id\"] == account_id].sort_values(\"date\")\n"
        "    return mine.groupby(mine[\"date\"].dt.to_period(\"M\"))[\"followers\"].last()\n",
        "def monthly_followers(followers, account_id):\n"
        "    mine = followers.query(\"account_id == @account_id\")\n"
        "    return mine.resample(\"MS\", on=\"date\")[\"followers\"].last()\n",
    ],
    "ex0_4_posts_per_account_type": [
        "def posts_per_account_type(posts, accounts):\n"
        "    type_of = accounts.set_index(\"account_id\")[\"account_type\"]\n"
        "    return posts[\"account_id\"].map(type_of).value_counts()\n",
        "def posts_per_account_type(posts, accounts):\n"
        "    joined = pd.merge(posts, accounts, on=\"account_id\", how=\"left\")\n"
        "    return joined[\"account_type\"].value_counts()\n",
    ],
}

#: Mutants of the solutions that give the same results on every table the course can make, and why.
EQUIVALENT_MUTANTS = {
    "ex0_1_posts_per_platform": {
        '`observed=True` -> `False` in `counts = in_2025.groupby("platform", observed=True).size()`':
            ALL_SEEN.format(what="platform"),
        '`observed=` left out in `counts = in_2025.groupby("platform", observed=True).size()`':
            ALL_SEEN.format(what="platform"),
    },
    "ex0_4_posts_per_account_type": {
        '`observed=True` -> `False` in `return merged.groupby("account_type", observed=True).size()`':
            ALL_SEEN.format(what="account type"),
        '`observed=` left out in `return merged.groupby("account_type", observed=True).size()`':
            ALL_SEEN.format(what="account type"),
        '`how=` left out in `merged = posts.merge(types, on="account_id", how="left")`':
            "every post's account_id is a key of accounts (the data dictionary and tests/test_data.py say so), "
            "so an inner join keeps every post, as the left join does",
    },
}
