"""Plausible wrong and hard-coded answers for 00-welcome; the test suite proves each loses its points."""

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
