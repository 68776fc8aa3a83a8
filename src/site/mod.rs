//! `wb build`: the portfolio as a static site. Reads the portfolio, the
//! history (as data, through `PortfolioHistory`) and the findings; renders
//! pages in parallel from typed data; writes everything into a temporary
//! folder beside the target and swaps it in only when the build succeeded.
//! The site is built from what loads: a file that does not is left out and
//! listed on the index (`broken`); `strict` keeps all-or-nothing.

mod broken;
mod cache;
pub mod data;
mod diffview;
mod feed;
mod pages;
pub mod render;
mod store;
mod svg;
mod write;

use std::collections::HashSet;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use crate::check::Counts;
use crate::error::{Error, Result};
use crate::portfolio::Portfolio;

pub use broken::{left_out, problems};
pub use write::{Guarded, MARKER, check_target, resolve};

/// A progress callback: (proposals done, total).
pub type Progress = std::sync::Arc<dyn Fn(usize, usize) + Send + Sync>;

#[derive(Clone, Default)]
pub struct BuildOptions {
    /// Output folder; default `site.out` from wb.yaml, under the portfolio root.
    pub out: Option<PathBuf>,
    /// Script URL for `wb serve`'s live reload.
    pub live_reload: Option<String>,
    /// Called with (done, total) as proposals are processed.
    pub progress: Option<Progress>,
    /// All or nothing: any problem writes no site (as `site.strict`).
    pub strict: bool,
}

/// What a build did, for the closing line.
#[derive(Debug)]
pub struct BuildReport {
    pub out: PathBuf,
    /// Proposals built.
    pub proposals: usize,
    /// Proposal files left out (they did not load, or share a slug).
    pub left_out: usize,
    /// Every problem, listed on the index too: the caller prints them
    /// and exits 2.
    pub problems: Vec<Error>,
    pub iterations: usize,
    pub pages: usize,
    pub findings: Counts,
    pub elapsed: Duration,
}

/// Builds the site of `portfolio` from the proposals that load; the files
/// that do not (and both files of a shared slug) are left out, listed on
/// the index and returned in the report's `problems`. Nothing is written
/// when nothing loads, when a template fails, or, with `strict` (or
/// `site.strict`), when there is any problem: the previous site stays as
/// it was.
pub fn build(portfolio: &Portfolio, opts: &BuildOptions) -> Result<BuildReport> {
    let started = Instant::now();
    let problems = broken::problems(portfolio);
    let shared: HashSet<&str> = portfolio.clashes.iter().map(|c| c.slug.as_str()).collect();
    let loadable = portfolio
        .proposals
        .iter()
        .filter(|p| !shared.contains(p.slug.as_str()))
        .count();
    let strict = opts.strict || portfolio.cfg().site.strict;
    if !problems.is_empty() && (strict || loadable == 0) {
        return Err(Error::Many(problems));
    }
    let out = opts
        .out
        .clone()
        .unwrap_or_else(|| portfolio.root.join(&portfolio.cfg().site.out));
    let out = write::resolve(&out)?;
    check_target(&Guarded::of(portfolio)?, &out)?;
    let trimmed;
    let building = if shared.is_empty() {
        portfolio
    } else {
        trimmed = without_shared_slugs(portfolio, &shared);
        &trimmed
    };
    // Pages are written into the staging folder as they are rendered, and
    // the folder swapped in only when every page is there.
    let staging = write::Staging::begin(&out)?;
    let built = pages::all(building, opts, &staging)?;
    let report = BuildReport {
        out: out.clone(),
        proposals: building.proposals.len(),
        left_out: broken::left_out(portfolio).len(),
        problems,
        iterations: built.iterations,
        pages: built.pages,
        findings: built.findings,
        elapsed: Duration::ZERO,
    };
    staging.swap_in()?;
    built.remember();
    Ok(BuildReport {
        elapsed: started.elapsed(),
        ..report
    })
}

/// The portfolio without the proposals whose slug another file shares.
fn without_shared_slugs(portfolio: &Portfolio, shared: &HashSet<&str>) -> Portfolio {
    Portfolio {
        root: portfolio.root.clone(),
        config: portfolio.config.clone(),
        options: portfolio.options.clone(),
        proposals: portfolio
            .proposals
            .iter()
            .filter(|p| !shared.contains(p.slug.as_str()))
            .cloned()
            .collect(),
        errors: portfolio.errors.iter().map(Error::duplicate).collect(),
        left_out: portfolio.left_out.clone(),
        clashes: portfolio.clashes.clone(),
    }
}
