use rayon::prelude::*;
use serde::Serialize;
use wb::check::Counts;
use wb::history::{History, PortfolioHistory, RepoState};
use wb::proposal::Proposal;

use super::output::{DIM, Table, io_err, print_json, status_style};
use super::{Exit, Format};

/// The portfolio as a table: every proposal and where it stands
///
/// Columns: slug, title, status, owner, customer, launch date, words,
/// iterations (commits that changed it; `+` marks uncommitted changes),
/// last change, last reviewer (from Reviewed-by trailers) and findings
/// (errors/warnings/infos, as `wb check` reports them).
/// A proposal that cannot be read is reported on stderr (exit code 2)
/// without hiding the others.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Only proposals with this status (repeat for several)
    #[arg(long, value_name = "STATUS")]
    pub status: Vec<String>,

    /// Only proposals with this tag (repeat for several: any matches)
    #[arg(long, value_name = "TAG")]
    pub tag: Vec<String>,

    /// Output format
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
}

/// One proposal as `wb list --format json` prints it.
#[derive(Debug, Serialize)]
struct Row<'a> {
    slug: &'a str,
    path: String,
    title: &'a str,
    status: &'a str,
    owner: Option<&'a str>,
    #[serde(skip)]
    owner_name: Option<&'a str>,
    customer: Option<&'a str>,
    launch_date: Option<String>,
    tags: &'a [String],
    words: usize,
    /// Committed iterations (0 outside a git repository).
    iterations: usize,
    /// Uncommitted changes exist.
    working_copy: bool,
    /// Date of the last committed iteration (author date).
    last_change: Option<String>,
    last_reviewer: Option<String>,
    findings: Counts,
}

impl<'a> Row<'a> {
    fn of(p: &'a Proposal, history: Option<&History>, findings: Counts) -> Self {
        let committed: Vec<_> = history.map(|h| h.committed().collect()).unwrap_or_default();
        let last_reviewer = committed
            .iter()
            .rev()
            .find_map(|i| i.reviewers.last())
            .map(|r| r.name.clone());
        Row {
            findings,
            iterations: committed.len(),
            working_copy: history.is_some_and(|h| h.iterations.iter().any(|i| i.working)),
            last_change: committed
                .last()
                .map(|i| i.date.format("%Y-%m-%d").to_string()),
            last_reviewer,
            slug: &p.slug,
            path: p.path.display().to_string(),
            title: &p.title,
            status: p.status(),
            owner: p.front.owner.as_deref(),
            owner_name: p.owner_name(),
            customer: p.front.customer.as_deref(),
            launch_date: p.front.launch_date.map(|d| d.to_string()),
            tags: &p.front.tags,
            words: p.body.words,
        }
    }
}

pub fn run(args: Args) -> wb::Result<Exit> {
    let portfolio = super::open_portfolio()?;
    for s in &args.status {
        if !portfolio.options.statuses.contains(&s.to_lowercase()) {
            return Err(wb::Error::usage_hint(
                format!("unknown status `{s}`"),
                format!("statuses: {}", portfolio.options.statuses.join(", ")),
            ));
        }
    }
    wb::check::validate(&portfolio.config)?;
    let histories = PortfolioHistory::load(&portfolio)?;
    let has_history = histories.state != RepoState::NoRepository;
    // Reading git is sequential (a repository handle is not shared between
    // threads); the rules then run in parallel.
    let git: Vec<(Option<&History>, Option<Proposal>)> = portfolio
        .proposals
        .iter()
        .map(|p| match has_history {
            true => (
                histories.of(p),
                histories.first_version(p, &portfolio.options),
            ),
            false => (None, None),
        })
        .collect();
    let counts: Vec<Counts> = portfolio
        .proposals
        .par_iter()
        .zip(git.par_iter())
        .map(|(p, (history, first))| {
            let ctx = wb::check::Context {
                config: portfolio.cfg(),
                history: *history,
                first_version: first.as_ref(),
            };
            Counts::of(&wb::check::check(p, &ctx))
        })
        .collect();
    let rows: Vec<Row> = portfolio
        .proposals
        .iter()
        .zip(counts)
        .filter(|(p, _)| {
            args.status.is_empty()
                || args
                    .status
                    .iter()
                    .any(|s| s.eq_ignore_ascii_case(p.status()))
        })
        .filter(|(p, _)| args.tag.is_empty() || p.front.tags.iter().any(|t| args.tag.contains(t)))
        .map(|(p, c)| Row::of(p, histories.of(p), c))
        .collect();
    match args.format {
        Format::Json => print_json(&rows)?,
        Format::Text => {
            print_table(&rows)?;
            if let Some(note) = histories.state.note() {
                use std::io::Write;
                let _ = std::io::stdout().flush();
                let _ = writeln!(anstream::stderr(), "{DIM}note: {note}{DIM:#}");
            }
        }
    }
    match wb::Error::from_vec(portfolio.errors) {
        Some(e) => Err(e),
        None => Ok(Exit::Ok),
    }
}

fn print_table(rows: &[Row]) -> wb::Result<()> {
    let mut out = anstream::stdout().lock();
    if rows.is_empty() {
        use std::io::Write;
        writeln!(
            out,
            "{DIM}no proposals yet: `wb new \"Title\"` starts one{DIM:#}"
        )
        .map_err(io_err)?;
        return Ok(());
    }
    let mut table = Table::new(&[
        ("SLUG", 32),
        ("TITLE", 44),
        ("STATUS", 10),
        ("OWNER", 24),
        ("CUSTOMER", 40),
        ("LAUNCH", 10),
        ("WORDS", 6),
        ("ITER", 5),
        ("CHANGED", 10),
        ("REVIEWER", 20),
        ("FINDINGS", 10),
    ]);
    let plain = anstyle::Style::new();
    for r in rows {
        let owner = r.owner_name.unwrap_or("-");
        table.row(vec![
            (r.slug.to_string(), plain),
            (r.title.to_string(), plain),
            (r.status.to_string(), status_style(r.status)),
            (owner.to_string(), plain),
            (r.customer.unwrap_or("-").to_string(), plain),
            (r.launch_date.clone().unwrap_or_else(|| "-".into()), plain),
            (r.words.to_string(), plain),
            (
                format!("{}{}", r.iterations, if r.working_copy { "+" } else { "" }),
                plain,
            ),
            (r.last_change.clone().unwrap_or_else(|| "-".into()), plain),
            (r.last_reviewer.clone().unwrap_or_else(|| "-".into()), plain),
            (
                format!(
                    "{}/{}/{}",
                    r.findings.errors, r.findings.warnings, r.findings.infos
                ),
                if r.findings.errors > 0 {
                    super::output::RED
                } else {
                    plain
                },
            ),
        ]);
    }
    table.print(&mut out).map_err(io_err)
}
