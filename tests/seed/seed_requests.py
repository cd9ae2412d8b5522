# The requests subset gillab ships (interp/lib/requests), checked against
# what requests 2.28 itself does with the same server (the .expected file
# was recorded with Debian's python3-requests): content, text, status,
# headers, raise_for_status, params, redirects, chunked bodies, a timeout,
# a refused connection, a URL without a scheme, post, a Session.
import requests
import seed_site

sites = seed_site.start()
base = seed_site.base_url
try:
    r = requests.get(sites[0], timeout=5)
    print(r, r.status_code, r.ok, r.reason, bool(r), r.url == sites[0])
    print(len(r.content), type(r.content).__name__, r.text[:30], r.encoding)
    print(r.headers["content-type"], r.headers.get("Content-Length"), "content-length" in r.headers)
    r.raise_for_status()
    missing = requests.get(base + "/status/404")
    print(missing.status_code, missing.ok, missing.reason, missing.content, missing.encoding, missing.text)
    try:
        missing.raise_for_status()
    except requests.HTTPError as e:
        print("HTTPError", str(e).replace(base, "BASE"), e.response.status_code, isinstance(e, requests.RequestException),
              isinstance(e, IOError))
    try:
        requests.get(base + "/status/500").raise_for_status()
    except requests.exceptions.HTTPError as e:
        print("HTTPError", str(e).replace(base, "BASE"))
    r = requests.get(base + "/redirect/pypi.org/")
    print(r.status_code, r.url == sites[1], len(r.content))
    print(requests.get(base + "/chunked").text)
    r = requests.get(base + "/echo", params={"q": "a b", "n": 3})
    print(r.text.splitlines()[:2])
    r = requests.get(base + "/latin1")
    print(r.encoding, r.text, r.content)
    r = requests.post(base + "/echo", data={"k": "v"})
    print(r.text.splitlines()[:2], "content-type" in r.text.splitlines())
    with requests.Session() as s:
        s.headers["X-Test"] = "1"
        r = s.get(base + "/echo")
        print("x-test" in r.text.splitlines(), r.status_code)
    try:
        requests.get(base + "/slow", timeout=0.3)
    except requests.Timeout as e:
        print("Timeout", type(e).__name__, isinstance(e, requests.ConnectionError))
    try:
        requests.get("http://127.0.0.1:1/")
    except requests.ConnectionError as e:
        print("ConnectionError", isinstance(e, requests.RequestException))
    for bad in ("127.0.0.1/x", "ftp://127.0.0.1/"):
        try:
            requests.get(bad)
        except requests.RequestException as e:
            print(type(e).__name__, isinstance(e, ValueError))
finally:
    seed_site.stop()
