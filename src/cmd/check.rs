use std::io::Write;

use serde::Serialize;
use wb::Error;
use wb::check::{self, Counts, Finding};
use wb::config::Severity;
use wb::review::{self, Depth};

use super::Exit;
use super::output::{BOLD, CYAN, GREEN, RED, YELLOW, io_err, print_json};

/// Review proposals against the known mistakes of the method
///
/// With no argument, checks every proposal of the portfolio. Arguments may
/// be proposal slugs, Markdown files (inside a portfolio or not) or folders.
/// Exits 1 when a finding reaches the --deny severity, 2 when a file cannot
/// be read; `wb rules` lists the rules, `wb explain RULE` explains one.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Proposal slugs (or a unique start of one), Markdown files or folders
    /// (default: the whole portfolio)
    #[arg(value_name = "PROPOSAL|PATH")]
    #[arg(add = clap_complete::ArgValueCompleter::new(super::completions::slugs_and_paths))]
    pub targets: Vec<String>,

    /// Of the files named, check only those their portfolio lists as
    /// proposals (as `wb list` does) and skip the others silently: for
    /// pre-commit hooks and editors, which pass every changed Markdown file
    #[arg(long)]
    pub only_proposals: bool,

    /// Output format
    #[arg(long, value_enum, default_value_t)]
    pub format: CheckFormat,

    /// Fail (exit 1) when a finding reaches this severity [default: check.deny in wb.yaml, else error]
    #[arg(long, value_enum, value_name = "SEVERITY")]
    pub deny: Option<Deny>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum CheckFormat {
    /// `path:line:col: severity[rule]: message` and a hint, like a compiler
    #[default]
    Text,
    /// JSON for scripts (see docs/json.md)
    Json,
    /// GitHub Actions workflow annotations
    Github,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Deny {
    Error,
    Warning,
    Info,
}

impl From<Deny> for Severity {
    fn from(d: Deny) -> Severity {
        match d {
            Deny::Error => Severity::Error,
            Deny::Warning => Severity::Warning,
            Deny::Info => Severity::Info,
        }
    }
}

/// One proposal's findings.
#[derive(Debug, Serialize)]
struct Report {
    path: String,
    slug: String,
    title: String,
    counts: Counts,
    findings: Vec<Finding>,
}

pub fn run(args: Args) -> wb::Result<Exit> {
    let cwd = std::env::current_dir().map_err(|e| Error::io(std::path::Path::new("."), e))?;
    let mut selection = check::select(&cwd, &args.targets)?;
    if args.only_proposals {
        selection.only_proposals();
    }
    let deny = args.deny.map_or(selection.deny, Severity::from);
    let reports: Vec<Report> = review::assemble_targets(&selection.targets, Depth::Current)?
        .into_iter()
        .map(Report::of)
        .collect();
    let mut total = Counts::default();
    for r in &reports {
        total += r.counts;
    }
    let failed = total.reaches(deny);
    match args.format {
        CheckFormat::Text => print_text(&reports, &selection.errors, total, deny, failed)?,
        CheckFormat::Json => print_json(&JsonOutput {
            proposals: &reports,
            input_errors: selection.errors.iter().map(InputError::of).collect(),
            counts: total,
            deny,
            failed,
        })?,
        CheckFormat::Github => print_github(&reports, &selection.errors)?,
    }
    if let Some(e) = Error::from_vec(selection.errors) {
        return Err(e);
    }
    Ok(if failed { Exit::Failed } else { Exit::Ok })
}

impl Report {
    fn of(a: review::Assembled) -> Report {
        Report {
            path: a.overview.path,
            slug: a.overview.slug,
            title: a.overview.title,
            counts: a.overview.findings,
            findings: a.findings,
        }
    }
}

pub fn severity_style(s: Severity) -> anstyle::Style {
    match s {
        Severity::Error => RED,
        Severity::Warning => YELLOW,
        Severity::Info => CYAN,
    }
}

fn print_text(
    reports: &[Report],
    errors: &[Error],
    total: Counts,
    deny: Severity,
    failed: bool,
) -> wb::Result<()> {
    let mut out = anstream::stdout().lock();
    let mut blank = false;
    for r in reports.iter().filter(|r| !r.findings.is_empty()) {
        if blank {
            writeln!(out).map_err(io_err)?;
        }
        blank = true;
        for f in &r.findings {
            let style = severity_style(f.severity);
            writeln!(
                out,
                "{BOLD}{}{BOLD:#}: {style}{}{style:#}[{}]: {}",
                wb::terminal::sanitize(&f.location()),
                f.severity,
                f.rule,
                wb::terminal::sanitize(&f.message)
            )
            .map_err(io_err)?;
            writeln!(
                out,
                "  {CYAN}hint:{CYAN:#} {}",
                wb::terminal::sanitize(&f.hint)
            )
            .map_err(io_err)?;
        }
    }
    if blank {
        writeln!(out).map_err(io_err)?;
    }
    let n = reports.len();
    let checked = format!("{n} proposal{} checked", if n == 1 { "" } else { "s" });
    let unreadable = match errors.len() {
        0 => String::new(),
        1 => "; 1 input error (below)".to_string(),
        k => format!("; {k} input errors (below)"),
    };
    if total.total() == 0 {
        writeln!(out, "{GREEN}{checked}: no findings{GREEN:#}{unreadable}").map_err(io_err)?;
    } else {
        let with = reports.iter().filter(|r| !r.findings.is_empty()).count();
        let verdict = if failed {
            format!("{RED}failed{RED:#} (--deny {deny})")
        } else {
            format!("passed (--deny {deny})")
        };
        writeln!(
            out,
            "{BOLD}{checked}, {with} with findings{BOLD:#}: {total}; {verdict}{unreadable}"
        )
        .map_err(io_err)?;
    }
    Ok(())
}

/// `wb check --format json`: see docs/json.md.
#[derive(Serialize)]
struct JsonOutput<'a> {
    proposals: &'a [Report],
    input_errors: Vec<InputError>,
    counts: Counts,
    deny: Severity,
    failed: bool,
}

/// A file that could not be read, or an argument that named nothing.
#[derive(Serialize)]
struct InputError {
    path: Option<String>,
    line: Option<usize>,
    col: Option<usize>,
    message: String,
    hint: Option<String>,
}

impl InputError {
    fn of(e: &Error) -> InputError {
        InputError {
            path: e.path().map(|p| p.display().to_string()),
            line: e.pos().map(|p| p.0),
            col: e.pos().map(|p| p.1),
            message: e.message(),
            hint: e.hint().map(str::to_string),
        }
    }
}

/// GitHub Actions workflow commands: one annotation per finding.
fn print_github(reports: &[Report], errors: &[Error]) -> wb::Result<()> {
    let mut out = anstream::stdout().lock();
    for f in reports.iter().flat_map(|r| &r.findings) {
        let level = match f.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "notice",
        };
        writeln!(
            out,
            "::{level} file={},line={},col={},title={}::{}",
            gh_property(&f.path.display().to_string()),
            f.line,
            f.col,
            gh_property(&f.rule),
            gh_data(&format!("{}\nhint: {}", f.message, f.hint))
        )
        .map_err(io_err)?;
    }
    for e in errors {
        let i = InputError::of(e);
        let mut props = Vec::new();
        if let Some(p) = &i.path {
            props.push(format!("file={}", gh_property(p)));
        }
        if let (Some(l), Some(c)) = (i.line, i.col) {
            props.push(format!("line={l},col={c}"));
        }
        let mut message = i.message.clone();
        if let Some(h) = &i.hint {
            message.push_str(&format!("\nhint: {h}"));
        }
        writeln!(out, "::error {}::{}", props.join(","), gh_data(&message)).map_err(io_err)?;
    }
    Ok(())
}

/// Escapes the message of a workflow command.
fn gh_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property value of a workflow command.
fn gh_property(s: &str) -> String {
    gh_data(s).replace(':', "%3A").replace(',', "%2C")
}
