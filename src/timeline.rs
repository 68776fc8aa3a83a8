//! A proposal's review timeline: each iteration with the version it left,
//! what it changed (section summary, word diff) and the circle it reached.
//! Reads history as data; git is behind `PortfolioHistory`.

use std::collections::{HashMap, HashSet};

use serde::Serialize;

use crate::check::{self, Finding};
use crate::circles::{Circles, Reach};
use crate::config::Config;
use crate::diff::{self, Summary, TextDiff};
use crate::error::Result;
use crate::history::{History, Iteration, PortfolioHistory};
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

#[derive(Debug, Clone, Serialize)]
pub struct Timeline {
    pub steps: Vec<Step>,
    /// The history stops at a shallow clone's edge.
    pub truncated: bool,
}

impl Timeline {
    /// Reads every version of `p` named by `history` and summarises each
    /// iteration against the version before it.
    pub fn build(
        source: &PortfolioHistory,
        p: &Proposal,
        history: &History,
        options: &ParseOptions,
        circles: &Circles,
    ) -> Result<Timeline> {
        let mut versions = Versions::default();
        let mut steps = Vec::with_capacity(history.iterations.len());
        let mut reach = Reach::Author;
        for it in &history.iterations {
            let (text, version, error) =
                versions.get(source, p, it, it.blob.as_deref(), options)?;
            let parent = match &it.parent_blob {
                Some(b) => Some(versions.get(source, p, it, Some(b), options)?),
                None => None,
            };
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
                words: version.as_ref().map(|v| v.body.words),
                summary,
                error,
                findings: Vec::new(),
                fixed: Vec::new(),
                introduced: Vec::new(),
                text,
                parent_text: parent.map(|(t, _, _)| t),
                version,
            });
        }
        Ok(Timeline {
            steps,
            truncated: history.truncated,
        })
    }

    /// Checks every version against the rules and records, per iteration,
    /// which findings it fixed and which it introduced. The git rules see the
    /// history as it stood at that iteration.
    pub fn check(&mut self, config: &Config, history: &History) {
        let first = self
            .steps
            .iter()
            .find(|s| !s.iteration.working)
            .and_then(|s| s.version.clone());
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
        }
    }

    /// The step labelled `n` (1-based) or `working`.
    pub fn find(&self, label: &str) -> Option<&Step> {
        self.steps.iter().find(|s| s.label() == label)
    }
}

/// Parsed versions by blob id, so each is read and parsed once.
#[derive(Default)]
struct Versions {
    cache: HashMap<String, (String, Option<Proposal>, Option<String>)>,
}

impl Versions {
    fn get(
        &mut self,
        source: &PortfolioHistory,
        p: &Proposal,
        it: &Iteration,
        blob: Option<&str>,
        options: &ParseOptions,
    ) -> Result<(String, Option<Proposal>, Option<String>)> {
        let key = blob.unwrap_or("working").to_string();
        if let Some(v) = self.cache.get(&key) {
            return Ok(v.clone());
        }
        // An old version that cannot be read (bytes that are not UTF-8, a
        // blob missing from a partial clone) is marked, not fatal: the
        // writer cannot change history.
        let read = match blob {
            Some(b) => source.blob_text(p, it, b),
            None => Ok(p.source.clone()),
        };
        let (text, version, error) = match read {
            Err(e) => (String::new(), None, Some(e.to_string())),
            Ok(text) => match crate::proposal::parse(&p.path, text.clone(), options) {
                Ok(v) => (text, Some(v), None),
                Err(e) => (text, None, Some(e.to_string())),
            },
        };
        let entry = (text, version, error);
        self.cache.insert(key, entry.clone());
        Ok(entry)
    }
}
