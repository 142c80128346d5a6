"""Plausible wrong and hard-coded answers for 05-engagement; the test suite proves each loses its points."""

from mutants import KEY

WRONG = {
    # The mean reply time, which a few replies after several days pull up, instead of the median.
    "ex5_1_reply_minutes": (
        "def median_reply_minutes(comments, accounts, account_type):\n"
        "    typed = comments.merge(accounts[['account_id', 'account_type']], on='account_id')\n"
        "    chosen = typed[(typed['label'] == 'question') & (typed['account_type'] == account_type)]\n"
        "    return chosen.groupby('platform')['reply_minutes'].mean().dropna()\n"
    ),
    # Divides by the answered questions only: the questions never answered vanish from the count.
    "ex5_2_service_level": (
        "def service_level(comments, hours=4):\n"
        "    answered = comments[(comments['label'] == 'question') & comments['replied']]\n"
        "    in_time = answered['reply_minutes'] <= hours * 60\n"
        "    return in_time.groupby(answered['account_id']).mean()\n"
    ),
    # Forgets to keep only the questions: every comment's author is counted, asked or not.
    "ex5_3_return_rate": (
        "def return_rate_by_speed(comments, fast_minutes=60):\n"
        "    c = comments.copy()\n"
        "    c['speed'] = 'slow'\n"
        "    c.loc[c['reply_minutes'] <= fast_minutes, 'speed'] = 'fast'\n"
        "    c.loc[~c['replied'], 'speed'] = 'no reply'\n"
        "    return c.groupby('speed')['returned_30d'].mean()\n"
    ),
    # The old queue: a window of `escalate_hours` before `now` drops the oldest questions, the ones to escalate.
    "ex5_4_waiting_questions": (
        "def waiting_questions(comments, now, escalate_hours=48):\n"
        "    q = comments[comments['label'] == 'question']\n"
        "    at = q['created_at'] + pd.to_timedelta(q['reply_minutes'], unit='min')\n"
        "    keep = (q['created_at'] >= now - pd.Timedelta(hours=escalate_hours)) & (q['created_at'] < now)\n"
        "    q = q[keep & (at.isna() | (at > now))]\n"
        "    w = (now - q['created_at']) / pd.Timedelta(hours=1)\n"
        "    q = q.assign(waiting_hours=w, escalate=w >= escalate_hours).sort_values('created_at')\n"
        "    return q[['comment_id', 'account_id', 'platform', 'created_at', 'waiting_hours', 'escalate']]\n"
    ),
}

# Each returns the shipped data's result whatever data it is given.
HARDCODED = {
    "ex5_1_reply_minutes": (
        "def median_reply_minutes(comments, accounts, account_type):\n"
        "    if account_type == 'member':\n"
        "        return pd.Series({'facebook': 386.15, 'instagram': 422.7, 'x': 408.0, 'tiktok': 424.9,\n"
        "                          'linkedin': 456.25})\n"
        "    return pd.Series({'facebook': 50.95, 'instagram': 54.1, 'x': 58.5, 'youtube': 59.0, 'tiktok': 56.2,\n"
        "                      'linkedin': 59.9})\n"
    ),
    "ex5_2_service_level": (
        "def service_level(comments, hours=4):\n"
        "    return pd.Series({'COM-DIG-FB': 0.2424, 'COM-DIG-X': 0.26, 'COM-ENV-FB': 0.2667, 'COM-ENV-X': 0.1918,\n"
        "                      'COM-FIN-FB': 0.3068, 'COM-FIN-X': 0.25, 'COM-HEA-FB': 0.1368, 'COM-HEA-X': 0.2386})\n"
    ),
    "ex5_3_return_rate": (
        "def return_rate_by_speed(comments, fast_minutes=60):\n"
        "    if fast_minutes == 180:\n"
        "        return pd.Series({'fast': 0.381319, 'slow': 0.312223, 'no reply': 0.185892})\n"
        "    return pd.Series({'fast': 0.482873, 'slow': 0.300722, 'no reply': 0.185892})\n"
    ),
    "ex5_4_waiting_questions": (
        "def waiting_questions(comments, now, escalate_hours=48):\n"
        "    ids = ['CM0029188', 'CM0029192', 'CM0029198', 'CM0029209', 'CM0029215']\n"
        "    q = comments[comments['comment_id'].isin(ids)]\n"
        "    w = (now - q['created_at']) / pd.Timedelta(hours=1)\n"
        "    q = q.assign(waiting_hours=w, escalate=w >= 48)\n"
        "    return q[['comment_id', 'account_id', 'platform', 'created_at', 'waiting_hours', 'escalate']]\n"
    ),
}

# Further wrong answers, checked in one process against the visible and the hidden checks.
MORE_WRONG = {
    "ex5_1_reply_minutes": [
        # Keeps a platform whose questions were never answered, with an empty median.
        "def median_reply_minutes(comments, accounts, account_type):\n"
        "    typed = comments.merge(accounts[['account_id', 'account_type']], on='account_id')\n"
        "    chosen = typed[(typed['label'] == 'question') & (typed['account_type'] == account_type)]\n"
        "    return chosen.groupby('platform', observed=True)['reply_minutes'].median()\n",
        # Forgets the question filter: replies to praise and criticism are counted too.
        "def median_reply_minutes(comments, accounts, account_type):\n"
        "    typed = comments.merge(accounts[['account_id', 'account_type']], on='account_id')\n"
        "    chosen = typed[typed['account_type'] == account_type]\n"
        "    return chosen.groupby('platform')['reply_minutes'].median().dropna()\n",
        # Forgets the account type: the pooled median of every account, Section 2's trap.
        "def median_reply_minutes(comments, accounts, account_type):\n"
        "    questions = comments[comments['label'] == 'question']\n"
        "    return questions.groupby('platform')['reply_minutes'].median().dropna()\n",
        # Gives the reply time in hours, not minutes.
        "def median_reply_minutes(comments, accounts, account_type):\n"
        "    typed = comments.merge(accounts[['account_id', 'account_type']], on='account_id')\n"
        "    chosen = typed[(typed['label'] == 'question') & (typed['account_type'] == account_type)]\n"
        "    return (chosen.groupby('platform')['reply_minutes'].median() / 60).dropna()\n",
        # Counts a question never answered as a reply time of 0 minutes.
        "def median_reply_minutes(comments, accounts, account_type):\n"
        "    typed = comments.merge(accounts[['account_id', 'account_type']], on='account_id')\n"
        "    chosen = typed[(typed['label'] == 'question') & (typed['account_type'] == account_type)]\n"
        "    return chosen['reply_minutes'].fillna(0).groupby(chosen['platform']).median()\n",
        # `|` for `&`: every question, plus every comment on the accounts of that type.
        "def median_reply_minutes(comments, accounts, account_type):\n"
        "    typed = comments.merge(accounts[['account_id', 'account_type']], on='account_id')\n"
        "    chosen = typed[(typed['label'] == 'question') | (typed['account_type'] == account_type)]\n"
        "    return chosen.groupby('platform')['reply_minutes'].median().dropna()\n",
    ],
    "ex5_2_service_level": [
        # Questions in time over questions, counted on every comment: an account with comments but no question
        # gets an empty share instead of none.
        "def service_level(comments, hours=4):\n"
        "    asked = comments['label'] == 'question'\n"
        "    in_time = asked & (comments['reply_minutes'] <= hours * 60)\n"
        "    by_account = comments['account_id']\n"
        "    return in_time.groupby(by_account).sum() / asked.groupby(by_account).sum()\n",
        # `<` for `<=`: a question answered exactly at the limit is counted late.
        "def service_level(comments, hours=4):\n"
        "    questions = comments[comments['label'] == 'question']\n"
        "    in_time = questions['reply_minutes'] < hours * 60\n"
        "    return in_time.groupby(questions['account_id']).mean()\n",
        # Compares the minutes with the hours: 4 minutes instead of 4 hours.
        "def service_level(comments, hours=4):\n"
        "    q = comments[comments['label'] == 'question']\n"
        "    return (q['reply_minutes'] <= hours).groupby(q['account_id']).mean()\n",
        # Always 4 hours, whatever `hours` says (loses only the part with 1 hour).
        "def service_level(comments, hours=4):\n"
        "    q = comments[comments['label'] == 'question']\n"
        "    return (q['reply_minutes'] <= 240).groupby(q['account_id']).mean()\n",
        # Forgets the question filter: every comment, most of which nobody answers.
        "def service_level(comments, hours=4):\n"
        "    return (comments['reply_minutes'] <= hours * 60).groupby(comments['account_id']).mean()\n",
        # Gives percentages instead of shares between 0 and 1.
        "def service_level(comments, hours=4):\n"
        "    q = comments[comments['label'] == 'question']\n"
        "    return (q['reply_minutes'] <= hours * 60).groupby(q['account_id']).mean() * 100\n",
        # The share of questions answered at all, whatever the wait.
        "def service_level(comments, hours=4):\n"
        "    q = comments[comments['label'] == 'question']\n"
        "    return q.groupby('account_id')['replied'].mean()\n",
    ],
    "ex5_3_return_rate": [
        # `<` for `<=`: an answer exactly at fast_minutes is counted slow.
        "def return_rate_by_speed(comments, fast_minutes=60):\n"
        "    questions = comments[comments['label'] == 'question'].copy()\n"
        "    questions['speed'] = 'slow'\n"
        "    questions.loc[questions['reply_minutes'] < fast_minutes, 'speed'] = 'fast'\n"
        "    questions.loc[~questions['replied'], 'speed'] = 'no reply'\n"
        "    return questions.groupby('speed')['returned_30d'].mean()\n",
        # Only two bands: answered or not, the speed forgotten.
        "def return_rate_by_speed(comments, fast_minutes=60):\n"
        "    q = comments[comments['label'] == 'question']\n"
        "    band = q['replied'].map({True: 'fast', False: 'no reply'})\n"
        "    return q['returned_30d'].groupby(band).mean()\n",
        # Always an hour, whatever `fast_minutes` says (loses only the part with 180 minutes).
        "def return_rate_by_speed(comments, fast_minutes=60):\n"
        "    q = comments[comments['label'] == 'question'].copy()\n"
        "    q['speed'] = 'slow'\n"
        "    q.loc[q['reply_minutes'] <= 60, 'speed'] = 'fast'\n"
        "    q.loc[~q['replied'], 'speed'] = 'no reply'\n"
        "    return q.groupby('speed')['returned_30d'].mean()\n",
        # Sets 'no reply' first and 'slow' last: the last line wins, so the unanswered become 'slow' too.
        "def return_rate_by_speed(comments, fast_minutes=60):\n"
        "    q = comments[comments['label'] == 'question'].copy()\n"
        "    q['speed'] = 'no reply'\n"
        "    q.loc[q['reply_minutes'] <= fast_minutes, 'speed'] = 'fast'\n"
        "    q.loc[~(q['reply_minutes'] <= fast_minutes), 'speed'] = 'slow'\n"
        "    return q.groupby('speed')['returned_30d'].mean()\n",
        # Counts the people who came back, not their share.
        "def return_rate_by_speed(comments, fast_minutes=60):\n"
        "    q = comments[comments['label'] == 'question'].copy()\n"
        "    q['speed'] = 'slow'\n"
        "    q.loc[q['reply_minutes'] <= fast_minutes, 'speed'] = 'fast'\n"
        "    q.loc[~q['replied'], 'speed'] = 'no reply'\n"
        "    return q.groupby('speed')['returned_30d'].sum()\n",
        # Shares of the band among the people who came back, instead of the share who came back in each band.
        "def return_rate_by_speed(comments, fast_minutes=60):\n"
        "    q = comments[comments['label'] == 'question'].copy()\n"
        "    q['speed'] = 'slow'\n"
        "    q.loc[q['reply_minutes'] <= fast_minutes, 'speed'] = 'fast'\n"
        "    q.loc[~q['replied'], 'speed'] = 'no reply'\n"
        "    return q.loc[q['returned_30d'], 'speed'].value_counts(normalize=True)\n",
    ],
    "ex5_4_waiting_questions": [
        # Every column of the comments, beside the two new ones: rule 4 asks for six columns only.
        "def waiting_questions(comments, now, escalate_hours=48):\n"
        "    q = comments[comments['label'] == 'question']\n"
        "    at = q['created_at'] + pd.to_timedelta(q['reply_minutes'], unit='min')\n"
        "    q = q[(q['created_at'] < now) & (at.isna() | (at > now))]\n"
        "    w = (now - q['created_at']) / pd.Timedelta(hours=1)\n"
        "    return q.assign(waiting_hours=w, escalate=w >= escalate_hours).sort_values('created_at')\n",
        # Newest first: the moderator would answer the latest question before the oldest.
        "def waiting_questions(comments, now, escalate_hours=48):\n"
        "    q = comments[comments['label'] == 'question']\n"
        "    at = q['created_at'] + pd.to_timedelta(q['reply_minutes'], unit='min')\n"
        "    q = q[(q['created_at'] < now) & (at.isna() | (at > now))]\n"
        "    w = (now - q['created_at']) / pd.Timedelta(hours=1)\n"
        "    q = q.assign(waiting_hours=w, escalate=w >= escalate_hours)\n"
        "    return q.sort_values('created_at', ascending=False)[['comment_id', 'account_id', 'platform',\n"
        "                                                          'created_at', 'waiting_hours', 'escalate']]\n",
        # Keeps only the questions never answered: a question answered after `now` was still waiting at `now`.
        "def waiting_questions(comments, now, escalate_hours=48):\n"
        "    q = comments[comments['label'] == 'question']\n"
        "    at = q['created_at'] + pd.to_timedelta(q['reply_minutes'], unit='min')\n"
        "    q = q[(q['created_at'] < now) & at.isna()]\n"
        "    w = (now - q['created_at']) / pd.Timedelta(hours=1)\n"
        "    q = q.assign(waiting_hours=w, escalate=w >= escalate_hours)\n"
        "    return q.sort_values('created_at')[['comment_id', 'account_id', 'platform', 'created_at',\n"
        "                                        'waiting_hours', 'escalate']]\n",
        # Forgets the questions never answered: only `at > now`, and an empty time is never greater.
        "def waiting_questions(comments, now, escalate_hours=48):\n"
        "    q = comments[comments['label'] == 'question']\n"
        "    at = q['created_at'] + pd.to_timedelta(q['reply_minutes'], unit='min')\n"
        "    q = q[(q['created_at'] < now) & (at > now)]\n"
        "    w = (now - q['created_at']) / pd.Timedelta(hours=1)\n"
        "    q = q.assign(waiting_hours=w, escalate=w >= escalate_hours)\n"
        "    return q.sort_values('created_at')[['comment_id', 'account_id', 'platform', 'created_at',\n"
        "                                        'waiting_hours', 'escalate']]\n",
        # `>` for `>=`: a question that has waited exactly the limit is not escalated.
        "def waiting_questions(comments, now, escalate_hours=48):\n"
        "    q = comments[comments['label'] == 'question']\n"
        "    at = q['created_at'] + pd.to_timedelta(q['reply_minutes'], unit='min')\n"
        "    q = q[(q['created_at'] < now) & (at.isna() | (at > now))]\n"
        "    w = (now - q['created_at']) / pd.Timedelta(hours=1)\n"
        "    q = q.assign(waiting_hours=w, escalate=w > escalate_hours)\n"
        "    return q.sort_values('created_at')[['comment_id', 'account_id', 'platform', 'created_at',\n"
        "                                        'waiting_hours', 'escalate']]\n",
        # `<=` for `<`: a question asked exactly at `now` joins the queue.
        "def waiting_questions(comments, now, escalate_hours=48):\n"
        "    q = comments[comments['label'] == 'question']\n"
        "    at = q['created_at'] + pd.to_timedelta(q['reply_minutes'], unit='min')\n"
        "    q = q[(q['created_at'] <= now) & (at.isna() | (at > now))]\n"
        "    w = (now - q['created_at']) / pd.Timedelta(hours=1)\n"
        "    q = q.assign(waiting_hours=w, escalate=w >= escalate_hours)\n"
        "    return q.sort_values('created_at')[['comment_id', 'account_id', 'platform', 'created_at',\n"
        "                                        'waiting_hours', 'escalate']]\n",
        # `>=` for `>`: a question answered exactly at `now` stays in the queue.
        "def waiting_questions(comments, now, escalate_hours=48):\n"
        "    q = comments[comments['label'] == 'question']\n"
        "    at = q['created_at'] + pd.to_timedelta(q['reply_minutes'], unit='min')\n"
        "    q = q[(q['created_at'] < now) & (at.isna() | (at >= now))]\n"
        "    w = (now - q['created_at']) / pd.Timedelta(hours=1)\n"
        "    q = q.assign(waiting_hours=w, escalate=w >= escalate_hours)\n"
        "    return q.sort_values('created_at')[['comment_id', 'account_id', 'platform', 'created_at',\n"
        "                                        'waiting_hours', 'escalate']]\n",
        # Always escalates after 48 hours, whatever `escalate_hours` says (loses only the part with 72 hours).
        "def waiting_questions(comments, now, escalate_hours=48):\n"
        "    q = comments[comments['label'] == 'question']\n"
        "    at = q['created_at'] + pd.to_timedelta(q['reply_minutes'], unit='min')\n"
        "    q = q[(q['created_at'] < now) & (at.isna() | (at > now))]\n"
        "    w = (now - q['created_at']) / pd.Timedelta(hours=1)\n"
        "    q = q.assign(waiting_hours=w, escalate=w >= 48)\n"
        "    return q.sort_values('created_at')[['comment_id', 'account_id', 'platform', 'created_at',\n"
        "                                        'waiting_hours', 'escalate']]\n",
        # Waiting time in minutes, not hours.
        "def waiting_questions(comments, now, escalate_hours=48):\n"
        "    q = comments[comments['label'] == 'question']\n"
        "    at = q['created_at'] + pd.to_timedelta(q['reply_minutes'], unit='min')\n"
        "    q = q[(q['created_at'] < now) & (at.isna() | (at > now))]\n"
        "    w = (now - q['created_at']) / pd.Timedelta(minutes=1)\n"
        "    q = q.assign(waiting_hours=w, escalate=w >= escalate_hours * 60)\n"
        "    return q.sort_values('created_at')[['comment_id', 'account_id', 'platform', 'created_at',\n"
        "                                        'waiting_hours', 'escalate']]\n",
        # Every comment, not only the questions.
        "def waiting_questions(comments, now, escalate_hours=48):\n"
        "    q = comments\n"
        "    at = q['created_at'] + pd.to_timedelta(q['reply_minutes'], unit='min')\n"
        "    q = q[(q['created_at'] < now) & (at.isna() | (at > now))]\n"
        "    w = (now - q['created_at']) / pd.Timedelta(hours=1)\n"
        "    q = q.assign(waiting_hours=w, escalate=w >= escalate_hours)\n"
        "    return q.sort_values('created_at')[['comment_id', 'account_id', 'platform', 'created_at',\n"
        "                                        'waiting_hours', 'escalate']]\n",
    ],
}

# Correct answers written another way: each must earn full marks and a tick.
ALTERNATIVES = {
    "ex5_1_reply_minutes": [
        # map() brings the account type, query() keeps the answered questions, a pivot table takes the medians.
        "def median_reply_minutes(comments, accounts, account_type):\n"
        "    kind = comments['account_id'].map(accounts.set_index('account_id')['account_type'])\n"
        "    mine = comments[kind == account_type].query(\"label == 'question' and replied\")\n"
        "    table = mine.pivot_table(index='platform', values='reply_minutes', aggfunc='median', observed=True)\n"
        "    return table['reply_minutes']\n",
        # The account ids of that type first, then isin(); the platform as text.
        "def median_reply_minutes(df, accts, kind):\n"
        "    ids = accts.loc[accts.account_type == kind, 'account_id']\n"
        "    q = df[df.account_id.isin(ids) & df.label.eq('question') & df.reply_minutes.notna()].copy()\n"
        "    q['platform'] = q['platform'].astype(str)\n"
        "    return q.groupby('platform').reply_minutes.agg('median').sort_values()\n",
    ],
    "ex5_2_service_level": [
        # fillna() with a wait longer than any limit, then a share per account with agg().
        "def service_level(comments, hours=4):\n"
        "    q = comments.loc[comments['label'] == 'question'].copy()\n"
        "    q['ok'] = q['reply_minutes'].fillna(10**9) <= 60 * hours\n"
        "    return q.groupby('account_id')['ok'].agg('mean').astype(float)\n",
        # Counts in time divided by counts of questions, two value_counts().
        "def service_level(df, hours=4):\n"
        "    q = df[df.label == 'question']\n"
        "    quick = q[q.replied & (q.reply_minutes <= hours * 60)]\n"
        "    asked = q['account_id'].value_counts()\n"
        "    return quick['account_id'].value_counts().reindex(asked.index, fill_value=0) / asked\n",
    ],
    "ex5_3_return_rate": [
        # numpy's select() names the bands in one line.
        "import numpy as np\n"
        "\n"
        "def return_rate_by_speed(comments, fast_minutes=60):\n"
        "    q = comments[comments['label'] == 'question']\n"
        "    band = np.select([~q['replied'], q['reply_minutes'] <= fast_minutes], ['no reply', 'fast'], 'slow')\n"
        "    return q['returned_30d'].groupby(band).mean()\n",
        # A small function applied to each row, then a pivot of the means.
        "def return_rate_by_speed(df, fast_minutes=60):\n"
        "    q = df.query(\"label == 'question'\")\n"
        "    def band(row):\n"
        "        if not row['replied']:\n"
        "            return 'no reply'\n"
        "        return 'fast' if row['reply_minutes'] <= fast_minutes else 'slow'\n"
        "    bands = q.apply(band, axis=1)\n"
        "    return q.assign(band=bands).groupby('band')['returned_30d'].mean().reindex(['fast', 'slow', 'no reply'])\n",
    ],
    "ex5_4_waiting_questions": [
        # Questions asked in the same minute put the other way round (by comment id, from the last): the
        # statement only asks for the oldest first.
        "def waiting_questions(comments, now, escalate_hours=48):\n"
        "    q = comments[comments['label'] == 'question']\n"
        "    at = q['created_at'] + pd.to_timedelta(q['reply_minutes'], unit='min')\n"
        "    q = q[(q['created_at'] < now) & (at.isna() | (at > now))]\n"
        "    w = (now - q['created_at']) / pd.Timedelta(hours=1)\n"
        "    q = q.assign(waiting_hours=w, escalate=w >= escalate_hours)\n"
        "    q = q.sort_values(['created_at', 'comment_id'], ascending=[True, False])\n"
        "    return q[['comment_id', 'account_id', 'platform', 'created_at', 'waiting_hours', 'escalate']]\n",
        # The reply time filled with a moment after `now`, query() on the time, total_seconds() for the hours.
        "def waiting_questions(comments, now, escalate_hours=48):\n"
        "    q = comments[comments.label == 'question'].copy()\n"
        "    q['answered_at'] = q.created_at + pd.to_timedelta(q.reply_minutes, unit='m')\n"
        "    q['answered_at'] = q['answered_at'].fillna(now + pd.Timedelta(days=1))\n"
        "    q = q.query('created_at < @now and answered_at > @now').copy()\n"
        "    q['waiting_hours'] = (now - q.created_at).dt.total_seconds() / 3600\n"
        "    q['escalate'] = ~(q['waiting_hours'] < escalate_hours)\n"
        "    return q.sort_values(['created_at', 'comment_id']).reset_index(drop=True)[\n"
        "        ['comment_id', 'account_id', 'platform', 'created_at', 'waiting_hours', 'escalate']]\n",
        # The minutes compared instead of the times, np.where() for the flag, nsmallest() for the order.
        "import numpy as np\n"
        "\n"
        "def waiting_questions(df, now, escalate_hours=48):\n"
        "    q = df[(df['label'] == 'question') & (df['created_at'] < now)]\n"
        "    minutes_so_far = (now - q['created_at']).dt.total_seconds() / 60\n"
        "    q = q[~(q['reply_minutes'] <= minutes_so_far)]\n"
        "    hours = minutes_so_far[q.index] / 60\n"
        "    out = pd.DataFrame({'comment_id': q['comment_id'], 'account_id': q['account_id'],\n"
        "                        'platform': q['platform'].astype(str), 'created_at': q['created_at'],\n"
        "                        'waiting_hours': hours,\n"
        "                        'escalate': np.where(hours >= escalate_hours, True, False)})\n"
        "    return out.nsmallest(len(out), 'created_at')\n",
    ],
}

#: Mutants of the solutions that give the same results on every table the course can make, and why.
EQUIVALENT_MUTANTS = {
    "ex5_1_reply_minutes": {
        '`how=` left out in `typed = comments.merge(accounts[["account_id", "account_type"]],`':
            KEY.format(what="comment"),
    },
}
