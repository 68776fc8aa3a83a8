//! Code actions as text edits, in wb's terms (1-based lines, columns in
//! characters): a comment that silences a finding, and the fixes that are
//! mechanical: a missing front-matter key whose value wb knows (the title,
//! the first status, the owner from git) and a `wb-disable` comment that
//! silences nothing. Pure: the server converts and verifies them.

use crate::check::{Finding, UNUSED_SUPPRESSION};
use crate::proposal::Proposal;

/// Replace the text from `from` to `to` (exclusive), each `(line, col)`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    pub from: (usize, usize),
    pub to: (usize, usize),
    pub text: String,
}

impl Edit {
    fn insert_line(line: usize, text: String) -> Edit {
        Edit {
            from: (line, 1),
            to: (line, 1),
            text,
        }
    }
}

/// One code action: what the editor shows, and what it changes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fix {
    pub title: String,
    pub edits: Vec<Edit>,
}

/// What the fixes need besides the proposal.
pub struct Known<'a> {
    /// The status new proposals start in (wb.yaml's first).
    pub new_status: &'a str,
    /// The writer's git identity, `Name <email>`.
    pub owner: Option<&'a str>,
}

/// A comment that silences `f`: `wb-disable-next-line` above its line, or,
/// for a finding in the front-matter (where no comment can go),
/// `wb-disable` at the top of the body, which covers the whole file.
pub fn disable(p: &Proposal, f: &Finding) -> Option<Fix> {
    if f.rule == UNUSED_SUPPRESSION {
        return None;
    }
    if f.line > p.body_line {
        let line = p.line(f.line);
        let indent: String = line.chars().take_while(|c| c.is_whitespace()).collect();
        return Some(Fix {
            title: format!("Disable `{}` on this line", f.rule),
            edits: vec![Edit::insert_line(
                f.line,
                format!("{indent}<!-- wb-disable-next-line {} -->\n", f.rule),
            )],
        });
    }
    Some(Fix {
        title: format!("Disable `{}` in this file", f.rule),
        edits: vec![Edit::insert_line(
            p.body_line + 1,
            format!("<!-- wb-disable {} -->\n", f.rule),
        )],
    })
}

/// The mechanical fixes for `f`, if its rule has any.
pub fn fixes(p: &Proposal, f: &Finding, all: &[Finding], known: &Known) -> Vec<Fix> {
    match f.rule.as_str() {
        "front-matter" => front_matter(p, f, known),
        UNUSED_SUPPRESSION => remove_unused(p, f, all).into_iter().collect(),
        _ => Vec::new(),
    }
}

/// The value wb can fill in for a required key, when it knows one.
fn value_for(p: &Proposal, key: &str, known: &Known) -> Option<String> {
    match key {
        "title" => Some(p.title.clone()),
        "status" => Some(known.new_status.to_string()),
        "owner" => known.owner.map(str::to_string),
        _ => None,
    }
}

/// `key: value` as YAML, the value quoted when it must be.
fn yaml_line(key: &str, value: &str) -> String {
    let v = serde_yaml::to_string(value).unwrap_or_else(|_| format!("{value:?}"));
    format!("{key}: {}", v.trim_end())
}

fn front_matter(p: &Proposal, f: &Finding, known: &Known) -> Vec<Fix> {
    let front = &p.front;
    if !front.present {
        let mut block = String::from("---\n");
        for key in ["title", "status", "owner"] {
            if let Some(v) = value_for(p, key, known) {
                block.push_str(&yaml_line(key, &v));
                block.push('\n');
            }
        }
        block.push_str("---\n");
        return vec![Fix {
            title: "Add front-matter (title, status, owner)".into(),
            edits: vec![Edit::insert_line(1, block)],
        }];
    }
    let mut out = Vec::new();
    for key in ["title", "status", "owner"] {
        // The finding names the key it is about: "front-matter has no
        // `status`", "front-matter `owner` is empty".
        if !f.message.contains(&format!("`{key}`")) {
            continue;
        }
        let Some(value) = value_for(p, key, known) else {
            continue;
        };
        let line = yaml_line(key, &value);
        if front.has(key) {
            let (n, _) = front.position(key);
            let text = p.line(n);
            let rest = text
                .trim_start()
                .strip_prefix(key)
                .and_then(|r| r.strip_prefix(':'));
            if !rest.is_some_and(|r| ["", "\"\"", "''", "~", "null"].contains(&r.trim())) {
                continue;
            }
            out.push(Fix {
                title: format!("Fill in `{line}`"),
                edits: vec![Edit {
                    from: (n, 1),
                    to: (n, text.chars().count() + 1),
                    text: line,
                }],
            });
        } else {
            out.push(Fix {
                title: format!("Add `{line}` to the front-matter"),
                edits: vec![Edit::insert_line(p.body_line, format!("{line}\n"))],
            });
        }
    }
    out
}

/// Removes what a `wb-disable` comment names that silenced nothing: the
/// whole comment (its line, when it stands alone) or the unused ids.
fn remove_unused(p: &Proposal, f: &Finding, all: &[Finding]) -> Option<Fix> {
    let line = p.line(f.line);
    let start = line
        .char_indices()
        .nth(f.col.saturating_sub(1))
        .map(|(i, _)| i)?;
    let comment = &line[start..];
    let end = comment.find("-->")? + 3;
    let inner = comment[4..end - 3].trim();
    let (form, rest) = ["wb-disable-next-line", "wb-disable"]
        .into_iter()
        .find_map(|form| inner.strip_prefix(form).map(|rest| (form, rest)))?;
    let ids: Vec<&str> = rest
        .split(|c: char| c.is_whitespace() || c == ',' || c == ':')
        .filter(|s| !s.is_empty())
        .collect();
    // Every unused-suppression finding on this comment names one id.
    let here: Vec<&Finding> = all
        .iter()
        .filter(|g| g.rule == UNUSED_SUPPRESSION && g.line == f.line && g.col == f.col)
        .collect();
    let unused = |id: &str| {
        here.iter().any(|g| {
            g.message.contains(&format!("`{form} {id}`"))
                || g.message.contains(&format!("unknown rule `{id}`"))
        })
    };
    let keep: Vec<&str> = ids.iter().copied().filter(|id| !unused(id)).collect();
    let from = (f.line, f.col);
    let to = (f.line, f.col + comment[..end].chars().count());
    if keep.is_empty() {
        let alone = line.trim() == comment[..end].trim() && line.trim_start().starts_with("<!--");
        let edit = if alone {
            Edit {
                from: (f.line, 1),
                to: (f.line + 1, 1),
                text: String::new(),
            }
        } else {
            Edit {
                from,
                to,
                text: String::new(),
            }
        };
        return Some(Fix {
            title: format!("Remove the unused `{form}` comment"),
            edits: vec![edit],
        });
    }
    let dropped: Vec<&str> = ids.iter().copied().filter(|id| unused(id)).collect();
    Some(Fix {
        title: format!(
            "Remove `{}` from the `{form}` comment",
            dropped.join("`, `")
        ),
        edits: vec![Edit {
            from,
            to,
            text: format!("<!-- {form} {} -->", keep.join(" ")),
        }],
    })
}

/// `source` with `edits` applied (they must not overlap).
pub fn apply(source: &str, edits: &[Edit]) -> String {
    let offset = |(line, col): (usize, usize)| {
        let mut at = 0;
        for _ in 1..line {
            match source[at..].find('\n') {
                Some(i) => at += i + 1,
                None => return source.len(),
            }
        }
        let end = source[at..].find('\n').map_or(source.len(), |i| at + i);
        source[at..end]
            .char_indices()
            .nth(col.saturating_sub(1))
            .map_or(end, |(i, _)| at + i)
    };
    let mut spans: Vec<(usize, usize, &str)> = edits
        .iter()
        .map(|e| (offset(e.from), offset(e.to), e.text.as_str()))
        .collect();
    spans.sort_by_key(|s| std::cmp::Reverse(s.0));
    let mut out = source.to_string();
    for (from, to, text) in spans {
        out.replace_range(from..to.max(from), text);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::tests::check_text;
    use crate::proposal::{ParseOptions, parse};

    fn doc(text: &str) -> (Proposal, Vec<Finding>) {
        let p = parse(
            std::path::Path::new("p.md"),
            text.into(),
            &ParseOptions::default(),
        )
        .unwrap();
        (p, check_text(text))
    }

    const KNOWN: Known = Known {
        new_status: "draft",
        owner: Some("Jane Doe <jane@example.com>"),
    };

    #[test]
    fn missing_keys_get_their_known_value() {
        let text = "---\ntitle: Refunds in two minutes\ncustomer: Owners of small shops who refund by hand\n---\n# Refunds\n";
        let (p, findings) = doc(text);
        let fixed: Vec<Fix> = findings
            .iter()
            .filter(|f| f.rule == "front-matter")
            .flat_map(|f| fixes(&p, f, &findings, &KNOWN))
            .collect();
        let titles: Vec<&str> = fixed.iter().map(|f| f.title.as_str()).collect();
        assert_eq!(
            titles,
            [
                "Add `owner: Jane Doe <jane@example.com>` to the front-matter",
                "Add `status: draft` to the front-matter"
            ]
        );
        let edits: Vec<Edit> = fixed.iter().flat_map(|f| f.edits.clone()).collect();
        let after = apply(text, &edits);
        assert!(after.starts_with("---\ntitle: Refunds in two minutes\ncustomer: Owners of small shops who refund by hand\n"), "{after}");
        assert!(
            after.contains("\nstatus: draft\n")
                && after.contains("\nowner: Jane Doe <jane@example.com>\n")
        );
        assert!(!check_text(&after).iter().any(|f| f.rule == "front-matter"));
    }

    #[test]
    fn an_empty_key_is_filled_and_no_front_matter_gets_one() {
        let text = "---\ntitle: Refunds\nstatus:\nowner: A <a@b.c>\ncustomer: Owners of small shops who refund by hand\n---\n# Refunds\n";
        let (p, findings) = doc(text);
        let f = findings.iter().find(|f| f.rule == "front-matter").unwrap();
        let fix = &fixes(&p, f, &findings, &KNOWN)[0];
        assert_eq!(fix.title, "Fill in `status: draft`");
        assert!(apply(text, &fix.edits).contains("\nstatus: draft\nowner"));

        let bare = "# Refunds in two minutes\n\nText.\n";
        let (p, findings) = doc(bare);
        let f = findings.iter().find(|f| f.rule == "front-matter").unwrap();
        let fix = &fixes(&p, f, &findings, &KNOWN)[0];
        let after = apply(bare, &fix.edits);
        assert!(after.starts_with("---\ntitle: Refunds in two minutes\nstatus: draft\nowner: Jane Doe <jane@example.com>\n---\n# Refunds"), "{after}");
    }

    #[test]
    fn unused_suppressions_are_removed() {
        let text = "# H\n\n## Problem\n\n<!-- wb-disable-next-line hyperbole-instead-of-specifics, internal-jargon-in-pr -->\nA revolutionary fix.\n\n<!-- wb-disable too-many-features -->\nText.\n";
        let (p, findings) = doc(text);
        let unused: Vec<&Finding> = findings
            .iter()
            .filter(|f| f.rule == UNUSED_SUPPRESSION)
            .collect();
        assert_eq!(unused.len(), 2, "{findings:#?}");
        let one = &fixes(&p, unused[0], &findings, &KNOWN)[0];
        assert_eq!(
            one.title,
            "Remove `internal-jargon-in-pr` from the `wb-disable-next-line` comment"
        );
        let after = apply(text, &one.edits);
        assert!(after.contains(
            "\n<!-- wb-disable-next-line hyperbole-instead-of-specifics -->\nA revolutionary"
        ));
        let whole = &fixes(&p, unused[1], &findings, &KNOWN)[0];
        assert_eq!(whole.title, "Remove the unused `wb-disable` comment");
        assert_eq!(apply(text, &whole.edits).matches("<!--").count(), 1);
    }

    #[test]
    fn a_disable_comment_silences_the_finding() {
        let text =
            "# Shops refund in two minutes\n\n## Problem\n\n- A seamless, world-class refund.\n";
        let (p, findings) = doc(text);
        let f = findings
            .iter()
            .find(|f| f.rule == "hyperbole-instead-of-specifics")
            .unwrap();
        let fix = disable(&p, f).unwrap();
        let after = apply(text, &fix.edits);
        assert!(after.contains(
            "\n<!-- wb-disable-next-line hyperbole-instead-of-specifics -->\n- A seamless"
        ));
        assert!(
            !check_text(&after).iter().any(|g| g.key() == f.key()),
            "{after}"
        );
    }
}
