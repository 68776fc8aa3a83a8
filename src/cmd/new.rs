use std::io::Write;

use wb::scaffold::{self, NewProposal};

use super::Exit;
use super::output::{BOLD, io_err};

/// Scaffold a new PR/FAQ from a template
///
/// Writes proposals/<slug>.md from the template, with prompts (HTML comments)
/// that say what good looks like in each section. Never overwrites a file.
/// The owner defaults to your git identity (user.name <user.email>).
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The proposal's title: what the customer gets, e.g. "Small shops refund in two minutes"
    pub title: String,

    /// File name without .md (default: made from the title)
    #[arg(long)]
    pub slug: Option<String>,

    /// Who writes and owns the proposal, as "Name <email>"
    #[arg(long)]
    pub owner: Option<String>,

    /// A customer you could find and interview: who, in what situation, with what constraint
    #[arg(long)]
    pub customer: Option<String>,

    /// The day you intend to launch, YYYY-MM-DD; the press release is dated on it
    #[arg(long, value_name = "DATE")]
    pub launch_date: Option<String>,

    /// Tags, comma separated
    #[arg(long, value_delimiter = ',')]
    pub tags: Vec<String>,

    /// Template to start from (a file NAME.md.hbs in .wb/templates/ or a built-in one)
    #[arg(long, value_name = "NAME", default_value = "prfaq")]
    pub template: String,
}

pub fn run(args: Args) -> wb::Result<Exit> {
    let cwd = std::env::current_dir().map_err(|e| wb::Error::io(std::path::Path::new("."), e))?;
    let portfolio = wb::portfolio::Portfolio::open_for_new(&cwd)?;
    let (title, slug) = scaffold::title_and_slug(&args.title, args.slug.as_deref())?;
    let owner_from_git = args.owner.is_none();
    let request = NewProposal {
        title,
        slug,
        owner: args
            .owner
            .or_else(|| wb::history::identity(&portfolio.root)),
        customer: args.customer,
        launch_date: scaffold::launch_date(args.launch_date.as_deref())?,
        tags: args
            .tags
            .iter()
            .map(|t| t.trim().to_string())
            .filter(|t| !t.is_empty())
            .collect(),
        template: args.template,
    };
    let created = scaffold::create(&portfolio, &request)?;
    let shown = wb::portfolio::display_path(&created);
    let mut out = anstream::stdout();
    writeln!(out, "created {}", shown.display()).map_err(io_err)?;
    if owner_from_git && request.owner.is_none() {
        writeln!(out, "note: no git identity found; fill in `owner:` by hand").map_err(io_err)?;
    }
    writeln!(
        out,
        "\nnext: write the {BOLD}Problem{BOLD:#} section first, in your customer's words;\n      \
         then commit it (each commit is one review iteration) and run `wb check {}`",
        request.slug
    )
    .map_err(io_err)?;
    Ok(Exit::Ok)
}
