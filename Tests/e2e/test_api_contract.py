"""The JSON API on the real demo data, checked against its own OpenAPI document.

The Swift tests check the same contract on a small fixture; this checks the thousands of
real, messy agencies the demo serves (odd names, missing states, hundreds of sharing links).
"""

import json

import jsonschema
import pytest


@pytest.fixture(scope="module")
def spec(http_get, base_url):
    status, body = http_get(f"{base_url}/api/v1/openapi.json")
    assert status == 200
    document = json.loads(body)
    assert document["openapi"].startswith("3.1")
    return document


def check(spec, http_get, base_url, path, operation, status="200"):
    code, body = http_get(f"{base_url}{path}")
    assert str(code) == status, f"{path}: {code} {body[:300]}"
    data = json.loads(body)
    response = spec["paths"][operation]["get"]["responses"][status]
    if "$ref" in response:  # shared responses (errors) live under components/responses
        response = spec["components"]["responses"][response["$ref"].rsplit("/", 1)[-1]]
    schema = dict(response["content"]["application/json"]["schema"])
    # Resolve "#/components/..." references against the whole document (OpenAPI 3.1 is JSON Schema 2020-12).
    schema["components"] = spec["components"]
    jsonschema.validate(data, schema, cls=jsonschema.Draft202012Validator)
    return data


def test_every_page_of_a_state_matches_the_schema(spec, http_get, base_url):
    first = check(spec, http_get, base_url, "/api/v1/agencies?state=CA&per_page=200", "/api/v1/agencies")
    assert first["total"] > 50 and all(item["state"] == "CA" for item in first["items"])
    pages = first["page_count"]
    for page in range(2, pages + 1):
        data = check(spec, http_get, base_url, f"/api/v1/agencies?state=CA&per_page=200&page={page}", "/api/v1/agencies")
        assert all(item["state"] == "CA" for item in data["items"])


def test_details_of_the_most_connected_and_unresolved_agencies(spec, http_get, base_url):
    by_sharing = check(spec, http_get, base_url, "/api/v1/agencies?sort=sharing&per_page=5", "/api/v1/agencies")
    for item in by_sharing["items"]:
        detail = check(spec, http_get, base_url, item["url"], "/api/v1/agencies/{id}")
        assert len(detail["shares_with"]) == detail["shares_with_count"]
        assert len(detail["receives_from"]) == detail["receives_from_count"]
    # Agencies without a state: the filter cannot ask for them, so take them from the name sort's tail.
    code, body = http_get(f"{base_url}/api/v1/agencies?sort=state&per_page=5&page=1000")
    assert code == 200
    last_page = json.loads(body)["page_count"]
    tail = check(spec, http_get, base_url, f"/api/v1/agencies?sort=state&per_page=5&page={last_page}", "/api/v1/agencies")
    unresolved = [item for item in tail["items"] if "state" not in item]
    assert unresolved, "the state sort puts agencies without a state last"
    detail = check(spec, http_get, base_url, unresolved[0]["url"], "/api/v1/agencies/{id}")
    assert detail["state_unresolved_reason"]


def test_reference_endpoints_match_the_schema(spec, http_get, base_url):
    topics = check(spec, http_get, base_url, "/api/v1/reference/ncic", "/api/v1/reference/ncic")
    violator = next(t for t in topics if t["key"] == "immigration_violator")
    assert violator["who_may_enter"] == "ICE only" and violator["source"]
    states = check(spec, http_get, base_url, "/api/v1/reference/states", "/api/v1/reference/states")
    assert len(states) == 51 and all(s["source"] and s["confidence"] in ("high", "medium", "low") for s in states)
    for code in ("NV", "CA", "IL", "AL"):
        check(spec, http_get, base_url, f"/api/v1/reference/states/{code}", "/api/v1/reference/states/{code}")


def test_errors_match_the_schema(spec, http_get, base_url):
    check(spec, http_get, base_url, "/api/v1/agencies?state=ZZ", "/api/v1/agencies", status="400")
    check(spec, http_get, base_url, "/api/v1/agencies/99999999", "/api/v1/agencies/{id}", status="404")
