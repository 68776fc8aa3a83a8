//! A portfolio: the folder holding `wb.yaml` and the proposals it names.
//! Finding and parsing proposals happens here; one broken proposal is
//! reported without hiding the others.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use globset::{Glob, GlobSetBuilder};
use rayon::prelude::*;
use walkdir::WalkDir;

use crate::config::{self, Config};
use crate::error::{Diagnostic, Error, Result};
use crate::proposal::{self, ParseOptions, Proposal};

/// Folders never searched for proposals.
const SKIP_DIRS: &[&str] = &["node_modules", "target", "_site"];

#[derive(Debug)]
pub struct Portfolio {
    /// Absolute path of the portfolio root.
    pub root: PathBuf,
    pub config: config::Loaded,
    pub options: ParseOptions,
    /// Proposals that parsed, sorted by path.
    pub proposals: Vec<Proposal>,
    /// Proposals that did not, each a located error.
    pub errors: Vec<Error>,
}

impl Portfolio {
    /// Opens the portfolio for the current folder (see `config::discover`).
    pub fn open(start: &Path) -> Result<Portfolio> {
        let loaded = config::discover(start)?;
        Portfolio::from_config(loaded)
    }

    /// Opens the portfolio but parses only the proposal `name` (a slug or a
    /// path), for commands about one proposal. Falls back to every proposal
    /// when nothing matches, so the error can suggest the nearest name.
    pub fn open_one(start: &Path, name: &str) -> Result<Portfolio> {
        let loaded = config::discover(start)?;
        let wanted = std::path::absolute(name).ok();
        let only = |f: &Path| proposal::slug_of(f) == name || std::path::absolute(f).ok() == wanted;
        let p = Portfolio::load(loaded.clone(), Some(&only))?;
        if p.proposals.is_empty() && p.errors.is_empty() {
            return Portfolio::from_config(loaded);
        }
        Ok(p)
    }

    pub fn from_config(loaded: config::Loaded) -> Result<Portfolio> {
        Portfolio::load(loaded, None)
    }

    fn load(loaded: config::Loaded, only: Option<&dyn Fn(&Path) -> bool>) -> Result<Portfolio> {
        let options = loaded.config.parse_options();
        let root = loaded.root.clone();
        if loaded.file.is_none() && !has_sources(&root, &loaded.config) {
            return Err(Error::usage_hint(
                format!(
                    "no portfolio here: no {} in {} or above, and no `proposals/` folder",
                    config::CONFIG_FILE,
                    root.display()
                ),
                "run `wb init` to start one, or pass `-C DIR` to point at one",
            ));
        }
        let (mut files, mut errors) = find_files(&root, &loaded.config);
        if let Some(only) = only {
            files.retain(|f| only(f));
            errors.clear();
        }
        let parsed: Vec<Result<Proposal>> = files
            .par_iter()
            .map(|f| proposal::load(f, &options))
            .collect();
        let mut proposals = Vec::new();
        for r in parsed {
            match r {
                Ok(p) => proposals.push(p),
                Err(e) => errors.push(e),
            }
        }
        let mut seen: HashMap<String, PathBuf> = HashMap::new();
        proposals.retain(|p| match seen.get(&p.slug) {
            Some(first) => {
                errors.push(
                    Diagnostic::new(
                        &p.path,
                        format!("slug `{}` is also used by {}", p.slug, first.display()),
                    )
                    .hint("two proposals cannot share a file name; rename one of them")
                    .into(),
                );
                false
            }
            None => {
                seen.insert(p.slug.clone(), p.path.clone());
                true
            }
        });
        Ok(Portfolio {
            root,
            config: loaded,
            options,
            proposals,
            errors,
        })
    }

    pub fn cfg(&self) -> &Config {
        &self.config.config
    }

    /// Finds a proposal by slug, or by path (as typed, relative to the
    /// current folder), or by what people type of a slug: a unique prefix
    /// (`small-sh`), else a unique match at a word of the slug (`refund-in`
    /// finds `small-shops-refund-in-two-minutes`; see [`matching_slugs`]).
    /// Several matches list the candidates; none suggests the nearest slug.
    /// A proposal that failed to parse reports its error.
    pub fn find(&self, name: &str) -> Result<&Proposal> {
        if let Some(p) = self.proposals.iter().find(|p| p.slug == name) {
            return Ok(p);
        }
        let wanted = std::path::absolute(name).ok();
        if let Some(p) = self
            .proposals
            .iter()
            .find(|p| std::path::absolute(&p.path).ok() == wanted)
        {
            return Ok(p);
        }
        let broken = |d: &Diagnostic, slug: &str| {
            proposal::slug_of(&d.path) == slug || std::path::absolute(&d.path).ok() == wanted
        };
        let broken_error = |slug: &str| {
            self.errors.iter().find_map(|e| match e {
                Error::Input(d) if broken(d, slug) => Some(Error::Input(d.clone())),
                _ => None,
            })
        };
        if let Some(e) = broken_error(name) {
            return Err(e);
        }
        let mut known: Vec<String> = self.proposals.iter().map(|p| p.slug.clone()).collect();
        known.extend(self.errors.iter().filter_map(|e| match e {
            Error::Input(d) => Some(proposal::slug_of(&d.path)),
            _ => None,
        }));
        known.sort_unstable();
        known.dedup();
        let known: Vec<&str> = known.iter().map(String::as_str).collect();
        match matching_slugs(name, &known)[..] {
            [one] => self
                .proposals
                .iter()
                .find(|p| p.slug == one)
                .ok_or_else(|| broken_error(one).expect("a known slug is a proposal or an error")),
            [] => {
                let hint = match closest(name, &known) {
                    Some(c) => format!("did you mean `{c}`? `wb list` shows every proposal"),
                    None => "`wb list` shows every proposal".to_string(),
                };
                Err(Error::usage_hint(
                    format!("no proposal `{name}` in this portfolio"),
                    hint,
                ))
            }
            ref many => Err(Error::usage_hint(
                format!(
                    "`{name}` matches {} proposals: {}",
                    many.len(),
                    many.join(", ")
                ),
                "type more of the slug, or the whole of it",
            )),
        }
    }

    /// The proposals with any of `statuses` (all when empty) and any of
    /// `tags` (all when empty). A status wb.yaml does not list is a usage
    /// error naming the ones it does.
    pub fn filter(&self, statuses: &[String], tags: &[String]) -> Result<Vec<&Proposal>> {
        let lifecycle = &self.cfg().lifecycle;
        if let Some(s) = statuses.iter().find(|s| !lifecycle.contains(s)) {
            return Err(Error::usage_hint(
                format!("unknown status `{s}`"),
                format!("statuses: {}", lifecycle.names.join(", ")),
            ));
        }
        Ok(self
            .proposals
            .iter()
            .filter(|p| {
                statuses.is_empty() || statuses.iter().any(|s| s.eq_ignore_ascii_case(p.status()))
            })
            .filter(|p| tags.is_empty() || p.front.tags.iter().any(|t| tags.contains(t)))
            .collect())
    }

    /// The folder `wb new` writes to: the configured folder, or the fixed
    /// part of the first glob.
    pub fn new_dir(&self) -> PathBuf {
        let first = self
            .cfg()
            .proposals
            .first()
            .map(String::as_str)
            .unwrap_or("proposals");
        let fixed: Vec<&str> = first
            .split('/')
            .take_while(|c| !c.contains(['*', '?', '[', '{']))
            .collect();
        let fixed = if is_glob(first) && fixed.last().is_some_and(|c| c.ends_with(".md")) {
            &fixed[..fixed.len() - 1]
        } else {
            &fixed[..]
        };
        self.root.join(fixed.join("/"))
    }
}

fn is_glob(s: &str) -> bool {
    s.contains(['*', '?', '[', '{'])
}

fn has_sources(root: &Path, config: &Config) -> bool {
    config
        .proposals
        .iter()
        .any(|s| is_glob(s) || root.join(s).is_dir())
}

fn is_markdown(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("md" | "markdown")
    )
}

fn skipped_name(name: &str) -> bool {
    name.starts_with('.') || name.eq_ignore_ascii_case("README.md") || SKIP_DIRS.contains(&name)
}

/// Finds the proposal files the configuration names, relative to the
/// current folder where possible, sorted by path.
fn find_files(root: &Path, config: &Config) -> (Vec<PathBuf>, Vec<Error>) {
    let mut found = Found::new(root, &root.join(&config.site.out));
    for source in &config.proposals {
        if is_glob(source) {
            let fixed: Vec<&str> = source.split('/').take_while(|c| !is_glob(c)).collect();
            let glob = match Glob::new(source) {
                Ok(g) => g,
                Err(e) => {
                    found.errors.push(Error::usage_hint(
                        format!("bad glob `{source}` in `proposals`: {e}"),
                        "globs look like `docs/**/*.md`",
                    ));
                    continue;
                }
            };
            let mut set = GlobSetBuilder::new();
            set.add(glob);
            found.walk(&root.join(fixed.join("/")), set.build().ok().as_ref());
        } else {
            found.walk(&root.join(source), None);
        }
    }
    found.finish()
}

/// Proposal files found under one portfolio root, by the rules every
/// command shares (`wb list`, `wb build`, `wb check PATH...`): Markdown
/// files only; hidden entries, README.md, build folders and the site's
/// output skipped; a symbolic link followed only when it leads to a file
/// inside the root; a folder named like a proposal reported.
pub(crate) struct Found {
    root: PathBuf,
    canonical_root: PathBuf,
    out_dir: PathBuf,
    pub files: Vec<PathBuf>,
    pub errors: Vec<Error>,
}

impl Found {
    pub(crate) fn new(root: &Path, out_dir: &Path) -> Found {
        Found {
            root: root.to_path_buf(),
            canonical_root: root.canonicalize().unwrap_or_else(|_| root.to_path_buf()),
            out_dir: out_dir.to_path_buf(),
            files: Vec::new(),
            errors: Vec::new(),
        }
    }

    /// Adds the Markdown files under `base` (a folder), keeping those whose
    /// path relative to the root `matcher` accepts. A missing base adds nothing.
    pub(crate) fn walk(&mut self, base: &Path, matcher: Option<&globset::GlobSet>) {
        if !base.exists() {
            return;
        }
        // WalkDir follows its starting folder even when it is a link.
        if let Err(e) = crate::fs::ensure_inside(&self.root, base) {
            self.errors.push(e);
            return;
        }
        let out_dir = self.out_dir.clone();
        let walker = WalkDir::new(base)
            .follow_links(false)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| {
                e.depth() == 0
                    || (!skipped_name(&e.file_name().to_string_lossy()) && e.path() != out_dir)
            });
        for entry in walker {
            let entry = match entry {
                Ok(e) => e,
                Err(e) => {
                    let path = e
                        .path()
                        .map(Path::to_path_buf)
                        .unwrap_or_else(|| base.to_path_buf());
                    self.errors.push(Error::Io {
                        path,
                        source: e
                            .into_io_error()
                            .unwrap_or_else(|| std::io::Error::other("walk failed")),
                    });
                    continue;
                }
            };
            let path = entry.path();
            let rel = path.strip_prefix(&self.root).unwrap_or(path);
            if matcher.is_some_and(|m| !m.is_match(rel)) || !is_markdown(path) {
                continue;
            }
            self.add_entry(path, entry.file_type());
        }
    }

    /// Adds one file named on the command line (any extension).
    pub(crate) fn file(&mut self, path: &Path) {
        match std::fs::symlink_metadata(path) {
            Ok(m) => self.add_entry(path, m.file_type()),
            Err(e) => self.errors.push(Error::io(&display_path(path), e)),
        }
    }

    fn add_entry(&mut self, path: &Path, ft: std::fs::FileType) {
        let shown = display_path(path);
        if ft.is_dir() {
            self.errors.push(
                Diagnostic::new(&shown, "is a folder named like a proposal; wb skipped it")
                    .hint("a proposal is a Markdown file; rename the folder so it does not end in .md")
                    .into(),
            );
        } else if ft.is_symlink() {
            match path.canonicalize() {
                Ok(target) if target.starts_with(&self.canonical_root) && target.is_file() => {
                    self.files.push(shown)
                }
                _ => self.errors.push(
                    Diagnostic::new(&shown, "is a symbolic link that leads outside the portfolio; wb does not follow it")
                        .hint("copy the file into the portfolio instead of linking to it")
                        .into(),
                ),
            }
        } else if ft.is_file() {
            self.files.push(shown);
        }
    }

    pub(crate) fn finish(mut self) -> (Vec<PathBuf>, Vec<Error>) {
        self.files.sort();
        self.files.dedup();
        (self.files, self.errors)
    }
}

/// The slugs among `known` that `typed` names as people type them: those
/// it is a prefix of; when none, those with a word (a part after `-`, `_`
/// or `.`) it is a prefix of. Case is ignored. For [`Portfolio::find`] (one
/// match resolves) and shell completion (every match is offered).
pub fn matching_slugs<'a>(typed: &str, known: &[&'a str]) -> Vec<&'a str> {
    let typed = typed.to_lowercase();
    let prefix: Vec<&str> = known
        .iter()
        .copied()
        .filter(|k| k.to_lowercase().starts_with(&typed))
        .collect();
    if !prefix.is_empty() || typed.is_empty() {
        return prefix;
    }
    known
        .iter()
        .copied()
        .filter(|k| {
            let k = k.to_lowercase();
            k.match_indices(&typed)
                .any(|(i, _)| k[..i].ends_with(['-', '_', '.']))
        })
        .collect()
}

/// `path` relative to the current folder when it lies below it.
pub fn display_path(path: &Path) -> PathBuf {
    match std::env::current_dir() {
        Ok(cwd) => crate::fs::display_relative(path, &cwd),
        Err(_) => path.to_path_buf(),
    }
}

/// The known name nearest to `name` (for "did you mean" hints).
pub fn closest<'a>(name: &str, known: &[&'a str]) -> Option<&'a str> {
    known
        .iter()
        .map(|k| (strsim::levenshtein(name, k), *k))
        .filter(|(d, k)| *d <= (k.len() / 3).max(2))
        .min()
        .map(|(_, k)| k)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn closest_names() {
        assert_eq!(
            closest("nurse-handof", &["nurse-handoff", "bus"]),
            Some("nurse-handoff")
        );
        assert_eq!(closest("zzz", &["nurse-handoff"]), None);
    }

    #[test]
    fn slugs_as_people_type_them() {
        let known = [
            "small-shops-refund-in-two-minutes",
            "small-shops-tax-forms",
            "nurse-handoff",
        ];
        assert_eq!(matching_slugs("small-shops-r", &known), [known[0]]);
        assert_eq!(matching_slugs("small", &known), [known[0], known[1]]);
        assert_eq!(matching_slugs("Nurse", &known), [known[2]]);
        // No prefix matches: a word of the slug may start the match.
        assert_eq!(matching_slugs("refund", &known), [known[0]]);
        assert_eq!(matching_slugs("refund-in", &known), [known[0]]);
        // Inside a word is no match: `hops` is not a word.
        assert!(matching_slugs("hops", &known).is_empty());
        assert!(matching_slugs("refunds", &known).is_empty());
        assert_eq!(matching_slugs("", &known).len(), 3);
    }
}
