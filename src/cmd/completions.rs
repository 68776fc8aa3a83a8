use std::ffi::OsStr;
use std::io::Write;
use std::path::PathBuf;

use clap_complete::env::{Bash, Elvish, EnvCompleter, Fish, Powershell, Zsh};
use clap_complete::{CompletionCandidate, PathCompleter, engine::ValueCompleter};

use super::Exit;
use super::output::io_err;

/// Print a shell's completion script (slugs included)
///
/// The script asks wb for completions as you type, so it completes
/// commands, options and the slugs of the portfolio you are in (or that
/// -C names). Load it from your shell's start-up file, so that it always
/// matches the wb you run:
///
///   bash:       echo 'source <(wb completions bash)' >> ~/.bashrc
///   zsh:        echo 'source <(wb completions zsh)' >> ~/.zshrc
///   fish:       echo 'wb completions fish | source' >> ~/.config/fish/config.fish
///   elvish:     echo 'eval (wb completions elvish | slurp)' >> ~/.config/elvish/rc.elv
///   powershell: Add-Content $PROFILE 'wb completions powershell | Out-String | Invoke-Expression'
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// The shell to complete in
    #[arg(value_enum)]
    pub shell: Shell,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum Shell {
    Bash,
    Zsh,
    Fish,
    Elvish,
    Powershell,
}

/// The variable that turns a `wb` run into a completion request (see `main`).
pub const VAR: &str = "COMPLETE";

pub fn run(args: Args) -> wb::Result<Exit> {
    let shell: &dyn EnvCompleter = match args.shell {
        Shell::Bash => &Bash,
        Shell::Zsh => &Zsh,
        Shell::Fish => &Fish,
        Shell::Elvish => &Elvish,
        Shell::Powershell => &Powershell,
    };
    let mut out = std::io::stdout().lock();
    shell
        .write_registration(VAR, "wb", "wb", &completer(), &mut out)
        .map_err(io_err)?;
    out.flush().map_err(io_err)?;
    Ok(Exit::Ok)
}

/// The program the script calls: `wb` from PATH, unless wb was started by
/// a path (`./target/debug/wb completions bash`), which is then kept.
fn completer() -> String {
    let arg0 = PathBuf::from(std::env::args_os().next().unwrap_or_else(|| "wb".into()));
    if arg0.components().count() > 1 {
        std::path::absolute(&arg0)
            .unwrap_or(arg0)
            .display()
            .to_string()
    } else {
        "wb".to_string()
    }
}

/// Completes a proposal argument: the slugs of the portfolio that start
/// with what was typed (else those with a word that does), each with its
/// title as help.
pub fn slugs(current: &OsStr) -> Vec<CompletionCandidate> {
    let Some(typed) = current.to_str() else {
        return Vec::new();
    };
    let Ok(portfolio) = wb::portfolio::Portfolio::open(&start_dir()) else {
        return Vec::new();
    };
    let all: Vec<&str> = portfolio
        .proposals
        .iter()
        .map(|p| p.slug.as_str())
        .collect();
    wb::portfolio::matching_slugs(typed, &all)
        .into_iter()
        .filter_map(|slug| portfolio.proposals.iter().find(|p| p.slug == slug))
        .map(|p| CompletionCandidate::new(&p.slug).help(Some(p.title.clone().into())))
        .collect()
}

/// Completes `wb check`'s arguments: slugs, then files and folders.
pub fn slugs_and_paths(current: &OsStr) -> Vec<CompletionCandidate> {
    let mut out = slugs(current);
    out.extend(
        PathCompleter::any()
            .current_dir(start_dir())
            .complete(current),
    );
    out
}

/// The folder the completed command will run in: the current one, or the
/// `-C DIR` on the command line being completed.
fn start_dir() -> PathBuf {
    let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    let args: Vec<String> = std::env::args().collect();
    // A completion request is `wb -- wb ARGS...`; look after the `--`.
    let words = match args.iter().position(|a| a == "--") {
        Some(i) => &args[i + 1..],
        None => &args[..],
    };
    let mut dir = None;
    for (i, w) in words.iter().enumerate() {
        if w == "-C" {
            dir = words.get(i + 1).cloned();
        } else if let Some(d) = w.strip_prefix("-C")
            && !d.is_empty()
        {
            dir = Some(d.to_string());
        }
    }
    match dir {
        Some(d) => cwd.join(d),
        None => cwd,
    }
}
