//! What the rules read: a proposal cut into pieces of text (headings, blocks,
//! FAQ entries) with their roles and line spans, and the helpers that search
//! them word by word and point back at the evidence in the file.

use std::borrow::Cow;
use std::sync::LazyLock;

use regex::Regex;

use super::Context;
use crate::config::Config;
use crate::proposal::{BlockKind, FaqKind, Proposal, Role, Section};

/// A piece of text a rule reads.
#[derive(Debug, Clone)]
pub(crate) struct Piece<'a> {
    pub role: Role,
    pub in_faq: bool,
    pub kind: Kind,
    /// First and last line of the piece in the file.
    pub line: usize,
    pub end_line: usize,
    pub text: Cow<'a, str>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Heading,
    Block(BlockKind),
    /// A question and its answer.
    Faq(FaqKind),
}

impl Piece<'_> {
    /// How a message names where the piece is: "the summary", "the internal FAQ".
    pub fn place(&self) -> &'static str {
        match (self.kind, self.role) {
            (Kind::Faq(FaqKind::External), _) => "the external FAQ",
            (Kind::Faq(FaqKind::Internal), _) => "the internal FAQ",
            (Kind::Faq(FaqKind::General), _) => "the FAQ",
            (_, Role::Headline) => "the headline",
            (_, Role::Subheading) => "the subheading",
            (_, Role::Summary) => "the summary",
            (_, Role::Problem) => "the problem section",
            (_, Role::Solution) => "the solution",
            (_, Role::LeaderQuote) => "the leader quote",
            (_, Role::HowItWorks) => "how it works",
            (_, Role::CustomerQuote) => "the customer quote",
            (_, Role::GettingStarted) => "getting started",
            (_, Role::ExternalFaq) => "the external FAQ",
            (_, Role::InternalFaq) => "the internal FAQ",
            (_, Role::Faq) => "the FAQ",
            (_, Role::PressRelease | Role::Other) if !self.in_faq => "the press release",
            _ => "the FAQ",
        }
    }

    pub fn is_press_release(&self) -> bool {
        !self.in_faq
    }
}

/// A proposal prepared for the rules.
pub(crate) struct Doc<'a> {
    pub p: &'a Proposal,
    pub ctx: &'a Context<'a>,
    /// What kind of document this is (the pattern rules judge PR/FAQs only).
    pub kind: super::kind::Verdict,
    pub pieces: Vec<Piece<'a>>,
    /// The file's lines, to locate evidence without rescanning the text.
    lines: Vec<&'a str>,
}

impl<'a> Doc<'a> {
    pub fn new(p: &'a Proposal, ctx: &'a Context<'a>) -> Doc<'a> {
        Doc {
            p,
            ctx,
            kind: super::kind::judge(p, ctx.config),
            pieces: pieces(p),
            lines: p.source.lines().collect(),
        }
    }

    /// Line `n` (1-based) of the file.
    pub fn line(&self, n: usize) -> &'a str {
        self.lines.get(n.wrapping_sub(1)).copied().unwrap_or("")
    }

    /// Where `needle` is in lines `line..=end_line` (see [`locate`]).
    pub fn locate_in(
        &self,
        line: usize,
        end_line: usize,
        needle: &str,
        nth: usize,
    ) -> (usize, usize) {
        let from = line.saturating_sub(1).min(self.lines.len());
        let to = end_line.min(self.lines.len()).max(from);
        locate(&self.lines[from..to], line, needle, nth)
    }

    pub fn config(&self) -> &Config {
        self.ctx.config
    }

    /// The pieces of the press release (everything before the FAQ part).
    pub fn press_release(&self) -> impl Iterator<Item = &Piece<'a>> {
        self.pieces.iter().filter(|p| p.is_press_release())
    }

    /// Is `piece` the summary paragraph proper: the first block under the
    /// headline and subheading? (Without section headings, every paragraph
    /// of the press release lands in the summary; only the first is one.)
    pub fn is_summary_paragraph(&self, piece: &Piece) -> bool {
        piece.role == Role::Summary
            && !piece.in_faq
            && self
                .p
                .body
                .sections
                .iter()
                .find(|s| s.role == Role::Summary && !s.in_faq)
                .and_then(|s| s.blocks.first())
                .is_some_and(|b| b.line == piece.line)
    }

    /// The headline, the subheading and the summary paragraph: where a
    /// reader decides whether to read on.
    pub fn is_opening(&self, piece: &Piece) -> bool {
        match piece.role {
            Role::Headline | Role::Subheading => piece.kind == Kind::Heading && !piece.in_faq,
            Role::Summary => self.is_summary_paragraph(piece),
            _ => false,
        }
    }

    /// Is `piece` above the release proper: the heading that opens it
    /// ("## Press release", "# X — PR/FAQ") or the lines before the headline
    /// ("FOR IMMEDIATE RELEASE", metadata, a status quote)?
    pub fn is_preamble(&self, piece: &Piece) -> bool {
        if piece.role != Role::PressRelease || piece.in_faq {
            return false;
        }
        if piece.kind == Kind::Heading {
            return true;
        }
        self.p
            .body
            .sections
            .iter()
            .find(|s| s.role == Role::Headline && !s.in_faq)
            .is_some_and(|h| piece.line < h.line)
    }

    pub fn with_role(&self, role: Role) -> impl Iterator<Item = &Piece<'a>> {
        self.pieces.iter().filter(move |p| p.role == role)
    }

    /// Where `needle` (found in `piece`'s text after `nth` earlier matches of
    /// the same words) is written in the file.
    pub fn locate(&self, piece: &Piece, needle: &str, nth: usize) -> (usize, usize) {
        self.locate_in(piece.line, piece.end_line, needle, nth)
    }

    /// Where the match at byte `at` of `piece.text` is in the file.
    pub fn locate_match(&self, piece: &Piece, at: usize, len: usize) -> (usize, usize) {
        let text = piece.text.as_ref();
        let needle = &text[at..at + len];
        let nth = find_words(&text[..at], needle).len();
        self.locate(piece, needle, nth)
    }

    /// The heading line of the first piece, or the top of the body: where
    /// findings about something missing point.
    pub fn top(&self) -> (usize, usize) {
        match self.pieces.iter().find(|p| p.kind == Kind::Heading) {
            Some(h) => self.heading_pos(h),
            None => (self.p.body_line + 1, 1),
        }
    }

    /// The column of a heading's text on its line.
    pub fn heading_pos(&self, h: &Piece) -> (usize, usize) {
        let line = self.line(h.line);
        let col = line.find(|c: char| c != '#' && c != ' ').unwrap_or(0);
        (h.line, col_of(line, col))
    }

    /// The position of a section's heading.
    pub fn section_pos(&self, s: &Section) -> (usize, usize) {
        if s.level == 0 {
            return (s.line, 1);
        }
        let line = self.line(s.line);
        let col = line.find(|c: char| c != '#' && c != ' ').unwrap_or(0);
        (s.line, col_of(line, col))
    }

    /// The position of a front-matter key's value (or of the key, when empty).
    pub fn value_pos(&self, key: &str) -> (usize, usize) {
        let (line, _) = self.p.front.position(key);
        let text = self.line(line);
        let col = match text.find(':') {
            Some(i) => {
                let rest = &text[i + 1..];
                let skip = rest.len() - rest.trim_start().len();
                if rest.trim().is_empty() {
                    0
                } else {
                    i + 1 + skip
                }
            }
            None => 0,
        };
        (line, col_of(text, col))
    }
}

fn pieces(p: &Proposal) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    for s in &p.body.sections {
        if s.level > 0 && !s.heading.is_empty() {
            out.push(Piece {
                role: s.role,
                in_faq: s.in_faq,
                kind: Kind::Heading,
                line: s.line,
                end_line: s.line,
                text: Cow::Borrowed(s.heading.as_str()),
            });
        }
        for b in &s.blocks {
            out.push(Piece {
                role: s.role,
                in_faq: s.in_faq,
                kind: Kind::Block(b.kind),
                line: b.line,
                end_line: b.end_line,
                text: Cow::Borrowed(b.text.as_str()),
            });
        }
    }
    for f in &p.body.faqs {
        let role = match f.kind {
            FaqKind::External => Role::ExternalFaq,
            FaqKind::Internal => Role::InternalFaq,
            FaqKind::General => Role::Faq,
        };
        out.push(Piece {
            role,
            in_faq: true,
            kind: Kind::Faq(f.kind),
            line: f.line,
            end_line: f.end_line.max(f.line),
            text: Cow::Owned(format!("{}\n{}", f.question, f.answer)),
        });
    }
    out.sort_by_key(|p| (p.line, p.end_line));
    out
}

/// 1-based character column of byte `at` in `line`.
pub(crate) fn col_of(line: &str, at: usize) -> usize {
    let at = at.min(line.len());
    line.get(..at).map_or(at, |s| s.chars().count()) + 1
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Byte offsets of `needle` in `hay` as a whole word (or phrase), ignoring
/// ASCII case: "engine" is not found in "Engineers".
pub(crate) fn find_words(hay: &str, needle: &str) -> Vec<usize> {
    let needle = needle.trim();
    if needle.is_empty() {
        return Vec::new();
    }
    // ASCII lowercasing keeps byte offsets.
    let lower = hay.to_ascii_lowercase();
    let n = needle.to_ascii_lowercase();
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = lower[from..].find(&n) {
        let start = from + i;
        let end = start + n.len();
        let before = lower[..start].chars().next_back();
        let after = lower[end..].chars().next();
        // Japanese, Chinese and Korean attach words and particles without
        // a space: there a word boundary cannot be asked for.
        let starts_word = needle
            .chars()
            .next()
            .is_some_and(|c| is_word_char(c) && !crate::proposal::body::is_cjk(c));
        let ends_word = needle
            .chars()
            .next_back()
            .is_some_and(|c| is_word_char(c) && !crate::proposal::body::is_cjk(c));
        let ok_before = !starts_word || !before.is_some_and(is_word_char);
        let ok_after = !ends_word || !after.is_some_and(is_word_char);
        if ok_before && ok_after {
            out.push(start);
        }
        from = start + n.len().max(1);
        while !lower.is_char_boundary(from) {
            from += 1;
        }
    }
    out
}

/// Finds the `nth` whole-word occurrence of `needle` in `lines`, the first
/// of which is line `line` of the file; falls back to its first word, then
/// to the start of the span.
pub(crate) fn locate(lines: &[&str], line: usize, needle: &str, nth: usize) -> (usize, usize) {
    let first_word = needle.split_whitespace().next().unwrap_or(needle);
    for candidate in [needle, first_word] {
        let mut seen = 0;
        for (i, text) in lines.iter().enumerate() {
            for at in find_words(text, candidate) {
                if seen == nth {
                    return (line + i, col_of(text, at));
                }
                seen += 1;
            }
        }
        // Not enough occurrences (markup split the phrase): take the first.
        for (i, text) in lines.iter().enumerate() {
            if let Some(&at) = find_words(text, candidate).first() {
                return (line + i, col_of(text, at));
            }
        }
    }
    (line, 1)
}

/// The sentence of `text` around byte `at`.
pub(crate) fn sentence_at(text: &str, at: usize) -> &str {
    let bytes = text.as_bytes();
    let is_end = |i: usize| -> bool {
        // A sentence ends at . ! ? or a line break followed by a space and a
        // capital letter or quote; "a.m." and "Ore." do not end one when a
        // lower-case word or a digit follows.
        if bytes[i] == b'\n' {
            return true;
        }
        if !matches!(bytes[i], b'.' | b'!' | b'?') {
            return false;
        }
        // Closing quotation marks and brackets belong to the sentence they
        // close: `…believe it?" hired federates…`.
        let after = &text[i + 1..];
        let rest = after.trim_start_matches(['"', '”', '’', '\'', ')', ']', '*', '_']);
        let trimmed = rest.trim_start();
        // A question or an exclamation that closes a quotation ends the
        // sentence whatever follows: a product named in lower case
        // (`…believe it?" hired federates…`).
        if bytes[i] != b'.' && rest.len() < after.len() && trimmed.len() < rest.len() {
            return true;
        }
        rest.len() != trimmed.len()
            && trimmed
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c == '"' || c == '“')
    };
    // Sentences are short; a paragraph without full stops is not searched
    // further than this either way.
    const WINDOW: usize = 600;
    let at = at.min(bytes.len());
    let start = (at.saturating_sub(WINDOW)..at)
        .rev()
        .find(|&i| is_end(i))
        .map_or(at.saturating_sub(WINDOW), |i| i + 1);
    let end = (at..(at + WINDOW).min(bytes.len()))
        .find(|&i| is_end(i))
        .map_or((at + WINDOW).min(bytes.len()), |i| i + 1);
    let mut s = start;
    while !text.is_char_boundary(s) {
        s += 1;
    }
    let mut e = end;
    while !text.is_char_boundary(e) {
        e += 1;
    }
    text[s..e.max(s)].trim()
}

/// A number written in digits or words ("3", "40%", "two", "a dozen").
pub(crate) static NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|hundred|thousand|million|half|third|quarter|dozen|twice|double|triple)\b",
    )
    .unwrap()
});

/// Words that are too common to say what a sentence is about.
pub(crate) const STOPWORDS: &[&str] = &[
    "a", "an", "the", "and", "or", "of", "to", "in", "on", "at", "by", "for", "with", "from",
    "into", "their", "its", "it", "is", "are", "be", "can", "now", "our", "your", "you", "they",
    "them", "that", "this", "who", "what", "when", "than", "instead", "without", "before", "after",
    "every", "each", "all", "get", "gets", "no", "not", "more", "less",
];

/// The lower-cased content words of `text`.
pub(crate) fn content_words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '-')
        .map(|w| w.trim_matches(['\'', '-']).to_lowercase())
        .filter(|w| w.len() > 1 && !STOPWORDS.contains(&w.as_str()))
        .collect()
}

/// Matches of `extra` phrases from `wb.yaml` in `text`, as (offset, phrase).
pub(crate) fn find_phrases<'t>(text: &'t str, phrases: &[String]) -> Vec<(usize, &'t str)> {
    let mut out = Vec::new();
    for phrase in phrases {
        for at in find_words(text, phrase) {
            out.push((at, &text[at..at + phrase.trim().len()]));
        }
    }
    out.sort_by_key(|m| m.0);
    out
}

/// True when `word` is in `allow`, ignoring case.
pub(crate) fn allowed(word: &str, allow: &[String]) -> bool {
    allow.iter().any(|a| a.trim().eq_ignore_ascii_case(word))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_words_only() {
        assert!(find_words("Engineers paged at night", "engine").is_empty());
        assert_eq!(find_words("the engine, the Engine", "engine"), vec![4, 16]);
        assert_eq!(find_words("best-in-class tools", "best-in-class"), vec![0]);
        assert!(find_words("seamlessly", "seamless").is_empty());
        assert_eq!(find_words("café API", "api"), vec![6]);
    }

    #[test]
    fn locate_counts_earlier_matches() {
        let lines = ["An API and", "another **API** here."];
        assert_eq!(locate(&lines, 3, "API", 0), (3, 4));
        assert_eq!(locate(&lines, 3, "API", 1), (4, 11));
        assert_eq!(locate(&lines, 3, "nothing", 0), (3, 1));
    }

    #[test]
    fn columns_count_characters() {
        assert_eq!(col_of("é seamless", 3), 3);
    }

    #[test]
    fn sentences() {
        let t = "It opens at 7 a.m. every day. It is seamless. Then more.";
        let at = t.find("seamless").unwrap();
        assert_eq!(sentence_at(t, at), "It is seamless.");
        let at = t.find("every").unwrap();
        assert_eq!(sentence_at(t, at), "It opens at 7 a.m. every day.");
    }
}
