//! Default templates and site assets, embedded in the binary as real files
//! from `templates/` and `site/`. A portfolio overrides any of them by placing
//! a file of the same name in `.wb/templates/` or `.wb/site/`.

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// One embedded file: its name relative to its folder and its contents.
#[derive(Debug, Clone, Copy)]
pub struct Embedded {
    pub name: &'static str,
    pub contents: &'static str,
}

macro_rules! embed {
    ($dir:literal: $($name:literal),* $(,)?) => {
        &[$(Embedded { name: $name, contents: include_str!(concat!("../", $dir, "/", $name)) }),*]
    };
}

/// Templates: proposal scaffolds (`*.md.hbs`) and the site's pages (`*.html.hbs`).
pub const TEMPLATES: &[Embedded] = embed!("templates":
    "prfaq.md.hbs",
    "wb.yaml",
    "site/head.html.hbs",
    "site/foot.html.hbs",
    "site/counts.html.hbs",
    "site/meta.html.hbs",
    "site/toc.html.hbs",
    "site/findings.html.hbs",
    "site/decision.html.hbs",
    "site/index.html.hbs",
    "site/proposal.html.hbs",
    "site/history.html.hbs",
    "site/version.html.hbs",
    "site/rule.html.hbs",
    "site/rules.html.hbs",
);

/// The site's page templates and partials, registered under these names
/// (`{{> head}}` includes `site/head.html.hbs`).
pub const SITE_TEMPLATES: &[&str] = &[
    "head", "foot", "counts", "meta", "toc", "findings", "decision", "index", "proposal",
    "history", "version", "rule", "rules",
];

/// Static files copied into the site's `assets/` folder.
pub const ASSETS: &[Embedded] = embed!("site": "wb.css", "wb.js");

/// Where a portfolio keeps its overrides.
pub const TEMPLATE_DIR: &str = ".wb/templates";
pub const SITE_DIR: &str = ".wb/site";

/// A template's text and the file it came from (for error messages).
#[derive(Debug, Clone)]
pub struct Source {
    pub text: String,
    /// The override file, or `templates/<name>` (embedded) for a default.
    pub origin: PathBuf,
}

/// Looks up `name` in the portfolio's overrides, then in the defaults.
pub fn template(root: &Path, name: &str) -> Result<Option<Source>> {
    lookup(root, TEMPLATE_DIR, "templates", TEMPLATES, name)
}

fn lookup(
    root: &Path,
    dir: &str,
    builtin_dir: &str,
    builtin: &[Embedded],
    name: &str,
) -> Result<Option<Source>> {
    let over = root.join(dir).join(name);
    if over.is_file() {
        crate::fs::ensure_inside(root, &over)?;
        let text = crate::fs::read_text(&over)?;
        return Ok(Some(Source { text, origin: over }));
    }
    Ok(builtin.iter().find(|e| e.name == name).map(|e| Source {
        text: e.contents.to_string(),
        origin: PathBuf::from(format!("{builtin_dir}/{} (built in)", e.name)),
    }))
}

/// Names of the proposal templates a portfolio can use with `wb new --template`.
pub fn proposal_templates(root: &Path) -> Vec<String> {
    let mut names: Vec<String> = TEMPLATES
        .iter()
        .filter_map(|e| e.name.strip_suffix(".md.hbs"))
        .map(str::to_string)
        .collect();
    if let Ok(dir) = std::fs::read_dir(root.join(TEMPLATE_DIR)) {
        for entry in dir.flatten() {
            let file = entry.file_name().to_string_lossy().into_owned();
            if let Some(stem) = file.strip_suffix(".md.hbs") {
                names.push(stem.to_string());
            }
        }
    }
    names.sort();
    names.dedup();
    names
}

/// The site's assets, each from `.wb/site/` when the portfolio overrides it.
pub fn site_assets(root: &Path) -> Result<Vec<(String, Vec<u8>)>> {
    let mut out = Vec::new();
    for e in ASSETS {
        let over = root.join(SITE_DIR).join(e.name);
        let bytes = if over.is_file() {
            crate::fs::ensure_inside(root, &over)?;
            crate::fs::read(&over)?
        } else {
            e.contents.as_bytes().to_vec()
        };
        out.push((e.name.to_string(), bytes));
    }
    Ok(out)
}

/// Copies every default template into `.wb/templates/` and every asset into
/// `.wb/site/` for editing. Files already there are left alone and reported
/// as skipped.
pub fn eject(root: &Path) -> Result<(Vec<PathBuf>, Vec<PathBuf>)> {
    let dir = root.join(TEMPLATE_DIR);
    crate::fs::create_dir_all(&dir)?;
    let mut written = Vec::new();
    let mut skipped = Vec::new();
    let site = root.join(SITE_DIR);
    let templates = TEMPLATES
        .iter()
        .filter(|e| e.name != "wb.yaml")
        .map(|e| (dir.join(e.name), e));
    let assets = ASSETS.iter().map(|e| (site.join(e.name), e));
    for (path, e) in templates.chain(assets) {
        match crate::fs::create_new(&path, e.contents.as_bytes()) {
            Ok(()) => written.push(path),
            Err(Error::Input(_)) => skipped.push(path),
            Err(err) => return Err(err),
        }
    }
    Ok((written, skipped))
}

/// A handlebars registry for Markdown output: no HTML escaping, strict about
/// missing helpers, with a `yaml` helper that writes a safe YAML scalar.
fn markdown_registry() -> handlebars::Handlebars<'static> {
    let mut hb = handlebars::Handlebars::new();
    hb.register_escape_fn(handlebars::no_escape);
    hb.register_helper("yaml", Box::new(yaml_helper));
    hb
}

fn yaml_helper(
    h: &handlebars::Helper<'_>,
    _: &handlebars::Handlebars<'_>,
    _: &handlebars::Context,
    _: &mut handlebars::RenderContext<'_, '_>,
    out: &mut dyn handlebars::Output,
) -> handlebars::HelperResult {
    let value = h.param(0).map(|p| p.value().clone()).unwrap_or_default();
    let text = match value {
        serde_json::Value::String(s) if s.is_empty() => String::new(),
        serde_json::Value::Null => String::new(),
        v => serde_yaml::to_string(&v)
            .unwrap_or_default()
            .trim_end()
            .to_string(),
    };
    out.write(&text)?;
    Ok(())
}

/// Renders a Markdown template; errors name the template file and line.
pub fn render_markdown(source: &Source, data: &impl serde::Serialize) -> Result<String> {
    let hb = markdown_registry();
    hb.render_template(&source.text, data)
        .map_err(|e| render_error(&source.origin, &e))
}

/// A handlebars error as a diagnostic at the template's line.
pub fn render_error(origin: &Path, e: &handlebars::RenderError) -> Error {
    use std::error::Error as _;
    let (line, col, message) = match e
        .source()
        .and_then(|s| s.downcast_ref::<handlebars::TemplateError>())
    {
        Some(t) => (
            t.pos().map(|p| p.0),
            t.pos().map(|p| p.1),
            t.reason().to_string(),
        ),
        None => (e.line_no, e.column_no, e.to_string()),
    };
    let d = crate::error::Diagnostic::new(origin, format!("template error: {message}"))
        .hint("fix the template, or delete the override to use the built-in one");
    match line {
        Some(l) => d.at(l, col.unwrap_or(1)).into(),
        None => d.into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn override_wins_over_default() {
        let dir = tempfile::tempdir().unwrap();
        let t = template(dir.path(), "prfaq.md.hbs").unwrap().unwrap();
        assert!(t.text.contains("# Frequently asked questions"));
        crate::fs::write(&dir.path().join(".wb/templates/prfaq.md.hbs"), "mine").unwrap();
        let t = template(dir.path(), "prfaq.md.hbs").unwrap().unwrap();
        assert_eq!(t.text, "mine");
        assert!(template(dir.path(), "nope.md.hbs").unwrap().is_none());
    }
}
