"""Plausible wrong and hard-coded answers for 03-planning; the test suite proves each loses its points."""

WRONG = {
    # The mean, which one viral post drags up, instead of the median.
    "ex3_1_hour_profile": (
        "def hour_profile(posts, platform):\n"
        "    chosen = posts[posts['platform'] == platform]\n"
        "    rate = (chosen['reactions'] + chosen['comments'] + chosen['shares']) / chosen['reach']\n"
        "    return rate.groupby(chosen['posted_at'].dt.hour).mean()\n"
    ),
    # Forgot the rule on the minimum number of posts per slot.
    "ex3_2_best_slots": (
        "def best_slots(posts, platform, n, min_posts=10):\n"
        "    chosen = posts[posts['platform'] == platform]\n"
        "    chosen = chosen.assign(weekday=chosen['posted_at'].dt.day_name(), hour=chosen['posted_at'].dt.hour,\n"
        "                           rate=(chosen['reactions'] + chosen['comments'] + chosen['shares']) / chosen['reach'])\n"
        "    slots = chosen.groupby(['weekday', 'hour']).agg(median_rate=('rate', 'median'), posts=('rate', 'size'))\n"
        "    best = slots.reset_index().sort_values('median_rate', ascending=False).drop_duplicates('weekday')\n"
        "    return best.head(n).reset_index(drop=True)\n"
    ),
    # Divided by impressions (views, repeats included) instead of reach (people).
    "ex3_3_daily_volume": (
        "def rate_by_daily_volume(posts):\n"
        "    that_day = posts.groupby([posts['account_id'], posts['posted_at'].dt.normalize()])['post_id'].transform('count')\n"
        "    rate = (posts['reactions'] + posts['comments'] + posts['shares']) / posts['impressions']\n"
        "    return rate.groupby(that_day.clip(upper=4)).median()\n"
    ),
    # Averaged only over the days on which the account posted: quiet days vanish.
    "ex3_4_posts_per_day": (
        "def posts_per_day(posts, calendar, account_id):\n"
        "    mine = posts[posts['account_id'] == account_id]\n"
        "    counts = mine.groupby(mine['posted_at'].dt.normalize()).size().rename('posts')\n"
        "    days = calendar.merge(counts, left_on='date', right_index=True)\n"
        "    return days.groupby('period', observed=True)['posts'].mean()\n"
    ),
}

# Each returns the shipped data's result whatever data it is given.
HARDCODED = {
    "ex3_1_hour_profile": (
        "def hour_profile(posts, platform):\n"
        "    if platform == 'linkedin':\n"
        "        return pd.Series({0: 0.011199, 3: 0.005176, 5: 0.017887, 6: 0.018713, 7: 0.038826, 8: 0.02877,\n"
        "                          9: 0.030173, 10: 0.021271, 11: 0.021611, 12: 0.026683, 13: 0.025316, 14: 0.023196,\n"
        "                          15: 0.019759, 16: 0.021531, 17: 0.015898, 18: 0.013436, 19: 0.016126,\n"
        "                          20: 0.011703, 21: 0.015947, 22: 0.009956, 23: 0.009756})\n"
        "    return pd.Series({0: 0.006018, 1: 0.010572, 2: 0.007149, 3: 0.005981, 4: 0.010456, 5: 0.011255,\n"
        "                      6: 0.015551, 7: 0.020859, 8: 0.022774, 9: 0.023585, 10: 0.022113, 11: 0.025333,\n"
        "                      12: 0.032573, 13: 0.031291, 14: 0.025799, 15: 0.022921, 16: 0.022222, 17: 0.025,\n"
        "                      18: 0.027396, 19: 0.036117, 20: 0.035954, 21: 0.03297, 22: 0.021358, 23: 0.01938})\n"
    ),
    "ex3_2_best_slots": (
        "def best_slots(posts, platform, n, min_posts=10):\n"
        "    slots = pd.DataFrame({'weekday': ['Thursday', 'Monday', 'Friday'], 'hour': [21, 20, 21],\n"
        "                          'median_rate': [0.042155, 0.041667, 0.040510], 'posts': [35, 23, 26]})\n"
        "    return slots.head(n)\n"
    ),
    "ex3_3_daily_volume": (
        "def rate_by_daily_volume(posts):\n"
        "    return pd.Series({1: 0.035951, 2: 0.028717, 3: 0.02209, 4: 0.012187})\n"
    ),
    "ex3_4_posts_per_day": (
        "def posts_per_day(posts, calendar, account_id):\n"
        "    shipped = {'INS-X': {'sitting': 3.418552, 'recess': 1.294118, 'weekend': 1.358824},\n"
        "               'INS-LI': {'sitting': 0.497738, 'recess': 0.193277, 'weekend': 0.276471},\n"
        "               'COM-HEA-FB': {'sitting': 0.606335, 'recess': 0.260504, 'weekend': 0.294118}}\n"
        "    return pd.Series(shipped[account_id])\n"
    ),
}
