//! feed.xml: an Atom feed with one entry per iteration across the
//! portfolio, newest first.

use chrono::{DateTime, FixedOffset};

use super::render::escape;

#[derive(Clone, serde::Serialize, serde::Deserialize)]
pub struct Entry {
    pub slug: String,
    pub proposal_title: String,
    /// "3": the iteration number.
    pub label: String,
    pub commit: String,
    pub date: DateTime<FixedOffset>,
    pub author: String,
    pub subject: String,
    /// One line: words and sections changed, reviewers.
    pub summary: String,
    /// Relative to the site root, e.g. "p/refunds/history.html#i-3".
    pub url: String,
}

/// Most entries the feed carries; readers only look at recent ones.
pub const MAX_ENTRIES: usize = 200;

/// The feed, written at `at` ("" for the site root, "p/<slug>/" for a
/// proposal's own feed; entries' URLs are relative to it). `base_url` (from
/// `site.base_url`) makes links and ids absolute; without it links are
/// relative to the feed and ids are `urn:` names.
pub fn atom(title: &str, base_url: Option<&str>, at: &str, mut entries: Vec<Entry>) -> String {
    entries.sort_by(|a, b| b.date.cmp(&a.date).then_with(|| a.slug.cmp(&b.slug)));
    entries.truncate(MAX_ENTRIES);
    let site = base_url.map(|b| format!("{}/", b.trim_end_matches('/')));
    let base = site.as_ref().map(|b| format!("{b}{at}"));
    let link = |rel: &str| format!("{}{}", base.as_deref().unwrap_or(""), rel);
    let updated = entries
        .first()
        .map(|e| e.date.to_rfc3339())
        .unwrap_or_else(|| "1970-01-01T00:00:00+00:00".to_string());
    let feed_id = match &base {
        Some(b) => format!("{b}feed.xml"),
        None => format!(
            "urn:wb:{}",
            escape(&format!("{at}{title}").to_lowercase().replace(' ', "-"))
        ),
    };
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    out.push_str("<feed xmlns=\"http://www.w3.org/2005/Atom\">\n");
    out.push_str(&format!("  <title>{}</title>\n", escape(title)));
    out.push_str(&format!("  <id>{}</id>\n", escape(&feed_id)));
    out.push_str(&format!("  <updated>{updated}</updated>\n"));
    out.push_str(&format!(
        "  <link href=\"{}\"/>\n",
        escape(&link("index.html"))
    ));
    out.push_str(&format!(
        "  <link rel=\"self\" href=\"{}\"/>\n",
        escape(&link("feed.xml"))
    ));
    out.push_str("  <generator>wb</generator>\n");
    for e in &entries {
        let id = match &site {
            Some(b) => format!("{b}p/{}/history.html#i-{}-{}", e.slug, e.label, e.commit),
            None => format!("urn:wb:{}:{}", e.slug, e.commit),
        };
        out.push_str("  <entry>\n");
        out.push_str(&format!(
            "    <title>{}: {}</title>\n",
            escape(&e.proposal_title),
            escape(&e.subject)
        ));
        out.push_str(&format!("    <id>{}</id>\n", escape(&id)));
        out.push_str(&format!("    <updated>{}</updated>\n", e.date.to_rfc3339()));
        out.push_str(&format!(
            "    <author><name>{}</name></author>\n",
            escape(&e.author)
        ));
        out.push_str(&format!("    <link href=\"{}\"/>\n", escape(&link(&e.url))));
        out.push_str(&format!(
            "    <summary>Iteration {} of {}. {}</summary>\n",
            escape(&e.label),
            escape(&e.proposal_title),
            escape(&e.summary)
        ));
        out.push_str("  </entry>\n");
    }
    out.push_str("</feed>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(slug: &str, date: &str) -> Entry {
        Entry {
            slug: slug.into(),
            proposal_title: "Refunds <fast>".into(),
            label: "1".into(),
            commit: "abc".into(),
            date: DateTime::parse_from_rfc3339(date).unwrap(),
            author: "A & B".into(),
            subject: "Draft".into(),
            summary: "+10 words".into(),
            url: format!("p/{slug}/history.html#i-1"),
        }
    }

    #[test]
    fn newest_first_and_escaped() {
        let xml = atom(
            "Plans",
            None,
            "",
            vec![
                entry("a", "2026-01-01T00:00:00Z"),
                entry("b", "2026-02-01T00:00:00Z"),
            ],
        );
        let a = xml.find("p/a/").unwrap();
        let b = xml.find("p/b/").unwrap();
        assert!(b < a);
        assert!(xml.contains("Refunds &lt;fast&gt;"));
        assert!(xml.contains("A &amp; B"));
        assert!(xml.contains("<updated>2026-02-01T00:00:00+00:00</updated>"));
    }
}
