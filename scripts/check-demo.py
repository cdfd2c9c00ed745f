#!/usr/bin/env python3
"""Checks a running demo server: enough tenders in enough statuses, and an ordered change feed."""
import json
import sys
import urllib.request

base = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8080"


def get(path):
    with urllib.request.urlopen(base + path) as response:
        return json.load(response)


tenders = get("/api/v1/tenders?limit=200")["items"]
statuses = sorted({t["status"] for t in tenders})
print(f"{len(tenders)} public tenders in {len(statuses)} statuses: {', '.join(statuses)}")
assert len(tenders) >= 30, "the demo must show at least 30 tenders"
assert len(statuses) >= 6, "the demo must show at least 6 distinct statuses"

sequences, after = [], 0
while True:
    page = get(f"/api/v1/events?after={after}&limit=1000")
    sequences += [e["sequence"] for e in page["events"]]
    if not page["events"]:
        break
    after = page["lastSequence"]
assert sequences == sorted(set(sequences)), "feed sequence numbers must strictly increase"
assert not any(e for e in sequences if e <= 0)
print(f"feed: {len(sequences)} public events, strictly increasing")
