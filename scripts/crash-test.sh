#!/usr/bin/env bash
# The crash test: the bid-deadline storm with every server SIGKILLed half-way to the deadline and started again, on
# SQLite and (given a server) PostgreSQL. Passes when every acknowledged bid write is in the store with its price,
# no write is there that was not sent or whose answer was not the one lost in the crash, and the transparency log
# verifies; `bench deadline` prints the table and exits non-zero otherwise.
#
#   swift build -c release && QM_POSTGRES_URL=postgres://postgres:PASSWORD@127.0.0.1:5432/postgres scripts/crash-test.sh
#   BIDDERS=50 SECONDS_TO_DEADLINE=4 QUARTERMASTER=.build/debug/quartermaster scripts/crash-test.sh
set -euo pipefail

binary=${QUARTERMASTER:-.build/release/quartermaster}
seconds=${SECONDS_TO_DEADLINE:-6}
[ -x "$binary" ] || { echo "crash-test: no binary at $binary; run swift build -c release first (or set QUARTERMASTER)" >&2; exit 1; }
postgres=()
[ -n "${QM_POSTGRES_URL:-}" ] && postgres=(--postgres "$QM_POSTGRES_URL")
"$binary" bench deadline --bidders "${BIDDERS:-200}" --instances "${INSTANCES:-1,2}" --seconds "$seconds" \
    --crash-after "$(python3 -c "print($seconds / 2)")" "${postgres[@]}"
