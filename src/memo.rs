//! Results already known: what `wb check` said of a proposal whose text,
//! history and configuration have not changed since the last run, kept in
//! the repository's git folder (`.git/wb/findings.json`). The review stage
//! asks it first; a miss means the rules run as usual.
//!
//! A key covers everything the findings depend on: the file as displayed
//! (findings carry its path), the text (its blob id), the iterations the git
//! rules read (their commits, first version and code commits), the
//! configuration and the wb binary. Nothing here is needed for correctness:
//! a cache that cannot be read or written is ignored.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use serde::{Deserialize, Serialize};

use crate::check::Finding;
use crate::config::Config;
use crate::history::History;
use crate::proposal::Proposal;
use crate::timeline::Decision;

/// Bump when findings or decisions change shape.
const FORMAT: u32 = 2;

/// The key of one proposal's current findings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key(u64, u64);

impl Key {
    pub fn text(self) -> String {
        format!("{:016x}{:016x}", self.0, self.1)
    }
}

/// What is known of one proposal as it is now.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Known {
    pub findings: Vec<Finding>,
    pub decision: Option<Decision>,
}

#[derive(Serialize, Deserialize, Default)]
struct File {
    binary: String,
    known: HashMap<String, Known>,
}

/// The findings known from earlier runs, and those learnt in this one.
pub struct Memo {
    path: Option<PathBuf>,
    binary: String,
    /// A fingerprint of the configuration, part of every key.
    config: u64,
    known: HashMap<String, Known>,
    learnt: Mutex<HashMap<String, Known>>,
}

impl Memo {
    /// The memo kept in `dir` (`None`: remember nothing).
    pub fn open(dir: Option<&Path>, config: &Config) -> Memo {
        let binary = binary_key();
        let path = dir.map(|d| d.join("findings.json"));
        let known = path
            .as_ref()
            .and_then(|p| std::fs::read(p).ok())
            .and_then(|b| serde_json::from_slice::<File>(&b).ok())
            .filter(|f| f.binary == binary)
            .map(|f| f.known)
            .unwrap_or_default();
        let mut h = std::collections::hash_map::DefaultHasher::new();
        format!("{config:?}").hash(&mut h);
        Memo {
            path,
            binary,
            config: h.finish(),
            known,
            learnt: Mutex::new(HashMap::new()),
        }
    }

    /// The key of `p`'s current findings given its history (`None`: not
    /// in a repository).
    pub fn key(&self, p: &Proposal, history: Option<&History>) -> Key {
        let mut a = std::collections::hash_map::DefaultHasher::new();
        let mut b = std::collections::hash_map::DefaultHasher::new();
        for h in [&mut a, &mut b] {
            FORMAT.hash(h);
            self.config.hash(h);
            p.path.hash(h);
            p.source.hash(h);
            // What the layout lays over the text (a sidecar, a status folder).
            (&p.title, &p.status, format!("{:?}", p.front)).hash(h);
            if let Some(history) = history {
                history.truncated.hash(h);
                for it in &history.iterations {
                    (&it.commit, &it.blob, &it.path).hash(h);
                }
                for c in &history.code_before {
                    c.commit.hash(h);
                }
            }
        }
        "second".hash(&mut b);
        Key(a.finish(), b.finish())
    }

    pub fn get(&self, key: Key) -> Option<Known> {
        let k = key.text();
        let found = self.known.get(&k).cloned()?;
        if let Ok(mut l) = self.learnt.lock() {
            l.insert(k, found.clone());
        }
        Some(found)
    }

    pub fn put(&self, key: Key, findings: &[Finding], decision: Option<&Decision>) {
        if self.path.is_none() {
            return;
        }
        if let Ok(mut l) = self.learnt.lock() {
            l.insert(
                key.text(),
                Known {
                    findings: findings.to_vec(),
                    decision: decision.cloned(),
                },
            );
        }
    }

    /// Writes what this run used and learnt (and nothing older), when it
    /// differs from what was read.
    pub fn save(&mut self) {
        let Some(path) = &self.path else {
            return;
        };
        let Ok(learnt) = self.learnt.get_mut() else {
            return;
        };
        if learnt.is_empty() || *learnt == self.known {
            return;
        }
        let file = File {
            binary: self.binary.clone(),
            known: std::mem::take(learnt),
        };
        let _ = write_atomically(path, &file);
    }
}

/// wb's version, size and modification time: a rebuilt wb may judge differently.
pub(crate) fn binary_key() -> String {
    let exe = std::env::current_exe()
        .ok()
        .and_then(|p| std::fs::metadata(p).ok())
        .map(|m| {
            let modified = m
                .modified()
                .ok()
                .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                .map_or(0, |d| d.as_nanos());
            format!("{}-{modified}", m.len())
        })
        .unwrap_or_default();
    format!("{} {exe}", env!("CARGO_PKG_VERSION"))
}

/// Writes `value` as JSON next to `path` and renames it into place.
pub(crate) fn write_atomically(path: &Path, value: &impl Serialize) -> std::io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
    serde_json::to_writer(std::io::BufWriter::new(tmp.as_file_mut()), value)?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}
