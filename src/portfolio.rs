//! A portfolio: the folder holding `wb.yaml` and the proposals it names.
//! Finding and parsing proposals happens here; one broken proposal is
//! reported without hiding the others.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use globset::{Glob, GlobBuilder, GlobSetBuilder};
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
    /// Proposals that did not, each a located error; also what the
    /// sources could not find and sidecar problems.
    pub errors: Vec<Error>,
    /// Files the sources name that are not in `proposals`: they did not
    /// load, or another file took their slug (each has its error in
    /// `errors`).
    pub left_out: Vec<PathBuf>,
    /// Slugs two files share: one is in `proposals`, the other left out.
    pub clashes: Vec<Clash>,
}

/// Two proposal files with one slug (the second found is left out).
#[derive(Debug, Clone)]
pub struct Clash {
    pub slug: String,
    /// The file `proposals` holds.
    pub kept: PathBuf,
    /// The file left out (its error is in `Portfolio::errors`).
    pub other: PathBuf,
    /// What to do about it.
    pub hint: &'static str,
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

    /// Opens the portfolio for `wb new`: a configured source that matches
    /// no file yet is no error here (the new proposal may be its first).
    pub fn open_for_new(start: &Path) -> Result<Portfolio> {
        let loaded = config::discover(start)?;
        Portfolio::load_with(loaded, None, true)
    }

    fn load(loaded: config::Loaded, only: Option<&dyn Fn(&Path) -> bool>) -> Result<Portfolio> {
        Portfolio::load_with(loaded, only, false)
    }

    fn load_with(
        loaded: config::Loaded,
        only: Option<&dyn Fn(&Path) -> bool>,
        tolerate_unmatched: bool,
    ) -> Result<Portfolio> {
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
        let (mut files, mut errors, unmatched) = find_files(&loaded);
        if files.is_empty() && !unmatched.is_empty() && !tolerate_unmatched {
            // Nothing at all to read: every command stops here, so that no
            // command reports a green "0 proposals checked".
            errors.extend(unmatched);
            return Err(Error::from_vec(errors).expect("at least one error"));
        }
        if !tolerate_unmatched {
            errors.extend(unmatched);
        }
        if let Some(only) = only {
            files.retain(|f| only(f));
            errors.clear();
        }
        let parsed: Vec<Result<Proposal>> = files
            .par_iter()
            .map(|f| proposal::load(f, &options))
            .collect();
        let mut proposals = Vec::new();
        let mut left_out = Vec::new();
        let mut clashes = Vec::new();
        for (r, file) in parsed.into_iter().zip(files) {
            match r {
                Ok(mut p) => {
                    // A sidecar's problems are reported; the proposal stays.
                    errors.extend(p.problems.drain(..).map(Error::from));
                    proposals.push(p)
                }
                Err(e) => {
                    errors.push(e);
                    left_out.push(file);
                }
            }
        }
        if only.is_none() && !tolerate_unmatched && !proposals.is_empty() {
            errors.extend(unused_layout(&loaded, &options, &proposals));
        }
        let mut seen: HashMap<String, PathBuf> = HashMap::new();
        proposals.retain(|p| match seen.get(&p.slug) {
            Some(first) => {
                let hint = if proposal::is_folder_document(&file_name(&p.path)) {
                    "a folder's README.md or index.md is named after its folder; \
                     two proposal folders cannot share a name: rename one of them"
                } else {
                    "a proposal is named after its file; two proposals cannot share a \
                     name: rename one of them"
                };
                errors.push(
                    Diagnostic::new(
                        &p.path,
                        format!(
                            "slug `{}` is also used by {}; wb skipped this one",
                            p.slug,
                            first.display()
                        ),
                    )
                    .hint(hint)
                    .into(),
                );
                clashes.push(Clash {
                    slug: p.slug.clone(),
                    kept: first.clone(),
                    other: p.path.clone(),
                    hint,
                });
                left_out.push(p.path.clone());
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
            left_out,
            clashes,
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
        // An empty name is a prefix of every slug, not a choice of one.
        if name.trim().is_empty() {
            return Err(Error::usage_hint(
                "an empty name names no proposal",
                "give a slug (`wb list` shows them) or a path",
            ));
        }
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
            .iter()
            .find(|s| !s.starts_with('!'))
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

    /// Where `wb new` writes the proposal `slug`: `<dir>/<slug>.md`, or
    /// `<dir>/<slug>/README.md` when the first source is a glob naming a
    /// folder document (`keps/**/README.md`).
    pub fn new_path(&self, slug: &str) -> PathBuf {
        let first = self
            .cfg()
            .proposals
            .iter()
            .find(|s| !s.starts_with('!'))
            .map_or("", String::as_str);
        let file = first.rsplit('/').next().unwrap_or("");
        if is_glob(first) && !is_glob(file) && proposal::is_folder_document(file) {
            return self.new_dir().join(slug).join(file);
        }
        self.new_dir().join(format!("{slug}.md"))
    }
}

impl Portfolio {
    /// Would wb.yaml's `proposals` load a file at `path` (under the root)?
    pub fn would_load(&self, path: &Path) -> bool {
        names_file(
            &self.cfg().proposals,
            path.strip_prefix(&self.root).unwrap_or(path),
        )
    }
}

/// Do `sources` (wb.yaml's `proposals`) take the file at `rel`, relative to
/// the root? Not when a `!glob` leaves it out; a README.md only where a
/// glob names README files.
pub(crate) fn names_file(sources: &[String], rel: &Path) -> bool {
    let excluded = sources
        .iter()
        .filter_map(|s| s.strip_prefix('!'))
        .filter_map(|g| glob_of(g).ok())
        .any(|g| g.compile_matcher().is_match(rel));
    let readme = rel
        .file_name()
        .is_some_and(|n| n.eq_ignore_ascii_case("README.md"));
    !excluded
        && sources.iter().filter(|s| !s.starts_with('!')).any(|s| {
            if is_glob(s) {
                glob_of(s).is_ok_and(|g| g.compile_matcher().is_match(rel))
                    && (!readme || names_readme(s))
            } else {
                let source = Path::new(s.trim_end_matches('/'));
                rel == source || (rel.starts_with(source) && !readme)
            }
        })
}

fn is_glob(s: &str) -> bool {
    s.contains(['*', '?', '[', '{'])
}

fn has_sources(root: &Path, config: &Config) -> bool {
    config
        .proposals
        .iter()
        .any(|s| !s.starts_with('!') && (is_glob(s) || root.join(s).is_dir()))
}

fn is_markdown(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("md" | "markdown")
    )
}

/// Entries never searched, by name: hidden ones and build folders.
fn skipped_name(name: &str) -> bool {
    name.starts_with('.') || SKIP_DIRS.contains(&name)
}

/// Does this source load `README.md` files? Only a glob whose file part
/// names them (`keps/**/README.md`): elsewhere a README describes its
/// folder and is not a proposal.
fn names_readme(source: &str) -> bool {
    is_glob(source)
        && source
            .rsplit('/')
            .next()
            .is_some_and(|f| f.to_ascii_lowercase().contains("readme"))
}

/// Does some source of `proposals` load README.md files?
pub(crate) fn loads_readmes(sources: &[String]) -> bool {
    sources.iter().any(|s| names_readme(s))
}

/// A glob of wb.yaml, as git and the shells read one: `*` and `?` stop at
/// `/` (`text/*.md` is the files of `text/`, not of its subfolders), `**`
/// crosses folders.
pub(crate) fn glob_of(pattern: &str) -> std::result::Result<Glob, globset::Error> {
    GlobBuilder::new(pattern).literal_separator(true).build()
}

/// Finds the proposal files the configuration names, relative to the
/// current folder where possible, sorted by path. Also returns, apart, one
/// error per source that matched no proposal (at its line in wb.yaml).
fn find_files(loaded: &config::Loaded) -> (Vec<PathBuf>, Vec<Error>, Vec<Error>) {
    let root = &loaded.root;
    let config = &loaded.config;
    let mut found = Found::new(root, &root.join(&config.site.out));
    let mut unmatched = Vec::new();
    // `!glob` entries leave out what the other entries match.
    let mut exclude = GlobSetBuilder::new();
    for (i, source) in config.proposals.iter().enumerate() {
        let Some(glob) = source.strip_prefix('!') else {
            continue;
        };
        match glob_of(glob) {
            Ok(g) => {
                exclude.add(g);
            }
            Err(e) => found.errors.push(
                loaded
                    .source_at(i, format!("bad glob `{glob}` in `proposals`: {e}"))
                    .hint("an exclusion looks like `!keps/NNNN-kep-template/**`")
                    .into(),
            ),
        }
    }
    found.exclude = exclude.build().ok().filter(|s| !s.is_empty());
    for (i, source) in config.proposals.iter().enumerate() {
        if source.starts_with('!') {
            continue;
        }
        let before = found.files.len();
        if let Some(e) = outside_portfolio(loaded, i, source, &found.canonical_root) {
            unmatched.push(e);
            continue;
        }
        let skipped = if is_glob(source) {
            let glob = match glob_of(source) {
                Ok(g) => g,
                Err(e) => {
                    found.errors.push(
                        loaded
                            .source_at(i, format!("bad glob `{source}` in `proposals`: {e}"))
                            .hint("globs look like `docs/**/*.md`")
                            .into(),
                    );
                    continue;
                }
            };
            let mut set = GlobSetBuilder::new();
            set.add(glob);
            let base = root.join(fixed_part(source));
            found.walk_source(&base, set.build().ok().as_ref(), names_readme(source))
        } else {
            let base = root.join(source);
            // A status folder may be empty, or absent from a fresh clone
            // (git keeps no empty folders): no proposal has that status now.
            let status_folder = config.status_folders.contains_key(
                source
                    .trim_end_matches('/')
                    .rsplit('/')
                    .next()
                    .unwrap_or(""),
            );
            if !base.exists() && status_folder {
                continue;
            }
            if !base.exists() {
                unmatched.push(
                    loaded
                        .source_at(
                            i,
                            format!("no proposal matches `{source}`: there is no such folder"),
                        )
                        .hint(format!(
                            "`proposals` names folders or globs relative to the folder \
                             holding wb.yaml ({}); create the folder, or name the one \
                             holding your proposals",
                            shown_dir(root)
                        ))
                        .into(),
                );
                continue;
            }
            // A source that names one file is that proposal (a README.md
            // too: it is named, not found in passing), when it is Markdown
            // and not left out by a `!glob`.
            if !base.is_dir() {
                let rel = base.strip_prefix(root).unwrap_or(&base);
                let excluded = found.exclude.as_ref().is_some_and(|x| x.is_match(rel));
                if is_markdown(&base) && !excluded {
                    found.file(&base);
                    continue;
                }
                let why = if excluded {
                    "a `!glob` of `proposals` leaves it out"
                } else {
                    "it is a file, not a folder, and not Markdown (.md)"
                };
                unmatched.push(
                    loaded
                        .source_at(i, format!("no proposal matches `{source}`: {why}"))
                        .hint(
                            "`proposals` names folders of proposals, globs such as `docs/*.md`, \
                             or single Markdown files",
                        )
                        .into(),
                );
                continue;
            }
            let skipped = found.walk_source(&base, None, false);
            // An empty folder is a portfolio with no proposal yet, not a
            // mistake; a folder whose every file was skipped is.
            if skipped.is_empty() {
                continue;
            }
            skipped
        };
        if found.files.len() == before {
            unmatched.push(no_match(loaded, i, source, &skipped));
        }
    }
    let (files, errors) = found.finish();
    (files, errors, unmatched)
}

/// Layout settings of wb.yaml that apply to none of the proposals: a
/// sidecar no proposal has beside it (`kep.yml` where the files are
/// `kep.yaml`), a `kinds` glob that matches none. Each would be silently
/// ignored: every sidecar value dropped, every RFC judged as a PR/FAQ.
fn unused_layout(
    loaded: &config::Loaded,
    options: &ParseOptions,
    proposals: &[Proposal],
) -> Vec<Error> {
    // At the key, or at the mapping holding it when it is written inline
    // (`metadata: { file: kep.yml }`); the path as other errors show it.
    let at = |keys: &[&str], message: String| {
        let mut d = loaded.error_at(keys, message.clone());
        if d.pos.is_none() {
            d = loaded.error_at(&keys[..1], message);
        }
        d.path = display_path(&d.path);
        d
    };
    let mut out = Vec::new();
    if let Some(spec) = &options.layout.sidecar
        && proposals.iter().all(|p| p.sidecar.is_none())
        && !proposals
            .iter()
            .any(|p| p.path.parent().is_some_and(|d| d.join(&spec.file).exists()))
    {
        out.push(
            at(
                &["metadata", "file"],
                format!(
                    "no proposal has a `{}` beside it: wb read no sidecar",
                    spec.file
                ),
            )
            .hint(
                "`metadata.file` names the file that sits beside each proposal (e.g. \
                     `kep.yaml` next to a KEP's README.md); check the name against the files",
            )
            .into(),
        );
    }
    let paths: Vec<&Path> = proposals.iter().map(|p| p.path.as_path()).collect();
    for glob in loaded.config.kinds.unused(&paths) {
        out.push(
            at(
                &["kinds", glob],
                format!("the `kinds` glob `{glob}` matches no proposal"),
            )
            .hint(
                "the glob is matched against paths relative to the folder holding \
                     wb.yaml, e.g. `\"text/*.md\": rfc`; check it against the files",
            )
            .into(),
        );
    }
    out
}

/// The folders a source names before its first glob component
/// (`keps/*/README.md`: `keps`; a plain folder: all of it).
fn fixed_part(source: &str) -> String {
    let fixed: Vec<&str> = source.split('/').take_while(|c| !is_glob(c)).collect();
    fixed.join("/")
}

/// A source that names a place outside the portfolio (`/etc`, `../../`),
/// at its line in wb.yaml. A source that is a symbolic link is left to the
/// walk, which says so.
fn outside_portfolio(
    loaded: &config::Loaded,
    i: usize,
    source: &str,
    canonical_root: &Path,
) -> Option<Error> {
    let base = loaded.root.join(fixed_part(source));
    let is_link = std::fs::symlink_metadata(&base).is_ok_and(|m| m.file_type().is_symlink());
    let outside = Path::new(source).is_absolute()
        || (!is_link
            && base
                .canonicalize()
                .is_ok_and(|c| !c.starts_with(canonical_root)))
        || (!base.exists()
            && Path::new(source)
                .components()
                .any(|c| c == std::path::Component::ParentDir));
    outside.then(|| {
        loaded
            .source_at(
                i,
                format!("`{source}` is outside the portfolio; wb reads only files inside it"),
            )
            .hint(format!(
                "`proposals` names folders or globs inside the folder holding wb.yaml ({}); \
                 move wb.yaml up to a folder that holds the proposals, or name a folder inside",
                shown_dir(&loaded.root)
            ))
            .into()
    })
}

/// "no proposal matches `source`", at its line in wb.yaml, with what was
/// skipped and how to load it.
fn no_match(loaded: &config::Loaded, i: usize, source: &str, skipped: &Skipped) -> Error {
    let mut message = format!("no proposal matches `{source}`");
    if !skipped.is_empty() {
        message.push_str(&format!(": {}", skipped.describe()));
    }
    let hint = if skipped.readme > 0 {
        let dir = source
            .trim_end_matches('/')
            .split('/')
            .take_while(|c| !is_glob(c))
            .collect::<Vec<_>>()
            .join("/");
        let dir = if dir.is_empty() { "." } else { dir.as_str() };
        format!(
            "wb loads a folder's README.md only when a glob names it: \
             `proposals: [\"{dir}/**/README.md\"]`"
        )
    } else if is_glob(source) {
        format!(
            "the glob is matched against paths relative to the folder holding wb.yaml ({}), \
             e.g. `docs/**/*.md`; check it against the files",
            shown_dir(&loaded.root)
        )
    } else {
        "a proposal is a Markdown file (.md); put them in this folder, or name the folder \
         or glob that holds them"
            .to_string()
    };
    loaded.source_at(i, message).hint(hint).into()
}

/// Files a source matched but wb did not load, by reason.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Skipped {
    /// README.md files, when the source does not name them.
    pub readme: usize,
    /// Files that are not Markdown.
    pub not_markdown: usize,
}

impl Skipped {
    pub(crate) fn is_empty(&self) -> bool {
        self.readme == 0 && self.not_markdown == 0
    }

    /// "3 README.md files and 2 files that are not Markdown were skipped".
    pub(crate) fn describe(&self) -> String {
        let plural = |n: usize, one: &str, many: &str| {
            if n == 1 {
                format!("1 {one}")
            } else {
                format!("{n} {many}")
            }
        };
        let mut parts = Vec::new();
        if self.readme > 0 {
            parts.push(plural(self.readme, "README.md file", "README.md files"));
        }
        if self.not_markdown > 0 {
            parts.push(plural(
                self.not_markdown,
                "file that is not Markdown",
                "files that are not Markdown",
            ));
        }
        let verb = if self.readme + self.not_markdown == 1 {
            "was"
        } else {
            "were"
        };
        format!("{} {verb} skipped", parts.join(" and "))
    }
}

/// Proposal files found under one portfolio root, by the rules every
/// command shares (`wb list`, `wb build`, `wb check PATH...`): Markdown
/// files only; hidden entries, build folders and the site's output
/// skipped, and README.md unless a glob names it; a symbolic link followed
/// only when it leads to a file inside the root; a folder named like a
/// proposal reported.
pub(crate) struct Found {
    root: PathBuf,
    canonical_root: PathBuf,
    out_dir: PathBuf,
    /// Paths (relative to the root) left out: wb.yaml's `!glob` entries.
    exclude: Option<globset::GlobSet>,
    pub files: Vec<PathBuf>,
    pub errors: Vec<Error>,
}

impl Found {
    pub(crate) fn new(root: &Path, out_dir: &Path) -> Found {
        Found {
            root: root.to_path_buf(),
            canonical_root: root.canonicalize().unwrap_or_else(|_| root.to_path_buf()),
            out_dir: out_dir.to_path_buf(),
            exclude: None,
            files: Vec::new(),
            errors: Vec::new(),
        }
    }

    /// Adds the Markdown files under `base` (a folder), keeping those whose
    /// path relative to the root `matcher` accepts; README.md files only
    /// when `readme` is set. A missing base adds nothing. Returns what it
    /// matched but skipped.
    pub(crate) fn walk_source(
        &mut self,
        base: &Path,
        matcher: Option<&globset::GlobSet>,
        readme: bool,
    ) -> Skipped {
        let mut skipped = Skipped::default();
        if !base.exists() {
            return skipped;
        }
        // WalkDir follows its starting folder even when it is a link.
        if let Err(e) = crate::fs::ensure_inside(&self.root, base) {
            self.errors.push(e);
            return skipped;
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
            if entry.depth() == 0
                || matcher.is_some_and(|m| !m.is_match(rel))
                || self.exclude.as_ref().is_some_and(|x| x.is_match(rel))
            {
                continue;
            }
            if entry.file_type().is_dir() && !is_markdown(path) {
                continue;
            }
            if !is_markdown(path) {
                skipped.not_markdown += 1;
                continue;
            }
            if !readme && entry.file_name().eq_ignore_ascii_case("README.md") {
                skipped.readme += 1;
                continue;
            }
            self.add_entry(path, entry.file_type());
        }
        skipped
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

/// A folder as shown in a hint: relative to the current folder, `.` for itself.
fn shown_dir(dir: &Path) -> String {
    let shown = display_path(dir);
    if shown.as_os_str().is_empty() {
        ".".to_string()
    } else {
        shown.display().to_string()
    }
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
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
