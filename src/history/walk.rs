//! The one walk of the commit graph that yields every proposal's iterations.
//!
//! Starting at HEAD, each proposal is followed into the past along the
//! commits where its path still leads. At each commit, a proposal is:
//! - unchanged (TREESAME) towards a parent: followed into the first such
//!   parent only, as git's default history simplification does; a merge
//!   that takes one parent's text is no iteration;
//! - changed towards every parent: an iteration (a merge too, as
//!   `git log -- path` lists it), followed into each parent that has the
//!   document, under the path it had there;
//! - absent from a parent: renamed (a file deleted by the commit that is
//!   50%+ similar by git's own measure, see [`super::similarity`]) and
//!   followed under the old path, or created, where that line of its
//!   history ends. Copies are not followed: a proposal started from a
//!   template does not inherit the template's past.
//!
//! Order: commits come out newest first by commit date, ties in the order
//! they were reached, as `git log` prints them. A commit dated before one of
//! its parents would come out before a child; then the walk starts again in
//! `git log --date-order` (no parent before all its children, otherwise by
//! date). Only commits some proposal's path leads to are read: side
//! branches a merge simplified away are never visited.
//!
//! Directory trees are compared before files, so commits that do not touch
//! a proposal's folder cost one tree lookup.

use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap, HashSet};
use std::path::Path;

use git2::{Commit, Oid, Repository, Tree};

use super::similarity::{self, Spans};
use super::{CodeCommit, Iteration, Person};

/// What the walk needs to know about one proposal.
pub(super) struct Target {
    /// Path relative to the repository top, with `/` separators.
    pub path: String,
    /// Declared `code:` paths, relative to the repository top.
    pub code: Vec<String>,
}

/// The walk's result for one proposal, newest first.
#[derive(Default)]
pub(super) struct Found {
    pub iterations: Vec<Iteration>,
    pub truncated: bool,
}

/// Code paths and the commits that touched them, newest first.
pub(super) type CodeLog = HashMap<String, CodeCommits>;

/// The commits that touched one code path (with their commit times), newest first.
pub(super) type CodeCommits = Vec<(CodeCommit, i64)>;

pub(super) fn walk(
    repo: &Repository,
    head: Oid,
    targets: &[Target],
    shallow: &HashSet<Oid>,
) -> Result<(Vec<Found>, CodeLog), git2::Error> {
    // Date order streams, so a walk can stop as soon as every proposal's
    // creation is behind it. Clocks can be wrong, though: if a commit turns
    // up after one of its parents, walk again in topological order.
    if let Some(result) = walk_in(repo, head, targets, shallow, false)? {
        return Ok(result);
    }
    walk_in(repo, head, targets, shallow, true)
        .map(|r| r.expect("a topological walk sees children before parents"))
}

type Walked = Option<(Vec<Found>, CodeLog)>;

/// Most new commits [`extend`] steps through before a full walk is cheaper
/// to reason about.
const MAX_EXTEND: usize = 1_000;

/// The walk from `head`, given what the walk from `base` found (`cached`:
/// a path's history at `base`, `cached_code`: a code path's commits), when
/// `head` descends from `base` through commits that each have one parent.
/// Those commits are stepped through as [`walk`] steps through them (in
/// that history they come out first, one at a time, whatever their dates),
/// and each proposal's history goes on with what `base` had under the path
/// it leads to there. `None` (walk in full) when that does not hold: a
/// merge or a root commit on the way, more than [`MAX_EXTEND`] commits, or
/// a path the walk from `base` did not look for.
pub(super) fn extend(
    repo: &Repository,
    head: Oid,
    base: Oid,
    targets: &[Target],
    cached: &dyn Fn(&str) -> Option<Found>,
    cached_code: &dyn Fn(&str) -> Option<CodeCommits>,
) -> Result<Walked, git2::Error> {
    // The new commits, newest first.
    let mut commits: Vec<Commit> = Vec::new();
    let mut id = head;
    while id != base {
        if commits.len() >= MAX_EXTEND {
            return Ok(None);
        }
        let commit = repo.find_commit(id)?;
        if commit.parent_count() != 1 {
            return Ok(None);
        }
        id = commit.parent_id(0)?;
        commits.push(commit);
    }
    // Each with its tree and its parent's.
    let mut chain: Vec<(Commit, Tree, Tree)> = Vec::with_capacity(commits.len());
    for commit in commits {
        let (tree, parent_tree) = (commit.tree()?, commit.parent(0)?.tree()?);
        chain.push((commit, tree, parent_tree));
    }
    let Some((_, head_tree, _)) = chain.first() else {
        return Ok(None);
    };
    let mut trees = Trees::new(repo);
    let mut found = Vec::with_capacity(targets.len());
    for t in targets {
        let mut f = Found::default();
        if trees.blob(head_tree, &t.path).is_none() {
            found.push(f);
            continue;
        }
        let mut path = Some(t.path.clone());
        for (commit, tree, parent_tree) in &chain {
            let Some(at) = path.clone() else {
                break;
            };
            let Some(here) = trees.blob(tree, &at) else {
                // Cannot happen: the path was followed here because it is here.
                return Ok(None);
            };
            if let Step::Changed(follow) = step(
                &mut trees,
                tree,
                std::slice::from_ref(parent_tree),
                &at,
                here,
            ) {
                let old = follow.into_iter().next().map(|(_, old)| old);
                let before = old.as_ref().and_then(|o| trees.blob(parent_tree, o));
                f.iterations.push(iteration(commit, &at, here, before));
                path = old;
            }
        }
        if let Some(at) = path {
            let Some(rest) = cached(&at) else {
                return Ok(None);
            };
            f.iterations.extend(rest.iterations);
            f.truncated = rest.truncated;
        }
        found.push(f);
    }
    let mut code_paths: Vec<String> = targets
        .iter()
        .flat_map(|t| t.code.iter().cloned())
        .collect();
    code_paths.sort();
    code_paths.dedup();
    let mut code_log: CodeLog = HashMap::new();
    if !code_paths.is_empty() {
        for (commit, tree, parent_tree) in &chain {
            log_code(
                repo,
                commit,
                tree,
                Some(parent_tree),
                &code_paths,
                &mut code_log,
            );
        }
        for c in &code_paths {
            let Some(older) = cached_code(c) else {
                return Ok(None);
            };
            if older.is_empty() && !code_log.contains_key(c) {
                continue;
            }
            let entry = code_log.entry(c.clone()).or_default();
            entry.extend(older);
            entry.truncate(CODE_COMMITS);
        }
    }
    Ok(Some((found, code_log)))
}

/// The commits still to visit, newest commit date first and, on equal
/// dates, in the order they were queued (git's `prio_queue`).
struct Queue {
    heap: BinaryHeap<(i64, Reverse<u64>, Oid)>,
    queued: HashSet<Oid>,
    next: u64,
    /// Topological order: how many children of each commit are still to
    /// come out; a commit is queued when the last one has.
    waiting: Option<HashMap<Oid, usize>>,
}

impl Queue {
    fn new(repo: &Repository, head: &Commit, topological: bool) -> Result<Queue, git2::Error> {
        let waiting = if topological {
            Some(children_counts(repo, head.id())?)
        } else {
            None
        };
        let mut q = Queue {
            heap: BinaryHeap::new(),
            queued: HashSet::new(),
            next: 0,
            waiting,
        };
        q.put(head.id(), head.time().seconds());
        Ok(q)
    }

    fn put(&mut self, id: Oid, time: i64) {
        if self.queued.insert(id) {
            self.heap.push((time, Reverse(self.next), id));
            self.next += 1;
        }
    }

    fn pop(&mut self) -> Option<Oid> {
        self.heap.pop().map(|(_, _, id)| id)
    }

    /// `parent` of a commit that just came out: queued now (date order) or
    /// once its last child has come out (topological order).
    fn reached(&mut self, parent: &Commit) {
        if let Some(waiting) = &mut self.waiting {
            let left = waiting.entry(parent.id()).or_insert(1);
            *left = left.saturating_sub(1);
            if *left > 0 {
                return;
            }
        }
        self.put(parent.id(), parent.time().seconds());
    }
}

/// For every commit reachable from `head`, how many of its children are.
fn children_counts(repo: &Repository, head: Oid) -> Result<HashMap<Oid, usize>, git2::Error> {
    let mut counts: HashMap<Oid, usize> = HashMap::new();
    let mut seen: HashSet<Oid> = HashSet::from([head]);
    let mut todo = vec![head];
    while let Some(id) = todo.pop() {
        let commit = repo.find_commit(id)?;
        for p in commit.parent_ids() {
            *counts.entry(p).or_default() += 1;
            if seen.insert(p) {
                todo.push(p);
            }
        }
    }
    Ok(counts)
}

fn walk_in(
    repo: &Repository,
    head: Oid,
    targets: &[Target],
    shallow: &HashSet<Oid>,
    topological: bool,
) -> Result<Walked, git2::Error> {
    let mut found: Vec<Found> = targets.iter().map(|_| Found::default()).collect();
    let mut pending: HashMap<Oid, Vec<(usize, String)>> = HashMap::new();
    let mut done: HashSet<Oid> = HashSet::new();
    let head_commit = repo.find_commit(head)?;
    let head_tree = head_commit.tree()?;
    let mut trees = Trees::new(repo);
    let start: Vec<(usize, String)> = targets
        .iter()
        .enumerate()
        .filter(|(_, t)| trees.blob(&head_tree, &t.path).is_some())
        .map(|(i, t)| (i, t.path.clone()))
        .collect();
    let code_paths: Vec<String> = {
        let mut v: Vec<String> = targets
            .iter()
            .flat_map(|t| t.code.iter().cloned())
            .collect();
        v.sort();
        v.dedup();
        v
    };
    let mut code_log: CodeLog = HashMap::new();
    if start.is_empty() && code_paths.is_empty() {
        return Ok(Some((found, code_log)));
    }
    pending.insert(head, start);

    let mut queue = Queue::new(repo, &head_commit, topological)?;
    while let Some(oid) = queue.pop() {
        done.insert(oid);
        let items = pending.remove(&oid).unwrap_or_default();
        let commit = repo.find_commit(oid)?;
        let parents: Vec<Commit> = commit.parents().collect();
        if items.is_empty() && code_paths.is_empty() {
            // Nothing leads here any more (topological order visits every
            // commit; date order only the ones something leads to).
            if pending.is_empty() {
                break;
            }
            for parent in &parents {
                queue.reached(parent);
            }
            continue;
        }
        let tree = commit.tree()?;
        let parent_trees: Vec<Tree> = parents.iter().map(|p| p.tree()).collect::<Result<_, _>>()?;
        if !code_paths.is_empty() {
            log_code(
                repo,
                &commit,
                &tree,
                parent_trees.first(),
                &code_paths,
                &mut code_log,
            );
        }
        // Which parents something now leads to (all of them while code
        // paths are logged: those follow every commit).
        let mut leads = vec![!code_paths.is_empty(); parents.len()];
        // A proposal can reach one commit under two paths (two branches
        // renamed different files to it); the commit is still one iteration.
        let mut recorded: HashSet<usize> = HashSet::new();
        for (i, path) in dedup(items) {
            let Some(here) = trees.blob(&tree, &path) else {
                continue;
            };
            let follow = match step(&mut trees, &tree, &parent_trees, &path, here) {
                Step::Same(k) => vec![(k, path)],
                Step::Changed(follow) => {
                    if recorded.insert(i) {
                        // Measured against the first parent that has it.
                        let before = follow
                            .first()
                            .and_then(|(k, old)| trees.blob(&parent_trees[*k], old));
                        found[i]
                            .iterations
                            .push(iteration(&commit, &path, here, before));
                    }
                    if parents.is_empty() && shallow.contains(&oid) {
                        found[i].truncated = true;
                    }
                    follow
                }
            };
            for (k, old_path) in follow {
                let parent = parents[k].id();
                if done.contains(&parent) {
                    // A parent came out before this child: clocks disagree.
                    return Ok(None);
                }
                pending.entry(parent).or_default().push((i, old_path));
                leads[k] = true;
            }
        }
        for (parent, leads) in parents.iter().zip(leads) {
            if leads || topological {
                queue.reached(parent);
            }
        }
    }
    Ok(Some((found, code_log)))
}

enum Step {
    /// Unchanged towards parent k: follow only that parent.
    Same(usize),
    /// An iteration; follow these parents under these paths (empty: created here).
    Changed(Vec<(usize, String)>),
}

fn step(trees: &mut Trees, tree: &Tree, parents: &[Tree], path: &str, here: Oid) -> Step {
    let (dir, _) = split_dir(path);
    let dir_here = trees.dir_id(tree, dir);
    // The first parent with the same text wins, whatever the ones before
    // it hold (git's simplification): look for it before any rename.
    let mut before = Vec::with_capacity(parents.len());
    for (k, parent) in parents.iter().enumerate() {
        // Same folder tree: nothing under it changed, the file included.
        if dir_here.is_some() && trees.dir_id(parent, dir) == dir_here {
            return Step::Same(k);
        }
        let blob = trees.blob(parent, path);
        if blob == Some(here) {
            return Step::Same(k);
        }
        before.push(blob);
    }
    let mut follow = Vec::new();
    for (k, (parent, blob)) in parents.iter().zip(before).enumerate() {
        match blob {
            Some(_) => follow.push((k, path.to_string())),
            None => {
                if let Some(old) = trees.renamed_from(parent, tree, path, here) {
                    follow.push((k, old));
                }
            }
        }
    }
    Step::Changed(follow)
}

/// A file `tree` no longer has that `parent` did: a candidate for the
/// source of a rename.
struct Deleted {
    path: String,
    blob: Oid,
}

/// The regular files of `parent` that `tree` no longer has, by path. Blobs
/// or trees that cannot be read (a partial clone) mean no candidates
/// rather than no history.
fn deleted_files(repo: &Repository, parent: &Tree, tree: &Tree) -> Vec<Deleted> {
    let Ok(diff) = repo.diff_tree_to_tree(Some(parent), Some(tree), None) else {
        return Vec::new();
    };
    diff.deltas()
        .filter(|d| d.status() == git2::Delta::Deleted)
        .filter(|d| {
            matches!(
                d.old_file().mode(),
                git2::FileMode::Blob | git2::FileMode::BlobExecutable
            )
        })
        .filter_map(|d| {
            Some(Deleted {
                path: delta_path(&d.old_file())?.to_string(),
                blob: d.old_file().id(),
            })
        })
        .collect()
}

/// The best rename source for the file `new` (blob `blob`) among the files
/// deleted between `parent` and `tree`, as git's rename detection picks
/// it: an identical file first (one with the same name preferred), else the
/// most similar one at 50% or more (on equal scores, the same name).
fn best_source(trees: &mut Trees, deleted: &[Deleted], new: &str, blob: Oid) -> Option<String> {
    let name = |p: &str| split_dir(p).1.to_string();
    let new_name = name(new);
    let exact: Vec<&Deleted> = deleted.iter().filter(|d| d.blob == blob).collect();
    if !exact.is_empty() {
        let best = exact
            .iter()
            .find(|d| name(&d.path) == new_name)
            .unwrap_or(&exact[0]);
        return Some(best.path.clone());
    }
    let dst_size = trees.size(blob)?;
    let mut best: Option<(u64, bool, &Deleted)> = None;
    for d in deleted {
        let Some(size) = trees.size(d.blob) else {
            continue;
        };
        if !similarity::sizes_allow(size, dst_size, similarity::DEFAULT_MIN_SCORE) {
            continue;
        }
        let (Some(src), Some(dst)) = (trees.spans(d.blob), trees.spans(blob)) else {
            continue;
        };
        let score = similarity::score(&src, &dst, similarity::DEFAULT_MIN_SCORE);
        if score < similarity::DEFAULT_MIN_SCORE {
            continue;
        }
        let same_name = name(&d.path) == new_name;
        if best.is_none_or(|(s, n, _)| (score, same_name) > (s, n)) {
            best = Some((score, same_name, d));
        }
    }
    best.map(|(_, _, d)| d.path.clone())
}

fn delta_path<'a>(f: &git2::DiffFile<'a>) -> Option<&'a str> {
    f.path().and_then(Path::to_str)
}

fn split_dir(path: &str) -> (&str, &str) {
    match path.rfind('/') {
        Some(i) => (&path[..i], &path[i + 1..]),
        None => ("", path),
    }
}

/// Folder trees, looked up once per commit tree and kept parsed: most
/// commits share their proposals folder with their parent, and libgit2 does
/// not cache trees larger than 4 KiB, so without this every lookup of a
/// proposal would inflate and parse the whole folder again.
struct Trees<'r> {
    repo: &'r Repository,
    /// (root tree, folder) -> the folder's tree id.
    ids: HashMap<(Oid, String), Option<Oid>>,
    /// Parsed folder trees by id.
    dirs: HashMap<Oid, Tree<'r>>,
    /// The files deleted between two commit trees, listed once per pair:
    /// a folder move renames every proposal in one commit.
    deleted: HashMap<(Oid, Oid), std::rc::Rc<Vec<Deleted>>>,
    /// Blob sizes and chunk counts for rename scores, by blob id.
    sizes: HashMap<Oid, Option<u64>>,
    spans: HashMap<Oid, Option<std::rc::Rc<Spans>>>,
}

/// Parsed folder trees kept at once; the walk's locality makes a small
/// cache enough.
const MAX_CACHED_DIRS: usize = 256;

impl<'r> Trees<'r> {
    fn new(repo: &'r Repository) -> Self {
        Trees {
            repo,
            ids: HashMap::new(),
            dirs: HashMap::new(),
            deleted: HashMap::new(),
            sizes: HashMap::new(),
            spans: HashMap::new(),
        }
    }

    /// The path that `path` (blob `blob`) in `tree` was renamed from in
    /// `parent`, if any.
    fn renamed_from(
        &mut self,
        parent: &Tree,
        tree: &Tree,
        path: &str,
        blob: Oid,
    ) -> Option<String> {
        if self.deleted.len() > MAX_CACHED_DIRS {
            self.deleted.clear();
        }
        let repo = self.repo;
        let deleted = self
            .deleted
            .entry((parent.id(), tree.id()))
            .or_insert_with(|| std::rc::Rc::new(deleted_files(repo, parent, tree)))
            .clone();
        if deleted.is_empty() {
            return None;
        }
        best_source(self, &deleted, path, blob)
    }

    /// A blob's size, from its header (no content read).
    fn size(&mut self, blob: Oid) -> Option<u64> {
        if self.sizes.len() > 64 * MAX_CACHED_DIRS {
            self.sizes.clear();
        }
        let repo = self.repo;
        *self.sizes.entry(blob).or_insert_with(|| {
            let odb = repo.odb().ok()?;
            let (size, kind) = odb.read_header(blob).ok()?;
            (kind == git2::ObjectType::Blob).then_some(size as u64)
        })
    }

    /// A blob's chunk counts for git's similarity score.
    fn spans(&mut self, blob: Oid) -> Option<std::rc::Rc<Spans>> {
        if self.spans.len() > MAX_CACHED_DIRS {
            self.spans.clear();
        }
        let repo = self.repo;
        self.spans
            .entry(blob)
            .or_insert_with(|| {
                let b = repo.find_blob(blob).ok()?;
                Some(std::rc::Rc::new(Spans::of(b.content())))
            })
            .clone()
    }

    /// The id of folder `dir` in the commit tree `root` ("" is the root).
    fn dir_id(&mut self, root: &Tree, dir: &str) -> Option<Oid> {
        if dir.is_empty() {
            return Some(root.id());
        }
        if self.ids.len() > 64 * MAX_CACHED_DIRS {
            self.ids.clear();
        }
        *self
            .ids
            .entry((root.id(), dir.to_string()))
            .or_insert_with(|| {
                root.get_path(Path::new(dir))
                    .ok()
                    .filter(|e| e.kind() == Some(git2::ObjectType::Tree))
                    .map(|e| e.id())
            })
    }

    /// The blob id of the regular file at `path` in the commit tree `root`.
    fn blob(&mut self, root: &Tree, path: &str) -> Option<Oid> {
        let (dir, name) = split_dir(path);
        let id = self.dir_id(root, dir)?;
        if dir.is_empty() {
            let entry = root.get_name(name)?;
            return (entry.kind() == Some(git2::ObjectType::Blob)).then(|| entry.id());
        }
        if !self.dirs.contains_key(&id) {
            if self.dirs.len() >= MAX_CACHED_DIRS {
                self.dirs.clear();
            }
            let tree = self.repo.find_tree(id).ok()?;
            self.dirs.insert(id, tree);
        }
        let entry = self.dirs.get(&id)?.get_name(name)?;
        (entry.kind() == Some(git2::ObjectType::Blob)).then(|| entry.id())
    }
}

fn dedup(mut items: Vec<(usize, String)>) -> Vec<(usize, String)> {
    items.sort();
    items.dedup();
    items
}

fn iteration(commit: &Commit, path: &str, blob: Oid, before: Option<Oid>) -> Iteration {
    let author = commit.author();
    let encoding = commit.message_encoding().ok().flatten();
    let message = decode(commit.message_bytes(), encoding);
    let message = message.as_str();
    let (body, reviewers, deciders) = split_trailers(message);
    Iteration {
        n: 0,
        commit: Some(commit.id().to_string()),
        short: short_id(commit.id()),
        author: Person {
            name: decode(author.name_bytes(), encoding),
            email: decode(author.email_bytes(), encoding),
        },
        date: super::to_datetime(author.when()),
        subject: summary(commit),
        body,
        reviewers,
        deciders,
        path: path.to_string(),
        blob: Some(blob.to_string()),
        parent_blob: before.map(|b| b.to_string()),
        working: false,
    }
}

/// The subject line, whatever encoding the message is in.
fn summary(commit: &Commit) -> String {
    commit
        .summary_bytes()
        .map(|b| decode(b, commit.message_encoding().ok().flatten()))
        .unwrap_or_default()
}

/// A commit's text as a string. Git stores it as the committer's tool
/// wrote it: UTF-8 nearly always, but older tools wrote Latin-1 (with an
/// `encoding ISO-8859-1` header, or none at all). Bytes that are not UTF-8
/// are read as Latin-1 unless the header names another encoding, so "José"
/// stays "José" rather than "Jos\u{fffd}".
fn decode(bytes: &[u8], encoding: Option<&str>) -> String {
    if let Ok(text) = std::str::from_utf8(bytes) {
        return text.to_string();
    }
    let latin1 = encoding.is_none_or(|e| {
        matches!(
            e.to_ascii_lowercase().replace('_', "-").as_str(),
            "iso-8859-1"
                | "iso8859-1"
                | "latin1"
                | "latin-1"
                | "l1"
                | "iso-8859-15"
                | "cp1252"
                | "windows-1252"
        )
    });
    if latin1 {
        bytes.iter().map(|&b| char::from(b)).collect()
    } else {
        String::from_utf8_lossy(bytes).into_owned()
    }
}

pub(super) fn short_id(id: Oid) -> String {
    id.to_string()[..7].to_string()
}

/// The commit body without its subject and trailer block, the reviewers
/// named in `Reviewed-by:` trailers and the deciders named in
/// `Approved-by:` and `Decided-by:` trailers.
pub(super) fn split_trailers(message: &str) -> (String, Vec<Person>, Vec<Person>) {
    let mut reviewers = Vec::new();
    let mut deciders = Vec::new();
    if let Ok(trailers) = git2::message_trailers_strs(message) {
        for (key, value) in trailers.iter() {
            if key.eq_ignore_ascii_case("reviewed-by") {
                reviewers.push(parse_person(value));
            } else if key.eq_ignore_ascii_case("approved-by")
                || key.eq_ignore_ascii_case("decided-by")
            {
                deciders.push(parse_person(value));
            }
        }
    }
    let mut paragraphs: Vec<&str> = message.trim().split("\n\n").collect();
    if !paragraphs.is_empty() {
        paragraphs.remove(0);
    }
    if paragraphs.last().is_some_and(|p| is_trailer_block(p)) {
        paragraphs.pop();
    }
    (
        paragraphs.join("\n\n").trim().to_string(),
        reviewers,
        deciders,
    )
}

fn is_trailer_block(p: &str) -> bool {
    p.lines().all(|l| {
        l.split_once(':').is_some_and(|(k, v)| {
            !k.is_empty()
                && k.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
                && !v.trim().is_empty()
        })
    })
}

/// "Jane Doe <jane@example.com>" (the email part optional).
pub fn parse_person(s: &str) -> Person {
    let s = s.trim();
    match (s.find('<'), s.rfind('>')) {
        (Some(a), Some(b)) if a < b => Person {
            name: s[..a].trim().to_string(),
            email: s[a + 1..b].trim().to_string(),
        },
        _ if s.contains('@') && !s.contains(' ') => Person {
            name: s.to_string(),
            email: s.to_string(),
        },
        _ => Person {
            name: s.to_string(),
            email: String::new(),
        },
    }
}

/// Records which code paths `commit` touched (compared with its first parent).
/// Most commits logged per code path, newest first.
const CODE_COMMITS: usize = 50;

fn log_code(
    repo: &Repository,
    commit: &Commit,
    tree: &Tree,
    parent: Option<&Tree>,
    code_paths: &[String],
    log: &mut CodeLog,
) {
    for code in code_paths {
        let here = tree
            .get_path(Path::new(code.trim_end_matches('/')))
            .ok()
            .map(|e| e.id());
        let before = parent.and_then(|p| {
            p.get_path(Path::new(code.trim_end_matches('/')))
                .ok()
                .map(|e| e.id())
        });
        if here == before {
            continue;
        }
        let entry = log.entry(code.clone()).or_default();
        if entry.len() >= CODE_COMMITS {
            continue;
        }
        let changed = first_changed_path(repo, parent, tree, code).unwrap_or_else(|| code.clone());
        entry.push((
            CodeCommit {
                commit: commit.id().to_string(),
                date: super::to_datetime(commit.author().when()),
                subject: summary(commit),
                path: changed,
            },
            commit.time().seconds(),
        ));
    }
}

fn first_changed_path(
    repo: &Repository,
    parent: Option<&Tree>,
    tree: &Tree,
    code: &str,
) -> Option<String> {
    let mut opts = git2::DiffOptions::new();
    opts.pathspec(code);
    let diff = repo
        .diff_tree_to_tree(parent, Some(tree), Some(&mut opts))
        .ok()?;
    let delta = diff.deltas().next()?;
    delta_path(&delta.new_file())
        .or_else(|| delta_path(&delta.old_file()))
        .map(str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A repository built commit by commit, at fixed dates.
    struct Repo {
        dir: tempfile::TempDir,
        repo: Repository,
        time: i64,
    }

    impl Repo {
        fn new() -> Repo {
            let dir = tempfile::tempdir().unwrap();
            let repo = Repository::init(dir.path()).unwrap();
            Repo {
                dir,
                repo,
                time: 1_700_000_000,
            }
        }

        fn write(&self, rel: &str, text: &str) {
            let path = self.dir.path().join(rel);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        }

        fn remove(&self, rel: &str) {
            std::fs::remove_file(self.dir.path().join(rel)).unwrap();
        }

        fn commit_on(&mut self, message: &str, parents: &[Oid]) -> Oid {
            let mut index = self.repo.index().unwrap();
            index
                .add_all(["*"], git2::IndexAddOption::DEFAULT, None)
                .unwrap();
            index.update_all(["*"], None).unwrap();
            index.write().unwrap();
            let tree = self.repo.find_tree(index.write_tree().unwrap()).unwrap();
            self.time += 3600;
            let sig =
                git2::Signature::new("Jane", "jane@example.com", &git2::Time::new(self.time, 0))
                    .unwrap();
            let parents: Vec<Commit> = parents
                .iter()
                .map(|p| self.repo.find_commit(*p).unwrap())
                .collect();
            let refs: Vec<&Commit> = parents.iter().collect();
            let id = self
                .repo
                .commit(None, &sig, &sig, message, &tree, &refs)
                .unwrap();
            self.repo
                .reference("refs/heads/main", id, true, "test")
                .unwrap();
            self.repo.set_head("refs/heads/main").unwrap();
            id
        }
    }

    fn target(path: &str, code: &[&str]) -> Target {
        Target {
            path: path.to_string(),
            code: code.iter().map(|c| c.to_string()).collect(),
        }
    }

    fn shown(result: &(Vec<Found>, CodeLog)) -> String {
        let found: Vec<_> = result
            .0
            .iter()
            .map(|f| (serde_json::to_value(&f.iterations).unwrap(), f.truncated))
            .collect();
        let mut code: Vec<_> = result
            .1
            .iter()
            .filter(|(_, v)| !v.is_empty())
            .map(|(k, v)| (k.clone(), serde_json::to_value(v).unwrap()))
            .collect();
        code.sort_by(|a, b| a.0.cmp(&b.0));
        serde_json::to_string_pretty(&(found, code)).unwrap()
    }

    fn long(title: &str, extra: &str) -> String {
        let mut text = format!("# {title}\n\n");
        for i in 0..12 {
            text.push_str(&format!(
                "Paragraph {i} of {title}, long enough to weigh in the score.\n\n"
            ));
        }
        text.push_str(extra);
        text
    }

    #[test]
    fn extending_a_walk_equals_walking_in_full() {
        let mut r = Repo::new();
        r.write("proposals/a.md", &long("A", ""));
        r.write("proposals/b.md", &long("B", ""));
        r.write("src/x.rs", "fn x() {}\n");
        let first = r.commit_on("first", &[]);
        r.write("proposals/a.md", &long("A", "More.\n"));
        r.write("src/x.rs", "fn x() { 1 }\n");
        let base = r.commit_on("second", &[first]);
        let at_base = [
            target("proposals/a.md", &["src"]),
            target("proposals/b.md", &[]),
        ];
        let none = HashSet::new();
        let cached = walk(&r.repo, base, &at_base, &none).unwrap();
        let previous = |p: &str| {
            at_base.iter().position(|t| t.path == p).map(|i| Found {
                iterations: cached.0[i].iterations.clone(),
                truncated: cached.0[i].truncated,
            })
        };
        let previous_code = |c: &str| Some(cached.1.get(c).cloned().unwrap_or_default());

        // After the cached HEAD: a rename with an edit, edits, a code change,
        // a commit that touches no proposal.
        r.remove("proposals/b.md");
        r.write("proposals/c.md", &long("B", "Renamed.\n"));
        let third = r.commit_on("rename b to c", &[base]);
        r.write("proposals/a.md", &long("A", "Even more.\n"));
        r.write("src/x.rs", "fn x() { 2 }\n");
        let fourth = r.commit_on("fourth", &[third]);
        r.write("src/y.rs", "fn y() {}\n");
        let head = r.commit_on("code only", &[fourth]);
        let at_head = [
            target("proposals/a.md", &["src"]),
            target("proposals/c.md", &[]),
        ];
        let full = walk(&r.repo, head, &at_head, &none).unwrap();
        let extended = extend(&r.repo, head, base, &at_head, &previous, &previous_code)
            .unwrap()
            .expect("a line of new commits extends the walk");
        assert_eq!(shown(&extended), shown(&full));
        assert_eq!(
            full.0[1].iterations.len(),
            2,
            "c.md's history goes through b.md"
        );

        // A merge after the cached HEAD: walked in full.
        r.write("proposals/a.md", &long("A", "On a branch.\n"));
        let side = r.commit_on("side", &[head]);
        r.repo.set_head_detached(head).unwrap();
        r.write("proposals/c.md", &long("B", "On main.\n"));
        let main = r.commit_on("main", &[head]);
        let merge = r.commit_on("merge", &[main, side]);
        assert!(
            extend(&r.repo, merge, base, &at_head, &previous, &previous_code)
                .unwrap()
                .is_none()
        );
        // A proposal created after the cached HEAD needs nothing cached; one
        // the cached walk did not look for is walked in full.
        r.repo.set_head_detached(head).unwrap();
        r.write("proposals/c.md", &long("B", ""));
        r.write("proposals/e.md", &long("E", ""));
        let e = r.commit_on("e", &[head]);
        let at_e = [target("proposals/e.md", &[]), target("proposals/a.md", &[])];
        let full = walk(&r.repo, e, &at_e, &none).unwrap();
        let extended = extend(&r.repo, e, base, &at_e, &previous, &previous_code)
            .unwrap()
            .unwrap();
        assert_eq!(shown(&extended), shown(&full));
        let unknown = |_: &str| None;
        assert!(
            extend(&r.repo, e, base, &at_e, &unknown, &previous_code)
                .unwrap()
                .is_none()
        );
    }

    #[test]
    fn trailers_are_split_from_the_body() {
        let (body, reviewers, deciders) = split_trailers(
            "Sharpen the customer\n\nReview asked who exactly.\n\nReviewed-by: Priya Raman <priya@example.com>\nReviewed-by: Tom <tom@example.com>\n",
        );
        assert_eq!(body, "Review asked who exactly.");
        assert!(deciders.is_empty());
        assert_eq!(reviewers.len(), 2);
        assert_eq!(reviewers[0].name, "Priya Raman");
        assert_eq!(reviewers[1].email, "tom@example.com");
    }

    #[test]
    fn deciders_come_from_approved_and_decided_by() {
        let (body, reviewers, deciders) = split_trailers(
            "Approve refunds\n\nCheaper than the chargebacks it saves.\n\nReviewed-by: Tom <tom@example.com>\nApproved-by: Dana Levi <vp@example.com>\ndecided-by: CFO <cfo@example.com>\n",
        );
        assert_eq!(body, "Cheaper than the chargebacks it saves.");
        assert_eq!(reviewers.len(), 1);
        let names: Vec<&str> = deciders.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["Dana Levi", "CFO"]);
    }

    #[test]
    fn a_latin1_commit_message_and_author_read_as_latin1() {
        let mut r = Repo::new();
        r.write("proposals/a.md", &long("A", ""));
        let first = r.commit_on("first", &[]);
        let commit = r.repo.find_commit(first).unwrap();
        // The same commit as an older tool would write it: Latin-1 bytes,
        // with and without the header that says so.
        for header in [true, false] {
            let mut raw = format!("tree {}\nparent {}\n", commit.tree_id(), first).into_bytes();
            raw.extend_from_slice(b"author Jos\xe9 <jose@example.com> 1700010000 +0000\n");
            raw.extend_from_slice(b"committer Jos\xe9 <jose@example.com> 1700010000 +0000\n");
            if header {
                raw.extend_from_slice(b"encoding ISO-8859-1\n");
            }
            raw.extend_from_slice(b"\nR\xe9sum\xe9 du probl\xe8me\n\nPlus pr\xe9cis.\n");
            let id = r
                .repo
                .odb()
                .unwrap()
                .write(git2::ObjectType::Commit, &raw)
                .unwrap();
            let c = r.repo.find_commit(id).unwrap();
            let blob = commit
                .tree()
                .unwrap()
                .get_path(Path::new("proposals/a.md"))
                .unwrap()
                .id();
            let it = iteration(&c, "proposals/a.md", blob, None);
            assert_eq!(it.subject, "Résumé du problème", "header {header}");
            assert_eq!(it.body, "Plus précis.");
            assert_eq!(it.author.name, "José");
        }
        // Another encoding named: what is not UTF-8 is marked, not guessed.
        assert_eq!(decode(b"a\x82\xa0", Some("Shift_JIS")), "a\u{fffd}\u{fffd}");
    }

    #[test]
    fn people() {
        assert_eq!(parse_person("a@b.c").email, "a@b.c");
        assert_eq!(parse_person("Just A Name").email, "");
    }
}
