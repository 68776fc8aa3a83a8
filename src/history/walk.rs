//! The one walk of the commit graph that yields every proposal's iterations.
//!
//! Starting at HEAD, each proposal is followed into the past along the
//! commits where its path still leads. At each commit, a proposal is:
//! - unchanged (TREESAME) towards a parent: followed into that parent only,
//!   as git's default history simplification does;
//! - modified: an iteration, followed into the parent(s);
//! - absent from the parent: an iteration that either renamed it (a deleted
//!   path with 50%+ similar content, git's default) and is followed under the
//!   old path, or created it, where its history ends. Copies are not
//!   followed: a proposal started from a template does not inherit the
//!   template's past.
//!
//! Directory trees are compared before files, so commits that do not touch
//! a proposal's folder cost one tree lookup.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use git2::{Commit, DiffFindOptions, Oid, Repository, Sort, Tree};

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
pub(super) type CodeLog = HashMap<String, Vec<(CodeCommit, i64)>>;

pub(super) fn walk(
    repo: &Repository,
    head: Oid,
    targets: &[Target],
    shallow: &HashSet<Oid>,
) -> Result<(Vec<Found>, CodeLog), git2::Error> {
    // Date order streams, so a walk can stop as soon as every proposal's
    // creation is behind it. Clocks can be wrong, though: if a commit turns
    // up after one of its parents, walk again in topological order.
    if let Some(result) = walk_in(repo, head, targets, shallow, Sort::TIME)? {
        return Ok(result);
    }
    walk_in(repo, head, targets, shallow, Sort::TOPOLOGICAL | Sort::TIME)
        .map(|r| r.expect("a topological walk sees children before parents"))
}

type Walked = Option<(Vec<Found>, CodeLog)>;

fn walk_in(
    repo: &Repository,
    head: Oid,
    targets: &[Target],
    shallow: &HashSet<Oid>,
    sorting: Sort,
) -> Result<Walked, git2::Error> {
    let mut seen: HashSet<Oid> = HashSet::new();
    let mut found: Vec<Found> = targets.iter().map(|_| Found::default()).collect();
    let mut pending: HashMap<Oid, Vec<(usize, String)>> = HashMap::new();
    let head_commit = repo.find_commit(head)?;
    let head_tree = head_commit.tree()?;
    let mut start = Vec::new();
    {
        let mut trees = Trees::new(repo);
        for (i, t) in targets.iter().enumerate() {
            if trees.blob(&head_tree, &t.path).is_some() {
                start.push((i, t.path.clone()));
            }
        }
    }
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

    let mut revwalk = repo.revwalk()?;
    revwalk.set_sorting(sorting)?;
    revwalk.push(head)?;
    let mut trees = Trees::new(repo);
    for oid in revwalk {
        let oid = oid?;
        seen.insert(oid);
        let items = pending.remove(&oid).unwrap_or_default();
        if items.is_empty() && code_paths.is_empty() {
            if pending.is_empty() {
                break;
            }
            continue;
        }
        let commit = repo.find_commit(oid)?;
        let tree = commit.tree()?;
        let parents: Vec<Commit> = commit.parents().collect();
        if parents.iter().any(|p| seen.contains(&p.id())) {
            return Ok(None);
        }
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
        // A proposal can reach one commit under two paths (two branches
        // renamed different files to it); the commit is still one iteration.
        let mut recorded: HashSet<usize> = HashSet::new();
        for (i, path) in dedup(items) {
            let Some(here) = trees.blob(&tree, &path) else {
                continue;
            };
            match step(&mut trees, &tree, &parent_trees, &path, here)? {
                Step::Same(k) => pending.entry(parents[k].id()).or_default().push((i, path)),
                Step::Changed(follow) => {
                    // A merge that matches none of its parents is not listed
                    // (as with `git log --follow`): the branch commits that
                    // made the changes are the iterations.
                    if parents.len() <= 1 && recorded.insert(i) {
                        let before = follow
                            .first()
                            .and_then(|(k, old)| trees.blob(&parent_trees[*k], old));
                        found[i]
                            .iterations
                            .push(iteration(&commit, &path, here, before));
                    }
                    for (k, old_path) in follow {
                        pending
                            .entry(parents[k].id())
                            .or_default()
                            .push((i, old_path));
                    }
                    if parents.is_empty() && shallow.contains(&oid) {
                        found[i].truncated = true;
                    }
                }
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

fn step(
    trees: &mut Trees,
    tree: &Tree,
    parents: &[Tree],
    path: &str,
    here: Oid,
) -> Result<Step, git2::Error> {
    let (dir, _) = split_dir(path);
    let dir_here = trees.dir_id(tree, dir);
    let mut follow = Vec::new();
    for (k, parent) in parents.iter().enumerate() {
        // Same folder tree: nothing under it changed, the file included.
        if dir_here.is_some() && trees.dir_id(parent, dir) == dir_here {
            return Ok(Step::Same(k));
        }
        match trees.blob(parent, path) {
            Some(before) if before == here => return Ok(Step::Same(k)),
            Some(_) => follow.push((k, path.to_string())),
            None => {
                if let Some(old) = trees.renamed_from(parent, tree, path) {
                    follow.push((k, old));
                }
            }
        }
    }
    Ok(Step::Changed(follow))
}

/// Every rename between `parent` and `tree` (new path -> old path), with
/// git's default 50% similarity and no copies. Blobs that cannot be read
/// (a partial clone) mean no rename rather than no history.
fn renames(repo: &Repository, parent: &Tree, tree: &Tree) -> HashMap<String, String> {
    let mut found = HashMap::new();
    let Ok(mut diff) = repo.diff_tree_to_tree(Some(parent), Some(tree), None) else {
        return found;
    };
    let mut opts = DiffFindOptions::new();
    opts.renames(true);
    opts.copies(false);
    if diff.find_similar(Some(&mut opts)).is_err() {
        return found;
    }
    for d in diff.deltas().filter(|d| d.status() == git2::Delta::Renamed) {
        if let (Some(new), Some(old)) = (delta_path(&d.new_file()), delta_path(&d.old_file())) {
            found.insert(new.to_string(), old.to_string());
        }
    }
    found
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
    /// Renames between two commit trees, worked out once per pair: a
    /// folder move renames every proposal in one commit.
    renames: HashMap<(Oid, Oid), HashMap<String, String>>,
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
            renames: HashMap::new(),
        }
    }

    /// The path `path` in `tree` was renamed from in `parent`, if any.
    fn renamed_from(&mut self, parent: &Tree, tree: &Tree, path: &str) -> Option<String> {
        if self.renames.len() > MAX_CACHED_DIRS {
            self.renames.clear();
        }
        let repo = self.repo;
        self.renames
            .entry((parent.id(), tree.id()))
            .or_insert_with(|| renames(repo, parent, tree))
            .get(path)
            .cloned()
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
    let message = String::from_utf8_lossy(commit.message_bytes());
    let message = message.as_ref();
    let (body, reviewers, deciders) = split_trailers(message);
    Iteration {
        n: 0,
        commit: Some(commit.id().to_string()),
        short: short_id(commit.id()),
        author: Person {
            name: String::from_utf8_lossy(author.name_bytes()).into_owned(),
            email: String::from_utf8_lossy(author.email_bytes()).into_owned(),
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
        .map(|b| String::from_utf8_lossy(b).into_owned())
        .unwrap_or_default()
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
        if entry.len() >= 50 {
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
    fn people() {
        assert_eq!(parse_person("a@b.c").email, "a@b.c");
        assert_eq!(parse_person("Just A Name").email, "");
    }
}
