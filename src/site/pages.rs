//! Every page of the site, built from typed data and rendered in parallel.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use rayon::prelude::*;
use serde::Serialize;

use super::cache::{self, PageCache, Summary};
use super::data::*;
use super::render::{self, Rendered};
use super::store::Store;
use super::write::{File, Staging};
use super::{BuildOptions, diffview, feed, svg};
use crate::check::{self, Finding};
use crate::circles::Reach;
use crate::diff::BlockChange;
use crate::error::{Diagnostic, Error, Result};
use crate::history::History;
use crate::portfolio::Portfolio;
use crate::proposal::{self, Proposal};
use crate::review::{Depth, Overview, Review};
use crate::templates;
use crate::timeline::{Decision, Step, Timeline};

pub struct Output {
    pub pages: usize,
    pub iterations: usize,
    pub findings: check::Counts,
    /// What to keep for the next build, once this one is in place.
    kept: Option<(PageCache, cache::Entries)>,
}

impl Output {
    /// Keeps the pages this build wrote for the next one: call it once
    /// the new site is in place.
    pub fn remember(mut self) {
        if let Some((cache, kept)) = self.kept.take() {
            cache.save(kept);
        }
    }
}

/// One proposal with everything its pages need.
struct Item<'a> {
    p: &'a Proposal,
    /// The slug used in URLs and file names (safe even if the file name is not).
    slug: String,
    history: History,
    timeline: Timeline,
    findings: Vec<Finding>,
    overview: Overview,
}

/// What is kept of one proposal once its pages are written: what the
/// index, the desk, the rule pages, the feed and the search need.
struct Row<'a> {
    p: &'a Proposal,
    slug: String,
    /// The key its pages were written under (see `page_key`).
    key: String,
    overview: Overview,
    /// The rules its current findings come from.
    rules: BTreeSet<String>,
    summary: Summary,
}

/// Proposals assembled, rendered and written at a time: what memory holds
/// beyond the summaries (a proposal of 20 iterations holds a few MB while
/// its pages are made).
const CHUNK: usize = 8;

/// Builds every page into `staging`: each proposal's pages as soon as it is
/// assembled (in parallel), after which only its [`Row`] is kept; then the
/// index, the rule pages, the feed, the search index and the assets. A
/// proposal whose pages the last build wrote under the same key (see
/// [`cache`](super::cache)) takes them over from the site being replaced
/// and is assembled only to [`Depth::Current`] (its findings remembered).
pub fn all(portfolio: &Portfolio, opts: &BuildOptions, staging: &Staging) -> Result<Output> {
    let review = Review::open(portfolio)?;
    let slugs = site_slugs(&portfolio.proposals);
    let total = portfolio.proposals.len();
    let (hb, templates_key) = registry(&portfolio.root)?;
    let generated = chrono::Utc::now();
    let site = |root: &str| SiteInfo {
        title: portfolio.cfg().site.title.clone(),
        root: root.to_string(),
        generated: String::new(),
        version: env!("CARGO_PKG_VERSION").to_string(),
        live_reload: opts.live_reload.as_ref().map(|u| format!("{root}{u}")),
        feed: None,
    };
    let note = review.state().note().map(str::to_string);
    let pages = proposal_pages(&portfolio.proposals, &slugs, "../../");
    let ctx = Ctx {
        hb: &hb,
        site: &site,
        note,
        pages,
        circles: review.circles(),
        base_url: portfolio.cfg().site.base_url.clone(),
    };
    let site_key = {
        let mut pages: Vec<(&String, &String)> = ctx.pages.iter().collect();
        pages.sort();
        let shown = (ctx.site)("");
        cache::key(&[
            &crate::memo::binary_key(),
            &shown.title,
            &shown.version,
            &opts.live_reload,
            &ctx.note,
            &ctx.base_url,
            &templates_key,
            &pages,
        ])
    };
    let mut cache = PageCache::open(
        review.cache_dir().as_deref(),
        site_key,
        staging.out(),
        staging.previous_is_ours(),
    );
    let mut rows: Vec<Row> = Vec::with_capacity(total);
    let mut done = 0;
    let mut all_pages = 0;
    for (chunk, chunk_slugs) in portfolio.proposals.chunks(CHUNK).zip(slugs.chunks(CHUNK)) {
        let keys: Vec<String> = chunk
            .iter()
            .zip(chunk_slugs)
            .map(|(p, slug)| page_key(&review, p, slug))
            .collect();
        // Pages the last build wrote under the same key, taken over.
        let known: Vec<Option<Summary>> = chunk_slugs
            .iter()
            .zip(&keys)
            .map(|(slug, key)| cache.take(slug, key))
            .collect();
        let reused: Vec<Option<Summary>> = known
            .into_par_iter()
            .map(|known| reuse(staging, known?))
            .collect();
        let (hits, misses): (Vec<usize>, Vec<usize>) =
            (0..chunk.len()).partition(|&i| reused[i].is_some());
        let mut reused = reused;
        let current = review.assemble_all(hits.iter().map(|&i| &chunk[i]), Depth::Current)?;
        let checked = review.assemble_all(misses.iter().map(|&i| &chunk[i]), Depth::Checked)?;
        let written: Vec<Result<(Row, usize)>> = checked
            .into_par_iter()
            .zip(misses.par_iter())
            .map(|(a, &i)| {
                let item = Item {
                    p: a.proposal,
                    slug: chunk_slugs[i].clone(),
                    history: a.history.unwrap_or_default(),
                    timeline: a.timeline.unwrap_or_default(),
                    findings: a.findings,
                    overview: a.overview,
                };
                let (files, search) = proposal_files(&ctx, &item)?;
                let mut stamps = Vec::with_capacity(files.len());
                for f in files {
                    stamps.push((f.path.clone(), staging.write(&f.path, &f.contents)?));
                }
                let mut feed = feed_entries(std::slice::from_ref(&item), None);
                feed.sort_by_key(|e| std::cmp::Reverse(e.date));
                feed.truncate(feed::MAX_ENTRIES);
                let summary = Summary {
                    strip: strip(&item),
                    status_changes: status_changes(&item),
                    feed,
                    search,
                    files: stamps,
                };
                Ok((
                    row(item.p, item.slug, item.overview, &item.findings, summary),
                    i,
                ))
            })
            .collect();
        let mut in_chunk: Vec<Option<Row>> = (0..chunk.len()).map(|_| None).collect();
        for r in written {
            let (row, i) = r?;
            in_chunk[i] = Some(row);
        }
        for (a, &i) in current.into_iter().zip(&hits) {
            let summary = reused[i].take().unwrap_or_else(|| unreachable!());
            in_chunk[i] = Some(row(
                a.proposal,
                chunk_slugs[i].clone(),
                a.overview,
                &a.findings,
                summary,
            ));
        }
        for (mut row, key) in in_chunk.into_iter().flatten().zip(keys) {
            row.key = key;
            all_pages += row
                .summary
                .files
                .iter()
                .filter(|(f, _)| f.ends_with(".html"))
                .count();
            rows.push(row);
        }
        done += chunk.len();
        if let Some(progress) = &opts.progress {
            progress(done, total);
        }
    }

    let mut rule_search: Vec<SearchEntry> = Vec::new();
    let today = generated.date_naive();
    let mut index = index_page(&ctx, &rows, portfolio, today);
    // The one date that changes with every build.
    index.site.generated = generated.format("%Y-%m-%d %H:%M UTC").to_string();
    let mut files = vec![page(&hb, "index", "index.html", &index)?];
    files.extend(rule_files(&ctx, &rows, &mut rule_search)?);
    files.push(File {
        path: "feed.xml".into(),
        contents: feed::atom(
            &format!("{}: review iterations", portfolio.cfg().site.title),
            ctx.base_url.as_deref(),
            "",
            rows.iter()
                .flat_map(|r| r.summary.feed.iter().cloned())
                .collect(),
        )
        .into_bytes(),
    });
    files.push(File {
        path: "search.js".into(),
        contents: search_js(
            &rows
                .iter()
                .map(|r| &r.summary.search)
                .chain(&rule_search)
                .collect::<Vec<_>>(),
        ),
    });
    for asset in templates::site_assets(&portfolio.root)? {
        files.push(File {
            path: format!("assets/{}", asset.0),
            contents: asset.1,
        });
    }
    for f in &files {
        staging.write(&f.path, &f.contents)?;
    }
    all_pages += files.iter().filter(|f| f.path.ends_with(".html")).count();
    let mut counts = check::Counts::default();
    for r in &rows {
        counts += r.overview.findings;
    }
    let iterations = rows.iter().map(|r| r.overview.iterations).sum();
    let kept: cache::Entries = rows
        .into_iter()
        .map(|r| (r.slug, (r.key, r.summary)))
        .collect();
    Ok(Output {
        pages: all_pages,
        iterations,
        findings: counts,
        kept: Some((cache, kept)),
    })
}

fn row<'a>(
    p: &'a Proposal,
    slug: String,
    overview: Overview,
    findings: &[Finding],
    summary: Summary,
) -> Row<'a> {
    Row {
        p,
        slug,
        key: String::new(),
        overview,
        rules: findings.iter().map(|f| f.rule.clone()).collect(),
        summary,
    }
}

/// The key of one proposal's pages: what its findings depend on, its slug
/// and the working copy's date (its pages show it).
fn page_key(review: &Review, p: &Proposal, slug: &str) -> String {
    let working: Vec<String> = review
        .history(p)
        .map(|h| {
            h.iterations
                .iter()
                .filter(|i| i.working)
                .map(|i| i.date.to_rfc3339())
                .collect()
        })
        .unwrap_or_default();
    cache::key(&[&review.fingerprint(p), &slug, &p.slug, &working])
}

/// Takes over the files of a proposal's pages from the site being
/// replaced; `None` (render them again) if any is missing or changed.
fn reuse(staging: &Staging, known: Summary) -> Option<Summary> {
    let mut files = Vec::with_capacity(known.files.len());
    for (path, stamp) in &known.files {
        match staging.reuse(path, *stamp) {
            Some(new) => files.push((path.clone(), new)),
            None => {
                for (path, _) in &files {
                    staging.remove(path);
                }
                return None;
            }
        }
    }
    Some(Summary { files, ..known })
}

struct Ctx<'a> {
    hb: &'a Templates,
    site: &'a (dyn Fn(&str) -> SiteInfo + Sync),
    note: Option<String>,
    /// Every proposal's page, relative to a proposal's folder (`p/<slug>/`).
    pages: render::Pages,
    circles: &'a crate::circles::Circles,
    base_url: Option<String>,
}

/// Safe, unique slugs for URLs: the proposal's slug when it is safe, else
/// a transliterated one. Unique ignoring case (on macOS and Windows `p/x/`
/// and `p/X/` are one folder), never a device name Windows reserves
/// (`CON`, `nul`, `COM1`), never ending in a dot; a clash gets `-2`, `-3`.
fn site_slugs(proposals: &[Proposal]) -> Vec<String> {
    let mut used = BTreeSet::new();
    proposals
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let mut s = if proposal::is_valid_slug(&p.slug) {
                p.slug.clone()
            } else {
                proposal::slugify(&p.slug)
            };
            while s.ends_with('.') {
                s.pop();
            }
            if s.is_empty() {
                s = format!("proposal-{}", i + 1);
            }
            if proposal::is_reserved_name(&s) {
                let dot = s.find('.').unwrap_or(s.len());
                s.insert_str(dot, "-proposal");
            }
            let base = s.clone();
            let mut n = 1;
            while !used.insert(s.to_ascii_lowercase()) {
                n += 1;
                s = format!("{base}-{n}");
            }
            s
        })
        .collect()
}

/// The site's templates, registered, and the file each came from (an
/// override in `.wb/templates/`, or the built-in one), for errors.
pub(crate) struct Templates {
    hb: handlebars::Handlebars<'static>,
    origins: std::collections::HashMap<&'static str, std::path::PathBuf>,
}

/// The site's templates, and a key of their text (pages depend on it).
fn registry(root: &std::path::Path) -> Result<(Templates, String)> {
    let mut hb = handlebars::Handlebars::new();
    let mut origins = std::collections::HashMap::new();
    let mut texts = Vec::new();
    hb.set_strict_mode(true);
    for name in templates::SITE_TEMPLATES {
        let source =
            templates::template(root, &format!("site/{name}.html.hbs"))?.ok_or_else(|| {
                Error::output(
                    std::path::Path::new(&format!("site/{name}.html.hbs")),
                    "a built-in template is missing",
                    "this is a bug in wb; please report it",
                )
            })?;
        texts.push(source.text.clone());
        origins.insert(*name, source.origin.clone());
        hb.register_template_string(name, &source.text)
            .map_err(|e| {
                let d = Diagnostic::new(&source.origin, format!("template error: {}", e.reason()))
                    .hint("fix the template, or delete the override to use the built-in one");
                Error::from(match e.pos() {
                    Some((l, c)) => d.at(l, c),
                    None => d,
                })
            })?;
    }
    Ok((Templates { hb, origins }, cache::key(&[&texts])))
}

fn page(templates: &Templates, template: &str, path: &str, data: &impl Serialize) -> Result<File> {
    let html = templates.hb.render(template, data).map_err(|e| {
        let origin = templates
            .origins
            .get(template)
            .cloned()
            .unwrap_or_else(|| format!("site/{template}.html.hbs").into());
        templates::render_error(&origin, &e)
    })?;
    Ok(File {
        path: path.to_string(),
        contents: html.into_bytes(),
    })
}

fn finding_view(f: &Finding, root: &str, rendered: Option<&Rendered>) -> FindingView {
    FindingView {
        rule: f.rule.clone(),
        severity: f.severity.to_string(),
        line: f.line,
        col: f.col,
        message: f.message.clone(),
        hint_html: render::inline(&f.hint),
        rule_url: format!("{root}rules/{}.html", f.rule),
        anchor: rendered.and_then(|r| r.anchor_for(f.line)),
    }
}

fn decision_view(d: &Decision) -> DecisionView {
    DecisionView {
        status: d.status.clone(),
        meaning: d.meaning,
        from: d.from.clone(),
        by: d.by.iter().map(|p| p.name.clone()).collect(),
        recorded_by: d.recorded_by.name.clone(),
        why_html: render::fragment(&d.why, &render::no_pages()),
        date: d.date.format("%Y-%m-%d").to_string(),
        date_iso: d.date.to_rfc3339(),
        iteration: d.iteration,
        short: d.short.clone(),
    }
}

/// The overview as the site shows it: the URL-safe slug, the file's path
/// in the repository.
fn site_overview(overview: &Overview, slug: &str) -> Overview {
    let mut o = overview.clone();
    o.slug = slug.to_string();
    o.path = o.repo_path.clone();
    o
}

fn meta(item: &Item) -> Meta {
    let p = item.p;
    let mut reviewers: Vec<String> = Vec::new();
    for it in item.history.committed() {
        for r in &it.reviewers {
            if !reviewers.contains(&r.name) {
                reviewers.push(r.name.clone());
            }
        }
    }
    Meta {
        overview: site_overview(&item.overview, &item.slug),
        meaning: item.overview.meaning,
        metrics: p.front.metrics.clone(),
        extra: p
            .front
            .extra
            .iter()
            .map(|(k, v)| match v {
                serde_json::Value::String(s) => format!("{k}: {s}"),
                v => format!("{k}: {v}"),
            })
            .collect(),
        reach: item.overview.reach_name.clone(),
        reviewers,
        decision: item.overview.decision.as_ref().map(decision_view),
    }
}

/// URLs of every proposal page, relative to a page `prefix` below the root.
fn proposal_pages(proposals: &[Proposal], slugs: &[String], prefix: &str) -> render::Pages {
    std::sync::Arc::new(
        proposals
            .iter()
            .zip(slugs)
            .map(|(p, slug)| (p.slug.clone(), format!("{prefix}p/{slug}/index.html")))
            .collect(),
    )
}

/// What one iteration shows, computed once for the history page and the
/// version page: the rendered version and the two views of its diff.
struct Shown {
    rendered: Option<Rendered>,
    changes_html: String,
    raw_html: String,
}

fn show(step: &Step, first: bool, pages: &render::Pages) -> Shown {
    let rendered = step.version.as_ref().map(|v| render::render(v, pages));
    let (changes_html, raw_html) = if first {
        (String::new(), String::new())
    } else if step.error.is_some() {
        // Nothing to render: the raw diff says what happened to the text.
        let d = crate::diff::diff_text(step.parent_text.as_deref().unwrap_or(""), &step.text);
        let raw = diffview::raw(&d);
        (format!("<div class=\"diff-raw\">{raw}</div>"), raw)
    } else {
        let parent = step.parent_text.as_deref().unwrap_or("");
        let d = crate::diff::diff_text(parent, &step.text);
        (
            diffview::rendered(&d, parent, &step.text, pages),
            diffview::raw_short(&d),
        )
    };
    Shown {
        rendered,
        changes_html,
        raw_html,
    }
}

/// What the search finds in a proposal: its title and each section's
/// text under the section's id.
#[derive(Clone, Serialize, serde::Deserialize)]
pub(super) struct SearchEntry {
    /// "p" (proposal) or "r" (rule).
    k: String,
    t: String,
    /// Relative to the site root.
    u: String,
    /// Status (proposals) or severity (rules).
    s: String,
    /// Sections: [id, heading and text].
    x: Vec<(String, String)>,
    /// Tags (proposals), for the portfolio's tag filter.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    g: Vec<String>,
}

/// Most characters of text one proposal puts into the search index.
const SEARCH_TEXT: usize = 12_000;

fn search_entry(item: &Item, rendered: &Rendered) -> SearchEntry {
    let p = item.p;
    let mut x = Vec::new();
    let mut budget = SEARCH_TEXT;
    let head = [
        p.front.customer.as_deref().unwrap_or(""),
        p.front.owner.as_deref().unwrap_or(""),
        &p.front.tags.join(" "),
        &p.front.metrics.join(" "),
    ]
    .join(" ");
    x.push((String::new(), head.trim().to_string()));
    for s in &p.body.sections {
        if budget == 0 {
            break;
        }
        let mut text = format!("{} {}", s.heading, s.text());
        text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        if text.len() > budget {
            let cut = (0..=budget)
                .rev()
                .find(|&k| text.is_char_boundary(k))
                .unwrap_or(0);
            text.truncate(cut);
        }
        budget -= text.len();
        let id = rendered.anchor_for(s.line).unwrap_or_default();
        x.push((id, text));
    }
    for f in &p.body.faqs {
        if budget == 0 {
            break;
        }
        let text = format!("{} {}", f.question, f.answer);
        let text: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
        let text: String = text.chars().take(budget).collect();
        budget = budget.saturating_sub(text.len());
        x.push((rendered.anchor_for(f.line).unwrap_or_default(), text));
    }
    SearchEntry {
        k: "p".into(),
        t: p.title.clone(),
        u: format!("p/{}/index.html", item.slug),
        s: p.status().to_string(),
        x,
        g: p.front.tags.clone(),
    }
}

fn proposal_files(ctx: &Ctx, item: &Item) -> Result<(Vec<File>, SearchEntry)> {
    let mut files = Vec::new();
    let base = format!("p/{}", item.slug);
    let meta = meta(item);
    let root = "../../";
    let steps = &item.timeline.steps;
    let committed: Vec<usize> = (0..steps.len())
        .filter(|&i| !steps[i].iteration.working)
        .collect();
    let first = committed.first().copied();
    let shown: Vec<Shown> = steps
        .iter()
        .enumerate()
        .map(|(i, s)| show(s, Some(i) == first, &ctx.pages))
        .collect();
    let total = committed.len();
    let print_note = |label: &str, short: &str| {
        if short.is_empty() {
            "working copy, not committed".to_string()
        } else {
            format!("iteration {label} of {total}, commit {short}")
        }
    };

    // The current proposal: the last version's rendering when it is the
    // current text (it is, unless the working copy differs).
    let last = steps.last();
    let reuse = last
        .zip(shown.last())
        .filter(|(s, _)| s.text == item.p.source)
        .and_then(|(_, sh)| sh.rendered.as_ref());
    let own;
    let rendered = match reuse {
        Some(r) => r,
        None => {
            own = render::render(item.p, &ctx.pages);
            &own
        }
    };
    let versions: Vec<Link> = committed
        .iter()
        .map(|&i| Link {
            label: steps[i].label(),
            url: format!("v/{}.html", steps[i].label()),
        })
        .collect();
    let last_committed = committed.last().map(|&i| &steps[i].iteration);
    let current_note = match (last_committed, item.overview.working_copy) {
        (Some(it), false) => print_note(&it.n.to_string(), &it.short),
        (Some(it), true) => format!(
            "working copy after iteration {} of {total}, commit {}",
            it.n, it.short
        ),
        (None, _) => print_note("", ""),
    };
    let mut site = (ctx.site)(root);
    site.feed = Some("feed.xml".into());
    let data = ProposalPage {
        site: site.clone(),
        meta: meta.clone(),
        toc: rendered.toc.clone(),
        body_html: rendered.html.clone(),
        findings: item
            .findings
            .iter()
            .map(|f| finding_view(f, root, Some(rendered)))
            .collect(),
        counts: Counts::of(&item.findings),
        history_url: "history.html".into(),
        versions: versions.clone(),
        print_note: current_note,
    };
    files.push(page(
        ctx.hb,
        "proposal",
        &format!("{base}/index.html"),
        &data,
    )?);
    let search = search_entry(item, rendered);

    // History, newest first.
    let views: Vec<StepView> = steps
        .iter()
        .enumerate()
        .map(|(i, s)| step_view(s, &shown[i], i, steps, root, true, Some(i) == first))
        .collect();
    let mut authors: Vec<&str> = steps
        .iter()
        .map(|s| s.iteration.author.name.as_str())
        .collect();
    authors.dedup();
    let data = HistoryPage {
        site: site.clone(),
        meta: meta.clone(),
        steps: views.into_iter().rev().collect(),
        versions: versions.clone(),
        truncated: item.timeline.truncated,
        note: ctx.note.clone(),
        sole_author: (authors.len() == 1 && steps.len() > 1).then(|| authors[0].to_string()),
    };
    files.push(page(
        ctx.hb,
        "history",
        &format!("{base}/history.html"),
        &data,
    )?);

    // Every committed version: its page, and its blocks in the store.
    let vroot = "../../../";
    let mut store = Store::default();
    for (k, &i) in committed.iter().enumerate() {
        let s = &steps[i];
        let sh = &shown[i];
        match &sh.rendered {
            Some(r) => store.add(&s.label(), &r.blocks),
            None => store.add(
                &s.label(),
                &[format!(
                    "<pre class=\"unreadable\">{}</pre>",
                    render::escape(&s.text)
                )],
            ),
        }
        let link = |s: &Step| Link {
            label: s.label(),
            url: format!("{}.html", s.label()),
        };
        let data = VersionPage {
            site: (ctx.site)(vroot),
            meta: meta.clone(),
            step: step_view(s, sh, i, steps, vroot, false, Some(i) == first),
            findings: s
                .findings
                .iter()
                .map(|f| finding_view(f, vroot, sh.rendered.as_ref()))
                .collect(),
            total,
            prev: k.checked_sub(1).map(|j| link(&steps[committed[j]])),
            next: committed.get(k + 1).map(|&j| link(&steps[j])),
            current_url: "../index.html".into(),
            history_url: "../history.html".into(),
            print_note: print_note(&s.label(), &s.iteration.short),
        };
        files.push(page(
            ctx.hb,
            "version",
            &format!("{base}/v/{}.html", s.label()),
            &data,
        )?);
    }
    if !store.is_empty() {
        files.push(File {
            path: format!("{base}/versions.js"),
            contents: store.to_js().into_bytes(),
        });
    }
    files.push(File {
        path: format!("{base}/feed.xml"),
        contents: feed::atom(
            &format!("{}: review iterations", item.p.title),
            ctx.base_url.as_deref(),
            &format!("{base}/"),
            {
                let mut entries = feed_entries(std::slice::from_ref(item), Some(&item.slug));
                entries.sort_by_key(|e| std::cmp::Reverse(e.date));
                entries.truncate(PROPOSAL_FEED);
                entries
            },
        )
        .into_bytes(),
    });
    Ok((files, search))
}

/// Entries in a proposal's own feed: its latest iterations.
const PROPOSAL_FEED: usize = 5;

/// The strip colour of a circle: "c0" author, "c1" unlisted reviewers,
/// "c2"… the configured circles, narrowest first.
fn circle_index(r: Reach) -> usize {
    match r {
        Reach::Author => 0,
        Reach::Unlisted => 1,
        Reach::Circle(i) => (i + 2).min(7),
    }
}

#[allow(clippy::too_many_arguments)]
fn step_view(
    s: &Step,
    shown: &Shown,
    i: usize,
    steps: &[Step],
    root: &str,
    on_history_page: bool,
    first: bool,
) -> StepView {
    let it = &s.iteration;
    let summary = s.summary.as_ref();
    let version_url = if it.working {
        on_history_page.then(|| "index.html".to_string())
    } else if on_history_page {
        Some(format!("v/{}.html", s.label()))
    } else {
        None
    };
    let new_author = i == 0 || steps[i - 1].iteration.author.name != it.author.name;
    StepView {
        label: s.label(),
        working: it.working,
        first,
        short: if it.working {
            String::new()
        } else {
            it.short.clone()
        },
        commit: it.commit.clone(),
        date: it.date.format("%Y-%m-%d %H:%M").to_string(),
        day: it.date.format("%Y-%m-%d").to_string(),
        date_iso: it.date.to_rfc3339(),
        author: it.author.name.clone(),
        new_author,
        reviewers: it.reviewers.iter().map(|r| r.name.clone()).collect(),
        circle: s.circle_name.clone(),
        circle_class: format!("c{}", circle_index(s.circle)),
        reach: s.reach_name.clone(),
        subject: it.subject.clone(),
        body_html: if it.body.trim().is_empty() {
            String::new()
        } else {
            render::fragment(&it.body, &render::no_pages())
        },
        words: s.words,
        words_added: summary.map_or(0, |x| x.words_added),
        words_removed: summary.map_or(0, |x| x.words_removed),
        sections: summary
            .map(|x| {
                x.sections
                    .iter()
                    .map(|c| {
                        let name = if c.heading.is_empty() {
                            c.role.label().to_string()
                        } else {
                            c.heading.clone()
                        };
                        match c.change {
                            BlockChange::Added => format!("{name}: added (+{})", c.words_added),
                            BlockChange::Removed => {
                                format!("{name}: removed (−{})", c.words_removed)
                            }
                            _ => format!("{name}: +{} −{}", c.words_added, c.words_removed),
                        }
                    })
                    .collect()
            })
            .unwrap_or_default(),
        front: if first {
            Vec::new()
        } else {
            summary
                .map(|x| {
                    x.front
                        .iter()
                        .map(|f| FrontChange {
                            key: f.key.clone(),
                            old: f.old.clone().filter(|_| !f.list),
                            new: f.new.clone().filter(|_| !f.list),
                            added: f.items_added.clone(),
                            removed: f.items_removed.clone(),
                        })
                        .collect()
                })
                .unwrap_or_default()
        },
        questions_added: summary
            .filter(|_| !first)
            .map(|x| x.faq.added.clone())
            .unwrap_or_default(),
        questions_removed: summary.map(|x| x.faq.removed.clone()).unwrap_or_default(),
        questions_edited: summary.map(|x| x.faq.edited.clone()).unwrap_or_default(),
        changes_html: if on_history_page {
            shown.changes_html.clone()
        } else {
            String::new()
        },
        raw_html: if on_history_page {
            shown.raw_html.clone()
        } else {
            String::new()
        },
        fixed: s
            .fixed
            .iter()
            .map(|f| finding_view(f, root, None))
            .collect(),
        introduced: s
            .introduced
            .iter()
            .map(|f| finding_view(f, root, shown.rendered.as_ref()))
            .collect(),
        counts: Counts::of(&s.findings),
        version_url,
        error: s.error.clone(),
        decision: s.decision.as_ref().map(decision_view),
    }
}

/// Base64url digits: one per iteration of the review-progress strip.
const STRIP_DIGITS: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// The review-progress strip of a proposal, one character per committed
/// iteration: circle (0-7) × 8 + words changed (0-3: up to 10, 50, 200,
/// more) × 2 + findings introduced (0-1). wb.js draws it.
fn strip(item: &Item) -> String {
    item.timeline
        .steps
        .iter()
        .filter(|s| !s.iteration.working)
        .map(|s| {
            let words = s
                .summary
                .as_ref()
                .map_or(0, |x| x.words_added + x.words_removed);
            let size = match words {
                0..=10 => 0,
                11..=50 => 1,
                51..=200 => 2,
                _ => 3,
            };
            let flag = usize::from(!s.introduced.is_empty());
            STRIP_DIGITS[circle_index(s.circle) * 8 + size * 2 + flag] as char
        })
        .collect()
}

/// How long ago (in days) `date` (YYYY-MM-DD) was, before `today`.
fn days_since(date: Option<&str>, today: NaiveDate) -> Option<i64> {
    let d = NaiveDate::parse_from_str(date?, "%Y-%m-%d").ok()?;
    Some((today - d).num_days())
}

fn plural(n: i64, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}

/// How many desk items a group lists before "and N more".
const DESK_ITEMS: usize = 5;

/// The decision desk: the groups of proposals a leader must act on.
fn desk(
    rows: &[Row],
    lifecycle: &crate::config::Lifecycle,
    stale_days: u32,
    today: NaiveDate,
) -> (Vec<DeskGroup>, Vec<String>) {
    use crate::config::Meaning::*;
    let mut flags = vec![Vec::<&str>::new(); rows.len()];
    // (key, title, note, [(urgency, item, detail)]): most urgent sorts first.
    type Group<'a> = (&'a str, &'a str, String, Vec<(i64, usize, String)>);
    let mut groups: Vec<Group> = vec![
        (
            "awaiting",
            "Awaiting a decision",
            format!(
                "In {}, longest waiting first.",
                lifecycle.with(InReview).join(", ")
            ),
            Vec::new(),
        ),
        (
            "stale",
            "Stale",
            format!("Not decided and unchanged for more than {stale_days} days."),
            Vec::new(),
        ),
        (
            "launching",
            "Launching within 90 days",
            "By the launch date the press release is dated on.".to_string(),
            Vec::new(),
        ),
        (
            "errors",
            "Open errors",
            "The checks found errors in the current text.".to_string(),
            Vec::new(),
        ),
        (
            "decided",
            "Decided in the last 90 days",
            "Who decided, and when.".to_string(),
            Vec::new(),
        ),
    ];
    for (n, item) in rows.iter().enumerate() {
        let o = &item.overview;
        let undecided = matches!(o.meaning, New | InReview | Other);
        let idle = days_since(o.last_change.as_deref(), today);
        if o.meaning == InReview {
            let waited = idle.unwrap_or(0);
            groups[0].3.push((
                -waited,
                n,
                format!("in {} for {}", o.status, plural(waited, "day")),
            ));
            flags[n].push("awaiting");
        }
        if undecided && let Some(d) = idle.filter(|&d| d > i64::from(stale_days)) {
            groups[1]
                .3
                .push((-d, n, format!("unchanged for {}", plural(d, "day"))));
            flags[n].push("stale");
        }
        if !matches!(o.meaning, DecidedAgainst | Launched)
            && let Some(ahead) = days_since(o.launch_date.as_deref(), today).map(|d| -d)
            && (0..=90).contains(&ahead)
        {
            let date = o.launch_date.clone().unwrap_or_default();
            groups[2].3.push((
                ahead,
                n,
                format!("launches {date}, in {}", plural(ahead, "day")),
            ));
            flags[n].push("launching");
        }
        if o.findings.errors > 0 {
            let e = o.findings.errors as i64;
            groups[3].3.push((-e, n, plural(e, "error")));
            flags[n].push("errors");
        }
        if let Some(d) = &o.decision
            && (today - d.date.date_naive()).num_days() <= 90
        {
            let who = if d.by.is_empty() {
                format!("recorded by {}", d.recorded_by.name)
            } else {
                format!(
                    "by {}",
                    d.by.iter()
                        .map(|p| p.name.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            };
            groups[4].3.push((
                -d.date.timestamp(),
                n,
                format!("{} on {} {who}", d.status, d.date.format("%Y-%m-%d")),
            ));
            flags[n].push("decided");
        }
    }
    let desk = groups
        .into_iter()
        .filter(|g| !g.3.is_empty())
        .map(|(key, title, note, mut list)| {
            list.sort();
            let count = list.len();
            let items = list
                .into_iter()
                .take(DESK_ITEMS)
                .map(|(_, n, detail)| {
                    let item = &rows[n];
                    DeskItem {
                        title: item.p.title.clone(),
                        url: format!("p/{}/index.html", item.slug),
                        status: item.overview.status.clone(),
                        meaning: item.overview.meaning,
                        detail,
                    }
                })
                .collect();
            DeskGroup {
                key: key.to_string(),
                title: title.to_string(),
                note,
                count,
                items,
                more: count.saturating_sub(DESK_ITEMS),
            }
        })
        .collect();
    // Rows name their groups by first letter ("a s"): the index has a row
    // per proposal.
    let short = |f: Vec<&str>| f.iter().map(|k| &k[..1]).collect::<Vec<_>>().join(" ");
    (desk, flags.into_iter().map(short).collect())
}

/// The status of every proposal over time: (timestamp, status) at each
/// committed iteration whose version parsed.
fn status_changes(item: &Item) -> Vec<(i64, String)> {
    let mut out: Vec<(i64, String)> = Vec::new();
    for s in item.timeline.steps.iter().filter(|s| !s.iteration.working) {
        if let Some(v) = &s.version {
            let status = v.status().to_string();
            if out.last().is_none_or(|(_, last)| *last != status) {
                out.push((s.iteration.date.timestamp(), status));
            }
        }
    }
    out
}

/// Columns of the flow chart.
const FLOW_BUCKETS: usize = 24;

fn index_page(ctx: &Ctx, rows: &[Row], portfolio: &Portfolio, today: NaiveDate) -> IndexPage {
    let cfg = portfolio.cfg();
    let lifecycle = &cfg.lifecycle;
    let (desk, flags) = desk(rows, lifecycle, cfg.site.stale_days, today);
    let mut tags = BTreeSet::new();
    let mut total = check::Counts::default();
    let cards: Vec<Card> = rows
        .iter()
        .zip(flags)
        .map(|(item, desk)| {
            let p = item.p;
            tags.extend(p.front.tags.iter().cloned());
            total += item.overview.findings;
            Card {
                overview: site_overview(&item.overview, &item.slug),
                meaning: item.overview.meaning,
                owner_name: item.overview.owner_name.clone(),
                headline_metric: p.front.metrics.first().cloned(),
                url: format!("p/{}/index.html", item.slug),
                strip: item.summary.strip.clone(),
                desk,
            }
        })
        .collect();

    // The flow: how many proposals stood in each status at each point in time.
    let changes: Vec<&Vec<(i64, String)>> =
        rows.iter().map(|r| &r.summary.status_changes).collect();
    let from = changes.iter().filter_map(|c| c.first()).map(|c| c.0).min();
    let to = changes.iter().filter_map(|c| c.last()).map(|c| c.0).max();
    let statuses = lifecycle.names.clone();
    let ninety = to.unwrap_or(0) - 90 * 86_400;
    let mut flow: Vec<FlowStage> = statuses
        .iter()
        .map(|s| FlowStage {
            status: s.clone(),
            meaning: lifecycle.meaning(s),
            count: rows.iter().filter(|i| i.overview.status == *s).count(),
            entered: changes
                .iter()
                .filter(|c| c.iter().any(|(t, st)| st == s && *t > ninety))
                .count(),
        })
        .collect();
    let columns: Vec<Vec<usize>> = match (from, to) {
        (Some(a), Some(b)) => (0..=FLOW_BUCKETS)
            .map(|k| {
                let t = a + (b - a) * k as i64 / FLOW_BUCKETS as i64;
                let mut counts = vec![0; statuses.len()];
                for c in &changes {
                    if let Some((_, st)) = c.iter().rev().find(|(at, _)| *at <= t)
                        && let Some(i) = statuses.iter().position(|s| s == st)
                    {
                        counts[i] += 1;
                    }
                }
                counts
            })
            .collect(),
        _ => Vec::new(),
    };
    // Statuses no proposal ever had take no room.
    let used: Vec<bool> = (0..statuses.len())
        .map(|i| flow[i].count > 0 || columns.iter().any(|c| c[i] > 0))
        .collect();
    let flow_svg = svg::flow(&flow, &used, &columns);
    let mut k = 0;
    flow.retain(|_| {
        k += 1;
        used[k - 1]
    });
    let date = |t: Option<i64>| {
        t.and_then(|t| chrono::DateTime::from_timestamp(t, 0))
            .map(|d| d.format("%Y-%m-%d").to_string())
            .unwrap_or_default()
    };
    let mut legend = vec![
        LegendEntry {
            class: "c0".into(),
            label: ctx.circles.label(Reach::Author).to_string(),
        },
        LegendEntry {
            class: "c1".into(),
            label: ctx.circles.label(Reach::Unlisted).to_string(),
        },
    ];
    for (i, name) in cfg.circles.keys().enumerate().take(6) {
        legend.push(LegendEntry {
            class: format!("c{}", i + 2),
            label: name.clone(),
        });
    }
    IndexPage {
        site: (ctx.site)(""),
        total_iterations: cards.iter().map(|c| c.overview.iterations).sum(),
        cards,
        statuses,
        tags: tags.into_iter().collect(),
        desk,
        stale_days: cfg.site.stale_days,
        flow_svg,
        flow,
        flow_from: date(from),
        flow_to: date(to),
        legend,
        findings: total,
        broken: super::broken::views(portfolio),
    }
}

fn rule_views(root: &str) -> Vec<RuleView> {
    check::catalogue()
        .iter()
        .map(|r| RuleView {
            id: r.id.to_string(),
            severity: r.severity.to_string(),
            summary: r.summary.to_string(),
            url: format!("{root}rules/{}.html", r.id),
        })
        .collect()
}

fn rule_files(ctx: &Ctx, rows: &[Row], search: &mut Vec<SearchEntry>) -> Result<Vec<File>> {
    let root = "../";
    let mut files = Vec::new();
    for (rule, view) in check::catalogue().iter().zip(rule_views(root)) {
        let proposals = rows
            .iter()
            .filter(|i| i.rules.contains(rule.id))
            .map(|i| Link {
                label: i.p.title.clone(),
                url: format!("{root}p/{}/index.html", i.slug),
            })
            .collect();
        let explanation = rule.explain();
        search.push(SearchEntry {
            k: "r".into(),
            t: rule.summary.to_string(),
            u: format!("rules/{}.html", rule.id),
            s: rule.id.to_string(),
            x: vec![(
                String::new(),
                explanation
                    .replace(['#', '*', '`', '>'], "")
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" "),
            )],
            g: Vec::new(),
        });
        let data = RulePage {
            site: (ctx.site)(root),
            rule: view,
            explanation_html: explanation_html(&explanation),
            rules: rule_views(root),
            proposals,
        };
        files.push(page(
            ctx.hb,
            "rule",
            &format!("rules/{}.html", rule.id),
            &data,
        )?);
    }
    let data = RulesIndexPage {
        site: (ctx.site)(root),
        rules: rule_views(root),
    };
    files.push(page(ctx.hb, "rules", "rules/index.html", &data)?);
    Ok(files)
}

/// A rule's explanation (our own Markdown): the page has one `<h1>`, so
/// example headings quoted in it sit below the explanation's sections.
fn explanation_html(md: &str) -> String {
    render::fragment(md, &render::no_pages())
        .replace("<h1>", "<h3>")
        .replace("</h1>", "</h3>")
}

/// Feed entries: every committed iteration of `items`. With `at`
/// (a proposal's slug) the URLs are relative to that proposal's folder,
/// else to the site root.
fn feed_entries(items: &[Item], at: Option<&str>) -> Vec<feed::Entry> {
    let mut out = Vec::new();
    for item in items {
        for s in item.timeline.steps.iter().filter(|s| !s.iteration.working) {
            let it = &s.iteration;
            let mut summary = match &s.summary {
                Some(x) => format!(
                    "+{} −{} words; {}.",
                    x.words_added,
                    x.words_removed,
                    if x.sections_touched().is_empty() {
                        "no section changed".to_string()
                    } else {
                        format!("sections: {}", x.sections_touched().join(", "))
                    }
                ),
                None => String::new(),
            };
            if !it.reviewers.is_empty() {
                let names: Vec<&str> = it.reviewers.iter().map(|r| r.name.as_str()).collect();
                summary.push_str(&format!(
                    " Reviewed by {} ({}).",
                    names.join(", "),
                    s.circle_name
                ));
            }
            if let Some(d) = &s.decision {
                let by: Vec<&str> = d.by.iter().map(|p| p.name.as_str()).collect();
                summary.push_str(&format!(
                    " Decision: {}{}.",
                    d.status,
                    if by.is_empty() {
                        String::new()
                    } else {
                        format!(" by {}", by.join(", "))
                    }
                ));
            }
            let url = match at {
                Some(_) => format!("history.html#i-{}", s.label()),
                None => format!("p/{}/history.html#i-{}", item.slug, s.label()),
            };
            out.push(feed::Entry {
                slug: item.slug.clone(),
                proposal_title: item.p.title.clone(),
                label: s.label(),
                commit: it.commit.clone().unwrap_or_default(),
                date: it.date,
                author: it.author.name.clone(),
                subject: it.subject.clone(),
                summary,
                url,
            });
        }
    }
    out
}

/// search.js: every proposal's and rule's text, loaded by wb.js when a
/// search box is first used (a script element works from disk, where a
/// page cannot fetch a file). Serialised with `<`, `>` and `&` escaped.
fn search_js(entries: &[&SearchEntry]) -> Vec<u8> {
    /// Escapes `<`, `>` and `&` as JSON is written (they only occur in strings).
    struct Escaped(Vec<u8>);
    impl std::io::Write for Escaped {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            for &b in buf {
                match b {
                    b'<' => self.0.extend_from_slice(b"\\u003c"),
                    b'>' => self.0.extend_from_slice(b"\\u003e"),
                    b'&' => self.0.extend_from_slice(b"\\u0026"),
                    b => self.0.push(b),
                }
            }
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let mut out = Escaped(b"window.WB_SEARCH = ".to_vec());
    if serde_json::to_writer(&mut out, entries).is_err() {
        out.0.truncate("window.WB_SEARCH = ".len());
        out.0.extend_from_slice(b"[]");
    }
    out.0.extend_from_slice(b";\n");
    out.0
}
