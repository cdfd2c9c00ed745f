#!/usr/bin/env python3
"""Compiling OCDS records, side by side in one run: `quartermaster ocds compile` against `ocdskit compile`, and the
merge libraries ocdsmerge (Python) and ocdsmerge-rs (Rust via pyo3) driven by ../shared/tools/ocds/merge_bench.py.

    scripts/bench-ocds.py [--ocids 5000] [--seed 7] [--binary .build/release/quartermaster] [--venv DIR]

Every tool compiles the same synthetic file (../shared/tools/ocds/gen_synthetic.py; 5,000 ocids give 20,694
releases) with the same patched release schema; wall time and peak memory (max RSS of the process) are measured
here, outputs are compared as parsed JSON, and ratios are printed against our tool. Build ours with
`swift build -c release` first: a debug build measures the compiler's debug mode, not the code.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

here = os.path.dirname(os.path.abspath(__file__))
shared = os.path.normpath(os.path.join(here, "..", "..", "shared"))
schema = os.path.join(shared, "data/ocds/release-schema-1__1__5+bids+lots.json")

parser = argparse.ArgumentParser()
parser.add_argument("--ocids", type=int, default=5000)
parser.add_argument("--seed", type=int, default=7)
parser.add_argument("--binary", default=".build/release/quartermaster")
parser.add_argument("--venv", default=os.environ.get("OCDS_VENV", ".venv-ocds"))
args = parser.parse_args()
python = os.path.join(args.venv, "bin", "python")


def measure(command, stdin_path, stdout_path):
    """Runs a command; returns wall seconds and peak resident memory in MiB."""
    with open(stdin_path, "rb") as source, open(stdout_path, "wb") as sink:
        start = time.perf_counter()
        process = subprocess.Popen(command, stdin=source, stdout=sink, stderr=subprocess.PIPE)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
        error = process.stderr.read().decode()
    if status != 0:
        sys.exit(f"{command[0]} failed: {error}")
    return wall, usage.ru_maxrss / 1024


def parsed(path):
    with open(path) as f:
        return [json.loads(line) for line in f if line.strip()]


with tempfile.TemporaryDirectory() as work:
    subprocess.run([sys.executable, os.path.join(shared, "tools/ocds/gen_synthetic.py"), str(args.ocids), work, str(args.seed)], check=True, capture_output=True)
    package = os.path.join(work, "release-package.json")
    lines = os.path.join(work, "releases.jsonl")
    with open(lines) as f:
        releases = sum(1 for _ in f)
    size = os.path.getsize(package) / 2**20
    print(f"input: {releases} releases of {args.ocids} ocids ({size:.0f} MiB release package), seed {args.seed}")
    print(f"{'task':<10} {'tool':<36} {'wall s':>8} {'peak MiB':>9} {'vs ours':>8}  output")
    for versioned in (False, True):
        flag = ["--versioned"] if versioned else []
        task = "versioned" if versioned else "compiled"
        runs = [
            ("quartermaster ocds compile", [args.binary, "ocds", "compile", "--schema", schema] + flag, package),
            ("ocdskit compile", [os.path.join(args.venv, "bin", "ocdskit"), "compile", "--schema", schema] + flag, package),
            ("ocdsmerge (merge_bench.py)", [python, os.path.join(shared, "tools/ocds/merge_bench.py"), "ocdsmerge", schema, lines, "OUT"] + flag, lines),
            ("ocdsmerge-rs (merge_bench.py)", [python, os.path.join(shared, "tools/ocds/merge_bench.py"), "ocdsmerge_rs", schema, lines, "OUT"] + flag, lines),
        ]
        results = []
        for name, command, source in runs:
            # ocdskit and ours print to stdout; merge_bench.py writes to the file named in place of OUT.
            out = os.path.join(work, f"{len(results)}-{task}.jsonl")
            stdout = os.devnull if "OUT" in command else out
            wall, peak = measure([out if part == "OUT" else part for part in command], source, stdout)
            results.append((name, wall, peak, out))
        ours = parsed(results[0][3])
        reference = parsed(results[1][3])
        for name, wall, peak, out in results:
            same = ("equal to ocdskit" if ours == reference else "DIFFERENT from ocdskit") if name.startswith("quartermaster") else ""
            print(f"{task:<10} {name:<36} {wall:8.2f} {peak:9.0f} {wall / results[0][1]:7.1f}x  {same}")
