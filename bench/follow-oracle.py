#!/usr/bin/env python3
"""Compare wb's iterations with git's own history of every document.

For each proposal of the portfolio at REPO (as `wb list` finds it), takes
wb's committed iterations (`wb history PATH --format json`) and checks them
against git:

- `git log --follow --name-status -- PATH` is the oracle for non-merge
  commits. Where `--follow` crosses a copy (`C` status: a draft started
  from a copy of the template), what it lists before the copy is the
  template's past, not the document's: it is cut there. What else it
  lists and wb does not is sorted into the differences wb makes on
  purpose: deletions, mode-only changes, an earlier life of the path past
  the document's creation, and commits git's default history
  simplification leaves out (`--follow` turns simplification off, so it
  lists side branches whose merge kept the other side's text; wb lists
  what `git log -- PATH` lists at each of the document's names).
- `--follow` never prints a merge. A merge is an iteration where its
  version differs from every parent's (`git diff-tree -c` lists the path,
  which is what makes `git log -- PATH` list it).
- `--follow` cannot cross a rename made inside a merge (a merge that
  renames `0000-x.md` to `0450-x.md`): for every merge wb lists, the
  history below it on each side is `git log --follow PARENT -- OLDPATH`,
  with OLDPATH the path on that side (the same path, or the file `git
  diff -M` pairs it with).

Every wb iteration is then explained by one of these, or listed as a
difference, and so is every commit git lists that wb does not. Order is
compared too: wb's order restricted to what `--follow` lists must be
`--follow`'s.

Prints a table of agreements and of each kind of difference, with
examples, and exits 1 if anything is unexplained.

Usage: bench/follow-oracle.py REPO [--wb target/release/wb] [--jobs 2]
                              [--only SUBSTRING] [--examples 5] [--json OUT]

REPO must be the top of a git work tree holding a wb portfolio (for
rust-lang/rfcs: a clone with `proposals: text` in wb.yaml).

On rust-lang/rfcs (HEAD 354518a8, 8,140 commits; about 10 minutes with two
jobs on a busy machine): 647/647 documents explained, 599 identical to
`--follow`; 52 merge iterations in 40 documents, 41 commits in 12 documents
past a rename inside a merge; the rest are the deliberate differences above
(14 template copies, 3 earlier lives, 3 deletions, 3 mode-only changes in
one document, 7 commits in 3 documents that simplification leaves out).
"""

import argparse
import collections
import concurrent.futures
import json
import os
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO_TOP = os.path.dirname(HERE)
ENV = dict(os.environ, GIT_CONFIG_NOSYSTEM="1", GIT_CONFIG_GLOBAL=os.devnull, NO_COLOR="1")


def run(cmd, cwd, ok=(0,)):
    out = subprocess.run(cmd, cwd=cwd, env=ENV, capture_output=True, text=True, errors="replace")
    if out.returncode not in ok:
        sys.exit(f"failed ({out.returncode}): {' '.join(cmd)}\n{out.stderr}")
    return out.stdout


class Git:
    def __init__(self, repo):
        self.repo = repo
        self.parents = {}
        for line in run(["git", "rev-list", "--parents", "HEAD"], repo).splitlines():
            c, *ps = line.split()
            self.parents[c] = ps
        self._follow = {}
        self._plain = {}

    def follow(self, start, path):
        """`git log --follow` from `start`: [(commit, status, path)] newest
        first, and whether it was cut at a copy."""
        key = (start, path)
        if key not in self._follow:
            out = run(["git", "log", "--follow", "--name-status", "--format=%x00%H", start, "--", path], self.repo)
            entries = []
            for chunk in out.split("\x00")[1:]:
                lines = [l for l in chunk.splitlines() if l.strip()]
                commit = lines[0].strip()
                status, at = "", path
                for l in lines[1:]:
                    parts = l.split("\t")
                    status, at = parts[0], parts[-1]
                entries.append((commit, status, at))
            cut = False
            for i, (_, status, _) in enumerate(entries):
                if status.startswith("C"):
                    entries, cut = entries[: i + 1], True
                    break
            self._follow[key] = (entries, cut)
        return self._follow[key]

    def merge_changed(self, merge, path):
        """The merge's version of `path` differs from every parent's."""
        out = run(["git", "diff-tree", "-c", "-r", "--name-only", "--no-commit-id", merge, "--", path], self.repo)
        return path in out.split("\n")

    def side_path(self, merge, parent, path):
        """The path the document has in `parent` of `merge`: the same, or
        the source git's rename detection pairs it with; None if neither."""
        if self._exists(parent, path):
            return path
        out = run(["git", "diff-tree", "-r", "-M", "--name-status", "--no-commit-id", parent, merge], self.repo)
        for line in out.splitlines():
            parts = line.split("\t")
            if parts[0].startswith("R") and parts[-1] == path:
                return parts[1]
        return None

    def _exists(self, commit, path):
        r = subprocess.run(["git", "cat-file", "-e", f"{commit}:{path}"], cwd=self.repo, env=ENV, capture_output=True)
        return r.returncode == 0

    def mode_only(self, commit, path):
        """`commit` changed only the mode of `path` against its first parent."""
        parents = self.parents.get(commit, [])
        if not parents:
            return False
        out = run(["git", "diff-tree", "-r", "--no-commit-id", parents[0], commit, "--", path], self.repo)
        rows = [l.split() for l in out.splitlines() if l.startswith(":")]
        return bool(rows) and all(r[2] == r[3] and r[0] != r[1] for r in rows)

    def simplified(self, path):
        """What `git log -- path` lists: git's default history simplification."""
        if path not in self._plain:
            self._plain[path] = set(run(["git", "log", "--format=%H", "--", path], self.repo).split())
        return self._plain[path]

    def is_ancestor(self, a, b):
        """`a` is `b` or one of its ancestors."""
        r = subprocess.run(["git", "merge-base", "--is-ancestor", a, b], cwd=self.repo, env=ENV, capture_output=True)
        return r.returncode == 0

    def plain_merges(self, path):
        """Merges `git log -- path` lists (default simplification)."""
        out = run(["git", "log", "--format=%H %P", "--", path], self.repo)
        return {l.split()[0] for l in out.splitlines() if len(l.split()) > 2}


def wb_iterations(wb, repo, path):
    out = subprocess.run([wb, "history", path, "--format", "json"], cwd=repo, env=ENV, capture_output=True, text=True)
    if out.returncode != 0:
        return None, out.stderr.strip().splitlines()[0] if out.stderr.strip() else f"exit {out.returncode}"
    its = json.loads(out.stdout)["iterations"]
    return [(i["commit"], i["path"]) for i in its if not i["working"]], None


def compare(git, wb, path):
    """One document: wb's list against git's, as kinds of agreement and
    difference, each with the commits concerned."""
    ours, error = wb_iterations(wb, git.repo, path)
    kinds = collections.defaultdict(list)
    if ours is None:
        kinds["wb failed"].append(error)
        return kinds
    ours_newest = list(reversed(ours))
    wb_commits = [c for c, _ in ours_newest]
    wb_set = set(wb_commits)
    wb_path = dict(ours_newest)

    follow, cut = git.follow("HEAD", path)
    follow_commits = [c for c, _, _ in follow]
    if cut:
        kinds["--follow crosses a copy (template): cut there"].append(follow[-1][0])
    explained = {}
    for c in follow_commits:
        explained[c] = "follow"

    # Merges wb lists, and the history below each side of them.
    todo = [c for c in wb_commits if len(git.parents.get(c, [])) > 1]
    done = set()
    while todo:
        m = todo.pop()
        if m in done:
            continue
        done.add(m)
        at = wb_path[m]
        if git.merge_changed(m, at):
            explained.setdefault(m, "merge")
        for parent in git.parents.get(m, []):
            old = git.side_path(m, parent, at)
            if old is None:
                continue
            below, below_cut = git.follow(parent, old)
            if below_cut:
                kinds["--follow crosses a copy (template): cut there"].append(below[-1][0])
            for c, _, _ in below:
                if c not in explained:
                    explained[c] = "below a merge" if old == at else "below a rename in a merge"
            todo.extend(c for c, _, _ in below if len(git.parents.get(c, [])) > 1)

    for c in wb_commits:
        how = explained.get(c)
        if how == "merge":
            kinds["merge iterations (--follow never prints merges)"].append(c)
        elif how == "below a rename in a merge":
            kinds["past a rename inside a merge (--follow stops there)"].append(c)
        elif how == "below a merge":
            kinds["below a merge, where --follow's one path had switched away"].append(c)
        elif how is None:
            if len(git.parents.get(c, [])) > 1:
                kinds["UNEXPLAINED: merge wb lists that changed nothing"].append(c)
            else:
                kinds["UNEXPLAINED: wb lists a commit git does not"].append(c)
    created = next((i for i, (_, status, _) in enumerate(follow) if status == "A"), len(follow))
    for i, (c, status, at) in enumerate(follow):
        if c in wb_set:
            continue
        if status.startswith("D"):
            kinds["--follow lists a deletion (no version to show)"].append(c)
        elif git.mode_only(c, at):
            kinds["mode-only change (the text did not change)"].append(c)
        elif i > created:
            kinds["--follow goes on past the creation (an earlier life of the path)"].append(c)
        elif c not in git.simplified(at):
            kinds["simplified away (`git log -- path` omits it; --follow does not simplify)"].append(c)
        else:
            kinds["UNEXPLAINED: --follow lists a commit wb misses"].append(c)
    for m in git.plain_merges(path):
        if m in wb_set:
            continue
        # A merge in the earlier life of a path deleted and added again:
        # it comes before the commit that created the proposal wb shows.
        if created < len(follow) and git.is_ancestor(m, follow[created][0]):
            kinds["--follow goes on past the creation (an earlier life of the path)"].append(m)
        else:
            kinds["UNEXPLAINED: `git log -- path` lists a merge wb misses"].append(m)

    # Order: wb's, restricted to what --follow lists, must be --follow's.
    common = [c for c in wb_commits if c in set(follow_commits)]
    theirs = [c for c in follow_commits if c in wb_set]
    if common != theirs:
        kinds["ORDER: differs from --follow's"].append(next(a for a, b in zip(common, theirs) if a != b))
    for kind, items in kinds.items():
        kinds[kind] = list(dict.fromkeys(items))
    if not any(k.startswith(("UNEXPLAINED", "ORDER", "wb failed")) for k in kinds):
        extra = [k for k in kinds if not k.startswith("--follow crosses")]
        kinds["agree: same as --follow" if not extra else "agree: --follow plus what it cannot see"].append(path)
    return kinds


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("repo")
    ap.add_argument("--wb", default=os.path.join(REPO_TOP, "target", "release", "wb"))
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--only", help="only documents whose path contains this")
    ap.add_argument("--examples", type=int, default=5)
    ap.add_argument("--json", help="write every document's kinds here")
    args = ap.parse_args()
    wb = os.path.abspath(args.wb)
    if not os.path.exists(wb):
        sys.exit(f"{wb} not found: run `cargo build --release` first")
    repo = os.path.abspath(args.repo)
    out = subprocess.run([wb, "list", "--format", "json"], cwd=repo, env=ENV, capture_output=True, text=True)
    if out.returncode not in (0, 2):
        sys.exit(f"wb list failed:\n{out.stderr}")
    listed = json.loads(out.stdout)
    unreadable = [l for l in out.stderr.splitlines() if l.startswith("error:")]
    paths = sorted(r["path"] for r in listed)
    if args.only:
        paths = [p for p in paths if args.only in p]
    git = Git(repo)
    start = time.perf_counter()
    results = {}
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
        for path, kinds in zip(paths, pool.map(lambda p: compare(git, wb, p), paths)):
            results[path] = kinds
    took = time.perf_counter() - start

    table = collections.defaultdict(lambda: [0, 0, []])
    for path, kinds in results.items():
        for kind, items in kinds.items():
            row = table[kind]
            row[0] += 1
            row[1] += len(items)
            if len(row[2]) < args.examples:
                row[2].append(f"{path}: {', '.join(str(i)[:10] for i in items[:3])}")
    print(f"{len(paths)} documents in {repo}, {took:.0f}s")
    for line in unreadable:
        print(f"not compared (wb cannot read it): {line[len('error: '):]}")
    print()
    print(f"{'kind':<62}{'docs':>6}{'commits':>9}")
    order = sorted(table, key=lambda k: (k.startswith(("UNEXPLAINED", "ORDER", "wb failed")), not k.startswith("agree"), k))
    for kind in order:
        docs, items, _ = table[kind]
        print(f"{kind:<62}{docs:>6}{items if not kind.startswith('agree') else '':>9}")
    print()
    for kind in order:
        if kind.startswith("agree"):
            continue
        print(f"{kind}:")
        for e in table[kind][2]:
            print(f"  {e}")
    if args.json:
        with open(args.json, "w") as f:
            json.dump(results, f, indent=1)
    bad = sum(
        1 for kinds in results.values() if any(k.startswith(("UNEXPLAINED", "ORDER", "wb failed")) for k in kinds)
    )
    print(f"\n{len(paths) - bad}/{len(paths)} documents fully explained")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
