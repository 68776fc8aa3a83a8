use std::io::Write;
use std::path::PathBuf;

use wb::Error;
use wb::scaffold::Done;

use super::Exit;
use super::output::{BOLD, DIM, io_err};

/// Start a portfolio: write a commented wb.yaml and a proposals/ folder
///
/// Refuses to touch an existing wb.yaml. With --templates, copies the default
/// templates into .wb/templates/ for editing (also in an existing portfolio);
/// wb uses a file there instead of its built-in one of the same name.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Folder to start the portfolio in (created if missing)
    // Its own id: `dir` is the global `-C DIR`'s, which would take the value.
    #[arg(id = "folder", value_name = "DIR", default_value = ".")]
    pub dir: PathBuf,

    /// Copy the default templates into .wb/templates/ for editing
    #[arg(long)]
    pub templates: bool,
}

pub fn run(args: Args) -> wb::Result<Exit> {
    let dir = wb::portfolio::display_path(
        &std::path::absolute(&args.dir).map_err(|e| Error::io(&args.dir, e))?,
    );
    let mut out = anstream::stdout();
    for done in wb::scaffold::init(&dir, args.templates)? {
        match done {
            Done::Created(p) if p.is_dir() => writeln!(out, "created {}/", p.display()),
            Done::Created(p) => writeln!(out, "created {}", p.display()),
            Done::Kept(p) => writeln!(out, "{DIM}kept {} (already there){DIM:#}", p.display()),
            Done::Ignored(p) => writeln!(out, "added _site/ to {}", p.display()),
        }
        .map_err(io_err)?;
    }
    // Started elsewhere, the next command runs there.
    let cd = if args.dir == std::path::Path::new(".") {
        String::new()
    } else {
        format!("cd {} && ", args.dir.display())
    };
    writeln!(
        out,
        "\nnext: {BOLD}{cd}wb new \"What the customer gets\" --customer \"who, in what situation\"{BOLD:#}"
    )
    .map_err(io_err)?;
    Ok(Exit::Ok)
}
