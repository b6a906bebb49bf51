"""Signs in through the real sign-in form and creates an API token on the account page; prints it.
Used by scripts/test to give schemathesis a token. Usage: api-token.py BASE_URL EMAIL PASSWORD"""
import http.cookiejar
import re
import sys
import urllib.parse
import urllib.request

base, email, password = sys.argv[1:4]
opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))


def csrf(html):
    return re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)


def post(path, fields, page):
    data = urllib.parse.urlencode({**fields, "csrf_token": csrf(page)}).encode()
    return opener.open(base + path, data).read().decode()


post("/sign-in", {"email": email, "password": password}, opener.open(base + "/sign-in").read().decode())
created = post("/account/tokens", {"name": "schemathesis"}, opener.open(base + "/account").read().decode())
print(re.search(r'id="new-token"[^>]*>\s*([^<\s]+)', created).group(1))
