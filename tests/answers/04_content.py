"""Plausible wrong, hard-coded and correct alternative answers for 04-content; the test suite proves each."""

from mutants import KEY, ALL_SEEN

WRONG = {
    # The mean, which a few viral posts drag up, instead of the median.
    "ex4_1_format_lift": (
        "def format_lift(posts, platform, reference):\n"
        "    chosen = posts[posts['platform'] == platform]\n"
        "    rate = (chosen['reactions'] + chosen['comments'] + chosen['shares']) / chosen['reach']\n"
        "    means = rate.groupby(chosen['format'], observed=True).mean()\n"
        "    return means / means[reference]\n"
    ),
    # Shares of every post, text and links included, which carry no image and no video.
    "ex4_2_accessibility_audit": (
        "def accessibility_audit(posts, accounts):\n"
        "    typed = posts.merge(accounts[['account_id', 'account_type']], on='account_id')\n"
        "    return typed.groupby('account_type', observed=True)[['alt_text', 'captions']].mean()\n"
    ),
    # The average of the daily rates instead of the totals' rate.
    "ex4_3_click_through": (
        "def click_through(ab_tests, test_id):\n"
        "    chosen = ab_tests[ab_tests['test_id'] == test_id]\n"
        "    daily = chosen['clicks'] / chosen['impressions']\n"
        "    return daily.groupby(chosen['variant'], observed=True).mean()\n"
    ),
    # Claims a win whenever B's rate is higher, with no test at all.
    "ex4_4_ab_verdict": (
        "from statsmodels.stats.proportion import proportions_ztest, confint_proportions_2indep\n"
        "def ab_verdict(ab_tests, test_id, confidence=0.95):\n"
        "    t = ab_tests[ab_tests['test_id'] == test_id].groupby('variant', observed=True)[['clicks', 'impressions']].sum()\n"
        "    cb, nb, ca, na = t.loc['B', 'clicks'], t.loc['B', 'impressions'], t.loc['A', 'clicks'], t.loc['A', 'impressions']\n"
        "    z, p = proportions_ztest([cb, ca], [nb, na])\n"
        "    low, high = confint_proportions_2indep(cb, nb, ca, na, compare='diff', method='wald', alpha=1 - confidence)\n"
        "    d = cb / nb - ca / na\n"
        "    return {'difference': d, 'low': low, 'high': high, 'p_value': p,\n"
        "            'verdict': 'B better' if d > 0 else 'A better'}\n"
    ),
}

# Each returns the shipped data's result whatever data it is given.
HARDCODED = {
    "ex4_1_format_lift": (
        "def format_lift(posts, platform, reference):\n"
        "    if platform == 'x':\n"
        "        return pd.Series({'text': 1.0, 'image': 1.147254, 'link': 0.733529, 'video': 1.122209})\n"
        "    return pd.Series({'image': 1.0, 'short_video': 2.2295, 'live': 0.776384})\n"
    ),
    "ex4_2_accessibility_audit": (
        "def accessibility_audit(posts, accounts):\n"
        "    return pd.DataFrame({'alt_text': {'institution': 0.646298, 'committee': 0.398093, 'member': 0.142338},\n"
        "                         'captions': {'institution': 0.720387, 'committee': 0.275362, 'member': 0.297456}})\n"
    ),
    "ex4_3_click_through": (
        "def click_through(ab_tests, test_id):\n"
        "    if test_id == 'AB1':\n"
        "        return pd.Series({'A': 0.017768, 'B': 0.023555})\n"
        "    return pd.Series({'A': 0.014597, 'B': 0.014772})\n"
    ),
    "ex4_4_ab_verdict": (
        "def ab_verdict(ab_tests, test_id, confidence=0.95):\n"
        "    if test_id == 'AB1':\n"
        "        return {'difference': 0.0057866, 'low': 0.00384232, 'high': 0.00773089, 'p_value': 5.1e-09,\n"
        "                'verdict': 'B better'}\n"
        "    return {'difference': 0.00017476, 'low': -0.00144618, 'high': 0.00179569, 'p_value': 0.83268061,\n"
        "            'verdict': 'no clear difference'}\n"
    ),
}

_VERDICT_TOTALS = (
    "    t = ab_tests[ab_tests['test_id'] == test_id].groupby('variant', observed=True)[['clicks', 'impressions']].sum()\n"
    "    cb, nb, ca, na = t.loc['B', 'clicks'], t.loc['B', 'impressions'], t.loc['A', 'clicks'], t.loc['A', 'impressions']\n"
)

# Further wrong answers, checked in one process against the visible and the hidden checks.
MORE_WRONG = {
    "ex4_1_format_lift": [
        # Forgets the platform filter: every platform's posts of each format together.
        "def format_lift(posts, platform, reference):\n"
        "    rate = (posts['reactions'] + posts['comments'] + posts['shares']) / posts['reach']\n"
        "    medians = rate.groupby(posts['format'], observed=True).median()\n"
        "    return medians / medians[reference]\n",
        # Divides by impressions (views) instead of reach (people).
        "def format_lift(posts, platform, reference):\n"
        "    chosen = posts[posts['platform'] == platform]\n"
        "    rate = (chosen['reactions'] + chosen['comments'] + chosen['shares']) / chosen['impressions']\n"
        "    medians = rate.groupby(chosen['format'], observed=True).median()\n"
        "    return medians / medians[reference]\n",
        # The median engagement (actions, not a rate): big accounts weigh more.
        "def format_lift(posts, platform, reference):\n"
        "    chosen = posts[posts['platform'] == platform]\n"
        "    engaged = chosen['reactions'] + chosen['comments'] + chosen['shares']\n"
        "    medians = engaged.groupby(chosen['format'], observed=True).median()\n"
        "    return medians / medians[reference]\n",
        # The difference from the reference instead of the ratio.
        "def format_lift(posts, platform, reference):\n"
        "    chosen = posts[posts['platform'] == platform]\n"
        "    rate = (chosen['reactions'] + chosen['comments'] + chosen['shares']) / chosen['reach']\n"
        "    medians = rate.groupby(chosen['format'], observed=True).median()\n"
        "    return medians - medians[reference]\n",
        # The reference's median over every platform, not over this one.
        "def format_lift(posts, platform, reference):\n"
        "    rate = (posts['reactions'] + posts['comments'] + posts['shares']) / posts['reach']\n"
        "    chosen = posts['platform'] == platform\n"
        "    medians = rate[chosen].groupby(posts.loc[chosen, 'format'], observed=True).median()\n"
        "    return medians / rate[posts['format'] == reference].median()\n",
    ],
    "ex4_2_accessibility_audit": [
        # Alt text counted on videos too (every post with a picture), though platforms offer it for images only.
        "def accessibility_audit(posts, accounts):\n"
        "    typed = posts.merge(accounts[['account_id', 'account_type']], on='account_id')\n"
        "    pictures = typed[typed['format'].isin(['image', 'video', 'short_video', 'live'])]\n"
        "    videos = typed[typed['format'].isin(['video', 'short_video', 'live'])]\n"
        "    return pd.DataFrame({'alt_text': pictures.groupby('account_type', observed=True)['alt_text'].mean(),\n"
        "                         'captions': videos.groupby('account_type', observed=True)['captions'].mean()})\n",
        # Captions counted on every post with a picture, images included.
        "def accessibility_audit(posts, accounts):\n"
        "    typed = posts.merge(accounts[['account_id', 'account_type']], on='account_id')\n"
        "    images = typed[typed['format'] == 'image']\n"
        "    pictures = typed[typed['format'].isin(['image', 'video', 'short_video', 'live'])]\n"
        "    return pd.DataFrame({'alt_text': images.groupby('account_type', observed=True)['alt_text'].mean(),\n"
        "                         'captions': pictures.groupby('account_type', observed=True)['captions'].mean()})\n",
        # Forgets live broadcasts among the videos.
        "def accessibility_audit(posts, accounts):\n"
        "    typed = posts.merge(accounts[['account_id', 'account_type']], on='account_id')\n"
        "    images = typed[typed['format'] == 'image']\n"
        "    videos = typed[typed['format'].isin(['video', 'short_video'])]\n"
        "    return pd.DataFrame({'alt_text': images.groupby('account_type', observed=True)['alt_text'].mean(),\n"
        "                         'captions': videos.groupby('account_type', observed=True)['captions'].mean()})\n",
        # Counts instead of shares.
        "def accessibility_audit(posts, accounts):\n"
        "    typed = posts.merge(accounts[['account_id', 'account_type']], on='account_id')\n"
        "    images = typed[typed['format'] == 'image']\n"
        "    videos = typed[typed['format'].isin(['video', 'short_video', 'live'])]\n"
        "    return pd.DataFrame({'alt_text': images.groupby('account_type', observed=True)['alt_text'].sum(),\n"
        "                         'captions': videos.groupby('account_type', observed=True)['captions'].sum()})\n",
        # Share of the posts *without* alt text and captions (the gap rather than the coverage).
        "def accessibility_audit(posts, accounts):\n"
        "    typed = posts.merge(accounts[['account_id', 'account_type']], on='account_id')\n"
        "    images = typed[typed['format'] == 'image']\n"
        "    videos = typed[typed['format'].isin(['video', 'short_video', 'live'])]\n"
        "    return pd.DataFrame({'alt_text': 1 - images.groupby('account_type', observed=True)['alt_text'].mean(),\n"
        "                         'captions': 1 - videos.groupby('account_type', observed=True)['captions'].mean()})\n",
        # Groups by platform instead of by account type.
        "def accessibility_audit(posts, accounts):\n"
        "    images = posts[posts['format'] == 'image']\n"
        "    videos = posts[posts['format'].isin(['video', 'short_video', 'live'])]\n"
        "    return pd.DataFrame({'alt_text': images.groupby('platform', observed=True)['alt_text'].mean(),\n"
        "                         'captions': videos.groupby('platform', observed=True)['captions'].mean()})\n",
    ],
    "ex4_3_click_through": [
        # Forgets the test filter: both tests' days together.
        "def click_through(ab_tests, test_id):\n"
        "    totals = ab_tests.groupby('variant', observed=True)[['clicks', 'impressions']].sum()\n"
        "    return totals['clicks'] / totals['impressions']\n",
        # In percent.
        "def click_through(ab_tests, test_id):\n"
        "    chosen = ab_tests[ab_tests['test_id'] == test_id]\n"
        "    totals = chosen.groupby('variant', observed=True)[['clicks', 'impressions']].sum()\n"
        "    return 100 * totals['clicks'] / totals['impressions']\n",
        # The median of the daily rates.
        "def click_through(ab_tests, test_id):\n"
        "    chosen = ab_tests[ab_tests['test_id'] == test_id]\n"
        "    return (chosen['clicks'] / chosen['impressions']).groupby(chosen['variant'], observed=True).median()\n",
        # Clicks over both variants' impressions.
        "def click_through(ab_tests, test_id):\n"
        "    chosen = ab_tests[ab_tests['test_id'] == test_id]\n"
        "    return chosen.groupby('variant', observed=True)['clicks'].sum() / chosen['impressions'].sum()\n",
    ],
    "ex4_4_ab_verdict": [
        # A minus B: the sign, the interval and the verdicts the wrong way round.
        "from statsmodels.stats.proportion import proportions_ztest, confint_proportions_2indep\n"
        "def ab_verdict(ab_tests, test_id, confidence=0.95):\n" + _VERDICT_TOTALS +
        "    z, p = proportions_ztest([ca, cb], [na, nb])\n"
        "    low, high = confint_proportions_2indep(ca, na, cb, nb, compare='diff', method='wald', alpha=1 - confidence)\n"
        "    d = ca / na - cb / nb\n"
        "    verdict = ('A better' if d > 0 else 'B better') if p < 1 - confidence else 'no clear difference'\n"
        "    return {'difference': d, 'low': low, 'high': high, 'p_value': p, 'verdict': verdict}\n",
        # statsmodels' default interval (Newcombe's), not the Wald interval the statement asks for.
        "from statsmodels.stats.proportion import proportions_ztest, confint_proportions_2indep\n"
        "def ab_verdict(ab_tests, test_id, confidence=0.95):\n" + _VERDICT_TOTALS +
        "    z, p = proportions_ztest([cb, ca], [nb, na])\n"
        "    low, high = confint_proportions_2indep(cb, nb, ca, na, compare='diff', alpha=1 - confidence)\n"
        "    d = cb / nb - ca / na\n"
        "    verdict = ('B better' if d > 0 else 'A better') if p < 1 - confidence else 'no clear difference'\n"
        "    return {'difference': d, 'low': low, 'high': high, 'p_value': p, 'verdict': verdict}\n",
        # Always 95%: the argument `confidence` ignored.
        "from statsmodels.stats.proportion import proportions_ztest, confint_proportions_2indep\n"
        "def ab_verdict(ab_tests, test_id, confidence=0.95):\n" + _VERDICT_TOTALS +
        "    z, p = proportions_ztest([cb, ca], [nb, na])\n"
        "    low, high = confint_proportions_2indep(cb, nb, ca, na, compare='diff', method='wald', alpha=0.05)\n"
        "    d = cb / nb - ca / na\n"
        "    verdict = ('B better' if d > 0 else 'A better') if p < 0.05 else 'no clear difference'\n"
        "    return {'difference': d, 'low': low, 'high': high, 'p_value': p, 'verdict': verdict}\n",
        # Uses alpha = confidence: a 5% interval, and a rule that calls almost everything a win.
        "from statsmodels.stats.proportion import proportions_ztest, confint_proportions_2indep\n"
        "def ab_verdict(ab_tests, test_id, confidence=0.95):\n" + _VERDICT_TOTALS +
        "    z, p = proportions_ztest([cb, ca], [nb, na])\n"
        "    low, high = confint_proportions_2indep(cb, nb, ca, na, compare='diff', method='wald', alpha=confidence)\n"
        "    d = cb / nb - ca / na\n"
        "    verdict = ('B better' if d > 0 else 'A better') if p < confidence else 'no clear difference'\n"
        "    return {'difference': d, 'low': low, 'high': high, 'p_value': p, 'verdict': verdict}\n",
        # A one-sided p-value (half the two-sided one).
        "from statsmodels.stats.proportion import proportions_ztest, confint_proportions_2indep\n"
        "def ab_verdict(ab_tests, test_id, confidence=0.95):\n" + _VERDICT_TOTALS +
        "    z, p = proportions_ztest([cb, ca], [nb, na], alternative='larger')\n"
        "    low, high = confint_proportions_2indep(cb, nb, ca, na, compare='diff', method='wald', alpha=1 - confidence)\n"
        "    d = cb / nb - ca / na\n"
        "    verdict = ('B better' if d > 0 else 'A better') if p < 1 - confidence else 'no clear difference'\n"
        "    return {'difference': d, 'low': low, 'high': high, 'p_value': p, 'verdict': verdict}\n",
        # Tests the mean daily rates with a t test, as if each day were one observation.
        "from scipy import stats\n"
        "def ab_verdict(ab_tests, test_id, confidence=0.95):\n"
        "    chosen = ab_tests[ab_tests['test_id'] == test_id]\n"
        "    rate = chosen['clicks'] / chosen['impressions']\n"
        "    a, b = rate[chosen['variant'] == 'A'], rate[chosen['variant'] == 'B']\n"
        "    p = stats.ttest_ind(b, a).pvalue\n"
        "    d = b.mean() - a.mean()\n"
        "    z = stats.norm.ppf((1 + confidence) / 2)\n"
        "    se = (a.var() / len(a) + b.var() / len(b)) ** 0.5\n"
        "    verdict = ('B better' if d > 0 else 'A better') if p < 1 - confidence else 'no clear difference'\n"
        "    return {'difference': d, 'low': d - z * se, 'high': d + z * se, 'p_value': p, 'verdict': verdict}\n",
        # Writes the verdict in its own words.
        "from statsmodels.stats.proportion import proportions_ztest, confint_proportions_2indep\n"
        "def ab_verdict(ab_tests, test_id, confidence=0.95):\n" + _VERDICT_TOTALS +
        "    z, p = proportions_ztest([cb, ca], [nb, na])\n"
        "    low, high = confint_proportions_2indep(cb, nb, ca, na, compare='diff', method='wald', alpha=1 - confidence)\n"
        "    d = cb / nb - ca / na\n"
        "    verdict = ('B wins' if d > 0 else 'A wins') if p < 1 - confidence else 'no difference'\n"
        "    return {'difference': d, 'low': low, 'high': high, 'p_value': p, 'verdict': verdict}\n",
    ],
}

# Correct answers in other idioms: each must earn full marks and a ✔.
ALTERNATIVES = {
    "ex4_1_format_lift": [
        # query() and a rate column, then one median per format and .loc for the reference.
        "def format_lift(posts, platform, reference):\n"
        "    mine = posts.query('platform == @platform')\n"
        "    mine = mine.assign(rate=mine[['reactions', 'comments', 'shares']].sum(axis=1) / mine.reach)\n"
        "    medians = mine.groupby('format', observed=True)['rate'].median()\n"
        "    return medians.div(medians.loc[reference])\n",
        # A pivot table of the median by format, with the formats as text.
        "def format_lift(df, name, base):\n"
        "    df = df[df['platform'] == name].copy()\n"
        "    df['format'] = df['format'].astype(str)\n"
        "    df['er'] = (df.reactions + df.comments + df.shares) / df.reach\n"
        "    table = df.pivot_table(index='format', values='er', aggfunc='median')['er']\n"
        "    return table / table[base]\n",
    ],
    "ex4_2_accessibility_audit": [
        # map() for the account type, a where() to blank the posts that need no alt text or captions, one groupby.
        "def accessibility_audit(posts, accounts):\n"
        "    kind = posts['account_id'].map(accounts.set_index('account_id')['account_type'])\n"
        "    pictures = posts['format'] == 'image'\n"
        "    videos = posts['format'].isin(['video', 'short_video', 'live'])\n"
        "    table = pd.DataFrame({'type': kind.astype(str),\n"
        "                          'alt_text': posts['alt_text'].where(pictures).astype(float),\n"
        "                          'captions': posts['captions'].where(videos).astype(float)})\n"
        "    return table.groupby('type')[['alt_text', 'captions']].mean()\n",
        # Two pivot tables joined, with the account type sorted alphabetically.
        "def accessibility_audit(posts, accounts):\n"
        "    typed = posts.merge(accounts[['account_id', 'account_type']])\n"
        "    typed['account_type'] = typed['account_type'].astype(str)\n"
        "    alt = typed[typed.format.isin(['image'])].pivot_table(\n"
        "        index='account_type', values='alt_text', aggfunc='mean')\n"
        "    cap = typed[typed.format.isin(['video', 'short_video', 'live'])].pivot_table(\n"
        "        index='account_type', values='captions', aggfunc='mean')\n"
        "    return alt.join(cap).sort_index()\n",
    ],
    "ex4_3_click_through": [
        # query() and two sums per variant.
        "def click_through(ab_tests, test_id):\n"
        "    mine = ab_tests.query('test_id == @test_id')\n"
        "    clicks = mine.groupby('variant', observed=True)['clicks'].sum()\n"
        "    shown = mine.groupby('variant', observed=True)['impressions'].sum()\n"
        "    return clicks / shown\n",
        # A dictionary built variant by variant, turned into a Series.
        "def click_through(table, name):\n"
        "    rows = table[table.test_id == name]\n"
        "    rates = {}\n"
        "    for variant in ['A', 'B']:\n"
        "        part = rows[rows.variant == variant]\n"
        "        rates[variant] = part.clicks.sum() / part.impressions.sum()\n"
        "    return pd.Series(rates)\n",
    ],
    "ex4_4_ab_verdict": [
        # By hand: the pooled z test with scipy's normal distribution, the Wald interval, a pandas Series.
        "from scipy import stats\n"
        "def ab_verdict(ab_tests, test_id, confidence=0.95):\n" + _VERDICT_TOTALS +
        "    pa, pb = ca / na, cb / nb\n"
        "    pooled = (ca + cb) / (na + nb)\n"
        "    z = (pb - pa) / (pooled * (1 - pooled) * (1 / na + 1 / nb)) ** 0.5\n"
        "    p = 2 * stats.norm.sf(abs(z))\n"
        "    margin = stats.norm.ppf((1 + confidence) / 2) * (pa * (1 - pa) / na + pb * (1 - pb) / nb) ** 0.5\n"
        "    if p >= 1 - confidence:\n"
        "        verdict = 'no clear difference'\n"
        "    elif pb > pa:\n"
        "        verdict = 'B better'\n"
        "    else:\n"
        "        verdict = 'A better'\n"
        "    return pd.Series({'difference': pb - pa, 'low': pb - pa - margin, 'high': pb - pa + margin,\n"
        "                      'p_value': p, 'verdict': verdict})\n",
        # scipy's chi-square test without continuity correction (the same p-value) and the interval by hand,
        # the verdict read from the interval.
        "import math\n"
        "from scipy.stats import chi2_contingency, norm\n"
        "def ab_verdict(ab_tests, test_id, confidence=0.95):\n"
        "    t = ab_tests.loc[ab_tests.test_id == test_id].groupby('variant', observed=True)[['clicks', 'impressions']].sum()\n"
        "    t['missed'] = t['impressions'] - t['clicks']\n"
        "    p_value = chi2_contingency(t[['clicks', 'missed']].to_numpy(), correction=False)[1]\n"
        "    rate = t['clicks'] / t['impressions']\n"
        "    diff = rate['B'] - rate['A']\n"
        "    se = math.sqrt((rate * (1 - rate) / t['impressions']).sum())\n"
        "    z = norm.ppf(1 - (1 - confidence) / 2)\n"
        "    low, high = diff - z * se, diff + z * se\n"
        "    verdict = 'B better' if low > 0 else 'A better' if high < 0 else 'no clear difference'\n"
        "    return dict(difference=diff, low=low, high=high, p_value=p_value, verdict=verdict)\n",
        # statsmodels with A first, the signs turned round.
        "from statsmodels.stats.proportion import proportions_ztest, confint_proportions_2indep\n"
        "def ab_verdict(ab_tests, test_id, confidence=0.95):\n" + _VERDICT_TOTALS +
        "    z, p = proportions_ztest([ca, cb], [na, nb])\n"
        "    a_low, a_high = confint_proportions_2indep(ca, na, cb, nb, compare='diff', method='wald',\n"
        "                                               alpha=1 - confidence)\n"
        "    d = cb / nb - ca / na\n"
        "    verdict = 'no clear difference' if p >= 1 - confidence else ('B better' if d > 0 else 'A better')\n"
        "    return {'difference': d, 'low': -a_high, 'high': -a_low, 'p_value': p, 'verdict': verdict}\n",
    ],
}

#: Mutants of the solutions that give the same results on every table the course can make, and why.
EQUIVALENT_MUTANTS = {
    "ex4_1_format_lift": {
        '`observed=` left out in `medians = rate.groupby(chosen["format"], observed=True).median()`':
            ALL_SEEN.format(what="format of the platform"),
    },
    "ex4_2_accessibility_audit": {
        '`how=` left out in `typed = posts.merge(accounts[["account_id", "account_type"]],`': KEY.format(what="post"),
        '`observed=True` -> `False` in `"alt_text": images.groupby(kind, observed=True)["alt_text"].mean(),`':
            ALL_SEEN.format(what="account type"),
        '`observed=` left out in `"alt_text": images.groupby(kind, observed=True)["alt_text"].mean(),`':
            ALL_SEEN.format(what="account type"),
        '`observed=True` -> `False` in `"captions": videos.groupby(kind, observed=True)["captions"].mean(),`':
            ALL_SEEN.format(what="account type"),
        '`observed=` left out in `"captions": videos.groupby(kind, observed=True)["captions"].mean(),`': ALL_SEEN.format(what="account type"),
    },
    "ex4_3_click_through": {
        '`sum` -> `mean` in `totals = (chosen.groupby("variant", observed=True)`':
            "clicks and impressions are averaged over the same days of each variant, so the ratio of their means "
            "is the ratio of their sums",
        '`observed=True` -> `False` in `totals = (chosen.groupby("variant", observed=True)`':
            ALL_SEEN.format(what="variant (A and B)"),
        '`observed=` left out in `totals = (chosen.groupby("variant", observed=True)`':
            ALL_SEEN.format(what="variant (A and B)"),
    },
    "ex4_4_ab_verdict": {
        "`<` -> `<=` in `if p_value < 1 - confidence and difference > 0:`":
            "a p-value computed from whole counts of clicks lands exactly on 1 - confidence only by a "
            "floating-point coincidence, which no table the course makes holds",
        "`>` -> `>=` in `if p_value < 1 - confidence and difference > 0:`":
            "when the difference is exactly 0 the p-value is 1, never below 1 - confidence: the first branch "
            "is not taken either way",
        "`<` -> `<=` in `elif p_value < 1 - confidence:`":
            "a p-value computed from whole counts of clicks lands exactly on 1 - confidence only by a "
            "floating-point coincidence, which no table the course makes holds",
        '`observed=True` -> `False` in `totals = (chosen.groupby("variant", observed=True)`':
            ALL_SEEN.format(what="variant (A and B)"),
        '`observed=` left out in `totals = (chosen.groupby("variant", observed=True)`':
            ALL_SEEN.format(what="variant (A and B)"),
    },
}
