#!/usr/bin/env bash
# Checks the demo world end to end through the built binary and the real HTTP API:
# seeds a fresh data directory with `serve --demo`, reads it as anonymous and with the demo tokens, checks
# disclosure, the change feed and the timeline, then starts a second server on the same directory and checks that it
# does not seed again.
#
#   swift build && scripts/check-demo.sh            # uses .build/debug/quartermaster
#   QUARTERMASTER=.build-demo/debug/quartermaster PORT=18090 scripts/check-demo.sh
set -euo pipefail

binary=${QUARTERMASTER:-.build/debug/quartermaster}
port=${PORT:-18089}
base="http://127.0.0.1:$port/api/v1"
data=$(mktemp -d)
work=$(mktemp -d)
server=""

cleanup() {
    if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
    rm -rf "$data" "$work"
}
trap cleanup EXIT

fail() { echo "check-demo: FAIL: $*" >&2; exit 1; }

[ -x "$binary" ] || fail "no binary at $binary; run swift build first (or set QUARTERMASTER)"

start() {
    "$binary" serve --demo --data-dir "$data" --port "$port" >"$work/serve-$1.log" 2>&1 &
    server=$!
    for _ in $(seq 1 120); do
        curl -sf "$base/tenders?limit=1" >/dev/null 2>&1 && return 0
        kill -0 "$server" 2>/dev/null || { cat "$work/serve-$1.log" >&2; fail "the server exited during start-up"; }
        sleep 0.5
    done
    fail "the server did not answer within 60 seconds"
}

stop() {
    kill "$server"
    wait "$server" 2>/dev/null || true
    server=""
}

get() { # get NAME PATH [TOKEN]
    local auth=()
    [ -n "${3:-}" ] && auth=(-H "Authorization: Bearer $3")
    curl -sf "${auth[@]}" "$base/$2" >"$work/$1.json" || fail "GET $2 ${3:+as $3 }failed"
}

start first
get anonymous "tenders?limit=200"
get officer "tenders?limit=200" qm_demo_officer
get auditor "tenders?limit=200" qm_demo_auditor
get supplier "bids" qm_demo_supplier_1
get feed "events?limit=1000"
get officer-feed "events?limit=1000" qm_demo_officer
code=$(curl -s -o /dev/null -w '%{http_code}' -H 'Authorization: Bearer qm_demo_wrong' "$base/tenders")
[ "$code" = 401 ] || fail "an unknown token gave HTTP $code, not 401"
code=$(curl -s -o /dev/null -w '%{http_code}' "$base/tenders/tender-05")
[ "$code" = 404 ] || fail "anonymous GET of confidential tender-05 gave HTTP $code, not 404"
stop
# The start-up messages are printed on stdout, which is flushed at exit.
grep -q "Seeded the demo world." "$work/serve-first.log" || fail "serve --demo on an empty directory did not seed"
grep -q "qm_demo_officer" "$work/serve-first.log" || fail "serve --demo did not print the token table"

python3 - "$work" <<'PY'
import datetime, json, sys
from collections import Counter

work = sys.argv[1]
load = lambda name: json.load(open(f"{work}/{name}.json"))
when = lambda text: datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))
now = datetime.datetime.now(datetime.timezone.utc)
problems = []
check = lambda ok, message: ok or problems.append(message)

anonymous = load("anonymous")["items"]
statuses = Counter(t["status"] for t in anonymous)
check(len(anonymous) >= 30, f"anonymous sees {len(anonymous)} tenders, expected at least 30")
check(len(statuses) >= 6, f"anonymous sees {len(statuses)} statuses, expected at least 6")
check(all(t["classification"] == "unclassified" and t["status"] != "draft" for t in anonymous), "anonymous sees a classified or draft tender")

officer = {t["id"]: t for t in load("officer")["items"]}
auditor = {t["id"]: t for t in load("auditor")["items"]}
everything = {**auditor, **officer}
check(any(t["status"] == "draft" for t in officer.values()), "the DPA officer does not see the DPA's draft")
check(any(t["classification"] != "unclassified" for t in auditor.values()), "the auditor (secret) does not see classified tenders")
check(not any(t["status"] == "draft" for t in auditor.values()), "the auditor sees a draft")
check(set(Counter(t["status"] for t in everything.values())) >= {
    "draft", "candidate-selection", "candidate-qualification", "tendering", "awaiting-opening", "evaluation", "standstill", "awarded",
    "complete", "unsuccessful", "cancelled"}, "not every status is present")
check({t["method"] for t in everything.values()} == {"open", "restricted", "negotiated"}, "not every method is present")
check(len(load("supplier")["items"]) > 0, "qm_demo_supplier_1 has no bids")

for t in everything.values():
    running = {"tendering": t.get("tenderPeriodEnd"), "candidate-selection": t.get("candidatePeriodEnd")}.get(t["status"])
    if t["status"] in ("tendering", "candidate-selection"):
        check(running and when(running) > now, f"{t['id']} is {t['status']} but its deadline has passed")
    if t["status"] == "awaiting-opening":
        check(when(t["tenderPeriodEnd"]) <= now, f"{t['id']} awaits opening before its deadline")
    if t["status"] == "standstill":
        ends = [when(a["standstillEnd"]) for a in t["awards"] if a["status"] == "standstill"]
        check(ends and all(end > now for end in ends), f"{t['id']} is in standstill with a standstill end in the past")

for name in ("feed", "officer-feed"):
    events = load(name)["events"]
    sequences = [e["sequence"] for e in events]
    times = [when(e["occurredAt"]) for e in events]
    check(all(a < b for a, b in zip(sequences, sequences[1:])), f"{name}: sequence numbers do not strictly increase")
    check(all(a <= b for a, b in zip(times, times[1:])), f"{name}: event times go backwards")
    check(times and times[-1] <= now, f"{name}: an event lies in the future")
    check(not any(e["type"].startswith("bid.") for e in events), f"{name}: sealed bid events are visible to a non-owner")

if problems:
    sys.exit("check-demo: FAIL:\n  " + "\n  ".join(problems))
print(f"anonymous: {len(anonymous)} tenders, {dict(statuses)}")
print(f"all (officer + auditor): {len(everything)} tenders, {dict(Counter(t['status'] for t in everything.values()))}")
PY

events_before=$(sqlite3 "$data/quartermaster.sqlite" 'SELECT COUNT(*) FROM events' 2>/dev/null || echo "")
start second
stop
grep -q "not seeded again" "$work/serve-second.log" || fail "a second serve --demo on the same directory did not report 'not seeded again'"
if [ -n "$events_before" ]; then
    events_after=$(sqlite3 "$data/quartermaster.sqlite" 'SELECT COUNT(*) FROM events')
    [ "$events_before" = "$events_after" ] || fail "the second start changed the event count ($events_before -> $events_after)"
fi
echo "check-demo: OK"
