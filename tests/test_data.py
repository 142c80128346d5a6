"""The sample data: deterministic, documented, typed, and loud when broken."""
from __future__ import annotations

import shutil
import subprocess
import sys

import pandas as pd
import pytest

from course.data import DataFileError, load, load_all, sample
from course.generator import generate
from course.schema import TABLES


def test_regeneration_is_byte_identical(root, tmp_path):
    result = subprocess.run([sys.executable, "-m", "course.cli", "data", "--out", str(tmp_path)],
                            capture_output=True, text=True, check=True)
    assert "Wrote 13 tables" in result.stdout
    for table in TABLES.values():
        shipped = (root / "data" / table.filename).read_bytes()
        assert (tmp_path / table.filename).read_bytes() == shipped, f"{table.filename} differs from data/"


def test_data_folder_holds_exactly_the_documented_tables(root):
    assert sorted(p.name for p in (root / "data").glob("*.csv")) == sorted(t.filename for t in TABLES.values())


def test_another_seed_gives_other_numbers_with_the_same_shape():
    a, b = generate(seed=1), generate(seed=2)
    for name in TABLES:
        assert list(a[name].columns) == list(b[name].columns)
    assert not a["posts"]["reach"].equals(b["posts"]["reach"])
    fixed = lambda t: t["accounts"].query("account_type != 'member'")["account_id"].tolist()  # noqa: E731
    assert fixed(a) == fixed(b)  # the institution and committees are the same on every seed
    assert "MEM03-X" in set(a["accounts"]["account_id"]) & set(b["accounts"]["account_id"])


def test_scale_multiplies_members_posts_and_respondents():
    one, three = generate(seed=5, scale=1), generate(seed=5, scale=3)
    members = lambda t: t["accounts"].query("account_type == 'member'")["name"].nunique()  # noqa: E731
    assert members(three) == 3 * members(one)
    assert len(three["survey"]) == 3 * len(one["survey"])
    assert 1.8 * len(one["posts"]) < len(three["posts"]) < 4 * len(one["posts"])


def test_scale_below_one_is_refused():
    with pytest.raises(ValueError, match="scale"):
        generate(scale=0)


@pytest.mark.parametrize("name", list(TABLES))
def test_dictionary_matches_the_file(shipped, name):
    df, table = shipped[name], TABLES[name]
    assert list(df.columns) == list(table.columns)
    assert len(df) > 0
    for column, spec in table.columns.items():
        values = df[column]
        if not spec.nullable:
            assert values.notna().all(), f"{name}.{column} has empty values"
        kind = {"int": "i", "float": "f", "bool": "b", "date": "M", "datetime": "M"}.get(spec.kind)
        if kind:
            assert values.dtype.kind == kind, f"{name}.{column} is {values.dtype}, dictionary says {spec.kind}"
        if spec.kind == "category":
            assert list(values.cat.categories) == list(spec.allowed)
            assert values.dropna().isin(spec.allowed).all()
        if spec.kind == "date":
            assert (values.dropna() == values.dropna().dt.normalize()).all(), f"{name}.{column} has times"
        assert spec.meaning.endswith((".", ")")), f"{name}.{column} needs a one-sentence meaning"
    key = [k.strip() for k in table.key.split(",")]
    assert not df.duplicated(subset=key).any(), f"{name}: key {table.key} is not unique"


def test_references_between_tables_hold(shipped):
    accounts = set(shipped["accounts"]["account_id"])
    for name in ("posts", "followers", "audience", "comments"):
        assert set(shipped[name]["account_id"]) <= accounts, name
    assert set(shipped["comments"]["post_id"]) <= set(shipped["posts"]["post_id"])
    campaigns = set(shipped["campaigns"]["campaign_id"])
    for name in ("posts", "web_visits", "consultations"):
        assert set(shipped[name]["campaign_id"].dropna()) <= campaigns, name


def test_shapes_are_realistic(shipped):
    posts, followers = shipped["posts"], shipped["followers"]
    assert posts["posted_at"].min() < pd.Timestamp("2024-01-08")
    assert posts["posted_at"].max() > pd.Timestamp("2025-12-24")  # two years, so last year is a baseline
    engagements = posts["reactions"] + posts["comments"] + posts["shares"]
    assert engagements.mean() > 2 * engagements.median()  # heavy-tailed
    assert (posts["reach"] <= posts["impressions"]).all()
    weekend = posts["posted_at"].dt.day_of_week >= 5
    assert weekend.mean() < 0.2  # staff post on weekdays
    calendar = shipped["calendar"].set_index("date")["period"]
    per_day = posts.groupby(posts["posted_at"].dt.normalize()).size()
    assert per_day[calendar[calendar == "sitting"].index].mean() > 1.5 * per_day.reindex(
        calendar[calendar == "recess"].index).mean()
    change = followers.groupby("account_id")["followers"].agg(["first", "last"])
    assert (followers["lost"] > 0).any() and (change["last"] > change["first"]).mean() > 0.8
    shares = shipped["audience"].groupby(["account_id", "month"])["share"].sum()
    assert shares.sub(1).abs().max() < 1e-3


def test_load_returns_a_fresh_copy_each_time():
    first = load("campaigns")
    first.loc[0, "budget_eur"] = -1
    assert load("campaigns").loc[0, "budget_eur"] > 0


def test_sample_data_is_typed_like_the_files(shipped):
    other = sample(7)
    for name in TABLES:
        assert dict(other[name].dtypes) == dict(shipped[name].dtypes), name


def test_samples_made_ahead_are_read_not_generated_again(tmp_path, monkeypatch):
    """With $COURSE_SAMPLES (the grader's kernels), sample() reads the seeds made ahead and generates the others."""
    from course import data

    data.write_samples(tmp_path, [7])
    expected = sample(7)

    def generate_refused(seed, **_):
        raise RuntimeError(f"generated seed {seed}")

    monkeypatch.setenv(data.SAMPLES_VARIABLE, str(tmp_path))
    monkeypatch.setattr(data, "generate", generate_refused)
    data._sample.cache_clear()
    try:
        made_ahead = sample(7)
        assert all(made_ahead[name].equals(expected[name]) for name in TABLES)
        assert dict(made_ahead["posts"].dtypes) == dict(expected["posts"].dtypes)
        with pytest.raises(RuntimeError, match="generated seed 3"):
            sample(3)
    finally:
        data._sample.cache_clear()
    assert not (tmp_path / "seed-7.pickle").stat().st_mode & 0o222, "made-ahead samples are read-only"


def test_unknown_table_names_the_tables():
    with pytest.raises(KeyError, match="posts"):
        load("tweets")


def _copy_data(root, tmp_path):
    folder = tmp_path / "data"
    shutil.copytree(root / "data", folder)
    return folder


def test_missing_file_names_the_file_and_the_fix(root, tmp_path):
    folder = _copy_data(root, tmp_path)
    (folder / "posts.csv").unlink()
    with pytest.raises(DataFileError) as error:
        load("posts", folder)
    message = str(error.value)
    assert str(folder / "posts.csv") in message and "missing" in message and "course data" in message
    assert len(load_all.__doc__) and load("accounts", folder).shape[0] > 0  # other tables still load


@pytest.mark.parametrize("damage, says", [
    (lambda text: "", "not readable CSV"),
    (lambda text: "\x00\xff garbage \"unclosed\n" * 3, "missing columns"),
    (lambda text: text.replace("account_id,", "acount_id,", 1), "missing columns ['account_id']"),
    (lambda text: text.replace(",facebook,", ",myspace,", 1), "value outside"),
    (lambda text: text.replace("2024-01-01", "yesterday", 1), "does not fit"),
])
def test_corrupt_file_names_the_file_and_the_fix(root, tmp_path, damage, says):
    folder = _copy_data(root, tmp_path)
    path = folder / "posts.csv"
    path.write_text(damage(path.read_text()))
    with pytest.raises(DataFileError) as error:
        load("posts", folder)
    message = str(error.value)
    assert message.startswith(str(path)) and says in message and "course data" in message


def test_non_utf8_file_is_reported(root, tmp_path):
    folder = _copy_data(root, tmp_path)
    path = folder / "calendar.csv"
    path.write_bytes(path.read_bytes() + "\n2026-01-01,recess,Fête\n".encode("latin-1"))
    with pytest.raises(DataFileError, match="calendar.csv: the file is not readable CSV"):
        load("calendar", folder)
