//! The typed data every site template receives. Templates see exactly these
//! fields (serialised with serde); nothing else. Strings are plain text and
//! are escaped by handlebars (`{{x}}`); fields ending in `_html` or `_svg`
//! are produced by wb itself, already safe, and are inserted with `{{{x}}}`.

use serde::Serialize;

/// On every page.
#[derive(Debug, Clone, Serialize)]
pub struct SiteInfo {
    /// `site.title` from wb.yaml.
    pub title: String,
    /// Relative prefix from this page to the site root: "" on index.html,
    /// "../../" on p/<slug>/index.html, "../../../" on p/<slug>/v/<n>.html.
    /// Every link and asset URL is built from it, so the site works from disk
    /// and from any sub-path.
    pub root: String,
    /// When the site was built, e.g. "2026-11-28 15:04 UTC".
    pub generated: String,
    /// wb's version.
    pub version: String,
    /// Live-reload script URL when served by `wb serve`, else None.
    pub live_reload: Option<String>,
}

/// Findings by severity (errors, warnings, infos).
pub use crate::check::Counts;
pub use crate::config::Meaning;
pub use crate::review::Overview;

/// One proposal on the portfolio page: its [`Overview`] (slug, title,
/// status, owner, customer, launch date, tags, words, iterations, last
/// change, last reviewer, findings; `slug` is the URL-safe one) and what
/// the card adds.
#[derive(Debug, Clone, Serialize)]
pub struct Card {
    #[serde(flatten)]
    pub overview: Overview,
    /// The part the status plays: "new", "in-review", "decided-for",
    /// "decided-against", "launched" or "other" (for styling).
    pub meaning: Meaning,
    /// The owner's name without the email.
    pub owner_name: Option<String>,
    /// Widest review circle reached ("author", "team", …).
    pub reach: String,
    /// Link to the proposal page, relative to the site root: "p/<slug>/index.html".
    pub url: String,
    /// Inline SVG: the proposal's iterations over time (a small sparkline).
    pub sparkline_svg: String,
    /// Lower-cased text for the no-JavaScript fallback and data attributes:
    /// title + customer + owner + tags.
    pub search_text: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct FunnelStage {
    pub status: String,
    pub meaning: Meaning,
    pub count: usize,
}

/// index.html
#[derive(Debug, Clone, Serialize)]
pub struct IndexPage {
    pub site: SiteInfo,
    pub cards: Vec<Card>,
    /// Configured statuses in order, for the status filter.
    pub statuses: Vec<String>,
    /// Every tag used, sorted, for the tag filter.
    pub tags: Vec<String>,
    /// Proposals per status, in the configured order.
    pub funnel: Vec<FunnelStage>,
    /// Inline SVG of the funnel (drafts → reviews → approvals → launches,
    /// with shelved and rejected beside).
    pub funnel_svg: String,
    pub total_iterations: usize,
    pub findings: Counts,
    /// Proposals that could not be read: "path:line:col: message".
    pub broken: Vec<String>,
}

/// A finding as shown on a page.
#[derive(Debug, Clone, Serialize)]
pub struct FindingView {
    pub rule: String,
    /// "error" | "warning" | "info".
    pub severity: String,
    pub line: usize,
    pub col: usize,
    pub message: String,
    pub hint: String,
    /// Relative link to the rule page from this page.
    pub rule_url: String,
    /// Anchor of the paragraph concerned on the proposal page ("L12"), if any.
    pub anchor: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct TocEntry {
    /// 1 for the press release / FAQ parts, 2 for sections, 3 for questions.
    pub level: u8,
    pub text: String,
    /// The heading's id on the page.
    pub anchor: String,
}

/// The metadata panel of a proposal: its [`Overview`] (`slug` the URL-safe
/// one, `path` the file's path in the repository) and what the panel adds.
#[derive(Debug, Clone, Serialize)]
pub struct Meta {
    #[serde(flatten)]
    pub overview: Overview,
    pub meaning: Meaning,
    pub metrics: Vec<String>,
    /// Unknown front-matter keys, as "key: value" lines.
    pub extra: Vec<String>,
    pub reach: String,
}

/// p/<slug>/index.html
#[derive(Debug, Clone, Serialize)]
pub struct ProposalPage {
    pub site: SiteInfo,
    pub meta: Meta,
    pub toc: Vec<TocEntry>,
    /// The rendered PR/FAQ (raw HTML escaped, unsafe links dropped); block
    /// elements carry `id="L<line>"` anchors for findings.
    pub body_html: String,
    pub findings: Vec<FindingView>,
    pub counts: Counts,
    /// "history.html".
    pub history_url: String,
    /// Links to every version: ("1", "v/1.html"), …
    pub versions: Vec<Link>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Link {
    pub label: String,
    pub url: String,
}

/// One iteration on the history page.
#[derive(Debug, Clone, Serialize)]
pub struct StepView {
    /// "3" or "working".
    pub label: String,
    pub working: bool,
    /// Seven-character commit id ("" for the working copy).
    pub short: String,
    pub commit: Option<String>,
    /// YYYY-MM-DD HH:MM with the author's offset.
    pub date: String,
    /// ISO 8601, for <time datetime>.
    pub date_iso: String,
    pub author: String,
    pub reviewers: Vec<String>,
    /// This iteration's widest circle, and the widest so far.
    pub circle: String,
    pub reach: String,
    pub subject: String,
    pub body: String,
    pub words: Option<usize>,
    pub words_added: usize,
    pub words_removed: usize,
    /// Section changes, e.g. "problem +45 -12", "internal FAQ added".
    pub sections: Vec<String>,
    /// Front-matter changes, e.g. "status: draft -> review".
    pub front: Vec<String>,
    pub questions_added: Vec<String>,
    pub questions_removed: Vec<String>,
    pub questions_edited: Vec<String>,
    /// The word diff as HTML: changed paragraphs with <ins>/<del>.
    pub diff_html: String,
    /// Findings this iteration fixed and introduced.
    pub fixed: Vec<FindingView>,
    pub introduced: Vec<FindingView>,
    pub counts: Counts,
    /// "v/3.html" (relative to the history page); None for the working copy
    /// when it is the current page.
    pub version_url: Option<String>,
    /// Set when this version could not be parsed.
    pub error: Option<String>,
}

/// p/<slug>/history.html
#[derive(Debug, Clone, Serialize)]
pub struct HistoryPage {
    pub site: SiteInfo,
    pub meta: Meta,
    /// Newest first.
    pub steps: Vec<StepView>,
    /// The history stops at a shallow clone's edge.
    pub truncated: bool,
    /// A note about the repository ("not in a git repository…"), if any.
    pub note: Option<String>,
}

/// p/<slug>/v/<n>.html
#[derive(Debug, Clone, Serialize)]
pub struct VersionPage {
    pub site: SiteInfo,
    pub meta: Meta,
    pub step: StepView,
    pub body_html: String,
    pub toc: Vec<TocEntry>,
    pub prev: Option<Link>,
    pub next: Option<Link>,
    /// Back to the current proposal page and the history page.
    pub current_url: String,
    pub history_url: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct RuleView {
    pub id: String,
    pub severity: String,
    pub summary: String,
    /// "rules/<id>.html" relative to the current page.
    pub url: String,
}

/// rules/<id>.html and rules/index.html
#[derive(Debug, Clone, Serialize)]
pub struct RulePage {
    pub site: SiteInfo,
    pub rule: RuleView,
    pub explanation_html: String,
    /// Every rule, for navigation.
    pub rules: Vec<RuleView>,
    /// Proposals that currently have a finding of this rule.
    pub proposals: Vec<Link>,
}

#[derive(Debug, Clone, Serialize)]
pub struct RulesIndexPage {
    pub site: SiteInfo,
    pub rules: Vec<RuleView>,
}
