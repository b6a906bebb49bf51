"""axe-core, a current release (4.x), run in the page: the serious and critical violations.

The script comes from the axe-playwright-python package, installed without its dependencies by
scripts/test only to carry axe.min.js (older axe-selenium-python releases bundle axe-core 3.1,
which misreads valid <dl><div> markup). Nothing is fetched at run time.
"""

import importlib.util
import pathlib

_SOURCE = None


def axe_source():
    global _SOURCE
    if _SOURCE is None:
        spec = importlib.util.find_spec("axe_playwright_python")  # locates the package without importing it
        if spec is None or not spec.submodule_search_locations:
            raise RuntimeError("axe-playwright-python is not installed; run the browser tests through scripts/test")
        _SOURCE = (pathlib.Path(list(spec.submodule_search_locations)[0]) / "axe.min.js").read_text(encoding="utf-8")
    return _SOURCE


def axe_version(driver):
    driver.execute_script(axe_source())
    return driver.execute_script("return axe.version")


def serious_violations(driver):
    """Every serious or critical axe violation on the current page, one line each."""
    driver.execute_script(axe_source())
    result = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations)).catch(e => done([{id: 'axe-error', impact: 'critical', help: String(e), nodes: []}]));")
    lines = []
    for violation in result:
        if violation.get("impact") in ("serious", "critical"):
            targets = ", ".join(" ".join(node.get("target", [])) for node in violation.get("nodes", [])[:5])
            lines.append(f"{violation['impact']}: {violation['id']}: {violation.get('help', '')} [{targets}]")
    return lines


def assert_no_serious_violations(driver):
    problems = serious_violations(driver)
    assert not problems, f"{driver.current_url}:\n" + "\n".join(problems)
