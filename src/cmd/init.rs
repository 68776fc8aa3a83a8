use std::path::PathBuf;

use wb::config::{CONFIG_FILE, INIT_TEMPLATE};
use wb::{Diagnostic, Error};

use super::Exit;
use super::output::{BOLD, DIM};

/// Start a portfolio: write a commented wb.yaml and a proposals/ folder
///
/// Refuses to touch an existing wb.yaml. With --templates, copies the default
/// templates into .wb/templates/ for editing (also in an existing portfolio);
/// wb uses a file there instead of its built-in one of the same name.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Folder to start the portfolio in (created if missing)
    #[arg(default_value = ".")]
    pub dir: PathBuf,

    /// Copy the default templates into .wb/templates/ for editing
    #[arg(long)]
    pub templates: bool,
}

pub fn run(args: Args) -> wb::Result<Exit> {
    wb::fs::create_dir_all(&args.dir)?;
    let dir = &wb::portfolio::display_path(
        &std::path::absolute(&args.dir).map_err(|e| Error::io(&args.dir, e))?,
    );
    let config = dir.join(CONFIG_FILE);
    let mut out = anstream::stdout();
    if config.exists() && !args.templates {
        return Err(
            Diagnostic::new(&config, "already exists; wb init never overwrites it")
                .hint(
                    "edit it by hand, or run `wb init --templates` to only copy the templates out",
                )
                .into(),
        );
    }
    use std::io::Write;
    let w = |out: &mut anstream::AutoStream<std::io::Stdout>, s: String| {
        writeln!(out, "{s}").map_err(super::output::io_err)
    };
    if !config.exists() {
        wb::fs::create_new(&config, INIT_TEMPLATE.as_bytes())?;
        w(&mut out, format!("created {}", config.display()))?;
        let proposals = dir.join("proposals");
        if !proposals.exists() {
            wb::fs::create_dir_all(&proposals)?;
            w(&mut out, format!("created {}/", proposals.display()))?;
        }
        if ignore_site(dir)? {
            w(
                &mut out,
                format!("added _site/ to {}", dir.join(".gitignore").display()),
            )?;
        }
    }
    if args.templates {
        let (written, skipped) = wb::templates::eject(dir)?;
        for p in written {
            w(&mut out, format!("created {}", p.display()))?;
        }
        for p in skipped {
            w(
                &mut out,
                format!("{DIM}kept {} (already there){DIM:#}", p.display()),
            )?;
        }
    }
    w(
        &mut out,
        format!(
            "\nnext: {BOLD}wb new \"What the customer gets\" --customer \"who, in what situation\"{BOLD:#}"
        ),
    )?;
    Ok(Exit::Ok)
}

/// Adds `_site/` to the folder's .gitignore unless it is already there.
fn ignore_site(dir: &std::path::Path) -> wb::Result<bool> {
    let path = dir.join(".gitignore");
    let current = match std::fs::read_to_string(&path) {
        Ok(s) => s,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(e) => return Err(Error::io(&path, e)),
    };
    if current
        .lines()
        .any(|l| matches!(l.trim(), "_site" | "_site/" | "/_site" | "/_site/"))
    {
        return Ok(false);
    }
    let mut next = current;
    if !next.is_empty() && !next.ends_with('\n') {
        next.push('\n');
    }
    next.push_str("_site/\n");
    wb::fs::write(&path, next)?;
    Ok(true)
}
