"""Browser tests of signing in and out, the write pages and the admin pages.

scripts/test creates two people with the real CLI before starting the server:
HOTLISTWATCH_E2E_VOLUNTEER ("Vera Volunteer") and HOTLISTWATCH_E2E_ADMIN ("Ada Admin"),
both with HOTLISTWATCH_E2E_PASSWORD.

Contract used here:
  header         .account-bar (a "Sign in" link, or .viewer-name, .viewer-role and form#sign-out)
  /sign-in       form#sign-in-form (email, password), .message-error on failure
  /agencies/{id} #correct-records-contact, #records-email
  /agencies/{id}/records-contact   form#records-contact-form (email, portal_url)
  /admin/people  table#people tr.person-row[data-email]; /admin/audit table#audit tr.audit-row
"""

import os
import re

import pytest
from selenium.webdriver.common.by import By

from test_directory import click_and_wait, wait_for_new_page

VOLUNTEER = os.environ.get("HOTLISTWATCH_E2E_VOLUNTEER", "")
ADMIN = os.environ.get("HOTLISTWATCH_E2E_ADMIN", "")
PASSWORD = os.environ.get("HOTLISTWATCH_E2E_PASSWORD", "")


@pytest.fixture(autouse=True)
def fresh_browser(driver):
    if not (VOLUNTEER and ADMIN and PASSWORD):
        pytest.fail("HOTLISTWATCH_E2E_VOLUNTEER/ADMIN/PASSWORD are not set; run via scripts/test", pytrace=False)
    driver.delete_all_cookies()
    yield
    driver.delete_all_cookies()


def submit(driver, form):
    old = driver.find_element(By.TAG_NAME, "html")
    form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    wait_for_new_page(driver, old)


def sign_in(driver, email, password=PASSWORD):
    form = driver.find_element(By.ID, "sign-in-form")
    for name, value in (("email", email), ("password", password)):
        field = form.find_element(By.NAME, name)
        field.clear()  # after a failed attempt the email is filled in again
        field.send_keys(value)
    submit(driver, form)


def header_name(driver):
    names = driver.find_elements(By.CSS_SELECTOR, ".account-bar .viewer-name")
    return names[0].text if names else None


def sign_out(driver):
    submit(driver, driver.find_element(By.ID, "sign-out"))
    assert header_name(driver) is None
    assert driver.find_element(By.CSS_SELECTOR, ".account-bar a").text == "Sign in"


def test_volunteer_signs_in_sees_their_name_and_signs_out(driver, base_url, shot):
    driver.get(base_url + "/")
    assert header_name(driver) is None
    click_and_wait(driver, driver.find_element(By.LINK_TEXT, "Sign in"))
    assert "/sign-in" in driver.current_url
    # A wrong password first: a clear message, still signed out.
    sign_in(driver, VOLUNTEER, "not the right password")
    assert driver.find_element(By.CSS_SELECTOR, ".message-error").text.startswith("The email or password is wrong.")
    assert header_name(driver) is None
    shot("sign-in wrong password")
    sign_in(driver, VOLUNTEER)
    assert header_name(driver) == "Vera Volunteer"
    assert "(volunteer)" in driver.find_element(By.CSS_SELECTOR, ".viewer-role").text
    # Volunteers get no admin links.
    assert not driver.find_elements(By.LINK_TEXT, "People")
    shot("signed in as volunteer")
    click_and_wait(driver, driver.find_element(By.LINK_TEXT, "Account"))
    assert driver.find_element(By.ID, "account-role").text.startswith("volunteer")
    shot("account page")
    sign_out(driver)
    # Signed out for real: the account page now asks to sign in.
    driver.get(base_url + "/account")
    assert "/sign-in?next=%2Faccount" in driver.current_url


def test_anonymous_visitor_on_a_write_page_is_sent_to_sign_in_and_back(driver, base_url, shot):
    driver.get(base_url + "/")
    agency_url = driver.find_element(By.CSS_SELECTOR, "#priority-agencies a.agency-link").get_attribute("href")
    agency_id = re.search(r"/agencies/(\d+)", agency_url).group(1)
    driver.get(agency_url)
    click_and_wait(driver, driver.find_element(By.ID, "correct-records-contact"))
    assert "/sign-in?next=" in driver.current_url
    assert driver.find_element(By.TAG_NAME, "h1").text == "Sign in"
    shot("write page sends to sign-in")
    sign_in(driver, VOLUNTEER)
    # Back on the page they wanted, now allowed.
    assert driver.current_url.endswith(f"/agencies/{agency_id}/records-contact")
    form = driver.find_element(By.ID, "records-contact-form")
    email = form.find_element(By.NAME, "email")
    email.clear()
    email.send_keys("records@nodot")  # the browser accepts it; the server does not
    submit(driver, form)
    assert "\"records@nodot\" is not an email address" in driver.find_element(By.CSS_SELECTOR, ".message-error").text
    shot("records contact bad input")
    form = driver.find_element(By.ID, "records-contact-form")
    email = form.find_element(By.NAME, "email")
    email.clear()
    email.send_keys(f"records-{agency_id}@city.example.gov")
    submit(driver, form)
    assert driver.current_url.endswith(f"/agencies/{agency_id}?notice=contact-corrected")
    assert "Saved. The corrected contact is public now" in driver.find_element(By.TAG_NAME, "main").text
    assert driver.find_element(By.ID, "records-email").text == f"records-{agency_id}@city.example.gov"
    shot("records contact saved")
    sign_out(driver)
    # The correction is public; who made it is not.
    driver.get(agency_url)
    assert driver.find_element(By.ID, "records-email").text == f"records-{agency_id}@city.example.gov"
    assert "Vera" not in driver.page_source and VOLUNTEER not in driver.page_source


def test_admin_manages_people_and_reads_the_audit_trail(driver, base_url, shot):
    driver.get(base_url + "/sign-in")
    sign_in(driver, ADMIN)
    assert header_name(driver) == "Ada Admin"
    click_and_wait(driver, driver.find_element(By.LINK_TEXT, "People"))
    rows = {row.get_attribute("data-email") for row in driver.find_elements(By.CSS_SELECTOR, "#people tr.person-row")}
    assert {VOLUNTEER, ADMIN} <= rows
    shot("people page")
    # Add someone: a one-time code is shown instead of a password.
    form = driver.find_element(By.ID, "add-person-form")
    form.find_element(By.NAME, "email").send_keys(f"reviewer-{os.getpid()}@e2e.example")
    form.find_element(By.NAME, "name").send_keys("Rey Reviewer")
    form.find_element(By.CSS_SELECTOR, "select[name=role] option[value=reviewer]").click()
    submit(driver, form)
    assert len(driver.find_element(By.ID, "reset-code").text) >= 40
    shot("person added with one-time code")
    click_and_wait(driver, driver.find_element(By.LINK_TEXT, "Audit trail"))
    actions = [cell.text for cell in driver.find_elements(By.CSS_SELECTOR, "#audit tr.audit-row td[data-label=What]")]
    assert "user.create" in actions and "user.reset_token.create" in actions
    shot("audit trail")
    sign_out(driver)
