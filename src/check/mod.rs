//! `wb check`: the fourteen patterns of PATTERNS.md as rules, plus the
//! `front-matter` rule, run on one parsed proposal.
//!
//! Rules judge the text a reader sees; front-matter only adds evidence. The
//! two git rules read the proposal's history as plain data (a [`History`]
//! value built by `history`): this module never opens a repository.
//!
//! The [`catalogue`] is the single source for `wb rules`, `wb explain` and the
//! site's rule pages. Each rule lives in a file of its family and has its
//! explanation in `explain/<id>.md`.

mod customer;
mod faq;
mod front_matter;
mod git;
pub mod inputs;
pub mod kind;
mod language;
pub mod options;
mod outcome;
mod problem;
mod scope;
mod suppress;
mod text;

use std::path::PathBuf;

use serde::Serialize;

use crate::config::{Config, Severity};
use crate::history::History;
use crate::proposal::Proposal;

pub use inputs::{Selection, Target, select};
pub use kind::{DocKind, Kinds};
pub use options::RuleOptions;
use text::Doc;

/// One rule of the catalogue.
#[derive(Debug)]
pub struct Rule {
    pub id: &'static str,
    /// The default severity: the pattern's tier (critical: error, high:
    /// warning, medium: info).
    pub severity: Severity,
    pub summary: &'static str,
    /// Markdown: why it matters, what the rule looks at, a bad and a good
    /// example, what it misses.
    pub explanation: &'static str,
    /// True for the rules that read the proposal's git history.
    pub git: bool,
    run: RunFn,
}

type RunFn = fn(&Doc) -> Vec<Hit>;

/// What a rule reports before the configuration and suppressions apply.
#[derive(Debug, Clone)]
pub(crate) struct Hit {
    line: usize,
    col: usize,
    message: String,
    hint: String,
    /// A severity other than the rule's default (front-matter's unknown keys).
    severity: Option<Severity>,
    /// Where and what the finding is about, when the message says more
    /// (counts, lists of reasons) than stays the same while it is unfixed.
    subject: Option<String>,
}

impl Hit {
    fn new(
        (line, col): (usize, usize),
        message: impl Into<String>,
        hint: impl Into<String>,
    ) -> Hit {
        Hit {
            line,
            col,
            message: message.into(),
            hint: hint.into(),
            severity: None,
            subject: None,
        }
    }

    fn severity(mut self, s: Severity) -> Hit {
        self.severity = Some(s);
        self
    }

    /// What the finding is about (its identity across iterations), for a
    /// message that carries counts: "the external FAQ" for "the external
    /// FAQ has 2 questions (at least 5 expected)".
    fn about(mut self, subject: impl Into<String>) -> Hit {
        self.subject = Some(subject.into());
        self
    }
}

macro_rules! rule {
    ($id:literal, $sev:ident, $git:literal, $run:path, $summary:literal) => {
        Rule {
            id: $id,
            severity: Severity::$sev,
            summary: $summary,
            explanation: include_str!(concat!("explain/", $id, ".md")),
            git: $git,
            run: $run,
        }
    };
}

static CATALOGUE: [Rule; 16] = [
    rule!(
        "solution-first-thinking",
        Error,
        false,
        problem::solution_first_thinking,
        "The document starts from a technology or a feature instead of a customer's problem"
    ),
    rule!(
        "missing-problem-paragraph",
        Error,
        false,
        problem::missing_problem_paragraph,
        "No paragraph says what hurts for the customer today"
    ),
    rule!(
        "vague-customer-definition",
        Error,
        false,
        customer::vague_customer_definition,
        "The customer is \"everyone\", \"users\" or \"businesses\" instead of a segment you could interview"
    ),
    rule!(
        "writing-pr-after-building",
        Error,
        true,
        git::writing_pr_after_building,
        "The PR/FAQ was written after the product was built or launched"
    ),
    rule!(
        "internal-jargon-in-pr",
        Error,
        false,
        language::internal_jargon_in_pr,
        "The press release uses engineering words, unexplained acronyms or code names"
    ),
    rule!(
        "faq-avoids-hard-questions",
        Warning,
        false,
        faq::faq_avoids_hard_questions,
        "The internal FAQ skips cost, risk, dependencies, why now, or what we will not do"
    ),
    rule!(
        "hyperbole-instead-of-specifics",
        Warning,
        false,
        language::hyperbole_instead_of_specifics,
        "Superlatives and buzzwords stand where a number or a fact should be"
    ),
    rule!(
        "customer-quote-sounds-fake",
        Warning,
        false,
        customer::customer_quote_sounds_fake,
        "The customer quote reads like marketing copy instead of a person in a situation"
    ),
    rule!(
        "too-many-features",
        Warning,
        false,
        scope::too_many_features,
        "The press release lists many features instead of one compelling benefit"
    ),
    rule!(
        "no-measurable-outcome",
        Warning,
        false,
        outcome::no_measurable_outcome,
        "Nothing says, with a number, how success will be measured"
    ),
    rule!(
        "combining-ideas",
        Warning,
        false,
        scope::combining_ideas,
        "Two proposals, for two products or two customers, share one document"
    ),
    rule!(
        "skipping-the-iteration",
        Info,
        true,
        git::skipping_the_iteration,
        "The document moved past draft without being reviewed and rewritten"
    ),
    rule!(
        "missing-the-date",
        Info,
        false,
        outcome::missing_the_date,
        "The press release has no launch date, a placeholder, or a date that disagrees with launch_date"
    ),
    rule!(
        "faq-too-short",
        Info,
        false,
        faq::faq_too_short,
        "An FAQ is missing, has too few questions, or answers in one line"
    ),
    rule!(
        "front-matter",
        Warning,
        false,
        front_matter::front_matter,
        "Front-matter is missing, lacks a required key, or has keys wb does not know"
    ),
    rule!(
        "not-a-prfaq",
        Info,
        false,
        kind::not_a_prfaq,
        "The document is not a PR/FAQ (an RFC, a KEP, an ADR...): the pattern rules do not judge it"
    ),
];

/// The rules that judge any document, PR/FAQ or not.
const ANY_KIND: &[&str] = &["front-matter", "not-a-prfaq"];

/// The id of the rule that reports `wb-disable` comments that suppressed
/// nothing. It is not a pattern and not in the [`catalogue`], but [`rule`]
/// finds it, so `wb explain`, `check.disable` and `check.severity` accept it.
pub const UNUSED_SUPPRESSION: &str = "unused-suppression";

static UNUSED: Rule = Rule {
    id: UNUSED_SUPPRESSION,
    severity: Severity::Warning,
    summary: "A wb-disable comment names a rule that reported nothing there, or no rule at all",
    explanation: include_str!("explain/unused-suppression.md"),
    git: false,
    run: |_| Vec::new(),
};

/// The fourteen pattern rules in PATTERNS.md order, then `front-matter`
/// and `not-a-prfaq`.
pub fn catalogue() -> &'static [Rule] {
    &CATALOGUE
}

/// A rule by id: one of the [`catalogue`], or `unused-suppression`.
pub fn rule(id: &str) -> Option<&'static Rule> {
    CATALOGUE
        .iter()
        .find(|r| r.id == id)
        .or_else(|| (id == UNUSED_SUPPRESSION).then_some(&UNUSED))
}

impl Rule {
    /// The explanation as `wb explain` and the site show it: option
    /// defaults filled in from their declaration, the options section added.
    pub fn explain(&self) -> String {
        let text = options::fill_defaults(self.id, self.explanation);
        let Some(section) = options::explain_section(self.id) else {
            return text;
        };
        match text.find("## Configuration example\n") {
            Some(i) => format!("{}{section}\n{}", &text[..i], &text[i..]),
            None => format!("{}\n\n{section}", text.trim_end()),
        }
    }
}

/// A rule id known to the catalogue. Read from wb.yaml, an unknown id is an
/// error at its line with a did-you-mean, for every command.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct RuleId(&'static str);

impl RuleId {
    /// The id of a rule [`rule`] knows; `None` otherwise.
    pub fn parse(id: &str) -> Option<RuleId> {
        rule(id).map(|r| RuleId(r.id))
    }

    pub fn as_str(self) -> &'static str {
        self.0
    }
}

impl std::fmt::Display for RuleId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.0)
    }
}

impl<'de> serde::Deserialize<'de> for RuleId {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let id = String::deserialize(d)?;
        RuleId::parse(&id).ok_or_else(|| {
            crate::yaml::error_with_hint(&format!("unknown rule `{id}`"), &did_you_mean(&id))
        })
    }
}

/// Every id [`rule`] accepts, for "did you mean" hints.
pub fn ids() -> Vec<&'static str> {
    CATALOGUE
        .iter()
        .map(|r| r.id)
        .chain([UNUSED_SUPPRESSION])
        .collect()
}

/// One rule's verdict on one place of one proposal.
#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
pub struct Finding {
    pub rule: String,
    pub severity: Severity,
    pub path: PathBuf,
    /// 1-based line and column of the evidence, counted from the top of the file.
    pub line: usize,
    pub col: usize,
    pub message: String,
    pub hint: String,
    /// Where and what the finding is about: the quoted evidence and the
    /// part of the document, never a count (the message, unless the rule
    /// says otherwise).
    #[serde(skip)]
    pub subject: String,
}

impl Finding {
    /// Rule, where and what, without the position or any count: the same
    /// finding in two iterations of a proposal has the same key even if
    /// lines moved or "1 question" became "3 questions", which tells the
    /// findings an iteration fixed from those it introduced.
    pub fn key(&self) -> (String, String) {
        (self.rule.clone(), self.subject.clone())
    }

    /// `path:line:col`
    pub fn location(&self) -> String {
        format!("{}:{}:{}", self.path.display(), self.line, self.col)
    }
}

/// What the rules may read besides the proposal.
pub struct Context<'a> {
    pub config: &'a Config,
    /// The proposal's git history; `None` when there is none (not a
    /// repository, or history not loaded): the git rules then say nothing.
    pub history: Option<&'a History>,
    /// The proposal as parsed at its first iteration.
    pub first_version: Option<&'a Proposal>,
}

/// Runs every enabled rule on `p`: findings sorted by position, severities
/// as configured, suppression comments applied (and unused ones reported).
pub fn check(p: &Proposal, ctx: &Context) -> Vec<Finding> {
    let doc = Doc::new(p, ctx);
    let settings = &ctx.config.check;
    let enabled = |id: &str| !settings.disable.iter().any(|d| d.as_str() == id);
    // `check.severity` wins over a hit's own severity, which wins over the rule's.
    let finding = |rule: &Rule, hit: Hit| Finding {
        rule: rule.id.to_string(),
        severity: settings
            .severity
            .iter()
            .find(|(k, _)| k.as_str() == rule.id)
            .map(|(_, s)| *s)
            .or(hit.severity)
            .unwrap_or(rule.severity),
        path: p.path.clone(),
        line: hit.line,
        col: hit.col,
        subject: hit.subject.unwrap_or_else(|| hit.message.clone()),
        message: hit.message,
        hint: hit.hint,
    };
    // The pattern rules judge PR/FAQs only; another kind of document gets
    // one `not-a-prfaq` note instead.
    let prfaq = doc.kind.is_prfaq();
    let runs = |r: &Rule| enabled(r.id) && (prfaq || ANY_KIND.contains(&r.id));
    let mut findings = Vec::new();
    for rule in CATALOGUE.iter().filter(|r| runs(r)) {
        findings.extend((rule.run)(&doc).into_iter().map(|hit| finding(rule, hit)));
    }
    // Suppressions of rules that could not run (disabled, pattern rules on
    // another kind of document, git rules without history) are neither used
    // nor unused.
    let judged = |id: &str| {
        rule(id).is_some_and(|r| {
            (id == UNUSED_SUPPRESSION || runs(r)) && (!r.git || ctx.history.is_some())
        }) && enabled(id)
    };
    let unused = suppress::apply(p, &mut findings, judged);
    if enabled(UNUSED_SUPPRESSION) {
        findings.extend(unused.into_iter().map(|hit| finding(&UNUSED, hit)));
    }
    findings.sort_by(|a, b| {
        (a.line, a.col, &a.rule, &a.message).cmp(&(b.line, b.col, &b.rule, &b.message))
    });
    findings
}

/// Findings counted by severity.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}

impl Counts {
    pub fn of(findings: &[Finding]) -> Counts {
        let mut c = Counts::default();
        for f in findings {
            c.add(f.severity);
        }
        c
    }

    pub fn add(&mut self, severity: Severity) {
        match severity {
            Severity::Error => self.errors += 1,
            Severity::Warning => self.warnings += 1,
            Severity::Info => self.infos += 1,
        }
    }

    pub fn total(&self) -> usize {
        self.errors + self.warnings + self.infos
    }

    /// True when any finding is at `deny` or above.
    pub fn reaches(&self, deny: Severity) -> bool {
        match deny {
            Severity::Error => self.errors > 0,
            Severity::Warning => self.errors + self.warnings > 0,
            Severity::Info => self.total() > 0,
        }
    }
}

impl std::ops::AddAssign for Counts {
    fn add_assign(&mut self, o: Counts) {
        self.errors += o.errors;
        self.warnings += o.warnings;
        self.infos += o.infos;
    }
}

impl std::fmt::Display for Counts {
    /// "2 errors, 1 warning, 0 infos"
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let plural = |n: usize, word: &str| {
            if n == 1 {
                format!("1 {word}")
            } else {
                format!("{n} {word}s")
            }
        };
        write!(
            f,
            "{}, {}, {}",
            plural(self.errors, "error"),
            plural(self.warnings, "warning"),
            plural(self.infos, "info")
        )
    }
}

/// "did you mean `x`? `wb rules` lists every rule"
pub fn did_you_mean(id: &str) -> String {
    let ids = ids();
    let lower = id.to_lowercase();
    let partial = (lower.len() >= 3)
        .then(|| ids.iter().copied().find(|k| k.starts_with(&lower)))
        .flatten()
        .or_else(|| {
            (lower.len() >= 4)
                .then(|| ids.iter().copied().find(|k| k.contains(&lower)))
                .flatten()
        });
    match partial.or_else(|| crate::portfolio::closest(id, &ids)) {
        Some(c) => format!("did you mean `{c}`? `wb rules` lists every rule"),
        None => "`wb rules` lists every rule".to_string(),
    }
}

#[cfg(test)]
pub(crate) mod tests;
