use wb::review::{Depth, Overview, Review};

use super::output::{DIM, Fit, Table, io_err, print_json, status_style};
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

pub fn run(args: Args) -> wb::Result<Exit> {
    let portfolio = super::open_portfolio()?;
    let wanted = portfolio.filter(&args.status, &args.tag)?;
    let review = Review::open(&portfolio)?;
    let rows: Vec<Overview> = review
        .assemble_all(wanted, Depth::Current)?
        .into_iter()
        .map(|a| a.overview)
        .collect();
    match args.format {
        Format::Json => print_json(&rows)?,
        Format::Text => {
            let filtered = (!args.status.is_empty() || !args.tag.is_empty())
                .then_some(portfolio.proposals.len());
            print_table(&rows, portfolio.errors.len(), filtered)?;
            if let Some(note) = review.state().note() {
                use std::io::Write;
                let _ = std::io::stdout().flush();
                let _ = writeln!(anstream::stderr(), "{DIM}note: {note}{DIM:#}");
            }
        }
    }
    drop(review);
    match wb::Error::from_vec(portfolio.errors) {
        Some(e) => Err(e),
        None => Ok(Exit::Ok),
    }
}

/// The table; `unreadable` files are reported apart (as errors, after it).
/// `filtered`: the number of proposals before `--status`/`--tag` chose.
fn print_table(rows: &[Overview], unreadable: usize, filtered: Option<usize>) -> wb::Result<()> {
    let mut out = anstream::stdout().lock();
    if rows.is_empty() {
        use std::io::Write;
        match unreadable {
            _ if filtered.is_some_and(|n| n > 0) => writeln!(
                out,
                "{DIM}no proposal matches --status/--tag ({} proposal{} in all; `wb list` shows them){DIM:#}",
                filtered.unwrap_or(0),
                if filtered == Some(1) { "" } else { "s" }
            ),
            0 => writeln!(
                out,
                "{DIM}no proposals yet: `wb new \"Title\"` starts one{DIM:#}"
            ),
            n => writeln!(
                out,
                "{DIM}no proposal could be read ({n} file{} with errors){DIM:#}",
                if n == 1 { "" } else { "s" }
            ),
        }
        .map_err(io_err)?;
        return Ok(());
    }
    let mut table = Table::new(&[
        ("SLUG", Fit::Keep),
        ("TITLE", Fit::Free(44)),
        ("STATUS", Fit::Cap(10)),
        ("OWNER", Fit::Free(24)),
        ("CUSTOMER", Fit::Free(40)),
        ("LAUNCH", Fit::Keep),
        ("WORDS", Fit::Keep),
        ("ITER", Fit::Keep),
        ("CHANGED", Fit::Keep),
        ("REVIEWER", Fit::Free(20)),
        ("FINDINGS", Fit::Keep),
    ])
    .optional(&["WORDS", "REVIEWER", "ITER", "CHANGED", "OWNER", "LAUNCH"]);
    let plain = anstyle::Style::new();
    for r in rows {
        let owner = r.owner_name.as_deref().unwrap_or("-");
        table.row(vec![
            (r.slug.to_string(), plain),
            (r.title.to_string(), plain),
            (r.status.clone(), status_style(r.meaning)),
            (owner.to_string(), plain),
            (r.customer.as_deref().unwrap_or("-").to_string(), plain),
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
