#!/usr/bin/env python3
"""Measure `wb check` against a labelled corpus of real PR/FAQs.

The corpus is a folder with `labels.json` (one object per document: `id`,
`kind` (`prfaq` or `not-prfaq`), `strength`, `split` (`dev`, `test`, or any other name such as `dev2`),
`labels` (rule id -> true/false, for PR/FAQs)) and `docs/<id>.md`. It is not
part of this repository: pass its path.

Each document is copied alone into a scratch folder (no wb.yaml, no git: a
file outside any portfolio) and checked with `wb check FILE --format json`.
A (document, rule) pair is predicted true when the rule reports at least one
finding on the document. Printed, for each split separately (all of them
unless --split names some):

- precision and recall per pattern rule (the twelve text rules; the two git
  rules cannot judge a lone file) and overall (micro-averaged over every
  (document, rule) pair);
- the pattern findings on each strong PR/FAQ (a reviewer gives them none);
- for the documents that are not PR/FAQs: whether `not-a-prfaq` said so and
  how many pattern findings fired anyway;
- with --misses, every false alarm and every miss with wb's message and the
  labeller's reason.

Usage: bench/check-quality.py CORPUS [--wb target/debug/wb] [--split dev]
                              [--misses] [--rule RULE] [--json OUT]
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile

RULES = [
    "solution-first-thinking",
    "missing-problem-paragraph",
    "vague-customer-definition",
    "internal-jargon-in-pr",
    "faq-avoids-hard-questions",
    "hyperbole-instead-of-specifics",
    "customer-quote-sounds-fake",
    "too-many-features",
    "no-measurable-outcome",
    "combining-ideas",
    "missing-the-date",
    "faq-too-short",
]
NOT_PRFAQ = "not-a-prfaq"
ENV = dict(os.environ, NO_COLOR="1", GIT_CONFIG_NOSYSTEM="1", GIT_CONFIG_GLOBAL=os.devnull)


def check(wb, path, scratch):
    """wb's findings on one document: (findings, input errors)."""
    name = os.path.basename(path)
    folder = os.path.join(scratch, os.path.splitext(name)[0])
    os.makedirs(folder, exist_ok=True)
    shutil.copyfile(path, os.path.join(folder, name))
    env = dict(ENV, HOME=scratch)
    out = subprocess.run(
        [wb, "check", name, "--format", "json"],
        cwd=folder,
        env=env,
        capture_output=True,
        text=True,
    )
    try:
        data = json.loads(out.stdout)
    except json.JSONDecodeError:
        return [], [out.stderr.strip() or f"exit {out.returncode}, no JSON"]
    findings = [f for p in data.get("proposals", []) for f in p.get("findings", [])]
    errors = [e.get("message", "") for e in data.get("input_errors", [])]
    return findings, errors


def ratio(a, b):
    return a / b if b else float("nan")


def fmt(x):
    return "  -  " if x != x else f"{x:.2f}"


def score(docs, results, rules):
    """Per rule: (tp, fp, fn, tn)."""
    table = {}
    for rule in rules:
        tp = fp = fn = tn = 0
        for d in docs:
            truth = bool(d["labels"].get(rule))
            pred = any(f["rule"] == rule for f in results[d["id"]][0])
            tp += truth and pred
            fp += pred and not truth
            fn += truth and not pred
            tn += not truth and not pred
        table[rule] = (tp, fp, fn, tn)
    return table


def report(split, docs, results, rules, misses, out):
    prfaqs = [d for d in docs if d["kind"] == "prfaq"]
    others = [d for d in docs if d["kind"] != "prfaq"]
    table = score(prfaqs, results, rules)
    print(f"\n## {split}: {len(prfaqs)} PR/FAQs, {len(others)} other documents\n")
    print(f"| {'rule':32} | tp | fp | fn | precision | recall |")
    print(f"|{'-' * 34}|----|----|----|-----------|--------|")
    total = [0, 0, 0]
    summary = {"rules": {}}
    for rule in rules:
        tp, fp, fn, _ = table[rule]
        total[0] += tp
        total[1] += fp
        total[2] += fn
        p, r = ratio(tp, tp + fp), ratio(tp, tp + fn)
        summary["rules"][rule] = {"tp": tp, "fp": fp, "fn": fn, "precision": p, "recall": r}
        print(f"| {rule:32} | {tp:2} | {fp:2} | {fn:2} | {fmt(p):>9} | {fmt(r):>6} |")
    tp, fp, fn = total
    p, r = ratio(tp, tp + fp), ratio(tp, tp + fn)
    summary["overall"] = {"tp": tp, "fp": fp, "fn": fn, "precision": p, "recall": r}
    print(f"| {'**overall**':32} | {tp:2} | {fp:2} | {fn:2} | {fmt(p):>9} | {fmt(r):>6} |")
    below = [
        rule
        for rule in rules
        if table[rule][0] + table[rule][2] > 0
        and (
            ratio(table[rule][0], table[rule][0] + table[rule][1]) < 0.85
            or ratio(table[rule][0], table[rule][0] + table[rule][2]) < 0.75
        )
    ]
    print(f"\nrules under precision 0.85 or recall 0.75: {', '.join(below) or 'none'}")

    print("\nstrong PR/FAQs (pattern findings; a reviewer gives none):")
    summary["strong"] = {}
    for d in prfaqs:
        if d["strength"] != "strong":
            continue
        found = [f for f in results[d["id"]][0] if f["rule"] in RULES]
        summary["strong"][d["id"]] = len(found)
        by_rule = sorted({f["rule"] for f in found})
        print(f"  {d['id']:36} {len(found):3}  {', '.join(by_rule)}")
    if others:
        print("\nnot PR/FAQs (want: one not-a-prfaq note, no pattern finding):")
        summary["not_prfaq"] = {}
        for d in others:
            found = results[d["id"]][0]
            notes = sum(f["rule"] == NOT_PRFAQ for f in found)
            pattern = sum(f["rule"] in RULES for f in found)
            summary["not_prfaq"][d["id"]] = {"notes": notes, "pattern": pattern}
            print(f"  {d['id']:36} not-a-prfaq: {notes}  pattern findings: {pattern}")
    failed = [d["id"] for d in docs if results[d["id"]][1]]
    if failed:
        print("\ninput errors:")
        for i in failed:
            print(f"  {i}: {'; '.join(results[i][1])}")
    summary["input_errors"] = failed
    # A PR/FAQ wb takes for something else hides every finding.
    taken = [d["id"] for d in prfaqs if any(f["rule"] == NOT_PRFAQ for f in results[d["id"]][0])]
    if taken:
        print(f"\nPR/FAQs taken for not-a-prfaq: {', '.join(taken)}")
    summary["prfaq_taken_for_other"] = taken
    if misses:
        print("\nfalse alarms and misses:")
        for rule in rules:
            for d in prfaqs:
                truth = bool(d["labels"].get(rule))
                found = [f for f in results[d["id"]][0] if f["rule"] == rule]
                if bool(found) == truth:
                    continue
                tag = "FP" if found else "FN"
                border = " (borderline)" if rule in d.get("borderline", []) else ""
                print(f"  {tag} {rule} {d['id']}{border}")
                for f in found[:4]:
                    print(f"       wb: {f['line']}: {f['message']}")
                print(f"       label: {d['why'].get(rule, '')}")
    out[split] = summary


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", help="folder with labels.json and docs/")
    ap.add_argument("--wb", default=os.path.join(os.path.dirname(__file__), "..", "target", "debug", "wb"))
    ap.add_argument("--split", action="append", help="only this split, e.g. dev, dev2, test (repeatable)")
    ap.add_argument("--misses", action="store_true", help="list every false alarm and miss")
    ap.add_argument("--rule", action="append", help="only this rule (repeatable)")
    ap.add_argument("--json", help="also write the figures as JSON to this file")
    args = ap.parse_args()

    wb = os.path.abspath(args.wb)
    if not os.access(wb, os.X_OK):
        sys.exit(f"no wb binary at {wb} (cargo build, or pass --wb)")
    with open(os.path.join(args.corpus, "labels.json")) as f:
        docs = json.load(f)
    present = sorted({d["split"] for d in docs}, key=lambda s: (s == "test", s))
    splits = args.split or present
    unknown = [s for s in splits if s not in present]
    if unknown:
        sys.exit(f"no split {', '.join(unknown)} in the corpus (it has {', '.join(present)})")
    rules = args.rule or RULES
    results = {}
    with tempfile.TemporaryDirectory(prefix="wb-quality-") as scratch:
        for d in docs:
            if d["split"] in splits:
                path = os.path.join(args.corpus, "docs", d["id"] + ".md")
                results[d["id"]] = check(wb, path, scratch)
    print(f"wb: {wb}\ncorpus: {os.path.abspath(args.corpus)}")
    out = {}
    for split in splits:
        report(split, [d for d in docs if d["split"] == split], results, rules, args.misses, out)
    if args.json:
        with open(args.json, "w") as f:
            json.dump(out, f, indent=1)


if __name__ == "__main__":
    main()
