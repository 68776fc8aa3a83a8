//! Helpers for the rules' unit tests, and the library half of the example
//! matrix: every pattern's bad example fires its rule, every good example
//! and every strong proposal fires nothing.

use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset, NaiveDate, TimeZone};

use super::{Context, Finding, catalogue, check};
use crate::config::Config;
use crate::history::{History, Iteration, Person};
use crate::proposal::{self, ParseOptions, Proposal};

pub(crate) fn parse(text: &str) -> Proposal {
    proposal::parse(
        Path::new("p.md"),
        text.to_string(),
        &ParseOptions::default(),
    )
    .unwrap_or_else(|e| panic!("{e}"))
}

pub(crate) fn check_text(text: &str) -> Vec<Finding> {
    check_with(text, &Config::default())
}

pub(crate) fn check_with(text: &str, config: &Config) -> Vec<Finding> {
    let p = parse(text);
    check(
        &p,
        &Context {
            config,
            history: None,
            first_version: None,
        },
    )
}

pub(crate) fn check_history(text: &str, history: &History, config: &Config) -> Vec<Finding> {
    let p = parse(text);
    check(
        &p,
        &Context {
            config,
            history: Some(history),
            first_version: None,
        },
    )
}

/// The messages of `rule`'s findings.
pub(crate) fn rules_of(findings: &[Finding], rule: &str) -> Vec<String> {
    findings
        .iter()
        .filter(|f| f.rule == rule)
        .map(|f| f.message.clone())
        .collect()
}

/// Midday UTC on `day` (YYYY-MM-DD).
pub(crate) fn date(day: &str) -> DateTime<FixedOffset> {
    let d = NaiveDate::parse_from_str(day, "%Y-%m-%d").unwrap();
    FixedOffset::east_opt(0)
        .unwrap()
        .from_local_datetime(&d.and_hms_opt(12, 0, 0).unwrap())
        .unwrap()
}

/// A committed iteration by "Test Author", reviewed by `reviewers` (name, email).
pub(crate) fn iteration(n: usize, day: &str, reviewers: &[(&str, &str)]) -> Iteration {
    let commit = format!("c{n:06}{}", "0".repeat(33));
    Iteration {
        n,
        short: commit[..7].to_string(),
        commit: Some(commit),
        author: Person {
            name: "Test Author".into(),
            email: "author@example.com".into(),
        },
        date: date(day),
        subject: format!("Iteration {n}"),
        body: String::new(),
        reviewers: reviewers
            .iter()
            .map(|(name, email)| Person {
                name: name.to_string(),
                email: email.to_string(),
            })
            .collect(),
        deciders: Vec::new(),
        path: "proposals/p.md".into(),
        blob: None,
        parent_blob: None,
        working: false,
    }
}

fn examples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples")
}

fn load(path: &Path) -> Proposal {
    proposal::load(path, &ParseOptions::default()).unwrap_or_else(|e| panic!("{e}"))
}

fn examples_config() -> Config {
    crate::config::load(&examples().join("wb.yaml"))
        .unwrap()
        .config
}

fn show(findings: &[Finding]) -> String {
    findings
        .iter()
        .map(|f| {
            format!(
                "{}: {}[{}]: {}",
                f.location(),
                f.severity,
                f.rule,
                f.message
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// A history for a pattern example: one commit for the bad examples of the
/// git rules (written once, already approved), several reviewed iterations
/// from widening circles for every other file.
fn example_history(id: &str, bad: bool) -> History {
    let team = [("Priya Raman", "priya.raman@example.com")];
    let stakeholders = [("Daniel Okafor", "daniel.okafor@example.com")];
    let leadership = [("Sofia Marquez", "sofia.marquez@example.com")];
    let mut h = History::default();
    h.iterations.push(iteration(1, "2026-09-01", &[]));
    let git_rule = ["skipping-the-iteration", "writing-pr-after-building"].contains(&id);
    if !(bad && git_rule) {
        h.iterations.push(iteration(2, "2026-09-08", &team));
        h.iterations.push(iteration(3, "2026-09-15", &stakeholders));
        h.iterations.push(iteration(4, "2026-09-22", &leadership));
    }
    h
}

#[test]
fn the_matrix_of_pattern_examples() {
    let config = examples_config();
    let mut failures = Vec::new();
    let mut seen = 0;
    for rule in catalogue() {
        let dir = examples().join("patterns").join(rule.id);
        if !dir.exists() {
            continue; // the integration test insists on every rule
        }
        seen += 1;
        for (file, bad) in [("bad.md", true), ("good.md", false)] {
            let p = load(&dir.join(file));
            let history = example_history(rule.id, bad);
            // The first version of a good file is a draft.
            let first = bad.then_some(&p);
            let ctx = Context {
                config: &config,
                history: Some(&history),
                first_version: first,
            };
            let findings = check(&p, &ctx);
            let fired = findings.iter().any(|f| f.rule == rule.id);
            if bad && !fired {
                failures.push(format!(
                    "{}/bad.md does not fire:\n{}",
                    rule.id,
                    show(&findings)
                ));
            }
            if !bad && !findings.is_empty() {
                failures.push(format!("{}/good.md fires:\n{}", rule.id, show(&findings)));
            }
        }
    }
    assert!(seen > 0);
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn the_strong_proposals_fire_nothing() {
    let config = examples_config();
    let dir = examples().join("proposals");
    let mut failures = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let p = load(&entry.unwrap().path());
        let ctx = Context {
            config: &config,
            history: None,
            first_version: None,
        };
        let findings = check(&p, &ctx);
        if !findings.is_empty() {
            failures.push(show(&findings));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn the_catalogue_is_complete_and_explained() {
    let ids: Vec<&str> = catalogue().iter().map(|r| r.id).collect();
    assert_eq!(ids.len(), 16);
    assert_eq!(ids[14], "front-matter");
    assert_eq!(ids.last(), Some(&"not-a-prfaq"));
    for r in catalogue()
        .iter()
        .chain([super::rule("unused-suppression").unwrap()])
    {
        for section in [
            "## Why it matters",
            "## What wb looks at",
            "## Example",
            "## What it misses",
        ] {
            assert!(r.explanation.contains(section), "{}: no '{section}'", r.id);
        }
        assert!(!r.summary.ends_with('.'), "{}", r.id);
    }
}

#[test]
fn counts_and_deny_levels() {
    let f = check_text("# Plan\n\nA seamless plan.\n");
    let c = super::Counts::of(&f);
    assert_eq!(c.total(), f.len());
    assert!(c.errors > 0 && c.warnings > 0);
    assert!(c.reaches(crate::config::Severity::Error));
    let only_info = super::Counts {
        infos: 1,
        ..Default::default()
    };
    assert!(!only_info.reaches(crate::config::Severity::Warning));
    assert!(only_info.reaches(crate::config::Severity::Info));
    assert_eq!(only_info.to_string(), "0 errors, 0 warnings, 1 info");
}

#[test]
fn unknown_rule_ids_are_refused_at_load() {
    let err = |text: &str| {
        let e = crate::config::parse(Path::new("wb.yaml"), text).unwrap_err();
        (e.to_string(), e.hint().unwrap_or_default().to_string())
    };
    let (e, hint) = err("check:\n  disable: [too-many-feature]\n");
    assert!(
        e.starts_with("wb.yaml:2:13: unknown rule `too-many-feature`"),
        "{e}"
    );
    assert!(hint.contains("did you mean `too-many-features`?"), "{hint}");
    let (e, hint) = err("check:\n  severity: { hyperbole: info }\n");
    assert!(
        e.starts_with("wb.yaml:2:15: unknown rule `hyperbole`"),
        "{e}"
    );
    assert!(hint.contains("`hyperbole-instead-of-specifics`"), "{hint}");
    let (e, hint) = err("check:\n  rules:\n    faq-to-short: { min_external: 3 }\n");
    assert!(
        e.starts_with("wb.yaml:3:5: unknown rule `faq-to-short`"),
        "{e}"
    );
    assert!(hint.contains("`faq-too-short`"), "{hint}");
    let (e, _) = err("check:\n  rules:\n    combining-ideas: { x: 1 }\n");
    assert!(e.contains("rule `combining-ideas` takes no options"), "{e}");
    // `unused-suppression` is not in the catalogue but is a rule id.
    crate::config::parse(
        Path::new("wb.yaml"),
        "check:\n  severity: { unused-suppression: info }\n",
    )
    .unwrap();
    assert_eq!(
        super::did_you_mean("jargon").split('`').nth(1),
        Some("internal-jargon-in-pr")
    );
}

#[test]
fn findings_are_sorted_and_keyed_without_lines() {
    let f = check_text("# Plan\n\nA seamless plan.\n\nAnother seamless plan.\n");
    assert!(
        f.windows(2)
            .all(|w| (w[0].line, w[0].col) <= (w[1].line, w[1].col))
    );
    let hype: Vec<_> = f
        .iter()
        .filter(|f| f.rule == "hyperbole-instead-of-specifics")
        .collect();
    assert_eq!(hype.len(), 2);
    assert_eq!(hype[0].key(), hype[1].key());
    assert_ne!(hype[0].line, hype[1].line);
}

#[test]
fn a_finding_keeps_its_key_when_its_count_changes() {
    let faq = |n: usize| {
        let mut s = String::from(
            "# Shops refund in two minutes\n\nSEATTLE, March 15, 2027 -- Text.\n\n## External FAQ\n\n",
        );
        for i in 0..n {
            s.push_str(&format!(
                "### Question {i}?\n\nAn answer long enough to count as a real answer to the question.\n\n"
            ));
        }
        s
    };
    let key = |text: &str| {
        let f = check_text(text);
        let short: Vec<_> = f
            .iter()
            .filter(|f| f.rule == "faq-too-short" && f.message.contains("external"))
            .collect();
        assert_eq!(short.len(), 1, "{f:#?}");
        (short[0].message.clone(), short[0].key())
    };
    let (one, k1) = key(&faq(1));
    let (three, k3) = key(&faq(3));
    assert_ne!(one, three, "the message says the count");
    assert_eq!(k1, k3, "the identity does not");
    let items: String = (1..=7).map(|i| format!("- feature {i}\n")).collect();
    let long = |n: usize| format!("# H\n\n{}\n\n{items}", "word ".repeat(n));
    let k = |text: &str| {
        check_text(text)
            .into_iter()
            .find(|f| f.rule == "too-many-features" && f.message.contains("words"))
            .map(|f| f.key())
    };
    assert!(k(&long(900)).is_some());
    assert_eq!(k(&long(900)), k(&long(1200)));
}
