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
    /// The proposal (its path) each key was made for, so that a run that
    /// looks at some proposals keeps what is known of the others.
    #[serde(default)]
    owners: HashMap<String, PathBuf>,
}

/// The findings known from earlier runs, and those learnt in this one.
pub struct Memo {
    path: Option<PathBuf>,
    binary: String,
    /// A fingerprint of the configuration, part of every key.
    config: u64,
    known: HashMap<String, Known>,
    owners: HashMap<String, PathBuf>,
    learnt: Mutex<HashMap<String, Known>>,
    /// The proposals this run made keys for, and the key each got.
    looked_at: Mutex<HashMap<PathBuf, String>>,
}

impl Memo {
    /// The memo kept in `dir` (`None`: remember nothing).
    pub fn open(dir: Option<&Path>, config: &Config) -> Memo {
        let binary = binary_key();
        let path = dir.map(|d| d.join("findings.json"));
        let file = path
            .as_ref()
            .and_then(|p| std::fs::read(p).ok())
            .and_then(|b| serde_json::from_slice::<File>(&b).ok())
            .filter(|f| f.binary == binary)
            .unwrap_or_default();
        let mut h = std::collections::hash_map::DefaultHasher::new();
        format!("{config:?}").hash(&mut h);
        Memo {
            path,
            binary,
            config: h.finish(),
            known: file.known,
            owners: file.owners,
            learnt: Mutex::new(HashMap::new()),
            looked_at: Mutex::new(HashMap::new()),
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
        let key = Key(a.finish(), b.finish());
        if let Ok(mut l) = self.looked_at.lock() {
            l.insert(p.path.clone(), key.text());
        }
        key
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

    /// Writes what this run used and learnt, and what is known of the
    /// proposals it did not look at (`wb check one.md` forgets nothing of
    /// the others), when it differs from what was read. Older results of a
    /// proposal it looked at are dropped: the memo holds one per proposal.
    pub fn save(&mut self) {
        let Some(path) = &self.path else {
            return;
        };
        let (Ok(learnt), Ok(looked_at)) = (self.learnt.get_mut(), self.looked_at.get_mut()) else {
            return;
        };
        let mut known = std::mem::take(learnt);
        let mut owners: HashMap<String, PathBuf> = looked_at
            .iter()
            .filter(|(_, key)| known.contains_key(*key))
            .map(|(p, key)| (key.clone(), p.clone()))
            .collect();
        for (key, owner) in &self.owners {
            if !looked_at.contains_key(owner)
                && !known.contains_key(key)
                && let Some(k) = self.known.get(key)
            {
                known.insert(key.clone(), k.clone());
                owners.insert(key.clone(), owner.clone());
            }
        }
        if known.is_empty() || (known == self.known && owners == self.owners) {
            return;
        }
        let file = File {
            binary: self.binary.clone(),
            known,
            owners,
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::proposal::{ParseOptions, parse};

    fn proposal(path: &str, text: &str) -> Proposal {
        parse(Path::new(path), text.to_string(), &ParseOptions::default()).unwrap()
    }

    #[test]
    fn a_run_over_some_proposals_keeps_what_is_known_of_the_others() {
        let dir = tempfile::tempdir().unwrap();
        let config = Config::default();
        let a = proposal("proposals/a.md", "# A\n\nText.\n");
        let b = proposal("proposals/b.md", "# B\n\nText.\n");
        let mut memo = Memo::open(Some(dir.path()), &config);
        for p in [&a, &b] {
            memo.put(memo.key(p, None), &[], None);
        }
        memo.save();
        // `wb check a.md`: only a is looked at.
        let mut memo = Memo::open(Some(dir.path()), &config);
        assert!(memo.get(memo.key(&a, None)).is_some());
        memo.save();
        let memo = Memo::open(Some(dir.path()), &config);
        assert!(memo.get(memo.key(&b, None)).is_some(), "b was forgotten");
        // a changed: its old result goes, the new one stays, b stays.
        let old = memo.key(&a, None);
        let changed = proposal("proposals/a.md", "# A\n\nOther text.\n");
        let mut memo = Memo::open(Some(dir.path()), &config);
        memo.put(memo.key(&changed, None), &[], None);
        memo.save();
        let memo = Memo::open(Some(dir.path()), &config);
        assert!(memo.get(old).is_none(), "a's old result is kept");
        assert!(memo.get(memo.key(&changed, None)).is_some());
        assert!(memo.get(memo.key(&b, None)).is_some());
    }
}
