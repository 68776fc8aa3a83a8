//! The review stage: the one place that puts a proposal together. It takes
//! proposals and the history of their repository (one walk for all of them)
//! and yields, per proposal, its history, its timeline (every version read,
//! parsed, compared and, when asked, checked), its current findings and one
//! [`Overview`]. `wb list`, `wb check`, `wb history` and `wb build` only
//! choose a [`Depth`] and format what comes back.
//!
//! Git is read sequentially (a repository handle is not shared between
//! threads); parsing, comparing and checking run in parallel.

use std::path::Path;

use rayon::prelude::*;
use serde::Serialize;

use crate::check::{self, Counts, Finding};
use crate::circles::{Circles, Reach};
use crate::config::{Config, Meaning};
use crate::error::Result;
use crate::history::{History, PortfolioHistory, RepoState};
use crate::memo::{self, Memo};
use crate::portfolio::Portfolio;
use crate::proposal::{self, ParseOptions, Proposal};
use crate::timeline::{self, Decision, Texts, Timeline};

/// Proposals whose versions are read before they are assembled.
const READ_AHEAD: usize = 32;

/// How much of a proposal to assemble.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Depth {
    /// History, current findings and the overview (`wb list`, `wb check`).
    Current,
    /// Also the timeline: every version read, parsed and compared with the
    /// one before (`wb history`).
    Timeline,
    /// Also every version checked, with the findings each iteration fixed
    /// and introduced (`wb history --check`, `wb build`).
    Checked,
}

/// One proposal, put together.
#[derive(Debug)]
pub struct Assembled<'p> {
    pub proposal: &'p Proposal,
    /// `None` outside a git repository.
    pub history: Option<History>,
    /// At [`Depth::Timeline`] and deeper.
    pub timeline: Option<Timeline>,
    /// What `wb check` says of the proposal as it is now.
    pub findings: Vec<Finding>,
    pub overview: Overview,
}

/// A proposal in one line: what `wb list` prints (and `--format json`
/// serialises, see docs/json.md) and the site's cards and panels show.
#[derive(Debug, Clone, Serialize)]
pub struct Overview {
    pub slug: String,
    pub path: String,
    pub title: String,
    pub status: String,
    pub owner: Option<String>,
    pub customer: Option<String>,
    pub launch_date: Option<String>,
    /// The day it was first written down, where front-matter or a sidecar says.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub created: Option<String>,
    pub tags: Vec<String>,
    pub words: usize,
    /// Committed iterations (0 outside a git repository).
    pub iterations: usize,
    /// Uncommitted changes exist.
    pub working_copy: bool,
    /// Date of the last committed iteration (author date), YYYY-MM-DD.
    pub last_change: Option<String>,
    pub last_reviewer: Option<String>,
    /// Reviewers of committed iterations that no circle of wb.yaml lists,
    /// as `Name <email>`, each once (empty when wb.yaml has no circles).
    pub unlisted_reviewers: Vec<String>,
    pub findings: Counts,
    /// The decision the proposal stands on, when its status decides it:
    /// the commit that moved it there, who decided (`Approved-by:`,
    /// `Decided-by:`) and why (the commit body).
    pub decision: Option<Decision>,
    /// The part the status plays (wb.yaml's `status_meanings`).
    #[serde(skip)]
    pub meaning: Meaning,
    /// The owner's name without the email.
    #[serde(skip)]
    pub owner_name: Option<String>,
    /// The widest review circle any iteration reached, and its name.
    #[serde(skip)]
    pub reach: Reach,
    #[serde(skip)]
    pub reach_name: String,
    /// The file's path in the repository at the last iteration (else as found).
    #[serde(skip)]
    pub repo_path: String,
}

/// The review stage for a set of proposals sharing one configuration.
pub struct Review<'c> {
    source: PortfolioHistory,
    rules: Rules<'c>,
}

/// What assembling needs besides git; shared by the threads that parse,
/// compare and check.
struct Rules<'c> {
    config: &'c Config,
    /// How old versions are read: leniently (a status today's wb.yaml no
    /// longer lists is kept, not refused).
    versions: ParseOptions,
    circles: Circles,
    /// Current findings already known from an earlier run.
    memo: Memo,
}

impl<'c> Review<'c> {
    /// The stage for every proposal of `portfolio`: one walk of the history.
    pub fn open(portfolio: &'c Portfolio) -> Result<Review<'c>> {
        let all: Vec<&Proposal> = portfolio.proposals.iter().collect();
        Review::of(&portfolio.root, portfolio.cfg(), &portfolio.options, &all)
    }

    /// The stage for `proposals` only (all under `root`, all read with
    /// `config`): the history walk looks for these and no others.
    pub fn of(
        root: &Path,
        config: &'c Config,
        options: &'c ParseOptions,
        proposals: &[&Proposal],
    ) -> Result<Review<'c>> {
        let source = PortfolioHistory::for_proposals(root, proposals)?;
        let memo = Memo::open(source.cache_dir().as_deref(), config);
        Ok(Review {
            source,
            rules: Rules {
                config,
                versions: options.lenient(),
                circles: Circles::new(config),
                memo,
            },
        })
    }

    pub fn state(&self) -> &RepoState {
        &self.source.state
    }

    pub fn circles(&self) -> &Circles {
        &self.rules.circles
    }

    pub fn config(&self) -> &Config {
        self.rules.config
    }

    /// The history of `p` as the walk found it (`None` outside a repository).
    pub fn history(&self, p: &Proposal) -> Option<&History> {
        self.source.of(p)
    }

    /// A fingerprint of everything `p`'s current findings depend on (its
    /// text, history and the configuration), as the memo keys it.
    pub fn fingerprint(&self, p: &Proposal) -> String {
        let history = match self.source.state {
            RepoState::NoRepository => None,
            _ => Some(self.source.of(p).cloned().unwrap_or_default()),
        };
        self.rules.memo.key(p, history.as_ref()).text()
    }

    /// Where what a run learns is kept (`.git/wb/`); `None` outside a
    /// repository or with `WB_NO_CACHE`.
    pub fn cache_dir(&self) -> Option<std::path::PathBuf> {
        self.source.cache_dir()
    }

    /// One proposal, assembled to `depth`.
    pub fn assemble<'p>(&self, p: &'p Proposal, depth: Depth) -> Result<Assembled<'p>> {
        let input = self.read(p, depth)?;
        Ok(self.rules.finish(input))
    }

    /// Every proposal of `proposals`, in order: their versions read one after
    /// the other, then assembled in parallel, [`READ_AHEAD`] at a time.
    pub fn assemble_all<'p>(
        &self,
        proposals: impl IntoIterator<Item = &'p Proposal>,
        depth: Depth,
    ) -> Result<Vec<Assembled<'p>>> {
        // A few at a time: the texts read for one chunk are dropped once
        // it is assembled, so memory does not grow with the portfolio.
        let rules = &self.rules;
        let mut proposals = proposals.into_iter();
        let mut out = Vec::new();
        loop {
            let inputs: Vec<Input> = proposals
                .by_ref()
                .take(READ_AHEAD)
                .map(|p| self.read(p, depth))
                .collect::<Result<_>>()?;
            if inputs.is_empty() {
                return Ok(out);
            }
            out.par_extend(inputs.into_par_iter().map(|i| rules.finish(i)));
        }
    }

    /// The part that needs git: the history and the text of every version
    /// the depth asks for.
    fn read<'p>(&self, p: &'p Proposal, depth: Depth) -> Result<Input<'p>> {
        let history = match self.source.state {
            RepoState::NoRepository => None,
            _ => Some(self.source.of(p).cloned().unwrap_or_default()),
        };
        let key = self.rules.memo.key(p, history.as_ref());
        let known = match depth {
            Depth::Current => self.rules.memo.get(key),
            _ => None,
        };
        if known.is_some() {
            return Ok(Input {
                p,
                history,
                texts: None,
                statuses: None,
                depth,
                key,
                known,
            });
        }
        let mut texts = match (&history, depth) {
            (Some(h), Depth::Timeline | Depth::Checked) => Some(Texts::read(&self.source, p, h)),
            (Some(h), Depth::Current) => Some(Texts::first_only(&self.source, p, h)),
            (None, Depth::Current) => None,
            (None, _) => Some(Texts::read(&self.source, p, &History::default())),
        };
        let statuses = match (&history, &mut texts) {
            (Some(h), Some(t))
                if depth == Depth::Current
                    && timeline::decides(&self.rules.config.lifecycle, p.status()) =>
            {
                Some(self.statuses_back(p, h, t))
            }
            _ => None,
        };
        Ok(Input {
            p,
            history,
            texts,
            statuses,
            depth,
            key,
            known: None,
        })
    }

    /// The status of each committed version, read from the newest back to
    /// the first whose status does not decide (the rest stay `None`): what
    /// [`timeline::current_decision`] needs, without reading every version.
    fn statuses_back(&self, p: &Proposal, h: &History, texts: &mut Texts) -> Vec<Option<String>> {
        let committed: Vec<_> = h.committed().collect();
        let mut statuses = vec![None; committed.len()];
        let lifecycle = &self.rules.config.lifecycle;
        for (i, it) in committed.iter().enumerate().rev() {
            let Some(blob) = it.blob.as_deref() else {
                break;
            };
            texts.load(&self.source, p, it, blob);
            // The status as that version had it: read leniently, with the
            // layout (a status folder) laid over it at its own path.
            let Some(status) = texts.version(p, blob, &self.rules.versions).map(|mut v| {
                self.rules.lay_out(p, &mut v, &it.path);
                v.status().to_string()
            }) else {
                break;
            };
            let decides = timeline::decides(lifecycle, &status);
            statuses[i] = Some(status);
            if !decides {
                break;
            }
        }
        statuses
    }
}

impl Rules<'_> {
    /// The part that needs no git: parse, compare, check, sum up.
    fn finish<'p>(&self, input: Input<'p>) -> Assembled<'p> {
        let Input {
            p,
            history,
            texts,
            statuses,
            depth,
            key,
            known: remembered,
        } = input;
        let empty = History::default();
        let known = history.as_ref().unwrap_or(&empty);
        let (timeline, first) = match (depth, texts) {
            (_, None) => (None, None),
            (Depth::Current, Some(t)) => {
                let first = t.first_version(p, known, &self.versions).map(|mut v| {
                    if let Some(it) = known.first() {
                        self.lay_out(p, &mut v, &it.path);
                    }
                    v
                });
                (None, first)
            }
            (_, Some(t)) => {
                let mut timeline = Timeline::build(&t, p, known, &self.versions, &self.circles);
                self.lay_out_timeline(p, &mut timeline);
                if depth == Depth::Checked {
                    timeline.check(self.config, known);
                }
                let first = timeline.first_version().cloned();
                (Some(timeline), first)
            }
        };
        let lifecycle = &self.config.lifecycle;
        let mut timeline = timeline;
        let decision = match (&mut timeline, &statuses, &remembered) {
            (_, _, Some(k)) => k.decision.clone(),
            (Some(t), _, _) => t.decide(lifecycle),
            (None, Some(statuses), _) => {
                let committed: Vec<_> = known.committed().collect();
                timeline::current_decision(&committed, statuses, lifecycle)
            }
            _ => None,
        };
        // The last version checked is the current text: its findings are the
        // proposal's; otherwise (no history, or not checked) check it now.
        let findings = match (
            remembered,
            timeline.as_ref().and_then(|t| t.current_findings(p)),
        ) {
            (Some(k), _) => k.findings,
            (None, Some(f)) => f.to_vec(),
            (None, None) => check::check(
                p,
                &check::Context {
                    config: self.config,
                    history: history.as_ref(),
                    first_version: first.as_ref(),
                },
            ),
        };
        self.memo.put(key, &findings, decision.as_ref());
        let mut overview = overview(p, history.as_ref(), &findings, &self.circles);
        overview.meaning = self.config.lifecycle.meaning(p.status());
        overview.decision = decision;
        Assembled {
            proposal: p,
            history,
            timeline,
            findings,
            overview,
        }
    }
}

impl Rules<'_> {
    /// Does the layout add anything to the document's own text?
    fn has_layout(&self, p: &Proposal) -> bool {
        p.sidecar.is_some() || !self.versions.layout.status_folders.is_empty()
    }

    /// Lays the layout over one old version: today's sidecar values (a
    /// sidecar has no history of its own here) and the status of the folder
    /// the version sat in (`path`, relative to the repository top).
    fn lay_out(&self, p: &Proposal, version: &mut Proposal, path: &str) {
        if self.has_layout(p) {
            proposal::apply_layout(
                version,
                Path::new(path),
                p.sidecar.as_deref(),
                &self.versions,
            );
        }
    }

    /// [`Rules::lay_out`] for every version of the timeline, each at the
    /// path it had at its iteration, and the front-matter changes of each
    /// iteration measured again: a `git mv draft/x.md live/x.md` is then
    /// the status change it is.
    fn lay_out_timeline(&self, p: &Proposal, timeline: &mut Timeline) {
        if !self.has_layout(p) {
            return;
        }
        for i in 0..timeline.steps.len() {
            let path = timeline.steps[i].iteration.path.clone();
            let Some(version) = timeline.steps[i].version.as_mut() else {
                continue;
            };
            self.lay_out(p, version, &path);
            let step = &timeline.steps[i];
            if step.summary.is_none() {
                continue;
            }
            let parent_blob = step.iteration.parent_blob.as_deref();
            // The version before: the nearest earlier step that left it
            // (already laid out, at its own path), else its text read again.
            let parent = parent_blob.map(|blob| {
                let earlier = timeline.steps[..i]
                    .iter()
                    .rev()
                    .find(|s| s.iteration.blob.as_deref() == Some(blob));
                match earlier.and_then(|s| s.version.as_ref()) {
                    Some(v) => Some(v.front.clone()),
                    None => {
                        let text = step.parent_text.clone().unwrap_or_default();
                        proposal::parse(&p.path, text, &self.versions)
                            .ok()
                            .map(|mut v| {
                                let at = earlier
                                    .or(timeline.steps[..i].last())
                                    .map_or(path.as_str(), |s| s.iteration.path.as_str());
                                self.lay_out(p, &mut v, at);
                                v.front
                            })
                    }
                }
            });
            let step = &mut timeline.steps[i];
            let (Some(version), Some(summary)) = (&step.version, step.summary.as_mut()) else {
                continue;
            };
            match parent {
                None => summary.front = crate::diff::front_changes(None, &version.front),
                Some(Some(front)) => {
                    summary.front = crate::diff::front_changes(Some(&front), &version.front)
                }
                Some(None) => {}
            }
        }
    }
}

/// What [`Review::read`] hands to [`Rules::finish`].
struct Input<'p> {
    p: &'p Proposal,
    history: Option<History>,
    texts: Option<Texts>,
    /// At [`Depth::Current`], for a proposal whose status decides it.
    statuses: Option<Vec<Option<String>>>,
    depth: Depth,
    key: memo::Key,
    /// The current findings and decision, when an earlier run knew them.
    known: Option<memo::Known>,
}

impl Drop for Review<'_> {
    /// What this run learnt is kept for the next one.
    fn drop(&mut self) {
        self.rules.memo.save();
    }
}

fn overview(
    p: &Proposal,
    history: Option<&History>,
    findings: &[Finding],
    circles: &Circles,
) -> Overview {
    let committed: Vec<_> = history.map(|h| h.committed().collect()).unwrap_or_default();
    let last = committed.last();
    let reach = circles.widest(committed.iter().flat_map(|i| &i.reviewers));
    Overview {
        slug: p.slug.clone(),
        path: p.path.display().to_string(),
        title: p.title.clone(),
        status: p.status().to_string(),
        owner: p.front.owner.clone(),
        customer: p.front.customer.clone(),
        launch_date: p.front.launch_date.map(|d| d.to_string()),
        created: p.front.created.map(|d| d.to_string()),
        tags: p.front.tags.clone(),
        words: p.body.words,
        iterations: committed.len(),
        working_copy: history.is_some_and(|h| h.iterations.iter().any(|i| i.working)),
        last_change: last.map(|i| i.date.format("%Y-%m-%d").to_string()),
        last_reviewer: committed
            .iter()
            .rev()
            .find_map(|i| i.reviewers.last())
            .map(|r| r.name.clone()),
        unlisted_reviewers: {
            let mut seen = Vec::new();
            for r in committed
                .iter()
                .flat_map(|i| circles.unlisted(&i.reviewers))
            {
                let r = r.to_string();
                if !seen.contains(&r) {
                    seen.push(r);
                }
            }
            seen
        },
        findings: Counts::of(findings),
        decision: None,
        meaning: Meaning::Other,
        owner_name: p.owner_name().map(str::to_string),
        reach,
        reach_name: circles.label(reach).to_string(),
        repo_path: last
            .map(|i| i.path.clone())
            .unwrap_or_else(|| p.path.display().to_string()),
    }
}

/// `wb check`'s targets (files from one or several portfolios, each with
/// its configuration), assembled in their order: one history walk per
/// portfolio, for the targets that live in it.
pub fn assemble_targets(targets: &[check::Target], depth: Depth) -> Result<Vec<Assembled<'_>>> {
    use std::collections::BTreeMap;
    let mut groups: BTreeMap<&Path, Vec<usize>> = BTreeMap::new();
    for (i, t) in targets.iter().enumerate() {
        groups.entry(t.config.root.as_path()).or_default().push(i);
    }
    let mut out: Vec<Option<Assembled>> = targets.iter().map(|_| None).collect();
    for (root, indices) in groups {
        let config = &targets[indices[0]].config.config;
        let options = config.parse_options();
        let refs: Vec<&Proposal> = indices.iter().map(|&i| &targets[i].proposal).collect();
        let review = Review::of(root, config, &options, &refs)?;
        let assembled = review.assemble_all(refs.iter().copied(), depth)?;
        for (i, a) in indices.into_iter().zip(assembled) {
            out[i] = Some(a);
        }
    }
    Ok(out.into_iter().flatten().collect())
}
