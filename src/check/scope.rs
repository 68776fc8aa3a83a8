//! One idea, one benefit: `too-many-features` and `combining-ideas`.

use std::sync::LazyLock;

use regex::Regex;

use super::Hit;
use super::text::{Doc, Kind, Piece};
use crate::proposal::{BlockKind, Role};

/// A paragraph that opens with a short bold name and goes on: "**Offline
/// maps.** They work…", "**Cost visibility:** every…". Not a bold dateline
/// ("**Seattle, WA** —") nor a bold sentence of its own.
static BOLD_LEAD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*(?:\*\*|__)([^*_]{1,60}?)(?:\*\*|__)(.*)$").unwrap());

/// Does `line` open with a bold capability name and go on describing it?
fn bold_lead(line: &str) -> bool {
    let Some(c) = BOLD_LEAD.captures(line) else {
        return false;
    };
    let label = c[1].trim();
    let rest = c[2].trim();
    let words = label.split_whitespace().count();
    (1..=6).contains(&words)
        && !label.contains(',')
        && label.chars().next().is_some_and(char::is_uppercase)
        && !rest.starts_with(['—', '–', '-'])
        && rest.split_whitespace().count() >= 4
}

/// Connectors that pile one benefit on another.
static PILING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\band also\b|(?:^|[.;:]\s+)plus,?\s|,\s*plus\s|\bon top of that\b|\bin addition,|\bwhat's more\b|\ball-in-one\b|\ball in one (?:place|app|tool)\b|\bone-stop\b").unwrap()
});

/// "A, B and C": a list of three or more in a headline or subheading.
static SERIES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b[\w'-]+(?:\s+[\w'-]+){0,3},\s+[\w'-]+(?:\s+[\w'-]+){0,3},?\s+(?:and|&)\s+\w")
        .unwrap()
});

/// A list item that names a capability before describing it: a short bold
/// name ("- **Offline maps** work in the mountains") or a short label with a
/// colon ("- Offline maps: ..."). A bold sentence (a tenet, a promise) is
/// not a name: at most six words, not ending in a full stop.
static NAMED_ITEM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:[-*+]|\d+[.)])\s+(?:(?:\*\*|__)[^*_\s.!?][^*_\s]*(?:\s+[^*_\s]+){0,5}?:?(?:\*\*|__)|\p{Lu}[\w'’-]*(?:\s+[\w'’&/-]+){0,5}:\s)").unwrap()
});

super::options::options! {
    /// Options of `too-many-features`.
    pub struct TooManyFeatures {
        /// Most list items the press release may have (nested items count).
        max_list_items: usize = 5,
        /// Most capabilities the press release may name one by one, in list
        /// items that open with a bold or colon label (lists of the problem,
        /// quotes and getting started aside).
        max_named_items: usize = 3,
        /// Longest press release, in words (about one printed page).
        max_words: usize = 800,
    }
}

pub(crate) fn too_many_features(doc: &Doc) -> Vec<Hit> {
    let opts = &doc.config().check.rules.too_many_features;
    let mut out = Vec::new();
    // Signals strong enough alone (a long list, named capabilities, piling,
    // a series in the headline), and the weak ones, which count only beside
    // another: a series in the subheading often names facets of one
    // benefit, and a sentence of features may be one product's parts.
    let mut strong = false;
    let (mut series_below, mut feature_sentence) = (false, false);
    // Lists that do not describe the product: what hurts today, quotes,
    // setup steps, and the preamble above the release.
    let describes_product = |pc: &&Piece| {
        !doc.is_preamble(pc)
            && !matches!(
                pc.role,
                Role::Problem | Role::CustomerQuote | Role::LeaderQuote | Role::GettingStarted
            )
    };
    // A long list of features in the press release. A numbered list is a
    // sequence (the steps of one workflow, a table of contents), and a list
    // of links is references: neither is an inventory of features.
    for piece in doc.press_release().filter(describes_product) {
        if let Kind::Block(BlockKind::List { items }) = piece.kind
            && items > opts.max_list_items
            && !numbered(doc.line(piece.line))
            && !mostly_links(doc, piece)
        {
            strong = true;
            out.push(
                Hit::new(
                    (piece.line, 1),
                    format!(
                        "a list of {items} items in {} (more than {})",
                        piece.place(),
                        opts.max_list_items
                    ),
                    "lead with the one benefit that matters most; move the rest to the FAQ",
                )
                .about(format!(
                    "a long list in {}: {}",
                    piece.place(),
                    piece.text.lines().next().unwrap_or("")
                )),
            );
        }
    }
    // Features spread over several lists, or named one by one in bold: the
    // release's inventory of capabilities, counted over every list that
    // describes the product (what hurts today, quotes and setup steps are
    // not features).
    if out.is_empty() {
        let lists: Vec<(&Piece, usize)> = doc
            .press_release()
            .filter(describes_product)
            .filter_map(|pc| match pc.kind {
                // A numbered list is a sequence of steps, not an inventory.
                Kind::Block(BlockKind::List { .. }) if numbered(doc.line(pc.line)) => None,
                Kind::Block(BlockKind::List { .. }) => {
                    let named = (pc.line..=pc.end_line)
                        .filter(|&n| NAMED_ITEM.is_match(doc.line(n)))
                        .count();
                    Some((pc, named))
                }
                _ => None,
            })
            .collect();
        // Paragraphs that open with a bold name ("**One-click rollback.**
        // Before every thread…"): the same inventory, written as paragraphs.
        let lead_named: Vec<&Piece> = doc
            .press_release()
            .filter(describes_product)
            .filter(|pc| {
                pc.kind == Kind::Block(BlockKind::Paragraph) && bold_lead(doc.line(pc.line))
            })
            .collect();
        let named: usize = lists.iter().map(|l| l.1).sum::<usize>() + lead_named.len();
        let first_named = lists
            .iter()
            .find(|l| l.1 > 0)
            .map(|l| l.0)
            .into_iter()
            .chain(lead_named.iter().copied())
            .min_by_key(|pc| pc.line);
        if named > opts.max_named_items
            && let Some(first) = first_named
        {
            strong = true;
            out.push(
                Hit::new(
                    (first.line, 1),
                    format!(
                        "the press release names {named} capabilities one by one, in labelled list items or bold-led paragraphs (more than {})",
                        opts.max_named_items
                    ),
                    "lead with the one benefit that matters most; move the rest to the FAQ",
                )
                .about("named capabilities in the press release"),
            );
        }
    }
    // A feature list written as a sentence: eight or more short items.
    for piece in doc.press_release().filter(|pc| {
        pc.kind == Kind::Block(BlockKind::Paragraph)
            && !matches!(pc.role, Role::CustomerQuote | Role::LeaderQuote)
            && !doc.is_preamble(pc)
    }) {
        for sentence in piece.text.split_inclusive(['.', ';', ':', '!', '?']) {
            let items: Vec<&str> = sentence.split([',', ';']).collect();
            let short = items
                .iter()
                .filter(|i| {
                    let w = crate::proposal::body::count_words(i);
                    (1..=6).contains(&w)
                })
                .count();
            if items.len() >= 8 && short + 1 >= items.len() {
                let first = sentence.trim();
                let at = piece.text.find(first).unwrap_or(0);
                feature_sentence = true;
                out.push(
                    Hit::new(
                        doc.locate_match(
                            piece,
                            at,
                            first.split_whitespace().next().unwrap_or("").len(),
                        ),
                        format!(
                            "a sentence listing {} features in {}",
                            items.len(),
                            piece.place()
                        ),
                        "lead with the one benefit that matters most; move the rest to the FAQ",
                    )
                    .about(format!(
                        "a feature sentence in {}: {}",
                        piece.place(),
                        first
                            .split_whitespace()
                            .take(6)
                            .collect::<Vec<_>>()
                            .join(" ")
                    )),
                );
            }
        }
    }
    // Benefits piled up in the opening.
    for piece in doc.press_release().filter(|pc| doc.is_opening(pc)) {
        if let Some(m) = PILING.find(&piece.text) {
            let word = m.as_str().trim_matches(|c: char| !c.is_alphanumeric());
            let at = m.start() + m.as_str().find(word).unwrap_or(0);
            strong = true;
            out.push(Hit::new(
                doc.locate_match(piece, at, word.len()),
                format!(
                    "'{word}' in {}: one benefit piled on another",
                    piece.place()
                ),
                "one press release, one benefit: keep the one that matters most to the customer",
            ));
        }
        if piece.kind == Kind::Heading
            && let Some(m) = SERIES.find(&piece.text)
        {
            // After a colon the series spells out the one thing named
            // before it ("One page every morning: what happened, what is
            // at risk and what to do"): the facets of one benefit, as a
            // subheading's series often is.
            let elaborates = piece.text[..m.start()].contains(':');
            if piece.role == Role::Headline && !elaborates {
                strong = true;
            } else {
                series_below = true;
            }
            out.push(Hit::new(
                doc.locate_match(piece, m.start(), m.len()),
                format!("{} lists several benefits: '{}'", piece.place(), piece.text),
                "name the one benefit that matters most; the others belong in the FAQ",
            ));
        }
    }
    // A press release far over one page.
    let words: usize = doc
        .p
        .body
        .sections
        .iter()
        .filter(|s| !s.in_faq)
        .map(|s| s.words)
        .sum();
    // Length alone is not the pattern (a long release can sell one
    // benefit): it counts beside a list, piling or a series of benefits.
    let long = words > opts.max_words && !out.is_empty();
    if long {
        out.push(
            Hit::new(
                doc.top(),
                format!(
                    "the press release runs to {words} words, more than a printed page (about {})",
                    opts.max_words
                ),
                "cut it to the one benefit and its proof; details go to the FAQ",
            )
            .about("the press release is too long"),
        );
    }
    if !strong && usize::from(series_below) + usize::from(feature_sentence) + usize::from(long) < 2
    {
        out.clear();
    }
    out
}

/// Does a list open with a numbered item ("1. Sign in", "2) Pick")?
fn numbered(line: &str) -> bool {
    static NUMBERED: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\s*\d{1,3}[.)]\s").unwrap());
    NUMBERED.is_match(line)
}

/// Are most items of the list `piece` links (a reading list, a table of
/// contents) rather than descriptions?
fn mostly_links(doc: &Doc, piece: &Piece) -> bool {
    static ITEM: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^\s*(?:[-*+]|\d{1,3}[.)])\s").unwrap());
    static LINK: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\[[^\]]+\]\([^)]*\)|https?://").unwrap());
    let items: Vec<&str> = (piece.line..=piece.end_line)
        .map(|n| doc.line(n))
        .filter(|l| ITEM.is_match(l))
        .collect();
    !items.is_empty() && items.iter().filter(|l| LINK.is_match(l)).count() * 2 > items.len()
}

/// Two things joined in a headline: "X and Y for A and B", "X & Y", "X plus Y".
static JOINED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\s(?:&|\+)\s|\bas well as\b|\band also\b|\bplus\b|\bfor\s+[^\d\s,;$€£¥₩][^,;—–]*\band\b[^,;—–]*\bfor\b",
    )
    .unwrap()
});

/// "Acme launches cooler booking and farm pickup": a launch verb whose
/// object is two things. Not "launches a way to find events and buy
/// tickets" or "a tool for Basic and Standard plans": once a preposition,
/// a "to" or an -ing verb comes between, the "and" joins the parts of one
/// idea.
static LAUNCHES_TWO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:launch(?:es|ed)?|introduc(?:es|ed)|announc(?:es|ed)|unveil(?:s|ed)|adds|added)\s+([^,;:.!?()—–]*?)\s+and\s+\w").unwrap()
});

/// Two things joined in `text` as a headline joins them: JOINED, or a
/// launch of two things.
fn joined(text: &str) -> Option<regex::Match<'_>> {
    JOINED.find(text).or_else(|| {
        LAUNCHES_TWO.captures_iter(text).find_map(|c| {
            let object = c.get(1)?.as_str();
            let words: Vec<String> = object.split_whitespace().map(str::to_lowercase).collect();
            // An -ing verb opening a clause ("facilitating the search"),
            // not an -ing noun ("cooler booking").
            let clause = words.windows(2).any(|p| {
                p[0].ends_with("ing")
                    && matches!(
                        p[1].as_str(),
                        "the" | "a" | "an" | "your" | "their" | "its" | "our" | "his" | "her"
                    )
            });
            let one_idea = words.len() > 5
                || clause
                || words.iter().any(|w| {
                    matches!(
                        w.as_str(),
                        "to" | "for"
                            | "that"
                            | "which"
                            | "who"
                            | "on"
                            | "of"
                            | "in"
                            | "with"
                            | "by"
                            | "from"
                            | "at"
                            | "across"
                            | "between"
                            | "both"
                    )
                });
            (!one_idea).then(|| c.get(0).expect("a match"))
        })
    })
}

/// What a title says about the document rather than the idea: "PR/FAQ",
/// "(Press Release + FAQ)", "Working Backwards". Its "+" joins no ideas.
static DOCUMENT_KIND: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)[(\[]?\s*\bpress[ -]release\s*(?:&|\+|and|/)\s*(?:faqs?|frequently asked questions)\b\s*[)\]]?|\bPR\s*/?\s*FAQs?\b|\bworking backwards\b").unwrap()
});

pub(crate) fn combining_ideas(doc: &Doc) -> Vec<Hit> {
    let mut out = Vec::new();
    let problems: Vec<_> = doc
        .p
        .body
        .sections
        .iter()
        .filter(|s| s.role == Role::Problem && !s.in_faq)
        .collect();
    if let [_, second, ..] = problems.as_slice() {
        out.push(Hit::new(
            doc.section_pos(second),
            format!(
                "a second problem section, '{}': two problems, two proposals",
                second.heading
            ),
            "write one PR/FAQ per problem and link them",
        ));
    }
    // The title, when it says something the headline does not.
    let headline = doc
        .press_release()
        .find(|pc| pc.role == Role::Headline && pc.kind == Kind::Heading)
        .map(|pc| pc.text.as_ref());
    // The front-matter title, or the one the first heading gives ("PR-FAQ:
    // Ride Matching & Dynamic Pricing").
    let (title, pos) = match &doc.p.front.title {
        Some(t) => (t, doc.value_pos("title")),
        None => (&doc.p.title, doc.top()),
    };
    // A qualifier in brackets says what the document is ("(PR/FAQ + MVP
    // plan)", "(Events & Ticket Platform)"), not a second idea.
    static BRACKETED: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\([^)]*\)").unwrap());
    if headline != Some(title.as_str())
        && joined(&BRACKETED.replace_all(&DOCUMENT_KIND.replace_all(title, " "), " ")).is_some()
    {
        out.push(Hit::new(
            pos,
            format!("the title joins two ideas: '{title}'"),
            "one PR/FAQ per idea: keep the one with the sharper customer problem, move the other to its own document",
        ));
    }
    // The release announcing several products by number: "## Three
    // Specialized Products", "Two complementary tools for CDK developers".
    static SEVERAL_PRODUCTS: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)(?:^|[.!?:]\s+|\b(?:launch(?:es|ed)?|introduc(?:es|ed)|announc(?:es|ed)|unveil(?:s|ed)|offers?|ships?)\s+)\W*(?:the |its |our )?((?:two|three|four|five|[2-5])\s+(?:new |specialized |specialised |separate |distinct |complementary |integrated )?(?:products|apps|applications|offerings|tools))\b").unwrap()
    });
    if let Some((piece, m)) = doc
        .press_release()
        .filter(|pc| {
            !doc.is_preamble(pc)
                && !matches!(
                    pc.role,
                    Role::Problem | Role::CustomerQuote | Role::LeaderQuote
                )
        })
        .find_map(|pc| {
            SEVERAL_PRODUCTS
                .captures(&pc.text)
                .and_then(|c| c.get(1))
                .map(|m| (pc, m))
        })
    {
        out.push(Hit::new(
            doc.locate_match(piece, m.start(), m.len()),
            format!(
                "{} announces several products at once: '{}'",
                piece.place(),
                m.as_str()
            ),
            "one PR/FAQ per idea: keep the one with the sharper customer problem, move the others to their own documents",
        ));
    }
    for piece in doc.press_release().filter(|pc| {
        matches!(pc.role, Role::Headline | Role::Subheading) && pc.kind == Kind::Heading
    }) {
        if let Some(m) = joined(&piece.text) {
            out.push(Hit::new(
                doc.locate_match(piece, m.start(), m.len()),
                format!("{} joins two ideas: '{}'", piece.place(), piece.text),
                "one PR/FAQ per idea: keep the one with the sharper customer problem, move the other to its own document",
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::check::tests::{check_text, rules_of};

    #[test]
    fn long_lists_and_piling() {
        let items: String = (1..=7).map(|i| format!("- feature {i}\n")).collect();
        let text = format!(
            "# Shops refund in two minutes\n\nSEATTLE -- Refund fast, and also track stock.\n\n## How it works\n\n{items}"
        );
        let m = rules_of(&check_text(&text), "too-many-features");
        assert_eq!(
            m,
            vec![
                "'and also' in the summary: one benefit piled on another",
                "a list of 7 items in how it works (more than 5)"
            ]
        );
        let m = rules_of(
            &check_text(
                "# Shops refund in two minutes\n\nSEATTLE -- Refundly gives shops refunds, receipts, stock counts, payroll, loyalty cards, gift cards, invoices, a newsletter and a website builder.\n",
            ),
            "too-many-features",
        );
        // Alone, a sentence of features may be one product's parts; beside
        // a series in the subheading it is a release of many benefits.
        assert!(m.is_empty(), "{m:?}");
        let m = rules_of(
            &check_text(
                "# Shops refund in two minutes\n\n## Refunds, receipts and payroll in one place\n\nSEATTLE -- Refundly gives shops refunds, receipts, stock counts, payroll, loyalty cards, gift cards, invoices, a newsletter and a website builder.\n",
            ),
            "too-many-features",
        );
        assert_eq!(
            m,
            vec![
                "the subheading lists several benefits: 'Refunds, receipts and payroll in one place'",
                "a sentence listing 8 features in the summary"
            ]
        );
        let m = rules_of(
            &check_text("# Book, pay and track in one app\n\nText.\n"),
            "too-many-features",
        );
        assert_eq!(m.len(), 1, "{m:?}");
        // After a colon, the series spells out the one thing before it.
        let m = rules_of(
            &check_text(
                "# One page every morning: what sold, what is low and what to reorder\n\nText.\n",
            ),
            "too-many-features",
        );
        assert!(m.is_empty(), "{m:?}");
        // A series in the subheading alone names facets of one benefit.
        let m = rules_of(
            &check_text(
                "# Shops refund in two minutes\n\n## Refunds, receipts and payroll in one place\n\nSEATTLE -- Text.\n",
            ),
            "too-many-features",
        );
        assert!(m.is_empty(), "{m:?}");
        let m = rules_of(
            &check_text(
                "# Brewers see which bar has each keg and how long it has sat there\n\nText.\n",
            ),
            "too-many-features",
        );
        assert!(m.is_empty(), "{m:?}");
    }

    #[test]
    fn steps_references_and_pains_are_not_a_feature_list() {
        let release = |section: &str, items: &str| {
            format!(
                "# Shops refund in two minutes\n\nSEATTLE -- Shop owners refund at the till.\n\n## {section}\n\n{items}"
            )
        };
        let plain: String = (1..=7)
            .map(|i| format!("- the till does part {i}\n"))
            .collect();
        assert_eq!(
            rules_of(
                &check_text(&release("How it works", &plain)),
                "too-many-features"
            ),
            vec!["a list of 7 items in how it works (more than 5)"]
        );
        // The steps of one workflow, numbered.
        let steps: String = (1..=7)
            .map(|i| format!("{i}. the clerk does step {i}\n"))
            .collect();
        assert!(
            rules_of(
                &check_text(&release("How it works", &steps)),
                "too-many-features"
            )
            .is_empty()
        );
        // A reading list.
        let links: String = (1..=7)
            .map(|i| format!("- [Guide {i}](https://example.com/{i})\n"))
            .collect();
        assert!(
            rules_of(
                &check_text(&release("How it works", &links)),
                "too-many-features"
            )
            .is_empty()
        );
        // What hurts today is not what the product does.
        assert!(
            rules_of(
                &check_text(&release("The problem", &plain)),
                "too-many-features"
            )
            .is_empty()
        );
        // Named steps, numbered, are one workflow; the same names as
        // bullets are an inventory.
        let named: String = (1..=5)
            .map(|i| {
                format!("{i}. **Step {i}:** the clerk scans the receipt and the till refunds it\n")
            })
            .collect();
        assert!(
            rules_of(
                &check_text(&release("How it works", &named)),
                "too-many-features"
            )
            .is_empty()
        );
        let bullets: String = named.lines().map(|l| format!("- {}\n", &l[3..])).collect();
        assert_eq!(
            rules_of(
                &check_text(&release("How it works", &bullets)),
                "too-many-features"
            )
            .len(),
            1
        );
    }

    #[test]
    fn paragraphs_led_by_a_bold_name_are_named_capabilities() {
        let text = "# Growers know the cooler has room\n\n**SEATTLE, WA** — Text about the cooler for growers.\n\n\
                    ## Key features\n\n**Cooler booking.** Growers book a slot for tonight from the field.\n\n\
                    **Truck pickup:** the truck comes to the farm gate at six.\n\n\
                    **Pallet tracking.** Each pallet is on the phone map all day.\n\n\
                    **Frost alerts.** Growers hear about frost the evening before.\n";
        let m = rules_of(&check_text(text), "too-many-features");
        assert_eq!(
            m,
            vec![
                "the press release names 4 capabilities one by one, in labelled list items or bold-led paragraphs (more than 3)"
            ]
        );
        // A bold dateline and a bold sentence of its own are no names.
        let text = "# Growers know the cooler has room\n\n**SEATTLE, WA** — Text about the cooler for growers.\n\n\
                    **Growers never lose a harvest to a full cooler again.**\n\n\
                    **Cooler booking.** Growers book a slot for tonight from the field.\n";
        assert!(rules_of(&check_text(text), "too-many-features").is_empty());
    }

    #[test]
    fn capabilities_named_one_by_one_count_across_short_lists() {
        // Two short lists, each under the length limit, that together name
        // five capabilities in bold or with a label and colon.
        let text = "# Growers know the cooler has room\n\nSEATTLE -- Text.\n\n## How it works\n\n- **Cooler booking** for tonight\n- **Truck pickup:** at the farm gate\n- **Pallet tracking** by phone\n\n## More\n\n- Invoices: sent monthly\n- Weather alerts: before frost\n";
        let m = rules_of(&check_text(text), "too-many-features");
        assert_eq!(
            m,
            vec![
                "the press release names 5 capabilities one by one, in labelled list items or bold-led paragraphs (more than 3)"
            ]
        );
        // Three named capabilities, bold tenets, and the pains of the problem
        // section are not an inventory of features.
        let text = "# Growers know the cooler has room\n\nSEATTLE -- Text.\n\n## Problem\n\n- **Lost berries:** every week\n- **Wasted trips:** to a full cooler\n\n## How it works\n\n- **Cooler booking** for tonight\n- **Truck pickup:** at the farm gate\n- **Pallet tracking** by phone\n\n## Tenets\n\n1. **A grower's harvest comes before our schedule.**\n2. **We never double-book a cooler slot, even when asked.**\n";
        let m = rules_of(&check_text(text), "too-many-features");
        assert!(m.is_empty(), "{m:?}");
    }

    #[test]
    fn length_alone_is_not_too_many_features() {
        let text = format!("# H\n\n{}\n", "word ".repeat(900));
        assert!(rules_of(&check_text(&text), "too-many-features").is_empty());
        let items: String = (1..=7).map(|i| format!("- feature {i}\n")).collect();
        let text = format!("# H\n\n{}\n\n{items}", "word ".repeat(900));
        let m = rules_of(&check_text(&text), "too-many-features");
        assert_eq!(m.len(), 2, "{m:?}");
        assert!(
            m.iter()
                .any(|m| m.starts_with("the press release runs to 9")),
            "{m:?}"
        );
    }

    #[test]
    fn a_title_naming_the_document_kind_joins_no_ideas() {
        for title in [
            "Lantern — PRFAQ (Press Release + FAQ)",
            "Lantern: Press Release & FAQ",
            "Lantern PR/FAQ",
        ] {
            let text = format!(
                "---\ntitle: \"{title}\"\n---\n# Night walkers find a lit path home\n\nText.\n"
            );
            let m = rules_of(&check_text(&text), "combining-ideas");
            assert!(m.is_empty(), "{title}: {m:?}");
        }
    }

    #[test]
    fn two_ideas() {
        let m = rules_of(
            &check_text("# Acme launches cooler booking and farm pickup\n\nText.\n"),
            "combining-ideas",
        );
        assert_eq!(m.len(), 1, "{m:?}");
        let m = rules_of(
            &check_text(
                "---\ntitle: Faster photos for photographers and prints for guests\n---\n# Photographers finish in 20 minutes\n\nText.\n",
            ),
            "combining-ideas",
        );
        assert_eq!(
            m,
            vec![
                "the title joins two ideas: 'Faster photos for photographers and prints for guests'"
            ]
        );
        // A price after "for" is no audience: one product at one price.
        let m = rules_of(
            &check_text(
                "# Stallhub lets growers book stalls\n\n## Growers run bookings for 199 THB a month — less than a bag of beans — with no hardware and no app for customers\n\nText.\n",
            ),
            "combining-ideas",
        );
        assert!(m.is_empty(), "{m:?}");
        // Several products announced by number.
        let m = rules_of(
            &check_text(
                "# Growers book a stall in one minute\n\nSEATTLE, March 15, 2027 -- Stallhub launches three new apps: booking, payroll and a newsletter.\n",
            ),
            "combining-ideas",
        );
        assert_eq!(
            m,
            vec!["the summary announces several products at once: 'three new apps'"]
        );
        // Today's pain of juggling three apps is no announcement.
        let m = rules_of(
            &check_text(
                "# Growers book a stall in one minute\n\nSEATTLE, March 15, 2027 -- Stallhub opens.\n\n## Problem\n\nGrowers check three apps to book one stall.\n",
            ),
            "combining-ideas",
        );
        assert!(m.is_empty(), "{m:?}");
        // Without front-matter, the title the first heading gives counts;
        // a qualifier in brackets is not a second idea.
        let m = rules_of(
            &check_text(
                "# PR/FAQ: Stall booking & Grower Payroll\n\n## Press release\n\n### Growers book a stall in one minute\n\nText.\n",
            ),
            "combining-ideas",
        );
        assert_eq!(
            m,
            vec!["the title joins two ideas: 'Stall booking & Grower Payroll'"]
        );
        let m = rules_of(
            &check_text(
                "# PR/FAQ: Stallhub (Stalls & Bookings Platform)\n\n## Press release\n\n### Growers book a stall in one minute\n\nText.\n",
            ),
            "combining-ideas",
        );
        assert!(m.is_empty(), "{m:?}");
        let m = rules_of(
            &check_text("# H\n\n## Problem\n\nA.\n\n## Customer problem\n\nB.\n"),
            "combining-ideas",
        );
        assert_eq!(
            m,
            vec!["a second problem section, 'Customer problem': two problems, two proposals"]
        );
        let m = rules_of(
            &check_text(
                "# Brewers see which bar has each keg and how long it has sat there\n\nText.\n",
            ),
            "combining-ideas",
        );
        assert!(m.is_empty());
        // The parts of one job, or of one offer, after a launch verb.
        for headline in [
            "Acme launches a simple way to find stalls and pay for produce",
            "Acme launches a board facilitating the search and booking of market stalls",
            "Acme launches a free tool to help growers find buyers and get paid",
            "Acme launches refunds on Basic and Standard plans",
        ] {
            let m = rules_of(
                &check_text(&format!("# {headline}\n\nText.\n")),
                "combining-ideas",
            );
            assert!(m.is_empty(), "{headline}: {m:?}");
        }
    }
}
