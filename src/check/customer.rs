//! Who the customer is, and whether they sound real:
//! `vague-customer-definition` and `customer-quote-sounds-fake`.

use std::sync::LazyLock;

use regex::Regex;

use super::Hit;
use super::language::HYPERBOLE;
use super::text::{Doc, Kind, NUMBER, content_words};
use crate::proposal::{BlockKind, Role};

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

/// Nouns that name a category of people, not a segment: "developers",
/// "teams", "organizations", "data scientists". Singular, lower case.
const CATEGORY: &[&str] = &[
    "user",
    "customer",
    "people",
    "person",
    "team",
    "developer",
    "engineer",
    "scientist",
    "analyst",
    "organization",
    "organisation",
    "business",
    "company",
    "enterprise",
    "practitioner",
    "professional",
    "individual",
    "consumer",
    "client",
    "organizer",
    "organiser",
    "industry",
    "stakeholder",
    "employee",
    "worker",
    "firm",
    "brand",
    "partner",
    "human",
    "builder",
    "maker",
    "creator",
    "manager",
    "adopter",
    "expert",
    "specialist",
    "programmer",
    "coder",
    "devops",
    "sre",
    "administrator",
    "admin",
    "folk",
    "everyone",
    "anyone",
    "everybody",
    "anybody",
    "world",
    "public",
    "market",
    "audience",
    "community",
    "sector",
    "executive",
    "academic",
    "researcher",
    "shopper",
    "buyer",
    "seller",
    "smb",
    "sme",
    "startup",
    "power-user",
];

/// Words that make a phrase everybody: "any team", "all users", "most people".
const QUANTIFIERS: &[&str] = &[
    "any",
    "every",
    "all",
    "anyone",
    "anybody",
    "everyone",
    "everybody",
    "each",
    "most",
    "whoever",
    "many",
];

/// Words that narrow a category to a segment: "owners who refund by hand",
/// "hosts with Schlage locks", "organisers looking for speakers".
const NARROWING: &[&str] = &[
    "who",
    "whose",
    "that",
    "with",
    "without",
    "looking",
    "running",
    "using",
    "needing",
    "wanting",
    "managing",
    "working",
    "in",
    "at",
    "on",
    "from",
    "of",
    "whom",
    "living",
    "tired",
    "struggling",
    "trying",
    "stuck",
];

/// Narrowing words that widen instead: "teams throughout the world", "of
/// all sizes", "in every industry".
static WIDENING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:throughout|around|across|all over|everywhere|worldwide|globally|in (?:the )?(?:world|every|any|all)|of (?:all|any|every)|on (?:the )?planet|at (?:every|any|all)|from (?:all|any|every)|regardless)").unwrap()
});

/// Where a phrase naming the customer starts: "for X", "lets X", "helps
/// X", "aimed at X", "designed for X".
static NAMES_CUSTOMER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:(for)|lets|let|helps?|helped|gives?|gave|empowers?|empowered|enables?|enabled|allows?|allowed|alerts?|alerted|tells?|told|notifies|notified|shows?|showed|saves?|saved|protects?|serves?|served|frees?|reach(?:es)?|reached|invites?|welcomes?|aimed(?: squarely)? at|targets?|targeted at|designed(?: specifically)? for|built(?: specifically)? for|made(?: specifically)? for|(?:used|consumed|loved|trusted|adopted|read|accessed) by|(?:available|open|opens|opened) to|(?:in)?to the hands of)\s+").unwrap()
});

/// "Now X can", "X can now", "X no longer", "Previously, X have been
/// stuck…", "X who live in the terminal…": the sentence's subject is the
/// customer.
static SUBJECT_CAN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:^|[.!?,;:]\s+|\s(?:--|—|–)\s+)(?:today,?\s+|now,?\s+|previously,?\s+|currently,?\s+|until now,?\s+)?((?:\p{L}[\p{L}\p{N}'’-]*\s+){1,6}?(?:(?:who|whose)\s+\w+\s+)?)(?:can now|now can|can finally|no longer|can|have been|has been|are stuck|spend|struggle|waste|lose|face|need|want|have always|keep|file|has a|have a|get a|gets a)\b").unwrap()
});

/// A question about who the product is for.
static WHO_FOR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bwho\b.*\bfor\b|\bwho (?:should|would|will|can|is going to) use\b|\btarget (?:user|customer|audience|market|segment)s?\b|\bwho (?:are|is) (?:the|our) (?:customer|user)s?\b|\bwho benefits\b").unwrap()
});

/// What a phrase says about the customer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Segment {
    /// A category or everybody: "developers", "any team".
    Category,
    /// Someone you could find: "gym owners who are tired of…", "short-term
    /// rental hosts", "me".
    Specific,
}

/// Words a person can be called by: a segment's head noun.
fn person_like(word: &str) -> bool {
    const PEOPLE: &[&str] = &[
        "people",
        "team",
        "staff",
        "host",
        "nurse",
        "family",
        "families",
        "parent",
        "patient",
        "student",
        "resident",
        "member",
        "client",
        "customer",
        "user",
        "leader",
        "founder",
        "crew",
        "individual",
        "folk",
        "adult",
        "kid",
        "child",
        "children",
        "human",
        "hobbyist",
        "owner",
        "doctor",
        "clinician",
        "farmer",
        "grower",
        "chef",
        "tenant",
        "landlord",
        "homeowner",
        "renter",
        "traveler",
        "traveller",
        "guest",
        "athlete",
        "coach",
        "caregiver",
        "volunteer",
        "freelancer",
        "artist",
        "pharmacist",
        "dentist",
        "therapist",
        "lawyer",
        "accountant",
        "journalist",
        "technician",
        "driver",
        "rider",
        "pilot",
        "household",
        "veteran",
        "senior",
        "retiree",
        "writer",
        "author",
        "operator",
        "reader",
        "player",
        "teacher",
        "educator",
        "parent",
        "mentor",
        "speaker",
        "worker",
        "seller",
        "buyer",
        "shopper",
        "merchant",
        "retailer",
        "vendor",
        "supplier",
        "contractor",
        "consultant",
        "facilitator",
        "investor",
        "manager",
        "director",
        "officer",
        "agent",
        "broker",
        "photographer",
        "designer",
        "editor",
        "publisher",
        "maintainer",
        "contributor",
        "hacker",
        "tinkerer",
        "homesteader",
        "gardener",
        "cook",
        "baker",
        "brewer",
        "dispatcher",
        "surveyor",
        "scheduler",
        "receptionist",
        "clerk",
        "cashier",
        "officer",
        "attendee",
        "visitor",
        "subscriber",
        "viewer",
        "listener",
        "fan",
        "runner",
        "cyclist",
        "hiker",
        "owner-operator",
        "solopreneur",
        "entrepreneur",
        "creator",
        "researcher",
        "analyst",
        "engineer",
        "developer",
        "scientist",
        "programmer",
        "practitioner",
        "professional",
        "administrator",
        "admin",
        "organizer",
        "organiser",
        "planner",
        "recruiter",
        "hirer",
        "employer",
        "employee",
        "lead",
        "exec",
        "executive",
        "academic",
        "specialist",
        "expert",
    ];
    let w = word.to_lowercase();
    let w = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
    let single = w
        .strip_suffix("ies")
        .map(|s| format!("{s}y"))
        .unwrap_or_else(|| w.strip_suffix('s').unwrap_or(w).to_string());
    PEOPLE.contains(&single.as_str())
        || PEOPLE.contains(&w)
        || CATEGORY.contains(&single.as_str())
        || ["ist", "ian"]
            .iter()
            .any(|suf| single.ends_with(suf) && single.len() > 5)
}

fn is_category(word: &str) -> bool {
    let w = word.to_lowercase();
    let w = w.trim_matches(|c: char| !c.is_alphanumeric());
    let single = w
        .strip_suffix("ies")
        .map(|s| format!("{s}y"))
        .unwrap_or_else(|| w.strip_suffix('s').unwrap_or(w).to_string());
    CATEGORY.contains(&single.as_str()) || CATEGORY.contains(&w)
}

/// Judges the phrase that starts `text` as a customer: its words up to a
/// clause boundary, a category unless narrowed. `None` when it names no
/// one (a thing, a place). `loose` accepts any person-like head (after a
/// verb that takes a person: "alerts short-term rental hosts").
fn judge_phrase(text: &str, loose: bool) -> Option<(Segment, String)> {
    let end = text
        .find(|c: char| {
            matches!(
                c,
                ',' | '.' | ';' | ':' | '!' | '?' | '(' | ')' | '—' | '–' | '"' | '“' | '”' | '\n'
            )
        })
        .unwrap_or(text.len());
    let clause = &text[..end];
    let words: Vec<&str> = clause.split_whitespace().take(14).collect();
    let mut i = 0;
    while i < words.len()
        && matches!(
            words[i].to_lowercase().as_str(),
            "the"
                | "a"
                | "an"
                | "your"
                | "our"
                | "their"
                | "its"
                | "his"
                | "her"
                | "these"
                | "those"
                | "more"
                | "even"
                | "just"
                | "only"
                | "both"
                | "other"
                | "then"
                | "now"
                | "today"
                | "finally"
                | "soon"
                | "also"
                | "previously"
                | "currently"
                | "until"
                | "for"
        )
    {
        i += 1;
    }
    let words = &words[i..];
    let first = words.first()?.to_lowercase();
    if QUANTIFIERS.contains(&first.as_str()) {
        // "any team", "every user", "any application": everybody. Not "each
        // language" or "any time".
        let noun = words.iter().skip(1).take(3).find(|w| {
            person_like(w)
                || matches!(
                    w.to_lowercase()
                        .trim_matches(|c: char| !c.is_alphanumeric()),
                    "application"
                        | "applications"
                        | "app"
                        | "apps"
                        | "body"
                        | "one"
                        | "size"
                        | "sizes"
                )
        });
        let everybody = EVERYBODY.is_match(&first);
        if noun.is_none() && !everybody {
            return None;
        }
        let phrase = words.iter().take(4).copied().collect::<Vec<_>>().join(" ");
        return Some((Segment::Category, phrase));
    }
    // The head: up to the first word naming people ("short-term rental
    // hosts"), extended over "and" to the next ("data scientists and
    // analysts"); nothing when no such word comes before a stop.
    let stop = |w: &str| {
        matches!(
            w.to_lowercase().as_str(),
            "to" | "can"
                | "could"
                | "will"
                | "would"
                | "should"
                | "may"
                | "might"
                | "is"
                | "are"
                | "was"
                | "were"
                | "be"
                | "by"
                | "through"
                | "via"
                | "than"
                | "instead"
                | "so"
                | "because"
                | "when"
                | "while"
                | "if"
                | "as"
                | "into"
        )
    };
    let limit = words
        .iter()
        .position(|w| stop(w))
        .unwrap_or(words.len())
        .min(6);
    let first_person = words[..limit].iter().position(|w| person_like(w))?;
    // Words before it that narrow nothing ("what", "their") mean the
    // person word is not the head of this phrase.
    if words[..first_person].iter().any(|w| {
        NARROWING.contains(&w.to_lowercase().as_str())
            || matches!(
                w.to_lowercase().as_str(),
                "what" | "how" | "why" | "which" | "where"
            )
    }) {
        return None;
    }
    let mut end = first_person + 1;
    while end + 1 < words.len()
        && matches!(
            words[end].to_lowercase().as_str(),
            "and" | "or" | "&" | "plus"
        )
    {
        let next = (end + 1..(end + 4).min(words.len())).find(|&k| person_like(words[k]));
        match next {
            Some(k) => end = k + 1,
            None => break,
        }
    }
    let head: Vec<&str> = words[..end].to_vec();
    let narrowed = words.get(end).is_some_and(|w| {
        let lw = w.to_lowercase();
        let rest = words[end..].join(" ");
        let next = words
            .get(end + 1)
            .map(|w| w.to_lowercase())
            .unwrap_or_default();
        let preposition = matches!(lw.as_str(), "in" | "at" | "on" | "from" | "of");
        NARROWING.contains(&lw.as_str())
            && !WIDENING.is_match(&rest)
            && words.len() > end + 1
            && !(preposition && next.ends_with("ing"))
    });
    let heads: Vec<&str> = head
        .split(|w| matches!(w.to_lowercase().as_str(), "and" | "or" | "&" | "plus"))
        .filter_map(|part| part.last().copied())
        .collect();
    let phrase = head.join(" ");
    if narrowed {
        return Some((Segment::Specific, phrase));
    }
    if heads.iter().all(|h| is_category(h)) {
        return Some((Segment::Category, phrase));
    }
    // A role with a modifier ("gym owners", "short-term rental hosts").
    (loose || head.len() >= 2).then_some((Segment::Specific, phrase))
}

/// Byte ranges of `text` inside quotation marks: speech, not the writer's
/// definition of the customer.
fn quoted(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    for (i, c) in text.char_indices() {
        match c {
            '“' => open = Some(i),
            '”' => {
                if let Some(s) = open.take() {
                    out.push((s, i));
                }
            }
            '"' => match open.take() {
                Some(s) => out.push((s, i)),
                None => open = Some(i),
            },
            _ => {}
        }
    }
    out
}

/// The customer phrases of `text`: (offset, segment, phrase).
fn customer_phrases(text: &str) -> Vec<(usize, Segment, String)> {
    let quotes = quoted(text);
    let in_quote = |at: usize| quotes.iter().any(|&(a, b)| at > a && at < b);
    let mut out = Vec::new();
    for c in NAMES_CUSTOMER.captures_iter(text) {
        let m = c.get(0).expect("a match");
        if in_quote(m.start()) {
            continue;
        }
        let after = &text[m.end()..];
        let strict_for = c.get(1).is_some();
        if let Some((seg, phrase)) = judge_phrase(after, !strict_for) {
            // After "for", only a category or a narrowed group names the
            // customer ("for free", "for their slides" name no one).
            if strict_for && seg == Segment::Specific && !narrowed_phrase(after) {
                continue;
            }
            out.push((m.end(), seg, phrase));
        }
    }
    for c in SUBJECT_CAN.captures_iter(text) {
        let g = c.get(1).expect("group 1");
        if in_quote(g.start()) {
            continue;
        }
        if let Some((seg, phrase)) = judge_phrase(g.as_str(), true) {
            out.push((g.start(), seg, phrase));
        }
    }
    for m in EVERYONE.find_iter(text) {
        if !in_quote(m.start()) && !negated(&text[..m.start()]) {
            out.push((m.start(), Segment::Category, m.as_str().to_string()));
        }
    }
    for m in EVERYONE_AS_CUSTOMER.find_iter(text) {
        if let Some(w) = EVERYBODY.find(m.as_str())
            && !in_quote(m.start())
            && !negated(&text[..m.start()])
        {
            out.push((
                m.start() + w.start(),
                Segment::Category,
                w.as_str().to_string(),
            ));
        }
    }
    out.sort_by_key(|p| p.0);
    out
}

/// Does the phrase at the start of `text` carry a narrowing clause?
fn narrowed_phrase(text: &str) -> bool {
    let end = text
        .find([',', '.', ';', ':', '!', '?', '(', '—', '\n'])
        .unwrap_or(text.len());
    let words: Vec<String> = text[..end]
        .split_whitespace()
        .take(10)
        .map(str::to_lowercase)
        .collect();
    words
        .iter()
        .enumerate()
        .skip(1)
        .any(|(k, w)| NARROWING.contains(&w.as_str()) && !WIDENING.is_match(&words[k..].join(" ")))
}

/// "Me.", "Just me", "Sandip": the answer names one person.
fn names_a_person(answer: &str) -> bool {
    let first: String = answer
        .split(['.', '!', '\n'])
        .next()
        .unwrap_or("")
        .trim()
        .to_lowercase();
    matches!(
        first.as_str(),
        "me" | "just me" | "i am" | "myself" | "only me"
    )
}

pub(crate) fn vague_customer_definition(doc: &Doc) -> Vec<Hit> {
    let mut out = Vec::new();
    let hint = "name a segment you could find and interview: who, in what situation, with what \
                constraint (\"owners of shops with fewer than 10 staff who refund by hand\")";
    let mut specific = false;
    if let Some(c) = &doc.p.front.customer {
        let words: Vec<String> = c
            .split(|ch: char| !ch.is_alphanumeric() && ch != '-' && ch != '\'')
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect();
        let all_generic = words
            .iter()
            .all(|w| GENERIC.contains(&w.as_str()) || is_category(w));
        let everyone = EVERYONE.is_match(c) || EVERYBODY.is_match(c);
        if words.len() < 3 || all_generic || everyone {
            out.push(Hit::new(
                doc.value_pos("customer"),
                format!("customer '{c}' is too broad to find and interview"),
                hint,
            ));
        } else {
            specific = true;
        }
    }
    // Where the release says who it is for: its prose, not the quotes, the
    // steps of how it works, or "anyone can sign up" under getting started.
    let mut categories: Vec<(usize, usize, String, &'static str)> = Vec::new();
    let mut mentioned = false;
    for piece in doc.press_release().filter(|pc| {
        !doc.is_preamble(pc)
            && !matches!(
                pc.role,
                Role::CustomerQuote | Role::LeaderQuote | Role::GettingStarted | Role::HowItWorks
            )
            && matches!(
                pc.kind,
                Kind::Heading
                    | Kind::Block(BlockKind::Paragraph)
                    | Kind::Block(BlockKind::List { .. })
            )
    }) {
        let text = piece.text.as_ref();
        for (at, seg, phrase) in customer_phrases(text) {
            mentioned = true;
            match seg {
                Segment::Specific => specific = true,
                Segment::Category => {
                    let (line, col) =
                        doc.locate_match(piece, at, phrase.len().min(text.len() - at));
                    categories.push((line, col, phrase, piece.place()));
                }
            }
        }
    }
    // A release that names no one: the answer to "Who is it for?" may.
    if !mentioned {
        for f in doc
            .p
            .body
            .faqs
            .iter()
            .filter(|f| WHO_FOR.is_match(&f.question))
        {
            if names_a_person(&f.answer) {
                specific = true;
                continue;
            }
            // The answer's first sentence, and each line of a list under it
            // ("Security teams – get visibility…").
            let mut leads: Vec<String> = f.answer.lines().take(8).map(str::to_string).collect();
            if let Some(first) = f.answer.split(['.', '\n']).next() {
                leads.insert(0, first.to_string());
            }
            for lead in leads {
                for (_, seg, phrase) in customer_phrases(&format!("for {lead}")) {
                    match seg {
                        Segment::Specific => specific = true,
                        Segment::Category => categories.push((f.line, 1, phrase, "the FAQ")),
                    }
                }
            }
        }
    }
    if specific {
        return out;
    }
    let mut seen: Vec<String> = Vec::new();
    for (line, col, phrase, place) in categories {
        let key = phrase.to_lowercase();
        if seen.contains(&key) {
            continue;
        }
        seen.push(key);
        let first = phrase
            .split_whitespace()
            .next()
            .unwrap_or("")
            .to_lowercase();
        let what = if QUANTIFIERS.contains(&first.as_str()) || EVERYBODY.is_match(&phrase) {
            "the customer is everybody, so nobody in particular"
        } else {
            "a category of people, not a segment you could find and interview"
        };
        out.push(Hit::new(
            (line, col),
            format!("'{phrase}' in {place}: {what}"),
            hint,
        ));
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
        let m = vague(
            "Anyone can now refund, and everyone will love it. Everyone on the till cheered.",
        );
        assert_eq!(m.len(), 2, "{m:?}");
        assert!(m[0].starts_with("'Anyone' in the summary"), "{m:?}");
        // A segment the front-matter names outweighs a stray "everyone".
        let f = check_text(&doc(
            "Owners of shops with fewer than 10 staff",
            "Anyone can now refund, and everyone will love it.",
        ));
        assert!(rules_of(&f, "vague-customer-definition").is_empty());
    }

    fn vague(summary: &str) -> Vec<String> {
        let text =
            format!("# Ledgers balance themselves\n\nSEATTLE, March 15, 2027 -- {summary}\n");
        rules_of(&check_text(&text), "vague-customer-definition")
    }

    #[test]
    fn job_categories_and_everybody_are_vague() {
        for (summary, phrase) in [
            (
                "Now developers can see every failed payment in one place.",
                "'developers'",
            ),
            (
                "Ledgerly helps organizations close their books a week sooner.",
                "'organizations'",
            ),
            (
                "The toolkit lets software practitioners throughout the world cut emissions.",
                "'software practitioners'",
            ),
            ("It is built for anyone who keeps accounts.", "'anyone"),
            (
                "Ledgerly gives data scientists and analysts a clean table.",
                "'data scientists and analysts'",
            ),
            ("It is designed for teams of all sizes.", "'teams'"),
            (
                "Any team that runs payroll can start today.",
                "'Any team that runs'",
            ),
        ] {
            let m = vague(summary);
            assert!(!m.is_empty(), "{summary}: no finding");
            assert!(m[0].starts_with(phrase), "{summary}: {m:?}");
        }
    }

    #[test]
    fn a_segment_you_could_interview_is_not_vague() {
        for summary in [
            "Ledgerly gives bookkeepers who close the books for five to twenty restaurants one reconciled ledger.",
            "People who run a bakery alone can close the month in an evening.",
            "It alerts short-term rental hosts before a guest arrives.",
            "Ledgerly is aimed squarely at the owner who keeps the books herself, though developers like it too.",
            // A thing after "for" names no one: no finding either way.
            "Ledgerly is free for personal use.",
        ] {
            assert!(vague(summary).is_empty(), "{summary}: {:?}", vague(summary));
        }
    }

    #[test]
    fn quotes_and_the_faq_answer() {
        // Speech does not define the customer.
        assert!(
            vague("\"Developers loved it,\" said Ana Ruiz, owner of Ruiz Tax in Tacoma.")
                .is_empty()
        );
        // A release that names no one: the FAQ's "Who is it for?" decides.
        let text = "# Ledgers balance themselves\n\nSEATTLE, March 15, 2027 -- Ledgerly balances ledgers.\n\n## FAQ\n\n### Who is it for?\n\nLedgerly is designed for:\n\n- Finance teams – a clean close\n- Developers – an API\n";
        let m = rules_of(&check_text(text), "vague-customer-definition");
        assert_eq!(m.len(), 2, "{m:?}");
        assert!(
            m.iter()
                .any(|m| m.starts_with("'Finance teams' in the FAQ")),
            "{m:?}"
        );
        let text = "# Ledgers balance themselves\n\nSEATTLE, March 15, 2027 -- Ledgerly balances ledgers.\n\n## FAQ\n\n### Who is it for?\n\nMe. I keep the books for my own shop.\n";
        assert!(rules_of(&check_text(text), "vague-customer-definition").is_empty());
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
