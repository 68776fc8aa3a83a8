use std::io::Write;

use wb::check::Finding;
use wb::proposal::Proposal;
use wb::review::{Depth, Review};
use wb::{Error, Result};

use super::Exit;
use super::check::severity_style;
use super::output::{BOLD, DIM, GREEN, io_err, terminal_width};

/// Read one proposal in the terminal: its metadata, its text and its findings
///
/// The text is rendered (headings, emphasis, lists, quotes, tables) and
/// wrapped to the terminal's width (at most 100 columns; 80 in a pipe);
/// the template's guidance comments are left out. `--at N` shows the
/// proposal as iteration N left it, with that version's findings.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The proposal: its slug (or a unique start of it) or the path of its file
    #[arg(add = clap_complete::ArgValueCompleter::new(super::completions::slugs))]
    pub proposal: String,

    /// Show iteration N (a number, or `working`) instead of the current text
    #[arg(long, value_name = "N")]
    pub at: Option<String>,
}

pub fn run(args: Args) -> Result<Exit> {
    let cwd = std::env::current_dir().map_err(|e| Error::io(std::path::Path::new("."), e))?;
    let portfolio = wb::portfolio::Portfolio::open_one(&cwd, &args.proposal)?;
    let p = portfolio.find(&args.proposal)?;
    let review = Review::of(&portfolio.root, portfolio.cfg(), &portfolio.options, &[p])?;
    let width = terminal_width().map_or(80, |w| w.min(100));
    let mut out = anstream::stdout().lock();
    match &args.at {
        None => {
            let a = review.assemble(p, Depth::Current)?;
            print(&mut out, p, &history_line(&a.overview), &a.findings, width)?;
        }
        Some(at) => {
            let a = review.assemble(p, Depth::Checked)?;
            let timeline = a.timeline.unwrap_or_default();
            let step = timeline
                .find(at)
                .ok_or_else(|| super::history::missing_iteration(&timeline, at, review.state()))?;
            let version = step.version.as_ref().ok_or_else(|| {
                Error::usage_hint(
                    format!(
                        "iteration {at} could not be read: {}",
                        step.error.as_deref().unwrap_or("?")
                    ),
                    "`wb history PROPOSAL` lists the iterations",
                )
            })?;
            print(&mut out, version, &step_line(step), &step.findings, width)?;
        }
    }
    Ok(Exit::Ok)
}

/// "4 iterations · widest circle: team"
fn history_line(o: &wb::review::Overview) -> String {
    format!(
        "{} iteration{}{} · widest circle: {}",
        o.iterations,
        if o.iterations == 1 { "" } else { "s" },
        if o.working_copy {
            " + uncommitted changes"
        } else {
            ""
        },
        o.reach_name
    )
}

/// "iteration 2 · 812678a · 2026-08-19 · Ruth Adebayo · Narrow to night nurses"
fn step_line(step: &wb::timeline::Step) -> String {
    let it = &step.iteration;
    format!(
        "iteration {} · {} · {} · {} · {}",
        step.label(),
        it.short,
        it.date.format("%Y-%m-%d"),
        it.author.name,
        it.subject
    )
}

/// The metadata, the rendered body and the findings.
fn print(
    out: &mut dyn Write,
    p: &Proposal,
    history: &str,
    findings: &[Finding],
    width: usize,
) -> Result<()> {
    let mut w = |s: String| writeln!(out, "{s}").map_err(io_err);
    let title = wb::terminal::wrap(&p.title, width, "", "");
    w(format!("{BOLD}{title}{BOLD:#}"))?;
    let meta = format!("{} · {} · {history}", p.path.display(), p.status());
    for l in wb::terminal::wrap(&meta, width, "", "").lines() {
        w(format!("{DIM}{l}{DIM:#}"))?;
    }
    let f = &p.front;
    let fields = [
        ("owner", f.owner.clone()),
        ("customer", f.customer.clone()),
        ("launch", f.launch_date.map(|d| d.to_string())),
        ("tags", (!f.tags.is_empty()).then(|| f.tags.join(", "))),
    ];
    let metrics = f.metrics.iter().map(|m| ("metric", Some(m.clone())));
    for (key, value) in fields.into_iter().chain(metrics) {
        if let Some(v) = value {
            let first = format!("{DIM}{key:>8}:{DIM:#} ");
            w(wb::terminal::wrap(&v, width, &first, &" ".repeat(10)))?;
        }
    }
    w(String::new())?;
    let body: String = p
        .source
        .lines()
        .skip(p.body_line)
        .collect::<Vec<_>>()
        .join("\n");
    out.write_all(wb::terminal::render(&body, width).as_bytes())
        .map_err(io_err)?;
    writeln!(out).map_err(io_err)?;
    if findings.is_empty() {
        return writeln!(out, "{GREEN}no findings{GREEN:#}").map_err(io_err);
    }
    writeln!(
        out,
        "{BOLD}findings{BOLD:#} ({})",
        wb::check::Counts::of(findings)
    )
    .map_err(io_err)?;
    for f in findings {
        let style = severity_style(f.severity);
        let first = format!(
            "  {DIM}line {}:{DIM:#} {style}{}{style:#}[{}] ",
            f.line, f.severity, f.rule
        );
        let text = wb::terminal::wrap(&f.message, width, &first, "    ");
        writeln!(out, "{text}").map_err(io_err)?;
    }
    Ok(())
}
