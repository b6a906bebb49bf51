"""Hotlist hit logs at the command line: import (CSV and XLSX), show, refusals; the real binary, both databases."""

import json
import pathlib

import pytest

from test_cli import backends, db, run  # noqa: F401  (db is a fixture)
from test_evidence_cli import setup, write_xlsx

FIXTURE = pathlib.Path(__file__).resolve().parents[1] / "fixtures" / "hit_logs" / "synthetic-hits.csv"


def test_help_for_hit_log():
    for args in [["hit-log"], ["hit-log", "import"], ["hit-log", "show"]]:
        assert "USAGE:" in run(*args, "--help").stdout, args


@pytest.mark.parametrize("db", list(backends()), indirect=True)
def test_a_hit_log_is_counted_and_its_immigration_violator_hits_become_a_draft(db, tmp_path):
    agencies = setup(db, tmp_path)
    ev = ["--evidence-dir", str(tmp_path / "evidence")]
    atherton = str(agencies["Atherton CA PD"])
    out = run("hit-log", "import", str(FIXTURE), "--agency", atherton, "--as", "vol@example.org", "--received-on", "2026-04-02",
              "--source-url", "https://example.org/hits", *ev, *db).stdout
    assert "Imported 8 hits (2026-01-05 to 2026-03-09) as 8 counts by month, list and topic; the log is evidence #1." in out, out
    assert "Not kept: Plate, Camera, Acknowledged By." in out
    assert "2 hits labelled Immigration Violator (2026-02-02 to 2026-03-03): draft finding #1 waits for a second person" in out
    shown = json.loads(run("hit-log", "show", "--agency", atherton, "--json", *db).stdout)
    assert shown["imports"] == [{"id": 1, "evidence_id": 1, "hits": 8, "first_day": "2026-01-05", "last_day": "2026-03-09", "finding_id": 1}]
    assert sum(c["hits"] for c in shown["counts"]) == 8
    assert [c for c in shown["counts"] if c["immigration_violator"]] == [
        {"month": "2026-02", "list": "NCIC", "topic": "Immigration Violator", "hits": 1, "immigration_violator": True},
        {"month": "2026-03", "list": "NCIC", "topic": "Immigration Violator", "hits": 1, "immigration_violator": True}]
    assert "SYN" not in json.dumps(shown)
    text = run("hit-log", "show", "--agency", atherton, *db).stdout
    assert "Import #1: evidence #1, 8 hits from 2026-01-05 to 2026-03-09, draft finding #1" in text and "[Immigration Violator]" in text
    # The draft waits for a second person and is not public yet.
    assert "UNVERIFIED" in run("findings", "list", "--unverified", *db).stdout
    assert json.loads(run("agencies", "show", atherton, "--json", *db).stdout)["findings"] == []
    assert "verified by rev@example.org" in run("findings", "verify", "1", "--as", "rev@example.org", *db).stdout
    # The same file again: refused, nothing added.
    again = run("hit-log", "import", str(FIXTURE), "--agency", atherton, "--as", "vol@example.org", *ev, *db, check=False)
    assert again.returncode == 1 and "this hit log was already imported (evidence #1" in again.stderr, again.stderr
    assert len(json.loads(run("hit-log", "show", "--agency", atherton, "--json", *db).stdout)["imports"]) == 1
    # An export whose days overlap the first: imported, with a warning that counts add up.
    march = tmp_path / "march.csv"
    march.write_text("Hit Time,Hotlist,Reason\n2026-03-01,NCIC,Stolen Vehicle\n")
    out = run("hit-log", "import", str(march), "--agency", atherton, *ev, *db).stdout
    assert "note: import #1 (evidence #1) also covers days from 2026-01-05 to 2026-03-09" in out, out


@pytest.mark.parametrize("db", list(backends()), indirect=True)
def test_an_xlsx_hit_log_and_refusals(db, tmp_path):
    agencies = setup(db, tmp_path)
    ev = ["--evidence-dir", str(tmp_path / "evidence")]
    reno = str(agencies["Reno NV PD"])
    header = ["Alert Time", "License Plate", "List Name", "Alert Type"]
    bad = tmp_path / "bad.xlsx"
    write_xlsx(bad, [header, [46023.5, "SYN1", "NCIC", "Stolen Vehicle"], ["soon", "SYN2", "NCIC", "Stolen Vehicle"]])
    result = run("hit-log", "import", str(bad), "--agency", reno, *ev, *db, check=False)
    assert result.returncode == 1 and "bad.xlsx:3:1" in result.stderr and '"soon" is not a date' in result.stderr, result.stderr
    good = tmp_path / "hits.xlsx"
    write_xlsx(good, [header, [46023.5, "SYN1", "NCIC", "Stolen Vehicle"], [46056.25, "SYN2", "County list", "Stolen Vehicle"]])
    out = run("hit-log", "import", str(good), "--agency", reno, *ev, *db).stdout
    assert "Imported 2 hits (2026-01-01 to 2026-02-03)" in out and "Immigration Violator" not in out and "note:" not in out, out
    shown = json.loads(run("hit-log", "show", "--agency", reno, "--json", *db).stdout)
    assert [(c["month"], c["list"], c["hits"]) for c in shown["counts"]] == [("2026-01", "NCIC", 1), ("2026-02", "County list", 1)]
    # Refusals: exit 1 with file:line and field; nothing stored.
    html = tmp_path / "page.xlsx"
    html.write_text("<!DOCTYPE html><html><body>Sign in</body></html>")
    refused = run("hit-log", "import", str(html), "--agency", reno, *ev, *db, check=False)
    assert refused.returncode == 1 and "web page (HTML)" in refused.stderr, refused.stderr
    no_list = tmp_path / "nolist.csv"
    no_list.write_text("Hit Time,Plate\n2026-01-01,SYN3\n")
    refused = run("hit-log", "import", str(no_list), "--agency", reno, *ev, *db, check=False)
    assert refused.returncode == 1 and "nolist.csv:1" in refused.stderr and "no column for a list" in refused.stderr, refused.stderr
    violator = tmp_path / "violator.csv"
    violator.write_text("Hit Time,Hotlist,Reason\n2026-01-01,NCIC,Immigration Violator\n")
    refused = run("hit-log", "import", str(violator), "--agency", reno, *ev, *db, check=False)
    assert refused.returncode == 1 and "--as EMAIL" in refused.stderr, refused.stderr
    assert len(json.loads(run("hit-log", "show", "--agency", reno, "--json", *db).stdout)["imports"]) == 1
    # Bad command lines: exit 64 with the usage.
    usage = run("hit-log", "import", str(good), "--agency", reno, "--received-on", "April", *db, check=False)
    assert usage.returncode == 64 and "Usage: hotlistwatch hit-log import" in usage.stderr, usage.stderr
    assert run("hit-log", "show", *db, check=False).returncode == 64
    missing = run("hit-log", "show", "--agency", "99999", *db, check=False)
    assert missing.returncode == 1 and "agency 99999 does not exist" in missing.stderr
