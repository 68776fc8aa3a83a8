use std::io::Write;

use serde::Serialize;
use wb::diff::{self, Summary, TextDiff};
use wb::history::RepoState;
use wb::proposal::Proposal;
use wb::review::{Depth, Review};
use wb::timeline::{Step, Timeline};
use wb::{Error, Result};

use super::output::{BOLD, DIM, Fit, GREEN, RED, Table, YELLOW, io_err, print_json};
use super::{Exit, Format};

/// How a proposal evolved: one line per review iteration
///
/// Every commit that changed the proposal is an iteration (renames are
/// followed, copies are not; a merge counts when its text differs from
/// every parent's), numbered oldest first in git's order; uncommitted
/// changes show as `working`. Each
/// line shows who, when, the reviewers (Reviewed-by trailers), the widest
/// review circle reached so far, words added/removed and sections touched.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The proposal: its slug (or a unique start of it) or the path of its file
    #[arg(add = clap_complete::ArgValueCompleter::new(super::completions::slugs))]
    pub proposal: String,

    /// Show what each iteration changed, word by word
    #[arg(long)]
    pub diff: bool,

    /// Show what each iteration changed, section by section
    #[arg(long)]
    pub stat: bool,

    /// List the findings each iteration fixed or introduced (every version
    /// is checked either way: FINDINGS counts them)
    #[arg(long)]
    pub check: bool,

    /// Compare from this iteration (a number, or `working`)
    #[arg(long, value_name = "N")]
    pub from: Option<String>,

    /// Compare to this iteration (a number, or `working`; default: the last)
    #[arg(long, value_name = "M")]
    pub to: Option<String>,

    /// Output format (json: every iteration with its summary; see docs/json.md)
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
}

pub fn run(args: Args) -> Result<Exit> {
    let cwd = std::env::current_dir().map_err(|e| Error::io(std::path::Path::new("."), e))?;
    let portfolio = wb::portfolio::Portfolio::open_one(&cwd, &args.proposal)?;
    let p = portfolio.find(&args.proposal)?;
    let review = Review::of(&portfolio.root, portfolio.cfg(), &portfolio.options, &[p])?;
    let assembled = review.assemble(p, Depth::Checked)?;
    let timeline = assembled.timeline.unwrap_or_default();
    if args.from.is_some() || args.to.is_some() {
        return compare(&args, &timeline, review.state());
    }
    match args.format {
        Format::Json => print_json(&JsonOut {
            slug: &p.slug,
            title: &p.title,
            path: p.path.display().to_string(),
            status: p.status(),
            repository: review.state(),
            note: review.state().note(),
            truncated: timeline.truncated,
            iterations: timeline
                .steps
                .iter()
                .map(|s| JsonStep {
                    step: s,
                    diff: args.diff.then(|| s.diff()),
                })
                .collect(),
        })?,
        Format::Text => print_text(&args, p, review.state(), &timeline)?,
    }
    Ok(Exit::Ok)
}

/// `wb history --format json`: see docs/json.md.
#[derive(Serialize)]
struct JsonOut<'a> {
    slug: &'a str,
    title: &'a str,
    path: String,
    status: &'a str,
    repository: &'a RepoState,
    note: Option<&'static str>,
    truncated: bool,
    iterations: Vec<JsonStep<'a>>,
}

#[derive(Serialize)]
struct JsonStep<'a> {
    #[serde(flatten)]
    step: &'a Step,
    #[serde(skip_serializing_if = "Option::is_none")]
    diff: Option<TextDiff>,
}

fn print_text(args: &Args, p: &Proposal, state: &RepoState, t: &Timeline) -> Result<()> {
    let mut out = anstream::stdout().lock();
    print_header(&mut out, p, state, t)?;
    if t.steps.is_empty() {
        return line(
            &mut out,
            "no iterations: the proposal is not committed and unchanged",
        );
    }
    line(&mut out, "")?;
    let table = timeline_table(t);
    let lines = table.lines();
    line(&mut out, &lines[0])?;
    for (s, row) in t.steps.iter().zip(&lines[1..]) {
        line(&mut out, row)?;
        print_details(&mut out, args, s)?;
    }
    Ok(())
}

fn line(out: &mut dyn Write, s: &str) -> Result<()> {
    writeln!(out, "{s}").map_err(io_err)
}

/// The title, where the file is, and a note when history is missing or partial.
fn print_header(out: &mut dyn Write, p: &Proposal, state: &RepoState, t: &Timeline) -> Result<()> {
    line(
        out,
        &format!("{BOLD}{}{BOLD:#}", wb::terminal::sanitize(&p.title)),
    )?;
    let reach = t.steps.last().map_or("author", |s| s.reach_name.as_str());
    let committed = t.steps.iter().filter(|s| !s.iteration.working).count();
    line(
        out,
        &format!(
            "{DIM}{} · {} · {committed} iteration{} · widest circle: {reach}{DIM:#}",
            p.path.display(),
            p.status(),
            if committed == 1 { "" } else { "s" }
        ),
    )?;
    if let Some(note) = state.note() {
        line(out, &format!("{YELLOW}note:{YELLOW:#} {note}"))?;
    } else if t.truncated {
        line(
            out,
            &format!(
                "{YELLOW}note:{YELLOW:#} history stops at the edge of a shallow clone; run `git fetch --unshallow` for the rest"
            ),
        )?;
    }
    for s in t.warned() {
        let first = &s.warnings[0];
        let now = if std::ptr::eq(s, t.steps.last().unwrap_or(s)) {
            " (the current version: resolve the conflict and commit)"
        } else {
            ""
        };
        line(
            out,
            &format!(
                "{YELLOW}note:{YELLOW:#} iteration {} ({}) committed merge conflict markers at line {}{now}",
                s.label(),
                s.iteration.short,
                first.line
            ),
        )?;
    }
    if let Some(note) = unlisted_note(t) {
        line(out, &format!("{YELLOW}note:{YELLOW:#} {note}"))?;
    }
    Ok(())
}

/// Who reviewed without being in any circle of wb.yaml, and where.
fn unlisted_note(t: &Timeline) -> Option<String> {
    let mut who: Vec<(String, Vec<String>)> = Vec::new();
    for s in &t.steps {
        for r in &s.unlisted_reviewers {
            let r = r.to_string();
            match who.iter_mut().find(|(p, _)| *p == r) {
                Some((_, at)) => at.push(s.label()),
                None => who.push((r, vec![s.label()])),
            }
        }
    }
    let one = match who.len() {
        0 => return None,
        n => n == 1,
    };
    let listed: Vec<String> = who
        .iter()
        .map(|(r, at)| {
            let s = if at.len() == 1 { "" } else { "s" };
            format!("{r} (iteration{s} {})", at.join(", "))
        })
        .collect();
    Some(format!(
        "reviewed by {} in no circle of wb.yaml: {}; add {} under `circles:` to place {} review{}",
        if one { "someone" } else { "people" },
        listed.join("; "),
        if one { "them" } else { "each" },
        if one { "their" } else { "the" },
        if one { "" } else { "s" },
    ))
}

/// One row per iteration.
fn timeline_table(t: &Timeline) -> Table {
    let mut table = Table::new(&[
        ("#", Fit::Keep),
        ("COMMIT", Fit::Keep),
        ("DATE", Fit::Keep),
        ("AUTHOR", Fit::Free(20)),
        ("REVIEWERS", Fit::Free(28)),
        ("CIRCLE", Fit::Cap(14)),
        ("WORDS", Fit::Keep),
        ("SECTIONS", Fit::Free(30)),
        ("FINDINGS", Fit::Keep),
        ("SUBJECT", Fit::Free(60)),
    ])
    .optional(&["SECTIONS", "WORDS", "CIRCLE", "AUTHOR", "COMMIT"]);
    let plain = anstyle::Style::new();
    let or_dash = |s: String| if s.is_empty() { "-".to_string() } else { s };
    for s in &t.steps {
        let it = &s.iteration;
        let reviewers: Vec<&str> = it.reviewers.iter().map(|r| r.name.as_str()).collect();
        let (words, sections) = match &s.summary {
            Some(sum) => (
                format!("+{} -{}", sum.words_added, sum.words_removed),
                sum.sections_touched().join(", "),
            ),
            None => (
                "?".into(),
                s.error
                    .as_ref()
                    .map(|_| "(unreadable)".to_string())
                    .unwrap_or_default(),
            ),
        };
        let commit = if it.working {
            "-".into()
        } else {
            it.short.clone()
        };
        table.row(vec![
            (s.label(), if it.working { YELLOW } else { plain }),
            (commit, DIM),
            (it.date.format("%Y-%m-%d").to_string(), plain),
            (it.author.name.clone(), plain),
            (or_dash(reviewers.join(", ")), plain),
            (s.reach_name.clone(), plain),
            (words, plain),
            (or_dash(sections), plain),
            (findings_cell(s), plain),
            (it.subject.clone(), plain),
        ]);
    }
    table
}

/// "decided: approved by Dana Levi on 2026-10-06: why…", under the row of
/// the iteration that took the decision.
fn print_decision(out: &mut dyn Write, d: &wb::timeline::Decision) -> Result<()> {
    let by: Vec<&str> = d.by.iter().map(|p| p.name.as_str()).collect();
    let who = if by.is_empty() {
        format!(
            "by {} (who committed it; no Approved-by trailer)",
            d.recorded_by.name
        )
    } else {
        format!("by {}", by.join(", "))
    };
    let why = d.why.split_whitespace().collect::<Vec<_>>().join(" ");
    line(
        out,
        &format!(
            "    {GREEN}decided:{GREEN:#} {} {who} on {}: {why}",
            d.status,
            d.date.format("%Y-%m-%d")
        ),
    )
}

/// What `--stat`, `--diff` and `--check` add under an iteration's row.
fn print_details(out: &mut dyn Write, args: &Args, s: &Step) -> Result<()> {
    if let Some(d) = &s.decision {
        print_decision(out, d)?;
    }
    let first = s.parent_text.is_none() && !s.iteration.working;
    if (args.stat || args.diff) && first {
        let words = s.words.map_or("?".to_string(), |w| w.to_string());
        let sections = s.version.as_ref().map_or(0, |v| v.body.sections.len());
        let questions = s.version.as_ref().map_or(0, |v| v.body.faqs.len());
        line(
            out,
            &format!(
                "    {DIM}first version: {words} words, {sections} sections, {questions} questions{DIM:#}\n"
            ),
        )?;
    } else {
        if let (true, Some(sum)) = (args.stat, &s.summary) {
            print_stat(out, sum)?;
        }
        if args.diff {
            print_diff(out, &s.diff())?;
        }
    }
    if args.check {
        print_check(out, s)?;
    }
    for w in &s.warnings {
        line(
            out,
            &format!("    {YELLOW}warning:{YELLOW:#} {}", w.message),
        )?;
    }
    if let (true, Some(e)) = (args.stat || args.diff || args.check, &s.error) {
        line(
            out,
            &format!("    {YELLOW}this version could not be read:{YELLOW:#} {e}"),
        )?;
    }
    Ok(())
}

/// `2E 1W 0I`, or `?` when the version could not be read.
fn findings_cell(s: &Step) -> String {
    if !s.checked {
        return "?".into();
    }
    let c = wb::check::Counts::of(&s.findings);
    format!("{}E {}W {}I", c.errors, c.warnings, c.infos)
}

/// The findings an iteration fixed and introduced.
fn print_check(out: &mut dyn Write, s: &Step) -> Result<()> {
    for f in &s.fixed {
        writeln!(
            out,
            "    {GREEN}fixed{GREEN:#}      {}[{}] {}",
            f.severity, f.rule, f.message
        )
        .map_err(io_err)?;
    }
    for f in &s.introduced {
        writeln!(
            out,
            "    {RED}introduced{RED:#} {}[{}] {} {DIM}(line {}){DIM:#}",
            f.severity, f.rule, f.message, f.line
        )
        .map_err(io_err)?;
    }
    Ok(())
}

fn print_stat(out: &mut dyn Write, sum: &Summary) -> Result<()> {
    let w = |out: &mut dyn Write, s: String| writeln!(out, "{s}").map_err(io_err);
    for f in &sum.front {
        w(
            out,
            format!("    {DIM}front-matter{DIM:#}  {}", f.describe()),
        )?;
    }
    for s in &sum.sections {
        let name = if s.heading.is_empty() {
            s.role.as_str().to_string()
        } else {
            s.heading.clone()
        };
        w(
            out,
            format!(
                "    {:<28} {GREEN}+{}{GREEN:#} {RED}-{}{RED:#} {DIM}({}){DIM:#}",
                super::output::truncate(&name, 28),
                s.words_added,
                s.words_removed,
                format!("{:?}", s.change).to_lowercase()
            ),
        )?;
    }
    for q in &sum.faq.added {
        w(out, format!("    {GREEN}+ question{GREEN:#} {q}"))?;
    }
    for q in &sum.faq.removed {
        w(out, format!("    {RED}- question{RED:#} {q}"))?;
    }
    for q in &sum.faq.edited {
        w(out, format!("    {YELLOW}~ question{YELLOW:#} {q}"))?;
    }
    Ok(())
}

fn print_diff(out: &mut dyn Write, d: &TextDiff) -> Result<()> {
    let coloured = matches!(
        anstream::AutoStream::choice(&std::io::stdout()),
        anstream::ColorChoice::Always | anstream::ColorChoice::AlwaysAnsi
    );
    let text = if coloured {
        diff::render_ansi(d, 0)
    } else {
        diff::render_plain(d, 0)
    };
    for line in text.lines() {
        writeln!(out, "    {line}").map_err(io_err)?;
    }
    writeln!(out).map_err(io_err)
}

fn compare(args: &Args, t: &Timeline, state: &RepoState) -> Result<Exit> {
    let from = args
        .from
        .as_deref()
        .map(|l| pick(t, l, state))
        .transpose()?;
    let last = t.steps.last().map(Step::label).unwrap_or_default();
    let to_label = args.to.clone().unwrap_or(last);
    let to = pick(t, &to_label, state)?;
    let from = match from {
        Some(s) => s,
        None => {
            let i = t
                .steps
                .iter()
                .position(|s| s.label() == to.label())
                .unwrap_or(0);
            if i == 0 {
                return Err(Error::usage_hint(
                    format!(
                        "iteration {} is the first; there is nothing before it",
                        to.label()
                    ),
                    "pass --from N to pick the older side",
                ));
            }
            &t.steps[i - 1]
        }
    };
    let d = diff::diff_text(&from.text, &to.text);
    let summary = match (&from.version, &to.version) {
        (Some(a), Some(b)) => Some(diff::summarize(Some(a), b)),
        _ => None,
    };
    match args.format {
        Format::Json => {
            #[derive(Serialize)]
            struct Out<'a> {
                from: String,
                to: String,
                summary: &'a Option<Summary>,
                diff: &'a TextDiff,
            }
            print_json(&Out {
                from: from.label(),
                to: to.label(),
                summary: &summary,
                diff: &d,
            })?;
        }
        Format::Text => {
            let mut out = anstream::stdout().lock();
            writeln!(
                out,
                "{BOLD}iteration {} ({}) -> iteration {} ({}){BOLD:#}  {GREEN}+{}{GREEN:#} {RED}-{}{RED:#} words",
                from.label(),
                from.iteration.short,
                to.label(),
                to.iteration.short,
                d.words_added,
                d.words_removed
            )
            .map_err(io_err)?;
            if let Some(sum) = &summary {
                print_stat(&mut out, sum)?;
            }
            writeln!(out).map_err(io_err)?;
            print_diff(&mut out, &d)?;
        }
    }
    Ok(Exit::Ok)
}

fn pick<'a>(t: &'a Timeline, label: &str, state: &RepoState) -> Result<&'a Step> {
    t.find(label)
        .ok_or_else(|| missing_iteration(t, label, state))
}

/// Names the iteration that is missing and the ones that exist.
pub(super) fn missing_iteration(t: &Timeline, label: &str, state: &RepoState) -> Error {
    let committed = t.steps.iter().filter(|s| !s.iteration.working).count();
    let working = t.steps.iter().any(|s| s.iteration.working);
    let none = match state {
        RepoState::NoRepository => "it is not in a git repository",
        RepoState::NoCommits => "the repository has no commits yet",
        RepoState::Ready { .. } => "it was never committed",
    };
    let has = match (committed, working) {
        (0, false) => format!("this proposal has no iterations: {none}"),
        (0, true) => format!("this proposal has only `working` ({none})"),
        (1, w) => format!("this proposal has iteration 1{}", and_working(w)),
        (n, w) => format!("this proposal has iterations 1-{n}{}", and_working(w)),
    };
    let what = match label {
        "working" => "no iteration `working`: there are no uncommitted changes".to_string(),
        l if l.parse::<usize>().is_err() => {
            format!("no iteration `{l}`: iterations are numbers, or `working`")
        }
        l => format!("no iteration {l}"),
    };
    let hint = match (committed, state.note()) {
        (0, Some(note)) => note.to_string(),
        (0, None) => "commit the proposal: each commit that changes it is an iteration".into(),
        _ => "`wb history PROPOSAL` lists the iterations".into(),
    };
    Error::usage_hint(format!("{what}; {has}"), hint)
}

fn and_working(w: bool) -> &'static str {
    if w { " and `working`" } else { "" }
}
