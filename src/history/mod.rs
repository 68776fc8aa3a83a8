//! Git history: the only module that touches git2.
//!
//! A proposal's *iterations* are the commits that changed its content (a
//! merge too, when its text differs from every parent's), oldest first in
//! the reverse of `git log`'s order, followed back through renames (not
//! copies) as git detects them; uncommitted changes are a last
//! pseudo-iteration, the *working copy*.

mod cache;
mod similarity;
mod walk;

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset, TimeZone};
use git2::{ObjectType, Oid, Repository};
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::portfolio::Portfolio;
use crate::proposal::{self, ParseOptions, Proposal};

pub use walk::parse_person;

/// Someone who wrote or reviewed an iteration.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Person {
    pub name: String,
    pub email: String,
}

impl std::fmt::Display for Person {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.email.is_empty() {
            f.write_str(&self.name)
        } else {
            write!(f, "{} <{}>", self.name, self.email)
        }
    }
}

/// One review iteration of a proposal.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Iteration {
    /// 1-based, oldest first; the working copy comes after the last commit.
    pub n: usize,
    /// Full commit id; `None` for the working copy.
    pub commit: Option<String>,
    /// Seven-character commit id, or `working`.
    pub short: String,
    pub author: Person,
    /// Author date (the working copy: the file's modification time).
    pub date: DateTime<FixedOffset>,
    pub subject: String,
    pub body: String,
    /// From `Reviewed-by:` trailers.
    pub reviewers: Vec<Person>,
    /// From `Approved-by:` and `Decided-by:` trailers: who took the
    /// decision this commit records (see `timeline::Decision`).
    pub deciders: Vec<Person>,
    /// The proposal's path at this commit, relative to the repository top.
    pub path: String,
    /// The blob id of the document at this iteration (`None` for the working copy).
    pub blob: Option<String>,
    /// The document as the commit's parent had it (`None` when the commit
    /// created it): what this iteration's changes are measured against.
    pub parent_blob: Option<String>,
    /// True for the uncommitted working copy.
    pub working: bool,
}

/// A commit that touched a proposal's declared `code:` paths.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct CodeCommit {
    pub commit: String,
    pub date: DateTime<FixedOffset>,
    pub subject: String,
    /// The first changed path under a declared code path.
    pub path: String,
}

/// Everything git knows about one proposal.
#[derive(Debug, Clone, Default, Serialize)]
pub struct History {
    pub iterations: Vec<Iteration>,
    /// The walk reached the edge of a shallow clone with the proposal still
    /// present: older iterations exist but are not here.
    pub truncated: bool,
    /// Commits before the first iteration that touched the proposal's
    /// `code:` paths, newest first (for `writing-pr-after-building`).
    pub code_before: Vec<CodeCommit>,
}

impl History {
    /// Committed iterations only (the working copy left out).
    pub fn committed(&self) -> impl Iterator<Item = &Iteration> {
        self.iterations.iter().filter(|i| !i.working)
    }

    pub fn first(&self) -> Option<&Iteration> {
        self.committed().next()
    }
}

/// What wb found when it looked for the portfolio's repository.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "state")]
pub enum RepoState {
    /// The portfolio is not inside a git repository: no history at all.
    NoRepository,
    /// A repository with no commits yet: every proposal is a working copy.
    NoCommits,
    Ready {
        /// A shallow clone: histories may stop early.
        shallow: bool,
        /// HEAD points at a commit, not a branch.
        detached: bool,
    },
}

impl RepoState {
    /// A line for the user when history is missing or partial.
    pub fn note(&self) -> Option<&'static str> {
        match self {
            RepoState::NoRepository => {
                Some("not in a git repository: no history (run `git init` and commit to start one)")
            }
            RepoState::NoCommits => {
                Some("the repository has no commits yet: proposals show only their working copy")
            }
            RepoState::Ready { shallow: true, .. } => {
                Some("shallow clone: older iterations are missing (run `git fetch --unshallow`)")
            }
            RepoState::Ready { .. } => None,
        }
    }
}

/// Every proposal's history, computed in one walk of the commit graph.
pub struct PortfolioHistory {
    pub state: RepoState,
    /// Histories keyed by the proposal's file (slugs can repeat when files
    /// from several folders are checked together).
    histories: HashMap<PathBuf, History>,
    git: Option<Git>,
}

impl PortfolioHistory {
    /// Walks the repository holding `portfolio` once for all its proposals.
    pub fn load(portfolio: &Portfolio) -> Result<PortfolioHistory> {
        let refs: Vec<&Proposal> = portfolio.proposals.iter().collect();
        PortfolioHistory::for_proposals(&portfolio.root, &refs)
    }

    /// Walks the repository holding `root` for these proposals only.
    pub fn for_proposals(root: &Path, proposals: &[&Proposal]) -> Result<PortfolioHistory> {
        let Some(git) = Git::discover(root)? else {
            return Ok(PortfolioHistory {
                state: RepoState::NoRepository,
                histories: HashMap::new(),
                git: None,
            });
        };
        let list = git.histories(proposals)?;
        let histories = proposals
            .iter()
            .zip(list)
            .map(|(p, h)| (key(&p.path), h))
            .collect();
        Ok(PortfolioHistory {
            state: git.state(),
            histories,
            git: Some(git),
        })
    }

    /// Where wb keeps what it learnt about this repository between runs
    /// (`.git/wb/`), or `None` outside a repository or with `WB_NO_CACHE`.
    pub fn cache_dir(&self) -> Option<PathBuf> {
        let git = self.git.as_ref()?;
        caching().then(|| git.repo.path().join("wb"))
    }

    /// The history of `p`; `None` outside a repository.
    pub fn of(&self, p: &Proposal) -> Option<&History> {
        self.histories.get(&key(&p.path))
    }

    /// The history of the proposal with this slug (the first, if several).
    pub fn get(&self, slug: &str) -> Option<&History> {
        self.histories
            .iter()
            .find(|(path, _)| proposal::slug_of(path) == slug)
            .map(|(_, h)| h)
    }

    /// The first committed version of `p`, parsed (for the rules that ask
    /// what the proposal said when it was first written down).
    pub fn first_version(&self, p: &Proposal, options: &ParseOptions) -> Option<Proposal> {
        let first = self.of(p)?.first()?;
        self.version(p, first, options).ok()
    }

    /// The proposal as it read at iteration `it` (the working copy: as on disk).
    pub fn version(
        &self,
        p: &Proposal,
        it: &Iteration,
        options: &ParseOptions,
    ) -> Result<Proposal> {
        let text = self.text(p, it)?;
        proposal::parse(&p.path, text, options)
    }

    /// The document's text at iteration `it`, BOM and CRLF normalised.
    pub fn text(&self, p: &Proposal, it: &Iteration) -> Result<String> {
        match &it.blob {
            Some(blob) => self.blob_text(p, it, blob),
            None => Ok(p.source.clone()),
        }
    }

    /// The text of one stored version of `p` (named in errors after `it`).
    pub fn blob_text(&self, p: &Proposal, it: &Iteration, blob: &str) -> Result<String> {
        match &self.git {
            Some(git) => {
                let bytes = git.blob(blob)?;
                let label = PathBuf::from(format!("{}@{}", it.path, it.short));
                proposal::normalise_text(&label, bytes)
            }
            None => Ok(p.source.clone()),
        }
    }
}

/// Caches are kept unless `WB_NO_CACHE` is set (for measuring cold runs).
fn caching() -> bool {
    std::env::var_os("WB_NO_CACHE").is_none()
}

/// Bounds what libgit2 keeps in memory, once per process: by default it
/// maps whole pack files (a walk touches most of the pack, which then
/// counts as resident) and caches up to 256 MB of parsed objects. A walk
/// reads each commit once and keeps the folder trees it needs itself
/// (`walk::Trees`), so a few windows and a small cache cost it little.
fn limit_memory() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        // SAFETY: libgit2's global settings are set before any repository
        // exists: every place wb opens one calls this first, and a caller
        // on another thread waits until the settings are made.
        unsafe {
            let _ = git2::opts::set_mwindow_size(4 << 20);
            let _ = git2::opts::set_mwindow_mapped_limit(16 << 20);
            let _ = git2::opts::set_cache_max_size(8 << 20);
        }
    });
}

/// An open repository.
pub struct Git {
    repo: Repository,
    workdir: PathBuf,
}

impl Git {
    /// The repository holding `root`, found upwards as git does.
    pub fn discover(root: &Path) -> Result<Option<Git>> {
        // wb only reads; re-hashing every object it inflates (libgit2's
        // default) was a third of a history walk's time. git itself does
        // not verify on read either.
        git2::opts::strict_hash_verification(false);
        limit_memory();
        match Repository::discover(root) {
            Ok(repo) => {
                let Some(workdir) = repo.workdir().map(Path::to_path_buf) else {
                    return Ok(None);
                };
                let workdir = workdir.canonicalize().unwrap_or(workdir);
                Ok(Some(Git { repo, workdir }))
            }
            Err(e) if e.code() == git2::ErrorCode::NotFound => Ok(None),
            Err(e) => Err(git_error(e)),
        }
    }

    pub fn state(&self) -> RepoState {
        match self.repo.head() {
            Ok(_) => RepoState::Ready {
                shallow: self.repo.is_shallow(),
                detached: self.repo.head_detached().unwrap_or(false),
            },
            Err(_) => RepoState::NoCommits,
        }
    }

    /// The path of `file` relative to the repository top, `/`-separated.
    fn relative(&self, file: &Path) -> Option<String> {
        let abs = file.canonicalize().ok()?;
        let rel = abs.strip_prefix(&self.workdir).ok()?;
        Some(rel.to_string_lossy().replace('\\', "/"))
    }

    /// The histories of `proposals`, in the same order, from one walk.
    pub fn histories(&self, proposals: &[&Proposal]) -> Result<Vec<History>> {
        let targets: Vec<walk::Target> = proposals
            .iter()
            .map(|p| walk::Target {
                path: self.relative(&p.path).unwrap_or_default(),
                code: p
                    .front
                    .code
                    .iter()
                    .filter_map(|c| clean_code_path(c))
                    .collect(),
            })
            .collect();
        let head = match self.repo.head() {
            Ok(h) => Some(h.peel_to_commit().map_err(git_error)?.id()),
            Err(_) => None,
        };
        let (found, code_log) = match head {
            Some(head) => self.walk(head, &targets)?,
            None => (
                targets.iter().map(|_| walk::Found::default()).collect(),
                HashMap::new(),
            ),
        };
        let head_tree = match head {
            Some(h) => Some(
                self.repo
                    .find_commit(h)
                    .and_then(|c| c.tree())
                    .map_err(git_error)?,
            ),
            None => None,
        };
        let mut out = Vec::with_capacity(proposals.len());
        for ((p, t), f) in proposals.iter().zip(&targets).zip(found) {
            let mut iterations = f.iterations;
            iterations.reverse();
            let committed = head_tree.as_ref().and_then(|tree| {
                tree.get_path(Path::new(&t.path))
                    .ok()
                    .map(|e| e.id().to_string())
            });
            if let Some(w) = self.working_copy(p, t, committed)? {
                iterations.push(w);
            }
            for (i, it) in iterations.iter_mut().enumerate() {
                it.n = i + 1;
            }
            let first_time = iterations
                .iter()
                .find(|i| !i.working)
                .map(|i| i.date.timestamp());
            let mut code_before: Vec<CodeCommit> = t
                .code
                .iter()
                .filter_map(|c| code_log.get(c))
                .flatten()
                .filter(|(_, time)| first_time.is_none_or(|f| *time < f))
                .map(|(c, _)| c.clone())
                .collect();
            code_before.sort_by_key(|c| std::cmp::Reverse(c.date));
            code_before.dedup_by(|a, b| a.commit == b.commit);
            out.push(History {
                iterations,
                truncated: f.truncated,
                code_before,
            });
        }
        Ok(out)
    }

    /// The walk for `targets` from `head`, or what an earlier run found at
    /// the same HEAD (see `cache`).
    fn walk(
        &self,
        head: Oid,
        targets: &[walk::Target],
    ) -> Result<(Vec<walk::Found>, walk::CodeLog)> {
        let boundary = self.shallow_boundary();
        let mut shallow: Vec<String> = boundary.iter().map(Oid::to_string).collect();
        shallow.sort();
        let mut cache = cache::Cache::open(self.repo.path(), &head.to_string(), &shallow);
        let paths: Vec<&str> = targets.iter().map(|t| t.path.as_str()).collect();
        let mut code: Vec<&str> = targets
            .iter()
            .flat_map(|t| t.code.iter().map(String::as_str))
            .collect();
        code.sort_unstable();
        code.dedup();
        if let Some(hit) = cache.get(&paths, &code) {
            return Ok(hit);
        }
        // HEAD moved on from the one the cache is for: walk only the new
        // commits, when that gives what a full walk would.
        if let Some(base) = cache.previous_head() {
            let extended = walk::extend(
                &self.repo,
                head,
                base,
                targets,
                &|p| cache.previous(p),
                &|c| cache.previous_code(c),
            )
            .map_err(git_error)?;
            if let Some((found, log)) = extended {
                cache.put(&paths, &found, &log, &code);
                return Ok((found, log));
            }
        }
        let (found, log) = walk::walk(&self.repo, head, targets, &boundary).map_err(git_error)?;
        cache.put(&paths, &found, &log, &code);
        Ok((found, log))
    }

    /// The uncommitted working copy, if the file differs from the last iteration.
    fn working_copy(
        &self,
        p: &Proposal,
        t: &walk::Target,
        committed: Option<String>,
    ) -> Result<Option<Iteration>> {
        let on_disk = Oid::hash_file(ObjectType::Blob, &p.path).map_err(git_error)?;
        if committed.as_deref() == Some(on_disk.to_string().as_str()) {
            return Ok(None);
        }
        // Line-ending conversion (core.autocrlf, `eol=crlf`) makes the file on
        // disk differ byte for byte from the committed blob without anyone
        // having changed it: compare the texts as wb reads them.
        if let Some(blob) = committed.as_deref() {
            let same = self
                .blob(blob)
                .ok()
                .and_then(|bytes| proposal::normalise_text(&p.path, bytes).ok())
                .is_some_and(|text| text == p.source);
            if same {
                return Ok(None);
            }
        }
        let modified = std::fs::metadata(&p.path)
            .and_then(|m| m.modified())
            .map(chrono::DateTime::<chrono::Local>::from)
            .unwrap_or_else(|_| chrono::Local::now());
        let who = identity(&self.workdir)
            .map(|s| parse_person(&s))
            .unwrap_or(Person {
                name: "you".into(),
                email: String::new(),
            });
        Ok(Some(Iteration {
            n: 0,
            commit: None,
            short: "working".into(),
            author: who,
            date: modified.fixed_offset(),
            subject: "Working copy (not committed)".into(),
            body: String::new(),
            reviewers: Vec::new(),
            deciders: Vec::new(),
            path: t.path.clone(),
            blob: None,
            parent_blob: committed,
            working: true,
        }))
    }

    fn shallow_boundary(&self) -> HashSet<Oid> {
        if !self.repo.is_shallow() {
            return HashSet::new();
        }
        std::fs::read_to_string(self.repo.path().join("shallow"))
            .unwrap_or_default()
            .lines()
            .filter_map(|l| Oid::from_str(l.trim()).ok())
            .collect()
    }

    fn blob(&self, id: &str) -> Result<Vec<u8>> {
        let oid = Oid::from_str(id).map_err(git_error)?;
        let blob = self.repo.find_blob(oid).map_err(git_error)?;
        Ok(blob.content().to_vec())
    }
}

/// `code:` entries are paths relative to the repository top; anything that
/// tries to leave it is ignored.
fn clean_code_path(c: &str) -> Option<String> {
    let c = c.trim().trim_start_matches("./").trim_end_matches('/');
    if c.is_empty() || c.starts_with('/') || c.split('/').any(|part| part == "..") {
        return None;
    }
    Some(c.to_string())
}

/// git2's error as plain data: message, class and code kept, and a hint
/// for the failures a user can do something about.
fn git_error(e: git2::Error) -> Error {
    use git2::{ErrorClass, ErrorCode};
    let hint = match (e.class(), e.code()) {
        (_, ErrorCode::Locked) => {
            Some("another git command holds a lock; wait for it, or remove a stale `.lock` file")
        }
        (ErrorClass::Odb | ErrorClass::Object | ErrorClass::Zlib, _) => Some(
            "the repository is missing or has damaged objects (a partial or broken clone); `git fsck` tells which",
        ),
        (ErrorClass::Index, _) => {
            Some("git's index is damaged; `git status` shows it, `git reset` rebuilds it")
        }
        (_, ErrorCode::Owner) => Some(
            "the repository belongs to another user; mark it safe with `git config --global --add safe.directory PATH`",
        ),
        _ => None,
    };
    Error::Git(Box::new(crate::error::GitFailure {
        message: e.message().to_string(),
        class: format!("{:?}", e.class()),
        code: format!("{:?}", e.code()),
        hint: hint.map(str::to_string),
    }))
}

pub(crate) fn to_datetime(t: git2::Time) -> DateTime<FixedOffset> {
    let offset = FixedOffset::east_opt(t.offset_minutes() * 60)
        .unwrap_or_else(|| FixedOffset::east_opt(0).expect("zero offset is valid"));
    offset
        .timestamp_opt(t.seconds(), 0)
        .single()
        .unwrap_or_else(|| offset.timestamp_opt(0, 0).single().expect("epoch is valid"))
}

fn key(path: &Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf())
}

/// The `.git` folder of the repository holding `root`, for watching HEAD.
pub fn git_dir(root: &Path) -> Option<PathBuf> {
    limit_memory();
    Repository::discover(root)
        .ok()
        .map(|r| r.path().to_path_buf())
}

/// The git configuration as git reads it: the system file unless
/// `GIT_CONFIG_NOSYSTEM`, the global one (or the file `GIT_CONFIG_GLOBAL`
/// names instead: libgit2 does not read these variables), the repository's.
fn git_config(repo: Option<&git2::Repository>) -> Option<git2::Config> {
    use git2::{Config, ConfigLevel};
    let global = std::env::var_os("GIT_CONFIG_GLOBAL");
    let nosystem = std::env::var_os("GIT_CONFIG_NOSYSTEM")
        .is_some_and(|v| !v.is_empty() && v != "0" && v != "false");
    if global.is_none() && !nosystem {
        return match repo {
            Some(r) => r.config().ok(),
            None => Config::open_default().ok(),
        };
    }
    let mut config = Config::new().ok()?;
    let mut add = |path: &Path, level: ConfigLevel| {
        if path.is_file() {
            let _ = config.add_file(path, level, false);
        }
    };
    if !nosystem && let Ok(p) = Config::find_system() {
        add(&p, ConfigLevel::System);
    }
    match &global {
        Some(g) => add(Path::new(g), ConfigLevel::Global),
        None => {
            if let Ok(p) = Config::find_xdg() {
                add(&p, ConfigLevel::XDG);
            }
            if let Ok(p) = Config::find_global() {
                add(&p, ConfigLevel::Global);
            }
        }
    }
    if let Some(r) = repo {
        add(&r.path().join("config"), ConfigLevel::Local);
    }
    Some(config)
}

/// `user.name <user.email>` from git config, as seen from `dir`.
pub fn identity(dir: &Path) -> Option<String> {
    limit_memory();
    let config = git_config(git2::Repository::discover(dir).ok().as_ref())?;
    let name = config.get_string("user.name").ok()?;
    match config.get_string("user.email") {
        Ok(email) => Some(format!("{name} <{email}>")),
        Err(_) => Some(name),
    }
}
