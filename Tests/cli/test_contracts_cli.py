"""`import contracts`, `import officials` and `contracts list` against real databases."""

import json
import shutil

import pytest

from test_cli import REPO_ROOT, backends, db, run, write_dataset  # noqa: F401 (db is a fixture)

EXAMPLES = REPO_ROOT / "docs" / "examples"


def contracts_of(db):
    return json.loads(run("contracts", "list", "--json", *db).stdout)


@pytest.mark.parametrize("db", list(backends()), indirect=True)
def test_import_contracts_good_then_bad_file(db, tmp_path):
    run("import", "private-eyes", write_dataset(tmp_path / "pe"), *db)
    good = tmp_path / "contracts.csv"
    shutil.copy(EXAMPLES / "contracts.csv", good)
    first = run("import", "contracts", str(good), *db)
    assert "contracts: 2 added, 0 updated, 0 unchanged" in first.stdout
    again = run("import", "contracts", str(good), *db)
    assert "contracts: 0 added, 0 updated, 2 unchanged" in again.stdout
    listed = contracts_of(db)
    assert [c["agency"] for c in listed] == ["Reno NV PD", "Sparks NV PD"]
    sparks = listed[1]
    assert sparks["vendor"] == "Flock Safety" and sparks["end_date"] == "2027-02-01" and sparks["amount_usd"] == "$125,000"
    assert sparks["cameras"] == 40 and sparks["confidence"] == "high" and sparks["source_title"].startswith("City council agenda")
    assert [c["state"] for c in json.loads(run("contracts", "list", "--state", "NV", "--json", *db).stdout)] == ["NV", "NV"]

    before = contracts_of(db)
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "agency,state,vendor,end_date,amount_usd,source_url,source_title\n"
        "Sparks NV PD,NV,Flock Safety,2027-02-01,999,https://sparks.example.gov/a,Changed\n"
        "Nowhere PD,NV,Flock Safety,2027-13-01,lots,https://a.example.gov,A\n"
        "Reno NV PD,NV,Flock Safety,,,,\n")
    result = run("import", "contracts", str(bad), *db, check=False)
    assert result.returncode == 1
    assert 'bad.csv:3:4 (field "end_date"): "2027-13-01" is not a date.' in result.stderr
    assert 'bad.csv:3:5 (field "amount_usd")' in result.stderr
    assert 'bad.csv:4:6 (field "source_url"): the source is empty.' in result.stderr
    assert contracts_of(db) == before

    # A file whose cells are fine but whose agency is unknown is refused as a whole too.
    unknown = tmp_path / "unknown.csv"
    unknown.write_text("agency,state,vendor,source_url,source_title\nSparks NV PD,NV,Motorola,https://a.example.gov,A\nNowhere PD,NV,Flock,https://a.example.gov,A\n")
    result = run("import", "contracts", str(unknown), *db, check=False)
    assert result.returncode == 1
    assert 'unknown.csv:3:1 (field "agency"): no agency in the directory matches "Nowhere PD" in NV.' in result.stderr
    assert contracts_of(db) == before


@pytest.mark.parametrize("db", list(backends()), indirect=True)
def test_import_officials_and_list_renewals(db, tmp_path):
    run("import", "private-eyes", write_dataset(tmp_path / "pe"), *db)
    result = run("import", "officials", str(EXAMPLES / "officials.csv"), *db)
    assert "governing bodies: 2 added" in result.stdout and "officials: 3 added" in result.stdout
    assert "officials: 0 added, 0 updated, 3 unchanged" in run("import", "officials", str(EXAMPLES / "officials.csv"), *db).stdout
    bad = run("contracts", "list", "--renewing-within", "0", *db, check=False)
    assert bad.returncode == 64 and "1 to 730" in bad.stderr


def test_help():
    for args in [["import", "contracts"], ["import", "officials"], ["contracts"], ["contracts", "list"]]:
        assert "USAGE:" in run(*args, "--help").stdout, args
