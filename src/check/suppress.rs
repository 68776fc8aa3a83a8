//! Suppression comments in the document:
//!
//! - `<!-- wb-disable rule-id -->` silences a rule in the section the comment
//!   is in, from its heading to its end (an FAQ question counts as a
//!   section). Before the first heading it covers the whole file, the
//!   front-matter included.
//! - `<!-- wb-disable-next-line rule-id -->` silences a rule on the next
//!   non-blank line.
//!
//! Several ids may follow, separated by spaces or commas. A directive that
//! silenced nothing, or names no known rule, is reported under
//! `unused-suppression`.

use super::{Finding, Hit};
use crate::proposal::Proposal;

#[derive(Debug)]
struct Directive {
    /// Where the comment is.
    line: usize,
    col: usize,
    next_line: bool,
    ids: Vec<String>,
    /// Lines covered, inclusive.
    from: usize,
    to: usize,
}

/// Removes suppressed findings; returns the directives (or ids in them) that
/// silenced nothing. `judged(id)` says whether the rule ran, so that a
/// suppression of a disabled rule is not called unused.
pub(crate) fn apply(
    p: &Proposal,
    findings: &mut Vec<Finding>,
    judged: impl Fn(&str) -> bool,
) -> Vec<Hit> {
    let directives = directives(p);
    let mut used: Vec<Vec<bool>> = directives
        .iter()
        .map(|d| vec![false; d.ids.len()])
        .collect();
    findings.retain(|f| {
        let mut keep = true;
        for (d, used) in directives.iter().zip(used.iter_mut()) {
            if f.line < d.from || f.line > d.to {
                continue;
            }
            for (id, u) in d.ids.iter().zip(used.iter_mut()) {
                if *id == f.rule {
                    *u = true;
                    keep = false;
                }
            }
        }
        keep
    });
    let mut out = Vec::new();
    for (d, used) in directives.iter().zip(&used) {
        let form = if d.next_line {
            "wb-disable-next-line"
        } else {
            "wb-disable"
        };
        if d.ids.is_empty() {
            out.push(Hit::new(
                (d.line, d.col),
                format!("`{form}` names no rule"),
                format!("name the rule to silence, e.g. `<!-- {form} hyperbole-instead-of-specifics -->`"),
            ));
        }
        for (id, &u) in d.ids.iter().zip(used) {
            if u {
                continue;
            }
            if super::rule(id).is_none() || id == super::UNUSED_SUPPRESSION {
                out.push(Hit::new(
                    (d.line, d.col),
                    format!("`{form}` names an unknown rule `{id}`"),
                    super::did_you_mean(id),
                ));
            } else if judged(id) {
                let scope = if d.next_line {
                    "on the next line"
                } else {
                    "in this section"
                };
                out.push(Hit::new(
                    (d.line, d.col),
                    format!("`{form} {id}` is unused: the rule reports nothing {scope}"),
                    "remove the comment: the text it excused has changed",
                ));
            }
        }
    }
    out
}

fn directives(p: &Proposal) -> Vec<Directive> {
    let mut out = Vec::new();
    for c in &p.body.comments {
        let (next_line, rest) = if let Some(rest) = c.text.strip_prefix("wb-disable-next-line") {
            (true, rest)
        } else if let Some(rest) = c.text.strip_prefix("wb-disable") {
            (false, rest)
        } else {
            continue;
        };
        if !rest.is_empty() && !rest.starts_with([' ', '\t', '\n', ',', ':']) {
            continue;
        }
        let ids: Vec<String> = rest
            .split(|ch: char| ch.is_whitespace() || ch == ',' || ch == ':')
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect();
        let (from, to) = if next_line {
            let next = next_non_blank(&p.source, c.end_line);
            (next, next)
        } else {
            section_span(p, c.line)
        };
        let line_text = p.line(c.line);
        let col = line_text.find("<!--").unwrap_or(0);
        out.push(Directive {
            line: c.line,
            col: super::text::col_of(line_text, col),
            next_line,
            ids,
            from,
            to,
        });
    }
    out
}

/// The first non-blank line after line `after`.
fn next_non_blank(source: &str, after: usize) -> usize {
    source
        .lines()
        .enumerate()
        .skip(after)
        .find(|(_, l)| !l.trim().is_empty())
        .map_or(after + 1, |(i, _)| i + 1)
}

/// The innermost section (or FAQ entry) holding `line`, from its heading to
/// its end; before the first heading, the whole file.
fn section_span(p: &Proposal, line: usize) -> (usize, usize) {
    let whole = (1, usize::MAX);
    let sections = &p.body.sections;
    let mut best: Option<(usize, usize)> = None;
    for (i, s) in sections.iter().enumerate() {
        let mut end = s.end_line;
        if s.level == 0 {
            // The summary has no heading: it ends where the next section starts.
            if let Some(next) = sections.get(i + 1) {
                end = end.min(next.line.saturating_sub(1));
            }
        }
        if s.line <= line && line <= end && best.is_none_or(|(b, _)| s.line >= b) {
            best = Some((s.line, end));
        }
    }
    for f in &p.body.faqs {
        if f.line <= line && line <= f.end_line && best.is_none_or(|(b, _)| f.line >= b) {
            best = Some((f.line, f.end_line));
        }
    }
    match best {
        Some(span) => span,
        None => whole,
    }
}

#[cfg(test)]
mod tests {
    use crate::check::tests::{check_text, rules_of};

    const DOC: &str = "# Shops refund in two minutes\n\n## Problem\n\n<!-- wb-disable hyperbole-instead-of-specifics -->\nA seamless mess.\n\n## Solution\n\n<!-- wb-disable-next-line hyperbole-instead-of-specifics, internal-jargon-in-pr -->\nA seamless fix.\n\nAnother seamless fix.\n";

    #[test]
    fn both_forms_silence_and_unused_ones_are_reported() {
        let f = check_text(DOC);
        let hyper: Vec<usize> = f
            .iter()
            .filter(|f| f.rule == "hyperbole-instead-of-specifics")
            .map(|f| f.line)
            .collect();
        // Line 6 is under wb-disable, line 11 under wb-disable-next-line.
        assert_eq!(hyper, vec![13], "{f:#?}");
        let unused: Vec<&str> = f
            .iter()
            .filter(|f| f.rule == "unused-suppression")
            .map(|f| f.message.as_str())
            .collect();
        assert_eq!(unused.len(), 1, "{unused:?}");
        assert!(unused[0].contains("internal-jargon-in-pr"), "{unused:?}");
    }

    #[test]
    fn unknown_ids_and_empty_directives() {
        let f = check_text(
            "# H\n\n<!-- wb-disable hyperbole -->\n<!-- wb-disable -->\n<!-- wb-disabled x -->\n",
        );
        let msgs = rules_of(&f, "unused-suppression");
        assert_eq!(msgs.len(), 2, "{msgs:?}");
        assert!(msgs[0].contains("unknown rule `hyperbole`"));
        assert!(
            f.iter()
                .any(|f| f.hint.contains("hyperbole-instead-of-specifics"))
        );
        assert!(msgs[1].contains("names no rule"));
    }

    #[test]
    fn at_the_top_it_covers_the_whole_file() {
        let f = check_text("<!-- wb-disable front-matter -->\n# H\n\nText.\n");
        assert!(rules_of(&f, "front-matter").is_empty());
        assert!(rules_of(&f, "unused-suppression").is_empty());
    }
}
