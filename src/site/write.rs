//! Writing the site: into a temporary folder beside the target, swapped in
//! only when complete, never outside the target, never over a folder that
//! is not a wb site.

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// A file wb leaves in every site it builds; a folder without it is not
/// replaced.
pub const MARKER: &str = ".wb-site";

/// One file of the site: a path relative to the site root and its bytes.
pub struct File {
    pub path: String,
    pub contents: Vec<u8>,
}

/// The output folder as it really is on disk: absolute, `.` and `..`
/// resolved, symbolic links in the part that exists followed. Every check
/// and every write uses this path, so `missing/../proposals` cannot slip
/// past the checks and land on the proposals.
pub fn resolve(out: &Path) -> Result<PathBuf> {
    let abs = std::path::absolute(out).map_err(|e| Error::io(out, e))?;
    let mut clean = PathBuf::new();
    for c in abs.components() {
        match c {
            std::path::Component::ParentDir => {
                clean.pop();
            }
            std::path::Component::CurDir => {}
            c => clean.push(c),
        }
    }
    // Follow links in the longest part that exists; keep the rest as is.
    let mut existing = clean.clone();
    let mut rest = Vec::new();
    while !existing.exists() {
        match (
            existing.file_name().map(|n| n.to_os_string()),
            existing.parent(),
        ) {
            (Some(name), Some(parent)) => {
                rest.push(name);
                existing = parent.to_path_buf();
            }
            _ => break,
        }
    }
    let mut resolved = existing.canonicalize().unwrap_or(existing);
    for name in rest.into_iter().rev() {
        resolved.push(name);
    }
    Ok(resolved)
}

/// The folders an output may never be, hold or sit inside: replacing the
/// output deletes it, and a site written into one of these would be
/// deleted (or delete what it holds) on the next build, whatever marker
/// the folder carries.
#[derive(Debug, Clone)]
pub struct Guarded {
    /// The portfolio root: the output may sit inside it, never be or hold it.
    root: PathBuf,
    /// (folder, what it is), each resolved as [`resolve`] does.
    folders: Vec<(PathBuf, String)>,
}

impl Guarded {
    /// The root, its `.wb/` and `.git/`, the repository's git folder, and
    /// every proposal source: a folder, or the fixed part of a glob (a glob
    /// with no fixed part, `*.md`, is guarded by the root rule; the output
    /// is never searched for proposals).
    pub fn of(portfolio: &crate::portfolio::Portfolio) -> Result<Guarded> {
        let root = resolve(&portfolio.root)?;
        let mut folders = Vec::new();
        for source in &portfolio.cfg().proposals {
            let fixed: Vec<&str> = source
                .split('/')
                .take_while(|c| !c.contains(['*', '?', '[', '{']))
                .collect();
            let is_glob = fixed.len() < source.split('/').count();
            let base = resolve(&portfolio.root.join(fixed.join("/")))?;
            if base != root {
                let what = if is_glob {
                    format!("the proposals folder of `{source}`")
                } else {
                    "the proposals folder".to_string()
                };
                folders.push((base, what));
            }
        }
        folders.push((root.join(".wb"), "wb's folder `.wb`".to_string()));
        folders.push((root.join(".git"), "the git folder".to_string()));
        if let Some(git) = crate::history::git_dir(&portfolio.root) {
            folders.push((resolve(&git)?, "the git folder".to_string()));
        }
        Ok(Guarded { root, folders })
    }

    /// Only the root (for tests and callers without a portfolio).
    pub fn root_only(root: &Path) -> Result<Guarded> {
        Ok(Guarded {
            root: resolve(root)?,
            folders: Vec::new(),
        })
    }
}

/// Refuses targets that would destroy something: the portfolio itself, a
/// folder holding it, a guarded folder (proposals, `.wb`, `.git`), a folder
/// inside or holding one, or an existing folder that wb did not build.
/// `out` must come from [`resolve`].
pub fn check_target(guarded: &Guarded, out: &Path) -> Result<()> {
    const HINT: &str =
        "pick an output folder of its own, e.g. --out _site (or `site: {out: _site}` in wb.yaml)";
    if out.parent().is_none() || guarded.root.starts_with(out) {
        return Err(Error::output(
            out,
            "refusing to build here: it holds the portfolio",
            HINT,
        ));
    }
    for (folder, what) in &guarded.folders {
        let shown = crate::fs::display_relative(folder, &guarded.root);
        if out.starts_with(folder) {
            let place = if out == folder { "is" } else { "is inside" };
            return Err(Error::output(
                out,
                format!(
                    "refusing to build here: it {place} {what} `{}`",
                    shown.display()
                ),
                HINT,
            ));
        }
        if folder.starts_with(out) {
            return Err(Error::output(
                out,
                format!(
                    "refusing to build here: it holds {what} `{}`",
                    shown.display()
                ),
                HINT,
            ));
        }
    }
    // A link to nowhere (or a loop of links): wb would write through it.
    if !out.exists()
        && let Ok(target) = std::fs::read_link(out)
    {
        return Err(Error::output(
            out,
            format!(
                "is a symbolic link to `{}`, which leads to no folder",
                target.display()
            ),
            "create the folder it points to, remove the link, or pick another output with --out",
        ));
    }
    if out.exists() {
        if !out.is_dir() {
            return Err(Error::output(
                out,
                "exists and is not a folder",
                "remove it or pick another output with --out",
            ));
        }
        let empty = std::fs::read_dir(out)
            .map(|mut d| d.next().is_none())
            .unwrap_or(false);
        if !empty && !out.join(MARKER).exists() {
            return Err(Error::output(
                out,
                "exists and was not built by wb; refusing to replace it",
                "pick another output with --out, or empty the folder first",
            ));
        }
    }
    Ok(())
}

/// Staging folders sit beside the output as `.<name>.wb-new-<pid>-<random>`
/// (the new site) and `.<name>.wb-old-<pid>-<random>` (the previous one
/// while it is swapped out), each holding exactly one folder named like
/// the output: a `.gitignore` that ignores the output by name (`_site/`,
/// as `wb init` writes it) ignores what they hold too, and git never lists
/// a folder whose content is all ignored.
fn staging_prefix(name: &str, kind: &str) -> String {
    format!(".{name}.wb-{kind}-")
}

/// Writes `files` into a fresh folder beside `out`, then swaps it in.
/// Staging folders that an interrupted build left are cleaned up first
/// (a previous site caught in the middle of a swap is put back).
#[cfg(test)]
pub fn swap_in(out: &Path, files: &[File]) -> Result<()> {
    let staging = Staging::begin(out)?;
    for f in files {
        staging.write(&f.path, &f.contents)?;
    }
    staging.swap_in()
}

/// A site being built: a fresh folder beside the output that pages are
/// written into as they are rendered (from several threads at once), and
/// that replaces the output only when [`Staging::swap_in`] is called.
/// Dropped without it, the folder is removed and the output left as it was.
pub struct Staging {
    out: PathBuf,
    parent: PathBuf,
    name: String,
    /// The new site's folder inside `wrapper`.
    staged: PathBuf,
    wrapper: tempfile::TempDir,
    /// The output is a site wb built: its files may be taken over.
    previous_ours: bool,
}

impl Staging {
    /// Cleans up what interrupted builds left (a previous site caught in
    /// the middle of a swap is put back), then makes the staging folder
    /// and writes the marker into it.
    pub fn begin(out: &Path) -> Result<Staging> {
        let parent = out.parent().unwrap_or(Path::new(".")).to_path_buf();
        crate::fs::create_dir_all(&parent)?;
        let name = out
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "site".into());
        clean_stale(&parent, &name, out);
        let pid = std::process::id();
        let wrapper = tempfile::Builder::new()
            .prefix(&format!("{}{pid}-", staging_prefix(&name, "new")))
            .tempdir_in(&parent)
            .map_err(|e| Error::io(&parent, e))?;
        let staged = wrapper.path().join(&name);
        // The marker first: a staging folder that holds it was made by wb, so
        // the next build may clean it up whenever this one is interrupted.
        crate::fs::write(
            &staged.join(MARKER),
            b"built by wb; `wb build` replaces this folder\n",
        )?;
        let previous_ours = std::fs::symlink_metadata(out).is_ok_and(|m| m.is_dir())
            && std::fs::symlink_metadata(out.join(MARKER)).is_ok_and(|m| m.is_file());
        Ok(Staging {
            out: out.to_path_buf(),
            parent,
            name,
            staged,
            wrapper,
            previous_ours,
        })
    }

    /// Where `rel` goes in the new site; refused outside it.
    fn place(&self, rel: &str) -> Result<PathBuf> {
        crate::fs::join_inside(&self.staged, rel).ok_or_else(|| {
            Error::output(
                Path::new(rel),
                "refusing to write outside the site",
                "a page's path must stay inside the output folder",
            )
        })
    }

    /// Writes one file of the new site (`rel`: relative to the site root).
    pub fn write(&self, rel: &str, contents: &[u8]) -> Result<Stamp> {
        let path = self.place(rel)?;
        // A file taken over from the previous site is a hard link to it:
        // never written through.
        let _ = std::fs::remove_file(&path);
        crate::fs::write(&path, contents)?;
        Ok(Stamp::of(&path).unwrap_or_default())
    }

    /// Takes `rel` over from the site being replaced, if it is still the
    /// file this build's cache says it wrote there (`stamp`: same size and
    /// modification time; a wb site, a plain file, not a link): hard-linked,
    /// else copied. `None` when it cannot be reused (render it again).
    pub fn reuse(&self, rel: &str, stamp: Stamp) -> Option<Stamp> {
        if !self.previous_ours {
            return None;
        }
        let old = crate::fs::join_inside(&self.out, rel)?;
        let meta = std::fs::symlink_metadata(&old).ok()?;
        if !meta.is_file() || Stamp::from_meta(&meta) != stamp {
            return None;
        }
        let new = self.place(rel).ok()?;
        let mut linked = std::fs::hard_link(&old, &new);
        if linked
            .as_ref()
            .is_err_and(|e| e.kind() == std::io::ErrorKind::NotFound)
            && let Some(dir) = new.parent()
        {
            // The first file of its folder.
            std::fs::create_dir_all(dir).ok()?;
            linked = std::fs::hard_link(&old, &new);
        }
        if linked.is_ok() {
            return Some(stamp);
        }
        std::fs::copy(&old, &new).ok()?;
        Stamp::of(&new)
    }

    /// Removes a file this build put into the new site.
    pub fn remove(&self, rel: &str) {
        if let Ok(path) = self.place(rel) {
            let _ = std::fs::remove_file(path);
        }
    }

    /// The output folder this build replaces.
    pub fn out(&self) -> &Path {
        &self.out
    }

    /// Whether the output is a site wb built (files may be reused from it).
    pub fn previous_is_ours(&self) -> bool {
        self.previous_ours
    }

    /// Swaps the new site in for the output.
    pub fn swap_in(self) -> Result<()> {
        let Staging {
            out,
            parent,
            name,
            staged,
            wrapper,
            ..
        } = self;
        let pid = std::process::id();
        // Move the previous site aside while the new one is still a guarded
        // temporary folder: if that fails, the new one is cleaned up.
        let old: Option<tempfile::TempDir> = if out.exists() {
            if !out.join(MARKER).exists()
                && std::fs::read_dir(&out).is_ok_and(|mut d| d.next().is_some())
            {
                return Err(Error::output(
                    &out,
                    "exists and was not built by wb; refusing to replace it",
                    "pick another output with --out, or empty the folder first",
                ));
            }
            let old = tempfile::Builder::new()
                .prefix(&format!("{}{pid}-", staging_prefix(&name, "old")))
                .tempdir_in(&parent)
                .map_err(|e| Error::io(&parent, e))?;
            std::fs::rename(&out, old.path().join(&name)).map_err(|e| Error::io(&out, e))?;
            Some(old)
        } else {
            None
        };
        if let Err(e) = std::fs::rename(&staged, &out) {
            // Put the previous site back before reporting.
            if let Some(old) = &old {
                let _ = std::fs::rename(old.path().join(&name), &out);
            }
            return Err(Error::io(&out, e));
        }
        // Dropping the temporary folders removes the previous site and the
        // now empty wrapper.
        drop(old);
        drop(wrapper);
        Ok(())
    }
}

/// What a file of the site looked like when wb wrote it: its size and
/// modification time. A file with another stamp was changed by someone
/// else and is not reused.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Stamp {
    pub len: u64,
    pub modified: u128,
}

impl Stamp {
    fn of(path: &Path) -> Option<Stamp> {
        std::fs::symlink_metadata(path)
            .ok()
            .map(|m| Stamp::from_meta(&m))
    }

    fn from_meta(m: &std::fs::Metadata) -> Stamp {
        Stamp {
            len: m.len(),
            modified: m
                .modified()
                .ok()
                .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                .map_or(0, |d| d.as_nanos()),
        }
    }
}

/// Removes the staging folders of builds that are no longer running (a
/// build killed midway leaves them). Only folders wb made are touched: the
/// name follows [`staging_prefix`] and what they hold is empty or a wb site
/// (it carries the marker). If the output itself is missing (a build killed
/// between the two renames of the swap), the previous site is put back.
fn clean_stale(parent: &Path, name: &str, out: &Path) {
    let Ok(entries) = std::fs::read_dir(parent) else {
        return;
    };
    let new_prefix = staging_prefix(name, "new");
    let old_prefix = staging_prefix(name, "old");
    let mut stale: Vec<(PathBuf, bool)> = Vec::new();
    for entry in entries.filter_map(std::result::Result::ok) {
        let file_name = entry.file_name().to_string_lossy().into_owned();
        let (rest, is_old) = if let Some(r) = file_name.strip_prefix(&new_prefix) {
            (r, false)
        } else if let Some(r) = file_name.strip_prefix(&old_prefix) {
            (r, true)
        } else {
            continue;
        };
        // Only real folders (never a link someone put there) of builds
        // that are gone.
        if !entry.file_type().is_ok_and(|t| t.is_dir()) || still_running(rest, &entry.path()) {
            continue;
        }
        stale.push((entry.path(), is_old));
    }
    for (wrapper, is_old) in stale {
        let inner = wrapper.join(name);
        let holds = |p: &Path| {
            std::fs::read_dir(p).map(|d| {
                d.filter_map(std::result::Result::ok)
                    .map(|e| e.file_name())
                    .collect::<Vec<_>>()
            })
        };
        let Ok(content) = holds(&wrapper) else {
            continue;
        };
        let ours = match content.as_slice() {
            [] => true,
            // Left by an older wb, which staged the site itself there.
            _ if wrapper.join(MARKER).is_file() => true,
            [only] if *only == *name => {
                inner.join(MARKER).is_file() || holds(&inner).is_ok_and(|c| c.is_empty())
            }
            _ => false,
        };
        if !ours {
            continue;
        }
        if is_old && inner.is_dir() && !out.exists() && std::fs::rename(&inner, out).is_ok() {
            let _ = std::fs::remove_dir(&wrapper);
            continue;
        }
        let _ = std::fs::remove_dir_all(&wrapper);
    }
}

/// Whether the build that made a staging folder may still be running: its
/// name starts with the builder's process id. On Linux a process that is
/// gone has no `/proc/<pid>`; elsewhere a folder untouched for ten minutes
/// counts as left behind.
fn still_running(rest: &str, path: &Path) -> bool {
    let Some(pid) = rest.split('-').next().and_then(|p| p.parse::<u32>().ok()) else {
        // Named by an older wb (no process id): judged by age alone below,
        // unless it is a complete site (checked by the caller).
        return !path.join(MARKER).is_file() && recent(path);
    };
    if pid == std::process::id() {
        // This process (`wb serve`) builds one site at a time.
        return false;
    }
    if cfg!(target_os = "linux") {
        return Path::new("/proc").join(pid.to_string()).exists();
    }
    recent(path)
}

/// Modified in the last ten minutes (or of unknown age).
fn recent(path: &Path) -> bool {
    std::fs::metadata(path)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| t.elapsed().ok())
        .is_none_or(|age| age < std::time::Duration::from_secs(600))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_the_portfolio_and_foreign_folders() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("portfolio");
        std::fs::create_dir_all(root.join("proposals")).unwrap();
        let g = Guarded::root_only(&root).unwrap();
        assert!(check_target(&g, &root).is_err());
        assert!(check_target(&g, dir.path()).is_err());
        std::fs::write(root.join("docs.txt"), "x").unwrap();
        let foreign = root.join("proposals");
        std::fs::write(foreign.join("a.md"), "x").unwrap();
        assert!(check_target(&g, &foreign).is_err());
        assert!(check_target(&g, &root.join("_site")).is_ok());
    }

    #[cfg(unix)]
    #[test]
    fn a_link_to_nowhere_is_named_as_one() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("portfolio");
        std::fs::create_dir_all(root.join("proposals")).unwrap();
        let g = Guarded::root_only(&root).unwrap();
        let out = root.join("site-out");
        std::os::unix::fs::symlink(dir.path().join("gone/site"), &out).unwrap();
        let out = resolve(&out).unwrap();
        let err = check_target(&g, &out).unwrap_err().to_string();
        assert!(err.contains("is a symbolic link to"), "{err}");
        assert!(err.contains("which leads to no folder"), "{err}");
        // The link is left as it was.
        assert!(
            std::fs::symlink_metadata(root.join("site-out"))
                .unwrap()
                .is_symlink()
        );
    }

    #[test]
    fn dot_dot_cannot_hide_the_portfolio() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("portfolio");
        std::fs::create_dir_all(root.join("proposals")).unwrap();
        std::fs::write(root.join("proposals/a.md"), "x").unwrap();
        let g = Guarded::root_only(&root).unwrap();
        let sneaky = resolve(&root.join("nothere/../proposals")).unwrap();
        assert_eq!(sneaky, root.canonicalize().unwrap().join("proposals"));
        assert!(check_target(&g, &sneaky).is_err());
        let up = resolve(&root.join("nothere/../../portfolio")).unwrap();
        assert!(check_target(&g, &up).is_err());
        let fine = resolve(&root.join("a/b/../_site")).unwrap();
        assert_eq!(fine, root.canonicalize().unwrap().join("a/_site"));
        assert!(check_target(&g, &fine).is_ok());
    }

    #[test]
    fn swap_replaces_a_previous_site() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("_site");
        swap_in(
            &out,
            &[File {
                path: "a.html".into(),
                contents: b"one".to_vec(),
            }],
        )
        .unwrap();
        swap_in(
            &out,
            &[File {
                path: "b.html".into(),
                contents: b"two".to_vec(),
            }],
        )
        .unwrap();
        assert!(!out.join("a.html").exists());
        assert_eq!(std::fs::read(out.join("b.html")).unwrap(), b"two");
        assert!(out.join(MARKER).exists());
        let leftovers: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(leftovers.len(), 1);
    }

    fn guarded(root: &Path) -> Guarded {
        let root = resolve(root).unwrap();
        Guarded {
            folders: vec![
                (root.join("docs/rfcs"), "the proposals folder".into()),
                (root.join(".wb"), "wb's folder `.wb`".into()),
                (root.join(".git"), "the git folder".into()),
            ],
            root,
        }
    }

    #[test]
    fn guarded_folders_are_never_an_output_whatever_marker_they_carry() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("portfolio");
        std::fs::create_dir_all(root.join("docs/rfcs")).unwrap();
        // An empty proposals folder, and one a wb build once wrote to.
        let g = guarded(&root);
        for rel in [
            "docs/rfcs",
            "docs/rfcs/site",
            "docs",
            ".wb",
            ".wb/x",
            ".git",
            ".git/objects",
        ] {
            let out = resolve(&root.join(rel)).unwrap();
            let e = check_target(&g, &out).unwrap_err();
            assert_eq!(e.kind(), crate::error::Kind::Output, "{rel}");
            assert!(
                e.to_string().contains("refusing to build here"),
                "{rel}: {e}"
            );
        }
        std::fs::write(root.join("docs/rfcs").join(MARKER), "x").unwrap();
        assert!(check_target(&g, &resolve(&root.join("docs/rfcs")).unwrap()).is_err());
        assert!(check_target(&g, &resolve(&root.join("_site")).unwrap()).is_ok());
        assert!(check_target(&g, &resolve(&root.join("docs/site")).unwrap()).is_ok());
    }

    fn names(dir: &Path) -> Vec<String> {
        let mut v: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    }

    /// A process id no process has (Linux caps them at 2^22).
    const GONE: u32 = 4_194_400;

    #[test]
    fn stale_staging_folders_are_cleaned_and_foreign_ones_kept() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("_site");
        let page = |s: &str| File {
            path: "index.html".into(),
            contents: s.as_bytes().to_vec(),
        };
        swap_in(&out, &[page("one")]).unwrap();
        // An interrupted build's new site (marker written first), a site
        // swapped out by a build that died, an empty wrapper, and a
        // folder of the same shape without the marker (not wb's).
        let stale_new = dir.path().join(format!("._site.wb-new-{GONE}-aaa/_site"));
        std::fs::create_dir_all(&stale_new).unwrap();
        std::fs::write(stale_new.join(MARKER), "x").unwrap();
        std::fs::write(stale_new.join("half.html"), "x").unwrap();
        let stale_old = dir.path().join(format!("._site.wb-old-{GONE}-bbb/_site"));
        std::fs::create_dir_all(&stale_old).unwrap();
        std::fs::write(stale_old.join(MARKER), "x").unwrap();
        std::fs::create_dir_all(dir.path().join(format!("._site.wb-new-{GONE}-ccc"))).unwrap();
        let foreign = dir.path().join(format!("._site.wb-new-{GONE}-ddd/_site"));
        std::fs::create_dir_all(&foreign).unwrap();
        std::fs::write(foreign.join("mine.txt"), "keep").unwrap();
        // A legacy staging folder (the site itself, marker at the top).
        let legacy = dir.path().join("._site.wb-new-Xy12Zq");
        std::fs::create_dir_all(&legacy).unwrap();
        std::fs::write(legacy.join(MARKER), "x").unwrap();
        swap_in(&out, &[page("two")]).unwrap();
        assert_eq!(
            names(dir.path()),
            vec![format!("._site.wb-new-{GONE}-ddd"), "_site".to_string()]
        );
        assert_eq!(std::fs::read(out.join("index.html")).unwrap(), b"two");
    }

    #[test]
    fn a_site_caught_mid_swap_is_put_back() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("_site");
        let old = dir.path().join(format!("._site.wb-old-{GONE}-eee/_site"));
        std::fs::create_dir_all(&old).unwrap();
        std::fs::write(old.join(MARKER), "x").unwrap();
        std::fs::write(old.join("index.html"), "previous").unwrap();
        clean_stale(dir.path(), "_site", &out);
        assert_eq!(names(dir.path()), vec!["_site"]);
        assert_eq!(std::fs::read(out.join("index.html")).unwrap(), b"previous");
    }
}
