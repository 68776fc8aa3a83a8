//! A proposal's review timeline: each iteration with the version it left,
//! what it changed (section summary, word diff) and the circle it reached.
//! Reads history as data; git is behind `PortfolioHistory`.

use std::collections::{HashMap, HashSet};

use serde::Serialize;

use crate::check::{self, Finding};
use crate::circles::{Circles, Reach};
use crate::config::Config;
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
    /// What `wb check` says of this version (after `Timeline::check`).
    pub findings: Vec<Finding>,
    /// Findings of the version before that this one no longer has.
    pub fixed: Vec<Finding>,
    /// Findings this version has that the one before did not.
    pub introduced: Vec<Finding>,
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
            let (text, version, error) = versions.get(texts, p, it.blob.as_deref(), options);
            let parent = it
                .parent_blob
                .as_deref()
                .map(|b| versions.get(texts, p, Some(b), options));
            let summary = match (&version, &parent) {
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
                findings: Vec::new(),
                fixed: Vec::new(),
                introduced: Vec::new(),
                checked: false,
                text,
                parent_text: parent.map(|(t, _, _)| t),
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
        for (i, step) in self.steps.iter_mut().enumerate() {
            let Some(version) = &step.version else {
                continue;
            };
            let so_far = History {
                iterations: history.iterations
                    [..=i.min(history.iterations.len().saturating_sub(1))]
                    .to_vec(),
                truncated: history.truncated,
                code_before: history.code_before.clone(),
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

    /// The step labelled `n` (1-based) or `working`.
    pub fn find(&self, label: &str) -> Option<&Step> {
        self.steps.iter().find(|s| s.label() == label)
    }
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

    fn load(&mut self, source: &PortfolioHistory, p: &Proposal, it: &Iteration, blob: &str) {
        if !self.by_blob.contains_key(blob) {
            let read = source.blob_text(p, it, blob).map_err(|e| e.to_string());
            self.by_blob.insert(blob.to_string(), read);
        }
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
    /// The text, the parse and the error of one version (`None`: the working copy).
    fn get(
        &mut self,
        texts: &Texts,
        p: &Proposal,
        blob: Option<&str>,
        options: &ParseOptions,
    ) -> (String, Option<Proposal>, Option<String>) {
        let key = blob.unwrap_or("working").to_string();
        if let Some(v) = self.cache.get(&key) {
            return v.clone();
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
        self.cache.insert(key, entry.clone());
        entry
    }
}
