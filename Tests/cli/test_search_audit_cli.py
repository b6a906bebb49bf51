"""`audit-log scan --agency`, `list`, `show`, `verify`: a log stored against the agency that released it, both databases.

The log goes into the evidence store (private), its counts into the database, public only once a
second person verifies them; names and plates never reach the database.
"""

import hashlib
import json
import pathlib

import pytest

from test_audit_log_cli import NAMES, PLATES, audit_file
from test_cli import backends, db, run  # noqa: F401  (db is a fixture)
from test_evidence_cli import evidence_files, setup


def database_bytes(db_args):
    """The SQLite file's bytes, for a "no plate anywhere" check (PostgreSQL is checked through the JSON)."""
    if db_args[0] == "--database":
        return pathlib.Path(db_args[1]).read_bytes()
    return b""


@pytest.mark.parametrize("db", list(backends()), indirect=True)
def test_a_stored_log_is_private_counted_and_public_after_a_second_person(db, tmp_path):
    agencies = setup(db, tmp_path)
    sparks = str(agencies["Sparks NV PD"])
    ev = ["--evidence-dir", str(tmp_path / "evidence")]
    log = audit_file(tmp_path)
    out = run("audit-log", "scan", str(log), "--agency", sparks, "--kind", "network", "--received-on", "2025-07-01", "--as", "vol@example.org", *ev, *db).stdout
    assert "Stored as audit log #1 against Sparks NV PD: 1 search of Sparks NV PD's cameras cited immigration (of 3 searches in its network audit log, 2025-03 to 2025-05)" in out
    assert "audit-log verify 1 --as THEIR-EMAIL" in out
    digest = hashlib.sha256(log.read_bytes()).hexdigest()
    assert evidence_files(tmp_path / "evidence") == [f"{digest[:2]}/{digest}"]
    shown = json.loads(run("audit-log", "show", "1", "--json", *db).stdout)
    assert shown["sha256"] == digest and "verified_at" not in shown and shown["searches_by_category"]["immigration"] == 1
    assert shown["sensitive_counts"][0] == {"organization": "Dallas TX PD", "month": "2025-03", "category": "immigration", "searches": 1,
                                            "networks_searched": 6674, "devices_searched": 0}
    text = run("audit-log", "show", "1", *db).stdout
    assert "NOT VERIFIED" in text and "Dallas TX PD" in text and "received 2025-07-01" in text
    for secret in NAMES + PLATES:
        assert secret not in text and secret not in json.dumps(shown)
        assert secret.encode() not in database_bytes(db)
    # The evidence file is private.
    listed = json.loads(run("evidence", "list", "--json", *ev, *db).stdout)
    assert [(item["name"], item["public"]) for item in listed] == [("audit.csv", "no")]
    published = run("evidence", "publish", listed[0]["id"], "--as", "rev@example.org", *ev, *db, check=False)
    assert published.returncode == 1 and "stays private" in published.stderr
    # Not in the reviewer's rules yet.
    assert run("contradictions", "list", "--rule", "8", *db).stdout.count("Sparks NV PD") == 0
    assert "NOT VERIFIED" in run("audit-log", "list", "--unverified", *db).stdout
    # The volunteer who stored it cannot verify; the reviewer can, once.
    refused = run("audit-log", "verify", "1", "--as", "vol@example.org", *db, check=False)
    assert refused.returncode == 1 and "cannot verify it" in refused.stderr
    assert "Verified audit log #1" in run("audit-log", "verify", "1", "--as", "rev@example.org", *db).stdout
    assert run("audit-log", "verify", "1", "--as", "rev@example.org", *db, check=False).returncode == 1
    assert "verified" in run("audit-log", "list", "--agency", sparks, *db).stdout
    assert "No audit log is waiting" in run("audit-log", "list", "--unverified", *db).stdout
    # Sparks' portal forbids immigration enforcement: rule 8 now cites the log.
    assert "Sparks NV PD" in run("contradictions", "list", "--rule", "8", *db).stdout
    # The same log again: refused, nothing new stored.
    again = run("audit-log", "scan", str(log), "--agency", sparks, "--kind", "network", "--as", "vol@example.org", *ev, *db, check=False)
    assert again.returncode == 1 and "already scanned" in again.stderr
    assert len(json.loads(run("audit-log", "list", "--json", *db).stdout)) == 1


@pytest.mark.parametrize("db", list(backends()), indirect=True)
def test_storing_needs_a_kind_one_file_and_a_readable_log(db, tmp_path):
    agencies = setup(db, tmp_path)
    sparks = str(agencies["Sparks NV PD"])
    ev = ["--evidence-dir", str(tmp_path / "evidence")]
    log = audit_file(tmp_path)
    missing_kind = run("audit-log", "scan", str(log), "--agency", sparks, *ev, *db, check=False)
    assert missing_kind.returncode == 64 and "--kind network" in missing_kind.stderr
    two = run("audit-log", "scan", str(log), str(log), "--agency", sparks, "--kind", "network", *ev, *db, check=False)
    assert two.returncode == 64 and "one log per run" in two.stderr
    stray = run("audit-log", "scan", str(log), "--kind", "network", check=False)
    assert stray.returncode == 64 and "--agency" in stray.stderr
    nobody = run("audit-log", "scan", str(log), "--agency", sparks, "--kind", "network", *ev, *db, check=False)
    assert nobody.returncode == 64 and "--as EMAIL" in nobody.stderr, "two people check a log, so the first must be named"
    who = ["--as", "vol@example.org"]
    unknown = run("audit-log", "scan", str(log), "--agency", "999999", "--kind", "network", *who, *ev, *db, check=False)
    assert unknown.returncode == 1 and "no such agency" in unknown.stderr
    headerless = tmp_path / "wrong.csv"
    headerless.write_text("ID,Name,Plate\n1,a,b\n")
    bad = run("audit-log", "scan", str(headerless), "--agency", sparks, "--kind", "network", *who, *ev, *db, check=False)
    assert bad.returncode == 1 and "wrong.csv:1" in bad.stderr and "Reason" in bad.stderr
    # A device or pipe is no log to store (it could stream without end into the evidence store).
    device = run("audit-log", "scan", "/dev/zero", "--agency", sparks, "--kind", "network", *who, *ev, *db, check=False)
    assert device.returncode == 1 and "not a regular file" in device.stderr, device.stderr
    # An organisation audit lists one organisation's own searches; this log names several.
    several = run("audit-log", "scan", str(log), "--agency", sparks, "--kind", "organization", *who, *ev, *db, check=False)
    assert several.returncode == 1 and "names 3 organisations" in several.stderr and "--kind network" in several.stderr, several.stderr
    assert evidence_files(tmp_path / "evidence") == [] if (tmp_path / "evidence").exists() else True
    assert json.loads(run("audit-log", "list", "--json", *db).stdout) == []
    assert run("audit-log", "show", "5", *db, check=False).returncode == 1
