"""axe-core on every page type, anonymous and signed in: no serious or critical violations.

Contract used here: the pages' own addresses; #priority-agencies a.agency-link on /; #file-request on
an agency page; form#new-request-form with #save-draft.
"""

import re

import pytest
from selenium.webdriver.common.by import By

from axe import assert_no_serious_violations, axe_version
from test_accounts import ADMIN, fresh_browser, sign_in, sign_out  # noqa: F401 (fixture)
from test_directory import click_and_wait, wait_for_new_page


def first_agency_url(driver, base_url):
    driver.get(base_url + "/")
    return driver.find_element(By.CSS_SELECTOR, "#priority-agencies a.agency-link").get_attribute("href")


def test_ask_first_is_a_to_do_apart_from_the_contradictions(driver, base_url):
    """The top of the priority (tier 1: forbids immigration enforcement, alerts on NCIC, no answer yet)
    carries rule 7, shown as a to-do box, never among the contradictions, and without "(rule-7)"."""
    driver.get(first_agency_url(driver, base_url))
    assert driver.find_elements(By.ID, "ask-first"), driver.current_url
    assert not driver.find_elements(By.CSS_SELECTOR, "#contradictions article#rule-7")
    assert "(rule-" not in driver.find_element(By.TAG_NAME, "main").text


def test_the_bundled_axe_is_a_current_release(driver, base_url):
    driver.get(base_url + "/")
    assert int(axe_version(driver).split(".")[0]) >= 4


@pytest.mark.parametrize("path", ["/", "/agencies", "/agencies?state=CA&sort=name", "agency", "/reference/ncic", "/reference/states",
                                  "/reference/states/VA", "/about", "/findings", "/sign-in", "/no/such/page", "/agencies?q=Sparks+Police",
                                  "/states/NV", "/contradictions", "/contradictions?rule=5&state=CA"])
def test_public_pages(driver, base_url, path):
    driver.get(first_agency_url(driver, base_url) if path == "agency" else base_url + path)
    assert_no_serious_violations(driver)


def test_signed_in_pages(driver, base_url, shot):
    driver.get(base_url + "/sign-in")
    sign_in(driver, ADMIN)
    agency = first_agency_url(driver, base_url)
    agency_id = agency.rstrip("/").split("/")[-1]
    pages = ["/requests", "/campaigns", "/campaigns/new?state=NV", "/review", "/account", "/admin/people", "/admin/audit",
             f"/agencies/{agency_id}/evidence", f"/agencies/{agency_id}/findings/new", f"/agencies/{agency_id}/statements/new",
             f"/agencies/{agency_id}/records-contact"]
    for path in pages:
        driver.get(base_url + path)
        assert_no_serious_violations(driver)
    # A draft request's page, through the real form (Nevada: no residency question to answer first).
    driver.get(base_url + "/agencies?q=Sparks+NV+PD")
    click_and_wait(driver, driver.find_element(By.LINK_TEXT, "Sparks NV PD"))
    click_and_wait(driver, driver.find_element(By.ID, "file-request"))
    assert_no_serious_violations(driver)
    old = driver.find_element(By.TAG_NAME, "html")
    driver.find_element(By.ID, "save-draft").click()
    wait_for_new_page(driver, old)
    assert re.search(r"/requests/\d+$", driver.current_url), driver.current_url
    assert_no_serious_violations(driver)
    shot("draft request (axe checked)")
    sign_out(driver)
