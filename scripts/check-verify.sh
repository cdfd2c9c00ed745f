#!/usr/bin/env bash
# Tamper test through the real binary: a demo store verifies; copies of it with an edited, deleted or swapped event
# row (triggers dropped, as an attacker with the file would) fail `quartermaster verify`, which names the index.
#
#   swift build && scripts/check-verify.sh          # uses .build/debug/quartermaster
set -euo pipefail

binary=${QUARTERMASTER:-.build/debug/quartermaster}
port=${PORT:-18091}
data=$(mktemp -d)
work=$(mktemp -d)
server=""
cleanup() {
    if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
    rm -rf "$data" "$work"
}
trap cleanup EXIT
fail() { echo "check-verify: FAIL: $*" >&2; exit 1; }

"$binary" serve --demo --data-dir "$data" --port "$port" > "$work/serve.log" 2>&1 &
server=$!
for _ in $(seq 1 150); do
    curl -sf "http://127.0.0.1:$port/tlog/checkpoint" > "$work/checkpoint" 2>/dev/null && break
    sleep 0.2
done
[ -s "$work/checkpoint" ] || fail "the server signed no checkpoint"
kill "$server"; wait "$server" 2>/dev/null || true; server=""

"$binary" verify --data-dir "$data" --checkpoint "$work/checkpoint" || fail "an untouched store does not verify"

# tamper NAME SQL EXPECTED: apply SQL to a copy and expect verify to fail with EXPECTED in its message.
tamper() {
    local name=$1 sql=$2 expected=$3 copy="$work/$1"
    mkdir -p "$copy"
    cp "$data/quartermaster.sqlite" "$data/log-signer.key" "$copy/"
    python3 - "$copy/quartermaster.sqlite" "$sql" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
for trigger in [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")]:
    db.execute(f"DROP TRIGGER {trigger}")
db.executescript(sys.argv[2])
db.commit()
PY
    if "$binary" verify --data-dir "$copy" --checkpoint "$work/checkpoint" > "$copy/out" 2>&1; then
        fail "$name: verify accepted a tampered store"
    fi
    grep -q -- "$expected" "$copy/out" || fail "$name: expected '$expected' in: $(cat "$copy/out")"
    echo "check-verify: $name -> $(tail -n 1 "$copy/out")"
}

# A sealed bid whose price is lowered after the fact.
tamper edited "UPDATE events SET payload = replace(payload, '.00\"', '.01\"') WHERE seq = 118;" "leaf 117 (event seq 118): entry does not match the event"
tamper deleted "DELETE FROM events WHERE seq = 100;" "event seq 100 missing"
tamper swapped "UPDATE events SET payload = CASE seq WHEN 50 THEN (SELECT payload FROM events WHERE seq = 51) ELSE (SELECT payload FROM events WHERE seq = 50) END WHERE seq IN (50, 51);" "leaf 49 (event seq 50)"
tamper truncated "DELETE FROM events WHERE seq = (SELECT MAX(seq) FROM events); DELETE FROM tlog_leaves WHERE leaf_index = (SELECT MAX(leaf_index) FROM tlog_leaves);" "leaves"
echo "check-verify: OK"
