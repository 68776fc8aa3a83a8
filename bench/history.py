#!/usr/bin/env python3
"""Benchmark and cross-check wb's history walk against git itself.

Makes a synthetic portfolio with ../shared/bench/gen-portfolio.py (or the
path in $GEN_PORTFOLIO), then:

1. correctness: for every proposal, wb's committed iterations must equal
   `git log --follow --format=%H -- FILE` (reversed) and the number of
   versions the generator wrote;
2. speed, side by side in one run, medians of --runs repetitions:
   - the whole portfolio: `wb list --format json` (one walk for every
     proposal's history) against `git log --follow` run once per proposal
     (what a script would do to get the same iteration lists);
   - one proposal: `wb history SLUG --format json` against
     `git log --follow -- FILE`.

Usage: bench/history.py [--proposals 200] [--iterations 10] [--unrelated 2000]
                        [--runs 5] [--wb target/release/wb]
"""

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
# The generator sits in the team's shared folder beside the checkout (or,
# from a worktree under /work/wt/NAME, one level further up).
GEN = os.environ.get("GEN_PORTFOLIO") or next(
    (p for p in (os.path.join(REPO, *up, "shared", "bench", "gen-portfolio.py") for up in ([".."], ["..", ".."]))
     if os.path.exists(p)),
    os.path.join(REPO, "..", "shared", "bench", "gen-portfolio.py"))
ENV = dict(os.environ, GIT_CONFIG_NOSYSTEM="1", GIT_CONFIG_GLOBAL=os.devnull, NO_COLOR="1")


def run(cmd, cwd):
    out = subprocess.run(cmd, cwd=cwd, env=ENV, capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit(f"failed: {' '.join(cmd)}\n{out.stderr}")
    return out.stdout


def timed(fn, runs):
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--proposals", type=int, default=200)
    ap.add_argument("--iterations", type=int, default=10)
    ap.add_argument("--unrelated", type=int, default=2000)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--wb", default=os.path.join(REPO, "target", "release", "wb"))
    args = ap.parse_args()
    if not os.path.exists(args.wb):
        sys.exit(f"{args.wb} not found: run `cargo build --release` first")

    work = tempfile.mkdtemp(prefix="wb-bench-")
    try:
        repo = os.path.join(work, "portfolio")
        manifest = os.path.join(work, "manifest.json")
        subprocess.run(
            [sys.executable, GEN, "--proposals", str(args.proposals), "--iterations", str(args.iterations),
             "--unrelated", str(args.unrelated), "--out", repo, "--manifest", manifest],
            check=True, env=ENV, stdout=subprocess.DEVNULL)
        with open(manifest) as f:
            m = json.load(f)
        proposals = m["proposals"]
        print(f"portfolio: {len(proposals)} proposals, {m['commits']} commits "
              f"({args.iterations} iterations each, {args.unrelated} unrelated)")

        # 1. Correctness.
        listed = {r["slug"]: r for r in json.loads(run([args.wb, "list", "--format", "json"], repo))}
        mismatches = 0
        for p in proposals:
            slug = os.path.splitext(os.path.basename(p["path"]))[0]
            follow = run(["git", "log", "--follow", "--format=%H", "--", p["path"]], repo).split()
            follow.reverse()
            hist = json.loads(run([args.wb, "history", slug, "--format", "json"], repo))
            ours = [i["commit"] for i in hist["iterations"] if not i["working"]]
            if ours != follow or len(ours) != p["versions"] or listed[slug]["iterations"] != len(ours):
                mismatches += 1
                if mismatches <= 5:
                    print(f"  mismatch {slug}: wb {len(ours)}, git {len(follow)}, generator {p['versions']}")
        print(f"correctness: {len(proposals) - mismatches}/{len(proposals)} proposals match "
              f"git log --follow and the generator")

        # 2. Speed.
        def wb_all():
            run([args.wb, "list", "--format", "json"], repo)

        def git_all():
            for p in proposals:
                run(["git", "log", "--follow", "--format=%H", "--", p["path"]], repo)

        one = proposals[len(proposals) // 2]
        one_slug = os.path.splitext(os.path.basename(one["path"]))[0]

        def wb_one():
            run([args.wb, "history", one_slug, "--format", "json"], repo)

        def git_one():
            run(["git", "log", "--follow", "--format=%H", "--", one["path"]], repo)

        rows = [
            ("whole portfolio", timed(wb_all, args.runs), timed(git_all, max(1, args.runs // 2))),
            ("one proposal", timed(wb_one, args.runs), timed(git_one, args.runs)),
        ]
        print(f"\nmedians of {args.runs} runs (git for the whole portfolio: {max(1, args.runs // 2)} runs)")
        print(f"{'task':<18}{'wb':>10}{'git log --follow':>20}{'git / wb':>10}")
        for name, ours, theirs in rows:
            print(f"{name:<18}{ours:>9.3f}s{theirs:>19.3f}s{theirs / ours:>9.1f}x")
        return 1 if mismatches else 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
