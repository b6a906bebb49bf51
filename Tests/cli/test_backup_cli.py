"""Backups: the database and the evidence in one .zip, restored with every hash and row count checked (issue 11)."""

import json
import zipfile

import pytest

from test_accounts_cli import run_with_input
from test_cli import backends, db, reset_postgres, run, write_dataset  # noqa: F401  (db is a fixture)

PDF = b"%PDF-1.7\n% NCIC topics as configured\n1 0 obj <<>> endobj\n"


def snapshot(args, ev):
    """What a person would compare after a restore: agencies, people, evidence and its integrity."""
    agencies = json.loads(run("agencies", "list", "--json", "--per-page", "5", *args).stdout)
    return {
        "agencies": agencies["total"],
        "first": [a["name"] for a in agencies["items"]],
        "users": sorted(u["email"] for u in json.loads(run("users", "list", "--json", *args).stdout)),
        "evidence": run("evidence", "list", *ev, *args).stdout,
        "verify": run("evidence", "verify", *ev, *args).stdout,
    }


@pytest.mark.parametrize("db", list(backends()), indirect=True)
def test_a_backup_restores_to_the_same_data_and_files(db, tmp_path):
    run("import", "private-eyes", write_dataset(tmp_path / "pe"), *db)
    run_with_input("users", "add", "vol@example.org", "--role", "volunteer", *db, stdin="volunteer long passphrase\n")
    ev = ["--evidence-dir", str(tmp_path / "evidence")]
    pdf = tmp_path / "settings.pdf"
    pdf.write_bytes(PDF)
    agency = json.loads(run("agencies", "list", "--json", "--per-page", "1", *db).stdout)["items"][0]["id"]
    run("evidence", "add", str(pdf), "--agency", str(agency), "--as", "vol@example.org", *ev, *db)
    before = snapshot(db, ev)
    assert "all intact" in before["verify"]

    archive = tmp_path / "backup.zip"
    out = run("backup", "--out", str(archive), *ev, *db).stdout
    assert "and 1 evidence files" in out
    manifest = json.loads(zipfile.ZipFile(archive).read("manifest.json"))
    assert manifest["tables"]["agencies"] == before["agencies"] and len(manifest["evidence"]) == 1
    # A second backup never overwrites the first.
    again = run("backup", "--out", str(archive), *ev, *db, check=False)
    assert again.returncode == 1 and "exists already" in again.stderr

    restored_ev = ["--evidence-dir", str(tmp_path / "restored-evidence")]
    if db[0] == "--database":
        target = ["--database", str(tmp_path / "restored.sqlite")]
        # Restoring over an existing database is refused, and leaves it alone.
        refused = run("restore", str(archive), *restored_ev, *db, check=False)
        assert refused.returncode == 1 and "a database exists there already" in refused.stderr
    else:
        reset_postgres(db[1])
        target = db
    assert "with the same row counts" in run("restore", str(archive), *restored_ev, *target).stdout
    assert snapshot(target, restored_ev) == before


def test_a_damaged_backup_restores_nothing(tmp_path):
    db = ["--database", str(tmp_path / "cli.sqlite")]
    run("import", "private-eyes", write_dataset(tmp_path / "pe"), *db)
    archive = tmp_path / "backup.zip"
    run("backup", "--out", str(archive), "--evidence-dir", str(tmp_path / "ev"), *db)
    # The same archive with the manifest's database hash changed.
    damaged = tmp_path / "damaged.zip"
    with zipfile.ZipFile(archive) as source, zipfile.ZipFile(damaged, "w") as copy:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "manifest.json":
                manifest = json.loads(data)
                manifest["database"]["sha256"] = "0" * 64
                data = json.dumps(manifest).encode()
            copy.writestr(item, data)
    target = tmp_path / "restored.sqlite"
    result = run("restore", str(damaged), "--database", str(target), "--evidence-dir", str(tmp_path / "ev2"), check=False)
    assert result.returncode == 1 and "does not match its SHA-256" in result.stderr
    assert not target.exists()
    # Not a backup at all.
    (tmp_path / "notes.zip").write_bytes(b"not a zip")
    result = run("restore", str(tmp_path / "notes.zip"), "--database", str(target), check=False)
    assert result.returncode == 1 and "not a ZIP archive" in result.stderr
    assert not target.exists()
