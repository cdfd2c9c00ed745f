#!/usr/bin/env bash
# Checks the transparency log with verifiers we did not write (../shared/tools/tlog-oracle: Go's
# golang.org/x/mod/sumdb/{tlog,note} and tlog-scales from PyPI), through the built binary and the real HTTP API:
#   1. `serve --demo` on a fresh data directory and a free port; wait for its first signed checkpoint;
#   2. `tlog export` (checkpoint A) and the oracle on it, once per sample proofs file;
#   3. more events over HTTP (a buyer drafts and publishes tenders, a supplier bids), enough to cross the next
#      tile boundary, and wait for a checkpoint that covers them;
#   4. `tlog export --old-checkpoint A` (checkpoint B) and the oracle on it, including the consistency proof A -> B;
#   5. every exported tile, bundle, the vkey and the proofs compared byte for byte with /tlog/... over HTTP.
# Installs Go and x/mod with apt-get when missing; tlog-scales goes into a venv in a temporary directory.
#
#   swift build && scripts/check-tlog.sh            # uses .build/debug/quartermaster
#   QUARTERMASTER=.build-export/debug/quartermaster PORT=18091 scripts/check-tlog.sh
#
# Environment: QUARTERMASTER (binary), PORT (default: a free port), TLOG_ORACLE (the oracle's `run`; default
# ../shared/tools/tlog-oracle/run next to this project), TLOG_VENV (tlog-scales venv to reuse; default: a temporary one),
# ROUNDS (tender + publish + bid rounds; default: enough to cross a tile boundary), KEEP=1 keeps the work directory.
set -euo pipefail

binary=${QUARTERMASTER:-.build/debug/quartermaster}
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
oracle=${TLOG_ORACLE:-$here/../../shared/tools/tlog-oracle/run}
work=$(mktemp -d)
data="$work/data"
venv=${TLOG_VENV:-$work/venv-tlog}
server=""

cleanup() {
    if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
    if [ "${KEEP:-0}" = 1 ]; then echo "check-tlog: work directory kept: $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

fail() { echo "check-tlog: FAIL: $*" >&2; exit 1; }
step() { printf -- '-- %s (%ss)\n' "$1" "$SECONDS"; }

[ -x "$binary" ] || fail "no binary at $binary; run swift build first (or set QUARTERMASTER)"
[ -x "$oracle" ] || fail "no oracle at $oracle (set TLOG_ORACLE)"
binary="$(cd "$(dirname "$binary")" && pwd)/$(basename "$binary")"

step "dependencies: Go and golang.org/x/mod (Debian), tlog-scales (PyPI, in $venv)"
gopath=${TLOG_GOPATH:-/usr/share/gocode}
if ! command -v go >/dev/null 2>&1 || [ ! -f "$gopath/src/golang.org/x/mod/sumdb/tlog/tlog.go" ]; then
    sudo=""
    [ "$(id -u)" = 0 ] || sudo="sudo"
    export DEBIAN_FRONTEND=noninteractive
    timeout 600 $sudo apt-get update -qq >"$work/apt.log" 2>&1 || { cat "$work/apt.log" >&2; fail "apt-get update"; }
    timeout 900 $sudo apt-get install -y -qq golang-go golang-golang-x-mod-dev >>"$work/apt.log" 2>&1 \
        || { tail -20 "$work/apt.log" >&2; fail "apt-get install golang-go golang-golang-x-mod-dev"; }
fi
go version

if [ -n "${PORT:-}" ]; then
    port=$PORT
else
    port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
fi
api="http://127.0.0.1:$port/api/v1"
tlog="http://127.0.0.1:$port/tlog"
curl_() { curl -sf --max-time 30 "$@"; }
size_of() { sed -n 2p "$1"; }

step "serve --demo on port $port"
"$binary" serve --demo --data-dir "$data" --port "$port" >"$work/serve.log" 2>&1 &
server=$!
for _ in $(seq 1 240); do
    curl_ -o "$work/checkpoint.http" "$tlog/checkpoint" 2>/dev/null && break
    kill -0 "$server" 2>/dev/null || { cat "$work/serve.log" >&2; fail "the server exited during start-up"; }
    sleep 0.5
done
[ -s "$work/checkpoint.http" ] || fail "no signed checkpoint at $tlog/checkpoint within 120 seconds"

oracle_runs=0
run_oracle() { # run_oracle LABEL LOGDIR: the oracle on LOGDIR once per proofs file there
    local label=$1 dir=$2 proofs out
    for proofs in "$dir"/proofs.json "$dir"/proofs.leaf-*.json; do
        [ -f "$proofs" ] || continue
        out="$work/oracle-$label-$(basename "$proofs" .json).log"
        if ! (cd "$work" && TLOG_VENV="$venv" timeout 600 "$oracle" "$dir" "$proofs") >"$out" 2>&1; then
            cat "$out" >&2
            fail "tlog-oracle rejected $label with $(basename "$proofs")"
        fi
        [ "$(tail -n 1 "$out")" = "tlog-oracle: OK" ] || { cat "$out" >&2; fail "tlog-oracle did not end with OK on $label"; }
        oracle_runs=$((oracle_runs + 1))
        printf '   %s %-28s %3d PASS, %d FAIL: %s\n' "$label" "$(basename "$proofs")" "$(grep -c '^PASS' "$out")" \
            "$(grep -c '^FAIL' "$out" || true)" "$(grep -E '^PASS (CheckRecord|CheckTree|inclusion of|consistency [0-9])' "$out" | sed 's/^PASS //' | paste -sd ';' -)"
    done
}

compared=0
compare_http() { # compare_http DIR: every exported tile and bundle, the vkey and the proofs against /tlog/...
    local dir=$1 file rel
    while IFS= read -r file; do
        rel=${file#"$dir"/}
        curl_ -o "$work/http.bin" "$tlog/$rel" || fail "GET /tlog/$rel failed"
        cmp -s "$file" "$work/http.bin" || fail "/tlog/$rel differs from the exported $rel"
        compared=$((compared + 1))
    done < <(find "$dir/tile" -type f | sort)
    curl_ -o "$work/vkey.http" "$tlog/vkey" || fail "GET /tlog/vkey failed"
    cmp -s "$dir/vkey" "$work/vkey.http" || fail "/tlog/vkey differs from the exported vkey"
    curl_ -o "$work/checkpoint.http" "$tlog/checkpoint" || fail "GET /tlog/checkpoint failed"
    if [ "$(size_of "$work/checkpoint.http")" = "$(size_of "$dir/checkpoint")" ]; then
        cmp -s "$dir/checkpoint" "$work/checkpoint.http" || fail "/tlog/checkpoint differs from the exported checkpoint of the same size"
        compared=$((compared + 1))
    fi
    python3 - "$dir" "$tlog" <<'PY' || fail "HTTP proofs differ from the exported proofs in $dir"
import glob, json, sys, urllib.request
directory, base = sys.argv[1], sys.argv[2]
get = lambda path: json.load(urllib.request.urlopen(base + path, timeout=30))
for name in sorted(glob.glob(directory + "/proofs*.json")):
    p = json.load(open(name))
    served = get(f"/proof/inclusion?index={p['leaf_index']}&size={p['tree_size']}")
    assert served["hashes"] == p["inclusion"], f"{name}: inclusion of {p['leaf_index']} differs over HTTP"
    if p.get("old_size"):
        served = get(f"/proof/consistency?old={p['old_size']}&new={p['tree_size']}")
        assert served["hashes"] == p["consistency"], f"{name}: consistency {p['old_size']} -> {p['tree_size']} differs over HTTP"
PY
}

step "checkpoint A: tlog export"
"$binary" tlog export --data-dir "$data" --out "$work/A" | sed 's/^/   /'
size_a=$(size_of "$work/A/checkpoint")
[ "$size_a" -gt 0 ] || fail "checkpoint A is empty"
[ "$("$binary" tlog vkey --data-dir "$data")" = "$(cat "$work/A/vkey")" ] || fail "tlog vkey differs from the exported vkey"
[ "$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["vkey"])' "$work/A/proofs.json")" = "$(cat "$work/A/vkey")" ] \
    || fail "proofs.json names another vkey"

step "oracle on checkpoint A (size $size_a)"
run_oracle A "$work/A"
compare_http "$work/A"

# Enough rounds (draft + publish + bid: three events each) to cross the next level-0 tile boundary, so that B's
# full tile replaces A's partial one and the consistency proof spans two tiles.
rounds=${ROUNDS:-$(((256 - size_a % 256) / 3 + 2))}
step "more events over HTTP: $rounds rounds of a buyer drafting and publishing a tender and a supplier bidding"
buyer='Authorization: Bearer qm_demo_officer'
supplier='Authorization: Bearer qm_demo_supplier_1'
json_field() { python3 -c 'import json, sys; print(json.load(sys.stdin)[sys.argv[1]])' "$1"; }
deadline=$(curl_ "$api/clock" | python3 -c '
import json, sys, datetime
now = datetime.datetime.fromisoformat(json.load(sys.stdin)["now"].replace("Z", "+00:00"))
print((now + datetime.timedelta(days=8)).strftime("%Y-%m-%dT%H:%M:%SZ"))') || fail "GET /clock failed"
for round in $(seq 1 "$rounds"); do
    tender=$(curl_ -X POST "$api/tenders" -H "$buyer" -H 'Content-Type: application/json' -H "Idempotency-Key: check-tlog-$$-$round" -d '{
        "title": "Night vision goggles", "description": "Binocular night vision goggles for the transparency-log check",
        "method": "open", "criteria": {"type": "lowest-price"},
        "lots": [{"title": "Goggles", "value": {"amount": "2500000.00", "currency": "UAH"},
                  "items": [{"description": "Night vision goggles, gen 3", "cpv": "38632000-4", "quantity": 50, "unit": "H87"}]}]
      }' | json_field id) || fail "the buyer could not draft a tender (round $round)"
    curl_ -o /dev/null -X POST "$api/tenders/$tender/publish" -H "$buyer" -H 'Content-Type: application/json' \
        -d "{\"tenderPeriodEnd\": \"$deadline\"}" || fail "the buyer could not publish $tender"
    bid=$(curl_ -X POST "$api/tenders/$tender/bids" -H "$supplier" -H 'Content-Type: application/json' \
        -d '{"lots": [{"lotID": "lot-1", "price": {"amount": "2300000.00", "currency": "UAH"}}]}' | json_field id) \
        || fail "the supplier could not bid on $tender"
done
echo "   last: tender $tender published, bid $bid sealed"

want=$((size_a + 3 * rounds))
step "waiting for a checkpoint of size $want or more"
for _ in $(seq 1 120); do
    curl_ -o "$work/checkpoint.http" "$tlog/checkpoint" && [ "$(size_of "$work/checkpoint.http")" -ge "$want" ] && break
    sleep 0.5
done
[ "$(size_of "$work/checkpoint.http")" -ge "$want" ] || fail "no checkpoint of size $want or more within 60 seconds"

step "checkpoint B: tlog export --old-checkpoint A"
"$binary" tlog export --data-dir "$data" --out "$work/B" --old-checkpoint "$work/A/checkpoint" | sed 's/^/   /'
size_b=$(size_of "$work/B/checkpoint")
[ -f "$work/B/checkpoint.$size_a" ] || fail "the export did not copy checkpoint A next to its proofs"
while IFS= read -r file; do  # full tiles never change
    cmp -s "$file" "$work/B/${file#"$work/A/"}" || fail "full tile ${file#"$work/A/"} changed between A and B"
done < <(find "$work/A/tile" -type f ! -path '*.p/*')

step "oracle on checkpoint B (size $size_b) with the consistency proof $size_a -> $size_b"
run_oracle B "$work/B"
compare_http "$work/B"

kill "$server"
wait "$server" 2>/dev/null || true
server=""
echo "check-tlog: OK (checkpoints $size_a -> $size_b; $oracle_runs oracle runs by x/mod and tlog-scales; $compared files equal over HTTP)"
