"""The fictional Parliament of Lumeria: its calendar, people, platforms and the effects planted in the data.

Every number here is invented for the course. The planted truths the exercises lead to
(instructor/planted-truths.md) are set by the effects below.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

DEFAULT_SEED = 2025
START = pd.Timestamp("2024-01-01")
END = pd.Timestamp("2025-12-31")

# Key dates of the parliamentary calendar (all fictional).
CONTESTED_VOTE = pd.Timestamp("2025-06-18")
BUDGET_DEBATES = [(pd.Timestamp("2024-11-12"), pd.Timestamp("2024-11-22")),
                  (pd.Timestamp("2025-11-10"), pd.Timestamp("2025-11-21"))]
RECESSES = [(pd.Timestamp("2024-07-20"), pd.Timestamp("2024-09-01")),
            (pd.Timestamp("2024-12-20"), pd.Timestamp("2025-01-06")),
            (pd.Timestamp("2025-07-19"), pd.Timestamp("2025-08-31")),
            (pd.Timestamp("2025-12-19"), pd.Timestamp("2025-12-31"))]
BOT_SPIKE_DAY = pd.Timestamp("2025-09-14")
BOT_SPIKE_ACCOUNT = "MEM03-X"

# First names alternate a woman's and a man's (Alma, Bruno, ...); members alternate with them.
FIRST_NAMES = ["Alma", "Bruno", "Carys", "Dario", "Elin", "Farid", "Greta", "Hugo", "Ines", "Jonas",
               "Kaia", "Lorenz", "Maren", "Nils", "Odile", "Pavel", "Runa", "Sami", "Tilde", "Ulrik",
               "Vera", "Wim", "Yara", "Zeno"]
SURNAMES = ["Arvel", "Brisk", "Corran", "Dunmore", "Esker", "Falk", "Garrow", "Hollin", "Ivers",
            "Jessop", "Kestrel", "Lundt", "Morrow", "Norcott", "Orrin", "Pellow", "Quill", "Rask",
            "Selden", "Thorne", "Umber", "Vance", "Wrexley", "Yarrow"]
PARTIES = ["Harbour Party", "Meadow Alliance", "Forward Lumeria", "Civic League", "Independent"]
COMMITTEES = [("FIN", "Finance and Budget Committee"), ("ENV", "Environment Committee"),
              ("HEA", "Health Committee"), ("DIG", "Digital Affairs Committee")]

PLATFORM_CODES = {"facebook": "FB", "instagram": "IG", "x": "X", "youtube": "YT", "tiktok": "TT", "linkedin": "LI"}

# Formats each platform offers, with how often each is used and how it changes engagement.
# The engagement factor is relative to the platform's usual rate: short video does far better
# on Instagram than images, while on Facebook video does no better than an image.
FORMAT_MIX = {
    "facebook": {"text": (0.20, 0.85), "image": (0.40, 1.00), "link": (0.25, 0.60), "video": (0.15, 0.95)},
    "instagram": {"image": (0.55, 1.00), "short_video": (0.35, 2.30), "live": (0.10, 0.80)},
    "x": {"text": (0.45, 1.00), "image": (0.25, 1.20), "link": (0.25, 0.75), "video": (0.05, 1.10)},
    "youtube": {"video": (0.70, 1.00), "live": (0.30, 0.70)},
    "tiktok": {"short_video": (1.00, 1.00)},
    "linkedin": {"text": (0.30, 0.90), "image": (0.30, 1.10), "link": (0.40, 1.00)},
}
# Usual share of reached people who react, comment or share, by platform.
BASE_ENGAGEMENT = {"facebook": 0.030, "instagram": 0.045, "x": 0.016, "youtube": 0.035,
                   "tiktok": 0.060, "linkedin": 0.022}
# Share of followers an ordinary post reaches.
BASE_REACH = {"facebook": 0.07, "instagram": 0.14, "x": 0.10, "youtube": 0.20, "tiktok": 0.55, "linkedin": 0.12}
# How engagements split into reactions, comments and shares.
SPLIT = {"facebook": (0.74, 0.12, 0.14), "instagram": (0.88, 0.09, 0.03), "x": (0.62, 0.13, 0.25),
         "youtube": (0.80, 0.15, 0.05), "tiktok": (0.82, 0.08, 0.10), "linkedin": (0.78, 0.08, 0.14)}
# Engagement by hour of the day (0-23): lunchtime and evening are good, the night is poor.
HOUR_EFFECT = np.array([0.45, 0.40, 0.35, 0.35, 0.40, 0.50, 0.62, 0.80, 0.90, 0.90, 0.88, 1.00,
                        1.35, 1.30, 1.00, 0.92, 0.92, 1.00, 1.15, 1.50, 1.60, 1.45, 0.95, 0.65])
LINKEDIN_HOUR_EFFECT = np.array([0.40, 0.35, 0.30, 0.30, 0.35, 0.50, 0.90, 1.50, 1.60, 1.35, 1.15, 1.05,
                                 1.10, 1.05, 0.95, 0.90, 0.85, 0.75, 0.60, 0.55, 0.55, 0.50, 0.45, 0.40])
WEEKDAY_EFFECT = np.array([1.00, 1.05, 1.05, 1.00, 0.92, 0.80, 0.85])  # Monday .. Sunday
# When staff actually post: mostly office hours.
POSTING_HOURS = np.array([0.2, 0.1, 0.1, 0.1, 0.1, 0.2, 0.6, 2.0, 4.5, 6.5, 6.5, 5.5,
                          4.0, 3.5, 4.5, 4.5, 4.0, 3.0, 2.0, 1.8, 1.6, 1.2, 0.6, 0.3])
FREQUENCY_EXPONENT = -0.40  # engagement per post falls as an account posts more that day
TOPIC_EFFECT = {"plenary": 0.95, "legislation": 0.85, "committee_work": 0.80, "budget": 0.85,
                "consultation": 1.05, "youth": 1.10, "environment": 1.10, "health": 1.00,
                "behind_the_scenes": 1.35, "events": 1.15}

CAMPAIGNS = [
    dict(campaign_id="C24-OPEN", name="Open Day 2024", goal="inform",
         objective="Bring 12,000 visits from social media to the website between 16 September and 4 October 2024, "
                   "around the open day of 21 September.",
         target_audience="adults in the Capital District", platforms="facebook;instagram;x",
         start="2024-09-16", end="2024-10-04", budget_eur=6000.0, staff_hours=160,
         kpi="website sessions from social media", kpi_target=12000.0, topic="events"),
    dict(campaign_id="C25-HEAR", name="Open Hearings", goal="listen",
         objective="Collect 1,500 consultation responses on the Coastal Protection Bill by 21 February 2025.",
         target_audience="residents of coastal regions", platforms="facebook;x;linkedin",
         start="2025-01-13", end="2025-02-21", budget_eur=8000.0, staff_hours=220,
         kpi="consultation responses", kpi_target=1500.0, topic="consultation"),
    dict(campaign_id="C25-YOUTH", name="Youth Voice", goal="engage",
         objective="Collect 800 consultation responses from 18-24 year-olds by 30 May 2025, and raise the share of "
                   "18-24 year-olds among the parliament's Instagram followers to 18%.",
         target_audience="18-24 year-olds", platforms="instagram;tiktok",
         start="2025-03-03", end="2025-05-30", budget_eur=18000.0, staff_hours=420,
         kpi="consultation responses from 18-24 year-olds", kpi_target=800.0, topic="youth"),
    dict(campaign_id="C25-KNOW", name="Know Your Parliament", goal="inform",
         objective="Bring 30,000 visits from social media to the website between 8 September and 3 October 2025.",
         target_audience="all adults", platforms="facebook;instagram;x;youtube",
         start="2025-09-08", end="2025-10-03", budget_eur=9000.0, staff_hours=240,
         kpi="website sessions from social media", kpi_target=30000.0, topic="events"),
    dict(campaign_id="C25-BUDGET", name="Budget Explained", goal="inform",
         objective="Bring 25,000 visits from social media to the website and 1,000 responses to the budget "
                   "priorities consultation between 20 October and 28 November 2025.",
         target_audience="all adults", platforms="facebook;x;youtube",
         start="2025-10-20", end="2025-11-28", budget_eur=25000.0, staff_hours=380,
         kpi="website sessions from social media", kpi_target=25000.0, topic="budget"),
]
# A member's own campaign, run from the member's own account (added later, on a random stream of its own: it
# changes no value of the tables above except the campaign_id of the member's posts it tags).
MEMBER_CAMPAIGN = dict(
    campaign_id="C25-TOWN", name="Town Halls", goal="engage",
    objective="Get 90 sign-ups for my town-hall meetings between 22 April and 30 May 2025, "
              "promoting them on my Facebook page.",
    target_audience="residents of the member's region", platforms="facebook",
    start="2025-04-22", end="2025-05-30", budget_eur=600.0, staff_hours=45,
    kpi="town-hall sign-ups", kpi_target=90.0, topic=None, account_id="MEM03-FB")
# Every measurable part of each campaign's objective: (campaign, part, KPI, counted from, counted to,
# baseline from, baseline to, target). The baseline is the same KPI counted the same way over a comparable
# earlier period (generator/citizens.py counts both); part 1 is the campaign's main KPI.
CAMPAIGN_KPIS = [
    # No earlier year in the data: the 19 days just before (the first five still in the summer recess).
    ("C24-OPEN", 1, "website sessions from social media", "2024-09-16", "2024-10-04", "2024-08-28", "2024-09-15",
     12000.0),
    # The last consultation no campaign promoted (Public Transport Plan), over its first 40 days.
    ("C25-HEAR", 1, "consultation responses", "2025-01-13", "2025-02-21", "2024-04-08", "2024-05-17", 1500.0),
    # The 89 days just before the campaign (they hold the whole Coastal Protection Bill consultation).
    ("C25-YOUTH", 1, "consultation responses from 18-24 year-olds", "2025-03-03", "2025-05-30",
     "2024-12-04", "2025-03-02", 800.0),
    # One monthly snapshot: the first after the campaign against the last before it.
    ("C25-YOUTH", 2, "share of 18-24 year-olds among the parliament's Instagram followers (%)",
     "2025-06-01", "2025-06-01", "2025-02-01", "2025-02-01", 18.0),
    # The same days a year before, when the Open Day 2024 campaign ran.
    ("C25-KNOW", 1, "website sessions from social media", "2025-09-08", "2025-10-03", "2024-09-08", "2024-10-03",
     30000.0),
    # The same days a year before, with the 2024 budget debates.
    ("C25-BUDGET", 1, "website sessions from social media", "2025-10-20", "2025-11-28", "2024-10-20",
     "2024-11-28", 25000.0),
    ("C25-BUDGET", 2, "consultation responses", "2025-10-20", "2025-11-28", "2024-04-08", "2024-05-17", 1000.0),
    # The same number of days just before the campaign.
    ("C25-TOWN", 1, "town-hall sign-ups", "2025-04-22", "2025-05-30", "2025-03-14", "2025-04-21", 90.0),
]
# What differs between each part's baseline period and its campaign's days (campaign_kpis.baseline_note).
BASELINE_NOTES = {
    ("C24-OPEN", 1): "the 19 days just before; the first five are still in the summer recess, when the accounts "
                     "post less",
    ("C25-HEAR", 1): "another consultation (the Public Transport Plan, which no campaign promoted) over its first "
                     "40 days: the topic and the season differ",
    ("C25-YOUTH", 1): "the 89 days just before; they hold the Coastal Protection Bill consultation, which another "
                      "campaign (Open Hearings) promoted, and a consultation was open on only part of them",
    ("C25-YOUTH", 2): "one monthly snapshot on each side (February 2025 against June 2025)",
    ("C25-KNOW", 1): "the same days a year before; another campaign (Open Day 2024) ran on them",
    ("C25-BUDGET", 1): "the same days a year before; both years hold the budget debates",
    ("C25-BUDGET", 2): "another consultation (the Public Transport Plan, which no campaign promoted) over its first "
                       "40 days: the topic and the season differ",
    ("C25-TOWN", 1): "the 39 days just before, late winter and early spring; no other campaign of the member ran "
                     "in them",
}
# Consultations: (name, opens, closes, usual responses per day, campaign that promoted it)
CONSULTATIONS = [
    ("Public Transport Plan", "2024-04-08", "2024-05-31", 14.0, None),
    ("Coastal Protection Bill", "2025-01-13", "2025-02-28", 18.0, "C25-HEAR"),
    ("Youth Participation Strategy", "2025-03-03", "2025-06-06", 6.0, "C25-YOUTH"),
    ("Budget 2026 Priorities", "2025-10-20", "2025-12-05", 9.0, "C25-BUDGET"),
]


def all_days() -> pd.DatetimeIndex:
    return pd.date_range(START, END, freq="D")


def make_calendar(days: pd.DatetimeIndex) -> pd.DataFrame:
    period = np.where(days.day_of_week >= 5, "weekend", "sitting").astype(object)
    for lo, hi in RECESSES:
        period[(days >= lo) & (days <= hi)] = "recess"
    event = np.full(len(days), None, dtype=object)
    for lo, hi in BUDGET_DEBATES:
        inside = (days >= lo) & (days <= hi) & (period == "sitting")
        event[inside] = f"Budget debate {hi.year + 1}"
    # Question time on Wednesdays while parliament sits.
    event[(days.day_of_week == 2) & (period == "sitting") & (event == None)] = "Question time"  # noqa: E711
    event[days == CONTESTED_VOTE] = "Final vote on the Assembly Reform Bill"
    event[days == pd.Timestamp("2024-09-21")] = "Open day"
    return pd.DataFrame({"date": days, "period": period, "event": event})


COMMENT_TEXTS = {
    "question": ["When will the committee publish its report on {t}?", "Where can I watch the debate on {t}?",
                 "How can I send my views on {t} to my representative?", "Is the sitting on {t} open to the public?",
                 "What does this change mean for people like me?", "Can you share the full text of the bill?",
                 "When is the next consultation open?", "Who voted for this and where can I see the list?"],
    "constructive": ["Thanks for explaining {t} so clearly, a short video would help too.",
                     "Good summary; a link to the documents would make it even better.",
                     "Useful. Could you post this in French as well?",
                     "I would like more updates like this on {t}."],
    "praise": ["Great initiative!", "Well done, very clear.", "Thank you for this.", "Really interesting to see."],
    "criticism": ["This took far too long to decide.", "The explanation of {t} leaves out the costs.",
                  "I disagree with this decision on {t}.", "Why was nobody from my region consulted?"],
    "abusive": ["You are all useless clowns.", "Nobody wants you, resign now.", "What a pathetic bunch of idiots.",
                "Total waste of space, all of you.", "Shut up and go away."],
    "spam": ["Win a free phone, click my profile!", "Earn money from home, message me.",
             "Follow me for daily crypto tips.", "Cheap followers here, DM me."],
    "disinformation": ["They are secretly doubling everyone's taxes next month.",
                       "This vote was rigged, the real count was hidden.",
                       "The budget sends half our money abroad, share before they delete this.",
                       "Parliament is cancelling the next election, wake up."],
}
# Usual label mix on institution/committee posts and on members' posts.
LABEL_P_INSTITUTION = np.array([0.26, 0.19, 0.20, 0.22, 0.02, 0.07, 0.04])
LABEL_P_MEMBER = np.array([0.20, 0.15, 0.22, 0.27, 0.06, 0.06, 0.04])
LABEL_NAMES = np.array(list(COMMENT_TEXTS))
# Share of the criticism on women members' posts that is abusive instead: women members receive more abuse.
WOMEN_EXTRA_ABUSE = 0.08
# The coordinated disinformation cluster of the budget debates: one message pushed by a ring of accounts.
CLUSTER_TEXT = "LEAKED: the new budget quietly doubles what you pay. They will delete this, copy it now!"
# Copies retyped with another case, punctuation or spacing: the same message once lowercased, stripped of
# punctuation and with spaces collapsed (punctuation here always stands next to a space or at an end).
CLUSTER_FORM_VARIANTS = [
    "leaked: the new budget quietly doubles what you pay. they will delete this, copy it now!",
    "LEAKED the new budget quietly doubles what you pay They will delete this copy it now",
    "LEAKED:  the new budget quietly doubles what you pay.  They will delete this, copy it now!!!",
    "Leaked: The new budget quietly doubles what you pay... They will delete this, COPY IT NOW!",
    "LEAKED: the new budget quietly doubles what you pay . They will delete this , copy it now !",
]
# Copies with one word changed: only a near-duplicate comparison puts them with the others.
CLUSTER_WORD_VARIANTS = [
    "LEAKED: the new budget secretly doubles what you pay. They will delete this, copy it now!",
    "LEAKED: the new budget quietly doubles what you pay. They will delete this, share it now!",
    "LEAKED: the new budget quietly triples what you pay. They will delete this, copy it now!",
]
