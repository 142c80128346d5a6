"""The export formats the course reads, what each maps onto the ``posts`` table, and why the rest is missing.

:func:`recognise` tells the format from a row of column names, in any language of the header table:

>>> found = recognise(["Identifiant de la publication", "Identifiant de la Page", "Heure de publication",
...                    "Couverture"])
>>> found.format.label, found.language
('Meta Business Suite, Facebook', 'fr')
>>> recognise(["Name", "Email"]) is None
True
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .headers import field_of

__all__ = ["Format", "Recognised", "FORMATS", "NEVER_EXPORTED", "recognise", "closest", "why_missing"]

#: Columns of ``posts`` that no platform's export holds, and why.
_OWN_RECORDS = "no platform's export has it: add it from your own records if you keep them"
NEVER_EXPORTED = {
    "topic": _OWN_RECORDS, "campaign_id": _OWN_RECORDS, "tone": _OWN_RECORDS,
    "alt_text": "no export says whether a post carried text descriptions or captions",
    "captions": "no export says whether a post carried text descriptions or captions",
    "language": "not read: the exports that give it do not write it as the course's codes",
}
_NO_REACH = "gives impressions but no reach, the number of distinct people who saw a post"
_META_VIEWS = ("Meta's \"Views\" count every showing and play of a post, which is not the course's "
               "impressions; only older Facebook files have \"Impressions\"")


@dataclass(frozen=True)
class Format:
    """One export: its platform, the fields that tell it apart, and which field fills which course column."""

    key: str
    platform: str
    label: str
    signature: tuple[str, ...]
    columns: dict[str, tuple[str, ...]]
    missing: dict[str, str] = field(default_factory=dict)
    text: tuple[str, ...] = ()
    links: tuple[str, ...] = ()
    handles: tuple[str, ...] = ()
    staff: tuple[str, ...] = ()
    post_types: dict[str, str] = field(default_factory=dict)
    dropped_types: dict[str, str] = field(default_factory=dict)
    type_field: str = "Post type"
    day_only: bool = False
    per_day: tuple[str, ...] = ()  # a field only the same tool's day-by-day file has

    def time_fields(self) -> tuple[str, ...]:
        return self.columns["posted_at"]


_META_TYPES = {"photos": "image", "photo": "image", "videos": "video", "video": "video", "links": "link",
               "link": "link", "text": "text", "status": "text", "reels": "short_video", "reel": "short_video",
               "live": "live", "ig image": "image", "ig carousel": "image", "ig reel": "short_video",
               "ig video": "video", "ig live": "live",
               "liens": "link", "vidéos": "video", "texte": "text", "statut": "text", "enlaces": "link",
               "fotos": "image", "vídeos": "video", "texto": "text", "estado": "text"}

FORMATS: tuple[Format, ...] = (
    Format("facebook", "facebook", "Meta Business Suite, Facebook",
           ("Post ID", "Page ID", "Publish time"),
           {"post_id": ("Post ID",), "posted_at": ("Publish time",), "format": ("Post type",),
            "impressions": ("Impressions",), "reach": ("Reach",), "reactions": ("Reactions",),
            "comments": ("Comments",), "shares": ("Shares",), "clicks": ("Total clicks",)},
           {"impressions": _META_VIEWS, "video_views": "Meta's \"Views\" are not 3-second video views"},
           text=("Title", "Description"), links=("Permalink",), post_types=_META_TYPES),
    Format("instagram", "instagram", "Meta Business Suite, Instagram",
           ("Post ID", "Account ID", "Publish time"),
           {"post_id": ("Post ID",), "posted_at": ("Publish time",), "format": ("Post type",),
            "reach": ("Reach",), "reactions": ("Likes",), "comments": ("Comments",), "shares": ("Shares",)},
           {"impressions": _META_VIEWS, "clicks": "Instagram posts carry no link to click",
            "video_views": "Meta's \"Views\" are not 3-second video views"},
           text=("Description",), links=("Permalink",), handles=("Account username", "Account name"),
           post_types=_META_TYPES,
           dropped_types={"ig story": "stories (they vanish after a day, so they do not compare with posts)"}),
    Format("x-legacy", "x", "X, tweet activity (older CSV)",
           ("Tweet id", "time", "Impressions"),
           {"post_id": ("Tweet id",), "posted_at": ("time",), "impressions": ("Impressions",),
            "reactions": ("Likes",), "comments": ("replies",), "shares": ("retweets",), "clicks": ("url clicks",)},
           {"reach": f"X {_NO_REACH}", "format": "X's export does not say whether a post had an image or a video",
            "video_views": "X's \"media views\" count views of images too"},
           text=("Tweet text",), links=("Tweet permalink",)),
    Format("x", "x", "X, content (current CSV)",
           ("Post ID", "Date", "Impressions", "Reposts"),
           {"post_id": ("Post ID",), "posted_at": ("Date",), "impressions": ("Impressions",),
            "reactions": ("Likes",), "comments": ("replies",), "shares": ("Reposts",), "clicks": ("url clicks",)},
           {"reach": f"X {_NO_REACH}", "format": "X's export does not say whether a post had an image or a video",
            "video_views": "X's current export has no video views"},
           text=("Post text",), links=("Post link",), day_only=True),
    Format("youtube", "youtube", "YouTube Studio, table data",
           ("Content", "Video publish time"),
           {"post_id": ("Content",), "posted_at": ("Video publish time",), "impressions": ("Impressions",),
            "reactions": ("Likes",), "comments": ("Comments added",), "shares": ("Shares",),
            "video_views": ("Views",)},
           {"reach": "YouTube gives no reach: distinct viewers are not in its table",
            "format": "YouTube's table does not say which videos were live streams",
            "reactions": "not in YouTube's default table: add Likes before you export",
            "comments": "not in YouTube's default table: add Comments added before you export",
            "shares": "not in YouTube's default table: add Shares before you export",
            "clicks": "YouTube videos carry no link the table counts clicks on"},
           text=("Video title",), day_only=True, per_day=("Date",)),
    Format("linkedin", "linkedin", "LinkedIn Page, content (Excel)",
           ("Post title", "Post link", "Impressions"),
           {"posted_at": ("Created date", "Date"), "impressions": ("Impressions",), "reactions": ("Likes",),
            "comments": ("Comments",), "shares": ("Reposts", "Shares"), "clicks": ("Clicks",)},
           {"reach": f"LinkedIn {_NO_REACH}",
            "format": "LinkedIn's \"Post type\" says organic or sponsored, not the format",
            "post_id": "LinkedIn gives no post id: the course hashes each post's link into one"},
           text=("Post title",), links=("Post link",), staff=("Published by",),
           dropped_types={"sponsored": "sponsored posts (paid reach does not compare with organic posts)"},
           day_only=True),
    Format("tiktok", "tiktok", "TikTok Studio, content",
           ("Video link", "Post time", "Total views"),
           {"posted_at": ("Post time",), "reactions": ("Likes",), "comments": ("Comments",),
            "shares": ("Shares",), "video_views": ("Total views",)},
           {"reach": "TikTok's content export gives no reach", "impressions": "TikTok's content export gives "
            "no impressions", "format": "TikTok's export does not say which posts were photo posts",
            "clicks": "TikTok's content export gives no clicks",
            "post_id": "TikTok's export gives no post id: the course hashes each video's link into one"},
           text=("Video title",), links=("Video link",)),
)


def why_missing(fmt: Format, column: str) -> str:
    """Why ``column`` of ``posts`` is not in what ``fmt`` gives."""
    return NEVER_EXPORTED.get(column) or fmt.missing.get(column) or f"this {fmt.label} file has no such column"


@dataclass
class Recognised:
    """A header row recognised: its format, its language, and where each field is (field -> position)."""

    format: Format
    language: str
    positions: dict[str, int]


def recognise(headers) -> Recognised | None:
    """The format whose telling fields are all in ``headers``, the one using most of them if several are."""
    positions: dict[str, int] = {}
    languages: list[str] = []
    for position, header in enumerate(headers):
        found = field_of(header) if header is not None else None
        if found and found[0] not in positions:
            positions[found[0]] = position
            languages.append(found[1])
    best = None
    for fmt in FORMATS:
        if all(name in positions for name in fmt.signature):
            used = sum(name in positions for names in fmt.columns.values() for name in names)
            if best is None or used > best[0]:
                best = (used, fmt)
    if best is None:
        return None
    translated = [language for language in languages if language != "en"]
    language = max(set(translated), key=translated.count) if translated else "en"
    return Recognised(best[1], language, positions)


def closest(headers) -> tuple[Format, list[str]] | None:
    """The format sharing most of its telling fields with ``headers`` (at least one), and those it lacks.

    >>> fmt, lacking = closest(["Post ID", "Publish time", "Reach"])
    >>> fmt.label, lacking
    ('Meta Business Suite, Facebook', ['Page ID'])
    >>> closest(["Name", "Email"]) is None
    True
    """
    fields = {found[0] for found in map(field_of, (h for h in headers if h is not None)) if found}
    shared = [(sum(name in fields for name in fmt.signature), fmt) for fmt in FORMATS]
    count, fmt = max(shared, key=lambda pair: pair[0])
    return (fmt, [name for name in fmt.signature if name not in fields]) if count else None
