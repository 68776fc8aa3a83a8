//! Who the customer is, and whether they sound real:
//! `vague-customer-definition` and `customer-quote-sounds-fake`.

use std::sync::LazyLock;

use regex::Regex;

use super::Hit;
use super::language::HYPERBOLE;
use super::text::{Doc, Kind, NUMBER, content_words};
use crate::proposal::Role;

/// Words that name nobody in particular.
const GENERIC: &[&str] = &[
    "users",
    "user",
    "customers",
    "customer",
    "people",
    "persons",
    "businesses",
    "business",
    "companies",
    "company",
    "everyone",
    "everybody",
    "anyone",
    "anybody",
    "teams",
    "team",
    "consumers",
    "consumer",
    "organizations",
    "organisations",
    "organization",
    "organisation",
    "individuals",
    "clients",
    "client",
    "enterprises",
    "enterprise",
    "smbs",
    "smes",
    "all",
    "any",
    "our",
    "the",
    "of",
    "and",
    "or",
    "small",
    "large",
    "medium",
    "sized",
    "medium-sized",
    "big",
    "modern",
    "busy",
    "general",
    "public",
    "members",
    "buyers",
    "shoppers",
    "stakeholders",
    "professionals",
    "workers",
    "employees",
    "staff",
    "firms",
    "brands",
    "partners",
    "humans",
    "world",
    "globally",
    "worldwide",
    "in",
    "for",
    "who",
    "with",
    "a",
    "an",
];

/// Phrases that make the customer everybody.
static EVERYONE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:all (?:users|customers|businesses|companies|teams|people)|every (?:user|customer|business|company|team)|any (?:user|customer|business|company|team)|all kinds of (?:people|users|businesses))\b").unwrap()
});

static EVERYBODY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\b(?:everyone|everybody|anyone|anybody)\b").unwrap());

/// "Everyone" as a customer: "for everyone", "anyone who…", "everyone can…".
/// Not "everyone on the ward", which describes a scene.
static EVERYONE_AS_CUSTOMER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:for|to) (?:everyone|everybody|anyone|anybody)\b|\b(?:everyone|everybody|anyone|anybody)(?: who| that| with| looking| wanting| needing| can| could| will| may|,? everywhere)\b").unwrap()
});

pub(crate) fn vague_customer_definition(doc: &Doc) -> Vec<Hit> {
    let mut out = Vec::new();
    let hint = "name a segment you could find and interview: who, in what situation, with what \
                constraint (\"owners of shops with fewer than 10 staff who refund by hand\")";
    if let Some(c) = &doc.p.front.customer {
        let words: Vec<String> = c
            .split(|ch: char| !ch.is_alphanumeric() && ch != '-' && ch != '\'')
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect();
        let all_generic = words.iter().all(|w| GENERIC.contains(&w.as_str()));
        let everyone = EVERYONE.is_match(c) || EVERYBODY.is_match(c);
        if words.len() < 3 || all_generic || everyone {
            out.push(Hit::new(
                doc.value_pos("customer"),
                format!("customer '{c}' is too broad to find and interview"),
                hint,
            ));
        }
    }
    // Where the customer is defined: headline, subheading, summary, problem.
    // Quotes are speech, and "anyone can sign up" under getting started is
    // about availability, not about who the customer is.
    for piece in doc
        .press_release()
        .filter(|pc| doc.is_opening(pc) || pc.role == Role::Problem)
    {
        let text = piece.text.as_ref();
        let mut found: Vec<(usize, &str)> = EVERYONE
            .find_iter(text)
            .map(|m| (m.start(), m.as_str()))
            .collect();
        for m in EVERYONE_AS_CUSTOMER.find_iter(text) {
            if let Some(w) = EVERYBODY.find(m.as_str()) {
                found.push((m.start() + w.start(), w.as_str()));
            }
        }
        // In the headline and subheading, "everyone" always names the customer.
        if matches!(piece.role, Role::Headline | Role::Subheading) {
            found.extend(EVERYBODY.find_iter(text).map(|m| (m.start(), m.as_str())));
        }
        found.sort_unstable();
        found.dedup_by_key(|f| f.0);
        // Once per phrase and paragraph.
        let mut seen: Vec<String> = Vec::new();
        for (at, phrase) in found {
            let word = phrase.to_lowercase();
            if seen.contains(&word) || negated(&text[..at]) {
                continue;
            }
            seen.push(word);
            out.push(Hit::new(
                doc.locate_match(piece, at, phrase.len()),
                format!(
                    "'{phrase}' in {}: the customer is everybody, so nobody in particular",
                    piece.place()
                ),
                hint,
            ));
        }
    }
    out
}

/// "without asking anybody", "not everyone": a negation, not a customer.
fn negated(before: &str) -> bool {
    before.split_whitespace().rev().take(3).any(|w| {
        matches!(
            w.to_lowercase()
                .trim_matches(|c: char| !c.is_alphanumeric()),
            "without" | "not" | "never" | "no" | "nor" | "hardly" | "barely" | "isn't" | "aren't"
        )
    })
}

/// A named speaker: `said Jane Doe`, `Jane Doe said`, `— Jane Doe`.
static ATTRIBUTION: LazyLock<Regex> = LazyLock::new(|| {
    let name = r"(?:(?:Dr|Mr|Mrs|Ms|Mx)\.\s+)?\p{Lu}[\p{L}'’.-]+";
    Regex::new(&format!(
        r"\b(?:said|says|explains|explained|adds|added|according to|recalls|recalled)\s+{name}|{name}(?:\s+{name})*,?\s+(?:said|says|explains|explained|adds|added)\b|(?m:^\s*(?:—|–|--|-)\s*{name})"
    ))
    .unwrap()
});

/// An attribution without a name: "said a rider who answered our survey".
static SAID: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"\b(?:said|says)\s[^.,;:!?"“”]{1,60}"#).unwrap());

/// Sales talk that customers do not say about a product.
static SALES_TALK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\babsolutely love\b|\bdoes it all\b|\bmust-have\b|\ba no-brainer\b|\bhighly recommend\b").unwrap()
});

/// "the easiest … we have ever used": the superlative is group 1.
static BEST_EVER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(the (?:easiest|smartest|simplest|fastest|best|most \w+))\b[^.!?]{0,60}\bever\b",
    )
    .unwrap()
});

/// Three or more features in a row: "instant offers, one-click booking and live sync".
static FEATURE_LIST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:[\w-]+ ){0,3}[\w-]+, (?:[\w-]+ ){0,3}[\w-]+, (?:[\w-]+ ){0,3}[\w-]+,? and (?:[\w-]+ ){0,3}[\w-]+").unwrap()
});

/// Words that place a quote in a situation: before and after.
static SITUATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:before|used to|last (?:week|month|year|spring|summer|fall|autumn|winter|season|night|shift|time)|no longer|any ?more|instead|since|until|today|this (?:week|month|year|season|spring|summer|fall|autumn|winter|morning)|every (?:day|week|month|morning|evening|night|shift|time)|stopped|started|finally|now|went from|down from|up from|yesterday|ago|during|after)\b").unwrap()
});

pub(crate) fn customer_quote_sounds_fake(doc: &Doc) -> Vec<Hit> {
    let mut out = Vec::new();
    let headline: Vec<String> = doc
        .with_role(Role::Headline)
        .find(|pc| pc.kind == Kind::Heading)
        .map(|pc| content_words(&pc.text))
        .unwrap_or_default();
    for s in doc
        .p
        .body
        .sections
        .iter()
        .filter(|s| s.role == Role::CustomerQuote && !s.in_faq)
    {
        let quote = s.text();
        if quote.trim().is_empty() {
            out.push(Hit::new(
                doc.section_pos(s),
                "the customer quote is empty".to_string(),
                "quote a customer in a real situation: who they are, what they did before, what changed",
            ));
            continue;
        }
        let last = s.blocks.last().map_or(s.line, |b| b.end_line);
        let mut reasons: Vec<String> = Vec::new();
        let mut pos = None;
        let sales = HYPERBOLE
            .find(&quote)
            .or_else(|| BEST_EVER.captures(&quote).and_then(|c| c.get(1)))
            .or_else(|| SALES_TALK.find(&quote));
        if let Some(m) = sales {
            reasons.push(format!("'{}'", m.as_str()));
            let block = s
                .blocks
                .iter()
                .find(|b| b.text.contains(m.as_str()))
                .expect("the quote's text comes from its blocks");
            pos = Some(doc.locate_in(block.line, block.end_line, m.as_str(), 0));
        }
        if FEATURE_LIST.is_match(&quote) {
            reasons.push("a feature list".to_string());
        }
        if !NUMBER.is_match(&quote) && !SITUATION.is_match(&quote) {
            reasons.push("no situation or before and after".to_string());
        }
        let quote_words = content_words(&quote);
        let repeated = headline.iter().filter(|w| quote_words.contains(w)).count();
        if headline.len() >= 4 && repeated * 4 >= headline.len() * 3 {
            reasons.push("it repeats the headline".to_string());
        }
        let hint = "let a named customer say what they did before, what changed, and what it \
                    meant to them, in their own words: '…,' said Ana Ruiz, owner of a \
                    three-chair salon in Tacoma";
        if !ATTRIBUTION.is_match(&quote) {
            let mut message = match SAID.find(&quote) {
                Some(m) => format!(
                    "the customer quote names no one: '{}'",
                    m.as_str().trim_end()
                ),
                None => "the customer quote names no one".to_string(),
            };
            if !reasons.is_empty() {
                message.push_str(&format!(
                    "; it reads like marketing copy: {}",
                    reasons.join(", ")
                ));
            }
            out.push(Hit::new((last, 1), message, hint));
        } else if reasons.len() >= 2 {
            out.push(Hit::new(
                pos.unwrap_or_else(|| doc.section_pos(s)),
                format!(
                    "the customer quote reads like marketing copy: {}",
                    reasons.join(", ")
                ),
                hint,
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::check::tests::{check_text, rules_of};

    fn doc(customer: &str, body: &str) -> String {
        format!(
            "---\ntitle: A\nstatus: draft\nowner: A <a@b.c>\ncustomer: {customer}\n---\n# Shops refund in two minutes\n\nSEATTLE, March 15, 2027 -- {body}\n"
        )
    }

    #[test]
    fn generic_customers_fire() {
        for c in [
            "Businesses",
            "On-call engineers",
            "Small and medium businesses",
            "Everyone who shops online",
        ] {
            let f = check_text(&doc(c, "Owners of small shops refund in two minutes."));
            let m = rules_of(&f, "vague-customer-definition");
            assert_eq!(m.len(), 1, "{c}: {m:?}");
            assert!(f.iter().any(|f| f.line == 5 && f.col == 11), "{f:#?}");
        }
        let f = check_text(&doc(
            "Owners of shops with fewer than 10 staff",
            "Owners refund in two minutes.",
        ));
        assert!(rules_of(&f, "vague-customer-definition").is_empty());
    }

    #[test]
    fn everyone_in_the_summary_fires() {
        let f = check_text(&doc(
            "Owners of shops with fewer than 10 staff",
            "Anyone can now refund, and everyone will love it. Everyone on the till cheered.",
        ));
        let m = rules_of(&f, "vague-customer-definition");
        assert_eq!(m.len(), 2, "{m:?}");
        assert!(m[0].starts_with("'Anyone' in the summary"), "{m:?}");
    }

    fn quote(q: &str) -> Vec<String> {
        let text =
            format!("# Shops refund a customer in two minutes\n\n## Customer quote\n\n{q}\n");
        rules_of(&check_text(&text), "customer-quote-sounds-fake")
    }

    #[test]
    fn sales_talk_and_feature_lists() {
        let m = quote(
            "\"Chairtime is simply the easiest, smartest scheduling tool our practice has ever used. Automatic lists, instant text offers, click-to-confirm booking and real-time sync: it does it all!\"",
        );
        assert_eq!(
            m,
            vec![
                "the customer quote names no one; it reads like marketing copy: 'the easiest', a feature list, no situation or before and after"
            ]
        );
        let m = quote(
            "\"It does it all,\" said Jane Doe, owner of Doe's Hardware, \"instant refunds, receipts, reminders and reports.\"",
        );
        assert_eq!(m.len(), 1, "{m:?}");
    }

    #[test]
    fn quotes() {
        assert_eq!(
            quote("\"I can finally sleep,\" said an engineer at a customer.").len(),
            1
        );
        let m = quote(
            "\"This revolutionary tool is amazing,\" said Jane Doe, owner of Doe's Hardware.",
        );
        assert_eq!(m.len(), 1, "{m:?}");
        assert!(m[0].contains("'revolutionary'"), "{m:?}");
        let m = quote(
            "\"Now shops refund a customer in two minutes,\" said Jane Doe, owner of Doe's Hardware.",
        );
        assert!(m.is_empty(), "{m:?}");
        let m = quote(
            "\"I used to spend Sunday on refunds. Last month I did them from the till in a minute each,\" said Jane Doe, owner of Doe's Hardware in Tacoma.",
        );
        assert!(m.is_empty(), "{m:?}");
        assert_eq!(quote(""), vec!["the customer quote is empty"]);
    }
}
