use std::io::Write;

use wb::Error;
use wb::check;

use super::Exit;
use super::output::{BOLD, io_err};

/// Explain a rule: why it matters, what it looks at, a bad and a good example
///
/// The text is Markdown. `wb rules` lists every rule.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The rule's id, e.g. hyperbole-instead-of-specifics
    pub rule: String,
}

pub fn run(args: Args) -> wb::Result<Exit> {
    let Some(rule) = check::rule(&args.rule) else {
        return Err(Error::usage_hint(
            format!("no rule `{}`", args.rule),
            check::did_you_mean(&args.rule),
        ));
    };
    let style = super::check::severity_style(rule.severity);
    let mut out = anstream::stdout().lock();
    writeln!(
        out,
        "{BOLD}# {}{BOLD:#} ({style}{}{style:#}{})\n\n{}\n",
        rule.id,
        rule.severity,
        if rule.git { ", reads git history" } else { "" },
        rule.summary
    )
    .map_err(io_err)?;
    write!(out, "{}", rule.explain()).map_err(io_err)?;
    Ok(Exit::Ok)
}
