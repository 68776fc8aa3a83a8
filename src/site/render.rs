//! Markdown to safe HTML for the site. Proposal text is untrusted:
//!
//! - raw HTML is escaped (shown as text) unless every tag in it is on a
//!   short allowlist of harmless tags with harmless attributes
//!   (`<details>`, `<summary>`, `<br>`, `<sup>`, …); a document that keeps
//!   some raw HTML is then cleaned whole by ammonia, so nothing
//!   script-capable survives even if the allowlist check were fooled;
//! - links and images with `javascript:`, `vbscript:`, `data:` or `file:`
//!   URLs are dropped;
//! - HTML comments (template guidance) are removed.
//!
//! Quotes and dashes are typographic (comrak's smart punctuation). Every
//! top-level block gets an id that does not depend on line numbers, so a
//! link carries across versions: a heading's id is its text as a slug
//! (`#problem`), a paragraph's is its heading's plus its place under it
//! (`#problem-2`). (wb.js adds a permalink to each heading.)

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::{Arc, LazyLock};

use comrak::nodes::{Ast, AstNode, NodeValue};
use comrak::options::URLRewriter;
use comrak::{Arena, Options, format_html, parse_document};
use regex::Regex;

use super::data::TocEntry;
use crate::proposal::{Proposal, Role};

/// Slugs of the portfolio's proposals, mapped to their page URL relative
/// to the page being rendered (so `other.md` links to its page). Shared:
/// every rendering of every version holds it.
pub type Pages = Arc<HashMap<String, String>>;

/// No other proposal to link to (commit bodies, hints, rule explanations).
pub fn no_pages() -> Pages {
    static NONE: LazyLock<Pages> = LazyLock::new(|| Arc::new(HashMap::new()));
    NONE.clone()
}

/// Rewrites every link and image URL in a proposal.
struct Links {
    proposals: Pages,
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

/// A rendered document: its HTML, table of contents, the ids of its
/// blocks by the file line they start on, and the blocks themselves.
pub struct Rendered {
    pub html: String,
    pub toc: Vec<TocEntry>,
    /// File line a top-level block starts on → the block's id.
    pub anchors: BTreeMap<usize, String>,
    /// The top-level blocks, with their ids, in order; `html` is these
    /// joined by newlines.
    pub blocks: Vec<String>,
}

impl Rendered {
    /// The id of the block holding `line` (the nearest block that starts
    /// at or before it).
    pub fn anchor_for(&self, line: usize) -> Option<String> {
        self.anchors
            .range(..=line)
            .next_back()
            .map(|(_, a)| a.clone())
    }
}

/// comrak's options for the site: the model's extensions, smart
/// punctuation, source positions (turned into ids), and raw HTML passed
/// through: only what [`sanitise_raw`] kept is left, and that is cleaned.
pub fn options() -> Options<'static> {
    let mut o = crate::proposal::body::comrak_options();
    o.parse.smart = true;
    o.render.r#unsafe = true;
    o.render.sourcepos = true;
    o
}

/// Ids the page templates use; a heading never takes one of them.
const RESERVED: &[&str] = &[
    "main",
    "document",
    "search",
    "top",
    "toc-title",
    "meta-title",
    "findings",
    "findings-title",
    "versions-title",
    "step-title",
    "facts",
    "rail",
    "compare",
    "raw",
];

/// Renders `p`'s body. `pages` maps other proposals' slugs to their URLs
/// relative to the page this HTML goes on.
pub fn render(p: &Proposal, pages: &Pages) -> Rendered {
    let body = &p.source[body_start(p)..];
    let offset = p.body_line;
    let arena = Arena::new();
    let options = link_options(pages);
    let root = parse_document(&arena, body, &options);
    let kept = sanitise_raw(&arena, root);
    let headings = heading_texts(root, offset);
    let mut raw = String::new();
    if format_html(root, &options, &mut raw).is_err() {
        raw.clear();
    }
    if kept {
        raw = clean(&raw);
    }
    let roles: HashMap<usize, Role> = p.body.sections.iter().map(|s| (s.line, s.role)).collect();
    let faq_line = p
        .body
        .sections
        .iter()
        .find(|s| s.role.is_faq())
        .map(|s| s.line);
    let (blocks, anchors) = identify(&raw, offset, &headings, |line| {
        let mut class = Vec::new();
        if Some(line) == faq_line {
            class.push("faq-start");
        }
        if roles.get(&line).is_some_and(|r| is_label(*r)) {
            class.push("label");
        }
        class.join(" ")
    });
    let mut rendered = Rendered {
        html: blocks.join("\n"),
        toc: Vec::new(),
        anchors,
        blocks,
    };
    rendered.toc = toc(p, &rendered);
    rendered
}

/// A Markdown fragment (a paragraph of a diff, a rule's explanation, a
/// hint) as safe HTML, with no ids. `sourcepos` must be off in `options`.
pub fn fragment(md: &str, pages: &Pages) -> String {
    let arena = Arena::new();
    let mut options = link_options(pages);
    options.render.sourcepos = false;
    let root = parse_document(&arena, md, &options);
    let kept = sanitise_raw(&arena, root);
    let mut html = String::new();
    if format_html(root, &options, &mut html).is_err() {
        html.clear();
    }
    if kept { clean(&html) } else { html }
}

/// A one-paragraph Markdown fragment without its `<p>`: for hints and
/// other short text shown inline.
pub fn inline(md: &str) -> String {
    let html = fragment(md, &no_pages());
    let t = html.trim();
    match t.strip_prefix("<p>").and_then(|t| t.strip_suffix("</p>")) {
        Some(inner) if !inner.contains("<p>") => inner.to_string(),
        _ => t.to_string(),
    }
}

fn link_options(pages: &Pages) -> Options<'static> {
    let mut options = options();
    let rewriter: Arc<dyn URLRewriter> = Arc::new(Links {
        proposals: Arc::clone(pages),
    });
    options.extension.link_url_rewriter = Some(rewriter.clone());
    options.extension.image_url_rewriter = Some(rewriter);
    options
}

/// The sections of a press release that are labels rather than headings a
/// reader needs ("Problem", "Customer quote"): the page shows them quietly.
fn is_label(role: Role) -> bool {
    matches!(
        role,
        Role::Summary
            | Role::Problem
            | Role::Solution
            | Role::LeaderQuote
            | Role::HowItWorks
            | Role::CustomerQuote
            | Role::GettingStarted
    )
}

/// Tags raw HTML may use, each with the attributes it may carry. Anything
/// else makes the whole raw node plain text.
const ALLOWED: &[(&str, &[&str])] = &[
    ("details", &["open"]),
    ("summary", &[]),
    ("br", &[]),
    ("sup", &[]),
    ("sub", &[]),
    ("kbd", &[]),
    ("abbr", &["title"]),
    ("mark", &[]),
    ("small", &[]),
    ("b", &[]),
    ("i", &[]),
    ("u", &[]),
    ("s", &[]),
    ("em", &[]),
    ("strong", &[]),
    ("code", &[]),
    ("pre", &[]),
    ("p", &[]),
    ("div", &[]),
    ("span", &[]),
    ("dl", &[]),
    ("dt", &[]),
    ("dd", &[]),
    ("ul", &[]),
    ("ol", &[]),
    ("li", &[]),
    ("hr", &[]),
    ("blockquote", &[]),
    ("table", &[]),
    ("thead", &[]),
    ("tbody", &[]),
    ("tr", &[]),
    ("th", &["colspan", "rowspan", "align"]),
    ("td", &["colspan", "rowspan", "align"]),
    ("a", &["href", "title", "name"]),
    ("img", &["src", "alt", "title", "width", "height"]),
];

/// Removes HTML comments and turns every raw HTML node that is not on the
/// allowlist into text. True when some raw HTML was kept (the output then
/// needs [`clean`]).
fn sanitise_raw<'a>(arena: &'a Arena<'a>, root: &'a AstNode<'a>) -> bool {
    let raw: Vec<_> = root
        .descendants()
        .filter(|n| {
            matches!(
                n.data.borrow().value,
                NodeValue::HtmlBlock(_) | NodeValue::HtmlInline(_)
            )
        })
        .collect();
    let mut kept = false;
    // Allowed elements opened and not yet closed: a closing tag with no
    // opening one kept before it is text.
    let mut open: HashMap<String, usize> = HashMap::new();
    for n in raw {
        let (literal, block) = match &n.data.borrow().value {
            NodeValue::HtmlBlock(h) => (h.literal.clone(), true),
            NodeValue::HtmlInline(h) => (h.clone(), false),
            _ => continue,
        };
        if literal.trim_start().starts_with("<!--") {
            n.detach();
            continue;
        }
        if allowed(&literal, &mut open) {
            kept = true;
            continue;
        }
        if block {
            // A paragraph of text where the block was, at its place.
            let sourcepos = n.data.borrow().sourcepos;
            let para = arena.alloc(AstNode::from(Ast::new_with_sourcepos(
                NodeValue::Paragraph,
                sourcepos,
            )));
            let text = arena.alloc(AstNode::from(NodeValue::Raw(escape(literal.trim_end()))));
            para.append(text);
            n.insert_before(para);
            n.detach();
        } else {
            // Escaped as wb escapes (quotes too), inserted as is.
            n.data.borrow_mut().value = NodeValue::Raw(escape(&literal));
        }
    }
    kept
}

/// Is every tag in `html` on the allowlist, with allowed attributes only,
/// and every closing tag closing an element opened before? `open` counts
/// the allowed elements opened so far; it changes only when the answer is
/// yes.
fn allowed(html: &str, open: &mut HashMap<String, usize>) -> bool {
    let mut after = open.clone();
    static TAG: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r#"<(/?)([A-Za-z][A-Za-z0-9]*)((?:\s+[^\s=/>]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*(/?)>"#).unwrap()
    });
    static ATTR: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r#"([^\s=/>]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'=<>`]+))?"#).unwrap()
    });
    let mut rest_has_lt = html.contains('<');
    let mut any = false;
    let mut stripped = String::with_capacity(html.len());
    let mut last = 0;
    for c in TAG.captures_iter(html) {
        any = true;
        let m = c.get(0).unwrap();
        stripped.push_str(&html[last..m.start()]);
        last = m.end();
        let name = c[2].to_ascii_lowercase();
        let Some((_, attrs)) = ALLOWED.iter().find(|(t, _)| *t == name) else {
            return false;
        };
        let void = matches!(name.as_str(), "br" | "hr" | "img") || !c[4].is_empty();
        if !c[1].is_empty() {
            match after.get_mut(&name) {
                Some(k) if *k > 0 => *k -= 1,
                _ => return false,
            }
        } else if !void {
            *after.entry(name.clone()).or_insert(0) += 1;
        }
        for a in ATTR.captures_iter(&c[3]) {
            let key = a[1].to_ascii_lowercase();
            if !attrs.contains(&key.as_str()) {
                return false;
            }
            if let Some(v) = a.get(2) {
                let v = v.as_str().trim_matches(['"', '\'']);
                let squashed: String = v
                    .chars()
                    .filter(|c| !c.is_whitespace() && !c.is_control())
                    .collect::<String>()
                    .to_ascii_lowercase();
                if squashed.contains("script:") || squashed.starts_with("data:") {
                    return false;
                }
            }
        }
    }
    stripped.push_str(&html[last..]);
    // A `<` left over is something the tag pattern did not understand.
    rest_has_lt &= stripped.contains('<');
    let ok = any && !rest_has_lt;
    if ok {
        *open = after;
    }
    ok
}

/// ammonia, configured for comrak's output plus the allowlist above.
fn clean(html: &str) -> String {
    static CLEANER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
        let mut b = ammonia::Builder::default();
        b.add_tags(["input", "section"]);
        b.add_generic_attributes(["data-sourcepos"]);
        b.add_tag_attributes("details", ["open"]);
        b.add_tag_attributes("code", ["class"]);
        b.add_tag_attributes("a", ["id", "name", "title"]);
        b.add_tag_attributes("li", ["id"]);
        b.add_tag_attributes("sup", ["class"]);
        b.add_tag_attributes("section", ["class"]);
        b.add_tag_attributes("input", ["type", "checked", "disabled"]);
        b.add_tag_attributes("th", ["align"]);
        b.add_tag_attributes("td", ["align"]);
        b.link_rel(Some("noopener noreferrer"));
        b
    });
    CLEANER.clean(html).to_string()
}

/// The plain text of every top-level heading, by file line.
fn heading_texts<'a>(root: &'a AstNode<'a>, offset: usize) -> HashMap<usize, (u8, String)> {
    let mut out = HashMap::new();
    for n in root.children() {
        let (level, line) = match &n.data.borrow().value {
            NodeValue::Heading(h) => (h.level, n.data.borrow().sourcepos.start.line),
            _ => continue,
        };
        let mut text = String::new();
        for d in n.descendants() {
            match &d.data.borrow().value {
                NodeValue::Text(t) => text.push_str(t),
                NodeValue::Code(c) => text.push_str(&c.literal),
                NodeValue::SoftBreak | NodeValue::LineBreak => text.push(' '),
                _ => {}
            }
        }
        out.insert(line + offset, (level, text));
    }
    out
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

/// A heading's id: its text as a slug of a few words.
pub fn heading_slug(text: &str) -> String {
    let mut slug = crate::proposal::slugify(text);
    if slug.len() > 40 {
        let cut = slug[..40].rfind('-').unwrap_or(40);
        slug.truncate(cut);
    }
    if slug.is_empty() {
        slug.push_str("section");
    }
    if slug.starts_with(|c: char| c.is_ascii_digit()) {
        slug.insert_str(0, "s-");
    }
    slug
}

/// Splits comrak's output into top-level blocks and gives each its id
/// (see the module docs) and its classes (`classes(line)` for headings);
/// `data-sourcepos` attributes are dropped.
fn identify(
    html: &str,
    offset: usize,
    headings: &HashMap<usize, (u8, String)>,
    classes: impl Fn(usize) -> String,
) -> (Vec<String>, BTreeMap<usize, String>) {
    static POS: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r#" data-sourcepos="(\d+):\d+-\d+:\d+""#).unwrap());
    let mut used: HashSet<String> = RESERVED.iter().map(|s| s.to_string()).collect();
    let mut unique = |base: String| {
        let mut id = base.clone();
        let mut n = 2;
        while used.contains(&id) || is_page_id(&id) {
            id = format!("{base}-{n}");
            n += 1;
        }
        used.insert(id.clone());
        id
    };
    let mut blocks = Vec::new();
    let mut anchors = BTreeMap::new();
    let mut under = String::from("top");
    let mut nth = 0;
    for piece in split_top(html) {
        let line = POS
            .captures(piece)
            .and_then(|c| c[1].parse::<usize>().ok())
            .map(|l| l + offset);
        let body = POS.replace_all(piece, "");
        let heading = line.and_then(|l| headings.get(&l));
        let (id, class) = match heading {
            Some((_, text)) => {
                let id = unique(heading_slug(text));
                under = id.clone();
                nth = 0;
                (id, line.map(&classes).unwrap_or_default())
            }
            None => {
                nth += 1;
                (unique(format!("{under}-{nth}")), String::new())
            }
        };
        let block = if let Some(tag) = body.strip_prefix('<') {
            let name_end = tag
                .find(|c: char| !c.is_ascii_alphanumeric())
                .map_or(body.len(), |i| i + 1);
            let mut b = String::with_capacity(body.len() + 80);
            b.push_str(&body[..name_end]);
            b.push_str(&format!(" id=\"{id}\""));
            if !class.is_empty() {
                b.push_str(&format!(" class=\"{class}\""));
            }
            b.push_str(&body[name_end..]);
            b
        } else {
            format!("<p id=\"{id}\">{body}</p>")
        };
        if let Some(l) = line {
            anchors.entry(l).or_insert(id);
        }
        blocks.push(block);
    }
    (blocks, anchors)
}

/// Ids the pages give their own elements: findings (`f-3`), iterations (`i-3`).
fn is_page_id(id: &str) -> bool {
    let mut parts = id.splitn(2, '-');
    matches!(
        (parts.next(), parts.next()),
        (Some("f" | "i"), Some(n)) if n.chars().all(|c| c.is_ascii_digit())
    )
}

/// Elements that have no end tag.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr",
];

/// The top-level elements of well-formed HTML (comrak's or ammonia's
/// output), and any text between them, trimmed.
fn split_top(html: &str) -> Vec<&str> {
    let b = html.as_bytes();
    let mut out = Vec::new();
    let mut depth = 0usize;
    let mut start: Option<usize> = None;
    let mut i = 0;
    while i < b.len() {
        if b[i] != b'<' {
            let next = html[i..].find('<').map_or(b.len(), |k| i + k);
            if depth == 0 {
                let text = html[i..next].trim();
                if !text.is_empty() {
                    out.push(text);
                }
            }
            i = next;
            continue;
        }
        let end = tag_end(b, i);
        let tag = &html[i..end];
        let closing = tag.starts_with("</");
        let name: String = tag[if closing { 2 } else { 1 }..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        let empty = tag.ends_with("/>") || VOID.contains(&name.as_str()) || tag.starts_with("<!");
        if depth == 0 && start.is_none() {
            start = Some(i);
        }
        if closing {
            depth = depth.saturating_sub(1);
        } else if !empty {
            depth += 1;
        }
        if depth == 0
            && let Some(s) = start.take()
        {
            out.push(&html[s..end]);
        }
        i = end;
    }
    if let Some(s) = start {
        out.push(&html[s..]);
    }
    out
}

/// Index just past the `>` closing the tag that starts at `i`, skipping
/// quoted attribute values.
fn tag_end(b: &[u8], i: usize) -> usize {
    let mut quote = None;
    let mut j = i + 1;
    while j < b.len() {
        match (quote, b[j]) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, b'"' | b'\'') => quote = Some(b[j]),
            (None, b'>') => return j + 1,
            _ => {}
        }
        j += 1;
    }
    b.len()
}

/// The table of contents: press release, its sections, the FAQ parts and
/// their questions, each pointing at its block's id.
pub fn toc(p: &Proposal, r: &Rendered) -> Vec<TocEntry> {
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
        if let Some(anchor) = r.anchor_for(s.line) {
            toc.push((s.line, level, s.heading.clone(), anchor));
        }
    }
    for f in &p.body.faqs {
        if let Some(anchor) = r.anchor_for(f.line) {
            toc.push((f.line, 3, f.question.clone(), anchor));
        }
    }
    toc.sort_by_key(|t| t.0);
    toc.dedup_by(|a, b| a.0 == b.0);
    toc.into_iter()
        .map(|(_, level, text, anchor)| TocEntry {
            level,
            text,
            anchor,
        })
        .collect()
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
        render(&p, &Arc::new(pages))
    }

    #[test]
    fn hostile_input_is_inert() {
        let r = render_text(
            "---\ntitle: x\n---\n# T\n\n<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n\
             [a](javascript:alert(1)) [b](JaVaScRiPt:alert(1)) [c]( data:text/html,x) [d](vbscript:x)\n\n\
             <details open onclick=alert(2)><summary>s</summary>x</details>\n\n\
             <a href=\"jav&#x09;ascript:alert(3)\">a</a> <a href=javascript:alert(4)>b</a>\n\n\
             <details><summary>ok <img src=x onerror=alert(5)></summary></details>\n\n\
             <style>p{}</style> <iframe src=x></iframe> <svg onload=alert(6)>\n",
        );
        // Every real tag is harmless; the rest is text.
        let tags = Regex::new(r"<[a-zA-Z][^>]*>").unwrap();
        for tag in tags.find_iter(&r.html) {
            let t = tag.as_str().to_lowercase();
            for bad in [
                "<script",
                "<img",
                "<style",
                "<iframe",
                "<svg",
                "javascript:",
                "data:",
                "vbscript",
                "onclick",
                "onerror",
                "onload",
            ] {
                assert!(!t.contains(bad), "{bad} in {t}: {}", r.html);
            }
        }
        assert!(r.html.contains("&lt;script&gt;"), "{}", r.html);
    }

    #[test]
    fn allowlisted_html_renders() {
        let r = render_text(
            "# T\n\n<details>\n<summary>More about it</summary>\n\nHidden *text*.\n\n</details>\n\nA<sup>2</sup> and <br> and Vec<T> here.\n",
        );
        assert!(r.html.contains("<details"), "{}", r.html);
        assert!(
            r.html.contains("<summary>More about it</summary>"),
            "{}",
            r.html
        );
        assert!(r.html.contains("<em>text</em>"), "{}", r.html);
        assert!(r.html.contains("A<sup>2</sup>"), "{}", r.html);
        assert!(r.html.contains("Vec&lt;T&gt;"), "{}", r.html);
        // The details block is one block with one id.
        assert_eq!(r.blocks.len(), 3, "{:#?}", r.blocks);
    }

    #[test]
    fn comments_are_dropped_and_blocks_named() {
        let r = render_text(
            "---\ntitle: x\n---\n# T\n\n<!-- guidance -->\n\nText here.\n\n## Problem\n\nOne.\n\nTwo.\n\n# FAQ\n\n## External FAQ\n",
        );
        assert!(!r.html.contains("guidance"), "{}", r.html);
        assert!(r.html.contains(r#"<h1 id="t">T</h1>"#), "{}", r.html);
        assert!(r.html.contains(r#"<p id="t-1">Text here."#), "{}", r.html);
        assert!(r.html.contains(r#"<p id="problem-2">Two."#), "{}", r.html);
        assert!(
            r.html.contains(r#"id="problem" class="label""#),
            "{}",
            r.html
        );
        assert!(
            r.html.contains(r#"id="faq" class="faq-start""#),
            "{}",
            r.html
        );
        assert_eq!(r.anchor_for(9), Some("t-1".to_string()));
        assert_eq!(r.anchor_for(15), Some("problem-2".to_string()));
    }

    #[test]
    fn ids_do_not_move_when_text_above_changes() {
        let a = render_text("# T\n\n## Risks\n\nThe risk.\n");
        let b = render_text("# T\n\nA new\nlong\nparagraph.\n\n## Risks\n\nThe risk.\n");
        assert!(a.html.contains(r#"<p id="risks-1">The risk."#));
        assert!(b.html.contains(r#"<p id="risks-1">The risk."#));
    }

    #[test]
    fn punctuation_is_typographic() {
        let r = render_text("# T\n\n\"Quoted\" -- and it's done...\n");
        assert!(r.html.contains("“Quoted” – and it’s done…"), "{}", r.html);
    }

    #[test]
    fn headings_never_take_a_page_id() {
        let r = render_text("# Main\n\n## Search\n\n## F 1\n");
        assert!(r.html.contains(r#"id="main-2""#), "{}", r.html);
        assert!(r.html.contains(r#"id="search-2""#), "{}", r.html);
        assert!(r.html.contains(r#"id="f-1-2""#), "{}", r.html);
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

    #[test]
    fn inline_fragments_lose_their_paragraph() {
        assert_eq!(
            inline("Add a `problem` section"),
            "Add a <code>problem</code> section"
        );
    }
}
