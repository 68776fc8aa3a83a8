//! Pages already written: for each proposal, the files its pages are in
//! (with the size and modification time wb gave each) and the summary the
//! index, the desk, the rule pages, the feed and the search take from it,
//! kept in `.git/wb/pages.json` under a key of everything those pages
//! depend on (the proposal's text, iterations and front-matter, the
//! configuration, wb's binary, the templates and what every page shows of
//! the site: its title, base URL, the repository note, every proposal's
//! URL). A proposal whose key is unchanged takes its files over from the
//! site being replaced instead of being rendered again.
//!
//! Nothing here decides a result: an unreadable or stale file, a page
//! missing from the site or changed since wb wrote it all mean the pages
//! are rendered as usual; `WB_NO_CACHE=1` turns it off.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::feed;
use super::pages::SearchEntry;
use super::write::Stamp;

/// Bump when pages or summaries change shape.
const FORMAT: u32 = 1;

/// What the site-wide pages keep of one proposal once its own are written.
#[derive(Clone, Serialize, Deserialize)]
pub(super) struct Summary {
    /// The review-progress strip (see `pages::strip`).
    pub strip: String,
    /// (timestamp, status) at each committed iteration whose status changed.
    pub status_changes: Vec<(i64, String)>,
    /// Its newest entries for the portfolio's feed.
    pub feed: Vec<feed::Entry>,
    pub search: SearchEntry,
    /// Every file its pages are in, relative to the site root.
    pub files: Vec<(String, Stamp)>,
}

/// Site slug -> (the key of its pages, their summary).
pub(super) type Entries = HashMap<String, (String, Summary)>;

#[derive(Serialize, Deserialize, Default)]
struct File {
    format: u32,
    /// The key of what every page shows of the site.
    site: String,
    /// The output folder the files are in.
    out: PathBuf,
    /// Site slug -> (proposal key, summary).
    entries: Entries,
}

/// The pages of the last build, and those of this one.
pub(super) struct PageCache {
    path: Option<PathBuf>,
    site: String,
    out: PathBuf,
    known: Entries,
}

impl PageCache {
    /// The cache in `dir` (`None`: keep nothing) for a build of `out` whose
    /// site-wide inputs hash to `site`. What it knows is used only when the
    /// last build wrote the same `out` with the same site-wide inputs and
    /// `previous` (the output is a site wb built) holds.
    pub(super) fn open(dir: Option<&Path>, site: String, out: &Path, previous: bool) -> PageCache {
        let path = dir.map(|d| d.join("pages.json"));
        let known = path
            .as_ref()
            .filter(|_| previous)
            .and_then(|p| std::fs::read(p).ok())
            .and_then(|b| serde_json::from_slice::<File>(&b).ok())
            .filter(|f| f.format == FORMAT && f.site == site && f.out == out)
            .map(|f| f.entries)
            .unwrap_or_default();
        PageCache {
            path,
            site,
            out: out.to_path_buf(),
            known,
        }
    }

    /// The summary of `slug`'s pages when they were written under `key`
    /// (taken out: each is asked for once).
    pub(super) fn take(&mut self, slug: &str, key: &str) -> Option<Summary> {
        if self.known.get(slug).is_none_or(|(k, _)| k != key) {
            return None;
        }
        self.known.remove(slug).map(|(_, s)| s)
    }

    /// Keeps what this build wrote (after the new site is in place), in
    /// place of what the last one did.
    pub(super) fn save(self, entries: Entries) {
        let Some(path) = &self.path else {
            return;
        };
        let file = File {
            format: FORMAT,
            site: self.site,
            out: self.out,
            entries,
        };
        let _ = crate::memo::write_atomically(path, &file);
    }
}

/// Hashes `parts` into a 128-bit key (two differently seeded hashes).
pub(super) fn key(parts: &[&dyn HashPart]) -> String {
    let mut a = std::collections::hash_map::DefaultHasher::new();
    let mut b = std::collections::hash_map::DefaultHasher::new();
    FORMAT.hash(&mut a);
    "second".hash(&mut b);
    for p in parts {
        p.feed(&mut a);
        p.feed(&mut b);
    }
    format!("{:016x}{:016x}", a.finish(), b.finish())
}

/// Something a key is made of.
pub(super) trait HashPart {
    fn feed(&self, h: &mut dyn Hasher);
}

impl<T: Hash> HashPart for T {
    fn feed(&self, mut h: &mut dyn Hasher) {
        self.hash(&mut h);
    }
}
