use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use wb::site::{BuildOptions, BuildReport};

use super::Exit;
use super::output::{BOLD, io_err};

/// Publish the portfolio as a static site
///
/// Writes index.html (the portfolio), a page per proposal with its findings,
/// its history with word diffs, every past version, the rule pages, an Atom
/// feed and a search index. Links are relative: open index.html from disk or
/// put the folder on any static host. The site is built in a temporary folder
/// and swapped in only when complete, so a failed build leaves the previous
/// site as it was.
///
/// A proposal that cannot be read is left out: the site is built from the
/// others, its index lists the file with its error, and wb prints every
/// error and exits 2 (so CI still fails). When nothing can be read, or with
/// --strict, no site is written.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Output folder (default: `site.out` from wb.yaml, `_site`)
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,

    /// All or nothing: any proposal that cannot be read writes no site
    /// (as `site.strict: true` in wb.yaml)
    #[arg(long)]
    pub strict: bool,
}

pub fn run(args: Args) -> wb::Result<Exit> {
    let portfolio = super::open_portfolio()?;
    let bar = progress_bar();
    let report = wb::site::build(
        &portfolio,
        &BuildOptions {
            out: args.out,
            live_reload: None,
            progress: Some(bar.callback()),
            strict: args.strict,
        },
    );
    bar.finish();
    let mut report = report?;
    print_report(&report)?;
    match wb::Error::from_vec(std::mem::take(&mut report.problems)) {
        Some(e) => Err(e),
        None => Ok(Exit::Ok),
    }
}

pub fn print_report(r: &BuildReport) -> wb::Result<()> {
    let shown = wb::portfolio::display_path(&r.out);
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let mut out = anstream::stdout();
    writeln!(
        out,
        "{BOLD}built {}{BOLD:#}: {}{}, {}, {} pages, findings: {}, {}, {}, in {:.2}s",
        shown.display(),
        plural(r.proposals, "proposal", "proposals"),
        if r.left_out > 0 {
            format!(
                " ({} left out: could not be read)",
                plural(r.left_out, "file", "files")
            )
        } else {
            String::new()
        },
        plural(r.iterations, "iteration", "iterations"),
        r.pages,
        plural(r.findings.errors, "error", "errors"),
        plural(r.findings.warnings, "warning", "warnings"),
        plural(r.findings.infos, "info", "info"),
        r.elapsed.as_secs_f64()
    )
    .map_err(io_err)?;
    writeln!(
        out,
        "open {}, or run `wb serve`",
        from_where_you_are(&r.out.join("index.html")).display()
    )
    .map_err(io_err)
}

/// `path` as the user can open it from the folder they ran wb in: with
/// `-C DIR` wb works in DIR, but the shell (whose folder is `$PWD`) is
/// still where it was.
fn from_where_you_are(path: &std::path::Path) -> std::path::PathBuf {
    let launched = std::env::var_os("PWD")
        .map(std::path::PathBuf::from)
        .filter(|p| p.is_absolute() && p.is_dir())
        .map(|p| p.canonicalize().unwrap_or(p));
    match launched {
        Some(dir) => match path.strip_prefix(&dir) {
            Ok(rel) => rel.to_path_buf(),
            Err(_) => path.to_path_buf(),
        },
        None => wb::portfolio::display_path(path),
    }
}

/// A progress bar on stderr, only on a terminal and only once a build has
/// taken more than a second.
struct Bar {
    started: Instant,
    bar: Arc<Mutex<Option<indicatif::ProgressBar>>>,
    enabled: bool,
}

fn progress_bar() -> Bar {
    Bar {
        started: Instant::now(),
        bar: Arc::new(Mutex::new(None)),
        enabled: std::io::stderr().is_terminal(),
    }
}

impl Bar {
    fn callback(&self) -> wb::site::Progress {
        let slot = self.bar.clone();
        let started = self.started;
        let enabled = self.enabled;
        Arc::new(move |done, total| {
            if !enabled || started.elapsed() < Duration::from_secs(1) {
                return;
            }
            let Ok(mut guard) = slot.lock() else { return };
            let bar = guard.get_or_insert_with(|| {
                let b = indicatif::ProgressBar::new(total as u64);
                b.set_style(
                    indicatif::ProgressStyle::with_template(
                        "{prefix} [{bar:30}] {pos}/{len} proposals",
                    )
                    .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar())
                    .progress_chars("=> "),
                );
                b.set_prefix("building");
                b
            });
            bar.set_position(done as u64);
        })
    }

    fn finish(&self) {
        if let Some(b) = self.bar.lock().ok().and_then(|mut g| g.take()) {
            b.finish_and_clear();
        }
    }
}
