"""Browser test of hotlist hit logs: a volunteer imports an agency's hit log from its evidence page; the
public agency page shows the counts per month, list and topic at once, but its Immigration Violator
rows only after a second person verifies the draft finding the import made. No plate is ever shown.

Contract used here:
  /agencies/{id}             #agency-evidence-link (signed in), table#hit-counts, #hit-counts-awaiting
  /agencies/{id}/evidence    form#hit-log-form (file), table#hit-counts (every count)
  /review                    #finding-queue
  /findings/{id}             #verify-finding
"""

import pathlib

from selenium.webdriver.common.by import By

from test_accounts import ADMIN, VOLUNTEER, fresh_browser, sign_in, sign_out, submit  # noqa: F401 (fixture)
from test_directory import click_and_wait
from test_findings import assert_accessible

AGENCY = "Evanston IL PD"
FIXTURE = pathlib.Path(__file__).resolve().parents[1] / "fixtures" / "hit_logs" / "synthetic-hits.csv"


def open_agency(driver, base_url):
    driver.get(base_url + "/agencies?q=" + AGENCY.replace(" ", "+"))
    click_and_wait(driver, driver.find_element(By.LINK_TEXT, AGENCY))
    return driver.current_url


def topics(driver):
    return [row.find_elements(By.TAG_NAME, "td")[2].text for row in driver.find_elements(By.CSS_SELECTOR, "table#hit-counts tbody tr")]


def test_a_hit_log_is_counted_and_its_immigration_violator_rows_wait_for_a_second_person(driver, base_url, shot):
    driver.get(base_url + "/sign-in")
    sign_in(driver, VOLUNTEER)
    agency_url = open_agency(driver, base_url)
    click_and_wait(driver, driver.find_element(By.ID, "agency-evidence-link"))
    form = driver.find_element(By.ID, "hit-log-form")
    form.find_element(By.NAME, "file").send_keys(str(FIXTURE))
    submit(driver, form)
    assert "Immigration Violator hits wait in a draft finding" in driver.find_element(By.TAG_NAME, "main").text
    assert topics(driver).count("Immigration Violator") == 2, "signed-in people see every count"
    assert_accessible(driver)
    shot("evidence page after a hit-log import")
    sign_out(driver)

    # Public at once, without the Immigration Violator rows and without any plate.
    driver.get(agency_url)
    assert "Stolen Vehicle" in topics(driver) and "Immigration Violator" not in topics(driver)
    assert driver.find_elements(By.ID, "hit-counts-awaiting")
    body = driver.find_element(By.TAG_NAME, "body").text
    assert "SYN100" not in body and "Officer Synthetic" not in body and "Main St" not in body
    assert_accessible(driver)
    driver.execute_script("document.getElementById('hit-counts').scrollIntoView()")
    shot("agency page with hit counts awaiting review")

    # A second person verifies the draft from the review queue.
    driver.get(base_url + "/sign-in")
    sign_in(driver, ADMIN)
    driver.get(base_url + "/review")
    queue = driver.find_element(By.ID, "finding-queue")
    link = next(a for a in queue.find_elements(By.TAG_NAME, "a") if "/findings/" in (a.get_attribute("href") or "")
                and AGENCY in a.find_element(By.XPATH, "./ancestor::*[self::li or self::tr][1]").text)
    click_and_wait(driver, link)
    submit(driver, driver.find_element(By.ID, "verify-finding"))
    sign_out(driver)

    driver.get(agency_url)
    assert topics(driver).count("Immigration Violator") == 2 and not driver.find_elements(By.ID, "hit-counts-awaiting")
    assert "2026-03-03" in driver.find_element(By.ID, "verified-findings").text
    assert_accessible(driver)
