"""`import atlas` and `import records-contacts`: exit codes, error text and nothing stored on a bad file."""

import json

import pytest

from test_cli import REPO_ROOT, backends, db, run, write_dataset  # noqa: F401 (db is a fixture)

ATLAS = REPO_ROOT / "Tests" / "fixtures" / "atlas"
CONTACTS = REPO_ROOT / "docs" / "examples" / "records-contacts.csv"


def audit(db):
    return run("audit", "export", *db).stdout


def agencies(db):
    return json.loads(run("agencies", "list", "--per-page", "200", "--json", *db).stdout)


@pytest.mark.parametrize("command", ["atlas", "records-contacts"])
def test_bad_command_lines_exit_64_with_the_usage(command, tmp_path):
    for args in ([], ["a.csv", "b.csv"], ["a.csv", "--no-such-option"]):
        result = run("import", command, *args, "--database", str(tmp_path / "x.sqlite"), check=False)
        assert result.returncode == 64, result
        assert f"Usage: hotlistwatch import {command} <file.csv>" in result.stderr


@pytest.mark.parametrize("db", list(backends()), indirect=True)
def test_import_atlas_matches_adds_reports_and_runs_twice_without_change(db, tmp_path):
    run("import", "private-eyes", write_dataset(tmp_path / "pe"), *db)
    run("import", "agencies", str(ATLAS / "directory-before-atlas.csv"), *db)
    first = json.loads(run("import", "atlas", str(ATLAS / "atlas-of-surveillance-sample.csv"), "--json", *db).stdout)
    assert (first["matched"], first["agencies_added"], first["entries_added"], first["links_recorded"]) == (5, 2, 7, 10)
    assert first["skipped"] == {"not automated license plate readers": 3, "vendor is not Flock Safety": 1}
    assert [(a["line"], a["aos_number"], len(a["candidate_ids"])) for a in first["ambiguous"]] == [(12, "AOS90010", 2)]
    names = {(a["name"], a["state"]) for a in agencies(db)["items"]}
    assert ("Springfield Police Department", "IL") in names and ("Carson City Sheriff's Office", "NV") in names
    assert audit(db).count("atlas_entry.add") == 7

    again = run("import", "atlas", str(ATLAS / "atlas-of-surveillance-sample.csv"), *db)
    assert "agencies added: 0" in again.stdout and "Atlas entries: 0 added, 0 updated, 7 unchanged; 0 links recorded" in again.stdout
    assert "rows skipped, vendor is not Flock Safety: 1" in again.stdout
    assert 'line 12 (AOS90010): "Washoe County Sheriff\'s Office" in NV could be agency' in again.stdout


@pytest.mark.parametrize("db", list(backends()), indirect=True)
def test_import_atlas_bad_file_stores_nothing(db, tmp_path):
    run("import", "private-eyes", write_dataset(tmp_path / "pe"), *db)
    before_agencies, before_audit = agencies(db), audit(db)
    bad = tmp_path / "atlas.csv"
    bad.write_text(
        "AOSNUMBER,State,Agency,Technology,Vendor,Link 1\n"
        "AOS1,NV,Elko Police Department,ALPR,Flock Safety,https://elko.example.gov\n"
        "AOS2,Atlantis,Ely Police Department,ALPR,Flock Safety,council minutes\n")
    result = run("import", "atlas", str(bad), *db, check=False)
    assert result.returncode == 1
    assert result.stderr.startswith("error: nothing was imported. Fix these and run again:")
    assert f'{bad}:3:2 (field "state"): "Atlantis" is not a U.S. state.' in result.stderr
    assert f'{bad}:3:6 (field "link_1"): "council minutes" is not a web address.' in result.stderr
    assert agencies(db) == before_agencies and audit(db) == before_audit

    missing = tmp_path / "other.csv"
    missing.write_text("name,state\nElko PD,NV\n")
    result = run("import", "atlas", str(missing), *db, check=False)
    assert result.returncode == 1 and 'missing columns "aosnumber", "agency", "technology", "vendor"' in result.stderr


@pytest.mark.parametrize("db", list(backends()), indirect=True)
def test_import_records_contacts_audited_unchanged_and_all_or_nothing(db, tmp_path):
    run("import", "private-eyes", write_dataset(tmp_path / "pe"), *db)
    first = run("import", "records-contacts", str(CONTACTS), *db)
    assert "records contacts: 0 added, 2 updated, 0 unchanged" in first.stdout
    sparks = json.loads(run("agencies", "show", "1", "--json", *db).stdout)
    assert sparks["records_email"] == "records@sparks.example.gov" and sparks["records_portal_url"] == "https://sparks.example.gov/public-records"
    trail, listed = audit(db), agencies(db)
    assert trail.count("agency.records_contact.update") == 2 and "https://sparks.example.gov/police/contact" in trail
    again = json.loads(run("import", "records-contacts", str(CONTACTS), "--json", *db).stdout)
    assert again["counts"]["records contacts"]["unchanged"] == 2 and audit(db) == trail

    bad = tmp_path / "contacts.csv"
    bad.write_text(
        "agency,state,records_email,source_url\n"
        "Reno NV PD,NV,records@reno.example.gov,https://reno.example.gov\n"
        "Nowhere PD,NV,a@nowhere.example.gov,https://nowhere.example.gov\n")
    result = run("import", "records-contacts", str(bad), *db, check=False)
    assert result.returncode == 1
    assert f'{bad}:3:1 (field "agency"): no agency in the directory matches "Nowhere PD" in NV.' in result.stderr
    assert audit(db) == trail and agencies(db) == listed

    bad.write_text("agency,state,records_email,source_url\nReno NV PD,NV,not an email,\n")
    result = run("import", "records-contacts", str(bad), *db, check=False)
    assert result.returncode == 1
    assert f'{bad}:2:3 (field "records_email"): "not an email" is not an email address.' in result.stderr
    assert f'{bad}:2:4 (field "source_url"): the source is empty.' in result.stderr
    assert audit(db) == trail
