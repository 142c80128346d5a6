"""Plausible wrong and hard-coded answers for 06-risks; the test suite proves each loses its points."""

from mutants import KEY

WRONG = {
    # Forgets the account type: every account's comments together.
    "ex6_1_alert_weeks": "def alert_weeks(comments, accounts, account_type, weeks, factor, minimum):\n    weekly = (comments['label'] == 'abusive').set_axis(comments['created_at']).resample('W').agg(['sum', 'mean'])\n    kept, alerts = [], {}\n    for week, row in weekly.iterrows():\n        if len(kept) >= weeks:\n            base = sum(kept[-weeks:]) / weeks\n            if row['mean'] > factor * base and row['sum'] >= minimum:\n                alerts[week] = row['mean']\n                continue\n        kept.append(row['mean'])\n    return pd.Series(alerts, dtype=float)\n",
    # Groups the raw text: retyped copies count as other messages.
    "ex6_2_message_clusters": (
        "def message_clusters(comments):\n"
        "    false_claims = comments[comments['label'] == 'disinformation']\n"
        "    g = false_claims.groupby('text').agg(copies=('comment_id', 'size'), commenters=('commenter_id', 'nunique'), a=('created_at', 'min'), b=('created_at', 'max'))\n"
        "    return g.assign(minutes=(g['b'] - g['a']) / pd.Timedelta(minutes=1))[['copies', 'commenters', 'minutes']]\n"
    ),
    # One median for all accounts instead of each account's own usual day.
    "ex6_3_follower_spikes": (
        "def follower_spikes(followers, factor, minimum):\n"
        "    usual = max(followers['gained'].median(), 1)\n"
        "    days = followers.assign(times_usual=followers['gained'] / usual)\n"
        "    return days.loc[(days['times_usual'] >= factor) & (days['gained'] >= minimum), ['account_id', 'date', 'gained', 'times_usual']]\n"
    ),
    # Counts a shared password as a point.
    "ex6_4_security_score": (
        "def security_score(accounts, audit_date):\n"
        "    table = accounts.set_index('account_id')\n"
        "    reviewed = (pd.Timestamp(audit_date) - table['last_security_review']).dt.days <= 365\n"
        "    return (table['two_factor'].astype(int) + table['shared_password'].astype(int)\n"
        "            + table['recovery_verified'].astype(int) + table['admins'].between(2, 4).astype(int)\n"
        "            + reviewed.astype(int))\n"
    ),
}

# Each returns the shipped data's result whatever data it is given.
HARDCODED = {
    "ex6_1_alert_weeks": (
        "def alert_weeks(comments, accounts, account_type, weeks, factor, minimum):\n"
        "    return pd.Series([0.209821, 0.274112], index=pd.to_datetime(['2025-06-22', '2025-06-29']))\n"
    ),
    "ex6_2_message_clusters": (
        "def message_clusters(comments):\n"
        "    return pd.DataFrame({'copies': [176, 320, 310, 299, 299], 'commenters': [25, 318, 309, 299, 299]},\n"
        "                        index=['leaked the new budget quietly doubles what you pay they will delete this copy it now',\n"
        "                               'this vote was rigged the real count was hidden',\n"
        "                               'they are secretly doubling everyones taxes next month',\n"
        "                               'the budget sends half our money abroad share before they delete this',\n"
        "                               'parliament is cancelling the next election wake up'])\n"
    ),
    "ex6_3_follower_spikes": (
        "def follower_spikes(followers, factor, minimum):\n"
        "    return pd.DataFrame({'account_id': ['MEM03-X', 'MEM03-X'],\n"
        "                         'date': pd.to_datetime(['2025-09-14', '2025-09-15']),\n"
        "                         'gained': [6081, 907], 'times_usual': [6081.0, 907.0]})\n"
    ),
    "ex6_4_security_score": (
        "def security_score(accounts, audit_date):\n"
        "    return pd.Series(3, index=['INS-FB', 'INS-IG', 'INS-X', 'INS-YT', 'INS-TT', 'INS-LI', 'MEM01-FB'])\n"
    ),
}

MORE_WRONG = {
    "ex6_1_alert_weeks": [
        # Forgets the minimum: every week above the factor alerts.
        "def alert_weeks(comments, accounts, account_type, weeks, factor, minimum):\n    typed = comments.merge(accounts[['account_id', 'account_type']], on='account_id')\n    chosen = typed[typed['account_type'] == account_type]\n    weekly = (chosen['label'] == 'abusive').set_axis(chosen['created_at']).resample('W').agg(['sum', 'mean'])\n    kept, alerts = [], {}\n    for week, row in weekly.iterrows():\n        if len(kept) >= weeks:\n            base = sum(kept[-weeks:]) / weeks\n            if row['mean'] > factor * base:\n                alerts[week] = row['mean']\n                continue\n        kept.append(row['mean'])\n    return pd.Series(alerts, dtype=float)\n",
        # Compares with the baseline itself, forgetting the factor.
        "def alert_weeks(comments, accounts, account_type, weeks, factor, minimum):\n    typed = comments.merge(accounts[['account_id', 'account_type']], on='account_id')\n    chosen = typed[typed['account_type'] == account_type]\n    weekly = (chosen['label'] == 'abusive').set_axis(chosen['created_at']).resample('W').agg(['sum', 'mean'])\n    kept, alerts = [], {}\n    for week, row in weekly.iterrows():\n        if len(kept) >= weeks:\n            base = sum(kept[-weeks:]) / weeks\n            if row['mean'] > base and row['sum'] >= minimum:\n                alerts[week] = row['mean']\n                continue\n        kept.append(row['mean'])\n    return pd.Series(alerts, dtype=float)\n",
        # The rolling baseline of the first try: the wave raises its own baseline.
        "def alert_weeks(comments, accounts, account_type, weeks, factor, minimum):\n    typed = comments.merge(accounts[['account_id', 'account_type']], on='account_id')\n    chosen = typed[typed['account_type'] == account_type]\n    shares = (chosen['label'] == 'abusive').set_axis(chosen['created_at']).resample('W').mean()\n    baseline = shares.rolling(weeks).mean().shift(1)\n    counts = (chosen['label'] == 'abusive').set_axis(chosen['created_at']).resample('W').sum()\n    return shares[(shares > factor * baseline) & (counts >= minimum)]\n",
        # Keeps alert weeks in the baseline (appends every week).
        "def alert_weeks(comments, accounts, account_type, weeks, factor, minimum):\n    typed = comments.merge(accounts[['account_id', 'account_type']], on='account_id')\n    chosen = typed[typed['account_type'] == account_type]\n    weekly = (chosen['label'] == 'abusive').set_axis(chosen['created_at']).resample('W').agg(['sum', 'mean'])\n    kept, alerts = [], {}\n    for week, row in weekly.iterrows():\n        if len(kept) >= weeks:\n            base = sum(kept[-weeks:]) / weeks\n            if row['mean'] > factor * base and row['sum'] >= minimum:\n                alerts[week] = row['mean']\n        kept.append(row['mean'])\n    return pd.Series(alerts, dtype=float)\n",
        # The baseline includes the week itself.
        "def alert_weeks(comments, accounts, account_type, weeks, factor, minimum):\n    typed = comments.merge(accounts[['account_id', 'account_type']], on='account_id')\n    chosen = typed[typed['account_type'] == account_type]\n    weekly = (chosen['label'] == 'abusive').set_axis(chosen['created_at']).resample('W').agg(['sum', 'mean'])\n    kept, alerts = [], {}\n    for week, row in weekly.iterrows():\n        if len(kept) >= weeks:\n            base = (sum(kept[-weeks + 1:]) + row['mean']) / weeks\n            if row['mean'] > factor * base and row['sum'] >= minimum:\n                alerts[week] = row['mean']\n                continue\n        kept.append(row['mean'])\n    return pd.Series(alerts, dtype=float)\n",
        # At least factor times the baseline (>=) instead of greater than it.
        "def alert_weeks(comments, accounts, account_type, weeks, factor, minimum):\n    typed = comments.merge(accounts[['account_id', 'account_type']], on='account_id')\n    chosen = typed[typed['account_type'] == account_type]\n    weekly = (chosen['label'] == 'abusive').set_axis(chosen['created_at']).resample('W').agg(['sum', 'mean'])\n    kept, alerts = [], {}\n    for week, row in weekly.iterrows():\n        if len(kept) >= weeks:\n            base = sum(kept[-weeks:]) / weeks\n            if row['mean'] >= factor * base and row['sum'] >= minimum:\n                alerts[week] = row['mean']\n                continue\n        kept.append(row['mean'])\n    return pd.Series(alerts, dtype=float)\n",
        # More than the minimum (>) instead of at least the minimum.
        "def alert_weeks(comments, accounts, account_type, weeks, factor, minimum):\n    typed = comments.merge(accounts[['account_id', 'account_type']], on='account_id')\n    chosen = typed[typed['account_type'] == account_type]\n    weekly = (chosen['label'] == 'abusive').set_axis(chosen['created_at']).resample('W').agg(['sum', 'mean'])\n    kept, alerts = [], {}\n    for week, row in weekly.iterrows():\n        if len(kept) >= weeks:\n            base = sum(kept[-weeks:]) / weeks\n            if row['mean'] > factor * base and row['sum'] > minimum:\n                alerts[week] = row['mean']\n                continue\n        kept.append(row['mean'])\n    return pd.Series(alerts, dtype=float)\n",
        # Keeps a week without comments: its empty share (NaN) leaves the next weeks without a baseline.
        "def alert_weeks(comments, accounts, account_type, weeks, factor, minimum):\n    typed = comments.merge(accounts[['account_id', 'account_type']], on='account_id')\n    chosen = typed[typed['account_type'] == account_type]\n    weekly = (chosen['label'] == 'abusive').set_axis(chosen['created_at']).resample('W').agg(['sum', 'mean'])\n    kept, alerts = [], {}\n    for week, row in weekly.iterrows():\n        if len(kept) >= weeks:\n            base = sum(kept[-weeks:]) / weeks\n            if row['mean'] > factor * base and row['sum'] >= minimum:\n                alerts[week] = row['mean']\n                continue\n        kept.append(row['mean'])\n    return pd.Series(alerts, dtype=float)\n",
        # A week without comments counts as a share of 0, which lowers the next baselines.
        "def alert_weeks(comments, accounts, account_type, weeks, factor, minimum):\n    typed = comments.merge(accounts[['account_id', 'account_type']], on='account_id')\n    chosen = typed[typed['account_type'] == account_type]\n    weekly = (chosen['label'] == 'abusive').set_axis(chosen['created_at']).resample('W').agg(['sum', 'mean']).fillna(0)\n    kept, alerts = [], {}\n    for week, row in weekly.iterrows():\n        if len(kept) >= weeks:\n            base = sum(kept[-weeks:]) / weeks\n            if row['mean'] > factor * base and row['sum'] >= minimum:\n                alerts[week] = row['mean']\n                continue\n        kept.append(row['mean'])\n    return pd.Series(alerts, dtype=float)\n",
        # Days instead of weeks.
        "def alert_weeks(comments, accounts, account_type, weeks, factor, minimum):\n    typed = comments.merge(accounts[['account_id', 'account_type']], on='account_id')\n    chosen = typed[typed['account_type'] == account_type]\n    weekly = (chosen['label'] == 'abusive').set_axis(chosen['created_at']).resample('D').agg(['sum', 'mean'])\n    kept, alerts = [], {}\n    for week, row in weekly.iterrows():\n        if len(kept) >= weeks:\n            base = sum(kept[-weeks:]) / weeks\n            if row['mean'] > factor * base and row['sum'] >= minimum:\n                alerts[week] = row['mean']\n                continue\n        kept.append(row['mean'])\n    return pd.Series(alerts, dtype=float)\n",
    ],
    "ex6_2_message_clusters": [
        # Replaces punctuation by a space: "everyone's" becomes "everyone s".
        "def message_clusters(comments):\n"
        "    false_claims = comments[comments['label'] == 'disinformation']\n"
        "    key = false_claims['text'].str.lower().str.replace(r'[^a-z0-9 ]', ' ', regex=True).str.split().str.join(' ')\n"
        "    g = false_claims.groupby(key).agg(copies=('comment_id', 'size'), commenters=('commenter_id', 'nunique'), a=('created_at', 'min'), b=('created_at', 'max'))\n"
        "    return g.assign(minutes=(g['b'] - g['a']) / pd.Timedelta(minutes=1))[['copies', 'commenters', 'minutes']]\n",
        # Lowercases and removes punctuation, but leaves the double spaces.
        "def message_clusters(comments):\n"
        "    false_claims = comments[comments['label'] == 'disinformation']\n"
        "    key = false_claims['text'].str.lower().str.replace(r'[^a-z0-9 ]', '', regex=True).str.strip()\n"
        "    g = false_claims.groupby(key).agg(copies=('comment_id', 'size'), commenters=('commenter_id', 'nunique'), a=('created_at', 'min'), b=('created_at', 'max'))\n"
        "    return g.assign(minutes=(g['b'] - g['a']) / pd.Timedelta(minutes=1))[['copies', 'commenters', 'minutes']]\n",
        # Counts every commenter's comment, not distinct commenters.
        "def message_clusters(comments):\n"
        "    false_claims = comments[comments['label'] == 'disinformation']\n"
        "    key = false_claims['text'].str.lower().str.replace(r'[^a-z0-9 ]', '', regex=True).str.split().str.join(' ')\n"
        "    g = false_claims.groupby(key).agg(copies=('comment_id', 'size'), commenters=('commenter_id', 'count'), a=('created_at', 'min'), b=('created_at', 'max'))\n"
        "    return g.assign(minutes=(g['b'] - g['a']) / pd.Timedelta(minutes=1))[['copies', 'commenters', 'minutes']]\n",
        # Forgets the disinformation filter: every comment of the sample is clustered.
        "def message_clusters(comments):\n"
        "    key = comments['text'].str.lower().str.replace(r'[^a-z0-9 ]', '', regex=True).str.split().str.join(' ')\n"
        "    g = comments.groupby(key).agg(copies=('comment_id', 'size'), commenters=('commenter_id', 'nunique'), a=('created_at', 'min'), b=('created_at', 'max'))\n"
        "    return g.assign(minutes=(g['b'] - g['a']) / pd.Timedelta(minutes=1))[['copies', 'commenters', 'minutes']]\n",
        # Leaves minutes as a duration, not a number.
        "def message_clusters(comments):\n"
        "    false_claims = comments[comments['label'] == 'disinformation']\n"
        "    key = false_claims['text'].str.lower().str.replace(r'[^a-z0-9 ]', '', regex=True).str.split().str.join(' ')\n"
        "    g = false_claims.groupby(key).agg(copies=('comment_id', 'size'), commenters=('commenter_id', 'nunique'), a=('created_at', 'min'), b=('created_at', 'max'))\n"
        "    return g.assign(minutes=g['b'] - g['a'])[['copies', 'commenters', 'minutes']]\n",
    ],
    "ex6_3_follower_spikes": [
        # The mean day instead of the median day (the spike itself lifts it).
        "def follower_spikes(followers, factor, minimum):\n"
        "    usual = followers.groupby('account_id')['gained'].transform('mean').clip(lower=1)\n"
        "    days = followers.assign(times_usual=followers['gained'] / usual)\n"
        "    return days.loc[(days['times_usual'] >= factor) & (days['gained'] >= minimum), ['account_id', 'date', 'gained', 'times_usual']]\n",
        # Forgets that a median of 0 counts as 1: accounts whose median is 0 divide by zero.
        "def follower_spikes(followers, factor, minimum):\n"
        "    usual = followers.groupby('account_id')['gained'].transform('median')\n"
        "    days = followers.assign(times_usual=followers['gained'] / usual)\n"
        "    return days.loc[(days['times_usual'] >= factor) & (days['gained'] >= minimum), ['account_id', 'date', 'gained', 'times_usual']]\n",
        # Net change (gained - lost) against the usual net change.
        "def follower_spikes(followers, factor, minimum):\n"
        "    net = followers['gained'] - followers['lost']\n"
        "    usual = net.groupby(followers['account_id']).transform('median').clip(lower=1)\n"
        "    days = followers.assign(times_usual=net / usual)\n"
        "    return days.loc[(days['times_usual'] >= factor) & (days['gained'] >= minimum), ['account_id', 'date', 'gained', 'times_usual']]\n",
        # Strictly above the factor (>) instead of at least factor times the usual day.
        "def follower_spikes(followers, factor, minimum):\n"
        "    usual = followers.groupby('account_id')['gained'].transform('median').clip(lower=1)\n"
        "    days = followers.assign(times_usual=followers['gained'] / usual)\n"
        "    return days.loc[(days['times_usual'] > factor) & (days['gained'] >= minimum), ['account_id', 'date', 'gained', 'times_usual']]\n",
        # More than the minimum (>) instead of at least the minimum.
        "def follower_spikes(followers, factor, minimum):\n"
        "    usual = followers.groupby('account_id')['gained'].transform('median').clip(lower=1)\n"
        "    days = followers.assign(times_usual=followers['gained'] / usual)\n"
        "    return days.loc[(days['times_usual'] >= factor) & (days['gained'] > minimum), ['account_id', 'date', 'gained', 'times_usual']]\n",
        # Only a median of 0 counts as 1: a median of 0.5 stays 0.5.
        "def follower_spikes(followers, factor, minimum):\n"
        "    usual = followers.groupby('account_id')['gained'].transform('median').replace(0, 1)\n"
        "    days = followers.assign(times_usual=followers['gained'] / usual)\n"
        "    return days.loc[(days['times_usual'] >= factor) & (days['gained'] >= minimum), ['account_id', 'date', 'gained', 'times_usual']]\n",
        # Forgets the minimum size: the factor alone.
        "def follower_spikes(followers, factor, minimum):\n"
        "    usual = followers.groupby('account_id')['gained'].transform('median').clip(lower=1)\n"
        "    days = followers.assign(times_usual=followers['gained'] / usual)\n"
        "    return days.loc[days['times_usual'] >= factor, ['account_id', 'date', 'gained', 'times_usual']]\n",
    ],
    "ex6_4_security_score": [
        # At least 2 admins, with no upper limit.
        "def security_score(accounts, audit_date):\n"
        "    table = accounts.set_index('account_id')\n"
        "    reviewed = (pd.Timestamp(audit_date) - table['last_security_review']).dt.days <= 365\n"
        "    return (table['two_factor'].astype(int) + (~table['shared_password']).astype(int)\n"
        "            + table['recovery_verified'].astype(int) + (table['admins'] >= 2).astype(int)\n"
        "            + reviewed.astype(int))\n",
        # Review rule against today's date, not the audit date.
        "def security_score(accounts, audit_date):\n"
        "    table = accounts.set_index('account_id')\n"
        "    reviewed = table['last_security_review'] >= pd.Timestamp('2025-01-01')\n"
        "    return (table['two_factor'].astype(int) + (~table['shared_password']).astype(int)\n"
        "            + table['recovery_verified'].astype(int) + table['admins'].between(2, 4).astype(int)\n"
        "            + reviewed.astype(int))\n",
        # Forgets the review rule: a score out of 4.
        "def security_score(accounts, audit_date):\n"
        "    table = accounts.set_index('account_id')\n"
        "    return (table['two_factor'].astype(int) + (~table['shared_password']).astype(int)\n"
        "            + table['recovery_verified'].astype(int) + table['admins'].between(2, 4).astype(int))\n",
        # Less than 365 days (<) instead of at most 365 days.
        "def security_score(accounts, audit_date):\n"
        "    table = accounts.set_index('account_id')\n"
        "    reviewed = (pd.Timestamp(audit_date) - table['last_security_review']).dt.days < 365\n"
        "    return (table['two_factor'].astype(int) + (~table['shared_password']).astype(int)\n"
        "            + table['recovery_verified'].astype(int) + table['admins'].between(2, 4).astype(int)\n"
        "            + reviewed.astype(int))\n",
        # A calendar year back instead of 365 days (one day more in a leap year).
        "def security_score(accounts, audit_date):\n"
        "    table = accounts.set_index('account_id')\n"
        "    reviewed = table['last_security_review'] >= pd.Timestamp(audit_date) - pd.DateOffset(years=1)\n"
        "    return (table['two_factor'].astype(int) + (~table['shared_password']).astype(int)\n"
        "            + table['recovery_verified'].astype(int) + table['admins'].between(2, 4).astype(int)\n"
        "            + reviewed.astype(int))\n",
        # Admins strictly between 2 and 4 (only 3 counts).
        "def security_score(accounts, audit_date):\n"
        "    table = accounts.set_index('account_id')\n"
        "    reviewed = (pd.Timestamp(audit_date) - table['last_security_review']).dt.days <= 365\n"
        "    return (table['two_factor'].astype(int) + (~table['shared_password']).astype(int)\n"
        "            + table['recovery_verified'].astype(int) + ((table['admins'] > 2) & (table['admins'] < 4)).astype(int)\n"
        "            + reviewed.astype(int))\n",
    ],
}

ALTERNATIVES = {
    "ex6_1_alert_weeks": [
        # pd.Grouper, a counter loop, a Series filled label by label; empty weeks dropped.
        "def alert_weeks(comments, accounts, account_type, weeks, factor, minimum):\n    kind = comments['account_id'].map(accounts.set_index('account_id')['account_type'])\n    mine = comments[kind == account_type].assign(bad=lambda d: d['label'].eq('abusive'))\n    grouped = mine.groupby(pd.Grouper(key='created_at', freq='W'))['bad']\n    counts, shares = grouped.sum(), grouped.mean().dropna()\n    normal = []\n    out = pd.Series(dtype=float)\n    for i in range(len(shares)):\n        if len(normal) >= weeks:\n            before = pd.Series(normal[-weeks:]).mean()\n            if shares.iloc[i] > factor * before and counts[shares.index[i]] >= minimum:\n                out[shares.index[i]] = shares.iloc[i]\n                continue\n        normal.append(shares.iloc[i])\n    return out\n",
        # Weekly periods, counts divided by totals, one if/else.
        "def alert_weeks(comments, accounts, account_type, weeks, factor, minimum):\n    ids = accounts.loc[accounts['account_type'] == account_type, 'account_id']\n    mine = comments[comments['account_id'].isin(ids)]\n    week = mine['created_at'].dt.to_period('W')\n    abusive = (mine['label'] == 'abusive').groupby(week).sum()\n    share = abusive / mine.groupby(week).size()\n    history, weeks_out, values = [], [], []\n    for w in share.index:\n        if len(history) >= weeks and share[w] > factor * sum(history[-weeks:]) / weeks \\\n                and abusive[w] >= minimum:\n            weeks_out.append(w)\n            values.append(share[w])\n        else:\n            history.append(share[w])\n    return pd.Series(values, index=weeks_out, dtype=float)\n",
    ],
    "ex6_2_message_clusters": [
        # Python's re and str methods on each text, then value counts per key.
        "import re\n"
        "\n"
        "def normalise(text):\n"
        "    text = re.sub(r'[^a-z0-9 ]', '', text.lower())\n"
        "    return ' '.join(text.split())\n"
        "\n"
        "def message_clusters(comments):\n"
        "    d = comments.loc[comments.label == 'disinformation'].copy()\n"
        "    d['message'] = d['text'].apply(normalise)\n"
        "    span = d.groupby('message')['created_at'].agg(lambda t: (t.max() - t.min()).total_seconds() / 60)\n"
        "    out = pd.DataFrame({'copies': d.groupby('message').size(),\n"
        "                        'commenters': d.groupby('message')['commenter_id'].nunique(), 'minutes': span})\n"
        "    return out.sort_values('copies', ascending=False)\n",
        # str.translate with string.punctuation, a regex for the spaces, the key as a column moved to the index.
        "import string\n"
        "\n"
        "def message_clusters(comments):\n"
        "    rows = comments[comments['label'].astype(str) == 'disinformation']\n"
        "    table = str.maketrans('', '', string.punctuation)\n"
        "    keys = rows['text'].map(lambda t: t.lower().translate(table))\n"
        "    keys = keys.str.replace(r'\\s+', ' ', regex=True).str.strip()\n"
        "    grouped = rows.assign(text=keys).groupby('text')\n"
        "    out = grouped.agg(copies=('text', 'count'), commenters=('commenter_id', pd.Series.nunique))\n"
        "    out['minutes'] = (grouped['created_at'].max() - grouped['created_at'].min()).dt.total_seconds() / 60\n"
        "    return out\n",
    ],
    "ex6_3_follower_spikes": [
        # A merge of each account's median, np.maximum for the floor, query() for the filter.
        "import numpy as np\n"
        "\n"
        "def follower_spikes(followers, factor, minimum):\n"
        "    medians = followers.groupby('account_id', as_index=False)['gained'].median().rename(columns={'gained': 'usual'})\n"
        "    df = followers.merge(medians, on='account_id')\n"
        "    df['times_usual'] = df['gained'] / np.maximum(df['usual'], 1)\n"
        "    return df.query('times_usual >= @factor and gained >= @minimum')[['account_id', 'date', 'gained', 'times_usual']].reset_index(drop=True)\n",
        # map() of a per-account median, where() for the floor, sorted biggest first.
        "def follower_spikes(df, k, least):\n"
        "    med = df['account_id'].map(df.groupby('account_id')['gained'].median())\n"
        "    med = med.where(med >= 1, 1)\n"
        "    out = df[['account_id', 'date', 'gained']].copy()\n"
        "    out['times_usual'] = df['gained'] / med\n"
        "    return out[(out.times_usual >= k) & (out.gained >= least)].sort_values('times_usual', ascending=False)\n",
    ],
    "ex6_4_security_score": [
        # Row by row with a loop and a dict.
        "def security_score(accounts, audit_date):\n"
        "    audit = pd.Timestamp(audit_date)\n"
        "    scores = {}\n"
        "    for row in accounts.itertuples():\n"
        "        points = 0\n"
        "        points += 1 if row.two_factor else 0\n"
        "        points += 0 if row.shared_password else 1\n"
        "        points += 1 if row.recovery_verified else 0\n"
        "        points += 1 if 2 <= row.admins <= 4 else 0\n"
        "        points += 1 if (audit - row.last_security_review).days <= 365 else 0\n"
        "        scores[row.account_id] = points\n"
        "    return pd.Series(scores)\n",
        # A table of True/False rules summed across, with Timedelta and eq(False); sorted lowest first.
        "def security_score(accounts, audit_date):\n"
        "    acc = accounts.set_index('account_id')\n"
        "    rules = pd.concat([acc.two_factor, acc.shared_password.eq(False), acc.recovery_verified,\n"
        "                       (acc.admins >= 2) & (acc.admins <= 4),\n"
        "                       acc.last_security_review >= pd.to_datetime(audit_date) - pd.Timedelta(days=365)], axis=1)\n"
        "    return rules.sum(axis=1).sort_values()\n",
    ],
}

#: Mutants of the solutions that give the same results on every table the course can make, and why.
EQUIVALENT_MUTANTS = {
    "ex6_1_alert_weeks": {
        '`how=` left out in `typed = comments.merge(accounts[["account_id", "account_type"]],`':
            KEY.format(what="comment"),
    },
    "ex6_4_security_score": {
        "`.astype(...)` left out in `" + line + "`": "pandas adds True and False as 1 and 0: the sum of the "
                                                     "five rules is the same whole number"
        for line in ("+ reviewed.astype(int))", '+ table["admins"].between(2, 4).astype(int)',
                     '+ table["recovery_verified"].astype(int)', 'return (table["two_factor"].astype(int)',
                     '+ (~table["shared_password"]).astype(int)')
    },
}
