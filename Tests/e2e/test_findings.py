"""Browser test of the evidence-to-contradiction path: a volunteer uploads a record and enters what it
shows; it stays private until an admin (a second person) verifies it; then the agency's public page
shows the finding and the contradictions it creates.

Contract used here:
  /agencies/{id}             #agency-evidence-link (signed in), #verified-findings, #contradictions, article#rule-1, article#rule-2
  /agencies/{id}/evidence    form#evidence-form (file, public)
  /evidence/{id}             #evidence-sha256, #finding-from-evidence
  /agencies/{id}/findings/new  form#finding-form (as_of, radio #topic-immigration_violator-enabled)
  /findings/{id}             #own-finding, #verify-finding
  /review                    #finding-queue
"""

import hashlib
import json
import re

from selenium.webdriver.common.by import By

from test_accounts import ADMIN, VOLUNTEER, fresh_browser, sign_in, sign_out, submit  # noqa: F401 (fixture)
from axe import assert_no_serious_violations
from test_api_contract import check, spec  # noqa: F401 (fixture)
from test_directory import A11Y_PROBLEMS_JS, click_and_wait, wait_for_new_page

AGENCY = "Fairfield CA PD"
RECORD = b"%PDF-1.7\n% Fairfield PD: Flock hotlist settings, NCIC topics, exported 2026-10-01\n1 0 obj <<>> endobj\n"


def assert_accessible(driver):
    problems = driver.execute_script(A11Y_PROBLEMS_JS)
    assert not problems, f"{driver.current_url}:\n" + "\n".join(problems)
    assert_no_serious_violations(driver)


def open_agency(driver, base_url):
    driver.get(base_url + "/agencies?q=" + AGENCY.replace(" ", "+"))
    click_and_wait(driver, driver.find_element(By.LINK_TEXT, AGENCY))
    return driver.current_url


def test_upload_enter_verify_and_see_the_contradiction(driver, base_url, shot, tmp_path, spec, http_get):
    record = tmp_path / "fairfield-ncic-settings.pdf"
    record.write_bytes(RECORD)
    driver.get(base_url + "/sign-in")
    sign_in(driver, VOLUNTEER)
    agency_url = open_agency(driver, base_url)
    assert not driver.find_elements(By.ID, "verified-findings")
    click_and_wait(driver, driver.find_element(By.ID, "agency-evidence-link"))
    # Upload the record (private: volunteers cannot publish files).
    assert_accessible(driver)
    form = driver.find_element(By.ID, "evidence-form")
    assert not form.find_elements(By.NAME, "public")
    form.find_element(By.NAME, "file").send_keys(str(record))
    shot("evidence upload form")
    submit(driver, form)
    assert re.search(r"/evidence/\d+", driver.current_url), driver.current_url
    assert driver.find_element(By.ID, "evidence-sha256").text == hashlib.sha256(RECORD).hexdigest()
    evidence_url = driver.current_url.split("?")[0]
    # Enter what it shows.
    click_and_wait(driver, driver.find_element(By.ID, "finding-from-evidence"))
    assert_accessible(driver)
    form = driver.find_element(By.ID, "finding-form")
    driver.execute_script("arguments[0].value = '2026-10-01'", form.find_element(By.NAME, "as_of"))
    form.find_element(By.ID, "topic-immigration_violator-enabled").click()
    form.find_element(By.ID, "topic-stolen_vehicle-enabled").click()
    shot("finding form")
    submit(driver, form)
    finding_url = driver.current_url.split("?")[0]
    assert re.search(r"/findings/\d+$", finding_url), finding_url
    assert driver.find_elements(By.ID, "own-finding"), "the volunteer is told someone else must verify"
    assert not driver.find_elements(By.ID, "verify-finding")
    sign_out(driver)

    # Not public yet.
    driver.get(agency_url)
    assert not driver.find_elements(By.ID, "verified-findings")
    assert not driver.find_elements(By.CSS_SELECTOR, "article#rule-2")

    # A second person publishes the file (it holds no personal data) and verifies the finding from the review queue.
    driver.get(base_url + "/sign-in")
    sign_in(driver, ADMIN)
    driver.get(evidence_url)
    submit(driver, driver.find_element(By.ID, "publish-evidence"))
    assert driver.find_elements(By.ID, "unpublish-evidence")
    driver.get(base_url + "/review")
    queue = driver.find_element(By.ID, "finding-queue")
    assert AGENCY in queue.text
    click_and_wait(driver, queue.find_element(By.CSS_SELECTOR, f"a[href='{finding_url.replace(base_url, '')}']"))
    shot("finding awaiting verification")
    assert_accessible(driver)
    verify = driver.find_element(By.ID, "verify-finding")
    submit(driver, verify)
    assert "Verified" in driver.find_element(By.TAG_NAME, "main").text
    sign_out(driver)

    # Public now: the finding, its evidence, and the contradictions with the agency's own policy and state law.
    driver.get(agency_url)
    findings = driver.find_element(By.ID, "verified-findings").text
    assert "Immigration Violator enabled" in findings and "2026-10-01" in findings and "fairfield-ncic-settings.pdf" in findings
    assert driver.find_element(By.ID, "agency-status").text.startswith("Immigration Violator enabled")
    contradictions = driver.find_element(By.ID, "contradictions")
    rules = [a.get_attribute("id") for a in contradictions.find_elements(By.CSS_SELECTOR, "article.contradiction")]
    assert "rule-1" in rules and "rule-2" in rules, rules
    assert "must not be used for immigration enforcement" in contradictions.text
    page = driver.find_element(By.TAG_NAME, "body").text
    assert "Vera Volunteer" not in page and "Ada Admin" not in page and VOLUNTEER not in page
    assert_no_serious_violations(driver)
    driver.execute_script("document.getElementById('findings').scrollIntoView()")
    shot("agency page with verified finding and contradictions")

    # The public list of findings links to it.
    driver.get(base_url + "/findings?state=CA")
    assert_accessible(driver)
    row = driver.find_element(By.CSS_SELECTOR, f"#findings-table a[href*='/agencies/{agency_url.rstrip('/').split('/')[-1]}#finding-']")
    assert row.text == AGENCY
    shot("public findings list")

    # The same, through the API, checked against the OpenAPI document.
    agency_id = int(agency_url.rstrip("/").split("/")[-1])
    detail = check(spec, http_get, base_url, f"/api/v1/agencies/{agency_id}", "/api/v1/agencies/{id}")
    assert detail["status"]["code"] == "immigration_violator_enabled"
    assert {c["rule_id"] for c in detail["contradictions"]} >= {"rule-1", "rule-2"}
    listed = check(spec, http_get, base_url, "/api/v1/findings?state=CA", "/api/v1/findings")
    assert any(item["agency"]["id"] == agency_id and item["finding"]["immigration_violator"] == "enabled" for item in listed)
    assert VOLUNTEER not in json.dumps(listed) and ADMIN not in json.dumps(detail)


def test_the_eff_loop_for_sparks_keeps_the_contradiction(driver, base_url, shot, tmp_path, spec, http_get):
    """Issue 10: request -> reply -> evidence -> finding -> a second person verifies. EFF's report said
    Sparks's portal forbids immigration enforcement; our own verified finding (enabled) must keep that
    contradiction on the public page, in the agency API and in the contradictions list."""
    record = tmp_path / "sparks-hotlist-settings.pdf"
    record.write_bytes(b"%PDF-1.7\n% Sparks PD: Flock NCIC hotlist topics, Immigration Violator selected\n1 0 obj <<>> endobj\n")
    driver.get(base_url + "/sign-in")
    sign_in(driver, VOLUNTEER)
    driver.get(base_url + "/agencies?q=Sparks+Police+Department")
    click_and_wait(driver, driver.find_element(By.LINK_TEXT, "Sparks NV PD"))
    agency_url = driver.current_url
    agency_id = int(agency_url.rstrip("/").split("/")[-1])
    assert driver.find_elements(By.CSS_SELECTOR, "article#rule-1"), "EFF's report alone already shows it"
    # The request, saved and filed, and the agency's reply with its file.
    click_and_wait(driver, driver.find_element(By.ID, "file-request"))
    old = driver.find_element(By.TAG_NAME, "html")
    driver.find_element(By.ID, "save-draft").click()
    wait_for_new_page(driver, old)

    form = driver.find_element(By.ID, "file-form")
    driver.execute_script("arguments[0].value = '2026-10-01'", form.find_element(By.NAME, "filed_on"))
    submit(driver, form)
    form = driver.find_element(By.ID, "log-form")
    driver.execute_script("arguments[0].value = '2026-10-06'", form.find_element(By.NAME, "date"))
    form.find_element(By.NAME, "subject").send_keys("Re: ALPR hotlist settings")
    submit(driver, form)
    assert "Added to the communications log." in driver.find_element(By.TAG_NAME, "main").text
    form = driver.find_element(By.ID, "attach-form")
    form.find_element(By.NAME, "file").send_keys(str(record))
    submit(driver, form)
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "a.attachment"))
    click_and_wait(driver, driver.find_element(By.ID, "finding-from-evidence"))
    form = driver.find_element(By.ID, "finding-form")
    driver.execute_script("arguments[0].value = '2026-10-06'", form.find_element(By.NAME, "as_of"))
    form.find_element(By.ID, "topic-immigration_violator-enabled").click()
    submit(driver, form)
    finding_url = driver.current_url.split("?")[0]
    sign_out(driver)
    # A second person verifies it.
    driver.get(base_url + "/sign-in")
    sign_in(driver, ADMIN)
    driver.get(finding_url)
    submit(driver, driver.find_element(By.ID, "verify-finding"))
    sign_out(driver)
    # validate: the public page, the agency API and the contradictions list all keep rule 1, citing both.
    driver.get(agency_url)
    assert driver.find_element(By.ID, "agency-status").text.startswith("Immigration Violator enabled (records as of 2026-10-06")
    rule1 = driver.find_element(By.CSS_SELECTOR, "article#rule-1")
    assert "eff.org" in rule1.get_attribute("innerHTML") and "verified finding" in rule1.get_attribute("innerHTML")
    assert "(rule-1)" not in driver.find_element(By.TAG_NAME, "main").text, "pages use plain titles"
    shot("sparks after our verified finding")
    detail = check(spec, http_get, base_url, f"/api/v1/agencies/{agency_id}", "/api/v1/agencies/{id}")
    assert "rule-1" in {c["rule_id"] for c in detail["contradictions"]}
    listed = check(spec, http_get, base_url, "/api/v1/contradictions?rule=1&state=NV", "/api/v1/contradictions")
    assert any(item["agency_id"] == agency_id for item in listed), listed

