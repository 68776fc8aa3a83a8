#!/usr/bin/env python3
"""Generate a deterministic synthetic PR/FAQ portfolio git repository.

(A copy of the team's ../shared/bench/gen-portfolio.py, kept here so that
bench/run and its smoke test work from a clone of this repository alone.)

usage: gen-portfolio.py [--proposals N] [--iterations N] [--unrelated N]
                        [--rename-pct PCT] [--seed N] [--no-checkout]
                        [--manifest PATH] --out DIR

Layout of the generated repository (branch `main`, linear history):

  README.md
  proposals/<slug>.md   one PR/FAQ per proposal: YAML front matter
                        (title, status, owner, customer, launch_date, tags)
                        + Summary / Problem / Solution / Quotes / FAQ (10+ Q&As)
  src/<module>/<file>   unrelated "code" files touched by unrelated commits

History:
  * 1 initial commit (README + src/ skeleton)
  * P * I proposal commits: each proposal is created by its 1st iteration and
    edited by I-1 more; every edit rewrites 1-3 paragraphs and/or adds FAQ
    items and sometimes moves the status along; authors and dates vary
  * rename-pct % of proposals are renamed once (git mv + edit, in one of
    their iteration commits, similarity stays high so `--follow` / -M find it)
  * U unrelated commits touching 1-4 files under src/
  All commits are interleaved by (committer) date over ~3 years.

The output is fully determined by the arguments (same args -> same commit
ids). It streams into `git fast-import`, so 1000 x 20 + 5000 commits take
seconds, not minutes. --manifest writes a JSON file describing every proposal
(final path, earlier paths, expected number of versions), handy for tests.
"""

import argparse
import json
import os
import random
import subprocess
import sys
import time

# --------------------------------------------------------------------------
# vocabulary

PEOPLE = [
    ("Alice Nguyen", "alice", "-0800"), ("Bob Martinez", "bob", "-0800"),
    ("Carla Rossi", "carla", "+0100"), ("Deepak Iyer", "deepak", "+0530"),
    ("Emma Schmidt", "emma", "+0100"), ("Farid Haddad", "farid", "+0400"),
    ("Grace Kim", "grace", "+0900"), ("Hiro Tanaka", "hiro", "+0900"),
    ("Ines Duarte", "ines", "+0000"), ("Jamal Carter", "jamal", "-0500"),
    ("Katarzyna Nowak", "kasia", "+0100"), ("Liam O'Brien", "liam", "+0000"),
    ("Mei Chen", "mei", "+0800"), ("Noah Williams", "noah", "-0600"),
    ("Olga Petrova", "olga", "+0300"), ("Pablo Jim\u00e9nez", "pablo", "+0100"),
    ("Quinn Taylor", "quinn", "-0700"), ("Rosa Lindqvist", "rosa", "+0100"),
    ("Sanjay Patel", "sanjay", "-0500"), ("Tom\u00e1\u0161 Dvo\u0159\u00e1k", "tomas", "+0100"),
    ("Uma Reddy", "uma", "+0530"), ("Victor Dubois", "victor", "+0100"),
    ("Wen Li", "wen", "+0800"), ("Xavier Moreau", "xavier", "+0100"),
    ("Yara Haddad", "yara", "+0200"), ("Zo\u00eb Fischer", "zoe", "+0100"),
    ("Aaron Brooks", "aaron", "-0800"), ("Bianca Costa", "bianca", "-0300"),
    ("Chidi Okafor", "chidi", "+0100"), ("Dana Levi", "dana", "+0200"),
    ("Ethan Clarke", "ethan", "-0500"), ("Fatima Zahra", "fatima", "+0100"),
    ("Gustav Berg", "gustav", "+0100"), ("Hana Sato", "hana", "+0900"),
    ("Ivan Horvat", "ivan", "+0100"), ("Julia Santos", "julia", "-0300"),
    ("Kenji Mori", "kenji", "+0900"), ("Lena M\u00fcller", "lena", "+0100"),
    ("Marcus Johnson", "marcus", "-0500"), ("Nadia Rahman", "nadia", "+0600"),
]

ADJ = ("smart automated unified real-time predictive secure serverless adaptive "
       "self-service managed global instant frictionless scalable intelligent "
       "continuous proactive seamless zero-touch personalized collaborative "
       "elastic resilient streamlined embedded federated").split()
NOUN = ("inventory forecasting checkout returns fulfillment onboarding billing "
        "catalog search recommendations payments invoicing scheduling routing "
        "pricing analytics notifications subscriptions loyalty warehouse "
        "delivery support identity compliance auditing reporting procurement "
        "logistics translation monitoring storage backup messaging ledger "
        "marketplace feedback reviews ads sellers vendors partners").split()
PRODUCT_SUFFIX = "Hub Studio Insights Connect Assist Flow Guard Lens Pilot Works".split()
CUSTOMERS = ["small sellers", "enterprise IT admins", "warehouse associates",
             "first-time buyers", "finance teams", "delivery drivers",
             "marketplace partners", "content creators", "data scientists",
             "customer service agents", "procurement managers", "developers",
             "Prime members", "advertisers", "regional retailers"]
STATUSES = ["draft", "review", "approved", "launched", "shelved"]
TAGS = ("retail logistics payments ml ux mobile platform security growth "
        "international b2b b2c data infra cost-reduction compliance "
        "marketplace ads devices").split()

VERBS = ("reduce improve eliminate automate simplify accelerate unify track "
         "predict detect resolve manage measure launch scale protect "
         "personalize consolidate streamline surface").split()
OBJS = ("checkout abandonment", "manual reconciliation", "delivery delays",
        "support contacts", "out-of-stock events", "fraudulent orders",
        "onboarding time", "duplicate listings", "invoice disputes",
        "return shipping costs", "search latency", "forecast error",
        "operational toil", "price mismatches", "late payments",
        "stale catalog data", "inventory shrinkage", "ticket backlog")
FILLER = ["the team", "the customer", "our partners", "every week", "each region",
          "the service", "this quarter", "in practice", "at launch", "over time",
          "for sellers", "for buyers", "on mobile", "in the console", "by default"]
WORDS = ("we believe customers need a simple way to understand what changed "
         "and why it matters when they place an order or contact support "
         "while the existing process relies on spreadsheets emails and manual "
         "steps that take days to complete and often produce inconsistent "
         "results across regions teams and channels so the new experience "
         "removes those steps gives clear visibility into status costs and "
         "risks and lets people act quickly with confidence because data is "
         "accurate complete and available in one place with sensible defaults "
         "that work for most cases plus controls for experts who want more "
         "flexibility over pricing delivery windows approvals and reporting "
         "without needing engineering help or long training sessions").split()

QUESTIONS = [
    "How much will {p} cost customers?", "When will {p} be available?",
    "Which regions does {p} support at launch?",
    "How is {p} different from what exists today?",
    "What data does {p} collect and how is it protected?",
    "How will we measure the success of {p}?",
    "What happens if {p} makes a wrong prediction?",
    "Can customers opt out of {p}?",
    "Does {p} work on mobile devices?",
    "Who owns the on-call rotation for {p}?",
    "What are the biggest risks for {p}?",
    "How does {p} integrate with existing partner systems?",
    "What is the expected impact on support contacts?",
    "Why build {p} instead of buying a third-party tool?",
    "How many engineers are needed to build {p}?",
    "What did customers say in the beta of {p}?",
    "How does {p} handle accessibility requirements?",
    "What are the dependencies on other teams?",
    "How will {p} scale during peak events?",
    "What is out of scope for the first release?",
    "How do we migrate existing customers to {p}?",
    "What are the legal or compliance considerations?",
    "How does pricing compare with competitors?",
    "What is the rollback plan if the launch goes badly?",
    "Which metrics will be reported weekly?",
    "How will sellers learn about {p}?",
    "What feedback mechanisms are built into {p}?",
    "What is the long-term vision beyond version one?",
]
ROLES = ["Vice President of", "Director of", "General Manager of",
         "Head of", "Senior Manager for"]
SRC_MODULES = ["api", "core", "billing", "search", "ui", "storage", "auth",
               "jobs", "metrics", "util"]
SRC_EXT = [".rs", ".py", ".ts", ".go"]
CODE_WORDS = ("let value result config request response handle process item "
              "count index buffer cache client server error retry timeout "
              "update fetch parse render queue batch limit offset").split()

DAY = 86400


class Gen:
    def __init__(self, rng):
        self.r = rng

    def sentence(self, product=None, n=None):
        r = self.r
        kind = r.random()
        if product and kind < 0.25:
            s = (f"{product} helps {r.choice(CUSTOMERS)} {r.choice(VERBS)} "
                 f"{r.choice(OBJS)} by {r.randint(10, 80)} percent")
        elif kind < 0.45:
            s = (f"Today {r.choice(FILLER).strip()} we {r.choice(VERBS)} "
                 f"{r.choice(OBJS)} for {r.choice(CUSTOMERS)}")
        else:
            n = n or r.randint(9, 22)
            s = " ".join(r.choice(WORDS) for _ in range(n))
        return s[0].upper() + s[1:] + "."

    def paragraph(self, product, lo=3, hi=6):
        return " ".join(self.sentence(product) for _ in range(self.r.randint(lo, hi)))

    def answer(self, product):
        return self.paragraph(product, 2, 3)

    def quote(self, product, customer=False):
        r = self.r
        who = r.choice(PEOPLE)[0]
        if customer:
            role = f"{r.choice(['owner', 'manager', 'lead'])} at a company serving {r.choice(CUSTOMERS)}"
        else:
            role = f"{r.choice(ROLES)} {r.choice(NOUN).capitalize()}"
        return f'> "{self.paragraph(product, 2, 3)}" said {who}, {role}.'


class Proposal:
    """In-memory state of one PR/FAQ document."""

    def __init__(self, g, idx, taken, owner):
        r = g.r
        self.g = g
        self.idx = idx
        a, n, suffix = r.choice(ADJ), r.choice(NOUN), r.choice(PRODUCT_SUFFIX)
        slug = f"{a}-{n}-{suffix.lower()}"
        k = 2
        while slug in taken:
            slug = f"{a}-{n}-{suffix.lower()}-{k}"
            k += 1
        taken.add(slug)
        self.slug = slug
        self.path = f"proposals/{slug}.md"
        self.old_paths = []
        self.product = f"{n.capitalize()} {suffix}"
        self.title = f"{a.capitalize()} {n} for {r.choice(CUSTOMERS)}: {self.product}"
        self.status_i = 0
        self.owner = owner
        self.customer = r.choice(CUSTOMERS)
        self.launch = (2022 + r.randint(0, 3), r.randint(1, 12), r.randint(1, 28))
        self.tags = sorted(r.sample(TAGS, r.randint(2, 4)))
        p = self.product
        self.summary = [g.paragraph(p, 5, 7), g.paragraph(p, 4, 6)]
        self.problem = [g.paragraph(p, 5, 7), g.paragraph(p, 4, 6)]
        self.solution = [g.paragraph(p, 5, 7), g.paragraph(p, 4, 6), g.paragraph(p, 4, 6)]
        self.quotes = [g.quote(p), g.quote(p, customer=True)]
        qs = r.sample(range(len(QUESTIONS)), 11)
        self.unused_q = [i for i in range(len(QUESTIONS)) if i not in qs]
        r.shuffle(self.unused_q)
        self.faq = [[QUESTIONS[i].format(p=p), g.answer(p)] for i in qs]
        self.versions = 1

    def render(self):
        y, m, d = self.launch
        fm = [
            "---",
            f'title: "{self.title}"',
            f"status: {STATUSES[self.status_i]}",
            f"owner: {PEOPLE[self.owner][1]}",
            f'customer: "{self.customer}"',
            f"launch_date: {y:04d}-{m:02d}-{d:02d}",
            f"tags: [{', '.join(self.tags)}]",
            "---",
            "",
            f"# {self.title}",
            "",
            "## Summary",
            "",
        ]
        out = fm
        out += [x for p in self.summary for x in (p, "")]
        out += ["## Problem", ""]
        out += [x for p in self.problem for x in (p, "")]
        out += ["## Solution", ""]
        out += [x for p in self.solution for x in (p, "")]
        out += ["## Quotes", ""]
        out += [x for p in self.quotes for x in (p, "")]
        out += ["## FAQ", ""]
        for i, (q, a) in enumerate(self.faq, 1):
            out += [f"### Q{i}. {q}", "", a, ""]
        return "\n".join(out)

    def edit(self):
        """Apply one review iteration; returns a short commit-message verb."""
        g, r = self.g, self.g.r
        p = self.product
        what = []
        sections = [self.summary, self.problem, self.solution]
        for _ in range(r.randint(1, 3)):
            k = r.random()
            if k < 0.6:
                sec = r.choice(sections)
                i = r.randrange(len(sec))
                sents = sec[i].split(". ")
                j = r.randrange(len(sents))
                sents[j] = g.sentence(p).rstrip(".")
                sec[i] = ". ".join(sents)
                if not sec[i].endswith("."):
                    sec[i] += "."
                what.append("reword")
            elif k < 0.8:
                qa = r.choice(self.faq)
                qa[1] = g.answer(p)
                what.append("rewrite FAQ answer")
            else:
                sec = r.choice(sections)
                sec[r.randrange(len(sec))] = g.paragraph(p, 3, 6)
                what.append("rewrite paragraph")
        if r.random() < 0.45 and self.unused_q:
            qi = self.unused_q.pop()
            self.faq.append([QUESTIONS[qi].format(p=p), g.answer(p)])
            what.append("add FAQ")
        if r.random() < 0.12 and self.status_i < 3:
            self.status_i += 1
            what.append(f"status -> {STATUSES[self.status_i]}")
        elif r.random() < 0.02:
            self.status_i = 4
            what.append("status -> shelved")
        if r.random() < 0.05:
            y, m, d = self.launch
            self.launch = (y + (m == 12), m % 12 + 1, d)
            what.append("move launch date")
        self.versions += 1
        return ", ".join(dict.fromkeys(what))


def main(argv=None):
    ap = argparse.ArgumentParser(description="Generate a synthetic PR/FAQ git repo (deterministic).")
    ap.add_argument("--proposals", type=int, default=1000)
    ap.add_argument("--iterations", type=int, default=20, help="commits per proposal, incl. creation")
    ap.add_argument("--unrelated", type=int, default=5000, help="commits touching only src/")
    ap.add_argument("--rename-pct", type=float, default=2.0, help="%% of proposals renamed once")
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--out", required=True, help="target directory (must not exist or be empty)")
    ap.add_argument("--manifest", help="write a JSON manifest of the proposals here")
    ap.add_argument("--no-checkout", action="store_true", help="leave the work tree empty")
    args = ap.parse_args(argv)
    if args.iterations < 1 or args.proposals < 0 or args.unrelated < 0:
        ap.error("counts must be >= 0 (iterations >= 1)")

    t0 = time.time()
    r = random.Random(args.seed)
    g = Gen(r)
    out = args.out
    if os.path.exists(out) and os.listdir(out):
        sys.exit(f"error: {out} exists and is not empty")
    os.makedirs(out, exist_ok=True)
    env = dict(os.environ, GIT_CONFIG_NOSYSTEM="1", GIT_CONFIG_GLOBAL=os.devnull)
    subprocess.run(["git", "init", "-q", "-b", "main", out], check=True, env=env)

    # ---- proposals & their timelines
    slugs = set()
    props = [Proposal(g, i, slugs, r.randrange(len(PEOPLE))) for i in range(args.proposals)]

    span = 3 * 365 * DAY
    base = 1609750800  # 2021-01-04T09:00:00Z
    events = []  # (time, seq, kind, payload)
    seq = 0
    n_rename = round(args.proposals * args.rename_pct / 100.0)
    rename_at = {}
    if args.iterations >= 3:
        for pi in sorted(r.sample(range(args.proposals), n_rename)):
            rename_at[pi] = r.randint(2, args.iterations - 1)  # 0-based iteration index
    for pr in props:
        t = base + r.randrange(0, int(span * 0.9))
        for it in range(args.iterations):
            events.append((t, seq, "p", (pr, it)))
            seq += 1
            t += int(r.expovariate(1 / (2.0 * DAY))) + r.randint(60, 3600)
    for _ in range(args.unrelated):
        events.append((base + r.randrange(0, span), seq, "u", None))
        seq += 1
    events.sort(key=lambda e: (e[0], e[1]))

    # ---- unrelated src files
    src = {}
    for m in SRC_MODULES:
        for k in range(40):
            path = f"src/{m}/{r.choice(CODE_WORDS)}_{k:02d}{r.choice(SRC_EXT)}"
            src[path] = [f"{r.choice(CODE_WORDS)} = {r.choice(CODE_WORDS)}({r.randint(0, 999)})"
                         for _ in range(r.randint(40, 160))]
    src_paths = sorted(src)

    proc = subprocess.Popen(["git", "-C", out, "fast-import", "--quiet", "--done"],
                            stdin=subprocess.PIPE, env=env)
    w = proc.stdin
    buf = []
    bufsize = 0

    def emit(b):
        nonlocal bufsize
        buf.append(b)
        bufsize += len(b)
        if bufsize > (8 << 20):
            w.write(b"".join(buf))
            buf.clear()
            bufsize = 0

    def data(s):
        b = s.encode("utf-8")
        emit(b"data %d\n" % len(b))
        emit(b)
        emit(b"\n")

    def ident(pi, ts):
        name, user, tz = PEOPLE[pi]
        return f"{name} <{user}@example.com> {ts} {tz}"

    ncommits = 0

    def commit_header(author_i, ts, msg, committer_i=None, author_ts=None):
        nonlocal ncommits
        ncommits += 1
        emit(b"commit refs/heads/main\n")
        emit(("author " + ident(author_i, author_ts or ts) + "\n").encode())
        emit(("committer " + ident(committer_i if committer_i is not None else author_i, ts) + "\n").encode())
        data(msg)

    # initial commit
    commit_header(0, base - DAY, "Initial commit: README and src skeleton\n")
    file_cmds = [("README.md", "# Proposals portfolio\n\nPR/FAQ documents live in proposals/.\n")]
    file_cmds += [(p, "\n".join(src[p]) + "\n") for p in src_paths]
    for p, content in file_cmds:
        emit(f"M 100644 inline {p}\n".encode())
        data(content)
    emit(b"\n")

    renames = []
    for ts, _, kind, payload in events:
        if kind == "u":
            a = r.randrange(len(PEOPLE))
            files = r.sample(src_paths, r.randint(1, 4))
            commit_header(a, ts, f"{r.choice(['src', 'fix', 'refactor', 'perf', 'chore'])}: "
                                 f"{r.choice(VERBS)} {r.choice(CODE_WORDS)} {r.choice(CODE_WORDS)}\n")
            for p in files:
                lines = src[p]
                for _ in range(r.randint(1, 6)):
                    lines[r.randrange(len(lines))] = (
                        f"{r.choice(CODE_WORDS)} = {r.choice(CODE_WORDS)}({r.randint(0, 999)})")
                if r.random() < 0.3:
                    lines.append(f"// {r.choice(CODE_WORDS)} {r.choice(CODE_WORDS)}")
                emit(f"M 100644 inline {p}\n".encode())
                data("\n".join(lines) + "\n")
            emit(b"\n")
            continue
        pr, it = payload
        if it == 0:
            author = pr.owner
            msg = f"prfaq({pr.slug}): first draft\n"
        else:
            author = pr.owner if r.random() < 0.5 else r.randrange(len(PEOPLE))
            what = pr.edit()
            msg = f"prfaq({pr.slug}): iteration {it + 1}: {what or 'edits'}\n"
            if r.random() < 0.3:
                msg += f"\nAddresses review comments from {r.choice(PEOPLE)[0]}.\n"
        ren = None
        if rename_at.get(pr.idx) == it:
            new_slug = f"{pr.slug}-v2"
            ren = (pr.path, f"proposals/{new_slug}.md")
            msg = f"prfaq({pr.slug}): rename to {new_slug}; " + msg.split(": ", 1)[1]
        # 10% of commits were "rebased": author date earlier than commit date
        ats = ts - r.randint(600, 2 * DAY) if r.random() < 0.1 else None
        commit_header(author, ts, msg, author_ts=ats)
        if ren:
            emit(f"R {ren[0]} {ren[1]}\n".encode())
            pr.old_paths.append(ren[0])
            pr.path = ren[1]
            pr.slug = ren[1][len("proposals/"):-3]
            renames.append(ren)
        emit(f"M 100644 inline {pr.path}\n".encode())
        data(pr.render() + "\n")
        emit(b"\n")

    emit(b"done\n")
    w.write(b"".join(buf))
    w.close()
    if proc.wait() != 0:
        sys.exit("error: git fast-import failed")
    if not args.no_checkout:
        subprocess.run(["git", "-C", out, "checkout", "-q", "-f", "main"], check=True, env=env)

    if args.manifest:
        man = {
            "args": vars(args),
            "commits": ncommits,
            "proposals": [{"path": p.path, "old_paths": p.old_paths, "versions": p.versions,
                           "owner": PEOPLE[p.owner][1], "title": p.title} for p in props],
            "renames": renames,
        }
        with open(args.manifest, "w") as f:
            json.dump(man, f, indent=1)
    print(f"generated {out}: {ncommits} commits, {args.proposals} proposals x {args.iterations} "
          f"iterations, {len(renames)} renames, {args.unrelated} unrelated commits "
          f"in {time.time() - t0:.1f}s", file=sys.stderr)


if __name__ == "__main__":
    main()
