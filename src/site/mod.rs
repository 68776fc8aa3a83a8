//! `wb build`: the portfolio as a static site. Reads the portfolio, the
//! history (as data, through `PortfolioHistory`) and the findings; renders
//! pages in parallel from typed data; writes everything into a temporary
//! folder beside the target and swaps it in only when the build succeeded.

mod cache;
pub mod data;
mod diffview;
mod feed;
mod pages;
pub mod render;
mod store;
mod svg;
mod write;

use std::path::PathBuf;
use std::time::{Duration, Instant};

use crate::check::Counts;
use crate::error::{Error, Result};
use crate::portfolio::Portfolio;

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
}

/// What a build did, for the closing line.
#[derive(Debug, Clone)]
pub struct BuildReport {
    pub out: PathBuf,
    pub proposals: usize,
    pub iterations: usize,
    pub pages: usize,
    pub findings: Counts,
    pub elapsed: Duration,
}

/// Builds the site of `portfolio`. Nothing is written when a proposal does
/// not parse or a template fails: every problem is reported and the
/// previous site stays as it was.
pub fn build(portfolio: &Portfolio, opts: &BuildOptions) -> Result<BuildReport> {
    let started = Instant::now();
    if !portfolio.errors.is_empty() {
        let errors: Vec<Error> = portfolio.errors.iter().map(Error::duplicate).collect();
        return Err(Error::Many(errors));
    }
    let out = opts
        .out
        .clone()
        .unwrap_or_else(|| portfolio.root.join(&portfolio.cfg().site.out));
    let out = write::resolve(&out)?;
    check_target(&Guarded::of(portfolio)?, &out)?;
    // Pages are written into the staging folder as they are rendered, and
    // the folder swapped in only when every page is there.
    let staging = write::Staging::begin(&out)?;
    let built = pages::all(portfolio, opts, &staging)?;
    let report = BuildReport {
        out: out.clone(),
        proposals: portfolio.proposals.len(),
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
