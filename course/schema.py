"""The data dictionary: every table and column of the sample data, machine-readable.

The loaders use it to type the columns, the tests hold it against the files,
and the book renders it as a page.

>>> TABLES["posts"].columns["reach"].kind
'int'
>>> sorted(TABLES)[:3]
['ab_tests', 'accounts', 'audience']
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["Column", "Table", "TABLES", "PLATFORMS", "AGE_BANDS", "REGIONS", "FORMATS", "LABELS"]

#: The social platforms the fictional parliament uses, in display order.
PLATFORMS = ("facebook", "instagram", "x", "youtube", "tiktok", "linkedin")
#: Post formats; not every platform offers every format.
FORMATS = ("text", "image", "link", "video", "short_video", "live")
#: Age bands used by the survey, the audience snapshots and the consultations.
AGE_BANDS = ("18-24", "25-34", "35-44", "45-54", "55-64", "65+")
#: The five (fictional) regions of Lumeria.
REGIONS = ("Capital District", "North Coast", "River Valley", "Eastern Highlands", "Southern Isles")
#: How the moderation team labels a comment.
LABELS = ("question", "constructive", "praise", "criticism", "abusive", "spam", "disinformation")
ACCOUNT_TYPES = ("institution", "committee", "member")
TOPICS = (
    "plenary", "legislation", "committee_work", "budget", "consultation",
    "youth", "environment", "health", "behind_the_scenes", "events",
)
TONES = ("formal", "explanatory", "conversational")
GOALS = ("listen", "inform", "engage")
SOURCES = PLATFORMS + ("search", "direct", "newsletter")
GENDERS = ("woman", "man", "other or not said")


@dataclass(frozen=True)
class Column:
    """One column: its kind, unit, meaning and (for categories) allowed values."""

    kind: str  # one of: int, float, bool, str, category, date, datetime
    meaning: str
    unit: str = ""
    allowed: tuple[str, ...] = ()
    ordered: bool = False
    nullable: bool = False


@dataclass(frozen=True)
class Table:
    """One table: a file in data/, what one row is, and its columns in file order."""

    description: str
    row: str
    key: str
    columns: dict[str, Column] = field(default_factory=dict)

    @property
    def filename(self) -> str:
        return f"{self.name}.csv"

    name: str = ""


def _table(table_name: str, description: str, row: str, key: str, /, **columns: Column) -> Table:
    return Table(description=description, row=row, key=key, columns=columns, name=table_name)


C = Column

TABLES: dict[str, Table] = {
    t.name: t
    for t in [
        _table(
            "accounts",
            "The official accounts of the Parliament of Lumeria, its committees and its members, "
            "with their security settings as found by the last audit.",
            "one account on one platform",
            "account_id",
            account_id=C("str", "Identifier of the account, such as INS-FB or MEM07-X."),
            name=C("str", "Who runs the account (the institution, a committee or a member)."),
            handle=C("str", "The account's public handle."),
            account_type=C("category", "Who the account speaks for.", allowed=ACCOUNT_TYPES),
            platform=C("category", "Social platform.", allowed=PLATFORMS),
            party=C("str", "Party group of a member; empty for the institution and committees.", nullable=True),
            region=C("category", "Constituency region of a member; empty otherwise.", allowed=REGIONS, nullable=True),
            gender=C("category", "Gender of a member; empty for the institution and committees.", allowed=GENDERS,
                     nullable=True),
            created=C("date", "Date the account was opened."),
            two_factor=C("bool", "Two-factor authentication is switched on."),
            admins=C("int", "Number of people who can log in to the account.", unit="people"),
            shared_password=C("bool", "Staff share one password instead of personal logins."),
            recovery_verified=C("bool", "The recovery email and phone are verified and up to date."),
            last_security_review=C("date", "Date of the last review of who has access."),
        ),
        _table(
            "posts",
            "Every post published by the accounts, with the metrics the platforms report a week after posting.",
            "one post",
            "post_id",
            post_id=C("str", "Identifier of the post."),
            account_id=C("str", "Account that published it (see accounts)."),
            platform=C("category", "Social platform.", allowed=PLATFORMS),
            posted_at=C("datetime", "Local date and time of publication.", unit="Europe/Lumeria local time"),
            format=C("category", "Format of the post.", allowed=FORMATS),
            topic=C("category", "Main topic.", allowed=TOPICS),
            campaign_id=C("str", "Campaign the post belongs to; empty if none.", nullable=True),
            language=C("category", "Language of the post.", allowed=("en", "fr")),
            tone=C("category", "Tone of voice.", allowed=TONES),
            alt_text=C("bool", "Images and videos carry a text description for screen readers."),
            captions=C("bool", "Videos carry captions."),
            impressions=C("int", "Times the post was shown, counting repeats.", unit="views"),
            reach=C("int", "Distinct people who saw the post.", unit="people"),
            reactions=C("int", "Likes and other reactions.", unit="reactions"),
            comments=C("int", "Comments on the post.", unit="comments"),
            shares=C("int", "Shares, reposts and retweets.", unit="shares"),
            clicks=C("int", "Clicks on the post's link or media.", unit="clicks"),
            video_views=C("int", "Views of at least 3 seconds; 0 for posts without video.", unit="views"),
        ),
        _table(
            "followers",
            "Daily follower counts of every account.",
            "one account on one day",
            "account_id, date",
            date=C("date", "Day."),
            account_id=C("str", "Account (see accounts)."),
            followers=C("int", "Followers at the end of the day.", unit="people"),
            gained=C("int", "New followers that day.", unit="people"),
            lost=C("int", "Followers who left that day.", unit="people"),
        ),
        _table(
            "audience",
            "Monthly snapshot of the age of each account's followers, as the platforms' analytics report it.",
            "one account, month and age band",
            "account_id, month, age_band",
            month=C("date", "First day of the month."),
            account_id=C("str", "Account (see accounts)."),
            age_band=C("category", "Age band of followers.", allowed=AGE_BANDS, ordered=True),
            share=C("float", "Share of the account's followers in that age band; sums to 1 per account and month.",
                    unit="fraction 0-1"),
        ),
        _table(
            "comments",
            "A sample of comments on the posts (up to a few per post), labelled by the moderation team. "
            "The texts are made up for the course.",
            "one comment",
            "comment_id",
            comment_id=C("str", "Identifier of the comment."),
            post_id=C("str", "Post commented on (see posts)."),
            account_id=C("str", "Account that published the post."),
            platform=C("category", "Social platform.", allowed=PLATFORMS),
            created_at=C("datetime", "Local date and time of the comment."),
            commenter_id=C("str", "Pseudonymous identifier of the person commenting."),
            label=C("category", "Moderation label.", allowed=LABELS),
            text=C("str", "Text of the comment (invented)."),
            replied=C("bool", "The account replied to the comment."),
            reply_minutes=C("float", "Minutes between the comment and the reply; empty if no reply.",
                            unit="minutes", nullable=True),
            returned_30d=C("bool", "The same person commented again on the account within 30 days."),
        ),
        _table(
            "survey",
            "A survey of adult citizens of Lumeria about their use of social media and their trust in parliament.",
            "one respondent",
            "respondent_id",
            respondent_id=C("str", "Identifier of the respondent."),
            age_band=C("category", "Age band.", allowed=AGE_BANDS, ordered=True),
            region=C("category", "Region of residence.", allowed=REGIONS),
            gender=C("category", "Gender as given by the respondent.", allowed=GENDERS),
            **{f"uses_{p}": C("bool", f"Uses {p} at least once a week.") for p in PLATFORMS},
            main_platform=C("category", "Platform used most; 'none' if no social media.",
                            allowed=PLATFORMS + ("none",)),
            follows_parliament=C("bool", "Follows at least one account of the parliament."),
            trust_parliament=C("int", "Trust in parliament, from 1 (none) to 5 (complete).", unit="score 1-5"),
        ),
        _table(
            "campaigns",
            "The communication campaigns, each with its goal, objective, budget and target.",
            "one campaign",
            "campaign_id",
            campaign_id=C("str", "Identifier of the campaign."),
            name=C("str", "Name of the campaign."),
            goal=C("category", "Overall goal: listen, inform or engage.", allowed=GOALS),
            objective=C("str", "The objective as written in the campaign plan."),
            target_audience=C("str", "Who the campaign is for."),
            platforms=C("str", "Platforms used, separated by ';'."),
            start=C("date", "First day."),
            end=C("date", "Last day."),
            budget_eur=C("float", "Money spent, including paid promotion.", unit="EUR"),
            staff_hours=C("int", "Staff time spent.", unit="hours"),
            kpi=C("str", "The main key performance indicator of the objective (part 1 in campaign_kpis)."),
            kpi_baseline=C("float", "The main KPI's baseline: the KPI counted the same way over a comparable "
                           "earlier period (see campaign_kpis).", unit="KPI unit"),
            kpi_target=C("float", "The main KPI's target, above its baseline.", unit="KPI unit"),
            account_id=C("str", "The member's account that ran the campaign; empty for the parliament's own "
                         "campaigns.", nullable=True),
        ),
        _table(
            "campaign_kpis",
            "Every measurable part of each campaign's objective: its KPI, the days it is counted over, "
            "its baseline (the same KPI counted the same way over a comparable earlier period) and its target.",
            "one part of one campaign's objective",
            "campaign_id, part",
            campaign_id=C("str", "Identifier of the campaign."),
            part=C("int", "Part of the objective: 1 is the campaign's main KPI."),
            kpi=C("str", "The key performance indicator of this part."),
            counted_from=C("date", "First day the KPI is counted for the campaign."),
            counted_to=C("date", "Last day the KPI is counted for the campaign."),
            baseline_from=C("date", "First day of the earlier period the baseline is counted over."),
            baseline_to=C("date", "Last day of the earlier period the baseline is counted over."),
            kpi_baseline=C("float", "The KPI counted the same way from baseline_from to baseline_to.",
                           unit="KPI unit"),
            kpi_target=C("float", "The KPI's target for the campaign.", unit="KPI unit"),
            baseline_note=C("str", "What differs between the baseline's period and the campaign's days (the "
                            "topic, the season, a recess, another campaign that ran in the baseline's days)."),
        ),
        _table(
            "ab_tests",
            "Daily results of A/B tests: the same message posted in two variants to comparable audiences.",
            "one test, variant and day",
            "test_id, variant, date",
            test_id=C("str", "Identifier of the test."),
            test_name=C("str", "What was tested."),
            platform=C("category", "Social platform.", allowed=PLATFORMS),
            variant=C("category", "A (the usual way) or B (the change tried).", allowed=("A", "B")),
            description=C("str", "What the variant looked like."),
            date=C("date", "Day."),
            impressions=C("int", "Times the variant was shown, counting repeats.", unit="views"),
            clicks=C("int", "Clicks on the variant's link.", unit="clicks"),
        ),
        _table(
            "web_visits",
            "Daily visits to the parliament's website, by where the visitor came from.",
            "one day, source and campaign",
            "date, source, campaign_id",
            date=C("date", "Day."),
            source=C("category", "Where the visit came from: a platform, search, direct or newsletter.",
                     allowed=SOURCES),
            campaign_id=C("str", "Campaign whose tagged link brought the visit; empty if none.", nullable=True),
            sessions=C("int", "Visits.", unit="sessions"),
            pageviews=C("int", "Pages viewed during those visits.", unit="pages"),
        ),
        _table(
            "consultations",
            "Responses to the parliament's public consultations, with where the respondent came from.",
            "one response",
            "response_id",
            response_id=C("str", "Identifier of the response."),
            submitted_at=C("datetime", "Local date and time the response was submitted."),
            consultation=C("str", "Name of the consultation."),
            source=C("category", "Where the respondent came from.", allowed=SOURCES),
            campaign_id=C("str", "Campaign whose tagged link brought the respondent; empty if none.",
                          nullable=True),
            age_band=C("category", "Age band the respondent gave.", allowed=AGE_BANDS, ordered=True),
            region=C("category", "Region the respondent gave.", allowed=REGIONS),
        ),
        _table(
            "signups",
            "Sign-ups for a member's town-hall meetings, with where the person came from.",
            "one sign-up",
            "signup_id",
            signup_id=C("str", "Identifier of the sign-up."),
            signed_up_at=C("datetime", "Local date and time of the sign-up."),
            account_id=C("str", "The member's account whose town-hall meetings it is for."),
            source=C("category", "Where the person came from.", allowed=SOURCES),
            campaign_id=C("str", "Campaign whose tagged link brought the person; empty if none.", nullable=True),
        ),
        _table(
            "calendar",
            "The parliamentary calendar: sitting days, recesses and notable events.",
            "one day",
            "date",
            date=C("date", "Day."),
            period=C("category", "Sitting, recess or weekend.", allowed=("sitting", "recess", "weekend")),
            event=C("str", "Notable event that day; empty if none.", nullable=True),
        ),
    ]
}
