"""Plausible wrong and hard-coded answers for 07-evaluation; the test suite proves each loses its points."""

from mutants import DEFAULT

WRONG = {
    # Puts the achieved values in by position (.values): they no longer line up with their campaigns.
    "ex7_1_scorecard": (
        "def scorecard(campaigns, achieved):\n"
        "    card = campaigns.set_index('campaign_id')[['kpi_baseline', 'kpi_target']]\n"
        "    card['achieved'] = achieved.values\n"
        "    card['share_of_target'] = card['achieved'] / card['kpi_target']\n"
        "    card['met'] = card['achieved'] >= card['kpi_target']\n"
        "    card['rise'] = card['achieved'] - card['kpi_baseline']\n"
        "    card['progress'] = (card['achieved'] - card['kpi_baseline']) / (card['kpi_target'] - card['kpi_baseline'])\n"
        "    return card\n"
    ),
    # Forgets the campaign filter on the visits: every visit from the platform, campaign or not.
    "ex7_2_platform_outcomes": (
        "def platform_outcomes(posts, web_visits, campaign_id):\n"
        "    mine = posts[posts['campaign_id'] == campaign_id]\n"
        "    table = mine.groupby('platform').agg(reach=('reach', 'sum'))\n"
        "    table['sessions'] = web_visits.groupby('source')['sessions'].sum()\n"
        "    table['sessions'] = table['sessions'].fillna(0)\n"
        "    table['sessions_per_1000'] = 1000 * table['sessions'] / table['reach']\n"
        "    return table\n"
    ),
    # Money only: the staff hours are left out of the cost.
    "ex7_3_cost_per_outcome": (
        "def cost_per_outcome(campaigns, outcomes, hourly_rate):\n"
        "    cost = campaigns.set_index('campaign_id')['budget_eur']\n"
        "    return (cost / outcomes).dropna()\n"
    ),
    # No shift: each week is part of its own usual range.
    "ex7_4_alert_weeks": (
        "def alert_weeks(posts, account_id, window=8):\n"
        "    mine = posts[posts['account_id'] == account_id]\n"
        "    mine = mine.assign(rate=(mine['reactions'] + mine['comments'] + mine['shares']) / mine['reach'])\n"
        "    weekly = mine.set_index('posted_at')['rate'].resample('W').median()\n"
        "    bottom = weekly.rolling(window).mean() - 2 * weekly.rolling(window).std()\n"
        "    return weekly[weekly < bottom]\n"
    ),
}

# Each returns the shipped data's result whatever data it is given.
HARDCODED = {
    "ex7_1_scorecard": (
        "def scorecard(campaigns, achieved):\n"
        "    card = campaigns.set_index('campaign_id')[['kpi_baseline', 'kpi_target']]\n"
        "    card['achieved'] = pd.Series({'C24-OPEN': 13534, 'C25-HEAR': 1202, 'C25-YOUTH': 622, 'C25-KNOW': 20499,\n"
        "                                  'C25-BUDGET': 18492, 'C25-TOWN': 119})\n"
        "    card['share_of_target'] = card['achieved'] / card['kpi_target']\n"
        "    card['met'] = card['achieved'] >= card['kpi_target']\n"
        "    card['rise'] = card['achieved'] - card['kpi_baseline']\n"
        "    card['progress'] = (card['achieved'] - card['kpi_baseline']) / (card['kpi_target'] - card['kpi_baseline'])\n"
        "    return card\n"
    ),
    "ex7_2_platform_outcomes": (
        "def platform_outcomes(posts, web_visits, campaign_id):\n"
        "    shipped = {'C25-KNOW': {'facebook': (408003, 3335), 'instagram': (97530, 346), 'x': (605852, 5115),\n"
        "                            'youtube': (30133, 104)},\n"
        "               'C25-HEAR': {'facebook': (323087, 2290), 'x': (856569, 8508), 'linkedin': (25664, 400)}}\n"
        "    table = pd.DataFrame(shipped[campaign_id], index=['reach', 'sessions']).T\n"
        "    table['sessions_per_1000'] = 1000 * table['sessions'] / table['reach']\n"
        "    return table\n"
    ),
    "ex7_3_cost_per_outcome": (
        "def cost_per_outcome(campaigns, outcomes, hourly_rate):\n"
        "    by_id = campaigns.set_index('campaign_id')\n"
        "    cost = by_id['budget_eur'] + by_id['staff_hours'] * hourly_rate\n"
        "    shipped = pd.Series({'C24-OPEN': 6752, 'C25-BUDGET': 4786, 'C25-HEAR': 11198, 'C25-KNOW': 8900,\n"
        "                         'C25-YOUTH': 2178})\n"
        "    return (cost / shipped).loc[outcomes.index]\n"
    ),
    "ex7_4_alert_weeks": (
        "def alert_weeks(posts, account_id, window=8):\n"
        "    shipped = {'INS-X': {'2024-11-17': 0.005904, '2025-03-09': 0.006864}}\n"
        "    flagged = shipped.get(account_id, {})\n"
        "    return pd.Series(list(flagged.values()), index=pd.to_datetime(list(flagged)), dtype=float)\n"
    ),
}

_SCORE_START = (
    "def scorecard(campaigns, achieved):\n"
    "    card = campaigns.set_index('campaign_id')[['kpi_baseline', 'kpi_target']]\n"
)
_ALERT_START = (
    "def alert_weeks(posts, account_id, window=8):\n"
    "    mine = posts[posts['account_id'] == account_id]\n"
    "    mine = mine.assign(rate=(mine['reactions'] + mine['comments'] + mine['shares']) / mine['reach'])\n"
)

# Further wrong answers, checked in one process against the visible and the hidden checks.
MORE_WRONG = {
    "ex7_1_scorecard": [
        # Divides by the baseline instead of the target: "how many times the baseline", and met against the baseline.
        _SCORE_START
        + "    card['achieved'] = achieved\n"
          "    card['share_of_target'] = card['achieved'] / card['kpi_baseline']\n"
          "    card['met'] = card['achieved'] >= card['kpi_baseline']\n"
          "    card['rise'] = card['achieved'] - card['kpi_baseline']\n"
          "    card['progress'] = (card['achieved'] - card['kpi_baseline']) / (card['kpi_target'] - card['kpi_baseline'])\n"
          "    return card\n",
        # The share in percent.
        _SCORE_START
        + "    card['achieved'] = achieved\n"
          "    card['share_of_target'] = 100 * card['achieved'] / card['kpi_target']\n"
          "    card['met'] = card['achieved'] >= card['kpi_target']\n"
          "    card['rise'] = card['achieved'] - card['kpi_baseline']\n"
          "    card['progress'] = (card['achieved'] - card['kpi_baseline']) / (card['kpi_target'] - card['kpi_baseline'])\n"
          "    return card\n",
        # "Met" only when strictly above the target.
        _SCORE_START
        + "    card['achieved'] = achieved\n"
          "    card['share_of_target'] = card['achieved'] / card['kpi_target']\n"
          "    card['met'] = card['achieved'] > card['kpi_target']\n"
          "    card['rise'] = card['achieved'] - card['kpi_baseline']\n"
          "    card['progress'] = (card['achieved'] - card['kpi_baseline']) / (card['kpi_target'] - card['kpi_baseline'])\n"
          "    return card\n",
        # Progress divided by the target instead of by the step from the baseline.
        _SCORE_START
        + "    card['achieved'] = achieved\n"
          "    card['share_of_target'] = card['achieved'] / card['kpi_target']\n"
          "    card['met'] = card['achieved'] >= card['kpi_target']\n"
          "    card['rise'] = card['achieved'] - card['kpi_baseline']\n"
          "    card['progress'] = (card['achieved'] - card['kpi_baseline']) / card['kpi_target']\n"
          "    return card\n",
        # Forgets the brackets: achieved - baseline / (target - baseline).
        _SCORE_START
        + "    card['achieved'] = achieved\n"
          "    card['share_of_target'] = card['achieved'] / card['kpi_target']\n"
          "    card['met'] = card['achieved'] >= card['kpi_target']\n"
          "    card['rise'] = card['achieved'] - card['kpi_baseline']\n"
          "    card['progress'] = card['achieved'] - card['kpi_baseline'] / (card['kpi_target'] - card['kpi_baseline'])\n"
          "    return card\n",
        # The rise taken from the target instead of the baseline (how far from the target).
        _SCORE_START
        + "    card['achieved'] = achieved\n"
          "    card['share_of_target'] = card['achieved'] / card['kpi_target']\n"
          "    card['met'] = card['achieved'] >= card['kpi_target']\n"
          "    card['rise'] = card['achieved'] - card['kpi_target']\n"
          "    card['progress'] = (card['achieved'] - card['kpi_baseline']) / (card['kpi_target'] - card['kpi_baseline'])\n"
          "    return card\n",
        # Keeps the default index (0 to 5) instead of the campaign ids.
        "def scorecard(campaigns, achieved):\n"
        "    card = campaigns[['campaign_id', 'kpi_baseline', 'kpi_target']].copy()\n"
        "    card['achieved'] = card['campaign_id'].map(achieved)\n"
        "    card['share_of_target'] = card['achieved'] / card['kpi_target']\n"
        "    card['met'] = card['achieved'] >= card['kpi_target']\n"
        "    card['rise'] = card['achieved'] - card['kpi_baseline']\n"
        "    card['progress'] = (card['achieved'] - card['kpi_baseline']) / (card['kpi_target'] - card['kpi_baseline'])\n"
        "    return card\n",
    ],
    "ex7_2_platform_outcomes": [
        # Forgets the 0: a platform that brought no visit gets an empty value.
        "def platform_outcomes(posts, web_visits, campaign_id):\n"
        "    mine = posts[posts['campaign_id'] == campaign_id]\n"
        "    table = mine.groupby('platform', observed=True).agg(reach=('reach', 'sum'))\n"
        "    visits = web_visits[web_visits['campaign_id'] == campaign_id]\n"
        "    table['sessions'] = visits.groupby('source', observed=True)['sessions'].sum()\n"
        "    table['sessions_per_1000'] = 1000 * table['sessions'] / table['reach']\n"
        "    return table\n",
        # An outer merge: the visits from a source the campaign never posted on get a row of their own.
        "def platform_outcomes(posts, web_visits, campaign_id):\n"
        "    mine = posts[posts['campaign_id'] == campaign_id]\n"
        "    reach = mine.groupby('platform', observed=True)['reach'].sum().rename_axis('platform').reset_index()\n"
        "    visits = web_visits[web_visits['campaign_id'] == campaign_id]\n"
        "    brought = visits.groupby('source', observed=True)['sessions'].sum().rename_axis('platform').reset_index()\n"
        "    table = reach.astype({'platform': str}).merge(brought.astype({'platform': str}), on='platform', how='outer')\n"
        "    table = table.fillna(0).set_index('platform')\n"
        "    table['sessions_per_1000'] = 1000 * table['sessions'] / table['reach']\n"
        "    return table\n",
        # Divides by impressions (views) instead of reach (people).
        "def platform_outcomes(posts, web_visits, campaign_id):\n"
        "    mine = posts[posts['campaign_id'] == campaign_id]\n"
        "    table = mine.groupby('platform').agg(reach=('reach', 'sum'), impressions=('impressions', 'sum'))\n"
        "    visits = web_visits[web_visits['campaign_id'] == campaign_id]\n"
        "    table['sessions'] = visits.groupby('source')['sessions'].sum()\n"
        "    table['sessions'] = table['sessions'].fillna(0)\n"
        "    table['sessions_per_1000'] = 1000 * table['sessions'] / table['impressions']\n"
        "    return table\n",
        # Forgets to multiply by 1,000.
        "def platform_outcomes(posts, web_visits, campaign_id):\n"
        "    mine = posts[posts['campaign_id'] == campaign_id]\n"
        "    table = mine.groupby('platform').agg(reach=('reach', 'sum'))\n"
        "    visits = web_visits[web_visits['campaign_id'] == campaign_id]\n"
        "    table['sessions'] = visits.groupby('source')['sessions'].sum()\n"
        "    table['sessions'] = table['sessions'].fillna(0)\n"
        "    table['sessions_per_1000'] = table['sessions'] / table['reach']\n"
        "    return table\n",
        # The median reach of a post instead of the reach added up.
        "def platform_outcomes(posts, web_visits, campaign_id):\n"
        "    mine = posts[posts['campaign_id'] == campaign_id]\n"
        "    table = mine.groupby('platform').agg(reach=('reach', 'median'))\n"
        "    visits = web_visits[web_visits['campaign_id'] == campaign_id]\n"
        "    table['sessions'] = visits.groupby('source')['sessions'].sum()\n"
        "    table['sessions'] = table['sessions'].fillna(0)\n"
        "    table['sessions_per_1000'] = 1000 * table['sessions'] / table['reach']\n"
        "    return table\n",
        # Forgets the campaign filter on the posts: the reach of every post on the platform.
        "def platform_outcomes(posts, web_visits, campaign_id):\n"
        "    visits = web_visits[web_visits['campaign_id'] == campaign_id]\n"
        "    table = visits.groupby('source').agg(sessions=('sessions', 'sum'))\n"
        "    table['reach'] = posts.groupby('platform')['reach'].sum()\n"
        "    table['sessions_per_1000'] = 1000 * table['sessions'] / table['reach']\n"
        "    return table.dropna()\n",
        # The average number of sessions per day instead of the total.
        "def platform_outcomes(posts, web_visits, campaign_id):\n"
        "    mine = posts[posts['campaign_id'] == campaign_id]\n"
        "    table = mine.groupby('platform').agg(reach=('reach', 'sum'))\n"
        "    visits = web_visits[web_visits['campaign_id'] == campaign_id]\n"
        "    table['sessions'] = visits.groupby('source')['sessions'].mean()\n"
        "    table['sessions'] = table['sessions'].fillna(0)\n"
        "    table['sessions_per_1000'] = 1000 * table['sessions'] / table['reach']\n"
        "    return table\n",
    ],
    "ex7_3_cost_per_outcome": [
        # Divides with .values: the campaigns of the two tables no longer line up.
        "def cost_per_outcome(campaigns, outcomes, hourly_rate):\n"
        "    cost = campaigns['budget_eur'] + campaigns['staff_hours'] * hourly_rate\n"
        "    result = pd.Series(cost.values, index=campaigns['campaign_id'])\n"
        "    result = result.loc[outcomes.index] / outcomes.sort_index().values\n"
        "    return result\n",
        # Keeps every campaign, with empty values for those without outcomes.
        "def cost_per_outcome(campaigns, outcomes, hourly_rate):\n"
        "    by_id = campaigns.set_index('campaign_id')\n"
        "    cost = by_id['budget_eur'] + by_id['staff_hours'] * hourly_rate\n"
        "    return cost / outcomes\n",
        # The hourly rate typed in as 35, the first case the statement names.
        "def cost_per_outcome(campaigns, outcomes, hourly_rate):\n"
        "    by_id = campaigns.set_index('campaign_id')\n"
        "    cost = by_id['budget_eur'] + by_id['staff_hours'] * 35\n"
        "    return (cost / outcomes).dropna()\n",
        # Divides the hours by the rate instead of multiplying.
        "def cost_per_outcome(campaigns, outcomes, hourly_rate):\n"
        "    by_id = campaigns.set_index('campaign_id')\n"
        "    cost = by_id['budget_eur'] + by_id['staff_hours'] / hourly_rate if hourly_rate else by_id['budget_eur']\n"
        "    return (cost / outcomes).dropna()\n",
        # Cost per 1,000 outcomes.
        "def cost_per_outcome(campaigns, outcomes, hourly_rate):\n"
        "    by_id = campaigns.set_index('campaign_id')\n"
        "    cost = by_id['budget_eur'] + by_id['staff_hours'] * hourly_rate\n"
        "    return (1000 * cost / outcomes).dropna()\n",
        # Outcomes per euro, upside down.
        "def cost_per_outcome(campaigns, outcomes, hourly_rate):\n"
        "    by_id = campaigns.set_index('campaign_id')\n"
        "    cost = by_id['budget_eur'] + by_id['staff_hours'] * hourly_rate\n"
        "    return (outcomes / cost).dropna()\n",
    ],
    "ex7_4_alert_weeks": [
        # the window holds the week itself: no .shift(1) (an evaluator's attempt)
        "def alert_weeks(posts, account_id, window=8):\n"
        "    mine = posts[posts['account_id'] == account_id]\n"
        "    rate = (mine['reactions'] + mine['comments'] + mine['shares']) / mine['reach']\n"
        "    w = rate.set_axis(mine['posted_at']).resample('W').median().dropna()\n"
        "    low = w.rolling(window).mean() - 2 * w.rolling(window).std()\n"
        "    return w[w < low]\n",
        # The mean and spread of the whole period instead of the weeks before.
        _ALERT_START
        + "    weekly = mine.set_index('posted_at')['rate'].resample('W').median()\n"
          "    return weekly[weekly < weekly.mean() - 2 * weekly.std()]\n",
        # One standard deviation instead of two.
        _ALERT_START
        + "    weekly = mine.set_index('posted_at')['rate'].resample('W').median()\n"
          "    bottom = weekly.rolling(window).mean().shift(1) - weekly.rolling(window).std().shift(1)\n"
          "    return weekly[weekly < bottom]\n",
        # The weekly mean instead of the median.
        _ALERT_START
        + "    weekly = mine.set_index('posted_at')['rate'].resample('W').mean()\n"
          "    bottom = weekly.rolling(window).mean().shift(1) - 2 * weekly.rolling(window).std().shift(1)\n"
          "    return weekly[weekly < bottom]\n",
        # Weeks as periods (Monday to Sunday) rather than dated by their Sunday.
        _ALERT_START
        + "    weekly = mine.groupby(mine['posted_at'].dt.to_period('W'))['rate'].median()\n"
          "    bottom = weekly.rolling(window).mean().shift(1) - 2 * weekly.rolling(window).std().shift(1)\n"
          "    return weekly[weekly < bottom]\n",
        # Ignores the account: every account's posts together.
        "def alert_weeks(posts, account_id, window=8):\n"
        "    rate = (posts['reactions'] + posts['comments'] + posts['shares']) / posts['reach']\n"
        "    weekly = pd.Series(rate.values, index=posts['posted_at']).resample('W').median()\n"
        "    bottom = weekly.rolling(window).mean().shift(1) - 2 * weekly.rolling(window).std().shift(1)\n"
        "    return weekly[weekly < bottom]\n",
        # Keeps the weeks without posts: their empty median leaves the next weeks without a range.
        _ALERT_START
        + "    weekly = mine.set_index('posted_at')['rate'].resample('W').median()\n"
          "    bottom = weekly.rolling(window).mean().shift(1) - 2 * weekly.rolling(window).std().shift(1)\n"
          "    return weekly[weekly < bottom]\n",
        # A week without posts counts as a median of 0.
        _ALERT_START
        + "    weekly = mine.set_index('posted_at')['rate'].resample('W').median().fillna(0)\n"
          "    bottom = weekly.rolling(window).mean().shift(1) - 2 * weekly.rolling(window).std().shift(1)\n"
          "    return weekly[weekly < bottom]\n",
        # The standard deviation of numpy (divided by n, not n - 1).
        _ALERT_START
        + "    weekly = mine.set_index('posted_at')['rate'].resample('W').median().dropna()\n"
          "    bottom = weekly.rolling(window).mean().shift(1) - 2 * weekly.rolling(window).std(ddof=0).shift(1)\n"
          "    return weekly[weekly < bottom]\n",
        # The window typed in as 4 weeks, the first case the statement names.
        _ALERT_START
        + "    weekly = mine.set_index('posted_at')['rate'].resample('W').median().dropna()\n"
          "    bottom = weekly.rolling(4).mean().shift(1) - 2 * weekly.rolling(4).std().shift(1)\n"
          "    return weekly[weekly < bottom]\n",
        # The usual range with a fixed 8 weeks, whatever the window asked.
        _ALERT_START
        + "    weekly = mine.set_index('posted_at')['rate'].resample('W').median()\n"
          "    bottom = weekly.rolling(8).mean().shift(1) - 2 * weekly.rolling(8).std().shift(1)\n"
          "    return weekly[weekly < bottom]\n",
    ],
}

# Correct answers in other idioms: each earns full marks and a ✔.
ALTERNATIVES = {
    "ex7_1_scorecard": [
        # map() brings each campaign's achieved value to its row; assign() adds the columns.
        "def scorecard(campaigns, achieved):\n"
        "    table = campaigns.assign(achieved=campaigns['campaign_id'].map(achieved)).set_index('campaign_id')\n"
        "    return table.assign(\n"
        "        share_of_target=table['achieved'] / table['kpi_target'],\n"
        "        met=table['achieved'] >= table['kpi_target'],\n"
        "        rise=table['achieved'] - table['kpi_baseline'],\n"
        "        progress=(table['achieved'] - table['kpi_baseline']) / (table['kpi_target'] - table['kpi_baseline']),\n"
        "    )\n",
        # A merge on campaign_id, met from the share.
        "def scorecard(campaigns, achieved):\n"
        "    got = achieved.rename('achieved').rename_axis('campaign_id').reset_index()\n"
        "    df = campaigns.merge(got, on='campaign_id').set_index('campaign_id')\n"
        "    df['share_of_target'] = df.achieved / df.kpi_target\n"
        "    df['met'] = df.share_of_target >= 1\n"
        "    df['rise'] = df.achieved - df.kpi_baseline\n"
        "    df['progress'] = df.rise / (df.kpi_target - df.kpi_baseline)\n"
        "    return df[['achieved', 'share_of_target', 'met', 'rise', 'progress']]\n",
        # reindex() puts the achieved values in the campaigns' order, to_numpy() then lines up.
        "def scorecard(campaigns, achieved):\n"
        "    ids = campaigns['campaign_id']\n"
        "    values = achieved.reindex(ids).to_numpy()\n"
        "    target, base = campaigns['kpi_target'].to_numpy(), campaigns['kpi_baseline'].to_numpy()\n"
        "    return pd.DataFrame({'achieved': values, 'share_of_target': values / target, 'met': values >= target,\n"
        "                         'rise': values - base, 'progress': (values - base) / (target - base)}, index=ids)\n",
    ],
    "ex7_2_platform_outcomes": [
        # Two groupby sums joined, the missing visits filled with fill_value.
        "def platform_outcomes(posts, web_visits, campaign_id):\n"
        "    reach = posts.loc[posts['campaign_id'] == campaign_id].groupby('platform', observed=True)['reach'].sum()\n"
        "    visits = web_visits.loc[web_visits['campaign_id'] == campaign_id].groupby('source', observed=True)['sessions'].sum()\n"
        "    visits.index = visits.index.astype(str)\n"
        "    reach.index = reach.index.astype(str)\n"
        "    out = pd.DataFrame({'reach': reach, 'sessions': visits.reindex(reach.index, fill_value=0)})\n"
        "    out['sessions_per_1000'] = out['sessions'] / out['reach'] * 1000\n"
        "    return out\n",
        # query() and a merge of the two tables on the platform.
        "def platform_outcomes(posts, web_visits, campaign_id):\n"
        "    reach = (posts.query('campaign_id == @campaign_id').assign(platform=lambda d: d['platform'].astype(str))\n"
        "             .groupby('platform', as_index=False)['reach'].sum())\n"
        "    visits = (web_visits.query('campaign_id == @campaign_id').assign(platform=lambda d: d['source'].astype(str))\n"
        "              .groupby('platform', as_index=False)['sessions'].sum())\n"
        "    table = reach.merge(visits, on='platform', how='left').fillna({'sessions': 0})\n"
        "    table['sessions_per_1000'] = 1000 * table['sessions'] / table['reach']\n"
        "    return table.set_index('platform')\n",
    ],
    "ex7_3_cost_per_outcome": [
        # The cost indexed by campaign, then only the campaigns of outcomes with loc[].
        "def cost_per_outcome(campaigns, outcomes, hourly_rate):\n"
        "    cost = pd.Series((campaigns['budget_eur'] + hourly_rate * campaigns['staff_hours']).to_numpy(),\n"
        "                     index=campaigns['campaign_id'])\n"
        "    return cost.loc[outcomes.index] / outcomes\n",
        # map() brings each campaign's budget and hours next to its outcomes.
        "def cost_per_outcome(campaigns, outcomes, hourly_rate):\n"
        "    budget = outcomes.index.map(campaigns.set_index('campaign_id')['budget_eur'])\n"
        "    hours = outcomes.index.map(campaigns.set_index('campaign_id')['staff_hours'])\n"
        "    return (budget + hours * hourly_rate) / outcomes\n",
        # div() with reindex.
        "def cost_per_outcome(campaigns, outcomes, hourly_rate):\n"
        "    c = campaigns.set_index('campaign_id').reindex(outcomes.index)\n"
        "    total = c['budget_eur'].add(c['staff_hours'].mul(hourly_rate))\n"
        "    return total.div(outcomes).rename('cost_per_outcome')\n",
    ],
    "ex7_4_alert_weeks": [
        # resample on the column with on=, the bottom in one line, and an explicit mask.
        "def alert_weeks(posts, account_id, window=8):\n"
        "    p = posts[posts.account_id == account_id].copy()\n"
        "    p['er'] = (p.reactions + p.comments + p.shares) / p.reach\n"
        "    weeks = p.resample('W', on='posted_at')['er'].median().dropna()\n"
        "    previous = weeks.shift(1).rolling(window)\n"
        "    low = previous.mean() - 2 * previous.std()\n"
        "    mask = weeks < low\n"
        "    return weeks.loc[mask]\n",
        # pd.Grouper with freq='W', and the standard deviation from the variance.
        "import numpy as np\n"
        "\n"
        "def alert_weeks(posts, account_id, window=8):\n"
        "    mine = posts.loc[posts['account_id'] == account_id].copy()\n"
        "    mine['rate'] = mine[['reactions', 'comments', 'shares']].sum(axis=1) / mine['reach']\n"
        "    weekly = mine.groupby(pd.Grouper(key='posted_at', freq='W'))['rate'].median().dropna()\n"
        "    before = weekly.rolling(window)\n"
        "    bottom = before.mean().shift(1) - 2 * np.sqrt(before.var().shift(1))\n"
        "    flagged = weekly[weekly < bottom]\n"
        "    return flagged.rename('median_rate')\n",
        # Weeks grouped by the Sunday that ends them: a week without posts has no row at all.
        _ALERT_START
        + "    sunday = mine['posted_at'].dt.to_period('W').dt.end_time.dt.normalize()\n"
          "    weekly = mine.groupby(sunday)['rate'].median()\n"
          "    before = weekly.shift(1).rolling(window)\n"
          "    return weekly[weekly < before.mean() - 2 * before.std()]\n",
    ],
}

#: Mutants of the solutions that give the same results on every table the course can make, and why.
EQUIVALENT_MUTANTS = {
    "ex7_2_platform_outcomes": {
        '`observed=True` -> `False` in `by_source = visits.groupby("source", observed=True)`':
            "a source with no visit gets a sum of 0 sessions with observed=False: the same 0 the statement asks "
            "for a platform that brought no visit",
        '`observed=` left out in `by_source = visits.groupby("source", observed=True)`':
            "a source with no visit gets a sum of 0 sessions under either default: the same 0 the statement asks "
            "for a platform that brought no visit",
        '`observed=` left out in `table = mine.groupby("platform", observed=True).agg(`': DEFAULT,
    },
    "ex7_4_alert_weeks": {
        "`<` -> `<=` in `return weekly[weekly < bottom]`":
            "the bottom is a mean minus two standard deviations of earlier medians: a week's median equals it "
            "only by a floating-point coincidence, which no table the course makes holds",
    },
}
