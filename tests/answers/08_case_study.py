"""Plausible wrong, hard-coded and alternative answers for 08-case-study; the test suite proves each is judged right."""

WRONG = {
    # Adds up the page views of the campaign's visits instead of its sessions.
    "ex8_1_outcomes": (
        "def campaign_outcomes(web_visits, consultations, campaign_id):\n"
        "    linked = consultations[consultations['campaign_id'] == campaign_id]\n"
        "    return pd.Series({'sessions': web_visits.loc[web_visits['campaign_id'] == campaign_id, 'pageviews'].sum(),\n"
        "                      'responses': len(linked), 'responses_18_24': (linked['age_band'] == '18-24').sum()})\n"
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
        "def scorecard(campaigns, posts, web_visits, consultations, campaign_id, hourly_rate):\n"
        "    plan = campaigns.set_index('campaign_id').loc[campaign_id]\n"
        "    reach = posts.loc[posts['campaign_id'] == campaign_id, 'reach'].sum()\n"
        "    sessions = web_visits.loc[web_visits['campaign_id'] == campaign_id, 'sessions'].sum()\n"
        "    linked = consultations[consultations['campaign_id'] == campaign_id]\n"
        "    if plan['kpi'] == 'website sessions from campaign links':\n"
        "        kpi_achieved, brought = sessions, sessions\n"
        "    elif plan['kpi'] == 'consultation responses':\n"
        "        kpi_achieved = len(consultations[(consultations['consultation'] == 'Coastal Protection Bill')\n"
        "                                         & (consultations['submitted_at'] < '2025-02-22')])\n"
        "        brought = len(linked)\n"
        "    else:\n"
        "        kpi_achieved = len(consultations[(consultations['consultation'] == 'Youth Participation Strategy')\n"
        "                                         & (consultations['age_band'] == '18-24')\n"
        "                                         & (consultations['submitted_at'] < '2025-06-01')])\n"
        "        brought = (linked['age_band'] == '18-24').sum()\n"
        "    return pd.Series({'reach': reach, 'kpi_achieved': kpi_achieved,\n"
        "                      'share_of_target': kpi_achieved / plan['kpi_target'], 'brought': brought,\n"
        "                      'brought_per_1000_reached': 1000 * brought / reach,\n"
        "                      'cost_per_outcome_brought': plan['budget_eur'] / brought})\n"
    ),
}

# Each returns the shipped data's result whatever data it is given.
HARDCODED = {
    "ex8_1_outcomes": (
        "def campaign_outcomes(web_visits, consultations, campaign_id):\n"
        "    shipped = {'C25-HEAR': [11198, 558, 30], 'C25-YOUTH': [2178, 964, 599], 'C24-OPEN': [6752, 0, 0],\n"
        "               'C25-KNOW': [8900, 0, 0], 'C25-BUDGET': [4786, 177, 7]}\n"
        "    return pd.Series(shipped[campaign_id], index=['sessions', 'responses', 'responses_18_24'])\n"
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
        "def scorecard(campaigns, posts, web_visits, consultations, campaign_id, hourly_rate):\n"
        "    shipped = {'C25-HEAR': (1205320, 1202, 558), 'C25-YOUTH': (605577, 622, 599),\n"
        "               'C24-OPEN': (652553, 6752, 6752), 'C25-KNOW': (1141518, 8900, 8900),\n"
        "               'C25-BUDGET': (2473415, 4786, 4786)}\n"
        "    reach, kpi_achieved, brought = shipped[campaign_id]\n"
        "    plan = campaigns.set_index('campaign_id').loc[campaign_id]\n"
        "    cost = plan['budget_eur'] + plan['staff_hours'] * hourly_rate\n"
        "    return pd.Series({'reach': reach, 'kpi_achieved': kpi_achieved,\n"
        "                      'share_of_target': kpi_achieved / plan['kpi_target'], 'brought': brought,\n"
        "                      'brought_per_1000_reached': 1000 * brought / reach,\n"
        "                      'cost_per_outcome_brought': cost / brought})\n"
    ),
}

_SCORECARD_HEAD = (
    "def scorecard(campaigns, posts, web_visits, consultations, campaign_id, hourly_rate):\n"
    "    plan = campaigns.set_index('campaign_id').loc[campaign_id]\n"
    "    reach = posts.loc[posts['campaign_id'] == campaign_id, 'reach'].sum()\n"
    "    sessions = web_visits.loc[web_visits['campaign_id'] == campaign_id, 'sessions'].sum()\n"
    "    linked = consultations[consultations['campaign_id'] == campaign_id]\n"
    "    coastal = consultations[consultations['consultation'] == 'Coastal Protection Bill']\n"
    "    youth = consultations[consultations['consultation'] == 'Youth Participation Strategy']\n"
)
# The KPI counted right, as the objectives write it, and what the links brought of the KPI's kind.
_SCORECARD_KPI = (
    "    if plan['kpi'] == 'website sessions from campaign links':\n"
    "        kpi_achieved, brought = sessions, sessions\n"
    "    elif plan['kpi'] == 'consultation responses':\n"
    "        kpi_achieved, brought = (coastal['submitted_at'] < '2025-02-22').sum(), len(linked)\n"
    "    else:\n"
    "        kpi_achieved = ((youth['age_band'] == '18-24') & (youth['submitted_at'] < '2025-06-01')).sum()\n"
    "        brought = (linked['age_band'] == '18-24').sum()\n"
)
_SCORECARD_TAIL = (
    "    cost = plan['budget_eur'] + plan['staff_hours'] * hourly_rate\n"
    "    return pd.Series({'reach': reach, 'kpi_achieved': kpi_achieved,\n"
    "                      'share_of_target': kpi_achieved / plan['kpi_target'], 'brought': brought,\n"
    "                      'brought_per_1000_reached': 1000 * brought / reach,\n"
    "                      'cost_per_outcome_brought': cost / brought})\n"
)

# Further wrong answers, checked in one process against the visible and the hidden checks.
MORE_WRONG = {
    "ex8_1_outcomes": [
        # Counts the clicks of the campaign's posts instead of the website sessions its links brought.
        "def campaign_outcomes(web_visits, consultations, campaign_id):\n"
        "    linked = consultations[consultations['campaign_id'] == campaign_id]\n"
        "    return pd.Series({'sessions': load('posts').query('campaign_id == @campaign_id')['clicks'].sum(),\n"
        "                      'responses': len(linked), 'responses_18_24': (linked['age_band'] == '18-24').sum()})\n",
        # Counts the young respondents of every campaign, not only this one's.
        "def campaign_outcomes(web_visits, consultations, campaign_id):\n"
        "    linked = consultations[consultations['campaign_id'] == campaign_id]\n"
        "    return pd.Series({'sessions': web_visits.loc[web_visits['campaign_id'] == campaign_id, 'sessions'].sum(),\n"
        "                      'responses': len(linked), 'responses_18_24': (consultations['age_band'] == '18-24').sum()})\n",
        # Counts with value_counts(): a campaign without responses is missing, and .get() leaves it empty.
        "def campaign_outcomes(web_visits, consultations, campaign_id):\n"
        "    counts = consultations['campaign_id'].value_counts()\n"
        "    young = consultations[consultations['age_band'] == '18-24']['campaign_id'].value_counts()\n"
        "    return pd.Series({'sessions': web_visits.groupby('campaign_id')['sessions'].sum()[campaign_id],\n"
        "                      'responses': counts.get(campaign_id), 'responses_18_24': young.get(campaign_id)})\n",
        # Counts every response to the consultation it promoted, from every source, as what its links brought
        # (right for campaigns that promoted none: only part a is lost).
        "def campaign_outcomes(web_visits, consultations, campaign_id):\n"
        "    sessions = web_visits.loc[web_visits['campaign_id'] == campaign_id, 'sessions'].sum()\n"
        "    linked = consultations[consultations['campaign_id'] == campaign_id]\n"
        "    everyone = consultations[consultations['consultation'].isin(linked['consultation'])]\n"
        "    return pd.Series({'sessions': sessions, 'responses': len(everyone),\n"
        "                      'responses_18_24': (everyone['age_band'] == '18-24').sum()})\n",
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
        # Judges every campaign on website sessions, whatever its KPI.
        _SCORECARD_HEAD
        + "    kpi_achieved, brought = sessions, sessions\n"
        + _SCORECARD_TAIL,
        # The consultation KPIs counted from the campaign's links only: its contribution, not the KPI its objective
        # wrote (Open Hearings then falls below its own baseline).
        _SCORECARD_HEAD + _SCORECARD_KPI
        + "    if plan['kpi'] != 'website sessions from campaign links':\n"
          "        kpi_achieved = brought\n"
        + _SCORECARD_TAIL,
        # The old scorecard: the ratios divided by the KPI, responses the campaign did not bring included
        # (what the links brought computed, but not used).
        _SCORECARD_HEAD + _SCORECARD_KPI
        + _SCORECARD_TAIL.replace("1000 * brought / reach", "1000 * kpi_achieved / reach")
                         .replace("cost / brought", "cost / kpi_achieved"),
        # The old scorecard relabelled: `brought` is the KPI, and so the ratios rest on it.
        _SCORECARD_HEAD + _SCORECARD_KPI
        + "    brought = kpi_achieved\n"
        + _SCORECARD_TAIL,
        # The cost per outcome on what the links brought, but the rate per 1,000 reached on the KPI.
        _SCORECARD_HEAD + _SCORECARD_KPI
        + _SCORECARD_TAIL.replace("1000 * brought / reach", "1000 * kpi_achieved / reach"),
        # What Youth Voice's links brought counted as all their responses, not the 18-24 ones of its KPI's kind.
        _SCORECARD_HEAD + _SCORECARD_KPI
        + "    if plan['kpi'] == 'consultation responses from 18-24 year-olds':\n"
          "        brought = len(linked)\n"
        + _SCORECARD_TAIL,
        # Forgets the objective's deadline: every response the consultation ever received.
        _SCORECARD_HEAD
        + "    if plan['kpi'] == 'website sessions from campaign links':\n"
          "        kpi_achieved, brought = sessions, sessions\n"
          "    elif plan['kpi'] == 'consultation responses':\n"
          "        kpi_achieved, brought = len(coastal), len(linked)\n"
          "    else:\n"
          "        kpi_achieved = (youth['age_band'] == '18-24').sum()\n"
          "        brought = (linked['age_band'] == '18-24').sum()\n"
        + _SCORECARD_TAIL,
        # Leaves out the deadline's own day (`<` the deadline instead of the day after it).
        _SCORECARD_HEAD
        + "    if plan['kpi'] == 'website sessions from campaign links':\n"
          "        kpi_achieved, brought = sessions, sessions\n"
          "    elif plan['kpi'] == 'consultation responses':\n"
          "        kpi_achieved, brought = (coastal['submitted_at'] < '2025-02-21').sum(), len(linked)\n"
          "    else:\n"
          "        kpi_achieved = ((youth['age_band'] == '18-24') & (youth['submitted_at'] < '2025-05-31')).sum()\n"
          "        brought = (linked['age_band'] == '18-24').sum()\n"
        + _SCORECARD_TAIL,
        # Youth Voice judged on all the consultation's responses, not its young respondents (the else branch
        # written like the elif).
        _SCORECARD_HEAD
        + "    if plan['kpi'] == 'website sessions from campaign links':\n"
          "        kpi_achieved, brought = sessions, sessions\n"
          "    elif plan['kpi'] == 'consultation responses':\n"
          "        kpi_achieved, brought = (coastal['submitted_at'] < '2025-02-22').sum(), len(linked)\n"
          "    else:\n"
          "        kpi_achieved, brought = (youth['submitted_at'] < '2025-06-01').sum(), len(linked)\n"
        + _SCORECARD_TAIL,
        # Compares the KPI with the baseline instead of the target.
        _SCORECARD_HEAD + _SCORECARD_KPI
        + _SCORECARD_TAIL.replace("kpi_achieved / plan['kpi_target']", "kpi_achieved / plan['kpi_baseline']"),
        # What the links brought per person reached, not per 1,000.
        _SCORECARD_HEAD + _SCORECARD_KPI
        + _SCORECARD_TAIL.replace("1000 * brought / reach", "brought / reach"),
    ],
}

# Correct answers written another way: each must earn full marks and a tick.
ALTERNATIVES = {
    "ex8_1_outcomes": [
        # query() and a boolean sum, the Series built from a list and an index.
        "def campaign_outcomes(visits, responses, cid):\n"
        "    ours = responses.query('campaign_id == @cid')\n"
        "    values = [visits.query('campaign_id == @cid')['sessions'].sum(), ours.shape[0],\n"
        "              ours['age_band'].eq('18-24').sum()]\n"
        "    return pd.Series(values, index=['sessions', 'responses', 'responses_18_24'])\n",
        # groupby() on the campaign, reindexed so that a campaign without rows gets 0.
        "def campaign_outcomes(web_visits, consultations, campaign_id):\n"
        "    sessions = web_visits.groupby('campaign_id')['sessions'].sum().reindex([campaign_id], fill_value=0)\n"
        "    responses = consultations.groupby('campaign_id').size().reindex([campaign_id], fill_value=0)\n"
        "    young = consultations[consultations['age_band'] == '18-24']\n"
        "    young = young.groupby('campaign_id').size().reindex([campaign_id], fill_value=0)\n"
        "    return pd.Series({'sessions': int(sessions.iloc[0]), 'responses': int(responses.iloc[0]),\n"
        "                      'responses_18_24': int(young.iloc[0])})\n",
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
        # The two counts picked with a dictionary of pairs, the deadline as the last day included
        # (`.dt.normalize()` keeps the day of each response), the row picked with a boolean filter.
        "def scorecard(campaigns, posts, web_visits, consultations, campaign_id, hourly_rate):\n"
        "    row = campaigns[campaigns['campaign_id'] == campaign_id].iloc[0]\n"
        "    day = consultations['submitted_at'].dt.normalize()\n"
        "    coastal = consultations[(consultations['consultation'] == 'Coastal Protection Bill') & (day <= '2025-02-21')]\n"
        "    youth = consultations[(consultations['consultation'] == 'Youth Participation Strategy')\n"
        "                          & (day <= '2025-05-31')]\n"
        "    ours = consultations[consultations['campaign_id'] == campaign_id]\n"
        "    visits = web_visits.loc[web_visits['campaign_id'] == campaign_id, 'sessions'].sum()\n"
        "    counts = {'website sessions from campaign links': (visits, visits),\n"
        "              'consultation responses': (len(coastal), len(ours)),\n"
        "              'consultation responses from 18-24 year-olds':\n"
        "                  ((youth['age_band'] == '18-24').sum(), (ours['age_band'] == '18-24').sum())}\n"
        "    achieved, own = counts[row['kpi']]\n"
        "    reach = posts[posts['campaign_id'] == campaign_id]['reach'].sum()\n"
        "    total_cost = row['budget_eur'] + hourly_rate * row['staff_hours']\n"
        "    return pd.Series({'reach': reach, 'kpi_achieved': achieved, 'share_of_target': achieved / row['kpi_target'],\n"
        "                      'brought': own, 'brought_per_1000_reached': own / reach * 1000,\n"
        "                      'cost_per_outcome_brought': total_cost / own})\n",
        # 'in' tests on the KPI's wording, query() for the rows, the deadline as a Timestamp, a Series from a list.
        "def scorecard(campaigns, posts, web_visits, consultations, campaign_id, hourly_rate):\n"
        "    c = campaigns.query('campaign_id == @campaign_id').squeeze()\n"
        "    reach = posts.query('campaign_id == @campaign_id').reach.sum()\n"
        "    links = consultations.query('campaign_id == @campaign_id')\n"
        "    if 'sessions' in c.kpi:\n"
        "        kpi = got = web_visits.query('campaign_id == @campaign_id').sessions.sum()\n"
        "    elif '18-24' in c.kpi:\n"
        "        deadline = pd.Timestamp('2025-06-01')\n"
        "        kpi = len(consultations.query(\"consultation == 'Youth Participation Strategy' \"\n"
        "                                      \"and age_band == '18-24' and submitted_at < @deadline\"))\n"
        "        got = len(links.query(\"age_band == '18-24'\"))\n"
        "    else:\n"
        "        deadline = pd.Timestamp('2025-02-22')\n"
        "        kpi = len(consultations.query(\"consultation == 'Coastal Protection Bill' and submitted_at < @deadline\"))\n"
        "        got = len(links)\n"
        "    cost = c.budget_eur + c.staff_hours * hourly_rate\n"
        "    return pd.Series([reach, kpi, kpi / c.kpi_target, got, 1000 * got / reach, cost / got],\n"
        "                     index=['reach', 'kpi_achieved', 'share_of_target', 'brought', 'brought_per_1000_reached',\n"
        "                            'cost_per_outcome_brought'])\n",
        # The deadline read from the objective's own words ("... by 21 February 2025."), the consultation from
        # the campaign's links, the same age filter for the KPI and for what the links brought.
        "def scorecard(campaigns, posts, web_visits, consultations, campaign_id, hourly_rate):\n"
        "    plan = campaigns.set_index('campaign_id').loc[campaign_id]\n"
        "    reach = posts.loc[posts['campaign_id'] == campaign_id, 'reach'].sum()\n"
        "    if plan['kpi'] == 'website sessions from campaign links':\n"
        "        achieved = web_visits.loc[web_visits['campaign_id'] == campaign_id, 'sessions'].sum()\n"
        "        brought = achieved\n"
        "    else:\n"
        "        deadline = pd.Timestamp(plan['objective'].split(' by ')[-1].rstrip('.'))\n"
        "        linked = consultations[consultations['campaign_id'] == campaign_id]\n"
        "        name = linked['consultation'].iloc[0]\n"
        "        rows = consultations[(consultations['consultation'] == name)\n"
        "                             & (consultations['submitted_at'] < deadline + pd.Timedelta(days=1))]\n"
        "        if plan['kpi'] == 'consultation responses from 18-24 year-olds':\n"
        "            rows = rows[rows['age_band'] == '18-24']\n"
        "            linked = linked[linked['age_band'] == '18-24']\n"
        "        achieved, brought = len(rows), len(linked)\n"
        "    cost = plan['budget_eur'] + plan['staff_hours'] * hourly_rate\n"
        "    return pd.Series({'reach': reach, 'kpi_achieved': achieved, 'share_of_target': achieved / plan['kpi_target'],\n"
        "                      'brought': brought, 'brought_per_1000_reached': 1000 * brought / reach,\n"
        "                      'cost_per_outcome_brought': cost / brought})\n",
    ],
}
