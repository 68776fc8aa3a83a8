//! The body of a PR/FAQ: sections with roles, their blocks of text with line
//! spans, FAQ entries and HTML comments, from comrak's syntax tree.

use comrak::nodes::{AstNode, NodeValue};
use comrak::{Arena, Options, parse_document};
use serde::Serialize;

use super::roles::{Aliases, Role};

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
    /// Heading level 1-6, 0 for the summary.
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

pub fn count_words(text: &str) -> usize {
    text.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

/// A heading as found in the tree, before roles are assigned.
struct RawHeading {
    level: u8,
    text: String,
    line: usize,
    blocks: Vec<Block>,
    /// A bold question opening a paragraph (`**How much?** Answer…`).
    bold_question: bool,
}

/// Parses `body` (which starts after `line_offset` lines of the file).
pub fn parse(body: &str, line_offset: usize, aliases: &Aliases) -> Body {
    let arena = Arena::new();
    let options = comrak_options();
    let root = parse_document(&arena, body, &options);
    let last_line = line_offset + body.lines().count().max(1);

    let mut comments = Vec::new();
    let mut raw: Vec<RawHeading> = vec![RawHeading {
        level: 0,
        text: String::new(),
        line: line_offset + 1,
        blocks: Vec::new(),
        bold_question: false,
    }];
    for node in root.children() {
        let ast = node.data.borrow();
        let line = ast.sourcepos.start.line + line_offset;
        let end_line = ast.sourcepos.end.line.max(ast.sourcepos.start.line) + line_offset;
        match &ast.value {
            NodeValue::Heading(h) => raw.push(RawHeading {
                level: h.level,
                text: inline_text(node),
                line,
                blocks: Vec::new(),
                bold_question: false,
            }),
            NodeValue::HtmlBlock(html) => {
                collect_comments(&html.literal, line, &mut comments);
            }
            NodeValue::Paragraph => {
                collect_inline_comments(node, line_offset, &mut comments);
                if let Some((question, rest)) = bold_question(node) {
                    raw.push(RawHeading {
                        level: 7,
                        text: question,
                        line,
                        blocks: Vec::new(),
                        bold_question: true,
                    });
                    if !rest.trim().is_empty() {
                        push_block(&mut raw, BlockKind::Paragraph, line, end_line, rest);
                    }
                } else {
                    let text = inline_text(node);
                    if !text.trim().is_empty() {
                        push_block(&mut raw, BlockKind::Paragraph, line, end_line, text);
                    }
                }
            }
            NodeValue::List(_) => {
                let items = node
                    .descendants()
                    .filter(|n| matches!(n.data.borrow().value, NodeValue::Item(_)))
                    .count();
                let text = block_text(node);
                push_block(&mut raw, BlockKind::List { items }, line, end_line, text);
            }
            NodeValue::BlockQuote | NodeValue::MultilineBlockQuote(_) => {
                push_block(&mut raw, BlockKind::Quote, line, end_line, block_text(node));
            }
            NodeValue::Table(_) => {
                push_block(&mut raw, BlockKind::Table, line, end_line, block_text(node));
            }
            NodeValue::CodeBlock(c) => {
                let text = c.literal.trim_end().to_string();
                push_block(&mut raw, BlockKind::Code, line, end_line, text);
            }
            _ => {}
        }
    }
    assign_roles(raw, aliases, last_line, comments)
}

fn push_block(raw: &mut [RawHeading], kind: BlockKind, line: usize, end_line: usize, text: String) {
    let last = raw
        .last_mut()
        .expect("the preamble heading is always there");
    last.blocks.push(Block {
        kind,
        line,
        end_line,
        text,
    });
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
    let mut in_faq = false;
    let mut faq_kind = FaqKind::General;
    // Level of the heading that opened the current FAQ group.
    let mut faq_level = 0u8;
    let mut headline_seen = false;
    let mut expect_subheading = false;

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
        let end_line = ends[i];
        if h.level == 0 {
            // Text before the first heading: a summary if it has any.
            if !h.blocks.is_empty() {
                let line = h.blocks[0].line;
                sections.push(section(
                    Role::Summary,
                    "",
                    0,
                    &h.blocks,
                    line,
                    end_line,
                    false,
                ));
            }
            continue;
        }
        // Leaving an FAQ group when a heading at its level or above is not an FAQ heading.
        let alias = aliases.role_of(&h.text);
        if in_faq && h.level <= faq_level && !alias.is_some_and(Role::is_faq) && !h.bold_question {
            faq_kind = FaqKind::General;
        }
        let is_question = in_faq
            && h.text.trim_end().ends_with('?')
            && (h.bold_question || h.level > faq_level || alias.is_none());
        if is_question {
            let answer = h
                .blocks
                .iter()
                .map(|b| b.text.as_str())
                .collect::<Vec<_>>()
                .join("\n\n");
            let end = if h.bold_question {
                h.blocks.last().map_or(h.line, |b| b.end_line)
            } else {
                end_line
            };
            faqs.push(FaqEntry {
                kind: faq_kind,
                question: clean_question(&h.text),
                answer_words: count_words(&answer),
                answer,
                line: h.line,
                end_line: end,
            });
            continue;
        }
        let role = match alias {
            Some(r) if r.is_faq() => {
                in_faq = true;
                faq_level = h.level;
                faq_kind = match r {
                    Role::ExternalFaq => FaqKind::External,
                    Role::InternalFaq => FaqKind::Internal,
                    _ => FaqKind::General,
                };
                expect_subheading = false;
                r
            }
            Some(Role::PressRelease) => Role::PressRelease,
            Some(r) => {
                expect_subheading = false;
                r
            }
            None if !headline_seen && !in_faq => {
                headline_seen = true;
                expect_subheading = true;
                Role::Headline
            }
            None if expect_subheading
                && sections
                    .last()
                    .is_some_and(|s| s.role == Role::Headline && s.blocks.is_empty()) =>
            {
                expect_subheading = false;
                Role::Subheading
            }
            None => {
                expect_subheading = false;
                Role::Other
            }
        };
        // The paragraphs right under the headline or subheading are the summary.
        if matches!(role, Role::Headline | Role::Subheading) && !h.blocks.is_empty() {
            sections.push(section(
                role,
                &h.text,
                h.level,
                &[],
                h.line,
                end_line,
                in_faq,
            ));
            let summary_line = h.blocks[0].line;
            sections.push(section(
                Role::Summary,
                "",
                0,
                &h.blocks,
                summary_line,
                end_line,
                in_faq,
            ));
            expect_subheading = false;
            continue;
        }
        let in_faq = in_faq || role.is_faq();
        sections.push(section(
            role, &h.text, h.level, &h.blocks, h.line, end_line, in_faq,
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
        end_line,
        in_faq,
        words: blocks.iter().map(|b| count_words(&b.text)).sum::<usize>() + count_words(heading),
        blocks: blocks.to_vec(),
    }
}

/// "Q: How much?" and "**How much?**" become "How much?".
fn clean_question(q: &str) -> String {
    let q = q.trim();
    let q = q
        .strip_prefix("Q:")
        .or_else(|| q.strip_prefix("Q."))
        .or_else(|| q.strip_prefix("Q "))
        .unwrap_or(q);
    q.trim().to_string()
}

/// A paragraph that opens with bold text ending in `?` is a question; the
/// rest of the paragraph starts its answer.
fn bold_question<'a>(node: &'a AstNode<'a>) -> Option<(String, String)> {
    let first = node.first_child()?;
    if !matches!(first.data.borrow().value, NodeValue::Strong) {
        return None;
    }
    let question = inline_text(first);
    if !question.trim_end().ends_with('?') {
        return None;
    }
    let mut rest = String::new();
    for sibling in first.following_siblings().skip(1) {
        append_inline(sibling, &mut rest);
    }
    Some((question.trim().to_string(), rest.trim().to_string()))
}

/// Plain text of an inline container (heading, paragraph).
fn inline_text<'a>(node: &'a AstNode<'a>) -> String {
    let mut out = String::new();
    for child in node.children() {
        append_inline(child, &mut out);
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
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

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = "# Shops refund in minutes\n## One benefit\n\nSEATTLE, March 15, 2027 -- Summary text here.\n\n<!-- guidance -->\n\n## Problem\n\nToday it hurts.\n\n## Solution\n\nWe fix it.\n\n# Frequently asked questions\n## External FAQ\n### How much does it cost?\nNothing at all for now.\n### Q: Where?\nHere.\n## Internal FAQ\n**What will it cost us?** About two people for a year.\n";

    #[test]
    fn roles_in_order() {
        let b = parse(DOC, 0, &Aliases::default());
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
        let b = parse(DOC, 0, &Aliases::default());
        assert_eq!(b.comments.len(), 1);
        assert_eq!(b.comments[0].text, "guidance");
        assert_eq!(b.comments[0].line, 6);
        assert!(b.sections.iter().all(|s| !s.text().contains("guidance")));
    }

    #[test]
    fn a_document_without_template_headings() {
        let b = parse(
            "# My idea\n\nSome text.\n\n## The Problem\n\nIt hurts.\n",
            0,
            &Aliases::default(),
        );
        assert_eq!(b.sections[0].role, Role::Headline);
        assert_eq!(b.sections[1].role, Role::Summary);
        assert_eq!(b.sections[2].role, Role::Problem);
    }
}
