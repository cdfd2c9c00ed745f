#!/usr/bin/env python3
"""The web UI end to end in headless Chromium, in Ukrainian and in English, against a real `serve --demo` with an
accelerated sandbox clock: a buyer officer creates a best-value tender with two weighted quality criteria and
publishes it, two new suppliers register, one asks a question the officer answers; both bid, one replaces its bid;
the officer amends the notice and both suppliers re-confirm; a second tender with two lots (drafted through the
form's problems and its "add a lot" button, without JavaScript) gets a bid that is withdrawn, and is then cancelled;
after the first deadline the officer opens the bids, an evaluator scores each criterion and proposes the award, the
approver approves it and, after the standstill, signs the contract; the public page then shows the award. An official
without a second factor enrols an authenticator app (its QR code read by a real scanner, zbar), and the code used is
refused when replayed. Along the way it
checks that a supplier never sees a rival's bid and that anonymous visitors and suppliers cannot reach official pages
by address or by a forged form. A screenshot of every page goes to --screenshots.

The enrolling officials (`enrol-<lang>@dpa.demo.mil.gov.ua`, evaluators without a TOTP secret) are created by
scripts/check-web.sh through `quartermaster user add` and `user web-access`.

usage: browser-test.py --base http://127.0.0.1:18391 --screenshots artifacts/screenshots [--lang uk --lang en]
"""
import argparse
import base64
import datetime
import hashlib
import hmac
import json
import os
import random
import struct
import subprocess
import sys
import tempfile
import time
import traceback
import urllib.parse
import urllib.request
from zoneinfo import ZoneInfo

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

PASSWORD = "quartermaster-demo"
KYIV = ZoneInfo("Europe/Kyiv")


MESSAGES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Sources", "WebUI", "Messages")
# The last TOTP time-step used per key: the server accepts each step once, so a second sign-in waits for the next.
USED_STEPS = {}


def totp(key, step):
    digest = hmac.new(key, struct.pack(">Q", step), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    value = struct.unpack(">I", digest[offset:offset + 4])[0] & 0x7FFFFFFF
    return "%06d" % (value % 1_000_000)


def base32_key(text):
    text = text.replace(" ", "")
    return base64.b32decode(text + "=" * (-len(text) % 8))


def edrpou(first_seven):
    digits = [int(c) for c in first_seven]
    weights = [7, 1, 2, 3, 4, 5, 6] if 3 <= digits[0] <= 5 else [1, 2, 3, 4, 5, 6, 7]
    remainder = sum(w * d for w, d in zip(weights, digits)) % 11
    if remainder >= 10:
        remainder = sum((w + 2) * d for w, d in zip(weights, digits)) % 11 % 10
    return first_seven + str(remainder)


class Flow:
    def __init__(self, base, shots, lang):
        self.base, self.shots, self.lang = base, shots, lang
        options = Options()
        for flag in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,1000",
                     "--lang=" + lang]:
            options.add_argument(flag)
        options.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
        self.driver = webdriver.Chrome(service=Service(os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")), options=options)
        self.driver.implicitly_wait(5)
        self.count = 0
        self.checks = 0
        with open(os.path.join(MESSAGES, f"{lang}.json"), encoding="utf-8") as catalog:
            self.t = json.load(catalog)

    def check(self, condition, message):
        self.checks += 1
        if not condition:
            self.shot("failure")
            raise AssertionError(f"[{self.lang}] {message} (at {self.driver.current_url})")

    def shot(self, name):
        self.count += 1
        path = os.path.join(self.shots, f"{self.lang}-{self.count:02d}-{name}.png")
        height = self.driver.execute_script("return document.body.scrollHeight")
        self.driver.set_window_size(1280, min(max(height + 200, 800), 6000))
        self.driver.save_screenshot(path)
        self.driver.set_window_size(1280, 1000)
        return path

    def phone_shot(self, name):
        """The same page on a phone-sized screen: nothing may need sideways scrolling but tables."""
        self.driver.set_window_size(390, 844)
        overflow = self.driver.execute_script(
            "return document.documentElement.scrollWidth > document.documentElement.clientWidth + 1")
        self.check(not overflow, f"{name} fits a phone screen")
        self.count += 1
        self.driver.save_screenshot(os.path.join(self.shots, f"{self.lang}-{self.count:02d}-{name}-phone.png"))
        self.driver.set_window_size(1280, 1000)

    def go(self, path):
        self.driver.get(self.base + path)

    def css(self, selector):
        return self.driver.find_element(By.CSS_SELECTOR, selector)

    def has(self, selector):
        self.driver.implicitly_wait(0)
        found = len(self.driver.find_elements(By.CSS_SELECTOR, selector)) > 0
        self.driver.implicitly_wait(5)
        return found

    def submit(self, selector):
        """Clicks a submit button and waits for the next page to replace this one."""
        self.driver.execute_script("window.qmOldPage = true")
        self.css(selector).click()
        self.wait_for_next_page()

    def wait_for_next_page(self):
        WebDriverWait(self.driver, 60).until(
            lambda d: d.execute_script("return !window.qmOldPage && document.readyState === 'complete'"))

    def fill(self, field, value):
        element = self.css(f"#{field}")
        element.clear()
        element.send_keys(value)

    def as_anonymous(self):
        self.driver.delete_all_cookies()
        self.go(f"/language/{self.lang}?next=/")
        self.check(self.driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == self.lang, "language chosen")

    def path(self):
        return urllib.parse.urlparse(self.driver.current_url).path

    def enter_code(self, key, button):
        """Types the authenticator app's code. The server takes each time-step's code once, so when this key's code of
        the current step was used already (or the server refuses it as used), wait for the next step."""
        for _ in range(3):
            step = int(time.time() // 30)
            if USED_STEPS.get(key, -1) >= step:
                time.sleep((USED_STEPS[key] + 1) * 30 - time.time() + 0.5)
                step = int(time.time() // 30)
            code = totp(key, step)
            self.fill("code", code)
            self.submit(button)
            USED_STEPS[key] = step
            if not self.path().startswith("/sign-in/"):
                return code
        raise AssertionError(f"[{self.lang}] the code was refused three times")

    def sign_in(self, email, secret=None):
        self.as_anonymous()
        self.go("/sign-in")
        self.fill("email", email)
        self.fill("password", PASSWORD)
        self.submit("#sign-in-submit")
        if secret:
            self.check(self.path() == "/sign-in/code", f"{email} is asked for a second factor")
            self.enter_code(secret.encode(), "#code-submit")
        self.check(self.has("#sign-out"), f"{email} is signed in")

    def official(self, who):
        self.sign_in(f"{who}@dpa.demo.mil.gov.ua", f"qm-demo-user-dpa-{who}")

    def open_details(self):
        self.driver.execute_script("document.querySelectorAll('details').forEach(function (d) { d.open = true; })")

    def api(self, path):
        with urllib.request.urlopen(self.base + path) as response:
            return json.load(response)

    def wait_for(self, what, predicate, timeout=400):
        deadline = time.time() + timeout
        while time.time() < deadline:
            if predicate():
                return
            time.sleep(1)
        raise AssertionError(f"[{self.lang}] timed out waiting for {what}")

    def submit_form(self, action, fields):
        """Builds and submits a form the page never offered: tampering as a browser can do it."""
        self.driver.execute_script(
            "var f = document.createElement('form'); f.method = 'post'; f.action = arguments[0];"
            "for (var k in arguments[1]) { var i = document.createElement('input'); i.type = 'hidden'; i.name = k;"
            " i.value = arguments[1][k]; f.appendChild(i); } document.body.appendChild(f);",
            action, fields)
        self.driver.execute_script("window.qmOldPage = true; document.forms[document.forms.length - 1].submit()")
        self.wait_for_next_page()

    def register_supplier(self, name, email, country, identifier):
        self.as_anonymous()
        self.go("/register")
        self.shot("register")
        self.fill("name", name)
        Select(self.css("#country")).select_by_visible_text(country)
        self.fill("edrpou" if country == "UKR" else "registry", identifier)
        self.fill("person", name.split()[0] + " Representative")
        self.fill("email", email)
        self.fill("password", PASSWORD)
        self.submit("#register-submit")
        self.check(self.has("#notice") and self.has("#sign-out"), f"{name} registered and signed in")

    def deadline(self, days):
        now = datetime.datetime.fromisoformat(self.api("/api/v1/clock")["now"].replace("Z", "+00:00"))
        return (now + datetime.timedelta(days=days)).astimezone(KYIV).strftime("%Y-%m-%dT%H:%M")

    def publish(self, days):
        self.driver.execute_script("document.getElementById('deadline').value = arguments[0]", self.deadline(days))
        self.submit("#publish")
        self.check(self.css("#tender-status").get_attribute("data-status") == "tendering", "the tender is published")

    def tender_id(self):
        return self.driver.current_url.split("/tenders/")[1].split("?")[0]

    def status(self, tender):
        return self.api(f"/api/v1/tenders/{tender}")["status"]

    def enrolment(self):
        """An official without a second factor enrols an authenticator app; the code used is then refused again."""
        email = f"enrol-{self.lang}@dpa.demo.mil.gov.ua"
        self.as_anonymous()
        self.go("/sign-in/enrol")
        self.check(self.path() == "/sign-in", "anonymous enrolment goes to sign-in")
        self.go("/sign-in")
        self.fill("email", email)
        self.fill("password", PASSWORD)
        self.submit("#sign-in-submit")
        self.check(self.path() == "/sign-in/enrol", "an official without a second factor is sent to enrol")
        url = self.css("#totp-url").get_attribute("href")
        self.check(url.startswith("otpauth://totp/Quartermaster:"), "the otpauth link")
        with tempfile.TemporaryDirectory() as directory:
            qr = os.path.join(directory, "qr.png")
            self.css("#totp-qr svg").screenshot(qr)
            scanned = subprocess.run(["zbarimg", "--raw", "-q", qr], capture_output=True, text=True).stdout.strip()
        self.check(scanned == url, f"a scanner reads the otpauth link from the QR code (read {scanned!r})")
        self.shot("enrol")
        key = base32_key(self.css("#totp-secret").get_attribute("data-secret"))
        self.check(base32_key(self.css("#totp-secret").text) == key, "the grouped key is the same key")
        code = self.enter_code(key, "#enrol-submit")
        self.check(self.has("#sign-out"), "enrolled and signed in")
        self.as_anonymous()
        self.go("/sign-in")
        self.fill("email", email)
        self.fill("password", PASSWORD)
        self.submit("#sign-in-submit")
        self.check(self.path() == "/sign-in/code", "once enrolled, asked for a code")
        self.fill("code", code)
        self.submit("#code-submit")
        self.check(self.path() == "/sign-in/code" and self.css("#error").text == self.t["code_reused"], "a replayed code is refused")
        self.shot("code-replayed")

    def run(self):
        tag = f"{self.lang}-{random.randrange(10**6):06d}"
        alpha, bravo = f"Alpha Optics {tag}", f"Bravo Thermal {tag}"
        # The public portal, searched and filtered.
        self.as_anonymous()
        self.shot("portal")
        self.phone_shot("portal")
        self.go("/?status=complete&min=1000")
        self.check(self.has("table.tenders tbody tr"), "the portal filters by status and text")
        self.go("/dashboard")
        self.check(self.has("svg.chart rect"), "the dashboard draws its charts")
        self.shot("dashboard")

        # Anonymous visitors are sent to sign in from every official page.
        for path in ["/tenders/new", "/my/bids"]:
            self.go(path)
            self.check("/sign-in" in self.driver.current_url, f"anonymous {path} goes to sign-in")
        self.shot("sign-in")

        self.enrolment()

        # The buyer officer drafts a best-value tender with two weighted quality criteria and publishes it.
        self.official("officer")
        self.go("/tenders/new")
        self.shot("new-tender")
        self.fill("title", f"Thermal imaging monoculars {tag}")
        self.fill("description", "Handheld thermal monoculars, 640x512, for reconnaissance units")
        Select(self.css("#criteria")).select_by_value("best-value")
        for field, value in [("price_weight", "50"), ("criterion-1-title", "Sensor resolution"), ("criterion-1-weight", "30"),
                             ("criterion-2-title", "Battery life"), ("criterion-2-weight", "20"), ("lot-1-value", "4500000.00"),
                             ("lot-1-item-1-description", "Thermal monocular, 640x512"), ("lot-1-item-1-cpv", "38632000-4"),
                             ("lot-1-item-1-quantity", "150")]:
            self.fill(field, value)
        self.submit("#create-tender")
        self.check("/tenders/" in self.driver.current_url and self.has("#publish"), "the draft is created")
        tender = self.tender_id()
        self.shot("draft")
        self.publish(14)
        self.shot("published")

        # Two suppliers register; the first asks a question, bids and replaces its bid, the second bids lower.
        self.register_supplier(alpha, f"alpha-{tag}@example.org", "UKR", edrpou("4%06d" % random.randrange(10**6)))
        self.go(f"/tenders/{tender}")
        self.fill("question-text", "Is a 384x288 sensor acceptable?")
        self.submit("#ask-question")
        self.check(self.has("#notice"), "the question is asked")
        self.fill("price-lot-1", "4200000.00")
        self.submit("#submit-bid")
        self.check(self.has("#own-bid"), "the first bid is submitted")
        self.fill("replace-lot-1", "4150000.00")
        self.submit("#replace-bid")
        self.check(self.css("#notice").text == self.t["done.bid-replaced"], "the bid is replaced")
        self.check("4200000" not in self.css("#replace-lot-1").get_attribute("value"), "the replacement is the bid now")
        self.shot("supplier-bid")
        self.register_supplier(bravo, f"bravo-{tag}@example.org", "POL", "KRS 0000" + tag[-6:])
        self.go(f"/tenders/{tender}")
        self.fill("price-lot-1", "4100000.00")
        self.submit("#submit-bid")
        self.check(self.has("#own-bid"), "the second bid is submitted")
        page = self.driver.page_source
        self.check(all(text not in page for text in ["4,150,000", "4 150 000", "4\u00a0150\u00a0000", "4150000"]),
                   "a supplier never sees a rival's bid")
        self.go(f"/tenders/{tender}/evaluation")
        self.check(self.has("#error-message"), "a supplier cannot open the evaluation page")
        self.shot("supplier-refused")
        self.go(f"/tenders/{tender}")
        self.submit_form(f"/tenders/{tender}/opening", {"_csrf": self.css("input[name=_csrf]").get_attribute("value")})
        self.check(self.has("#error") or self.has("#error-message"), "a supplier's forged opening form is refused")
        self.check(self.status(tender) == "tendering", "nothing changed")

        # Anonymous form tampering goes nowhere.
        self.as_anonymous()
        self.go(f"/tenders/{tender}")
        self.check(self.has("#bids-withheld"), "bids are withheld from the public with a reason and release date")
        self.submit_form(f"/tenders/{tender}/cancel", {"_csrf": "forged", "reason": "force-majeure", "rationale": "tampered form"})
        self.check("/sign-in" in self.driver.current_url, "an anonymous forged form goes to sign-in")
        self.go(f"/tenders/{tender}/evaluation")
        self.check("/sign-in" in self.driver.current_url, "anonymous evaluation goes to sign-in")

        # The officer answers the question and amends the notice: every bid must be re-confirmed.
        self.official("officer")
        self.go(f"/tenders/{tender}")
        self.css("textarea[name=answer]").send_keys("No: 640x512 is the minimum.")
        self.submit(".answer-submit")
        self.check(self.has(".answer"), "the answer is published")
        self.shot("answered")
        self.open_details()
        self.fill("amend-description", "Handheld thermal monoculars, 640x512 minimum, for reconnaissance units")
        self.submit("#amend-submit")
        self.check(self.css("#notice").text == self.t["done.amended"], "the notice is amended")
        for who in [alpha, bravo]:
            email = f"{who.split()[0].lower()}-{tag}@example.org"
            self.sign_in(email)
            self.go(f"/tenders/{tender}")
            self.check(self.has("#confirm-bid"), f"{who} is asked to re-confirm after the amendment")
            self.shot("re-confirm")
            self.submit("#confirm-bid")
            self.check(self.css("#notice").text == self.t["done.bid-confirmed"] and not self.has("#confirm-bid"), f"{who} re-confirms")

        # A second tender with two lots, drafted without JavaScript through the form's problems; a bid on it is
        # withdrawn, and the officer cancels it.
        self.official("officer")
        self.go("/tenders/new")
        self.fill("title", f"Monoculars and batteries {tag}")
        for field, value in [("lot-1-title", "Monoculars"), ("lot-1-value", "2000000"), ("lot-1-item-1-description", "Monocular"),
                             ("lot-1-item-1-cpv", "38632000-4")]:
            self.fill(field, value)
        self.submit("#add-lot")
        self.check(self.has("#lot-2-title") and self.css("#lot-1-value").get_attribute("value") == "2000000", "a lot is added, entries kept")
        for field, value in [("lot-2-title", "Spare batteries"), ("lot-2-item-1-description", "Battery pack"),
                             ("lot-2-item-1-cpv", "38632000-4")]:
            self.fill(field, value)
        self.submit("#create-tender")
        self.check(self.has("#problems") and self.has("#lot-2-value-problem"), "a missing lot value is named at its field")
        self.check(self.css("#lot-2-value-problem").text == self.t["form_required"], "in the reader's language")
        self.shot("new-tender-problems")
        self.fill("lot-2-value", "300000")
        self.submit("#create-tender")
        self.check(self.has("#publish"), "the two-lot draft is created")
        second = self.tender_id()
        self.check(len(self.driver.find_elements(By.CSS_SELECTOR, "#h-lots ~ h3")) == 2, "with two lots")
        self.publish(10)
        self.sign_in(f"alpha-{tag}@example.org")
        self.go(f"/tenders/{second}")
        self.fill("price-lot-1", "1900000")
        self.submit("#submit-bid")
        self.check(self.has("#withdraw-bid"), "a bid on the second tender")
        self.submit("#withdraw-bid")
        self.check(self.css("#notice").text == self.t["done.bid-withdrawn"], "the bid is withdrawn")
        self.check(not self.has("#own-bid") and self.has("#submit-bid"), "no live bid; a new one may be submitted")
        self.shot("bid-withdrawn")
        self.official("officer")
        self.go(f"/tenders/{second}")
        self.open_details()
        Select(self.css("#cancel-reason")).select_by_value("no-longer-needed")
        self.fill("cancel-rationale", "Requirement merged into another procedure.")
        self.submit("#cancel-submit")
        self.check(self.css("#tender-status").get_attribute("data-status") == "cancelled", "the tender is cancelled")
        self.as_anonymous()
        self.go(f"/tenders/{second}")
        self.check(self.css("#tender-status").get_attribute("data-status") == "cancelled", "the public sees the cancellation")
        self.shot("cancelled")

        # The deadline passes on the sandbox clock; the scheduler closes bidding.
        self.wait_for("the bid deadline", lambda: self.status(tender) == "awaiting-opening")
        self.official("officer")
        self.go(f"/tenders/{tender}")
        self.submit("#open-bids")
        self.check("/evaluation" in self.driver.current_url, "the bids are opened")

        # The evaluator scores both bids on each criterion; quality outweighs Bravo's lower price.
        self.official("evaluator")
        self.go(f"/tenders/{tender}/evaluation")
        self.check(len(self.driver.find_elements(By.CSS_SELECTOR, ".decide-submit")) == 2, "both opened bids are up for evaluation")
        for who, scores in [(alpha, ("95", "90")), (bravo, ("40", "50"))]:
            row = next(r for r in self.driver.find_elements(By.CSS_SELECTOR, "tr[data-bid]") if who in r.text)
            for name, score in zip(["score.q1", "score.q2"], scores):
                field = row.find_element(By.CSS_SELECTOR, f"input[name='{name}']")
                field.clear()
                field.send_keys(score)
            self.driver.execute_script("window.qmOldPage = true")
            row.find_element(By.CSS_SELECTOR, ".decide-submit").click()
            self.wait_for_next_page()
        self.check(len(self.driver.find_elements(By.CSS_SELECTOR, ".decision")) == 2, "both bids are qualified")
        first = self.driver.find_elements(By.CSS_SELECTOR, "tr[data-bid]")[0]
        self.check(alpha in first.text and first.find_elements(By.CSS_SELECTOR, "td")[0].text == "1", "best value ranks Alpha first")
        self.shot("evaluation")
        self.submit(".propose-award")
        self.check(self.has(".award[data-status=pending]"), "the award is proposed")
        self.shot("award-proposed")

        # Four eyes: the approver approves; after the standstill, signs the contract.
        self.official("approver")
        self.go(f"/tenders/{tender}/evaluation")
        self.submit(".approve-award")
        self.check(self.has(".award[data-status=standstill]"), "the award is approved")
        self.wait_for("the standstill", lambda: self.api(f"/api/v1/tenders/{tender}")["awards"][0]["status"] == "active")
        self.go(f"/tenders/{tender}/evaluation")
        self.submit(".sign-contract")
        self.check(self.has(".award[data-status=contracted]"), "the contract is signed")
        self.shot("contract")

        # The public sees the award and the contract; the losing supplier sees its result.
        self.as_anonymous()
        self.go(f"/tenders/{tender}")
        self.check(alpha in self.css("#contracts").text, "the public page shows the contract with the winner")
        self.check(self.has("#awards") and self.has("#opened-bids"), "the public page shows the award and the opened bids")
        self.shot("public-award")
        self.phone_shot("public-award")
        self.sign_in(f"bravo-{tag}@example.org")
        self.go("/my/bids")
        self.shot("my-bids")
        self.driver.quit()
        return tender


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", default="http://127.0.0.1:18391")
    parser.add_argument("--screenshots", default="artifacts/screenshots")
    parser.add_argument("--lang", action="append")
    args = parser.parse_args()
    os.makedirs(args.screenshots, exist_ok=True)
    passed = failed = 0
    for lang in args.lang or ["uk", "en"]:
        flow = Flow(args.base, args.screenshots, lang)
        started = time.time()
        try:
            tender = flow.run()
            passed += 1
            print(f"{lang}: full procedure through the browser on tender {tender}: {flow.checks} checks, {flow.count} screenshots, "
                  f"{time.time() - started:.0f} s")
        except Exception as error:
            failed += 1
            print(f"{lang}: FAILED: {error}")
            traceback.print_exc()
            flow.driver.quit()
    print(f"{passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
