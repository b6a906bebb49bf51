"""Browser tests of the agency directory, as a person would use it.

They rely only on the server-rendered HTML contract (ids and classes below),
not on JavaScript, and run once per database backend (scripts/test runs them
against a SQLite-backed and a PostgreSQL-backed server).

Contract used here:
  /                  h1 "Hotlist Watch", #count-agencies, #priority-agencies a.agency-link
  /agencies          form#agency-filter (q, state, kind, alerts_ncic, prohibits_immigration,
                     has_portal, sort, #apply-filters), #agency-results tr.agency-row
                     (a.agency-link, td.agency-state), #result-count, a[rel=next|prev]
  /agencies/{id}     h1#agency-name, #agency-state, #hotlists, #prohibited-uses,
                     #shares-with, #receives-from (a.agency-link), #sources
"""

import re

import pytest
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

# Text that means the server leaked an internal error instead of rendering a page.
CRASH_MARKERS = ("Fatal error", "Abort", "Stack trace", "Backtrace", "Traceback")

# How many California agencies to open while looking for one that shares data.
SHARING_CANDIDATES = 25


# --- helpers ---------------------------------------------------------------

def number_in(text):
    """First number in a text, ignoring thousands separators: '5,152 agencies' -> 5152."""
    m = re.search(r"\d[\d,]*", text)
    assert m, f"no number in {text!r}"
    return int(m.group(0).replace(",", ""))


def _page_replaced(old_html):
    """True once `old_html` belongs to a page that is gone.

    Chromium sometimes answers a question about an element of a page that is being
    replaced with "unhandled inspector error: Cannot find context" rather than a
    stale-element error; both mean the old page is gone.
    """
    def check(_driver):
        try:
            return EC.staleness_of(old_html)(_driver)
        except WebDriverException as err:
            if "Cannot find context" in str(err) or "inspector error" in str(err):
                return True
            raise
    return check


def wait_for_new_page(driver, old_html):
    """Wait until the page that held `old_html` is replaced and the new one has loaded."""
    WebDriverWait(driver, 30).until(_page_replaced(old_html))
    WebDriverWait(driver, 30).until(
        lambda d: d.execute_script("return document.readyState") == "complete")


def click_and_wait(driver, element):
    old_html = driver.find_element(By.TAG_NAME, "html")
    element.click()
    wait_for_new_page(driver, old_html)


def open_directory(driver, base_url):
    driver.get(f"{base_url}/agencies")
    form = driver.find_element(By.ID, "agency-filter")
    assert (form.get_attribute("method") or "get").lower() == "get", "the filter form must use GET"
    return form


def apply_filters(driver):
    click_and_wait(driver, driver.find_element(By.ID, "apply-filters"))


def result_rows(driver):
    return driver.find_elements(By.CSS_SELECTOR, "#agency-results tr.agency-row")


def visible_states(driver):
    return [td.text.strip() for td in
            driver.find_elements(By.CSS_SELECTOR, "#agency-results tr.agency-row td.agency-state")
            if td.is_displayed()]


def assert_no_crash_text(text):
    for marker in CRASH_MARKERS:
        assert marker not in text, f"error page leaks internals ({marker!r}): {text[:300]!r}"


# --- the flow --------------------------------------------------------------

def test_home_shows_title_count_and_priority_agencies(driver, base_url, shot):
    driver.get(f"{base_url}/")
    shot("home")
    assert driver.title.strip(), "the page needs a <title>"
    assert "Hotlist Watch" in driver.find_element(By.TAG_NAME, "h1").text
    count = number_in(driver.find_element(By.ID, "count-agencies").text)
    assert count > 1000, f"#count-agencies is {count}; is the demo data loaded?"
    links = driver.find_elements(By.CSS_SELECTOR, "#priority-agencies a.agency-link")
    assert links, "#priority-agencies has no a.agency-link"
    for a in links:
        assert re.search(r"/agencies/[^/?#]+$", a.get_attribute("href")), a.get_attribute("href")
        assert a.text.strip(), "an agency link without a name"


def test_search_by_name(driver, base_url, shot):
    open_directory(driver, base_url)
    shot("directory")
    q = driver.find_element(By.ID, "q")
    q.clear()
    q.send_keys("Sparks")
    apply_filters(driver)
    shot("search-sparks")
    assert "q=Sparks" in driver.current_url
    names = [a.text for a in driver.find_elements(
        By.CSS_SELECTOR, "#agency-results tr.agency-row a.agency-link")]
    assert any("Sparks" in n for n in names), f"no 'Sparks' among results: {names[:10]}"


def test_filter_by_state(driver, base_url, shot):
    open_directory(driver, base_url)
    driver.find_element(By.ID, "q").clear()
    Select(driver.find_element(By.ID, "state")).select_by_value("CA")
    apply_filters(driver)
    shot("state-ca")
    assert "state=CA" in driver.current_url
    states = visible_states(driver)
    assert states, "no rows for California"
    assert set(states) == {"CA"}, f"non-CA rows under state=CA: {sorted(set(states))}"
    total = number_in(driver.find_element(By.ID, "result-count").text)
    assert total >= len(states) > 0

    # Paging keeps the filter. Only checkable when there is more than one page.
    nxt = driver.find_elements(By.CSS_SELECTOR, "a[rel=next]")
    if nxt:
        click_and_wait(driver, nxt[0])
        shot("state-ca-page-2")
        assert set(visible_states(driver)) == {"CA"}, "page 2 lost the state filter"
        assert driver.find_elements(By.CSS_SELECTOR, "a[rel=prev]"), "page 2 has no a[rel=prev]"


def test_agency_page_from_filtered_directory(driver, base_url, shot):
    open_directory(driver, base_url)
    driver.find_element(By.ID, "q").clear()
    Select(driver.find_element(By.ID, "state")).select_by_value("CA")
    Select(driver.find_element(By.NAME, "prohibits_immigration")).select_by_value("true")
    apply_filters(driver)
    shot("ca-prohibits-immigration")
    links = driver.find_elements(By.CSS_SELECTOR, "#agency-results tr.agency-row a.agency-link")
    assert links, "no CA agency that prohibits immigration enforcement use"
    expected = links[0].text.strip()
    click_and_wait(driver, links[0])
    shot("agency")
    name = driver.find_element(By.ID, "agency-name")
    assert name.tag_name == "h1"
    assert name.text.strip(), "#agency-name is empty"
    assert expected in name.text or name.text.strip() in expected
    assert "CA" in driver.find_element(By.ID, "agency-state").text
    for section in ("hotlists", "prohibited-uses", "shares-with", "receives-from", "sources"):
        assert driver.find_elements(By.ID, section), f"agency page lacks #{section}"


def test_follow_a_sharing_link(driver, base_url, shot):
    driver.get(f"{base_url}/agencies?state=CA")
    hrefs = [a.get_attribute("href") for a in driver.find_elements(
        By.CSS_SELECTOR, "#agency-results tr.agency-row a.agency-link")][:SHARING_CANDIDATES]
    assert hrefs, "no CA agencies to look through"
    # Not every agency shares data, and no sort order promises one first:
    # open candidates until one has a link to a partner agency.
    for href in hrefs:
        driver.get(href)
        partners = driver.find_elements(
            By.CSS_SELECTOR, "#shares-with a.agency-link, #receives-from a.agency-link")
        if not partners:
            continue
        shot("agency-with-partners")
        before = driver.find_element(By.ID, "agency-name").text.strip()
        click_and_wait(driver, partners[0])
        shot("partner-agency")
        after = driver.find_element(By.ID, "agency-name").text.strip()
        assert after, "partner page has an empty #agency-name"
        assert after != before, f"partner link led back to {before!r}"
        return
    pytest.fail(f"none of the first {len(hrefs)} CA agencies links to a partner agency")


def test_unknown_agency_is_a_404_page(driver, base_url, shot, http_get):
    url = f"{base_url}/agencies/99999999"
    status, _ = http_get(url)
    assert status == 404, f"GET {url} answered {status}"
    driver.get(url)
    shot("not-found")
    text = driver.find_element(By.TAG_NAME, "body").text
    assert "not found" in text.lower(), f"404 page does not say 'not found': {text[:300]!r}"
    assert_no_crash_text(driver.page_source)


def test_bad_page_parameter_is_a_clear_error(driver, base_url, shot, http_get):
    url = f"{base_url}/agencies?page=abc"
    status, _ = http_get(url)
    assert 400 <= status < 500, f"GET {url} answered {status}; expected a 4xx, not a crash"
    driver.get(url)
    shot("bad-page-parameter")
    text = driver.find_element(By.TAG_NAME, "body").text
    assert "page" in text.lower(), f"error page does not mention 'page': {text[:300]!r}"
    assert_no_crash_text(driver.page_source)


# --- accessibility basics --------------------------------------------------

A11Y_PROBLEMS_JS = """
const problems = [];
const lang = document.documentElement.getAttribute('lang');
if (!lang || !lang.trim()) problems.push('<html> has no lang');
for (const img of document.querySelectorAll('img')) {
  if (!img.hasAttribute('alt')) problems.push('img without alt: ' + img.outerHTML.slice(0, 120));
}
const unlabelled = ['hidden', 'submit', 'button', 'reset', 'image'];
for (const el of document.querySelectorAll('input, select, textarea')) {
  const type = (el.getAttribute('type') || '').toLowerCase();
  if (unlabelled.includes(type)) continue;  // their own text/value is the label
  if (!el.labels || el.labels.length === 0)
    problems.push('form control without <label>: ' + el.outerHTML.slice(0, 120));
}
return problems;
"""


@pytest.mark.parametrize("path", ["/", "/agencies", "/agencies?state=CA", "agency"])
def test_accessibility_basics(driver, base_url, path):
    if path == "agency":
        driver.get(f"{base_url}/")
        first = driver.find_element(By.CSS_SELECTOR, "#priority-agencies a.agency-link")
        driver.get(first.get_attribute("href"))
    else:
        driver.get(base_url + path)
    problems = driver.execute_script(A11Y_PROBLEMS_JS)
    assert not problems, f"{driver.current_url}:\n" + "\n".join(problems)
