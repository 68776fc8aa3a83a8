//! What a build cannot use: the files left out of the site (they did not
//! load, or two share a slug) and the portfolio's other problems. The site
//! is built from what loads; these are listed on the index, printed, and
//! make `wb build` exit 2 (`--strict` writes nothing instead).

use std::collections::BTreeSet;
use std::path::PathBuf;

use super::data::{Broken, BrokenFile};
use crate::error::{Diagnostic, Error};
use crate::portfolio::Portfolio;

/// Every problem of the portfolio, in its order. A slug two files share
/// names both: building either one would be a guess, so both are left out.
pub fn problems(portfolio: &Portfolio) -> Vec<Error> {
    let mut out = Vec::new();
    for e in flat(&portfolio.errors) {
        let clash = portfolio
            .clashes
            .iter()
            .find(|c| e.kind() == crate::error::Kind::Input && e.path() == Some(&c.other));
        match clash {
            Some(c) => {
                let said = |path: &PathBuf, other: &PathBuf| -> Error {
                    Diagnostic::new(
                        path,
                        format!(
                            "slug `{}` is also used by {}; the site leaves both out",
                            c.slug,
                            other.display()
                        ),
                    )
                    .hint(c.hint)
                    .into()
                };
                out.push(said(&c.kept, &c.other));
                out.push(said(&c.other, &c.kept));
            }
            None => out.push(e.duplicate()),
        }
    }
    out
}

/// The proposal files the site leaves out: those that did not load and
/// both files of a shared slug.
pub fn left_out(portfolio: &Portfolio) -> BTreeSet<PathBuf> {
    let mut paths: BTreeSet<PathBuf> = portfolio.left_out.iter().cloned().collect();
    paths.extend(portfolio.clashes.iter().map(|c| c.kept.clone()));
    paths
}

/// The index's view of [`problems`]: files left out first, then the rest.
pub fn views(portfolio: &Portfolio) -> Broken {
    let left_out = left_out(portfolio);
    let mut broken = Broken::default();
    for e in problems(portfolio) {
        let view = view(&e);
        if e.path().is_some_and(|p| left_out.contains(p)) {
            broken.left_out.push(view);
        } else {
            broken.other.push(view);
        }
    }
    broken.any = !broken.left_out.is_empty() || !broken.other.is_empty();
    broken
}

fn view(e: &Error) -> BrokenFile {
    let path = e
        .path()
        .map(|p| p.display().to_string())
        .unwrap_or_default();
    let (line, col) = match e.pos() {
        Some((l, c)) => (Some(l), Some(c)),
        None => (None, None),
    };
    let location = match (line, col) {
        (Some(l), Some(c)) => format!("{path}:{l}:{c}"),
        _ => path.clone(),
    };
    BrokenFile {
        path,
        line,
        col,
        location,
        message_html: super::render::inline(&e.message()),
        hint_html: e.hint().map(super::render::inline),
        message: e.message(),
        hint: e.hint().map(str::to_string),
    }
}

fn flat(errors: &[Error]) -> Vec<&Error> {
    let mut out = Vec::new();
    for e in errors {
        match e {
            Error::Many(v) => out.extend(flat(v)),
            e => out.push(e),
        }
    }
    out
}
