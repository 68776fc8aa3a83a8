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
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Output folder (default: `site.out` from wb.yaml, `_site`)
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
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
        },
    );
    bar.finish();
    let report = report?;
    print_report(&report)?;
    Ok(Exit::Ok)
}

pub fn print_report(r: &BuildReport) -> wb::Result<()> {
    let shown = wb::portfolio::display_path(&r.out);
    let mut out = anstream::stdout();
    writeln!(
        out,
        "{BOLD}built {}{BOLD:#}: {} proposal{}, {} iterations, {} pages, findings {} errors {} warnings {} infos, in {:.2}s",
        shown.display(),
        r.proposals,
        if r.proposals == 1 { "" } else { "s" },
        r.iterations,
        r.pages,
        r.findings.errors,
        r.findings.warnings,
        r.findings.infos,
        r.elapsed.as_secs_f64()
    )
    .map_err(io_err)?;
    writeln!(
        out,
        "open {}/index.html, or run `wb serve`",
        shown.display()
    )
    .map_err(io_err)
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
