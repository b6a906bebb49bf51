"""`hotlistwatch audit-log scan` and `audit-log classify`: the real binary on small audit exports.

No database is involved: a scan reads files and prints, and never shows names or plates.
"""

import json
import subprocess

from test_cli import BIN, run

HEADER = ("ID,Name,Org Name,Total Networks Searched,Time Frame,License Plate,Reason,Case #,Filters,"
          "Search Time,Search Type,Text Prompt,Moderation\r\n")
NAMES = ["Jane Roe", "John Smith", "Pat Quill"]
PLATES = ["ABC1234", "XYZ9876", "QQQ5555"]


def audit_file(tmp_path, name="audit.csv"):
    rows = [
        f'1,{NAMES[0]},Dallas TX PD,6674,"03/01/2025 12:00 AM -\r\n03/06/2025 11:59 PM",{PLATES[0]},ICE+ERO,25-1,"{{""make"":""Ford""}}",2025-03-06 10:11:12,Lookup,white truck {PLATES[0]},',
        f'2,{NAMES[1]},Danville IL PD,1,x,{PLATES[1]},police office notice,,,2025-03-07,Lookup,,',
        f'3,{NAMES[2]},Johnson County TX SO,6809,x,{PLATES[2]},"had an abortion, search for female",,,5/9/2025 1:00 PM,Lookup,,',
        '4,***,Short PD,5',
    ]
    path = tmp_path / name
    path.write_bytes(("\ufeff" + HEADER + "\r\n".join(rows) + "\r\n").encode())
    return path


def test_scan_prints_counts_and_skips(tmp_path):
    result = run("audit-log", "scan", str(audit_file(tmp_path)))
    assert "3 rows read, 1 skipped" in result.stdout
    assert "skipped 1: fewer fields than the header" in result.stdout
    assert "audit.csv:6:5: row skipped: the row has 4 fields, the header 13" in result.stdout
    assert "Dallas TX PD" in result.stdout and "6,674" in result.stdout
    assert "reproductive-health" in result.stdout
    for secret in NAMES + PLATES:
        assert secret not in result.stdout
    # Two files: each its own line, then the totals the indented lines belong to.
    two = run("audit-log", "scan", str(audit_file(tmp_path)), str(audit_file(tmp_path, "second.csv"))).stdout
    assert "second.csv (CSV" in two and "All 2 files: 6 rows read, 2 skipped" in two
    assert two.index("All 2 files") < two.index("skipped 2: fewer fields than the header")


def test_scan_json_shape(tmp_path):
    summary = json.loads(run("audit-log", "scan", str(audit_file(tmp_path)), "--json").stdout)
    assert summary["rowsRead"] == 3 and summary["rowsSkipped"] == 1
    assert summary["searchesByCategory"] == {"immigration": 1, "ordinary": 1, "reproductive-health": 1}
    dallas = [g for g in summary["groups"] if g["organization"] == "Dallas TX PD"]
    assert dallas == [{"organization": "Dallas TX PD", "month": "2025-03", "category": "immigration",
                       "searches": 1, "networksSearched": 6674, "devicesSearched": 0}]
    assert summary["files"][0]["format"] == "csv"
    assert summary["warnings"][0]["line"] == 6 and summary["warnings"][0]["column"] == 5


def test_out_drops_names_plates_and_prompts(tmp_path):
    out = tmp_path / "flagged.csv"
    run("audit-log", "scan", str(audit_file(tmp_path)), "--out", str(out))
    text = out.read_text()
    for secret in NAMES + PLATES + ["white truck"]:
        assert secret not in text
    header = text.splitlines()[0].split(",")
    assert "Name" not in header and "License Plate" not in header and "Text Prompt" not in header
    assert header[:3] == ["File", "Line", "ID"] and header[-2:] == ["Categories", "Rules"]
    assert "imm.ice imm.ero" in text and "repro.abortion" in text
    assert "police office notice" not in text  # ordinary rows are not flagged
    assert not list(tmp_path.glob(".*.partial"))


def test_bad_files_exit_1_with_location(tmp_path):
    html = tmp_path / "audit.xlsx"
    html.write_text("<!DOCTYPE html><html><body>Sign in</body></html>")
    result = run("audit-log", "scan", str(html), check=False)
    assert result.returncode == 1
    assert "audit.xlsx:1:1" in result.stderr and "web page" in result.stderr and "\"<!DOCTYPE\"" in result.stderr

    headerless = tmp_path / "wrong.csv"
    headerless.write_text("ID,Name,Plate\n1,a,b\n")
    result = run("audit-log", "scan", str(headerless), check=False)
    assert result.returncode == 1
    assert "wrong.csv:1" in result.stderr and "Reason" in result.stderr and '"Plate"' in result.stderr

    empty = tmp_path / "empty.csv"
    empty.write_text("")
    result = run("audit-log", "scan", str(empty), check=False)
    assert result.returncode == 1 and "empty" in result.stderr
    assert result.stderr.startswith("error: "), "exit 1 says error: (README), Error: is for a command line refused with 64"

    device = run("audit-log", "scan", "/dev/zero", check=False)
    assert device.returncode == 1 and "a device, not an audit log" in device.stderr, device.stderr

    result = run("audit-log", "scan", str(tmp_path / "missing.csv"), check=False)
    assert result.returncode == 1 and "cannot be opened" in result.stderr


def test_scan_needs_a_file():
    result = run("audit-log", "scan", check=False)
    assert result.returncode == 64
    assert "Usage:" in result.stderr


def test_classify_one_json_object_per_line():
    reasons = ["ICE", "ice cream", "Alice", "VICE unit", "Homeland Dr", "287(g)", "No Kings protest", "stolen vehicle"]
    result = subprocess.run([BIN, "audit-log", "classify"], input="\n".join(reasons) + "\r\n", capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["reason"] for line in lines] == reasons
    assert lines[0] == {"reason": "ICE", "categories": ["immigration"], "rules": ["imm.ice"]}
    for ordinary in lines[1:5] + lines[7:]:
        assert ordinary["categories"] == ["ordinary"] and ordinary["rules"] == []
    assert lines[5]["rules"] == ["imm.287g"]
    assert lines[6]["categories"] == ["protest"]


def xlsx_file(tmp_path, rows):
    """A minimal workbook: one sheet of inline strings, as Excel would read it."""
    import zipfile
    from xml.sax.saxutils import escape

    def cell(column, row, text):
        return f'<c r="{chr(65 + column)}{row}" t="inlineStr"><is><t>{escape(text)}</t></is></c>'

    sheet_rows = "".join(
        f'<row r="{r}">' + "".join(cell(c, r, text) for c, text in enumerate(values)) + "</row>"
        for r, values in enumerate(rows, start=1))
    path = tmp_path / "audit.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("xl/worksheets/sheet1.xml",
                         '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                         f"<sheetData>{sheet_rows}</sheetData></worksheet>")
    return path


def test_scan_xlsx(tmp_path):
    header = HEADER.strip().split(",")
    path = xlsx_file(tmp_path, [header,
                                ["1", NAMES[0], "Mesa AZ PD", "12", "x", PLATES[0], "deportation", "", "", "2025-02-03"],
                                ["2", NAMES[1], "Mesa AZ PD", "3", "x", PLATES[1], "theft", "", "", "2025-02-04"]])
    out = tmp_path / "flagged.csv"
    summary = json.loads(run("audit-log", "scan", str(path), "--json", "--out", str(out)).stdout)
    assert summary["files"][0]["format"] == "xlsx" and summary["rowsRead"] == 2
    assert {"organization": "Mesa AZ PD", "month": "2025-02", "category": "immigration", "searches": 1,
            "networksSearched": 12, "devicesSearched": 0} in summary["groups"]
    text = out.read_text()
    assert "deportation" in text and NAMES[0] not in text and PLATES[0] not in text


def test_out_ends_with_a_line_break_and_keeps_negative_case_numbers(tmp_path):
    path = tmp_path / "audit.csv"
    path.write_text(HEADER + '1,A B,Mesa PD,3,x,P1,ICE,-123,,2025-02-03,Lookup,,\r\n'
                    '2,C D,Mesa PD,3,x,P2,deportation,=cmd(),,2025-02-03,Lookup,,\r\n')
    out = tmp_path / "flagged.csv"
    run("audit-log", "scan", str(path), "--out", str(out))
    data = out.read_bytes()
    assert data.endswith(b"\r\n") and not data.endswith(b"\r\n\r\n")
    rows = data.decode().splitlines()
    assert ",-123," in rows[1]  # a number, no formula guard
    assert ",'=cmd()," in rows[2]  # a formula is defused


def identity_scan(tmp_path, key, name="flagged.csv", extra=()):
    out = tmp_path / name
    result = run("audit-log", "scan", str(audit_file(tmp_path)), "--out", str(out), "--include-identities",
                 "--identity-key", str(key), *extra)
    return out.read_text(), result


def test_include_identities_hashes_names_and_plates_with_the_installation_key(tmp_path):
    key = tmp_path / "data" / "hotlistwatch-identity.key"
    key.parent.mkdir()
    first, result = identity_scan(tmp_path, key)
    assert "keyed hashes" in result.stderr
    assert f"Made a new identity key at {key}" in result.stderr, "a new key is announced, so a second one made by mistake is noticed"
    assert key.stat().st_size == 32 and key.stat().st_mode & 0o777 == 0o600
    for secret in NAMES + PLATES + ["white truck"]:
        assert secret not in first
    header = first.splitlines()[0].split(",")
    assert "Name" in header and "License Plate" in header and "Text Prompt" in header
    rows = list(__import__("csv").DictReader(first.splitlines()))
    assert len(rows) == 2
    import re
    for row in rows:
        assert re.fullmatch(r"[0-9a-f]{32}", row["Name"]) and re.fullmatch(r"[0-9a-f]{32}", row["License Plate"])
    assert rows[0]["Name"] != rows[1]["Name"]
    # Stable across runs with the same key; different under another installation's key.
    again, result = identity_scan(tmp_path, key, "again.csv")
    assert again == first and "Made a new identity key" not in result.stderr
    other, _ = identity_scan(tmp_path, tmp_path / "other.key", "other.csv")
    assert [r["Name"] for r in __import__("csv").DictReader(other.splitlines())] != [r["Name"] for r in rows]
    # The default export still drops the columns.
    out = tmp_path / "plain.csv"
    run("audit-log", "scan", str(audit_file(tmp_path)), "--out", str(out))
    assert "License Plate" not in out.read_text().splitlines()[0]


def test_identity_key_from_the_environment_and_refused_when_unsafe(tmp_path, monkeypatch):
    key = tmp_path / "env.key"
    monkeypatch.setenv("HOTLISTWATCH_IDENTITY_KEY", str(key))
    out = tmp_path / "flagged.csv"
    run("audit-log", "scan", str(audit_file(tmp_path)), "--out", str(out), "--include-identities")
    assert key.stat().st_size == 32
    monkeypatch.delenv("HOTLISTWATCH_IDENTITY_KEY")

    key.chmod(0o644)
    result = run("audit-log", "scan", str(audit_file(tmp_path)), "--out", str(out), "--include-identities",
                 "--identity-key", str(key), check=False)
    assert result.returncode == 1 and "644" in result.stderr and "chmod 600" in result.stderr
    short = tmp_path / "short.key"
    short.write_bytes(b"x" * 16)
    short.chmod(0o600)
    result = run("audit-log", "scan", str(audit_file(tmp_path)), "--out", str(out), "--include-identities",
                 "--identity-key", str(short), check=False)
    assert result.returncode == 1 and "16 bytes, not 32" in result.stderr

    result = run("audit-log", "scan", str(audit_file(tmp_path)), "--include-identities", check=False)
    assert result.returncode == 64 and "--out" in result.stderr


def test_evaluate_prints_precision_and_recall_of_a_labelled_set(tmp_path):
    labelled = tmp_path / "labelled.tsv"
    labelled.write_text("# reason\tcategories\tsource\nICE\timmigration\tx\nice cream\tordinary\tx\n"
                        "Direct Action Everywhere\tprotest\tx\nhas an alibi\timmigration\tx\n")
    result = run("audit-log", "evaluate", str(labelled))
    assert "4 labelled reasons" in result.stdout
    assert "immigration" in result.stdout and "precision 1.000  recall 0.500" in result.stdout
    assert 'line 5: "has an alibi" expected immigration, got ordinary' in result.stdout
    data = json.loads(run("audit-log", "evaluate", str(labelled), "--json").stdout)
    immigration = [s for s in data["scores"] if s["category"] == "immigration"][0]
    assert immigration["truePositives"] == 1 and immigration["falseNegatives"] == 1 and immigration["recall"] == 0.5
    labelled.write_text("ICE\timmigrant\tx\n")
    result = run("audit-log", "evaluate", str(labelled), check=False)
    assert result.returncode == 1 and "labelled.tsv:1:2" in result.stderr
