//! YAML helpers shared by `wb.yaml` and front-matter: errors mapped to the
//! line of the *file* (not of the YAML block), tolerant list fields, and a
//! cheap way to find the line of a key for later validation errors.

use std::path::Path;
use std::sync::LazyLock;

use regex::Regex;
use serde::de::{self, DeserializeOwned, Deserializer, SeqAccess, Visitor};

use crate::error::{Diagnostic, Result};

/// Parses `text` (a YAML block that starts on line `line_offset + 1` of
/// `path`) into `T`, turning errors into diagnostics with file positions.
pub fn from_str<T: DeserializeOwned>(path: &Path, text: &str, line_offset: usize) -> Result<T> {
    check_depth(path, text, line_offset)?;
    serde_yaml::from_str(text).map_err(|e| to_diagnostic(path, &e, line_offset, text).into())
}

/// The deepest nesting wb reads. Front-matter and `wb.yaml` nest three or
/// four levels; the parser's cost grows with the square of the depth
/// (30,000 brackets took seconds), so deeper YAML is refused before parsing.
pub const MAX_DEPTH: usize = 64;

/// Refuses YAML nested deeper than [`MAX_DEPTH`], in one pass over the text:
/// flow brackets (`[`, `{`) on top of block nesting (indentation and `- `
/// entries). Quoted text, comments, plain text (`a [b] c`) and the lines of
/// `|` and `>` blocks do not count.
pub fn check_depth(path: &Path, text: &str, line_offset: usize) -> Result<()> {
    match depth_scan(text) {
        None => Ok(()),
        Some((line, col)) => Err(Diagnostic::new(
            path,
            format!("the YAML nests deeper than {MAX_DEPTH} levels here"),
        )
        .at(line + line_offset, col)
        .hint("front-matter and wb.yaml hold a few keys, nested a level or two; flatten it")
        .into()),
    }
}

/// The first place (1-based line and column of the YAML text) where the
/// nesting passes [`MAX_DEPTH`], if any.
fn depth_scan(text: &str) -> Option<(usize, usize)> {
    #[derive(Clone, Copy, PartialEq)]
    enum Quote {
        None,
        Single,
        Double,
    }
    let mut indents: Vec<usize> = Vec::new();
    let mut flow = 0usize;
    let mut quote = Quote::None;
    // Inside a `|` or `>` block: lines indented deeper than this are text.
    let mut block_scalar: Option<usize> = None;
    let mut block_depth = 0usize;
    for (i, line) in text.lines().enumerate() {
        let chars: Vec<char> = line.chars().collect();
        let indent = chars.iter().take_while(|&&c| c == ' ').count();
        let blank = chars[indent..].iter().all(|c| c.is_whitespace());
        if let Some(base) = block_scalar {
            if blank || indent > base {
                continue;
            }
            block_scalar = None;
        }
        let mut pos = 0;
        if flow == 0 && quote == Quote::None {
            let rest = &chars[indent..];
            if blank || rest[0] == '#' {
                continue;
            }
            while indents.last().is_some_and(|&top| top > indent) {
                indents.pop();
            }
            if indents.last() != Some(&indent) {
                indents.push(indent);
            }
            block_depth = indents.len();
            if block_depth > MAX_DEPTH {
                return Some((i + 1, indent + 1));
            }
            pos = indent;
            // `- - - x`: each entry marker nests one level more.
            while pos < chars.len()
                && matches!(chars[pos], '-' | '?')
                && chars.get(pos + 1).is_none_or(|c| *c == ' ' || *c == '\t')
            {
                block_depth += 1;
                if block_depth > MAX_DEPTH {
                    return Some((i + 1, pos + 1));
                }
                pos += 1;
                while pos < chars.len() && chars[pos] == ' ' {
                    pos += 1;
                }
            }
            // The value: after `key: ` when the line holds a key.
            if let Some(colon) = key_colon(&chars[pos..]) {
                pos += colon + 1;
            }
            while pos < chars.len() && chars[pos] == ' ' {
                pos += 1;
            }
            // Anchors and tags before the value.
            while pos < chars.len() && matches!(chars[pos], '&' | '!') {
                while pos < chars.len() && chars[pos] != ' ' {
                    pos += 1;
                }
                while pos < chars.len() && chars[pos] == ' ' {
                    pos += 1;
                }
            }
            match chars.get(pos) {
                Some('[' | '{') => {}
                Some('"') => {
                    quote = Quote::Double;
                    pos += 1;
                }
                Some('\'') => {
                    quote = Quote::Single;
                    pos += 1;
                }
                Some('|' | '>') => {
                    block_scalar = Some(indent);
                    continue;
                }
                // Plain text: brackets in it are text.
                _ => continue,
            }
        }
        // Scan the value (or the rest of a flow collection or a quoted text
        // running on from the line before) until it is over.
        let entry = pos;
        while pos < chars.len() {
            let c = chars[pos];
            match quote {
                Quote::Double => {
                    if c == '\\' {
                        pos += 1;
                    } else if c == '"' {
                        quote = Quote::None;
                    }
                }
                Quote::Single => {
                    if c == '\'' {
                        if chars.get(pos + 1) == Some(&'\'') {
                            pos += 1;
                        } else {
                            quote = Quote::None;
                        }
                    }
                }
                Quote::None if flow == 0 && pos != entry => break,
                Quote::None => match c {
                    '[' | '{' => {
                        flow += 1;
                        if block_depth + flow > MAX_DEPTH {
                            return Some((i + 1, pos + 1));
                        }
                    }
                    ']' | '}' => flow = flow.saturating_sub(1),
                    '"' if pos == 0 || !chars[pos - 1].is_alphanumeric() => quote = Quote::Double,
                    '\'' if pos == 0 || !chars[pos - 1].is_alphanumeric() => quote = Quote::Single,
                    '#' if pos == 0 || chars[pos - 1].is_whitespace() => break,
                    _ => {}
                },
            }
            pos += 1;
        }
    }
    None
}

/// Where `key:` ends on a line (the colon), if the line starts with a key:
/// a colon followed by a space or the end of the line, before any quote or
/// bracket that would make it part of a value.
fn key_colon(chars: &[char]) -> Option<usize> {
    let mut quote: Option<char> = None;
    for (i, &c) in chars.iter().enumerate() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if i == 0 && (c == '"' || c == '\'') => quote = Some(c),
            None if c == '#' && i > 0 && chars[i - 1] == ' ' => return None,
            None if c == ':' && chars.get(i + 1).is_none_or(|n| *n == ' ' || *n == '\t') => {
                return Some(i);
            }
            None if i == 0 && matches!(c, '[' | '{' | '|' | '>') => return None,
            None => {}
        }
    }
    None
}

/// Separates a message from its hint inside a serde error (serde's custom
/// errors carry one string; this is the only place that splits it).
const HINT_MARK: char = '\u{1f}';

/// A deserialization error with a hint of its own, for `Deserialize`
/// impls that know what the writer should do (an unknown rule id).
pub(crate) fn error_with_hint<E: de::Error>(message: &str, hint: &str) -> E {
    E::custom(format!("{message}{HINT_MARK}{hint}"))
}

fn to_diagnostic(path: &Path, e: &serde_yaml::Error, line_offset: usize, text: &str) -> Diagnostic {
    static MARK: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r",? at line \d+ column \d+").unwrap());
    let raw = e.to_string();
    static PATH: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^([\w.\-\[\]]+): ((?s).*)$").unwrap());
    let bare = MARK.replace_all(&raw, "").trim().to_string();
    let (bare, own_hint) = match bare.split_once(HINT_MARK) {
        Some((m, h)) => (m.to_string(), Some(h.trim().to_string())),
        None => (bare, None),
    };
    // "site: unknown field `x`" reads better as "unknown field `x` in `site`".
    let message = match PATH.captures(&bare) {
        Some(c) => format!("{} in `{}`", &c[2], &c[1]),
        None => bare,
    };
    // An error found at the end of the block (an unclosed bracket) points at
    // the block's last line, not at the fence after it.
    let last = text.lines().count().max(1);
    // "control characters are not allowed at position 31": a byte offset
    // into the YAML, where the parser gives no line.
    static POSITION: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\s*at position (\d+)").unwrap());
    let offset = POSITION
        .captures(&message)
        .and_then(|c| c[1].parse::<usize>().ok())
        .filter(|&n| n <= text.len() && text.is_char_boundary(n));
    let message = match offset {
        Some(n) if message.starts_with("control characters") => {
            let c = text[n..].chars().next().unwrap_or('\0');
            format!(
                "a control character (U+{:04X}) is not allowed in YAML",
                u32::from(c)
            )
        }
        Some(_) => POSITION.replace(&message, "").into_owned(),
        None => message,
    };
    let located = offset.map(|n| {
        let before = &text[..n];
        let line = before.matches('\n').count() + 1;
        let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        (line + line_offset, col)
    });
    let (line, col) = match (located, e.location()) {
        (Some(at), _) => at,
        (None, Some(l)) if l.line() > last => {
            let width = text.lines().last().map_or(0, |s| s.chars().count());
            (last + line_offset, width + 1)
        }
        (None, Some(l)) => (l.line() + line_offset, l.column()),
        (None, None) => (line_offset + 1, 1),
    };
    let (line, col) = match duplicate_at(text, line - line_offset, &message) {
        Some((l, c)) => (l + line_offset, c),
        None => (line, refine_column(text, line - line_offset, col, &message)),
    };
    let (line, col, message) = if message.contains("repetition limit") {
        // An alias bomb: point at the first alias, say what it is.
        let at = text
            .lines()
            .position(|l| l.contains('*'))
            .map_or((line, col), |i| (i + 1 + line_offset, 1));
        (
            at.0,
            at.1,
            "the YAML's aliases (`*name`) expand past the repetition limit".to_string(),
        )
    } else {
        (line, col, message)
    };
    let hint = own_hint.unwrap_or_else(|| hint_for(&message));
    Diagnostic::new(path, message).at(line, col).hint(hint)
}

/// The parser reports a duplicate key at the map that holds it: point at
/// the second time the key is written instead (same indentation, after
/// the first).
fn duplicate_at(text: &str, line: usize, message: &str) -> Option<(usize, usize)> {
    let key = message
        .strip_prefix("duplicate entry with key \"")?
        .split('"')
        .next()?;
    let is_key = |l: &str| {
        let t = l.trim_start();
        t.strip_prefix(key)
            .or_else(|| t.strip_prefix(&format!("\"{key}\"")))
            .or_else(|| t.strip_prefix(&format!("'{key}'")))
            .is_some_and(|rest| rest.trim_start().starts_with(':'))
    };
    let lines: Vec<&str> = text.lines().collect();
    let start = line.saturating_sub(1);
    let first = (start..lines.len()).find(|&i| is_key(lines[i]))?;
    let indent = lines[first].len() - lines[first].trim_start().len();
    let second = (first + 1..lines.len())
        .find(|&i| is_key(lines[i]) && lines[i].len() - lines[i].trim_start().len() == indent)?;
    Some((second + 1, indent + 1))
}

/// The parser reports some errors at the start of the value that holds the
/// culprit (a flow list): when the message names a `token` that appears on
/// the reported line at or after the column, point at the token itself.
fn refine_column(text: &str, line: usize, col: usize, message: &str) -> usize {
    let Some(token) = message.split('`').nth(1).filter(|t| !t.is_empty()) else {
        return col;
    };
    let Some(src) = text.lines().nth(line.saturating_sub(1)) else {
        return col;
    };
    let start = src
        .char_indices()
        .nth(col.saturating_sub(1))
        .map_or(src.len(), |(i, _)| i);
    match src[start..].find(token) {
        Some(at) => src[..start + at].chars().count() + 1,
        None => col,
    }
}

fn hint_for(message: &str) -> String {
    if message.contains("unknown field") {
        static FIELD: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"unknown field `([^`]*)`, expected (?:one of )?(.*?)(?: in `|$)").unwrap()
        });
        let nearest = FIELD.captures(message).and_then(|c| {
            let expected: Vec<&str> = c[2]
                .split(", ")
                .map(|s| s.trim_start_matches("or ").trim_matches('`'))
                .collect();
            crate::portfolio::closest(&c[1], &expected).map(str::to_string)
        });
        match nearest {
            Some(k) => format!("did you mean `{k}`? `wb init` writes a wb.yaml listing every key"),
            None => "check the spelling; `wb init` writes a wb.yaml listing every key".into(),
        }
    } else if message.contains("unknown variant") {
        static VARIANT: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"unknown variant `([^`]*)`, expected (?:one of )?(.*?)(?: in `|$)").unwrap()
        });
        let Some(c) = VARIANT.captures(message) else {
            return "check the spelling of the value".into();
        };
        let expected: Vec<&str> = c[2]
            .split(", ")
            .map(|s| s.trim_start_matches("or ").trim_matches('`'))
            .collect();
        match crate::portfolio::closest(&c[1], &expected) {
            Some(v) => format!(
                "did you mean `{v}`? the values are: {}",
                expected.join(", ")
            ),
            None => format!("use one of: {}", expected.join(", ")),
        }
    } else if message.contains("invalid type") {
        "check the value's type: text in quotes, lists in [brackets] or `- ` lines".into()
    } else if message.contains("flow sequence") || message.contains("flow mapping") {
        "a `[` or `{` is never closed; close it, or quote the value if the bracket is text".into()
    } else if message.contains("mapping values are not allowed") {
        "a value containing ': ' must be quoted, e.g. title: \"Refunds: in minutes\"".into()
    } else if message.contains("recursion limit") {
        "the YAML nests too deeply; flatten it".into()
    } else if message.contains("repetition limit") {
        "write the values out instead of repeating aliases of aliases".into()
    } else if message.contains("duplicate entry") {
        "a key is written twice; keep one".into()
    } else {
        "fix the YAML syntax: `key: value` per line, nested keys indented by two spaces".into()
    }
}

/// Accepts `key: value`, `key: [a, b]` or a `- ` list; a single string is
/// split on commas only for tags-like fields (see `comma_list`).
pub fn one_or_many<'de, D: Deserializer<'de>>(d: D) -> std::result::Result<Vec<String>, D::Error> {
    d.deserialize_any(OneOrMany {
        split_commas: false,
    })
}

/// `one_or_many` for an optional key: absent is `None`, present is `Some`.
pub fn some_one_or_many<'de, D: Deserializer<'de>>(
    d: D,
) -> std::result::Result<Option<Vec<String>>, D::Error> {
    one_or_many(d).map(Some)
}

/// Like `one_or_many`, but `tags: a, b` also reads as two entries.
pub fn comma_list<'de, D: Deserializer<'de>>(d: D) -> std::result::Result<Vec<String>, D::Error> {
    d.deserialize_any(OneOrMany { split_commas: true })
}

struct OneOrMany {
    split_commas: bool,
}

impl<'de> Visitor<'de> for OneOrMany {
    type Value = Vec<String>;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a string or a list of strings")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> std::result::Result<Self::Value, E> {
        let v = v.trim();
        if v.is_empty() {
            return Ok(Vec::new());
        }
        if self.split_commas {
            Ok(v.split(',')
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
                .collect())
        } else {
            Ok(vec![v.to_string()])
        }
    }

    fn visit_unit<E: de::Error>(self) -> std::result::Result<Self::Value, E> {
        Ok(Vec::new())
    }

    fn visit_seq<A: SeqAccess<'de>>(
        self,
        mut seq: A,
    ) -> std::result::Result<Self::Value, A::Error> {
        let mut out = Vec::new();
        while let Some(item) = seq.next_element::<Scalar>()? {
            out.push(item.0);
        }
        Ok(out)
    }
}

/// A scalar read as text: `2027`, `true` and `3.5` are fine as list items.
pub struct Scalar(pub String);

impl<'de> serde::Deserialize<'de> for Scalar {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Scalar;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("text")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> std::result::Result<Scalar, E> {
                Ok(Scalar(v.to_string()))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> std::result::Result<Scalar, E> {
                Ok(Scalar(v.to_string()))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> std::result::Result<Scalar, E> {
                Ok(Scalar(v.to_string()))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> std::result::Result<Scalar, E> {
                Ok(Scalar(v.to_string()))
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> std::result::Result<Scalar, E> {
                Ok(Scalar(v.to_string()))
            }
            /// `- Median refund in 2 minutes (today: 2 days)` is, to YAML, a
            /// one-key map; read it back as the line the writer meant.
            fn visit_map<A: de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> std::result::Result<Scalar, A::Error> {
                let mut parts = Vec::new();
                while let Some((k, v)) = map.next_entry::<Scalar, Scalar>()? {
                    parts.push(format!("{}: {}", k.0, v.0));
                }
                Ok(Scalar(parts.join(", ")))
            }
        }
        d.deserialize_any(V)
    }
}

/// Finds the line and column of a nested key (`["site", "title"]`) in a
/// block-style YAML text. Good enough to point at keys in files wb wrote or
/// people write by hand; returns `None` for flow-style maps.
pub fn find_key(text: &str, keys: &[&str]) -> Option<(usize, usize)> {
    let mut depth = 0;
    let mut min_indent = 0;
    for (i, line) in text.lines().enumerate() {
        let trimmed = line.trim_start();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let indent = line.len() - trimmed.len();
        if depth > 0 && indent < min_indent {
            return None;
        }
        let key = keys[depth];
        let matches = trimmed
            .strip_prefix(key)
            .or_else(|| {
                trimmed
                    .strip_prefix('"')
                    .and_then(|t| t.strip_prefix(key))
                    .and_then(|t| t.strip_prefix('"'))
            })
            .is_some_and(|rest| rest.trim_start().starts_with(':'));
        if matches && indent >= min_indent {
            if depth + 1 == keys.len() {
                return Some((i + 1, indent + 1));
            }
            depth += 1;
            min_indent = indent + 1;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_control_character_is_reported_where_it_is() {
        let text = "title: T\nstatus: draft\nowner: a\u{1}b\n";
        let e = from_str::<serde_yaml::Value>(Path::new("p/a.md"), text, 1).unwrap_err();
        assert_eq!(
            e.to_string(),
            "p/a.md:4:9: a control character (U+0001) is not allowed in YAML"
        );
    }

    #[test]
    fn finds_nested_keys() {
        let t = "a: 1\ncheck:\n  # c\n  severity:\n    x-y: info\n";
        assert_eq!(find_key(t, &["check", "severity", "x-y"]), Some((5, 5)));
        assert_eq!(find_key(t, &["a"]), Some((1, 1)));
        assert_eq!(find_key(t, &["nope"]), None);
    }

    #[test]
    fn a_list_item_with_a_colon_reads_as_written() {
        #[derive(serde::Deserialize)]
        struct T {
            #[serde(deserialize_with = "one_or_many")]
            metrics: Vec<String>,
        }
        let t: T =
            serde_yaml::from_str("metrics:\n  - Median refund in 2 minutes (today: 2 days)\n")
                .unwrap();
        assert_eq!(
            t.metrics,
            vec!["Median refund in 2 minutes (today: 2 days)"]
        );
    }

    #[test]
    fn a_duplicate_key_points_at_its_second_line() {
        let e = from_str::<serde_yaml::Value>(Path::new("f.md"), "title: A\nx: 1\ntitle: B\n", 1)
            .unwrap_err();
        assert!(
            e.to_string()
                .starts_with("f.md:4:1: duplicate entry with key \"title\""),
            "{e}"
        );
        let nested = "site:\n  title: A\n  out: x\n  title: B\n";
        let e = from_str::<serde_yaml::Value>(Path::new("wb.yaml"), nested, 0).unwrap_err();
        assert!(e.to_string().starts_with("wb.yaml:4:3: "), "{e}");
    }

    #[test]
    fn an_alias_bomb_is_named_and_pointed_at() {
        let mut t = String::from("title: x\na0: &a0 [x, x, x, x, x, x, x, x, x]\n");
        for i in 1..10 {
            let refs = vec![format!("*a{}", i - 1); 9].join(", ");
            t.push_str(&format!("a{i}: &a{i} [{refs}]\n"));
        }
        let started = std::time::Instant::now();
        let e = from_str::<serde_yaml::Value>(Path::new("f.md"), &t, 1).unwrap_err();
        assert!(started.elapsed() < std::time::Duration::from_secs(2));
        assert!(
            e.to_string().starts_with("f.md:4:1: the YAML's aliases"),
            "{e}"
        );
        assert!(e.hint().is_some_and(|h| h.contains("aliases")), "{e}");
    }

    #[test]
    fn depth_is_measured_before_parsing() {
        let deep = |n: usize| format!("title: x\nx: {}{}\n", "[".repeat(n), "]".repeat(n));
        assert_eq!(depth_scan(&deep(MAX_DEPTH - 1)), None);
        assert_eq!(depth_scan(&deep(MAX_DEPTH)), Some((2, 4 + MAX_DEPTH - 1)));
        let maps = format!("x: {}1{}\n", "{a: ".repeat(100), "}".repeat(100));
        assert_eq!(depth_scan(&maps), Some((1, 4 + 4 * (MAX_DEPTH - 1))));
        let dashes = format!("x:\n{}a\n", "- ".repeat(100));
        assert_eq!(depth_scan(&dashes), Some((2, 2 * MAX_DEPTH - 1)));
        let mut indented = String::new();
        for i in 0..100 {
            indented.push_str(&format!("{}k{i}:\n", " ".repeat(i)));
        }
        assert_eq!(depth_scan(&indented), Some((MAX_DEPTH + 1, MAX_DEPTH + 1)));
        // Brackets across lines, inside flow maps.
        let multi = format!("x: [\n{}\n]\n", "[\n".repeat(80));
        assert!(depth_scan(&multi).is_some());
    }

    #[test]
    fn brackets_that_are_text_do_not_count() {
        let many = "[".repeat(200);
        for text in [
            format!("title: a {many} b\n"),
            format!("title: \"{many}\"\n"),
            format!("title: '{many}'\n"),
            format!("# {many}\ntitle: x\n"),
            format!("x: [\"{many}\", '{many}']\n"),
            format!("x: [don't {many}]\n").replace(&many, ""),
            format!("notes: |\n  {many}\n    {many}\ntitle: x\n"),
            format!(
                "notes: >-\n{}\n",
                (0..100)
                    .map(|i| format!("{}text", " ".repeat(i + 1)))
                    .collect::<Vec<_>>()
                    .join("\n")
            ),
            "title: \"a \\\" [[[[\"\n".to_string(),
            "title: 'it''s [[[['\n".to_string(),
        ] {
            assert_eq!(depth_scan(&text), None, "{text}");
        }
    }

    #[test]
    fn deep_yaml_is_refused_quickly_with_its_place() {
        let n = 30_000;
        let text = format!("title: Deep\nx: {}{}\n", "[".repeat(n), "]".repeat(n));
        let started = std::time::Instant::now();
        let e = from_str::<serde_yaml::Value>(Path::new("f.md"), &text, 1).unwrap_err();
        assert!(started.elapsed() < std::time::Duration::from_millis(500));
        let d = match e {
            crate::Error::Input(d) => d,
            other => panic!("{other}"),
        };
        assert_eq!(d.pos, Some((3, 4 + MAX_DEPTH - 1)));
        assert!(d.message.contains("nests deeper than 64"), "{}", d.message);
        assert!(d.hint.is_some());
    }

    #[test]
    fn errors_are_offset_to_the_file() {
        #[derive(serde::Deserialize, Debug)]
        #[allow(dead_code)]
        struct T {
            a: u32,
        }
        let e = from_str::<T>(Path::new("f.md"), "a: x\n", 1).unwrap_err();
        assert!(e.to_string().starts_with("f.md:2:4: "), "{e}");
    }
}
