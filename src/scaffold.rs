//! `wb new`: a proposal rendered from a template, written without ever
//! replacing a file.

use std::path::{Path, PathBuf};

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
    /// The status new proposals start in (the first in wb.yaml).
    status: &'a str,
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
    // Case-insensitively: on macOS and Windows `X.md` and `x.md` are one file.
    if let Some(p) = portfolio
        .proposals
        .iter()
        .find(|p| p.slug.eq_ignore_ascii_case(&req.slug))
    {
        return Err(Diagnostic::new(
            &p.path,
            format!("a proposal named `{}` already exists", p.slug),
        )
        .hint(if p.slug == req.slug {
            "pick another title or pass --slug NAME"
        } else {
            "names that differ only in case clash on macOS and Windows; pick another title or --slug NAME"
        })
        .into());
    }
    let path = portfolio.new_path(&req.slug);
    // A file the portfolio then leaves out would be created and lost from
    // view: every later command says "no proposal".
    if !portfolio.would_load(&path) {
        return Err(Diagnostic::new(
            crate::portfolio::display_path(&path),
            "wb.yaml's `proposals` leave this file out (a `!glob` or no source names it); wb new did not write it",
        )
        .hint("pick another --slug, or change `proposals` in wb.yaml so that it takes the file")
        .into());
    }
    refuse_case_clash(&path)?;
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
        status: portfolio.cfg().lifecycle.new_status(),
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
    if let Some(dir) = path.parent().filter(|_| {
        path.file_name()
            .is_some_and(|n| crate::proposal::is_folder_document(&n.to_string_lossy()))
    }) {
        crate::fs::create_dir_all(dir)?;
    }
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

/// Refuses `path` when its folder (or, for a folder's README.md, the
/// folder holding that folder) already holds an entry whose name differs
/// only in case: on a case-insensitive file system they would be one.
fn refuse_case_clash(path: &Path) -> Result<()> {
    let named = |p: &Path| p.file_name().map(|n| n.to_string_lossy().into_owned());
    let mut target = path.to_path_buf();
    if named(path).is_some_and(|n| crate::proposal::is_folder_document(&n))
        && let Some(folder) = path.parent()
    {
        target = folder.to_path_buf();
    }
    let (Some(dir), Some(name)) = (target.parent(), named(&target)) else {
        return Ok(());
    };
    let Ok(entries) = std::fs::read_dir(if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    }) else {
        return Ok(());
    };
    for entry in entries.flatten() {
        let other = entry.file_name().to_string_lossy().into_owned();
        if other != name && other.eq_ignore_ascii_case(&name) {
            return Err(Diagnostic::new(
                dir.join(&other),
                format!("`{name}` would clash with `{other}` on macOS and Windows"),
            )
            .hint("names that differ only in case are one file there; pick another --slug NAME")
            .into());
        }
    }
    Ok(())
}

/// The title as given (whitespace collapsed) and the slug: `--slug` if it is
/// usable, else one made from the title.
pub fn title_and_slug(title: &str, slug: Option<&str>) -> Result<(String, String)> {
    let title = title.split_whitespace().collect::<Vec<_>>().join(" ");
    let slug = match slug {
        Some(s) if crate::proposal::is_valid_slug(s) => s.to_string(),
        Some(s) => {
            return Err(Error::usage_hint(
                format!("`{s}` is not a usable slug"),
                "a slug is letters, digits, dashes and underscores, e.g. instant-refunds",
            ));
        }
        None => crate::proposal::slugify(&title),
    };
    if slug.is_empty() {
        return Err(Error::usage_hint(
            format!("the title `{title}` gives an empty slug"),
            "use letters or digits in the title, or pass --slug NAME",
        ));
    }
    if crate::proposal::is_reserved_name(&slug) {
        return Err(Error::usage_hint(
            format!("`{slug}` is a device name Windows reserves; a file cannot be named so there"),
            "pass --slug NAME with another name (CON, PRN, AUX, NUL, COM1-9 and LPT1-9 are reserved)",
        ));
    }
    Ok((title, slug))
}

/// `--launch-date`, read as YYYY-MM-DD.
pub fn launch_date(arg: Option<&str>) -> Result<Option<NaiveDate>> {
    arg.map(|d| {
        crate::proposal::front::parse_date(d).ok_or_else(|| {
            Error::usage_hint(
                format!("--launch-date `{d}` is not a date"),
                "write it as YYYY-MM-DD, e.g. --launch-date 2027-03-15",
            )
        })
    })
    .transpose()
}

/// One thing `wb init` did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Done {
    Created(PathBuf),
    /// A file that was already there and was left alone.
    Kept(PathBuf),
    /// `_site/` was added to this `.gitignore`.
    Ignored(PathBuf),
}

/// `wb init`: a commented wb.yaml, a `proposals/` folder and `_site/` in
/// `.gitignore` (unless wb.yaml exists: it is never overwritten); with
/// `templates`, the default templates copied out for editing.
pub fn init(dir: &Path, templates: bool) -> Result<Vec<Done>> {
    use crate::config::CONFIG_FILE;
    crate::fs::create_dir_all(dir)?;
    let config = dir.join(CONFIG_FILE);
    let mut done = Vec::new();
    if config.exists() && !templates {
        return Err(
            Diagnostic::new(&config, "already exists; wb init never overwrites it")
                .hint(
                    "edit it by hand, or run `wb init --templates` to only copy the templates out",
                )
                .into(),
        );
    }
    if !config.exists() {
        crate::fs::create_new(&config, crate::config::init_template().as_bytes())?;
        done.push(Done::Created(config));
        let proposals = dir.join("proposals");
        if !proposals.exists() {
            crate::fs::create_dir_all(&proposals)?;
            done.push(Done::Created(proposals));
        }
        if ignore_site(dir)? {
            done.push(Done::Ignored(dir.join(".gitignore")));
        }
    }
    if templates {
        let (written, skipped) = templates::eject(dir)?;
        done.extend(written.into_iter().map(Done::Created));
        done.extend(skipped.into_iter().map(Done::Kept));
    }
    Ok(done)
}

/// Adds `_site/` to the folder's .gitignore unless it is already there.
fn ignore_site(dir: &Path) -> Result<bool> {
    let path = dir.join(".gitignore");
    let current = if path.exists() {
        crate::fs::read_text(&path)?
    } else {
        String::new()
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
    crate::fs::write(&path, next)?;
    Ok(true)
}
