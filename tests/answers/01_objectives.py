"""Plausible wrong and hard-coded answers for 01-objectives; the test suite proves each loses its points."""

from mutants import DEFAULT

WRONG = {
    # the average instead of the median: one viral post moves it
    "ex1_1_account_baseline": (
        "def account_baseline(posts, account_id):\n"
        "    chosen = posts[(posts['posted_at'].dt.year == 2024) & (posts['account_id'] == account_id)]\n"
        "    rate = (chosen['reactions'] + chosen['comments'] + chosen['shares']) / chosen['reach']\n"
        "    return rate.agg(['count', 'mean'])\n"
    ),
    # forgets the account type: the baseline of every account of the year
    "ex1_2_kpi_baseline": (
        "def kpi_baseline(posts, accounts, account_type, year):\n"
        "    chosen = posts[posts['posted_at'].dt.year == year]\n"
        "    rate = (chosen['reactions'] + chosen['comments'] + chosen['shares']) / chosen['reach']\n"
        "    return rate.groupby(chosen['platform']).median()\n"
    ),
    # forgot to keep only 2024, so 2025 posts leak into the target
    "ex1_3_stretch_target": (
        "def stretch_target(posts, account_id):\n"
        "    chosen = posts[posts['account_id'] == account_id]\n"
        "    rate = (chosen['reactions'] + chosen['comments'] + chosen['shares']) / chosen['reach']\n"
        "    return rate.quantile(0.75)\n"
    ),
    # divides by every 2024 post instead of the account's posts
    "ex1_4_share_meeting": (
        "def share_meeting(posts, account_id, target):\n"
        "    chosen = posts[posts['posted_at'].dt.year == 2024]\n"
        "    rate = (chosen['reactions'] + chosen['comments'] + chosen['shares']) / chosen['reach']\n"
        "    return ((rate >= target) & (chosen['account_id'] == account_id)).sum() / len(chosen)\n"
    ),
    # compares whole names with the list, so "Followers gained" and "Reach" count as outcomes
    "ex1_5_kpi_kind": (
        "def kpi_kind(kpis, counted):\n"
        "    return kpis.isin(counted).map({True: 'output', False: 'outcome'})\n"
    ),
}

HARDCODED = {
    # the shipped data's figures for the institution's YouTube channel, whatever the account
    "ex1_1_account_baseline": (
        "def account_baseline(posts, account_id):\n"
        "    return pd.Series({'count': 92, 'median': 0.025137})\n"
    ),
    # the shipped data's 2024 medians of the institution's posts, whatever the table, type or year
    "ex1_2_kpi_baseline": (
        "def kpi_baseline(posts, accounts, account_type, year):\n"
        "    return pd.Series({'facebook': 0.015801, 'instagram': 0.039846, 'x': 0.008891,\n"
        "                      'youtube': 0.025137, 'tiktok': 0.052262, 'linkedin': 0.018149})\n"
    ),
    # the shipped data's 75th percentiles, looked up by account
    "ex1_3_stretch_target": (
        "def stretch_target(posts, account_id):\n"
        "    return {'INS-FB': 0.023973, 'INS-IG': 0.066851, 'INS-X': 0.012919, 'INS-YT': 0.040175,\n"
        "            'INS-TT': 0.072464, 'INS-LI': 0.029298}.get(account_id, 0.04)\n"
    ),
    # the share read off the shipped data for the institution's Facebook account at 0.02
    "ex1_4_share_meeting": (
        "def share_meeting(posts, account_id, target):\n"
        "    return 0.355\n"
    ),
    # every KPI of the campaigns table is an outcome, so every KPI gets that label
    "ex1_5_kpi_kind": (
        "def kpi_kind(kpis, counted):\n"
        "    return pd.Series('outcome', index=kpis.index)\n"
    ),
}

# Further wrong answers, checked in one process against the visible and the hidden checks.
MORE_WRONG = {
    "ex1_1_account_baseline": [
        # Forgets the year: every post of the account in 2024 and 2025.
        "def account_baseline(posts, account_id):\n"
        "    chosen = posts[posts['account_id'] == account_id]\n"
        "    rate = (chosen['reactions'] + chosen['comments'] + chosen['shares']) / chosen['reach']\n"
        "    return rate.agg(['count', 'median'])\n",
        # Forgets the account: the posts of every account in 2024.
        "def account_baseline(posts, account_id):\n"
        "    chosen = posts[posts['posted_at'].dt.year == 2024]\n"
        "    rate = (chosen['reactions'] + chosen['comments'] + chosen['shares']) / chosen['reach']\n"
        "    return rate.agg(['count', 'median'])\n",
        # Divides by impressions (views) instead of reach (people): the count is right, the median is not.
        "def account_baseline(posts, account_id):\n"
        "    chosen = posts[(posts['posted_at'].dt.year == 2024) & (posts['account_id'] == account_id)]\n"
        "    rate = (chosen['reactions'] + chosen['comments'] + chosen['shares']) / chosen['impressions']\n"
        "    return rate.agg(['count', 'median'])\n",
        # Names the two values in its own words, "posts" and "baseline".
        "def account_baseline(posts, account_id):\n"
        "    chosen = posts[(posts['posted_at'].dt.year == 2024) & (posts['account_id'] == account_id)]\n"
        "    rate = (chosen['reactions'] + chosen['comments'] + chosen['shares']) / chosen['reach']\n"
        "    return pd.Series({'posts': len(rate), 'baseline': rate.median()})\n",
        # Counts the account's reach (people) instead of its posts.
        "def account_baseline(posts, account_id):\n"
        "    chosen = posts[(posts['posted_at'].dt.year == 2024) & (posts['account_id'] == account_id)]\n"
        "    rate = (chosen['reactions'] + chosen['comments'] + chosen['shares']) / chosen['reach']\n"
        "    return pd.Series({'count': chosen['reach'].sum(), 'median': rate.median()})\n",
        # The right count, then the average labelled as the median (it keeps the first point only).
        "def account_baseline(posts, account_id):\n"
        "    chosen = posts[(posts['posted_at'].dt.year == 2024) & (posts['account_id'] == account_id)]\n"
        "    rate = (chosen['reactions'] + chosen['comments'] + chosen['shares']) / chosen['reach']\n"
        "    return pd.Series({'count': len(rate), 'median': rate.mean()})\n",
        # Uses | (or) instead of & (and): the posts of 2024 plus every post of the account.
        "def account_baseline(posts, account_id):\n"
        "    chosen = posts[(posts['posted_at'].dt.year == 2024) | (posts['account_id'] == account_id)]\n"
        "    rate = (chosen['reactions'] + chosen['comments'] + chosen['shares']) / chosen['reach']\n"
        "    return rate.agg(['count', 'median'])\n",
        # Types the account of the notebook's example instead of using the argument.
        "def account_baseline(posts, account_id):\n"
        "    chosen = posts[(posts['posted_at'].dt.year == 2024) & (posts['account_id'] == 'MEM05-FB')]\n"
        "    rate = (chosen['reactions'] + chosen['comments'] + chosen['shares']) / chosen['reach']\n"
        "    return rate.agg(['count', 'median'])\n",
        # Keeps 2024 with between(...) up to "2024-12-31", which stops at midnight: 31 December's posts are lost.
        "def account_baseline(posts, account_id):\n"
        "    in_2024 = posts['posted_at'].between('2024-01-01', '2024-12-31')\n"
        "    chosen = posts[in_2024 & (posts['account_id'] == account_id)]\n"
        "    rate = (chosen['reactions'] + chosen['comments'] + chosen['shares']) / chosen['reach']\n"
        "    return rate.agg(['count', 'median'])\n",
    ],
    "ex1_2_kpi_baseline": [
        # Forgets to keep only the posts of the year.
        "def kpi_baseline(posts, accounts, account_type, year):\n"
        "    typed = posts.merge(accounts[['account_id', 'account_type']], on='account_id')\n"
        "    chosen = typed[typed['account_type'] == account_type]\n"
        "    rate = (chosen['reactions'] + chosen['comments'] + chosen['shares']) / chosen['reach']\n"
        "    return rate.groupby(chosen['platform']).median()\n",
        # Types 2024 instead of using year (right for 2024 only, so it loses only the second part).
        "def kpi_baseline(posts, accounts, account_type, year):\n"
        "    typed = posts.merge(accounts[['account_id', 'account_type']], on='account_id')\n"
        "    chosen = typed[(typed['posted_at'].dt.year == 2024) & (typed['account_type'] == account_type)]\n"
        "    rate = (chosen['reactions'] + chosen['comments'] + chosen['shares']) / chosen['reach']\n"
        "    return rate.groupby(chosen['platform']).median()\n",
        # The average instead of the median: one viral post moves it.
        "def kpi_baseline(posts, accounts, account_type, year):\n"
        "    typed = posts.merge(accounts[['account_id', 'account_type']], on='account_id')\n"
        "    chosen = typed[(typed['posted_at'].dt.year == year) & (typed['account_type'] == account_type)]\n"
        "    rate = (chosen['reactions'] + chosen['comments'] + chosen['shares']) / chosen['reach']\n"
        "    return rate.groupby(chosen['platform']).mean()\n",
        # Divides by impressions (views) instead of reach (people).
        "def kpi_baseline(posts, accounts, account_type, year):\n"
        "    typed = posts.merge(accounts[['account_id', 'account_type']], on='account_id')\n"
        "    chosen = typed[(typed['posted_at'].dt.year == year) & (typed['account_type'] == account_type)]\n"
        "    rate = (chosen['reactions'] + chosen['comments'] + chosen['shares']) / chosen['impressions']\n"
        "    return rate.groupby(chosen['platform']).median()\n",
        # Gives the baseline in percent instead of as a share.
        "def kpi_baseline(posts, accounts, account_type, year):\n"
        "    typed = posts.merge(accounts[['account_id', 'account_type']], on='account_id')\n"
        "    chosen = typed[(typed['posted_at'].dt.year == year) & (typed['account_type'] == account_type)]\n"
        "    rate = 100 * (chosen['reactions'] + chosen['comments'] + chosen['shares']) / chosen['reach']\n"
        "    return rate.groupby(chosen['platform']).median()\n",
        # Divides the platform's total engagement by its total reach: one rate for the year, not the typical post.
        "def kpi_baseline(posts, accounts, account_type, year):\n"
        "    typed = posts.merge(accounts[['account_id', 'account_type']], on='account_id')\n"
        "    chosen = typed[(typed['posted_at'].dt.year == year) & (typed['account_type'] == account_type)]\n"
        "    totals = chosen.groupby('platform')[['reactions', 'comments', 'shares', 'reach']].sum()\n"
        "    return (totals['reactions'] + totals['comments'] + totals['shares']) / totals['reach']\n",
        # Groups by account instead of by platform: one baseline per account.
        "def kpi_baseline(posts, accounts, account_type, year):\n"
        "    typed = posts.merge(accounts[['account_id', 'account_type']], on='account_id')\n"
        "    chosen = typed[(typed['posted_at'].dt.year == year) & (typed['account_type'] == account_type)]\n"
        "    rate = (chosen['reactions'] + chosen['comments'] + chosen['shares']) / chosen['reach']\n"
        "    return rate.groupby(chosen['account_id']).median()\n",
    ],
    "ex1_3_stretch_target": [
        # Gives the percentile as 75 instead of the fraction 0.75.
        "def stretch_target(posts, account_id):\n"
        "    chosen = posts[(posts['posted_at'].dt.year == 2024) & (posts['account_id'] == account_id)]\n"
        "    rate = (chosen['reactions'] + chosen['comments'] + chosen['shares']) / chosen['reach']\n"
        "    return rate.quantile(75)\n",
        # Takes the median, the baseline, instead of the 75th percentile.
        "def stretch_target(posts, account_id):\n"
        "    chosen = posts[(posts['posted_at'].dt.year == 2024) & (posts['account_id'] == account_id)]\n"
        "    rate = (chosen['reactions'] + chosen['comments'] + chosen['shares']) / chosen['reach']\n"
        "    return rate.median()\n",
        # Takes the 25th percentile, thinking of "the best quarter" from the other end.
        "def stretch_target(posts, account_id):\n"
        "    chosen = posts[(posts['posted_at'].dt.year == 2024) & (posts['account_id'] == account_id)]\n"
        "    rate = (chosen['reactions'] + chosen['comments'] + chosen['shares']) / chosen['reach']\n"
        "    return rate.quantile(0.25)\n",
        # Combines the two conditions with | (or) instead of & (and).
        "def stretch_target(posts, account_id):\n"
        "    chosen = posts[(posts['posted_at'].dt.year == 2024) | (posts['account_id'] == account_id)]\n"
        "    rate = (chosen['reactions'] + chosen['comments'] + chosen['shares']) / chosen['reach']\n"
        "    return rate.quantile(0.75)\n",
        # Uses the posts of 2025, this year, instead of last year.
        "def stretch_target(posts, account_id):\n"
        "    chosen = posts[(posts['posted_at'].dt.year == 2025) & (posts['account_id'] == account_id)]\n"
        "    rate = (chosen['reactions'] + chosen['comments'] + chosen['shares']) / chosen['reach']\n"
        "    return rate.quantile(0.75)\n",
        # Asks for the percentiles as a list, so it returns a Series of one value instead of a number.
        "def stretch_target(posts, account_id):\n"
        "    chosen = posts[(posts['posted_at'].dt.year == 2024) & (posts['account_id'] == account_id)]\n"
        "    rate = (chosen['reactions'] + chosen['comments'] + chosen['shares']) / chosen['reach']\n"
        "    return rate.quantile([0.75])\n",
        # Takes the 75th percentile of the account's reach instead of its engagement rate.
        "def stretch_target(posts, account_id):\n"
        "    chosen = posts[(posts['posted_at'].dt.year == 2024) & (posts['account_id'] == account_id)]\n"
        "    return chosen['reach'].quantile(0.75)\n",
        # Ends 2024 at "2024-12-31" (midnight), so the posts of 31 December are left out.
        "def stretch_target(posts, account_id):\n"
        "    mine = posts[(posts['account_id'] == account_id) & (posts['posted_at'] >= '2024-01-01')\n"
        "                 & (posts['posted_at'] <= '2024-12-31')]\n"
        "    rate = (mine['reactions'] + mine['comments'] + mine['shares']) / mine['reach']\n"
        "    return rate.quantile(0.75)\n",
    ],
    "ex1_4_share_meeting": [
        # Returns how many posts met the target, not their share.
        "def share_meeting(posts, account_id, target):\n"
        "    chosen = posts[(posts['posted_at'].dt.year == 2024) & (posts['account_id'] == account_id)]\n"
        "    rate = (chosen['reactions'] + chosen['comments'] + chosen['shares']) / chosen['reach']\n"
        "    return (rate >= target).sum()\n",
        # Gives the share in percent.
        "def share_meeting(posts, account_id, target):\n"
        "    chosen = posts[(posts['posted_at'].dt.year == 2024) & (posts['account_id'] == account_id)]\n"
        "    rate = (chosen['reactions'] + chosen['comments'] + chosen['shares']) / chosen['reach']\n"
        "    return 100 * (rate >= target).mean()\n",
        # Forgets to keep only 2024, so this year's posts count too.
        "def share_meeting(posts, account_id, target):\n"
        "    chosen = posts[posts['account_id'] == account_id]\n"
        "    rate = (chosen['reactions'] + chosen['comments'] + chosen['shares']) / chosen['reach']\n"
        "    return (rate >= target).mean()\n",
        # Forgets the account: the share of all 2024 posts.
        "def share_meeting(posts, account_id, target):\n"
        "    chosen = posts[posts['posted_at'].dt.year == 2024]\n"
        "    rate = (chosen['reactions'] + chosen['comments'] + chosen['shares']) / chosen['reach']\n"
        "    return (rate >= target).mean()\n",
        # Uses > (more than) instead of >= (at least), so a post exactly at the target does not count.
        "def share_meeting(posts, account_id, target):\n"
        "    chosen = posts[(posts['posted_at'].dt.year == 2024) & (posts['account_id'] == account_id)]\n"
        "    rate = (chosen['reactions'] + chosen['comments'] + chosen['shares']) / chosen['reach']\n"
        "    return (rate > target).mean()\n",
        # Types the target of the notebook's example instead of using the argument.
        "def share_meeting(posts, account_id, target):\n"
        "    chosen = posts[(posts['posted_at'].dt.year == 2024) & (posts['account_id'] == account_id)]\n"
        "    rate = (chosen['reactions'] + chosen['comments'] + chosen['shares']) / chosen['reach']\n"
        "    return (rate >= 0.02).mean()\n",
        # Counts the posts below the target instead of those that met it.
        "def share_meeting(posts, account_id, target):\n"
        "    chosen = posts[(posts['posted_at'].dt.year == 2024) & (posts['account_id'] == account_id)]\n"
        "    rate = (chosen['reactions'] + chosen['comments'] + chosen['shares']) / chosen['reach']\n"
        "    return (rate < target).mean()\n",
        # "At least" read as "more than" with .gt, in the idiom of an alternative: a rate equal to the target is lost.
        "def share_meeting(df, account, target):\n"
        "    mine = df[df['posted_at'].dt.year == 2024].query('account_id == @account')\n"
        "    return ((mine.reactions + mine.comments + mine.shares) / mine.reach).gt(target).mean()\n",
        # Ends 2024 at "2024-12-31" (midnight), so the posts of 31 December are left out.
        "def share_meeting(posts, account_id, target):\n"
        "    mine = posts[posts['posted_at'].between('2024-01-01', '2024-12-31')]\n"
        "    mine = mine[mine['account_id'] == account_id]\n"
        "    rate = (mine['reactions'] + mine['comments'] + mine['shares']) / mine['reach']\n"
        "    return (rate >= target).mean()\n",
    ],
    "ex1_5_kpi_kind": [
        # matches the words with their case, so "Reach" is not an output (an evaluator's attempt)
        "def kpi_kind(kpis, counted):\n"
        "    found = kpis.str.contains('|'.join(counted))\n"
        "    return found.map({True: 'output', False: 'outcome'})\n",
        # Forgets the lower case, so "Reach", "Likes" and "Engagement rate" count as outcomes.
        "def kpi_kind(kpis, counted):\n"
        "    mentions = kpis.str.contains('|'.join(counted))\n"
        "    return mentions.map({True: 'output', False: 'outcome'})\n",
        # Swaps the two labels.
        "def kpi_kind(kpis, counted):\n"
        "    mentions = kpis.str.lower().str.contains('|'.join(counted))\n"
        "    return mentions.map({True: 'outcome', False: 'output'})\n",
        # Stops at True or False and never turns them into words.
        "def kpi_kind(kpis, counted):\n"
        "    return kpis.str.lower().str.contains('|'.join(counted))\n",
        # Builds a new Series from a list and loses the index of kpis.
        "def kpi_kind(kpis, counted):\n"
        "    labels = []\n"
        "    for name in kpis:\n"
        "        found = any(word in name.lower() for word in counted)\n"
        "        labels.append('output' if found else 'outcome')\n"
        "    return pd.Series(labels)\n",
        # Right labels, then sorted so the outputs come first (loses the order of kpis).
        "def kpi_kind(kpis, counted):\n"
        "    mentions = kpis.str.lower().str.contains('|'.join(counted))\n"
        "    return mentions.map({True: 'output', False: 'outcome'}).sort_values(ascending=False)\n",
        # Uses the notebook's list platform_counts instead of the argument counted.
        "def kpi_kind(kpis, counted):\n"
        "    mentions = kpis.str.lower().str.contains('|'.join(platform_counts))\n"
        "    return mentions.map({True: 'output', False: 'outcome'})\n",
        # Looks only at the first word of each name.
        "def kpi_kind(kpis, counted):\n"
        "    first_word = kpis.str.lower().str.split().str[0]\n"
        "    return first_word.isin(counted).map({True: 'output', False: 'outcome'})\n",
    ],
}

# Correct answers written another way: each must earn full marks and a tick.
ALTERNATIVES = {
    "ex1_1_account_baseline": [
        # A Series built by hand from the number of rows and the median.
        "def account_baseline(posts, account_id):\n"
        "    mine = posts[posts['account_id'] == account_id]\n"
        "    mine = mine[mine['posted_at'].dt.year == 2024]\n"
        "    rates = mine[['reactions', 'comments', 'shares']].sum(axis=1) / mine['reach']\n"
        "    return pd.Series({'count': len(mine), 'median': rates.median()})\n",
        # A query for the filter and describe(), keeping its count and its 50% (the median).
        "def account_baseline(df, account):\n"
        "    mine = df[df['posted_at'].dt.year == 2024].query('account_id == @account')\n"
        "    summary = ((mine.reactions + mine.comments + mine.shares) / mine.reach).describe()\n"
        "    return pd.Series({'median': summary['50%'], 'count': summary['count']})\n",
        # A rate column added with .assign, then .agg with the two names in the other order.
        "def account_baseline(posts, account_id):\n"
        "    rows = posts.loc[(posts.account_id == account_id) & (posts.posted_at.dt.year == 2024)]\n"
        "    rows = rows.assign(rate=(rows.reactions + rows.comments + rows.shares) / rows.reach)\n"
        "    return rows['rate'].agg(['median', 'count'])\n",
    ],
    "ex1_2_kpi_baseline": [
        # Keeps the ids of the type's accounts with isin, then a rate column and the median per platform.
        "def kpi_baseline(posts, accounts, account_type, year):\n"
        "    ids = accounts.loc[accounts['account_type'] == account_type, 'account_id']\n"
        "    rows = posts.loc[posts['account_id'].isin(ids) & (posts['posted_at'].dt.year == year)]\n"
        "    rows = rows.assign(rate=(rows.reactions + rows.comments + rows.shares) / rows.reach)\n"
        "    return rows.groupby('platform', observed=True)['rate'].median()\n",
        # Maps each post's account to its type, compares the year as text and uses a pivot table.
        "def kpi_baseline(df, accounts, kind, year):\n"
        "    rows = df.copy()\n"
        "    rows['kind'] = rows['account_id'].map(accounts.set_index('account_id')['account_type'])\n"
        "    rows = rows[(rows['kind'] == kind) & (rows['posted_at'].dt.strftime('%Y') == str(year))]\n"
        "    rows['rate'] = rows[['reactions', 'comments', 'shares']].sum(axis=1) / rows['reach']\n"
        "    return rows.pivot_table(index='platform', values='rate', aggfunc='median', observed=True)['rate']\n",
    ],
    "ex1_3_stretch_target": [
        # numpy's percentile, which takes 75 rather than 0.75.
        "def stretch_target(posts, account_id):\n"
        "    import numpy as np\n"
        "    last_year = posts[posts['posted_at'].dt.year == 2024]\n"
        "    mine = last_year[last_year['account_id'] == account_id]\n"
        "    return np.percentile(mine[['reactions', 'comments', 'shares']].sum(axis=1) / mine['reach'], 75)\n",
        # A query for the filter and describe() for the upper quartile.
        "def stretch_target(posts, account):\n"
        "    mine = posts[posts['posted_at'].dt.year == 2024].query('account_id == @account')\n"
        "    rates = (mine.reactions + mine.comments + mine.shares) / mine.reach\n"
        "    return rates.describe()['75%']\n",
    ],
    "ex1_4_share_meeting": [
        # Counts the posts that met the target and divides by the account's posts.
        "def share_meeting(posts, account_id, target):\n"
        "    mine = posts.loc[(posts['posted_at'].dt.year == 2024) & (posts['account_id'] == account_id)]\n"
        "    rates = (mine['reactions'] + mine['comments'] + mine['shares']) / mine['reach']\n"
        "    return (rates >= target).sum() / len(mine)\n",
        # A query for the filter, .ge for "at least", and the mean of True and False.
        "def share_meeting(df, account, target):\n"
        "    mine = df[df['posted_at'].dt.year == 2024].query('account_id == @account')\n"
        "    return ((mine.reactions + mine.comments + mine.shares) / mine.reach).ge(target).mean()\n",
        # Adds the three rates (each count over the reach) and keeps 2024 with a text date range.
        "def share_meeting(posts, account_id, target):\n"
        "    mine = posts[(posts['account_id'] == account_id) & (posts['posted_at'] >= '2024-01-01')\n"
        "                 & (posts['posted_at'] < '2025-01-01')]\n"
        "    reach = mine['reach']\n"
        "    rate = mine['reactions'] / reach + mine['comments'] / reach + mine['shares'] / reach\n"
        "    return (rate >= target).mean()\n",
        # Indexes the posts by time and keeps 2024 with a date slice, which takes the whole of 31 December.
        "def share_meeting(posts, account_id, target):\n"
        "    by_time = posts.set_index('posted_at').loc['2024-01-01':'2024-12-31']\n"
        "    mine = by_time[by_time['account_id'] == account_id]\n"
        "    rate = (mine['reactions'] + mine['comments'] + mine['shares']) / mine['reach']\n"
        "    return (rate >= target).mean()\n",
        # Keeps the posts that met the target and compares how many rows are left.
        "def share_meeting(posts, account_id, target):\n"
        "    mine = posts[(posts['posted_at'].dt.year == 2024) & (posts['account_id'] == account_id)].copy()\n"
        "    mine['rate'] = (mine['reactions'] + mine['comments'] + mine['shares']) / mine['reach']\n"
        "    return len(mine[mine['rate'] >= target]) / len(mine)\n",
    ],
    "ex1_5_kpi_kind": [
        # np.where on a case-blind search, put back on the index of kpis.
        "def kpi_kind(kpis, counted):\n"
        "    import numpy as np\n"
        "    is_count = kpis.str.contains('|'.join(counted), case=False)\n"
        "    return pd.Series(np.where(is_count, 'output', 'outcome'), index=kpis.index)\n",
        # A small function applied to each name, with a loop over the words.
        "def kpi_kind(names, words):\n"
        "    def kind(name):\n"
        "        for word in words:\n"
        "            if word in name.lower():\n"
        "                return 'output'\n"
        "        return 'outcome'\n"
        "    return names.apply(kind)\n",
        # Puts both the names and the words in lower case before comparing.
        "def kpi_kind(kpis, counted):\n"
        "    words = [word.lower() for word in counted]\n"
        "    found = kpis.str.lower().apply(lambda name: any(word in name for word in words))\n"
        "    return found.map({True: 'output', False: 'outcome'})\n",
        # Starts with every KPI an outcome, then marks the outputs with .loc.
        "def kpi_kind(kpis, counted):\n"
        "    result = pd.Series('outcome', index=kpis.index)\n"
        "    for word in counted:\n"
        "        result.loc[kpis.str.lower().str.contains(word)] = 'output'\n"
        "    return result\n",
    ],
}

#: Mutants of the solutions that give the same results on every table the course can make, and why.
EQUIVALENT_MUTANTS = {
    "ex1_2_kpi_baseline": {
        '`observed=` left out in `return rate.groupby(chosen["platform"], observed=True).median()`': DEFAULT,
    },
}
