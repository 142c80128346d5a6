"""Your own accounts: the platforms' exports read onto the posts columns, the demo folder, `course exports`."""
from __future__ import annotations

import csv
import io
import shutil
import subprocess
import sys

import pandas as pd
import pytest

from course import cli
from course.data import load
from course.exports import DEMO_EXPORTS, ExportError, read_export, read_exports
from course.exports.demo import DEMO_ACCOUNTS, abbreviate, demo_posts
from course.exports.headers import HEADERS, field_of
from course.exports.values import parse_count

COUNTS = ["impressions", "reach", "reactions", "comments", "shares", "clicks", "video_views"]
# What each demo file must give back, and the quirk its bytes must show.
MAPPED = {
    "INS-FB.csv": (["post_id", "posted_at", "format", "reach", "reactions", "comments", "shares", "clicks"],
                   b"\xef\xbb\xbfPost ID"),
    "COM-ENV-FB.csv": (["post_id", "posted_at", "format", "impressions", "reach", "reactions", "comments",
                        "shares", "clicks"], "Heure de publication".encode()),
    "INS-IG.csv": (["post_id", "posted_at", "format", "reach", "reactions", "comments", "shares"],
                   b"\nLifetime: each value"),
    "INS-X.csv": (["post_id", "posted_at", "impressions", "reactions", "comments", "shares", "clicks"],
                  b",\"Tue, "),
    "COM-FIN-X.csv": (["post_id", "posted_at", "impressions", "reactions", "comments", "shares", "clicks"],
                      b" +0000,"),
    "INS-YT.csv": (["post_id", "posted_at", "impressions", "video_views"], b"\r\nTotal,"),
    "INS-LI.xlsx": (["posted_at", "impressions", "reactions", "comments", "shares", "clicks"], b"PK"),
    "INS-TT.csv": (["posted_at", "reactions", "comments", "shares", "video_views"], "K,".encode()),
}
DAY_ONLY = {"INS-X.csv", "INS-YT.csv", "INS-LI.xlsx"}


@pytest.fixture(scope="module")
def posts():
    return load("posts")


def test_the_demo_folder_is_regenerated_byte_for_byte(tmp_path):
    result = subprocess.run([sys.executable, "-m", "course.cli", "exports", str(tmp_path), "--write-demo"],
                            capture_output=True, text=True, check=True)
    assert "Wrote 8 demo exports" in result.stdout
    assert sorted(p.name for p in DEMO_EXPORTS.iterdir()) == sorted(DEMO_ACCOUNTS)
    for name in DEMO_ACCOUNTS:
        assert (tmp_path / name).read_bytes() == (DEMO_EXPORTS / name).read_bytes(), f"{name} differs"
    assert sum(p.stat().st_size for p in DEMO_EXPORTS.iterdir()) < 400_000


@pytest.mark.parametrize("name", list(MAPPED))
def test_every_format_gives_back_the_sample_posts(posts, name):
    """Sample posts -> the platform's export, quirks and all -> the reader: the mapped columns come back."""
    columns, quirk = MAPPED[name]
    assert quirk in (DEMO_EXPORTS / name).read_bytes()
    table, report = read_export(DEMO_EXPORTS / name)
    account = DEMO_ACCOUNTS[name][0]
    expected = demo_posts(posts, account)
    assert sorted(report.mapped) == sorted(columns)
    assert [c for c in table.columns if c in expected.columns] == [
        c for c in expected.columns if c in {*columns, "post_id", "account_id", "platform"}]
    assert (table["account_id"] == account).all() and (table["platform"] == expected["platform"]).all()
    assert len(table) == len(expected) == report.posts
    for column in columns:
        got, want = table[column], expected[column]
        if column == "posted_at" and name in DAY_ONLY:
            want = want.dt.normalize()
        if column in COUNTS:
            if name == "INS-TT.csv":  # TikTok writes 1.2K: the export's own rounding is all that is lost
                want = want.map(lambda n: parse_count(abbreviate(n)))
            got, want = got.astype("int64"), want.astype("int64")
        assert got.tolist() == want.tolist(), f"{name}: {column}"
    assert table["time_known"].all() == (name not in DAY_ONLY)
    if "post_id" not in columns:  # hashed from the link: one id per post, no link in it
        assert table["post_id"].is_unique and not table["post_id"].str.contains("http").any()


def test_the_quirks_are_reported(posts):
    folder = read_exports(DEMO_EXPORTS)
    reports = {r.file: r for r in folder.reports}
    assert reports["INS-IG.csv"].dropped == {"description row(s) under the header": 1}
    assert reports["INS-YT.csv"].dropped == {"\"Total\" row(s), a sum of the others": 1}
    assert list(reports["INS-LI.xlsx"].dropped.values()) == [1] and "sponsored" in str(reports["INS-LI.xlsx"])
    assert reports["COM-ENV-FB.csv"].language == "fr"
    assert "day/month/year" in str(reports["COM-ENV-FB.csv"])
    for name in ("INS-X.csv", "COM-FIN-X.csv", "INS-YT.csv", "INS-LI.xlsx", "INS-TT.csv"):
        assert "no reach" in reports[name].missing["reach"], name
    for report in reports.values():
        assert {"alt_text", "captions", "topic"} <= set(report.missing)
    assert "not the course's impressions" in reports["INS-FB.csv"].missing["impressions"]
    assert "Views" in reports["INS-FB.csv"].unused and "Average view duration" in reports["INS-YT.csv"].unused
    assert "Post type" not in reports["INS-LI.xlsx"].unused  # it tells the sponsored posts
    assert len(folder.table) == sum(len(demo_posts(posts, account)) for account, _ in DEMO_ACCOUNTS.values())
    assert folder.table["reach"].dtype == "Int64" and folder.table["reach"].isna().any()


def test_privacy_drops_text_staff_handles_and_links_unless_asked():
    kept = read_export(DEMO_EXPORTS / "INS-LI.xlsx", keep=["text", "staff", "links"])
    default = read_export(DEMO_EXPORTS / "INS-LI.xlsx")
    assert {"text", "staff", "links"} <= set(kept.table.columns)
    assert kept.table["staff"].str.contains("Mira Talven").any() and kept.table["links"].str.startswith("https").all()
    text = default.table.astype(str).to_csv()
    assert "Mira Talven" not in text and "http" not in text and "news from" not in text
    assert any("names of the staff" in line and "keep=['staff']" in line for line in default.report.privacy)
    handles = read_export(DEMO_EXPORTS / "INS-IG.csv")
    assert "@Lumeria" not in handles.table.astype(str).to_csv() and "@handles" in str(handles.report)
    assert "@LumeriaParliament" in read_export(DEMO_EXPORTS / "INS-IG.csv", keep=["handles"]).table["handles"][0]
    with pytest.raises(ValueError, match="keep takes"):
        read_export(DEMO_EXPORTS / "INS-IG.csv", keep=["everything"])


def test_times_in_utc_move_to_the_timezone_asked():
    utc = read_export(DEMO_EXPORTS / "COM-FIN-X.csv").table["posted_at"]
    paris = read_export(DEMO_EXPORTS / "COM-FIN-X.csv", timezone="Europe/Paris").table["posted_at"]
    assert set((paris - utc).dt.total_seconds() / 3600) <= {1.0, 2.0} and (paris != utc).all()


def test_every_french_and_spanish_header_reads_as_its_field():
    for field, (english, french, spanish) in HEADERS.items():
        for name in (field, *english, *french, *spanish):
            assert field_of(name)[0] == field, name


def test_a_spanish_export_reads_like_the_french_one(tmp_path):
    french = (DEMO_EXPORTS / "COM-ENV-FB.csv").read_bytes().decode("utf-8-sig")
    header, rest = french.split("\r\n", 1)
    spanish_names = {"Identifiant de la publication": "Identificador de la publicación",
                     "Identifiant de la Page": "Identificador de la página", "Nom de la Page": "Nombre de la página",
                     "Titre": "Título", "Heure de publication": "Hora de publicación",
                     "Lien permanent": "Enlace permanente", "Type de publication": "Tipo de publicación",
                     "Couverture": "Alcance", "Réactions": "Reacciones", "Commentaires": "Comentarios",
                     "Partages": "Veces que se compartió", "Total des clics": "Clics totales",
                     "Impressions": "Impresiones"}
    translated = ",".join(spanish_names.get(name, name) for name in header.split(","))
    assert sum(name in spanish_names for name in header.split(",")) == len(spanish_names)
    (tmp_path / "COM-ENV-FB.csv").write_bytes((translated + "\r\n" + rest).encode("utf-8"))
    spanish = read_export(tmp_path / "COM-ENV-FB.csv")
    assert spanish.report.language == "es"
    pd.testing.assert_frame_equal(spanish.table, read_export(DEMO_EXPORTS / "COM-ENV-FB.csv").table)


def _bad_files(folder):
    """Each bad input of the issue, and what its message must say."""
    import openpyxl

    x = (DEMO_EXPORTS / "INS-X.csv").read_bytes()
    (folder / "notes.csv").write_text("Name,Email\nAda,ada@example.org\n")
    (folder / "cut-x.csv").write_bytes(x[: x.index(b"\n", 3000) + 40])
    workbook = openpyxl.Workbook()
    for row in ([1, 2, 3], [4, 5, 6]):
        workbook.active.append(row)
    workbook.save(folder / "figures.xlsx")
    shutil.copy(DEMO_EXPORTS / "INS-IG.csv", folder / "committee-facebook.csv")
    (folder / "tiktok-empty.csv").write_text((DEMO_EXPORTS / "INS-TT.csv").read_text().splitlines()[0] + "\n")
    (folder / "report.pdf").write_bytes(b"%PDF-1.4")
    return {"notes.csv": "those of no export the course reads", "cut-x.csv": "ends in the middle of a row",
            "figures.xlsx": "no row of column names", "committee-facebook.csv": "its name says facebook, but it "
            "is a Meta Business Suite, Instagram export", "tiktok-empty.csv": "no posts",
            "report.pdf": "not a CSV or Excel file"}


def test_each_bad_file_gets_its_message_and_the_others_load(tmp_path):
    folder = tmp_path / "exports"
    shutil.copytree(DEMO_EXPORTS, folder)
    says = _bad_files(folder)
    result = read_exports(folder)
    assert len(result.problems) == len(says)
    for name, message in says.items():
        mine = [p for p in result.problems if p.startswith(f"{name}: ")]
        assert len(mine) == 1 and message in mine[0], (name, mine)
    assert sorted(r.file for r in result.reports) == sorted(DEMO_ACCOUNTS)
    assert len(result.table) == len(read_exports(DEMO_EXPORTS).table)
    with pytest.raises(ExportError, match="cut-x.csv: the file ends in the middle of a row"):
        read_export(folder / "cut-x.csv")


def test_a_count_that_is_not_a_number_names_the_line_and_column(tmp_path):
    text = (DEMO_EXPORTS / "INS-TT.csv").read_text().splitlines()
    text[3] = text[3].replace(",https", ",https", 1).rsplit(",", 1)[0] + ",lots"
    (tmp_path / "INS-TT.csv").write_text("\n".join(text) + "\n")
    with pytest.raises(ExportError, match=r"INS-TT.csv, line 4, column \"Total views\": 'lots' is not a count"):
        read_export(tmp_path / "INS-TT.csv")


def test_course_exports_prints_the_report_and_writes_the_table(tmp_path, capsys):
    out = tmp_path / "mine" / "posts.csv"
    assert cli.main(["exports", str(DEMO_EXPORTS), "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    for name in DEMO_ACCOUNTS:
        assert f"\n{name}: " in f"\n{printed}", name
    assert "privacy: dropped post text" in printed and f"Wrote {len(read_exports(DEMO_EXPORTS).table)} posts" in printed
    written = pd.read_csv(out)
    expected = read_exports(DEMO_EXPORTS).table
    assert list(written.columns) == list(expected.columns) and len(written) == len(expected)
    assert written["reach"].sum() == expected["reach"].sum()


def test_course_exports_says_which_files_it_could_not_read(tmp_path, capsys):
    folder = tmp_path / "exports"
    folder.mkdir()
    shutil.copy(DEMO_EXPORTS / "INS-X.csv", folder)
    (folder / "notes.csv").write_text("Name,Email\nAda,ada@example.org\n")
    assert cli.main(["exports", str(folder)]) == 1
    printed = capsys.readouterr().out
    assert "NOT READ notes.csv: its columns" in printed and "INS-X.csv: X, content" in printed


def _run_notebook(root, folder=None):
    import nbformat
    from nbclient import NotebookClient

    notebook = nbformat.read(root / "book" / "your-accounts.ipynb", as_version=4)
    assert not [c for c in notebook.cells if c.cell_type == "code" and c.outputs], "committed without outputs"
    if folder is not None:
        setup = notebook.cells[1]
        assert "FOLDER = DEMO_EXPORTS" in setup.source
        setup.source = setup.source.replace("FOLDER = DEMO_EXPORTS", f"FOLDER = {str(folder)!r}")
    NotebookClient(notebook, timeout=60, resources={"metadata": {"path": str(root / "book")}}).execute()
    printed = "\n".join(o.get("text", "") + o.get("data", {}).get("text/plain", "")
                        for c in notebook.cells if c.cell_type == "code" for o in c.outputs)
    figures = sum("application/vnd.plotly.v1+json" in o.get("data", {}) for c in notebook.cells
                  if c.cell_type == "code" for o in c.outputs)
    return printed, figures


def test_the_notebook_runs_the_analyses_on_the_demo_folder(root):
    printed, figures = _run_notebook(root)
    assert figures == 3, "the baseline, the slots and the format lift are drawn"
    assert "Not measured: INS-X, median engagement rate: no reach." in printed
    assert "No baseline" not in printed and "No slot" not in printed and "No format lift" not in printed


def test_the_notebook_on_an_x_file_says_what_it_skipped_and_why(root, tmp_path):
    shutil.copy(DEMO_EXPORTS / "INS-X.csv", tmp_path)
    printed, figures = _run_notebook(root, tmp_path)
    assert figures == 0
    assert "Left out: INS-X.csv: no reach (X gives impressions but no reach" in printed
    for skipped in ("No baseline", "No slot holds", "No format lift", "Not measured: INS-X, median engagement rate"):
        assert skipped in printed, skipped


def test_course_exports_keeps_what_it_is_asked_to(tmp_path, capsys):
    out = tmp_path / "posts.csv"
    assert cli.main(["exports", "--keep", "text", "--keep", "staff", str(DEMO_EXPORTS), "--out", str(out)]) == 0
    written = pd.read_csv(out)
    assert {"text", "staff"} <= set(written.columns) and "links" not in written.columns
    assert "kept post text" in capsys.readouterr().out


def test_a_semicolon_file_whose_texts_hold_commas_is_read_by_its_header(tmp_path):
    """French Excel saves with semicolons; post texts full of commas must not make it read as a comma file."""
    lines = ["Identifiant de la publication;Identifiant de la Page;Description;Heure de publication;"
             "Type de publication;Couverture;Réactions;Commentaires;Partages"]
    text = "Vote, débat, séance, loi, budget, rapport, avis, amendement, vote, texte"
    lines += [f"12_{day};104;{text};{day:02d}/03/2025 10:00;Photos;1 2{day:02d};1,2 k;3;4" for day in range(1, 11)]
    (tmp_path / "press.csv").write_bytes(("\ufeff" + "\r\n".join(lines) + "\r\n").encode("utf-8"))
    table, report = read_export(tmp_path / "press.csv")
    assert report.format == "Meta Business Suite, Facebook" and report.language == "fr" and len(table) == 10
    assert table["reach"].tolist() == [1201 + i for i in range(10)] and (table["reactions"] == 1200).all()


def test_a_file_with_a_row_per_day_is_not_read_as_posts(tmp_path):
    """YouTube's zip holds a day-by-day "Chart data.csv" beside "Table data.csv": its posts would count many times."""
    header, rest = (DEMO_EXPORTS / "INS-YT.csv").read_text().split("\n", 1)
    first_video = rest.splitlines()[1]
    (tmp_path / "Chart data.csv").write_text(
        "Date," + header + "\n" + "".join(f"2025-12-{day:02d},{first_video}\n" for day in (1, 2)))
    with pytest.raises(ExportError, match="Chart data.csv: a file with a row per day.*Table data.csv"):
        read_export(tmp_path / "Chart data.csv")
    (tmp_path / "twice.csv").write_text(header + "\n" + first_video + "\n" + first_video + "\n")
    with pytest.raises(ExportError, match=r"twice.csv: a file with a row per day, not one per post \(1 post"):
        read_export(tmp_path / "twice.csv")


def test_an_unknown_file_names_the_nearest_export_and_what_it_lacks(tmp_path):
    (tmp_path / "renamed.csv").write_text("POST_ID,page-id,publish_time,REACH,Reactions\n1,2,03/25/2025 22:00,9,1\n")
    with pytest.raises(ExportError, match="The nearest is Meta Business Suite, Facebook, which also needs "
                                          "\"Page ID\": if the file is one, export it again"):
        read_export(tmp_path / "renamed.csv")
    (tmp_path / "renamed.csv").write_text("POST_ID,page_id,publish_time,REACH,Reactions\n1,2,03/25/2025 22:00,9,1\n")
    assert read_export(tmp_path / "renamed.csv").table["reach"].tolist() == [9]


def test_the_scorecard_counts_posts_per_week_over_each_accounts_own_period(root, tmp_path):
    """An X export of two months beside a Facebook export of six: X's rate is not spread over six months.
    A Facebook post with a reach of 0 is left out of the rates, and said so."""
    lines = (DEMO_EXPORTS / "INS-X.csv").read_text().splitlines()
    recent_lines = [line for line in lines[1:] if ", Nov " in line or ", Dec " in line]
    (tmp_path / "INS-X.csv").write_text("\n".join([lines[0], *recent_lines]) + "\n")
    facebook = list(csv.reader(io.StringIO((DEMO_EXPORTS / "INS-FB.csv").read_text(encoding="utf-8-sig"))))
    facebook[1][facebook[0].index("Reach")] = "0"  # a post nobody saw has no rate, and the notebook says so
    with open(tmp_path / "INS-FB.csv", "w", newline="", encoding="utf-8") as file:
        csv.writer(file).writerows(facebook)
    recent = read_export(tmp_path / "INS-X.csv").table["posted_at"]
    per_week = len(recent) * 7 / ((recent.max() - recent.min()).days + 1)
    printed, _ = _run_notebook(root, tmp_path)
    line = next(line for line in printed.splitlines() if "INS-X" in line and "posts per week" in line)
    assert f"{per_week:.3f}" in line, (per_week, line)
    assert "Left out: 1 post(s) with a reach of 0, so no rate." in printed


def test_dates_that_read_both_ways_are_flagged_in_the_report(tmp_path):
    header = "Post ID,Page ID,Publish time,Reach,Reactions,Comments,Shares\n"
    (tmp_path / "early.csv").write_text(header + "1,2,03/04/2025 22:00,100,5,1,1\n2,2,03/05/2025 10:00,90,4,1,1\n")
    notes = read_export(tmp_path / "early.csv").report.notes
    assert notes[0] == "dates read as month/day/year hour:minute" and "check one post" in notes[1]
    assert not any("check one post" in note for note in read_export(DEMO_EXPORTS / "INS-FB.csv").report.notes)
