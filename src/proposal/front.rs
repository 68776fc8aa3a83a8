//! Front-matter: splitting the `---` block from the body and reading it into
//! typed fields, keeping keys wb does not know.

use std::path::Path;

use chrono::NaiveDate;
use indexmap::IndexMap;
use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize};

use crate::error::{Diagnostic, Result};
use crate::yaml;

/// Front-matter larger than this is refused before it reaches the YAML
/// parser: deeply nested YAML can cost minutes to parse.
pub const MAX_FRONT_MATTER_BYTES: usize = 64 * 1024;

/// The keys wb gives a meaning to; anything else lands in `extra`.
pub const KNOWN_KEYS: &[&str] = &[
    "title",
    "status",
    "owner",
    "customer",
    "launch_date",
    "created",
    "tags",
    "metrics",
    "code",
];

pub const REQUIRED_KEYS: &[&str] = &["title", "status", "owner", "customer"];

/// A document split at its front-matter fences.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Split<'a> {
    /// The YAML between the fences, if the document has front-matter.
    pub yaml: Option<&'a str>,
    /// The Markdown after the closing fence (or the whole text).
    pub body: &'a str,
    /// Lines before the YAML's first line (1 for the opening fence).
    pub yaml_line_offset: usize,
    /// Lines before the body's first line.
    pub body_line_offset: usize,
}

/// Splits `text` (BOM removed, LF line endings) at its front-matter fences.
pub fn split<'a>(path: &Path, text: &'a str) -> Result<Split<'a>> {
    let first_line = text.lines().next().unwrap_or("");
    if first_line.trim_end() != "---" {
        return Ok(Split {
            yaml: None,
            body: text,
            yaml_line_offset: 0,
            body_line_offset: 0,
        });
    }
    let yaml_start = first_line.len() + 1;
    let mut offset = yaml_start.min(text.len());
    for (line_no, line) in (2..).zip(text[offset..].split_inclusive('\n')) {
        let bare = line.trim_end();
        if bare == "---" || bare == "..." {
            let yaml = &text[yaml_start.min(text.len())..offset];
            check_size(path, yaml)?;
            return Ok(Split {
                yaml: Some(yaml),
                body: &text[offset + line.len()..],
                yaml_line_offset: 1,
                body_line_offset: line_no,
            });
        }
        offset += line.len();
        if offset - yaml_start > MAX_FRONT_MATTER_BYTES {
            return Err(too_big(path));
        }
    }
    Err(
        Diagnostic::new(path, "front-matter opened with `---` is never closed")
            .at(1, 1)
            .hint("add a line `---` after the last front-matter key, before the first heading")
            .into(),
    )
}

fn check_size(path: &Path, yaml: &str) -> Result<()> {
    if yaml.len() > MAX_FRONT_MATTER_BYTES {
        return Err(too_big(path));
    }
    Ok(())
}

fn too_big(path: &Path) -> crate::error::Error {
    Diagnostic::new(
        path,
        format!(
            "front-matter is larger than {} KiB",
            MAX_FRONT_MATTER_BYTES / 1024
        ),
    )
    .at(1, 1)
    .hint("front-matter holds a few keys; move long text into the body")
    .into()
}

/// The typed front-matter of a proposal. Every field is optional: documents
/// written before wb have none, and missing keys are findings, not errors.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct FrontMatter {
    /// False when the document has no front-matter block at all.
    pub present: bool,
    pub title: Option<String>,
    pub status: Option<String>,
    pub owner: Option<String>,
    pub customer: Option<String>,
    pub launch_date: Option<NaiveDate>,
    /// The day the proposal was first written down, where the document or
    /// its sidecar says (history has its own dates).
    pub created: Option<NaiveDate>,
    pub tags: Vec<String>,
    pub metrics: Vec<String>,
    pub code: Vec<String>,
    /// Keys wb does not know, kept as written (users extend the schema).
    pub extra: IndexMap<String, serde_json::Value>,
    /// Line and column of each top-level key in the file.
    #[serde(skip)]
    pub positions: IndexMap<String, (usize, usize)>,
    /// Keys whose value wb left out (an unknown status): reported as a
    /// problem at their place, so no rule calls them missing.
    #[serde(skip)]
    pub left_out: Vec<String>,
}

impl FrontMatter {
    /// Where `key` is written, or the top of the file.
    pub fn position(&self, key: &str) -> (usize, usize) {
        self.positions.get(key).copied().unwrap_or((1, 1))
    }

    pub fn has(&self, key: &str) -> bool {
        self.positions.contains_key(key)
    }
}

#[derive(Deserialize)]
struct Typed {
    #[serde(default, deserialize_with = "text")]
    title: Option<String>,
    #[serde(default, deserialize_with = "text")]
    status: Option<String>,
    #[serde(default, deserialize_with = "text")]
    owner: Option<String>,
    #[serde(default, deserialize_with = "text")]
    customer: Option<String>,
    #[serde(default, deserialize_with = "text")]
    launch_date: Option<String>,
    #[serde(default, deserialize_with = "text")]
    created: Option<String>,
    #[serde(default, deserialize_with = "yaml::comma_list")]
    tags: Vec<String>,
    #[serde(default, deserialize_with = "yaml::one_or_many")]
    metrics: Vec<String>,
    #[serde(default, deserialize_with = "yaml::one_or_many")]
    code: Vec<String>,
}

/// Parses the YAML of a front-matter block. `line_offset` is the number of
/// file lines before the YAML, so errors name the file's line.
pub fn parse(path: &Path, yaml_text: &str, line_offset: usize) -> Result<FrontMatter> {
    let positions = key_positions(yaml_text, line_offset);
    if yaml_text.trim().is_empty() {
        return Ok(FrontMatter {
            present: true,
            positions,
            ..Default::default()
        });
    }
    // First as a plain mapping: this rejects lists and scalars with a clear
    // message and gives us the unknown keys.
    let value: serde_yaml::Value = yaml::from_str(path, yaml_text, line_offset)?;
    let map = match value {
        serde_yaml::Value::Mapping(m) => m,
        serde_yaml::Value::Null => serde_yaml::Mapping::new(),
        _ => {
            return Err(
                Diagnostic::new(path, "front-matter must be `key: value` lines")
                    .at(line_offset + 1, 1)
                    .hint("write e.g. `title: My proposal` on its own line")
                    .into(),
            );
        }
    };
    let typed: Typed = yaml::from_str(path, yaml_text, line_offset)?;
    let date = |key: &str, value: &Option<String>| -> Result<Option<NaiveDate>> {
        let Some(s) = value else {
            return Ok(None);
        };
        match parse_date(s) {
            Some(d) => Ok(Some(d)),
            None => {
                let (line, _) = positions.get(key).copied().unwrap_or((1, 1));
                Err(Diagnostic::new(path, format!("{key} `{s}` is not a date"))
                    .at(line, key.len() + 3)
                    .hint(format!(
                        "write the day as YYYY-MM-DD, e.g. {key}: 2027-03-15"
                    ))
                    .into())
            }
        }
    };
    let launch_date = date("launch_date", &typed.launch_date)?;
    let created = date("created", &typed.created)?;
    let mut extra = IndexMap::new();
    for (k, v) in map {
        let key = match k {
            serde_yaml::Value::String(s) => s,
            other => serde_yaml::to_string(&other)
                .unwrap_or_default()
                .trim()
                .to_string(),
        };
        if !KNOWN_KEYS.contains(&key.as_str()) {
            let json = serde_json::to_value(&v).unwrap_or(serde_json::Value::Null);
            extra.insert(key, json);
        }
    }
    Ok(FrontMatter {
        present: true,
        title: typed.title,
        status: typed.status,
        owner: typed.owner,
        customer: typed.customer,
        launch_date,
        created,
        tags: typed.tags,
        metrics: typed.metrics,
        code: typed.code,
        extra,
        positions,
        left_out: Vec::new(),
    })
}

/// Top-level keys (those at column 1) and their positions in the file.
fn key_positions(yaml_text: &str, line_offset: usize) -> IndexMap<String, (usize, usize)> {
    let mut out = IndexMap::new();
    for (i, line) in yaml_text.lines().enumerate() {
        if line.starts_with([' ', '\t', '#', '-']) {
            continue;
        }
        if let Some((key, _)) = line.split_once(':') {
            let key = key.trim().trim_matches(['"', '\'']);
            if !key.is_empty() {
                out.entry(key.to_string())
                    .or_insert((i + 1 + line_offset, 1));
            }
        }
    }
    out
}

/// A scalar as text; `~`/empty is `None`; a list or map is an error.
fn text<'de, D: Deserializer<'de>>(d: D) -> std::result::Result<Option<String>, D::Error> {
    struct V;
    impl<'de> Visitor<'de> for V {
        type Value = Option<String>;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("text")
        }
        fn visit_str<E: de::Error>(self, v: &str) -> std::result::Result<Self::Value, E> {
            let v = v.trim();
            Ok((!v.is_empty()).then(|| v.to_string()))
        }
        fn visit_i64<E: de::Error>(self, v: i64) -> std::result::Result<Self::Value, E> {
            Ok(Some(v.to_string()))
        }
        fn visit_u64<E: de::Error>(self, v: u64) -> std::result::Result<Self::Value, E> {
            Ok(Some(v.to_string()))
        }
        fn visit_f64<E: de::Error>(self, v: f64) -> std::result::Result<Self::Value, E> {
            Ok(Some(v.to_string()))
        }
        fn visit_bool<E: de::Error>(self, v: bool) -> std::result::Result<Self::Value, E> {
            Ok(Some(v.to_string()))
        }
        fn visit_unit<E: de::Error>(self) -> std::result::Result<Self::Value, E> {
            Ok(None)
        }
    }
    d.deserialize_any(V)
}

/// `2027-03-15`; anything else is `None`.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(text: &str) -> Result<FrontMatter> {
        let s = split(Path::new("a.md"), text)?;
        parse(Path::new("a.md"), s.yaml.unwrap(), s.yaml_line_offset)
    }

    #[test]
    fn splits_and_counts_lines() {
        let t = "---\ntitle: A\n---\n# H\n";
        let s = split(Path::new("a.md"), t).unwrap();
        assert_eq!(s.yaml, Some("title: A\n"));
        assert_eq!(s.body, "# H\n");
        assert_eq!(s.body_line_offset, 3);
    }

    #[test]
    fn no_front_matter_is_fine() {
        let s = split(Path::new("a.md"), "# Just a doc\n").unwrap();
        assert_eq!(s.yaml, None);
    }

    #[test]
    fn unclosed_fence_is_an_error() {
        let e = split(Path::new("a.md"), "---\ntitle: A\n# H\n").unwrap_err();
        assert!(
            e.to_string().starts_with("a.md:1:1: front-matter opened"),
            "{e}"
        );
    }

    #[test]
    fn typed_fields_and_unknown_keys() {
        let f =
            p("---\ntitle: A\ntags: a, b\nlaunch_date: 2027-03-15\npriority: high\n---\n").unwrap();
        assert_eq!(f.title.as_deref(), Some("A"));
        assert_eq!(f.tags, vec!["a", "b"]);
        assert_eq!(f.launch_date, NaiveDate::from_ymd_opt(2027, 3, 15));
        assert_eq!(f.extra["priority"], serde_json::json!("high"));
        assert_eq!(f.position("priority"), (5, 1));
    }

    #[test]
    fn bad_date_points_at_the_file_line() {
        let e = p("---\ntitle: A\nlaunch_date: soon\n---\n")
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("a.md:3:14: "), "{e}");
        assert!(e.contains("not a date"), "{e}");
    }

    #[test]
    fn wrong_type_is_an_error() {
        let e = p("---\ntitle: [a, b]\n---\n").unwrap_err().to_string();
        assert!(e.starts_with("a.md:2:8: "), "{e}");
    }

    #[test]
    fn huge_front_matter_is_refused_before_parsing() {
        let mut t = String::from("---\n");
        t.push_str(&"x: [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\n".repeat(2000));
        t.push_str("---\n");
        let e = split(Path::new("a.md"), &t).unwrap_err().to_string();
        assert!(e.contains("larger than 64 KiB"), "{e}");
    }
}
