//! One file per command. Each holds an `Args` struct (its doc comments are
//! the help) and a `run` that loads, calls the library, and prints.

pub mod build;
pub mod check;
pub mod completions;
pub mod explain;
pub mod history;
pub mod init;
pub mod list;
pub mod lsp;
pub mod man;
pub mod new;
pub mod output;
pub mod rules;
pub mod serve;
pub mod show;

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

/// Working Backwards, as code: PR/FAQs kept in git, reviewed iteration by
/// iteration, checked against the method's known mistakes, published as a site.
#[derive(Debug, Parser)]
#[command(name = "wb", version, propagate_version = true, max_term_width = 100)]
#[command(
    after_help = "Start with `wb init`, then `wb new \"What the customer gets\"`.\n\
Exit codes: 0 ok, 1 findings or a failed check, 2 usage or input error."
)]
pub struct Cli {
    /// Run as if wb was started in DIR (like `git -C`)
    #[arg(short = 'C', global = true, value_name = "DIR")]
    pub dir: Option<PathBuf>,

    /// When to colour the output (NO_COLOR in the environment also turns it off)
    #[arg(long, global = true, value_enum, default_value_t = Color::Auto)]
    pub color: Color,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    Init(init::Args),
    New(new::Args),
    List(list::Args),
    History(history::Args),
    Show(show::Args),
    Build(build::Args),
    Serve(serve::Args),
    Check(check::Args),
    Rules(rules::Args),
    Explain(explain::Args),
    Lsp(lsp::Args),
    Completions(completions::Args),
    Man(man::Args),
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Color {
    Auto,
    Always,
    Never,
}

impl Color {
    pub fn write_global(self) {
        let choice = match self {
            Color::Auto => anstream::ColorChoice::Auto,
            Color::Always => anstream::ColorChoice::Always,
            Color::Never => anstream::ColorChoice::Never,
        };
        choice.write_global();
    }
}

/// How a listing command prints.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// A table for people
    #[default]
    Text,
    /// JSON for scripts
    Json,
}

pub enum Exit {
    Ok,
    /// Findings reached the deny level, or a check failed.
    Failed,
}

pub fn run(command: Command) -> wb::Result<Exit> {
    match command {
        Command::Init(a) => init::run(a),
        Command::New(a) => new::run(a),
        Command::List(a) => list::run(a),
        Command::History(a) => history::run(a),
        Command::Build(a) => build::run(a),
        Command::Serve(a) => serve::run(a),
        Command::Check(a) => check::run(a),
        Command::Rules(a) => rules::run(a),
        Command::Explain(a) => explain::run(a),
        Command::Show(a) => show::run(a),
        Command::Lsp(a) => lsp::run(a),
        Command::Completions(a) => completions::run(a),
        Command::Man(a) => man::run(a),
    }
}

/// Opens the portfolio for the current folder.
pub fn open_portfolio() -> wb::Result<wb::portfolio::Portfolio> {
    let cwd = std::env::current_dir().map_err(|e| wb::Error::io(std::path::Path::new("."), e))?;
    wb::portfolio::Portfolio::open(&cwd)
}
