"""The public face: the dashboard's map and its table, a state page, the contradictions list, and the
static copy made by `hotlistwatch publish`.

Contract used here: #state-map with one a#tile-XX per state in reading order, #state-table with a
tr#row-XX per state, #national-* counts; #state-name and #state-agencies on /states/XX;
#contradiction-filters, #contradictions-count and article.contradiction on /contradictions.
"""

import os
import pathlib
import re
import subprocess
import tempfile

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.support.ui import Select

from axe import assert_no_serious_violations
from test_directory import click_and_wait

READING_ORDER = ["AK", "ME", "WI", "VT", "NH", "WA", "ID", "MT", "ND", "MN", "IL", "MI", "NY", "MA"]


def test_the_map_moves_square_by_square_and_its_table_holds_the_same_numbers(driver, base_url, shot):
    driver.get(base_url + "/")
    tiles = driver.find_elements(By.CSS_SELECTOR, "#state-map a[id^='tile-']")
    assert len(tiles) == 51, "50 states and DC"
    # Keyboard: from the first square, Tab moves to the next square in reading order.
    driver.execute_script("document.getElementById('tile-AK').focus()")
    assert driver.switch_to.active_element.get_attribute("id") == "tile-AK"
    for code in READING_ORDER[1:]:
        ActionChains(driver).send_keys(Keys.TAB).perform()
        assert driver.switch_to.active_element.get_attribute("id") == f"tile-{code}"
    shot("map with keyboard focus")
    # Screen readers: every square is named in words.
    nevada = driver.find_element(By.ID, "tile-NV")
    assert nevada.get_attribute("aria-label").startswith("Nevada: Immigration Violator enabled at ")
    # The table: the same mark per state as the map, and its columns add up to the national counts.
    driver.find_element(By.CSS_SELECTOR, "#state-table-details summary").click()
    enabled_total = 0
    for tile in tiles:
        code = tile.get_attribute("id").removeprefix("tile-")
        row = driver.find_element(By.ID, f"row-{code}")
        cells = row.find_elements(By.TAG_NAME, "td")
        mark = tile.find_elements(By.CSS_SELECTOR, ".tile-mark")
        assert cells[0].text == (mark[0].get_attribute("textContent") if mark else "–"), code
        enabled_total += int(cells[7].text)
    # Other tests may have verified findings on this server already: at least EFF's two reports count.
    assert enabled_total == int(driver.find_element(By.ID, "national-enabled").text) >= 2
    nevada_row = [cell.text for cell in driver.find_element(By.ID, "row-NV").find_elements(By.TAG_NAME, "td")]
    assert nevada_row[0] == "ON" and int(nevada_row[7]) >= 1
    # A square leads to its state's page.
    # An SVG link's href is not a string property: read the attribute itself.
    driver.get(base_url + driver.execute_script("return arguments[0].getAttribute('href')", nevada))
    assert driver.find_element(By.ID, "state-name").text == "Nevada"


def test_a_state_page_lists_its_agencies_records_and_law(driver, base_url, shot):
    driver.get(base_url + "/states/NV")
    table = driver.find_element(By.ID, "state-agencies")
    sparks = next(row for row in table.find_elements(By.CSS_SELECTOR, "tbody tr") if "Sparks NV PD" in row.text)
    # EFF's report, or a finding another test verified since: either way the newest record says enabled.
    assert "Immigration Violator enabled" in sparks.text
    assert sparks.find_element(By.LINK_TEXT, "rule 1").get_attribute("href").endswith("#rule-1")
    assert driver.find_element(By.ID, "records-law").text.startswith("Public-records law")
    shot("state page")
    driver.set_window_size(390, 900)
    try:
        overflow = driver.execute_script("return document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 1, f"the state page scrolls sideways on a phone by {overflow}px"
    finally:
        driver.set_window_size(1280, 900)


def test_the_contradictions_page_filters_and_pages(driver, base_url, shot):
    driver.get(base_url + "/contradictions")
    total = int(re.match(r"([\d,]+) contradictions", driver.find_element(By.ID, "contradictions-count").text).group(1).replace(",", ""))
    assert total > 25 and len(driver.find_elements(By.CSS_SELECTOR, "article.contradiction")) == 25
    assert "reported by EFF" in driver.find_element(By.ID, "reported-list").text
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "a[rel=next]"))
    assert "page=2" in driver.current_url
    assert len(driver.find_elements(By.CSS_SELECTOR, "article.contradiction")) == min(25, total - 25)
    Select(driver.find_element(By.ID, "rule")).select_by_value("5")
    Select(driver.find_element(By.ID, "state")).select_by_value("CA")
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "#contradiction-filters button"))
    assert driver.find_element(By.ID, "contradictions-count").text.startswith("20 contradictions in California")
    articles = driver.find_elements(By.CSS_SELECTOR, "article.contradiction")
    assert articles and all("Rule 5" in a.find_element(By.TAG_NAME, "h3").text for a in articles)
    shot("contradictions filtered")
    driver.get(base_url + "/contradictions?rule=banana")
    assert "not a rule" in driver.find_element(By.TAG_NAME, "main").text


SMALL_DIRECTORY = """name,state,city
Sparks NV PD,NV,Sparks
Reno NV PD,NV,Reno
Atherton CA PD,CA,Atherton
"""


def test_the_static_copy_has_no_broken_link_and_passes_axe(driver, tmp_path):
    binary = os.environ.get("HOTLISTWATCH_E2E_BIN")
    assert binary, "scripts/test sets HOTLISTWATCH_E2E_BIN to the server binary"
    csv = tmp_path / "agencies.csv"
    csv.write_text(SMALL_DIRECTORY)
    database, site = tmp_path / "small.sqlite", tmp_path / "site"
    subprocess.run([binary, "import", "agencies", str(csv), "--database", str(database)], check=True, capture_output=True)
    first = subprocess.run([binary, "publish", "--out", str(site), "--database", str(database), "--evidence-dir", str(tmp_path / "evidence")],
                           check=True, capture_output=True, text=True).stdout
    assert re.search(r"Published \d+ files .*: (\d+) written, 0 unchanged", first), first
    second = subprocess.run([binary, "publish", "--out", str(site), "--database", str(database), "--evidence-dir", str(tmp_path / "evidence")],
                            check=True, capture_output=True, text=True).stdout
    assert ": 0 written" in second, second
    # Crawl the copy in the browser from its home page, by file address: every local link must open a file.
    pages, seen, broken = [site / "index.html"], set(), []
    while pages:
        page = pages.pop()
        if page in seen:
            continue
        seen.add(page)
        driver.get(page.as_uri())
        for href in driver.execute_script("return [...document.querySelectorAll('a[href],link[href]')].map(a => a.getAttribute('href'))"):
            if href.startswith(("http:", "https:", "mailto:", "#")):
                continue
            target = (page.parent / href.split("#")[0]).resolve()
            if not target.is_file():
                broken.append(f"{page.relative_to(site)} -> {href}")
            elif target.suffix == ".html" and target not in seen:
                pages.append(target)
    assert not broken, broken[:10]
    assert len(seen) > 60, f"only {len(seen)} pages reached from the home page"
    driver.get((site / "index.html").as_uri())
    assert driver.find_elements(By.ID, "state-map")
    assert_no_serious_violations(driver)
