//! Document kinds. The pattern rules judge PR/FAQs; an RFC, a KEP, an ADR or
//! a PRD sitting in the same repository is a different document, and firing
//! fourteen PR/FAQ rules at it says nothing. wb recognises such a document
//! (no press release, no FAQ, the sections of another kind) and says so once
//! with `not-a-prfaq`; `kinds:` in wb.yaml declares the kind for a glob.

use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use globset::GlobMatcher;
use regex::Regex;
use serde::Serialize;
use serde::de::{self, Deserializer, MapAccess, Visitor};

use super::Hit;
use super::text::Doc;
use crate::config::Config;
use crate::proposal::{BlockKind, FaqKind, Proposal, Role, roles};

/// What a document is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum DocKind {
    /// Detect the kind from the text (the default).
    Auto,
    /// A PR/FAQ: the pattern rules judge it, whatever it looks like.
    Prfaq,
    /// A request for comments (rust-lang/rfcs and the like).
    Rfc,
    /// A Kubernetes enhancement proposal.
    Kep,
    /// An architecture decision record.
    Adr,
    /// A product requirements document.
    Prd,
    /// A design document.
    Design,
    /// Anything else that is not a PR/FAQ.
    Other,
}

impl DocKind {
    pub const ALL: &[DocKind] = &[
        DocKind::Auto,
        DocKind::Prfaq,
        DocKind::Rfc,
        DocKind::Kep,
        DocKind::Adr,
        DocKind::Prd,
        DocKind::Design,
        DocKind::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            DocKind::Auto => "auto",
            DocKind::Prfaq => "prfaq",
            DocKind::Rfc => "rfc",
            DocKind::Kep => "kep",
            DocKind::Adr => "adr",
            DocKind::Prd => "prd",
            DocKind::Design => "design",
            DocKind::Other => "other",
        }
    }

    /// How a sentence names it: "an RFC".
    pub fn label(self) -> &'static str {
        match self {
            DocKind::Auto | DocKind::Other => "a document of another kind",
            DocKind::Prfaq => "a PR/FAQ",
            DocKind::Rfc => "an RFC",
            DocKind::Kep => "a KEP",
            DocKind::Adr => "an architecture decision record",
            DocKind::Prd => "a product requirements document",
            DocKind::Design => "a design document",
        }
    }

    pub fn parse(s: &str) -> Option<DocKind> {
        let lower = s.trim().to_lowercase();
        let lower = match lower.as_str() {
            "pr/faq" | "pr-faq" | "pr_faq" => "prfaq",
            "design-doc" | "design_doc" => "design",
            other => other,
        };
        DocKind::ALL.iter().copied().find(|k| k.as_str() == lower)
    }
}

impl std::fmt::Display for DocKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A kind in wb.yaml: an unknown name is an error at its line, with the
/// nearest kind as a hint.
impl<'de> serde::Deserialize<'de> for DocKind {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let name = <String as serde::Deserialize>::deserialize(d)?;
        DocKind::parse(&name).ok_or_else(|| {
            let names: Vec<&str> = DocKind::ALL.iter().map(|k| k.as_str()).collect();
            let hint = match crate::portfolio::closest(&name.to_lowercase(), &names) {
                Some(c) => format!("did you mean `{c}`? kinds are: {}", names.join(", ")),
                None => format!("kinds are: {}", names.join(", ")),
            };
            crate::yaml::error_with_hint(&format!("unknown document kind `{name}`"), &hint)
        })
    }
}

/// `kinds:` in wb.yaml: globs (relative to the portfolio root) and the kind
/// of the documents they match; the last matching glob wins.
///
/// ```yaml
/// kinds:
///   "text/*.md": rfc
///   "text/0001-*.md": prfaq
/// ```
#[derive(Debug, Clone, Default)]
pub struct Kinds {
    /// The portfolio root the globs are relative to (absolute), set when
    /// wb.yaml is loaded.
    root: Option<PathBuf>,
    globs: Vec<(String, GlobMatcher, DocKind)>,
}

impl Kinds {
    /// Sets the folder the globs are relative to (wb.yaml's folder).
    pub fn set_root(&mut self, root: &Path) {
        self.root = std::path::absolute(root).ok();
    }

    pub fn is_empty(&self) -> bool {
        self.globs.is_empty()
    }

    /// The globs that declare the kind of none of `paths`.
    pub fn unused<'a>(&'a self, paths: &[&Path]) -> Vec<&'a str> {
        self.globs
            .iter()
            .filter(|(glob, _, _)| {
                !paths
                    .iter()
                    .any(|p| self.declared(p).is_some_and(|(_, g)| g == glob))
            })
            .map(|(g, _, _)| g.as_str())
            .collect()
    }

    /// The kind wb.yaml declares for the file at `path` (as found: relative
    /// to the current folder or absolute), and the glob that says so.
    pub fn declared(&self, path: &Path) -> Option<(DocKind, &str)> {
        if self.globs.is_empty() {
            return None;
        }
        let abs = std::path::absolute(path).ok()?;
        let rel = match &self.root {
            Some(root) => abs.strip_prefix(root).ok()?.to_path_buf(),
            None => path.to_path_buf(),
        };
        self.globs
            .iter()
            .rev()
            .find(|(_, m, _)| m.is_match(&rel))
            .map(|(g, _, k)| (*k, g.as_str()))
    }
}

impl<'de> serde::Deserialize<'de> for Kinds {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Kinds;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a map from globs to document kinds (`\"text/*.md\": rfc`)")
            }
            fn visit_unit<E: de::Error>(self) -> Result<Kinds, E> {
                Ok(Kinds::default())
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Kinds, A::Error> {
                let mut out = Kinds::default();
                while let Some(glob) = map.next_key::<String>()? {
                    let matcher = crate::portfolio::glob_of(&glob)
                        .map_err(|e| {
                            crate::yaml::error_with_hint(
                                &format!("bad glob `{glob}`: {}", e.kind()),
                                "globs are relative to the folder of wb.yaml, e.g. `text/*.md`",
                            )
                        })?
                        .compile_matcher();
                    let kind: DocKind = map.next_value()?;
                    out.globs.push((glob, matcher, kind));
                }
                Ok(out)
            }
        }
        d.deserialize_any(V)
    }
}

/// A document's kind and why wb thinks so.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verdict {
    pub kind: DocKind,
    /// The glob of wb.yaml that declares it, if it was declared.
    pub declared: Option<String>,
    /// What the text shows: the headings of the other kind.
    pub evidence: Vec<String>,
}

impl Verdict {
    pub fn is_prfaq(&self) -> bool {
        self.kind == DocKind::Prfaq
    }
}

/// The kind of `p`: declared in wb.yaml, else detected from the text.
pub fn judge(p: &Proposal, config: &Config) -> Verdict {
    match config.kinds.declared(&p.path) {
        Some((kind, glob)) if kind != DocKind::Auto => Verdict {
            kind,
            declared: Some(glob.to_string()),
            evidence: Vec::new(),
        },
        _ => detect(p),
    }
}

/// The sections of the documents that sit beside PR/FAQs, by kind.
const OTHER_SECTIONS: &[(DocKind, &[&str])] = &[
    (
        DocKind::Rfc,
        &[
            "motivation",
            "detailed design",
            "drawbacks",
            "alternatives",
            "rationale and alternatives",
            "alternatives considered",
            "unresolved questions",
            "prior art",
            "guide-level explanation",
            "reference-level explanation",
            "future possibilities",
            "how we teach this",
            "how do we teach this",
            "future work",
            "open issues",
            "backwards compatibility",
            "compatibility",
            "security considerations",
            "open questions",
        ],
    ),
    (
        DocKind::Kep,
        &[
            "release signoff checklist",
            "graduation criteria",
            "production readiness review questionnaire",
            "test plan",
            "upgrade / downgrade strategy",
            "upgrade/downgrade process",
            "version skew strategy",
            "implementation history",
            "design details",
            "risks and mitigations",
            "notes/constraints/caveats",
            "notes/constraints/caveats (optional)",
            "infrastructure needed",
            "infrastructure needed (optional)",
        ],
    ),
    (
        DocKind::Adr,
        &[
            "status",
            "context",
            "decision",
            "consequences",
            "decision outcome",
            "considered options",
            "decision drivers",
            "context and problem statement",
        ],
    ),
    (
        DocKind::Prd,
        &[
            "requirements",
            "functional requirements",
            "non-functional requirements",
            "user stories",
            "user-stories",
            "success metrics",
            "personas",
            "assumptions",
            "milestones",
            "objectives",
            "acceptance criteria",
            "scope and phasing",
            "requirements discovery",
            "user journey",
            "user journey map",
            "success criteria",
        ],
    ),
    (
        DocKind::Design,
        &[
            "goals",
            "goal",
            "non-goals",
            "non goals",
            "goals and non-goals",
            "proposal",
            "proposed approach",
            "proposed design",
            "design",
            "architecture",
            "implementation",
            "implementation plan",
            "background",
            "authors",
            "references",
            "sources",
            "table of contents",
            "out of scope",
        ],
    ),
];

/// An announcement in a headline: "Acme launches…", "GSF releases…".
static ANNOUNCES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:announc(?:es|ed|ing)|launch(?:es|ed)|unveil(?:s|ed)|introduc(?:es|ed)|releas(?:es|ed)|publish(?:es|ed)|debut(?:s|ed)|ships|shipped|rolls out|opens|is (?:now )?available)\b").unwrap()
});

/// An announcement in the opening paragraph: "Today we're releasing…",
/// "Acme today announced…", "proud to announce" (not "announced by").
static ANNOUNCEMENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:announc(?:es|ed)|launch(?:es|ed)|unveil(?:s|ed))\s+(?:the|a|an|its|their|our|today|general|new|(?-i:\p{Lu})\w*)\b|^\W*(?:announcing|introducing)\b|\bproud to (?:announce|release|introduce|launch|present)\b|\b(?:excited|thrilled|pleased|happy) to (?:announce|launch|introduce|release)\b|\btoday\b[^.!?,;]{0,40}?\b(?:announc\w*|releas(?:e|es|ed|ing)|introduc(?:es|ed|ing)|launch(?:es|ed|ing)?|unveil\w*|ships?|shipped|shipping|open[- ]sourc\w*)\b|\bis now available\b").unwrap()
});

/// A dateline: "SEATTLE, March 15, 2027 --", "**SAN FRANCISCO** —",
/// "December 2024 —", "*2026-07-25* — Today".
static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?x)^\W{0,3}(?:
        \p{Lu}{2,}[\p{Lu}\s.'-]*(?:,[^\n]{0,40}?)?\W{0,3}\s*(?:--|—|–|-)\s
      | \p{Lu}\p{Ll}+(?:\s\p{Lu}\p{Ll}+){0,2},\s*\p{Lu}[\p{L}.]*(?:,[^\n]{0,30}?)?\W{0,3}\s*(?:--|—|–|-)\s
      | \p{Lu}\p{Ll}+(?:\s\p{Lu}\p{Ll}+){0,2}\W{0,3}\s*(?:--|—|–|-)\s*(?i:today)\b
      | (?:\d{4}-\d{2}-\d{2}|(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*\.?\s+(?:\d{1,2},?\s+)?\d{4})\W{0,3}\s*(?:--|—|–|-)\s
    )").unwrap()
});

/// Metadata lines of RFCs, KEPs and ADRs.
static OTHER_METADATA: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?im)^\W{0,3}(?:start date|rfc pr|rfc pr #|rust issue|feature name|kep number|owning sig|participating sigs|superseded by|supersedes)\W{0,3}\s*:").unwrap()
});

/// A title naming another kind: "RFC 12: …", "KEP-630", "ADR 0002", "PRD — …".
static OTHER_TITLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\W{0,3}(?:(RFC)|(KEP)|(ADR)|(PRD)|(Design doc(?:ument)?))\b[\s:#-]*").unwrap()
});

/// Detects the kind from the text: a PR/FAQ unless nothing in it is a
/// press release or an FAQ split for its two audiences and at least two
/// sections (or metadata lines) belong to another kind.
pub fn detect(p: &Proposal) -> Verdict {
    let prfaq = Verdict {
        kind: DocKind::Prfaq,
        declared: None,
        evidence: Vec::new(),
    };
    if let Some(why) = press_release_evidence(p) {
        return Verdict {
            evidence: vec![why],
            ..prfaq
        };
    }
    let other = |why: String| Verdict {
        kind: DocKind::Other,
        declared: None,
        evidence: vec![why],
    };
    if is_stub(p) {
        return other("a stub pointing elsewhere".to_string());
    }
    // Release notes of something shipped: a record, not a proposal.
    static RELEASE_NOTES: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\b(?:release notes|changelog|change log|what's new in)\b|发布说明|更新日志|リリースノート|更新履歴|릴리스 노트|versionshinweise|notes de version|notas de (?:la )?versi[oó]n").unwrap()
    });
    if let Some(first) = p.body.sections.iter().find(|s| s.is_heading())
        && RELEASE_NOTES.is_match(&first.heading)
    {
        return other(format!("release notes: '{}'", first.heading));
    }
    if is_faq_page(p) {
        return other("questions and answers with no press release before them".to_string());
    }
    let mut evidence: Vec<String> = Vec::new();
    let mut votes = [0usize; 5];
    for s in p.body.sections.iter().filter(|s| s.is_heading()) {
        static QUALIFIER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\s*\([^)]*\)").unwrap());
        let n = roles::normalise(&s.heading);
        // "Future work: HA clusters" is a "Future work" section, and
        // "Success criteria (measurable)" a "Success criteria" one.
        let unqualified = QUALIFIER.replace_all(&n, "");
        let head = unqualified.split(':').next().unwrap_or(&n).trim();
        for (i, (_, names)) in OTHER_SECTIONS.iter().enumerate() {
            if (names.contains(&n.as_str()) || names.contains(&head))
                && !evidence.contains(&s.heading)
            {
                evidence.push(s.heading.clone());
                votes[i] += 1;
            }
        }
    }
    let metadata = OTHER_METADATA.find_iter(&p.source).count();
    let titled = p
        .body
        .sections
        .iter()
        .find(|s| s.is_heading())
        .and_then(|s| OTHER_TITLE.captures(&s.heading));
    let title_vote = titled
        .as_ref()
        .and_then(|c| (1..=5).find(|&i| c.get(i).is_some()));
    let score = evidence.len() + metadata.min(2) + usize::from(title_vote.is_some()) * 2;
    if score < 2 {
        return prfaq;
    }
    if let Some(i) = title_vote {
        votes[i - 1] += 3;
    }
    if metadata > 0 {
        votes[0] += metadata;
    }
    let best = (0..votes.len())
        .max_by_key(|&i| (votes[i], usize::MAX - i))
        .unwrap_or(4);
    let kind = if votes[best] == 0 {
        DocKind::Other
    } else {
        OTHER_SECTIONS[best].0
    };
    Verdict {
        kind,
        declared: None,
        evidence,
    }
}

/// A help page of questions and answers: an FAQ with at most a line or two
/// before it, no press release and no section of a release (problem,
/// solution, quote, how it works). A PR/FAQ whose press release is missing
/// still says what it announces before its questions.
fn is_faq_page(p: &Proposal) -> bool {
    /// Words before the FAQ that a title and an intro line may take.
    const INTRO_WORDS: usize = 60;
    let before: Vec<_> = p.body.sections.iter().filter(|s| !s.in_faq).collect();
    let release_section = before.iter().any(|s| {
        matches!(
            s.role,
            Role::Problem
                | Role::Solution
                | Role::CustomerQuote
                | Role::LeaderQuote
                | Role::HowItWorks
                | Role::GettingStarted
                | Role::Subheading
        )
    });
    // A document that calls itself a PR/FAQ ("## PRFAQ") is one, however
    // little it says before its questions.
    let calls_itself = p
        .body
        .sections
        .iter()
        .any(|s| roles::is_title_label(&s.heading));
    // It opens as an FAQ: its first heading names one ("Frequently Asked
    // Questions", "FAQ 文档"). A first heading that says what changes for
    // a customer is a PR/FAQ's headline with the release still to write.
    let opens_as_faq = p
        .body
        .sections
        .iter()
        .find(|s| s.is_heading())
        .is_some_and(|s| s.role.is_faq());
    p.body.faqs.len() >= 3
        && opens_as_faq
        && !release_section
        && !calls_itself
        && before.iter().map(|s| s.words).sum::<usize>() < INTRO_WORDS
}

/// A few words that send the reader elsewhere: "Moved to 2071-….md",
/// "This RFC was withdrawn", "Superseded by ADR 4".
fn is_stub(p: &Proposal) -> bool {
    static POINTER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\b(?:moved to|has moved|superseded by|replaced by|withdrawn|see instead|now lives|obsolete)\b").unwrap()
    });
    p.body.words < 40 && POINTER.is_match(&p.source)
}

/// Anything that shows a press release or a PR/FAQ's FAQ: a press-release
/// heading, a dateline or "FOR IMMEDIATE RELEASE", an announcement in the
/// headline or the opening paragraph, a customer or leader quote section,
/// or an FAQ split into external and internal questions.
fn press_release_evidence(p: &Proposal) -> Option<String> {
    let sections = &p.body.sections;
    if let Some(s) = sections.iter().find(|s| {
        let n = roles::normalise(&s.heading);
        (s.role == Role::PressRelease && !roles::is_title_label(&s.heading) && !n.is_empty())
            || matches!(
                s.role,
                Role::CustomerQuote | Role::LeaderQuote | Role::ExternalFaq | Role::InternalFaq
            )
    }) {
        return Some(format!("the section '{}'", s.heading));
    }
    if let Some(f) = p.body.faqs.iter().find(|f| f.kind != FaqKind::General) {
        return Some(format!("the question '{}'", f.question));
    }
    if let Some(s) = sections
        .iter()
        .find(|s| s.role == Role::Headline && !s.in_faq && ANNOUNCES.is_match(&s.heading))
    {
        return Some(format!("the headline '{}'", s.heading));
    }
    // The opening paragraphs of the release.
    let openings = sections
        .iter()
        .filter(|s| !s.in_faq && matches!(s.role, Role::Summary | Role::PressRelease))
        .flat_map(|s| &s.blocks)
        .filter(|b| b.kind == BlockKind::Paragraph)
        .take(3);
    for b in openings {
        let first_sentence = b.text.split(['.', '!', '?']).next().unwrap_or("");
        if crate::proposal::body::is_release_line(&b.text)
            || b.text.contains("FOR IMMEDIATE RELEASE")
            || DATELINE.is_match(&b.text)
            || ANNOUNCEMENT.is_match(first_sentence)
        {
            return Some(format!("the opening '{first_sentence}'"));
        }
    }
    None
}

/// `not-a-prfaq`: one note on a document that is not a PR/FAQ.
pub(crate) fn not_a_prfaq(doc: &Doc) -> Vec<Hit> {
    let v = &doc.kind;
    if v.is_prfaq() {
        return Vec::new();
    }
    let (message, hint) = match &v.declared {
        Some(glob) => (
            format!(
                "{} (wb.yaml declares `{glob}`: {}): the PR/FAQ pattern rules do not judge it",
                v.kind.label(),
                v.kind
            ),
            "to have it judged as a PR/FAQ, declare it `prfaq` under `kinds:` in wb.yaml"
                .to_string(),
        ),
        None => {
            let shown: Vec<String> = v
                .evidence
                .iter()
                .take(4)
                .map(|h| format!("'{h}'"))
                .collect();
            let why = if shown.is_empty() {
                String::new()
            } else {
                format!(", sections {}", shown.join(", "))
            };
            (
                format!(
                    "not a PR/FAQ: this reads as {} (no press release and no external or internal FAQ{why}); the PR/FAQ pattern rules do not judge it",
                    v.kind.label()
                ),
                "if it is a PR/FAQ, give it a '## Press release' and an FAQ, or declare it under \
                 `kinds:` in wb.yaml (`\"path/*.md\": prfaq`); `kinds:` also silences this note for \
                 documents that are meant to be of another kind"
                    .to_string(),
            )
        }
    };
    vec![Hit::new(doc.top(), message, hint)]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::tests::{check_text, check_with, parse};

    const RFC: &str = "- Feature Name: if_let\n- Start Date: 2014-08-26\n\n# Summary\n\nIntroduce a new `if let` construct that everyone will love.\n\n# Motivation\n\nPeople write a seamless match all the time.\n\n# Detailed design\n\nThe API is revolutionary.\n\n# Drawbacks\n\nMore syntax.\n\n# Alternatives\n\nNone.\n\n# Unresolved questions\n\nWhy not?\n";

    #[test]
    fn an_rfc_gets_one_note_and_no_pattern_finding() {
        let f = check_text(RFC);
        let rules: Vec<&str> = f.iter().map(|f| f.rule.as_str()).collect();
        assert_eq!(
            rules.iter().filter(|r| **r == "not-a-prfaq").count(),
            1,
            "{f:#?}"
        );
        assert!(
            rules
                .iter()
                .all(|r| ["not-a-prfaq", "front-matter"].contains(r)),
            "{rules:?}"
        );
        let note = f.iter().find(|f| f.rule == "not-a-prfaq").unwrap();
        assert!(note.message.contains("an RFC"), "{}", note.message);
        assert!(note.message.contains("'Motivation'"), "{}", note.message);
    }

    #[test]
    fn kinds_of_other_documents() {
        let kind = |t: &str| detect(&parse(t)).kind;
        assert_eq!(kind(RFC), DocKind::Rfc);
        assert_eq!(
            kind(
                "# ADR 0002: Session identity\n\n## Status\n\nAccepted.\n\n## Context\n\nWe need it.\n\n## Decision\n\nReuse it.\n\n## Consequences\n\nShared.\n"
            ),
            DocKind::Adr
        );
        assert_eq!(
            kind(
                "# KEP-630: A driver\n\n## Summary\n\nA driver.\n\n## Motivation\n\nWhy.\n\n### Goals\n\n- a\n\n## Design Details\n\nHow.\n\n## Graduation Criteria\n\nWhen.\n"
            ),
            DocKind::Kep
        );
        assert_eq!(
            kind(
                "# PRD — copier\n\n## 1. Problem\n\nTwo hours a month.\n\n## 2. Goals\n\n- g\n\n## 3. Non-goals\n\n- n\n\n## 4. Requirements\n\n- r\n"
            ),
            DocKind::Prd
        );
    }

    #[test]
    fn a_help_page_of_questions_is_no_pr_faq() {
        let kind = |t: &str| detect(&parse(t)).kind;
        let page = "# Frequently asked questions\n\nCommon questions about Tillpoint.\n\n## Refunds\n\n### How do I refund?\n\nOpen the order.\n\n### Can I refund part of an order?\n\nYes.\n\n### Where is my receipt?\n\nIn the email.\n";
        assert_eq!(kind(page), DocKind::Other);
        // A PR/FAQ with its release still to write says so, or says what
        // hurts before its questions.
        let labelled = page.replace(
            "# Frequently asked questions",
            "# Tillpoint PR/FAQ\n\n## Frequently asked questions",
        );
        assert_eq!(kind(&labelled), DocKind::Prfaq);
        let headline = page.replace(
            "# Frequently asked questions",
            "# Shops refund in two minutes\n\n## Frequently asked questions",
        );
        assert_eq!(kind(&headline), DocKind::Prfaq);
    }

    #[test]
    fn release_notes_and_a_spec_are_no_pr_faqs() {
        let kind = |t: &str| detect(&parse(t)).kind;
        assert_eq!(
            kind("# Tillpoint 2.3 release notes\n\n## Fixed\n\n- Refunds no longer stall.\n"),
            DocKind::Other
        );
        assert_eq!(
            kind("# Tillpoint 发布说明\n\n## 核心功能\n\n- 退款\n"),
            DocKind::Other
        );
        assert_eq!(
            kind(
                "# 004 — Partial refunds\n\n## What and why\n\nText.\n\n## Success criteria (measurable)\n\n- 95% same day\n\n## Out of scope\n\n- Cash\n"
            ),
            DocKind::Prd
        );
    }

    #[test]
    fn pr_faqs_stay_pr_faqs() {
        let kind = |t: &str| detect(&parse(t)).kind;
        // A short draft with neither a release nor an FAQ yet.
        assert_eq!(
            kind("# Shops refund in two minutes\n\nText.\n"),
            DocKind::Prfaq
        );
        // Goals and risks, but a dated release.
        assert_eq!(
            kind(
                "# Shops refund in two minutes\n\nSEATTLE, March 15, 2027 -- Text.\n\n## Goals\n\n- g\n\n## Risks and Mitigations\n\nr\n\n## Requirements\n\nq\n"
            ),
            DocKind::Prfaq
        );
        // An announcement in the headline, an FAQ, design-like sections.
        assert_eq!(
            kind(
                "# The Foundation releases its catalog of patterns\n\nIn August 2022 the catalog opened.\n\n## Background\n\nb\n\n## Architecture\n\na\n\n# FAQ\n\n## Is it free?\n\nYes.\n"
            ),
            DocKind::Prfaq
        );
        // A working-backwards RFC: a README instead of a release, and both FAQs.
        assert_eq!(
            kind(
                "# CDK Watch\n\n## Working Backwards\n\n### README\n\nText.\n\n## Public FAQ\n\n### What are we launching today?\n\nA watch mode.\n\n## Internal FAQ\n\n### Why are we doing this?\n\nSpeed.\n\n## Alternatives\n\nNone.\n\n## Drawbacks\n\nSome.\n"
            ),
            DocKind::Prfaq
        );
    }

    #[test]
    fn wb_yaml_declares_kinds_by_glob() {
        let yaml = "kinds:\n  \"*.md\": rfc\n  \"p.md\": prfaq\n";
        let c = crate::config::parse(Path::new("wb.yaml"), yaml).unwrap();
        // p.md is declared a PR/FAQ: judged as one despite its RFC sections.
        let f = check_with(RFC, &c);
        assert!(f.iter().all(|f| f.rule != "not-a-prfaq"), "{f:#?}");
        assert!(f.iter().any(|f| f.rule == "hyperbole-instead-of-specifics"));
        let c = crate::config::parse(Path::new("wb.yaml"), "kinds: { \"*.md\": adr }\n").unwrap();
        let f = check_with(
            "# Shops refund in two minutes\n\nSEATTLE, March 15, 2027 -- A seamless refund.\n",
            &c,
        );
        assert_eq!(
            f.iter().filter(|f| f.rule != "front-matter").count(),
            1,
            "{f:#?}"
        );
        let note = f.iter().find(|f| f.rule == "not-a-prfaq").unwrap();
        assert!(
            note.message.contains("wb.yaml declares `*.md`: adr"),
            "{}",
            note.message
        );
    }

    #[test]
    fn an_unknown_kind_is_refused_with_a_hint() {
        let e = crate::config::parse(Path::new("wb.yaml"), "kinds:\n  \"text/*.md\": rcf\n")
            .unwrap_err();
        assert!(
            e.to_string()
                .starts_with("wb.yaml:2:16: unknown document kind `rcf`"),
            "{e}"
        );
        assert!(e.hint().unwrap().contains("did you mean `rfc`?"), "{e:?}");
        let e = crate::config::parse(Path::new("wb.yaml"), "kinds:\n  \"text/[*.md\": rfc\n")
            .unwrap_err();
        assert!(e.to_string().contains("bad glob"), "{e}");
    }
}
