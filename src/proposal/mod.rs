//! One PR/FAQ: front-matter and body, parsed into a model every later stage
//! reads. Parsing never touches git and never fails on a missing key: a
//! document written before wb (no front-matter at all) still loads.

pub mod body;
pub mod front;
pub mod layout;
pub mod roles;

use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use regex::Regex;
use serde::Serialize;

pub use body::{Block, BlockKind, Body, Comment, FaqEntry, FaqKind, Section};
pub use front::FrontMatter;
pub use layout::{Layout, Sidecar};
pub use roles::{Aliases, Role};

use crate::error::{Diagnostic, Result};

/// What parsing needs from the configuration.
#[derive(Debug, Clone)]
pub struct ParseOptions {
    pub statuses: Vec<String>,
    pub aliases: Aliases,
    /// Sidecar files and status folders (wb.yaml's `metadata`,
    /// `status_folders`), applied by [`load`].
    pub layout: Layout,
    /// For old versions: a status today's wb.yaml does not list is kept as
    /// written instead of refused (only the current version must use a
    /// configured status).
    pub lenient: bool,
}

impl Default for ParseOptions {
    fn default() -> Self {
        ParseOptions {
            statuses: crate::config::DEFAULT_STATUSES
                .iter()
                .map(|s| s.to_string())
                .collect(),
            aliases: Aliases::default(),
            layout: Layout::default(),
            lenient: false,
        }
    }
}

impl ParseOptions {
    /// These options for reading old versions (see `lenient`).
    pub fn lenient(&self) -> ParseOptions {
        ParseOptions {
            lenient: true,
            ..self.clone()
        }
    }
}

/// A parsed proposal.
#[derive(Debug, Clone, Serialize)]
pub struct Proposal {
    /// The proposal's name in commands and URLs: the file stem, or for a
    /// folder's `README.md`/`index.md` the folder's name (see [`slug_of`]).
    pub slug: String,
    /// The file, as found (relative to the current folder or absolute).
    pub path: PathBuf,
    /// Title from the front-matter, else the document's first heading
    /// (unless it names a section), else a `Title:` line, else (with no
    /// heading at all) the first line of text, else the slug.
    pub title: String,
    pub front: FrontMatter,
    #[serde(flatten)]
    pub body: Body,
    /// The text with BOM removed and CRLF turned into LF.
    #[serde(skip)]
    pub source: String,
    /// Lines of front-matter (fences included) before the body.
    pub body_line: usize,
    /// The status, lower case: the status folder's, else the front-matter's
    /// (sidecar included), else the first configured one.
    #[serde(skip)]
    pub status: String,
    /// The sidecar file whose values were merged into `front`, if any
    /// (see [`layout`]); kept to lay the same values over old versions.
    #[serde(skip)]
    pub sidecar: Option<std::sync::Arc<Sidecar>>,
    /// Problems with a value in the front-matter (an unknown status) or the
    /// sidecar: reported, never fatal (the value is left out).
    #[serde(skip)]
    pub problems: Vec<Diagnostic>,
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

/// Reads and parses the proposal at `path`, with what the layout says
/// from outside it (its sidecar, its status folder).
pub fn load(path: &Path, options: &ParseOptions) -> Result<Proposal> {
    let bytes = crate::fs::read(path)?;
    let mut p = parse_bytes(path, bytes, options)?;
    let (sidecar, problems) = options.layout.read_sidecar(path, &options.statuses);
    p.sidecar = sidecar.map(std::sync::Arc::new);
    p.problems.extend(problems);
    let sidecar = p.sidecar.clone();
    apply_layout(&mut p, path, sidecar.as_deref(), options);
    Ok(p)
}

/// Lays what the layout says over a parsed proposal: the sidecar's values
/// (they win over the document's), then the status of the folder `path`
/// sits in (it wins over both). `path` is where this version of the
/// document lives: for an old version, the path it had then.
pub fn apply_layout(
    p: &mut Proposal,
    path: &Path,
    sidecar: Option<&Sidecar>,
    options: &ParseOptions,
) {
    if let Some(s) = sidecar {
        layout::merge(&mut p.front, &s.front);
        if let Some(t) = &s.front.title {
            p.title.clone_from(t);
        }
    }
    if let Some(status) = options.layout.folder_status(path) {
        p.front.status = Some(status.to_string());
    }
    if let Some(status) = &p.front.status {
        p.status.clone_from(status);
    }
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
    let (front, problems) = if options.lenient {
        (lower_status(front), Vec::new())
    } else {
        validate_status(path, front, &options.statuses)
    };
    let body = body::parse(split.body, split.body_line_offset, &options.aliases);
    let title = match &front.title {
        Some(t) => t.clone(),
        None => title_of(&body, split.body, &options.aliases).unwrap_or_else(|| slug_of(path)),
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
        sidecar: None,
        problems,
    })
}

fn lower_status(mut front: FrontMatter) -> FrontMatter {
    front.status = front.status.map(|s| s.to_lowercase());
    front
}

/// The title a document gives itself without front-matter: its first
/// heading, with a "PR/FAQ" or "Title:" label taken off ("PRFAQ: smallhold"
/// → "smallhold"). A heading that names a section ("Summary", "Problem",
/// "Press release") is never a title: then a `Title:` or `Feature Name:`
/// line says it, or, in a document with no heading at all, its first line.
fn title_of(body: &Body, text: &str, aliases: &Aliases) -> Option<String> {
    let mut headings = body.sections.iter().filter(|s| s.is_heading());
    let mut any_heading = false;
    for s in headings.by_ref() {
        any_heading = true;
        if roles::is_title_label(&s.heading) || s.role == Role::PressRelease {
            let name = roles::strip_title_label(&s.heading);
            if !name.is_empty() && !roles::is_section_name(&name, aliases) {
                return Some(name);
            }
            if s.blocks.is_empty() {
                continue; // "# PR/FAQ" above the release: look further
            }
            break;
        }
        if s.role == Role::Headline && !roles::is_section_name(&s.heading, aliases) {
            return Some(s.heading.clone()).filter(|t| !t.is_empty());
        }
        break;
    }
    // The headline of a release written as a bold line ("## Press release"
    // then "**Shops refund in minutes**").
    if let Some(h) = body.sections.iter().find(|s| s.role == Role::Headline)
        && !h.heading.is_empty()
        && !h.is_heading()
        && any_heading
        && body
            .sections
            .iter()
            .take_while(|s| s.line < h.line)
            .all(|s| s.role == Role::PressRelease)
    {
        return Some(h.heading.clone());
    }
    if let Some(t) = header_title(text) {
        return Some(t);
    }
    if any_heading {
        return None;
    }
    first_line(body)
}

/// "Title: X", "- Feature Name: X", "**Title:** X" among the first lines.
fn header_title(text: &str) -> Option<String> {
    static HEADER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?im)^\s*(?:[-*+]\s+)?(?:\*\*|__)?(?:title|feature[ _-]?name|rfc title|document title)(?:\*\*|__)?\s*:\s*(?:\*\*|__)?\s*(\S[^\n]*)$").unwrap()
    });
    let head: String = text.lines().take(40).collect::<Vec<_>>().join("\n");
    let c = HEADER.captures(&head)?;
    let t = clean_line(&c[1]);
    let lower = t.to_lowercase();
    let none = [
        "n/a",
        "na",
        "none",
        "not applicable",
        "tbd",
        "-",
        "—",
        "todo",
    ];
    (!t.is_empty() && !t.starts_with('(') && !none.contains(&lower.trim_end_matches('.')))
        .then_some(t)
}

/// The first line of text (not code, a table, metadata or a link).
fn first_line(body: &Body) -> Option<String> {
    static METADATA: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^[\w #.-]{1,30}:\s").unwrap());
    let mut blocks: Vec<&body::Block> = body.sections.iter().flat_map(|s| &s.blocks).collect();
    blocks.sort_by_key(|b| b.line);
    let lines = blocks
        .into_iter()
        .filter(|b| !matches!(b.kind, body::BlockKind::Code | body::BlockKind::Table))
        .flat_map(|b| b.text.lines());
    for line in lines {
        let t = clean_line(line);
        if t.is_empty()
            || t.starts_with("http")
            || t.starts_with("<")
            || METADATA.is_match(&t)
            || !t.chars().any(char::is_alphabetic)
        {
            continue;
        }
        return Some(shorten(&t, 80));
    }
    None
}

/// A line without Markdown markup around its words.
fn clean_line(line: &str) -> String {
    let t = line
        .trim()
        .trim_start_matches(['>', '#', '-', '*', '+', ' '])
        .replace(['*', '`'], "")
        .replace("__", "");
    t.trim_matches(|c: char| c.is_whitespace() || c == '_')
        .to_string()
}

/// At most `max` characters, cut at a word.
fn shorten(t: &str, max: usize) -> String {
    if t.chars().count() <= max {
        return t.to_string();
    }
    let cut: String = t.chars().take(max).collect();
    match cut.rfind(' ') {
        Some(i) if i > max / 2 => format!("{}…", cut[..i].trim_end()),
        _ => format!("{cut}…"),
    }
}

/// The front-matter's status, checked against wb.yaml's statuses. An
/// unknown one is a problem the proposal carries (reported with its place,
/// exit 2) and is left out, so the proposal takes the first status, as a
/// sidecar's unknown status is: the document is still listed, checked and
/// published rather than lost to a typo or a status written elsewhere.
fn validate_status(
    path: &Path,
    mut front: FrontMatter,
    statuses: &[String],
) -> (FrontMatter, Vec<Diagnostic>) {
    let Some(status) = &front.status else {
        return (front, Vec::new());
    };
    let lower = status.to_lowercase();
    if statuses.contains(&lower) {
        front.status = Some(lower);
        return (front, Vec::new());
    }
    let (line, _) = front.position("status");
    let col = "status:".len() + 2;
    let read_as = statuses.first().map_or(String::new(), |s| {
        format!(" and reads the proposal as `{s}`")
    });
    let problem = Diagnostic::new(
        path,
        format!("unknown status `{status}`; wb ignores it{read_as}"),
    )
    .at(line, col)
    .hint(format!(
        "use one of: {} (statuses are set in wb.yaml)",
        statuses.join(", ")
    ));
    front.status = None;
    front.left_out.push("status".into());
    (front, vec![problem])
}

/// The name of the proposal at `path`: the file stem, or for a folder's
/// `README.md` or `index.md` the folder's name
/// (`keps/sig-node/1234-foo/README.md` is `1234-foo`).
pub fn slug_of(path: &Path) -> String {
    let is_folder_doc = path
        .file_name()
        .is_some_and(|n| is_folder_document(&n.to_string_lossy()));
    if is_folder_doc {
        // Absolute, so that `README.md` seen from its own folder is named alike.
        let abs = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
        if let Some(folder) = abs.parent().and_then(Path::file_name) {
            return folder.to_string_lossy().into_owned();
        }
    }
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Is `name` a file that stands for its folder (`README.md`, `index.md`)?
pub fn is_folder_document(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    matches!(
        lower.as_str(),
        "readme.md" | "readme.markdown" | "index.md" | "index.markdown"
    )
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

/// Is `name` (a file or folder name) one Windows reserves for a device,
/// whatever its case and extension (`CON`, `nul.md`, `Com1.x.md`)?
pub fn is_reserved_name(name: &str) -> bool {
    let base = name.split('.').next().unwrap_or("").trim_end();
    let upper = base.to_ascii_uppercase();
    match upper.as_str() {
        "CON" | "PRN" | "AUX" | "NUL" | "CONIN$" | "CONOUT$" => true,
        _ => {
            let mut chars = upper.chars();
            let last = chars.next_back();
            matches!(chars.as_str(), "COM" | "LPT") && last.is_some_and(|c| c.is_ascii_digit())
        }
    }
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
    fn reserved_names() {
        for n in [
            "CON", "con", "Prn.md", "aux.x.md", "NUL", "COM1", "lpt9", "com0",
        ] {
            assert!(is_reserved_name(n), "{n}");
        }
        for n in ["console", "com", "com10", "lpt", "nul-handling", "x"] {
            assert!(!is_reserved_name(n), "{n}");
        }
    }

    #[test]
    fn folder_documents_are_named_after_their_folder() {
        assert_eq!(
            slug_of(Path::new("keps/sig-node/1234-foo/README.md")),
            "1234-foo"
        );
        assert_eq!(slug_of(Path::new("docs/refunds/index.md")), "refunds");
        assert_eq!(slug_of(Path::new("docs/refunds/Readme.MD")), "refunds");
        assert_eq!(slug_of(Path::new("docs/refunds.md")), "refunds");
        let here = std::env::current_dir().unwrap();
        let folder = here.file_name().unwrap().to_string_lossy().into_owned();
        assert_eq!(slug_of(Path::new("README.md")), folder);
    }

    #[test]
    fn lenient_parse_keeps_an_unknown_status() {
        let text = "---\ntitle: A\nstatus: Brainstorm\n---\n# A\n".to_string();
        let strict = ParseOptions::default();
        let now = parse(Path::new("x.md"), text.clone(), &strict).unwrap();
        assert_eq!(now.problems.len(), 1, "the current version reports it");
        let v = parse(Path::new("x.md"), text, &strict.lenient()).unwrap();
        assert_eq!(v.status(), "brainstorm");
        assert!(v.problems.is_empty(), "an old version keeps it quietly");
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
    fn unknown_status_points_at_the_value_and_the_proposal_stays() {
        let q = p("---\ntitle: A\nstatus: Draft v0.1\n---\n# A\n").unwrap();
        assert_eq!(q.problems.len(), 1);
        let e = crate::error::Error::from(q.problems[0].clone());
        assert!(
            e.to_string()
                .starts_with(
                    "p/x.md:3:9: unknown status `Draft v0.1`; wb ignores it and reads the proposal as `draft`"
                ),
            "{e}"
        );
        assert!(e.hint().unwrap().contains("draft, review"), "{e}");
        // Left out: the proposal takes the first status, as with none.
        assert_eq!(q.front.status, None);
        assert_eq!(q.status, "draft");
        assert_eq!(q.title, "A");
    }

    #[test]
    fn an_empty_file_is_an_error() {
        assert!(
            p("  \n")
                .unwrap_err()
                .to_string()
                .starts_with("p/x.md:1:1: the file is empty")
        );
    }

    fn title(text: &str) -> String {
        p(text).unwrap().title
    }

    #[test]
    fn a_document_without_a_heading_takes_its_first_line() {
        assert_eq!(title("---\nstatus: draft\n---\nJust text.\n"), "Just text.");
        assert_eq!(
            title("> note to self\n\nNow shop owners refund a customer in two minutes.\n"),
            "note to self"
        );
        assert_eq!(
            title("Owner: Ana\nStatus: draft\n\nShops refund.\n"),
            "Shops refund."
        );
        assert_eq!(title("```\ncode\n```\n"), "x");
    }

    #[test]
    fn a_section_name_is_never_the_title() {
        let rfc = "- Feature Name: if_let\n- Start Date: 2014-08-26\n\n# Summary\n\nIntroduce a construct.\n\n# Motivation\n\nText.\n";
        assert_eq!(title(rfc), "if_let");
        assert_eq!(
            title("## Summary\n\nText.\n\n## Motivation\n\nMore.\n"),
            "x"
        );
        assert_eq!(title("# Problem\n\nIt hurts.\n"), "x");
        assert_eq!(
            title("# Press Release\n\nText.\n\n# FAQ\n\n### Why?\nBecause.\n"),
            "x"
        );
        assert_eq!(
            title("# Introduction\n\nTitle: Shops refund in minutes\n"),
            "Shops refund in minutes"
        );
    }

    #[test]
    fn labels_come_off_titles() {
        assert_eq!(
            title("# Title: Shops refund in minutes\n\nText.\n"),
            "Shops refund in minutes"
        );
        assert_eq!(
            title("# PRFAQ: smallhold\n\n## Press release\n\n**Operators run one server**\n"),
            "smallhold"
        );
        assert_eq!(
            title("# Dossier — PR/FAQ\n\n## Press Release\n\n### Topics stay alive\n"),
            "Dossier"
        );
        assert_eq!(
            title("# The Evergreen Bible PR / FAQ\n\nAnnouncing it.\n"),
            "The Evergreen Bible"
        );
        assert_eq!(title("# PR FAQ for Acme Ledger\n\nText.\n"), "Acme Ledger");
        assert_eq!(
            title(
                "# Lumber — Working Backwards Plan\n\n## Press Release\n\n### Yard owners ask in plain words\n"
            ),
            "Lumber"
        );
        // A bold headline under "## Press release" when the document has no other title.
        assert_eq!(
            title(
                "# PR/FAQ\n\n## Press release\n\n**FOR IMMEDIATE RELEASE**\n\n**Shops refund in two minutes**\n\nSEATTLE -- Text.\n"
            ),
            "Shops refund in two minutes"
        );
    }
}
