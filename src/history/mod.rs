//! Git history: the only module that touches git2.
//!
//! A proposal's *iterations* are the commits that changed its content, oldest
//! first, followed back through renames (not copies); uncommitted changes are
//! a last pseudo-iteration, the *working copy*.

use chrono::{DateTime, FixedOffset};
use serde::Serialize;
use std::path::Path;

/// Someone who wrote or reviewed an iteration.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
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
#[derive(Debug, Clone, Serialize)]
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
    /// The proposal's path at this commit, relative to the repository top.
    pub path: String,
    /// The blob id of the document at this iteration (`None` for the working copy).
    pub blob: Option<String>,
    /// True for the uncommitted working copy.
    pub working: bool,
}

/// A commit that touched a proposal's declared `code:` paths.
#[derive(Debug, Clone, Serialize)]
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

/// `user.name <user.email>` from git config, as seen from `dir`.
pub fn identity(dir: &Path) -> Option<String> {
    let config = match git2::Repository::discover(dir) {
        Ok(repo) => repo.config().ok()?,
        Err(_) => git2::Config::open_default().ok()?,
    };
    let name = config.get_string("user.name").ok()?;
    match config.get_string("user.email") {
        Ok(email) => Some(format!("{name} <{email}>")),
        Err(_) => Some(name),
    }
}
