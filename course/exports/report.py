"""What reading one export did, in words a communication officer reads: :class:`Report`.

>>> report = Report("INS-X.csv", "X, content (current CSV)", "en", rows_read=3, posts=2)
>>> report.mapped["impressions"] = "Impressions"
>>> report.missing["reach"] = "X gives no reach"
>>> report.drop("the \\"Total\\" row, a sum of the others")
>>> print(report)
INS-X.csv: X, content (current CSV), English headers: 3 rows read, 2 posts kept.
  mapped: impressions <- "Impressions"
  missing: reach (X gives no reach)
  dropped 1: the "Total" row, a sum of the others
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["Report", "ExportError"]

LANGUAGE_NAMES = {"en": "English", "fr": "French", "es": "Spanish"}


class ExportError(ValueError):
    """A file that cannot be read as an export; the message names the file and what to do."""


@dataclass
class Report:
    """One file read: its format, rows read and kept, columns mapped and missing (with why), rows dropped
    (with why), what was dropped or hashed for privacy, and the file's columns left unused."""

    file: str
    format: str
    language: str
    rows_read: int = 0
    posts: int = 0
    mapped: dict[str, str] = field(default_factory=dict)
    missing: dict[str, str] = field(default_factory=dict)
    dropped: dict[str, int] = field(default_factory=dict)
    privacy: list[str] = field(default_factory=list)
    unused: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def drop(self, reason: str, count: int = 1) -> None:
        if count:
            self.dropped[reason] = self.dropped.get(reason, 0) + count

    def __str__(self) -> str:
        language = LANGUAGE_NAMES.get(self.language, self.language)
        lines = [f"{self.file}: {self.format}, {language} headers: {self.rows_read} rows read, "
                 f"{self.posts} posts kept."]
        if self.mapped:
            lines.append("  mapped: " + ", ".join(f'{column} <- "{header}"' for column, header in self.mapped.items()))
        reasons: dict[str, list[str]] = {}
        for column, why in self.missing.items():
            reasons.setdefault(why, []).append(column)
        lines += [f"  missing: {', '.join(columns)} ({why})" for why, columns in reasons.items()]
        lines += [f"  dropped {count}: {reason}" for reason, count in self.dropped.items()]
        lines += [f"  privacy: {line}" for line in self.privacy]
        if self.unused:
            lines.append("  not used (no course column takes them): " + ", ".join(self.unused))
        lines += [f"  note: {line}" for line in self.notes]
        return "\n".join(lines)
