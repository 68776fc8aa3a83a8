//! File-system wrappers that put the path into every error, and the two
//! write disciplines wb relies on: create-never-overwrite and build-then-swap.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::error::{Diagnostic, Error, Result};

/// Largest file wb reads as a proposal or config: anything bigger is refused
/// before parsing, so a runaway file costs nothing.
pub const MAX_FILE_BYTES: u64 = 8 * 1024 * 1024;

pub fn read(path: &Path) -> Result<Vec<u8>> {
    let meta = std::fs::metadata(path).map_err(|e| Error::io(path, e))?;
    if meta.is_dir() {
        return Err(Diagnostic::new(path, "is a directory, not a file")
            .hint("a proposal is a Markdown file; rename or move the folder")
            .into());
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(Diagnostic::new(
            path,
            format!(
                "file is {} bytes; wb reads files up to {} bytes",
                meta.len(),
                MAX_FILE_BYTES
            ),
        )
        .at(1, 1)
        .hint("a PR/FAQ is a few pages; split the file or move attachments out")
        .into());
    }
    std::fs::read(path).map_err(|e| Error::io(path, e))
}

/// Reads a text file, refusing bytes that are not UTF-8 with the line and
/// column of the first bad byte.
pub fn read_text(path: &Path) -> Result<String> {
    let bytes = read(path)?;
    decode_utf8(path, bytes)
}

pub fn decode_utf8(path: &Path, bytes: Vec<u8>) -> Result<String> {
    match String::from_utf8(bytes) {
        Ok(s) => Ok(s),
        Err(e) => {
            let good = &e.as_bytes()[..e.utf8_error().valid_up_to()];
            let line = good.iter().filter(|&&b| b == b'\n').count() + 1;
            let line_start = good.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
            let col = String::from_utf8_lossy(&good[line_start..]).chars().count() + 1;
            Err(Diagnostic::new(path, "the file is not valid UTF-8")
                .at(line, col)
                .hint("save the file as UTF-8 (most editors offer it under 'Save with encoding')")
                .into())
        }
    }
}

pub fn create_dir_all(path: &Path) -> Result<()> {
    std::fs::create_dir_all(path).map_err(|e| Error::io(path, e))
}

pub fn write(path: &Path, contents: impl AsRef<[u8]>) -> Result<()> {
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        create_dir_all(parent)?;
    }
    std::fs::write(path, contents).map_err(|e| Error::io(path, e))
}

/// Creates `path` with `contents` only if nothing exists there yet. The file
/// appears complete or not at all: it is written to a temporary file beside
/// it and linked into place without replacing anything.
pub fn create_new(path: &Path, contents: &[u8]) -> Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    create_dir_all(dir)?;
    if path.symlink_metadata().is_ok() {
        return Err(already_exists(path));
    }
    let mut builder = tempfile::Builder::new();
    // Temporary files are private (0600); the user's files get the usual
    // mode, which the umask then trims.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut tmp = builder
        .prefix(".wb-new-")
        .tempfile_in(dir)
        .map_err(|e| Error::io(dir, e))?;
    tmp.write_all(contents).map_err(|e| Error::io(path, e))?;
    tmp.as_file().sync_all().map_err(|e| Error::io(path, e))?;
    match tmp.persist_noclobber(path) {
        Ok(_) => Ok(()),
        Err(e) if e.error.kind() == std::io::ErrorKind::AlreadyExists => Err(already_exists(path)),
        Err(e) => Err(Error::io(path, e.error)),
    }
}

fn already_exists(path: &Path) -> Error {
    Diagnostic::new(path, "already exists; wb never overwrites a file")
        .hint("pick another title or pass --slug NAME")
        .into()
}

/// Refuses `path` when it (or a symbolic link on the way to it) leads
/// outside `root`: wb never reads files from outside the portfolio, whatever
/// a link in it says.
pub fn ensure_inside(root: &Path, path: &Path) -> Result<()> {
    let root = root.canonicalize().map_err(|e| Error::io(root, e))?;
    let real = path.canonicalize().map_err(|e| Error::io(path, e))?;
    if real.starts_with(&root) {
        return Ok(());
    }
    Err(Diagnostic::new(
        path,
        "is a symbolic link that leads outside the portfolio; wb does not follow it",
    )
    .hint("copy the file into the portfolio instead of linking to it")
    .into())
}

/// Makes `path` relative to `base` for display when it lies under it.
pub fn display_relative(path: &Path, base: &Path) -> PathBuf {
    path.strip_prefix(base)
        .map(Path::to_path_buf)
        .unwrap_or_else(|_| path.to_path_buf())
}

/// Joins `rel` under `base`, refusing anything that would escape it
/// (absolute paths, `..`). Used wherever untrusted text names a file.
pub fn join_inside(base: &Path, rel: &str) -> Option<PathBuf> {
    let rel = Path::new(rel);
    let mut out = base.to_path_buf();
    for c in rel.components() {
        match c {
            std::path::Component::Normal(p) => out.push(p),
            std::path::Component::CurDir => {}
            _ => return None,
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_error_points_at_the_bad_byte() {
        let err = decode_utf8(Path::new("x.md"), b"ab\ncd\xffe".to_vec()).unwrap_err();
        assert_eq!(
            err.to_string().lines().next().unwrap(),
            "x.md:2:3: the file is not valid UTF-8"
        );
    }

    #[test]
    fn join_inside_refuses_escapes() {
        let base = Path::new("/out");
        assert_eq!(join_inside(base, "p/a"), Some(PathBuf::from("/out/p/a")));
        assert_eq!(join_inside(base, "../x"), None);
        assert_eq!(join_inside(base, "/etc/passwd"), None);
    }

    #[test]
    fn create_new_never_overwrites() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.md");
        create_new(&p, b"one").unwrap();
        let err = create_new(&p, b"two").unwrap_err();
        assert!(err.to_string().contains("already exists"));
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "one");
    }
}
