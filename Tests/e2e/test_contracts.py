"""Browser test of contracts: a volunteer adds an ALPR contract renewing in 60 days through the form,
sees it on the agency's public page, and finds the agency among the renewals ahead.

Contract used here:
  /agencies/{id}            #edit-contracts (signed in), section#contracts, #contract-list
  /agencies/{id}/contracts  form#contract-form (vendor, end_date, amount_usd, cameras, source_url, source_title)
  /renewals                 table#renewals
"""

import datetime

from selenium.webdriver.common.by import By

from test_accounts import VOLUNTEER, fresh_browser, sign_in, submit  # noqa: F401 (fixture)
from test_directory import click_and_wait
from test_findings import assert_accessible

AGENCY = "Fresno CA PD"


def fill(form, driver, values):
    for name, value in values.items():
        field = form.find_element(By.NAME, name)
        # Date inputs take typed text in the browser's locale; set the ISO value the form posts.
        driver.execute_script("arguments[0].value = arguments[1]", field, value)


def test_add_a_contract_and_see_it_on_the_agency_page_and_among_renewals(driver, base_url, shot):
    renews = datetime.datetime.now(datetime.timezone.utc).date() + datetime.timedelta(days=60)
    driver.get(base_url + "/sign-in")
    sign_in(driver, VOLUNTEER)
    driver.get(base_url + "/agencies?q=" + AGENCY.replace(" ", "+"))
    click_and_wait(driver, driver.find_element(By.LINK_TEXT, AGENCY))
    agency_url = driver.current_url.split("?")[0]
    click_and_wait(driver, driver.find_element(By.ID, "edit-contracts"))
    assert_accessible(driver)

    # Without a source the contract is refused, every problem listed, what was typed kept.
    form = driver.find_element(By.ID, "contract-form")
    fill(form, driver, {"vendor": "Flock Safety", "end_date": renews.isoformat(), "amount_usd": "125,000", "cameras": "40"})
    submit(driver, form)
    problems = driver.find_element(By.CSS_SELECTOR, ".message-error").text
    assert "source_url" in problems and "source_title" in problems
    form = driver.find_element(By.ID, "contract-form")
    assert form.find_element(By.NAME, "vendor").get_attribute("value") == "Flock Safety"
    assert form.find_element(By.NAME, "end_date").get_attribute("value") == renews.isoformat()
    shot("contract form problems")

    fill(form, driver, {"source_url": "https://fresno.example.gov/council/agenda", "source_title": "City council agenda, item 12"})
    submit(driver, form)
    assert driver.current_url.split("?")[0] == agency_url
    contracts = driver.find_element(By.ID, "contract-list").text
    assert "Flock Safety" in contracts and f"renews {renews.isoformat()}, in 60 days" in contracts
    assert "$125,000" in contracts and "40 cameras" in contracts and "City council agenda, item 12" in contracts
    shot("agency page with contract")

    driver.get(base_url + "/renewals")
    rows = [row.text for row in driver.find_elements(By.CSS_SELECTOR, "#renewals tbody tr")]
    fresno = [row for row in rows if AGENCY in row]
    assert fresno and renews.isoformat() in fresno[0] and " 60 " in fresno[0] + " ", rows
    shot("renewals ahead")
    assert_accessible(driver)
