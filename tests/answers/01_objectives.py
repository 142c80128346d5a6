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
