//! `wb check`, `wb rules` and `wb explain`: the example matrix, suppressions,
//! configuration, exit codes and the three output formats.

use serde_json::Value;

use crate::support::{Git, Project};

/// The rules in `wb rules --format json`.
fn rules(p: &Project) -> Vec<Value> {
    p.wb(&["rules", "--format", "json"])
        .ok()
        .json()
        .as_array()
        .unwrap()
        .clone()
}

/// The rule ids of every finding in a `wb check --format json` output.
fn fired(json: &Value) -> Vec<String> {
    json["proposals"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|p| p["findings"].as_array().unwrap().iter())
        .map(|f| f["rule"].as_str().unwrap().to_string())
        .collect()
}

fn findings(json: &Value) -> Vec<Value> {
    json["proposals"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|p| p["findings"].as_array().unwrap().iter().cloned())
        .collect()
}

/// A strong proposal from the examples: fires nothing.
fn clean() -> String {
    std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("examples/proposals/nurse-handover.md"),
    )
    .unwrap()
}

#[test]
fn rules_lists_sixteen_rules_with_explanations() {
    let p = Project::new();
    let rules = rules(&p);
    assert_eq!(rules.len(), 16);
    assert_eq!(rules[0]["id"], "solution-first-thinking");
    assert_eq!(rules[0]["severity"], "error");
    assert_eq!(rules[14]["id"], "front-matter");
    assert_eq!(rules[15]["id"], "not-a-prfaq");
    assert_eq!(rules[15]["severity"], "info");
    let git: Vec<&str> = rules
        .iter()
        .filter(|r| r["git"] == true)
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert_eq!(git, ["writing-pr-after-building", "skipping-the-iteration"]);
    let text = p.wb(&["rules"]).ok().stdout;
    assert!(text.starts_with("RULE"), "{text}");
    assert!(text.contains("faq-too-short"), "{text}");
}

#[test]
fn explain_a_known_and_an_unknown_rule() {
    let p = Project::new();
    let run = p.wb(&["explain", "hyperbole-instead-of-specifics"]).ok();
    assert!(
        run.stdout
            .starts_with("# hyperbole-instead-of-specifics (warning)"),
        "{}",
        run.stdout
    );
    for section in [
        "## Why it matters",
        "## What wb looks at",
        "## What it misses",
    ] {
        assert!(run.stdout.contains(section), "{}", run.stdout);
    }
    p.wb(&["explain", "unused-suppression"]).ok();
    let run = p.wb(&["explain", "hyperbole"]).code(2);
    assert!(run.stderr.contains("no rule `hyperbole`"), "{}", run.stderr);
    assert!(
        run.stderr
            .contains("did you mean `hyperbole-instead-of-specifics`?"),
        "{}",
        run.stderr
    );
}

/// Every rule's bad example fires it; every good example fires nothing.
/// The git rules are covered by `git_rules_through_repositories`.
#[test]
fn the_pattern_matrix() {
    let p = Project::examples();
    let mut failures = Vec::new();
    for rule in rules(&p) {
        let id = rule["id"].as_str().unwrap();
        let dir = format!("patterns/{id}");
        assert!(
            p.exists(&format!("{dir}/bad.md")),
            "no bad example for {id}"
        );
        assert!(
            p.exists(&format!("{dir}/good.md")),
            "no good example for {id}"
        );
        if rule["git"] == true {
            continue;
        }
        let bad = p.wb(&["check", &format!("{dir}/bad.md"), "--format", "json"]);
        if !fired(&bad.json()).iter().any(|r| r == id) {
            failures.push(format!("{dir}/bad.md does not fire {id}:\n{}", bad.stdout));
        }
        let good = p.wb(&["check", &format!("{dir}/good.md"), "--format", "json"]);
        if !fired(&good.json()).is_empty() {
            failures.push(format!("{dir}/good.md fires:\n{}", good.stdout));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_example_portfolio_is_clean() {
    let p = Project::examples();
    let run = p.wb(&["check"]).ok();
    assert!(
        run.stdout.contains("proposals checked: no findings"),
        "{}",
        run.stdout
    );
    let json = p.wb(&["check", "--format", "json"]).ok().json();
    assert!(json["proposals"].as_array().unwrap().len() >= 4);
    assert_eq!(json["counts"]["errors"], 0);
    assert!(fired(&json).is_empty(), "{json:#}");
    // Every proposal can also be named by its slug.
    let json = p
        .wb(&["check", "nurse-handover", "--format", "json"])
        .ok()
        .json();
    assert_eq!(json["proposals"][0]["slug"], "nurse-handover");
}

/// Commits `text` as the only iteration of proposals/x.md, after `before`
/// (files committed first).
fn repo_with(p: &Project, before: &[(&str, &str)], text: &str) -> Git {
    let mut git = p.git();
    p.file(
        "wb.yaml",
        std::fs::read_to_string(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/wb.yaml"),
        )
        .unwrap(),
    );
    for (path, contents) in before {
        git.write(path, contents);
        git.commit(&format!("Add {path}"));
    }
    git.write("proposals/x.md", text);
    git.commit("Write the PR/FAQ");
    git
}

/// The git rules read history through `wb check`. Ignored until the history
/// walk is wired into the command (`git_context` in src/cmd/check.rs).
#[test]
fn git_rules_through_repositories() {
    let examples = Project::examples();
    for id in ["writing-pr-after-building", "skipping-the-iteration"] {
        let bad = examples.read(&format!("patterns/{id}/bad.md"));
        let p = Project::new();
        repo_with(&p, &[("src/intake/form.rs", "fn main() {}\n")], &bad);
        let json = p
            .wb(&["check", "proposals/x.md", "--format", "json"])
            .json();
        assert!(fired(&json).iter().any(|r| r == id), "{id}: {json:#}");

        // The good example, reviewed in widening circles over four iterations.
        let good = examples.read(&format!("patterns/{id}/good.md"));
        let p = Project::new();
        let mut git = repo_with(&p, &[], &good);
        for (i, reviewer) in [
            "Priya Raman <priya.raman@example.com>",
            "Daniel Okafor <daniel.okafor@example.com>",
            "Sofia Marquez <sofia.marquez@example.com>",
        ]
        .iter()
        .enumerate()
        {
            git.write("proposals/x.md", &format!("{good}\n<!-- review {i} -->\n"));
            git.commit(&format!("Review {i}\n\nReviewed-by: {reviewer}\n"));
        }
        let json = p
            .wb(&["check", "proposals/x.md", "--format", "json"])
            .ok()
            .json();
        assert!(fired(&json).is_empty(), "{id}: {json:#}");
    }
}

#[test]
fn suppressions_silence_and_unused_ones_are_reported() {
    let p = Project::new();
    let text = clean()
        .replace(
            "## Solution\n",
            "## Solution\n\n<!-- wb-disable hyperbole-instead-of-specifics -->\n",
        )
        .replace(
            "Larkspur Handover puts a report sheet",
            "Larkspur Handover seamlessly puts a report sheet",
        )
        .replace(
            "## How it works\n\n",
            "## How it works\n\n<!-- wb-disable-next-line hyperbole-instead-of-specifics, internal-jargon-in-pr -->\n",
        )
        .replace(
            "Each sheet uses only what is already charted",
            "Each seamless sheet uses only what is already charted",
        )
        .replace(
            "Handover itself stays at the bedside",
            "Handover itself stays at the seamless bedside",
        );
    p.file("x.md", &text);
    let json = p.wb(&["check", "x.md", "--format", "json"]).json();
    let f = findings(&json);
    let rules: Vec<&str> = f.iter().map(|f| f["rule"].as_str().unwrap()).collect();
    assert_eq!(rules, ["unused-suppression"], "{json:#}");
    assert!(
        f[0]["message"]
            .as_str()
            .unwrap()
            .contains("internal-jargon-in-pr"),
        "{json:#}"
    );
    assert_eq!(f[0]["severity"], "warning");
    // Without the comments, the three words are reported.
    let bare: String = text
        .lines()
        .filter(|l| !l.starts_with("<!-- wb-disable"))
        .map(|l| format!("{l}\n"))
        .collect();
    p.file("y.md", bare);
    let json = p.wb(&["check", "y.md", "--format", "json"]).json();
    assert_eq!(
        fired(&json),
        ["hyperbole-instead-of-specifics"; 3],
        "{json:#}"
    );
}

#[test]
fn config_disables_and_overrides_severities() {
    let p = Project::new();
    p.file(
        "wb.yaml",
        "check:\n  disable: [front-matter]\n  severity:\n    hyperbole-instead-of-specifics: error\n",
    );
    p.file("proposals/a.md", "# Plan\n\nA revolutionary plan.\n");
    let json = p.wb(&["check", "--format", "json"]).code(1).json();
    let f = findings(&json);
    assert!(!fired(&json).contains(&"front-matter".to_string()));
    let hype = f
        .iter()
        .find(|f| f["rule"] == "hyperbole-instead-of-specifics")
        .unwrap();
    assert_eq!(hype["severity"], "error");
    assert_eq!(hype["line"], 3);
    assert_eq!(hype["col"], 3);
    assert_eq!(hype["message"], "'revolutionary' in the summary");
    assert_eq!(hype["path"], "proposals/a.md");
}

/// An unknown rule id in `check.disable`, `check.severity` or `check.rules`
/// stops every command that reads wb.yaml, at the id's line and column, with
/// the nearest id as a hint.
#[test]
fn an_unknown_rule_in_wb_yaml_stops_every_command() {
    let cases = [
        (
            "check:\n  disable: [front-matter, too-many-feature]\n",
            "wb.yaml:2:27: unknown rule `too-many-feature` in `check.disable`",
            "did you mean `too-many-features`?",
        ),
        (
            "check:\n  severity:\n    hyperbole: info\n",
            "wb.yaml:3:5: unknown rule `hyperbole` in `check.severity`",
            "did you mean `hyperbole-instead-of-specifics`?",
        ),
        (
            "check:\n  rules:\n    faq-to-short: { min_external: 3 }\n",
            "wb.yaml:3:5: unknown rule `faq-to-short` in `check.rules`",
            "did you mean `faq-too-short`?",
        ),
    ];
    let commands: [&[&str]; 6] = [
        &["check"],
        &["list"],
        &["history", "a"],
        &["build"],
        &["serve", "--port", "0"],
        &["new", "Another idea"],
    ];
    for (yaml, error, hint) in cases {
        let p = Project::new();
        p.file("wb.yaml", yaml);
        p.file("proposals/a.md", clean());
        for args in commands {
            let run = p.wb(args).code(2);
            assert!(run.stderr.contains(error), "{args:?}: {}", run.stderr);
            assert!(run.stderr.contains(hint), "{args:?}: {}", run.stderr);
        }
        assert!(!p.exists("_site"));
        assert!(!p.exists("proposals/another-idea.md"));
    }
}

#[test]
fn deny_sets_the_exit_code() {
    let p = Project::new();
    p.file(
        "proposals/a.md",
        clean().replace(
            "Larkspur Handover puts",
            "Larkspur Handover, a game-changer, puts",
        ),
    );
    // Only a warning: passes at the default `error`, fails at `warning`.
    let json = p.wb(&["check", "--format", "json"]).ok().json();
    assert_eq!(fired(&json), ["hyperbole-instead-of-specifics"]);
    assert_eq!(json["deny"], "error");
    assert_eq!(json["failed"], false);
    let json = p
        .wb(&["check", "--deny", "warning", "--format", "json"])
        .code(1)
        .json();
    assert_eq!(json["failed"], true);
    p.wb(&["check", "--deny", "info"]).code(1);
    // check.deny in wb.yaml is the default; --deny overrides it.
    p.file("wb.yaml", "check:\n  deny: warning\n");
    p.wb(&["check"]).code(1);
    p.wb(&["check", "--deny", "error"]).ok();
    let run = p.wb(&["check", "--deny", "fatal"]).code(2);
    assert!(run.stderr.contains("fatal"), "{}", run.stderr);
}

#[test]
fn text_output_is_grouped_like_a_compiler() {
    let p = Project::new();
    p.file("proposals/a.md", "# Plan\n\nA revolutionary plan.\n");
    p.file("proposals/b.md", clean());
    let run = p.wb(&["check"]).code(1);
    let out = run.stdout;
    assert!(
        out.contains(
            "proposals/a.md:3:3: warning[hyperbole-instead-of-specifics]: 'revolutionary' in the summary\n  hint: "
        ),
        "{out}"
    );
    assert!(
        out.contains("proposals/a.md:1:3: error[missing-problem-paragraph]: "),
        "{out}"
    );
    assert!(!out.contains("proposals/b.md"), "{out}");
    let last = out.lines().last().unwrap();
    assert!(
        last.starts_with("2 proposals checked, 1 with findings: "),
        "{last}"
    );
    assert!(last.ends_with("failed (--deny error)"), "{last}");
}

#[test]
fn json_output_shape() {
    let p = Project::new();
    p.file("proposals/a.md", "# Plan\n\nA revolutionary plan.\n");
    let json = p.wb(&["check", "--format", "json"]).code(1).json();
    let a = &json["proposals"][0];
    assert_eq!(a["path"], "proposals/a.md");
    assert_eq!(a["slug"], "a");
    assert_eq!(a["title"], "Plan");
    let f = a["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "hyperbole-instead-of-specifics")
        .unwrap();
    for key in ["rule", "severity", "path", "line", "col", "message", "hint"] {
        assert!(!f[key].is_null(), "{key} in {f}");
    }
    let counts = &json["counts"];
    assert_eq!(
        counts["errors"].as_u64().unwrap()
            + counts["warnings"].as_u64().unwrap()
            + counts["infos"].as_u64().unwrap(),
        a["findings"].as_array().unwrap().len() as u64
    );
    assert_eq!(a["counts"], json["counts"]);
    assert_eq!(json["input_errors"], serde_json::json!([]));
}

#[test]
fn github_annotations() {
    let p = Project::new();
    p.file(
        "proposals/a.md",
        "# Plan\n\nA revolutionary plan, 100% fine.\n",
    );
    let out = p.wb(&["check", "--format", "github"]).code(1).stdout;
    assert!(
        out.contains(
            "::warning file=proposals/a.md,line=3,col=3,title=hyperbole-instead-of-specifics::'revolutionary' in the summary%0Ahint: "
        ),
        "{out}"
    );
    assert!(
        out.contains("::error file=proposals/a.md,line=1,col=3,title=missing-problem-paragraph::"),
        "{out}"
    );
    assert!(out.contains("::notice file=proposals/a.md,"), "{out}");
    assert!(out.lines().all(|l| l.starts_with("::")), "{out}");
}

#[test]
fn a_broken_proposal_does_not_hide_the_others() {
    let p = Project::new();
    p.file("proposals/a.md", "# Plan\n\nA revolutionary plan.\n");
    p.file(
        "proposals/bad.md",
        "---\ntitle: A\nstatus: maybe\n---\n# H\n",
    );
    let run = p.wb(&["check", "--format", "json"]).code(2);
    let json = run.json();
    assert_eq!(json["proposals"][0]["slug"], "a");
    assert_eq!(json["input_errors"][0]["path"], "proposals/bad.md");
    assert_eq!(json["input_errors"][0]["line"], 3);
    assert_eq!(json["input_errors"][0]["col"], 9);
    assert!(
        run.stderr
            .contains("proposals/bad.md:3:9: unknown status `maybe`"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("hint:"), "{}", run.stderr);
    let run = p.wb(&["check"]).code(2);
    assert!(
        run.stdout.contains("proposals/a.md:3:3: warning"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("1 input error"), "{}", run.stdout);
    let run = p.wb(&["check", "--format", "github"]).code(2);
    assert!(
        run.stdout
            .contains("::error file=proposals/bad.md,line=3,col=9::unknown status `maybe`"),
        "{}",
        run.stdout
    );
}

#[test]
fn files_outside_a_portfolio_and_unknown_names() {
    let p = Project::new();
    p.file("notes/plan.md", clean());
    // No wb.yaml, no proposals/: the file is checked with the defaults.
    let json = p
        .wb(&["check", "notes/plan.md", "--format", "json"])
        .ok()
        .json();
    assert!(fired(&json).is_empty(), "{json:#}");
    p.wb(&["check", "notes"]).ok();
    let run = p.wb(&["check", "notes/nope.md"]).code(2);
    assert!(run.stderr.contains("notes/nope.md"), "{}", run.stderr);
    let run = p.wb(&["check", "nurse-handof"]).code(2);
    assert!(run.stderr.contains("`nurse-handof`"), "{}", run.stderr);
    let examples = Project::examples();
    let run = examples.wb(&["check", "nurse-handof"]).code(2);
    assert!(
        run.stderr.contains("did you mean `nurse-handover`?"),
        "{}",
        run.stderr
    );
}
