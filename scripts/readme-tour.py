#!/usr/bin/env python3
"""Runs the README's API tour verbatim: every ```sh block between the tour markers, in one bash session, failing
on the first command that fails."""
import re
import subprocess
import sys

text = open(sys.argv[1] if len(sys.argv) > 1 else "README.md", encoding="utf-8").read()
tour = text.split("<!-- tour:start -->", 1)[1].split("<!-- tour:end -->", 1)[0]
blocks = re.findall(r"```sh\n(.*?)```", tour, re.S)
assert blocks, "no tour blocks found"
script = "set -euo pipefail\n" + "\n".join(blocks)
result = subprocess.run(["bash", "-c", script], capture_output=True, text=True)
print(result.stdout[-4000:])
if result.returncode != 0:
    print(result.stderr[-4000:], file=sys.stderr)
    sys.exit(f"README tour failed with exit code {result.returncode}")
print(f"README tour: {len(blocks)} blocks ran")
