use std::io::Write;
use std::path::PathBuf;

use wb::serve::{Event, ServeOptions};

use super::Exit;
use super::output::{CYAN, DIM, io_err};

/// Build the site, serve it on 127.0.0.1 and rebuild on every change
///
/// Watches the proposals, wb.yaml, the templates in .wb/ and the git HEAD
/// (a commit or a checkout rebuilds too); open pages reload by themselves.
/// A build error shows here and on top of the last good pages, which stay
/// up (a proposal that stops reading keeps its last good pages too); the
/// server keeps running. Stop it with Ctrl-C.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Port to listen on (0 picks a free one)
    #[arg(long, default_value_t = 4000)]
    pub port: u16,

    /// Output folder (default: `site.out` from wb.yaml)
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
}

pub fn run(args: Args) -> wb::Result<Exit> {
    let start = std::env::current_dir().map_err(|e| wb::Error::io(std::path::Path::new("."), e))?;
    let opts = ServeOptions {
        start,
        port: args.port,
        out: args.out,
    };
    wb::serve::serve(&opts, |event| {
        let _ = report(event);
    })?;
    Ok(Exit::Ok)
}

fn report(event: Event) -> wb::Result<()> {
    let mut out = anstream::stdout();
    match event {
        Event::Listening(url) => {
            writeln!(out, "serving {CYAN}{url}{CYAN:#}  (Ctrl-C stops)").map_err(io_err)?;
        }
        Event::Built(r) => {
            super::build::print_report(r)?;
            if !r.problems.is_empty() {
                out.flush().map_err(io_err)?;
                let mut err = anstream::stderr();
                for e in &r.problems {
                    super::output::print_error(&mut err, e).map_err(io_err)?;
                }
            }
        }
        Event::Failed(e) => failed(e, "the server keeps running; fix and save to rebuild")?,
        Event::Kept(e) => failed(
            e,
            "still serving the last good pages, with this on top; fix and save to rebuild",
        )?,
        Event::Changed(path) => {
            let shown = wb::portfolio::display_path(path);
            writeln!(out, "{DIM}changed: {}{DIM:#}", shown.display()).map_err(io_err)?;
        }
    }
    out.flush().map_err(io_err)
}

fn failed(e: &wb::Error, note: &str) -> wb::Result<()> {
    let mut err = anstream::stderr();
    super::output::print_error(&mut err, e).map_err(io_err)?;
    writeln!(err, "{DIM}{note}{DIM:#}").map_err(io_err)
}
