#!/usr/bin/env bash
# The web UI in a real browser: installs Chromium, chromedriver, zbar (to scan the enrolment's QR code) and Selenium
# if missing, starts `serve --demo` with a sandbox clock (a day passes in 10 s), adds an official per language who has
# no second factor yet, prints the page render benchmark, then runs the whole procedure through the browser in
# Ukrainian and in English (scripts/browser-test.py), saving a screenshot of every page.
set -euo pipefail
cd "$(dirname "$0")/.."
port=${WEB_PORT:-18391}
shots=${SCREENSHOTS:-artifacts/screenshots}

if ! command -v chromium > /dev/null || ! command -v chromedriver > /dev/null || ! command -v zbarimg > /dev/null; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver zbar-tools > /dev/null
fi
venv=${WEB_VENV:-$(mktemp -d)/venv-web}
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/pip" install -q 'selenium==4.51.0'

data=$(mktemp -d)
.build/debug/quartermaster serve --demo --data-dir "$data" --port "$port" --clock-rate 8640 > "$data/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 150); do
    curl -sf "http://127.0.0.1:$port/healthz" > /dev/null && break
    sleep 0.2
done

# An official per language without a second factor, who enrols in the browser test.
for lang in uk en; do
    .build/debug/quartermaster user add --data-dir "$data" --organization dpa --name "Enrolling evaluator ($lang)" \
        --email "enrol-$lang@dpa.demo.mil.gov.ua" --role evaluator > /dev/null
    echo quartermaster-demo | .build/debug/quartermaster user web-access --data-dir "$data" --email "enrol-$lang@dpa.demo.mil.gov.ua" > /dev/null
done

"$venv/bin/python" scripts/bench-pages.py --base "http://127.0.0.1:$port"
mkdir -p "$shots"
"$venv/bin/python" scripts/browser-test.py --base "http://127.0.0.1:$port" --screenshots "$shots"
echo "screenshots: $(ls "$shots" | wc -l) in $shots"
