//! Who the customer is, and whether they sound real:
//! `vague-customer-definition` and `customer-quote-sounds-fake`.

use std::sync::LazyLock;

use regex::Regex;

use super::Hit;
use super::language::HYPERBOLE;
use super::text::{Doc, Kind, NUMBER, Piece, content_words};
use crate::proposal::body::count_words;
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
    Regex::new(r"(?i)\b(?:all (?:users|customers|businesses|companies|teams|people)|every (?:user|customer|business|company|team)|any (?:user|customer|business|company|team|seeker|engineer|developer|player|fan|person|individual|organi[sz]ation|creator)|all kinds of (?:people|users|businesses)|[\w-]+ and (?:non-)?[\w-]+ alike|(?:users|fans|developers|people|customers|players|creators|teams|businesses|companies|organi[sz]ations) (?:worldwide|around the world|everywhere)|[\w-]+s of all (?:sizes|kinds|types|ages|skill levels|levels|backgrounds))\b|\b(?:alle (?:nutzer(?:innen)?|kunden|unternehmen|menschen)|jedermann|tout le monde|tous les (?:utilisateurs|clients)|todo el mundo|todos los (?:usuarios|clientes)|cualquier persona|todo mundo|todos os (?:usuários|clientes)|qualquer pessoa)\b|誰でも|あらゆる人|老若男女|누구나|任何人|每个人").unwrap()
});

static EVERYBODY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\b(?:everyone|everybody|anyone|anybody)\b").unwrap());

/// "Everyone" as a customer: "for everyone", "lets anyone…", "anyone
/// who…", "everyone can…".
/// Not "everyone on the ward", which describes a scene.
static EVERYONE_AS_CUSTOMER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:for|to|lets?|allows?|enables?|helps?|empowers?) (?:everyone|everybody|anyone|anybody)\b|\b(?:everyone|everybody|anyone|anybody)(?: who| that| with| looking| wanting| needing| can| could| will| may|,? everywhere)\b").unwrap()
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

/// Whoever uses or loves a medium, the "users" of a book, a game, a show,
/// the lovers of beer: categories too.
const MEDIUM_USERS: &[&str] = &[
    "reader",
    "player",
    "gamer",
    "viewer",
    "listener",
    "fan",
    "lover",
    "enthusiast",
    "aficionado",
];

/// The categories that are an audience, with `MEDIUM_USERS`: whoever
/// reads, plays, watches or follows something.
const AUDIENCE: &[&str] = &[
    "people",
    "person",
    "individual",
    "consumer",
    "folk",
    "public",
    "audience",
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
    // In the middle of a move from one thing to another: a moment you could
    // find them in ("teams moving their databases to…"). Ongoing work
    // ("building", "implementing") or getting ready for a trend ("preparing
    // for AI") is the category's job, not a situation.
    "moving",
    "migrating",
    "switching",
    "upgrading",
    "transitioning",
    "leaving",
    "replacing",
    "relocating",
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

/// Nouns a person word modifies when it names a thing: "user interface",
/// "customer data", "developer tools", "agent backends". Singular.
const THING_AFTER_PERSON: &[&str] = &[
    "interface",
    "backend",
    "data",
    "support",
    "experience",
    "tool",
    "account",
    "research",
    "journey",
    "story",
    "storie",
    "portal",
    "dashboard",
    "adapter",
    "integration",
    "protocol",
    "framework",
    "platform",
    "api",
    "sdk",
    "feedback",
    "acquisition",
    "retention",
    "engagement",
    "onboarding",
    "profile",
    "record",
    "setting",
    "preference",
    "behavior",
    "behaviour",
    "count",
];

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
pub(crate) fn person_like(word: &str) -> bool {
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
        || MEDIUM_USERS.contains(&single.as_str())
        || ["ist", "ian"]
            .iter()
            .any(|suf| single.ends_with(suf) && single.len() > 5)
            // Not a list ("wishlist") or a verb ("coexist", "assist").
            && !NOT_PEOPLE.contains(&single.as_str())
}

/// Words ending like a person's ("-ist", "-ian") that name no one.
const NOT_PEOPLE: &[&str] = &[
    "wishlist",
    "checklist",
    "playlist",
    "waitlist",
    "allowlist",
    "blocklist",
    "denylist",
    "whitelist",
    "blacklist",
    "shortlist",
    "tracklist",
    "coexist",
    "persist",
    "assist",
    "insist",
    "resist",
    "consist",
    "subsist",
    "median",
    "meridian",
];

fn is_category(word: &str) -> bool {
    let w = word.to_lowercase();
    let w = w.trim_matches(|c: char| !c.is_alphanumeric());
    let single = w
        .strip_suffix("ies")
        .map(|s| format!("{s}y"))
        .unwrap_or_else(|| w.strip_suffix('s').unwrap_or(w).to_string());
    [CATEGORY, MEDIUM_USERS]
        .iter()
        .any(|list| list.contains(&single.as_str()) || list.contains(&w))
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
    let clause_end = end;
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
        // The quantifier's own noun phrase: "each action the player takes"
        // quantifies actions; a new determiner starts another phrase
        // (unless after "of": "any of the users").
        let own = words
            .iter()
            .enumerate()
            .skip(1)
            .take(3)
            .take_while(|(k, w)| {
                !matches!(
                    w.to_lowercase().as_str(),
                    "the" | "a" | "an" | "this" | "that" | "its" | "their" | "his" | "her"
                ) || words[k - 1].eq_ignore_ascii_case("of")
                    // "all the beer lovers"
                    || (*k == 1 && words[0].eq_ignore_ascii_case("all"))
            })
            .map(|(_, w)| w);
        let noun = own.into_iter().find(|w| {
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
        // "all Panova EHR customers", "every Shopify merchant": the users
        // of a named product are a group you can find, not everybody.
        let mut before_noun = words.iter().skip(1).take_while(|w| !person_like(w)).take(3);
        if before_noun.any(|w| w.chars().next().is_some_and(char::is_uppercase)) {
            return None;
        }
        // The phrase ends at its noun: "every football fan", not "every
        // football fan play".
        let upto = noun
            .and_then(|n| words.iter().position(|w| std::ptr::eq(*w, *n)))
            .map_or(4, |k| k + 1);
        let phrase = words
            .iter()
            .take(upto)
            .copied()
            .collect::<Vec<_>>()
            .join(" ");
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
    // "market stall owners", "user research leads": a person word that
    // modifies the people named after it is part of their name.
    // (Not "individual freelancers": two person words side by side.)
    let plain = |w: &str| w.chars().all(|c| c.is_alphanumeric() || c == '-');
    let first_person = match (words.get(first_person + 1), words.get(first_person + 2)) {
        (Some(thing), Some(people))
            if plain(thing) && plain(people) && !person_like(thing) && person_like(people) =>
        {
            first_person + 2
        }
        _ => first_person,
    };
    // "AI agents", "coding agents": software, not people.
    if first_person > 0
        && words[first_person]
            .to_lowercase()
            .trim_matches(|c: char| !c.is_alphanumeric())
            .starts_with("agent")
        && matches!(
            words[first_person - 1].to_lowercase().as_str(),
            "ai" | "coding" | "software" | "llm" | "autonomous" | "browser" | "ai-powered"
        )
    {
        return None;
    }
    // "agent backends", "user interface", "customer data": a person word
    // that modifies the thing after it names the thing, not people.
    if words.get(first_person + 1).is_some_and(|w| {
        THING_AFTER_PERSON.contains(
            &w.to_lowercase()
                .trim_matches(|c: char| !c.is_alphanumeric())
                .trim_end_matches('s'),
        )
    }) {
        return None;
    }
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
            && !tastes(&words[end..])
    });
    // "50-person teams", "teams of 5-50": a size in numbers.
    let sized = head.iter().any(|w| {
        w.chars().any(|c| c.is_ascii_digit())
            || w.to_lowercase().ends_with("-person")
            || w.to_lowercase().ends_with("-people")
    });
    let heads: Vec<&str> = head
        .split(|w| matches!(w.to_lowercase().as_str(), "and" | "or" | "&" | "plus"))
        .filter_map(|part| part.last().copied())
        .collect();
    let phrase = head.join(" ");
    if narrowed || sized {
        return Some((Segment::Specific, phrase));
    }
    // "for startups, solo developers, and small teams who ship weekly": a
    // clause after the last of a list narrows the whole list.
    if text[clause_end..].starts_with(',') && list_narrowed(&text[clause_end..]) {
        return Some((Segment::Specific, phrase));
    }
    // "one person", "a single team", "one specific community": one is the
    // opposite of everybody.
    if words[..first_person].iter().any(|w| {
        matches!(
            w.to_lowercase().as_str(),
            "one" | "single" | "specific" | "particular"
        )
    }) {
        return Some((Segment::Specific, phrase));
    }
    // "for one community, your extended family": the apposition says who.
    if let Some(rest) = text[clause_end..].strip_prefix(',') {
        let rest = rest.trim_start();
        let opens = rest.split_whitespace().next().is_some_and(|w| {
            matches!(
                w.to_lowercase().as_str(),
                "your" | "their" | "our" | "his" | "her" | "namely"
            )
        });
        if opens && matches!(judge_phrase(rest, true), Some((Segment::Specific, _))) {
            return Some((Segment::Specific, phrase));
        }
    }
    // "ML engineers", "data scientists", "cloud platform teams": a field
    // before the category word makes it a role you could find and
    // interview. A size, a quality or a quantifier does not ("large
    // enterprises", "power users", "software teams").
    let field = head.len() >= 2 && {
        let w = head[0]
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        !w.is_empty()
            && !NO_FIELD.contains(&w.as_str())
            && !is_category(&w)
            && !person_like(&w)
            && !QUANTIFIERS.contains(&w.as_str())
    };
    // "basketball fans", "music listeners": a topic before an audience
    // word names what they like, not a situation you could find them in.
    let audience = heads.iter().all(|h| {
        let h = h.to_lowercase();
        let h = h.trim_matches(|c: char| !c.is_alphanumeric());
        let h = h.strip_suffix('s').unwrap_or(h);
        AUDIENCE.contains(&h) || MEDIUM_USERS.contains(&h)
    });
    if heads.iter().all(|h| is_category(h)) && (!field || audience) {
        return Some((Segment::Category, phrase));
    }
    // A role with a modifier ("gym owners", "short-term rental hosts").
    (loose || head.len() >= 2).then_some((Segment::Specific, phrase))
}

/// The rest of a list of groups, after the first item's comma: does its
/// last item ("and small teams who ship weekly") carry a narrowing clause?
fn list_narrowed(rest: &str) -> bool {
    let end = rest
        .find(['.', ';', ':', '!', '?', '(', ')', '—', '–', '\n'])
        .unwrap_or(rest.len());
    let parts: Vec<&str> = rest[..end].split(',').map(str::trim).collect();
    let Some(last) = parts.iter().rev().find(|p| !p.is_empty()) else {
        return false;
    };
    let Some(item) = last
        .strip_prefix("and ")
        .or_else(|| last.strip_prefix("or "))
    else {
        return false;
    };
    // Every item between is a short group: "solo developers".
    let short = parts[..parts.len() - 1]
        .iter()
        .filter(|p| !p.is_empty())
        .all(|p| p.split_whitespace().count() <= 4 && p.split_whitespace().any(person_like));
    short && matches!(judge_phrase(item, true), Some((Segment::Specific, _))) && {
        let words: Vec<&str> = item.split_whitespace().collect();
        words.iter().skip(1).any(|w| {
            let w = w.to_lowercase();
            NARROWING.contains(&w.as_str())
        })
    }
}

/// Does a clause after a person word name a taste or a wish rather than a
/// situation: "people who enjoy watching videos together", "fans wanting
/// to remember a song", "users who love music"? Anyone may; it finds no
/// one to interview.
fn tastes(clause: &[&str]) -> bool {
    const TASTES: &[&str] = &[
        "enjoy",
        "enjoys",
        "enjoying",
        "love",
        "loves",
        "loving",
        "like",
        "likes",
        "want",
        "wants",
        "wanting",
        "wish",
        "wishes",
        "wishing",
        "care",
        "cares",
        "prefer",
        "prefers",
        "value",
        "values",
        "appreciate",
        "appreciates",
        "dream",
        "dreams",
    ];
    let words: Vec<String> = clause
        .iter()
        .take(4)
        .map(|w| {
            w.to_lowercase()
                .trim_matches(|c: char| !c.is_alphanumeric())
                .to_string()
        })
        .collect();
    let verb = match words.first().map(String::as_str) {
        Some("who" | "that") => words[1..].iter().find(|w| {
            !matches!(
                w.as_str(),
                "just" | "really" | "simply" | "actively" | "truly" | "also"
            )
        }),
        Some(_) => words.first(),
        None => None,
    };
    verb.is_some_and(|v| TASTES.contains(&v.as_str()))
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
    // Lists of groups already reported whole.
    let mut lists: Vec<(usize, usize)> = Vec::new();
    for c in NAMES_CUSTOMER.captures_iter(text) {
        let m = c.get(0).expect("a match");
        if in_quote(m.start()) {
            continue;
        }
        let after = &text[m.end()..];
        let strict_for = c.get(1).is_some();
        // "for startups, solo developers, and small teams": three groups
        // or more at once is no segment chosen, however the last is narrowed.
        if let Some(list) = many_groups(after) {
            lists.push((m.end(), m.end() + list.len()));
            out.push((m.end(), Segment::Category, list));
            continue;
        }
        if let Some((seg, phrase)) = judge_phrase(after, !strict_for) {
            // After "for", only a category or a narrowed group names the
            // customer ("for free", "for their slides" name no one).
            if strict_for && seg == Segment::Specific && !narrowed_phrase(after) {
                continue;
            }
            out.push((m.end(), seg, phrase));
        }
    }
    // "brings secret custody to every developer": whatever brings it, the
    // quantified people it goes to are the customer.
    static TO_EVERY: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?i)\bto\s+(every|all|any)\b").unwrap());
    let named: std::collections::HashSet<usize> = out.iter().map(|(a, _, _)| *a).collect();
    for c in TO_EVERY.captures_iter(text) {
        let at = c.get(1).expect("group 1").start();
        if in_quote(at) || named.contains(&at) {
            continue;
        }
        if let Some((Segment::Category, phrase)) = judge_phrase(&text[at..], true) {
            out.push((at, Segment::Category, phrase));
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
    // "teams of all sizes" is one phrase, not also "teams". (Each pass
    // drops what it replaces in one sweep: a long document has thousands.)
    let everyone: std::collections::HashMap<usize, &str> = EVERYONE
        .find_iter(text)
        .filter(|m| {
            !in_quote(m.start()) && !negated(&text[..m.start()]) && !threat(&text[m.end()..])
        })
        .map(|m| (m.start(), m.as_str()))
        .collect();
    out.retain(|(at, seg, phrase)| {
        !(*seg == Segment::Category && everyone.get(at).is_some_and(|e| phrase.len() < e.len()))
    });
    let mut everyone: Vec<_> = everyone.into_iter().collect();
    everyone.sort_unstable();
    out.extend(
        everyone
            .into_iter()
            .map(|(at, e)| (at, Segment::Category, e.to_string())),
    );
    // "lets anyone turn receipts into…" is the one word "anyone".
    let anyone: Vec<(usize, &str)> = EVERYONE_AS_CUSTOMER
        .find_iter(text)
        .filter(|m| {
            !in_quote(m.start()) && !negated(&text[..m.start()]) && !threat(&text[m.end()..])
        })
        .filter_map(|m| {
            EVERYBODY
                .find(m.as_str())
                .map(|w| (m.start() + w.start(), w.as_str()))
        })
        .collect();
    let words: std::collections::HashMap<usize, String> = anyone
        .iter()
        .map(|&(at, w)| (at, w.to_lowercase()))
        .collect();
    out.retain(|(a, seg, phrase)| {
        !(*seg == Segment::Category
            && words
                .get(a)
                .is_some_and(|w| phrase.to_lowercase().starts_with(w.as_str())))
    });
    out.extend(
        anyone
            .into_iter()
            .map(|(at, w)| (at, Segment::Category, w.to_string())),
    );
    out.retain(|(at, _, phrase)| {
        !lists
            .iter()
            .any(|&(a, b)| *at > a && *at < b && !phrase.contains(','))
    });
    out.sort_by_key(|p| p.0);
    out
}

/// Words before a category word that name no field: sizes, qualities,
/// quantifiers ("large enterprises", "power users", "everyday users").
const NO_FIELD: &[&str] = &[
    "all",
    "any",
    "every",
    "each",
    "most",
    "many",
    "some",
    "power",
    "large",
    "larger",
    "small",
    "smaller",
    "big",
    "bigger",
    "new",
    "modern",
    "busy",
    "everyday",
    "regular",
    "typical",
    "normal",
    "ordinary",
    "own",
    "individual",
    "non-technical",
    "technical",
    "end",
    "older",
    "younger",
    "serious",
    "general",
    "various",
    "different",
    "both",
    "software",
    "other",
    "more",
    "real",
    "great",
    "savvy",
    "tech-savvy",
    "active",
    "daily",
    "top",
    "leading",
    "global",
    "growing",
    "mid-sized",
    "mid-size",
    "enterprise",
    "and",
    "or",
    "but",
    "plus",
    "nor",
    "also",
    "then",
    "many",
    "few",
];

/// Fewest groups of people in one list that make the release everybody's.
const MANY_GROUPS: usize = 3;

/// A list of groups of people at the start of `text` ("landlords, agents,
/// and tenants"): the list, when it names `MANY_GROUPS` or more.
fn many_groups(text: &str) -> Option<String> {
    let end = text
        .find(['.', ';', ':', '!', '?', '(', ')', '—', '–', '\n'])
        .unwrap_or(text.len());
    let list = &text[..end];
    let items: Vec<&str> = list
        .split(',')
        .map(|p| {
            let p = p.trim();
            p.strip_prefix("and ")
                .or_else(|| p.strip_prefix("or "))
                .unwrap_or(p)
        })
        .filter(|p| !p.is_empty())
        .collect();
    if items.len() < MANY_GROUPS || !list.contains(',') {
        return None;
    }
    // Every item a short group of people; the last may run on ("and anyone
    // who already runs a server").
    let group = |p: &str| {
        let words: Vec<&str> = p.split_whitespace().collect();
        words.len() <= 4
            && words.iter().any(|w| {
                let w = w
                    .trim_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase();
                person_like(&w) || is_category(&w) || EVERYBODY.is_match(&w)
            })
    };
    let (last, rest) = items.split_last()?;
    let last_head: String = last
        .split_whitespace()
        .take(4)
        .collect::<Vec<_>>()
        .join(" ");
    (rest.iter().all(|p| group(p)) && group(&last_head)).then(|| list.trim().to_string())
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
        || (text[end..].starts_with(',') && list_narrowed(&text[end..]))
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
    // Where each category stands: located only when reported, since a long
    // document can name "users" thousands of times.
    let mut categories: Vec<(Place, String, &'static str)> = Vec::new();
    let mut mentioned = false;
    // Segments the release names.
    let mut in_release = 0usize;
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
                Segment::Specific => in_release += 1,
                Segment::Category => {
                    let len = phrase.len().min(text.len() - at);
                    categories.push((Place::In(piece, at, len), phrase, piece.place()));
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
                        Segment::Category => {
                            categories.push((Place::At(f.line, 1), phrase, "the FAQ"));
                        }
                    }
                }
            }
        }
    }
    // A segment named once among many generic words does not make the
    // release's customer specific: "users", "teams", "organizations" said
    // again and again are who it speaks to.
    let drowned = categories.len() >= 3 && categories.len() >= 2 * in_release;
    // "to every developer" in the headline: the release's promise is made
    // to everybody, whatever segment its body names.
    let everybody_promised = categories.iter().any(|(at, phrase, _)| {
        matches!(at, Place::In(piece, _, _) if matches!(piece.role, Role::Headline | Role::Subheading))
            && phrase
                .split_whitespace()
                .next()
                .is_some_and(|w| matches!(w.to_lowercase().as_str(), "every" | "all" | "any"))
    });
    if specific || (in_release > 0 && !drowned && !everybody_promised) {
        return out;
    }
    // A job category only in the body of the release ("users can also
    // export…") echoes whoever the opening spoke to; on its own it is no
    // definition of the customer. It counts beside another sign.
    let body_only = out.is_empty()
        && categories.iter().all(|(_, phrase, place)| {
            *place == "the press release"
                && !phrase.contains(',')
                && !EVERYBODY.is_match(phrase)
                && !EVERYONE.is_match(phrase)
                && !phrase
                    .split_whitespace()
                    .next()
                    .is_some_and(|w| QUANTIFIERS.contains(&w.to_lowercase().as_str()))
        });
    if body_only {
        return out;
    }
    let mut seen: Vec<String> = Vec::new();
    for (at, phrase, place) in categories {
        let key = phrase.to_lowercase();
        if seen.contains(&key) {
            continue;
        }
        seen.push(key);
        let (line, col) = match at {
            Place::In(piece, at, len) => doc.locate_match(piece, at, len),
            Place::At(line, col) => (line, col),
        };
        let first = phrase
            .split_whitespace()
            .next()
            .unwrap_or("")
            .to_lowercase();
        let what = if phrase.contains(',') {
            "several groups at once, no one segment you could find and interview"
        } else if QUANTIFIERS.contains(&first.as_str())
            || EVERYBODY.is_match(&phrase)
            || EVERYONE.is_match(&phrase)
        {
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

/// Where a phrase stands: at a byte of a piece's text, or at a line and column.
enum Place<'d> {
    In(&'d Piece<'d>, usize, usize),
    At(usize, usize),
}

/// "without asking anybody", "not everyone": a negation, not a customer.
/// Is the "anyone" just before `after` the one the product guards
/// against: "anyone on the network can rewrite it", "誰でも書き換えられる"?
fn threat(after: &str) -> bool {
    static HARM: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^.{0,40}?(?:\b(?:forge|tamper|rewrite|spoof|steal|impersonate|intercept|hijack|snoop|eavesdrop|leak|read your|overwrite|delete your)\w*|書き換え|改ざん|改竄|なりすま|盗|傍受|漏え|위조|변조|도용|가로채|篡改|伪造|冒充|窃取)").unwrap()
    });
    HARM.is_match(after)
}

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

/// Sales talk that customers do not say about a product.
static SALES_TALK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\babsolutely love\b|\bdoes it all\b|\bmust-have\b|\ba no-brainer\b|\bhighly recommend\b|\btransformed (?:how|the way)\b|\b(?:greatly|significantly|dramatically|vastly|tremendously) improved\b|\bquantum leap\b|\bgame[- ]changer\b|\bcan't imagine (?:working|living|life) without\b|\bcouldn't be happier\b|\bto the next level\b").unwrap()
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

/// An attribution that stands in for a person: "<name>, Owner, <gym
/// name>", "[NAME, TITLE]", "John Doe at ACME Corp.", "Mr. CTO".
static PLACEHOLDER_NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)<[a-z][^<>]{0,30}>|\[[^\]]{0,40}\b(?:name|title|customer|company|role|person|spokesperson|city|business)\b[^\]]{0,40}\]|\b(?:john|jane) (?:doe|smith)\b|\bacme\b|\bsample (?:person|customer|user)\b|\bmr\.? cto\b|\bxxx+\b|\blorem\b|\bfirstname\b|\bcustomer name\b|\bname,? title\b|\bfoo bar\b|\bplaceholder\b|\bexample\w*\b").unwrap()
});

/// The author quoting themself: not a customer quote at all.
/// A speaker who leads the company that makes the product.
static LEADER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:CEO|CTO|COO|CPO|CMO|president|(?:co-?)?founder|chief \w+ officer|general manager|head of product|spokesperson)\b").unwrap()
});

static SELF_QUOTE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\W*(?:the|its|our)\s+(?:project\s+)?(?:author|developer|creator|maintainer|founder|builder|writer)s?\b").unwrap()
});

/// A team or company speaking, not a person: "the EventSphere product team".
static NO_PERSON: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\W*(?:the\s+)?(?:[\w-]+\s+){0,3}(?:team|company|organization|organisation|foundation|group|staff|department|community)\b\W*$|(?:团队|團隊|チーム|팀|公司|会社|회사|運営|运营)\W*$|^\W*(?:a|the)\s+(?:company\s+)?spokes(?:person|man|woman)\b").unwrap()
});

/// Someone with no name: "the first user", "a customer", "one beta tester".
static NO_NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\W*(?:the|a|an|one|our)\s+(?:[\w-]+\s+){0,3}(?:user|customer|tester|client|owner|member|manager|engineer|developer|person|host|nurse|parent|driver|pilot|participant|reviewer|adopter)s?\b").unwrap()
});

/// A job or a part someone plays, with no name: "Beta Tester", "Senior
/// Backend Engineer", "Early User". (Trades that are also surnames, such as
/// Baker, Driver or Mason, are left out: "Ana Baker" is a name.)
static ROLE_ONLY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\W*(?:[\w-]+\s+){0,3}(?:user|customer|tester|client|member|subscriber|engineer|developer|designer|analyst|architect|scientist|researcher|administrator|admin|manager|director|lead|officer|executive|founder|owner|consultant|specialist|coordinator|operator|contributor|maintainer|advocate|enthusiast|hobbyist|freelancer|student|teacher|nurse|parent|participant|reviewer|adopter|seeker|professional|practitioner|accountant|recruiter|marketer|entrepreneur|planner|organi[sz]er|host|ceo|cto|cfo|coo|vp)s?\W*$").unwrap()
});

/// A first name and an initial: "Alex M.", "Sarah K".
static FIRST_AND_INITIAL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\p{Lu}[\p{Ll}'’-]+\s+\p{Lu}\.?$").unwrap());

/// Inline code in a raw line: `<iframe>` there is code, not a placeholder.
static INLINE_CODE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"`[^`\n]*`").unwrap());

/// A quote found in the press release: where it is and who it is given to.
struct Quote<'p> {
    piece: &'p Piece<'p>,
    /// The quoted words.
    text: String,
    /// Where they start in the piece's text, when they are written there
    /// as they are (not for a blockquote's joined lines).
    at: usize,
    /// Who said it, as written ("Ana Ruiz, owner of …"), if anyone.
    attribution: Option<String>,
    /// What the raw lines of the quote and its attribution show (angle-
    /// bracket placeholders are dropped from the parsed text as HTML), read
    /// once for the quotes of one paragraph.
    raw: std::rc::Rc<Raw>,
    in_section: bool,
}

/// What the source lines of a quote show.
struct Raw {
    /// A placeholder where the speaker should be ("<NAME>", "[Customer]").
    placeholder: Option<String>,
    /// A word that names a speaker ("said", "according to").
    speaker_word: bool,
    /// A quotation mark.
    quote_mark: bool,
}

impl Raw {
    fn of(raw: &str) -> std::rc::Rc<Raw> {
        std::rc::Rc::new(Raw {
            placeholder: raw_placeholder(raw).map(|m| m.as_str().to_string()),
            speaker_word: SPEAKER_WORD.is_match(raw),
            quote_mark: QUOTE_MARK.is_match(raw),
        })
    }
}

/// "said Ana Ruiz, owner…", "— Ana Ruiz, owner…", "Ana Ruiz said": who a
/// quote is given to, from the words around it.
fn attribution_in(around: &str) -> Option<String> {
    static SAID: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^[\s,.;:]*(?:(?:said|says|explains|explained|adds|added|according to|recalls|recalled|notes|noted|writes|wrote)\s+(.{1,120})|(?:—|–|--|-|~)\s*(.{1,120}))").unwrap()
    });
    // "” Jenny, event manager, IGSC.": a name and a comma right after it.
    static BARE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^[\s,]*(\p{Lu}[\p{L}.'’-]+(?:\s+\p{Lu}[\p{L}.'’-]+){0,3}\s*,\s*.{1,100})")
            .unwrap()
    });
    // "…,"开发团队说。, 「…」と開発チームは語る: the speaker before the
    // verb of saying, in Chinese, Japanese and Korean.
    static SAID_CJK: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^[\s,，、」』]*(?:と|라고\s*|고\s*)?([^\s\x22“”「」。，,.!?！？]{1,24}?)\s*(?:说|說|表示|指出|は(?:語る|話す|言う|述べる|語った|話した|言った|述べた)|が(?:語る|話す|語った|話した)|(?:은|는|이|가)\s*(?:말했다|밝혔다|설명했다))").unwrap()
    });
    let around = around.trim_start_matches(['"', '“', '”', '*', '_', ' ']);
    if let Some(c) = SAID_CJK.captures(around) {
        return Some(c[1].to_string());
    }
    let who = match SAID.captures(around) {
        Some(c) => c.get(1).or_else(|| c.get(2))?.as_str(),
        None => BARE.captures(around)?.get(1)?.as_str(),
    };
    // Up to the end of the sentence: "said Ana Ruiz, owner of X. Next…";
    // "Mr." and "Inc." end nothing.
    let end = who
        .char_indices()
        .find(|&(i, ch)| {
            let word = who[..i].rsplit([' ', ',']).next().unwrap_or("");
            let abbreviation =
                ch == '.' && word.len() <= 3 && word.chars().next().is_some_and(char::is_uppercase);
            matches!(ch, '.' | '!' | '?' | '"' | '“' | '\n')
                && !abbreviation
                && who[past(who, i)..].starts_with([' ', '\n', '"', '“'])
        })
        .map_or(who.len(), |(i, _)| i);
    let who = who[..end].trim().trim_matches(['*', '_', ' ']);
    (!who.is_empty()).then(|| who.to_string())
}

/// The quotes of the press release: quoted speech of eight words or more in
/// its paragraphs, blockquotes, and the text of customer-quote sections.
fn quotes<'p>(doc: &'p Doc<'p>) -> Vec<Quote<'p>> {
    let mut out = Vec::new();
    // A customer-quote section is one wherever it stands, after the FAQ too.
    let pieces: Vec<&Piece> = doc
        .pieces
        .iter()
        .filter(|pc| {
            (pc.is_press_release() || pc.role == Role::CustomerQuote)
                && !doc.is_preamble(pc)
                && matches!(pc.kind, Kind::Block(_))
        })
        .collect();
    for (i, piece) in pieces.iter().enumerate() {
        let in_section = matches!(piece.role, Role::CustomerQuote);
        let raw_text = (piece.line..=piece.end_line)
            .map(|n| doc.line(n))
            .collect::<Vec<_>>()
            .join("\n");
        let raw = Raw::of(&raw_text);
        static NAME_LINE: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"^\W*\p{Lu}[\p{L}.'’-]+(?:\s+\p{Lu}[\p{L}.'’-]+){0,3}\s*,").unwrap()
        });
        let next = pieces.get(i + 1).filter(|n| {
            count_words(&n.text) <= 14
                && (n.text.trim_start().starts_with(['—', '–', '-', '~'])
                    || NAME_LINE.is_match(&n.text))
        });
        let text = piece.text.as_ref();
        match piece.kind {
            Kind::Block(BlockKind::Quote) => {
                // "> I have spent years…\n> - Albert from San Francisco"
                let mut lines: Vec<&str> = text.lines().collect();
                let mut attribution = None;
                if lines.len() > 1
                    && let Some(last) = lines.last()
                    && count_words(last) <= 10
                    && !last.trim_end().ends_with(['.', '!', '?', '"', '”'])
                {
                    attribution = Some(
                        last.trim_start_matches(['—', '–', '-', '~', ' '])
                            .to_string(),
                    );
                    lines.pop();
                }
                let body = lines.join(" ");
                if attribution.is_none() {
                    attribution = quoted_spans(&body)
                        .last()
                        .and_then(|&(_, e)| attribution_in(&body[e..]))
                        .or_else(|| next.and_then(|n| attribution_in(&n.text)));
                }
                if count_words(&body) >= 8 {
                    out.push(Quote {
                        piece,
                        text: body,
                        at: 0,
                        attribution,
                        raw: raw.clone(),
                        in_section,
                    });
                }
            }
            Kind::Block(BlockKind::Paragraph) => {
                if quoted_spans(text).is_empty() {
                    if in_section && count_words(text) >= 8 {
                        out.push(Quote {
                            piece,
                            text: text.to_string(),
                            at: 0,
                            attribution: next.and_then(|n| attribution_in(&n.text)),
                            raw,
                            in_section,
                        });
                    }
                    continue;
                }
                for (s, e, attribution) in speech(text, in_section, next) {
                    out.push(Quote {
                        piece,
                        text: text[s..e].to_string(),
                        at: s,
                        attribution,
                        raw: raw.clone(),
                        in_section,
                    });
                }
            }
            // "- "I got my evenings back." – Ana Ruiz, owner of…": speech in
            // list items, each item on its own.
            Kind::Block(BlockKind::List { .. }) => {
                let mut offset = 0;
                // The source lines, searched onwards from the last item's,
                // so a long list is read once.
                let raw_lines: Vec<&str> = raw_text.lines().collect();
                let mut cursor = 0;
                for item in text.split('\n') {
                    let start = offset;
                    offset += item.len() + 1;
                    let said = speech(item, in_section, None);
                    if said.is_empty() {
                        continue;
                    }
                    let opening: String = item
                        .split_whitespace()
                        .take(3)
                        .collect::<Vec<_>>()
                        .join(" ");
                    let found = raw_lines[cursor.min(raw_lines.len())..]
                        .iter()
                        .position(|l| !opening.is_empty() && l.contains(&opening));
                    let item_raw = Raw::of(match found {
                        Some(k) => {
                            cursor += k + 1;
                            raw_lines[cursor - 1]
                        }
                        None => item,
                    });
                    for (s, e, attribution) in said {
                        out.push(Quote {
                            piece,
                            text: item[s..e].to_string(),
                            at: start + s,
                            attribution,
                            raw: item_raw.clone(),
                            in_section,
                        });
                    }
                }
            }
            _ => {}
        }
    }
    out
}

/// The speech in one paragraph or list item: each quoted span long enough to
/// be speech, with who it is given to (byte range and attribution).
fn speech(
    text: &str,
    in_section: bool,
    next: Option<&&Piece>,
) -> Vec<(usize, usize, Option<String>)> {
    let mut out = Vec::new();
    let spans = quoted_spans(text);
    // Speech broken by its attribution ("It does it all," said X, "refunds
    // and reports.") is one quote.
    let total: usize = spans.iter().map(|&(s, e)| count_words(&text[s..e])).sum();
    let min = if in_section || total >= 8 { 1 } else { 8 };
    let mut taken = false;
    for (k, &(s, e)) in spans.iter().enumerate() {
        let words = &text[s..e];
        if count_words(words) < min || (taken && total >= 8 && count_words(words) < 8) {
            continue;
        }
        taken = true;
        // After the quote (up to the next one), or before it.
        let upto = spans.get(k + 1).map_or(text.len(), |n| n.0);
        let after = &text[past(text, e).min(upto)..upto];
        let before = &text[..s];
        let attribution = attribution_in(after)
            .or_else(|| attribution_before(before))
            .or_else(|| {
                // "…," said X. "More words." — the quote goes on.
                spans[..k]
                    .iter()
                    .rev()
                    .find_map(|&(_, pe)| attribution_in(&text[past(text, pe).min(s)..s]))
            })
            .or_else(|| {
                (k + 1 == spans.len())
                    .then(|| next.and_then(|n| attribution_in(&n.text)))
                    .flatten()
            });
        out.push((s, e, attribution));
    }
    out
}

/// The byte after the character at `i`.
fn past(text: &str, i: usize) -> usize {
    i + text[i..].chars().next().map_or(0, char::len_utf8)
}

/// "Ana Ruiz, owner of Ruiz Tax, said:" before a quote.
fn attribution_before(before: &str) -> Option<String> {
    static BEFORE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)(?:^|[.!?]\s+)((?:[^.!?]|\b\p{Lu}\.){2,100}?)\s+(?:said|says|explains|explained|adds|added|recalls|wrote|writes|notes|noted|comments|commented|shares|shared|remarks|remarked|put\s+it(?:\s+\w+)?)\s*[:,]?\s*$").unwrap()
    });
    BEFORE
        .captures(before.trim_end_matches(['"', '“', ' ']))
        .map(|c| c[1].trim().to_string())
}

/// Byte ranges (start, end) of the words between quotation marks.
fn quoted_spans(text: &str) -> Vec<(usize, usize)> {
    quoted(text)
        .into_iter()
        .map(|(a, b)| {
            let start = a + text[a..].chars().next().map_or(1, char::len_utf8);
            (start.min(b), b)
        })
        .collect()
}

/// Why an attribution does not give the quote to a real person.
fn fake_attribution(who: &str, raw: &Raw, title: &str) -> Option<String> {
    if let Some(m) = PLACEHOLDER_NAME
        .find(who)
        .map(|m| m.as_str().to_string())
        .or_else(|| raw.placeholder.clone())
        .or_else(|| bracketed(who))
    {
        return Some(format!("a placeholder, '{m}'"));
    }
    if NO_PERSON.is_match(who) {
        return Some(format!("a team, not a person: '{who}'"));
    }
    // "the Head of Product at CartSafe", "a beta tester in Ohio": a
    // speaker introduced by an article has no name.
    static UNNAMED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^\W*(?:the|a|an|our|one|its)\s+(?:[\w-]+\s+){0,3}(?:head|director|vp|chief|president|officer|lead|manager|founder|co-founder|ceo|cto|cpo|spokesperson|engineer|developer|designer|owner|customer|user)s?\b").unwrap()
    });
    if NO_NAME.is_match(who) || ROLE_ONLY.is_match(who) || UNNAMED.is_match(who) {
        return Some(format!("no one by name: '{who}'"));
    }
    // "Jenny, event manager", "Albert from San Francisco": a first name only.
    let name = who
        .split([','])
        .next()
        .unwrap_or(who)
        .split(" from ")
        .next()
        .unwrap_or(who)
        .split(" at ")
        .next()
        .unwrap_or(who)
        .trim();
    let capitals: Vec<&str> = name
        .split_whitespace()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .collect();
    let words = name.split_whitespace().count();
    // "Marcus, a player who joined after finding the site": a situation
    // makes them someone; "Leonard, founder of LinkUp" in LinkUp's own
    // release is its maker, not a customer made up.
    if words == 1
        && capitals.len() == 1
        && !matches!(
            capitals[0].trim_end_matches('.'),
            "Dr" | "Mr" | "Mrs" | "Ms"
        )
        && (who.contains(',') || who.contains(" from ") || who.contains(" at "))
        && !situated(who)
        && !maker_of(who, title)
    {
        return Some(format!("a first name only: '{who}'"));
    }
    // "Sarah K., beta participant, Beverly Hills, CA", "Sarah M., a cat
    // owner who tested an early version": the initial keeps a real
    // person's privacy, and the place or situation makes them someone;
    // the quote is judged by what it says.
    if FIRST_AND_INITIAL.is_match(name)
        && (who.contains(',') || who.contains(" from ") || who.contains(" at "))
        && !situated(who)
    {
        return Some(format!("a first name and an initial only: '{who}'"));
    }
    None
}

/// Is the speaker the product's maker: a maker's role with no company, or
/// with the product's own name ("Aashik, creator", "Ifuensan, project
/// lead", "Leonard, founder of LinkUp" in LinkUp's release)?
fn maker_of(who: &str, title: &str) -> bool {
    static MAKER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\b(?:(?:co-?)?founder|creator|maker|maintainer|author|builder|project\s+lead|lead\s+developer)\b").unwrap()
    });
    static ORG: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?i)\b(?:of|at)\s+(?:the\s+)?([\w.-]+)").unwrap());
    if !MAKER.is_match(who) {
        return false;
    }
    match ORG.captures(who) {
        None => true,
        Some(c) => {
            let org = c[1].trim_end_matches('.').to_lowercase();
            title
                .split(|ch: char| !ch.is_alphanumeric() && ch != '-')
                .any(|t| !t.is_empty() && t.to_lowercase() == org)
        }
    }
}

/// Does an attribution place its speaker: a town and state ("Beverly
/// Hills, CA"), or what they did ("who tested an early version")?
fn situated(who: &str) -> bool {
    static SITUATED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r",\s*\p{Lu}[\p{Ll}.]+(?:\s+\p{Lu}[\p{Ll}.]+)*,\s*\p{Lu}{2}\b|\b(?:who|whose|since)\s+\w+").unwrap()
    });
    SITUATED.is_match(who)
}

/// A name with at most a job and nothing that places the speaker: no
/// organisation, no town, no situation ("Sarah Chen, Senior Backend
/// Engineer", "Veliko Markov"), against "Ana Ruiz, owner of Ruiz Hardware"
/// or "Dr. Ana Ruiz, Ruiz Dental".
fn unplaced(who: &str) -> bool {
    static PLACING: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\b(?:at|of|from|in|for|with|on|who|whose|since)\b|\d").unwrap()
    });
    if PLACING.is_match(who) {
        return false;
    }
    let mut parts = who.split(',').map(str::trim).filter(|p| !p.is_empty());
    parts.next();
    parts.all(|p| ROLE_ONLY.is_match(p))
}

/// A placeholder in the raw lines (`<name>`, `[NAME, TITLE]`), where
/// Markdown would drop it as HTML; inline code is not one.
fn raw_placeholder(raw: &str) -> Option<regex::Match<'_>> {
    let code: Vec<(usize, usize)> = INLINE_CODE
        .find_iter(raw)
        .map(|m| (m.start(), m.end()))
        .collect();
    PLACEHOLDER_NAME.find_iter(raw).find(|m| {
        m.as_str().starts_with(['<', '['])
            && !code.iter().any(|&(s, e)| s <= m.start() && m.end() <= e)
    })
}

/// An attribution written as a slot to fill: "[Lead Engineer, mid-size
/// SaaS]". A name is never in square brackets.
fn bracketed(who: &str) -> Option<String> {
    let t = who.trim_matches(|c: char| c.is_whitespace() || matches!(c, '*' | '_' | '.'));
    (t.starts_with('[') && t.ends_with(']') && t.len() > 2).then(|| t.to_string())
}

pub(crate) fn customer_quote_sounds_fake(doc: &Doc) -> Vec<Hit> {
    let mut out = Vec::new();
    let headline: Vec<String> = doc
        .with_role(Role::Headline)
        .find(|pc| pc.kind == Kind::Heading)
        .map(|pc| content_words(&pc.text))
        .unwrap_or_default();
    let hint = "let a named customer say what they did before, what changed, and what it \
                meant to them, in their own words: '…,' said Ana Ruiz, owner of a \
                three-chair salon in Tacoma";
    for s in doc
        .p
        .body
        .sections
        .iter()
        .filter(|s| s.role == Role::CustomerQuote && !s.in_faq)
    {
        if s.text().trim().is_empty() {
            out.push(
                Hit::new(
                    doc.section_pos(s),
                    "the customer quote is empty".to_string(),
                    "quote a customer in a real situation: who they are, what they did before, what changed",
                )
                .about(format!("the customer quote '{}'", s.heading)),
            );
        }
    }
    let found = quotes(doc);
    // Beside the company's leaders, the one other named speaker is the
    // customer: "said the CEO of Acme" first, then "noted Kari Hough, head
    // of credentialing at Molina".
    let leader = |q: &Quote| q.attribution.as_deref().is_some_and(|w| LEADER.is_match(w));
    let voices: Vec<usize> = found
        .iter()
        .enumerate()
        .filter(|(_, q)| {
            q.attribution
                .as_deref()
                .is_some_and(|w| !SELF_QUOTE.is_match(w))
                && !leader(q)
        })
        .map(|(i, _)| i)
        .collect();
    let customer_voice = match voices.as_slice() {
        [one] if found.iter().any(leader) => Some(*one),
        _ => None,
    };
    // The release's only quote stands for its customer's voice.
    let only = found
        .iter()
        .filter(|q| {
            !q.attribution
                .as_deref()
                .is_some_and(|w| SELF_QUOTE.is_match(w))
        })
        .count()
        == 1;
    let others_speak = found.iter().any(|q| {
        q.in_section
            || q.attribution
                .as_deref()
                .is_some_and(|w| !SELF_QUOTE.is_match(w))
    });
    // A quote split by its attribution ("…," said the author. "…") is one
    // quote: its second half repeats nothing new.
    let mut said: Vec<(usize, String)> = Vec::new();
    let mut pending: Option<(usize, usize)> = None;
    for (i, mut q) in found.into_iter().enumerate() {
        settle(&mut out, &mut said, pending.take());
        // A document with this many unconvincing quotes has been told.
        if out.len() >= MAX_QUOTE_FINDINGS {
            break;
        }
        pending = Some((out.len(), q.piece.line));
        if q.attribution.is_none() && q.in_section {
            // "said Jane Doe" or "— Jane Doe" anywhere in the quote section.
            let section = doc
                .p
                .body
                .sections
                .iter()
                .find(|s| {
                    s.role == Role::CustomerQuote
                        && s.line <= q.piece.line
                        && q.piece.line <= s.end_line
                })
                .map(|s| s.text())
                .unwrap_or_default();
            q.attribution = ATTRIBUTION.find(&section).map(|m| {
                let t = m.as_str();
                let t = t
                    .trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '—' | '–' | '-'))
                    .trim_start_matches("said ")
                    .trim_start_matches("says ");
                t.to_string()
            });
        }
        let text = q.piece.text.as_ref();
        // Located only when reported: a paragraph of a thousand quotes
        // would be searched a thousand times.
        let pos = || {
            if text.get(q.at..).is_some_and(|t| t.starts_with(&q.text)) {
                let first = q.text.split_whitespace().next().unwrap_or("");
                let at = q.at + q.text.find(first).unwrap_or(0);
                doc.locate_match(q.piece, at, first.len())
            } else {
                doc.locate(q.piece, q.text.split_whitespace().next().unwrap_or(""), 0)
            }
        };
        let opening: String = q
            .text
            .split_whitespace()
            .take(6)
            .collect::<Vec<_>>()
            .join(" ");
        let subject = format!("the quote '{opening}…'");
        // A quote not yet written: "…insert another quote here…".
        if QUOTE_TO_WRITE.is_match(&q.text) {
            out.push(
                Hit::new(
                    pos(),
                    format!(
                        "the quote in {} is a placeholder: '{}'",
                        q.piece.place(),
                        q.text.trim()
                    ),
                    hint,
                )
                .about(subject),
            );
            continue;
        }
        match &q.attribution {
            // The maker quoting themself, unnamed, where no one else speaks:
            // the release has no customer voice and its one voice no name.
            Some(who) if SELF_QUOTE.is_match(who) && !others_speak => {
                out.push(
                    Hit::new(
                        pos(),
                        format!(
                            "the only quote in the release is its maker's, with no name: '{}'",
                            who.trim_end_matches(['.', ',', ';', ' '])
                        ),
                        hint,
                    )
                    .about(subject),
                );
                continue;
            }
            Some(who) if SELF_QUOTE.is_match(who) => continue,
            Some(who) => {
                // However concrete the quote, a speaker with no full name (a
                // role, a first name and a job) is one the reader cannot
                // find: the issue's reviewer calls these fakes.
                if let Some(why) = fake_attribution(who, &q.raw, &doc.p.title) {
                    out.push(
                        Hit::new(
                            pos(),
                            format!("the quote in {} is attributed to {why}", q.piece.place()),
                            hint,
                        )
                        .about(subject),
                    );
                    continue;
                }
            }
            None if q.in_section => {
                let reasons = marketing(&q.text, &headline);
                let mut message = "the customer quote names no one".to_string();
                if !reasons.is_empty() {
                    message.push_str(&format!(
                        "; it reads like marketing copy: {}",
                        reasons.join(", ")
                    ));
                }
                out.push(Hit::new(pos(), message, hint).about(subject));
                continue;
            }
            None => {
                // Quoted words with no speaker outside a quote section: a
                // phrase, an example, a UI label; but a placeholder where the
                // speaker should be is still one.
                if let Some(m) = &q.raw.placeholder {
                    out.push(
                        Hit::new(
                            pos(),
                            format!(
                                "the quote in {} is attributed to a placeholder, '{}'",
                                q.piece.place(),
                                m.as_str()
                            ),
                            hint,
                        )
                        .about(subject),
                    );
                } else if testimony(&q.text) && !q.raw.speaker_word && q.raw.quote_mark {
                    // Someone speaking ("I used to…", "we finally…") in
                    // sentences of their own, and no one named as saying it.
                    out.push(
                        Hit::new(
                            pos(),
                            format!("the quote in {} names no one", q.piece.place()),
                            hint,
                        )
                        .about(subject),
                    );
                }
                continue;
            }
        }
        // A named speaker: a customer quote must still sound like one.
        if q.in_section || only || customer_voice == Some(i) {
            let mut reasons = marketing(&q.text, &headline);
            if let Some(who) = q.attribution.as_deref().filter(|w| unplaced(w)) {
                reasons.push(format!("'{who}' has no organisation or place"));
            }
            if reasons.len() >= 2 {
                out.push(
                    Hit::new(
                        pos(),
                        format!(
                            "the customer quote reads like marketing copy: {}",
                            reasons.join(", ")
                        ),
                        hint,
                    )
                    .about(subject),
                );
            }
        }
    }
    settle(&mut out, &mut said, pending);
    out
}

/// The most quotes `customer-quote-sounds-fake` reports in one document.
const MAX_QUOTE_FINDINGS: usize = 50;

/// Drops the hit `pending` added (at that index, for the paragraph at that
/// line) when the same paragraph already has the same finding.
fn settle(out: &mut Vec<Hit>, said: &mut Vec<(usize, String)>, pending: Option<(usize, usize)>) {
    let Some((index, line)) = pending else {
        return;
    };
    let Some(hit) = out.get(index) else {
        return;
    };
    let key = (line, hit.message.clone());
    if said.contains(&key) {
        out.truncate(index);
    } else {
        said.push(key);
    }
}

/// Words that name a speaker, even where wb could not read who: "Moody
/// said", "according to".
static SPEAKER_WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:said|says|saying|according to|told|explains?|explained|adds|added|notes|noted|recalls|recalled)\b").unwrap()
});

/// Quotation marks: a blockquote without them is an excerpt, not speech.
static QUOTE_MARK: LazyLock<Regex> = LazyLock::new(|| Regex::new(r#"["“”«»「」]"#).unwrap());

/// Is a quoted passage someone's testimony: a dozen words or more, in the
/// first person, ending as a sentence ends? A label, a phrase or a
/// command in quotation marks is none.
fn testimony(quote: &str) -> bool {
    static FIRST_PERSON: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\b(?:I|I'm|I've|I'd|my|me|we|we're|we've|our|us)\b").unwrap()
    });
    let q = quote.trim();
    let end = q.trim_end_matches(['"', '”', '\'', '’', '*', '_', ' ']);
    // A quote that ends by asking ("Who is the human at this keyboard?",
    // "Do I take him now, or save the pick?") is what someone asks, the
    // question the product answers, not an account of what changed.
    count_words(q) >= 12 && FIRST_PERSON.is_match(q) && end.ends_with(['.', '!'])
}

/// Words that hold a quote's place until it is written.
static QUOTE_TO_WRITE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\binsert (?:a |an |another |the )?(?:\w+ )?quote\b|\bquote (?:goes )?here\b")
        .unwrap()
});

/// Why a quote reads like marketing copy: hyperbole or sales talk, a
/// feature list, no situation or before and after, the headline repeated.
fn marketing(quote: &str, headline: &[String]) -> Vec<String> {
    let mut reasons: Vec<String> = Vec::new();
    let sales = HYPERBOLE
        .find(quote)
        .or_else(|| BEST_EVER.captures(quote).and_then(|c| c.get(1)))
        .or_else(|| SALES_TALK.find(quote));
    if let Some(m) = sales {
        reasons.push(format!("'{}'", m.as_str()));
    }
    if FEATURE_LIST.is_match(quote) {
        reasons.push("a feature list".to_string());
    }
    if !NUMBER.is_match(quote) && !SITUATION.is_match(quote) {
        reasons.push("no situation or before and after".to_string());
    }
    let quote_words = content_words(quote);
    let repeated = headline.iter().filter(|w| quote_words.contains(w)).count();
    if headline.len() >= 4 && repeated * 4 >= headline.len() * 3 {
        reasons.push("it repeats the headline".to_string());
    }
    reasons
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

    #[test]
    fn both_groups_alike_any_size_and_the_whole_world_are_everybody() {
        for (summary, phrase) in [
            (
                "Refundly is for buyers and sellers alike.",
                "buyers and sellers alike",
            ),
            (
                "Refundly serves businesses of all sizes.",
                "businesses of all sizes",
            ),
            (
                "Refundly opens to customers worldwide.",
                "customers worldwide",
            ),
            ("Refundly works for any seeker of a refund.", "any seeker"),
        ] {
            let m = vague(summary);
            assert_eq!(
                m,
                vec![format!(
                    "'{phrase}' in the summary: the customer is everybody, so nobody in particular"
                )],
                "{summary}"
            );
        }
    }

    fn vague(summary: &str) -> Vec<String> {
        let text =
            format!("# Ledgers balance themselves\n\nSEATTLE, March 15, 2027 -- {summary}\n");
        rules_of(&check_text(&text), "vague-customer-definition")
    }

    #[test]
    fn a_headline_promised_to_everybody_is_vague_whatever_the_body_narrows() {
        let text = "# Ledgerly brings balanced books to every developer\n\nSEATTLE, March 15, 2027 -- Ledgerly lets market stall owners who count cash by hand close the day in ten minutes.\n";
        let m = rules_of(&check_text(text), "vague-customer-definition");
        assert_eq!(
            m,
            vec![
                "'every developer' in the headline: the customer is everybody, so nobody in particular"
            ]
        );
        // The same body under a headline for its segment is specific.
        let text = text.replace("to every developer", "to market stalls");
        assert!(rules_of(&check_text(&text), "vague-customer-definition").is_empty());
    }

    #[test]
    fn anyone_the_product_guards_against_is_no_customer() {
        for summary in [
            "Ledgerly seals the day's takings, where today anyone with the link can rewrite the totals.",
            "Ledgerlyは現金を数える屋台の店主のための帳簿です。今は誰でも書き換えられる。",
        ] {
            assert!(vague(summary).is_empty(), "{summary}: {:?}", vague(summary));
        }
        assert_eq!(vague("Ledgerly is for anyone who keeps accounts.").len(), 1);
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
            // Whoever uses a medium is its "users".
            (
                "Pagely gives readers a fresh story every night.",
                "'readers'",
            ),
            // Whoever loves a thing, all of them.
            (
                "For all the beer lovers, Pagely lists every beer in town.",
                "'all the beer lovers'",
            ),
            // What an audience likes is no situation.
            (
                "Basketball fans can now see how two players are linked.",
                "'Basketball fans'",
            ),
            // The phrase ends at its noun.
            (
                "Pagely lets every football fan play the match.",
                "'every football fan' in",
            ),
            // Anyone as the one the product lets do something.
            (
                "Ledgerly lets anyone turn receipts into accounts.",
                "'anyone'",
            ),
            (
                "Ledgerly gives large enterprises a clean table.",
                "'large enterprises'",
            ),
            (
                "It is designed for teams of all sizes.",
                "'teams of all sizes'",
            ),
            (
                "Any team that runs payroll can start today.",
                "'Any team' in",
            ),
            // A taste or a wish is no situation to find anyone in.
            (
                "Ledgerly is for people who enjoy keeping accounts together.",
                "'people'",
            ),
            (
                "Ledgerly is built for people wanting to balance their books.",
                "'people'",
            ),
            // Everybody in the document's own language.
            ("Ledgerlyは誰でも使える帳簿です。", "'誰でも'"),
            ("Ledgerly ist für alle Nutzer gedacht.", "'alle Nutzer'"),
            ("Ledgerly는 누구나 쓸 수 있다.", "'누구나'"),
        ] {
            let m = vague(summary);
            assert!(!m.is_empty(), "{summary}: no finding");
            assert!(m[0].starts_with(phrase), "{summary}: {m:?}");
        }
    }

    #[test]
    fn a_category_only_in_the_body_of_the_release_is_no_definition() {
        let body = "# Ledgers balance themselves\n\nSEATTLE, March 15, 2027 -- Ledgerly closes the books a week sooner.\n\n## Exports\n\nThe month ends on the 3rd now. Users can also export the ledger.\n";
        assert!(
            rules_of(&check_text(body), "vague-customer-definition").is_empty(),
            "{:?}",
            rules_of(&check_text(body), "vague-customer-definition")
        );
        // In the opening it is the release's customer.
        let opening = "# Ledgers balance themselves\n\nSEATTLE, March 15, 2027 -- Ledgerly lets users close the books a week sooner.\n";
        assert_eq!(
            rules_of(&check_text(opening), "vague-customer-definition").len(),
            1
        );
        // Everybody counts wherever it is said.
        let everybody = body.replace("Users can also", "Anyone can");
        assert_eq!(
            rules_of(&check_text(&everybody), "vague-customer-definition").len(),
            1
        );
        // So does a group everywhere: "developers worldwide".
        let worldwide = body.replace(
            "Users can also export the ledger.",
            "It is free, so it reaches developers worldwide.",
        );
        assert_eq!(
            rules_of(&check_text(&worldwide), "vague-customer-definition"),
            vec![
                "'developers worldwide' in the press release: the customer is everybody, so nobody in particular"
            ]
        );
    }

    #[test]
    fn a_verb_or_a_list_ending_like_a_job_names_no_one() {
        // "coexist" and "wishlist" end like "scientist" but name no one.
        for summary in [
            "Now developers can ship on one machine. Ledgerly lets applications coexist there.",
            "Now developers can ship on one machine. Ledgerly helps each wishlist stay short.",
        ] {
            let m = vague(summary);
            assert_eq!(m.len(), 1, "{summary}: {m:?}");
            assert!(m[0].starts_with("'developers'"), "{summary}: {m:?}");
        }
    }

    #[test]
    fn a_person_word_that_modifies_a_thing_names_no_one() {
        // "new agent backends" and "user data" are things: they do not
        // make the release's customer specific beside a category.
        let text = "# Ledgers balance themselves\n\nSEATTLE, March 15, 2027 -- Ledgerly lets users close the books a week sooner, and it keeps user data local.\n\n## Open\n\nIt adds support for new agent backends with a single adapter.\n";
        assert_eq!(
            rules_of(&check_text(text), "vague-customer-definition")
                .iter()
                .map(|m| m.split(' ').next().unwrap_or(""))
                .collect::<Vec<_>>(),
            vec!["'users'"]
        );
    }

    #[test]
    fn a_segment_you_could_interview_is_not_vague() {
        for summary in [
            "Ledgerly gives bookkeepers who close the books for five to twenty restaurants one reconciled ledger.",
            "People who run a bakery alone can close the month in an evening.",
            "It alerts short-term rental hosts before a guest arrives.",
            // A field before the category word: a role, not a category.
            "Ledgerly gives data scientists and analysts a clean table.",
            "Ledgerly is built for cloud platform teams.",
            "Ledgerly is aimed squarely at the owner who keeps the books herself, though developers like it too.",
            // A thing after "for" names no one: no finding either way.
            "Ledgerly is free for personal use.",
        ] {
            assert!(vague(summary).is_empty(), "{summary}: {:?}", vague(summary));
        }
    }

    #[test]
    fn a_group_word_with_a_size_a_move_or_a_clause_is_a_segment() {
        for summary in [
            "Ledgerly is for finance teams moving their books from spreadsheets to a shared ledger.",
            "It is built for platform teams at companies with 50-500 engineers.",
            "Ledgerly is made for 3-person bookkeeping firms.",
        ] {
            assert!(vague(summary).is_empty(), "{summary}: {:?}", vague(summary));
        }
        for (summary, phrase) in [
            // Their everyday work is no situation.
            (
                "Ledgerly is for teams building finance software.",
                "'teams'",
            ),
            // A list with nothing that narrows it.
            (
                "Ledgerly is built for developers, analysts, and small teams.",
                "'developers, analysts, and small teams'",
            ),
        ] {
            let m = vague(summary);
            assert!(!m.is_empty(), "{summary}: no finding");
            assert!(m[0].starts_with(phrase), "{summary}: {m:?}");
        }
    }

    #[test]
    fn one_group_an_apposition_or_a_products_users_are_not_everybody() {
        for summary in [
            "Ledgerly is a ledger built for one specific community, your family's small farm.",
            "Ledgerly is made for one person: the owner who keeps the books herself.",
            "Ledgerly is available today for all Tillpoint POS customers at no extra cost.",
            // The quantifier counts the entries, not the person after them.
            "The game is a puzzle for our citizens; each move the player makes can end up changing the map.",
        ] {
            assert!(vague(summary).is_empty(), "{summary}: {:?}", vague(summary));
        }
        // "of" carries the quantifier over to its noun.
        assert!(!vague("Ledgerly is built for any of the users who keep books.").is_empty());
        // An apposition that is itself a category still is one.
        let m = vague("Ledgerly is built for a big audience, their developers.");
        assert!(!m.is_empty(), "no finding");
        assert!(
            vague("Ledgerly is available today for all customers.")[0]
                .starts_with("'all customers"),
            "{:?}",
            vague("Ledgerly is available today for all customers.")
        );
    }

    #[test]
    fn one_segment_among_many_generic_words_is_drowned_out() {
        let m = vague(
            "Ledgerly lets users close their books. Users share ledgers with teams, and organizations \
             keep one record. Bookkeepers who close the books for five restaurants like it too.",
        );
        assert!(m.iter().any(|m| m.starts_with("'users'")), "{m:?}");
        // The segment named as often as the generic words stands.
        assert!(
            vague(
                "Bookkeepers who close the books for five restaurants get one ledger. Users share \
                 it, and bookkeepers who close the books for bakeries use it too."
            )
            .is_empty()
        );
    }

    #[test]
    fn three_groups_at_once_are_no_segment() {
        for summary in [
            "Ledgerly balances the books for landlords, agents, and tenants across Australia.",
            "Ledgerly is for startups, solo founders, and small teams who close the books by hand.",
            "Ledgerly is for developers, designers, and anyone who already keeps a ledger.",
            // However narrowed the last group, three are no one segment.
            "Ledgerly is built for developers, analysts, and small teams who close the month for restaurants.",
        ] {
            let m = vague(summary);
            assert_eq!(m.len(), 1, "{summary}: {m:?}");
            assert!(m[0].contains("several groups at once"), "{m:?}");
        }
        // Two groups, or one group and its situation, are a segment.
        assert!(
            vague("Ledgerly is for landlords and letting agents who balance rent by hand.")
                .is_empty()
        );
        assert!(
            vague("Ledgerly is for landlords with three flats, who balance rent by hand.")
                .is_empty()
        );
    }

    #[test]
    fn ai_agents_are_software_not_a_segment() {
        let m = vague("Gatekeep lets AI agents act safely. It is built for developers.");
        assert!(m.iter().any(|m| m.starts_with("'developers")), "{m:?}");
    }

    #[test]
    fn quotes_and_the_faq_answer() {
        // Speech does not define the customer.
        assert!(
            vague("\"Developers loved it,\" said Ana Ruiz, owner of Ruiz Tax in Tacoma.")
                .is_empty()
        );
        // A release that names no one: the FAQ's "Who is it for?" decides.
        let text = "# Ledgers balance themselves\n\nSEATTLE, March 15, 2027 -- Ledgerly balances ledgers.\n\n## FAQ\n\n### Who is it for?\n\nLedgerly is designed for:\n\n- Large teams – a clean close\n- Developers – an API\n";
        let m = rules_of(&check_text(text), "vague-customer-definition");
        assert_eq!(m.len(), 2, "{m:?}");
        assert!(
            m.iter().any(|m| m.starts_with("'Large teams' in the FAQ")),
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
            "\"It does it all,\" said Ana Ruiz, owner of Ruiz Hardware, \"instant refunds, receipts, reminders and reports.\"",
        );
        assert_eq!(m.len(), 1, "{m:?}");
    }

    #[test]
    fn quotes() {
        assert_eq!(
            quote("\"I can finally sleep,\" said an engineer at a customer.").len(),
            1
        );
        let m =
            quote("\"This revolutionary tool is amazing,\" said Ana Ruiz, owner of Ruiz Hardware.");
        assert_eq!(m.len(), 1, "{m:?}");
        assert!(m[0].contains("'revolutionary'"), "{m:?}");
        let m = quote(
            "\"Now shops refund a customer in two minutes,\" said Ana Ruiz, owner of Ruiz Hardware.",
        );
        assert!(m.is_empty(), "{m:?}");
        let m = quote(
            "\"I used to spend Sunday on refunds. Last month I did them from the till in a minute each,\" said Ana Ruiz, owner of Ruiz Hardware in Tacoma.",
        );
        assert!(m.is_empty(), "{m:?}");
        assert_eq!(quote(""), vec!["the customer quote is empty"]);
    }

    /// A release with the quote in its text, as most real ones are written.
    fn release(q: &str) -> Vec<String> {
        let text = format!(
            "# Shops refund a customer in two minutes\n\nSEATTLE, March 15, 2027 -- Refundly opened to shops.\n\n{q}\n"
        );
        rules_of(&check_text(&text), "customer-quote-sounds-fake")
    }

    const SPEECH: &str =
        "\"I used to spend every Sunday on refunds; last month I did each one at the till\"";

    #[test]
    fn speakers_named_after_the_quote_in_chinese_and_japanese() {
        let m = release(
            "“我们做这个，是因为现有的退款工具只有英文版本，店主每天都要多花一个小时，”开发团队说。",
        );
        assert!(
            m.len() == 1 && m[0].contains("a team, not a person: '开发团队'"),
            "{m:?}"
        );
        let m = release(
            "“返金のたびに銀行へ電話していた店主が、レジの前で二分で終わるようになった”と開発チームは語る。",
        );
        assert!(
            m.len() == 1 && m[0].contains("a team, not a person: '開発チーム'"),
            "{m:?}"
        );
    }

    #[test]
    fn the_maker_s_founder_by_first_name_is_the_maker() {
        let text = format!(
            "# Tillsoft: shops refund a customer in two minutes\n\nSEATTLE, March 15, 2027 -- Tillsoft opened to shops.\n\n{SPEECH}, said Ana, founder of Tillsoft.\n"
        );
        assert!(rules_of(&check_text(&text), "customer-quote-sounds-fake").is_empty());
    }

    #[test]
    fn a_quote_split_by_its_attribution_is_reported_once() {
        let m = release(&format!(
            "{SPEECH}, said the author. \"Refundly is the third way: refund at the till, print the receipt, skip the post office.\""
        ));
        assert_eq!(
            m,
            vec!["the only quote in the release is its maker's, with no name: 'the author'"]
        );
    }

    #[test]
    fn placeholder_and_stock_attributions_are_fake() {
        for (who, why) in [
            (" said [NAME, TITLE].", "a placeholder, '[NAME, TITLE]'"),
            (" - John Doe, ACME Corp.", "a placeholder, 'John Doe'"),
            (" - Mr. CTO, ACME Corp.", "a placeholder, 'Mr. CTO'"),
            (" said the Refundly product team.", "a team, not a person"),
            (" said the first user.", "no one by name"),
            (
                " said the Head of Product at Refundly.",
                "no one by name: 'the Head of Product at Refundly",
            ),
            // The maker, unnamed, as the release's only voice.
            (
                ", said the author.",
                "the only quote in the release is its maker's, with no name: 'the author'",
            ),
            (" Jenny, shop manager, Tacoma.", "a first name only"),
            (" - Albert from San Francisco", "a first name only"),
            // Names that say they stand in for one.
            (
                " — Jordan Placeholder, VP of Operations",
                "a placeholder, 'Placeholder'",
            ),
            (
                " — Alex Exampleson, refund clerk",
                "a placeholder, 'Exampleson'",
            ),
        ] {
            let m = release(&format!("{SPEECH}{who}"));
            assert_eq!(m.len(), 1, "{who}: {m:?}");
            assert!(m[0].contains(why), "{who}: {m:?}");
        }
        // A quote not yet written.
        let m = release(
            "> Insert a customer quote here about the Sunday the shop got back.\n> - Ana Ruiz, owner of Ruiz Hardware in Tacoma",
        );
        assert_eq!(m.len(), 1, "{m:?}");
        assert!(
            m[0].contains("is a placeholder: 'Insert a customer quote here"),
            "{m:?}"
        );
        // "<name>" is HTML to Markdown: the raw line still shows it.
        let m = release(&format!("{SPEECH}\n— <name>, Owner, <shop name>"));
        assert!(m[0].contains("a placeholder, '<name>'"), "{m:?}");
        // A blockquote with its attribution as a last line.
        let m = release(
            "> I used to spend every Sunday on refunds and last month I did each one at the till.\n> - Albert from San Francisco",
        );
        assert!(m[0].contains("a first name only"), "{m:?}");
    }

    #[test]
    fn testimony_with_no_speaker_names_no_one() {
        let said =
            "\"I used to spend every Sunday on refunds. Last month I did each one at the till.\"";
        let m = release(said);
        assert_eq!(m, vec!["the quote in the summary names no one".to_string()]);
        for q in [
            // A speaker wb cannot read is still a speaker.
            format!("{said} Ruiz said."),
            // A label or a phrase is not testimony.
            "Shops press \"Refund now\" and the till does the rest for them today.".to_string(),
            // A blockquote with no quotation marks is an excerpt.
            "> We are proud to serve the shops of our city, and we will keep the till open for every one of them.".to_string(),
        ] {
            assert!(release(&q).is_empty(), "{q}: {:?}", release(&q));
        }
    }

    #[test]
    fn real_people_the_author_and_no_quote_at_all_are_not_fake() {
        for q in [
            format!("{SPEECH}, said Ana Ruiz, owner of Ruiz Hardware in Tacoma."),
            format!("{SPEECH} — Dr. Ana Ruiz, Ruiz Dental"),
            format!("{SPEECH}\n\n_Ana Ruiz, owner of Ruiz Hardware_"),
            // The author on their own motive, beside a named customer, is
            // no customer quote to judge.
            format!(
                "\"We built it for our own shop,\" said the author. {SPEECH}, said Ana Ruiz, owner of Ruiz Hardware in Tacoma."
            ),
            // No quote at all is not a fake quote.
            "Shops refund while the customer waits at the till.".to_string(),
            // A short quoted phrase is not speech.
            "Shops search for \"refund\" and find the order.".to_string(),
            // The speaker named before the quote, an initial in the name.
            "Early customer Ana R. put it simply: \"I used to spend every Sunday on refunds. Last month I did each one at the till.\"".to_string(),
            // A question quoted is what someone asks, not what changed.
            "It answers the question we hear at every till: \"Why do we still send a refund by post when the customer is standing right here?\"".to_string(),
            // A first name in a situation is someone.
            format!("{SPEECH}, said Ana, a florist who switched after her second lost refund."),
            // The maker by first name and role is the maker.
            format!("{SPEECH}, said Ana, creator."),
        ] {
            assert!(release(&q).is_empty(), "{q}: {:?}", release(&q));
        }
    }

    #[test]
    fn roles_initials_and_slots_to_fill_are_no_attribution() {
        for (who, why) in [
            (" – Early Adopter", "no one by name: 'Early Adopter'"),
            (" — Senior Backend Engineer", "no one by name"),
            (
                " - Priya S., Payroll Clerk",
                "a first name and an initial only",
            ),
            (
                "\n— [Head of Finance, regional grocer]",
                "a placeholder, '[Head of Finance, regional grocer]'",
            ),
        ] {
            let m = release(&format!("{SPEECH}{who}"));
            assert_eq!(m.len(), 1, "{who}: {m:?}");
            assert!(m[0].contains(why), "{who}: {m:?}");
        }
        // A first name with a bare description, or a founder of some other
        // company, is still no one the reader could find.
        for who in [
            ", said Ana, an avid shopper.",
            ", said Ana, founder of Tillsoft.",
        ] {
            let m = release(&format!("{SPEECH}{who}"));
            assert!(
                m.len() == 1 && m[0].contains("a first name only"),
                "{who}: {m:?}"
            );
        }
        // A surname that is also a trade is a name.
        assert!(release(&format!("{SPEECH} — Ana Baker, Baker Hardware in Tacoma")).is_empty());
        // An initial with the speaker's town or situation is a person whose
        // privacy is kept: the quote is judged by what it says.
        for who in [
            " - Priya S., payroll clerk, Beverly Hills, CA",
            " - Priya S., a payroll clerk who tested the first version",
        ] {
            assert!(release(&format!("{SPEECH}{who}")).is_empty(), "{who}");
        }
        // A linked name is a name, not a slot.
        assert!(
            release(&format!(
                "{SPEECH} — [Ana Ruiz](https://ruiz.example), Ruiz Hardware"
            ))
            .is_empty()
        );
    }

    #[test]
    fn a_concrete_quote_still_needs_a_speaker_the_reader_could_find() {
        const LIVED: &str = "\"After our third refund dispute in two months I stopped doing refunds by hand at the counter. \
                             Last week the fourteen refunds of the Saturday rush took me twenty minutes, and none came back.\"";
        for (who, why) in [
            (" – Priya S., Payroll Clerk", "a first name"),
            (" — a shop owner in the pilot", "no one by name"),
            (" - Albert from San Francisco", "a first name"),
            (" — [NAME, TITLE]", "a placeholder"),
        ] {
            let m = release(&format!("{LIVED}{who}"));
            assert_eq!(m.len(), 1, "{who}: {m:?}");
            assert!(m[0].contains(why), "{who}: {m:?}");
        }
        let m = release(&format!("{LIVED} said the Refundly product team."));
        assert!(m[0].contains("a team, not a person"), "{m:?}");
        // The same words from a speaker with a name and a place pass.
        let m = release(&format!(
            "{LIVED} said Priya Shah, payroll clerk at Shah Hardware in Tacoma."
        ));
        assert!(m.is_empty(), "{m:?}");
    }

    #[test]
    fn beside_the_leaders_quote_the_other_named_speaker_is_the_customer() {
        let leader =
            "\"We built this for the shops we grew up in,\" said Mo Diaz, CEO of Refundly.";
        let customer = "Ana Ruiz, owner of Ruiz Hardware in Tacoma, noted, \"Refundly has transformed how \
                        we think about refunds and greatly improved our efficiency.\"";
        let m = release(&format!("{leader}\n\n{customer}"));
        assert_eq!(m.len(), 1, "{m:?}");
        assert!(m[0].contains("'transformed how'"), "{m:?}");
        // A customer who tells what changed passes.
        let lived = "Ana Ruiz, owner of Ruiz Hardware in Tacoma, noted, \"I used to phone the bank for \
                     every refund; last month I did all 40 at the till.\"";
        assert!(release(&format!("{leader}\n\n{lived}")).is_empty());
    }

    #[test]
    fn quotes_in_list_items_and_after_the_faq_are_judged() {
        let m = release(&format!(
            "Shops say:\n\n- {SPEECH} – Store Owner\n- \"The reports helped us cut our Monday close from four hours to one\" – Ana Ruiz, owner of Ruiz Hardware in Tacoma"
        ));
        assert_eq!(
            m,
            vec!["the quote in the summary is attributed to no one by name: 'Store Owner'"]
        );
        let f = check_text(&format!(
            "# Shops refund a customer in two minutes\n\nSEATTLE, March 15, 2027 -- Refundly opened to shops.\n\n## FAQ\n\n### Does it cost anything?\n\nNo.\n\n## Customer quotes\n\n{SPEECH} — Tomás R., Shop Owner\n"
        ));
        let m = rules_of(&f, "customer-quote-sounds-fake");
        assert_eq!(m.len(), 1, "{m:?}");
        assert!(m[0].contains("a first name and an initial only"), "{m:?}");
        // A list quote's finding points at its own item.
        let f = check_text(LIST_QUOTES);
        assert!(
            f.iter()
                .any(|f| f.rule == "customer-quote-sounds-fake" && f.line == 6 && f.col == 4),
            "{f:#?}"
        );
    }

    const LIST_QUOTES: &str = "# Shops refund a customer in two minutes\n\n## Customer quotes\n\n- \"It is fine for the till, we use it daily at our shop\" – Ana Ruiz, owner of Ruiz Hardware in Tacoma\n- \"I used to spend every Sunday on refunds and now I do not\" – Shop Owner\n";

    #[test]
    fn code_in_a_quote_is_not_a_placeholder() {
        assert!(release("> Shops paste one `<iframe>` and the refund form shows on their own page, with no fee.").is_empty());
    }

    #[test]
    fn a_bare_name_with_no_situation_sounds_made_up() {
        let m = quote("\"This is a tool I would really use every single time.\"\n— Tomás Ruiz");
        assert_eq!(m.len(), 1, "{m:?}");
        assert!(
            m[0].contains("'Tomás Ruiz' has no organisation or place"),
            "{m:?}"
        );
        // A job alone is not a place either, but a situation outweighs it.
        assert!(quote("\"I used to spend every Sunday on refunds; last month I did each at the till.\"\n— Tomás Ruiz, Shop Owner").is_empty());
        // Who they are and where: a real attribution.
        assert!(quote("\"This is a tool I would really use every single time.\"\n— Tomás Ruiz, owner of Ruiz Hardware").is_empty());
    }

    #[test]
    fn the_only_quote_must_not_recite_features() {
        let m = release(
            "\"Refundly is a seamless, all-in-one way to refund, restock, report and reconcile\" - Ana Ruiz, owner of Ruiz Hardware.",
        );
        assert_eq!(m.len(), 1, "{m:?}");
        assert!(m[0].contains("marketing copy"), "{m:?}");
    }
}
