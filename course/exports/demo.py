"""The demo folder: the sample parliament's posts written as each platform's own export, quirks included.

One file per account (its name is the account's ``account_id``), the last half year of posts:

================  ==========================================================================
file              written as
================  ==========================================================================
INS-FB.csv        Meta Business Suite, Facebook: byte-order mark, "Views" (no impressions),
                  month/day/year times, thousands separators, Windows line ends
COM-ENV-FB.csv    the same in French, an older file with "Impressions", day/month/year times
                  and spaces between thousands
INS-IG.csv        Meta Business Suite, Instagram: a description row under the header,
                  "IG image" and "IG carousel" posts
INS-X.csv         X's current content file: days only ("Tue, Jul 14, 2026"), post text
COM-FIN-X.csv     X's older tweet activity file: counts as floats, "-" in the promoted columns,
                  times in UTC ("+0000")
INS-YT.csv        YouTube Studio's table data: a "Total" row first, durations as 0:16:02
INS-LI.xlsx       LinkedIn: two sheets, the posts' header on the third row, staff names,
                  and one sponsored post
INS-TT.csv        TikTok Studio: headers ending in a non-breaking space, "1.2K" counts
================  ==========================================================================

>>> abbreviate(999), abbreviate(1234), abbreviate(25_000)
('999', '1.2K', '25K')
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from datetime import datetime
from pathlib import Path

import pandas as pd

__all__ = ["DEMO_ACCOUNTS", "DEMO_START", "write_demo", "demo_posts", "abbreviate"]

DEMO_START = pd.Timestamp("2025-07-01")
STAFF = ("Mira Talven", "Oskar Brenn", "Lena Quist")  # made-up names of a made-up press office
_FACEBOOK_TYPES = {"image": "Photos", "link": "Links", "video": "Videos", "text": "Text", "short_video": "Reels",
                   "live": "Live"}
_FRENCH_TYPES = {"image": "Photos", "link": "Liens", "video": "Vidéos", "text": "Texte"}


def abbreviate(count: int) -> str:
    """A count as TikTok writes it: whole below a thousand, else in thousands with one decimal ("1.2K")."""
    if count < 1000:
        return str(count)
    return f"{count / 1000:.1f}".removesuffix(".0") + "K"


def demo_posts(posts: pd.DataFrame, account: str) -> pd.DataFrame:
    """The posts of ``account`` that its demo file holds, newest first (as the platforms list them)."""
    mine = posts[(posts["account_id"] == account) & (posts["posted_at"] >= DEMO_START)]
    return mine.sort_values(["posted_at", "post_id"], ascending=False).reset_index(drop=True)


def _text(post) -> str:
    return f"{str(post.topic).replace('_', ' ').capitalize()}: news from the Parliament of Lumeria #{post.post_id}"


def _facebook(posts: pd.DataFrame, french: bool) -> tuple[list[str], list[list]]:
    if french:
        header = ["Identifiant de la publication", "Identifiant de la Page", "Nom de la Page", "Titre",
                  "Description", "Durée (s)", "Heure de publication", "Lien permanent", "Type de publication",
                  "Date", "Impressions", "Couverture", "Réactions", "Commentaires", "Partages",
                  "Total des clics"]
    else:
        header = ["Post ID", "Page ID", "Page name", "Title", "Description", "Duration (sec)", "Publish time",
                  "Caption type", "Permalink", "Post type", "Languages", "Date", "Views", "Reach",
                  "Reactions, Comments and Shares", "Reactions", "Comments", "Shares", "Total clicks",
                  "Link Clicks", "Other Clicks"]
    number = (lambda n: f"{n:,}".replace(",", "\u00a0")) if french else (lambda n: f"{n:,}")
    rows = []
    for post in posts.itertuples():
        common = [post.post_id, "104729", "Lumeria", "", _text(post), 60 if post.format == "video" else ""]
        if french:
            rows.append(common + [post.posted_at.strftime("%d/%m/%Y %H:%M"), f"https://facebook.com/{post.post_id}",
                                  _FRENCH_TYPES[post.format], "Durée de vie", number(post.impressions),
                                  number(post.reach), post.reactions, post.comments, post.shares, post.clicks])
            continue
        link = post.clicks if post.format == "link" else 0
        rows.append(common + [post.posted_at.strftime("%m/%d/%Y %H:%M"), "", f"https://facebook.com/{post.post_id}",
                              _FACEBOOK_TYPES[post.format], "en", "Lifetime",
                              number(post.impressions + post.video_views), number(post.reach),
                              post.reactions + post.comments + post.shares, post.reactions, post.comments,
                              post.shares, number(post.clicks), link, post.clicks - link])
    return header, rows


def _instagram(posts: pd.DataFrame) -> tuple[list[str], list[list]]:
    header = ["Post ID", "Account ID", "Account username", "Account name", "Description", "Duration (sec)",
              "Publish time", "Permalink", "Post type", "Date", "Views", "Reach", "Likes", "Shares", "Follows",
              "Comments", "Saves"]
    kinds = {"image": "IG image", "short_video": "IG reel", "live": "IG live", "video": "IG video"}
    rows = [["Lifetime: each value counts from the post's publication to the export"] * len(header)]
    for number, post in enumerate(posts.itertuples()):
        kind = "IG carousel" if post.format == "image" and number % 3 == 0 else kinds[post.format]
        rows.append([post.post_id, "178414", "@LumeriaParliament", "Parliament of Lumeria", _text(post),
                     30 if post.format != "image" else "", post.posted_at.strftime("%m/%d/%Y %H:%M"),
                     f"https://instagram.com/p/{post.post_id}", kind, "Lifetime",
                     post.impressions + post.video_views, post.reach, post.reactions, post.shares,
                     post.shares // 4, post.comments, post.shares // 2])
    return header, rows


def _x_current(posts: pd.DataFrame) -> tuple[list[str], list[list]]:
    header = ["Post id", "Date", "Post text", "Post Link", "Impressions", "Likes", "Engagements", "Bookmarks",
              "Shares", "New follows", "Replies", "Reposts", "Profile visits", "Detail Expands", "URL Clicks"]
    rows = [[post.post_id, post.posted_at.strftime("%a, %b %d, %Y"), _text(post),
             f"https://x.com/LumeriaParliament/status/{post.post_id}", post.impressions, post.reactions,
             post.reactions + post.comments + post.shares + post.clicks, post.shares // 3, 0, post.shares // 5,
             post.comments, post.shares, post.clicks // 4, post.clicks // 2, post.clicks]
            for post in posts.itertuples()]
    return header, rows


def _x_legacy(posts: pd.DataFrame) -> tuple[list[str], list[list]]:
    header = ["Tweet id", "Tweet permalink", "Tweet text", "time", "impressions", "engagements", "engagement rate",
              "retweets", "replies", "likes", "user profile clicks", "url clicks", "hashtag clicks",
              "detail expands", "media views", "media engagements", "promoted impressions", "promoted engagements"]
    rows = []
    for post in posts.itertuples():
        engaged = post.reactions + post.comments + post.shares + post.clicks
        rows.append([post.post_id, f"https://twitter.com/LumFinCommittee/status/{post.post_id}", _text(post),
                     post.posted_at.strftime("%Y-%m-%d %H:%M +0000"), f"{post.impressions:.1f}", f"{engaged:.1f}",
                     f"{engaged / post.impressions:.6f}", f"{post.shares:.1f}", f"{post.comments:.1f}",
                     f"{post.reactions:.1f}", "0.0", f"{post.clicks:.1f}", "0.0", "0.0",
                     f"{post.video_views:.1f}", "0.0", "-", "-"])
    return header, rows


def _youtube(posts: pd.DataFrame) -> tuple[list[str], list[list]]:
    header = ["Content", "Video title", "Video publish time", "Duration", "Views", "Watch time (hours)",
              "Subscribers", "Average view duration", "Thumbnail impressions", "Impressions click-through rate (%)"]
    rows = []
    for number, post in enumerate(posts.itertuples()):
        seconds = 240 + 37 * number
        rows.append([post.post_id, _text(post), post.posted_at.strftime("%b %d, %Y"), seconds, post.video_views,
                     f"{post.video_views * seconds / 3 / 3600:.4f}", post.video_views // 200,
                     f"0:{seconds // 3 // 60:02d}:{seconds // 3 % 60:02d}", post.impressions,
                     f"{100 * post.video_views / post.impressions:.2f}"])
    total = ["Total", "", "", "", int(posts["video_views"].sum()), "", int(posts["video_views"].sum() // 200), "",
             int(posts["impressions"].sum()), ""]
    return header, [total] + rows


def _linkedin(posts: pd.DataFrame) -> tuple[list[str], list[list]]:
    header = ["Post title", "Post link", "Post type", "Campaign name", "Published by", "Created date",
              "Impressions", "Views", "Clicks", "Click through rate (CTR)", "Likes", "Comments", "Reposts",
              "Follows", "Engagement rate"]
    rows = []
    for number, post in enumerate(posts.itertuples()):
        engaged = post.reactions + post.comments + post.shares + post.clicks
        rows.append([_text(post), f"https://www.linkedin.com/feed/update/urn:li:activity:{7_300_000 + number}",
                     "Organic", "", STAFF[number % len(STAFF)], post.posted_at.strftime("%m/%d/%Y"),
                     post.impressions, "", post.clicks, round(post.clicks / post.impressions, 4), post.reactions,
                     post.comments, post.shares, 0, round(engaged / post.impressions, 4)])
    boosted = list(rows[0])
    boosted[:3] = ["Boosted: " + boosted[0], boosted[1] + "9", "Sponsored"]
    return header, [boosted] + rows


def _tiktok(posts: pd.DataFrame) -> tuple[list[str], list[list]]:
    header = [name + "\u00a0" for name in ("Video title", "Video link", "Post time", "Total likes",
                                           "Total comments", "Total shares", "Total views")]
    rows = [[_text(post), f"https://www.tiktok.com/@lumeriaparliament/video/{post.post_id}",
             post.posted_at.strftime("%Y-%m-%d %H:%M"), abbreviate(post.reactions), abbreviate(post.comments),
             abbreviate(post.shares), abbreviate(post.video_views)] for post in posts.itertuples()]
    return header, rows


#: Each demo file: the account it holds and how it is written.
DEMO_ACCOUNTS = {
    "INS-FB.csv": ("INS-FB", lambda p: _facebook(p, french=False)),
    "COM-ENV-FB.csv": ("COM-ENV-FB", lambda p: _facebook(p, french=True)),
    "INS-IG.csv": ("INS-IG", _instagram),
    "INS-X.csv": ("INS-X", _x_current),
    "COM-FIN-X.csv": ("COM-FIN-X", _x_legacy),
    "INS-YT.csv": ("INS-YT", _youtube),
    "INS-LI.xlsx": ("INS-LI", _linkedin),
    "INS-TT.csv": ("INS-TT", _tiktok),
}
_BOM = {"INS-FB.csv", "COM-ENV-FB.csv", "INS-IG.csv"}  # Meta's files start with one
_CRLF = {"INS-FB.csv", "COM-ENV-FB.csv", "INS-IG.csv", "INS-YT.csv"}


def _csv_bytes(header: list[str], rows: list[list], bom: bool, crlf: bool) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n" if crlf else "\n")
    writer.writerow(header)
    writer.writerows(rows)
    return ("\ufeff" if bom else "").encode("utf-8") + buffer.getvalue().encode("utf-8")


def _xlsx_bytes(header: list[str], rows: list[list], posts: pd.DataFrame) -> bytes:
    import openpyxl

    workbook = openpyxl.Workbook()
    metrics = workbook.active
    metrics.title = "Metrics"
    metrics.append(["Date", "Impressions (total)", "Clicks (total)"])
    for day, group in posts.groupby(posts["posted_at"].dt.strftime("%m/%d/%Y"), sort=True):
        metrics.append([day, int(group["impressions"].sum()), int(group["clicks"].sum())])
    sheet = workbook.create_sheet("All posts")
    first, last = posts["posted_at"].min(), posts["posted_at"].max()
    sheet.append([f"All posts from {first:%m/%d/%Y} to {last:%m/%d/%Y}"])
    sheet.append([])
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    stamp = datetime(2026, 1, 1)
    workbook.properties.creator = "course"
    workbook.properties.created = workbook.properties.modified = stamp
    buffer = io.BytesIO()
    workbook.save(buffer)
    # Re-pack with fixed member times and a fixed "modified" (openpyxl stamps the time of saving), so the
    # same posts give the same bytes.
    steady = io.BytesIO()
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(steady, "w", zipfile.ZIP_DEFLATED) as target:
        for name in source.namelist():
            data = source.read(name)
            if name == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>2026-01-01T00:00:00Z", data)
            target.writestr(zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0)), data,
                            compress_type=zipfile.ZIP_DEFLATED)
    return steady.getvalue()


def write_demo(folder, posts: pd.DataFrame | None = None) -> list[Path]:
    """Write the demo exports of ``posts`` (default: the shipped sample) into ``folder``; the same posts
    give the same bytes."""
    if posts is None:
        from ..data import load

        posts = load("posts")
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, (account, write) in DEMO_ACCOUNTS.items():
        mine = demo_posts(posts, account)
        header, rows = write(mine)
        path = folder / name
        if name.endswith(".xlsx"):
            path.write_bytes(_xlsx_bytes(header, rows, mine))
        else:
            path.write_bytes(_csv_bytes(header, rows, name in _BOM, name in _CRLF))
        written.append(path)
    return written
