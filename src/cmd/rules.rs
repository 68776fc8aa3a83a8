use std::io::Write;

use serde::Serialize;
use wb::check::{self, Rule};

use super::output::{DIM, Fit, Table, io_err, print_json};
use super::{Exit, Format};

/// List the rules `wb check` applies: id, default severity, summary
///
/// Severities follow the pattern's tier: error for the critical ones,
/// warning for high impact, info for medium. `wb explain RULE` tells more.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Output format
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
}

/// One rule as `wb rules --format json` prints it.
#[derive(Debug, Serialize)]
struct Row {
    id: &'static str,
    severity: wb::config::Severity,
    summary: &'static str,
    /// True for the rules that read git history.
    git: bool,
    /// Markdown.
    explanation: String,
}

impl Row {
    fn of(r: &Rule) -> Row {
        Row {
            id: r.id,
            severity: r.severity,
            summary: r.summary,
            git: r.git,
            explanation: r.explain(),
        }
    }
}

pub fn run(args: Args) -> wb::Result<Exit> {
    let rows: Vec<Row> = check::catalogue().iter().map(Row::of).collect();
    if args.format == Format::Json {
        print_json(&rows)?;
        return Ok(Exit::Ok);
    }
    let mut out = anstream::stdout().lock();
    let mut table = Table::new(&[
        ("RULE", Fit::Keep),
        ("SEVERITY", Fit::Keep),
        ("SUMMARY", Fit::Free(100)),
    ]);
    let plain = anstyle::Style::new();
    for r in &rows {
        let summary = if r.git {
            format!("{} (git)", r.summary)
        } else {
            r.summary.to_string()
        };
        table.row(vec![
            (r.id.to_string(), plain),
            (
                r.severity.to_string(),
                super::check::severity_style(r.severity),
            ),
            (summary, plain),
        ]);
    }
    table.print(&mut out).map_err(io_err)?;
    writeln!(
        out,
        "\n{DIM}Also `{}`: reports wb-disable comments that silence nothing.\n\
         `wb explain RULE` says what a rule looks at and what it misses.{DIM:#}",
        check::UNUSED_SUPPRESSION
    )
    .map_err(io_err)?;
    Ok(Exit::Ok)
}
