//! One PR/FAQ: front-matter and body, parsed into a model every later stage
//! reads. Parsing never touches git and never fails on a missing key: a
//! document written before wb (no front-matter at all) still loads.

pub mod body;
pub mod front;
pub mod roles;

use std::path::{Path, PathBuf};

use serde::Serialize;

pub use body::{Block, BlockKind, Body, Comment, FaqEntry, FaqKind, Section};
pub use front::FrontMatter;
pub use roles::{Aliases, Role};

use crate::error::{Diagnostic, Result};

/// What parsing needs from the configuration.
#[derive(Debug, Clone)]
pub struct ParseOptions {
    pub statuses: Vec<String>,
    pub aliases: Aliases,
}

impl Default for ParseOptions {
    fn default() -> Self {
        ParseOptions {
            statuses: crate::config::DEFAULT_STATUSES
                .iter()
                .map(|s| s.to_string())
                .collect(),
            aliases: Aliases::default(),
        }
    }
}

/// A parsed proposal.
#[derive(Debug, Clone, Serialize)]
pub struct Proposal {
    /// The file stem: the proposal's name in commands and URLs.
    pub slug: String,
    /// The file, as found (relative to the current folder or absolute).
    pub path: PathBuf,
    /// Title from the front-matter, else the first heading, else the slug.
    pub title: String,
    pub front: FrontMatter,
    #[serde(flatten)]
    pub body: Body,
    /// The text with BOM removed and CRLF turned into LF.
    #[serde(skip)]
    pub source: String,
    /// Lines of front-matter (fences included) before the body.
    pub body_line: usize,
    /// The status, lower case: the front-matter's, else the first configured one.
    #[serde(skip)]
    pub status: String,
}

impl Proposal {
    /// The status: the front-matter's, or the first configured status (the
    /// one new proposals start in) when the front-matter does not say.
    pub fn status(&self) -> &str {
        &self.status
    }

    /// The owner's name without the email ("Jane Doe <jane@…>" → "Jane Doe").
    pub fn owner_name(&self) -> Option<&str> {
        let owner = self.front.owner.as_deref()?;
        Some(
            owner
                .split('<')
                .next()
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .unwrap_or(owner),
        )
    }

    pub fn section(&self, role: Role) -> Option<&Section> {
        self.body.sections.iter().find(|s| s.role == role)
    }

    pub fn sections(&self, role: Role) -> impl Iterator<Item = &Section> {
        self.body.sections.iter().filter(move |s| s.role == role)
    }

    /// The press release: every section before the FAQ part.
    pub fn press_release(&self) -> impl Iterator<Item = &Section> {
        self.body.sections.iter().filter(|s| !s.in_faq)
    }

    pub fn faqs(&self, kind: FaqKind) -> impl Iterator<Item = &FaqEntry> {
        self.body.faqs.iter().filter(move |f| f.kind == kind)
    }

    /// The line of the file (1-based), for locating evidence.
    pub fn line(&self, n: usize) -> &str {
        self.source.lines().nth(n.saturating_sub(1)).unwrap_or("")
    }
}

/// Turns file bytes into text wb can parse: UTF-8 only, BOM dropped, CRLF and
/// lone CR turned into LF (line numbers stay the same), NUL into U+FFFD.
pub fn normalise_text(path: &Path, bytes: Vec<u8>) -> Result<String> {
    let text = crate::fs::decode_utf8(path, bytes)?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let text = if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text.to_string()
    };
    // As CommonMark says: a NUL is U+FFFD, so it reaches no page, feed or
    // terminal (one character for one, so columns stay the same).
    Ok(if text.contains('\0') {
        text.replace('\0', "\u{fffd}")
    } else {
        text
    })
}

/// Reads and parses the proposal at `path`.
pub fn load(path: &Path, options: &ParseOptions) -> Result<Proposal> {
    let bytes = crate::fs::read(path)?;
    parse_bytes(path, bytes, options)
}

pub fn parse_bytes(path: &Path, bytes: Vec<u8>, options: &ParseOptions) -> Result<Proposal> {
    let text = normalise_text(path, bytes)?;
    parse(path, text, options)
}

/// Parses a proposal's text; `path` names it in errors and gives the slug.
pub fn parse(path: &Path, text: String, options: &ParseOptions) -> Result<Proposal> {
    if text.trim().is_empty() {
        return Err(Diagnostic::new(path, "the file is empty")
            .at(1, 1)
            .hint("write the PR/FAQ, or start one with `wb new \"Title\"`")
            .into());
    }
    let split = front::split(path, &text)?;
    let front = match split.yaml {
        Some(yaml) => front::parse(path, yaml, split.yaml_line_offset)?,
        None => FrontMatter::default(),
    };
    let front = validate_status(path, front, &options.statuses)?;
    let body = body::parse(split.body, split.body_line_offset, &options.aliases);
    let headline = body
        .sections
        .iter()
        .find(|s| s.role == Role::Headline)
        .map(|s| s.heading.clone())
        .filter(|h| !h.is_empty());
    let title =
        match (&front.title, headline) {
            (Some(t), _) => t.clone(),
            (None, Some(h)) => h,
            (None, None) if front.present => {
                return Err(Diagnostic::new(
                    path,
                    "no title: the front-matter has no `title` and the document has no heading",
                )
                .at(1, 1)
                .hint("add `title: What the customer gets` to the front-matter")
                .into());
            }
            (None, None) => {
                return Err(Diagnostic::new(path, "no title: the document has no heading")
                .at(1, 1)
                .hint("start the PR/FAQ with a `# Headline` or add front-matter with a `title`")
                .into());
            }
        };
    let status = front
        .status
        .clone()
        .or_else(|| options.statuses.first().cloned())
        .unwrap_or_else(|| "draft".to_string());
    Ok(Proposal {
        slug: slug_of(path),
        path: path.to_path_buf(),
        status,
        title,
        body_line: split.body_line_offset,
        front,
        body,
        source: text,
    })
}

fn validate_status(
    path: &Path,
    mut front: FrontMatter,
    statuses: &[String],
) -> Result<FrontMatter> {
    if let Some(status) = &front.status {
        let lower = status.to_lowercase();
        if !statuses.contains(&lower) {
            let (line, _) = front.position("status");
            let col = "status:".len() + 2;
            return Err(Diagnostic::new(path, format!("unknown status `{status}`"))
                .at(line, col)
                .hint(format!(
                    "use one of: {} (statuses are set in wb.yaml)",
                    statuses.join(", ")
                ))
                .into());
        }
        front.status = Some(lower);
    }
    Ok(front)
}

/// The file stem, which names the proposal.
pub fn slug_of(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// A URL- and file-safe slug from a title: ASCII (accents transliterated),
/// lower case, words joined by dashes, at most 60 characters.
pub fn slugify(title: &str) -> String {
    let ascii = deunicode::deunicode(title).to_lowercase();
    let mut slug = String::new();
    for word in ascii.split(|c: char| !c.is_ascii_alphanumeric()) {
        if word.is_empty() {
            continue;
        }
        if !slug.is_empty() && slug.len() + 1 + word.len() > 60 {
            break;
        }
        if !slug.is_empty() {
            slug.push('-');
        }
        slug.push_str(word);
    }
    if slug.len() > 60 {
        slug.truncate(60);
    }
    slug
}

/// Is `slug` safe to use as a file and folder name?
pub fn is_valid_slug(slug: &str) -> bool {
    !slug.is_empty()
        && slug.len() <= 100
        && !slug.starts_with(['.', '-'])
        && slug
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_' || c == '.')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(text: &str) -> Result<Proposal> {
        parse(
            Path::new("p/x.md"),
            text.to_string(),
            &ParseOptions::default(),
        )
    }

    #[test]
    fn slugs() {
        assert_eq!(
            slugify("Instant refunds for small shops"),
            "instant-refunds-for-small-shops"
        );
        assert_eq!(
            slugify("Crème brûlée: à la carte!"),
            "creme-brulee-a-la-carte"
        );
        assert_eq!(slugify("¿¡!!"), "");
        assert!(slugify(&"word ".repeat(40)).len() <= 60);
        assert!(is_valid_slug("a-b_c"));
        assert!(!is_valid_slug("../x"));
    }

    #[test]
    fn title_falls_back_to_heading() {
        let p = p("# Shops refund in minutes\n\nText.\n").unwrap();
        assert_eq!(p.title, "Shops refund in minutes");
        assert!(!p.front.present);
        assert_eq!(p.slug, "x");
    }

    #[test]
    fn crlf_and_bom_are_tolerated() {
        let text = "\u{feff}---\r\ntitle: A\r\nstatus: Review\r\n---\r\n# H\r\n"
            .as_bytes()
            .to_vec();
        let p = parse_bytes(Path::new("x.md"), text, &ParseOptions::default()).unwrap();
        assert_eq!(p.title, "A");
        assert_eq!(p.status(), "review");
        assert_eq!(p.body.sections[0].line, 5);
    }

    #[test]
    fn unknown_status_points_at_the_value() {
        let e = p("---\ntitle: A\nstatus: maybe\n---\n").unwrap_err();
        assert!(
            e.to_string()
                .starts_with("p/x.md:3:9: unknown status `maybe`"),
            "{e}"
        );
        assert!(e.hint().unwrap().contains("draft, review"), "{e}");
    }

    #[test]
    fn empty_and_titleless_are_errors() {
        assert!(
            p("  \n")
                .unwrap_err()
                .to_string()
                .starts_with("p/x.md:1:1: the file is empty")
        );
        let e = p("---\nstatus: draft\n---\nJust text.\n")
            .unwrap_err()
            .to_string();
        assert!(e.contains("no title"), "{e}");
    }
}
