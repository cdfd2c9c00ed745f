#!/usr/bin/env bash
# Two `serve` instances against one PostgreSQL database run the demo world on a shared sandbox clock for several
# simulated weeks while buyers create and publish tenders through both; the first instance (the leader of the
# scheduler and the checkpoint signer) is SIGKILLed half-way and the second takes over. Checks: every due deadline
# fired exactly once (no duplicated, no missing transition events), the event sequence has no gaps, a feed reader
# polling throughout saw exactly what a final read sees (never a later event before an earlier one), and the
# transparency log verifies.
#
#   QM_POSTGRES_URL=postgres://postgres:PASSWORD@127.0.0.1:5432/postgres scripts/check-instances.sh
#   SECONDS_TO_RUN=60 RATE=40320 ...   (defaults: 60 real seconds at 40320x, four simulated weeks)
set -euo pipefail

binary=${QUARTERMASTER:-.build/debug/quartermaster}
admin_url=${QM_POSTGRES_URL:?set QM_POSTGRES_URL to a PostgreSQL server URL (a database on it is created and dropped)}
run_for=${SECONDS_TO_RUN:-60}
rate=${RATE:-40320}
ports=(18101 18102)
database="qm_instances_$$"
url="${admin_url%/*}/$database"
data=$(mktemp -d)
servers=()

fail() { echo "check-instances: FAIL: $*" >&2; exit 1; }
[ -x "$binary" ] || fail "no binary at $binary; run swift build first (or set QUARTERMASTER)"
cleanup() {
    for pid in "${servers[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
    psql "$admin_url" -qc "DROP DATABASE IF EXISTS $database" >/dev/null 2>&1 || true
    rm -rf "$data"
}
trap cleanup EXIT

psql "$admin_url" -qc "CREATE DATABASE $database" >/dev/null
origin=$(date -u +%Y-%m-%dT%H:%M:%SZ)
start() { # start INDEX [--demo]
    "$binary" serve ${2:-} --database "$url" --data-dir "$data" --port "${ports[$1]}" --clock-rate "$rate" --clock-origin "$origin" \
        >"$data/serve-$1.log" 2>&1 &
    servers+=($!)
    for _ in $(seq 1 240); do
        curl -sf "http://127.0.0.1:${ports[$1]}/healthz" >/dev/null 2>&1 && return 0
        kill -0 "${servers[-1]}" 2>/dev/null || { cat "$data/serve-$1.log" >&2; fail "instance $1 exited during start-up"; }
        sleep 0.5
    done
    fail "instance $1 did not answer within two minutes"
}
start 0 --demo
start 1

python3 - "$run_for" "${ports[@]}" "${servers[0]}" <<'PY'
import json, os, signal, sys, threading, time, urllib.request

run_for, ports, first = float(sys.argv[1]), sys.argv[2:4], int(sys.argv[4])
bases = [f"http://127.0.0.1:{port}/api/v1" for port in ports]
alive = list(bases)
problems = []

def call(base, method, path, body=None, token="qm_demo_officer"):
    request = urllib.request.Request(base + path, method=method, data=json.dumps(body).encode() if body else None,
                                     headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.load(response)

def feed(base, after):
    return call(base, "GET", f"/events?after={after}&limit=500", token="qm_demo_auditor")["events"]

seen = []
def poll(stop):
    cursor, turn = 0, 0
    while not stop.is_set():
        turn += 1
        page = feed(alive[turn % len(alive)], cursor)
        for event in page:
            if event["sequence"] <= cursor:
                problems.append(f"feed went backwards: {event['sequence']} after {cursor}")
            cursor = event["sequence"]
            seen.append(cursor)
        if not page:
            time.sleep(0.05)

created = 0
def write(stop):
    global created
    notice = {"title": "Field rations", "description": "Ration packs", "method": "open", "criteria": {"type": "lowest-price"},
              "lots": [{"title": "Rations", "value": {"amount": "900000.00", "currency": "UAH"},
                        "items": [{"description": "Ration pack", "cpv": "15000000-8", "quantity": 1000, "unit": "H87"}]}]}
    turn = 0
    while not stop.is_set():
        turn += 1
        base = alive[turn % len(alive)]
        now = call(base, "GET", "/clock")["now"]
        tender = call(base, "POST", "/tenders", notice)["id"]
        deadline = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(time.mktime(time.strptime(now[:19], "%Y-%m-%dT%H:%M:%S")) - time.timezone + 16 * 86400))
        call(alive[(turn + 1) % len(alive)], "POST", f"/tenders/{tender}/publish", {"tenderPeriodEnd": deadline})
        created += 1
        time.sleep(0.3)

stop = threading.Event()
threads = [threading.Thread(target=poll, args=(stop,)), threading.Thread(target=write, args=(stop,))]
for thread in threads: thread.start()
time.sleep(run_for / 2)
os.kill(first, signal.SIGKILL)
alive[:] = [bases[1]]
print(f"check-instances: killed the first instance (pid {first}) after {run_for / 2:.0f}s; the second carries on")
time.sleep(run_for / 2)
stop.set()
for thread in threads: thread.join()

final = []
while True:
    page = feed(bases[1], final[-1] if final else 0)
    if not page: break
    final += [event["sequence"] for event in page]
if seen != final[:len(seen)]:
    problems.append("the polling reader missed events that a final read sees (an earlier event committed after a later one)")
clock = call(bases[1], "GET", "/clock")
print(f"check-instances: {created} tenders created through both instances; the reader saw {len(seen)} events in order; "
      f"platform clock now {clock['now']}")
if problems:
    sys.exit("check-instances: FAIL: " + "; ".join(problems[:5]))
PY
sleep 2
now=$(curl -sf "http://127.0.0.1:${ports[1]}/api/v1/clock" | python3 -c 'import json, sys; print(json.load(sys.stdin)["now"])')
lag=$(python3 -c "import datetime; t = datetime.datetime.fromisoformat('$now'.replace('Z', '+00:00')) - datetime.timedelta(seconds=3 * $rate); print(t.strftime('%Y-%m-%dT%H:%M:%S.000Z'))")
query() { psql "$url" -Atc "$1"; }
read -r events top <<<"$(query "SELECT count(*), COALESCE(max(seq), 0) FROM events" | tr '|' ' ')"
[ "$events" = "$top" ] || fail "the event sequence has gaps: $events events, highest sequence $top"
# Each award has its own standstill, so a tender with several awards may see several standstill ends, one per award.
duplicates=$(query "SELECT count(*) FROM (SELECT stream_id, type, award FROM (
    SELECT stream_id, type, '' AS award FROM events
        WHERE type IN ('tender.candidate-period-ended', 'tender.tendering-ended', 'tender.embargo-lifted')
    UNION ALL SELECT stream_id, type, json_array_elements_text(payload::json -> 'awardIDs') FROM events WHERE type = 'tender.standstill-ended'
) t GROUP BY 1, 2, 3 HAVING count(*) > 1) d")
[ "$duplicates" = 0 ] || fail "$duplicates transitions fired more than once"
missing=$(query "SELECT count(*) FROM tenders WHERE next_deadline <= '$lag'")
[ "$missing" = 0 ] || fail "$missing tenders have a deadline that passed three real seconds ago without its transition"
transitions=$(query "SELECT count(*) FROM events WHERE actor = 'system' AND type LIKE 'tender.%-ended'")
# One statement, one snapshot: the surviving instance may still be writing.
read -r logged leaves <<<"$(query "SELECT (SELECT count(*) FROM events), (SELECT count(*) FROM tlog_leaves)" | tr '|' ' ')"
[ "$leaves" = "$logged" ] || fail "$logged events but $leaves log leaves"
grep -q "leading scheduler" "$data/serve-1.log" || fail "the second instance never took over the scheduler"
"$binary" verify --database "$url" --data-dir "$data"
echo "check-instances: OK: $events events, gap-free; $transitions deadline transitions, each once; none overdue at $now"
