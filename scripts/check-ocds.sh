#!/usr/bin/env bash
# OCDS publication checked end to end by independent tools:
#   1. seeds the demo world (serve --demo), exports it (export ocds) and validates the release package and the record
#      package with libcoveocds 0.17 offline (../shared/tools/ocds/validate), strictly: no validation errors, the
#      extended schema fully dereferenced, no additional fields in releases, ocid prefixes well formed; a copy with one
#      `date` removed must fail, so the validator is known to be looking;
#   2. scripts/check-ocds.py: no withheld value in any public output, and `ocds compile` equal to `ocdskit compile`.
#
#   swift build && scripts/check-ocds.sh
# Environment: QUARTERMASTER (binary; default .build/debug/quartermaster), PORT (default 18091), OCDS_VENV (venv with
# libcoveocds and ocdskit; created when missing).
set -euo pipefail
cd "$(dirname "$0")/.."

binary=${QUARTERMASTER:-.build/debug/quartermaster}
port=${PORT:-18091}
venv=${OCDS_VENV:-$(mktemp -d)/venv-ocds}
shared=../shared
data=$(mktemp -d)
out=$(mktemp -d)
server=""
cleanup() {
    if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
    rm -rf "$data" "$out"
}
trap cleanup EXIT
fail() { echo "check-ocds: FAIL: $*" >&2; exit 1; }
[ -x "$binary" ] || fail "no binary at $binary; run swift build first"

if [ ! -x "$venv/bin/ocdskit" ]; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q libcoveocds==0.17.0 ocdskit==1.7.0 ocdsmerge==0.8.0 ocdsmerge-rs==0.1.6
fi
export OCDS_VENV=$venv

"$binary" serve --demo --data-dir "$data" --port "$port" --public-url "http://127.0.0.1:$port" >"$out/serve.log" 2>&1 &
server=$!
for _ in $(seq 1 120); do
    curl -sf "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
    kill -0 "$server" 2>/dev/null || { cat "$out/serve.log" >&2; fail "the server exited during start-up"; }
    sleep 0.5
done
sleep 2  # the scheduler's first tick lifts the embargoes that ended while the demo was seeded
"$binary" export ocds --data-dir "$data" --out "$out/export" --public-url "http://127.0.0.1:$port"

strict() { # strict REPORT WHAT: the stricter gate on a libcoveocds report
    "$venv/bin/python" - "$1" "$2" <<'PY'
import json, sys
report, what = json.load(open(sys.argv[1])), sys.argv[2]
problems = []
if report.get("json_deref_error"): problems.append(f"schema not dereferenced: {report['json_deref_error']}")
extra = [f"{a['path']}/{a['field']}" for a in report.get("additional_fields") or [] if "versionedRelease" not in a["path"]]
if extra: problems.append(f"additional fields {extra}")
if (report.get("conformance_errors") or {}).get("ocds_prefixes_bad_format"): problems.append("badly formatted ocid prefixes")
if report.get("additional_closed_codelist_values"): problems.append(f"closed codelist values {list(report['additional_closed_codelist_values'])}")
if report.get("extensions", {}).get("invalid_extension"): problems.append("extensions not available")
print(f"  {what}: {report['count'] if 'count' in report else '?'} items; strict checks {'passed' if not problems else 'FAILED'}")
sys.exit("\n".join(problems) if problems else 0)
PY
}
for package in release-package record-package; do
    "$shared/tools/ocds/validate" "$out/export/$package.json" "$out/$package-report.json" || fail "$package.json has validation errors"
    strict "$out/$package-report.json" "$package.json" || fail "$package.json fails the strict checks"
done
# Versioned releases are checked by libcoveocds against the core schema only, so extension fields in them are
# reported as additional; compiled releases and releases are checked against the extended schema.

"$venv/bin/python" -c "
import json; d = json.load(open('$out/export/release-package.json')); del d['releases'][len(d['releases']) // 2]['date']
json.dump(d, open('$out/broken.json', 'w'))"
if "$shared/tools/ocds/validate" "$out/broken.json" "$out/broken-report.json" >/dev/null 2>&1; then
    fail "the validator accepted a release without a date: it is not checking"
fi
echo "  negative control: a release without a date is rejected"

"$venv/bin/python" scripts/check-ocds.py "$binary" "http://127.0.0.1:$port" "$out/export" "$venv"
echo "check-ocds: OK"
