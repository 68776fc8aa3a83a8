//! Diffs as text for a reader: git's `--word-diff=plain` markers, or colour
//! for a terminal.

use anstyle::{AnsiColor, Style};

use super::{BlockChange, BlockDiff, Op, TextDiff};

/// How changes are marked in rendered output.
struct Marks {
    del: (String, String),
    ins: (String, String),
    header: (String, String),
}

/// The changed blocks, with `context` unchanged blocks around each, in hunks
/// headed `@@ line N @@`; deletions `[-like this-]`, insertions `{+like
/// this+}` (git's `--word-diff=plain`).
pub fn render_plain(diff: &TextDiff, context: usize) -> String {
    let marks = Marks {
        del: ("[-".into(), "-]".into()),
        ins: ("{+".into(), "+}".into()),
        header: (String::new(), String::new()),
    };
    render(diff, context, &marks)
}

/// As [`render_plain`], for a terminal: deletions red and struck through,
/// insertions green, hunk headers cyan, no markers.
pub fn render_ansi(diff: &TextDiff, context: usize) -> String {
    let styled = |style: Style| (style.render().to_string(), style.render_reset().to_string());
    let marks = Marks {
        del: styled(
            Style::new()
                .fg_color(Some(AnsiColor::Red.into()))
                .strikethrough(),
        ),
        ins: styled(Style::new().fg_color(Some(AnsiColor::Green.into()))),
        header: styled(Style::new().fg_color(Some(AnsiColor::Cyan.into()))),
    };
    render(diff, context, &marks)
}

fn render(diff: &TextDiff, context: usize, marks: &Marks) -> String {
    let mut out = String::new();
    for (k, hunk) in hunks(&diff.blocks, context).into_iter().enumerate() {
        if k > 0 {
            out.push('\n');
        }
        let first = &diff.blocks[hunk.start];
        out.push_str(&marks.header.0);
        out.push_str(&hunk_header(first));
        out.push_str(&marks.header.1);
        out.push('\n');
        for (i, block) in diff.blocks[hunk].iter().enumerate() {
            if i > 0 {
                out.push('\n');
            }
            render_block(&mut out, block, marks);
            out.push('\n');
        }
    }
    out
}

/// `@@ line N @@` with the block's line in the new text, or `@@ old line N
/// @@` for a block that is only in the old one.
fn hunk_header(block: &BlockDiff) -> String {
    match (block.new_line, block.old_line) {
        (Some(n), _) => format!("@@ line {n} @@"),
        (None, Some(o)) => format!("@@ old line {o} @@"),
        (None, None) => "@@ @@".to_string(),
    }
}

/// Ranges of blocks to show: each changed block with `context` blocks either
/// side, touching or overlapping ranges merged.
fn hunks(blocks: &[BlockDiff], context: usize) -> Vec<std::ops::Range<usize>> {
    let mut out: Vec<std::ops::Range<usize>> = Vec::new();
    for (i, b) in blocks.iter().enumerate() {
        if b.change == BlockChange::Unchanged {
            continue;
        }
        let lo = i.saturating_sub(context);
        let hi = (i + context + 1).min(blocks.len());
        match out.last_mut() {
            Some(last) if lo <= last.end => last.end = hi,
            _ => out.push(lo..hi),
        }
    }
    out
}

fn render_block(out: &mut String, block: &BlockDiff, marks: &Marks) {
    let mut spans = block.spans.iter().peekable();
    while let Some(s) = spans.next() {
        match s.op {
            Op::Equal => out.push_str(&s.text),
            Op::Delete => {
                let ins = spans
                    .next_if(|n| n.op == Op::Insert)
                    .map(|n| n.text.as_str());
                render_change(out, &s.text, ins.unwrap_or(""), marks);
            }
            Op::Insert => render_change(out, "", &s.text, marks),
        }
    }
}

/// One deletion and/or insertion at the same place. Whitespace both share at
/// the edges goes outside the markers: `a {+brown+} fox`, not `a {+brown +}fox`.
fn render_change(out: &mut String, deleted: &str, inserted: &str, marks: &Marks) {
    if deleted.trim().is_empty() && inserted.trim().is_empty() {
        // A whitespace-only change: show the new spacing, unmarked.
        out.push_str(inserted);
        return;
    }
    let sides: Vec<&str> = [deleted, inserted]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect();
    let lead = shared(&sides, |s| &s[..s.len() - s.trim_start().len()]);
    let mut trail = shared(&sides, |s| &s[s.trim_end().len()..]);
    if sides.iter().any(|s| lead.len() + trail.len() > s.len()) {
        trail = "";
    }
    let core = |s: &'_ str| -> String {
        if s.is_empty() {
            String::new()
        } else {
            s[lead.len()..s.len() - trail.len()].to_string()
        }
    };
    out.push_str(lead);
    marked(out, &core(deleted), &marks.del);
    marked(out, &core(inserted), &marks.ins);
    out.push_str(trail);
}

/// The edge (`edge` of each side) when every side has the same one, else "".
fn shared<'a>(sides: &[&'a str], edge: impl Fn(&'a str) -> &'a str) -> &'a str {
    let mut edges = sides.iter().map(|s| edge(s));
    let first = edges.next().unwrap_or("");
    if edges.all(|e| e == first) { first } else { "" }
}

/// Wraps each line of `text` in the markers, indentation left outside, so
/// every output line carries its own colour and reads on its own.
fn marked(out: &mut String, text: &str, (open, close): &(String, String)) {
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let words = line.trim_start();
        out.push_str(&line[..line.len() - words.len()]);
        if !words.is_empty() {
            out.push_str(open);
            out.push_str(words);
            out.push_str(close);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diff::diff_text;

    fn plain(old: &str, new: &str) -> String {
        render_plain(&diff_text(old, new), 0)
    }

    #[test]
    fn insertion_keeps_spaces_outside_markers() {
        let out = plain("A quick fox.\n", "A quick brown fox.\n");
        assert_eq!(out, "@@ line 1 @@\nA quick {+brown+} fox.\n");
    }

    #[test]
    fn multi_line_changes_are_marked_line_by_line() {
        let old = "- one item\n";
        let new = "- one item\n- a new item\n  that wraps\n";
        assert_eq!(
            plain(old, new),
            "@@ line 2 @@\n{+- a new item+}\n  {+that wraps+}\n"
        );
    }

    #[test]
    fn context_shows_neighbours_in_one_hunk() {
        let old = "One.\n\nTwo words.\n\nThree.\n\nFour.\n\nFive.\n\nSix words.\n";
        let new = "One.\n\nTwo things.\n\nThree.\n\nFour.\n\nFive.\n\nSix things.\n";
        let d = diff_text(old, new);
        assert_eq!(
            render_plain(&d, 1),
            "@@ line 1 @@\nOne.\n\nTwo [-words-]{+things+}.\n\nThree.\n\
             \n@@ line 9 @@\nFive.\n\nSix [-words-]{+things+}.\n"
        );
        // Enough context joins the hunks.
        assert_eq!(render_plain(&d, 2).matches("@@ line").count(), 1);
    }

    #[test]
    fn ansi_colours_without_markers() {
        let d = diff_text("Refunds take two days.\n", "Refunds take three days.\n");
        let out = render_ansi(&d, 0);
        assert!(out.contains("\x1b[31m"), "{out:?}");
        assert!(out.contains("\x1b[32mthree"), "{out:?}");
        assert!(!out.contains("[-") && !out.contains("{+"), "{out:?}");
    }
}
