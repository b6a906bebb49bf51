"""Browser test of a public-records request from start to appeal, as a volunteer does it.

Contract used here:
  /agencies/{id}      #file-request
  /requests/new       form#new-request-form
  /requests/{id}      #request-status, form#file-form (filed_on, tracking_number), #due-on, #due-basis,
                      form#log-form, form#status-form (status, date), form#exemption-form, #appeal-letter
  /requests/{id}/letters/appeal   #generated-letter
"""

import re

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from test_accounts import PASSWORD, VOLUNTEER, fresh_browser, sign_in, sign_out, submit  # noqa: F401 (fixture)
from test_directory import click_and_wait
from test_directory import wait_for_new_page


def fill(form, values):
    for name, value in values.items():
        field = form.find_element(By.NAME, name)
        if field.tag_name == "select":
            Select(field).select_by_value(value)
        elif field.get_attribute("type") == "date":
            # Typing into a date picker follows the browser's locale; set the ISO value as the form sends it.
            field.parent.execute_script("arguments[0].value = arguments[1]", field, value)
        else:
            field.clear()
            field.send_keys(value)


def test_volunteer_files_a_request_logs_the_denial_and_writes_the_appeal(driver, base_url, shot):
    driver.get(base_url + "/sign-in")
    sign_in(driver, VOLUNTEER)
    # An agency in a state with a numbered deadline: Nevada's Sparks PD.
    driver.get(base_url + "/agencies?q=Sparks+NV+PD")
    click_and_wait(driver, driver.find_element(By.LINK_TEXT, "Sparks NV PD"))
    click_and_wait(driver, driver.find_element(By.ID, "file-request"))
    form = driver.find_element(By.ID, "new-request-form")
    letter = form.find_element(By.NAME, "letter").get_attribute("value")
    assert "Nevada Public Records Act" in letter and "NRS" in letter and "Vera Volunteer" in letter
    shot("request composer")
    # The first button rewrites the letter for a changed requester; saving is its own button.
    old = driver.find_element(By.TAG_NAME, "html")
    form.find_element(By.ID, "save-draft").click()
    wait_for_new_page(driver, old)
    assert re.search(r"/requests/\d+$", driver.current_url)
    assert driver.find_element(By.ID, "request-status").text == "draft"
    # File it on Monday 2 March 2026: Nevada's five business days end Monday 9 March.
    form = driver.find_element(By.ID, "file-form")
    fill(form, {"filed_on": "2026-03-02", "tracking_number": "R-2026-114"})
    submit(driver, form)
    assert driver.find_element(By.ID, "due-on").text == "2026-03-09"
    assert "5 business days" in driver.find_element(By.ID, "due-basis").text
    assert driver.find_elements(By.ID, "overdue"), "long past in 2026-11: shown as overdue"
    shot("request filed")
    # The agency's reply, logged.
    form = driver.find_element(By.ID, "log-form")
    fill(form, {"direction": "incoming", "date": "2026-03-10", "subject": "Re: records request",
                "text": "Your request is denied: the records are confidential under NRS 239.010."})
    submit(driver, form)
    assert "Re: records request" in driver.find_element(By.ID, "communications").text
    # Marked denied, with the exemption the agency cited.
    form = driver.find_element(By.ID, "status-form")
    fill(form, {"status": "denied", "date": "2026-03-10"})
    submit(driver, form)
    assert driver.find_element(By.ID, "request-status").text == "denied"
    form = driver.find_element(By.ID, "exemption-form")
    fill(form, {"cited_text": "NRS 239.010 (confidential by law)", "exemption": "criminal-justice-information"})
    submit(driver, form)
    shot("request denied")
    # The appeal names the exemption and answers it.
    click_and_wait(driver, driver.find_element(By.ID, "appeal-letter"))
    appeal = driver.find_element(By.ID, "generated-letter").text
    assert "The agency cited: NRS 239.010 (confidential by law)." in appeal
    assert "R-2026-114" in appeal and "NCIC" in appeal
    shot("appeal letter")
    sign_out(driver)
