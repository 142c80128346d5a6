"""Plausible wrong and hard-coded answers for 01-objectives; the test suite proves each loses its points."""

WRONG = {
    # compares whole names with the list, so "Followers gained" and "Reach" count as outcomes
    "ex1_1_kpi_kind": (
        "def kpi_kind(kpis):\n"
        "    return kpis.isin(platform_counts).map({True: 'output', False: 'outcome'})\n"
    ),
    # the average instead of the median: one viral post moves it
    "ex1_2_kpi_baseline": (
        "def kpi_baseline(posts, year):\n"
        "    chosen = posts[posts['posted_at'].dt.year == year]\n"
        "    rate = (chosen['reactions'] + chosen['comments'] + chosen['shares']) / chosen['reach']\n"
        "    return rate.groupby(chosen['platform']).mean()\n"
    ),
    # forgot to keep only 2024, so 2025 posts leak into the target
    "ex1_3_stretch_target": (
        "def stretch_target(posts, platform):\n"
        "    chosen = posts[posts['platform'] == platform]\n"
        "    rate = (chosen['reactions'] + chosen['comments'] + chosen['shares']) / chosen['reach']\n"
        "    return rate.quantile(0.75)\n"
    ),
    # divides by every 2024 post instead of the platform's posts
    "ex1_4_share_meeting": (
        "def share_meeting(posts, platform, target):\n"
        "    chosen = posts[posts['posted_at'].dt.year == 2024]\n"
        "    rate = (chosen['reactions'] + chosen['comments'] + chosen['shares']) / chosen['reach']\n"
        "    return ((rate >= target) & (chosen['platform'] == platform)).sum() / len(chosen)\n"
    ),
}

HARDCODED = {
    # the labels of the visible examples, typed in
    "ex1_1_kpi_kind": (
        "def kpi_kind(kpis):\n"
        "    return pd.Series(['output', 'outcome', 'output', 'outcome', 'output'], index=kpis.index[:5])\n"
    ),
    # the shipped data's 2024 medians, whatever the table or year
    "ex1_2_kpi_baseline": (
        "def kpi_baseline(posts, year):\n"
        "    return pd.Series({'facebook': 0.02451, 'instagram': 0.06383, 'x': 0.012873,\n"
        "                      'youtube': 0.025137, 'tiktok': 0.066802, 'linkedin': 0.021075})\n"
    ),
    # the shipped data's 75th percentiles, looked up by platform
    "ex1_3_stretch_target": (
        "def stretch_target(posts, platform):\n"
        "    return {'facebook': 0.038363, 'instagram': 0.104455, 'x': 0.02106,\n"
        "            'youtube': 0.040175, 'tiktok': 0.099737, 'linkedin': 0.034409}[platform]\n"
    ),
    # the share read off the shipped data for X at 2%
    "ex1_4_share_meeting": (
        "def share_meeting(posts, platform, target):\n"
        "    return 0.2747\n"
    ),
}

# Further wrong answers, checked in one process against the visible and the hidden checks.
MORE_WRONG = {
    "ex1_1_kpi_kind": [
        # Forgets the lower case, so "Reach", "Likes" and "Engagement rate" count as outcomes.
        "def kpi_kind(kpis):\n"
        "    mentions = kpis.str.contains('|'.join(platform_counts))\n"
        "    return mentions.map({True: 'output', False: 'outcome'})\n",
        # Swaps the two labels.
        "def kpi_kind(kpis):\n"
        "    mentions = kpis.str.lower().str.contains('|'.join(platform_counts))\n"
        "    return mentions.map({True: 'outcome', False: 'output'})\n",
        # Stops at True or False and never turns them into words.
        "def kpi_kind(kpis):\n"
        "    return kpis.str.lower().str.contains('|'.join(platform_counts))\n",
        # Builds a new Series from a list and loses the index of kpis.
        "def kpi_kind(kpis):\n"
        "    labels = []\n"
        "    for name in kpis:\n"
        "        found = any(word in name.lower() for word in platform_counts)\n"
        "        labels.append('output' if found else 'outcome')\n"
        "    return pd.Series(labels)\n",
        # Right labels, then sorted so the outputs come first (loses the order of kpis).
        "def kpi_kind(kpis):\n"
        "    mentions = kpis.str.lower().str.contains('|'.join(platform_counts))\n"
        "    return mentions.map({True: 'output', False: 'outcome'}).sort_values(ascending=False)\n",
    ],
    "ex1_2_kpi_baseline": [
        # Forgets to keep only the posts of the year.
        "def kpi_baseline(posts, year):\n"
        "    rate = (posts['reactions'] + posts['comments'] + posts['shares']) / posts['reach']\n"
        "    return rate.groupby(posts['platform']).median()\n",
        # Types 2024 instead of using year (right for 2024 only, so it loses only the second part).
        "def kpi_baseline(posts, year):\n"
        "    chosen = posts[posts['posted_at'].dt.year == 2024]\n"
        "    rate = (chosen['reactions'] + chosen['comments'] + chosen['shares']) / chosen['reach']\n"
        "    return rate.groupby(chosen['platform']).median()\n",
        # Divides by impressions (views) instead of reach (people).
        "def kpi_baseline(posts, year):\n"
        "    chosen = posts[posts['posted_at'].dt.year == year]\n"
        "    rate = (chosen['reactions'] + chosen['comments'] + chosen['shares']) / chosen['impressions']\n"
        "    return rate.groupby(chosen['platform']).median()\n",
        # Gives the baseline in percent instead of as a share.
        "def kpi_baseline(posts, year):\n"
        "    chosen = posts[posts['posted_at'].dt.year == year]\n"
        "    rate = 100 * (chosen['reactions'] + chosen['comments'] + chosen['shares']) / chosen['reach']\n"
        "    return rate.groupby(chosen['platform']).median()\n",
        # Divides the platform's total engagement by its total reach: one rate for the year, not the typical post.
        "def kpi_baseline(posts, year):\n"
        "    chosen = posts[posts['posted_at'].dt.year == year]\n"
        "    totals = chosen.groupby('platform')[['reactions', 'comments', 'shares', 'reach']].sum()\n"
        "    return (totals['reactions'] + totals['comments'] + totals['shares']) / totals['reach']\n",
    ],
    "ex1_3_stretch_target": [
        # Gives the percentile as 75 instead of the fraction 0.75.
        "def stretch_target(posts, platform):\n"
        "    chosen = posts[(posts['posted_at'].dt.year == 2024) & (posts['platform'] == platform)]\n"
        "    rate = (chosen['reactions'] + chosen['comments'] + chosen['shares']) / chosen['reach']\n"
        "    return rate.quantile(75)\n",
        # Takes the median, the baseline, instead of the 75th percentile.
        "def stretch_target(posts, platform):\n"
        "    chosen = posts[(posts['posted_at'].dt.year == 2024) & (posts['platform'] == platform)]\n"
        "    rate = (chosen['reactions'] + chosen['comments'] + chosen['shares']) / chosen['reach']\n"
        "    return rate.median()\n",
        # Takes the 25th percentile, thinking of "the best quarter" from the other end.
        "def stretch_target(posts, platform):\n"
        "    chosen = posts[(posts['posted_at'].dt.year == 2024) & (posts['platform'] == platform)]\n"
        "    rate = (chosen['reactions'] + chosen['comments'] + chosen['shares']) / chosen['reach']\n"
        "    return rate.quantile(0.25)\n",
        # Combines the two conditions with | (or) instead of & (and).
        "def stretch_target(posts, platform):\n"
        "    chosen = posts[(posts['posted_at'].dt.year == 2024) | (posts['platform'] == platform)]\n"
        "    rate = (chosen['reactions'] + chosen['comments'] + chosen['shares']) / chosen['reach']\n"
        "    return rate.quantile(0.75)\n",
        # Uses the posts of 2025, this year, instead of last year.
        "def stretch_target(posts, platform):\n"
        "    chosen = posts[(posts['posted_at'].dt.year == 2025) & (posts['platform'] == platform)]\n"
        "    rate = (chosen['reactions'] + chosen['comments'] + chosen['shares']) / chosen['reach']\n"
        "    return rate.quantile(0.75)\n",
        # Asks for the percentiles as a list, so it returns a Series of one value instead of a number.
        "def stretch_target(posts, platform):\n"
        "    chosen = posts[(posts['posted_at'].dt.year == 2024) & (posts['platform'] == platform)]\n"
        "    rate = (chosen['reactions'] + chosen['comments'] + chosen['shares']) / chosen['reach']\n"
        "    return rate.quantile([0.75])\n",
    ],
    "ex1_4_share_meeting": [
        # Returns how many posts met the target, not their share.
        "def share_meeting(posts, platform, target):\n"
        "    chosen = posts[(posts['posted_at'].dt.year == 2024) & (posts['platform'] == platform)]\n"
        "    rate = (chosen['reactions'] + chosen['comments'] + chosen['shares']) / chosen['reach']\n"
        "    return (rate >= target).sum()\n",
        # Gives the share in percent.
        "def share_meeting(posts, platform, target):\n"
        "    chosen = posts[(posts['posted_at'].dt.year == 2024) & (posts['platform'] == platform)]\n"
        "    rate = (chosen['reactions'] + chosen['comments'] + chosen['shares']) / chosen['reach']\n"
        "    return 100 * (rate >= target).mean()\n",
        # Forgets to keep only 2024, so this year's posts count too.
        "def share_meeting(posts, platform, target):\n"
        "    chosen = posts[posts['platform'] == platform]\n"
        "    rate = (chosen['reactions'] + chosen['comments'] + chosen['shares']) / chosen['reach']\n"
        "    return (rate >= target).mean()\n",
        # Forgets the platform: the share of all 2024 posts (the old visible checks let it through).
        "def share_meeting(posts, platform, target):\n"
        "    chosen = posts[posts['posted_at'].dt.year == 2024]\n"
        "    rate = (chosen['reactions'] + chosen['comments'] + chosen['shares']) / chosen['reach']\n"
        "    return (rate >= target).mean()\n",
        # Uses > (more than) instead of >= (at least), so a post exactly at the target does not count.
        "def share_meeting(posts, platform, target):\n"
        "    chosen = posts[(posts['posted_at'].dt.year == 2024) & (posts['platform'] == platform)]\n"
        "    rate = (chosen['reactions'] + chosen['comments'] + chosen['shares']) / chosen['reach']\n"
        "    return (rate > target).mean()\n",
        # Counts the posts below the target instead of those that met it.
        "def share_meeting(posts, platform, target):\n"
        "    chosen = posts[(posts['posted_at'].dt.year == 2024) & (posts['platform'] == platform)]\n"
        "    rate = (chosen['reactions'] + chosen['comments'] + chosen['shares']) / chosen['reach']\n"
        "    return (rate < target).mean()\n",
    ],
}

# Correct answers written another way: each must earn full marks and a tick.
ALTERNATIVES = {
    "ex1_1_kpi_kind": [
        # np.where on a case-blind search, put back on the index of kpis.
        "def kpi_kind(kpis):\n"
        "    import numpy as np\n"
        "    is_count = kpis.str.contains('|'.join(platform_counts), case=False)\n"
        "    return pd.Series(np.where(is_count, 'output', 'outcome'), index=kpis.index)\n",
        # A small function applied to each name, with a loop over the words.
        "def kpi_kind(names):\n"
        "    def kind(name):\n"
        "        for word in platform_counts:\n"
        "            if word in name.lower():\n"
        "                return 'output'\n"
        "        return 'outcome'\n"
        "    return names.apply(kind)\n",
        # Starts with every KPI an outcome, then marks the outputs with .loc.
        "def kpi_kind(kpis):\n"
        "    result = pd.Series('outcome', index=kpis.index)\n"
        "    for word in platform_counts:\n"
        "        result.loc[kpis.str.lower().str.contains(word)] = 'output'\n"
        "    return result\n",
    ],
    "ex1_2_kpi_baseline": [
        # Adds the rate as a column with .assign, then takes the median per platform.
        "def kpi_baseline(posts, year):\n"
        "    that_year = posts.loc[posts['posted_at'].dt.year == year]\n"
        "    that_year = that_year.assign(rate=(that_year.reactions + that_year.comments + that_year.shares)\n"
        "                                     / that_year.reach)\n"
        "    return that_year.groupby('platform', observed=True)['rate'].median()\n",
        # Compares the year as text and uses a pivot table with the median.
        "def kpi_baseline(df, year):\n"
        "    rows = df[df['posted_at'].dt.strftime('%Y') == str(year)].copy()\n"
        "    rows['rate'] = rows[['reactions', 'comments', 'shares']].sum(axis=1) / rows['reach']\n"
        "    return rows.pivot_table(index='platform', values='rate', aggfunc='median', observed=True)['rate']\n",
    ],
    "ex1_3_stretch_target": [
        # numpy's percentile, which takes 75 rather than 0.75.
        "def stretch_target(posts, platform):\n"
        "    import numpy as np\n"
        "    last_year = posts[posts['posted_at'].dt.year == 2024]\n"
        "    mine = last_year[last_year['platform'] == platform]\n"
        "    return np.percentile(mine[['reactions', 'comments', 'shares']].sum(axis=1) / mine['reach'], 75)\n",
        # A query for the filter and describe() for the upper quartile.
        "def stretch_target(posts, platform):\n"
        "    mine = posts[posts['posted_at'].dt.year == 2024].query('platform == @platform')\n"
        "    rates = (mine.reactions + mine.comments + mine.shares) / mine.reach\n"
        "    return rates.describe()['75%']\n",
    ],
    "ex1_4_share_meeting": [
        # Counts the posts that met the target and divides by the platform's posts.
        "def share_meeting(posts, platform, target):\n"
        "    mine = posts.loc[(posts['posted_at'].dt.year == 2024) & (posts['platform'] == platform)]\n"
        "    rates = (mine['reactions'] + mine['comments'] + mine['shares']) / mine['reach']\n"
        "    return (rates >= target).sum() / len(mine)\n",
        # A query for the filter, .ge for "at least", and the mean of True and False.
        "def share_meeting(df, platform, target):\n"
        "    mine = df[df['posted_at'].dt.year == 2024].query('platform == @platform')\n"
        "    return ((mine.reactions + mine.comments + mine.shares) / mine.reach).ge(target).mean()\n",
        # Keeps the posts that met the target and compares how many rows are left.
        "def share_meeting(posts, platform, target):\n"
        "    mine = posts[(posts['posted_at'].dt.year == 2024) & (posts['platform'] == platform)].copy()\n"
        "    mine['rate'] = (mine['reactions'] + mine['comments'] + mine['shares']) / mine['reach']\n"
        "    return len(mine[mine['rate'] >= target]) / len(mine)\n",
    ],
}
