//! The walk's results, kept between runs in the repository's git folder
//! (`.git/wb/walk.json`): the history of a path at a given HEAD never
//! changes, so a second `wb list`, `wb check`, `wb history` or `wb build` at
//! the same HEAD reads the histories instead of walking the commit graph.
//!
//! The key is HEAD, the shallow boundary and the wb binary itself (its
//! version, size and modification time: a rebuilt wb may walk differently).
//! A cache that cannot be read or written is ignored: it only saves time.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::walk::{CodeLog, Found};
use super::{CodeCommit, Iteration};

/// Bump when what the walk produces changes shape or meaning.
const FORMAT: u32 = 2;

#[derive(Serialize, Deserialize, Default)]
struct File {
    key: String,
    /// The HEAD the histories are at.
    #[serde(default)]
    head: String,
    /// Path relative to the repository top -> what the walk found for it.
    paths: HashMap<String, Entry>,
    /// Declared code path -> the commits that touched it, newest first.
    code: HashMap<String, Vec<(CodeCommit, i64)>>,
}

#[derive(Serialize, Deserialize, Clone)]
struct Entry {
    iterations: Vec<Iteration>,
    truncated: bool,
}

pub(super) struct Cache {
    path: Option<PathBuf>,
    key: String,
    head: String,
    file: File,
    /// What the cache holds for another HEAD (same wb, same shallow
    /// boundary), which a walk to this HEAD may extend.
    previous: Option<File>,
}

impl Cache {
    /// The cache for `head` in the repository whose git folder is `git_dir`.
    pub(super) fn open(git_dir: &Path, head: &str, shallow: &[String]) -> Cache {
        let key = key(head, shallow);
        if !super::caching() {
            return Cache {
                path: None,
                key,
                head: head.to_string(),
                file: File::default(),
                previous: None,
            };
        }
        let path = git_dir.join("wb").join("walk.json");
        let read = std::fs::read(&path)
            .ok()
            .and_then(|bytes| serde_json::from_slice::<File>(&bytes).ok());
        let (file, previous) = match read {
            Some(f) if f.key == key => (f, None),
            Some(f)
                if !f.head.is_empty() && f.head != head && f.key == self::key(&f.head, shallow) =>
            {
                (File::default(), Some(f))
            }
            _ => (File::default(), None),
        };
        Cache {
            path: Some(path),
            key,
            head: head.to_string(),
            file,
            previous,
        }
    }

    /// The HEAD of the histories kept for another HEAD.
    pub(super) fn previous_head(&self) -> Option<git2::Oid> {
        git2::Oid::from_str(&self.previous.as_ref()?.head).ok()
    }

    /// What the walk found for `path` at [`Cache::previous_head`].
    pub(super) fn previous(&self, path: &str) -> Option<Found> {
        self.previous.as_ref()?.paths.get(path).map(|e| Found {
            iterations: e.iterations.clone(),
            truncated: e.truncated,
        })
    }

    /// The commits that touched `code` up to [`Cache::previous_head`].
    pub(super) fn previous_code(&self, code: &str) -> Option<Vec<(CodeCommit, i64)>> {
        self.previous.as_ref()?.code.get(code).cloned()
    }

    /// What the walk found for every path and code path, if all are known.
    pub(super) fn get(&self, paths: &[&str], code: &[&str]) -> Option<(Vec<Found>, CodeLog)> {
        let found = paths
            .iter()
            .map(|p| {
                self.file.paths.get(*p).map(|e| Found {
                    iterations: e.iterations.clone(),
                    truncated: e.truncated,
                })
            })
            .collect::<Option<Vec<_>>>()?;
        let mut log = CodeLog::new();
        for c in code {
            log.insert(c.to_string(), self.file.code.get(*c)?.clone());
        }
        Some((found, log))
    }

    /// Records a walk's results (added to what is known for this HEAD).
    pub(super) fn put(
        &mut self,
        paths: &[&str],
        found: &[Found],
        code: &CodeLog,
        code_paths: &[&str],
    ) {
        let Some(path) = &self.path else {
            return;
        };
        for (p, f) in paths.iter().zip(found) {
            self.file.paths.insert(
                p.to_string(),
                Entry {
                    iterations: f.iterations.clone(),
                    truncated: f.truncated,
                },
            );
        }
        for c in code_paths {
            let commits = code.get(*c).cloned().unwrap_or_default();
            self.file.code.insert(c.to_string(), commits);
        }
        self.file.key = self.key.clone();
        self.file.head = self.head.clone();
        let _ = crate::memo::write_atomically(path, &self.file);
    }
}

fn key(head: &str, shallow: &[String]) -> String {
    format!(
        "{FORMAT} {} {head} {}",
        crate::memo::binary_key(),
        shallow.join(",")
    )
}
