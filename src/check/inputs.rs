//! What `wb check` reads: the whole portfolio, or the slugs, files and
//! folders named on the command line. Each file is parsed with the
//! configuration of the portfolio it lives in (the nearest `wb.yaml` above
//! it), or with the defaults when it lives in none.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::config::{self, Severity};
use crate::error::{Error, Result};
use crate::portfolio::{self, Found, Portfolio};
use crate::proposal::{self, ParseOptions, Proposal};

/// One proposal to check and the configuration it is checked with.
pub struct Target {
    pub proposal: Proposal,
    pub config: Arc<config::Loaded>,
}

pub struct Selection {
    pub targets: Vec<Target>,
    /// Files that could not be read or parsed, and names that matched nothing.
    pub errors: Vec<Error>,
    /// `check.deny` of the portfolio wb runs in (the default outside one).
    pub deny: Severity,
}

/// Resolves `args` (slugs, Markdown files, folders) from `cwd`; no
/// arguments means every proposal of the portfolio at `cwd`. Files are
/// found by the portfolio's own rules ([`Found`]).
pub fn select(cwd: &Path, args: &[String]) -> Result<Selection> {
    let here = config::discover(cwd)?;
    let deny = here.config.check.deny;
    if args.is_empty() {
        let portfolio = Portfolio::from_config(here)?;
        let config = Arc::new(portfolio.config.clone());
        let targets = portfolio
            .proposals
            .into_iter()
            .map(|proposal| Target {
                proposal,
                config: Arc::clone(&config),
            })
            .collect();
        return Ok(Selection {
            targets,
            errors: portfolio.errors,
            deny,
        });
    }
    let mut s = Selector {
        here: Some(here),
        portfolio: None,
        configs: HashMap::new(),
        seen: HashSet::new(),
        targets: Vec::new(),
        errors: Vec::new(),
    };
    for arg in args {
        s.add(cwd, arg)?;
    }
    Ok(Selection {
        targets: s.targets,
        errors: s.errors,
        deny,
    })
}

impl Selection {
    /// Keeps only the files their portfolio lists as proposals (what `wb
    /// list` shows, broken ones included) and drops the rest without a
    /// word: for pre-commit hooks and editors, which pass every Markdown
    /// file (a README, a changelog) and not only proposals.
    pub fn only_proposals(&mut self) {
        let mut listed: HashMap<PathBuf, HashSet<PathBuf>> = HashMap::new();
        let mut keep = |path: &Path| {
            let abs = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
            let dir = abs.parent().unwrap_or(Path::new("/"));
            match config::discover(dir) {
                Ok(loaded) => listed
                    .entry(loaded.root.clone())
                    .or_insert_with(|| listed_files(&loaded))
                    .contains(&abs),
                Err(_) => false,
            }
        };
        self.targets.retain(|t| keep(&t.proposal.path));
        self.errors.retain(|e| match (e.kind(), e.path()) {
            (crate::error::Kind::Input, Some(path)) => keep(path),
            _ => true,
        });
    }
}

/// The files (absolute paths) the portfolio `loaded` lists as proposals,
/// those that do not parse included; none when there is no portfolio
/// (no wb.yaml and no `proposals/` folder).
pub fn listed_files(loaded: &config::Loaded) -> HashSet<PathBuf> {
    let Ok(portfolio) = Portfolio::from_config(loaded.clone()) else {
        return HashSet::new();
    };
    let abs = |p: &Path| std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
    let broken = portfolio.errors.iter().filter_map(|e| match e {
        Error::Input(d) => Some(abs(&d.path)),
        _ => None,
    });
    portfolio
        .proposals
        .iter()
        .map(|p| abs(&p.path))
        .chain(broken)
        .collect()
}

struct Selector {
    /// The configuration at the current folder, until a slug needs the portfolio.
    here: Option<config::Loaded>,
    portfolio: Option<Result<Portfolio>>,
    /// Configurations by the folder they were discovered from.
    configs: HashMap<PathBuf, (Arc<config::Loaded>, ParseOptions)>,
    seen: HashSet<PathBuf>,
    targets: Vec<Target>,
    errors: Vec<Error>,
}

impl Selector {
    fn add(&mut self, cwd: &Path, arg: &str) -> Result<()> {
        // `wb check ''` (an unset shell variable) is not "everything".
        if arg.trim().is_empty() {
            self.errors.push(Error::usage_hint(
                "an empty name names no proposal",
                "give a slug, a file or a folder; with no argument `wb check` checks the portfolio",
            ));
            return Ok(());
        }
        let path = cwd.join(arg);
        let is_link = path
            .symlink_metadata()
            .is_ok_and(|m| m.file_type().is_symlink());
        if path.is_dir() && !is_link {
            let loaded = config::discover(&path)?;
            let mut found = Found::new(&loaded.root, &loaded.root.join(&loaded.config.site.out));
            // A folder's README.md is a proposal where wb.yaml's globs say
            // so (`keps/*/README.md`), and only there.
            let sources = &loaded.config.proposals;
            found.walk_source(&path, None, crate::portfolio::loads_readmes(sources));
            let (mut files, errors) = found.finish();
            files.retain(|f| {
                let abs = std::path::absolute(f).unwrap_or_else(|_| f.clone());
                let rel = abs.strip_prefix(&loaded.root).unwrap_or(&abs);
                f.file_name()
                    .is_some_and(|n| !n.eq_ignore_ascii_case("README.md"))
                    || crate::portfolio::names_file(sources, rel)
            });
            if files.is_empty() && errors.is_empty() {
                self.errors.push(Error::usage_hint(
                    format!("no Markdown files in {arg}"),
                    "name a folder holding .md files, a file, or a proposal's slug",
                ));
            }
            self.errors.extend(errors);
            for f in files {
                self.add_file(&f)?;
            }
            return Ok(());
        }
        if path.is_file() || is_link {
            let dir = std::path::absolute(&path)
                .map_err(|e| Error::io(&path, e))?
                .parent()
                .map(Path::to_path_buf)
                .unwrap_or_else(|| cwd.to_path_buf());
            let loaded = config::discover(&dir)?;
            let mut found = Found::new(&loaded.root, &loaded.root.join(&loaded.config.site.out));
            found.file(&path);
            let (files, errors) = found.finish();
            self.errors.extend(errors);
            for f in files {
                self.add_file(&f)?;
            }
            return Ok(());
        }
        if arg.contains(['/', '\\']) || arg.ends_with(".md") || arg.ends_with(".markdown") {
            self.errors.push(
                crate::error::Diagnostic::new(portfolio::display_path(&path), "no such file")
                    .hint("check the path (relative to the current folder, or to -C DIR); `wb list` shows every proposal")
                    .into(),
            );
            return Ok(());
        }
        self.add_slug(arg);
        Ok(())
    }

    fn add_file(&mut self, path: &Path) -> Result<()> {
        let abs = std::path::absolute(path).map_err(|e| Error::io(path, e))?;
        if !self.seen.insert(abs.clone()) {
            return Ok(());
        }
        let dir = abs.parent().unwrap_or(Path::new("/")).to_path_buf();
        if !self.configs.contains_key(&dir) {
            let loaded = config::discover(&dir)?;
            let options = loaded.config.parse_options();
            self.configs
                .insert(dir.clone(), (Arc::new(loaded), options));
        }
        let (config, options) = &self.configs[&dir];
        match proposal::load(&portfolio::display_path(&abs), options) {
            Ok(mut proposal) => {
                // A sidecar's problems are reported; the proposal stays.
                self.errors
                    .extend(proposal.problems.drain(..).map(Error::from));
                self.targets.push(Target {
                    proposal,
                    config: Arc::clone(config),
                })
            }
            Err(e) => self.errors.push(e),
        }
        Ok(())
    }

    fn add_slug(&mut self, slug: &str) {
        if self.portfolio.is_none() {
            let here = self.here.take().expect("the portfolio is opened once");
            self.portfolio = Some(Portfolio::from_config(here));
        }
        let portfolio = match self.portfolio.as_ref().expect("opened above") {
            Ok(p) => p,
            Err(e) => {
                self.errors.push(Error::usage_hint(
                    format!("no file `{slug}`, and no portfolio to find a proposal `{slug}` in"),
                    e.hint()
                        .unwrap_or("run wb inside a portfolio, or name Markdown files"),
                ));
                return;
            }
        };
        match portfolio.find(slug) {
            Ok(p) => {
                let abs = std::path::absolute(&p.path).unwrap_or_else(|_| p.path.clone());
                if self.seen.insert(abs) {
                    self.targets.push(Target {
                        proposal: p.clone(),
                        config: Arc::new(portfolio.config.clone()),
                    });
                }
            }
            Err(e) => self.errors.push(e),
        }
    }
}
