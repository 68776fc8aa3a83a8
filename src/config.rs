//! `wb.yaml`: where the portfolio's proposals live and how wb treats them.
//! Every key has a default; an unknown key or a value of the wrong type is an
//! error pointing at `wb.yaml:line:col`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use indexmap::IndexMap;
use serde::{Deserialize, Serialize};

use crate::error::{Diagnostic, Error, Result};
use crate::yaml;

pub const CONFIG_FILE: &str = "wb.yaml";

/// The statuses a proposal may have, in the order a proposal usually moves.
pub const DEFAULT_STATUSES: &[&str] = &[
    "draft", "review", "approved", "rejected", "shelved", "launched",
];

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Config {
    /// Folder (or list of globs) holding proposals, relative to the portfolio root.
    #[serde(deserialize_with = "yaml::one_or_many")]
    pub proposals: Vec<String>,
    pub site: SiteConfig,
    pub statuses: Vec<String>,
    /// Review circles, widest last; matched against `Reviewed-by:` trailers.
    pub circles: IndexMap<String, Vec<String>>,
    /// Extra heading aliases per section role (`problem: [Pain points]`).
    pub sections: BTreeMap<String, Vec<String>>,
    pub check: CheckConfig,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            proposals: vec!["proposals".into()],
            site: SiteConfig::default(),
            statuses: DEFAULT_STATUSES.iter().map(|s| s.to_string()).collect(),
            circles: IndexMap::new(),
            sections: BTreeMap::new(),
            check: CheckConfig::default(),
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct SiteConfig {
    pub title: String,
    /// Output folder, relative to the portfolio root.
    pub out: String,
    /// Absolute URL the site is published at; used only for feed ids.
    pub base_url: Option<String>,
}

impl Default for SiteConfig {
    fn default() -> Self {
        SiteConfig {
            title: "Proposals".into(),
            out: "_site".into(),
            base_url: None,
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

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct CheckConfig {
    /// Rules that never run.
    pub disable: Vec<String>,
    /// Severity overrides per rule id.
    pub severity: BTreeMap<String, Severity>,
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

/// Options of the rules that take any. Typed, so that a misspelt option is an
/// error with its line instead of a silently ignored key.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default, rename_all = "kebab-case")]
pub struct RuleOptions {
    pub faq_too_short: FaqTooShortOptions,
    pub skipping_the_iteration: SkippingOptions,
    pub internal_jargon_in_pr: JargonOptions,
    pub hyperbole_instead_of_specifics: WordsOptions,
    pub solution_first_thinking: WordsOptions,
    pub faq_avoids_hard_questions: HardQuestionsOptions,
    pub too_many_features: FeaturesOptions,
    pub missing_problem_paragraph: ProblemOptions,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct FaqTooShortOptions {
    pub min_external: usize,
    pub min_internal: usize,
    /// An answer with fewer words than this counts as a one-liner.
    pub min_answer_words: usize,
}

impl Default for FaqTooShortOptions {
    fn default() -> Self {
        FaqTooShortOptions {
            min_external: 5,
            min_internal: 5,
            min_answer_words: 12,
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct SkippingOptions {
    pub min_iterations: usize,
}

impl Default for SkippingOptions {
    fn default() -> Self {
        SkippingOptions { min_iterations: 3 }
    }
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct JargonOptions {
    /// Extra words that count as jargon in the press release.
    pub words: Vec<String>,
    /// Internal code names that must not appear in the press release.
    pub code_names: Vec<String>,
    /// Acronyms your customers know (e.g. `PDF`, `VAT`).
    pub allow: Vec<String>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct WordsOptions {
    /// Extra words or phrases the rule looks for.
    pub words: Vec<String>,
    /// Words of the built-in list that you allow.
    pub allow: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct HardQuestionsOptions {
    /// How many of the five hard topics the internal FAQ must cover.
    pub min_topics: usize,
}

impl Default for HardQuestionsOptions {
    fn default() -> Self {
        HardQuestionsOptions { min_topics: 4 }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct FeaturesOptions {
    /// Most list items the press release may have.
    pub max_list_items: usize,
    /// Longest press release, in words (about one printed page).
    pub max_words: usize,
}

impl Default for FeaturesOptions {
    fn default() -> Self {
        FeaturesOptions {
            max_list_items: 5,
            max_words: 800,
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ProblemOptions {
    pub min_words: usize,
}

impl Default for ProblemOptions {
    fn default() -> Self {
        ProblemOptions { min_words: 40 }
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
    let config: Config = yaml::from_str(path, text, 0)?;
    if config.statuses.is_empty() {
        let (line, col) = yaml::find_key(text, &["statuses"]).unwrap_or((1, 1));
        return Err(Diagnostic::new(path, "`statuses` is empty")
            .at(line, col)
            .hint("list the statuses a proposal may have, e.g. [draft, review, approved]")
            .into());
    }
    if config.proposals.is_empty() {
        let (line, col) = yaml::find_key(text, &["proposals"]).unwrap_or((1, 1));
        return Err(Diagnostic::new(path, "`proposals` is empty")
            .at(line, col)
            .hint("name the folder holding proposals, e.g. `proposals: proposals`")
            .into());
    }
    Ok(config)
}

/// The commented `wb.yaml` that `wb init` writes: every default visible.
pub const INIT_TEMPLATE: &str = include_str!("../templates/wb.yaml");

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
        let c = parse(Path::new("wb.yaml"), INIT_TEMPLATE).unwrap();
        let d = Config::default();
        assert_eq!(c.proposals, d.proposals);
        assert_eq!(c.statuses, d.statuses);
        assert_eq!(c.site.title, d.site.title);
        assert_eq!(c.check.deny, d.check.deny);
        assert_eq!(c.check.rules.faq_too_short.min_external, 5);
    }

    #[test]
    fn unknown_key_points_at_its_line() {
        let e = err("site:\n  title: X\n  colour: red\n");
        assert!(e.starts_with("wb.yaml:3:3: unknown field `colour`"), "{e}");
        assert!(e.contains("in `site`"), "{e}");
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
