//! The `wb` binary: parses arguments, runs one command, prints the error and
//! picks the exit code (0 ok, 1 findings, 2 usage or input error). A closed
//! pipe (`wb list | head`) is not an error.

mod cmd;

use std::process::ExitCode;

use clap::{CommandFactory, Parser};

fn main() -> ExitCode {
    // A shell asking for completions (`wb completions SHELL` sets this up).
    clap_complete::CompleteEnv::with_factory(cmd::Cli::command)
        .var(cmd::completions::VAR)
        .complete();
    let cli = cmd::Cli::parse();
    cli.color.write_global();
    if let Some(dir) = &cli.dir
        && let Err(e) = std::env::set_current_dir(dir)
    {
        return report(wb::Error::usage_hint(
            format!("cannot change to {}: {e}", dir.display()),
            "-C takes a folder that exists, as in git",
        ));
    }
    match cmd::run(cli.command) {
        Ok(cmd::Exit::Ok) => ExitCode::SUCCESS,
        Ok(cmd::Exit::Failed) => ExitCode::from(1),
        Err(e) => report(e),
    }
}

fn report(e: wb::Error) -> ExitCode {
    let errors = e.into_vec();
    if errors.iter().all(wb::Error::is_broken_pipe) {
        return ExitCode::SUCCESS;
    }
    let mut stderr = anstream::stderr();
    for e in errors.iter().filter(|e| !e.is_broken_pipe()) {
        let _ = cmd::output::print_error(&mut stderr, e);
    }
    ExitCode::from(2)
}
