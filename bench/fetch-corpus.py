#!/usr/bin/env python3
"""Rebuild the texts of the labelled corpus from their public sources.

The labels (bench/quality-labels.json) live in this repository; the texts
they judge do not: they are third-party documents. Each label records the
repository, path and commit of its text. This script writes each text to
OUT/docs/<id>.md with `git show COMMIT:PATH`, reading the repository from
MIRRORS/<owner>+<name>/repo when that bare copy exists (the layout the
team's fetch tool leaves) and otherwise cloning https://github.com/<repo>
into a scratch folder. It then copies the labels to OUT/labels.json, so
that `bench/check-quality.py OUT` runs on the result.

Usage: bench/fetch-corpus.py OUT [--labels bench/quality-labels.json]
                             [--mirrors /work/.mirror]
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))


def show(git_dir, commit, path):
    out = subprocess.run(
        ["git", "--git-dir", git_dir, "show", f"{commit}:{path}"],
        capture_output=True,
    )
    return out.stdout if out.returncode == 0 else None


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", help="folder to write labels.json and docs/ into")
    ap.add_argument("--labels", default=os.path.join(HERE, "quality-labels.json"))
    ap.add_argument("--mirrors", default="/work/.mirror", help="folder of bare copies named owner+name/repo")
    args = ap.parse_args()

    with open(args.labels) as f:
        docs = json.load(f)
    os.makedirs(os.path.join(args.out, "docs"), exist_ok=True)
    missing = []
    with tempfile.TemporaryDirectory(prefix="wb-corpus-") as scratch:
        for d in docs:
            target = os.path.join(args.out, "docs", d["id"] + ".md")
            if os.path.exists(target):
                continue
            git_dir = os.path.join(args.mirrors, d["repo"].replace("/", "+"), "repo")
            if os.path.isdir(os.path.join(git_dir, ".git")):
                git_dir = os.path.join(git_dir, ".git")  # some snapshots arrive as a work tree
            if not os.path.isdir(git_dir):
                git_dir = os.path.join(scratch, d["repo"].replace("/", "+"))
                if not os.path.isdir(git_dir):
                    subprocess.run(
                        ["git", "clone", "--bare", "--quiet", f"https://github.com/{d['repo']}", git_dir],
                        capture_output=True,
                    )
            text = show(git_dir, d["commit"], d["path"]) if os.path.isdir(git_dir) else None
            if text is None:
                missing.append(d["id"])
                continue
            with open(target, "wb") as f:
                f.write(text)
    with open(os.path.join(args.out, "labels.json"), "w") as f:
        json.dump([d for d in docs if d["id"] not in missing], f, indent=1, ensure_ascii=False)
    print(f"{len(docs) - len(missing)} of {len(docs)} texts in {args.out}/docs")
    if missing:
        print(f"missing (left out of labels.json): {', '.join(missing)}", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
