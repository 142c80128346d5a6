"""Your own accounts: read the per-post analytics exports of the platforms onto the course's ``posts`` columns.

Meta Business Suite (Facebook, Instagram), X (the older tweet activity file and the current content
file), YouTube Studio, LinkedIn Pages and TikTok Studio each export their posts' figures in a file of
their own. :func:`read_export` recognises the format from the column names (in English, French or
Spanish), maps what it can onto the columns of ``posts`` and says in a report what it mapped, what is
missing and why, which rows it dropped and what it dropped for privacy. :func:`read_exports` reads a
whole folder, one account per file. The course ships a demo folder, the sample parliament's posts in
each platform's format:

>>> folder = read_exports(DEMO_EXPORTS)
>>> sorted(folder.table["platform"].unique().astype(str))
['facebook', 'instagram', 'linkedin', 'tiktok', 'x', 'youtube']
>>> table, report = read_export(DEMO_EXPORTS / "INS-X.csv")
>>> "reach" in table, report.missing["reach"].startswith("X gives impressions but no reach")
(False, True)
"""

from ..paths import SHIPPED_DATA
from .formats import FORMATS, Format
from .reader import PRIVATE, Export, ExportFolder, read_export, read_exports
from .report import ExportError, Report

__all__ = ["read_export", "read_exports", "Export", "ExportFolder", "Report", "ExportError", "FORMATS",
           "Format", "PRIVATE", "DEMO_EXPORTS"]

#: The demo folder: the sample parliament's posts written in each platform's export format.
DEMO_EXPORTS = SHIPPED_DATA / "exports-demo"
