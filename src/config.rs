//! `wb.yaml`: where the portfolio's proposals live and how wb treats them.
//! Every key has a default; an unknown key or a value of the wrong type is an
//! error pointing at `wb.yaml:line:col`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use indexmap::IndexMap;
use serde::{Deserialize, Serialize};

pub use crate::check::{RuleId, RuleOptions};
use crate::error::{Diagnostic, Error, Result};
use crate::proposal::layout::{self, FrontKey, SidecarSpec};
use crate::proposal::{Aliases, Layout, ParseOptions, Role};
use crate::yaml;

pub const CONFIG_FILE: &str = "wb.yaml";

/// The statuses a proposal may have, in the order a proposal usually moves.
pub const DEFAULT_STATUSES: &[&str] = &[
    "draft", "review", "approved", "rejected", "shelved", "launched",
];

/// `wb.yaml` as read: every key typed and defaulted, rule ids checked
/// against the catalogue, section names resolved to roles and status
/// meanings resolved against the statuses, all at load.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Config {
    /// Folder (or list of globs) holding proposals, relative to the portfolio root.
    #[serde(deserialize_with = "yaml::one_or_many")]
    pub proposals: Vec<String>,
    pub site: SiteConfig,
    pub statuses: Vec<String>,
    /// Which configured status plays which part (see [`Lifecycle`]).
    pub status_meanings: StatusMeanings,
    /// Review circles, widest last; matched against `Reviewed-by:` trailers.
    pub circles: IndexMap<String, Vec<String>>,
    /// Extra heading aliases per section role (`problem: [Pain points]`).
    pub sections: BTreeMap<Role, Vec<String>>,
    pub check: CheckConfig,
    /// A sidecar file beside each proposal whose keys fill front-matter
    /// fields (`metadata: {file: kep.yaml, keys: {owner: authors}}`).
    pub metadata: Option<MetadataConfig>,
    /// Folder name and status: a document sitting in that folder has that
    /// status (`status_folders: {draft: review, live: approved}`).
    pub status_folders: IndexMap<String, String>,
    /// Document kinds by glob (`"text/*.md": rfc`): what is not a PR/FAQ.
    pub kinds: crate::check::Kinds,
    /// The statuses and their meanings, resolved at load.
    #[serde(skip)]
    pub lifecycle: Lifecycle,
    /// `metadata` and `status_folders`, resolved at load.
    #[serde(skip)]
    pub layout: Layout,
}

/// `metadata:` in wb.yaml.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MetadataConfig {
    /// The sidecar's file name, relative to the folder holding the document.
    pub file: String,
    /// Front-matter field and the sidecar key that fills it; by default
    /// every field from the key of the same name.
    #[serde(
        default = "identity_keys",
        deserialize_with = "layout::deserialize_keys"
    )]
    pub keys: Vec<(FrontKey, String)>,
}

fn identity_keys() -> Vec<(FrontKey, String)> {
    FrontKey::ALL
        .iter()
        .map(|k| (*k, k.as_str().to_string()))
        .collect()
}

impl Default for Config {
    fn default() -> Self {
        let statuses: Vec<String> = DEFAULT_STATUSES.iter().map(|s| s.to_string()).collect();
        Config {
            proposals: vec!["proposals".into()],
            site: SiteConfig::default(),
            lifecycle: Lifecycle::resolve(&statuses, &StatusMeanings::default())
                .expect("the default meanings name default statuses"),
            statuses,
            status_meanings: StatusMeanings::default(),
            circles: IndexMap::new(),
            sections: BTreeMap::new(),
            check: CheckConfig::default(),
            metadata: None,
            status_folders: IndexMap::new(),
            layout: Layout::default(),
            kinds: crate::check::Kinds::default(),
        }
    }
}

impl Config {
    /// Parse options (statuses, heading aliases) for this configuration.
    pub fn parse_options(&self) -> ParseOptions {
        let mut aliases = Aliases::default();
        for (role, headings) in &self.sections {
            for h in headings {
                aliases.add(*role, h);
            }
        }
        ParseOptions {
            statuses: self.lifecycle.names.clone(),
            aliases,
            layout: self.layout.clone(),
            lenient: false,
        }
    }
}

/// The part a status plays in a proposal's life. Rules, the funnel and the
/// site read these, never a status name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Meaning {
    /// Being written; the first configured status, given to new proposals.
    New,
    /// The author asks for review.
    InReview,
    /// Decided: we build it.
    DecidedFor,
    /// Decided: we do not (rejected, shelved).
    DecidedAgainst,
    /// Built and in customers' hands.
    Launched,
    /// A status wb.yaml lists without a meaning.
    Other,
}

impl Meaning {
    /// The kebab-case name, as the site's CSS classes use it.
    pub fn as_str(self) -> &'static str {
        match self {
            Meaning::New => "new",
            Meaning::InReview => "in-review",
            Meaning::DecidedFor => "decided-for",
            Meaning::DecidedAgainst => "decided-against",
            Meaning::Launched => "launched",
            Meaning::Other => "other",
        }
    }
}

/// `status_meanings:` in wb.yaml. A meaning left out takes its default: the
/// configured statuses among the usual names for it.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct StatusMeanings {
    #[serde(deserialize_with = "yaml::some_one_or_many")]
    pub in_review: Option<Vec<String>>,
    #[serde(deserialize_with = "yaml::some_one_or_many")]
    pub decided_for: Option<Vec<String>>,
    #[serde(deserialize_with = "yaml::some_one_or_many")]
    pub decided_against: Option<Vec<String>>,
    #[serde(deserialize_with = "yaml::some_one_or_many")]
    pub launched: Option<Vec<String>>,
}

/// The usual names of each meaning, for the defaults.
const USUAL: &[(Meaning, &str, &[&str])] = &[
    (
        Meaning::InReview,
        "in_review",
        &[
            "review",
            "in-review",
            "in_review",
            "reviewing",
            "under-review",
            "proposed",
        ],
    ),
    (
        Meaning::DecidedFor,
        "decided_for",
        &["approved", "accepted", "implementable", "funded", "go"],
    ),
    (
        Meaning::DecidedAgainst,
        "decided_against",
        &[
            "rejected",
            "shelved",
            "declined",
            "withdrawn",
            "deferred",
            "postponed",
            "abandoned",
            "no-go",
        ],
    ),
    (
        Meaning::Launched,
        "launched",
        &[
            "launched",
            "implemented",
            "shipped",
            "released",
            "live",
            "done",
        ],
    ),
];

/// The configured statuses, in order, and what each one means.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lifecycle {
    /// Lower-cased, in the configured order.
    pub names: Vec<String>,
    meanings: Vec<Meaning>,
}

impl Default for Lifecycle {
    fn default() -> Self {
        Config::default().lifecycle
    }
}

impl Lifecycle {
    /// Resolves `meanings` against `statuses`; an explicit meaning naming a
    /// status that is not configured is an error (the key, the status).
    fn resolve(
        statuses: &[String],
        meanings: &StatusMeanings,
    ) -> std::result::Result<Lifecycle, (&'static str, String)> {
        let names: Vec<String> = statuses.iter().map(|s| s.to_lowercase()).collect();
        let mut out = vec![Meaning::Other; names.len()];
        if let Some(first) = out.first_mut() {
            *first = Meaning::New;
        }
        for &(meaning, key, usual) in USUAL {
            let explicit = match meaning {
                Meaning::InReview => &meanings.in_review,
                Meaning::DecidedFor => &meanings.decided_for,
                Meaning::DecidedAgainst => &meanings.decided_against,
                _ => &meanings.launched,
            };
            match explicit {
                Some(list) => {
                    for status in list {
                        let lower = status.to_lowercase();
                        let Some(i) = names.iter().position(|n| *n == lower) else {
                            return Err((key, status.clone()));
                        };
                        out[i] = meaning;
                    }
                }
                None => {
                    for (i, n) in names.iter().enumerate() {
                        if i > 0 && usual.contains(&n.as_str()) {
                            out[i] = meaning;
                        }
                    }
                }
            }
        }
        Ok(Lifecycle {
            names,
            meanings: out,
        })
    }

    /// The status new proposals start in, and proposals without one have.
    pub fn new_status(&self) -> &str {
        self.names.first().map_or("draft", String::as_str)
    }

    pub fn meaning(&self, status: &str) -> Meaning {
        let lower = status.to_lowercase();
        self.names
            .iter()
            .position(|n| *n == lower)
            .map_or(Meaning::Other, |i| self.meanings[i])
    }

    pub fn is(&self, status: &str, meaning: Meaning) -> bool {
        self.meaning(status) == meaning
    }

    /// Approved or launched: the proposal has passed its decision.
    pub fn is_decided_for(&self, status: &str) -> bool {
        matches!(
            self.meaning(status),
            Meaning::DecidedFor | Meaning::Launched
        )
    }

    /// The configured statuses with this meaning, in order.
    pub fn with(&self, meaning: Meaning) -> Vec<&str> {
        self.names
            .iter()
            .zip(&self.meanings)
            .filter(|(_, m)| **m == meaning)
            .map(|(n, _)| n.as_str())
            .collect()
    }

    pub fn contains(&self, status: &str) -> bool {
        self.names.iter().any(|n| n.eq_ignore_ascii_case(status))
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct SiteConfig {
    pub title: String,
    /// Output folder, relative to the portfolio root.
    pub out: String,
    /// Absolute URL the site is published at; used only for feed ids.
    pub base_url: Option<String>,
    /// A proposal not yet decided and unchanged for more than this many
    /// days is stale (the decision desk of the site's index).
    pub stale_days: u32,
    /// All or nothing: a proposal that does not load stops `wb build`
    /// (no site is written) instead of being left out and listed.
    pub strict: bool,
}

impl Default for SiteConfig {
    fn default() -> Self {
        SiteConfig {
            title: "Proposals".into(),
            out: "_site".into(),
            base_url: None,
            stale_days: 30,
            strict: false,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl std::fmt::Display for Severity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for Severity {
    type Err = String;
    fn from_str(s: &str) -> std::result::Result<Self, String> {
        match s {
            "info" => Ok(Severity::Info),
            "warning" => Ok(Severity::Warning),
            "error" => Ok(Severity::Error),
            _ => Err(format!(
                "unknown severity '{s}' (expected info, warning or error)"
            )),
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct CheckConfig {
    /// Rules that never run.
    pub disable: Vec<RuleId>,
    /// Severity overrides per rule id.
    pub severity: BTreeMap<RuleId, Severity>,
    /// `wb check` fails when a finding reaches this severity.
    pub deny: Severity,
    pub rules: RuleOptions,
}

impl Default for CheckConfig {
    fn default() -> Self {
        CheckConfig {
            disable: Vec::new(),
            severity: BTreeMap::new(),
            deny: Severity::Error,
            rules: RuleOptions::default(),
        }
    }
}

/// A loaded configuration and where it came from.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub config: Config,
    /// The portfolio root: the folder holding `wb.yaml`, or the start folder.
    pub root: PathBuf,
    /// The `wb.yaml` that was read, if any.
    pub file: Option<PathBuf>,
    /// Its text, kept to point at keys in later validation errors.
    pub source: Option<String>,
}

impl Loaded {
    /// Points at a key path (e.g. `["check", "severity", "x"]`) in `wb.yaml`.
    pub fn error_at(&self, keys: &[&str], message: impl Into<String>) -> Diagnostic {
        let path = self
            .file
            .clone()
            .unwrap_or_else(|| self.root.join(CONFIG_FILE));
        let d = Diagnostic::new(path, message);
        match self.source.as_deref().and_then(|s| yaml::find_key(s, keys)) {
            Some((line, col)) => d.at(line, col),
            None => d,
        }
    }
}

impl Loaded {
    /// Points at the `i`-th entry of `proposals` in `wb.yaml` (without a
    /// wb.yaml: at the folder the defaults apply to).
    pub fn source_at(&self, i: usize, message: impl Into<String>) -> Diagnostic {
        let entry = self.config.proposals.get(i).map_or("", String::as_str);
        let Some(text) = self.source.as_deref() else {
            return Diagnostic::new(
                crate::portfolio::display_path(&self.root.join(entry)),
                message,
            );
        };
        let mut d = self.error_at(&["proposals"], message);
        d.path = crate::portfolio::display_path(&d.path);
        let Some((key_line, _)) = yaml::find_key(text, &["proposals"]) else {
            return d;
        };
        // The entry as written, on the key's line or the lines after it.
        let mut seen = 0;
        for (n, line) in text.lines().enumerate().skip(key_line - 1) {
            let mut from = if n + 1 == key_line {
                line.find(':').map_or(0, |c| c + 1)
            } else {
                0
            };
            while let Some(at) = line[from..].find(entry) {
                let start = from + at;
                let end = start + entry.len();
                let bounded = |c: Option<char>| {
                    c.is_none_or(|c| {
                        c.is_whitespace() || matches!(c, '"' | '\'' | ',' | '[' | ']' | '#')
                    })
                };
                if !entry.is_empty()
                    && bounded(line[..start].chars().next_back())
                    && bounded(line[end..].chars().next())
                {
                    if seen
                        == self.config.proposals[..i]
                            .iter()
                            .filter(|e| *e == entry)
                            .count()
                    {
                        let col = line[..start].chars().count() + 1;
                        return d.at(n + 1, col);
                    }
                    seen += 1;
                }
                from = end.max(start + 1);
            }
        }
        d
    }
}

/// Finds the portfolio for `start`: the nearest folder at or above it holding
/// `wb.yaml`, not looking past the enclosing git repository's top. Without
/// one, `start` itself is the root and every default applies.
pub fn discover(start: &Path) -> Result<Loaded> {
    let start = std::path::absolute(start).map_err(|e| Error::io(start, e))?;
    for dir in start.ancestors() {
        let candidate = dir.join(CONFIG_FILE);
        if candidate.is_file() {
            return load(&candidate);
        }
        // A wb.yaml that is no file (a folder, a broken link) is a mistake
        // to report, not a portfolio on defaults.
        if candidate.symlink_metadata().is_ok() {
            return Err(Diagnostic::new(
                crate::portfolio::display_path(&candidate),
                if candidate.is_dir() {
                    "is a folder, not a file; wb cannot read its configuration"
                } else {
                    "cannot be read: a link to nothing"
                },
            )
            .hint("wb.yaml is a YAML file; `wb init` writes one (move this one aside first)")
            .into());
        }
        if dir.join(".git").exists() {
            break;
        }
    }
    Ok(Loaded {
        config: Config::default(),
        root: start,
        file: None,
        source: None,
    })
}

/// Reads and validates one `wb.yaml`.
pub fn load(path: &Path) -> Result<Loaded> {
    let text = crate::fs::read_text(path)?;
    let config = parse(path, &text)?;
    let root = path
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("."));
    Ok(Loaded {
        config,
        root,
        file: Some(path.to_path_buf()),
        source: Some(text),
    })
}

pub fn parse(path: &Path, text: &str) -> Result<Config> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Ok(Config::default());
    }
    let mut config: Config = yaml::from_str(path, text, 0).map_err(|e| {
        // A file of text, a list or a number is no set of settings: say
        // that, not what serde expected.
        match serde_yaml::from_str::<serde_yaml::Value>(text) {
            Ok(serde_yaml::Value::Mapping(_) | serde_yaml::Value::Null) | Err(_) => e,
            Ok(_) => Diagnostic::new(path, "wb.yaml holds no settings: it is not a mapping of keys")
                .at(1, 1)
                .hint("write `key: value` lines, e.g. `proposals: [proposals]`; `wb init` writes a commented one")
                .into(),
        }
    })?;
    config
        .kinds
        .set_root(path.parent().unwrap_or(Path::new("")));
    if config.statuses.is_empty() {
        let (line, col) = yaml::find_key(text, &["statuses"]).unwrap_or((1, 1));
        return Err(Diagnostic::new(path, "`statuses` is empty")
            .at(line, col)
            .hint("list the statuses a proposal may have, e.g. [draft, review, approved]")
            .into());
    }
    if config.proposals.iter().all(|s| s.starts_with('!')) {
        let (line, col) = yaml::find_key(text, &["proposals"]).unwrap_or((1, 1));
        return Err(Diagnostic::new(path, "`proposals` is empty")
            .at(line, col)
            .hint("name the folder holding proposals, e.g. `proposals: proposals`")
            .into());
    }
    config.lifecycle = Lifecycle::resolve(&config.statuses, &config.status_meanings).map_err(
        |(key, status)| {
            let (line, col) = yaml::find_key(text, &["status_meanings", key])
                .or_else(|| yaml::find_key(text, &["status_meanings"]))
                .unwrap_or((1, 1));
            Error::from(
                Diagnostic::new(
                    path,
                    format!("`status_meanings.{key}` names `{status}`, which is not in `statuses`"),
                )
                .at(line, col)
                .hint(format!(
                    "name one of the statuses: {}",
                    config.statuses.join(", ")
                )),
            )
        },
    )?;
    config.layout = resolve_layout(path, text, &config)?;
    Ok(config)
}

/// Checks `metadata` and `status_folders` against the statuses and turns
/// them into the [`Layout`] parsing reads.
fn resolve_layout(path: &Path, text: &str, config: &Config) -> Result<Layout> {
    let at = |keys: &[&str], message: String, hint: String| -> Error {
        let (line, col) = yaml::find_key(text, keys)
            .or_else(|| yaml::find_key(text, &keys[..1]))
            .unwrap_or((1, 1));
        Diagnostic::new(path, message)
            .at(line, col)
            .hint(hint)
            .into()
    };
    let mut status_folders = Vec::new();
    for (folder, status) in &config.status_folders {
        if folder.is_empty() || folder.contains(['/', '\\']) || folder == "." || folder == ".." {
            return Err(at(
                &["status_folders", folder],
                format!("`status_folders` names `{folder}`, which is not a folder name"),
                "name the folder a document sits in, without slashes, e.g. `live: approved`".into(),
            ));
        }
        let lower = status.to_lowercase();
        if !config.lifecycle.contains(&lower) {
            return Err(at(
                &["status_folders", folder],
                format!("`status_folders.{folder}` is `{status}`, which is not in `statuses`"),
                format!(
                    "name one of the statuses: {}",
                    config.lifecycle.names.join(", ")
                ),
            ));
        }
        status_folders.push((folder.clone(), lower));
    }
    let sidecar = match &config.metadata {
        None => None,
        Some(m) => {
            let file = m.file.trim();
            let bad = file.is_empty()
                || Path::new(file).is_absolute()
                || file.starts_with(['/', '\\'])
                || Path::new(file)
                    .components()
                    .any(|c| !matches!(c, std::path::Component::Normal(_)));
            if bad {
                return Err(at(
                    &["metadata", "file"],
                    format!("`metadata.file` `{file}` is not a file beside the proposal"),
                    "name the sidecar relative to the folder holding each proposal, e.g. `file: kep.yaml`"
                        .into(),
                ));
            }
            if m.keys.is_empty() {
                return Err(at(
                    &["metadata", "keys"],
                    "`metadata.keys` is empty".into(),
                    "map front-matter fields to the sidecar's keys, e.g. `keys: {title: title, owner: authors}`".into(),
                ));
            }
            Some(SidecarSpec {
                file: file.to_string(),
                keys: m.keys.clone(),
            })
        }
    };
    Ok(Layout {
        sidecar,
        status_folders,
    })
}

/// The commented `wb.yaml` that `wb init` writes: every default visible,
/// the rule options from their declarations.
pub fn init_template() -> String {
    INIT_TEMPLATE.replace(
        "    {{rule-options}}\n",
        &crate::check::options::init_block("    "),
    )
}

const INIT_TEMPLATE: &str = include_str!("../templates/wb.yaml");

#[cfg(test)]
mod tests {
    use super::*;

    fn err(text: &str) -> String {
        parse(Path::new("wb.yaml"), text).unwrap_err().to_string()
    }

    #[test]
    fn defaults_when_empty() {
        let c = parse(Path::new("wb.yaml"), "").unwrap();
        assert_eq!(c.proposals, vec!["proposals"]);
        assert_eq!(c.site.out, "_site");
        assert_eq!(c.statuses.len(), 6);
    }

    #[test]
    fn init_template_is_the_defaults() {
        let c = parse(Path::new("wb.yaml"), &init_template()).unwrap();
        let d = Config::default();
        assert_eq!(c.proposals, d.proposals);
        assert_eq!(c.statuses, d.statuses);
        assert_eq!(c.site.title, d.site.title);
        assert_eq!(c.site.strict, d.site.strict);
        assert_eq!(c.check.deny, d.check.deny);
        assert_eq!(c.check.rules, RuleOptions::default());
        assert_eq!(c.lifecycle, d.lifecycle);
    }

    #[test]
    fn unknown_key_points_at_its_line() {
        let e = err("site:\n  title: X\n  colour: red\n");
        assert!(e.starts_with("wb.yaml:3:3: unknown field `colour`"), "{e}");
        assert!(e.contains("in `site`"), "{e}");
    }

    #[test]
    fn site_strict_is_typed_and_spelled() {
        let c = parse(Path::new("wb.yaml"), "site:\n  strict: true\n").unwrap();
        assert!(c.site.strict);
        let e = err("site:\n  strict: sometimes\n");
        assert!(e.starts_with("wb.yaml:2:"), "{e}");
        let e = parse(Path::new("wb.yaml"), "site:\n  stirct: true\n").unwrap_err();
        assert!(
            e.to_string()
                .starts_with("wb.yaml:2:3: unknown field `stirct`"),
            "{e}"
        );
        assert_eq!(
            e.hint().map(|h| h.starts_with("did you mean `strict`?")),
            Some(true),
            "{:?}",
            e.hint()
        );
    }

    #[test]
    fn wrong_type_points_at_the_value() {
        let e = err("proposals: docs\nstatuses: 5\n");
        assert!(e.starts_with("wb.yaml:2:11:"), "{e}");
    }

    #[test]
    fn proposals_takes_a_string_or_a_list() {
        let c = parse(Path::new("wb.yaml"), "proposals: [docs/*.md, rfcs/*.md]\n").unwrap();
        assert_eq!(c.proposals.len(), 2);
        let c = parse(Path::new("wb.yaml"), "proposals: docs\n").unwrap();
        assert_eq!(c.proposals, vec!["docs"]);
    }

    #[test]
    fn rule_options_are_typed() {
        let e = err("check:\n  rules:\n    faq-too-short:\n      min_externals: 3\n");
        assert!(
            e.starts_with("wb.yaml:4:7: unknown field `min_externals`"),
            "{e}"
        );
    }
}
