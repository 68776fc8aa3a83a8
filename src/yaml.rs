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
    serde_yaml::from_str(text).map_err(|e| to_diagnostic(path, &e, line_offset, text).into())
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
    let (line, col) = match e.location() {
        Some(l) if l.line() > last => {
            let width = text.lines().last().map_or(0, |s| s.chars().count());
            (last + line_offset, width + 1)
        }
        Some(l) => (l.line() + line_offset, l.column()),
        None => (line_offset + 1, 1),
    };
    let col = refine_column(text, line - line_offset, col, &message);
    let hint = own_hint.unwrap_or_else(|| hint_for(&message));
    Diagnostic::new(path, message).at(line, col).hint(hint)
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
    } else if message.contains("invalid type") {
        "check the value's type: text in quotes, lists in [brackets] or `- ` lines".into()
    } else if message.contains("flow sequence") || message.contains("flow mapping") {
        "a `[` or `{` is never closed; close it, or quote the value if the bracket is text".into()
    } else if message.contains("mapping values are not allowed") {
        "a value containing ': ' must be quoted, e.g. title: \"Refunds: in minutes\"".into()
    } else if message.contains("recursion limit") || message.contains("repetition limit") {
        "the YAML nests or repeats too deeply; flatten it".into()
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
