//! Markdown for a terminal: a proposal's body as styled lines (headings,
//! emphasis, lists, quotes, code, tables) wrapped to a width, for `wb
//! show`. Styles are ANSI sequences; the caller's stream strips them when
//! the output is not a terminal. Guidance comments are left out, as on the
//! site, and control characters in the text never reach the terminal.

use anstyle::{AnsiColor, Effects, Style};
use comrak::nodes::{AstNode, ListType, NodeValue};
use comrak::{Arena, parse_document};
use unicode_width::UnicodeWidthStr;

const HEADING: Style = Style::new().bold();
const CODE: Style = AnsiColor::Cyan.on_default();
const DIM: Style = Style::new().dimmed();

/// `markdown` rendered as lines no wider than `width` (a word longer than
/// the width, a code line or a table row may be wider), joined with `\n`.
pub fn render(markdown: &str, width: usize) -> String {
    let arena = Arena::new();
    let root = parse_document(&arena, markdown, &crate::proposal::body::comrak_options());
    let mut r = Renderer {
        out: Vec::new(),
        width: width.max(20),
    };
    r.children(root, "", "");
    while r.out.last().is_some_and(|l| l.trim().is_empty()) {
        r.out.pop();
    }
    let mut text = r.out.join("\n");
    text.push('\n');
    text
}

/// Plain text (no Markdown) filled into lines of `width`: `first` starts
/// the first line, `rest` the others (a hanging indent).
pub fn wrap(text: &str, width: usize, first: &str, rest: &str) -> String {
    let mut r = Renderer {
        out: Vec::new(),
        width: width.max(20),
    };
    r.wrap(&[(sanitize(text), Style::new())], first, rest);
    r.out.join("\n")
}

struct Renderer {
    out: Vec<String>,
    width: usize,
}

/// A run of text in one style.
type Span = (String, Style);

impl Renderer {
    /// The block children of `node`, a blank line between them; `first`
    /// prefixes the first line (a list marker), `rest` every other line.
    fn children<'a>(&mut self, node: &'a AstNode<'a>, first: &str, rest: &str) {
        let tight = matches!(&node.data.borrow().value, NodeValue::Item(l) if l.tight);
        let mut prefix = first.to_string();
        for (i, child) in node.children().filter(|c| !is_comment(c)).enumerate() {
            if i > 0 && !tight {
                self.out.push(rest.trim_end().to_string());
            }
            self.block(child, &prefix, rest);
            prefix = rest.to_string();
        }
    }

    fn block<'a>(&mut self, node: &'a AstNode<'a>, first: &str, rest: &str) {
        let value = node.data.borrow().value.clone();
        match value {
            NodeValue::Paragraph => {
                let spans = inline(node, Style::new());
                self.wrap(&spans, first, rest);
            }
            NodeValue::Heading(h) => {
                let style = match h.level {
                    1 => HEADING.underline(),
                    2 => HEADING,
                    _ => HEADING.italic(),
                };
                let marks = format!("{} ", "#".repeat(usize::from(h.level)));
                let mut spans = vec![(marks, DIM)];
                spans.extend(inline(node, style));
                self.wrap(&spans, first, rest);
            }
            NodeValue::List(list) => self.list(node, list.list_type, list.start, first, rest),
            NodeValue::BlockQuote | NodeValue::MultilineBlockQuote(_) => {
                let bar = format!("{DIM}│{DIM:#} ");
                self.children(node, &format!("{first}{bar}"), &format!("{rest}{bar}"));
            }
            NodeValue::CodeBlock(c) => {
                let mut prefix = first;
                for line in c.literal.trim_end_matches('\n').lines() {
                    let line = sanitize(line);
                    self.out.push(format!("{prefix}    {CODE}{line}{CODE:#}"));
                    prefix = rest;
                }
            }
            NodeValue::ThematicBreak => {
                let line = "─".repeat(self.room(rest).min(40));
                self.out.push(format!("{first}{DIM}{line}{DIM:#}"));
            }
            NodeValue::Table(_) => self.table(node, first, rest),
            NodeValue::HtmlBlock(h) => {
                let mut prefix = first;
                for line in h.literal.trim_end().lines() {
                    self.out
                        .push(format!("{prefix}{DIM}{}{DIM:#}", sanitize(line)));
                    prefix = rest;
                }
            }
            NodeValue::FootnoteDefinition(f) => {
                let mark = format!("[^{}] ", sanitize(&f.name));
                let pad = " ".repeat(mark.width());
                self.children(node, &format!("{first}{mark}"), &format!("{rest}{pad}"));
            }
            _ => self.children(node, first, rest),
        }
    }

    fn list<'a>(
        &mut self,
        node: &'a AstNode<'a>,
        kind: ListType,
        start: usize,
        first: &str,
        rest: &str,
    ) {
        let tight = matches!(&node.data.borrow().value, NodeValue::List(l) if l.tight);
        let mut prefix = first.to_string();
        for (i, item) in node.children().enumerate() {
            if i > 0 && !tight {
                self.out.push(rest.trim_end().to_string());
            }
            let task = match &item.data.borrow().value {
                NodeValue::TaskItem(t) => Some(t.symbol.is_some()),
                _ => None,
            };
            let marker = match (kind, task) {
                (_, Some(true)) => "[x] ".to_string(),
                (_, Some(false)) => "[ ] ".to_string(),
                (ListType::Ordered, None) => format!("{}. ", start + i),
                (ListType::Bullet, None) => "• ".to_string(),
            };
            let pad = " ".repeat(marker.width());
            self.children(item, &format!("{prefix}{marker}"), &format!("{rest}{pad}"));
            prefix = rest.to_string();
        }
    }

    /// Rows with cells separated by a bar; the header row bold. Not wrapped.
    fn table<'a>(&mut self, node: &'a AstNode<'a>, first: &str, rest: &str) {
        let rows: Vec<(bool, Vec<String>)> = node
            .children()
            .map(|row| {
                let header = matches!(row.data.borrow().value, NodeValue::TableRow(true));
                let cells = row
                    .children()
                    .map(|c| inline(c, Style::new()).into_iter().map(|s| s.0).collect())
                    .collect();
                (header, cells)
            })
            .collect();
        let columns = rows.iter().map(|r| r.1.len()).max().unwrap_or(0);
        let widths: Vec<usize> = (0..columns)
            .map(|i| {
                rows.iter()
                    .filter_map(|r| r.1.get(i))
                    .map(|c| c.width())
                    .max()
                    .unwrap_or(0)
            })
            .collect();
        let mut prefix = first;
        for (header, cells) in &rows {
            let style = if *header { HEADING } else { Style::new() };
            let line: Vec<String> = cells
                .iter()
                .zip(&widths)
                .map(|(c, w)| format!("{style}{c}{style:#}{}", " ".repeat(w - c.width())))
                .collect();
            self.out.push(
                format!("{prefix}{}", line.join(&format!(" {DIM}│{DIM:#} ")))
                    .trim_end()
                    .to_string(),
            );
            prefix = rest;
        }
    }

    /// The columns left for text after `prefix`.
    fn room(&self, prefix: &str) -> usize {
        self.width.saturating_sub(visible_width(prefix)).max(10)
    }

    /// Fills lines word by word; a line break in the text (`\n` in a
    /// span) starts a new line.
    fn wrap(&mut self, spans: &[Span], first: &str, rest: &str) {
        let mut prefix = first;
        for words in split_lines(spans) {
            let mut room = self.room(prefix);
            let mut line = String::new();
            let mut used = 0;
            for word in words {
                let w: usize = word.iter().map(|(t, _)| t.width()).sum();
                if used > 0 && used + 1 + w > room {
                    self.out.push(format!("{prefix}{line}"));
                    prefix = rest;
                    room = self.room(prefix);
                    line.clear();
                    used = 0;
                }
                if used > 0 {
                    line.push(' ');
                    used += 1;
                }
                for (t, s) in &word {
                    line.push_str(&format!("{s}{t}{s:#}"));
                }
                used += w;
            }
            self.out.push(format!("{prefix}{line}"));
            prefix = rest;
        }
    }
}

/// The inline content of `node` as styled spans, `style` applied to all.
fn inline<'a>(node: &'a AstNode<'a>, style: Style) -> Vec<Span> {
    let mut out = Vec::new();
    for child in node.children() {
        let value = child.data.borrow().value.clone();
        let add = |e: Effects| style.effects(style.get_effects() | e);
        match value {
            NodeValue::Text(t) => out.push((sanitize(&t), style)),
            NodeValue::Code(c) => out.push((sanitize(&c.literal), CODE)),
            NodeValue::SoftBreak => out.push((" ".into(), style)),
            NodeValue::LineBreak => out.push(("\n".into(), style)),
            NodeValue::Emph => out.extend(inline(child, add(Effects::ITALIC))),
            NodeValue::Strong => out.extend(inline(child, add(Effects::BOLD))),
            NodeValue::Strikethrough => out.extend(inline(child, add(Effects::STRIKETHROUGH))),
            NodeValue::Link(link) => {
                let text = inline(child, add(Effects::UNDERLINE));
                let shown: String = text.iter().map(|s| s.0.as_str()).collect();
                out.extend(text);
                let url = sanitize(&link.url);
                if !url.is_empty() && shown != url && format!("mailto:{shown}") != url {
                    out.push((format!(" <{url}>"), DIM));
                }
            }
            NodeValue::Image(link) => {
                let alt: String = inline(child, style).into_iter().map(|s| s.0).collect();
                out.push((format!("[image: {alt}]"), DIM));
                let _ = link;
            }
            NodeValue::FootnoteReference(f) => out.push((format!("[^{}]", sanitize(&f.name)), DIM)),
            NodeValue::HtmlInline(h) if h.trim_start().starts_with("<!--") => {}
            NodeValue::HtmlInline(h) => out.push((sanitize(&h), DIM)),
            _ => out.extend(inline(child, style)),
        }
    }
    out
}

/// Spans cut into lines (at `\n`) of words (at spaces), each word a list
/// of styled pieces.
fn split_lines(spans: &[Span]) -> Vec<Vec<Vec<Span>>> {
    let mut lines = vec![Vec::new()];
    let mut word: Vec<Span> = Vec::new();
    fn end_word(lines: &mut [Vec<Vec<Span>>], word: &mut Vec<Span>) {
        if !word.is_empty() {
            lines
                .last_mut()
                .expect("one line")
                .push(std::mem::take(word));
        }
    }
    for (text, style) in spans {
        let mut piece = String::new();
        for c in text.chars() {
            if c == '\n' || c.is_whitespace() {
                if !piece.is_empty() {
                    word.push((std::mem::take(&mut piece), *style));
                }
                end_word(&mut lines, &mut word);
                if c == '\n' {
                    lines.push(Vec::new());
                }
            } else {
                piece.push(c);
            }
        }
        if !piece.is_empty() {
            word.push((piece, *style));
        }
    }
    end_word(&mut lines, &mut word);
    lines
}

fn is_comment<'a>(node: &'a AstNode<'a>) -> bool {
    matches!(&node.data.borrow().value, NodeValue::HtmlBlock(h) if h.literal.trim_start().starts_with("<!--") && h.literal.trim_end().ends_with("-->"))
}

/// Control characters (an escape sequence in the text) become `?`, and so
/// do the invisible ones that change what a line seems to say: bidi
/// overrides, embeddings, isolates and marks (a title shown reversed) and
/// zero-width spaces (two names that look alike). Tabs become spaces. The
/// zero-width joiner of emoji sequences is kept.
pub fn sanitize(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\t' => ' ',
            c if c.is_control() || is_invisible(c) => '?',
            c => c,
        })
        .collect()
}

/// Characters that display as nothing but change the text around them.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{061C}'
            | '\u{200B}'
            | '\u{200C}'
            | '\u{200E}'
            | '\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}'
            | '\u{FEFF}'
    )
}

/// The width of `s` on screen, ANSI styles left out.
pub fn visible_width(s: &str) -> usize {
    let mut width = 0;
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\x1b' {
            // CSI: ESC [ params final-byte
            if chars.peek() == Some(&'[') {
                chars.next();
                for c in chars.by_ref() {
                    if ('@'..='~').contains(&c) {
                        break;
                    }
                }
            }
            continue;
        }
        width += unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
    }
    width
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The rendering with styles stripped, as a pipe gets it.
    fn plain(md: &str, width: usize) -> String {
        let styled = render(md, width);
        let mut out = String::new();
        let mut chars = styled.chars().peekable();
        while let Some(c) = chars.next() {
            if c == '\x1b' {
                chars.next();
                for c in chars.by_ref() {
                    if ('@'..='~').contains(&c) {
                        break;
                    }
                }
            } else {
                out.push(c);
            }
        }
        out
    }

    #[test]
    fn headings_paragraphs_and_lists_wrap_to_the_width() {
        let md = "# Shops refund in two minutes\n\nOwners lose *whole evenings* to **refund paperwork** every week of the year.\n\n- one benefit that wraps onto a second line here\n- `two`\n\n1. first\n2. second\n\n> A quote from a shop owner\n> in two lines.\n\n<!-- guidance the template left -->\n";
        let text = plain(md, 30);
        assert_eq!(
            text,
            "# Shops refund in two minutes\n\
             \n\
             Owners lose whole evenings to\n\
             refund paperwork every week of\n\
             the year.\n\
             \n\
             • one benefit that wraps onto\n  a second line here\n\
             • two\n\
             \n\
             1. first\n\
             2. second\n\
             \n\
             │ A quote from a shop owner in\n\
             │ two lines.\n"
        );
        assert!(text.lines().all(|l| l.width() <= 30), "{text}");
    }

    #[test]
    fn styles_reach_a_terminal_and_control_characters_do_not() {
        let styled = render("Plain *soft* **loud** \u{1b}[31mred\n", 80);
        assert!(styled.contains(&format!("{}soft", Style::new().italic())));
        assert!(styled.contains(&format!("{}loud", Style::new().bold())));
        assert!(!styled.contains("\u{1b}[31m"), "{styled:?}");
        assert!(styled.contains("?[31mred"));
    }

    #[test]
    fn a_hanging_indent_gets_the_room_of_its_own_prefix() {
        let text = wrap(
            "one two three four five six seven",
            24,
            "a long first prefix: ",
            "  ",
        );
        // The first line gets the least room (10), the others 22.
        assert_eq!(
            text,
            "a long first prefix: one two\n  three four five six\n  seven"
        );
    }

    #[test]
    fn links_code_and_tables() {
        let text = plain(
            "See [the form](https://example.com/f).\n\n```\nlet x = 1;\n```\n\n| a | bb |\n|---|---|\n| 1 | 2 |\n",
            80,
        );
        assert_eq!(
            text,
            "See the form <https://example.com/f>.\n\n    let x = 1;\n\na │ bb\n1 │ 2\n"
        );
    }
}
