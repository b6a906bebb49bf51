"""Browser test of the council brief, its PDF, the press summary and a letter to officials.

Contract used here:
  /agencies/{id}               #agency-brief-link, #agency-brief-pdf-link, #write-to-officials (signed in), #agency-letters (signed in)
  /agencies/{id}/brief         #brief, #brief-questions, #brief-pdf-link, #brief-press-link
  /agencies/{id}/brief.pdf     application/pdf with an ETag (Chromium on the server)
  /agencies/{id}/press         #press-summary, #press-links
  /agencies/{id}/letter        form#letter-form (recipient, recipient_email, subject, body; buttons #letter-eml, #letter-mailto)
"""

import base64
import email
import io
import urllib.parse
import urllib.request

from pypdf import PdfReader
from selenium.webdriver.common.by import By

from test_accounts import VOLUNTEER, fresh_browser, sign_in  # noqa: F401 (fixture)
from test_directory import click_and_wait
from test_findings import assert_accessible

AGENCY = "Sparks NV PD"
FORMAL = "Sparks Police Department"


def open_agency(driver, base_url):
    driver.get(base_url + "/agencies?q=Sparks+Police+Department")
    click_and_wait(driver, driver.find_element(By.LINK_TEXT, AGENCY))
    return driver.current_url.rstrip("/")


def fetch(url, data=None, cookies=None):
    request = urllib.request.Request(url, data=data)
    if cookies:
        request.add_header("Cookie", "; ".join(f"{c['name']}={c['value']}" for c in cookies))
    if data is not None:
        request.add_header("Content-Type", "application/x-www-form-urlencoded")
    with urllib.request.urlopen(request, timeout=90) as answer:
        return answer.status, answer.headers, answer.read()


def test_the_brief_reads_well_passes_axe_and_prints_to_pdf(driver, base_url, shot, fresh_browser):
    agency_url = open_agency(driver, base_url)
    click_and_wait(driver, driver.find_element(By.ID, "agency-brief-link"))
    assert driver.current_url.endswith("/brief")
    assert FORMAL in driver.find_element(By.ID, "brief-title").text
    questions = driver.find_elements(By.CSS_SELECTOR, "#brief-questions li")
    assert len(questions) >= 3 and questions[0].text.startswith("Is the Immigration Violator topic selected")
    # EFF's report is labelled as theirs, never as a verified finding.
    assert "Reported by EFF" in driver.find_element(By.ID, "brief-records").text
    assert "ICE only" in driver.find_element(By.ID, "brief-topic-who").text
    shot("council brief")
    assert_accessible(driver)
    # At phone width nothing spills sideways.
    driver.set_window_size(390, 844)
    try:
        assert driver.execute_script("return document.documentElement.scrollWidth <= window.innerWidth + 1")
    finally:
        driver.set_window_size(1280, 900)

    # The PDF the download button names: Chromium on the server printed the same brief.
    pdf_url = driver.find_element(By.ID, "brief-pdf-link").get_attribute("href")
    status, headers, body = fetch(pdf_url)
    assert status == 200 and headers["Content-Type"].startswith("application/pdf") and headers["ETag"]
    assert body.startswith(b"%PDF")
    first_page = PdfReader(io.BytesIO(body)).pages[0].extract_text()
    assert f"Council brief: {FORMAL}" in first_page
    assert "What the Immigration Violator list is" in first_page
    # Printed, the links are text: the agency page's address is on the first page.
    assert agency_url.split("://", 1)[1] in first_page.replace("\n", "")
    # The same brief again comes from the cache: the same bytes.
    assert fetch(pdf_url)[2] == body

    click_and_wait(driver, driver.find_element(By.ID, "brief-press-link"))
    summary = driver.find_element(By.ID, "press-summary").text
    assert summary.startswith(f"{FORMAL} (Nevada): ") and "EFF reported" in summary and agency_url in summary
    assert_accessible(driver)


def test_a_volunteer_writes_to_officials_and_the_letter_is_logged(driver, base_url, shot, fresh_browser):
    driver.get(base_url + "/sign-in")
    sign_in(driver, VOLUNTEER)
    open_agency(driver, base_url)
    click_and_wait(driver, driver.find_element(By.ID, "write-to-officials"))
    form = driver.find_element(By.ID, "letter-form")
    body = form.find_element(By.NAME, "body").get_attribute("value")
    assert "To the leadership of Sparks Police Department:" in body and "/brief" in body
    shot("letter to officials")
    assert_accessible(driver)
    recipient = form.find_element(By.NAME, "recipient")
    recipient.clear()
    recipient.send_keys("the Sparks City Council")
    address = form.find_element(By.NAME, "recipient_email")
    address.clear()
    address.send_keys("clerk@cityofsparks.example")

    # The .eml, fetched as the browser would post the form (Selenium does not keep downloads).
    fields = {element.get_attribute("name"): element.get_attribute("value")
              for element in form.find_elements(By.CSS_SELECTOR, "input[name], textarea[name]")}
    fields["delivery"] = "eml"
    status, headers, raw = fetch(form.get_attribute("action"), urllib.parse.urlencode(fields).encode(), driver.get_cookies())
    assert status == 200 and headers["Content-Type"].startswith("message/rfc822")
    message = email.message_from_bytes(raw)
    assert message["To"] == "<clerk@cityofsparks.example>" and "Immigration Violator" in message["Subject"]
    text = base64.b64decode(message.get_payload()).decode("utf-8")
    assert text.startswith(body.split("\n", 1)[0]) and "To the leadership of Sparks Police Department:" in text

    # The mail-program way, through the real button: logged, then the link to open.
    form = driver.find_element(By.ID, "letter-form")
    address = form.find_element(By.NAME, "recipient_email")
    address.clear()
    address.send_keys("clerk@cityofsparks.example")
    click_and_wait(driver, driver.find_element(By.ID, "letter-mailto"))
    link = driver.find_element(By.CSS_SELECTOR, "#letter-mailto-link a").get_attribute("href")
    assert link.startswith("mailto:clerk@cityofsparks.example?subject=")
    rows = driver.find_elements(By.CSS_SELECTOR, "#agency-letters tbody tr")
    assert len(rows) >= 2 and "opened in a mail program" in rows[0].text and "downloaded as an .eml file" in rows[1].text
    shot("letter logged")
