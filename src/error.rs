//! Errors that point: every input error carries the path and, where known, the
//! line and column, plus a hint saying what to do next.

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
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.location(), self.message)?;
        if let Some(hint) = &self.hint {
            write!(f, "\n  hint: {hint}")?;
        }
        Ok(())
    }
}

/// Everything that can stop a command. All of these exit with code 2.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Bad input in a file: `path:line:col: message` and a hint.
    #[error("{0}")]
    Input(Box<Diagnostic>),
    /// An I/O failure, with the path it concerns.
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// A usage mistake that is not tied to a file (bad argument, unknown slug).
    #[error("{message}{}", hint.as_ref().map(|h| format!("\n  hint: {h}")).unwrap_or_default())]
    Usage {
        message: String,
        hint: Option<String>,
    },
    /// Several independent problems (one broken proposal does not hide the others).
    #[error("{}", .0.iter().map(|e| e.to_string()).collect::<Vec<_>>().join("\n"))]
    Many(Vec<Error>),
    /// Reading the git repository failed in a way we did not expect.
    #[error("git: {0}")]
    Git(String),
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    pub fn usage(message: impl Into<String>) -> Self {
        Error::Usage {
            message: message.into(),
            hint: None,
        }
    }

    pub fn usage_hint(message: impl Into<String>, hint: impl Into<String>) -> Self {
        Error::Usage {
            message: message.into(),
            hint: Some(hint.into()),
        }
    }

    pub fn io(path: &Path, source: std::io::Error) -> Self {
        Error::Io {
            path: path.to_path_buf(),
            source,
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
}

impl From<Diagnostic> for Error {
    fn from(d: Diagnostic) -> Self {
        Error::Input(Box::new(d))
    }
}
