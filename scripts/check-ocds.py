#!/usr/bin/env python3
"""OCDS publication against independent tools and the demo's secrets.

    check-ocds.py BINARY BASE_URL EXPORT_DIR VENV

BASE_URL is a server running `serve --demo` on the data the export was written from.
1. No withheld value anywhere public: every delivery location still under embargo and every classified procedure's
   text, read through the auditor's token, is searched for in the bulk export, /ocds and the anonymous change feed.
2. `quartermaster ocds compile` equals `ocdskit compile` (parsed JSON; compiled, versioned and record package) on the
   demo export, Prozorro's published samples and a synthetic set from a seed drawn now (data neither tool has seen).
"""
import json
import os
import random
import subprocess
import sys
import tempfile
import urllib.request

binary, base, export, venv = sys.argv[1:5]
shared = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared")
schema = "Sources/OpenContracting/Resources/release-schema.json"
failures = []


def get(path, token=None):
    request = urllib.request.Request(base + path, headers={"Authorization": f"Bearer {token}"} if token else {})
    with urllib.request.urlopen(request) as response:
        return response.read().decode()


def secrets():
    """Values only the cleared may read: embargoed delivery locations and the text of classified procedures."""
    public = {t["id"] for t in json.loads(get("/api/v1/tenders?limit=200"))["items"]}
    found = {}
    for tender in json.loads(get("/api/v1/tenders?limit=200", "qm_demo_auditor"))["items"]:
        full = json.loads(get(f"/api/v1/tenders/{tender['id']}", "qm_demo_auditor"))
        items = [item for lot in full["lots"] for item in lot["items"]]
        if tender["id"] not in public:
            for text in [full["title"], full["description"]] + [lot["title"] for lot in full["lots"]] + [i["description"] for i in items]:
                found[text] = f"{tender['id']} ({full['classification']})"
        elif "embargoLiftedAt" not in full:
            for item in items:
                if item.get("deliveryLocation"):
                    found[item["deliveryLocation"]] = f"{tender['id']} delivery location of {item['id']}"
    return found


def check_secrets():
    hidden = secrets()
    public_text = {name: open(os.path.join(export, name), encoding="utf-8").read() for name in os.listdir(export)}
    public_text["/ocds/releases"] = get("/ocds/releases?limit=1000")
    public_text["/api/v1/events"] = get("/api/v1/events?limit=1000")
    visible = {t["id"]: t for t in json.loads(get("/api/v1/tenders?limit=200"))["items"]}
    public_text["/api/v1/tenders/*"] = "".join(get(f"/api/v1/tenders/{tid}") for tid in visible)
    for value, where in hidden.items():
        for name, text in public_text.items():
            if value in text:
                failures.append(f"withheld value of {where} appears in {name}: {value!r}")
    locations = sum(1 for where in hidden.values() if "delivery location" in where)
    print(f"  {len(hidden)} withheld values ({locations} embargoed delivery locations, {len(hidden) - locations} texts of "
          f"classified procedures) searched in {len(public_text)} public outputs")
    if locations == 0 or len(hidden) == locations:
        failures.append("the demo has no embargoed location or no classified procedure: the check would prove nothing")


def compile_with(tool, path, flags):
    with open(path, "rb") as source:
        command = [os.path.join(venv, "bin", "ocdskit"), "compile", "--schema", schema] if tool == "ocdskit" else [binary, "ocds", "compile"]
        output = subprocess.run(command + flags, stdin=source, capture_output=True, check=True).stdout
    return [json.loads(line) for line in output.splitlines() if line.strip()]


def check_compile(path, label, reference=None):
    """Ours on `path` against ocdskit on `reference` (default: the same file; ocdskit reads only packages well)."""
    package_flags = ["--package", "--uri", "https://example.org/records.json", "--published-date", "2026-01-01T00:00:00Z"]
    variants = [[], ["--versioned"]] + ([] if reference else [package_flags + ["--versioned"], package_flags + ["--linked-releases"]])
    for flags in variants:
        ours, theirs = compile_with("ours", path, flags), compile_with("ocdskit", reference or path, flags)
        name = " ".join(f for f in flags if f in ("--package", "--versioned", "--linked-releases")) or "compiled"
        if ours != theirs:
            failures.append(f"{label} {name}: ocds compile differs from ocdskit compile")
        count = len(theirs[0]["records"]) if flags and flags[0] == "--package" else len(theirs)
        print(f"  {label:<28} {name:<28} {count:>5} outputs {'equal' if ours == theirs else 'DIFFERENT'}")


check_secrets()
check_compile(os.path.join(export, "release-package.json"), "demo export")
check_compile(os.path.join(shared, "data/ocds/prozorro-samples/releases-10.json"), "Prozorro releases-10")
check_compile(os.path.join(shared, "data/ocds/prozorro-samples/release-c3f4965758c9b7391f86c676f59b828a.json"), "Prozorro single release")
seed = random.SystemRandom().randrange(1, 1 << 30)
with tempfile.TemporaryDirectory() as synthetic:
    subprocess.run([sys.executable, os.path.join(shared, "tools/ocds/gen_synthetic.py"), "300", synthetic, str(seed)], check=True, capture_output=True)
    check_compile(os.path.join(synthetic, "release-package.json"), f"synthetic seed {seed}")
    check_compile(os.path.join(synthetic, "releases.jsonl"), "the same as JSON lines", os.path.join(synthetic, "release-package.json"))

for failure in failures:
    print(f"check-ocds: FAIL: {failure}", file=sys.stderr)
sys.exit(1 if failures else 0)
