//! Numbers and dates that make a proposal concrete: `no-measurable-outcome`
//! and `missing-the-date`.

use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;

use super::Hit;
use super::text::{Doc, Kind, Piece};
use crate::proposal::body::count_words;
use crate::proposal::{BlockKind, Role};

const MONTHS: &str = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)";

/// A calendar date: "March 15, 2027", "15 March 2027", "2027-03-15".
static DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"\b(?:(?P<m1>{MONTHS})\.?\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y1>\d{{4}})|(?P<d2>\d{{1,2}})\s+(?P<m2>{MONTHS})\.?,?\s+(?P<y2>\d{{4}})|(?P<iso>\d{{4}}-\d{{2}}-\d{{2}}))\b"
    ))
    .unwrap()
});

/// Something that stands where a date or city should be.
static PLACEHOLDER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\[[^\]]*\b(?:date|city|month|day|year|tbd|tba|location|place)\b[^\]]*\]|\b(?:TBD|TBA)\b|\bMonth\s+(?:DD|D|XX)\b|\bMM/DD/YY(?:YY)?\b|\bYYYY\b|\b20XX\b").unwrap()
});

/// An outcome measured in numbers: a percent, a duration, a multiplier, money
/// or a count of things. Dates and years are not outcomes.
static OUTCOME: LazyLock<Regex> = LazyLock::new(|| {
    let n = r"(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|a hundred|a dozen|half an?)";
    Regex::new(&format!(
        r"(?i)\d[\d,.]*\s?(?:%|percent|per cent)|\b{n}\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\b|\b\d[\d,.]*\s?x\b|\b{n} times\b|[$€£]\s?\d|\b\d[\d,.]*\s?(?:dollars|euros|pounds|cents)\b|\b{n}\s+(?:in|out of)\s+{n}\b|\b\d[\d,.]*\s+(?:to|and)\s+\d[\d,.]*\s+[a-z]|\b(?:from|to|under|over|below|above|fewer than|more than|less than|at least|at most|up to)\s+\d[\d,.]*\s*[a-z%]"
    ))
    .unwrap()
});

pub(crate) fn no_measurable_outcome(doc: &Doc) -> Vec<Hit> {
    let p = doc.p;
    if p.front.metrics.iter().any(|m| has_outcome(m)) {
        return Vec::new();
    }
    if doc.pieces.iter().any(|pc| has_outcome(&pc.text)) {
        return Vec::new();
    }
    let (pos, message) = if p.front.metrics.is_empty() {
        (
            doc.top(),
            "no measurable outcome: no metrics in the front-matter and no number in the text says what success is".to_string(),
        )
    } else {
        (
            p.front.position("metrics"),
            format!(
                "no measurable outcome: the metrics ('{}') have no number and neither does the text",
                p.front.metrics[0]
            ),
        )
    };
    vec![Hit::new(
        pos,
        message,
        "name the few numbers that will say whether this worked, with today's baseline: \
         \"median refund handled in under 2 minutes (today: 2 days)\"",
    )]
}

/// A count of things: "12 calls", "80 bars" (the number is group 1).
static COUNT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:^|[^\d:.,$€£/-])(\d[\d,]*)\s+[a-z]{3,}").unwrap());

/// Does `text` state an outcome with a number (and not just a date)?
fn has_outcome(text: &str) -> bool {
    let without_dates = DATE.replace_all(text, " ");
    OUTCOME.is_match(&without_dates)
        || COUNT.captures_iter(&without_dates).any(|c| {
            // A year is not a count.
            let n = c[1].replace(',', "");
            !(n.len() == 4 && (n.starts_with("19") || n.starts_with("20")))
        })
}

pub(crate) fn missing_the_date(doc: &Doc) -> Vec<Hit> {
    let p = doc.p;
    let launch = p.front.launch_date;
    // The dateline: the opening of the summary paragraph (or, without one,
    // of the first paragraph of the press release). A first paragraph of a
    // few words ("FOR IMMEDIATE RELEASE") lets the next one hold it.
    let paragraphs: Vec<&Piece> = doc
        .press_release()
        .filter(|pc| pc.kind == Kind::Block(BlockKind::Paragraph))
        .collect();
    let summary = paragraphs
        .iter()
        .position(|pc| pc.role == Role::Summary)
        .unwrap_or(0);
    let openings: Vec<&Piece> = match paragraphs.get(summary) {
        Some(first) if count_words(&first.text) < 8 => {
            paragraphs[summary..].iter().take(2).copied().collect()
        }
        Some(first) => vec![*first],
        None => Vec::new(),
    };
    let hint = "open the summary with a dateline on the day you intend to launch, e.g. \
                \"SEATTLE, March 15, 2027 --\", and set `launch_date` in the front-matter";
    let Some(&opening) = openings.first() else {
        if launch.is_none() {
            return vec![Hit::new(
                doc.top(),
                "no launch date: no dateline and no launch_date".to_string(),
                hint,
            )];
        }
        return Vec::new();
    };
    for &piece in &openings {
        if let Some(m) = PLACEHOLDER.find(head(&piece.text)) {
            return vec![Hit::new(
                doc.locate_match(piece, m.start(), m.len()),
                format!(
                    "'{}' is a placeholder where the dateline should say where and when",
                    m.as_str()
                ),
                hint,
            )];
        }
    }
    let dated = openings
        .iter()
        .find_map(|&pc| DATE.captures(head(&pc.text)).map(|c| (pc, c)));
    let Some((opening, c)) = dated else {
        if launch.is_some() {
            return Vec::new();
        }
        let message = if openings
            .iter()
            .any(|pc| pc.text.contains("FOR IMMEDIATE RELEASE"))
        {
            "'FOR IMMEDIATE RELEASE' but no date: no dateline and no launch_date"
        } else {
            "no launch date: no dateline and no launch_date"
        };
        return vec![Hit::new((opening.line, 1), message.to_string(), hint)];
    };
    let whole = c.get(0).expect("a match has a whole");
    match (launch, parse_date(&c)) {
        (Some(launch), Some(date)) if launch != date => vec![Hit::new(
            doc.locate_match(opening, whole.start(), whole.len()),
            format!(
                "the dateline says '{}' but launch_date is {launch}",
                whole.as_str()
            ),
            "make them agree: the press release is dated on the launch day",
        )],
        _ => Vec::new(),
    }
}

/// The first 200 bytes of `text` (on a character boundary): where a dateline is.
fn head(text: &str) -> &str {
    let mut end = text.len().min(200);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

fn parse_date(c: &regex::Captures) -> Option<NaiveDate> {
    if let Some(iso) = c.name("iso") {
        return NaiveDate::parse_from_str(iso.as_str(), "%Y-%m-%d").ok();
    }
    let (m, d, y) = match (c.name("m1"), c.name("d1"), c.name("y1")) {
        (Some(m), Some(d), Some(y)) => (m, d, y),
        _ => (c.name("m2")?, c.name("d2")?, c.name("y2")?),
    };
    let month = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ]
    .iter()
    .position(|p| m.as_str().to_lowercase().starts_with(p))? as u32
        + 1;
    NaiveDate::from_ymd_opt(y.as_str().parse().ok()?, month, d.as_str().parse().ok()?)
}

#[cfg(test)]
mod tests {
    use crate::check::tests::{check_text, rules_of};

    fn doc(front: &str, summary: &str) -> String {
        format!("---\ntitle: A\n{front}---\n# Shops refund while the customer waits\n\n{summary}\n")
    }

    #[test]
    fn outcomes() {
        let quiet = [
            "Refunds take 2 minutes instead of 2 days.",
            "Nine in ten refunds are done by lunch.",
            "Shops save $40 a week.",
            "Turn-aways fell from 23 growers to none.",
            "Misses fell to 6%.",
        ];
        for s in quiet {
            let f = check_text(&doc("", &format!("SEATTLE, March 15, 2027 -- {s}")));
            assert!(rules_of(&f, "no-measurable-outcome").is_empty(), "{s}");
        }
        let f = check_text(&doc(
            "",
            "SEATTLE, March 15, 2027 -- Refunds get much easier in 2027.",
        ));
        assert_eq!(rules_of(&f, "no-measurable-outcome").len(), 1);
        let f = check_text(&doc(
            "metrics: [Lower time to resolve]\n",
            "Refunds get easier.",
        ));
        let m = rules_of(&f, "no-measurable-outcome");
        assert!(m[0].contains("'Lower time to resolve'"), "{m:?}");
        let f = check_text(&doc(
            "metrics: [Refunds in under 2 minutes]\n",
            "Refunds get easier.",
        ));
        assert!(rules_of(&f, "no-measurable-outcome").is_empty());
    }

    #[test]
    fn dates() {
        let f = check_text(&doc(
            "launch_date: 2027-03-15\n",
            "SEATTLE, March 15, 2027 -- Text.",
        ));
        assert!(rules_of(&f, "missing-the-date").is_empty());
        let f = check_text(&doc("", "MADISON, Wis., 14 June 2027 -- Text."));
        assert!(rules_of(&f, "missing-the-date").is_empty());
        let f = check_text(&doc("launch_date: 2027-03-15\n", "Text with no dateline."));
        assert!(rules_of(&f, "missing-the-date").is_empty());
        let f = check_text(&doc("", "Text with no dateline."));
        assert_eq!(
            rules_of(&f, "missing-the-date"),
            vec!["no launch date: no dateline and no launch_date"]
        );
        let f = check_text(&doc("launch_date: 2027-03-15\n", "[City, Date] -- Text."));
        assert_eq!(
            rules_of(&f, "missing-the-date"),
            vec!["'[City, Date]' is a placeholder where the dateline should say where and when"]
        );
        let f = check_text(&doc(
            "launch_date: 2027-03-15\n",
            "SEATTLE, March 2, 2027 -- Text.",
        ));
        assert_eq!(
            rules_of(&f, "missing-the-date"),
            vec!["the dateline says 'March 2, 2027' but launch_date is 2027-03-15"]
        );
    }
}
