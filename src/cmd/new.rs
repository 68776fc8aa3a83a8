use std::io::Write;

use wb::Error;
use wb::proposal::{is_valid_slug, slugify};
use wb::scaffold::NewProposal;

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
    let portfolio = super::open_portfolio()?;
    let title = args.title.split_whitespace().collect::<Vec<_>>().join(" ");
    let slug = match &args.slug {
        Some(s) if is_valid_slug(s) => s.clone(),
        Some(s) => {
            return Err(Error::usage_hint(
                format!("`{s}` is not a usable slug"),
                "a slug is letters, digits, dashes and underscores, e.g. instant-refunds",
            ));
        }
        None => slugify(&title),
    };
    if slug.is_empty() {
        return Err(Error::usage_hint(
            format!("the title `{}` gives an empty slug", args.title),
            "use letters or digits in the title, or pass --slug NAME",
        ));
    }
    let launch_date = match &args.launch_date {
        None => None,
        Some(d) => Some(wb::proposal::front::parse_date(d).ok_or_else(|| {
            Error::usage_hint(
                format!("--launch-date `{d}` is not a date"),
                "write it as YYYY-MM-DD, e.g. --launch-date 2027-03-15",
            )
        })?),
    };
    let owner_from_git = args.owner.is_none();
    let owner = args
        .owner
        .clone()
        .or_else(|| wb::history::identity(&portfolio.root));
    let request = NewProposal {
        title,
        slug,
        owner,
        customer: args.customer.clone(),
        launch_date,
        tags: args
            .tags
            .iter()
            .map(|t| t.trim().to_string())
            .filter(|t| !t.is_empty())
            .collect(),
        template: args.template.clone(),
    };
    let created = wb::scaffold::create(&portfolio, &request)?;
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
