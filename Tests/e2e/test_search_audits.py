"""An agency's Flock search audit log, as the public sees it.

A volunteer stores the log at the command line (the only way in: a log can be gigabytes), against
the very database the server serves. The public page shows nothing until a reviewer, signed in,
reads the waiting counts on the agency page and verifies them there; then the audit section, the
contradiction it supports and the API agree, and no name or plate appears anywhere.
"""

import json
import os
import shlex
import subprocess
import time

from selenium.webdriver.common.by import By

from test_accounts import ADMIN, VOLUNTEER, sign_in, sign_out, submit
from test_api_contract import check, spec  # noqa: F401 (fixture)
from test_findings import assert_accessible
from test_directory import click_and_wait

AGENCY = "Altoona IA PD"  # its portal lists immigration enforcement among prohibited uses
HEADER = ("ID,Name,Org Name,Total Networks Searched,Time Frame,License Plate,Reason,Case #,Filters,"
          "Search Time,Search Type,Text Prompt,Moderation\r\n")
SECRETS = ["Officer Quill", "Deputy Marsh", "KLM4321", "PQR8765"]
LOG = HEADER + "\r\n".join([
    '1,Officer Quill,Polk County IA SO,1450,"04/01/2025 -\r\n04/07/2025",KLM4321,ICE ERO request,25-77,,2025-04-07 09:30:00,Lookup,,',
    '2,Deputy Marsh,Polk County IA SO,1450,x,PQR8765,immigration violation,25-78,,2025-05-02 14:00:00,Lookup,,',
    '3,Deputy Marsh,Des Moines IA PD,12,x,PQR8765,stolen vehicle,25-79,,2025-05-03 10:00:00,Lookup,,',
    '4,Officer Quill,Ames IA PD,3,x,KLM4321,"protest, ""No Kings"" rally",25-80,,2025-06-14 10:00:00,Lookup,,',
]) + "\r\n"


def cli(*args):
    binary = os.environ.get("HOTLISTWATCH_E2E_BIN")
    db_args = shlex.split(os.environ.get("HOTLISTWATCH_E2E_DB_ARGS", ""))
    assert binary and db_args, "scripts/test sets HOTLISTWATCH_E2E_BIN and HOTLISTWATCH_E2E_DB_ARGS"
    result = subprocess.run([binary, *args, *db_args], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, f"{args}: {result.stdout}\n{result.stderr}"
    return result.stdout


def reload_until_shown(driver, url, element_id, seconds=5.0):
    """The server notices a change made by another process (the CLI) within a second (its page
    cache asks the database for the data's revision at most once a second), so reload until then."""
    deadline = time.monotonic() + seconds
    while True:
        driver.get(url)
        if driver.find_elements(By.ID, element_id) or time.monotonic() > deadline:
            return driver.find_element(By.ID, element_id)
        time.sleep(0.25)


def test_a_verified_audit_log_on_the_agency_page(driver, base_url, shot, tmp_path, spec, http_get):
    driver.get(base_url + "/agencies?q=" + AGENCY.replace(" ", "+"))
    click_and_wait(driver, driver.find_element(By.LINK_TEXT, AGENCY))
    agency_url = driver.current_url
    agency_id = agency_url.rstrip("/").rsplit("/", 1)[-1]
    assert not driver.find_elements(By.ID, "search-audits")

    log = tmp_path / "altoona-network-audit.csv"
    log.write_bytes(LOG.encode())
    evidence = ["--evidence-dir", os.environ["HOTLISTWATCH_E2E_EVIDENCE_DIR"]]
    stored = cli("audit-log", "scan", str(log), "--agency", agency_id, "--kind", "network", "--received", "2025-07-15", "--as", VOLUNTEER, *evidence)
    log_id = int(stored.split("Stored as audit log #", 1)[1].split()[0])
    # Stored, not verified: the public page has no trace of it (read after the server's
    # once-a-second revision check, so the page is rendered from the new data).
    time.sleep(1.2)
    driver.get(agency_url)
    assert not driver.find_elements(By.ID, "search-audits")
    assert "immigration" not in (driver.find_element(By.ID, "contradictions").text if driver.find_elements(By.ID, "contradictions") else "")

    # A reviewer (not the volunteer who stored it) reads the waiting counts on the agency page and
    # verifies them there, in the browser.
    driver.get(base_url + "/sign-in")
    sign_in(driver, ADMIN)
    driver.get(agency_url)
    waiting = driver.find_element(By.CSS_SELECTOR, "#search-audits .pending-audit")
    assert "Not public" in waiting.text and "Polk County IA SO (2)" in waiting.text
    shot("agency page audit log waiting for a reviewer")
    submit(driver, waiting.find_element(By.ID, f"verify-audit-log-{log_id}"))
    assert "counts are now public" in driver.find_element(By.TAG_NAME, "main").text
    assert not driver.find_elements(By.CSS_SELECTOR, "#search-audits .pending-audit")
    sign_out(driver)
    section = reload_until_shown(driver, agency_url, "search-audits")
    article = section.find_element(By.ID, f"search-audit-{log_id}")
    assert article.find_element(By.CLASS_NAME, "audit-headline").text == \
        f"2 searches of {AGENCY}'s cameras cited immigration (of 4 searches in its network audit log, 2025-04 to 2025-06)."
    assert "Polk County IA SO (2)" in article.find_element(By.CLASS_NAME, "audit-organizations").text
    assert "2025-04 (1), 2025-05 (1)" in article.find_element(By.CLASS_NAME, "audit-months").text
    rows = [[cell.text for cell in row.find_elements(By.TAG_NAME, "td")] for row in article.find_elements(By.CSS_SELECTOR, "table.audit-counts tbody tr")]
    assert ["Polk County IA SO", "2025-04", "immigration", "1", "1,450"] in rows
    assert ["Ames IA PD", "2025-06", "a protest or First Amendment activity", "1", "3"] in rows
    assert "released 2025-07-15" in article.text and "not public" in article.text
    # The contradiction with its own policy, citing the log on this page.
    contradictions = driver.find_element(By.ID, "contradictions")
    assert "Searches citing immigration" in contradictions.text
    assert contradictions.find_element(By.CSS_SELECTOR, f"a[href$='#search-audit-{log_id}']")
    page = driver.page_source
    for secret in SECRETS:
        assert secret not in page
    shot("agency page audit section")
    assert_accessible(driver)
    driver.set_window_size(390, 844)
    try:
        driver.get(agency_url + f"#search-audit-{log_id}")
        assert driver.execute_script("return document.documentElement.scrollWidth <= window.innerWidth + 1")
        shot("agency page audit section phone")
    finally:
        driver.set_window_size(1280, 900)

    # The API says the same, in the documented shape, and never a name or plate.
    listed = check(spec, http_get, base_url, "/api/v1/search-audits", "/api/v1/search-audits")
    mine = [item for item in listed if item["id"] == log_id]
    assert mine and mine[0]["searches_by_category"]["immigration"] == 2 and mine[0]["agency"]["name"] == AGENCY
    detail = check(spec, http_get, base_url, f"/api/v1/agencies/{agency_id}", "/api/v1/agencies/{id}")
    assert [item["id"] for item in detail["search_audits"]] == [log_id]
    assert not any(secret in json.dumps(listed) + json.dumps(detail) for secret in SECRETS)
    # The council brief names it too.
    driver.get(agency_url.rstrip("/") + "/brief")
    assert "2 searches of" in driver.find_element(By.ID, "brief-search-audits").text
