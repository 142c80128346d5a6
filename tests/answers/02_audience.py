"""Plausible wrong and hard-coded answers for 02-audience; the test suite proves each loses its points."""

WRONG = {
    # "or" instead of "and": everyone of the age band plus everyone of the region.
    "ex2_1_rank_platforms": '''def rank_platforms(survey, age_band, region):
    names = ["facebook", "instagram", "x", "youtube", "tiktok", "linkedin"]
    group = survey[(survey["age_band"] == age_band) | (survey["region"] == region)]
    shares = group[["uses_" + name for name in names]].mean()
    shares.index = names
    return shares.sort_values(ascending=False)
''',
    # Adds the platforms' shares, so people who use two of them count twice.
    "ex2_2_reachable_share": '''def reachable_share(survey, age_band, chosen_platforms):
    group = survey[survey["age_band"] == age_band]
    return sum(group["uses_" + name].mean() for name in chosen_platforms)
''',
    # Compares with the age mix of all respondents instead of the platform's users.
    "ex2_3_reach_gap": '''def reach_gap(audience, survey, account_id, platform):
    latest = audience[(audience["account_id"] == account_id) & (audience["month"] == audience["month"].max())]
    followers_mix = latest.set_index("age_band")["share"]
    return followers_mix - survey["age_band"].value_counts(normalize=True)
''',
    # Forgot to keep the account's rows: every account's followers added up together.
    "ex2_4_monthly_growth": '''def monthly_growth(followers, account_id):
    monthly = followers.resample("MS", on="date").agg({"gained": "sum", "lost": "sum", "followers": "first"})
    monthly["net"] = monthly["gained"] - monthly["lost"]
    monthly["churn_rate"] = monthly["lost"] / monthly["followers"]
    return monthly[["gained", "lost", "net", "churn_rate"]]
''',
}

HARDCODED = {
    "ex2_1_rank_platforms": '''def rank_platforms(survey, age_band, region):
    shipped = {
        "Southern Isles": {"instagram": 0.8537, "youtube": 0.8293, "tiktok": 0.8293, "facebook": 0.3659,
                           "x": 0.1220, "linkedin": 0.0},
        "Capital District": {"instagram": 0.8191, "youtube": 0.8085, "tiktok": 0.6383, "facebook": 0.5319,
                             "x": 0.2021, "linkedin": 0.1383},
    }
    return pd.Series(shipped[region])
''',
    "ex2_2_reachable_share": '''def reachable_share(survey, age_band, chosen_platforms):
    shipped = {("18-24", "instagram"): 0.8345, ("18-24", "instagram", "tiktok"): 0.9628,
               ("65+", "facebook", "instagram", "x", "youtube", "tiktok", "linkedin"): 0.805}
    return shipped[(age_band, *chosen_platforms)]
''',
    "ex2_3_reach_gap": '''def reach_gap(audience, survey, account_id, platform):
    return pd.Series({"18-24": -0.04451427212178877, "25-34": 0.02121493815413894, "35-44": 0.023041769743101792,
                      "45-54": -0.02285366317792578, "55-64": 0.008130542340627975, "65+": 0.014980685061845862})
''',
    # The shipped data's monthly figures for the two accounts the check cell asks about, typed in.
    "ex2_4_monthly_growth": '''def monthly_growth(followers, account_id):
    shipped = {
        "INS-FB": ([1004, 1010, 975, 979, 1042, 985, 830, 486, 908, 1016, 1015, 798,
                    901, 881, 954, 955, 997, 991, 829, 476, 971, 1009, 890, 803],
                   [462, 430, 486, 463, 463, 483, 433, 469, 445, 451, 459, 463,
                    474, 395, 511, 439, 490, 436, 488, 473, 463, 474, 459, 478],
                   [85011, 85559, 86142, 86618, 87128, 87725, 88220, 88596, 88626, 89097, 89661, 90223,
                    90549, 90991, 91464, 91911, 92441, 92929, 93485, 93819, 93835, 94351, 94861, 95314]),
        "INS-TT": ([261, 252, 270, 265, 267, 272, 225, 135, 259, 288, 251, 204,
                    239, 235, 950, 912, 899, 267, 200, 166, 280, 278, 248, 211],
                   [118, 137, 120, 127, 116, 123, 151, 118, 119, 126, 115, 112,
                    117, 112, 131, 117, 111, 126, 118, 134, 128, 119, 131, 133],
                   [3005, 3153, 3263, 3412, 3555, 3693, 3849, 3918, 3933, 4087, 4243, 4378,
                    4468, 4596, 4716, 5551, 6350, 7120, 7264, 7337, 7373, 7532, 7677, 7803]),
    }
    gained, lost, start = shipped[account_id]
    table = pd.DataFrame({"gained": gained, "lost": lost},
                         index=pd.date_range("2024-01-01", periods=24, freq="MS"))
    table["net"] = table["gained"] - table["lost"]
    table["churn_rate"] = table["lost"] / pd.Series(start, index=table.index)
    return table
''',
}

# Further wrong answers, checked in one process against the visible and the hidden checks.
MORE_WRONG = {
    "ex2_1_rank_platforms": [
        # "or" instead of "and", written as a query: everyone of the age band plus everyone of the region.
        '''def rank_platforms(survey, age_band, region):
    names = ["facebook", "instagram", "x", "youtube", "tiktok", "linkedin"]
    group = survey.query("age_band == @age_band or region == @region")
    shares = group[["uses_" + name for name in names]].mean()
    shares.index = names
    return shares.sort_values(ascending=False)
''',
        # Forgets to sort, so the platforms stay in the order of the list.
        '''def rank_platforms(survey, age_band, region):
    names = ["facebook", "instagram", "x", "youtube", "tiktok", "linkedin"]
    group = survey[(survey["age_band"] == age_band) & (survey["region"] == region)]
    shares = group[["uses_" + name for name in names]].mean()
    shares.index = names
    return shares
''',
        # Sorts the wrong way round, least used first.
        '''def rank_platforms(survey, age_band, region):
    names = ["facebook", "instagram", "x", "youtube", "tiktok", "linkedin"]
    group = survey[(survey["age_band"] == age_band) & (survey["region"] == region)]
    shares = group[["uses_" + name for name in names]].mean()
    shares.index = names
    return shares.sort_values()
''',
        # Counts the users of each platform instead of taking their share.
        '''def rank_platforms(survey, age_band, region):
    names = ["facebook", "instagram", "x", "youtube", "tiktok", "linkedin"]
    group = survey[(survey["age_band"] == age_band) & (survey["region"] == region)]
    counts = group[["uses_" + name for name in names]].sum()
    counts.index = names
    return counts.sort_values(ascending=False)
''',
        # Forgets the region: keeps every respondent of the age band.
        '''def rank_platforms(survey, age_band, region):
    names = ["facebook", "instagram", "x", "youtube", "tiktok", "linkedin"]
    group = survey[survey["age_band"] == age_band]
    shares = group[["uses_" + name for name in names]].mean()
    shares.index = names
    return shares.sort_values(ascending=False)
''',
        # Keeps the uses_ prefix in the platform names.
        '''def rank_platforms(survey, age_band, region):
    columns = ["uses_facebook", "uses_instagram", "uses_x", "uses_youtube", "uses_tiktok", "uses_linkedin"]
    group = survey[(survey["age_band"] == age_band) & (survey["region"] == region)]
    return group[columns].mean().sort_values(ascending=False)
''',
        # Divides the users of the target group by every respondent of the survey.
        '''def rank_platforms(survey, age_band, region):
    names = ["facebook", "instagram", "x", "youtube", "tiktok", "linkedin"]
    group = survey[(survey["age_band"] == age_band) & (survey["region"] == region)]
    shares = group[["uses_" + name for name in names]].sum() / len(survey)
    shares.index = names
    return shares.sort_values(ascending=False)
''',
    ],
    "ex2_2_reachable_share": [
        # Counts the people who use all the platforms instead of at least one.
        '''def reachable_share(survey, age_band, chosen_platforms):
    group = survey[survey["age_band"] == age_band]
    columns = ["uses_" + name for name in chosen_platforms]
    return group[columns].all(axis=1).mean()
''',
        # Forgets to keep the age band: the share of all respondents.
        '''def reachable_share(survey, age_band, chosen_platforms):
    columns = ["uses_" + name for name in chosen_platforms]
    return survey[columns].any(axis=1).mean()
''',
        # Returns the number of people reached instead of their share.
        '''def reachable_share(survey, age_band, chosen_platforms):
    group = survey[survey["age_band"] == age_band]
    columns = ["uses_" + name for name in chosen_platforms]
    return group[columns].any(axis=1).sum()
''',
        # Divides the people reached in the age band by every respondent of the survey.
        '''def reachable_share(survey, age_band, chosen_platforms):
    group = survey[survey["age_band"] == age_band]
    columns = ["uses_" + name for name in chosen_platforms]
    return group[columns].any(axis=1).sum() / len(survey)
''',
        # Averages the platforms' shares instead of counting each person once.
        '''def reachable_share(survey, age_band, chosen_platforms):
    group = survey[survey["age_band"] == age_band]
    columns = ["uses_" + name for name in chosen_platforms]
    return group[columns].mean().mean()
''',
        # Uses the notebook's list of all six platforms instead of the argument.
        '''def reachable_share(survey, age_band, chosen_platforms):
    group = survey[survey["age_band"] == age_band]
    return group[use_columns].any(axis=1).mean()
''',
    ],
    "ex2_3_reach_gap": [
        # Compares with all respondents, counted by age band, instead of the platform's users.
        '''def reach_gap(audience, survey, account_id, platform):
    latest = audience[(audience["account_id"] == account_id) & (audience["month"] == audience["month"].max())]
    followers_mix = latest.set_index("age_band")["share"]
    users_mix = survey.groupby("age_band", observed=True).size() / len(survey)
    return followers_mix - users_mix
''',
        # Averages the followers' shares over every month instead of keeping the latest one.
        '''def reach_gap(audience, survey, account_id, platform):
    mine = audience[audience["account_id"] == account_id]
    followers_mix = mine.groupby("age_band", observed=True)["share"].mean()
    users = survey[survey["uses_" + platform]]
    return followers_mix - users["age_band"].value_counts(normalize=True)
''',
        # Takes the first month of audience instead of the latest.
        '''def reach_gap(audience, survey, account_id, platform):
    first = audience[(audience["account_id"] == account_id) & (audience["month"] == audience["month"].min())]
    followers_mix = first.set_index("age_band")["share"]
    users = survey[survey["uses_" + platform]]
    return followers_mix - users["age_band"].value_counts(normalize=True)
''',
        # Subtracts the number of users in each band instead of their share.
        '''def reach_gap(audience, survey, account_id, platform):
    latest = audience[(audience["account_id"] == account_id) & (audience["month"] == audience["month"].max())]
    followers_mix = latest.set_index("age_band")["share"]
    users = survey[survey["uses_" + platform]]
    return followers_mix - users["age_band"].value_counts()
''',
        # Subtracts the wrong way round: users' share minus followers' share.
        '''def reach_gap(audience, survey, account_id, platform):
    latest = audience[(audience["account_id"] == account_id) & (audience["month"] == audience["month"].max())]
    followers_mix = latest.set_index("age_band")["share"]
    users = survey[survey["uses_" + platform]]
    return users["age_band"].value_counts(normalize=True) - followers_mix
''',
        # Counts the users of each band with groupby(observed=True), as section 3 does: a band with no user of
        # the platform is left out, so its gap is NaN instead of the followers' share.
        '''def reach_gap(audience, survey, account_id, platform):
    latest = audience[(audience["account_id"] == account_id) & (audience["month"] == audience["month"].max())]
    followers_mix = latest.set_index("age_band")["share"]
    users = survey[survey["uses_" + platform]]
    users_mix = users.groupby("age_band", observed=True).size() / len(users)
    return followers_mix - users_mix
''',
        # Drops the bands where a share is missing, so a band with no user of the platform has no gap at all.
        '''def reach_gap(audience, survey, account_id, platform):
    latest = audience[(audience["account_id"] == account_id) & (audience["month"] == audience["month"].max())]
    followers_mix = latest.set_index("age_band")["share"]
    users = survey[survey["uses_" + platform]]
    users_mix = users.groupby("age_band", observed=True).size() / len(users)
    return (followers_mix - users_mix).dropna()
''',
        # Copies section 7: always compares with Instagram's users, whatever the platform asked.
        '''def reach_gap(audience, survey, account_id, platform):
    latest = audience[(audience["account_id"] == account_id) & (audience["month"] == audience["month"].max())]
    followers_mix = latest.set_index("age_band")["share"]
    users = survey[survey["uses_instagram"]]
    return followers_mix - users["age_band"].value_counts(normalize=True)
''',
    ],
    "ex2_4_monthly_growth": [
        # Adds up every column over the month, so the churn rate is divided by the followers of all its days.
        '''def monthly_growth(followers, account_id):
    one_account = followers[followers["account_id"] == account_id]
    monthly = one_account.resample("MS", on="date")[["gained", "lost", "followers"]].sum()
    monthly["net"] = monthly["gained"] - monthly["lost"]
    monthly["churn_rate"] = monthly["lost"] / monthly["followers"]
    return monthly[["gained", "lost", "net", "churn_rate"]]
''',
        # Gives the churn rate in percent (loses only the part on churn).
        '''def monthly_growth(followers, account_id):
    one_account = followers[followers["account_id"] == account_id]
    monthly = one_account.resample("MS", on="date").agg({"gained": "sum", "lost": "sum", "followers": "first"})
    monthly["net"] = monthly["gained"] - monthly["lost"]
    monthly["churn_rate"] = monthly["lost"] / monthly["followers"] * 100
    return monthly[["gained", "lost", "net", "churn_rate"]]
''',
        # Divides by the followers at the end of the month (its last day) instead of its start
        # (section 2's worked example kept as it is; loses only the part on churn).
        '''def monthly_growth(followers, account_id):
    one_account = followers[followers["account_id"] == account_id]
    monthly = one_account.resample("MS", on="date").agg({"gained": "sum", "lost": "sum", "followers": "last"})
    monthly["net"] = monthly["gained"] - monthly["lost"]
    monthly["churn_rate"] = monthly["lost"] / monthly["followers"]
    return monthly[["gained", "lost", "net", "churn_rate"]]
''',
        # Divides by the month's average followers instead of those at its start (loses only the part on churn).
        '''def monthly_growth(followers, account_id):
    one_account = followers[followers["account_id"] == account_id]
    monthly = one_account.resample("MS", on="date").agg({"gained": "sum", "lost": "sum", "followers": "mean"})
    monthly["net"] = monthly["gained"] - monthly["lost"]
    monthly["churn_rate"] = monthly["lost"] / monthly["followers"]
    return monthly[["gained", "lost", "net", "churn_rate"]]
''',
        # Divides the followers lost by the followers gained.
        '''def monthly_growth(followers, account_id):
    one_account = followers[followers["account_id"] == account_id]
    monthly = one_account.resample("MS", on="date").agg({"gained": "sum", "lost": "sum", "followers": "first"})
    monthly["net"] = monthly["gained"] - monthly["lost"]
    monthly["churn_rate"] = monthly["lost"] / monthly["gained"]
    return monthly[["gained", "lost", "net", "churn_rate"]]
''',
        # Labels each month by its last day ("ME") instead of its first (loses only the part on gained, lost, net).
        '''def monthly_growth(followers, account_id):
    one_account = followers[followers["account_id"] == account_id]
    monthly = one_account.resample("ME", on="date").agg({"gained": "sum", "lost": "sum", "followers": "first"})
    monthly["net"] = monthly["gained"] - monthly["lost"]
    monthly["churn_rate"] = monthly["lost"] / monthly["followers"]
    return monthly[["gained", "lost", "net", "churn_rate"]]
''',
        # Takes net growth the wrong way round, lost minus gained (loses only the part on gained, lost, net).
        '''def monthly_growth(followers, account_id):
    one_account = followers[followers["account_id"] == account_id]
    monthly = one_account.resample("MS", on="date").agg({"gained": "sum", "lost": "sum", "followers": "first"})
    monthly["net"] = monthly["lost"] - monthly["gained"]
    monthly["churn_rate"] = monthly["lost"] / monthly["followers"]
    return monthly[["gained", "lost", "net", "churn_rate"]]
''',
        # Resets the index, so the months become row numbers 0, 1, 2... (loses only the part on gained, lost, net).
        '''def monthly_growth(followers, account_id):
    one_account = followers[followers["account_id"] == account_id]
    monthly = one_account.resample("MS", on="date").agg({"gained": "sum", "lost": "sum", "followers": "first"})
    monthly["net"] = monthly["gained"] - monthly["lost"]
    monthly["churn_rate"] = monthly["lost"] / monthly["followers"]
    return monthly[["gained", "lost", "net", "churn_rate"]].reset_index()
''',
    ],
}

# Correct answers written another way: each must earn full marks and a tick.
ALTERNATIVES = {
    "ex2_1_rank_platforms": [
        # A query with "and", then one share per platform in a loop.
        '''def rank_platforms(survey, age_band, region):
    people = survey.query("age_band == @age_band and region == @region")
    names = ["facebook", "instagram", "x", "youtube", "tiktok", "linkedin"]
    shares = {name: people["uses_" + name].mean() for name in names}
    return pd.Series(shares).sort_values(ascending=False)
''',
        # Two masks, users counted and divided by the group's size, the prefix removed by rename.
        '''def rank_platforms(survey, age_band, region):
    in_band = survey["age_band"] == age_band
    in_region = survey["region"] == region
    group = survey[in_band & in_region]
    columns = [f"uses_{name}" for name in ("facebook", "instagram", "x", "youtube", "tiktok", "linkedin")]
    share = group[columns].sum() / len(group)
    return share.rename(lambda column: column.removeprefix("uses_")).sort_values(ascending=False)
''',
        # Ties broken by name: sorted by platform first, then by share with a stable sort.
        '''def rank_platforms(survey, age_band, region):
    names = ["facebook", "instagram", "x", "youtube", "tiktok", "linkedin"]
    group = survey[(survey["age_band"] == age_band) & (survey["region"] == region)]
    shares = pd.Series([group["uses_" + name].mean() for name in names], index=names)
    return shares.sort_index().sort_values(ascending=False, kind="stable")
''',
        # The columns picked with filter(like=...), the order given by nlargest.
        '''def rank_platforms(survey, age_band, region):
    target = survey.loc[(survey.age_band == age_band) & (survey.region == region)]
    share = target.filter(like="uses_").mean()
    share.index = share.index.str.replace("uses_", "")
    return share.nlargest(len(share))
''',
    ],
    "ex2_2_reachable_share": [
        # Counts the platforms each person uses and keeps those with more than none.
        '''def reachable_share(survey, age_band, chosen_platforms):
    people = survey[survey["age_band"] == age_band]
    used = people[[f"uses_{name}" for name in chosen_platforms]].sum(axis=1)
    return (used > 0).mean()
''',
        # Selects with query, then divides the people reached by the people of the band.
        '''def reachable_share(survey, age_band, chosen_platforms):
    band = survey.query("age_band == @age_band")
    reached = band[band[["uses_" + p for p in chosen_platforms]].any(axis=1)]
    return len(reached) / len(band)
''',
        # Builds "uses at least one" platform by platform, with |.
        '''def reachable_share(survey, age_band, chosen_platforms):
    group = survey[survey["age_band"] == age_band]
    reached = pd.Series(False, index=group.index)
    for name in chosen_platforms:
        reached = reached | group["uses_" + name]
    return reached.sum() / len(group)
''',
    ],
    "ex2_3_reach_gap": [
        # A query for the latest month, and users counted by age band and divided by their number.
        '''def reach_gap(audience, survey, account_id, platform):
    last = audience["month"].max()
    mine = audience.query("account_id == @account_id and month == @last")
    follower_share = mine.groupby("age_band", observed=False)["share"].sum()
    users = survey[survey["uses_" + platform] == True]
    user_share = users.groupby("age_band", observed=False).size() / len(users)
    return follower_share - user_share
''',
        # Counts the users with groupby(observed=True), then subtracts with fill_value=0 for a band with no user.
        '''def reach_gap(audience, survey, account_id, platform):
    latest = audience[(audience["account_id"] == account_id) & (audience["month"] == audience["month"].max())]
    followers_mix = latest.groupby("age_band", observed=True)["share"].sum()
    users = survey[survey["uses_" + platform]]
    users_mix = users.groupby("age_band", observed=True).size() / len(users)
    return followers_mix.sub(users_mix, fill_value=0)
''',
        # One row per month with pivot_table, its last row, minus the users' mix, with .sub.
        '''def reach_gap(audience, survey, account_id, platform):
    mix = audience[audience["account_id"] == account_id].pivot_table(
        index="month", columns="age_band", values="share", observed=True)
    latest_mix = mix.sort_index().iloc[-1]
    users_mix = survey.loc[survey[f"uses_{platform}"], "age_band"].value_counts(normalize=True)
    return latest_mix.sub(users_mix)
''',
    ],
    "ex2_4_monthly_growth": [
        # Groups by month with pd.Grouper and names each column's aggregation.
        '''def monthly_growth(followers, account_id):
    rows = followers[followers["account_id"] == account_id].sort_values("date")
    table = rows.groupby(pd.Grouper(key="date", freq="MS")).agg(
        gained=("gained", "sum"), lost=("lost", "sum"), start_of_month=("followers", "first"))
    table["net"] = table["gained"] - table["lost"]
    table["churn_rate"] = table["lost"] / table["start_of_month"]
    return table.drop(columns="start_of_month")
''',
        # Selects the account with query and resamples each figure on its own.
        '''def monthly_growth(followers, account_id):
    mine = followers.query("account_id == @account_id")
    result = mine.resample("MS", on="date")[["gained", "lost"]].sum()
    result["net"] = result.gained - result.lost
    result["churn_rate"] = result.lost / mine.resample("MS", on="date")["followers"].first()
    return result
''',
        # Groups by calendar month (a period), then labels each month by its first day.
        '''def monthly_growth(followers, account_id):
    df = followers[followers.account_id == account_id].sort_values("date")
    months = df.groupby(df["date"].dt.to_period("M"))
    out = pd.DataFrame({"gained": months["gained"].sum(), "lost": months["lost"].sum()})
    out["net"] = out["gained"] - out["lost"]
    out["churn_rate"] = out["lost"] / months["followers"].first()
    out.index = out.index.to_timestamp()
    return out
''',
    ],
}
