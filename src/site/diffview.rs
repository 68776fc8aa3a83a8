//! What an iteration changed, as a reader sees it: the word diff of
//! `diff::diff_text` (computed once per iteration) shown as the rendered
//! document, section by section under its heading, with `<ins>` and `<del>`
//! inside paragraphs and unchanged sections folded; and the same diff raw,
//! as Markdown, for those who want to see the markup.

use super::render::{self, escape};
use crate::diff::{BlockChange, BlockDiff, Op, TextDiff};

/// Private-use characters that stand for `<ins>`, `</ins>`, `<del>` and
/// `</del>` while a changed paragraph goes through the Markdown renderer.
const INS_OPEN: char = '\u{E000}';
const INS_CLOSE: char = '\u{E001}';
const DEL_OPEN: char = '\u{E002}';
const DEL_CLOSE: char = '\u{E003}';

/// The rendered diff of one iteration. `old` and `new` are the two texts
/// the diff compared (front-matter included: its blocks are left out here,
/// the front-matter table shows them). `pages` rewrites links to other
/// proposals, as on the page the HTML goes on.
pub fn rendered(d: &TextDiff, old: &str, new: &str, pages: &render::Pages) -> String {
    let (old_front, new_front) = (front_lines(old), front_lines(new));
    let body: Vec<&BlockDiff> = d
        .blocks
        .iter()
        .filter(|b| {
            !(b.new_line.is_some_and(|l| l <= new_front)
                || b.old_line.is_some_and(|l| l <= old_front))
        })
        .collect();
    let groups = group(&body);
    let mut out = String::new();
    let mut folded = 0;
    for g in &groups {
        if g.unchanged() {
            folded += 1;
            continue;
        }
        fold(&mut out, folded, "section");
        folded = 0;
        out.push_str("<section class=\"rd-section\">\n");
        if let Some(h) = g.heading {
            let md = mixed(h);
            let (level, md) = heading_parts(&md);
            let text = marks(&render::inline(md));
            let text = match h.change {
                BlockChange::Added => format!("<ins>{text}</ins>"),
                BlockChange::Removed => format!("<del>{text}</del>"),
                _ => text,
            };
            out.push_str(&format!(
                "<p class=\"rd-h rd-h{level}{}\">{text}</p>\n",
                change_class(h.change)
            ));
        }
        let mut quiet = 0;
        for b in &g.items {
            if b.change == BlockChange::Unchanged {
                quiet += 1;
                continue;
            }
            fold(&mut out, quiet, "paragraph");
            quiet = 0;
            let html = marks(&render::fragment(&mixed(b), pages));
            // Whole blocks added or removed are <ins>/<del> themselves
            // (both may hold paragraphs and lists).
            let tag = match b.change {
                BlockChange::Added => "ins",
                BlockChange::Removed => "del",
                _ => "div",
            };
            out.push_str(&format!(
                "<{tag} class=\"rd-b{}\">{}</{tag}>\n",
                change_class(b.change),
                html.trim_end()
            ));
        }
        fold(&mut out, quiet, "paragraph");
        out.push_str("</section>\n");
    }
    if !out.is_empty() {
        fold(&mut out, folded, "section");
    }
    out
}

/// The changed paragraphs of a word diff, as Markdown, with `<ins>` and
/// `<del>`: the raw view.
pub fn raw(d: &TextDiff) -> String {
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
    out
}

/// Words of an unchanged run kept on each side of a change in
/// [`raw_short`], and of a paragraph added or removed whole.
const CONTEXT: usize = 3;
const WHOLE: usize = 8;

/// [`raw`], shortened to what the rendered view cannot show: the changed
/// paragraphs only (not those added or removed whole), their unchanged
/// runs cut to a few words around each change, so the raw view costs
/// little beside the rendered one (`wb history --diff` prints everything).
pub fn raw_short(d: &TextDiff) -> String {
    let mut out = String::new();
    // Paragraphs added or removed whole read the same rendered; the raw
    // view is for what changed inside one (markup, links, YAML).
    for b in d.changed().filter(|b| b.change == BlockChange::Changed) {
        out.push_str("<p>");
        let last = b.spans.len().saturating_sub(1);
        for (i, span) in b.spans.iter().enumerate() {
            match span.op {
                Op::Equal => out.push_str(&escape(&elide(&span.text, i > 0, i < last))),
                Op::Insert | Op::Delete if b.change != BlockChange::Changed => {
                    let tag = if span.op == Op::Insert { "ins" } else { "del" };
                    out.push_str(&marked(tag, &escape(&first_words(&span.text))));
                }
                Op::Insert => out.push_str(&marked("ins", &escape(&span.text))),
                Op::Delete => out.push_str(&marked("del", &escape(&span.text))),
            }
        }
        out.push_str("</p>\n");
    }
    out
}

/// An unchanged run with only [`CONTEXT`] words kept next to the changes
/// before (`after_change`) and after it (`before_change`).
fn elide(text: &str, after_change: bool, before_change: bool) -> String {
    let words: Vec<&str> = text.split_inclusive(char::is_whitespace).collect();
    let keep = CONTEXT * (usize::from(after_change) + usize::from(before_change));
    if words.len() <= keep + 2 {
        return text.to_string();
    }
    let head: String = if after_change {
        words[..CONTEXT].concat()
    } else {
        String::new()
    };
    let tail: String = if before_change {
        words[words.len() - CONTEXT..].concat()
    } else {
        String::new()
    };
    format!("{head}… {tail}")
}

/// The first [`WHOLE`] words of a paragraph, and how many more there are.
fn first_words(text: &str) -> String {
    let words: Vec<&str> = text.split_inclusive(char::is_whitespace).collect();
    if words.len() <= WHOLE + 5 {
        return text.to_string();
    }
    format!(
        "{}… ({} more words)",
        words[..WHOLE].concat(),
        words.len() - WHOLE
    )
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

fn change_class(c: BlockChange) -> &'static str {
    match c {
        BlockChange::Added => " rd-added",
        BlockChange::Removed => " rd-removed",
        BlockChange::Changed => " rd-changed",
        BlockChange::Unchanged => "",
    }
}

/// "3 sections unchanged", "1 paragraph unchanged".
fn fold(out: &mut String, n: usize, what: &str) {
    if n > 0 {
        out.push_str(&format!(
            "<p class=\"rd-fold\">{n} {what}{} unchanged</p>\n",
            if n == 1 { "" } else { "s" }
        ));
    }
}

/// A heading and the blocks under it (up to the next heading).
struct Group<'a> {
    heading: Option<&'a BlockDiff>,
    items: Vec<&'a BlockDiff>,
}

impl Group<'_> {
    fn unchanged(&self) -> bool {
        self.heading
            .is_none_or(|h| h.change == BlockChange::Unchanged)
            && self
                .items
                .iter()
                .all(|b| b.change == BlockChange::Unchanged)
    }
}

fn group<'a>(blocks: &[&'a BlockDiff]) -> Vec<Group<'a>> {
    let mut out: Vec<Group> = Vec::new();
    for b in blocks {
        if is_heading(&text_of(b)) {
            out.push(Group {
                heading: Some(b),
                items: Vec::new(),
            });
        } else {
            match out.last_mut() {
                Some(g) => g.items.push(b),
                None => out.push(Group {
                    heading: None,
                    items: vec![b],
                }),
            }
        }
    }
    out
}

/// The block's text as its newer version has it (the old one when removed).
fn text_of(b: &BlockDiff) -> String {
    let keep = if b.change == BlockChange::Removed {
        Op::Delete
    } else {
        Op::Insert
    };
    b.spans
        .iter()
        .filter(|s| s.op == Op::Equal || s.op == keep)
        .map(|s| s.text.as_str())
        .collect()
}

fn is_heading(text: &str) -> bool {
    let t = text.trim_start();
    let hashes = t.chars().take_while(|&c| c == '#').count();
    (1..=6).contains(&hashes) && t[hashes..].chars().next().is_none_or(char::is_whitespace)
}

/// A heading's level and its text without the `#`s (sentinels and all).
fn heading_parts(md: &str) -> (usize, &str) {
    let t = md.trim_start_matches([INS_OPEN, INS_CLOSE, DEL_OPEN, DEL_CLOSE, ' ']);
    let level = t.chars().take_while(|&c| c == '#').count().clamp(1, 6);
    let rest = t.trim_start_matches('#');
    // Marks that stood on the `#`s: keep their effect on the text.
    (level, rest.trim_start())
}

/// The block as Markdown; in a changed block, with the sentinels around
/// inserted and deleted runs. Marks never touch the block's leading markers
/// (`- `, `1. `, `> `, `## `) so the block still parses as what it is.
fn mixed(b: &BlockDiff) -> String {
    if b.change != BlockChange::Changed {
        return text_of(b);
    }
    let prefix = leading_markers(&text_of(b));
    let mut out = String::new();
    let mut pos = 0;
    for span in &b.spans {
        match span.op {
            Op::Equal => {
                out.push_str(&span.text);
                pos += span.text.len();
            }
            Op::Delete if pos < prefix => {}
            Op::Delete => out.push_str(&wrap_words(&span.text, DEL_OPEN, DEL_CLOSE)),
            Op::Insert => {
                let inside = prefix.saturating_sub(pos).min(span.text.len());
                let inside = (0..=inside)
                    .rev()
                    .find(|&k| span.text.is_char_boundary(k))
                    .unwrap_or(0);
                out.push_str(&span.text[..inside]);
                out.push_str(&wrap_words(&span.text[inside..], INS_OPEN, INS_CLOSE));
                pos += span.text.len();
            }
        }
    }
    out
}

/// `open words close`, with the surrounding whitespace left outside; runs
/// over several lines are marked line by line.
fn wrap_words(text: &str, open: char, close: char) -> String {
    if text.contains('\n') {
        return text
            .split('\n')
            .map(|l| wrap_words(l, open, close))
            .collect::<Vec<_>>()
            .join("\n");
    }
    let core = text.trim();
    if core.is_empty() {
        return text.to_string();
    }
    let start = text.len() - text.trim_start().len();
    let end = start + core.len();
    format!("{}{open}{core}{close}{}", &text[..start], &text[end..])
}

/// Length of the block markers a Markdown line starts with.
fn leading_markers(text: &str) -> usize {
    let mut i = 0;
    let b = text.as_bytes();
    loop {
        while i < b.len() && b[i] == b' ' {
            i += 1;
        }
        let start = i;
        if i < b.len() && matches!(b[i], b'-' | b'*' | b'+' | b'>') {
            i += 1;
        } else if i < b.len() && b[i] == b'#' {
            while i < b.len() && b[i] == b'#' {
                i += 1;
            }
        } else {
            while i < b.len() && b[i].is_ascii_digit() && i - start < 9 {
                i += 1;
            }
            if i == start || i >= b.len() || !matches!(b[i], b'.' | b')') {
                return start;
            }
            i += 1;
        }
        if i < b.len() && b[i] != b' ' && b[i] != b'\t' {
            return start;
        }
        // A task-list box belongs to the marker too.
        let rest = &text[i..];
        let trimmed = rest.trim_start();
        if ["[ ] ", "[x] ", "[X] "]
            .iter()
            .any(|t| trimmed.starts_with(t))
        {
            i += rest.len() - trimmed.len() + 4;
        }
    }
}

/// Replaces the sentinels in rendered HTML with `<ins>`/`<del>`. A mark is
/// closed before and reopened after every tag, so the marks nest in
/// whatever the Markdown became; sentinels inside a tag are dropped.
fn marks(html: &str) -> String {
    let mut out = String::with_capacity(html.len() + 64);
    let (mut ins, mut del) = (false, false);
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' if !in_tag => {
                if ins {
                    out.push_str("</ins>");
                }
                if del {
                    out.push_str("</del>");
                }
                in_tag = true;
                out.push(c);
            }
            '>' if in_tag => {
                in_tag = false;
                out.push(c);
                if del {
                    out.push_str("<del>");
                }
                if ins {
                    out.push_str("<ins>");
                }
            }
            INS_OPEN | INS_CLOSE | DEL_OPEN | DEL_CLOSE if in_tag => {}
            INS_OPEN if !ins => {
                ins = true;
                out.push_str("<ins>");
            }
            INS_CLOSE if ins => {
                ins = false;
                out.push_str("</ins>");
            }
            DEL_OPEN if !del => {
                del = true;
                out.push_str("<del>");
            }
            DEL_CLOSE if del => {
                del = false;
                out.push_str("</del>");
            }
            INS_OPEN | INS_CLOSE | DEL_OPEN | DEL_CLOSE => {}
            c => out.push(c),
        }
    }
    if ins {
        out.push_str("</ins>");
    }
    if del {
        out.push_str("</del>");
    }
    out.replace("<ins></ins>", "").replace("<del></del>", "")
}

/// How many lines the front-matter block takes (fences included); 0 when
/// the text has none.
fn front_lines(text: &str) -> usize {
    let mut lines = text.lines();
    if lines.next().map(str::trim_end) != Some("---") {
        return 0;
    }
    lines
        .position(|l| matches!(l.trim_end(), "---" | "..."))
        .map_or(0, |i| i + 2)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diff::diff_text;

    fn show(old: &str, new: &str) -> String {
        rendered(&diff_text(old, new), old, new, &render::no_pages())
    }

    #[test]
    fn a_changed_paragraph_renders_under_its_heading() {
        let old = "---\ntitle: T\nstatus: draft\n---\n# T\n\n## Problem\n\nRefunds take **two** days.\n\nSecond.\n\n## Solution\n\nTap it.\n\n## Pricing\n\nFree.\n";
        let new = old
            .replace("take **two**", "take **three**")
            .replace("status: draft", "status: review");
        let html = show(old, &new);
        assert!(
            html.contains("<p class=\"rd-h rd-h2\">Problem</p>"),
            "{html}"
        );
        assert!(
            html.contains("Refunds take <strong><del>two</del></strong><strong><ins>three</ins></strong> days."),
            "{html}"
        );
        assert!(html.contains("1 paragraph unchanged"), "{html}");
        assert!(html.contains("1 section unchanged"), "{html}");
        assert!(html.contains("2 sections unchanged"), "{html}");
        assert!(
            !html.contains("status"),
            "front-matter is left to its table: {html}"
        );
        assert!(!html.contains('#'), "{html}");
    }

    #[test]
    fn list_items_and_headings_keep_their_shape() {
        let old = "# T\n\n- one item\n- two items\n";
        let new = "# T changed\n\n- one item\n- three items\n";
        let html = show(old, new);
        assert!(
            html.contains("<li><del>two</del><ins>three</ins> items</li>"),
            "{html}"
        );
        assert!(
            html.contains("rd-h1 rd-changed\">T <ins>changed</ins>"),
            "{html}"
        );
    }

    #[test]
    fn added_and_removed_paragraphs_are_marked_whole() {
        let old = "# T\n\nGoing away.\n";
        let new = "# T\n\n> A quote arrives.\n";
        let html = show(old, new);
        assert!(
            html.contains("<del class=\"rd-b rd-removed\"><p>Going away.</p></del>"),
            "{html}"
        );
        assert!(
            html.contains("<ins class=\"rd-b rd-added\"><blockquote>\n<p>A quote arrives.</p>"),
            "{html}"
        );
    }

    #[test]
    fn hostile_text_stays_inert_in_a_diff() {
        let old = "# T\n\nHello.\n";
        let new = "# T\n\nHello <script>alert(1)</script> [x](javascript:alert(2)).\n";
        let html = show(old, new);
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("javascript:"), "{html}");
    }

    #[test]
    fn the_short_raw_view_keeps_the_changes_and_their_context() {
        let long = "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty";
        let old = format!("{long} old end.\n");
        let new = format!("{long} new end.\n");
        let short = raw_short(&diff_text(&old, &new));
        assert!(short.contains("<del>old</del>"), "{short}");
        assert!(short.contains("<ins>new</ins>"), "{short}");
        assert!(short.starts_with("<p>… eighteen"), "{short}");
        assert!(!short.contains("one two"), "{short}");
    }

    #[test]
    fn marks_close_around_tags() {
        assert_eq!(
            marks("<p>a \u{E000}b <em>c</em> d\u{E001} e</p>"),
            "<p>a <ins>b </ins><em><ins>c</ins></em><ins> d</ins> e</p>"
        );
        assert_eq!(
            marks("<a href=\"x\u{E000}y\">z</a>"),
            "<a href=\"xy\">z</a>"
        );
    }
}
