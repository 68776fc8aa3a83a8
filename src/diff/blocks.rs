//! Splitting a document into paragraph-like blocks with their first line:
//! the units the diff aligns before it looks at words.

use super::tokens::collapse;

/// A paragraph-like block of a document, compared on its key.
pub(super) struct Chunk<'a> {
    /// First line, 1-based.
    pub(super) line: usize,
    /// The block as written, without its last newline.
    pub(super) text: &'a str,
    /// Whitespace-normalised text.
    pub(super) key: String,
}

/// Splits a document into blocks. With `front_matter`, a leading `---`
/// block is split by YAML key (and list item), so a status change shows
/// on its own line. The body is split at blank lines; a heading is its own
/// block, so is each list item, and a fenced code block is one block.
pub(super) fn split_chunks(text: &str, front_matter: bool) -> Vec<Chunk<'_>> {
    let lines = lines_of(text);
    let mut splitter = Splitter::new(text);
    let body_from = match front_matter.then(|| front_matter_end(&lines)).flatten() {
        Some(end) => {
            for line in &lines[..=end] {
                splitter.front_matter_line(line);
            }
            splitter.close();
            end + 1
        }
        None => 0,
    };
    for line in &lines[body_from..] {
        splitter.body_line(line);
    }
    splitter.finish()
}

/// One line of the text: its number, and where it starts and ends (newline
/// excluded).
#[derive(Clone, Copy)]
struct Line<'a> {
    number: usize,
    start: usize,
    end: usize,
    content: &'a str,
}

fn lines_of(text: &str) -> Vec<Line<'_>> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, raw) in text.split_inclusive('\n').enumerate() {
        let content = raw.trim_end_matches(['\n', '\r']);
        out.push(Line {
            number: i + 1,
            start,
            end: start + content.len(),
            content,
        });
        start += raw.len();
    }
    out
}

/// Index of the closing fence when the text opens with `---` front-matter.
fn front_matter_end(lines: &[Line]) -> Option<usize> {
    if lines.first()?.content.trim_end() != "---" {
        return None;
    }
    lines
        .iter()
        .skip(1)
        .position(|l| matches!(l.content.trim_end(), "---" | "..."))
        .map(|i| i + 1)
}

/// Builds blocks line by line.
struct Splitter<'a> {
    text: &'a str,
    out: Vec<Chunk<'a>>,
    /// The block being built: first line, start and end byte.
    open: Option<(usize, usize, usize)>,
    open_is_item: bool,
    /// The fence (``` or ~~~ run) of the code block we are in.
    fence: Option<&'a str>,
}

impl<'a> Splitter<'a> {
    fn new(text: &'a str) -> Self {
        Splitter {
            text,
            out: Vec::new(),
            open: None,
            open_is_item: false,
            fence: None,
        }
    }

    /// In front-matter a top-level key or a list item starts a block;
    /// indented lines continue it (folded text, nested maps).
    fn front_matter_line(&mut self, line: &Line<'a>) {
        let trimmed = line.content.trim_start();
        if trimmed.is_empty() {
            self.close();
        } else if !line.content.starts_with([' ', '\t']) || trimmed.starts_with("- ") {
            self.close();
            self.start(line);
        } else {
            self.extend(line);
        }
    }

    fn body_line(&mut self, line: &Line<'a>) {
        let trimmed = line.content.trim_start();
        if let Some(fence) = self.fence {
            self.extend(line);
            if trimmed.starts_with(fence)
                && trimmed.trim_start_matches(['`', '~']).trim().is_empty()
            {
                self.fence = None;
                self.close();
            }
        } else if trimmed.is_empty() {
            self.close();
        } else if is_heading(line.content) {
            self.close();
            self.start(line);
            self.close();
        } else if let Some(fence) = fence_of(trimmed) {
            self.close();
            self.start(line);
            self.fence = Some(fence);
        } else if starts_item(trimmed, self.open_is_item) {
            self.close();
            self.start(line);
            self.open_is_item = true;
        } else {
            self.extend(line);
        }
    }

    fn start(&mut self, line: &Line<'a>) {
        self.open = Some((line.number, line.start, line.end));
        self.open_is_item = false;
    }

    fn extend(&mut self, line: &Line<'a>) {
        match &mut self.open {
            Some((_, _, end)) => *end = line.end,
            None => self.start(line),
        }
    }

    fn close(&mut self) {
        if let Some((line, start, end)) = self.open.take() {
            let text = &self.text[start..end];
            self.out.push(Chunk {
                line,
                text,
                key: collapse(text),
            });
        }
    }

    fn finish(mut self) -> Vec<Chunk<'a>> {
        self.close();
        self.out
    }
}

/// An ATX heading: up to three spaces, one to six `#`, then a space or the end.
fn is_heading(line: &str) -> bool {
    let indent = line.len() - line.trim_start_matches(' ').len();
    let rest = &line[indent..];
    let hashes = rest.len() - rest.trim_start_matches('#').len();
    indent < 4
        && (1..=6).contains(&hashes)
        && rest[hashes..]
            .chars()
            .next()
            .is_none_or(|c| c == ' ' || c == '\t')
}

/// The fence a line opens a code block with: three or more backticks or tildes.
fn fence_of(trimmed: &str) -> Option<&str> {
    ['`', '~'].into_iter().find_map(|c| {
        let run = trimmed.len() - trimmed.trim_start_matches(c).len();
        (run >= 3).then(|| &trimmed[..run])
    })
}

/// Does this line start a list item? Bullets always do; a numbered item only
/// as `1.` or inside a list, as in CommonMark, so that a wrapped line starting
/// with "2027." stays in its paragraph.
fn starts_item(trimmed: &str, in_list: bool) -> bool {
    if ["- ", "* ", "+ "].iter().any(|b| trimmed.starts_with(b)) {
        return true;
    }
    let digits = trimmed.len()
        - trimmed
            .trim_start_matches(|c: char| c.is_ascii_digit())
            .len();
    let rest = &trimmed[digits..];
    (1..=9).contains(&digits)
        && (rest.starts_with(". ") || rest.starts_with(") "))
        && (in_list || &trimmed[..digits] == "1")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn starts(text: &str, front_matter: bool) -> Vec<(usize, &str)> {
        split_chunks(text, front_matter)
            .into_iter()
            .map(|c| (c.line, c.text))
            .collect()
    }

    #[test]
    fn blocks_and_their_first_lines() {
        let text = "---\ntitle: A\nmetrics:\n  - one\n  - two\ncustomer: >\n  folded\n---\n\
                    # Head\nPara one\nwraps here.\n\n- item\n  continued\n- item two\n\n\
                    ```\ncode\n\nmore code\n```\nAfter.\n";
        assert_eq!(
            starts(text, true),
            [
                (1, "---"),
                (2, "title: A"),
                (3, "metrics:"),
                (4, "  - one"),
                (5, "  - two"),
                (6, "customer: >\n  folded"),
                (8, "---"),
                (9, "# Head"),
                (10, "Para one\nwraps here."),
                (13, "- item\n  continued"),
                (15, "- item two"),
                (17, "```\ncode\n\nmore code\n```"),
                (22, "After."),
            ]
        );
    }

    #[test]
    fn without_front_matter_the_fence_is_text() {
        assert_eq!(
            starts("---\ntitle: A\n---\n", false),
            [(1, "---\ntitle: A\n---")]
        );
    }

    #[test]
    fn a_wrapped_year_does_not_start_a_list() {
        let text = "We launch in\n2027. It ships.\n\n1. first\n2. second\n";
        assert_eq!(
            starts(text, false),
            [
                (1, "We launch in\n2027. It ships."),
                (4, "1. first"),
                (5, "2. second")
            ]
        );
    }

    #[test]
    fn keys_ignore_wrapping() {
        let a = split_chunks("one two\nthree", false);
        let b = split_chunks("one\ntwo   three", false);
        assert_eq!(a[0].key, b[0].key);
    }
}
