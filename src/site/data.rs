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
    /// The page's own Atom feed (a proposal's), relative; the portfolio's
    /// `feed.xml` is linked from every page.
    pub feed: Option<String>,
}

/// Findings by severity (errors, warnings, infos).
pub use crate::check::Counts;
pub use crate::config::Meaning;
pub use crate::review::Overview;

/// One proposal on the portfolio page: its [`Overview`] (slug, title,
/// status, owner, customer, launch date, tags, words, iterations, last
/// change, last reviewer, findings, decision; `slug` is the URL-safe one)
/// and what the row adds. The index holds a row per proposal, so a row
/// carries no more than it shows.
#[derive(Debug, Clone, Serialize)]
pub struct Card {
    #[serde(flatten)]
    pub overview: Overview,
    /// The part the status plays: "new", "in-review", "decided-for",
    /// "decided-against", "launched" or "other" (for styling).
    pub meaning: Meaning,
    /// The owner's name without the email.
    pub owner_name: Option<String>,
    /// The first of `metrics:`, the number the proposal promises to move.
    pub headline_metric: Option<String>,
    /// Link to the proposal page, relative to the site root: "p/<slug>/index.html".
    pub url: String,
    /// The review-progress strip as data wb.js draws: one character per
    /// iteration (see `pages::strip`).
    pub strip: String,
    /// The decision-desk groups the proposal is in, by first letter,
    /// space-separated ("a s" for awaiting and stale), for the table's filter.
    pub desk: String,
}

/// One group of the decision desk: what a leader must look at.
#[derive(Debug, Clone, Serialize)]
pub struct DeskGroup {
    /// "awaiting", "stale", "launching", "errors", "decided".
    pub key: String,
    pub title: String,
    /// What the group holds, in a sentence.
    pub note: String,
    pub count: usize,
    /// The first few, most urgent first.
    pub items: Vec<DeskItem>,
    /// How many more than `items` the group holds.
    pub more: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct DeskItem {
    pub title: String,
    /// Relative to the site root.
    pub url: String,
    pub status: String,
    pub meaning: Meaning,
    /// Why it is here: "in review for 45 days", "launches 2027-03-15, in 40 days".
    pub detail: String,
}

/// A status in the flow chart's legend.
#[derive(Debug, Clone, Serialize)]
pub struct FlowStage {
    pub status: String,
    pub meaning: Meaning,
    /// Proposals in this status now.
    pub count: usize,
    /// Proposals that moved into it in the last 90 days.
    pub entered: usize,
}

/// A colour of the review-progress strip.
#[derive(Debug, Clone, Serialize)]
pub struct LegendEntry {
    /// CSS class: "c0" (author only), "c1" (reviewers no circle lists),
    /// "c2"… (the configured circles, narrowest first).
    pub class: String,
    pub label: String,
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
    /// What waits for a leader: awaiting a decision, stale, launching
    /// soon, open errors, decided lately (empty groups left out).
    pub desk: Vec<DeskGroup>,
    /// `site.stale_days` from wb.yaml.
    pub stale_days: u32,
    /// Inline SVG: proposals by status over time (a cumulative flow).
    pub flow_svg: String,
    /// The statuses the chart shows, in the configured order.
    pub flow: Vec<FlowStage>,
    /// The chart's first and last dates, YYYY-MM-DD.
    pub flow_from: String,
    pub flow_to: String,
    /// The strip's colours.
    pub legend: Vec<LegendEntry>,
    pub total_iterations: usize,
    pub findings: Counts,
    /// Files that could not be read, and other problems of the build.
    pub broken: Broken,
}

/// What the build could not use (`wb build` lists it on the index and
/// exits 2; `--strict` writes no site instead).
#[derive(Debug, Clone, Default, Serialize)]
pub struct Broken {
    /// Files left out of the site: they did not load, or share a slug.
    pub left_out: Vec<BrokenFile>,
    /// Other problems (a source in wb.yaml that matches nothing, a sidecar
    /// value left out): nothing is missing from the site for these.
    pub other: Vec<BrokenFile>,
    /// True when either list has something.
    pub any: bool,
}

/// One problem: where, what, and what to do. Plain text (escaped by
/// handlebars).
#[derive(Debug, Clone, Serialize)]
pub struct BrokenFile {
    /// The file, as wb prints it (relative to where wb runs); empty when
    /// the problem is not about a file.
    pub path: String,
    pub line: Option<usize>,
    pub col: Option<usize>,
    /// `path:line:col`, or just `path`.
    pub location: String,
    pub message: String,
    pub hint: Option<String>,
    /// The message and hint as Markdown rendered safely (`code` in them
    /// shown as code), as findings' hints are.
    pub message_html: String,
    pub hint_html: Option<String>,
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
    /// The hint, rendered from Markdown (wb's own text).
    pub hint_html: String,
    /// Relative link to the rule page from this page.
    pub rule_url: String,
    /// Id of the paragraph concerned on the page ("problem-2"), if any.
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

/// Who decided, when and why.
#[derive(Debug, Clone, Serialize)]
pub struct DecisionView {
    pub status: String,
    pub meaning: Meaning,
    pub from: Option<String>,
    /// Names from the `Approved-by:`/`Decided-by:` trailers (empty: not recorded).
    pub by: Vec<String>,
    /// Who committed it.
    pub recorded_by: String,
    /// The commit body, rendered from Markdown (safe HTML).
    pub why_html: String,
    /// YYYY-MM-DD and ISO 8601.
    pub date: String,
    pub date_iso: String,
    pub iteration: usize,
    pub short: String,
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
    /// Everyone who reviewed an iteration, first review first.
    pub reviewers: Vec<String>,
    pub decision: Option<DecisionView>,
}

/// p/<slug>/index.html
#[derive(Debug, Clone, Serialize)]
pub struct ProposalPage {
    pub site: SiteInfo,
    pub meta: Meta,
    pub toc: Vec<TocEntry>,
    /// The rendered PR/FAQ (see `site::render`); top-level blocks carry ids
    /// by heading name (`problem`, `problem-2`).
    pub body_html: String,
    pub findings: Vec<FindingView>,
    pub counts: Counts,
    /// "history.html".
    pub history_url: String,
    /// Links to every version: ("1", "v/1.html"), …
    pub versions: Vec<Link>,
    /// The printed footer: "iteration 3 of 3, commit abc1234".
    pub print_note: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Link {
    pub label: String,
    pub url: String,
}

/// A front-matter field an iteration changed.
#[derive(Debug, Clone, Serialize)]
pub struct FrontChange {
    pub key: String,
    pub old: Option<String>,
    pub new: Option<String>,
    /// For lists: the items added and removed.
    pub added: Vec<String>,
    pub removed: Vec<String>,
}

/// One iteration on the history page (and a version page's panel).
#[derive(Debug, Clone, Serialize)]
pub struct StepView {
    /// "3" or "working".
    pub label: String,
    pub working: bool,
    /// The first committed iteration (it created the document).
    pub first: bool,
    /// Seven-character commit id ("" for the working copy).
    pub short: String,
    pub commit: Option<String>,
    /// YYYY-MM-DD HH:MM with the author's offset; the day alone.
    pub date: String,
    pub day: String,
    /// ISO 8601, for <time datetime>.
    pub date_iso: String,
    pub author: String,
    /// False when the previous iteration (older) had the same author, so
    /// lists need not repeat it.
    pub new_author: bool,
    pub reviewers: Vec<String>,
    /// This iteration's widest circle, its strip colour ("c2"), and the
    /// widest so far.
    pub circle: String,
    pub circle_class: String,
    pub reach: String,
    pub subject: String,
    /// The commit body, rendered from Markdown: hard wraps joined.
    pub body_html: String,
    pub words: Option<usize>,
    pub words_added: usize,
    pub words_removed: usize,
    /// Section changes, e.g. "Problem: +45 −12", "Internal FAQ: added (+80)".
    pub sections: Vec<String>,
    /// Front-matter fields that changed.
    pub front: Vec<FrontChange>,
    pub questions_added: Vec<String>,
    pub questions_removed: Vec<String>,
    pub questions_edited: Vec<String>,
    /// What changed, as the rendered document: section by section, folded
    /// where nothing changed (history page only).
    pub changes_html: String,
    /// The same word diff as Markdown: the paragraphs changed inside, long
    /// unchanged runs shortened (history page only).
    pub raw_html: String,
    /// Findings this iteration fixed and introduced.
    pub fixed: Vec<FindingView>,
    pub introduced: Vec<FindingView>,
    pub counts: Counts,
    /// "v/3.html" (relative to the history page); None for the working copy
    /// when it is the current page.
    pub version_url: Option<String>,
    /// Set when this version could not be parsed.
    pub error: Option<String>,
    /// Set when this iteration decided the proposal.
    pub decision: Option<DecisionView>,
}

/// p/<slug>/history.html
#[derive(Debug, Clone, Serialize)]
pub struct HistoryPage {
    pub site: SiteInfo,
    pub meta: Meta,
    /// Newest first.
    pub steps: Vec<StepView>,
    /// The committed iterations, oldest first, for the compare pickers.
    pub versions: Vec<Link>,
    /// The history stops at a shallow clone's edge.
    pub truncated: bool,
    /// A note about the repository ("not in a git repository…"), if any.
    pub note: Option<String>,
    /// The authors of every iteration, when there is only one.
    pub sole_author: Option<String>,
}

/// p/<slug>/v/<n>.html: the document itself is drawn by wb.js from
/// `versions.js`; the page holds what is particular to the version.
#[derive(Debug, Clone, Serialize)]
pub struct VersionPage {
    pub site: SiteInfo,
    pub meta: Meta,
    pub step: StepView,
    /// What this version's checks found (hints are on the rule pages);
    /// anchors are the document's ids. Its contents are drawn by wb.js.
    pub findings: Vec<FindingView>,
    /// How many committed iterations the proposal has.
    pub total: usize,
    pub prev: Option<Link>,
    pub next: Option<Link>,
    /// Back to the current proposal page and the history page.
    pub current_url: String,
    pub history_url: String,
    pub print_note: String,
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
    /// The explanation, its headings shifted below the page's one `<h1>`.
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
