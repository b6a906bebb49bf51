"""Records packages at the command line: export from one site, check with sha256sum, import into another (both databases)."""

import json
import subprocess
import zipfile

import pytest

from test_accounts_cli import run_with_input
from test_cli import backends, db, run, write_dataset  # noqa: F401  (db is a fixture)
from test_evidence_cli import evidence_files

PDF = b"%PDF-1.7\n% NCIC topics as configured, published\n1 0 obj <<>> endobj\n"
PRIVATE = b"%PDF-1.7\n% PRIVATE-RESIDENT-NAME\n1 0 obj <<>> endobj\n"


def exporting_site(tmp_path):
    """A second site on its own SQLite file: Atherton CA PD with a public and a private file and a verified finding."""
    src = ["--database", str(tmp_path / "source.sqlite")]
    ev = ["--evidence-dir", str(tmp_path / "source-evidence")]
    run("import", "private-eyes", write_dataset(tmp_path / "pe-source"), *src)
    agencies = {a["name"]: a["id"] for a in json.loads(run("agencies", "list", "--json", "--per-page", "200", *src).stdout)["items"]}
    run_with_input("users", "add", "vol-person@example.org", "--role", "volunteer", *src, stdin="volunteer long passphrase\n")
    run_with_input("users", "add", "rev-person@example.org", "--role", "reviewer", *src, stdin="reviewer long passphrase\n")
    atherton = str(agencies["Atherton CA PD"])
    (tmp_path / "settings.pdf").write_bytes(PDF)
    (tmp_path / "private.pdf").write_bytes(PRIVATE)
    run("evidence", "add", str(tmp_path / "settings.pdf"), "--agency", atherton, "--public", "--as", "rev-person@example.org", *ev, *src)
    run("evidence", "add", str(tmp_path / "private.pdf"), "--agency", atherton, "--as", "vol-person@example.org", *ev, *src)
    run("findings", "add", "--agency", atherton, "--as-of", "2026-10-01", "--evidence", "1", "--evidence", "2", "--topic", "immigration_violator=enabled",
        "--as", "vol-person@example.org", *src)
    run("findings", "verify", "1", "--as", "rev-person@example.org", *src)
    return atherton, src, ev


@pytest.mark.parametrize("db", list(backends()), indirect=True)
def test_a_package_goes_from_one_site_to_another_checked_and_credited(db, tmp_path):
    atherton, src, src_ev = exporting_site(tmp_path)
    package = tmp_path / "atherton.zip"
    # Bad command lines: exit 64 with the usage.
    for args in [["--agency", atherton], ["--agency", atherton, "--out", str(package), "--site-url", "not a url"]]:
        bad = run("package", "export", *args, *src_ev, *src, check=False)
        assert bad.returncode == 64 and "Usage: hotlistwatch package export" in bad.stderr, bad.stderr
    out = run("package", "export", "--agency", atherton, "--out", str(package), "--site-name", "Peninsula Plate Watch",
              "--site-url", "https://plates.example.org", *src_ev, *src).stdout
    assert f"Wrote {package}" in out
    assert run("package", "export", "--agency", atherton, "--out", str(package), "--site-url", "https://plates.example.org", *src_ev, *src, check=False).returncode == 1
    # What a newsroom does with it: unzip, sha256sum -c. Nothing private or personal inside.
    unpacked = tmp_path / "unpacked"
    with zipfile.ZipFile(package) as archive:
        archive.extractall(unpacked)
        everything = b"".join(archive.read(name) for name in archive.namelist())
    check = subprocess.run(["sha256sum", "-c", "SHA256SUMS"], cwd=unpacked, capture_output=True, text=True)
    assert check.returncode == 0 and check.stdout.count(": OK") == len([p for p in unpacked.rglob("*") if p.is_file() and p.name != "SHA256SUMS"]), check.stdout
    for secret in [b"vol-person", b"rev-person", b"PRIVATE-RESIDENT-NAME"]:
        assert secret not in everything
    assert json.loads((unpacked / "manifest.json").read_text())["site"] == {"name": "Peninsula Plate Watch", "url": "https://plates.example.org"}

    # The receiving site.
    run("import", "private-eyes", write_dataset(tmp_path / "pe"), *db)
    ev = ["--evidence-dir", str(tmp_path / "evidence")]
    out = run("package", "import", str(package), *ev, *db).stdout
    assert "every file matches its SHA-256" in out and "1 added as private files" in out
    assert "1 recorded as reported by Peninsula Plate Watch (not verified here)" in out
    shown = json.loads(run("agencies", "show", atherton, "--json", *db).stdout)
    assert shown["findings"] == [] and any(r["reported_by"] == "Peninsula Plate Watch" for r in shown["reported_findings"])
    listing = run("evidence", "list", "--json", *ev, *db).stdout
    assert [e["public"] for e in json.loads(listing)] == ["no"]
    files = evidence_files(tmp_path / "evidence")
    again = run("package", "import", str(package), *ev, *db).stdout
    assert "Nothing new: this package was imported before." in again
    assert run("evidence", "list", "--json", *ev, *db).stdout == listing and evidence_files(tmp_path / "evidence") == files

    # A changed file: refused, named, nothing stored.
    tampered = tmp_path / "tampered.zip"
    with zipfile.ZipFile(package) as source, zipfile.ZipFile(tampered, "w") as target:
        for name in source.namelist():
            data = source.read(name)
            target.writestr(name, data.replace(b"published", b"PUBLISHED") if name.startswith("evidence/") else data)
    audit = run("audit", "export", *db).stdout
    refused = run("package", "import", str(tampered), "--evidence-dir", str(tmp_path / "evidence2"), *db, check=False)
    assert refused.returncode == 1 and "nothing was changed" in refused.stderr and "its SHA-256 is" in refused.stderr and "(evidence/1-settings.pdf)" in refused.stderr, refused.stderr
    assert run("audit", "export", *db).stdout == audit
    assert evidence_files(tmp_path / "evidence2") == []
