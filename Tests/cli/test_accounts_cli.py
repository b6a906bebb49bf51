"""Accounts and the audit trail at the command line: the real binary, SQLite and PostgreSQL.

Passwords go in on standard input (never as arguments); every change lands in the audit trail
with the operator's system account, or with the person named by --as.
"""

import csv
import io
import json
import os
import socket
import subprocess
import time

import pytest

from test_cli import BIN, backends, db, run, write_dataset  # noqa: F401  (db is a fixture)


def run_with_input(*args, stdin, check=True):
    result = subprocess.run([BIN, *args], capture_output=True, text=True, timeout=300, input=stdin)
    if check and result.returncode != 0:
        raise AssertionError(f"{args} exited {result.returncode}\nstdout: {result.stdout}\nstderr: {result.stderr}")
    return result


def people(db):
    return {p["email"]: p for p in json.loads(run("users", "list", "--json", *db).stdout)}


def audit_rows(db, *filters):
    out = run("audit", "export", *filters, *db).stdout
    return list(csv.DictReader(io.StringIO(out)))


def test_help_for_the_new_commands():
    for args in [["users"], ["users", "add"], ["users", "list"], ["users", "set-role"], ["users", "disable"], ["users", "enable"],
                 ["users", "reset-token"], ["audit"], ["audit", "export"], ["agencies", "set-contact"]]:
        assert "USAGE:" in run(*args, "--help").stdout, args


def test_a_password_is_never_an_argument(tmp_path):
    result = run("users", "add", "a@example.org", "--role", "admin", "--password", "secret secret", "--database", str(tmp_path / "x.sqlite"), check=False)
    assert result.returncode != 0
    assert "--password" in result.stderr


@pytest.mark.parametrize("db", list(backends()), indirect=True)
def test_people_are_added_changed_and_audited(db):
    # setup: the first admin, then a volunteer, passwords from stdin.
    added = run_with_input("users", "add", "Ada@Example.org", "--role", "admin", "--name", "Ada Admin", *db, stdin="correct horse battery\n")
    assert "Added ada@example.org (Ada Admin) as admin" in added.stdout
    run_with_input("users", "add", "vera@example.org", "--role", "volunteer", *db, stdin="volunteer's long passphrase\n")
    listed = people(db)
    assert listed["ada@example.org"]["role"] == "admin" and listed["vera@example.org"]["name"] == "vera"
    assert all("password" not in key for person in listed.values() for key in person)

    # MUT: the admin promotes Vera, naming themself with --as.
    assert "vera@example.org is now reviewer." in run("users", "set-role", "vera@example.org", "reviewer", "--as", "ada@example.org", *db).stdout
    assert "is disabled" in run("users", "disable", "vera@example.org", *db).stdout
    assert people(db)["vera@example.org"]["status"] == "disabled"
    assert "can sign in again" in run("users", "enable", "vera@example.org", *db).stdout

    # validate: the trail names who did what, with before and after.
    rows = audit_rows(db, "--entity", "user")
    actions = [row["action"] for row in rows]
    assert actions == ["user.create", "user.create", "user.role.update", "user.disable", "user.enable"]
    user = os.environ.get("USER") or os.environ.get("LOGNAME")
    if user:
        assert rows[0]["actor"] == f"cli:{user}"
    assert all(row["channel"] == "cli" for row in rows)
    role_change = rows[2]
    assert role_change["actor"] == "ada@example.org" and role_change["actor_user_id"] == str(listed["ada@example.org"]["id"])
    assert json.loads(role_change["before"])["role"] == "volunteer" and json.loads(role_change["after"])["role"] == "reviewer"
    assert role_change["changed_fields"] == "role"
    # Filtering by person keeps only Ada's change.
    assert [r["action"] for r in audit_rows(db, "--person", "ada@example.org")] == ["user.role.update"]


@pytest.mark.parametrize("db", list(backends()), indirect=True)
def test_bad_account_input_is_refused_and_changes_nothing(db):
    run_with_input("users", "add", "ada@example.org", "--role", "admin", *db, stdin="correct horse battery\n")
    before_people, before_audit = people(db), audit_rows(db)
    cases = [
        (["users", "add", "vera@example.org", "--role", "volunteer"], "short\n", "at least 10"),
        (["users", "add", "vera@example.org", "--role", "boss"], "a long enough password\n", "volunteer, reviewer, admin"),
        (["users", "add", "not-an-email", "--role", "volunteer"], "a long enough password\n", "not an email address"),
        (["users", "add", "ADA@example.org", "--role", "volunteer"], "a long enough password\n", "already has an account"),
        (["users", "add", "vera@example.org", "--role", "volunteer"], "", "no password on standard input"),
        (["users", "set-role", "ada@example.org", "volunteer"], "", "only active admin"),
        (["users", "disable", "ada@example.org"], "", "only active admin"),
        (["users", "set-role", "nobody@example.org", "admin"], "", "no account has the email nobody@example.org"),
        (["users", "set-role", "ada@example.org", "admin", "--as", "ghost@example.org"], "", "--as ghost@example.org"),
    ]
    for args, stdin, expect in cases:
        result = run_with_input(*args, *db, stdin=stdin, check=False)
        assert result.returncode == 1, (args, result.stdout, result.stderr)
        assert expect in result.stderr, (args, result.stderr)
        assert "Traceback" not in result.stderr and "Fatal error" not in result.stderr
    assert people(db) == before_people
    assert audit_rows(db) == before_audit


@pytest.mark.parametrize("db", list(backends()), indirect=True)
def test_records_contact_corrections_and_imports_are_audited(db, tmp_path):
    run("import", "private-eyes", write_dataset(tmp_path / "pe"), *db)
    sparks = next(a for a in json.loads(run("agencies", "list", "--json", *db).stdout)["items"] if a["name"] == "Sparks NV PD")
    out = run("agencies", "set-contact", str(sparks["id"]), "--email", "Records@CityOfSparks.us", "--portal-url", "https://sparksnv.nextrequest.com", *db).stdout
    assert "records email records@cityofsparks.us" in out
    shown = json.loads(run("agencies", "show", str(sparks["id"]), "--json", *db).stdout)
    assert shown["records_email"] == "records@cityofsparks.us"
    # Bad input: a clear message naming the option, nothing changed or recorded.
    before = audit_rows(db)
    bad = run("agencies", "set-contact", str(sparks["id"]), "--email", "nope", "--portal-url", "ftp://x", *db, check=False)
    assert bad.returncode == 1 and "--email" in bad.stderr and "--portal-url" in bad.stderr
    missing = run("agencies", "set-contact", "999999", "--email", "a@b.example", *db, check=False)
    assert missing.returncode == 1 and "agency 999999 does not exist" in missing.stderr
    assert audit_rows(db) == before
    rows = audit_rows(db)
    assert [r["action"] for r in rows] == ["dataset.import", "agency.records_contact.update"]
    assert rows[1]["entity_id"] == str(sparks["id"])
    assert json.loads(rows[1]["after"])["records_portal_url"] == "https://sparksnv.nextrequest.com"
    # --output writes the same CSV to a file.
    target = tmp_path / "trail.csv"
    run("audit", "export", "--output", str(target), *db)
    assert list(csv.DictReader(target.open())) == rows


def test_audit_export_rejects_bad_filters(tmp_path):
    database = ["--database", str(tmp_path / "a.sqlite")]
    for args, expect in [(["--entity", "planet"], "--entity planet"), (["--since", "yesterday"], "--since"), (["--entity-id", "4"], "--entity-id needs --entity")]:
        result = run("audit", "export", *args, *database, check=False)
        assert result.returncode != 0 and expect in result.stderr, (args, result.stderr)


def test_serve_tells_the_operator_how_to_create_the_first_admin(tmp_path):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    log = tmp_path / "serve.log"
    with log.open("w") as sink:
        server = subprocess.Popen([BIN, "serve", "--port", str(port), "--database", str(tmp_path / "fresh.sqlite")], stdout=sink, stderr=subprocess.STDOUT)
        try:
            deadline = time.time() + 60
            while time.time() < deadline and "Server started" not in log.read_text():
                time.sleep(0.2)
        finally:
            server.terminate()
            server.wait(timeout=30)
    text = log.read_text()
    assert "No accounts yet" in text
    assert f"hotlistwatch users add you@example.org --role admin --database {tmp_path / 'fresh.sqlite'}" in text
