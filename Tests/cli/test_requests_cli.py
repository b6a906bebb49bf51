"""Deadlines, requests, campaigns and the due list at the command line: the real binary, both databases."""

import csv
import io
import json

import pytest

from test_cli import backends, db, run, write_dataset  # noqa: F401  (db is a fixture)


def test_deadline_prints_the_due_date_and_its_basis(tmp_path):
    database = ["--database", str(tmp_path / "d.sqlite")]
    out = run("deadline", "--state", "NV", "--received", "2026-03-02", *database).stdout.splitlines()
    assert out[0] == "2026-03-09"
    assert out[1].startswith("5 business days, NRS")
    data = json.loads(run("deadline", "--state", "nv", "--received", "2026-03-02", "--json", *database).stdout)
    assert data["state"] == "NV" and data["received"] == "2026-03-02" and data["due"] == "2026-03-09" and "NRS" in data["basis"]
    # Thanksgiving week in Nevada skips Family Day as well.
    assert run("deadline", "--state", "NV", "--received", "2026-11-24", *database).stdout.startswith("2026-12-03")
    # A calendar-day state that moves weekend deadlines (California) and a "promptly" state (Arizona).
    assert run("deadline", "--state", "CA", "--received", "2026-06-25", *database).stdout.startswith("2026-07-06")
    arizona = json.loads(run("deadline", "--state", "AZ", "--received", "2026-03-02", "--json", *database).stdout)
    assert arizona["due"] is None and "promptly" in arizona["basis"]


def test_deadline_refuses_bad_input(tmp_path):
    database = ["--database", str(tmp_path / "d.sqlite")]
    for args, expect in [(["--state", "ZZ", "--received", "2026-03-02"], "--state ZZ"),
                         (["--state", "NV", "--received", "2026-02-30"], "--received 2026-02-30"),
                         (["--state", "NV", "--received", "03/02/2026"], "YYYY-MM-DD"),
                         (["--state", "NV"], "--received")]:
        result = run("deadline", *args, *database, check=False)
        assert result.returncode != 0 and expect in result.stderr, (args, result.stderr)


@pytest.mark.parametrize("db", list(backends()), indirect=True)
def test_a_request_from_draft_to_appeal(db, tmp_path):
    run("import", "private-eyes", write_dataset(tmp_path / "pe"), *db)
    sparks = next(a for a in json.loads(run("agencies", "list", "--json", *db).stdout)["items"] if a["name"] == "Sparks NV PD")
    out = run("requests", "new", "--agency", str(sparks["id"]), "--requester-name", "Vera V", "--requester-email", "vera@example.org",
              "--filed", "2026-03-02", "--tracking", "R-1", *db).stdout
    assert "filed" in out and "due 2026-03-09" in out
    request_id = out.split()[1]
    listed = json.loads(run("requests", "list", "--json", *db).stdout)
    assert listed[0]["due_on"] == "2026-03-09" and listed[0]["tracking_numbers"] == ["R-1"]
    run("requests", "log", request_id, "--date", "2026-03-10", "--subject", "Re: request", "--text", "Denied under NRS 239.010.", *db)
    assert "now denied" in run("requests", "status", request_id, "denied", "--date", "2026-03-10", *db).stdout
    run("requests", "exemption", request_id, "--cited", "NRS 239.010", "--library", "criminal-justice-information", *db)
    run("requests", "fee", request_id, "--kind", "estimate", "--amount", "25.50", "--date", "2026-03-10", *db)
    appeal = run("requests", "letter", request_id, "appeal", *db).stdout
    assert "The agency cited: NRS 239.010." in appeal and "reference: R-1" in appeal
    shown = json.loads(run("requests", "show", request_id, "--json", *db).stdout)
    assert [h["to"] for h in shown["history"]] == ["draft", "filed", "denied"]
    assert shown["fees"][0]["amount"] == "$25.50"
    rows = list(csv.DictReader(io.StringIO(run("requests", "export", *db).stdout)))
    assert rows[0]["status"] == "denied" and rows[0]["fees_estimated"] == "$25.50" and "NRS 239.010" in rows[0]["exemptions"]
    # Bad input: an impossible move, a bad amount, an unknown request: named, nothing changed.
    before = run("requests", "show", request_id, "--json", *db).stdout
    for args, expect in [(["requests", "status", request_id, "processing"], "From denied it can become"),
                         (["requests", "fee", request_id, "--kind", "estimate", "--amount", "12,5"], "--amount"),
                         (["requests", "status", "999999", "withdrawn"], "request 999999 does not exist"),
                         (["requests", "log", request_id, "--date", "2026-02-01", "--text", "x"], "before the request was filed")]:
        result = run(*args, *db, check=False)
        assert result.returncode != 0 and expect in result.stderr, (args, result.stderr)
    assert run("requests", "show", request_id, "--json", *db).stdout == before
    # The trail has every step with the operator's name.
    trail = list(csv.DictReader(io.StringIO(run("audit", "export", "--entity", "request", *db).stdout)))
    assert [r["action"] for r in trail] == ["request.create", "request.file", "request.communication.add", "request.status", "request.exemption.add", "request.fee.add"]


@pytest.mark.parametrize("db", list(backends()), indirect=True)
def test_a_campaign_over_a_filter_and_the_due_list(db, tmp_path):
    run("import", "private-eyes", write_dataset(tmp_path / "pe"), *db)
    created = run("campaigns", "new", "Nevada NCIC", "--state", "NV", "--requester-name", "Lead", "--requester-email", "lead@example.org", *db)
    # Sparks is already answered by EFF's report: skipped by default, and said so (issue 10).
    assert "1 draft request " in created.stdout, created.stdout
    assert "skipped: Sparks NV PD: already answered by records" in created.stderr, created.stderr
    campaign = run("campaigns", "list", *db).stdout
    assert "Nevada NCIC" in campaign and "state=NV" in campaign
    drafts = json.loads(run("requests", "list", "--campaign", "1", "--json", *db).stdout)
    assert sorted(d["agency_name"] for d in drafts) == ["Reno NV PD"]
    # Asked for, answered agencies and those with an open request are included.
    both = run("campaigns", "new", "Nevada again", "--state", "NV", "--include-answered", "--include-open", "--requester-name", "Lead", "--requester-email", "lead@example.org", *db)
    assert "2 draft requests" in both.stdout, both.stdout
    bad_requester = run("campaigns", "new", "VA", "--state", "VA", "--in-state-requester", "VA=nobody", "--requester-name", "L", "--requester-email", "l@example.org", *db, check=False)
    assert bad_requester.returncode != 0 and "STATE=NAME <EMAIL>" in bad_requester.stderr
    assert "Nothing overdue" in run("due", *db).stdout
    run("requests", "status", str(drafts[0]["id"]), "filed", "--date", "2026-03-02", *db)
    due = run("due", "--json", *db).stdout
    assert json.loads(due)[0]["overdue"] is True
    bad = run("campaigns", "new", "Nothing", "--search", "no such agency", "--requester-name", "L", "--requester-email", "l@example.org", *db, check=False)
    assert bad.returncode == 1 and "matches no agencies" in bad.stderr


@pytest.mark.parametrize("db", list(backends()), indirect=True)
def test_contradictions_list_with_rules_states_and_json(db, tmp_path):
    run("import", "private-eyes", write_dataset(tmp_path / "pe"), *db)
    out = run("contradictions", "list", "--rule", "1", *db).stdout
    assert "[rule-1] Sparks NV PD (NV)" in out and "eff.org" in out and "(confidence high)" in out
    data = json.loads(run("contradictions", "list", "--json", *db).stdout)
    assert {item["rule"] for item in data} >= {1, 5}
    assert all(item["citations"] for item in data)
    assert json.loads(run("contradictions", "list", "--rule", "2", "--state", "NV", "--json", *db).stdout) == []
    for args, expect in [(["--rule", "9"], "--rule 9"), (["--state", "ZZ"], "--state ZZ")]:
        result = run("contradictions", "list", *args, *db, check=False)
        assert result.returncode != 0 and expect in result.stderr
