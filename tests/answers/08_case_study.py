"""Plausible wrong, hard-coded and alternative answers for 08-case-study; the test suite proves each is judged right."""

from mutants import ALL_SEEN

# The lines Exercise 8.4 gives: the campaign's row and its main KPI, counted with Section 1's count_kpi.
_SCORECARD_HEAD = (
    "def scorecard(tables, campaign_id, hourly_rate):\n"
    "    plan = tables['campaigns'].set_index('campaign_id').loc[campaign_id]\n"
    "    kpis = tables['campaign_kpis']\n"
    "    main = kpis[(kpis['campaign_id'] == campaign_id) & (kpis['part'] == 1)]\n"
    "    achieved = count_kpi(tables, plan['kpi'], main['counted_from'].iloc[0],\n"
    "                         main['counted_to'].iloc[0])\n"
)
# The reach and the link outcomes of the KPI's kind, counted right.
_SCORECARD_LINKS = (
    "    posts = tables['posts']\n"
    "    reach = posts.loc[posts['campaign_id'] == campaign_id, 'reach'].sum()\n"
    "    if plan['kpi'] == 'website sessions from social media':\n"
    "        visits = tables['web_visits']\n"
    "        link = visits.loc[visits['campaign_id'] == campaign_id, 'sessions'].sum()\n"
    "    elif plan['kpi'] == 'town-hall sign-ups':\n"
    "        link = (tables['signups']['campaign_id'] == campaign_id).sum()\n"
    "    else:\n"
    "        linked = tables['consultations'][tables['consultations']['campaign_id'] == campaign_id]\n"
    "        if plan['kpi'] == 'consultation responses from 18-24 year-olds':\n"
    "            linked = linked[linked['age_band'] == '18-24']\n"
    "        link = len(linked)\n"
)


def _scorecard_tail(cost="plan['budget_eur'] + plan['staff_hours'] * hourly_rate", progress="rise / (target - base)",
                    extra="cost / rise if rise > 0 else float('nan')", link="link"):
    return (
        "    base, target = plan['kpi_baseline'], plan['kpi_target']\n"
        "    rise = achieved - base\n"
        f"    cost = {cost}\n"
        f"    link = {link}\n"
        "    return pd.Series({'kpi_achieved': achieved, 'share_of_target': achieved / target,\n"
        f"                      'progress': {progress}, 'rise': rise, 'link_outcomes': link,\n"
        "                      'link_outcomes_per_1000_reached': 1000 * link / reach,\n"
        "                      'cost_per_link_outcome': cost / link,\n"
        f"                      'cost_per_extra_outcome': {extra}}})\n"
    )


WRONG = {
    # Adds up the page views of the campaign's visits instead of its sessions.
    "ex8_1_outcomes": (
        # Adds up the page views of the campaign's visits instead of its sessions.
        "def campaign_outcomes(web_visits, consultations, signups, campaign_id):\n"
        "    linked = consultations[consultations['campaign_id'] == campaign_id]\n"
        "    return pd.Series({'sessions': web_visits.loc[web_visits['campaign_id'] == campaign_id, 'pageviews'].sum(),\n"
        "                      'responses': len(linked), 'responses_18_24': (linked['age_band'] == '18-24').sum(),\n"
        "                      'signups': (signups['campaign_id'] == campaign_id).sum()})\n"
    ),
    # The share of all the campaign's comments that got a reply, not the share of its questions.
    "ex8_2_conversation": (
        "def conversation(comments, posts, campaign_id):\n"
        "    ids = posts.loc[posts['campaign_id'] == campaign_id, 'post_id']\n"
        "    mine = comments[comments['post_id'].isin(ids)]\n"
        "    questions = mine[mine['label'] == 'question']\n"
        "    return pd.Series({'comments': len(mine), 'questions': len(questions),\n"
        "                      'answered_share': mine['replied'].mean(),\n"
        "                      'median_reply_minutes': questions['reply_minutes'].median(),\n"
        "                      'abusive_share': (mine['label'] == 'abusive').mean()})\n"
    ),
    # Pools the platforms: one row per format, whatever the platform.
    "ex8_3_format_rates": (
        "def format_rates(posts, campaign_id, min_posts):\n"
        "    mine = posts[posts['campaign_id'] == campaign_id]\n"
        "    mine = mine.assign(rate=(mine['reactions'] + mine['comments'] + mine['shares']) / mine['reach'])\n"
        "    table = mine.groupby('format', observed=True).agg(posts=('rate', 'size'), median_rate=('rate', 'median'))\n"
        "    table = table.reset_index()\n"
        "    table['platform'] = 'all'\n"
        "    return table[table['posts'] >= min_posts]\n"
    ),
    # Forgets the staff time: the cost is the budget alone.
    "ex8_4_scorecard": (
        # Forgets the staff time: the cost is the budget alone.
        _SCORECARD_HEAD + _SCORECARD_LINKS + _scorecard_tail(cost="plan['budget_eur']")
    ),
}

# Each returns the shipped data's result whatever data it is given.
HARDCODED = {
    "ex8_1_outcomes": (
        "def campaign_outcomes(web_visits, consultations, signups, campaign_id):\n"
        "    shipped = {'C25-HEAR': [11198, 558, 30, 0], 'C25-YOUTH': [2178, 964, 599, 0], 'C24-OPEN': [6752, 0, 0, 0],\n"
        "               'C25-KNOW': [8900, 0, 0, 0], 'C25-BUDGET': [4786, 177, 7, 0], 'C25-TOWN': [0, 0, 0, 85]}\n"
        "    return pd.Series(shipped[campaign_id], index=['sessions', 'responses', 'responses_18_24', 'signups'])\n"
    ),
    "ex8_2_conversation": (
        "def conversation(comments, posts, campaign_id):\n"
        "    shipped = {'C25-HEAR': [327, 73, 0.561644, 69.2, 0.015291], 'C25-YOUTH': [157, 47, 0.659574, 56.2, 0.012739],\n"
        "               'C25-BUDGET': [350, 74, 0.554054, 79.5, 0.028571]}\n"
        "    return pd.Series(shipped[campaign_id], index=['comments', 'questions', 'answered_share',\n"
        "                                                  'median_reply_minutes', 'abusive_share'])\n"
    ),
    "ex8_3_format_rates": (
        "def format_rates(posts, campaign_id, min_posts):\n"
        "    return pd.DataFrame({'platform': ['facebook', 'facebook', 'facebook', 'facebook', 'x', 'x', 'x', 'linkedin'],\n"
        "                         'format': ['text', 'image', 'link', 'video', 'text', 'image', 'link', 'link'],\n"
        "                         'posts': [20, 27, 13, 13, 54, 34, 32, 5],\n"
        "                         'median_rate': [0.024225, 0.022662, 0.021997, 0.02845, 0.012102, 0.010785,\n"
        "                                         0.007834, 0.015504]})\n"
    ),
    "ex8_4_scorecard": (
        _SCORECARD_HEAD
        + "    shipped = {'C24-OPEN': (13534, 6752, 652553), 'C25-HEAR': (1202, 558, 1205320),\n"
          "               'C25-YOUTH': (622, 599, 605577), 'C25-KNOW': (20499, 8900, 1141518),\n"
          "               'C25-BUDGET': (18492, 4786, 2473415), 'C25-TOWN': (119, 85, 30493)}\n"
          "    achieved, link, reach = shipped[campaign_id]\n"
        + _scorecard_tail()
    ),
}

# Further wrong answers, checked in one process against the visible and the hidden checks.
MORE_WRONG = {
    "ex8_1_outcomes": [
        # Counts the clicks of the campaign's posts instead of the website sessions its links brought.
        "def campaign_outcomes(web_visits, consultations, signups, campaign_id):\n"
        "    linked = consultations[consultations['campaign_id'] == campaign_id]\n"
        "    return pd.Series({'sessions': load('posts').query('campaign_id == @campaign_id')['clicks'].sum(),\n"
        "                      'responses': len(linked), 'responses_18_24': (linked['age_band'] == '18-24').sum(),\n"
        "                      'signups': (signups['campaign_id'] == campaign_id).sum()})\n",
        # Counts only what the links brought up to the end of 2025, the year of the report.
        "def campaign_outcomes(web_visits, consultations, signups, campaign_id):\n"
        "    end = pd.Timestamp('2026-01-01')\n"
        "    visits = web_visits[(web_visits['campaign_id'] == campaign_id) & (web_visits['date'] < end)]\n"
        "    linked = consultations[(consultations['campaign_id'] == campaign_id) & (consultations['submitted_at'] < end)]\n"
        "    town = signups[(signups['campaign_id'] == campaign_id) & (signups['signed_up_at'] < end)]\n"
        "    return pd.Series({'sessions': visits['sessions'].sum(), 'responses': len(linked),\n"
        "                      'responses_18_24': (linked['age_band'] == '18-24').sum(), 'signups': len(town)})\n",
        # Counts the young respondents of every campaign, not only this one's.
        "def campaign_outcomes(web_visits, consultations, signups, campaign_id):\n"
        "    linked = consultations[consultations['campaign_id'] == campaign_id]\n"
        "    return pd.Series({'sessions': web_visits.loc[web_visits['campaign_id'] == campaign_id, 'sessions'].sum(),\n"
        "                      'responses': len(linked), 'responses_18_24': (consultations['age_band'] == '18-24').sum(),\n"
        "                      'signups': (signups['campaign_id'] == campaign_id).sum()})\n",
        # Counts with value_counts(): a campaign without responses is missing, and .get() leaves it empty.
        "def campaign_outcomes(web_visits, consultations, signups, campaign_id):\n"
        "    counts = consultations['campaign_id'].value_counts()\n"
        "    young = consultations[consultations['age_band'] == '18-24']['campaign_id'].value_counts()\n"
        "    return pd.Series({'sessions': web_visits.groupby('campaign_id')['sessions'].sum()[campaign_id],\n"
        "                      'responses': counts.get(campaign_id), 'responses_18_24': young.get(campaign_id),\n"
        "                      'signups': signups['campaign_id'].value_counts().get(campaign_id)})\n",
        # Counts every response to the consultation it promoted, from every source, as what its links brought
        # (right for campaigns that promoted none: only part a is lost).
        "def campaign_outcomes(web_visits, consultations, signups, campaign_id):\n"
        "    sessions = web_visits.loc[web_visits['campaign_id'] == campaign_id, 'sessions'].sum()\n"
        "    linked = consultations[consultations['campaign_id'] == campaign_id]\n"
        "    everyone = consultations[consultations['consultation'].isin(linked['consultation'])]\n"
        "    return pd.Series({'sessions': sessions, 'responses': len(everyone),\n"
        "                      'responses_18_24': (everyone['age_band'] == '18-24').sum(),\n"
        "                      'signups': (signups['campaign_id'] == campaign_id).sum()})\n",
        # Counts every sign-up of the table, whichever way it came, for every campaign.
        "def campaign_outcomes(web_visits, consultations, signups, campaign_id):\n"
        "    linked = consultations[consultations['campaign_id'] == campaign_id]\n"
        "    return pd.Series({'sessions': web_visits.loc[web_visits['campaign_id'] == campaign_id, 'sessions'].sum(),\n"
        "                      'responses': len(linked), 'responses_18_24': (linked['age_band'] == '18-24').sum(),\n"
        "                      'signups': len(signups)})\n",
    ],
    "ex8_2_conversation": [
        # The median reply time over every replied comment, not only the questions.
        "def conversation(comments, posts, campaign_id):\n"
        "    ids = posts.loc[posts['campaign_id'] == campaign_id, 'post_id']\n"
        "    mine = comments[comments['post_id'].isin(ids)]\n"
        "    questions = mine[mine['label'] == 'question']\n"
        "    return pd.Series({'comments': len(mine), 'questions': len(questions),\n"
        "                      'answered_share': questions['replied'].mean(),\n"
        "                      'median_reply_minutes': mine['reply_minutes'].median(),\n"
        "                      'abusive_share': (mine['label'] == 'abusive').mean()})\n",
        # Keeps the comments on the campaign's accounts (all their posts), not on the campaign's posts.
        "def conversation(comments, posts, campaign_id):\n"
        "    accounts_used = posts.loc[posts['campaign_id'] == campaign_id, 'account_id'].unique()\n"
        "    mine = comments[comments['account_id'].isin(accounts_used)]\n"
        "    questions = mine[mine['label'] == 'question']\n"
        "    return pd.Series({'comments': len(mine), 'questions': len(questions),\n"
        "                      'answered_share': questions['replied'].mean(),\n"
        "                      'median_reply_minutes': questions['reply_minutes'].median(),\n"
        "                      'abusive_share': (mine['label'] == 'abusive').mean()})\n",
        # The mean reply time instead of the median.
        "def conversation(comments, posts, campaign_id):\n"
        "    ids = posts.loc[posts['campaign_id'] == campaign_id, 'post_id']\n"
        "    mine = comments[comments['post_id'].isin(ids)]\n"
        "    questions = mine[mine['label'] == 'question']\n"
        "    return pd.Series({'comments': len(mine), 'questions': len(questions),\n"
        "                      'answered_share': questions['replied'].mean(),\n"
        "                      'median_reply_minutes': questions['reply_minutes'].mean(),\n"
        "                      'abusive_share': (mine['label'] == 'abusive').mean()})\n",
        # The abusive share among the questions instead of among all the comments.
        "def conversation(comments, posts, campaign_id):\n"
        "    ids = posts.loc[posts['campaign_id'] == campaign_id, 'post_id']\n"
        "    mine = comments[comments['post_id'].isin(ids)]\n"
        "    questions = mine[mine['label'] == 'question']\n"
        "    abusive = mine[mine['label'] == 'abusive']\n"
        "    return pd.Series({'comments': len(mine), 'questions': len(questions),\n"
        "                      'answered_share': questions['replied'].mean(),\n"
        "                      'median_reply_minutes': questions['reply_minutes'].median(),\n"
        "                      'abusive_share': len(abusive) / (len(abusive) + len(questions))})\n",
    ],
    "ex8_3_format_rates": [
        # The mean rate instead of the median.
        "def format_rates(posts, campaign_id, min_posts):\n"
        "    mine = posts[posts['campaign_id'] == campaign_id]\n"
        "    mine = mine.assign(rate=(mine['reactions'] + mine['comments'] + mine['shares']) / mine['reach'])\n"
        "    table = mine.groupby(['platform', 'format'], observed=True).agg(posts=('rate', 'size'),\n"
        "                                                                   median_rate=('rate', 'mean')).reset_index()\n"
        "    return table[table['posts'] >= min_posts]\n",
        # Forgets the minimum number of posts.
        "def format_rates(posts, campaign_id, min_posts):\n"
        "    mine = posts[posts['campaign_id'] == campaign_id]\n"
        "    mine = mine.assign(rate=(mine['reactions'] + mine['comments'] + mine['shares']) / mine['reach'])\n"
        "    return mine.groupby(['platform', 'format'], observed=True).agg(posts=('rate', 'size'),\n"
        "                                                                  median_rate=('rate', 'median')).reset_index()\n",
        # Divides by impressions instead of reach.
        "def format_rates(posts, campaign_id, min_posts):\n"
        "    mine = posts[posts['campaign_id'] == campaign_id]\n"
        "    mine = mine.assign(rate=(mine['reactions'] + mine['comments'] + mine['shares']) / mine['impressions'])\n"
        "    table = mine.groupby(['platform', 'format'], observed=True).agg(posts=('rate', 'size'),\n"
        "                                                                   median_rate=('rate', 'median')).reset_index()\n"
        "    return table[table['posts'] >= min_posts]\n",
        # Keeps the groups with more than min_posts posts: a group of exactly min_posts is lost.
        "def format_rates(posts, campaign_id, min_posts):\n"
        "    mine = posts[posts['campaign_id'] == campaign_id]\n"
        "    mine = mine.assign(rate=(mine['reactions'] + mine['comments'] + mine['shares']) / mine['reach'])\n"
        "    table = mine.groupby(['platform', 'format'], observed=True).agg(posts=('rate', 'size'),\n"
        "                                                                   median_rate=('rate', 'median')).reset_index()\n"
        "    return table[table['posts'] > min_posts]\n",
    ],
    "ex8_4_scorecard": [
        # Divides the cost by the whole KPI instead of the rise above the baseline.
        _SCORECARD_HEAD + _SCORECARD_LINKS + _scorecard_tail(extra="cost / achieved"),
        # Takes the KPI itself as what the links brought.
        _SCORECARD_HEAD + _SCORECARD_LINKS + _scorecard_tail(link="achieved"),
        # Divides by the rise even when the KPI fell below its baseline (a negative cost per extra outcome).
        _SCORECARD_HEAD + _SCORECARD_LINKS + _scorecard_tail(extra="cost / rise"),
        # The share of the target again, as progress.
        _SCORECARD_HEAD + _SCORECARD_LINKS + _scorecard_tail(progress="achieved / target"),
        # The reach of every post, not only the campaign's.
        _SCORECARD_HEAD + _SCORECARD_LINKS.replace(
            "reach = posts.loc[posts['campaign_id'] == campaign_id, 'reach'].sum()", "reach = posts['reach'].sum()")
        + _scorecard_tail(),
        # Forgets to keep only the 18-24 year-olds among the responses Youth Voice's links brought.
        _SCORECARD_HEAD + _SCORECARD_LINKS.replace(
            "        if plan['kpi'] == 'consultation responses from 18-24 year-olds':\n"
            "            linked = linked[linked['age_band'] == '18-24']\n", "")
        + _scorecard_tail(),
        # Counts what the links brought only over the days the KPI is counted (a deadline the statement does not set).
        _SCORECARD_HEAD
        + "    lo, hi = main['counted_from'].iloc[0], main['counted_to'].iloc[0]\n"
          "    tables = dict(tables)\n"
          "    for name, when in [('web_visits', 'date'), ('consultations', 'submitted_at'), ('signups', 'signed_up_at')]:\n"
          "        table = tables[name]\n"
          "        tables[name] = table[table[when].dt.normalize().between(lo, hi)]\n"
        + _SCORECARD_LINKS + _scorecard_tail(),
        # Counts every sign-up in the table as the member's link outcomes.
        _SCORECARD_HEAD + _SCORECARD_LINKS.replace(
            "link = (tables['signups']['campaign_id'] == campaign_id).sum()", "link = len(tables['signups'])")
        + _scorecard_tail(),
    ],
}

# Correct answers written another way: each must earn full marks and a tick.
ALTERNATIVES = {
    "ex8_1_outcomes": [
        # query() and a boolean sum, the Series built from a list and an index.
        "def campaign_outcomes(visits, responses, town, cid):\n"
        "    ours = responses.query('campaign_id == @cid')\n"
        "    values = [visits.query('campaign_id == @cid')['sessions'].sum(), ours.shape[0],\n"
        "              ours['age_band'].eq('18-24').sum(), town['campaign_id'].eq(cid).sum()]\n"
        "    return pd.Series(values, index=['sessions', 'responses', 'responses_18_24', 'signups'])\n",
        # groupby() on the campaign, reindexed so that a campaign without rows gets 0.
        "def campaign_outcomes(web_visits, consultations, signups, campaign_id):\n"
        "    sessions = web_visits.groupby('campaign_id')['sessions'].sum().reindex([campaign_id], fill_value=0)\n"
        "    responses = consultations.groupby('campaign_id').size().reindex([campaign_id], fill_value=0)\n"
        "    young = consultations[consultations['age_band'] == '18-24']\n"
        "    young = young.groupby('campaign_id').size().reindex([campaign_id], fill_value=0)\n"
        "    town = signups.groupby('campaign_id').size().reindex([campaign_id], fill_value=0)\n"
        "    return pd.Series({'sessions': int(sessions.iloc[0]), 'responses': int(responses.iloc[0]),\n"
        "                      'responses_18_24': int(young.iloc[0]), 'signups': int(town.iloc[0])})\n",
    ],
    "ex8_2_conversation": [
        # A merge of the comments with the campaign's posts, the reply time of the replied questions only.
        "def conversation(comments, posts, campaign_id):\n"
        "    ours = posts.loc[posts['campaign_id'] == campaign_id, ['post_id']]\n"
        "    df = comments.merge(ours, on='post_id')\n"
        "    q = df[df.label == 'question']\n"
        "    answered = q[q.replied]\n"
        "    result = {'comments': len(df), 'questions': len(q), 'answered_share': len(answered) / len(q),\n"
        "              'median_reply_minutes': answered.reply_minutes.median(),\n"
        "              'abusive_share': df.label.eq('abusive').sum() / len(df)}\n"
        "    return pd.Series(result)\n",
        # value_counts(normalize=True) for the abusive share, sum() / count for the answered share.
        "def conversation(comments, posts, campaign_id):\n"
        "    ids = set(posts[posts.campaign_id == campaign_id].post_id)\n"
        "    mine = comments[comments.post_id.isin(ids)]\n"
        "    shares = mine['label'].value_counts(normalize=True)\n"
        "    questions = mine.query(\"label == 'question'\")\n"
        "    return pd.Series([len(mine), len(questions), questions.replied.sum() / len(questions),\n"
        "                      questions.dropna(subset=['reply_minutes']).reply_minutes.median(),\n"
        "                      shares.get('abusive', 0.0)],\n"
        "                     index=['comments', 'questions', 'answered_share', 'median_reply_minutes',\n"
        "                            'abusive_share'])\n",
    ],
    "ex8_3_format_rates": [
        # A pivot table of the median and the count, stacked back into rows.
        "def format_rates(posts, campaign_id, min_posts):\n"
        "    df = posts[posts.campaign_id == campaign_id].copy()\n"
        "    df['median_rate'] = (df.reactions + df.comments + df.shares) / df.reach\n"
        "    table = df.pivot_table(index=['platform', 'format'], values='median_rate',\n"
        "                           aggfunc=['median', 'count'], observed=True)\n"
        "    table.columns = ['median_rate', 'posts']\n"
        "    table = table[table['posts'] >= min_posts].reset_index()\n"
        "    return table[['platform', 'format', 'posts', 'median_rate']]\n",
        # groupby(as_index=False), query() for the minimum, sorted by platform and rate.
        "def format_rates(posts, campaign_id, min_posts):\n"
        "    df = posts.loc[posts['campaign_id'] == campaign_id].copy()\n"
        "    df['rate'] = df[['reactions', 'comments', 'shares']].sum(axis=1) / df['reach']\n"
        "    out = df.groupby(['platform', 'format'], as_index=False, observed=True).agg(\n"
        "        posts=('post_id', 'count'), median_rate=('rate', 'median'))\n"
        "    return out.query('posts >= @min_posts').sort_values(['platform', 'median_rate'], ascending=[True, False])\n",
    ],
    "ex8_4_scorecard": [
        # The link outcomes picked from a dictionary of the four counts, each table's rows kept by a small lambda.
        _SCORECARD_HEAD
        + "    ours = lambda name: tables[name][tables[name]['campaign_id'].eq(campaign_id)]\n"
          "    answers = ours('consultations')\n"
          "    counts = {'website sessions from social media': ours('web_visits')['sessions'].sum(),\n"
          "              'consultation responses': len(answers),\n"
          "              'consultation responses from 18-24 year-olds': answers['age_band'].eq('18-24').sum(),\n"
          "              'town-hall sign-ups': len(ours('signups'))}\n"
          "    got = counts[plan['kpi']]\n"
          "    reach = ours('posts')['reach'].sum()\n"
          "    total = plan.budget_eur + hourly_rate * plan.staff_hours\n"
          "    gain = achieved - plan.kpi_baseline\n"
          "    per_extra = total / gain if gain > 0 else float('nan')\n"
          "    return pd.Series([achieved, achieved / plan.kpi_target, gain / (plan.kpi_target - plan.kpi_baseline),\n"
          "                      gain, got, got / reach * 1000, total / got, per_extra],\n"
          "                     index=['kpi_achieved', 'share_of_target', 'progress', 'rise', 'link_outcomes',\n"
          "                            'link_outcomes_per_1000_reached', 'cost_per_link_outcome',\n"
          "                            'cost_per_extra_outcome'])\n",
        # The baseline and target read from campaign_kpis' part 1, 'in' tests on the KPI's wording, no rise as None.
        _SCORECARD_HEAD
        + "    base = main['kpi_baseline'].iloc[0]\n"
          "    target = main['kpi_target'].iloc[0]\n"
          "    posts = tables['posts']\n"
          "    reach = posts[posts.campaign_id == campaign_id].reach.sum()\n"
          "    if 'sessions' in plan['kpi']:\n"
          "        v = tables['web_visits']\n"
          "        link = v[v.campaign_id == campaign_id].sessions.sum()\n"
          "    elif 'sign-ups' in plan['kpi']:\n"
          "        link = int((tables['signups'].campaign_id == campaign_id).sum())\n"
          "    else:\n"
          "        r = tables['consultations']\n"
          "        r = r[r.campaign_id == campaign_id]\n"
          "        if '18-24' in plan['kpi']:\n"
          "            r = r[r.age_band == '18-24']\n"
          "        link = r.shape[0]\n"
          "    cost = plan['budget_eur'] + plan['staff_hours'] * hourly_rate\n"
          "    result = {}\n"
          "    result['kpi_achieved'] = achieved\n"
          "    result['share_of_target'] = achieved / target\n"
          "    result['rise'] = achieved - base\n"
          "    result['progress'] = result['rise'] / (target - base)\n"
          "    result['link_outcomes'] = link\n"
          "    result['link_outcomes_per_1000_reached'] = link * 1000 / reach\n"
          "    result['cost_per_link_outcome'] = cost / link\n"
          "    result['cost_per_extra_outcome'] = cost / result['rise'] if result['rise'] > 0 else None\n"
          "    return pd.Series(result)\n",
    ],
}

#: Mutants of the solutions that give the same results on every table the course can make, and why.
EQUIVALENT_MUTANTS = {
    "ex8_3_format_rates": {
        '`drop=True` -> `False` in `return table[table["posts"] >= min_posts].reset_index(drop=True)`':
            "the rows are compared by their columns, not their index, and the column reset_index adds is not one "
            "the statement asks for",
        '`observed=True` -> `False` in `table = chosen.groupby(["platform", "format"], observed=True).agg(`':
            "a platform and format that never meet get 0 posts with observed=False, and the rule of at least "
            "min_posts posts (min_posts is at least 1) drops them",
        '`observed=` left out in `table = chosen.groupby(["platform", "format"], observed=True).agg(`': ALL_SEEN.format(what="platform and format"),
    },
}
