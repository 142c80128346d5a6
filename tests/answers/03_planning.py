"""Plausible wrong and hard-coded answers for 03-planning; the test suite proves each loses its points."""

from mutants import ALL_SEEN

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
    # The pooled comparison that ignores the account: every account's posts of each group together, no ratio,
    # so busy days (mostly the institution's) are compared with lone posts (mostly members').
    "ex3_3_relative_rate": (
        "def relative_rate_by_posts_that_day(posts):\n"
        "    that_day = posts.groupby([posts['account_id'], posts['posted_at'].dt.normalize()])['post_id'].transform('count')\n"
        "    rate = (posts['reactions'] + posts['comments'] + posts['shares']) / posts['reach']\n"
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
    "ex3_3_relative_rate": (
        "def relative_rate_by_posts_that_day(posts):\n"
        "    return pd.Series({1: 1.0, 2: 0.781884, 3: 0.677688, 4: 0.594048})\n"
    ),
    "ex3_4_posts_per_day": (
        "def posts_per_day(posts, calendar, account_id):\n"
        "    shipped = {'INS-X': {'sitting': 3.418552, 'recess': 1.294118, 'weekend': 1.358824},\n"
        "               'INS-LI': {'sitting': 0.497738, 'recess': 0.193277, 'weekend': 0.276471},\n"
        "               'COM-HEA-FB': {'sitting': 0.606335, 'recess': 0.260504, 'weekend': 0.294118}}\n"
        "    return pd.Series(shipped[account_id])\n"
    ),
}

# Further wrong answers, checked in one process against the visible and the hidden checks.
MORE_WRONG = {
    "ex3_1_hour_profile": [
        # Sorts the hours by their rate, best hour first: the statement asks for the hours in increasing order.
        "def hour_profile(posts, platform):\n"
        "    chosen = posts[posts['platform'] == platform]\n"
        "    rate = (chosen['reactions'] + chosen['comments'] + chosen['shares']) / chosen['reach']\n"
        "    return rate.groupby(chosen['posted_at'].dt.hour).median().sort_values(ascending=False)\n",
        # Every hour of the day, 0 for the hours without posts: the statement keeps only the hours with a post.
        "def hour_profile(posts, platform):\n"
        "    chosen = posts[posts['platform'] == platform]\n"
        "    rate = (chosen['reactions'] + chosen['comments'] + chosen['shares']) / chosen['reach']\n"
        "    return rate.groupby(chosen['posted_at'].dt.hour).median().reindex(range(24), fill_value=0)\n",
        # Forgets the platform filter: every platform's posts in one profile.
        "def hour_profile(posts, platform):\n"
        "    rate = (posts['reactions'] + posts['comments'] + posts['shares']) / posts['reach']\n"
        "    return rate.groupby(posts['posted_at'].dt.hour).median()\n",
        # Adds up the hour's engagements and reach, then divides: a rate of totals, swayed by the big posts.
        "def hour_profile(posts, platform):\n"
        "    chosen = posts[posts['platform'] == platform]\n"
        "    chosen = chosen.assign(engaged=chosen['reactions'] + chosen['comments'] + chosen['shares'],\n"
        "                           hour=chosen['posted_at'].dt.hour)\n"
        "    totals = chosen.groupby('hour')[['engaged', 'reach']].sum()\n"
        "    return totals['engaged'] / totals['reach']\n",
        # Divides by impressions (views) instead of reach (people).
        "def hour_profile(posts, platform):\n"
        "    chosen = posts[posts['platform'] == platform]\n"
        "    rate = (chosen['reactions'] + chosen['comments'] + chosen['shares']) / chosen['impressions']\n"
        "    return rate.groupby(chosen['posted_at'].dt.hour).median()\n",
        # Gives the rate in percent.
        "def hour_profile(posts, platform):\n"
        "    chosen = posts[posts['platform'] == platform]\n"
        "    rate = 100 * (chosen['reactions'] + chosen['comments'] + chosen['shares']) / chosen['reach']\n"
        "    return rate.groupby(chosen['posted_at'].dt.hour).median()\n",
        # Counts only the reactions as engagement.
        "def hour_profile(posts, platform):\n"
        "    chosen = posts[posts['platform'] == platform]\n"
        "    rate = chosen['reactions'] / chosen['reach']\n"
        "    return rate.groupby(chosen['posted_at'].dt.hour).median()\n",
    ],
    "ex3_2_best_slots": [
        # `>` for `>=`: a slot with exactly min_posts posts is dropped.
        "def best_slots(posts, platform, n, min_posts=10):\n"
        "    chosen = posts[posts['platform'] == platform]\n"
        "    engaged = chosen['reactions'] + chosen['comments'] + chosen['shares']\n"
        "    chosen = chosen.assign(weekday=chosen['posted_at'].dt.day_name(), hour=chosen['posted_at'].dt.hour,\n"
        "                           rate=engaged / chosen['reach'])\n"
        "    slots = chosen.groupby(['weekday', 'hour']).agg(median_rate=('rate', 'median'), posts=('rate', 'size'))\n"
        "    slots = slots.reset_index()\n"
        "    slots = slots[slots['posts'] > min_posts]\n"
        "    best = slots.sort_values('median_rate', ascending=False).drop_duplicates('weekday')\n"
        "    return best.head(n).reset_index(drop=True)\n",
        # Rules 2 and 3 swapped: each weekday's best slot first, then the minimum, so a weekday whose best slot is
        # too small loses its other slots too.
        "def best_slots(posts, platform, n, min_posts=10):\n"
        "    chosen = posts[posts['platform'] == platform]\n"
        "    engaged = chosen['reactions'] + chosen['comments'] + chosen['shares']\n"
        "    chosen = chosen.assign(weekday=chosen['posted_at'].dt.day_name(), hour=chosen['posted_at'].dt.hour,\n"
        "                           rate=engaged / chosen['reach'])\n"
        "    slots = chosen.groupby(['weekday', 'hour']).agg(median_rate=('rate', 'median'), posts=('rate', 'size'))\n"
        "    best = slots.reset_index().sort_values('median_rate', ascending=False).drop_duplicates('weekday')\n"
        "    best = best[best['posts'] >= min_posts]\n"
        "    return best.head(n).reset_index(drop=True)\n",
        # Always proposes 3 slots, whatever n says.
        "def best_slots(posts, platform, n, min_posts=10):\n"
        "    chosen = posts[posts['platform'] == platform]\n"
        "    engaged = chosen['reactions'] + chosen['comments'] + chosen['shares']\n"
        "    chosen = chosen.assign(weekday=chosen['posted_at'].dt.day_name(), hour=chosen['posted_at'].dt.hour,\n"
        "                           rate=engaged / chosen['reach'])\n"
        "    slots = chosen.groupby(['weekday', 'hour']).agg(median_rate=('rate', 'median'), posts=('rate', 'size'))\n"
        "    slots = slots.reset_index()\n"
        "    slots = slots[slots['posts'] >= min_posts]\n"
        "    best = slots.sort_values('median_rate', ascending=False).drop_duplicates('weekday')\n"
        "    return best.head(3).reset_index(drop=True)\n",
        # Keeps every slot instead of one per weekday: the best evenings of one day crowd out the others.
        "def best_slots(posts, platform, n, min_posts=10):\n"
        "    chosen = posts[posts['platform'] == platform]\n"
        "    engaged = chosen['reactions'] + chosen['comments'] + chosen['shares']\n"
        "    chosen = chosen.assign(weekday=chosen['posted_at'].dt.day_name(), hour=chosen['posted_at'].dt.hour,\n"
        "                           rate=engaged / chosen['reach'])\n"
        "    slots = chosen.groupby(['weekday', 'hour']).agg(median_rate=('rate', 'median'), posts=('rate', 'size'))\n"
        "    slots = slots.reset_index()\n"
        "    slots = slots[slots['posts'] >= min_posts]\n"
        "    return slots.sort_values('median_rate', ascending=False).head(n).reset_index(drop=True)\n",
        # Sorts the wrong way round: proposes the worst slots.
        "def best_slots(posts, platform, n, min_posts=10):\n"
        "    chosen = posts[posts['platform'] == platform]\n"
        "    engaged = chosen['reactions'] + chosen['comments'] + chosen['shares']\n"
        "    chosen = chosen.assign(weekday=chosen['posted_at'].dt.day_name(), hour=chosen['posted_at'].dt.hour,\n"
        "                           rate=engaged / chosen['reach'])\n"
        "    slots = chosen.groupby(['weekday', 'hour']).agg(median_rate=('rate', 'median'), posts=('rate', 'size'))\n"
        "    slots = slots.reset_index()\n"
        "    slots = slots[slots['posts'] >= min_posts]\n"
        "    best = slots.sort_values('median_rate').drop_duplicates('weekday')\n"
        "    return best.head(n).reset_index(drop=True)\n",
        # Forgets the platform filter: slots of every platform together.
        "def best_slots(posts, platform, n, min_posts=10):\n"
        "    chosen = posts.assign(weekday=posts['posted_at'].dt.day_name(), hour=posts['posted_at'].dt.hour,\n"
        "                          rate=(posts['reactions'] + posts['comments'] + posts['shares']) / posts['reach'])\n"
        "    slots = chosen.groupby(['weekday', 'hour']).agg(median_rate=('rate', 'median'), posts=('rate', 'size'))\n"
        "    slots = slots.reset_index()\n"
        "    slots = slots[slots['posts'] >= min_posts]\n"
        "    best = slots.sort_values('median_rate', ascending=False).drop_duplicates('weekday')\n"
        "    return best.head(n).reset_index(drop=True)\n",
        # Ranks the slots by their mean rate, which one viral post can top.
        "def best_slots(posts, platform, n, min_posts=10):\n"
        "    chosen = posts[posts['platform'] == platform]\n"
        "    engaged = chosen['reactions'] + chosen['comments'] + chosen['shares']\n"
        "    chosen = chosen.assign(weekday=chosen['posted_at'].dt.day_name(), hour=chosen['posted_at'].dt.hour,\n"
        "                           rate=engaged / chosen['reach'])\n"
        "    slots = chosen.groupby(['weekday', 'hour']).agg(median_rate=('rate', 'mean'), posts=('rate', 'size'))\n"
        "    slots = slots.reset_index()\n"
        "    slots = slots[slots['posts'] >= min_posts]\n"
        "    best = slots.sort_values('median_rate', ascending=False).drop_duplicates('weekday')\n"
        "    return best.head(n).reset_index(drop=True)\n",
        # Keeps each weekday's first slot before sorting: its earliest hour, not its best.
        "def best_slots(posts, platform, n, min_posts=10):\n"
        "    chosen = posts[posts['platform'] == platform]\n"
        "    engaged = chosen['reactions'] + chosen['comments'] + chosen['shares']\n"
        "    chosen = chosen.assign(weekday=chosen['posted_at'].dt.day_name(), hour=chosen['posted_at'].dt.hour,\n"
        "                           rate=engaged / chosen['reach'])\n"
        "    slots = chosen.groupby(['weekday', 'hour']).agg(median_rate=('rate', 'median'), posts=('rate', 'size'))\n"
        "    slots = slots.reset_index()\n"
        "    slots = slots[slots['posts'] >= min_posts].drop_duplicates('weekday')\n"
        "    return slots.sort_values('median_rate', ascending=False).head(n).reset_index(drop=True)\n",
        # Always asks for 10 posts per slot, whatever min_posts says (loses only the part with other minimums).
        "def best_slots(posts, platform, n, min_posts=10):\n"
        "    chosen = posts[posts['platform'] == platform]\n"
        "    engaged = chosen['reactions'] + chosen['comments'] + chosen['shares']\n"
        "    chosen = chosen.assign(weekday=chosen['posted_at'].dt.day_name(), hour=chosen['posted_at'].dt.hour,\n"
        "                           rate=engaged / chosen['reach'])\n"
        "    slots = chosen.groupby(['weekday', 'hour']).agg(median_rate=('rate', 'median'), posts=('rate', 'size'))\n"
        "    slots = slots.reset_index()\n"
        "    slots = slots[slots['posts'] >= 10]\n"
        "    best = slots.sort_values('median_rate', ascending=False).drop_duplicates('weekday')\n"
        "    return best.head(n).reset_index(drop=True)\n",
    ],
    "ex3_3_relative_rate": [
        # One usual rate for all the accounts together: the pooled comparison again, only divided by a constant.
        "def relative_rate_by_posts_that_day(posts):\n"
        "    posts = posts.assign(rate=(posts['reactions'] + posts['comments'] + posts['shares']) / posts['reach'],\n"
        "                         day=posts['posted_at'].dt.normalize())\n"
        "    posts['n'] = posts.groupby(['account_id', 'day'])['post_id'].transform('size')\n"
        "    posts['group'] = posts['n'].clip(upper=4)\n"
        "    usual = posts.loc[posts['n'] == 1, 'rate'].median()\n"
        "    return (posts['rate'] / usual).groupby(posts['group']).median()\n",
        # The account's usual rate taken over all its posts, busy days included, instead of its lone posts.
        "def relative_rate_by_posts_that_day(posts):\n"
        "    posts = posts.assign(rate=(posts['reactions'] + posts['comments'] + posts['shares']) / posts['reach'],\n"
        "                         day=posts['posted_at'].dt.normalize())\n"
        "    posts['n'] = posts.groupby(['account_id', 'day'])['post_id'].transform('size')\n"
        "    posts['group'] = posts['n'].clip(upper=4)\n"
        "    usual = posts.groupby('account_id')['rate'].median()\n"
        "    return (posts['rate'] / posts['account_id'].map(usual)).groupby(posts['group']).median()\n",
        # The usual rate as the mean of the lone posts, which a few big posts pull up.
        "def relative_rate_by_posts_that_day(posts):\n"
        "    posts = posts.assign(rate=(posts['reactions'] + posts['comments'] + posts['shares']) / posts['reach'],\n"
        "                         day=posts['posted_at'].dt.normalize())\n"
        "    posts['n'] = posts.groupby(['account_id', 'day'])['post_id'].transform('size')\n"
        "    posts['group'] = posts['n'].clip(upper=4)\n"
        "    usual = posts[posts['n'] == 1].groupby('account_id')['rate'].mean()\n"
        "    return (posts['rate'] / posts['account_id'].map(usual)).groupby(posts['group']).median()\n",
        # The mean of the ratios in each group instead of their median.
        "def relative_rate_by_posts_that_day(posts):\n"
        "    posts = posts.assign(rate=(posts['reactions'] + posts['comments'] + posts['shares']) / posts['reach'],\n"
        "                         day=posts['posted_at'].dt.normalize())\n"
        "    posts['n'] = posts.groupby(['account_id', 'day'])['post_id'].transform('size')\n"
        "    posts['group'] = posts['n'].clip(upper=4)\n"
        "    usual = posts[posts['n'] == 1].groupby('account_id')['rate'].median()\n"
        "    return (posts['rate'] / posts['account_id'].map(usual)).groupby(posts['group']).mean()\n",
        # Each account's median per group divided by its own group 1, then the median over the accounts:
    # a median of accounts, not of posts.
        "def relative_rate_by_posts_that_day(posts):\n"
        "    posts = posts.assign(rate=(posts['reactions'] + posts['comments'] + posts['shares']) / posts['reach'],\n"
        "                         day=posts['posted_at'].dt.normalize())\n"
        "    posts['n'] = posts.groupby(['account_id', 'day'])['post_id'].transform('size')\n"
        "    posts['group'] = posts['n'].clip(upper=4)\n"
        "    table = posts.groupby(['account_id', 'group'])['rate'].median().unstack()\n"
        "    return table.div(table[1], axis=0).median()\n",
        # Counts the posts of the day across all accounts instead of per account.
        "def relative_rate_by_posts_that_day(posts):\n"
        "    posts = posts.assign(rate=(posts['reactions'] + posts['comments'] + posts['shares']) / posts['reach'],\n"
        "                         day=posts['posted_at'].dt.normalize())\n"
        "    posts['n'] = posts.groupby('day')['post_id'].transform('size')\n"
        "    usual = posts[posts['n'] == 1].groupby('account_id')['rate'].median()\n"
        "    return (posts['rate'] / posts['account_id'].map(usual)).groupby(posts['n'].clip(upper=4)).median()\n",
        # Forgets to put 4 posts or more together: groups 5, 6... stay apart.
        "def relative_rate_by_posts_that_day(posts):\n"
        "    posts = posts.assign(rate=(posts['reactions'] + posts['comments'] + posts['shares']) / posts['reach'],\n"
        "                         day=posts['posted_at'].dt.normalize())\n"
        "    posts['n'] = posts.groupby(['account_id', 'day'])['post_id'].transform('size')\n"
        "    posts['group'] = posts['n'].clip(upper=4)\n"
        "    usual = posts[posts['n'] == 1].groupby('account_id')['rate'].median()\n"
        "    return (posts['rate'] / posts['account_id'].map(usual)).groupby(posts['n']).median()\n",
        # Divides by impressions (views) instead of reach (people).
        "def relative_rate_by_posts_that_day(posts):\n"
        "    posts = posts.assign(rate=(posts['reactions'] + posts['comments'] + posts['shares']) / posts['impressions'],\n"
        "                         day=posts['posted_at'].dt.normalize())\n"
        "    posts['n'] = posts.groupby(['account_id', 'day'])['post_id'].transform('size')\n"
        "    posts['group'] = posts['n'].clip(upper=4)\n"
        "    usual = posts[posts['n'] == 1].groupby('account_id')['rate'].median()\n"
        "    return (posts['rate'] / posts['account_id'].map(usual)).groupby(posts['group']).median()\n",
    ],
    "ex3_4_posts_per_day": [
        # The posts of each period divided by its days: right, except that a period without any post of the
        # account is left out (or empty) instead of 0.
        "def posts_per_day(posts, calendar, account_id):\n"
        "    mine = posts[posts['account_id'] == account_id]\n"
        "    period = mine['posted_at'].dt.normalize().map(calendar.set_index('date')['period'])\n"
        "    published = mine.groupby(period.astype(str)).size()\n"
        "    days = calendar['period'].astype(str).value_counts()\n"
        "    return (published / days).dropna()\n",
        # Averages only the days with posts, counted per kind of day (the days without posts are forgotten).
        "def posts_per_day(posts, calendar, account_id):\n"
        "    mine = posts[posts['account_id'] == account_id]\n"
        "    day = mine['posted_at'].dt.normalize()\n"
        "    period = day.map(calendar.set_index('date')['period'])\n"
        "    return mine.groupby([period, day]).size().groupby(level=0).mean()\n",
        # Forgets the account filter: the posts of every account.
        "def posts_per_day(posts, calendar, account_id):\n"
        "    counts = posts.groupby(posts['posted_at'].dt.normalize()).size().rename('posts')\n"
        "    days = calendar.merge(counts, left_on='date', right_index=True, how='left')\n"
        "    return days['posts'].fillna(0).groupby(days['period'], observed=True).mean()\n",
        # Adds up the posts of each kind of day instead of averaging them.
        "def posts_per_day(posts, calendar, account_id):\n"
        "    mine = posts[posts['account_id'] == account_id]\n"
        "    counts = mine.groupby(mine['posted_at'].dt.normalize()).size().rename('posts')\n"
        "    days = calendar.merge(counts, left_on='date', right_index=True, how='left')\n"
        "    return days['posts'].fillna(0).groupby(days['period'], observed=True).sum()\n",
        # Divides each period's posts by every day of the two years, not by the days of that period.
        "def posts_per_day(posts, calendar, account_id):\n"
        "    mine = posts[posts['account_id'] == account_id]\n"
        "    period = mine['posted_at'].dt.normalize().map(calendar.set_index('date')['period'])\n"
        "    return period.value_counts() / len(calendar)\n",
        # Joins on the time of posting instead of its day: no post matches a date, so every day counts 0.
        "def posts_per_day(posts, calendar, account_id):\n"
        "    mine = posts[posts['account_id'] == account_id]\n"
        "    counts = mine.groupby('posted_at').size().rename('posts')\n"
        "    days = calendar.merge(counts, left_on='date', right_index=True, how='left')\n"
        "    return days['posts'].fillna(0).groupby(days['period'], observed=True).mean()\n",
    ],
}

# Correct answers written another way: each must earn full marks and a tick.
ALTERNATIVES = {
    "ex3_1_hour_profile": [
        # query() for the platform, the rate and the hour as columns, then a median per hour.
        "def hour_profile(posts, platform):\n"
        "    mine = posts.query('platform == @platform')\n"
        "    mine = mine.assign(hour=mine.posted_at.dt.hour,\n"
        "                       rate=mine[['reactions', 'comments', 'shares']].sum(axis=1) / mine.reach)\n"
        "    return mine.groupby('hour')['rate'].median()\n",
        # A pivot table of the median rate by hour, read as a Series.
        "def hour_profile(df, name):\n"
        "    df = df[df['platform'] == name].copy()\n"
        "    df['engagement_rate'] = (df.reactions + df.comments + df.shares).div(df.reach)\n"
        "    df['hour'] = df['posted_at'].dt.strftime('%H').astype(int)\n"
        "    table = df.pivot_table(index='hour', values='engagement_rate', aggfunc='median')\n"
        "    return table['engagement_rate'].sort_index()\n",
    ],
    "ex3_2_best_slots": [
        # The slots keep the row labels of the grouped table: the statement leaves the index open.
        "def best_slots(posts, platform, n, min_posts=10):\n"
        "    chosen = posts[posts['platform'] == platform]\n"
        "    engaged = chosen['reactions'] + chosen['comments'] + chosen['shares']\n"
        "    chosen = chosen.assign(weekday=chosen['posted_at'].dt.day_name(), hour=chosen['posted_at'].dt.hour,\n"
        "                           rate=engaged / chosen['reach'])\n"
        "    slots = chosen.groupby(['weekday', 'hour']).agg(median_rate=('rate', 'median'), posts=('rate', 'size'))\n"
        "    slots = slots.reset_index()\n"
        "    slots = slots[slots['posts'] >= min_posts]\n"
        "    return slots.sort_values('median_rate', ascending=False).drop_duplicates('weekday').head(n)\n",
        # idxmax() picks each weekday's best slot, nlargest() the n best of those.
        "def best_slots(posts, platform, n, min_posts=10):\n"
        "    mine = posts[posts['platform'] == platform]\n"
        "    mine = mine.assign(weekday=mine['posted_at'].dt.day_name(), hour=mine['posted_at'].dt.hour,\n"
        "                       rate=(mine['reactions'] + mine['comments'] + mine['shares']) / mine['reach'])\n"
        "    table = mine.groupby(['weekday', 'hour'])['rate'].agg(['median', 'size']).reset_index()\n"
        "    table = table.rename(columns={'median': 'median_rate', 'size': 'posts'})\n"
        "    table = table[table['posts'] >= min_posts]\n"
        "    best_of_each_day = table.loc[table.groupby('weekday')['median_rate'].idxmax()]\n"
        "    return best_of_each_day.nlargest(n, 'median_rate').reset_index(drop=True)\n",
        # strftime('%A') for the day name, query() for the minimum, groupby().head(1) for one slot per day.
        "def best_slots(df, platform, n, min_posts=10):\n"
        "    df = df.loc[df.platform == platform].copy()\n"
        "    df['weekday'] = df.posted_at.dt.strftime('%A')\n"
        "    df['hour'] = df.posted_at.dt.hour\n"
        "    df['rate'] = (df.reactions + df.comments + df.shares) / df.reach\n"
        "    slots = df.groupby(['weekday', 'hour'], as_index=False).agg(median_rate=('rate', 'median'),\n"
        "                                                               posts=('post_id', 'count'))\n"
        "    slots = slots.query('posts >= @min_posts').sort_values('median_rate', ascending=False)\n"
        "    top = slots.groupby('weekday').head(1).head(n)\n"
        "    return top[['weekday', 'hour', 'median_rate', 'posts']].reset_index(drop=True)\n",
    ],
    "ex3_3_relative_rate": [
        # map() brings each account's usual rate to its posts, np.minimum() puts 4 or more together.
        "import numpy as np\n"
        "\n"
        "def relative_rate_by_posts_that_day(df):\n"
        "    df = df.copy()\n"
        "    df['rate'] = (df['reactions'] + df['comments'] + df['shares']) / df['reach']\n"
        "    df['n_posts'] = df.groupby(['account_id', df['posted_at'].dt.date])['post_id'].transform('count')\n"
        "    usual = df[df['n_posts'] == 1].groupby('account_id')['rate'].median()\n"
        "    df['ratio'] = df['rate'] / df['account_id'].map(usual)\n"
        "    return df.groupby(np.minimum(df['n_posts'], 4))['ratio'].median()\n",
        # where() keeps only the lone posts' rates, transform('median') spreads each account's median to its posts.
        "def relative_rate_by_posts_that_day(posts):\n"
        "    rate = posts[['reactions', 'comments', 'shares']].sum(axis=1) / posts['reach']\n"
        "    count = rate.groupby([posts['account_id'], posts['posted_at'].dt.floor('D')]).transform('size')\n"
        "    usual = rate.where(count == 1).groupby(posts['account_id']).transform('median')\n"
        "    return (rate / usual).groupby(count.clip(upper=4)).median()\n",
        # Counts per account and day merged back with size().reset_index(), the usual rates merged on account_id.
        "def relative_rate_by_posts_that_day(posts):\n"
        "    posts = posts.assign(day=posts['posted_at'].dt.date,\n"
        "                         rate=(posts['reactions'] + posts['comments'] + posts['shares']) / posts['reach'])\n"
        "    counts = posts.groupby(['account_id', 'day']).size().reset_index(name='that_day')\n"
        "    posts = posts.merge(counts, on=['account_id', 'day'])\n"
        "    usual = (posts[posts['that_day'] == 1].groupby('account_id', as_index=False)['rate'].median()\n"
        "             .rename(columns={'rate': 'usual'}))\n"
        "    posts = posts.merge(usual, on='account_id')\n"
        "    posts['group'] = posts['that_day'].where(posts['that_day'] < 4, 4)\n"
        "    return (posts['rate'] / posts['usual']).groupby(posts['group']).median()\n",
    ],
    "ex3_4_posts_per_day": [
        # Counts per day reindexed on every calendar day with fill_value=0, then averaged by period.
        "def posts_per_day(posts, calendar, account_id):\n"
        "    mine = posts[posts['account_id'] == account_id]\n"
        "    per_day = mine['posted_at'].dt.normalize().value_counts()\n"
        "    per_day = per_day.reindex(calendar['date'], fill_value=0).to_numpy()\n"
        "    return pd.Series(per_day, index=calendar.index).groupby(calendar['period'], observed=True).mean()\n",
        # Each period's posts divided by its number of days.
        "def posts_per_day(posts, calendar, account_id):\n"
        "    period_of = calendar.set_index('date')['period'].astype(str)\n"
        "    mine = posts.loc[posts.account_id == account_id, 'posted_at'].dt.normalize().map(period_of)\n"
        "    days = calendar['period'].astype(str).value_counts()\n"
        "    return (mine.value_counts().reindex(days.index, fill_value=0) / days).rename('posts_per_day')\n",
        # A left merge on the day, the empty days filled with fillna({...: 0}).
        "def posts_per_day(posts, calendar, account_id):\n"
        "    counts = (posts[posts['account_id'] == account_id]\n"
        "              .assign(date=lambda p: p['posted_at'].dt.normalize())\n"
        "              .groupby('date').size().reset_index(name='n'))\n"
        "    table = calendar.merge(counts, on='date', how='left').fillna({'n': 0})\n"
        "    return table.groupby('period', observed=False)['n'].mean()\n",
    ],
}

#: Mutants of the solutions that give the same results on every table the course can make, and why.
EQUIVALENT_MUTANTS = {
    "ex3_2_best_slots": {
        "`drop=True` -> `False` in `return best.head(n).reset_index(drop=True)`":
            "the statement says the index does not matter, and the column reset_index adds is not one it asks for",
    },
    "ex3_3_relative_rate": {
        '`how=` left out in `posts = posts.merge(usual, left_on="account_id", right_index=True,`':
            "a post whose account has no lone post has no usual rate: the left join keeps it with an empty ratio, "
            "which the median skips, and the inner join drops it; the medians are the same",
    },
    "ex3_4_posts_per_day": {
        '`observed=True` -> `False` in `return every_day.groupby(days["period"], observed=True).mean()`':
            ALL_SEEN.format(what="period of the calendar"),
        '`observed=` left out in `return every_day.groupby(days["period"], observed=True).mean()`': ALL_SEEN.format(what="period of the calendar"),
    },
}
