//! The problem comes first: `solution-first-thinking` and
//! `missing-problem-paragraph`.

use std::sync::LazyLock;

use regex::Regex;

use super::Hit;
use super::text::{Doc, Kind, Piece, allowed, find_phrases};
use crate::proposal::{BlockKind, Proposal, Role, Section};

/// Mechanisms that name how the product works rather than what the customer
/// gets. Acronyms are matched with their case ("ml" is a millilitre).
static MECHANISM_ACRONYM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(?:AI|A\.I\.|ML|LLMs?|GPT(?:-\d+)?|ChatGPT|NLP|SaaS|IoT)(?-u:\b)").unwrap()
});
static MECHANISM_STRONG: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:artificial intelligence|machine[- ]learning|deep learning|(?:large )?language models?|neural(?: networks?)?|blockchains?|web3|smart contracts?|algorithms?|algorithmic|powered by|cloud-based|computer vision)\b",
    )
    .unwrap()
});
static MECHANISM_WEAK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\b(?:platforms?|APIs?|engines?|apps?)\b").unwrap());

/// "platform" at a station and "engine" in a car are not software.
static NOT_SOFTWARE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:trains?|stations?|rail\w*|subway|metro|tram|tracks?|boarding|oil|drilling|diving|fire|jet|steam|cars?|diesel|trucks?|boats?|tractors?|mower|search engines?)\b").unwrap()
});

/// Nouns that introduce a product as a piece of technology: a server, a
/// protocol, a tunnel, a Python library (a library alone lends books), a
/// command-line tool. Acronyms keep their case.
static TECHNOLOGY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(?:MCP|SSH|VPN|SOCKS5?|CLI|SDKs?|APIs?|gRPC)(?-u:\b)|(?i:\b(?:command[- ]line|servers?|protocols?|tunnels?|prox(?:y|ies)|[\w-]*(?:python|rust|node|javascript|typescript|java|kotlin|swift|ruby|golang|client|code) librar(?:y|ies)|frameworks?|endpoints?|daemons?|binar(?:y|ies)|schemas?|git(?:-native)?|repos?|repositor(?:y|ies)|databases?|plugins?|runtimes?|compilers?|middleware|engines?|(?:execution|semantic|data|integration|abstraction|orchestration|enforcement|caching|storage) layers?|built on(?: top of)?)\b)|\b[Ww]ritten in (?:pure |modern |idiomatic |safe )?[A-Z][\w+#]*").unwrap()
});

/// A release named by its version ("noda 1.0 —", "Audit v1.1:") or a
/// feature added to it ("now supports"): the announcement is the change
/// to the product.
static RELEASE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b[a-z][\w-]* v?\d+\.\d+(?:\.\d+)?(?:\s*(?:$|[—–:,(-])|\s+(?:adds|brings|ships|is here|now)\b)|\bnow (?:supports?|integrates? with|works with|speaks|ships with|runs on)\b").unwrap()
});

/// "Turns everyday items into found money": an outcome, even without a
/// person.
static TURNS_INTO: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\b(?:turns?|transforms?) (?:[\w'-]+ ){1,4}into\b").unwrap());

/// A problem statement shaped like the missing product.
static SOLUTION_SHAPED: LazyLock<Regex> = LazyLock::new(|| {
    let thing = r"(?:(?:good|simple|easy|single|dedicated|modern|proper|central|online|digital|effective|reliable|unified|social|mobile|web)[ -])*(?:tool|app|application|platform|software|system|solution|product|dashboard|technology|integration)s?";
    Regex::new(&format!(
        r"(?i)\b(?:there (?:is|are)|there's) no {thing}\b|\bthere (?:isn't|is not|aren't|are not|wasn't|was not) (?:a|an|any) {thing}\b|\b(?:lack|absence) of (?:a |an |any )?{thing}\b|\b(?:do not|don't|does not|doesn't) have (?:a|an|any) {thing}\b|\bneeds? (?:a|an) (?:new |better )?{thing}\b|\bno (?:app|tool|platform|software) (?:exists|for|to)\b"
    ))
    .unwrap()
});

super::options::options! {
    /// Options of `solution-first-thinking`.
    pub struct SolutionFirst {
        /// Extra mechanism words the rule looks for.
        words: Vec<String> = Vec::new(),
        /// Words of the built-in list that you allow.
        allow: Vec<String> = Vec::new(),
    }
}

super::options::options! {
    /// Options of `missing-problem-paragraph`.
    pub struct ProblemParagraph {
        /// Fewest words a problem section may have.
        min_words: usize = 40,
        /// Fewest sentences a problem section may have, unless it lists the
        /// pains one by one or names what they cost ("a sentence or two"
        /// that says neither says nothing).
        min_sentences: usize = 3,
    }
}

/// A headline that promises how soon the customer has it: "plans in
/// minutes", "settled the same day".
static SPEED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:in|within|under)\s+(?:a\s+few\s+|mere\s+)?(?:minutes|seconds|hours|one\s+click|a\s+click)\b|\bsame[- ]day\b|\bovernight\b").unwrap()
});

/// A sentence that opens by saying what the product is: "VacaShare is an
/// app", "Hopster is a simple web application".
static DEFINES_PRODUCT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\W*(?:[\w.-]+\s+){1,3}?(?:is|are)\s+(?:a|an)\s+(?:[\w-]+\s+){0,4}?(?:apps?|applications?|platforms?|tools?|websites?|web\s?apps?|services?|systems?|products?|games?|extensions?|bots?|software|solutions?)\b").unwrap()
});

/// Does `lead` open with the product doing something ("Hopster gives
/// you…", "This app will give you a catalog…", "Use Digi-Cry for…"),
/// `name` being the product's name? The match is the product and its verb.
fn product_leads<'t>(lead: &'t str, name: &str) -> Option<regex::Match<'t>> {
    static LEADS: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^\W*(?:(?:use|try)\s+)?(?:(?:this|the|our)\s+(?:[\w-]+\s+)?(?:app|application|tool|platform|website|site|service|game)|(\S+))\s+(?:is|are|will|lets|provides|offers|gives|allows|helps|makes|brings|can)\b|(?i)^\W*(?:use|try)\s+(\S+)\s+(?:for|to)\b").unwrap()
    });
    let c = LEADS.captures(lead)?;
    let word = c.get(1).or_else(|| c.get(2));
    let first = name
        .split_whitespace()
        .next()?
        .trim_matches(|ch: char| !ch.is_alphanumeric());
    match word {
        Some(w)
            if !w
                .as_str()
                .trim_matches(|ch: char| !ch.is_alphanumeric())
                .eq_ignore_ascii_case(first) =>
        {
            None
        }
        _ => c.get(0),
    }
}

pub(crate) fn solution_first_thinking(doc: &Doc) -> Vec<Hit> {
    let mut out = Vec::new();
    let p = doc.p;
    // 1. The solution (or how it works) comes before the problem.
    let first = |roles: &[Role]| {
        p.body
            .sections
            .iter()
            .find(|s| !s.in_faq && roles.contains(&s.role))
    };
    if let (Some(sol), Some(prob)) = (
        first(&[Role::Solution, Role::HowItWorks]),
        first(&[Role::Problem]),
    ) && sol.line < prob.line
    {
        out.push(Hit::new(
            doc.section_pos(sol),
            format!(
                "'{}' comes before '{}': the document starts from the answer",
                sol.heading, prob.heading
            ),
            "open with who suffers and how; move the problem above the solution",
        ));
    }
    // 2. The headline, subheading or summary names the mechanism.
    let opts = &doc.config().check.rules.solution_first_thinking;
    // A headline that says what changes for someone makes the document
    // customer-first, whatever the technical lead paragraph says next.
    let headline_for_customer = doc
        .press_release()
        .find(|pc| pc.role == Role::Headline && pc.kind == Kind::Heading)
        .is_some_and(|pc| {
            leads_with_customer(&pc.text)
                || super::outcome::states_change(&pc.text)
                || SPEED.is_match(&pc.text)
        });
    for piece in doc.press_release() {
        match (piece.role, piece.kind) {
            (Role::Headline | Role::Subheading, Kind::Heading) => {}
            (Role::Summary, Kind::Block(BlockKind::Paragraph))
                if doc.is_summary_paragraph(piece) => {}
            _ => continue,
        }
        // The product introduced as a technology, before anyone it serves
        // ("an AI-powered investment research platform that helps…"): the
        // frame is the solution, whatever outcome follows it.
        let lead = if piece.role == Role::Summary {
            first_sentence(&piece.text)
        } else {
            &piece.text
        };
        if !(headline_for_customer && piece.role != Role::Headline)
            && let Some((at, phrase)) = tech_framed(lead)
            && !allowed(phrase, &opts.allow)
        {
            out.push(technology_hit(
                doc,
                piece,
                at,
                phrase,
                "it introduces the product as a technology before anyone it serves",
            ));
            continue;
        }
        // The pattern is order and framing: a headline that leads with what
        // a customer gets and names the product's category ("an AI
        // concierge that tells hosts…", "a platform for…") is not it. Only
        // the mechanism words fire, and not beside a customer outcome.
        if leads_with_customer(&piece.text) {
            continue;
        }
        // Under a headline that leads with what the customer gets, a
        // subheading or summary that says how is the order the method
        // asks for.
        if piece.role != Role::Headline && headline_for_customer {
            continue;
        }
        let words = if TURNS_INTO.is_match(&piece.text) {
            Vec::new()
        } else {
            mechanisms(&piece.text, true, &opts.words, &opts.allow)
        };
        if words.is_empty() {
            // The opening introduces the product as a technology (a server,
            // a protocol, a library, "v1.1") before any person: in the
            // summary, only its first sentence and only under a headline
            // that does not already lead with the customer.
            if piece.role == Role::Summary && headline_for_customer {
                continue;
            }
            if let Some((at, word)) = technology_first(lead, piece.role == Role::Headline)
                && !allowed(word, &opts.allow)
            {
                out.push(technology_hit(
                    doc,
                    piece,
                    at,
                    word,
                    "it introduces the technology before any customer or outcome",
                ));
            }
        }
        if let Some(&(at, word)) = words.first() {
            let mut also: Vec<&str> = Vec::new();
            for (_, w) in &words[1..] {
                if !also.iter().any(|a| a.eq_ignore_ascii_case(w)) && !w.eq_ignore_ascii_case(word)
                {
                    also.push(w);
                }
            }
            let also = if also.is_empty() {
                String::new()
            } else {
                format!(" (also {})", quote_list(&also))
            };
            out.push(Hit::new(
                doc.locate_match(piece, at, word.len()),
                format!(
                    "'{word}' in {}{also}: it names the mechanism, not what the customer gets",
                    piece.place()
                ),
                "say what changes for the customer; the technology belongs in how it works or the FAQ",
            ).about(format!("'{}' in {}", word.to_lowercase(), piece.place())));
        }
    }
    // 2b. A headline that is only the product's name, over a summary that
    // opens by defining the product ("VacaShare is an app that lets
    // users…"): the release starts from the thing, not from anyone.
    if out.is_empty()
        && !headline_for_customer
        && let Some(head) = doc.press_release().find(|pc| pc.role == Role::Headline)
        && crate::proposal::body::count_words(&head.text) <= 3
        // A subheading that names whom it serves answers the name.
        && !doc
            .press_release()
            .any(|pc| pc.role == Role::Subheading && first_person(&pc.text).is_some())
        && let Some((summary, m)) = doc
            .press_release()
            .filter(|pc| {
                doc.is_summary_paragraph(pc)
                    || (pc.role == Role::Subheading && pc.kind == Kind::Heading)
            })
            .find_map(|pc| {
                let lead = first_sentence(&pc.text);
                DEFINES_PRODUCT
                    .find(lead)
                    .or_else(|| product_leads(lead, &head.text))
                    .map(|m| (pc, m))
            })
    {
        out.push(Hit::new(
            doc.locate_match(summary, m.start(), m.len()),
            format!(
                "the headline is only a name and the summary opens by defining the product ('{}'): the release starts from the thing, not from anyone it serves",
                m.as_str().trim()
            ),
            "open with who is stuck and what changes for them; the product is the answer that follows",
        ));
    }
    // 3. The problem is the absence of the product.
    for piece in doc.press_release().filter(|pc| pc.role == Role::Problem) {
        if let Some(m) = SOLUTION_SHAPED.find(&piece.text) {
            out.push(Hit::new(
                doc.locate_match(piece, m.start(), m.len()),
                format!(
                    "'{}' in the problem section: the problem is stated as a missing product",
                    m.as_str()
                ),
                "describe what the customer does today and what it costs them, not the tool they lack",
            ));
        }
    }
    // 4. No problem anywhere, and the opening describes technology: the
    // technology comes before any problem, since none follows.
    if out.is_empty()
        && !states_a_problem(doc)
        && let Some((piece, at, word)) = technology_in_opening(doc)
    {
        out.push(
            Hit::new(
                doc.locate_match(piece, at, word.len()),
                format!(
                    "'{word}' in {} and no problem anywhere: the document starts from the technology",
                    piece.place()
                ),
                "open with who suffers today and how; the technology is the answer to that",
            )
            .about("technology and no problem"),
        );
    }
    out
}

/// Does the document say anywhere what hurts: a problem section, a
/// paragraph of pains, or an FAQ answer to "what problem does it solve"?
fn states_a_problem(doc: &Doc) -> bool {
    let p = doc.p;
    let min_words = doc.config().check.rules.missing_problem_paragraph.min_words;
    p.body
        .sections
        .iter()
        .any(|s| s.role == Role::Problem && !s.in_faq)
        || narrative_problem(p, min_words)
        || faq_states_problem(p, min_words)
}

/// The first technology or mechanism word in the release's opening (its
/// first 120 words, the lines above the headline left out).
fn technology_in_opening<'d>(doc: &'d Doc) -> Option<(&'d Piece<'d>, usize, &'d str)> {
    static OPENING_TECH: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\b(?:platforms?|engines?|frameworks?|librar(?:y|ies)|toolkits?|servers?|protocols?|plugins?|infrastructure|architecture|powered by|built (?:on|with))\b|\b(?:AI|APIs?|CLI|SDKs?)\b").unwrap()
    });
    let mut words = 0;
    for piece in doc
        .press_release()
        .filter(|pc| pc.kind != Kind::Block(BlockKind::Code) && !doc.is_preamble(pc))
    {
        if words >= 120 {
            break;
        }
        let text = piece.text.as_ref();
        if let Some(m) = OPENING_TECH
            .find_iter(text)
            .find(|m| !physical(text, m.as_str()))
        {
            return Some((piece, m.start(), m.as_str()));
        }
        words += crate::proposal::body::count_words(text);
    }
    None
}

/// Does `text` say what changes for someone: a verb of an outcome with a
/// person as its object or subject ("tells hosts about problems", "shops
/// refund in two minutes", "gym owners stop chasing payments")?
fn leads_with_customer(text: &str) -> bool {
    static OUTCOME: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\b(?:tells?|helps?|lets?|gives?|saves?|frees?|alerts?|shows?|protects?|keeps?|stops?|know|knows|get|gets|find|finds|never|no longer|without|before|instead of|in (?:minutes|seconds|one|two|three|\d+))\b|\bsee (?:exactly |at a glance )?(?:which|what|who|how|when|where|why)\b").unwrap()
    });
    // The reader addressed ("See which lines your AI wrote", "Never lose
    // your work again") is the customer too.
    static READER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)\b(?:you|your)\b").unwrap());
    OUTCOME.is_match(text)
        && (first_person(text).is_some() || READER.is_match(first_sentence(text)))
}

/// Where the first person or role is named in `text`: a word wb knows
/// ("hosts", "nurses"), or a word shaped like a role ("seekers",
/// "florists", "applicants") just after "help", "for", "lets"…
fn first_person(text: &str) -> Option<usize> {
    const LEADS_TO_PEOPLE: &[&str] = &[
        "help", "helps", "helping", "for", "let", "lets", "give", "gives", "empower", "empowers",
        "enable", "enables", "serve", "serves", "show", "shows", "tell", "tells", "alert",
        "alerts", "remind", "reminds", "notify", "notifies",
    ];
    /// Words ending like roles that name things.
    const THINGS: &[&str] = &[
        "servers",
        "containers",
        "layers",
        "filters",
        "headers",
        "parameters",
        "others",
        "answers",
        "computers",
        "routers",
        "browsers",
        "clusters",
        "numbers",
        "letters",
        "papers",
        "orders",
        "matters",
        "folders",
        "markers",
        "trackers",
        "variants",
        "restaurants",
        "plants",
        "assistants",
        "chatbots",
        "centers",
        "centres",
        "providers",
        "wrappers",
        "adapters",
        "connectors",
        "errors",
        "triggers",
        "timers",
        "offers",
        "transfers",
        "barriers",
        "borders",
        "corners",
    ];
    let words: Vec<(usize, &str)> = text
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .scan(0usize, |at, w| {
            let start = *at;
            *at += w.len() + 1;
            Some((start, w))
        })
        .filter(|(_, w)| !w.is_empty())
        .collect();
    // In running text, a capitalised word in the middle of a sentence is
    // a name: "like Obsidian" is a product, not a role ending in -ian.
    let capitalised = |w: &str| w.starts_with(|c: char| c.is_uppercase());
    let title_case = words.iter().filter(|(_, w)| capitalised(w)).count() * 2 > words.len();
    words.iter().enumerate().find_map(|(i, &(at, w))| {
        let lower = w.to_lowercase();
        let name = !title_case
            && i > 0
            && capitalised(w)
            && (lower.ends_with("ian") || lower.ends_with("ians"));
        if super::customer::person_like(w) && !name {
            return Some(at);
        }
        let shaped = lower.len() > 5
            && ["ers", "ists", "ants"].iter().any(|s| lower.ends_with(s))
            && !THINGS.contains(&lower.as_str());
        let after_lead = words[i.saturating_sub(3)..i]
            .iter()
            .any(|(_, p)| LEADS_TO_PEOPLE.contains(&p.to_lowercase().as_str()));
        (shaped && after_lead).then_some(at)
    })
}

/// The first technology noun or release marker in `text` when no person
/// comes before it, as (offset, word). Release markers count in the
/// headline only.
fn technology_first(text: &str, headline: bool) -> Option<(usize, &str)> {
    let tech = TECHNOLOGY.find(text);
    let release = if headline { RELEASE.find(text) } else { None };
    let m = match (tech, release) {
        (Some(a), Some(b)) => {
            if a.start() <= b.start() {
                a
            } else {
                b
            }
        }
        (a, b) => a.or(b)?,
    };
    if first_person(text).is_some_and(|p| p < m.start()) {
        return None;
    }
    Some((
        m.start(),
        m.as_str()
            .trim_end_matches([' ', '—', '–', ':', ',', '(', '-']),
    ))
}

/// A finding on technology named in the opening: `word` at byte `at` of
/// `piece`, and why it is the pattern.
fn technology_hit(doc: &Doc, piece: &Piece, at: usize, word: &str, why: &str) -> Hit {
    Hit::new(
        doc.locate_match(piece, at, word.len()),
        format!("'{word}' in {}: {why}", piece.place()),
        "open with who the product is for and what changes for them; the technology belongs in how it works or the FAQ",
    )
    .about(format!("'{}' in {}", word.to_lowercase(), piece.place()))
}

/// A mechanism word on a technology noun: "an AI-powered research
/// platform", "a next-generation, AI-first operations intelligence system",
/// "an ML-driven engine". A mechanism word on a role ("an AI concierge")
/// names the product's category and is not this.
static TECH_FRAMED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:\b(?:AI|ML|LLM|GenAI)(?:[-‑ ](?:[Pp]owered|[Dd]riven|[Ff]irst|[Nn]ative|[Ee]nhanced|[Bb]ased))?\b|(?i:\b(?:machine[-‑ ]learning|agentic|autonomous|blockchain(?:[-‑ ]based)?|next[-‑ ]generation)\b))[\w ,/‑-]{0,50}?(?i:\b(?:platforms?|systems?|interfaces?|toolkits?|frameworks?|engines?|layers?|SDKs?|protocols?|modules?|ecosystems?|environments?|suites?|infrastructure|operating systems?)\b)").unwrap()
});

/// Where `text` introduces the product as a technology before any person
/// it serves (see [`TECH_FRAMED`]).
fn tech_framed(text: &str) -> Option<(usize, &str)> {
    let m = TECH_FRAMED.find(text)?;
    if first_person(text).is_some_and(|p| p < m.start()) {
        return None;
    }
    Some((m.start(), m.as_str()))
}

/// The first sentence of a paragraph.
fn first_sentence(text: &str) -> &str {
    let bytes = text.as_bytes();
    for (i, c) in text.char_indices() {
        if matches!(c, '.' | '!' | '?')
            && bytes.get(i + 1).is_none_or(|b| b.is_ascii_whitespace())
            && bytes
                .get(i + 2)
                .is_none_or(|b| b.is_ascii_uppercase() || *b == b'*')
            && !text[..i].ends_with(|c: char| c.is_ascii_digit())
        {
            return &text[..=i];
        }
    }
    text
}

/// Mechanism words in `text` as (offset, word), in order.
fn mechanisms<'t>(
    text: &'t str,
    strong_only: bool,
    extra: &[String],
    allow: &[String],
) -> Vec<(usize, &'t str)> {
    let mut found: Vec<(usize, &str)> = Vec::new();
    let mut regexes: Vec<&Regex> = vec![&MECHANISM_ACRONYM, &MECHANISM_STRONG];
    if !strong_only {
        regexes.push(&MECHANISM_WEAK);
    }
    for re in regexes {
        for m in re.find_iter(text) {
            if !customers_ai(text, m.start(), m.end()) && !physical(text, m.as_str()) {
                found.push((m.start(), m.as_str()));
            }
        }
    }
    found.extend(find_phrases(text, extra));
    found.retain(|(_, w)| !allowed(w, allow));
    found.sort_by_key(|m| m.0);
    found.dedup_by_key(|m| m.0);
    found
}

/// Is the AI at `start..end` the customer's own, not the product's
/// mechanism: the agents, clients or assistants they already run ("a
/// safety layer for AI coding agents", "from several AI clients"), the AI
/// that wrote their code ("which lines your AI wrote")?
fn customers_ai(text: &str, start: usize, end: usize) -> bool {
    static THEIRS_AFTER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^(?:[\s-]+(?:coding|code|chat|desktop))?[\s-]+(?:agents?|clients?|assistants?|tools|chatbots?|wrote|writes|generated|generates)\b|^\s*(?:写|が書|向け|エージェント|生成|が生成|で生成|アシスタント|ツール|コーディング|에이전트|생성|어시스턴트|도구|代理|智能体|助手|工具|编程)").unwrap()
    });
    static THEIRS_BEFORE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?i)\b(?:your|their|our)\s+$|是\s*$").unwrap());
    let word = &text[start..end];
    (word == "AI" || word.starts_with("LLM"))
        && (THEIRS_AFTER.is_match(&text[end..]) || THEIRS_BEFORE.is_match(&text[..start]))
}

/// Is `word` a platform or an engine of the physical world in `text`
/// ("the train leaves from platform 4", "a diesel engine")?
fn physical(text: &str, word: &str) -> bool {
    let w = word.to_lowercase();
    (w.starts_with("platform") || w.starts_with("engine")) && NOT_SOFTWARE.is_match(text)
}

fn quote_list(words: &[&str]) -> String {
    words
        .iter()
        .map(|w| format!("'{w}'"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Text that stands in for a paragraph not yet written.
static PLACEHOLDER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bTBD\b|\bTODO\b|\bTBC\b|lorem ipsum|\bto be (?:written|added|done|completed|confirmed|decided)\b|\bcoming soon\b|\bfill (?:this|me) in\b|\bXXX+\b|^\s*\[[^\]]*\]\s*$|^\s*\.\.\.\s*$|^\s*…\s*$").unwrap()
});

/// Words that describe a cost the customer pays today.
static PAIN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:today|currently|every (?:day|week|month|morning|evening|night|time|year|summer|season)|spends?|spent|spending|wastes?|wasted|lose|loses|lost|losing|miss|misses|missed|struggles?|struggling|can't|cannot|couldn't|have to|has to|had to|late|waits?|waiting|frustrat\w*|hard|difficult|by hand|on paper|manually|turned away|complain\w*|stuck|errors?|mistakes?|fail\w*|rarely|never|again|too (?:long|late|slow)|costs?|hours?|minutes?|days?|weeks?|percent|lacks?|lacking|no way to|no easy way|there (?:is|are) no|harder|limited|trade-?offs?|forced?|forces|hostage|bur(?:y|ies|ied)|drown\w*|expensive|tedious|painful|broken|scattered|fragmented|hampered|hidden|risk\w*|unreliable|confus\w*|overwhelm\w*|wrong|challeng\w*|no idea|forget|forgets|forgot|forgotten|(?:don't|doesn't|do not|does not) know|unclear|guess(?:es|ing|work)?|worr(?:y|ies|ied)|annoy\w*|clunky|tedium|slow|slows|slower|burden\w*|time-consuming|decays?|end up|ends up|distract\w*|clog\w*|bottlenecks?|friction|hassles?|headaches?|chaos|chaotic|messy|juggl\w*|repetitive|inefficien\w*|error-prone|outdated|costly|limitations?|shortcomings?|pain points?|problems?|disconnect(?:ed)?)\b|[$€£]\s?\d|\d\s?%").unwrap()
});

/// The same signs of a present cost in other languages PR/FAQs are written
/// in (German, French, Spanish, Portuguese, Italian, Russian; Japanese,
/// Korean and Chinese without word boundaries).
static PAIN_OTHER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:heute|derzeit|manuell|von hand|mühsam|umständlich|verschwende\w*|verlier\w*|fehler\w*|aufwändig|aufwendig|kosten|stunden|vergisst|vergessen|dilemma|dauert|nervig|ärger\w*|schwierig|kompliziert|zeitraubend|problem\w*|à la main|oubli\w*|difficile|compliqué\w*|problèmes?|perte de temps|a mano|olvid\w*|difícil|complicad[oa]|problemas?|pérdida de tiempo|à mão|esquec\w*|perda de tempo|aujourd'hui|actuellement|manuellement|pénible|perd\w*|erreurs?|coûteu\w*|heures|hoy|actualmente|manualmente|tedios[oa]|pierde\w*|errores|costos[oa]|horas|hoje|atualmente|perdem|erros|oggi|attualmente|manualmente|perdono|errori|costos[oa]|ore|сегодня|сейчас|вручную|теря\w*|ошибк\w*|сложно|долго|дорого|часов|проблем\w*|неудоб\w*)\b|手作業|手動|無駄|面倒|不便|悩み|困って|できない|時間がかかる|バラバラ|散らばっ|推測|分からない|わからない|忘れ|失わ|待た|間違|ミス|遅れ|高額|負担|手間|課題|問題|難し|崩れ|壊れ|수작업|수동|불편|낭비|어려|못하|흩어|추측|모르|기다리|실수|오류|비싸|부담|문제|잃|手动|浪费|麻烦|低效|无法|不能|分散|耗时|困难|猜|不知道|等待|出错|错误|昂贵|负担|问题|丢失").unwrap()
});

/// Signs of a present cost in `text`, in English or the document's own
/// language; "today" of "today we announce" left out when `lead`.
fn pain_signs(text: &str, lead: bool) -> usize {
    let english = PAIN
        .find_iter(text)
        .filter(|m| !(lead && m.as_str().eq_ignore_ascii_case("today")))
        .count();
    if text.is_ascii() {
        english
    } else {
        english + PAIN_OTHER.find_iter(text).count()
    }
}

pub(crate) fn missing_problem_paragraph(doc: &Doc) -> Vec<Hit> {
    let p = doc.p;
    let opts = &doc.config().check.rules.missing_problem_paragraph;
    let min_words = opts.min_words;
    let problems: Vec<&Section> = p
        .body
        .sections
        .iter()
        .filter(|s| s.role == Role::Problem && !s.in_faq)
        .collect();
    if problems.is_empty() {
        if states_a_problem(doc) {
            return Vec::new();
        }
        return vec![Hit::new(
            doc.top(),
            "no problem paragraph: nothing says what hurts for the customer today",
            "add a '## Problem' section: one paragraph, in the customer's terms, of what they \
             do today and what it costs them",
        )];
    }
    let mut out = Vec::new();
    for s in problems {
        let text = section_text(p, s);
        let words = crate::proposal::body::count_words(&text);
        let placeholder = s
            .blocks
            .iter()
            .find_map(|b| PLACEHOLDER.find(&b.text).map(|m| (b, m)));
        let hint = "write one paragraph, in the customer's terms, of what they do today and \
                    what it costs them (time, money, errors)";
        if let Some((block, m)) = placeholder {
            let pos = doc.locate_in(block.line, block.end_line, m.as_str().trim(), 0);
            out.push(Hit::new(
                pos,
                format!(
                    "the problem section is a placeholder: '{}'",
                    m.as_str().trim()
                ),
                hint,
            ));
        } else if words == 0 {
            out.push(Hit::new(
                doc.section_pos(s),
                format!("'{}' is empty", s.heading),
                hint,
            ));
        } else if words >= min_words
            && sentences(&text) < opts.min_sentences
            && pain_signs(&text, false) < 2
            && !has_list(p, s)
        {
            let n = sentences(&text);
            out.push(
                Hit::new(
                    doc.section_pos(s),
                    format!(
                        "the problem section says it in {n} sentence{} and names no cost to the customer (time, money, errors)",
                        if n == 1 { "" } else { "s" },
                    ),
                    hint,
                )
                .about(format!("the problem section '{}' is too short", s.heading)),
            );
        } else if words < min_words
            // Short, but two sentences that name the pains say what hurts.
            && !(sentences(&text) >= 2 && pain_signs(&text, false) >= 2)
        {
            out.push(
                Hit::new(
                    doc.section_pos(s),
                    format!(
                        "the problem section is too short to say what hurts ({words} words; at least {min_words} expected)"
                    ),
                    hint,
                )
                .about(format!("the problem section '{}' is too short", s.heading)),
            );
        }
    }
    out
}

/// What ends a sentence, in Latin and in CJK punctuation.
const SENTENCE_ENDS: [char; 6] = ['.', '!', '?', '。', '！', '？'];

/// Sentences of three words or more: "Not sure how?" is a sentence, "Q1." is not.
fn sentences(text: &str) -> usize {
    text.split_inclusive(SENTENCE_ENDS)
        .filter(|x| crate::proposal::body::count_words(x) >= 3)
        .count()
}

/// Does the section, or one nested under it, list its points one by one?
fn has_list(p: &Proposal, s: &Section) -> bool {
    p.body
        .sections
        .iter()
        .filter(|o| o.line >= s.line && o.line <= s.end_line && !o.in_faq)
        .flat_map(|o| &o.blocks)
        .any(|b| matches!(b.kind, BlockKind::List { .. }))
}

/// A paragraph that announces the product ("today announced", "launches",
/// "shipped"): the lead of the release, wherever the structure put it.
static ANNOUNCES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:announce[sd]?|announcing|launch(?:es|ed)?|introduc(?:es|ed)|unveil(?:s|ed)|ship(?:s|ped)|releas(?:es|ed)|(?:is|are) now available)\b").unwrap()
});

/// The text of a section and of the sections nested under it.
fn section_text(p: &Proposal, s: &Section) -> String {
    p.body
        .sections
        .iter()
        .filter(|o| o.line >= s.line && o.line <= s.end_line && !o.in_faq)
        .map(|o| o.text())
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// A document written without a "Problem" heading may still have its
/// problem paragraph: a paragraph, or a run of short paragraphs one after
/// the other, that talks about the customer's day as it is (two signs of
/// a cost at least: one word of pain is not a paragraph about it). The lead
/// paragraph counts only when it is about the pain (three signs of it, not
/// counting the "today" of "today we announce").
/// An FAQ question that asks for the problem: "What problem does it
/// solve?", "What is the motivation for X?", "Why do we need this?".
static ASKS_PROBLEM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:what|which) (?:problems?|pain(?: points?)?|need)\b|\bmotivat\w*|\bwhy (?:do|did|does|would) (?:we|you|i|anyone|customers|people|teams) (?:need|build|want|care)|\bwhy (?:is )?(?:this|it) (?:needed|matters?|important)|\bwhat(?:'s| is) wrong with\b|悩み|課題|問題|困りごと|痛点|问题|문제|불편|\b(?:welches problem|quel problème|qué problema|que problema|какую проблему|какие боли|зачем)\b").unwrap()
});

/// Does an FAQ answer say what hurts, in a paragraph of pains, when the
/// release has no problem section? The reader gets the problem there.
fn faq_states_problem(p: &Proposal, min_words: usize) -> bool {
    p.body.faqs.iter().any(|f| {
        ASKS_PROBLEM.is_match(&f.question)
            && f.answer_words >= min_words
            && pain_signs(&f.answer, true) >= 2
    })
}

fn narrative_problem(p: &Proposal, min_words: usize) -> bool {
    let mut summary_seen = false;
    for s in p.body.sections.iter().filter(|s| !s.in_faq) {
        // The release may sit under its headline: the headline's section
        // then holds the summary, and the problem paragraph after it.
        let opens = matches!(s.role, Role::Summary | Role::Headline | Role::Subheading);
        let lead = opens && !summary_seen;
        if opens {
            summary_seen = true;
        }
        if !matches!(
            s.role,
            Role::Summary | Role::Headline | Role::Subheading | Role::Other | Role::PressRelease
        ) {
            continue;
        }
        let (mut run, mut run_signs) = (0, 0);
        for (i, b) in s.blocks.iter().enumerate() {
            // A list of today's pains continues the paragraph of pains that
            // leads into it; a list alone (of features) starts nothing.
            let list = matches!(b.kind, BlockKind::List { .. });
            if !(b.kind == BlockKind::Paragraph || list && run > 0) {
                (run, run_signs) = (0, 0);
                continue;
            }
            let words = crate::proposal::body::count_words(&b.text);
            let first_sentence = b.text.split_inclusive(SENTENCE_ENDS).next().unwrap_or("");
            if (lead && i == 0) || ANNOUNCES.is_match(first_sentence) {
                let signs = pain_signs(&b.text, true);
                if words >= min_words && signs >= 3 {
                    return true;
                }
                continue;
            }
            let signs = pain_signs(&b.text, false);
            if signs > 0 {
                run += words;
                run_signs += signs;
                if run >= min_words && run_signs >= 2 {
                    return true;
                }
            } else {
                (run, run_signs) = (0, 0);
            }
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use crate::check::tests::{check_text, rules_of};

    const PROBLEM: &str = "Shop owners refund customers by hand today: they copy the order into a spreadsheet, call the bank and wait two days for the money to move, while the customer emails to ask where it is. Owners we interviewed spend four hours a week on it.";

    fn doc(headline: &str, sections: &str) -> String {
        format!(
            "# {headline}\n\nSEATTLE, March 15, 2027 -- Shop owners refund in two minutes.\n\n{sections}"
        )
    }

    #[test]
    fn under_a_headline_that_states_the_customer_outcome_the_lead_may_say_how() {
        for headline in [
            // A change with its number.
            "Dealers recover $2.4M in invalid deductions",
            // The reader addressed, and what changes for them.
            "The home that acts before you ask",
            // The people shown, told or alerted are the customer.
            "Relay settles simple claims in minutes and shows adjusters exactly why",
            // How soon the customer has it is the promise.
            "Relay turns deduction notices into approved claims in minutes",
        ] {
            let text = format!(
                "# {headline}\n\nSEATTLE, March 15, 2027 -- Relay uses AI and machine learning to read every notice.\n\n## Problem\n\n{PROBLEM}\n"
            );
            assert!(
                rules_of(&check_text(&text), "solution-first-thinking").is_empty(),
                "{headline}"
            );
        }
        // Under a headline that names no outcome, the same lead fires;
        // errors shown are no people.
        for headline in [
            "Relay for deduction notices",
            "Relay shows errors in deduction notices",
        ] {
            let text = format!(
                "# {headline}\n\nSEATTLE, March 15, 2027 -- Relay uses AI and machine learning to read every notice.\n\n## Problem\n\n{PROBLEM}\n"
            );
            assert_eq!(
                rules_of(&check_text(&text), "solution-first-thinking").len(),
                1,
                "{headline}"
            );
        }
    }

    #[test]
    fn technology_in_the_opening_and_no_problem_anywhere_fires() {
        let text = "# Ledgerly 2 is here\n\nSEATTLE, March 15, 2027 -- Ledgerly 2 ships today. It is a ledger with a plugin architecture and a REST server.\n\n## How it works\n\nYou install it and it runs.\n";
        assert_eq!(
            rules_of(&check_text(text), "solution-first-thinking"),
            vec![
                "'plugin' in the summary and no problem anywhere: the document starts from the technology"
            ]
        );
        // A problem, wherever it is said, answers it.
        let with_problem = text.replace(
            "## How it works",
            &format!("## Problem\n\n{PROBLEM}\n\n## How it works"),
        );
        assert!(rules_of(&check_text(&with_problem), "solution-first-thinking").is_empty());
        // No technology in the opening: missing-problem-paragraph's to say.
        let plain = "# Shops refund at the till\n\nSEATTLE, March 15, 2027 -- Shop owners refund at the till.\n";
        assert!(rules_of(&check_text(plain), "solution-first-thinking").is_empty());
    }

    #[test]
    fn a_problem_stated_as_the_missing_product_fires() {
        for problem in [
            "There is no simple tool for refunds at the till.",
            "Millions of shoppers ask for refunds, but there isn't an effective social platform for them.",
            "Shops suffer from the lack of a dedicated app for refunds.",
        ] {
            let text = doc(
                "Shop owners refund in two minutes",
                &format!("## Problem\n\n{problem}\n"),
            );
            let m = rules_of(&check_text(&text), "solution-first-thinking");
            assert_eq!(m.len(), 1, "{problem}: {m:?}");
            assert!(
                m[0].ends_with("the problem is stated as a missing product"),
                "{m:?}"
            );
        }
        let text = doc(
            "Shop owners refund in two minutes",
            "## Problem\n\nThere isn't an hour in the day for refunds by post.\n",
        );
        assert!(rules_of(&check_text(&text), "solution-first-thinking").is_empty());
    }

    #[test]
    fn solution_before_problem_fires() {
        let text = doc(
            "Shops refund in two minutes",
            &format!("## Solution\n\nWe do it.\n\n## Problem\n\n{PROBLEM}\n"),
        );
        let f = check_text(&text);
        let m = rules_of(&f, "solution-first-thinking");
        assert_eq!(
            m,
            vec!["'Solution' comes before 'Problem': the document starts from the answer"]
        );
    }

    #[test]
    fn mechanism_in_the_headline_fires_but_engineers_do_not() {
        let f = check_text(&doc(
            "Relay uses AI to find the root cause",
            &format!("## Problem\n\n{PROBLEM}\n"),
        ));
        let m = rules_of(&f, "solution-first-thinking");
        assert_eq!(m.len(), 1);
        assert!(m[0].starts_with("'AI' in the headline"), "{m:?}");
        let f = check_text(&doc(
            "Engineers paged at night act in 10 minutes",
            &format!("## Problem\n\n{PROBLEM}\n"),
        ));
        assert!(rules_of(&f, "solution-first-thinking").is_empty());
        let f = check_text(&doc(
            "Riders know which platform their train leaves from",
            &format!("## Problem\n\n{PROBLEM}\n"),
        ));
        assert!(rules_of(&f, "solution-first-thinking").is_empty());
        // The AI the customer already runs is their world, not the
        // product's mechanism.
        for headline in [
            "The Safety Layer for AI Coding Agents",
            "Relay reads the notes from all your AI clients",
            "Relay marks which lines your AI wrote",
        ] {
            let f = check_text(&doc(headline, &format!("## Problem\n\n{PROBLEM}\n")));
            assert!(
                rules_of(&f, "solution-first-thinking").is_empty(),
                "{headline}"
            );
        }
    }

    #[test]
    fn the_customers_own_ai_agent_is_not_the_mechanism() {
        // "AI-agent cache waste": one agent as a modifier is the customer's
        // agent, as "AI coding agents" are.
        let text = "# Relay targets AI-agent cache waste before coding work begins\n\nSEATTLE -- Developers using coding agents spend cache tokens before work starts.\n\n## Problem\n\nToday it hurts a lot, every single day, for every developer on the team who waits.\n";
        let f = check_text(text);
        assert!(
            rules_of(&f, "solution-first-thinking").is_empty(),
            "{:?}",
            rules_of(&f, "solution-first-thinking")
        );
        // The product's own AI is still its mechanism.
        let f =
            check_text(&text.replace("targets AI-agent cache waste", "uses AI to cut cache waste"));
        assert_eq!(rules_of(&f, "solution-first-thinking").len(), 1);
        // In Japanese, with no space between "AI" and the word after it:
        // the customer's AI agents are theirs, the product's AI its own.
        let ja = |headline: &str| {
            rules_of(
                &check_text(&format!(
                    "# {headline}\n\nSEATTLE -- {}\n\n## Problem\n\n{PROBLEM}\n",
                    "本日公開します。"
                )),
                "solution-first-thinking",
            )
        };
        assert!(ja("AIエージェントの権限を認可基盤で分けるRelay").is_empty());
        assert_eq!(ja("RelayはAIで返金を自動化します").len(), 1);
    }

    #[test]
    fn a_name_for_a_headline_over_a_definition_of_the_product_fires() {
        let text = format!(
            "# Tally\n\n## What is Tally?\n\nTally is an app that lets stall owners add up the day's sales.\n\n## Problem\n\n{PROBLEM}\n"
        );
        let m = rules_of(&check_text(&text), "solution-first-thinking");
        assert_eq!(m.len(), 1, "{m:?}");
        assert!(m[0].contains("'Tally is an app'"), "{m:?}");
        // Under a headline that says what changes, the definition is the how.
        let text = text.replace(
            "# Tally\n",
            "# Stall owners close the day's books in ten minutes\n",
        );
        assert!(rules_of(&check_text(&text), "solution-first-thinking").is_empty());
        // The product doing something in the subheading, under its name.
        let text = format!(
            "# Tally\n\n## This app will give you the day's total before you pack up.\n\nSEATTLE -- Text.\n\n## Problem\n\n{PROBLEM}\n"
        );
        assert_eq!(
            rules_of(&check_text(&text), "solution-first-thinking").len(),
            1
        );
        // A subheading that names whom it serves answers the name.
        let text = format!(
            "# Tally\n\n## Tally serves market stall owners who count cash by hand.\n\nThe Tally app is a helper for stall owners.\n\n## Problem\n\n{PROBLEM}\n"
        );
        assert!(rules_of(&check_text(&text), "solution-first-thinking").is_empty());
        // A summary that opens on the customer is no definition.
        let text = format!(
            "# Tally\n\n## Summary\n\nStall owners close the day's books in ten minutes with Tally, an app.\n\n## Problem\n\n{PROBLEM}\n"
        );
        assert!(rules_of(&check_text(&text), "solution-first-thinking").is_empty());
    }

    #[test]
    fn naming_the_product_category_after_the_outcome_is_not_solution_first() {
        for headline in [
            "Hosts hear about a broken lock before the guest arrives, from an AI concierge",
            "An AI concierge that tells hosts about problems before guests arrive",
            "A retro board platform where quiet team members get heard",
            // The reader addressed is the customer: "you", "your".
            "Never lose track of which refunds your AI assistant sent",
            "See exactly which lines your AI wrote",
        ] {
            let f = check_text(&doc(headline, &format!("## Problem\n\n{PROBLEM}\n")));
            assert!(
                rules_of(&f, "solution-first-thinking").is_empty(),
                "{headline}"
            );
        }
        for headline in [
            "Stopwise brings machine learning to school bus routing",
            // "You" with no outcome for you is still the mechanism first.
            "Stopwise puts AI in your school bus routing",
        ] {
            let f = check_text(&doc(headline, &format!("## Problem\n\n{PROBLEM}\n")));
            assert_eq!(
                rules_of(&f, "solution-first-thinking").len(),
                1,
                "{headline}"
            );
        }
    }

    #[test]
    fn a_technology_named_before_anyone_fires() {
        let rule = |headline: &str| {
            rules_of(
                &check_text(&doc(headline, &format!("## Problem\n\n{PROBLEM}\n"))),
                "solution-first-thinking",
            )
        };
        for (headline, word) in [
            (
                "Introducing Ledgerline MCP Server: refunds from your chat window",
                "MCP",
            ),
            ("SSH Tunnel for your phone, on your own terms", "SSH"),
            (
                "Quillmark 2.3 — a plain-text ledger you can grep",
                "Quillmark 2.3",
            ),
            ("Ledgerline now supports partial refunds", "now supports"),
            (
                "New Refund Engine Settles 10,000 Refunds for Shop Owners in a Second",
                "Engine",
            ),
            (
                "Ledgerline, a semantic layer for refunds at every till",
                "semantic layer",
            ),
            ("Ledgerline: refunds, written in Rust", "written in Rust"),
        ] {
            let m = rule(headline);
            assert_eq!(m.len(), 1, "{headline}: {m:?}");
            assert!(
                m[0].starts_with(&format!("'{word}' in the headline: it introduces")),
                "{m:?}"
            );
        }
        // A person first, then the technology, is customer-first.
        assert!(rule("Shop owners refund from a CLI in two minutes").is_empty());
        // "Written in" names a language only before its name.
        assert!(rule("Refunds at the till, written in the shop owner's words").is_empty());
        assert!(rule("Shop owners get a refund engine that settles in a second").is_empty());
    }

    #[test]
    fn a_product_introduced_as_a_technology_fires_whatever_follows() {
        let rule = |headline: &str, lead: &str| {
            let text = format!(
                "# {headline}\n\nSEATTLE, March 15, 2027 -- {lead} It settles the same day.\n\n## Problem\n\n{PROBLEM}\n"
            );
            rules_of(&check_text(&text), "solution-first-thinking")
        };
        let plain = "Refunds arrive the same day.";
        let m = rule(
            "Acme Launches AI-Powered Refund Platform That Helps Shop Owners",
            plain,
        );
        assert_eq!(m.len(), 1, "{m:?}");
        assert!(
            m[0].starts_with("'AI-Powered Refund Platform' in the headline: it introduces the product as a technology"),
            "{m:?}"
        );
        let m = rule(
            "Tillo",
            "Today Acme announced Tillo, a next\u{2011}generation, AI\u{2011}first refund system that shop owners run at the till.",
        );
        assert_eq!(m.len(), 1, "{m:?}");
        assert!(
            m[0].contains("in the summary: it introduces the product as a technology"),
            "{m:?}"
        );
        // The customer first, or a mechanism word on a role, is not it.
        for headline in [
            "Shop owners get an AI-powered refund platform at the till",
            "Tillo, an AI concierge that tells shop owners which refunds to approve",
        ] {
            assert!(
                rule(headline, plain).is_empty(),
                "{headline}: {:?}",
                rule(headline, plain)
            );
        }
    }

    #[test]
    fn the_lead_sentence_counts_unless_the_headline_is_for_a_customer() {
        let rule = |headline: &str, lead: &str| {
            let text = format!(
                "# {headline}\n\nSEATTLE, March 15, 2027 -- {lead} It reads the files every night.\n\n## Problem\n\n{PROBLEM}\n"
            );
            rules_of(&check_text(&text), "solution-first-thinking")
        };
        let lead =
            "Today we release Refundo, a Python library for the card network's settlement files.";
        let m = rule("Refundo", lead);
        assert_eq!(m.len(), 1, "{m:?}");
        assert!(m[0].starts_with("'Python library' in the summary"), "{m:?}");
        // Only the first sentence of the summary is the lead.
        assert!(
            rule(
                "Refundo",
                "Today we release Refundo. It is a Python library."
            )
            .is_empty()
        );
        // Under a headline that leads with the shop owner, the lead may
        // describe how it is built.
        assert!(rule("Refundo helps shop owners refund in two minutes", lead).is_empty());
        // And so may the subheading.
        let with_sub = |headline: &str| {
            let text = format!(
                "# {headline}\n\n## Built on machine learning and the card network's files\n\nSEATTLE, March 15, 2027 -- Refunds go out the same day.\n\n## Problem\n\n{PROBLEM}\n"
            );
            rules_of(&check_text(&text), "solution-first-thinking")
        };
        assert!(with_sub("Refundo helps shop owners refund in two minutes").is_empty());
        assert_eq!(with_sub("Refundo").len(), 1, "{:?}", with_sub("Refundo"));
    }

    #[test]
    fn roles_are_recognised_by_their_shape_and_outcomes_without_a_person_count() {
        for headline in [
            "Jobwell Launches an AI Tool to Help Job Seekers Hear Back Within a Week",
            "Atticly Launches AI-Powered Appraisal App That Turns Old Boxes Into Cash",
            "An AI planner for florists that saves a morning a week",
        ] {
            let f = check_text(&doc(headline, &format!("## Problem\n\n{PROBLEM}\n")));
            assert!(
                rules_of(&f, "solution-first-thinking").is_empty(),
                "{headline}"
            );
        }
        // A word shaped like a role names no one on its own, nor a thing
        // that ends like one.
        let f = check_text(&doc(
            "Relay uses AI to help routers recover",
            &format!("## Problem\n\n{PROBLEM}\n"),
        ));
        assert_eq!(rules_of(&f, "solution-first-thinking").len(), 1);
    }

    #[test]
    fn a_problem_shaped_like_the_product_fires() {
        let f = check_text(&doc(
            "Shops refund in two minutes",
            "## Problem\n\nThere is no tool that lets shop owners refund a customer quickly, so refunds take far too long for everybody who runs a small shop and wants to keep customers happy and coming back again.\n",
        ));
        let m = rules_of(&f, "solution-first-thinking");
        assert_eq!(m.len(), 1, "{m:?}");
        assert!(m[0].starts_with("'There is no tool'"), "{m:?}");
    }

    #[test]
    fn missing_short_and_placeholder_problems() {
        let f = check_text(&doc(
            "Shops refund in two minutes",
            "## Solution\n\nWe do it.\n",
        ));
        assert_eq!(rules_of(&f, "missing-problem-paragraph").len(), 1);
        let f = check_text(&doc(
            "Shops refund in two minutes",
            "## Problem\n\nRefunds are slow.\n",
        ));
        assert!(rules_of(&f, "missing-problem-paragraph")[0].contains("too short"));
        let f = check_text(&doc(
            "Shops refund in two minutes",
            "## Problem\n\n[To be written after the interviews.]\n",
        ));
        let m = rules_of(&f, "missing-problem-paragraph");
        assert!(m[0].contains("placeholder"), "{m:?}");
        let f = check_text(&doc(
            "Shops refund in two minutes",
            &format!("## The customer problem\n\n{PROBLEM}\n"),
        ));
        assert!(rules_of(&f, "missing-problem-paragraph").is_empty());
    }

    #[test]
    fn a_problem_in_the_lead_or_over_short_paragraphs_counts() {
        let rule = |text: &str| rules_of(&check_text(text), "missing-problem-paragraph");
        // The lead paragraph, no heading, all about what hurts today.
        let lead = "# Dispatchers at Harbour Taxis find a free driver at once\n\nDispatchers at Harbour Taxis are hampered by a radio channel that drops calls. They spend the evening rush phoning drivers one by one, lose fares to rivals while they wait, and the manual log is full of mistakes that the night shift has to correct by hand again.\n\nRadarCab shows every free driver on one map.\n";
        assert!(rule(lead).is_empty(), "{:?}", rule(lead));
        // Three short paragraphs that together say what it costs.
        let short = "# Dispatchers find a free driver at once\n\nSEATTLE, March 15, 2027 -- RadarCab shows every free driver on one map.\n\nThe radio drops calls, and dispatchers miss them in the evening rush.\n\nDispatchers lose fares to rivals while they phone drivers one by one.\n\nThe manual log is full of mistakes the night shift has to fix, which takes an hour every night.\n";
        assert!(rule(short).is_empty(), "{:?}", rule(short));
        // One word of pain in a paragraph about the product is no problem
        // paragraph, and neither is a lead that only says "today".
        let product = "# Dispatchers find a free driver at once\n\nSEATTLE, March 15, 2027 -- Today RadarCab launches a map of every free driver, with colours for each shift, a list of the nearest cars, a button that sends the fare and a log that keeps itself.\n\nRadarCab runs in any browser and keeps the history of every fare for a year, so the risk of a lost record is gone; it works on the tablets the depot already has and on phones.\n";
        assert_eq!(
            rule(product),
            vec!["no problem paragraph: nothing says what hurts for the customer today"]
        );
        // Pains in everyday words: slow, a burden, stitched by hand.
        let everyday = "# Dispatchers find a free driver at once\n\nSEATTLE, March 15, 2027 -- RadarCab shows every free driver on one map.\n\nWithout a map, finding a driver over the radio is slow and time-consuming: dispatchers end up stitching the evening's fares together on a whiteboard, and keeping that board current is a burden nobody on the shift wants after a long night of driving.\n";
        assert!(rule(everyday).is_empty(), "{:?}", rule(everyday));
        // A list of pains continues the paragraph that leads into it...
        let listed = "# Dispatchers find a free driver at once\n\nSEATTLE, March 15, 2027 -- RadarCab shows every free driver on one map.\n\nThe radio channel is where dispatch happens today, and it is slow.\n\n- A call to a driver can take ten minutes to place in the evening rush.\n- Dispatchers lose fares to rival firms while they wait for an answer.\n- The fare log is kept by hand and is full of errors.\n";
        assert!(rule(listed).is_empty(), "{:?}", rule(listed));
        // ...but a list of features does not start one.
        let features = "# Dispatchers find a free driver at once\n\nSEATTLE, March 15, 2027 -- RadarCab shows every free driver on one map.\n\nKey features:\n\n- Risk scores for every fare, so errors are caught.\n- A log that keeps itself, with no mistakes to fix by hand.\n- Alerts when a driver is late.\n";
        assert_eq!(
            rule(features),
            vec!["no problem paragraph: nothing says what hurts for the customer today"]
        );
    }

    #[test]
    fn a_problem_said_in_a_sentence_or_two_is_too_short_unless_it_lists_the_pains() {
        let rule = |body: &str| {
            rules_of(
                &check_text(&doc("Shops refund in two minutes", body)),
                "missing-problem-paragraph",
            )
        };
        let two = "## Problem\n\nWherever a shop takes card payments of any kind, a refund is a slow and uncertain \
                   business that involves the bank, the card network and the shop's own till. \
                   Refundly puts an end to all of that with one button at the till.\n";
        assert_eq!(
            rule(two),
            vec![
                "the problem section says it in 2 sentences and names no cost to the customer (time, money, errors)"
            ]
        );
        let listed = "## Problem\n\nWherever a shop takes card payments, a refund is a slow and uncertain \
                      business that involves the bank, the card network and the shop's own till:\n\n\
                      - the customer waits three days for the money to come back\n- the owner phones the bank \
                      and the card network to ask where the refund has gone\n";
        assert!(rule(listed).is_empty(), "{:?}", rule(listed));
        // Under the word count, two sentences that name the pains say
        // something; one sentence of generalities does not.
        let short = "## Problem\n\nShop owners refund by hand, and it is slow. Each refund is a \
                     burden: customers wait days and phone the shop.\n";
        assert!(rule(short).is_empty(), "{:?}", rule(short));
        let general = "## Problem\n\nRefunds today are not what shops and customers deserve.\n";
        assert!(
            rule(general)[0].contains("too short"),
            "{:?}",
            rule(general)
        );
    }

    #[test]
    fn an_announcement_is_judged_as_the_lead_wherever_it_sits() {
        // The announcement sits under a heading the structure does not
        // know; its "today" and one word of pain are not a problem paragraph.
        let text = "# Refundly\n\n## Our news\n\nToday Shopfront announced Refundly, a till button for \
                    refunds. Previously, shop owners had to phone the bank for every refund they made \
                    at the counter, and the customer went home without the money in hand.\n\n\
                    Refundly works on the tills shops already have.\n";
        assert_eq!(
            rules_of(&check_text(text), "missing-problem-paragraph"),
            vec!["no problem paragraph: nothing says what hurts for the customer today"]
        );
    }

    #[test]
    fn the_problem_in_an_faq_answer_or_a_list_of_limitations_counts() {
        let base = "# Shops refund in two minutes\n\nSEATTLE, March 15, 2027 -- Refundly refunds in two minutes.\n\n## FAQ\n\n";
        let asked = format!("{base}### What problem does Refundly solve?\n\n{PROBLEM}\n");
        assert!(rules_of(&check_text(&asked), "missing-problem-paragraph").is_empty());
        // The same answer under a question that asks something else is not
        // the release's problem statement.
        let other = format!("{base}### How much does it cost?\n\n{PROBLEM}\n");
        assert_eq!(
            rules_of(&check_text(&other), "missing-problem-paragraph").len(),
            1
        );
        // A paragraph that names the limits of today's tool, and a list of them.
        let limits = "# Shops refund in two minutes\n\nSEATTLE, March 15, 2027 -- Refundly refunds in two minutes.\n\nThe till software shops use now handles sales well and keeps a daily record of every order, but it has real limitations when a customer wants money back at the counter or by post.\n\n1. A refund can take up to an hour to enter.\n2. It cannot refund part of an order.\n";
        assert!(rules_of(&check_text(limits), "missing-problem-paragraph").is_empty());
    }

    #[test]
    fn a_label_naming_the_problem_or_a_paragraph_about_it_counts() {
        let label = format!(
            "# Shops refund in two minutes\n\nSEATTLE, March 15, 2027 -- Refundly refunds in two minutes.\n\n**The problem shop owners face:** {PROBLEM}\n"
        );
        assert!(rules_of(&check_text(&label), "missing-problem-paragraph").is_empty());
        let narrative = "# Shops refund in two minutes\n\nSEATTLE, March 15, 2027 -- Refundly refunds in two minutes.\n\nRefundly answers an old problem of small shops: their tills were made for selling, not for giving money back. Owners keep a notebook of refunds beside the till, and the notebook and the bank statement drift apart every month.\n";
        assert!(rules_of(&check_text(narrative), "missing-problem-paragraph").is_empty());
    }

    #[test]
    fn the_problem_in_the_document_s_own_language() {
        // A Japanese release with no problem heading: the pains are in its
        // second paragraph.
        let text = "# 店舗の返金が二分で終わる\n\n東京、2027年3月15日 — Refundlyは本日、店舗向けの返金サービスを発表した。\n\n店主は今、返金のたびに注文を表計算に手作業で写し、銀行に電話して二日待つ。客からは問い合わせが続き、毎週四時間が無駄になる。返金の記録はノートと表計算と銀行の明細にバラバラに残り、月末に合わせるのは面倒で、間違いも多い。\n";
        assert!(rules_of(&check_text(text), "missing-problem-paragraph").is_empty());
        // The answer to "What worries does it answer?" in an FAQ.
        let text = "# 店舗の返金が二分で終わる\n\n東京、2027年3月15日 — Refundlyを発表した。\n\n## FAQ\n\n### どんな悩みに応えますか？\n\n店主は今、返金のたびに注文を表計算に手作業で写し、銀行に電話して二日待つ。客からは問い合わせが続き、毎週四時間が無駄になる。返金の記録はバラバラに残り、月末に合わせるのは面倒だ。\n";
        assert!(rules_of(&check_text(text), "missing-problem-paragraph").is_empty());
        // The same signs English reads: guessing, not knowing, the burden,
        // the problem itself.
        let text = "# 店舗の返金が二分で終わる\n\n東京、2027年3月15日 — Refundlyを発表した。\n\n店主は返金の状況を推測するしかなく、客に何日かかるか分からない。返金の確認は店主の負担になり、月末の照合でいつも問題が起きる。銀行の明細と注文の記録を一件ずつ見比べるので、夜遅くまで店に残る日が続き、翌朝の仕込みにも響いてしまう。\n";
        assert!(rules_of(&check_text(text), "missing-problem-paragraph").is_empty());
        // German: by hand, forgetting, a dilemma, taking longer.
        let text = "# Erstattungen an der Kasse\n\nBERLIN, 15. März 2027 — Refundly startet heute für Ladeninhaber.\n\nWer eine Erstattung an der Kasse machen will, steht vor einem Dilemma. Man trägt die Bestellung von Hand in eine Tabelle ein, vergisst die Quittung und ruft die Bank an. Das dauert länger als der ganze Verkauf, und beim nächsten Kunden geht alles von vorn los.\n";
        assert!(rules_of(&check_text(text), "missing-problem-paragraph").is_empty());
        let plain = "# 店舗の返金が二分で終わる\n\n東京、2027年3月15日 — Refundlyを発表した。\n\n店主は返金の状況を画面で見て、客に日付を伝える。返金の確認は店主が行い、月末にまとめて照合する。銀行の明細と注文の記録を一件ずつ見比べて、照合の結果を表にまとめ、翌朝の仕込みの前に店の帳簿へ写しておく。\n";
        assert_eq!(
            rules_of(&check_text(plain), "missing-problem-paragraph").len(),
            1
        );
    }

    #[test]
    fn a_narrative_document_needs_no_problem_heading() {
        let text = format!(
            "# Shops refund in two minutes\n\nSEATTLE, March 15, 2027 -- Shop owners refund in two minutes.\n\n{PROBLEM}\n"
        );
        let f = check_text(&text);
        assert!(
            rules_of(&f, "missing-problem-paragraph").is_empty(),
            "{f:#?}"
        );
    }
}
