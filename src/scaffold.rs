//! `wb new`: a proposal rendered from a template, written without ever
//! replacing a file.

use std::path::PathBuf;

use chrono::NaiveDate;
use serde::Serialize;

use crate::error::{Diagnostic, Error, Result};
use crate::portfolio::Portfolio;
use crate::templates;

#[derive(Debug, Clone)]
pub struct NewProposal {
    pub title: String,
    pub slug: String,
    pub owner: Option<String>,
    pub customer: Option<String>,
    pub launch_date: Option<NaiveDate>,
    pub tags: Vec<String>,
    /// Template name without `.md.hbs`.
    pub template: String,
}

#[derive(Serialize)]
struct Data<'a> {
    title: &'a str,
    slug: &'a str,
    owner: &'a str,
    customer: &'a str,
    /// `2027-03-15`, or empty.
    launch_date: String,
    /// `March 15, 2027`, or a placeholder.
    dateline: String,
    tags: &'a [String],
    today: String,
}

/// Renders the template and creates the file; returns its path.
pub fn create(portfolio: &Portfolio, req: &NewProposal) -> Result<PathBuf> {
    if let Some(p) = portfolio.proposals.iter().find(|p| p.slug == req.slug) {
        return Err(Diagnostic::new(
            &p.path,
            format!("a proposal named `{}` already exists", req.slug),
        )
        .hint("pick another title or pass --slug NAME")
        .into());
    }
    let name = format!("{}.md.hbs", req.template);
    let Some(source) = templates::template(&portfolio.root, &name)? else {
        return Err(Error::usage_hint(
            format!("no template `{}`", req.template),
            format!(
                "templates: {} (add your own as .wb/templates/NAME.md.hbs)",
                templates::proposal_templates(&portfolio.root).join(", ")
            ),
        ));
    };
    let data = Data {
        title: &req.title,
        slug: &req.slug,
        owner: req.owner.as_deref().unwrap_or(""),
        customer: req.customer.as_deref().unwrap_or(""),
        launch_date: req.launch_date.map(|d| d.to_string()).unwrap_or_default(),
        dateline: req
            .launch_date
            .map(|d| d.format("%B %-d, %Y").to_string())
            .unwrap_or_else(|| "[Launch date]".to_string()),
        tags: &req.tags,
        today: chrono::Local::now().date_naive().to_string(),
    };
    let text = templates::render_markdown(&source, &data)?;
    let path = portfolio.new_dir().join(format!("{}.md", req.slug));
    // The scaffold must itself be a proposal wb can read.
    if let Err(e) = crate::proposal::parse(&path, text.clone(), &portfolio.options) {
        return Err(Error::usage_hint(
            format!(
                "template {} produced a file wb cannot read: {e}",
                source.origin.display()
            ),
            "fix the template's front-matter",
        ));
    }
    crate::fs::create_new(&path, text.as_bytes())?;
    Ok(path)
}
