//! Markdown to safe HTML for the site. Proposal text is untrusted: raw HTML
//! is escaped, links with `javascript:`, `vbscript:`, `data:` or `file:`
//! schemes are dropped, HTML comments (template guidance) are removed, and
//! block elements get `id="L<line>"` anchors so findings can point at them.

use std::collections::{BTreeSet, HashMap};
use std::sync::{Arc, LazyLock};

use comrak::nodes::NodeValue;
use comrak::options::URLRewriter;
use comrak::{Arena, Options, format_html, parse_document};
use regex::Regex;

use super::data::TocEntry;
use crate::proposal::{Proposal, Role};

/// Rewrites every link and image URL in a proposal.
struct Links {
    /// Slugs of the portfolio's proposals, mapped to their page URL relative
    /// to the page being rendered (so `other.md` links to its page).
    proposals: HashMap<String, String>,
}

impl URLRewriter for Links {
    fn to_html(&self, url: &str) -> String {
        safe_url(url, &self.proposals)
    }
}

/// An URL that cannot run script: dangerous schemes become an empty link.
fn safe_url(url: &str, proposals: &HashMap<String, String>) -> String {
    let squashed: String = url
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .collect::<String>()
        .to_ascii_lowercase();
    if ["javascript:", "vbscript:", "data:", "file:"]
        .iter()
        .any(|s| squashed.starts_with(s))
    {
        return String::new();
    }
    if !url.contains(':') && !url.starts_with('/') && !url.starts_with('#') {
        let (path, anchor) = url.split_once('#').map_or((url, ""), |(p, a)| (p, a));
        let stem = path.rsplit('/').next().unwrap_or(path);
        if let Some(page) = stem
            .strip_suffix(".md")
            .and_then(|slug| proposals.get(slug))
        {
            return if anchor.is_empty() {
                page.clone()
            } else {
                format!("{page}#{anchor}")
            };
        }
    }
    url.to_string()
}

/// A rendered document: its HTML, table of contents and the line anchors it
/// carries.
pub struct Rendered {
    pub html: String,
    pub toc: Vec<TocEntry>,
    pub anchors: BTreeSet<usize>,
}

impl Rendered {
    /// The anchor of the block holding `line` (the nearest block that starts
    /// at or before it).
    pub fn anchor_for(&self, line: usize) -> Option<String> {
        self.anchors
            .range(..=line)
            .next_back()
            .map(|l| format!("L{l}"))
    }
}

pub fn options() -> Options<'static> {
    // Headings get their ids from their line (`L12`), like every block, so
    // the table of contents and findings share one kind of anchor.
    let mut o = crate::proposal::body::comrak_options();
    o.render.escape = true;
    o.render.sourcepos = true;
    o
}

/// Renders `p`'s body. `pages` maps other proposals' slugs to their URLs
/// relative to the page this HTML goes on.
pub fn render(p: &Proposal, pages: &HashMap<String, String>) -> Rendered {
    let body = &p.source[body_start(p)..];
    let offset = p.body_line;
    let mut options = options();
    let rewriter: Arc<dyn URLRewriter> = Arc::new(Links {
        proposals: pages.clone(),
    });
    options.extension.link_url_rewriter = Some(rewriter.clone());
    options.extension.image_url_rewriter = Some(rewriter);
    let arena = Arena::new();
    let root = parse_document(&arena, body, &options);
    // Template guidance and any other raw HTML comment never reach the page.
    let comments: Vec<_> = root
        .descendants()
        .filter(|n| match &n.data.borrow().value {
            NodeValue::HtmlBlock(h) => h.literal.trim_start().starts_with("<!--"),
            NodeValue::HtmlInline(h) => h.trim_start().starts_with("<!--"),
            _ => false,
        })
        .collect();
    for n in comments {
        n.detach();
    }
    let mut raw = String::new();
    if format_html(root, &options, &mut raw).is_err() {
        raw.clear();
    }
    let faq_line = p
        .body
        .sections
        .iter()
        .find(|s| s.role.is_faq())
        .map(|s| s.line);
    let (html, anchors) = anchor_lines(&raw, offset, faq_line);
    Rendered {
        html,
        toc: toc(p),
        anchors,
    }
}

/// Byte offset of the body in the source (after the front-matter).
fn body_start(p: &Proposal) -> usize {
    if p.body_line == 0 {
        return 0;
    }
    p.source
        .match_indices('\n')
        .nth(p.body_line - 1)
        .map_or(p.source.len(), |(i, _)| i + 1)
}

/// Turns comrak's `data-sourcepos` attributes into `id="L<line>"` anchors
/// (file lines; the first element starting on a line gets it) and marks the
/// heading that opens the FAQ part.
fn anchor_lines(html: &str, offset: usize, faq_line: Option<usize>) -> (String, BTreeSet<usize>) {
    static POS: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r#" data-sourcepos="(\d+):\d+-\d+:\d+""#).unwrap());
    let mut seen = BTreeSet::new();
    let out = POS.replace_all(html, |c: &regex::Captures| {
        let line: usize = c[1].parse().unwrap_or(0) + offset;
        if seen.insert(line) {
            let class = if Some(line) == faq_line {
                r#" class="faq-start""#
            } else {
                ""
            };
            format!(r#" id="L{line}"{class}"#)
        } else {
            String::new()
        }
    });
    (out.into_owned(), seen)
}

/// The table of contents: press release, its sections, the FAQ parts and
/// their questions.
pub fn toc(p: &Proposal) -> Vec<TocEntry> {
    let mut toc = Vec::new();
    for s in &p.body.sections {
        if s.heading.is_empty() {
            continue;
        }
        let level = match s.role {
            Role::Headline | Role::Faq => 1,
            Role::ExternalFaq | Role::InternalFaq if s.level <= 1 => 1,
            _ => 2,
        };
        toc.push(TocEntry {
            level,
            text: s.heading.clone(),
            anchor: format!("L{}", s.line),
        });
    }
    for f in &p.body.faqs {
        toc.push(TocEntry {
            level: 3,
            text: f.question.clone(),
            anchor: format!("L{}", f.line),
        });
    }
    toc.sort_by_key(|t| t.anchor[1..].parse::<usize>().unwrap_or(0));
    toc
}

/// Escapes text for HTML (for the few places wb writes HTML itself).
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Not allowed in XML (the feed) and never meant in a page.
            c if c.is_control() && !matches!(c, '\t' | '\n' | '\r') => {}
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::proposal::{ParseOptions, parse};
    use std::path::Path;

    fn render_text(text: &str) -> Rendered {
        let p = parse(
            Path::new("x.md"),
            text.to_string(),
            &ParseOptions::default(),
        )
        .unwrap();
        let mut pages = HashMap::new();
        pages.insert("other".to_string(), "../other/index.html".to_string());
        render(&p, &pages)
    }

    #[test]
    fn hostile_input_is_inert() {
        let r = render_text(
            "---\ntitle: x\n---\n# T\n\n<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n\
             [a](javascript:alert(1)) [b](JaVaScRiPt:alert(1)) [c]( data:text/html,x) [d](vbscript:x)\n",
        );
        assert!(!r.html.contains("<script"), "{}", r.html);
        assert!(!r.html.contains("<img"), "{}", r.html);
        assert!(!r.html.to_lowercase().contains("javascript:"), "{}", r.html);
        assert!(!r.html.contains("data:text"), "{}", r.html);
        assert!(!r.html.contains("vbscript"), "{}", r.html);
        assert!(r.html.contains("&lt;script&gt;"), "{}", r.html);
    }

    #[test]
    fn comments_are_dropped_and_lines_anchored() {
        let r = render_text(
            "---\ntitle: x\n---\n# T\n\n<!-- guidance -->\n\nText here.\n\n# FAQ\n\n## External FAQ\n",
        );
        assert!(!r.html.contains("guidance"), "{}", r.html);
        assert!(r.html.contains(r#"<h1 id="L4""#), "{}", r.html);
        assert!(r.html.contains(r#"<p id="L8">Text here."#), "{}", r.html);
        assert!(
            r.html.contains(r#"id="L10" class="faq-start""#),
            "{}",
            r.html
        );
        assert_eq!(r.anchor_for(9), Some("L8".to_string()));
    }

    #[test]
    fn links_to_sibling_proposals_become_pages() {
        let r =
            render_text("# T\n\nSee [the other](other.md#risks) and [x](https://example.com).\n");
        assert!(
            r.html.contains(r#"href="../other/index.html#risks""#),
            "{}",
            r.html
        );
        assert!(
            r.html.contains(r#"href="https://example.com""#),
            "{}",
            r.html
        );
    }
}
