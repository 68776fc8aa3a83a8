//! What a repository's layout says about a proposal from outside its text:
//! a *sidecar* file beside it (`kep.yaml` next to a KEP's `README.md`) whose
//! keys fill front-matter fields, and the *status folder* it sits in
//! (`live/x.md` is approved). Both are named in wb.yaml (`metadata`,
//! `status_folders`).
//!
//! Precedence: what wb.yaml says to read from outside the document wins.
//! A sidecar value replaces the document's own front-matter value for the
//! same field (a repository that keeps a sidecar treats it as the record:
//! its own tooling reads and validates it); the status folder wins over
//! both (moving the file is how such a repository changes status). The
//! document fills whatever they leave out.
//!
//! A problem in a sidecar never stops the proposal: the value is left out,
//! the problem is reported at `sidecar:line:col` and the command exits 2.

use std::path::{Path, PathBuf};

use serde::de::{self, Deserializer};
use serde_yaml::Value;

use super::front::{FrontMatter, MAX_FRONT_MATTER_BYTES, parse_date};
use crate::error::Diagnostic;

/// Is the sidecar at `path` a symbolic link to a file outside the portfolio
/// `doc` belongs to (the nearest folder above it holding wb.yaml, or its
/// own folder)? A proposal linked outside is refused; so is its sidecar.
fn leads_outside(doc: &Path, path: &Path) -> bool {
    if !std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink()) {
        return false;
    }
    let Ok(target) = path.canonicalize() else {
        return false;
    };
    let Some(folder) = doc
        .canonicalize()
        .ok()
        .and_then(|d| d.parent().map(Path::to_path_buf))
    else {
        return true;
    };
    let root = folder
        .ancestors()
        .find(|d| d.join(crate::config::CONFIG_FILE).is_file())
        .unwrap_or(&folder);
    !target.starts_with(root)
}

/// The front-matter fields a sidecar key may fill.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FrontKey {
    Title,
    Status,
    Owner,
    Customer,
    LaunchDate,
    Created,
    Tags,
    Metrics,
    Code,
}

impl FrontKey {
    pub const ALL: [FrontKey; 9] = [
        FrontKey::Title,
        FrontKey::Status,
        FrontKey::Owner,
        FrontKey::Customer,
        FrontKey::LaunchDate,
        FrontKey::Created,
        FrontKey::Tags,
        FrontKey::Metrics,
        FrontKey::Code,
    ];

    /// The key as front-matter spells it.
    pub fn as_str(self) -> &'static str {
        match self {
            FrontKey::Title => "title",
            FrontKey::Status => "status",
            FrontKey::Owner => "owner",
            FrontKey::Customer => "customer",
            FrontKey::LaunchDate => "launch_date",
            FrontKey::Created => "created",
            FrontKey::Tags => "tags",
            FrontKey::Metrics => "metrics",
            FrontKey::Code => "code",
        }
    }

    pub fn parse(s: &str) -> Option<FrontKey> {
        FrontKey::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

impl<'de> serde::Deserialize<'de> for FrontKey {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        FrontKey::parse(&s).ok_or_else(|| {
            let names: Vec<&str> = FrontKey::ALL.iter().map(|k| k.as_str()).collect();
            let hint = match crate::portfolio::closest(&s, &names) {
                Some(k) => format!("did you mean `{k}`? the fields are: {}", names.join(", ")),
                None => format!(
                    "name a front-matter field on the left, the sidecar's key on the right; \
                     the fields are: {}",
                    names.join(", ")
                ),
            };
            crate::yaml::error_with_hint::<D::Error>(
                &format!("`{s}` is not a front-matter field wb reads"),
                &hint,
            )
        })
    }
}

/// A sidecar: its file name, relative to the folder holding the
/// document, and which of its keys fill which field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SidecarSpec {
    pub file: String,
    /// Field and the sidecar's key, in the order wb.yaml lists them.
    pub keys: Vec<(FrontKey, String)>,
}

/// The layout of a portfolio, as wb.yaml describes it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Layout {
    pub sidecar: Option<SidecarSpec>,
    /// Folder name and the status (lower case) of a document sitting in it.
    pub status_folders: Vec<(String, String)>,
}

/// The values one sidecar file gave.
#[derive(Debug, Clone, PartialEq)]
pub struct Sidecar {
    /// The sidecar file, as found (beside the document's path).
    pub path: PathBuf,
    /// Only the fields the sidecar filled are set.
    pub front: FrontMatter,
}

impl Layout {
    pub fn is_empty(&self) -> bool {
        self.sidecar.is_none() && self.status_folders.is_empty()
    }

    /// The status the folder holding `path` gives: the document's folder,
    /// or for a folder's `README.md`/`index.md` the folder that holds that
    /// folder. `path` may be relative or absolute, `/`- or `\`-separated.
    pub fn folder_status(&self, path: &Path) -> Option<&str> {
        if self.status_folders.is_empty() {
            return None;
        }
        let text = path.to_string_lossy().replace('\\', "/");
        let mut parts: Vec<&str> = text.split('/').filter(|c| !c.is_empty()).collect();
        let file = parts.pop()?;
        if super::is_folder_document(file) {
            parts.pop();
        }
        let folder = parts.pop()?;
        self.status_folders
            .iter()
            .find(|(f, _)| f == folder)
            .map(|(_, s)| s.as_str())
    }

    /// Reads the sidecar beside `doc` (none configured, or no file there:
    /// `None` and no problem). `statuses` are the configured ones; a status
    /// outside them is a problem and left out.
    pub fn read_sidecar(
        &self,
        doc: &Path,
        statuses: &[String],
    ) -> (Option<Sidecar>, Vec<Diagnostic>) {
        let Some(spec) = &self.sidecar else {
            return (None, Vec::new());
        };
        let path = doc
            .parent()
            .map(|d| d.join(&spec.file))
            .unwrap_or_else(|| PathBuf::from(&spec.file));
        if leads_outside(doc, &path) {
            return (
                None,
                vec![
                    Diagnostic::new(
                        &path,
                        "is a symbolic link that leads outside the portfolio; wb does not follow it",
                    )
                    .hint("copy the file into the portfolio instead of linking to it"),
                ],
            );
        }
        let bytes = match std::fs::read(&path) {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return (None, Vec::new()),
            Err(e) => {
                return (
                    None,
                    vec![
                        Diagnostic::new(&path, format!("cannot read the sidecar: {e}"))
                            .hint("check that the file is readable"),
                    ],
                );
            }
        };
        if bytes.len() > MAX_FRONT_MATTER_BYTES {
            return (
                None,
                vec![
                    Diagnostic::new(
                        &path,
                        format!(
                            "the sidecar is larger than {} KiB; wb did not read it",
                            MAX_FRONT_MATTER_BYTES / 1024
                        ),
                    )
                    .at(1, 1)
                    .hint("a sidecar holds a few keys of metadata"),
                ],
            );
        }
        let text = match String::from_utf8(bytes) {
            Ok(t) => t,
            Err(e) => {
                let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
                let valid = String::from_utf8_lossy(valid);
                let line = valid.matches('\n').count() + 1;
                let col = valid.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
                return (
                    None,
                    vec![
                        Diagnostic::new(&path, "the sidecar is not UTF-8 text")
                            .at(line, col)
                            .hint("save the file as UTF-8"),
                    ],
                );
            }
        };
        read_values(&path, &text, spec, statuses)
    }
}

/// The sidecar's values for the fields `spec` maps, each checked; a bad
/// value is a problem and left out.
pub fn read_values(
    path: &Path,
    text: &str,
    spec: &SidecarSpec,
    statuses: &[String],
) -> (Option<Sidecar>, Vec<Diagnostic>) {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut problems = Vec::new();
    let map = match crate::yaml::from_str::<Value>(path, text, 0) {
        Ok(Value::Mapping(m)) => m,
        Ok(Value::Null) => serde_yaml::Mapping::new(),
        Ok(_) => {
            problems.push(
                Diagnostic::new(path, "the sidecar must be `key: value` lines")
                    .at(1, 1)
                    .hint("write one key per line, e.g. `title: My proposal`"),
            );
            return (None, problems);
        }
        Err(e) => {
            let d = match e {
                crate::Error::Input(d) => *d,
                other => Diagnostic::new(path, other.to_string()),
            };
            problems.push(d);
            return (None, problems);
        }
    };
    let mut front = FrontMatter {
        present: true,
        ..FrontMatter::default()
    };
    for (field, key) in &spec.keys {
        let Some(value) = map.get(key.as_str()) else {
            continue;
        };
        let at = |message: String, hint: String| {
            let (line, col) = value_position(text, key);
            Diagnostic::new(path, message).at(line, col).hint(hint)
        };
        match fill(&mut front, *field, value, statuses) {
            Ok(()) => {}
            Err(Bad::Type(expected)) => problems.push(at(
                format!("`{key}` should be {expected}; wb ignores it"),
                format!(
                    "`{key}` fills the front-matter field `{}` (wb.yaml's `metadata.keys`)",
                    field.as_str()
                ),
            )),
            Err(Bad::Date(s)) => problems.push(at(
                format!("`{key}` `{s}` is not a date; wb ignores it"),
                "write the day as YYYY-MM-DD, e.g. 2023-05-14 (month first, then day)".into(),
            )),
            Err(Bad::Status(s)) => problems.push(at(
                format!("unknown status `{s}`; wb ignores it"),
                format!(
                    "use one of: {} (statuses are set in wb.yaml)",
                    statuses.join(", ")
                ),
            )),
        }
    }
    (
        Some(Sidecar {
            path: path.to_path_buf(),
            front,
        }),
        problems,
    )
}

enum Bad {
    Type(&'static str),
    Date(String),
    Status(String),
}

fn fill(
    front: &mut FrontMatter,
    field: FrontKey,
    value: &Value,
    statuses: &[String],
) -> std::result::Result<(), Bad> {
    match field {
        FrontKey::Title => front.title = text(value, ", ")?,
        FrontKey::Owner => front.owner = text(value, ", ")?,
        FrontKey::Customer => front.customer = text(value, "; ")?,
        FrontKey::Status => {
            let Some(s) = scalar(value)? else {
                return Ok(());
            };
            let lower = s.to_lowercase();
            if !statuses.contains(&lower) {
                return Err(Bad::Status(s));
            }
            front.status = Some(lower);
        }
        FrontKey::LaunchDate | FrontKey::Created => {
            let Some(s) = scalar(value)? else {
                return Ok(());
            };
            let date = parse_date(&s).ok_or(Bad::Date(s))?;
            if field == FrontKey::Created {
                front.created = Some(date);
            } else {
                front.launch_date = Some(date);
            }
        }
        FrontKey::Tags => front.tags = list(value)?,
        FrontKey::Metrics => front.metrics = list(value)?,
        FrontKey::Code => front.code = list(value)?,
    }
    Ok(())
}

/// A scalar as text; null or empty is `None`.
fn scalar(value: &Value) -> std::result::Result<Option<String>, Bad> {
    let s = match value {
        Value::Null => return Ok(None),
        Value::String(s) => s.trim().to_string(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        Value::Tagged(t) => return scalar(&t.value),
        Value::Sequence(_) | Value::Mapping(_) => return Err(Bad::Type("one value")),
    };
    Ok((!s.is_empty()).then_some(s))
}

/// A scalar, or a list of scalars joined (`authors: [a, b]` is one owner line).
fn text(value: &Value, sep: &str) -> std::result::Result<Option<String>, Bad> {
    match value {
        Value::Sequence(_) => {
            let items = list(value)?;
            Ok((!items.is_empty()).then(|| items.join(sep)))
        }
        _ => scalar(value).map_err(|_| Bad::Type("text or a list of text")),
    }
}

fn list(value: &Value) -> std::result::Result<Vec<String>, Bad> {
    match value {
        Value::Sequence(items) => {
            let mut out = Vec::new();
            for item in items {
                if let Some(s) = scalar(item).map_err(|_| Bad::Type("a list of text"))? {
                    out.push(s);
                }
            }
            Ok(out)
        }
        other => Ok(scalar(other)
            .map_err(|_| Bad::Type("a list of text"))?
            .into_iter()
            .collect()),
    }
}

/// Line and column of `key`'s value (a top-level key; the key itself when
/// the value starts on a later line).
fn value_position(text: &str, key: &str) -> (usize, usize) {
    let Some((line, col)) = crate::yaml::find_key(text, &[key]) else {
        return (1, 1);
    };
    let src = text.lines().nth(line - 1).unwrap_or("");
    let after_key = src
        .char_indices()
        .nth(col - 1)
        .map_or(src.len(), |(i, _)| i);
    let rest = &src[after_key..];
    let Some(colon) = rest.find(':') else {
        return (line, col);
    };
    let value = &rest[colon + 1..];
    let skipped = value.len() - value.trim_start().len();
    if value.trim().is_empty() || value.trim_start().starts_with('#') {
        return (line, col);
    }
    (
        line,
        src[..after_key + colon + 1 + skipped].chars().count() + 1,
    )
}

/// Lays `sidecar`'s values over `front`: each field the sidecar set
/// replaces the document's.
pub fn merge(front: &mut FrontMatter, sidecar: &FrontMatter) {
    front.present = true;
    if sidecar.title.is_some() {
        front.title.clone_from(&sidecar.title);
    }
    if sidecar.status.is_some() {
        front.status.clone_from(&sidecar.status);
    }
    if sidecar.owner.is_some() {
        front.owner.clone_from(&sidecar.owner);
    }
    if sidecar.customer.is_some() {
        front.customer.clone_from(&sidecar.customer);
    }
    if sidecar.launch_date.is_some() {
        front.launch_date = sidecar.launch_date;
    }
    if sidecar.created.is_some() {
        front.created = sidecar.created;
    }
    if !sidecar.tags.is_empty() {
        front.tags.clone_from(&sidecar.tags);
    }
    if !sidecar.metrics.is_empty() {
        front.metrics.clone_from(&sidecar.metrics);
    }
    if !sidecar.code.is_empty() {
        front.code.clone_from(&sidecar.code);
    }
}

/// Accepts the `keys` map of wb.yaml's `metadata` (field: sidecar key).
pub(crate) fn deserialize_keys<'de, D: Deserializer<'de>>(
    d: D,
) -> std::result::Result<Vec<(FrontKey, String)>, D::Error> {
    let map: indexmap::IndexMap<FrontKey, String> = serde::Deserialize::deserialize(d)?;
    if map.values().any(|k| k.trim().is_empty()) {
        return Err(de::Error::custom("a sidecar key is empty"));
    }
    Ok(map.into_iter().collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kep() -> SidecarSpec {
        SidecarSpec {
            file: "kep.yaml".into(),
            keys: vec![
                (FrontKey::Title, "title".into()),
                (FrontKey::Status, "status".into()),
                (FrontKey::Owner, "authors".into()),
                (FrontKey::Created, "creation-date".into()),
                (FrontKey::Tags, "owning-sig".into()),
            ],
        }
    }

    fn statuses() -> Vec<String> {
        ["provisional", "implementable", "implemented"]
            .map(String::from)
            .to_vec()
    }

    #[test]
    fn reads_mapped_keys() {
        let text = "title: Quotas\nkep-number: 1\nauthors:\n  - \"@a\"\n  - \"@b\"\n\
                    owning-sig: sig-node\nstatus: implementable # note\n\
                    creation-date: 2018-09-06\n";
        let (s, problems) = read_values(Path::new("kep.yaml"), text, &kep(), &statuses());
        assert!(problems.is_empty(), "{problems:?}");
        let f = s.unwrap().front;
        assert_eq!(f.title.as_deref(), Some("Quotas"));
        assert_eq!(f.owner.as_deref(), Some("@a, @b"));
        assert_eq!(f.status.as_deref(), Some("implementable"));
        assert_eq!(f.created.unwrap().to_string(), "2018-09-06");
        assert_eq!(f.tags, ["sig-node"]);
    }

    #[test]
    fn bad_values_are_reported_at_the_value_and_left_out() {
        let text = "title: Leader election\nstatus: imlpemented\ncreation-date: 2023-14-05\n";
        let (s, problems) = read_values(Path::new("k/kep.yaml"), text, &kep(), &statuses());
        let f = s.unwrap().front;
        assert_eq!(f.title.as_deref(), Some("Leader election"));
        assert_eq!(f.status, None);
        assert_eq!(f.created, None);
        let shown: Vec<String> = problems.iter().map(|d| d.to_string()).collect();
        assert_eq!(
            shown,
            [
                "k/kep.yaml:2:9: unknown status `imlpemented`; wb ignores it",
                "k/kep.yaml:3:16: `creation-date` `2023-14-05` is not a date; wb ignores it",
            ]
        );
        assert!(problems[1].hint.as_deref().unwrap().contains("YYYY-MM-DD"));
    }

    #[test]
    fn broken_yaml_is_one_located_problem() {
        let (s, problems) = read_values(Path::new("kep.yaml"), "title: [a\n", &kep(), &statuses());
        assert!(s.is_none());
        assert_eq!(problems.len(), 1);
        assert!(
            problems[0].to_string().starts_with("kep.yaml:1:"),
            "{problems:?}"
        );
    }

    #[test]
    fn folder_status_is_the_folder_the_document_sits_in() {
        let layout = Layout {
            sidecar: None,
            status_folders: vec![
                ("draft".into(), "review".into()),
                ("live".into(), "approved".into()),
            ],
        };
        let s = |p: &str| layout.folder_status(Path::new(p));
        assert_eq!(s("draft/x.md"), Some("review"));
        assert_eq!(s("/tmp/repo/live/x.md"), Some("approved"));
        assert_eq!(s("live/x/README.md"), Some("approved"));
        assert_eq!(s("live\\x.md"), Some("approved"));
        assert_eq!(s("live/2022/x.md"), None);
        assert_eq!(s("x.md"), None);
    }

    #[test]
    fn merge_lets_the_sidecar_win() {
        let mut doc = FrontMatter {
            title: Some("Doc".into()),
            customer: Some("Shops".into()),
            ..FrontMatter::default()
        };
        let side = FrontMatter {
            title: Some("Side".into()),
            ..FrontMatter::default()
        };
        merge(&mut doc, &side);
        assert_eq!(doc.title.as_deref(), Some("Side"));
        assert_eq!(doc.customer.as_deref(), Some("Shops"));
        assert!(doc.present);
    }
}
