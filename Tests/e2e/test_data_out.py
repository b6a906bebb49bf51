"""The public data downloads (issue 13): the /data page, a filtered directory CSV, the SQLite file.

Contract used here: /data lists each file as a.data-file[data-name]; /agencies shows #result-count
("N agencies"); /agencies?…&format=csv answers CSV with a header row; /data/hotlistwatch-public.sqlite.
"""

import csv
import io
import re
import sqlite3
import tempfile
import urllib.request

from selenium.webdriver.common.by import By

from axe import assert_no_serious_violations

EXPECTED_TABLES = {"about", "columns", "agencies", "findings", "statements", "contradictions", "request_statistics",
                   "snapshots", "ncic_topics", "state_records_laws", "state_restriction_laws", "search_audits",
                   "search_audit_counts"}


def fetch(url):
    with urllib.request.urlopen(url, timeout=120) as response:
        return response.status, response.headers, response.read()


def test_the_data_page_lists_every_download_and_passes_axe(driver, base_url):
    driver.get(base_url + "/data")
    names = {link.get_attribute("data-name") for link in driver.find_elements(By.CSS_SELECTOR, "a.data-file")}
    assert {"agencies.csv", "findings.json", "contradictions.csv", "request-statistics.csv", "feed.atom",
            "hotlistwatch-public.sqlite", "CITATION.txt"} <= names
    assert "CC BY 4.0" in driver.find_element(By.ID, "data-licence").text
    assert "The News & Observer" in driver.find_element(By.TAG_NAME, "main").text
    assert_no_serious_violations(driver)


def test_a_filtered_directory_csv_has_the_pages_rows(driver, base_url):
    driver.get(base_url + "/agencies?state=NV")
    count = int(re.match(r"([\d,]+) agenc", driver.find_element(By.ID, "result-count").text).group(1).replace(",", ""))
    assert count > 0
    status, headers, body = fetch(base_url + "/agencies?state=NV&format=csv")
    assert status == 200 and headers["Content-Type"].startswith("text/csv")
    assert 'rel="license"' in headers["Link"] and headers["ETag"]
    rows = list(csv.DictReader(io.StringIO(body.decode("utf-8"), newline="")))
    assert len(rows) == count
    assert {row["state"] for row in rows} == {"NV"}


def test_the_sqlite_file_opens_and_has_the_tables(base_url):
    status, headers, body = fetch(base_url + "/data/hotlistwatch-public.sqlite")
    assert status == 200
    with tempfile.NamedTemporaryFile(suffix=".sqlite") as handle:
        handle.write(body)
        handle.flush()
        connection = sqlite3.connect(handle.name)
        try:
            tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            assert EXPECTED_TABLES <= tables
            about = dict(connection.execute("SELECT key, value FROM about"))
            assert "CC BY 4.0" in about["licence"] and about["citation"] and about["generated_at"]
            assert connection.execute("SELECT COUNT(*) FROM agencies").fetchone()[0] > 0
            assert connection.execute("SELECT COUNT(*) FROM columns WHERE table_name = 'findings'").fetchone()[0] > 0
        finally:
            connection.close()
