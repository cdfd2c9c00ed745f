#!/usr/bin/env python3
"""Server render time of every kind of web page on the demo world, read from the `Server-Timing` header each page
carries (the time inside the handler: session, queries, disclosure and template). Prints the median and the
maximum per page; the target is under 50 ms. Not an assertion: the numbers depend on the machine and the build.

usage: bench-pages.py --base http://127.0.0.1:18391 [--repeat 20]
"""
import argparse
import hashlib
import hmac
import re
import statistics
import struct
import time
import urllib.error
import urllib.parse
import urllib.request

PASSWORD = "quartermaster-demo"


def totp(secret):
    digest = hmac.new(secret.encode(), struct.pack(">Q", int(time.time() // 30)), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    return "%06d" % ((struct.unpack(">I", digest[offset:offset + 4])[0] & 0x7FFFFFFF) % 1_000_000)


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args):
        return None


class Session:
    """Cookies by hand: the UI's cookies are `Secure`, which Python's cookie jar will not send over http."""

    def __init__(self, base):
        self.base, self.cookies = base, {}
        self.opener = urllib.request.build_opener(NoRedirect)

    def request(self, path, form=None):
        data = urllib.parse.urlencode(form).encode() if form is not None else None
        request = urllib.request.Request(self.base + path, data=data, headers={"Accept-Language": "uk"})
        if self.cookies:
            request.add_header("Cookie", "; ".join(f"{k}={v}" for k, v in self.cookies.items()))
        try:
            response = self.opener.open(request)
        except urllib.error.HTTPError as error:
            response = error
        for header in response.headers.get_all("Set-Cookie") or []:
            name, _, value = header.split(";")[0].partition("=")
            self.cookies[name] = value
        body = response.read().decode()
        return response.status, response.headers, body

    def csrf(self, body):
        match = re.search(r'name="_csrf" value="([^"]+)"', body)
        return match.group(1) if match else ""

    def sign_in(self, email, secret=None):
        _, _, body = self.request("/sign-in")
        self.request("/sign-in", {"_csrf": self.csrf(body), "email": email, "password": PASSWORD, "next": "/"})
        if secret:
            _, _, body = self.request("/sign-in/code")
            self.request("/sign-in/code", {"_csrf": self.csrf(body), "code": totp(secret), "next": "/"})
        return self


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", default="http://127.0.0.1:18391")
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    anonymous = Session(args.base)
    officer = Session(args.base).sign_in("officer@dpa.demo.mil.gov.ua", "qm-demo-user-dpa-officer")
    evaluator = Session(args.base).sign_in("evaluator@dpa.demo.mil.gov.ua", "qm-demo-user-dpa-evaluator")
    supplier = Session(args.base).sign_in("tenders@skyforge.demo.example")
    pages = [
        ("portal", anonymous, "/"),
        ("portal filtered", anonymous, "/?status=complete&code=35&min=1000000"),
        ("tender (complete)", anonymous, "/tenders/tender-01"),
        ("tender (tendering)", anonymous, "/tenders/tender-10"),
        ("dashboard", anonymous, "/dashboard"),
        ("sign-in", Session(args.base), "/sign-in"),
        ("register", Session(args.base), "/register"),
        ("tender (buyer)", officer, "/tenders/tender-01"),
        ("new tender", officer, "/tenders/new"),
        ("evaluation", evaluator, "/tenders/tender-01/evaluation"),
        ("tender (supplier)", supplier, "/tenders/tender-10"),
        ("my bids", supplier, "/my/bids"),
    ]
    print(f"{'page':22} {'status':>6} {'median ms':>10} {'max ms':>8}")
    worst = 0.0
    for name, session, path in pages:
        times, status = [], 0
        for _ in range(args.repeat):
            status, headers, _ = session.request(path)
            match = re.search(r"dur=([0-9.]+)", headers.get("Server-Timing") or "")
            if match:
                times.append(float(match.group(1)))
        if not times:
            print(f"{name:22} {status:>6} {'no timing':>10}")
            continue
        worst = max(worst, statistics.median(times))
        print(f"{name:22} {status:>6} {statistics.median(times):>10.1f} {max(times):>8.1f}")
    print(f"slowest median: {worst:.1f} ms (target < 50 ms)")


if __name__ == "__main__":
    main()
