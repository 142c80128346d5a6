"""Plausible wrong and hard-coded answers for 02-audience; the test suite proves each loses its points."""

WRONG = {
    # Forgot to keep the account's rows: every account's followers added up together.
    "ex2_1_monthly_growth": '''def monthly_growth(followers, account_id):
    monthly = followers.resample("MS", on="date").agg({"gained": "sum", "lost": "sum", "followers": "last"})
    monthly["net"] = monthly["gained"] - monthly["lost"]
    monthly["churn_rate"] = monthly["lost"] / monthly["followers"]
    return monthly[["gained", "lost", "net", "churn_rate"]]
''',
    # "or" instead of "and": everyone of the age band plus everyone of the region.
    "ex2_2_rank_platforms": '''def rank_platforms(survey, age_band, region):
    group = survey[(survey["age_band"] == age_band) | (survey["region"] == region)]
    shares = group[use_columns].mean()
    shares.index = platforms
    return shares.sort_values(ascending=False)
''',
    # Adds the platforms' shares, so people who use two of them count twice.
    "ex2_3_reachable_share": '''def reachable_share(survey, age_band, platforms):
    group = survey[survey["age_band"] == age_band]
    return sum(group["uses_" + platform].mean() for platform in platforms)
''',
    # Compares with the age mix of all respondents instead of the platform's users.
    "ex2_4_reach_gap": '''def reach_gap(audience, survey, account_id, platform):
    latest = audience[(audience["account_id"] == account_id) & (audience["month"] == audience["month"].max())]
    followers_mix = latest.set_index("age_band")["share"]
    return followers_mix - survey["age_band"].value_counts(normalize=True)
''',
}

HARDCODED = {
    # The shipped data's monthly figures for the two accounts the check cell asks about, typed in.
    "ex2_1_monthly_growth": '''def monthly_growth(followers, account_id):
    shipped = {
        "INS-FB": ([1004, 1010, 975, 979, 1042, 985, 830, 486, 908, 1016, 1015, 798,
                    901, 881, 954, 955, 997, 991, 829, 476, 971, 1009, 890, 803],
                   [462, 430, 486, 463, 463, 483, 433, 469, 445, 451, 459, 463,
                    474, 395, 511, 439, 490, 436, 488, 473, 463, 474, 459, 478],
                   [85542, 86122, 86611, 87127, 87706, 88208, 88605, 88622, 89085, 89650, 90206, 90541,
                    90968, 91454, 91897, 92413, 92920, 93475, 93816, 93819, 94327, 94862, 95293, 95618]),
        "INS-TT": ([261, 252, 270, 265, 267, 272, 225, 135, 259, 288, 251, 204,
                    239, 235, 950, 912, 899, 267, 200, 166, 280, 278, 248, 211],
                   [118, 137, 120, 127, 116, 123, 151, 118, 119, 126, 115, 112,
                    117, 112, 131, 117, 111, 126, 118, 134, 128, 119, 131, 133],
                   [3143, 3258, 3408, 3546, 3697, 3846, 3920, 3937, 4077, 4239, 4375, 4467,
                    4589, 4712, 5531, 6326, 7114, 7255, 7337, 7369, 7521, 7680, 7797, 7875]),
    }
    gained, lost, end = shipped[account_id]
    table = pd.DataFrame({"gained": gained, "lost": lost},
                         index=pd.date_range("2024-01-01", periods=24, freq="MS"))
    table["net"] = table["gained"] - table["lost"]
    table["churn_rate"] = table["lost"] / pd.Series(end, index=table.index)
    return table
''',
    "ex2_2_rank_platforms": '''def rank_platforms(survey, age_band, region):
    shipped = {
        "Southern Isles": {"instagram": 0.8537, "youtube": 0.8293, "tiktok": 0.8293, "facebook": 0.3659,
                           "x": 0.1220, "linkedin": 0.0},
        "Capital District": {"instagram": 0.8191, "youtube": 0.8085, "tiktok": 0.6383, "facebook": 0.5319,
                             "x": 0.2021, "linkedin": 0.1383},
    }
    return pd.Series(shipped[region])
''',
    "ex2_3_reachable_share": '''def reachable_share(survey, age_band, platforms):
    shipped = {("18-24", "instagram"): 0.8345, ("18-24", "instagram", "tiktok"): 0.9628,
               ("65+", "facebook", "instagram", "x", "youtube", "tiktok", "linkedin"): 0.805}
    return shipped[(age_band, *platforms)]
''',
    "ex2_4_reach_gap": '''def reach_gap(audience, survey, account_id, platform):
    return pd.Series({"18-24": -0.04451427212178877, "25-34": 0.02121493815413894, "35-44": 0.023041769743101792,
                      "45-54": -0.02285366317792578, "55-64": 0.008130542340627975, "65+": 0.014980685061845862})
''',
}
