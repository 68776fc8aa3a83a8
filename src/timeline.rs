//! A proposal's review timeline: each iteration with the version it left,
//! what it changed (section summary, word diff) and the circle it reached.
//! Reads history as data; git is behind `PortfolioHistory`.

use std::collections::{HashMap, HashSet};

use serde::Serialize;

use crate::check::{self, Finding};
use crate::circles::{Circles, Reach};
use crate::config::{Config, Lifecycle, Meaning};
use crate::diff::{self, Summary, TextDiff};
use crate::history::{History, Iteration, Person, PortfolioHistory};
use crate::proposal::{ParseOptions, Proposal};

/// One iteration and what it did to the document.
#[derive(Debug, Clone, Serialize)]
pub struct Step {
    #[serde(flatten)]
    pub iteration: Iteration,
    /// The widest circle among this iteration's reviewers.
    pub circle: Reach,
    pub circle_name: String,
    /// The widest circle reached by this iteration or any before it.
    pub reach: Reach,
    pub reach_name: String,
    /// This iteration's reviewers that no circle of wb.yaml lists (empty
    /// when wb.yaml configures no circles).
    pub unlisted_reviewers: Vec<Person>,
    /// Words in the document at this iteration.
    pub words: Option<usize>,
    /// What changed against the version before this iteration.
    pub summary: Option<Summary>,
    /// Set when this version of the document could not be parsed.
    pub error: Option<String>,
    /// What is wrong with this version that no rule judges: merge conflict
    /// markers committed by mistake.
    pub warnings: Vec<Warning>,
    /// What `wb check` says of this version (after `Timeline::check`).
    pub findings: Vec<Finding>,
    /// Findings of the version before that this one no longer has.
    pub fixed: Vec<Finding>,
    /// Findings this version has that the one before did not.
    pub introduced: Vec<Finding>,
    /// Set when this iteration is a decision (after [`Timeline::decide`]).
    pub decision: Option<Decision>,
    /// True once [`Timeline::check`] has checked this version.
    #[serde(skip)]
    pub checked: bool,
    #[serde(skip)]
    pub text: String,
    #[serde(skip)]
    pub parent_text: Option<String>,
    #[serde(skip)]
    pub version: Option<Proposal>,
}

impl Step {
    /// The word diff of this iteration against the version before it.
    pub fn diff(&self) -> TextDiff {
        diff::diff_text(self.parent_text.as_deref().unwrap_or(""), &self.text)
    }

    /// A display label: `3` or `working`.
    pub fn label(&self) -> String {
        if self.iteration.working {
            "working".to_string()
        } else {
            self.iteration.n.to_string()
        }
    }
}

/// A problem with one version of the document, at a line of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Warning {
    /// 1-based line in the version's text.
    pub line: usize,
    pub message: String,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Timeline {
    pub steps: Vec<Step>,
    /// The history stops at a shallow clone's edge.
    pub truncated: bool,
}

impl Timeline {
    /// Every iteration named by `history`, with the version it left parsed
    /// and summarised against the version before it. Pure: the texts were
    /// read from git beforehand ([`Texts::read`]).
    pub fn build(
        texts: &Texts,
        p: &Proposal,
        history: &History,
        options: &ParseOptions,
        circles: &Circles,
    ) -> Timeline {
        let mut versions = Versions::default();
        let mut steps = Vec::with_capacity(history.iterations.len());
        let mut reach = Reach::Author;
        for it in &history.iterations {
            let here = versions.load(texts, p, it.blob.as_deref(), options);
            let before = it
                .parent_blob
                .as_deref()
                .map(|b| versions.load(texts, p, Some(b), options));
            // The step owns its version; the parent's is only looked at.
            let (text, version, error) = versions.cache[&here].clone();
            let parent = before.map(|k| &versions.cache[&k]);
            let summary = match (&version, parent) {
                (Some(v), Some((_, Some(pv), _))) => Some(diff::summarize(Some(pv), v)),
                (Some(v), None) => Some(diff::summarize(None, v)),
                _ => None,
            };
            let circle = circles.widest(&it.reviewers);
            reach = reach.max(circle);
            steps.push(Step {
                iteration: it.clone(),
                circle,
                circle_name: circles.label(circle).to_string(),
                reach,
                reach_name: circles.label(reach).to_string(),
                unlisted_reviewers: circles.unlisted(&it.reviewers),
                words: version.as_ref().map(|v| v.body.words),
                summary,
                error,
                warnings: conflict_markers(&text),
                findings: Vec::new(),
                fixed: Vec::new(),
                introduced: Vec::new(),
                decision: None,
                checked: false,
                text,
                parent_text: parent.map(|(t, _, _)| t.clone()),
                version,
            });
        }
        Timeline {
            steps,
            truncated: history.truncated,
        }
    }

    /// Checks every version against the rules and records, per iteration,
    /// which findings it fixed and which it introduced. The git rules see the
    /// history as it stood at that iteration.
    pub fn check(&mut self, config: &Config, history: &History) {
        let first = self.first_version().cloned();
        let mut before: Vec<Finding> = Vec::new();
        // The history as it stood at each step grows by one iteration per
        // step: each iteration is copied once, not once per later step (a
        // proposal with thousands of iterations stays linear).
        let mut so_far = History {
            iterations: Vec::with_capacity(history.iterations.len()),
            truncated: history.truncated,
            code_before: history.code_before.clone(),
        };
        let mut taken = history.iterations.iter();
        for (i, step) in self.steps.iter_mut().enumerate() {
            // Steps and iterations correspond one to one; if a caller ever
            // passes a shorter history, the last step sees all of it.
            while so_far.iterations.len() <= i {
                match taken.next() {
                    Some(it) => so_far.iterations.push(it.clone()),
                    None => break,
                }
            }
            let Some(version) = &step.version else {
                continue;
            };
            let ctx = check::Context {
                config,
                history: Some(&so_far),
                first_version: first.as_ref(),
            };
            let findings = check::check(version, &ctx);
            let keys = |v: &[Finding]| v.iter().map(Finding::key).collect::<HashSet<_>>();
            let (old, new) = (keys(&before), keys(&findings));
            step.fixed = before
                .iter()
                .filter(|f| !new.contains(&f.key()))
                .cloned()
                .collect();
            step.introduced = findings
                .iter()
                .filter(|f| !old.contains(&f.key()))
                .cloned()
                .collect();
            before = findings.clone();
            step.findings = findings;
            step.checked = true;
        }
    }

    /// Marks the iterations that are decisions (see [`Decision`]) and
    /// returns the one the proposal stands on now, if any.
    pub fn decide(&mut self, lifecycle: &Lifecycle) -> Option<Decision> {
        let statuses: Vec<Option<String>> = self
            .steps
            .iter()
            .filter(|s| !s.iteration.working)
            .map(|s| s.version.as_ref().map(|v| v.status().to_string()))
            .collect();
        let current = {
            let committed: Vec<&Iteration> = self
                .steps
                .iter()
                .filter(|s| !s.iteration.working)
                .map(|s| &s.iteration)
                .collect();
            current_decision(&committed, &statuses, lifecycle)
        };
        let committed = self.steps.iter_mut().filter(|s| !s.iteration.working);
        for (i, step) in committed.enumerate() {
            let before = i.checked_sub(1).and_then(|j| statuses[j].as_deref());
            step.decision = statuses[i]
                .as_deref()
                .filter(|now| is_decision(lifecycle, before, now))
                .map(|now| Decision::of(&step.iteration, before, now, lifecycle));
        }
        current
    }

    /// The first committed version, parsed.
    pub fn first_version(&self) -> Option<&Proposal> {
        self.steps
            .iter()
            .find(|s| !s.iteration.working)
            .and_then(|s| s.version.as_ref())
    }

    /// The findings of the last version when it was checked and is `p` as
    /// it is now (its text is the current text).
    pub fn current_findings(&self, p: &Proposal) -> Option<&[Finding]> {
        let last = self.steps.last()?;
        (last.checked && last.text == p.source).then_some(&last.findings[..])
    }

    /// The steps whose version has warnings (conflict markers).
    pub fn warned(&self) -> impl Iterator<Item = &Step> {
        self.steps.iter().filter(|s| !s.warnings.is_empty())
    }

    /// The step labelled `n` (1-based) or `working`.
    pub fn find(&self, label: &str) -> Option<&Step> {
        self.steps.iter().find(|s| s.label() == label)
    }
}

/// Merge conflict markers left in a version: a `<<<<<<<` line, a `=======`
/// line and a `>>>>>>>` line, in that order, at the start of lines and
/// outside fenced code blocks (where a tutorial may show them). A lone
/// `=======` is a setext heading underline and says nothing.
pub fn conflict_markers(text: &str) -> Vec<Warning> {
    fn marker(line: &str, c: char) -> bool {
        let line = line.trim_end_matches('\r');
        let rest = line.trim_start_matches(c);
        line.len() - rest.len() == 7 && (rest.is_empty() || rest.starts_with([' ', '\t']))
    }
    /// The fence a line opens or closes (its character and length).
    fn fence(line: &str) -> Option<(char, usize)> {
        let indent = line.len() - line.trim_start_matches(' ').len();
        let line = &line[indent..];
        let c = line.chars().next().filter(|c| *c == '`' || *c == '~')?;
        let n = line.len() - line.trim_start_matches(c).len();
        (indent <= 3 && n >= 3).then_some((c, n))
    }
    let mut found = Vec::new();
    let mut open_fence: Option<(char, usize)> = None;
    // The line of the `<<<<<<<` being matched, and of its `=======`.
    let mut ours: Option<usize> = None;
    let mut split: Option<usize> = None;
    for (i, line) in text.lines().enumerate() {
        let n = i + 1;
        if let Some((c, len)) = open_fence {
            if fence(line).is_some_and(|(c2, len2)| c2 == c && len2 >= len)
                && line.trim().trim_start_matches(c).is_empty()
            {
                open_fence = None;
            }
            continue;
        }
        if let Some(f) = fence(line) {
            open_fence = Some(f);
            continue;
        }
        if marker(line, '<') {
            (ours, split) = (Some(n), None);
        } else if marker(line, '=') && ours.is_some() {
            split = split.or(Some(n));
        } else if marker(line, '>')
            && let (Some(start), Some(mid)) = (ours, split)
        {
            found.push(Warning {
                line: start,
                message: format!(
                    "merge conflict markers committed: `<<<<<<<` at line {start}, `=======` at line {mid}, `>>>>>>>` at line {n}"
                ),
            });
            (ours, split) = (None, None);
        }
    }
    found
}

/// A decision: the commit that moved the proposal to a status that
/// decides it (one whose meaning is decided for, decided against or
/// launched, by wb.yaml's `status_meanings`). Its `Approved-by:` or
/// `Decided-by:` trailers say who decided; its body says why.
#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
pub struct Decision {
    /// The status the commit moved the proposal to.
    pub status: String,
    /// What that status means: `decided-for`, `decided-against`, `launched`.
    pub meaning: Meaning,
    /// The status before (`None` when the proposal was created decided).
    pub from: Option<String>,
    /// Who decided, from the trailers; empty when the commit names nobody.
    pub by: Vec<Person>,
    /// Why: the commit body, or its subject when it has no body.
    pub why: String,
    /// The commit that recorded it, its author and date, and its iteration.
    pub commit: String,
    pub short: String,
    pub recorded_by: Person,
    pub date: chrono::DateTime<chrono::FixedOffset>,
    pub iteration: usize,
}

impl Decision {
    fn of(it: &Iteration, before: Option<&str>, now: &str, lifecycle: &Lifecycle) -> Decision {
        Decision {
            status: now.to_string(),
            meaning: lifecycle.meaning(now),
            from: before.map(str::to_string),
            by: it.deciders.clone(),
            why: if it.body.trim().is_empty() {
                it.subject.clone()
            } else {
                it.body.clone()
            },
            commit: it.commit.clone().unwrap_or_default(),
            short: it.short.clone(),
            recorded_by: it.author.clone(),
            date: it.date,
            iteration: it.n,
        }
    }
}

/// Does a status decide a proposal?
fn deciding(lifecycle: &Lifecycle, status: &str) -> bool {
    matches!(
        lifecycle.meaning(status),
        Meaning::DecidedFor | Meaning::DecidedAgainst | Meaning::Launched
    )
}

/// Moving from `before` to `now` is a decision: `now` decides and is a
/// change, except launching what was decided for (that carries out the
/// decision taken before).
fn is_decision(lifecycle: &Lifecycle, before: Option<&str>, now: &str) -> bool {
    if !deciding(lifecycle, now) || before == Some(now) {
        return false;
    }
    !(lifecycle.meaning(now) == Meaning::Launched
        && before.is_some_and(|b| lifecycle.meaning(b) == Meaning::DecidedFor))
}

/// The decision a proposal stands on: walking back from its last committed
/// iteration while the status decides, the latest iteration that is a
/// decision. `statuses[i]` is the status of `committed[i]`'s version
/// (`None`: unknown or unreadable); it only needs to be known from the last
/// iteration back to the first one whose status does not decide.
pub fn current_decision(
    committed: &[&Iteration],
    statuses: &[Option<String>],
    lifecycle: &Lifecycle,
) -> Option<Decision> {
    let mut i = committed.len().min(statuses.len()).checked_sub(1)?;
    loop {
        let now = statuses[i].as_deref()?;
        if !deciding(lifecycle, now) {
            return None;
        }
        let before = i.checked_sub(1).and_then(|j| statuses[j].as_deref());
        if is_decision(lifecycle, before, now) {
            return Some(Decision::of(committed[i], before, now, lifecycle));
        }
        i = i.checked_sub(1)?;
    }
}

/// Does `status` decide a proposal (decided for or against, or launched)?
/// [`current_decision`] needs the versions, newest first, up to the first
/// whose status does not.
pub fn decides(lifecycle: &Lifecycle, status: &str) -> bool {
    deciding(lifecycle, status)
}

/// The text of every version a timeline shows, read from git up front so
/// that building the timeline needs no repository.
#[derive(Debug, Default)]
pub struct Texts {
    /// By blob id: the normalised text, or why it could not be read (bytes
    /// that are not UTF-8, a blob missing from a partial clone: marked, not
    /// fatal, since the writer cannot change history).
    by_blob: HashMap<String, std::result::Result<String, String>>,
}

impl Texts {
    /// Every iteration's version and the version before it.
    pub fn read(source: &PortfolioHistory, p: &Proposal, history: &History) -> Texts {
        let mut texts = Texts::default();
        for it in &history.iterations {
            for blob in [it.blob.as_deref(), it.parent_blob.as_deref()]
                .into_iter()
                .flatten()
            {
                texts.load(source, p, it, blob);
            }
        }
        texts
    }

    /// Only the first committed iteration's version (for the rules that ask
    /// what the proposal said when it was first written down).
    pub fn first_only(source: &PortfolioHistory, p: &Proposal, history: &History) -> Texts {
        let mut texts = Texts::default();
        if let Some(it) = history.first()
            && let Some(blob) = it.blob.as_deref()
        {
            texts.load(source, p, it, blob);
        }
        texts
    }

    /// Reads one more version (for the decision walk of `review`).
    pub fn load(&mut self, source: &PortfolioHistory, p: &Proposal, it: &Iteration, blob: &str) {
        if !self.by_blob.contains_key(blob) {
            let read = source.blob_text(p, it, blob).map_err(|e| e.to_string());
            self.by_blob.insert(blob.to_string(), read);
        }
    }

    /// The version `blob`, parsed, if it was read and parses.
    pub fn version(&self, p: &Proposal, blob: &str, options: &ParseOptions) -> Option<Proposal> {
        let text = self.by_blob.get(blob)?.as_ref().ok()?;
        crate::proposal::parse(&p.path, text.clone(), options).ok()
    }

    /// The first committed version, parsed (see [`Texts::first_only`]).
    pub fn first_version(
        &self,
        p: &Proposal,
        history: &History,
        options: &ParseOptions,
    ) -> Option<Proposal> {
        let blob = history.first()?.blob.as_deref()?;
        let text = self.by_blob.get(blob)?.as_ref().ok()?;
        crate::proposal::parse(&p.path, text.clone(), options).ok()
    }
}

/// Parsed versions by blob id, so each is parsed once.
#[derive(Default)]
struct Versions {
    cache: HashMap<String, (String, Option<Proposal>, Option<String>)>,
}

impl Versions {
    /// Reads and parses one version once (`None`: the working copy); its
    /// text, parse and error are then `cache[key]` for the key returned.
    fn load(
        &mut self,
        texts: &Texts,
        p: &Proposal,
        blob: Option<&str>,
        options: &ParseOptions,
    ) -> String {
        let key = blob.unwrap_or("working").to_string();
        if self.cache.contains_key(&key) {
            return key;
        }
        let read = match blob {
            Some(b) => texts
                .by_blob
                .get(b)
                .cloned()
                .unwrap_or_else(|| Err(format!("version {b} was not read"))),
            None => Ok(p.source.clone()),
        };
        let entry = match read {
            Err(e) => (String::new(), None, Some(e)),
            Ok(text) => match crate::proposal::parse(&p.path, text.clone(), options) {
                Ok(v) => (text, Some(v), None),
                Err(e) => (text, None, Some(e.to_string())),
            },
        };
        self.cache.insert(key.clone(), entry);
        key
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::history::Person;

    fn iteration(n: usize, blob: &str, parent: Option<&str>, body: &str) -> Iteration {
        Iteration {
            n,
            commit: Some(format!("{n:040x}")),
            short: format!("{n:07x}"),
            author: Person {
                name: "Jane Doe".into(),
                email: "jane@example.com".into(),
            },
            date: chrono::DateTime::parse_from_rfc3339("2026-01-05T09:00:00Z").unwrap(),
            subject: format!("Iteration {n}"),
            body: body.to_string(),
            reviewers: vec![Person {
                name: "Priya Raman".into(),
                email: "priya@example.com".into(),
            }],
            deciders: Vec::new(),
            path: "proposals/refunds.md".into(),
            blob: Some(blob.to_string()),
            parent_blob: parent.map(str::to_string),
            working: false,
        }
    }

    #[test]
    fn conflict_markers_are_found_outside_code() {
        let text = "# Refunds\n\nIntro.\n<<<<<<< HEAD\nOurs.\n=======\nTheirs.\n>>>>>>> review\n";
        let w = conflict_markers(text);
        assert_eq!(w.len(), 1, "{w:?}");
        assert_eq!(w[0].line, 4);
        assert!(w[0].message.contains("line 6"), "{}", w[0].message);
        assert!(w[0].message.contains("line 8"), "{}", w[0].message);
        // CRLF, and the diff3 style with a base section.
        let crlf = text
            .replace("=======", "||||||| base\nBase.\n=======")
            .replace('\n', "\r\n");
        assert_eq!(conflict_markers(&crlf).len(), 1);
    }

    #[test]
    fn setext_headings_and_code_are_not_conflicts() {
        // A setext heading underlined with exactly seven `=`.
        assert!(conflict_markers("Refunds\n=======\n\nText.\n").is_empty());
        // Markers shown in a fenced code block (a how-to on merging).
        let doc = "# Merging\n\n```text\n<<<<<<< HEAD\nours\n=======\ntheirs\n>>>>>>> b\n```\n";
        assert!(conflict_markers(doc).is_empty());
        let tildes = doc.replace("```", "~~~~");
        assert!(conflict_markers(&tildes).is_empty());
        // Eight characters are not a marker; nor is a marker without its end.
        assert!(conflict_markers("<<<<<<<< a\n=======\n>>>>>>>> b\n").is_empty());
        assert!(conflict_markers("<<<<<<< a\n=======\nno end\n").is_empty());
    }

    /// Thousands of iterations cost time linear in their number: each
    /// step's view of the history so far is not a fresh copy of it (that
    /// was quadratic: 3,000 iterations with long commit messages meant
    /// gigabytes copied, minutes in a debug build).
    #[test]
    fn thousands_of_iterations_stay_linear() {
        const N: usize = 3_000;
        let doc = |n: usize| {
            format!(
                "---\ntitle: Refunds\nstatus: draft\n---\n# Refunds\n\nShops refund by hand, round {n}.\n"
            )
        };
        let options = ParseOptions::default();
        let p =
            crate::proposal::parse(std::path::Path::new("refunds.md"), doc(1), &options).unwrap();
        let mut texts = Texts::default();
        for (blob, n) in [("a", 0), ("b", 1)] {
            texts.by_blob.insert(blob.into(), Ok(doc(n)));
        }
        // A long message per commit, as merges and squashes carry.
        let body = "A reviewer's long note about the refund flow. ".repeat(200);
        let history = History {
            iterations: (0..N)
                .map(|i| {
                    let (blob, parent) = if i % 2 == 0 { ("a", "b") } else { ("b", "a") };
                    iteration(i + 1, blob, (i > 0).then_some(parent), &body)
                })
                .collect(),
            truncated: false,
            code_before: Vec::new(),
        };
        let config = Config::default();
        let circles = Circles::new(&config);
        let start = std::time::Instant::now();
        let mut timeline = Timeline::build(&texts, &p, &history, &options, &circles);
        timeline.check(&config, &history);
        let took = start.elapsed();
        assert_eq!(timeline.steps.len(), N);
        assert!(timeline.steps.iter().all(|s| s.checked));
        // Every version after the first flips the round number back and forth.
        assert!(timeline.steps[1].summary.is_some());
        // Linear takes well under a second in a debug build; the quadratic
        // copy took minutes. The bound leaves room for a busy machine.
        assert!(took.as_secs() < 10, "{N} iterations took {took:?}");
    }
}
