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

/// Refuses targets that would destroy something: the portfolio itself, a
/// folder holding it, or an existing folder that wb did not build. `out`
/// must come from [`resolve`].
pub fn check_target(root: &Path, out: &Path) -> Result<()> {
    let root_abs = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    if out.parent().is_none() || root_abs.starts_with(out) {
        return Err(Error::output(
            out,
            "refusing to build here: it holds the portfolio",
            "pick an output folder of its own, e.g. --out _site",
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

/// Writes `files` into a fresh folder beside `out`, then swaps it in.
pub fn swap_in(out: &Path, files: &[File]) -> Result<()> {
    let parent = out.parent().unwrap_or(Path::new("."));
    crate::fs::create_dir_all(parent)?;
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "site".into());
    let tmp = tempfile::Builder::new()
        .prefix(&format!(".{name}.wb-new-"))
        .tempdir_in(parent)
        .map_err(|e| Error::io(parent, e))?;
    for f in files {
        let Some(path) = crate::fs::join_inside(tmp.path(), &f.path) else {
            return Err(Error::output(
                Path::new(&f.path),
                "refusing to write outside the site",
                "a page's path must stay inside the output folder",
            ));
        };
        crate::fs::write(&path, &f.contents)?;
    }
    crate::fs::write(
        &tmp.path().join(MARKER),
        b"built by wb; `wb build` replaces this folder\n",
    )?;
    // Move the previous site aside while the new one is still a guarded
    // temporary folder: if that fails, the new one is cleaned up.
    let old: Option<PathBuf> = if out.exists() {
        if !out.join(MARKER).exists()
            && std::fs::read_dir(out).is_ok_and(|mut d| d.next().is_some())
        {
            return Err(Error::output(
                out,
                "exists and was not built by wb; refusing to replace it",
                "pick another output with --out, or empty the folder first",
            ));
        }
        let old = parent.join(format!(".{name}.wb-old-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&old);
        std::fs::rename(out, &old).map_err(|e| Error::io(out, e))?;
        Some(old)
    } else {
        None
    };
    let staged = tmp.keep();
    if let Err(e) = std::fs::rename(&staged, out) {
        // Put the previous site back before reporting.
        if let Some(old) = &old {
            let _ = std::fs::rename(old, out);
        }
        let _ = std::fs::remove_dir_all(&staged);
        return Err(Error::io(out, e));
    }
    if let Some(old) = old {
        let _ = std::fs::remove_dir_all(old);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_the_portfolio_and_foreign_folders() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("portfolio");
        std::fs::create_dir_all(root.join("proposals")).unwrap();
        assert!(check_target(&root, &root).is_err());
        assert!(check_target(&root, dir.path()).is_err());
        std::fs::write(root.join("docs.txt"), "x").unwrap();
        let foreign = root.join("proposals");
        std::fs::write(foreign.join("a.md"), "x").unwrap();
        assert!(check_target(&root, &foreign).is_err());
        assert!(check_target(&root, &root.join("_site")).is_ok());
    }

    #[test]
    fn dot_dot_cannot_hide_the_portfolio() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("portfolio");
        std::fs::create_dir_all(root.join("proposals")).unwrap();
        std::fs::write(root.join("proposals/a.md"), "x").unwrap();
        let sneaky = resolve(&root.join("nothere/../proposals")).unwrap();
        assert_eq!(sneaky, root.canonicalize().unwrap().join("proposals"));
        assert!(check_target(&root, &sneaky).is_err());
        let up = resolve(&root.join("nothere/../../portfolio")).unwrap();
        assert!(check_target(&root, &up).is_err());
        let fine = resolve(&root.join("a/b/../_site")).unwrap();
        assert_eq!(fine, root.canonicalize().unwrap().join("a/_site"));
        assert!(check_target(&root, &fine).is_ok());
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
}
