use std::path::PathBuf;

use clap::CommandFactory;

use super::Exit;
use super::output::io_err;

/// Print wb's manual page (roff), or write one page per command
///
/// `wb man | man -l -` reads it now. To install the pages:
/// `wb man --out ~/.local/share/man/man1` (then `man wb`, `man wb-history`).
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Write wb.1 and a wb-COMMAND.1 page for every command into DIR
    /// (created if missing) instead of printing wb.1
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
}

pub fn run(args: Args) -> wb::Result<Exit> {
    let cmd = super::Cli::command();
    match &args.out {
        None => {
            let mut out = std::io::stdout().lock();
            clap_mangen::Man::new(cmd)
                .render(&mut out)
                .map_err(io_err)?;
        }
        Some(dir) => {
            let to_err = |e| wb::Error::io(dir, e);
            std::fs::create_dir_all(dir).map_err(to_err)?;
            clap_mangen::generate_to(cmd, dir).map_err(to_err)?;
            println!("wrote the manual pages to {}", dir.display());
        }
    }
    Ok(Exit::Ok)
}
