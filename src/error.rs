//! Errors that point: every input error carries the path and, where known, the
//! line and column, plus a hint saying what to do next. Hint and location are
//! fields all the way to printing; nothing is parsed back out of a string.

use std::fmt;
use std::path::{Path, PathBuf};

/// A problem tied to a place in a file the user wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub path: PathBuf,
    /// 1-based line and column, counted from the top of the file.
    pub pos: Option<(usize, usize)>,
    pub message: String,
    pub hint: Option<String>,
}

impl Diagnostic {
    pub fn new(path: impl Into<PathBuf>, message: impl Into<String>) -> Self {
        Diagnostic {
            path: path.into(),
            pos: None,
            message: message.into(),
            hint: None,
        }
    }

    pub fn at(mut self, line: usize, col: usize) -> Self {
        self.pos = Some((line.max(1), col.max(1)));
        self
    }

    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// `path:line:col` (or just `path` when the place is the whole file).
    pub fn location(&self) -> String {
        match self.pos {
            Some((l, c)) => format!("{}:{}:{}", self.path.display(), l, c),
            None => self.path.display().to_string(),
        }
    }
}

impl fmt::Display for Diagnostic {
    /// `path:line:col: message` (the hint is a field of its own).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.location(), self.message)
    }
}

/// A problem that is not tied to a file: a message and what to do next.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub message: String,
    pub hint: Option<String>,
}

/// What git reported, keeping libgit2's classification so callers can tell
/// a missing object from a locked index. (Plain data: only `history`
/// touches git2.)
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GitFailure {
    pub message: String,
    /// libgit2's error class, e.g. `Odb`, `Repository`, `Reference`.
    pub class: String,
    /// libgit2's error code, e.g. `NotFound`, `Locked`, `GenericError`.
    pub code: String,
    pub hint: Option<String>,
}

/// The kind of an error, for exit codes, JSON output and tests.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A bad argument or an unknown name on the command line.
    Usage,
    /// A file the user wrote that wb cannot read.
    Input,
    /// The output cannot or must not be written there.
    Output,
    /// Reading or writing the file system failed.
    Io,
    /// Reading the git repository failed.
    Git,
}

/// Everything that can stop a command. All of these exit with code 2.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Bad input in a file: `path:line:col: message` and a hint.
    #[error("{0}")]
    Input(Box<Diagnostic>),
    /// A usage mistake that is not tied to a file (bad argument, unknown slug).
    #[error("{}", .0.message)]
    Usage(Box<Problem>),
    /// The output cannot or must not be written where it was asked to go.
    #[error("{0}")]
    Output(Box<Diagnostic>),
    /// An I/O failure, with the path it concerns.
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// Reading the git repository failed in a way we did not expect.
    #[error("git: {}", .0.message)]
    Git(Box<GitFailure>),
    /// Several independent problems (one broken proposal does not hide the others).
    #[error("{}", .0.iter().map(|e| e.to_string()).collect::<Vec<_>>().join("\n"))]
    Many(Vec<Error>),
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    pub fn usage(message: impl Into<String>) -> Self {
        Error::Usage(Box::new(Problem {
            message: message.into(),
            hint: None,
        }))
    }

    pub fn usage_hint(message: impl Into<String>, hint: impl Into<String>) -> Self {
        Error::Usage(Box::new(Problem {
            message: message.into(),
            hint: Some(hint.into()),
        }))
    }

    /// The output folder `path` is refused or cannot be written.
    pub fn output(path: &Path, message: impl Into<String>, hint: impl Into<String>) -> Self {
        Error::Output(Box::new(Diagnostic::new(path, message).hint(hint)))
    }

    pub fn io(path: &Path, source: std::io::Error) -> Self {
        Error::Io {
            path: path.to_path_buf(),
            source,
        }
    }

    pub fn kind(&self) -> Kind {
        match self {
            Error::Input(_) => Kind::Input,
            Error::Usage(_) => Kind::Usage,
            Error::Output(_) => Kind::Output,
            Error::Io { .. } => Kind::Io,
            Error::Git(_) => Kind::Git,
            Error::Many(v) => v.first().map_or(Kind::Usage, Error::kind),
        }
    }

    /// The file the error is about, if any.
    pub fn path(&self) -> Option<&Path> {
        match self {
            Error::Input(d) | Error::Output(d) => Some(&d.path),
            Error::Io { path, .. } => Some(path),
            _ => None,
        }
    }

    /// 1-based line and column, where known.
    pub fn pos(&self) -> Option<(usize, usize)> {
        match self {
            Error::Input(d) | Error::Output(d) => d.pos,
            _ => None,
        }
    }

    /// The message without location or hint.
    pub fn message(&self) -> String {
        match self {
            Error::Input(d) | Error::Output(d) => d.message.clone(),
            Error::Usage(p) => p.message.clone(),
            Error::Io { source, .. } => source.to_string(),
            Error::Git(g) => g.message.clone(),
            Error::Many(_) => self.to_string(),
        }
    }

    /// What to do next: the error's own hint, or one implied by its kind.
    pub fn hint(&self) -> Option<&str> {
        match self {
            Error::Input(d) | Error::Output(d) => d.hint.as_deref(),
            Error::Usage(p) => p.hint.as_deref(),
            Error::Git(g) => Some(g.hint.as_deref().unwrap_or(
                "check that `git status` works in this folder; wb only reads the repository",
            )),
            Error::Io { source, .. } => Some(match source.kind() {
                std::io::ErrorKind::NotFound => {
                    "check the path: it is relative to the current folder (or to -C DIR)"
                }
                std::io::ErrorKind::PermissionDenied => "check the file's permissions",
                _ => "check that the file or folder is readable and the disk is not full",
            }),
            Error::Many(_) => None,
        }
    }

    /// Flattens `Many` and returns the list of individual errors.
    pub fn into_vec(self) -> Vec<Error> {
        match self {
            Error::Many(v) => v.into_iter().flat_map(Error::into_vec).collect(),
            e => vec![e],
        }
    }

    /// Builds an error from a list, or `None` when the list is empty.
    pub fn from_vec(mut errors: Vec<Error>) -> Option<Error> {
        match errors.len() {
            0 => None,
            1 => errors.pop(),
            _ => Some(Error::Many(errors)),
        }
    }

    /// A copy (an `io::Error` is not `Clone`: its kind and text are kept).
    pub fn duplicate(&self) -> Error {
        match self {
            Error::Input(d) => Error::Input(d.clone()),
            Error::Output(d) => Error::Output(d.clone()),
            Error::Usage(p) => Error::Usage(p.clone()),
            Error::Io { path, source } => {
                Error::io(path, std::io::Error::new(source.kind(), source.to_string()))
            }
            Error::Git(g) => Error::Git(g.clone()),
            Error::Many(v) => Error::Many(v.iter().map(Error::duplicate).collect()),
        }
    }

    pub fn is_broken_pipe(&self) -> bool {
        matches!(self, Error::Io { source, .. } if source.kind() == std::io::ErrorKind::BrokenPipe)
    }
}

impl From<Diagnostic> for Error {
    fn from(d: Diagnostic) -> Self {
        Error::Input(Box::new(d))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hint_and_location_are_fields() {
        let e: Error = Diagnostic::new("p/x.md", "bad")
            .at(3, 4)
            .hint("fix it")
            .into();
        assert_eq!(e.to_string(), "p/x.md:3:4: bad");
        assert_eq!(e.hint(), Some("fix it"));
        assert_eq!(e.pos(), Some((3, 4)));
        assert_eq!(e.kind(), Kind::Input);
        let u = Error::usage_hint("no proposal `x`", "`wb list` shows every proposal");
        assert_eq!(u.to_string(), "no proposal `x`");
        assert_eq!(u.kind(), Kind::Usage);
        assert_eq!(u.hint(), Some("`wb list` shows every proposal"));
    }

    #[test]
    fn duplicates_keep_kind_and_text() {
        let e = Error::io(
            Path::new("a"),
            std::io::Error::new(std::io::ErrorKind::NotFound, "gone"),
        );
        let d = e.duplicate();
        assert_eq!(d.kind(), Kind::Io);
        assert_eq!(d.to_string(), e.to_string());
    }
}
