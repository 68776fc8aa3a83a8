//! Every page of the site, built from typed data and rendered in parallel.

use std::collections::{BTreeSet, HashMap};

use rayon::prelude::*;
use serde::Serialize;

use super::data::*;
use super::render::{self, Rendered, escape};
use super::write::File;
use super::{BuildOptions, feed, svg};
use crate::check::{self, Finding};
use crate::diff::{BlockChange, Op, TextDiff};
use crate::error::{Diagnostic, Error, Result};
use crate::history::History;
use crate::portfolio::Portfolio;
use crate::proposal::{self, Proposal};
use crate::review::{Depth, Overview, Review};
use crate::templates;
use crate::timeline::{Step, Timeline};

pub struct Output {
    pub files: Vec<File>,
    pub pages: usize,
    pub iterations: usize,
    pub findings: check::Counts,
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

pub fn all(portfolio: &Portfolio, opts: &BuildOptions) -> Result<Output> {
    let review = Review::open(portfolio)?;
    let slugs = site_slugs(&portfolio.proposals);
    let total = portfolio.proposals.len();
    let mut items = Vec::with_capacity(total);
    // In chunks, so the progress bar moves while versions are read and checked.
    let mut done = 0;
    for chunk in portfolio.proposals.chunks(32) {
        for a in review.assemble_all(chunk, Depth::Checked)? {
            items.push(Item {
                p: a.proposal,
                slug: String::new(),
                history: a.history.unwrap_or_default(),
                timeline: a.timeline.unwrap_or_default(),
                findings: a.findings,
                overview: a.overview,
            });
        }
        done += chunk.len();
        if let Some(progress) = &opts.progress {
            progress(done, total);
        }
    }
    for (item, slug) in items.iter_mut().zip(slugs) {
        item.slug = slug;
    }
    let hb = registry(&portfolio.root)?;
    let site = |root: &str| SiteInfo {
        title: portfolio.cfg().site.title.clone(),
        root: root.to_string(),
        generated: chrono::Utc::now().format("%Y-%m-%d %H:%M UTC").to_string(),
        version: env!("CARGO_PKG_VERSION").to_string(),
        live_reload: opts.live_reload.as_ref().map(|u| format!("{root}{u}")),
    };
    let note = review.state().note().map(str::to_string);
    let ctx = Ctx {
        hb: &hb,
        site: &site,
        items: &items,
        note,
    };

    let per_proposal: Vec<Result<Vec<File>>> = items
        .par_iter()
        .map(|item| proposal_files(&ctx, item))
        .collect();
    let mut files = Vec::new();
    for r in per_proposal {
        files.extend(r?);
    }
    files.push(page(
        &hb,
        "index",
        "index.html",
        &index_page(&ctx, portfolio),
    )?);
    files.extend(rule_files(&ctx)?);
    files.push(File {
        path: "feed.xml".into(),
        contents: feed::atom(
            &portfolio.cfg().site.title,
            portfolio.cfg().site.base_url.as_deref(),
            feed_entries(&items),
        )
        .into_bytes(),
    });
    let index = search_index(&items);
    files.push(File {
        path: "search.json".into(),
        contents: index.clone().into_bytes(),
    });
    files.push(File {
        path: "search-index.js".into(),
        contents: format!("window.WB_SEARCH = {index};\n").into_bytes(),
    });
    for asset in templates::site_assets(&portfolio.root)? {
        files.push(File {
            path: format!("assets/{}", asset.0),
            contents: asset.1,
        });
    }
    let pages = files.iter().filter(|f| f.path.ends_with(".html")).count();
    let mut counts = check::Counts::default();
    for item in &items {
        counts += item.overview.findings;
    }
    Ok(Output {
        files,
        pages,
        iterations: items.iter().map(|i| i.overview.iterations).sum(),
        findings: counts,
    })
}

struct Ctx<'a> {
    hb: &'a handlebars::Handlebars<'static>,
    site: &'a (dyn Fn(&str) -> SiteInfo + Sync),
    items: &'a [Item<'a>],
    note: Option<String>,
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

fn registry(root: &std::path::Path) -> Result<handlebars::Handlebars<'static>> {
    let mut hb = handlebars::Handlebars::new();
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
    Ok(hb)
}

fn page(
    hb: &handlebars::Handlebars<'static>,
    template: &str,
    path: &str,
    data: &impl Serialize,
) -> Result<File> {
    let html = hb.render(template, data).map_err(|e| {
        let origin = std::path::PathBuf::from(format!("templates/site/{template}.html.hbs"));
        templates::render_error(&origin, &e)
    })?;
    Ok(File {
        path: path.to_string(),
        contents: html.into_bytes(),
    })
}

fn counts(findings: &[Finding]) -> Counts {
    Counts::of(findings)
}

fn finding_view(f: &Finding, root: &str, rendered: Option<&Rendered>) -> FindingView {
    FindingView {
        rule: f.rule.clone(),
        severity: f.severity.to_string(),
        line: f.line,
        col: f.col,
        message: f.message.clone(),
        hint: f.hint.clone(),
        rule_url: format!("{root}rules/{}.html", f.rule),
        anchor: rendered.and_then(|r| r.anchor_for(f.line)),
    }
}

/// The overview as the site shows it: the URL-safe slug, the file's path
/// in the repository.
fn site_overview(item: &Item) -> Overview {
    let mut o = item.overview.clone();
    o.slug = item.slug.clone();
    o.path = o.repo_path.clone();
    o
}

fn meta(item: &Item) -> Meta {
    let p = item.p;
    Meta {
        overview: site_overview(item),
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
    }
}

/// URLs of every proposal page, relative to a page `depth` folders below the root.
fn proposal_pages(items: &[Item], prefix: &str) -> HashMap<String, String> {
    items
        .iter()
        .map(|i| (i.p.slug.clone(), format!("{prefix}p/{}/index.html", i.slug)))
        .collect()
}

fn proposal_files(ctx: &Ctx, item: &Item) -> Result<Vec<File>> {
    let mut files = Vec::new();
    let base = format!("p/{}", item.slug);
    let meta = meta(item);

    // The current proposal.
    let root = "../../";
    let rendered = render::render(item.p, &proposal_pages(ctx.items, root));
    let versions: Vec<Link> = item
        .timeline
        .steps
        .iter()
        .filter(|s| !s.iteration.working)
        .map(|s| Link {
            label: s.label(),
            url: format!("v/{}.html", s.label()),
        })
        .collect();
    let data = ProposalPage {
        site: (ctx.site)(root),
        meta: meta.clone(),
        toc: rendered.toc.clone(),
        body_html: rendered.html.clone(),
        findings: item
            .findings
            .iter()
            .map(|f| finding_view(f, root, Some(&rendered)))
            .collect(),
        counts: counts(&item.findings),
        history_url: "history.html".into(),
        versions,
    };
    files.push(page(
        ctx.hb,
        "proposal",
        &format!("{base}/index.html"),
        &data,
    )?);

    // History, newest first.
    let steps: Vec<StepView> = item
        .timeline
        .steps
        .iter()
        .rev()
        .map(|s| step_view(s, root, true))
        .collect();
    let data = HistoryPage {
        site: (ctx.site)(root),
        meta: meta.clone(),
        steps,
        truncated: item.timeline.truncated,
        note: ctx.note.clone(),
    };
    files.push(page(
        ctx.hb,
        "history",
        &format!("{base}/history.html"),
        &data,
    )?);

    // Every committed version.
    let committed: Vec<&Step> = item
        .timeline
        .steps
        .iter()
        .filter(|s| !s.iteration.working)
        .collect();
    let vroot = "../../../";
    let pages = proposal_pages(ctx.items, vroot);
    for (i, s) in committed.iter().enumerate() {
        let (body_html, toc) = match &s.version {
            Some(v) => {
                let r = render::render(v, &pages);
                (r.html, r.toc)
            }
            None => (
                format!("<pre class=\"unreadable\">{}</pre>", escape(&s.text)),
                Vec::new(),
            ),
        };
        let link = |s: &Step| Link {
            label: s.label(),
            url: format!("{}.html", s.label()),
        };
        let data = VersionPage {
            site: (ctx.site)(vroot),
            meta: meta.clone(),
            step: step_view(s, vroot, false),
            body_html,
            toc,
            prev: i.checked_sub(1).map(|j| link(committed[j])),
            next: committed.get(i + 1).map(|s| link(s)),
            current_url: "../index.html".into(),
            history_url: "../history.html".into(),
        };
        files.push(page(
            ctx.hb,
            "version",
            &format!("{base}/v/{}.html", s.label()),
            &data,
        )?);
    }
    Ok(files)
}

fn step_view(s: &Step, root: &str, on_history_page: bool) -> StepView {
    let it = &s.iteration;
    let summary = s.summary.as_ref();
    let version_url = if it.working {
        on_history_page.then(|| "index.html".to_string())
    } else if on_history_page {
        Some(format!("v/{}.html", s.label()))
    } else {
        None
    };
    StepView {
        label: s.label(),
        working: it.working,
        short: if it.working {
            String::new()
        } else {
            it.short.clone()
        },
        commit: it.commit.clone(),
        date: it.date.format("%Y-%m-%d %H:%M").to_string(),
        date_iso: it.date.to_rfc3339(),
        author: it.author.name.clone(),
        reviewers: it.reviewers.iter().map(|r| r.name.clone()).collect(),
        circle: s.circle_name.clone(),
        reach: s.reach_name.clone(),
        subject: it.subject.clone(),
        body: it.body.clone(),
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
                                format!("{name}: removed (-{})", c.words_removed)
                            }
                            _ => format!("{name}: +{} -{}", c.words_added, c.words_removed),
                        }
                    })
                    .collect()
            })
            .unwrap_or_default(),
        front: summary
            .map(|x| x.front.iter().map(|f| f.describe()).collect())
            .unwrap_or_default(),
        questions_added: summary.map(|x| x.faq.added.clone()).unwrap_or_default(),
        questions_removed: summary.map(|x| x.faq.removed.clone()).unwrap_or_default(),
        questions_edited: summary.map(|x| x.faq.edited.clone()).unwrap_or_default(),
        diff_html: if on_history_page {
            diff_html(&s.diff())
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
            .map(|f| finding_view(f, root, None))
            .collect(),
        counts: counts(&s.findings),
        version_url,
        error: s.error.clone(),
    }
}

/// The changed paragraphs of a word diff, with `<ins>` and `<del>`.
pub fn diff_html(d: &TextDiff) -> String {
    let mut out = String::new();
    for b in d.changed() {
        let line = b.new_line.or(b.old_line).unwrap_or(0);
        let class = match b.change {
            BlockChange::Added => "added",
            BlockChange::Removed => "removed",
            _ => "changed",
        };
        out.push_str(&format!(
            r#"<p class="diff-block {class}" data-line="{line}">"#
        ));
        for span in &b.spans {
            let text = escape(&span.text);
            match span.op {
                Op::Equal => out.push_str(&text),
                Op::Insert => out.push_str(&marked("ins", &text)),
                Op::Delete => out.push_str(&marked("del", &text)),
            }
        }
        out.push_str("</p>\n");
    }
    if out.is_empty() {
        out.push_str(r#"<p class="diff-none">No change to the text.</p>"#);
    }
    out
}

/// `<ins>word</ins>` with the spaces around the words left outside the mark.
fn marked(tag: &str, text: &str) -> String {
    let core = text.trim();
    if core.is_empty() {
        return text.to_string();
    }
    let start = text.len() - text.trim_start().len();
    let end = start + core.len();
    format!("{}<{tag}>{core}</{tag}>{}", &text[..start], &text[end..])
}

fn index_page(ctx: &Ctx, portfolio: &Portfolio) -> IndexPage {
    let all_dates: Vec<i64> = ctx
        .items
        .iter()
        .flat_map(|i| i.history.committed().map(|it| it.date.timestamp()))
        .collect();
    let from = all_dates.iter().min().copied().unwrap_or(0);
    let to = all_dates.iter().max().copied().unwrap_or(0);
    let mut tags = BTreeSet::new();
    let mut total = check::Counts::default();
    let cards: Vec<Card> = ctx
        .items
        .iter()
        .map(|item| {
            let p = item.p;
            tags.extend(p.front.tags.iter().cloned());
            total += item.overview.findings;
            let dates: Vec<_> = item.history.committed().map(|i| i.date).collect();
            let search_text = [
                p.title.as_str(),
                p.front.customer.as_deref().unwrap_or(""),
                p.front.owner.as_deref().unwrap_or(""),
                &p.front.tags.join(" "),
            ]
            .join(" ")
            .to_lowercase();
            Card {
                overview: site_overview(item),
                meaning: item.overview.meaning,
                owner_name: item.overview.owner_name.clone(),
                reach: item.overview.reach_name.clone(),
                url: format!("p/{}/index.html", item.slug),
                sparkline_svg: svg::sparkline(&dates, from, to),
                search_text,
            }
        })
        .collect();
    let lifecycle = &portfolio.cfg().lifecycle;
    let statuses = lifecycle.names.clone();
    let funnel: Vec<FunnelStage> = statuses
        .iter()
        .map(|s| FunnelStage {
            status: s.clone(),
            meaning: lifecycle.meaning(s),
            count: cards.iter().filter(|c| &c.overview.status == s).count(),
        })
        .collect();
    IndexPage {
        site: (ctx.site)(""),
        funnel_svg: svg::funnel(&funnel),
        total_iterations: cards.iter().map(|c| c.overview.iterations).sum(),
        cards,
        statuses,
        tags: tags.into_iter().collect(),
        funnel,
        findings: total,
        broken: Vec::new(),
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

fn rule_files(ctx: &Ctx) -> Result<Vec<File>> {
    let root = "../";
    let mut files = Vec::new();
    for (rule, view) in check::catalogue().iter().zip(rule_views(root)) {
        let proposals = ctx
            .items
            .iter()
            .filter(|i| i.findings.iter().any(|f| f.rule == rule.id))
            .map(|i| Link {
                label: i.p.title.clone(),
                url: format!("{root}p/{}/index.html", i.slug),
            })
            .collect();
        let data = RulePage {
            site: (ctx.site)(root),
            rule: view,
            explanation_html: markdown_html(&rule.explain()),
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

/// Our own Markdown (rule explanations), rendered with the safe options.
fn markdown_html(md: &str) -> String {
    let mut o = render::options();
    o.render.sourcepos = false;
    comrak::markdown_to_html(md, &o)
}

fn feed_entries(items: &[Item]) -> Vec<feed::Entry> {
    let mut out = Vec::new();
    for item in items {
        for s in item.timeline.steps.iter().filter(|s| !s.iteration.working) {
            let it = &s.iteration;
            let mut summary = match &s.summary {
                Some(x) => format!(
                    "+{} -{} words; {}.",
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
            out.push(feed::Entry {
                slug: item.slug.clone(),
                proposal_title: item.p.title.clone(),
                label: s.label(),
                commit: it.commit.clone().unwrap_or_default(),
                date: it.date,
                author: it.author.name.clone(),
                subject: it.subject.clone(),
                summary,
                url: format!("p/{}/history.html#i-{}", item.slug, s.label()),
            });
        }
    }
    out
}

/// The search index: one entry per proposal with its plain text. Serialised
/// with `<`, `>` and `&` escaped so it is safe inside a script.
fn search_index(items: &[Item]) -> String {
    #[derive(Serialize)]
    struct Entry<'a> {
        slug: &'a str,
        title: &'a str,
        customer: Option<&'a str>,
        status: &'a str,
        tags: &'a [String],
        text: String,
        url: String,
    }
    let entries: Vec<Entry> = items
        .iter()
        .map(|i| {
            let mut text: String =
                i.p.body
                    .sections
                    .iter()
                    .map(|s| format!("{} {}", s.heading, s.text()))
                    .chain(
                        i.p.body
                            .faqs
                            .iter()
                            .map(|f| format!("{} {}", f.question, f.answer)),
                    )
                    .collect::<Vec<_>>()
                    .join(" ");
            if text.len() > 20_000 {
                let cut = (0..=20_000)
                    .rev()
                    .find(|&k| text.is_char_boundary(k))
                    .unwrap_or(0);
                text.truncate(cut);
            }
            Entry {
                slug: &i.slug,
                title: &i.p.title,
                customer: i.p.front.customer.as_deref(),
                status: i.p.status(),
                tags: &i.p.front.tags,
                text,
                url: format!("p/{}/index.html", i.slug),
            }
        })
        .collect();
    let json = serde_json::to_string(&entries).unwrap_or_else(|_| "[]".into());
    json.replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}
