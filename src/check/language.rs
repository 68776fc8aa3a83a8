//! Words a customer would not use: `internal-jargon-in-pr` and
//! `hyperbole-instead-of-specifics`.

use std::sync::LazyLock;

use regex::Regex;

use super::Hit;
use super::text::{Doc, Kind, NUMBER, Piece, allowed, find_phrases, sentence_at};
use crate::proposal::{BlockKind, Role};

/// Marketing words that promise instead of telling.
pub(crate) static HYPERBOLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:revolutionary|revolutioni[sz](?:e|es|ed|ing)|best[- ]in[- ]class|seamless(?:ly)?|world[- ]class|game[- ]chang(?:ing|ers?)|unprecedented|blazing(?:ly)?[- ]fast|lightning[- ]fast|cutting[- ]edge|state[- ]of[- ]the[- ]art|innovative|effortless(?:ly)?|amazing(?:ly)?|incredibl[ey]|unparall?ell?ed|ground-?breaking|next[- ]generation|next-gen|industry[- ]leading|market[- ]leading|best[- ]ever|magical(?:ly)?|disruptive|paradigm[- ]shift|one[- ]stop[- ]shop|frictionless|delightful|superb|unmatched|unrivall?ed|transformative|supercharg(?:e|es|ed)|turbocharg(?:e|es|ed)|mind-blowing|jaw-dropping|breathtaking|awesome|stunning|unbeatable|second to none|hassle-free|synergistic|unbreakable|bulletproof|foolproof|life-?changing|fundamentally (?:different|new|better)|redefin(?:e|es|ed|ing)|ultimate|a new era|(?:an? )?(?:entirely |whole |brand[- ])?new category|category[- ](?:defining|creating)|first[- ]of[- ]its[- ]kind|best[- ]of[- ]breed|like never before|changes everything|chang(?:e|es|ed|ing) the game|blows? your mind|beyond belief|(?:zero|no) compromises?|(?:is|are|as) the future of|scientifically proven|democratiz(?:e|es|ed|ing)|democratis(?:e|es|ed|ing)|(?:made|makes|make|render(?:s|ed)?) [\w$,.' -]{1,40}? obsolete|lifesaver|life-saver|(?:like|pure|feels like) magic|unhackable|never sleeps|(?:zero|no) effort|(?:a|an) (?:whole |entire |brand )?new world of|(?:\w+er|more \w+) than ever(?: before)?)\b",
    )
    .unwrap()
});

/// The same marketing words in other languages PR/FAQs are written in:
/// German, French, Spanish and Portuguese (whole words), Japanese, Korean
/// and Chinese (no spaces between words, so no word boundaries either).
pub(crate) static HYPERBOLE_OTHER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:revolutionär\w*|bahnbrechend\w*|innovativ(?:e|er|es|en)?|nahtlos\w*|weltklasse|einzigartig\w*|révolutionnaire\w*|innovant\w*|sans couture|de classe mondiale|révolutionn\w*|revolucionari[oa]s?|innovador(?:a|es|as)?|de clase mundial|revolucionári[oa]s?|inovador(?:a|es|as)?|rivoluzionari[oa]|innovativ[oaie]|революционн\w*|инновационн\w*|прорывн\w*|бесшовн\w*)\b|革新的|革新(?:し|する|します)|加速度的|画期的|革命的|世界初|業界初|最先端|次世代|圧倒的|唯一無二|シームレス|ゲームチェンジャー|혁신적|혁명적|획기적|세계 최초|업계 최초|게임 체인저|게임체인저|최첨단|차세대|원활한|革命性|颠覆性|划时代|世界首创|业界领先|行业领先|无缝|前所未有",
    )
    .unwrap()
});

/// Intensifiers that are claims only when no number backs them.
static INTENSIFIER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:dramatically|significantly|drastically|massively|vastly|hugely|greatly|exponentially|radically|immensely|tremendously|enormously)\b|\bhighly (?:customi[sz]able|efficient|scalable|intuitive|flexible)\b|\b(?:very|super|incredibly|extremely|really) (?:easy|simple|intuitive)\b").unwrap()
});

/// Superlatives, claims only when no number backs them.
static SUPERLATIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bthe (?:fastest|easiest|simplest|smartest|most (?:advanced|powerful|innovative|intuitive|comprehensive|complete|sophisticated|trusted|reliable|efficient))\b|\b(?:world's|industry's|market's) (?:first|best|leading|fastest|most \w+)\b|\bthe best (?:[\w-]+\s+){0,2}?(?:way|tool|app|platform|solution|experience|choice|product|service)\b|\bthe first (?:[\w-]+\s+){0,3}?(?:tool|platform|app|application|editor|layer|product|service|solution|system|framework|engine|library|marketplace|assistant|software|device|protocol|company|agent|daemon|server|client|sdk|api|model|network|standard|method)s?\b|#1\b|\bnumber one\b").unwrap()
});

/// Claims to be the only one, or new to the world: "no existing tool",
/// "no competitor offers", "the only system that…", "for the first time",
/// "a novel architecture". Claims only when no number backs them.
static UNIQUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bno (?:other |existing |current )?competitors? (?:offers?|has|have|matches|match|provides?)\b|\bno (?:other|existing|current) (?:[\w-]+ ){0,2}?(?:tools?|products?|solutions?|platforms?|systems?|apps?|services?)\b|\bthe only (?:[\w-]+ ){0,3}?(?:tool|product|platform|system|solution|app|service|framework|one) (?:that|to|which|where|with)\b|\babsent from (?:every|all|any)\b|\bunlike any(?:thing)? (?:else|other)\b|\bfor the first time\b|\ba novel (?:[\w-]+ )?(?:approach|class|architecture|method|technique|way|protocol|solution|system|framework|algorithm|design)\b").unwrap()
});

/// Comparatives that promise "better" without saying by how much; only in
/// the headline, subheading and summary, and only without a number.
static COMPARATIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:faster|quicker|easier|a better (?:way|experience|tool|solution|product|service)|better than ever|cheaper|simpler|smarter|safer|more (?:efficient(?:ly)?|productive|reliable|accurate|effective(?:ly)?|convenient|powerful)|less (?:hassle|effort|stress))\b").unwrap()
});

super::options::options! {
    /// Options of `internal-jargon-in-pr`.
    pub struct JargonOptions {
        /// Extra words that count as jargon in the press release.
        words: Vec<String> = Vec::new(),
        /// Internal code names that must not appear in the press release.
        code_names: Vec<String> = Vec::new(),
        /// Words and acronyms your customers know (e.g. `PDF`, `VAT`).
        allow: Vec<String> = Vec::new(),
    }
}

super::options::options! {
    /// Options of `hyperbole-instead-of-specifics`.
    pub struct Hyperbole {
        /// Extra words or phrases the rule looks for.
        words: Vec<String> = Vec::new(),
        /// Words of the built-in list that you allow.
        allow: Vec<String> = Vec::new(),
    }
}

pub(crate) fn hyperbole_instead_of_specifics(doc: &Doc) -> Vec<Hit> {
    let opts = &doc.config().check.rules.hyperbole_instead_of_specifics;
    let mut out = Vec::new();
    // Signs that do not make the pattern when they stand alone (see below).
    let mut alone_harmless = 0;
    // A document in plain ASCII has none of the other languages' words.
    let other_languages = !doc.p.source.is_ascii();
    // The customer quote is speech; customer-quote-sounds-fake judges it.
    for piece in doc
        .pieces
        .iter()
        .filter(|pc| pc.role != Role::CustomerQuote && pc.kind != Kind::Block(BlockKind::Code))
    {
        let text = piece.text.as_ref();
        let mut found: Vec<(usize, &str, Claim)> = Vec::new();
        // The claim's own figure ("the #1 barrier") backs nothing.
        // A date backs nothing either: "Seattle, June 13, 2026 — the only
        // tool that…".
        let unbacked = |at: usize| {
            let sentence = sentence_at(text, at);
            let without_dates = super::outcome::without_dates(sentence);
            !NUMBER.is_match(&OWN_FIGURE.replace_all(&without_dates, " "))
        };
        for m in HYPERBOLE.find_iter(text) {
            found.push((m.start(), m.as_str(), Claim::Hype));
        }
        if other_languages {
            for m in HYPERBOLE_OTHER.find_iter(text) {
                found.push((m.start(), m.as_str(), Claim::Hype));
            }
        }
        for (at, w) in find_phrases(text, &opts.words) {
            found.push((at, w, Claim::Hype));
        }
        // Superlatives and intensifiers are judged where the claim is made,
        // the press release: in an FAQ answer "the best way to start is..."
        // is advice, and the specifics the FAQ gives sit beside it.
        let claims: &[&Regex] = if piece.in_faq {
            &[]
        } else {
            &[&*INTENSIFIER, &*SUPERLATIVE, &*UNIQUE]
        };
        for re in claims {
            for m in re.find_iter(text).filter(|m| unbacked(m.start())) {
                found.push((m.start(), m.as_str(), Claim::Unbacked));
            }
        }
        if doc.is_opening(piece) {
            for m in COMPARATIVE.find_iter(text).filter(|m| unbacked(m.start())) {
                found.push((m.start(), m.as_str(), Claim::Comparative));
            }
        }
        // Longest first at each place, so "the most innovative" wins over
        // the "innovative" inside it: overlapping phrases are one claim.
        found.sort_by_key(|f| (f.0, usize::MAX - f.1.len()));
        // Once per word and paragraph.
        let mut seen: Vec<String> = Vec::new();
        let mut taken: Vec<(usize, usize)> = Vec::new();
        for (at, word, claim) in found {
            let end = at + word.len();
            if allowed(word, &opts.allow)
                || mentioned(text, at, end)
                || seen.contains(&word.to_lowercase())
                || taken.iter().any(|&(a, b)| at < b && end > a)
            {
                continue;
            }
            taken.push((at, end));
            seen.push(word.to_lowercase());
            let message = match claim {
                Claim::Hype => format!("'{word}' in {}", piece.place()),
                Claim::Unbacked => {
                    format!("'{word}' in {} with no number to back it", piece.place())
                }
                Claim::Comparative => {
                    format!("'{word}' in {} with no number: by how much?", piece.place())
                }
            };
            let rank_claim = (claim == Claim::Unbacked
                && (FIRST.is_match(word) || UNIQUE.is_match(word)))
                || RANK.is_match(word);
            let aside = piece.in_faq || piece.role == Role::HowItWorks;
            alone_harmless += usize::from(rank_claim || aside || MILD.is_match(word));
            out.push(Hit::new(
                doc.locate_match(piece, at, word.len()),
                message,
                "replace it with the fact it stands for: how much, for whom, measured how",
            ));
        }
    }
    // The pattern is a release that promises instead of telling; one sign
    // alone is not it when it is
    // - a claim of rank, to be first, the only one or the leading one: a
    //   fact about the market the reader can check, true or false;
    // - one marketing word in an FAQ answer or in the paragraph on how the
    //   product works, where the specifics are: a word to edit;
    // - one soft word ("effortless", "seamless", "smarter"): tone in a
    //   release that otherwise gives its facts.
    // Beside another sign each counts.
    if out.len() == 1 && alone_harmless == 1 {
        out.clear();
    }
    out
}

/// Soft words that promise ease rather than a result.
static MILD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:seamless(?:ly)?|effortless(?:ly)?|frictionless|hassle-free|delightful|awesome|smarter|easier|simpler|quicker|бесшовн\w*|nahtlos\w*|sans couture|シームレス|원활한|无缝|(?:\w+er|more \w+) than ever(?: before)?)$").unwrap()
});

/// A figure that is part of the claim itself: "#1", "number one".
static OWN_FIGURE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)#1\b|\bnumber one\b").unwrap());

/// "the first tool", "world's first": a claim of being first.
static FIRST: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)\bfirst\b").unwrap());

/// "industry-leading", "the market's leading": a claim of rank in a market.
static RANK: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)\bleading\b").unwrap());

/// Is the text from `start` to `end` in quotation marks of its own?
fn quoted_alone(text: &str, start: usize, end: usize) -> bool {
    let quote = |c: Option<char>| matches!(c, Some('"' | '“' | '”' | '\'' | '‘' | '’'));
    quote(text[..start].chars().next_back()) && quote(text[end..].chars().next())
}

/// A word the writer mentions rather than uses: in quotation marks of its
/// own (`no "next-gen", no "revolutionary"`) or denied ("no seamless
/// promises", "not revolutionary").
fn mentioned(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    let quote = |c: Option<char>| matches!(c, Some('"' | '“' | '”' | '\'' | '‘' | '’' | '`'));
    if quote(before) && quote(after) {
        return true;
    }
    text[..start]
        .split_whitespace()
        .next_back()
        .is_some_and(|w| {
            matches!(
                w.to_lowercase()
                    .trim_matches(|c: char| !c.is_alphanumeric()),
                "no" | "not" | "never" | "without" | "nor"
            )
        })
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Claim {
    Hype,
    Unbacked,
    Comparative,
}

/// Engineering words a customer does not use.
static JARGON: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:micro-?services?|back-?ends?|front-?ends?|latency|latencies|pipelines?|APIs?|SDKs?|Kubernetes|k8s|roadmaps?|synerg(?:y|ies)|leverag(?:e|es|ed|ing)|scalab(?:le|ility)|deploy(?:s|ed|ing|ments?)?|endpoints?|tech stack|middleware|integration layers?|uptime|webhooks?|data lakes?|serverless|cloud-native|orchestration|telemetry|observability|monetis(?:e|es|ed|ation)|monetiz(?:e|es|ed|ation)|productiz(?:e|ed)|operationaliz(?:e|ed)|go-to-market|schemas?|databases?|repos?|binar(?:y|ies)|statically[- ]linked|runtimes?|containers?|docker|CLI|config(?:uration)? files?|YAML|JSON|OAuth\d?|auth(?:entication)?|infrastructure|server-side|daemon|pub/sub|queues?|parsers?|hooks?|tokens?|sandbox(?:ed|es)?|agentic|ontology|knowledge graph|language models?|inference|embeddings?|vector store|MVP)\b").unwrap()
});

/// Words that are ordinary in business writing ("roadmap", "deployment"):
/// jargon only beside other jargon.
const WEAK_JARGON: &[&str] = &[
    "roadmap",
    "roadmaps",
    "deploy",
    "deploys",
    "deployed",
    "deploying",
    "deployment",
    "deployments",
    "scalable",
    "scalability",
    "leverage",
    "leverages",
    "leveraged",
    "leveraging",
    "pipeline",
    "pipelines",
    "uptime",
    "infrastructure",
    "token",
    "tokens",
    "hook",
    "hooks",
    "container",
    "containers",
    "queue",
    "queues",
    "auth",
    "database",
    "databases",
    "synergy",
    "synergies",
    "go-to-market",
];

/// A run of capitals (and digits) that reads as an acronym: "SLA", "HL7", "CI/CD".
static ACRONYM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)[A-Z][A-Z0-9]*(?:[&/][A-Z0-9]+)*[A-Z0-9]s?(?-u:\b)").unwrap()
});

/// A dateline opening the summary: "MADISON, Wis., June 14, 2027 --".
static DATELINE_PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\W*\p{Lu}[\p{Lu} .'-]*(?:,[^\n]{0,80}?)?\W*\s*(?:--|—|–| - )").unwrap()
});

/// Acronyms customers use every day.
const KNOWN_ACRONYMS: &[&str] = &[
    "AI", "KI", "IA", "US", "USA", "UK", "EU", "UN", "TV", "PC", "PDF", "ID", "PIN", "ATM", "VAT",
    "GST", "FAQ", "CEO", "CFO", "COO", "CTO", "CMO", "VP", "SVP", "EVP", "HR", "IT", "GPS", "SMS",
    "DIY", "OK", "AM", "PM", "NYC", "DC", "NHS", "ICU", "ER", "MRI", "USD", "EUR", "GBP", "COVID",
    "HIV", "DNA", "RSVP", "USB", "QR", "LED", "DVD", "CD", "MBA", "LLC", "INC", "LTD", "CPA",
    "IRS", "DMV", "PTA", "II", "III", "IV", "VI", "VII", "VIII", "IX", "XI", "XII", "AC", "UPS",
    "DHL", "BBC", "NBA", "NFL", "MD", "RN", "PhD", "ZIP", "WiFi", "Q1", "Q2", "Q3", "Q4", "TBD",
    "TBA", // Business and legal words customers meet outside engineering.
    "ROI", "SWOT", "NDA", "B2B", "B2C", "SaaS", "GDPR", "HIPAA", "LLP", "PLC", "GmbH", "CRM",
    "ERP", "KPI", "OKR", "SEO", "SMB", "SME", "POS", "SKU", "AVP", "P&L",
    // Licence names, which the reader of a release about open source meets
    // on every project page.
    "GPL", "AGPL", "LGPL", "BSD", "MPL", "GPLv3", "AGPLv3",
    // File formats and addresses people meet every day.
    "PNG", "JPEG", "JPG", "JPEGs", "GIF", "MP3", "MP4", "URL", "URLs", "CSV",
    // Money and everyday abbreviations.
    "IOU", "IPO", "ETF", "APR", "FYI", "ASAP", "README", "CV", "TEL", "FAX",
    // Computer parts and sizes on every shop shelf.
    "RAM", "SSD", "HDD", "HDMI", "GB", "TB", "MB", "KB",
    // Language codes beside a translated text.
    "EN", "FR", "DE", "ES", "ZH", "JA",
];

/// US states and Canadian provinces, as written after a city.
const REGION_CODES: &[&str] = &[
    "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS",
    "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY",
    "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV",
    "WI", "WY", "DC", "AB", "BC", "MB", "NB", "NL", "NS", "ON", "PE", "QC", "SK",
];

pub(crate) fn internal_jargon_in_pr(doc: &Doc) -> Vec<Hit> {
    let opts = &doc.config().check.rules.internal_jargon_in_pr;
    let mut out = Vec::new();
    let mut seen: Vec<String> = Vec::new();
    let mut first = |word: &str| {
        let key = word.to_lowercase();
        let key = key.strip_suffix('s').unwrap_or(&key).to_string();
        if seen.contains(&key) {
            false
        } else {
            seen.push(key);
            true
        }
    };
    let known = DocumentTerms::of(doc);
    let mut all: Vec<(&Piece, usize, &str, Jargon)> = Vec::new();
    for piece in doc
        .press_release()
        .filter(|pc| pc.kind != Kind::Block(BlockKind::Code) && !doc.is_preamble(pc))
    {
        let text = piece.text.as_ref();
        let dateline_end = if piece.kind == Kind::Block(BlockKind::Paragraph) {
            DATELINE_PREFIX.find(text).map_or(0, |m| m.end())
        } else {
            0
        };
        let mut found: Vec<(usize, &str, Jargon)> = Vec::new();
        for (at, w) in find_phrases(text, &opts.code_names) {
            found.push((at, w, Jargon::CodeName));
        }
        for m in JARGON.find_iter(text) {
            found.push((m.start(), m.as_str(), Jargon::Word));
        }
        for (at, w) in find_phrases(text, &opts.words) {
            found.push((at, w, Jargon::Word));
        }
        for m in ACRONYM.find_iter(text) {
            let word = m.as_str();
            if m.start() < dateline_end
                || !is_acronym(text, m.start(), word)
                || known.explains(word)
                || quoted_alone(text, m.start(), m.end())
                || text[..m.start()].trim_end().ends_with("<<<<<<<")
                || text[m.end()..].starts_with(";DR")
                || word == "VS" && text[m.end()..].starts_with(" Code")
                || text[m.end()..].starts_with('-')
                    && text[m.end() + 1..].starts_with(|c: char| c.is_ascii_digit())
            {
                // A word in quotation marks of its own is a label or a word
                // mentioned ("click \"START\"", "\"OWNED\""); one with a
                // number after a hyphen is an identifier ("EPIC-12"); the
                // branch of a merge-conflict marker is not prose.
                continue;
            }
            if !explained(text, m.start(), m.end()) {
                found.push((m.start(), word, Jargon::Acronym));
            } else {
                // Spelt out at first use: later uses are fine.
                let bare = word.strip_suffix('s').unwrap_or(word);
                if !allowed(bare, &opts.allow) {
                    first(word);
                }
            }
        }
        found.sort_by_key(|f| f.0);
        all.extend(
            found
                .into_iter()
                .map(|(at, word, kind)| (piece, at, word, kind)),
        );
    }
    // A business word ("roadmap") is jargon only beside other jargon.
    let strong = all.iter().any(|(_, _, w, k)| {
        *k != Jargon::Word || !WEAK_JARGON.contains(&w.to_lowercase().as_str())
    });
    let mut code_name = false;
    let mut acronym = false;
    let mut headline_acronym = false;
    for (piece, at, word, kind) in all {
        if kind == Jargon::Word && WEAK_JARGON.contains(&word.to_lowercase().as_str()) && !strong {
            continue;
        }
        {
            let bare = word
                .strip_suffix('s')
                .filter(|_| kind == Jargon::Acronym)
                .unwrap_or(word);
            if allowed(word, &opts.allow)
                || allowed(bare, &opts.allow)
                || known.audience_says(word)
                || !first(word)
            {
                continue;
            }
            // Inline code and links are not prose.
            let (line, col) = doc.locate_match(piece, at, word.len());
            if in_code_or_link(doc.line(line), col) {
                continue;
            }
            let (message, hint) = match kind {
                Jargon::CodeName => (
                    format!("'{word}' in {}: an internal code name", piece.place()),
                    "use the name customers will see, or say what it does for them",
                ),
                Jargon::Word => (
                    format!(
                        "'{word}' in {}: engineering jargon in the press release",
                        piece.place()
                    ),
                    "say what it means for the customer (\"answers within two seconds\"); if your \
                     customers use the word, list it under check.rules.internal-jargon-in-pr.allow",
                ),
                Jargon::Acronym => (
                    format!(
                        "'{word}' in {}: an acronym the press release never spells out",
                        piece.place()
                    ),
                    "use the customer's words, or spell it out at first use: \"service level \
                     agreement (SLA)\"; acronyms your customers know go under \
                     check.rules.internal-jargon-in-pr.allow",
                ),
            };
            code_name |= kind == Jargon::CodeName;
            acronym |= kind == Jargon::Acronym;
            headline_acronym |= kind == Jargon::Acronym && piece.role == Role::Headline;
            out.push(Hit::new((line, col), message, hint));
        }
    }
    // One engineering word in passing is a slip a reader gets past; the
    // pattern is a release that talks like an engineering document, which
    // takes at least two terms. An acronym the release never spells out
    // stops the reader on its own (PATTERNS.md names it), and so does a
    // code name the team listed in wb.yaml.
    if out.len() < 2 && !code_name && !acronym {
        out.clear();
    }
    // One acronym in the headline, and none in the release below it, is
    // the product's name or its market's ("SWE agents", "an OS for
    // teams"): a release that spoke plainly after its title.
    if out.len() == 1 && headline_acronym {
        out.clear();
    }
    out
}

/// Is the character at 1-based column `col` of `line` inside inline code,
/// a link's text or target, or a bare URL?
fn in_code_or_link(line: &str, col: usize) -> bool {
    static SPANS: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"`[^`]*`|\[[^\]]*\]\([^)]*\)|<?https?://[^\s)>]+>?|\b[\w.-]+\.(?:com|org|io|dev|net|md|yaml|json|toml)\b").unwrap()
    });
    let at = line
        .char_indices()
        .nth(col.saturating_sub(1))
        .map_or(line.len(), |(i, _)| i);
    SPANS
        .find_iter(line)
        .any(|m| m.start() <= at && at < m.end())
}

/// What the document itself makes known: acronyms it spells out anywhere
/// ("Model Context Protocol (MCP)"), names whose initials are an acronym
/// ("Green Software Foundation" for GSF), words it also writes in lower
/// case (so "FREE" is emphasis), and the vocabulary of its own customer.
struct DocumentTerms {
    /// The document's capitalised words, in order, small words dropped.
    capitals: Vec<char>,
    explained: Vec<String>,
    initials: Vec<String>,
    lower_words: std::collections::HashSet<String>,
    technical_customer: bool,
    data_customer: bool,
}

impl DocumentTerms {
    fn of(doc: &Doc) -> DocumentTerms {
        static DEFINED: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"\b([A-Z][A-Za-z0-9&/-]*[A-Z0-9])s?\s*\(([^)]{3,80})\)|\(([A-Z][A-Za-z0-9&/-]*[A-Z0-9])s?\)").unwrap()
        });
        static CAPITALISED: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"\b(?:[A-Z][a-z]+(?:\s+(?:of|for|and|the|&)\s+|\s+)){1,5}[A-Z][a-z]+")
                .unwrap()
        });
        let text = &doc.p.source;
        let mut explained = Vec::new();
        for c in DEFINED.captures_iter(text) {
            if let Some(a) = c.get(1).or_else(|| c.get(3)) {
                explained.push(a.as_str().to_string());
            }
        }
        let initials = CAPITALISED
            .find_iter(text)
            .map(|m| {
                m.as_str()
                    .split_whitespace()
                    .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
                    .filter_map(|w| w.chars().next())
                    .collect::<String>()
            })
            .filter(|i| i.len() >= 2)
            .collect();
        let lower_words = text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.len() > 1 && w.chars().all(|c| c.is_lowercase()))
            .map(str::to_string)
            .collect();
        let customer = format!(
            "{} {}",
            doc.p.front.customer.as_deref().unwrap_or(""),
            doc.press_release()
                .filter(|pc| {
                    doc.is_opening(pc)
                        || matches!(pc.role, Role::Summary | Role::Problem | Role::Other)
                })
                .map(|pc| pc.text.as_ref())
                .collect::<Vec<_>>()
                .join(" ")
        )
        .to_lowercase();
        let capitals = text
            .split(|c: char| !c.is_alphanumeric() && c != '\'')
            .filter(|w| {
                !matches!(
                    *w,
                    "of" | "for" | "and" | "the" | "on" | "in" | "to" | "a" | ""
                )
            })
            .map(|w| {
                let c = w.chars().next().unwrap_or(' ');
                if c.is_uppercase() && w.chars().skip(1).any(char::is_lowercase) {
                    c
                } else {
                    ' '
                }
            })
            .collect();
        DocumentTerms {
            capitals,
            explained,
            initials,
            lower_words,
            // A release that has its reader install it from a terminal
            // is written for people who use one.
            technical_customer: TECHNICAL_CUSTOMER.is_match(&customer)
                || TERMINAL_INSTALL.is_match(text),
            data_customer: DATA_CUSTOMER.is_match(&customer),
        }
    }

    /// Is `word` spelt out, the initials of a name in the document, a word
    /// written in capitals for emphasis, or a name with digits ("COP27")?
    fn explains(&self, word: &str) -> bool {
        let bare = word.strip_suffix('s').unwrap_or(word);
        self.explained.iter().any(|e| e == bare || e == word)
            || self.initials.iter().any(|i| i == bare)
            || self.spelled_out(bare)
            || self.lower_words.contains(&bare.to_lowercase())
            || (bare.chars().any(|c| c.is_ascii_digit())
                && bare.chars().filter(char::is_ascii_uppercase).count() >= 2)
            || BRANDS.contains(&bare)
    }

    /// Do consecutive capitalised words of the document spell `acronym`
    /// ("International Green Software Conference" for IGSC)?
    fn spelled_out(&self, acronym: &str) -> bool {
        let letters: Vec<char> = acronym.chars().filter(char::is_ascii_uppercase).collect();
        letters.len() >= 2
            && letters.len() == acronym.chars().filter(|c| c.is_alphabetic()).count()
            && self
                .capitals
                .windows(letters.len())
                .any(|w| w == letters.as_slice())
    }

    /// Does the document's own customer use `word` every day (an API for
    /// developers, ML for data scientists)?
    fn audience_says(&self, word: &str) -> bool {
        let full = word.to_lowercase();
        // "APIs" is "api", but "OS" and "DNS" are not plurals.
        let forms = [full.as_str(), full.strip_suffix('s').unwrap_or(&full)];
        // A developer reads the engineering vocabulary every day; business
        // speak ("leverage", "synergy") is jargon to everyone.
        if self.technical_customer && JARGON.is_match(word) && !BUSINESS_SPEAK.is_match(word) {
            return true;
        }
        (self.technical_customer && forms.iter().any(|w| SOFTWARE_WORDS.contains(w)))
            || (self.data_customer && forms.iter().any(|w| DATA_WORDS.contains(w)))
    }
}

/// Words and acronyms a customer who writes software uses every day.
const SOFTWARE_WORDS: &[&str] = &[
    "api",
    "sdk",
    "ga",
    "cli",
    "ide",
    "json",
    "http",
    "https",
    "url",
    "backend",
    "endpoint",
    "deploy",
    "deployment",
    "sql",
    "yaml",
    "ssh",
    "tls",
    "ui",
    "ux",
    "gui",
    "tui",
    "llm",
    "ci",
    "cd",
    "ci/cd",
    "sre",
    "os",
    "dns",
    "vpn",
    "tcp",
    "udp",
    "ip",
    "cpu",
    "gpu",
    "repo",
    "git",
    "html",
    "css",
    "rest",
    "oss",
    "js",
    "ts",
    "js/ts",
    "qa",
    "dsl",
];

/// Words a customer who works with data and models uses every day.
const DATA_WORDS: &[&str] = &["ml", "ai", "nlp", "llm", "pipeline", "sql"];

/// Business speak: jargon to every reader, developers too.
static BUSINESS_SPEAK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:roadmaps?|synerg(?:y|ies)|leverag(?:e|es|ed|ing)|monetis\w*|monetiz\w*|productiz\w*|operationaliz\w*|go-to-market|MVP)$").unwrap()
});

/// An install command for the reader to run: `pip install`, `brew
/// install`, `git clone`, `npx`, `docker run`.
static TERMINAL_INSTALL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:npm|pnpm|yarn|pip3?|pipx|cargo|brew|go|gem|uv(?: tool)?) (?:install|add|tool install)\b|\bgit clone\b|\bnpx \S|\buvx \S|\bdocker (?:run|compose up|pull)\b|\bcurl -\w*[sSL]\w* https?://").unwrap()
});

/// A customer who writes software.
static TECHNICAL_CUSTOMER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:developers?|programmers?|coders?|maintainers?|software engineers?|backend engineers?|devops|sres?|platform engineers?|tech leads?|engineering (?:managers?|leads?|teams?))\b").unwrap()
});

/// A customer who works with data and models.
static DATA_CUSTOMER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:data scientists?|ml engineers?|machine learning engineers?|data engineers?|analysts?|statisticians?)\b").unwrap()
});

/// Companies and bodies known by their initials: names, not jargon.
const BRANDS: &[&str] = &[
    "AWS", "IBM", "HP", "GE", "BMW", "NASA", "NATO", "UNESCO", "WHO", "AMD", "SAP", "NVIDIA",
    "BBC", "CNN", "MIT", "UCLA", "NYU", "IKEA", "ESPN", "AT&T", "HSBC", "KPMG", "PwC", "EY",
    "PRFAQ", "PR", "FAQ", "FAQs", "PR/FAQ",
    // Stand-in names of examples and templates.
    "ACME", "XYZ", "ABC",
];

#[derive(Clone, Copy, PartialEq, Eq)]
enum Jargon {
    CodeName,
    Word,
    Acronym,
}

/// Is the capitalised word at `at` an acronym (not shouting, not a city in
/// capitals, not one everybody knows)?
fn is_acronym(text: &str, at: usize, word: &str) -> bool {
    let bare = word.strip_suffix('s').unwrap_or(word);
    let letters = bare.chars().filter(char::is_ascii_uppercase).count();
    if letters < 2 || bare.len() > 6 || KNOWN_ACRONYMS.contains(&bare) {
        return false;
    }
    // "XXXX", "TEL: XXX-XXXX": a placeholder for a number or a name.
    if bare.chars().all(|c| c == 'X') {
        return false;
    }
    // "Austin, TX": a state or province after a place name.
    if bare.len() == 2 && text[..at].trim_end().ends_with(',') && REGION_CODES.contains(&bare) {
        return false;
    }
    // Part of a run of capitalised words ("FOR IMMEDIATE RELEASE", "NEW YORK").
    let neighbour_caps = |w: Option<&str>| {
        w.map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
            .is_some_and(|w| w.len() > 1 && w.chars().all(|c| c.is_ascii_uppercase()))
    };
    let before = text[..at].split_whitespace().next_back();
    let after = text[at + word.len()..].split_whitespace().next();
    !(neighbour_caps(before) || neighbour_caps(after))
}

/// "SLA (service level agreement)" or "service level agreement (SLA)".
fn explained(text: &str, start: usize, end: usize) -> bool {
    let after = text[end..].trim_start();
    let before = text[..start].trim_end();
    after.starts_with('(') || (before.ends_with('(') && after.starts_with(')'))
}

#[cfg(test)]
mod tests {
    use crate::check::tests::{check_text, check_with, rules_of};
    use crate::config::Config;

    fn pr(summary: &str) -> String {
        format!(
            "# Shops refund in two minutes\n\n{summary}\n\n# FAQ\n\n## Internal FAQ\n\n### Which API?\nThe payments API, via our SDK.\n"
        )
    }

    #[test]
    fn a_release_installed_from_a_terminal_speaks_to_people_who_use_one() {
        let summary = "Run `pip install tally` and the JSON report lands in your repo; the CLI reads SQL over SSH.";
        let f = check_text(&pr(summary));
        assert!(
            rules_of(&f, "internal-jargon-in-pr").is_empty(),
            "{:?}",
            rules_of(&f, "internal-jargon-in-pr")
        );
        // The same words for a reader who installs nothing are jargon.
        let f = check_text(&pr(&summary.replace("Run `pip install tally` and t", "T")));
        assert_eq!(
            rules_of(&f, "internal-jargon-in-pr").len(),
            5,
            "{:?}",
            rules_of(&f, "internal-jargon-in-pr")
        );
        // Words that end in "s" without being plurals: "OS", "DNS", "JS/TS".
        let f = check_text(&pr(
            "Run `npx tally` on any OS; it checks your DNS and your JS/TS code.",
        ));
        assert!(
            rules_of(&f, "internal-jargon-in-pr").is_empty(),
            "{:?}",
            rules_of(&f, "internal-jargon-in-pr")
        );
        // Business speak is jargon to developers too.
        let f = check_text(&pr(
            "Run `brew install tally`; it leverages synergies across your backend roadmap.",
        ));
        assert!(!rules_of(&f, "internal-jargon-in-pr").is_empty());
    }

    #[test]
    fn everyday_acronyms_and_brand_names_are_not_jargon() {
        let text = "# The club's member account\n\nMembers of the Eintracht club pay their dues online; no IOU slips, \
                    no TL;DR notes, a README for the treasurer and a VS Code extension for the webmaster. \
                    Applicants send a CV to XXXX; the office answers at TEL 555.\n";
        let f = check_text(text);
        assert!(
            rules_of(&f, "internal-jargon-in-pr").is_empty(),
            "{:?}",
            rules_of(&f, "internal-jargon-in-pr")
        );
        let f = check_text(&text.replace("a VS Code extension", "a VS extension"));
        assert_eq!(
            rules_of(&f, "internal-jargon-in-pr"),
            vec!["'VS' in the summary: an acronym the press release never spells out"]
        );
    }

    #[test]
    fn jargon_in_the_press_release_only() {
        let f = check_text(&pr(
            "MADISON, Wis., June 14, 2027 -- Our API leverages the SLA backend for EHR. The API again.",
        ));
        let m = rules_of(&f, "internal-jargon-in-pr");
        assert_eq!(m.len(), 5, "{m:#?}");
        assert!(
            m[0].starts_with("'API' in the summary: engineering jargon"),
            "{m:?}"
        );
        assert!(
            m.iter()
                .any(|m| m.starts_with("'SLA' in the summary: an acronym"))
        );
        assert!(m.iter().any(|m| m.starts_with("'EHR'")));
        assert!(!m.iter().any(|m| m.contains("MADISON")));
    }

    #[test]
    fn a_lone_acronym_in_the_headline_names_the_product() {
        let doc = |headline: &str, summary: &str| {
            format!(
                "# {headline}\n\nPORTLAND, Ore., May 3, 2027 -- {summary}\n\n# FAQ\n\n## Internal FAQ\n\n### Why now?\nShops asked.\n"
            )
        };
        let jargon = |h, s| rules_of(&check_text(&doc(h, s)), "internal-jargon-in-pr");
        // The headline's one acronym, a plain release after it: no finding.
        assert!(
            jargon(
                "An OS for small shops",
                "Shop owners see every refund in one place."
            )
            .is_empty()
        );
        // The same acronym in the release body stops the reader there.
        assert_eq!(
            jargon(
                "Refunds for small shops",
                "Shop owners see every refund in one OS."
            ),
            vec!["'OS' in the summary: an acronym the press release never spells out"]
        );
        // Beside another acronym in the release, the headline's counts too.
        assert_eq!(
            jargon(
                "An OS for small shops",
                "Shop owners see every refund in the POS-free RMA view."
            )
            .len(),
            2
        );
    }

    #[test]
    fn explained_known_and_allowed_acronyms_are_fine() {
        let f = check_text(&pr(
            "AUSTIN, Texas, April 20, 2027 -- A service level agreement (SLA) for every SLA, a PDF for the CEO, FOR IMMEDIATE RELEASE.",
        ));
        assert!(rules_of(&f, "internal-jargon-in-pr").is_empty(), "{f:#?}");
        let mut c = Config::default();
        c.check.rules.internal_jargon_in_pr.allow = vec!["HL7".into()];
        c.check.rules.internal_jargon_in_pr.code_names = vec!["Project Falcon".into()];
        let f = check_with(&pr("Nurses get HL7 feeds from Project Falcon."), &c);
        assert_eq!(
            rules_of(&f, "internal-jargon-in-pr"),
            vec!["'Project Falcon' in the summary: an internal code name"]
        );
    }

    #[test]
    fn ai_in_other_languages_is_an_everyday_word() {
        let f = check_text(&pr("Ladeninhaber nutzen KI, und los gerentes usan la IA."));
        assert!(rules_of(&f, "internal-jargon-in-pr").is_empty(), "{f:#?}");
    }

    #[test]
    fn an_acronym_against_japanese_text_is_still_an_acronym() {
        let f = check_text(&pr("店長は社内SLAの確認なしで返金できます。"));
        assert_eq!(
            rules_of(&f, "internal-jargon-in-pr"),
            vec!["'SLA' in the summary: an acronym the press release never spells out"]
        );
    }

    #[test]
    fn names_emphasis_code_and_links_are_not_jargon() {
        for summary in [
            // A brand known by its initials, and a body the text names in full.
            "Shops on AWS refund while the customer waits. The Green Software Foundation (and the GSF's members) agree.",
            "The International Shop Owners Conference chose it; ISOC members refund in two minutes.",
            // Capitals for emphasis: the word is written in lower case too.
            "Refunds are FREE for a year, and free after that for shops under ten staff.",
            // A name with digits, an acronym spelt out anywhere in the document.
            "Launched at COP27, it files each refund with the VAT Office (VATO); VATO keeps it.",
            // Inline code and links are not prose.
            "Run `refundly --sync` or see [the SDK guide](https://example.com/sdk).",
            // One business word alone is not the pattern.
            "Shops see refunds on the roadmap of their week.",
            // Nor are two everyday ones, with no engineering term beside them.
            "Refunds clear the queue before close, and the shop's database stays as it is.",
            "We leverage the till, leveraging what staff already know.",
            // Nor is one engineering word in an otherwise plain release.
            "Shop owners refund from the till in two minutes; our backend does the rest.",
            // A word in quotation marks of its own is a label or a mention,
            // a capitalised key with a number an identifier.
            "Press \"START\" to refund; the till shows \"DONE\" and files it under TKT-12.",
            // A merge-conflict marker is not prose.
            "Shops refund at the till.\n<<<<<<< HEAD\nIn two minutes.",
        ] {
            let f = check_text(&pr(summary));
            assert!(
                rules_of(&f, "internal-jargon-in-pr").is_empty(),
                "{summary}: {:?}",
                rules_of(&f, "internal-jargon-in-pr")
            );
        }
        // An acronym the release never spells out is reported on its own.
        let f = check_text(&pr("Shop owners refund in two minutes through their PSP."));
        assert_eq!(
            rules_of(&f, "internal-jargon-in-pr"),
            vec!["'PSP' in the summary: an acronym the press release never spells out"]
        );
        // Beside other jargon, the business word counts.
        let f = check_text(&pr("Shops get our roadmap for the backend."));
        assert_eq!(rules_of(&f, "internal-jargon-in-pr").len(), 2);
    }

    #[test]
    fn the_customer_s_own_words_are_not_jargon() {
        let text = "---\ncustomer: Backend developers at shops with their own checkout\n---\n# Shops refund in two minutes\n\nSEATTLE, March 15, 2027 -- Developers call one API to refund.\n";
        let f = check_text(text);
        assert!(rules_of(&f, "internal-jargon-in-pr").is_empty(), "{f:#?}");
        let text = "# Shops refund in two minutes\n\nSEATTLE, March 15, 2027 -- Shop owners call one API to refund, through our SDK.\n";
        assert_eq!(
            rules_of(&check_text(text), "internal-jargon-in-pr").len(),
            2
        );
        // The customer may be named after the opening: a tech lead in the
        // problem paragraph.
        let text = "# Refunds in two minutes\n\nSEATTLE, March 15, 2027 -- Refundly runs from the CLI.\n\n\
                    ## Problem\n\nA tech lead at a shop with its own checkout spends a day a month on refunds.\n";
        assert!(rules_of(&check_text(text), "internal-jargon-in-pr").is_empty());
        // "GA" is a release word developers read every week.
        let text = "# Refundly is now GA for developers\n\nSEATTLE, March 15, 2027 -- Developers refund from one call.\n";
        assert!(rules_of(&check_text(text), "internal-jargon-in-pr").is_empty());
        // Licence names and business acronyms are everybody's.
        let text = "# Refunds in two minutes\n\nSEATTLE, March 15, 2027 -- Shop owners refund from their CRM and POS, with AGPL source.\n";
        assert!(rules_of(&check_text(text), "internal-jargon-in-pr").is_empty());
        let text = "# Refundly is now GA for shop owners\n\nSEATTLE, March 15, 2027 -- Shop owners refund at the till through the SDK.\n";
        assert_eq!(
            rules_of(&check_text(text), "internal-jargon-in-pr").len(),
            2
        );
        // A developer's everyday engineering words: a database schema, a
        // container, a repo. Business speak is jargon to them too.
        let dev = "# Refunds in two minutes\n\nSEATTLE, March 15, 2027 -- Backend developers point Refundly at their database schema; it runs in a container beside the repo.\n";
        assert!(rules_of(&check_text(dev), "internal-jargon-in-pr").is_empty());
        let owner = dev.replace("Backend developers", "Shop owners");
        assert_eq!(
            rules_of(&check_text(&owner), "internal-jargon-in-pr").len(),
            4
        );
        let speak = dev.replace("; it runs", " to leverage synergies; it runs");
        assert_eq!(
            rules_of(&check_text(&speak), "internal-jargon-in-pr"),
            vec![
                "'leverage' in the summary: engineering jargon in the press release",
                "'synergies' in the summary: engineering jargon in the press release"
            ]
        );
    }

    #[test]
    fn hyperbole_and_unbacked_claims() {
        let f = check_text(&pr(
            "A seamless, revolutionary way to refund. It is dramatically faster. It is dramatically faster: 2 minutes, not 2 days.",
        ));
        let m = rules_of(&f, "hyperbole-instead-of-specifics");
        assert_eq!(
            m,
            vec![
                "'seamless' in the summary",
                "'revolutionary' in the summary",
                "'dramatically' in the summary with no number to back it",
                "'faster' in the summary with no number: by how much?",
            ]
        );
        let f = check_text(&pr(
            "Shops refund in 2 minutes instead of 2 days, faster than a card machine's 3 days.",
        ));
        assert!(rules_of(&f, "hyperbole-instead-of-specifics").is_empty());
        // The same words in the document's own language.
        let f = check_text(&pr(
            "店舗の返金を革新的に変える、世界初のサービス。Eine bahnbrechende Kasse. 혁신적 솔루션.",
        ));
        assert_eq!(
            rules_of(&f, "hyperbole-instead-of-specifics"),
            vec![
                "'革新的' in the summary",
                "'世界初' in the summary",
                "'bahnbrechende' in the summary",
                "'혁신적' in the summary",
            ]
        );
        // Claims of a new age or a category of one's own.
        let f = check_text(&pr(
            "Refundly redefines refunds and opens a new era: the ultimate, first-of-its-kind till.",
        ));
        assert_eq!(
            rules_of(&f, "hyperbole-instead-of-specifics"),
            vec![
                "'redefines' in the summary",
                "'a new era' in the summary",
                "'ultimate' in the summary",
                "'first-of-its-kind' in the summary",
            ]
        );
        // Grand promises that stand where a fact should.
        let f = check_text(&pr(
            "Refundly is the future of retail. It changes everything, makes card terminals obsolete, \
             and works like magic: a lifesaver that democratizes refunds with zero compromises.",
        ));
        assert_eq!(
            rules_of(&f, "hyperbole-instead-of-specifics"),
            vec![
                "'is the future of' in the summary",
                "'changes everything' in the summary",
                "'makes card terminals obsolete' in the summary",
                "'like magic' in the summary",
                "'lifesaver' in the summary",
                "'democratizes' in the summary",
                "'zero compromises' in the summary",
            ]
        );
        // A heading that looks ahead is no claim.
        let f = check_text(&pr(
            "Refundly handles refunds.\n\n## The future of refunds\n\nMore shops.",
        ));
        assert!(rules_of(&f, "hyperbole-instead-of-specifics").is_empty());
    }

    #[test]
    fn overlapping_phrases_are_reported_once() {
        let f = check_text(&pr(
            "It is the most innovative refund tool. It is the fastest, seamless way.",
        ));
        let m = rules_of(&f, "hyperbole-instead-of-specifics");
        assert_eq!(
            m,
            vec![
                "'the most innovative' in the summary with no number to back it",
                "'the fastest' in the summary with no number to back it",
                "'seamless' in the summary",
            ]
        );
    }

    #[test]
    fn customer_quotes_are_left_to_the_quote_rule() {
        let f = check_text(
            "# H\n\n## Customer quote\n\n\"It's amazing: I used to wait 2 days,\" said Jane Doe, owner of Doe's.\n",
        );
        assert!(rules_of(&f, "hyperbole-instead-of-specifics").is_empty());
    }

    #[test]
    fn claims_of_being_first_or_highly_something_are_unbacked() {
        let f = check_text(&pr(
            "Ledgerly is the first bookkeeping tool built for market stalls. It is highly customizable and very easy to use.",
        ));
        assert_eq!(
            rules_of(&f, "hyperbole-instead-of-specifics"),
            vec![
                "'the first bookkeeping tool' in the summary with no number to back it",
                "'highly customizable' in the summary with no number to back it",
                "'very easy' in the summary with no number to back it",
            ]
        );
        // A lone claim to be first, in a release that is otherwise plain,
        // is a checkable fact, not hype in place of specifics.
        let f = check_text(&pr(
            "Ledgerly is the first bookkeeping tool built for market stalls. It closes the day's takings before the stall is packed away.",
        ));
        assert!(rules_of(&f, "hyperbole-instead-of-specifics").is_empty());
        // So is a lone claim to lead a market: its share is a fact to check.
        // Beside another sign it counts.
        let hype =
            |summary: &str| rules_of(&check_text(&pr(summary)), "hyperbole-instead-of-specifics");
        let leading = "Ledgerly brings its industry-leading stall ledger to farmers' markets";
        assert!(hype(&format!("{leading}. It closes the day's takings early.")).is_empty());
        assert_eq!(
            hype(&format!("{leading}, with revolutionary speed.")),
            [
                "'industry-leading' in the summary",
                "'revolutionary' in the summary"
            ]
        );
        // To be the only one or new to the world is a claim of rank too:
        // alone it is a fact to check, beside another it counts, and a
        // date is no number to back it.
        assert!(hype("Ledgerly takes a novel approach to the stall ledger.").is_empty());
        assert_eq!(
            hype(
                "June 13, 2026 -- Ledgerly answers what no existing tool addresses: \"Who took the cash?\" ledgerly is the first stall-ready agent."
            ),
            [
                "'no existing tool' in the summary with no number to back it",
                "'the first stall-ready agent' in the summary with no number to back it"
            ]
        );
        assert_eq!(
            hype("For the first time, stalls keep books with the only app that works offline."),
            [
                "'For the first time' in the summary with no number to back it",
                "'the only app that' in the summary with no number to back it"
            ]
        );
        // Sequence, not a claim; a fast-moving world is not the product.
        let f = check_text(&pr(
            "The first version ships to the first two markets. The field is moving very fast.",
        ));
        assert!(rules_of(&f, "hyperbole-instead-of-specifics").is_empty());
    }

    #[test]
    fn words_mentioned_or_denied_are_not_claims() {
        let f = check_text(&pr(
            "Plain words: no \"next-gen\", no \"revolutionary\". It is not seamless yet; it takes 2 minutes.",
        ));
        assert!(
            rules_of(&f, "hyperbole-instead-of-specifics").is_empty(),
            "{:?}",
            rules_of(&f, "hyperbole-instead-of-specifics")
        );
        let f = check_text(&pr("A revolutionary, seamless way to refund."));
        assert_eq!(rules_of(&f, "hyperbole-instead-of-specifics").len(), 2);
    }

    #[test]
    fn superlatives_in_faq_answers_are_advice_but_marketing_words_are_not() {
        let text = "# Stalls keep books in a minute\n\nStall owners close the day's books in a minute.\n\n\
                    # FAQ\n\n## How do I start?\n\nThe best way to start is the most complete guide, which dramatically shortens setup.\n";
        assert!(rules_of(&check_text(text), "hyperbole-instead-of-specifics").is_empty());
        // One marketing word in an answer, the release plain: a word to
        // edit, not the pattern. Two are a voice.
        let one = text.replace("which dramatically shortens", "a seamless way to shorten");
        assert!(rules_of(&check_text(&one), "hyperbole-instead-of-specifics").is_empty());
        let two = one.replace("a seamless way", "a seamless, revolutionary way");
        assert_eq!(
            rules_of(&check_text(&two), "hyperbole-instead-of-specifics"),
            vec!["'seamless' in the FAQ", "'revolutionary' in the FAQ"]
        );
        // The release's own claim counts alone.
        let release = text.replace(
            "close the day's books in a minute.",
            "close the day's books with a game-changing ledger.",
        );
        assert_eq!(
            rules_of(&check_text(&release), "hyperbole-instead-of-specifics"),
            vec!["'game-changing' in the summary"]
        );
    }

    #[test]
    fn one_soft_word_alone_is_tone_but_beside_another_claim_it_counts() {
        for summary in [
            "Shop owners refund effortlessly: 2 minutes at the till, not 2 days by post.",
            "A seamless refund at the till, in 2 minutes.",
            "Refunds are easier than ever: 2 minutes at the till.",
        ] {
            let f = check_text(&pr(summary));
            assert!(
                rules_of(&f, "hyperbole-instead-of-specifics").is_empty(),
                "{summary}"
            );
        }
        let f = check_text(&pr(
            "Shop owners refund effortlessly, with zero effort and a whole new world of refunds.",
        ));
        assert_eq!(
            rules_of(&f, "hyperbole-instead-of-specifics"),
            vec![
                "'effortlessly' in the summary",
                "'zero effort' in the summary",
                "'a whole new world of' in the summary"
            ]
        );
        // A claim's own figure backs nothing: "the #1 way" is unbacked.
        let f = check_text(&pr("Refundly is the #1 way to refund, and seamless too."));
        assert_eq!(rules_of(&f, "hyperbole-instead-of-specifics").len(), 2);
    }

    #[test]
    fn one_marketing_word_in_how_it_works_is_not_the_pattern() {
        let text = "# Stalls keep books in a minute\n\nStall owners close the day's books in a minute.\n\n\
                    ## How it works\n\nThe till sends each sale to the ledger; a seamless sync runs at close.\n";
        assert!(rules_of(&check_text(text), "hyperbole-instead-of-specifics").is_empty());
        let text = text.replace("a seamless sync", "a seamless, world-class sync");
        assert_eq!(
            rules_of(&check_text(&text), "hyperbole-instead-of-specifics").len(),
            2
        );
    }
}
