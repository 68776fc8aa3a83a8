//! The body of a PR/FAQ: sections with roles, their blocks of text with line
//! spans, FAQ entries and HTML comments, from comrak's syntax tree.
//!
//! Real documents are written in many shapes, so structure is recognised
//! loosely: a heading's role survives numbering, punctuation, emoji, bold
//! wrapping and qualifiers (see [`Aliases::role_of`]); a section may open
//! with a bold lead-in (`**The problem.** Text…`) or a `Label:` line; the
//! headline may be a heading, a bold line under `## Press release`, or the
//! text under a `### Headline` heading; FAQ questions may be headings, bold
//! lines, `Q:` lines or list items, and need not end in `?` when they are
//! clearly questions.

use std::sync::LazyLock;

use comrak::nodes::{AstNode, NodeValue};
use comrak::{Arena, Options, parse_document};
use regex::Regex;
use serde::Serialize;

use super::roles::{self, Aliases, Role};

/// One block of text (paragraph, list, quote, table, code) in the body.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Block {
    pub kind: BlockKind,
    /// First and last line in the file, 1-based.
    pub line: usize,
    pub end_line: usize,
    /// Plain text: inline markup removed, list items on their own lines.
    pub text: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum BlockKind {
    Paragraph,
    /// A list with this many items (nested items included).
    List {
        items: usize,
    },
    Quote,
    Table,
    Code,
}

/// A heading and the blocks directly under it (up to the next heading).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Section {
    pub role: Role,
    /// Heading text; empty for the summary, which has no heading of its own.
    pub heading: String,
    /// Heading level 1-6; 7 for a heading written as a bold line, a
    /// `Label:` lead-in or a paragraph under a `### Headline` heading; 0 for
    /// the summary and text before the first heading.
    pub level: u8,
    /// Line of the heading (of the first block for the summary).
    pub line: usize,
    /// Last line before the next heading of the same or a higher level.
    pub end_line: usize,
    /// True once the FAQ part has begun.
    pub in_faq: bool,
    pub blocks: Vec<Block>,
    /// Words in this section's own blocks.
    pub words: usize,
}

impl Section {
    /// The section's own text, blocks separated by blank lines.
    pub fn text(&self) -> String {
        self.blocks
            .iter()
            .map(|b| b.text.as_str())
            .collect::<Vec<_>>()
            .join("\n\n")
    }

    /// Written as a Markdown heading (not a bold line or a label).
    pub fn is_heading(&self) -> bool {
        (1..=6).contains(&self.level)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FaqKind {
    External,
    Internal,
    /// Under a plain "FAQ" heading that does not say whose questions these are.
    General,
}

/// One question of an FAQ and its answer.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FaqEntry {
    pub kind: FaqKind,
    pub question: String,
    pub answer: String,
    /// Line of the question.
    pub line: usize,
    pub end_line: usize,
    pub answer_words: usize,
}

/// An HTML comment: template guidance or a `wb-disable` directive.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Comment {
    pub line: usize,
    pub end_line: usize,
    /// The text between `<!--` and `-->`, trimmed.
    pub text: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Body {
    pub sections: Vec<Section>,
    pub faqs: Vec<FaqEntry>,
    pub comments: Vec<Comment>,
    /// Words of the body, comments excluded.
    pub words: usize,
}

/// The comrak options wb parses PR/FAQs with (GitHub-flavoured).
pub fn comrak_options() -> Options<'static> {
    let mut o = Options::default();
    o.extension.table = true;
    o.extension.strikethrough = true;
    o.extension.autolink = true;
    o.extension.footnotes = true;
    o.extension.tasklist = true;
    o
}

/// Kana or a CJK ideograph: the scripts of Japanese and Chinese, written
/// without spaces between words.
pub fn is_ideographic(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30ff | 0x3400..=0x4dbf | 0x4e00..=0x9fff | 0xf900..=0xfaff)
}

/// A character of a script that joins words or particles without a space:
/// kana, CJK ideographs, Hangul.
pub fn is_cjk(c: char) -> bool {
    is_ideographic(c) || matches!(c as u32, 0xac00..=0xd7af)
}

pub fn count_words(text: &str) -> usize {
    // Japanese and Chinese put no spaces between words: two of their
    // characters count as a word (an English word comes out at about two
    // to three of them).
    text.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .map(|w| {
            if w.is_ascii() {
                return 1;
            }
            let cjk = w.chars().filter(|&c| is_ideographic(c)).count();
            if cjk == 0 {
                1
            } else {
                (cjk / 2).max(1) + usize::from(w.chars().any(|c| c.is_ascii_alphanumeric()))
            }
        })
        .sum()
}

/// How a heading was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Form {
    /// A Markdown heading, `#` to `######`.
    Heading,
    /// A bold line or a `Q:` line asking a question; the rest of its
    /// paragraph starts the answer.
    Question,
    /// A bold or `Label:` lead-in naming a section (`**The problem.** …`).
    Label,
}

/// A heading as found in the tree, before roles are assigned.
struct RawHeading {
    /// 1-6 for a Markdown heading, 7 for a question or a lead-in, 0 for the
    /// text before the first heading.
    level: u8,
    text: String,
    line: usize,
    blocks: Vec<RawBlock>,
    form: Form,
    /// Written "Title: …" or "Headline: …": the text is the headline.
    labelled_headline: bool,
    /// A question written with a `Q:` prefix: it opens an FAQ even without
    /// an FAQ heading above it.
    prefixed: bool,
}

impl RawHeading {
    fn new(level: u8, text: String, line: usize, form: Form) -> RawHeading {
        RawHeading {
            level,
            text,
            line,
            blocks: Vec::new(),
            form,
            labelled_headline: false,
            prefixed: false,
        }
    }
}

/// A block and what the structure pass needs to know about it.
struct RawBlock {
    block: Block,
    /// A paragraph of bold or italic text only: a headline or subheading
    /// written as a paragraph.
    emphasis: bool,
    /// A list's top-level items.
    items: Vec<Item>,
    /// A paragraph's lines as written (bold markers kept out).
    lines: Vec<String>,
}

/// A list item as a possible FAQ entry: its first line (or its opening bold
/// text) and the rest.
struct Item {
    head: String,
    rest: String,
    line: usize,
    end_line: usize,
}

/// `Title: X` or `Headline: X` in a heading or at the start of a line.
static LABELLED_HEADLINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^\s*(?:title|headline|heading)\s*:\s*(\S.*)$").unwrap());

/// "### Subheading: Market stall owners get their evening back": the
/// template's label, then the subheading itself (three words or more).
static LABELLED_SUBHEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:sub-?\s?head(?:ing|line)|subtitle)\s*:\s*(\S+(?:\s+\S+){2,})$").unwrap()
});

/// "Q:", "Q1:", "Q 2.", "Question:" before a question.
static Q_PREFIX: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^\s*(?:q\s*\d*\s*[:.)]|question\s*\d*\s*[:.)])\s*").unwrap());

/// "A:", "Answer:" before an answer.
static A_PREFIX: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^\s*(?:a\s*\d*\s*[:.)]|answer\s*[:.)])\s*").unwrap());

/// Numbering before a question: "1.", "2)", "#3".
static NUMBERED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*(?:#?\d+[.):]|\(\d+\))\s+").unwrap());

/// Words a question starts with.
const INTERROGATIVES: &[&str] = &[
    "what", "what's", "whats", "why", "how", "how's", "when", "where", "where's", "who", "who's",
    "whom", "whose", "which", "will", "would", "can", "could", "do", "does", "did", "is", "are",
    "was", "were", "should", "shall", "may", "might", "has", "have", "isn't", "aren't", "won't",
    "doesn't", "don't", "can't", "wouldn't", "if", "am",
];

/// A line that releases the press release rather than saying anything:
/// "FOR IMMEDIATE RELEASE", "For immediate release — Seattle".
pub(crate) fn is_release_line(text: &str) -> bool {
    let t = text.trim().to_lowercase();
    t.starts_with("for immediate release")
        || t.starts_with("for release")
        || t.starts_with("embargoed")
        || t.starts_with("for worldwide release")
}

/// The question in `text` (prefix and numbering removed), if it is one.
/// `loose` accepts a question without `?` that starts like one (a list item
/// or bold line under an FAQ heading).
fn question(text: &str, loose: bool) -> Option<String> {
    let text = text.trim();
    let numbered = NUMBERED.replace(text, "");
    let (q, prefixed) = match Q_PREFIX.find(&numbered) {
        Some(m) => (numbered[m.end()..].trim().to_string(), true),
        None => (numbered.trim().to_string(), false),
    };
    if q.is_empty() || count_words(&q) > 60 {
        return None;
    }
    let first = q
        .split_whitespace()
        .next()
        .unwrap_or("")
        .trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .replace('’', "'")
        .to_lowercase();
    let asks = INTERROGATIVES.contains(&first.as_str());
    // Japanese, Chinese and Korean ask with a closing particle as often as
    // with a question mark ("誰のためのツールですか", "支持离线吗").
    // The particle may close a sentence ("誰のためのツールですか。").
    let ends = q.trim_end_matches(['*', '_', ' ']).ends_with(['?', '？'])
        || q.trim_end_matches(['*', '_', ' ', '。', '.'])
            .ends_with(['か', '吗', '呢', '까'])
        // "Usable? (how fast is the first win)": a qualifier in brackets
        // after the question mark.
        || q.trim_end_matches(['*', '_', ' '])
            .strip_suffix(')')
            .and_then(|r| r.rfind('(').map(|at| r[..at].trim_end()))
            .is_some_and(|core| core.trim_end_matches(['*', '_']).ends_with(['?', '？']));
    // "Where does my data live? (privacy)", "What about signatures? They are tricky."
    let inner = q.contains(['?', '？']) && asks;
    let loose_ok = loose && asks && count_words(&q) <= 30;
    (prefixed || ends || inner || loose_ok).then_some(q)
}

/// Parses `body` (which starts after `line_offset` lines of the file).
pub fn parse(body: &str, line_offset: usize, aliases: &Aliases) -> Body {
    let arena = Arena::new();
    let options = comrak_options();
    let root = parse_document(&arena, body, &options);
    let last_line = line_offset + body.lines().count().max(1);

    let mut comments = Vec::new();
    let mut raw: Vec<RawHeading> = vec![RawHeading::new(
        0,
        String::new(),
        line_offset + 1,
        Form::Heading,
    )];
    // Lead-ins name press-release sections; inside an FAQ a bold line is a
    // question or part of an answer.
    let mut faq_seen = false;
    for node in root.children() {
        let ast = node.data.borrow();
        let line = ast.sourcepos.start.line + line_offset;
        let end_line = ast.sourcepos.end.line.max(ast.sourcepos.start.line) + line_offset;
        match &ast.value {
            NodeValue::Heading(h) => {
                let text = inline_text(node);
                let mut heading = RawHeading::new(h.level, text, line, Form::Heading);
                heading.prefixed = Q_PREFIX.is_match(&heading.text);
                if let Some(c) = LABELLED_HEADLINE.captures(&heading.text) {
                    heading.text = c[1].trim().to_string();
                    heading.labelled_headline = true;
                } else if let Some(c) = LABELLED_SUBHEADING.captures(&heading.text) {
                    heading.text = c[1].trim().to_string();
                } else if !roles::is_title_label(&heading.text)
                    && aliases.role_of(&heading.text).is_some_and(Role::is_faq)
                {
                    faq_seen = true;
                }
                raw.push(heading);
            }
            NodeValue::HtmlBlock(html) => {
                collect_comments(&html.literal, line, &mut comments);
                // `<details><summary>What does it cost?</summary>`: a
                // question folded away, its answer in the blocks below.
                if let Some(q) = SUMMARY_TAG
                    .captures(&html.literal)
                    .and_then(|c| question(&strip_tags(&c[1]), faq_seen))
                {
                    raw.push(RawHeading::new(7, q, line, Form::Question));
                }
            }
            NodeValue::Paragraph => {
                collect_inline_comments(node, line_offset, &mut comments);
                paragraph(node, line, end_line, aliases, faq_seen, &mut raw);
                faq_seen |= raw.last().is_some_and(|h| {
                    h.form == Form::Label && aliases.role_of(&h.text).is_some_and(Role::is_faq)
                });
            }
            NodeValue::List(_) => {
                let items = node
                    .descendants()
                    .filter(|n| matches!(n.data.borrow().value, NodeValue::Item(_)))
                    .count();
                let text = block_text(node);
                let block = Block {
                    kind: BlockKind::List { items },
                    line,
                    end_line,
                    text,
                };
                push(
                    &mut raw,
                    block,
                    false,
                    list_items(node, line_offset),
                    Vec::new(),
                );
            }
            NodeValue::BlockQuote | NodeValue::MultilineBlockQuote(_) => {
                let text = block_text(node);
                push_block(&mut raw, BlockKind::Quote, line, end_line, text);
            }
            NodeValue::Table(_) => {
                // Under an FAQ heading, a table of questions and answers:
                // one question per row whose first cell asks one.
                let rows = table_questions(node, line_offset);
                if faq_seen && !rows.is_empty() {
                    for (at, q, answer) in rows {
                        let mut h = RawHeading::new(7, q, at, Form::Question);
                        if !answer.is_empty() {
                            h.blocks.push(RawBlock {
                                block: paragraph_block(at, at, answer),
                                emphasis: false,
                                items: Vec::new(),
                                lines: Vec::new(),
                            });
                        }
                        raw.push(h);
                    }
                    continue;
                }
                let text = block_text(node);
                push_block(&mut raw, BlockKind::Table, line, end_line, text);
            }
            NodeValue::CodeBlock(c) => {
                let text = c.literal.trim_end().to_string();
                push_block(&mut raw, BlockKind::Code, line, end_line, text);
            }
            _ => {}
        }
    }
    unbox_prose(&mut raw);
    assign_roles(raw, aliases, last_line, comments)
}

/// The sections a document must box in block quotes before wb reads its
/// block quotes as its prose.
const BOXED_SECTIONS: usize = 3;

/// A document that writes every section inside a block quote (a widely
/// copied press-release template: "## Summary ##\n  > Glitch is…") uses the
/// quote as a box, not as speech: there, a block quote that does not open
/// with a quotation mark is the section's paragraph. Speech ("> \"I was so
/// alone…\" - Minney") stays a quote.
fn unbox_prose(raw: &mut [RawHeading]) {
    let with_blocks = raw
        .iter()
        .filter(|h| h.level > 0 && !h.blocks.is_empty())
        .count();
    let boxed = raw
        .iter()
        .filter(|h| {
            h.level > 0
                && !h.blocks.is_empty()
                && h.blocks.iter().all(|b| b.block.kind == BlockKind::Quote)
        })
        .count();
    if boxed < BOXED_SECTIONS || boxed * 3 < with_blocks * 2 {
        return;
    }
    for b in raw.iter_mut().flat_map(|h| h.blocks.iter_mut()) {
        if b.block.kind == BlockKind::Quote
            && !b
                .block
                .text
                .trim_start()
                .starts_with(['"', '“', '«', '「', '„', '\''])
        {
            b.block.kind = BlockKind::Paragraph;
        }
    }
}

fn push(
    raw: &mut [RawHeading],
    block: Block,
    emphasis: bool,
    items: Vec<Item>,
    lines: Vec<String>,
) {
    let last = raw
        .last_mut()
        .expect("the preamble heading is always there");
    last.blocks.push(RawBlock {
        block,
        emphasis,
        items,
        lines,
    });
}

fn push_block(raw: &mut [RawHeading], kind: BlockKind, line: usize, end_line: usize, text: String) {
    push(
        raw,
        Block {
            kind,
            line,
            end_line,
            text,
        },
        false,
        Vec::new(),
        Vec::new(),
    );
}

fn paragraph_block(line: usize, end_line: usize, text: String) -> Block {
    Block {
        kind: BlockKind::Paragraph,
        line,
        end_line,
        text,
    }
}

/// Sorts one paragraph into a question, a lead-in and its text, or plain
/// text (split where a line opens with a section label).
/// `<summary>…</summary>` in an HTML block.
static SUMMARY_TAG: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?is)<summary[^>]*>(.*?)</summary>").unwrap());

/// Text without its HTML tags: `<b>What?</b>` is "What?".
fn strip_tags(html: &str) -> String {
    static TAG: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"<[^>]*>").unwrap());
    TAG.replace_all(html, " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The rows of a table whose first cell is a question, as (line, question,
/// the other cells joined); none unless most body rows ask one.
fn table_questions<'a>(node: &'a AstNode<'a>, line_offset: usize) -> Vec<(usize, String, String)> {
    let mut rows = Vec::new();
    let mut body = 0;
    for row in node.children() {
        let header = matches!(row.data.borrow().value, NodeValue::TableRow(true));
        if header {
            continue;
        }
        body += 1;
        let line = row.data.borrow().sourcepos.start.line + line_offset;
        let cells: Vec<String> = row.children().map(inline_text).collect();
        let Some(first) = cells.first() else { continue };
        if let Some(q) = question(first, false) {
            rows.push((line, q, cells[1..].join(" ").trim().to_string()));
        }
    }
    if rows.len() * 2 > body {
        rows
    } else {
        Vec::new()
    }
}

/// The lines of a paragraph that opens with a `Q:` line: one question per
/// `Q` line, the lines after it (an `A:` stripped) its answer.
fn q_and_a_lines(lines: &[String], line: usize, end_line: usize, raw: &mut Vec<RawHeading>) {
    let starts: Vec<(usize, String)> = lines
        .iter()
        .enumerate()
        .filter(|(_, l)| Q_PREFIX.is_match(l))
        .filter_map(|(i, l)| question(l, true).map(|q| (i, q)))
        .collect();
    // "Q: Is it anonymous? A: By default, no": the answer on the
    // question's own line.
    static INLINE_ANSWER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(.*?[?？])\s*(?:\*\*)?A\s*[:.]\s*(?:\*\*)?\s*(.*)$").unwrap()
    });
    for (n, (i, q)) in starts.iter().enumerate() {
        let upto = starts.get(n + 1).map_or(lines.len(), |s| s.0);
        let at = (line + i).min(end_line);
        let stop = (line + upto - 1).min(end_line).max(at);
        let (q, inline) = match INLINE_ANSWER.captures(q) {
            Some(c) => (c[1].trim().to_string(), c[2].trim().to_string()),
            None => (q.clone(), String::new()),
        };
        let mut h = RawHeading::new(7, q, at, Form::Question);
        h.prefixed = true;
        let rest = format!("{inline} {}", lines[i + 1..upto].join(" "));
        let answer = A_PREFIX.replace(rest.trim(), "").trim().to_string();
        if !answer.is_empty() {
            h.blocks.push(RawBlock {
                block: paragraph_block((at + 1).min(stop), stop, answer),
                emphasis: false,
                items: Vec::new(),
                lines: Vec::new(),
            });
        }
        raw.push(h);
    }
}

fn paragraph<'a>(
    node: &'a AstNode<'a>,
    line: usize,
    end_line: usize,
    aliases: &Aliases,
    faq_seen: bool,
    raw: &mut Vec<RawHeading>,
) {
    let lines = inline_lines(node);
    let text = lines
        .join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    if text.trim().is_empty() {
        return;
    }
    // Two or more `Q:` lines in one paragraph (`**Q1: …?**` / `**A:** …`
    // with no blank line between): one question per `Q` line.
    let q_lines = lines
        .iter()
        .filter(|l| Q_PREFIX.is_match(l) && question(l, true).is_some())
        .count();
    if q_lines >= 2 && Q_PREFIX.is_match(&lines[0]) {
        q_and_a_lines(&lines, line, end_line, raw);
        return;
    }
    // `**How much does it cost?** Answer…`, `**Q: …?**`
    if let Some((lead, rest, lead_lines)) = bold_lead(node) {
        let loose = faq_seen && own_line(node);
        if let Some(q) = question(&lead, loose) {
            let mut h = RawHeading::new(7, q, line, Form::Question);
            h.prefixed = Q_PREFIX.is_match(&lead);
            let answer = A_PREFIX.replace(rest.trim(), "").trim().to_string();
            if !answer.is_empty() {
                let first = (line + lead_lines.saturating_sub(1)).min(end_line);
                h.blocks.push(RawBlock {
                    block: paragraph_block(first, end_line, answer),
                    emphasis: false,
                    items: Vec::new(),
                    lines: Vec::new(),
                });
            }
            raw.push(h);
            return;
        }
        let label = lead.trim().trim_end_matches([':', '.', '—', '–', '-', ' ']);
        if !faq_seen
            && count_words(label) <= 6
            && aliases
                .role_of(label)
                .is_some_and(|r| r != Role::PressRelease || label.len() > 3)
        {
            let mut h = RawHeading::new(7, label.to_string(), line, Form::Label);
            if !rest.trim().is_empty() {
                h.blocks.push(RawBlock {
                    block: paragraph_block(line, end_line, rest.trim().to_string()),
                    emphasis: false,
                    items: Vec::new(),
                    lines: Vec::new(),
                });
            }
            raw.push(h);
            return;
        }
    }
    // `Q: How much?` on a line of its own, the answer after it; a
    // paragraph of `Q1:`/`A:` lines with no blank line between them holds
    // one question per `Q` line.
    if Q_PREFIX.is_match(&lines[0]) && question(&lines[0], true).is_some() {
        q_and_a_lines(&lines, line, end_line, raw);
        return;
    }
    // "Customer Problems: …" lines: labels that open sections mid-paragraph.
    if !faq_seen {
        let labels: Vec<(usize, Role, String, String)> = lines
            .iter()
            .enumerate()
            .filter_map(|(i, l)| {
                let (label, rest) = l.split_once(':')?;
                let label = label.trim();
                if label.is_empty() || count_words(label) > 4 || label.contains(['*', '`', '[']) {
                    return None;
                }
                let role = aliases.role_of(label)?;
                if role == Role::PressRelease && label.len() <= 3 {
                    return None;
                }
                Some((i, role, label.to_string(), rest.trim().to_string()))
            })
            .collect();
        if !labels.is_empty() {
            let first = labels[0].0;
            if first > 0 {
                let before = lines[..first].join(" ");
                push(
                    raw,
                    paragraph_block(line, line + first - 1, before.trim().to_string()),
                    false,
                    Vec::new(),
                    lines[..first].to_vec(),
                );
            }
            for (n, (i, _, label, rest)) in labels.iter().enumerate() {
                let upto = labels.get(n + 1).map_or(lines.len(), |l| l.0);
                let mut text = rest.clone();
                for l in &lines[i + 1..upto] {
                    text.push(' ');
                    text.push_str(l.trim());
                }
                let start = (line + i).min(end_line);
                let stop = (line + upto - 1).min(end_line).max(start);
                let mut h = RawHeading::new(7, label.clone(), start, Form::Label);
                if !text.trim().is_empty() {
                    h.blocks.push(RawBlock {
                        block: paragraph_block(start, stop, text.trim().to_string()),
                        emphasis: false,
                        items: Vec::new(),
                        lines: Vec::new(),
                    });
                }
                raw.push(h);
            }
            return;
        }
    }
    let emphasis = only_emphasis(node);
    push(
        raw,
        paragraph_block(line, end_line, text),
        emphasis,
        Vec::new(),
        lines,
    );
}

/// Where the headline is: a heading, or a block (a bold line under `##
/// Press release`, the text under `### Headline`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Pick {
    Heading(usize),
    Block(usize, usize),
}

/// What a heading is to the headline search.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    /// Text before the first heading.
    Preamble,
    /// "Press release", "PR/FAQ", "Dossier — PR/FAQ": opens the release.
    Wrapper,
    /// "### Headline": the headline is the text under it.
    HeadlineSection,
    /// A heading that names no section: a headline candidate.
    Plain,
    /// A section heading, a question or a lead-in: past the headline.
    Section,
}

fn shape(h: &RawHeading, aliases: &Aliases) -> Shape {
    if h.level == 0 {
        return Shape::Preamble;
    }
    if h.labelled_headline {
        return Shape::Plain;
    }
    if h.form == Form::Question {
        return Shape::Section;
    }
    // "## FOR IMMEDIATE RELEASE" over the headline's own heading opens the
    // release (over a paragraph it stays where the release starts).
    let opens_release = is_release_line(&h.text)
        && !h
            .blocks
            .iter()
            .any(|b| b.block.kind == BlockKind::Paragraph && !is_furniture(b));
    if roles::is_title_label(&h.text) || opens_release {
        return Shape::Wrapper;
    }
    match aliases.role_of(&h.text) {
        Some(Role::PressRelease) => Shape::Wrapper,
        Some(Role::Headline) => Shape::HeadlineSection,
        Some(_) => Shape::Section,
        None if h.form == Form::Heading && !roles::is_section_name(&h.text, aliases) => {
            Shape::Plain
        }
        None => Shape::Section,
    }
}

/// A block before the headline that says nothing about the product:
/// "FOR IMMEDIATE RELEASE", a quote of metadata, a table of contents.
fn is_furniture(b: &RawBlock) -> bool {
    match b.block.kind {
        BlockKind::Paragraph => {
            is_release_line(&b.block.text)
                || count_words(&b.block.text) <= 2
                || is_metadata(&b.lines)
        }
        _ => true,
    }
}

/// Lines of `Key: value` only ("Author: …", "**Status:** Draft"), a byline
/// among them ("**By Acme Inc**").
fn is_metadata(lines: &[String]) -> bool {
    static KEY: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\W{0,3}[\p{L}][\p{L}\d /.#-]{0,24}\W{0,3}:\W{0,3}\s*\S").unwrap()
    });
    static BYLINE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^\W{0,3}(?i:by|written by)\s+\p{Lu}").unwrap());
    let lines: Vec<&String> = lines.iter().filter(|l| !l.trim().is_empty()).collect();
    lines.iter().any(|l| KEY.is_match(l))
        && lines
            .iter()
            .all(|l| (KEY.is_match(l) || BYLINE.is_match(l)) && count_words(l) <= 12)
}

/// Finds the headline: the first heading that names no section, or the
/// first bold line (or, under `### Headline`, the first paragraph) at the
/// top of the press release; none once a section or plain text has begun.
/// A line about the document itself rather than the product.
static DOCUMENT_NOTE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:document|doc|press release|faqs?|pr/faq|prfaq|working backwards|draft|template|companion docs?)\b").unwrap()
});

/// The headline after a "Press release:" label in a heading, when three
/// words or more follow it.
fn release_headline(text: &str) -> Option<&str> {
    static LABEL: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^\W*(?:the\s+)?press[\s-]+release\s*(?::|—|–|\s-\s|\|)\s*").unwrap()
    });
    let m = LABEL.find(text)?;
    let rest = text[m.end()..].trim();
    (count_words(rest) >= 3).then_some(rest)
}

fn pick_headline(raw: &[RawHeading], aliases: &Aliases) -> Option<Pick> {
    // A "## The press release" heading below the first, before the FAQ:
    // the sections above it ("North Star", "Context") are about the
    // document, and the headline is under it.
    let first = raw.iter().position(|h| h.level > 0).unwrap_or(0);
    let release = raw
        .iter()
        .enumerate()
        .skip(first + 1)
        .map(|(i, h)| (i, h, aliases.role_of(&h.text)))
        .take_while(|(_, _, role)| !role.is_some_and(Role::is_faq))
        .find(|(_, h, role)| h.form == Form::Heading && *role == Some(Role::PressRelease))
        .map(|(i, _, _)| i);
    // After "# X — PR/FAQ" and a paragraph about the document, only a
    // "## Press release" heading may still hold the headline.
    // A README that names the product in its title, has sections of its
    // own ("Download", "Build it yourself"), then "## PR-FAQ": the title
    // names the product, the headline is under the release heading.
    let title_over_document = release.is_some_and(|r| {
        raw[first + 1..r]
            .iter()
            .any(|h| h.form == Form::Heading && !h.blocks.is_empty())
    });
    let mut seeking_container = false;
    for (i, h) in raw.iter().enumerate() {
        let shape = shape(h, aliases);
        if (i > first || (i == first && title_over_document))
            && release.is_some_and(|r| i < r)
            && matches!(shape, Shape::Plain | Shape::Section)
        {
            continue;
        }
        if seeking_container && shape != Shape::Wrapper {
            return None;
        }
        seeking_container = false;
        // "## Press Release: Unifying engineering memory": the label, then
        // the headline.
        if shape == Shape::Wrapper && release_headline(&h.text).is_some() {
            return Some(Pick::Heading(i));
        }
        match shape {
            // "### Draft — pilot announcement" with the headline right
            // under it: a note about the document.
            Shape::Plain
                if h.blocks.is_empty()
                    && DOCUMENT_NOTE.is_match(&h.text)
                    && raw
                        .get(i + 1)
                        .is_some_and(|n| self::shape(n, aliases) == Shape::Plain) => {}
            // "# Glitch" over "## Heading" and the headline under it: the
            // product's name titles the document, the labelled text below
            // is the headline.
            Shape::Plain
                if h.blocks.is_empty()
                    && raw.get(i + 1).is_some_and(|n| {
                        self::shape(n, aliases) == Shape::HeadlineSection
                            && n.blocks
                                .iter()
                                .any(|b| b.block.kind == BlockKind::Paragraph)
                    }) => {}
            Shape::Plain => return Some(Pick::Heading(i)),
            Shape::Section => return None,
            Shape::HeadlineSection => {
                return h
                    .blocks
                    .iter()
                    .position(|b| b.block.kind == BlockKind::Paragraph)
                    .map(|j| Pick::Block(i, j));
            }
            Shape::Wrapper | Shape::Preamble => {
                let mut words = 0;
                for (j, b) in h.blocks.iter().enumerate() {
                    if b.block.kind != BlockKind::Paragraph || is_furniture(b) {
                        continue;
                    }
                    // Under "# X — PR/FAQ", an italic line about the
                    // document ("Internal document. Amazon-style press
                    // release + FAQ.") is a note when a "## Press release"
                    // heading follows: the headline is under that.
                    if b.emphasis
                        && h.level > 0
                        && roles::is_title_label(&h.text)
                        && DOCUMENT_NOTE.is_match(&b.block.text)
                        && raw
                            .get(i + 1)
                            .is_some_and(|n| self::shape(n, aliases) == Shape::Wrapper)
                    {
                        seeking_container = true;
                        break;
                    }
                    // "*(Written as if it's launch day.)*" under "## The
                    // press release", a headline heading below it: an
                    // aside, not the headline.
                    let aside = {
                        let t = b.block.text.trim();
                        (t.starts_with('(') && t.ends_with(')')) || DOCUMENT_NOTE.is_match(t)
                    };
                    if b.emphasis
                        && aside
                        && h.level > 0
                        && raw.get(i + 1).is_some_and(|n| {
                            matches!(
                                self::shape(n, aliases),
                                Shape::Plain | Shape::HeadlineSection
                            )
                        })
                    {
                        continue;
                    }
                    if b.emphasis {
                        return Some(Pick::Block(i, j));
                    }
                    // The release (or the document) starts with plain text;
                    // a line or two above the first heading (a tagline, a
                    // link) does not count.
                    words += count_words(&b.block.text);
                    if h.level > 0 && roles::is_title_label(&h.text) {
                        seeking_container = true;
                        break;
                    }
                    if h.level > 0 || words >= 40 {
                        return None;
                    }
                }
            }
        }
    }
    None
}

/// The FAQ part's state while headings are read in order.
struct FaqState {
    /// The FAQ part has begun: what follows is not the press release.
    begun: bool,
    /// Questions are being collected (an FAQ group is open).
    open: bool,
    kind: FaqKind,
    /// Level of the heading that opened the FAQ group.
    level: u8,
}

fn kind_of(role: Role, current: FaqKind) -> FaqKind {
    match role {
        Role::ExternalFaq => FaqKind::External,
        Role::InternalFaq => FaqKind::Internal,
        _ if current != FaqKind::General => current,
        _ => FaqKind::General,
    }
}

/// Turns the flat list of headings into sections and FAQ entries.
fn assign_roles(
    raw: Vec<RawHeading>,
    aliases: &Aliases,
    last_line: usize,
    comments: Vec<Comment>,
) -> Body {
    let mut sections: Vec<Section> = Vec::new();
    let mut faqs: Vec<FaqEntry> = Vec::new();
    let mut faq = FaqState {
        begun: false,
        open: false,
        kind: FaqKind::General,
        level: 0,
    };
    let pick = pick_headline(&raw, aliases);
    let headline_raw = match pick {
        Some(Pick::Heading(i) | Pick::Block(i, _)) => Some(i),
        None => None,
    };
    // Set after the headline: the next plain heading with nothing between
    // is the subheading.
    let mut expect_subheading = false;
    let mut summary_seen = false;

    // End line of each raw heading: the line before the next heading of the
    // same or a higher level.
    let ends: Vec<usize> = (0..raw.len())
        .map(|i| {
            raw[i + 1..]
                .iter()
                .find(|h| h.level <= raw[i].level && h.level != 0)
                .map(|h| h.line - 1)
                .unwrap_or(last_line)
        })
        .collect();

    for (i, h) in raw.into_iter().enumerate() {
        let end_line = ends[i].max(h.line);
        let before_headline = headline_raw.is_some_and(|at| i < at);
        if h.level == 0 {
            // Text before the first heading: furniture above a headline, or
            // the summary of a document without headings.
            if !h.blocks.is_empty() {
                let (upto, headline_here) = match pick {
                    Some(Pick::Block(0, j)) => (j, true),
                    _ => (h.blocks.len(), false),
                };
                let role = if before_headline || headline_here {
                    Role::PressRelease
                } else {
                    Role::Summary
                };
                if upto > 0 {
                    let blocks: Vec<Block> =
                        h.blocks[..upto].iter().map(|b| b.block.clone()).collect();
                    let line = blocks[0].line;
                    summary_seen |= role == Role::Summary;
                    sections.push(section(role, "", 0, &blocks, line, end_line, false));
                }
                if headline_here {
                    headline_from_block(&h.blocks, upto, 7, end_line, false, &mut sections);
                    summary_seen = true;
                }
            }
            continue;
        }
        let alias = if h.form == Form::Question || h.labelled_headline {
            None
        } else {
            aliases
                .role_of(&h.text)
                .filter(|_| !roles::is_title_label(&h.text))
        };
        let faq_heading = alias.is_some_and(Role::is_faq);

        // The FAQ part: groups, their questions, and what follows them.
        if faq_heading {
            let role = alias.expect("an FAQ heading has a role");
            faq.kind = if faq.open && h.level > faq.level {
                // "Technical questions" among the topic groups of a general
                // FAQ is a topic, not the internal FAQ.
                if faq.kind == FaqKind::General && roles::names_subject_only(&h.text) {
                    FaqKind::General
                } else {
                    kind_of(role, faq.kind)
                }
            } else {
                kind_of(role, FaqKind::General)
            };
            if !(faq.open && h.level > faq.level) {
                faq.level = h.level;
            }
            faq.begun = true;
            faq.open = true;
            expect_subheading = false;
            // "## FAQ" and a plain line "Internal FAQ" under it: the line
            // says whose questions follow.
            if faq.kind == FaqKind::General
                && let Some(label) = h
                    .blocks
                    .iter()
                    .find(|b| b.block.kind == BlockKind::Paragraph)
                && count_words(&label.block.text) <= 4
                && let Some(r) = aliases.role_of(label.block.text.trim())
                && matches!(r, Role::InternalFaq | Role::ExternalFaq)
            {
                faq.kind = kind_of(r, FaqKind::General);
            }
            let blocks = faq_blocks(h.blocks, faq.kind, &mut faqs);
            sections.push(section(
                role, &h.text, h.level, &blocks, h.line, end_line, true,
            ));
            continue;
        }
        // "### I2: Dependency and paywall risk" under an FAQ heading: an
        // entry numbered as the FAQ numbers its questions, whatever its
        // wording.
        let asked = question(&h.text, h.form == Form::Question && faq.open).or_else(|| {
            (faq.open && h.form == Form::Heading && h.level > faq.level)
                .then(|| ENTRY.captures(&h.text).map(|c| c[1].trim().to_string()))
                .flatten()
        });
        if faq.open && h.form == Form::Heading && h.level <= faq.level && asked.is_none() {
            // A heading at the FAQ's level that asks nothing ends it.
            faq.open = false;
        }
        if let Some(q) = asked.filter(|_| {
            (faq.open && (h.form == Form::Question || h.level > faq.level || alias.is_none()))
                || (!faq.open && !faq.begun && h.prefixed)
        }) {
            if !faq.open {
                // `Q:` questions with no FAQ heading above them open one.
                faq.open = true;
                faq.begun = true;
                faq.kind = FaqKind::General;
                faq.level = h.level.saturating_sub(1).min(6);
            }
            let answer_blocks: Vec<&RawBlock> = h.blocks.iter().collect();
            let answer = answer_blocks
                .iter()
                .map(|b| b.block.text.as_str())
                .collect::<Vec<_>>()
                .join("\n\n");
            let answer = A_PREFIX.replace(&answer, "").into_owned();
            let end = if h.form == Form::Question {
                answer_blocks.last().map_or(h.line, |b| b.block.end_line)
            } else {
                end_line
            };
            let question = clean_question(&q);
            faqs.push(FaqEntry {
                kind: faq.kind,
                answer_words: count_words(&answer),
                question,
                answer,
                line: h.line,
                end_line: end,
            });
            continue;
        }
        if faq.begun {
            // Topic groups inside an FAQ ("Pricing", "For recruiters"), or
            // what follows the FAQ (appendices).
            let role = alias.unwrap_or(Role::Other);
            let blocks = if faq.open {
                faq_blocks(h.blocks, faq.kind, &mut faqs)
            } else {
                h.blocks.into_iter().map(|b| b.block).collect()
            };
            sections.push(section(
                role, &h.text, h.level, &blocks, h.line, end_line, true,
            ));
            continue;
        }

        // The press release.
        match pick {
            Some(Pick::Heading(at)) if at == i => {
                expect_subheading = true;
                let level = h.level;
                headline_and_summary(
                    Role::Headline,
                    release_headline(&h.text).unwrap_or(&h.text),
                    level,
                    h.line,
                    h.blocks,
                    end_line,
                    &mut sections,
                    &mut expect_subheading,
                );
                summary_seen = true;
                continue;
            }
            Some(Pick::Block(at, j)) if at == i => {
                let headline_section = alias == Some(Role::Headline);
                if !headline_section {
                    let role = alias.unwrap_or(Role::PressRelease);
                    let blocks: Vec<Block> =
                        h.blocks[..j].iter().map(|b| b.block.clone()).collect();
                    sections.push(section(
                        role, &h.text, h.level, &blocks, h.line, end_line, false,
                    ));
                }
                let level = if headline_section { h.level } else { 7 };
                headline_from_block(&h.blocks, j, level, end_line, false, &mut sections);
                summary_seen = true;
                continue;
            }
            _ => {}
        }
        let role = match alias {
            Some(Role::Headline | Role::Subheading)
                if h.form == Form::Label && !h.blocks.is_empty() =>
            {
                // "Subtitle: text", "Title: text" lines.
                let role = if sections.iter().any(|s| s.role == Role::Headline) {
                    Role::Subheading
                } else {
                    Role::Headline
                };
                let b = &h.blocks[0].block;
                sections.push(section(role, &b.text, 7, &[], b.line, end_line, false));
                let rest: Vec<Block> = h.blocks[1..].iter().map(|b| b.block.clone()).collect();
                if !rest.is_empty() {
                    let line = rest[0].line;
                    sections.push(section(Role::Summary, "", 0, &rest, line, end_line, false));
                    summary_seen = true;
                }
                expect_subheading = false;
                continue;
            }
            Some(Role::Subheading) if h.form == Form::Heading => {
                // "### Subheadline" with the subheading under it.
                match h
                    .blocks
                    .iter()
                    .position(|b| b.block.kind == BlockKind::Paragraph)
                {
                    Some(j) => {
                        let b = &h.blocks[j].block;
                        sections.push(section(
                            Role::Subheading,
                            &b.text,
                            h.level,
                            &[],
                            b.line,
                            end_line,
                            false,
                        ));
                        let rest: Vec<Block> =
                            h.blocks[j + 1..].iter().map(|b| b.block.clone()).collect();
                        if !rest.is_empty() {
                            let line = rest[0].line;
                            sections.push(section(
                                Role::Summary,
                                "",
                                0,
                                &rest,
                                line,
                                end_line,
                                false,
                            ));
                        }
                    }
                    None => {
                        let blocks: Vec<Block> = h.blocks.iter().map(|b| b.block.clone()).collect();
                        sections.push(section(
                            Role::Other,
                            &h.text,
                            h.level,
                            &blocks,
                            h.line,
                            end_line,
                            false,
                        ));
                    }
                }
                expect_subheading = false;
                continue;
            }
            Some(Role::Headline) => Role::Other,
            Some(Role::PressRelease) => Role::PressRelease,
            Some(r) => {
                expect_subheading = false;
                r
            }
            None if roles::is_title_label(&h.text) => Role::PressRelease,
            None if expect_subheading
                && h.form == Form::Heading
                && sections
                    .last()
                    .is_some_and(|s| s.role == Role::Headline && s.blocks.is_empty()) =>
            {
                expect_subheading = false;
                headline_and_summary(
                    Role::Subheading,
                    &h.text,
                    h.level,
                    h.line,
                    h.blocks,
                    end_line,
                    &mut sections,
                    &mut expect_subheading,
                );
                continue;
            }
            None => {
                expect_subheading = false;
                Role::Other
            }
        };
        // Metadata, "FOR IMMEDIATE RELEASE" and rules under the document's
        // title are not its summary: the release text under a later "Press
        // release" heading is.
        let furniture_only = h.blocks.iter().all(is_furniture);
        let blocks: Vec<Block> = h.blocks.into_iter().map(|b| b.block).collect();
        if role == Role::PressRelease
            && headline_raw.is_none()
            && !summary_seen
            && !blocks.is_empty()
            && !furniture_only
        {
            // A release with no headline: its text is the summary.
            sections.push(section(
                role,
                &h.text,
                h.level,
                &[],
                h.line,
                end_line,
                false,
            ));
            let line = blocks[0].line;
            sections.push(section(
                Role::Summary,
                "",
                0,
                &blocks,
                line,
                end_line,
                false,
            ));
            summary_seen = true;
            continue;
        }
        summary_seen |= role == Role::Summary;
        sections.push(section(
            role, &h.text, h.level, &blocks, h.line, end_line, false,
        ));
    }
    let words = sections.iter().map(|s| s.words).sum::<usize>()
        + faqs
            .iter()
            .map(|f| f.answer_words + count_words(&f.question))
            .sum::<usize>();
    Body {
        sections,
        faqs,
        comments,
        words,
    }
}

/// A headline or subheading heading and the text under it: a bold or
/// italic first paragraph under the headline is the subheading, the rest
/// is the summary.
#[allow(clippy::too_many_arguments)]
fn headline_and_summary(
    role: Role,
    text: &str,
    level: u8,
    line: usize,
    blocks: Vec<RawBlock>,
    end_line: usize,
    sections: &mut Vec<Section>,
    expect_subheading: &mut bool,
) {
    sections.push(section(role, text, level, &[], line, end_line, false));
    let subheading_allowed = role == Role::Headline;
    if subheading_and_summary(&blocks, subheading_allowed, end_line, false, sections) {
        *expect_subheading = false;
    }
}

/// What follows a headline: a bold or italic first paragraph is its
/// subheading (when `subheading_allowed`), the rest its summary. Says
/// whether it added a section.
fn subheading_and_summary(
    blocks: &[RawBlock],
    subheading_allowed: bool,
    end_line: usize,
    in_faq: bool,
    sections: &mut Vec<Section>,
) -> bool {
    let mut rest = blocks;
    let mut added = false;
    if subheading_allowed
        && let Some(first) = rest.first()
        && first.emphasis
        && first.block.kind == BlockKind::Paragraph
        && !is_release_line(&first.block.text)
    {
        sections.push(section(
            Role::Subheading,
            &first.block.text,
            7,
            &[],
            first.block.line,
            end_line,
            in_faq,
        ));
        rest = &rest[1..];
        added = true;
    }
    if !rest.is_empty() {
        let blocks: Vec<Block> = rest.iter().map(|b| b.block.clone()).collect();
        let line = blocks[0].line;
        sections.push(section(
            Role::Summary,
            "",
            0,
            &blocks,
            line,
            end_line,
            in_faq,
        ));
        added = true;
    }
    added
}

/// The headline written as block `j` of `blocks`, then its subheading and
/// summary.
fn headline_from_block(
    blocks: &[RawBlock],
    j: usize,
    level: u8,
    end_line: usize,
    in_faq: bool,
    sections: &mut Vec<Section>,
) {
    let b = &blocks[j].block;
    sections.push(section(
        Role::Headline,
        &b.text,
        level,
        &[],
        b.line,
        end_line,
        in_faq,
    ));
    subheading_and_summary(&blocks[j + 1..], true, end_line, in_faq, sections);
}

/// The blocks of an FAQ group, with lists of questions taken out as FAQ
/// entries (`1. **Do I have to know SQL?** Not necessarily…`, or a question
/// per item with its answer in sub-items).
fn faq_blocks(blocks: Vec<RawBlock>, kind: FaqKind, faqs: &mut Vec<FaqEntry>) -> Vec<Block> {
    let mut out = Vec::new();
    for b in blocks {
        let asked: Vec<Option<String>> =
            b.items.iter().map(|it| question(&it.head, true)).collect();
        let n = asked.iter().filter(|q| q.is_some()).count();
        if b.items.is_empty() || n == 0 || n * 2 < b.items.len() {
            out.push(b.block);
            continue;
        }
        for (item, q) in b.items.iter().zip(asked) {
            let Some(q) = q else { continue };
            let answer = A_PREFIX.replace(item.rest.trim(), "").trim().to_string();
            faqs.push(FaqEntry {
                kind,
                question: clean_question(&q),
                answer_words: count_words(&answer),
                answer,
                line: item.line,
                end_line: item.end_line,
            });
        }
    }
    out
}

fn section(
    role: Role,
    heading: &str,
    level: u8,
    blocks: &[Block],
    line: usize,
    end_line: usize,
    in_faq: bool,
) -> Section {
    Section {
        role,
        heading: heading.trim().to_string(),
        level,
        line,
        end_line: end_line.max(line),
        in_faq,
        words: blocks.iter().map(|b| count_words(&b.text)).sum::<usize>() + count_words(heading),
        blocks: blocks.to_vec(),
    }
}

/// "Q: How much?", "1. How much?" and "**How much?**" become "How much?".
fn clean_question(q: &str) -> String {
    let q = NUMBERED.replace(q.trim(), "");
    let q = Q_PREFIX.replace(&q, "");
    let q = ENTRY
        .captures(&q)
        .map_or(q.to_string(), |c| c[1].to_string());
    q.trim().to_string()
}

/// An FAQ entry's number in its heading, the way FAQs number them: "I2:",
/// "E1.", "CQ3)".
static ENTRY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*[A-Z]{1,3}\d{1,3}\s*[:.)]\s+(\S.*)$").unwrap());

/// A paragraph that opens with bold text: the bold text, the rest of the
/// paragraph, and how many lines the bold text spans.
fn bold_lead<'a>(node: &'a AstNode<'a>) -> Option<(String, String, usize)> {
    let first = node.first_child()?;
    if !matches!(first.data.borrow().value, NodeValue::Strong) {
        return None;
    }
    let lead = inline_text(first);
    let lines = 1 + first
        .descendants()
        .filter(|d| {
            matches!(
                d.data.borrow().value,
                NodeValue::SoftBreak | NodeValue::LineBreak
            )
        })
        .count();
    let mut rest = String::new();
    for sibling in first.following_siblings().skip(1) {
        append_inline(sibling, &mut rest);
    }
    let rest = rest.split_whitespace().collect::<Vec<_>>().join(" ");
    Some((lead.trim().to_string(), rest, lines))
}

/// True when a paragraph is bold or italic text only.
fn only_emphasis<'a>(node: &'a AstNode<'a>) -> bool {
    let mut any = false;
    for child in node.children() {
        match &child.data.borrow().value {
            NodeValue::Strong | NodeValue::Emph => any = true,
            NodeValue::SoftBreak | NodeValue::LineBreak => {}
            NodeValue::Text(t) if t.trim().is_empty() => {}
            _ => return false,
        }
    }
    any
}

/// A list's top-level items as possible FAQ entries.
fn list_items<'a>(list: &'a AstNode<'a>, line_offset: usize) -> Vec<Item> {
    let mut out = Vec::new();
    for item in list.children() {
        let (line, end_line) = {
            let ast = item.data.borrow();
            (
                ast.sourcepos.start.line + line_offset,
                ast.sourcepos.end.line.max(ast.sourcepos.start.line) + line_offset,
            )
        };
        let Some(first) = item.first_child() else {
            continue;
        };
        if !matches!(first.data.borrow().value, NodeValue::Paragraph) {
            continue;
        }
        let (head, mut rest) = match bold_lead(first) {
            Some((lead, rest, _)) => (lead, rest),
            None => {
                let lines = inline_lines(first);
                (lines[0].clone(), lines[1..].join(" "))
            }
        };
        for child in first.following_siblings().skip(1) {
            let t = match &child.data.borrow().value {
                NodeValue::Paragraph => inline_text(child),
                _ => block_text(child),
            };
            if !t.is_empty() {
                rest.push('\n');
                rest.push_str(&t);
            }
        }
        out.push(Item {
            head,
            rest: rest.trim().to_string(),
            line,
            end_line,
        });
    }
    out
}

/// Plain text of an inline container (heading, paragraph).
fn inline_text<'a>(node: &'a AstNode<'a>) -> String {
    let mut out = String::new();
    for child in node.children() {
        append_inline(child, &mut out);
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Plain text of an inline container, one string per line of the source.
fn inline_lines<'a>(node: &'a AstNode<'a>) -> Vec<String> {
    let mut out = String::new();
    for child in node.children() {
        append_inline_lines(child, &mut out);
    }
    let lines: Vec<String> = out
        .split('\n')
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect();
    if lines.is_empty() {
        vec![String::new()]
    } else {
        lines
    }
}

/// Like `append_inline`, with line breaks kept as `\n`.
fn append_inline_lines<'a>(node: &'a AstNode<'a>, out: &mut String) {
    for d in node.descendants() {
        match &d.data.borrow().value {
            NodeValue::Text(t) => out.push_str(t),
            NodeValue::Code(c) => out.push_str(&c.literal),
            NodeValue::SoftBreak | NodeValue::LineBreak => out.push('\n'),
            _ => {}
        }
    }
}

/// Appends the text of `node` and everything under it. Walks the tree with
/// comrak's iterator, not by recursion: emphasis nested 20,000 deep
/// overflowed a worker thread's stack.
fn append_inline<'a>(node: &'a AstNode<'a>, out: &mut String) {
    for d in node.descendants() {
        match &d.data.borrow().value {
            NodeValue::Text(t) => out.push_str(t),
            NodeValue::Code(c) => out.push_str(&c.literal),
            NodeValue::SoftBreak | NodeValue::LineBreak => out.push(' '),
            // HTML and footnote references are leaves that are not prose.
            _ => {}
        }
    }
}

/// Plain text of a container block: one line per paragraph or list item.
fn block_text<'a>(node: &'a AstNode<'a>) -> String {
    let mut lines = Vec::new();
    for d in node.descendants() {
        let value = &d.data.borrow().value;
        match value {
            NodeValue::Paragraph | NodeValue::TableCell | NodeValue::Heading(_) => {
                let t = inline_text(d);
                if !t.is_empty() {
                    lines.push(t);
                }
            }
            NodeValue::CodeBlock(c) => lines.push(c.literal.trim_end().to_string()),
            _ => {}
        }
    }
    lines.join("\n")
}

fn collect_comments(html: &str, line: usize, out: &mut Vec<Comment>) {
    let mut rest = html;
    let mut consumed_lines = 0;
    while let Some(start) = rest.find("<!--") {
        let before = &rest[..start];
        consumed_lines += before.matches('\n').count();
        let after = &rest[start + 4..];
        let (inner, tail) = match after.find("-->") {
            Some(end) => (&after[..end], &after[end + 3..]),
            None => (after, ""),
        };
        let start_line = line + consumed_lines;
        let span = inner.matches('\n').count();
        out.push(Comment {
            line: start_line,
            end_line: start_line + span,
            text: inner.trim().to_string(),
        });
        consumed_lines += span;
        rest = tail;
    }
}

fn collect_inline_comments<'a>(node: &'a AstNode<'a>, line_offset: usize, out: &mut Vec<Comment>) {
    for d in node.descendants() {
        let ast = d.data.borrow();
        if let NodeValue::HtmlInline(html) = &ast.value {
            let line = ast.sourcepos.start.line + line_offset;
            collect_comments(html, line, out);
        }
    }
}

/// True when a paragraph's opening bold text has its line to itself.
fn own_line<'a>(node: &'a AstNode<'a>) -> bool {
    let Some(first) = node.first_child() else {
        return false;
    };
    for sibling in first.following_siblings().skip(1) {
        match &sibling.data.borrow().value {
            NodeValue::SoftBreak | NodeValue::LineBreak => return true,
            NodeValue::Text(t) if t.trim().is_empty() => {}
            _ => return false,
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `text` parsed with the built-in aliases, from its first line.
    fn parsed(text: &str) -> Body {
        parse(text, 0, &Aliases::default())
    }

    const DOC: &str = "# Shops refund in minutes\n## One benefit\n\nSEATTLE, March 15, 2027 -- Summary text here.\n\n<!-- guidance -->\n\n## Problem\n\nToday it hurts.\n\n## Solution\n\nWe fix it.\n\n# Frequently asked questions\n## External FAQ\n### How much does it cost?\nNothing at all for now.\n### Q: Where?\nHere.\n## Internal FAQ\n**What will it cost us?** About two people for a year.\n";

    #[test]
    fn roles_in_order() {
        let b = parsed(DOC);
        let roles: Vec<Role> = b.sections.iter().map(|s| s.role).collect();
        assert_eq!(
            roles,
            vec![
                Role::Headline,
                Role::Subheading,
                Role::Summary,
                Role::Problem,
                Role::Solution,
                Role::Faq,
                Role::ExternalFaq,
                Role::InternalFaq
            ]
        );
        let summary = &b.sections[2];
        assert_eq!(summary.line, 4);
        assert!(summary.text().starts_with("SEATTLE"));
        assert_eq!(b.sections[3].line, 8);
        assert!(!b.sections[3].in_faq);
        assert!(b.sections[5].in_faq);
    }

    #[test]
    fn faq_entries_with_kind_and_answer() {
        let b = parse(DOC, 3, &Aliases::default());
        assert_eq!(b.faqs.len(), 3);
        assert_eq!(b.faqs[0].kind, FaqKind::External);
        assert_eq!(b.faqs[0].question, "How much does it cost?");
        assert_eq!(b.faqs[0].line, 21);
        assert_eq!(b.faqs[1].question, "Where?");
        assert_eq!(b.faqs[2].kind, FaqKind::Internal);
        assert_eq!(b.faqs[2].question, "What will it cost us?");
        assert_eq!(b.faqs[2].answer, "About two people for a year.");
    }

    #[test]
    fn comments_are_not_text() {
        let b = parsed(DOC);
        assert_eq!(b.comments.len(), 1);
        assert_eq!(b.comments[0].text, "guidance");
        assert_eq!(b.comments[0].line, 6);
        assert!(b.sections.iter().all(|s| !s.text().contains("guidance")));
    }

    #[test]
    fn a_document_without_template_headings() {
        let b = parsed("# My idea\n\nSome text.\n\n## The Problem\n\nIt hurts.\n");
        assert_eq!(b.sections[0].role, Role::Headline);
        assert_eq!(b.sections[1].role, Role::Summary);
        assert_eq!(b.sections[2].role, Role::Problem);
    }

    fn roles(b: &Body) -> Vec<(Role, &str)> {
        b.sections
            .iter()
            .map(|s| (s.role, s.heading.as_str()))
            .collect()
    }

    fn questions(b: &Body) -> Vec<(FaqKind, &str)> {
        b.faqs
            .iter()
            .map(|f| (f.kind, f.question.as_str()))
            .collect()
    }

    #[test]
    fn japanese_questions_and_words_are_counted() {
        let text = "# 店舗の返金が2分で終わる\n\n東京 -- 本文。\n\n## よくある質問\n\n### Q1. なぜ無料？\n\n広告で運営するためです。\n";
        let b = parsed(text);
        assert_eq!(questions(&b), vec![(FaqKind::General, "なぜ無料？")]);
        // A closing particle asks as a question mark does.
        let text = "# 店舗の返金が2分で終わる\n\n東京 -- 本文。\n\n## よくある質問\n\n### 1. これは誰のためのツールですか\n\n店舗のオーナーです。\n\n### 支持离线吗\n\n支持。\n";
        let b = parsed(text);
        assert_eq!(
            questions(&b),
            vec![
                (FaqKind::General, "これは誰のためのツールですか"),
                (FaqKind::General, "支持离线吗")
            ]
        );
        // The particle may close a sentence, in a bold `Q.` line under a
        // topic heading of the FAQ.
        let text = "# 店舗の返金が2分で終わる\n\n東京 -- 本文。\n\n## よくある質問（利用者向け）\n\n### 店舗の人\n\n**Q. これは誰のためのツールですか。**\n店舗のオーナーです。\n";
        let b = parsed(text);
        assert_eq!(
            questions(&b),
            vec![(FaqKind::General, "これは誰のためのツールですか。")]
        );
        // No spaces between words: two characters make a word.
        assert_eq!(count_words("店舗の返金が二分で終わる"), 6);
        assert_eq!(count_words("Shops refund in two minutes"), 5);
        assert_eq!(count_words("SureCRM을 사용하기 전에는"), 3);
    }

    #[test]
    fn a_question_with_a_qualifier_in_brackets_is_a_question() {
        let text = "# Boards for retros\n\nSEATTLE -- Text.\n\n## FAQ — the risks\n\n### Valuable? (is it worth a customer's time)\n\nYes: teams asked for it.\n\n### Costs (what we pay to run it)\n\nLittle.\n";
        let b = parsed(text);
        assert_eq!(
            questions(&b),
            vec![(
                FaqKind::General,
                "Valuable? (is it worth a customer's time)"
            )]
        );
    }

    #[test]
    fn technical_questions_among_topic_groups_stay_in_the_general_faq() {
        let text = "# Boards for retros\n\nSEATTLE -- Text.\n\n## Frequently Asked Questions\n\n### Getting going\n\n**Q: How do I start?**\nA: Open a board.\n\n### Technical Questions\n\n**Q: Which browsers work?**\nA: All current ones.\n";
        let b = parsed(text);
        assert_eq!(
            questions(&b),
            vec![
                (FaqKind::General, "How do I start?"),
                (FaqKind::General, "Which browsers work?")
            ]
        );
        // At the top level, or beside a customer FAQ, it is the team's own.
        let text = text.replace("### Technical Questions", "## Technical Questions");
        let b = parsed(&text);
        assert_eq!(
            questions(&b)[1],
            (FaqKind::Internal, "Which browsers work?")
        );
        let text = "# Boards for retros\n\nSEATTLE -- Text.\n\n## FAQ\n\n### Customer FAQ\n\n### How do I start?\n\nOpen a board.\n\n### Internal FAQ\n\n### Why now?\n\nRetros moved online.\n";
        let b = parsed(text);
        assert_eq!(
            questions(&b),
            vec![
                (FaqKind::External, "How do I start?"),
                (FaqKind::Internal, "Why now?")
            ]
        );
    }

    #[test]
    fn headings_through_numbering_qualifiers_emoji_and_bold() {
        let b = parsed(
            "# **Shops refund in minutes**\n\nSEATTLE -- Text.\n\n## 2. The Problem:\n\nIt hurts.\n\n## 💡 Solution (draft)\n\nWe fix it.\n\n# **External FAQs**\n\n### How much?\n\nNothing.\n\n## Internal FAQs (Business/Strategy)\n\n### Why now?\n\nFees rose.\n\n### Technical FAQ\n\n### Why Rust?\n\nSpeed.\n",
        );
        let r: Vec<Role> = b.sections.iter().map(|s| s.role).collect();
        assert_eq!(
            r,
            vec![
                Role::Headline,
                Role::Summary,
                Role::Problem,
                Role::Solution,
                Role::ExternalFaq,
                Role::InternalFaq,
                Role::InternalFaq
            ]
        );
        assert_eq!(
            questions(&b),
            vec![
                (FaqKind::External, "How much?"),
                (FaqKind::Internal, "Why now?"),
                (FaqKind::Internal, "Why Rust?")
            ]
        );
        let a = Aliases::default();
        assert_eq!(
            a.role_of("External FAQ (what customers ask)"),
            Some(Role::ExternalFaq)
        );
        assert_eq!(a.role_of("Press release (draft)"), Some(Role::PressRelease));
        assert_eq!(a.role_of("Customer / User FAQs"), Some(Role::ExternalFaq));
        assert_eq!(
            a.role_of("Internal / Stakeholder FAQ"),
            Some(Role::InternalFaq)
        );
        assert_eq!(a.role_of("Customer Problems"), Some(Role::Problem));
        assert_eq!(
            a.role_of("Describe the opportunity or problem: the setup"),
            Some(Role::Problem)
        );
        assert_eq!(a.role_of("Unresolved questions"), None);
        assert_eq!(a.role_of("General Questions"), None);
    }

    #[test]
    fn a_plain_label_line_under_the_faq_heading_says_whose_questions_follow() {
        let text = "# Shops refund in two minutes\n\nText.\n\n## FAQ\nInternal FAQ\n## 1. What will it cost us?\n\nTwo engineers for a quarter.\n\n## 2. What could go wrong?\n\nCard networks.\n";
        let b = parsed(text);
        assert_eq!(
            questions(&b),
            vec![
                (FaqKind::Internal, "What will it cost us?"),
                (FaqKind::Internal, "What could go wrong?")
            ]
        );
        // Without the label the questions are the general FAQ's.
        let b = parsed(&text.replace("Internal FAQ\n", ""));
        assert_eq!(b.faqs[0].kind, FaqKind::General);
    }

    #[test]
    fn the_headline_is_under_a_press_release_heading_that_follows_other_sections() {
        // "## North Star" above "## The press release" is about the
        // document; an aside in parentheses and a note heading under the
        // release heading are not the headline either.
        let b = parsed(
            "# Ledger: Working Backwards (PR/FAQ)\n\n## North Star\n\n**Every stall closes its books by six.**\n\nWe judge every feature against that.\n\n## The press release\n\n*(Written as if it is launch day.)*\n\n### Draft — pilot announcement\n\n### Stall owners close the day's books in ten minutes\n\nSEATTLE -- Text.\n\n## FAQ\n\n### What does it cost?\n\nNothing.\n",
        );
        assert_eq!(
            roles(&b)
                .into_iter()
                .filter(|(r, _)| *r != Role::Other)
                .collect::<Vec<_>>(),
            vec![
                (Role::PressRelease, "Ledger: Working Backwards (PR/FAQ)"),
                (Role::PressRelease, "The press release"),
                (
                    Role::Headline,
                    "Stall owners close the day's books in ten minutes"
                ),
                (Role::Summary, ""),
                (Role::Faq, "FAQ"),
            ]
        );
        // Without sections above it, the release heading changes nothing.
        let b = parsed(
            "# Stall owners close the day's books in ten minutes\n\n## Press release\n\nSEATTLE -- Text.\n",
        );
        assert_eq!(b.sections[0].role, Role::Headline);
    }

    #[test]
    fn a_press_release_label_before_the_headline_is_dropped() {
        let b = parsed(
            "# PR-FAQ: Ledger\n\n## Press Release: Stall owners close the day's books in ten minutes\n\nSEATTLE -- Text.\n\n## FAQ\n\n### What does it cost?\n\nNothing.\n",
        );
        assert_eq!(
            roles(&b)[1],
            (
                Role::Headline,
                "Stall owners close the day's books in ten minutes"
            )
        );
        // A qualifier is no headline: "Press release (draft)" is the label.
        let b = parsed(
            "# PR-FAQ: Ledger\n\n## Press release: draft\n\n### Stall owners close the day's books\n\nSEATTLE -- Text.\n",
        );
        assert_eq!(b.sections[2].role, Role::Headline);
    }

    #[test]
    fn a_template_that_boxes_every_section_in_a_block_quote_is_read_as_prose() {
        let text = "# Ledger #\n\n## Heading ##\n  > Stall owners close the day's books in ten minutes\n\n\
                    ## Sub-Heading ##\n  > For market stall owners who count cash by hand.\n\n\
                    ## Summary ##\n  > Ledger adds up the day's sales while the stall packs away.\n\n\
                    ## Problem ##\n  > Owners count coins for an hour after closing.\n\n\
                    ## Quote from the Ledger Team ##\n  > \"We built it for our parents' stall.\" - Ana Ruiz\n\n\
                    ## Customer Quote ##\n  > \"I go home an hour earlier.\" - Bo Lee, stall owner in Leeds\n";
        let b = parsed(text);
        assert_eq!(
            roles(&b),
            vec![
                (Role::Other, "Ledger"),
                (
                    Role::Headline,
                    "Stall owners close the day's books in ten minutes"
                ),
                (
                    Role::Subheading,
                    "For market stall owners who count cash by hand."
                ),
                (Role::Summary, "Summary"),
                (Role::Problem, "Problem"),
                (Role::LeaderQuote, "Quote from the Ledger Team"),
                (Role::CustomerQuote, "Customer Quote"),
            ]
        );
        let kinds: Vec<BlockKind> = b.sections[3..]
            .iter()
            .flat_map(|s| s.blocks.iter().map(|b| b.kind))
            .collect();
        assert_eq!(
            kinds,
            vec![
                BlockKind::Paragraph,
                BlockKind::Paragraph,
                BlockKind::Quote,
                BlockKind::Quote
            ]
        );
        // One block quote in a document of paragraphs stays a quote.
        let b = parsed(
            "# Stall owners close the day's books\n\n## Summary\n\n> Ledger adds up the day's sales.\n\n## Problem\n\nOwners count coins for an hour.\n",
        );
        assert_eq!(b.sections[1].blocks[0].kind, BlockKind::Quote);
    }

    #[test]
    fn the_template_s_labels_in_any_of_their_shapes_have_their_roles() {
        const HEADLINE: &str = "Stall owners close the day's books in ten minutes";
        const SUB: &str = "Market stall owners who count cash by hand get their evening back.";
        const PROBLEM: &str = "Owners count coins for an hour after closing.";
        for text in [
            format!(
                "# Press Release\n## Heading\n\n{HEADLINE}\n\n**Subheading:** {SUB}\n\n## Problem\n\n{PROBLEM}\n"
            ),
            format!(
                "# Press Release\n## Heading: {HEADLINE}\n\n### Subheading: {SUB}\n\nProblem: {PROBLEM}\n"
            ),
            format!(
                "# Tally\n\n### 1. Heading\n\n{HEADLINE}\n\n### 2. Sub-Heading\n\n{SUB}\n\n### 4. Problem Paragraph\n\n{PROBLEM}\n"
            ),
            format!(
                "# Tally\n\n**Heading:** {HEADLINE}\n\n**Subheading:** {SUB}\n\n**Problem**: {PROBLEM}\n"
            ),
        ] {
            let b = parsed(&text);
            let r = roles(&b);
            assert!(r.contains(&(Role::Headline, HEADLINE)), "{text}\n{r:?}");
            assert!(r.contains(&(Role::Subheading, SUB)), "{text}\n{r:?}");
            assert!(
                r.iter().any(|(role, _)| *role == Role::Problem),
                "{text}\n{r:?}"
            );
        }
    }

    /// The headline `parse` finds in `text`.
    fn headline(text: &str) -> String {
        let b = parsed(text);
        b.sections
            .iter()
            .find(|s| s.role == Role::Headline)
            .map(|s| s.heading.clone())
            .unwrap_or_default()
    }

    #[test]
    fn a_release_line_heading_and_a_title_naming_both_parts_open_the_release() {
        // "## FOR IMMEDIATE RELEASE" over the headline's heading: the
        // headline is the heading below it.
        assert_eq!(
            headline(
                "# Working backwards\n\n## FOR IMMEDIATE RELEASE\n\n### Stall owners close the day's books in ten minutes\n\nSEATTLE -- Text.\n"
            ),
            "Stall owners close the day's books in ten minutes"
        );
        // A title that names the press release and the FAQ, in the
        // document's own language, is the document's kind, not its FAQ.
        let b = parsed(
            "# Tally - プレスリリース & FAQ\n\n## プレスリリース\n\n### 屋台の帳簿が10分で閉まる\n\n本日公開。\n\n## よくある質問\n\n### いくらですか？\n\n無料です。\n",
        );
        let r = roles(&b);
        assert_eq!(r[0].0, Role::PressRelease, "{r:?}");
        assert!(
            r.contains(&(Role::Headline, "屋台の帳簿が10分で閉まる")),
            "{r:?}"
        );
        assert!(!b.sections[2].in_faq);
        assert_eq!(b.faqs.len(), 1);
    }

    #[test]
    fn a_readme_s_own_sections_above_its_pr_faq_keep_the_title_from_the_headline() {
        let b = parsed(
            "# Tally\n\nA menu-bar app.\n\n## Download\n\nGet it from the releases page.\n\n## PR-FAQ\n\n### Press release\n\n#### Stall owners close the day's books in ten minutes\n\nSEATTLE -- Text.\n\n### Customer FAQ\n\n#### Does it cost anything?\n\nNo.\n\n### FAQ intern\n\n#### Welche Risiken bleiben?\n\nWenige.\n",
        );
        let r = roles(&b);
        assert_eq!(
            r.iter()
                .filter(|(role, _)| *role == Role::Headline)
                .collect::<Vec<_>>(),
            [&(
                Role::Headline,
                "Stall owners close the day's books in ten minutes"
            )],
            "{r:?}"
        );
        let kinds: Vec<FaqKind> = b.faqs.iter().map(|f| f.kind).collect();
        assert_eq!(kinds, [FaqKind::External, FaqKind::Internal]);
    }

    #[test]
    fn a_note_about_the_document_under_its_title_is_no_headline() {
        let b = parsed(
            "# Ledger — PR/FAQ\n\n*Internal document: a press release and FAQ to agree on scope.*\n\n---\n\n## Press Release\n\n**Shops close the day's books in ten minutes**\n\nSEATTLE -- Text.\n",
        );
        assert_eq!(
            roles(&b),
            vec![
                (Role::PressRelease, "Ledger — PR/FAQ"),
                (Role::PressRelease, "Press Release"),
                (Role::Headline, "Shops close the day's books in ten minutes"),
                (Role::Summary, ""),
            ]
        );
        // An italic line that speaks of the product is still the headline.
        let b = parsed(
            "# Ledger — PR/FAQ\n\n*Shops close the day's books in ten minutes*\n\n## Press Release\n\nSEATTLE -- Text.\n",
        );
        assert_eq!(b.sections[1].role, Role::Headline);
    }

    #[test]
    fn a_working_backwards_title_opens_the_release_and_is_no_headline() {
        let b = parsed(
            "# Lumber — Working Backwards Plan\n\n## Press Release\n\n### Yard owners ask their questions in plain words\n\nSEATTLE -- Text.\n",
        );
        assert_eq!(
            roles(&b),
            vec![
                (Role::PressRelease, "Lumber — Working Backwards Plan"),
                (Role::PressRelease, "Press Release"),
                (
                    Role::Headline,
                    "Yard owners ask their questions in plain words"
                ),
                (Role::Summary, ""),
            ]
        );
    }

    #[test]
    fn a_bold_headline_under_the_press_release_heading() {
        let b = parsed(
            "# Dossier — PR/FAQ\n\n> Status: draft.\n\n## Press Release\n\n**FOR IMMEDIATE RELEASE**\n\n**Dossier keeps a topic of work alive**\n\n*A memory for people who run their work through agents.*\n\n**SAN FRANCISCO** — Dossier is here.\n\n## FAQ\n\n**Who is it for?**\nLeaders.\n",
        );
        assert_eq!(
            roles(&b),
            vec![
                (Role::PressRelease, "Dossier — PR/FAQ"),
                (Role::PressRelease, "Press Release"),
                (Role::Headline, "Dossier keeps a topic of work alive"),
                (
                    Role::Subheading,
                    "A memory for people who run their work through agents."
                ),
                (Role::Summary, ""),
                (Role::Faq, "FAQ"),
            ]
        );
        assert!(b.sections[4].text().starts_with("SAN FRANCISCO"));
        assert_eq!(b.sections[2].line, 9);
        assert_eq!(questions(&b), vec![(FaqKind::General, "Who is it for?")]);
    }

    #[test]
    fn a_title_naming_the_document_a_press_release_is_no_headline() {
        let b = parsed(
            "# Dossier Press Release\n\n**FOR IMMEDIATE RELEASE**\n\n**Dossier keeps a topic of work alive**\n\n*A memory for people who run their work through agents.*\n\n**SAN FRANCISCO** — Dossier is here.\n",
        );
        assert_eq!(
            roles(&b),
            vec![
                (Role::PressRelease, "Dossier Press Release"),
                (Role::Headline, "Dossier keeps a topic of work alive"),
                (
                    Role::Subheading,
                    "A memory for people who run their work through agents."
                ),
                (Role::Summary, ""),
            ]
        );
        // A numbered "1. Press Release" is the section name, as before.
        assert!(!crate::proposal::roles::is_title_label("1. Press Release"));
        assert!(crate::proposal::roles::is_title_label(
            "Dossier Press Release (draft)"
        ));
        assert_eq!(
            crate::proposal::roles::strip_title_label("Dossier Press Release"),
            "Dossier"
        );
    }

    #[test]
    fn metadata_under_the_title_is_not_the_summary() {
        let b = parsed(
            "# Dossier — PR/FAQ\n\n**Status:** Draft  \n**Owner:** Ann Lee\n\n---\n\n## Press Release\n\n**SAN FRANCISCO** — Dossier today announced a memory for people who run their work through agents.\n",
        );
        let summary = b
            .sections
            .iter()
            .find(|s| s.role == Role::Summary)
            .expect("a summary");
        assert!(
            summary.text().starts_with("SAN FRANCISCO"),
            "{:?}",
            summary.text()
        );
    }

    #[test]
    fn a_byline_in_the_metadata_is_no_headline() {
        let b = parsed(
            "# PRFAQ: Acme Refunds\n**By Acme Inc**  \n**Date: August 21, 2025**  \n**Status: Draft**\n\n## Press Release\n\n### Acme Launches Refunds at the Till for Shop Owners\n\nBOSTON, MA - August 21, 2025 - Acme today announced refunds at the till.\n",
        );
        assert_eq!(
            roles(&b)[..3],
            [
                (Role::PressRelease, "PRFAQ: Acme Refunds"),
                (Role::PressRelease, "Press Release"),
                (
                    Role::Headline,
                    "Acme Launches Refunds at the Till for Shop Owners"
                ),
            ]
        );
        // A bold line alone that starts with "By" is still a headline.
        let b = parsed(
            "**By Tuesday, every shop refunds at the till**\n\nBOSTON, MA - Acme today announced refunds.\n",
        );
        assert_eq!(b.sections[0].role, Role::Headline);
    }

    #[test]
    fn a_headline_section_holds_the_headline() {
        let b = parsed(
            "# PRFAQ: Acme\n\n## Press Release\n\n### Headline\n\n**Gym owners stop chasing payments**\n\n### Subheadline\n\n*Members pay on time.*\n\n### Summary\n\nToday Acme launched.\n",
        );
        assert_eq!(
            roles(&b)[2..],
            [
                (Role::Headline, "Gym owners stop chasing payments"),
                (Role::Subheading, "Members pay on time."),
                (Role::Summary, "Summary"),
            ]
        );
    }

    #[test]
    fn questions_in_every_shape() {
        let b = parsed(
            "# H\n\n## Frequently Asked Questions\n\n### General\n\n**Q: What is it?**\n\nA: A tool for shops.\n\n**Where does my data live? (privacy)**\nOn your disk.\n\nQ: Can I leave?\nA: Any time.\n\n### 1. What does it cost?\n\nNothing.\n\n### Q2: Who runs it\n\nWe do.\n\n### Basics\n\n1. **Do I have to know SQL?**\n   Not necessarily.\n2. **Why a CLI?**\n   Scripts.\n\n## Internal FAQ\n\n* How will we measure success\n  * Refund time.\n* What could go wrong?\n  * Double refunds.\n\n**What about signatures? They are tricky.**\n\nWe sign every request.\n",
        );
        assert_eq!(
            questions(&b),
            vec![
                (FaqKind::General, "What is it?"),
                (FaqKind::General, "Where does my data live? (privacy)"),
                (FaqKind::General, "Can I leave?"),
                (FaqKind::General, "What does it cost?"),
                (FaqKind::General, "Who runs it"),
                (FaqKind::General, "Do I have to know SQL?"),
                (FaqKind::General, "Why a CLI?"),
                (FaqKind::Internal, "How will we measure success"),
                (FaqKind::Internal, "What could go wrong?"),
                (FaqKind::Internal, "What about signatures? They are tricky."),
            ]
        );
        assert_eq!(b.faqs[0].answer, "A tool for shops.");
        assert_eq!(b.faqs[2].answer, "Any time.");
        assert_eq!(b.faqs[5].answer, "Not necessarily.");
        assert_eq!(b.faqs[7].answer, "Refund time.");
    }

    #[test]
    fn q_lines_open_an_faq_without_a_heading() {
        let b = parsed(
            "## PRFAQ\n\nNow engineers ship models.\n\n**Q: Why build it?**\n\nBecause it is hard today.\n\n**Q: What is it?**\n\nTemplates.\n",
        );
        assert_eq!(b.sections[1].role, Role::Summary);
        assert_eq!(b.faqs.len(), 2);
        assert_eq!(b.faqs[1].answer, "Templates.");
    }

    #[test]
    fn faq_tables_folded_questions_and_bold_q_lines_are_questions() {
        let head = "# Refunds at the till\n\nSEATTLE -- Text.\n\n## FAQ\n\n";
        for body in [
            "**Q1: What does it cost?**\n**A:** Nothing.\n**Q2: Who keeps the receipts?**\n**A:** The shop.\n",
            "| Question | Answer |\n|---|---|\n| What does it cost? | Nothing. |\n| Who keeps the receipts? | The shop. |\n",
            "<details><summary>What does it cost?</summary>\n\nNothing.\n\n</details>\n\n<details><summary><b>Who keeps the receipts?</b></summary>\n\nThe shop.\n\n</details>\n",
        ] {
            let b = parsed(&format!("{head}{body}"));
            let q: Vec<(&str, &str)> = b
                .faqs
                .iter()
                .map(|f| (f.question.as_str(), f.answer.as_str()))
                .collect();
            assert_eq!(
                q,
                vec![
                    ("What does it cost?", "Nothing."),
                    ("Who keeps the receipts?", "The shop.")
                ],
                "{body}"
            );
        }
        // A table of prices under the FAQ asks nothing, and a table in the
        // release is a table.
        let b = parsed(&format!(
            "{head}| Plan | Price |\n|---|---|\n| Shop | 5 |\n"
        ));
        assert!(b.faqs.is_empty());
        let b = parsed(
            "# Refunds at the till\n\n| Question | Answer |\n|---|---|\n| What does it cost? | Nothing. |\n",
        );
        assert!(b.faqs.is_empty());
    }

    #[test]
    fn entries_numbered_as_the_faq_numbers_them_are_questions() {
        let b = parsed(
            "# Refunds at the till\n\nSEATTLE -- Text.\n\n# Internal FAQ\n\n### I1: What is hardest here?\n\nMatching refunds.\n\n### I2: Dependency on the card processor\n\nIts refund endpoint.\n\n### 3. Pricing\n\nLater.\n",
        );
        let q: Vec<&str> = b.faqs.iter().map(|f| f.question.as_str()).collect();
        assert_eq!(
            q,
            ["What is hardest here?", "Dependency on the card processor"]
        );
    }

    #[test]
    fn q_and_a_lines_with_no_blank_line_between_are_one_question_each() {
        let b = parsed(
            "# Refunds at the till\n\nSEATTLE -- Text.\n\nFrequently Asked Questions\n\nQ1: What does it cost?\nA: Nothing for a year.\nQ2: Who keeps the receipts?\nA: The shop.\nQ3: Can I leave?\nA: Any time, with\nall your data.\n",
        );
        let q: Vec<(&str, &str, usize)> = b
            .faqs
            .iter()
            .map(|f| (f.question.as_str(), f.answer.as_str(), f.line))
            .collect();
        assert_eq!(
            q,
            vec![
                ("What does it cost?", "Nothing for a year.", 7),
                ("Who keeps the receipts?", "The shop.", 9),
                ("Can I leave?", "Any time, with all your data.", 11),
            ]
        );
        // The answer on the question's own line.
        let b = parsed(
            "# Refunds at the till\n\nSEATTLE -- Text.\n\n## FAQ\n\nQ: What does it cost? A: Nothing for a year.\n\nQ: Biggest risks and mitigations? A: Double refunds; we cap them.\n",
        );
        let q: Vec<(&str, &str)> = b
            .faqs
            .iter()
            .map(|f| (f.question.as_str(), f.answer.as_str()))
            .collect();
        assert_eq!(
            q,
            vec![
                ("What does it cost?", "Nothing for a year."),
                (
                    "Biggest risks and mitigations?",
                    "Double refunds; we cap them."
                ),
            ]
        );
    }

    #[test]
    fn a_rhetorical_question_in_the_release_is_not_an_faq() {
        let b = parsed(
            "# Shops refund in minutes\n\nText.\n\n**Why does it matter?** Refunds take days.\n\n## FAQ\n\n### Is it free?\n\nYes.\n",
        );
        assert_eq!(questions(&b), vec![(FaqKind::General, "Is it free?")]);
    }

    #[test]
    fn lead_ins_name_sections() {
        let b = parsed(
            "# Device wiki\n\n**December 2024** — Device Care is here.\n\n**The Problem:** Manuals get lost.\n\n**How It Works**\n\n1. Browse\n2. Follow\n\nSubtitle: ignored here\nCustomer Problems: Nobody can compare results.\nSolution: A shared vocabulary.\n",
        );
        assert_eq!(
            roles(&b),
            vec![
                (Role::Headline, "Device wiki"),
                (Role::Summary, ""),
                (Role::Problem, "The Problem"),
                (Role::HowItWorks, "How It Works"),
                (Role::Subheading, "ignored here"),
                (Role::Problem, "Customer Problems"),
                (Role::Solution, "Solution"),
            ]
        );
        assert_eq!(b.sections[2].text(), "Manuals get lost.");
        assert_eq!(b.sections[5].text(), "Nobody can compare results.");
        assert_eq!(b.sections[5].line, 13);
    }

    #[test]
    fn what_follows_the_faq_is_not_an_faq() {
        let b = parsed(
            "# H\n\n# FAQ\n\n## Is it free?\n\nYes.\n\n# Appendix: interviews\n\n## What did hosts say?\n\nThey said things.\n\n```bash\n# Install it\nbrew install x\n```\n",
        );
        assert_eq!(questions(&b), vec![(FaqKind::General, "Is it free?")]);
        let appendix = b
            .sections
            .iter()
            .find(|s| s.heading.starts_with("Appendix"))
            .unwrap();
        assert!(appendix.in_faq && appendix.role == Role::Other);
        assert_eq!(b.sections.iter().filter(|s| s.level == 1).count(), 3);
    }
}
