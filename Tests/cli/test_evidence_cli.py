"""Evidence, findings (two-person rule), statements and hotlist logs at the command line: the real binary, both databases."""

import hashlib
import json
import os
import stat

import pytest

from test_accounts_cli import run_with_input
from test_cli import backends, db, run, write_dataset  # noqa: F401  (db is a fixture)

PDF = b"%PDF-1.7\n% NCIC topics as configured\n1 0 obj <<>> endobj\n"
PNG = b"\x89PNG\r\n\x1a\n" + bytes(40)


def test_help_for_evidence_and_findings():
    for args in [["evidence"], ["evidence", "add"], ["evidence", "list"], ["evidence", "publish"], ["evidence", "verify"], ["evidence", "import-log"],
                 ["findings"], ["findings", "add"], ["findings", "correct"], ["findings", "verify"], ["findings", "list"], ["findings", "show"],
                 ["statements"], ["statements", "add"], ["statements", "verify"], ["statements", "list"]]:
        assert "USAGE:" in run(*args, "--help").stdout, args


def setup(db, tmp_path):
    run("import", "private-eyes", write_dataset(tmp_path / "pe"), *db)
    agencies = {a["name"]: a["id"] for a in json.loads(run("agencies", "list", "--json", "--per-page", "200", *db).stdout)["items"]}
    run_with_input("users", "add", "vol@example.org", "--role", "volunteer", *db, stdin="volunteer long passphrase\n")
    run_with_input("users", "add", "rev@example.org", "--role", "reviewer", *db, stdin="reviewer long passphrase\n")
    return agencies


def evidence_files(folder):
    return sorted(os.path.relpath(os.path.join(d, f), folder) for d, _, files in os.walk(folder) for f in files)


@pytest.mark.parametrize("db", list(backends()), indirect=True)
def test_evidence_is_stored_by_hash_deduplicated_and_verified(db, tmp_path):
    agencies = setup(db, tmp_path)
    store = tmp_path / "evidence"
    ev = ["--evidence-dir", str(store)]
    pdf = tmp_path / "settings.pdf"
    pdf.write_bytes(PDF)
    out = run("evidence", "add", str(pdf), "--agency", str(agencies["Atherton CA PD"]), "--received", "2026-10-02", "--as", "vol@example.org", *ev, *db).stdout
    assert out.startswith("Stored evidence #1: settings.pdf, PDF document") and "private" in out
    assert "Already stored: evidence #1" in run("evidence", "add", str(pdf), "--agency", str(agencies["Atherton CA PD"]), *ev, *db).stdout
    files = evidence_files(store)
    digest = hashlib.sha256(PDF).hexdigest()
    assert files == [f"{digest[:2]}/{digest}"], files  # named by its own SHA-256, no temporary leftovers
    assert "all intact" in run("evidence", "verify", *ev, *db).stdout
    # Publishing is for reviewers.
    photo = tmp_path / "screen.png"
    photo.write_bytes(PNG)
    refused = run("evidence", "add", str(photo), "--agency", str(agencies["Atherton CA PD"]), "--public", "--as", "vol@example.org", *ev, *db, check=False)
    assert refused.returncode == 1 and "only reviewers and admins publish files" in refused.stderr
    assert "No evidence" not in run("evidence", "list", *ev, *db).stdout and "screen.png" not in run("evidence", "list", *ev, *db).stdout
    assert run("evidence", "publish", "1", "--as", "vol@example.org", *ev, *db, check=False).returncode == 1
    assert "is now public" in run("evidence", "publish", "1", "--as", "rev@example.org", *ev, *db).stdout
    assert "is now private" in run("evidence", "publish", "1", "--private", "--as", "rev@example.org", *ev, *db).stdout
    # Bad files: named, nothing stored, no orphan on disk.
    listing = run("evidence", "list", "--json", *ev, *db).stdout
    mislabelled = tmp_path / "photo.pdf"
    mislabelled.write_bytes(PNG)
    empty = tmp_path / "empty.png"
    empty.write_bytes(b"")
    big = tmp_path / "big.pdf"
    big.write_bytes(PDF + b" " * 3000)
    for args, expect in [([str(mislabelled)], "the name says PDF document but the bytes are a PNG image"),
                         ([str(empty)], "the file is empty"),
                         ([str(big), "--max-evidence-size", "1k"], "over the limit of 1 KiB"),
                         ([str(tmp_path / "missing.pdf")], "no such file"),
                         ([str(pdf), "--source-url", "ftp:/x"], "source_url")]:
        result = run("evidence", "add", *args, "--agency", str(agencies["Reno NV PD"]), *ev, *db, check=False)
        assert result.returncode == 1 and expect in result.stderr, (args, result.stderr)
    assert run("evidence", "list", "--json", *ev, *db).stdout == listing
    assert evidence_files(store) == files
    # Alter the stored file: verify reports it and fails.
    path = store / files[0]
    os.chmod(path, stat.S_IRUSR | stat.S_IWUSR)
    path.write_bytes(PDF + b"% edited\n")
    result = run("evidence", "verify", *ev, *db, check=False)
    assert result.returncode == 1 and "ALTERED" in result.stderr and "evidence #1" in result.stderr
    path.unlink()
    result = run("evidence", "verify", *ev, *db, check=False)
    assert result.returncode == 1 and "MISSING" in result.stderr


@pytest.mark.parametrize("db", list(backends()), indirect=True)
def test_a_finding_needs_evidence_and_a_second_person(db, tmp_path):
    agencies = setup(db, tmp_path)
    ev = ["--evidence-dir", str(tmp_path / "evidence")]
    atherton = str(agencies["Atherton CA PD"])
    pdf = tmp_path / "settings.pdf"
    pdf.write_bytes(PDF)
    run("evidence", "add", str(pdf), "--agency", atherton, *ev, *db)
    bad = run("findings", "add", "--agency", atherton, "--as-of", "2026-10-01", "--topic", "immigration_violator=enabled", "--topic", "immigration=enabled",
              "--as", "vol@example.org", *db, check=False)
    assert bad.returncode == 1 and "a finding needs at least one evidence file" in bad.stderr and '"immigration" is not an NCIC topic' in bad.stderr
    # Issue 10: "on" is not a setting; only the three words are taken, and the usage shown is the subcommand's.
    vague = run("findings", "add", "--agency", atherton, "--as-of", "2026-10-01", "--evidence", "1", "--topic", "immigration_violator=on", "--as", "vol@example.org", *db, check=False)
    assert vague.returncode == 64 and '"on" is not a topic setting' in vague.stderr and "Usage: hotlistwatch findings add" in vague.stderr, vague.stderr
    assert "immigration_violator" in run("findings", "add", "--help").stdout
    assert "No findings." in run("findings", "list", *db).stdout
    out = run("findings", "add", "--agency", atherton, "--as-of", "2026-10-01", "--evidence", "1", "--topic", "immigration_violator=enabled",
              "--other-hotlist", "CA DOJ SVS", "--as", "vol@example.org", *db).stdout
    assert "Finding #1 version 1" in out and "NOT verified" in out
    assert json.loads(run("agencies", "show", atherton, "--json", *db).stdout)["findings"] == []
    for who, expect in [("vol@example.org", "you entered version 1, so you cannot verify it"), ("nobody@example.org", "no active account")]:
        result = run("findings", "verify", "1", "--as", who, *db, check=False)
        assert result.returncode == 1 and expect in result.stderr, result.stderr
    assert "--as EMAIL" in run("findings", "verify", "1", *db, check=False).stderr
    assert "UNVERIFIED" in run("findings", "list", "--unverified", *db).stdout
    assert "verified by rev@example.org" in run("findings", "verify", "1", "--as", "rev@example.org", *db).stdout
    shown = json.loads(run("agencies", "show", atherton, "--json", *db).stdout)
    assert shown["findings"][0]["immigration_violator"] == "enabled" and shown["status"]["code"] == "immigration_violator_enabled"
    rules = json.loads(run("contradictions", "list", "--state", "CA", "--json", *db).stdout)
    assert any(c["rule_id"] == "rule-2" and c["agency_id"] == int(atherton) for c in rules)
    # A correction is a new version; the history keeps both.
    run("findings", "correct", "1", "--as-of", "2026-10-01", "--evidence", "1", "--topic", "immigration_violator=disabled", "--as", "vol@example.org", *db)
    history = run("findings", "show", "1", *db).stdout
    assert "version 1" in history and "version 2" in history and "NOT verified yet" in history
    # The public still sees version 1 until version 2 is verified.
    assert json.loads(run("agencies", "show", atherton, "--json", *db).stdout)["findings"][0]["version"] == 1


@pytest.mark.parametrize("db", list(backends()), indirect=True)
def test_statements_and_hotlist_logs(db, tmp_path):
    agencies = setup(db, tmp_path)
    ev = ["--evidence-dir", str(tmp_path / "evidence")]
    reno = str(agencies["Reno NV PD"])
    result = run("statements", "add", "--agency", reno, "--text", "We never use ALPR for immigration.", "--speaker", "Chief", "--date", "2026-05-05",
                 "--as", "vol@example.org", *db, check=False)
    assert result.returncode == 1 and "a statement needs a source" in result.stderr
    out = run("statements", "add", "--agency", reno, "--text", "We never use ALPR for immigration.", "--speaker", "Chief", "--date", "2026-05-05",
              "--source-url", "https://news.example/chief", "--denies-immigration-use", "--as", "vol@example.org", *db).stdout
    assert "Recorded statement #1" in out
    assert "UNVERIFIED" in run("statements", "list", *db).stdout and "No statements." in run("statements", "list", "--verified", *db).stdout
    run("statements", "verify", "1", "--as", "rev@example.org", *db)
    assert "verified" in run("statements", "list", "--verified", *db).stdout
    log = tmp_path / "actions.csv"
    log.write_text("Timestamp,User,Event Type,Entity Type,Entity Details\n46023.5,Ofc. A,Hotlist Created,Hotlist,NCIC\nnot a time,Ofc. B,Entry Deleted,Hotlist Entry,Plate 1\n")
    result = run("evidence", "import-log", str(log), "--agency", reno, *ev, *db, check=False)
    assert result.returncode == 1 and "actions.csv:3:1" in result.stderr and '"not a time" is not a time' in result.stderr
    assert "No evidence files." in run("evidence", "list", *ev, *db).stdout
    log.write_text("Timestamp,User,Event Type,Entity Type,Entity Details\n46023.5,Ofc. A,Hotlist Created,Hotlist,NCIC\n2026-02-03T04:05:06Z,Ofc. B,Entry Deleted,Hotlist Entry,Plate 1\n")
    assert "Imported 2 hotlist actions (2026-01-01T12:00:00Z to 2026-02-03T04:05:06Z)" in run("evidence", "import-log", str(log), "--agency", reno, *ev, *db).stdout
    history = json.loads(run("agencies", "show", reno, "--json", *db).stdout)["hotlist_history"]
    assert [h["change"] for h in history] == ["created", "deleted"] and "Plate 1" not in json.dumps(history)


def write_xlsx(path, rows):
    """A minimal .xlsx written with Python's zipfile (not our code): shared strings for text, numbers for times."""
    import zipfile
    from xml.sax.saxutils import escape
    strings, sheet_rows = [], []
    for r, row in enumerate(rows, start=1):
        cells = []
        for c, value in enumerate(row):
            ref = "ABCDE"[c] + str(r)
            if isinstance(value, float):
                cells.append(f'<c r="{ref}" s="1"><v>{value}</v></c>')
            else:
                strings.append(value)
                cells.append(f'<c r="{ref}" t="s"><v>{len(strings) - 1}</v></c>')
        sheet_rows.append(f'<row r="{r}">{"".join(cells)}</row>')
    ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                   '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>')
        z.writestr("xl/workbook.xml", f'<?xml version="1.0"?><workbook {ns}><sheets><sheet name="Actions" sheetId="1"/></sheets></workbook>')
        z.writestr("xl/sharedStrings.xml", f'<?xml version="1.0"?><sst {ns}>' + "".join(f"<si><t>{escape(s)}</t></si>" for s in strings) + "</sst>")
        z.writestr("xl/worksheets/sheet1.xml", f'<?xml version="1.0"?><worksheet {ns}><sheetData>{"".join(sheet_rows)}</sheetData></worksheet>')


@pytest.mark.parametrize("db", list(backends()), indirect=True)
def test_an_xlsx_action_log_with_excel_serial_times(db, tmp_path):
    agencies = setup(db, tmp_path)
    ev = ["--evidence-dir", str(tmp_path / "evidence")]
    reno = str(agencies["Reno NV PD"])
    header = ["Timestamp", "User", "Event Type", "Entity Type", "Entity Details"]
    bad = tmp_path / "bad.xlsx"
    write_xlsx(bad, [header, [46023.5, "Ofc. A", "Hotlist Created", "Hotlist", "NCIC"], ["yesterday", "Ofc. B", "Entry Deleted", "Hotlist Entry", "Plate 1"]])
    result = run("evidence", "import-log", str(bad), "--agency", reno, *ev, *db, check=False)
    assert result.returncode == 1 and "bad.xlsx:3:1" in result.stderr and '"yesterday" is not a time' in result.stderr
    good = tmp_path / "actions.xlsx"
    write_xlsx(good, [header, [46023.5, "Ofc. A", "Hotlist Created", "Hotlist", "NCIC"], [46056.25, "Ofc. B", "Entry Deleted", "Hotlist Entry", "Plate 1"]])
    out = run("evidence", "import-log", str(good), "--agency", reno, *ev, *db).stdout
    assert "Imported 2 hotlist actions (2026-01-01T12:00:00Z to 2026-02-03T06:00:00Z)" in out, out
    listed = json.loads(run("evidence", "list", "--json", *ev, *db).stdout)
    assert [f["kind"] for f in listed] == ["xlsx"]
