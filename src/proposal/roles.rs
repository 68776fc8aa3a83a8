//! Section roles and the heading aliases that recognise them.

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

use serde::Serialize;

/// What a section of a PR/FAQ is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    Headline,
    Subheading,
    Summary,
    /// A container heading such as "Press release" that holds the others.
    PressRelease,
    Problem,
    Solution,
    LeaderQuote,
    HowItWorks,
    CustomerQuote,
    GettingStarted,
    /// "Frequently asked questions": the start of the FAQ part.
    Faq,
    ExternalFaq,
    InternalFaq,
    Other,
}

impl Role {
    pub const ALL: &[Role] = &[
        Role::Headline,
        Role::Subheading,
        Role::Summary,
        Role::PressRelease,
        Role::Problem,
        Role::Solution,
        Role::LeaderQuote,
        Role::HowItWorks,
        Role::CustomerQuote,
        Role::GettingStarted,
        Role::Faq,
        Role::ExternalFaq,
        Role::InternalFaq,
        Role::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Headline => "headline",
            Role::Subheading => "subheading",
            Role::Summary => "summary",
            Role::PressRelease => "press-release",
            Role::Problem => "problem",
            Role::Solution => "solution",
            Role::LeaderQuote => "leader-quote",
            Role::HowItWorks => "how-it-works",
            Role::CustomerQuote => "customer-quote",
            Role::GettingStarted => "getting-started",
            Role::Faq => "faq",
            Role::ExternalFaq => "external-faq",
            Role::InternalFaq => "internal-faq",
            Role::Other => "other",
        }
    }

    /// How a reader would name the section in a sentence.
    pub fn label(self) -> &'static str {
        match self {
            Role::Headline => "headline",
            Role::Subheading => "subheading",
            Role::Summary => "summary",
            Role::PressRelease => "press release",
            Role::Problem => "problem",
            Role::Solution => "solution",
            Role::LeaderQuote => "leader quote",
            Role::HowItWorks => "how it works",
            Role::CustomerQuote => "customer quote",
            Role::GettingStarted => "getting started",
            Role::Faq => "FAQ",
            Role::ExternalFaq => "external FAQ",
            Role::InternalFaq => "internal FAQ",
            Role::Other => "other",
        }
    }

    pub fn parse(s: &str) -> Option<Role> {
        Role::ALL.iter().copied().find(|r| r.as_str() == s)
    }

    /// True for the headings that open the FAQ part of the document.
    pub fn is_faq(self) -> bool {
        matches!(self, Role::Faq | Role::ExternalFaq | Role::InternalFaq)
    }
}

/// A section role in wb.yaml (`sections: { problem: [...] }`): an unknown
/// name is an error at its line, with the nearest role as a hint.
impl<'de> serde::Deserialize<'de> for Role {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let name = <String as serde::Deserialize>::deserialize(d)?;
        Role::parse(&name)
            .filter(|r| *r != Role::Other)
            .ok_or_else(|| {
                let names: Vec<&str> = Role::ALL
                    .iter()
                    .filter(|r| **r != Role::Other)
                    .map(|r| r.as_str())
                    .collect();
                let hint = match crate::portfolio::closest(&name, &names) {
                    Some(c) => format!("did you mean `{c}`? roles are: {}", names.join(", ")),
                    None => format!("roles are: {}", names.join(", ")),
                };
                crate::yaml::error_with_hint(&format!("unknown section role `{name}`"), &hint)
            })
    }
}

impl std::fmt::Display for Role {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Heading texts (normalised) that identify each role out of the box.
const BUILTIN: &[(Role, &[&str])] = &[
    // "## Heading ##" over the headline in a widely copied template.
    (
        Role::Headline,
        &["headline", "the headline", "title", "heading"],
    ),
    (
        Role::Subheading,
        &[
            "subheading",
            "sub-heading",
            "sub heading",
            "subheadline",
            "sub-headline",
            "sub headline",
            "subtitle",
            "sub-title",
        ],
    ),
    (
        Role::Summary,
        &[
            "summary",
            "summary paragraph",
            "the summary",
            "intro paragraph",
            "intro",
            "introduction",
            "opening paragraph",
            "first paragraph",
            "lead paragraph",
        ],
    ),
    (
        Role::PressRelease,
        &[
            "press release",
            "the press release",
            "pr",
            "prfaq",
            "pr/faq",
            "pr faq",
            "pr-faq",
            "press release and faq",
            "working backwards",
            "draft press release",
        ],
    ),
    (
        Role::Problem,
        &[
            "problem",
            "problem paragraph",
            "the problem paragraph",
            "the problem",
            "customer problem",
            "the customer problem",
            "problem statement",
            "the problem statement",
            "the challenge",
            "challenge",
            "pain point",
            "pain points",
            "the customer's problem",
            "customer's problem",
            "customer pain",
            "customer pain points",
            "what customers struggle with",
            "why it matters",
            "the problem today",
        ],
    ),
    (
        Role::Solution,
        &[
            "solution",
            "solution paragraph",
            "the solution",
            "our solution",
            "proposed solution",
            "the answer",
            "solution overview",
            "the solution overview",
            "our approach",
            "the approach",
            "approach",
            "the product",
            "product overview",
            "what we built",
            "what we are building",
        ],
    ),
    (
        Role::LeaderQuote,
        &[
            "leader quote",
            "leader's quote",
            "leaders quote",
            "quote from a leader",
            "leadership quote",
            "executive quote",
            "company quote",
            "quote from the company",
            "spokesperson quote",
            "spokesperson",
            "internal quote",
            "quote from leadership",
            "founder quote",
            "founder's quote",
            // The template's "Quote from You": the writer is the maker.
            "quote from you",
        ],
    ),
    (
        Role::HowItWorks,
        &[
            "how it works",
            "how does it work",
            "how the product works",
            "the customer experience",
            "customer experience",
            "how customers use it",
            "customer's job-to-be-done",
            "customer job-to-be-done",
            "job to be done",
            "jobs to be done",
            "user experience",
            "how to use it",
        ],
    ),
    (
        Role::CustomerQuote,
        &[
            "customer quote",
            "customer's quote",
            "customer quotes",
            "quote from a customer",
            "customer testimonial",
            "customer testimonials",
            "customer testimonies",
            "testimonial",
            "testimonials",
            "what customers say",
            "customer voice",
            "user quote",
        ],
    ),
    (
        Role::GettingStarted,
        &[
            "getting started",
            "how to get started",
            "get started",
            "availability",
            "availability and pricing",
            "pricing and availability",
            "how to buy",
            "call to action",
            "closing and call to action",
            "closing",
            "where to find it",
            "how to get it",
            "next steps",
        ],
    ),
    (
        Role::Faq,
        &[
            "frequently asked questions",
            "faq",
            "faqs",
            "f.a.q",
            "questions and answers",
            "questions & answers",
            "q&a",
            "q & a",
        ],
    ),
    (
        Role::ExternalFaq,
        &[
            "external faq",
            "external faqs",
            "customer faq",
            "customer faqs",
            "external questions",
            "customer questions",
            "public faq",
            "external frequently asked questions",
            "customer frequently asked questions",
        ],
    ),
    (
        Role::InternalFaq,
        &[
            "internal faq",
            "internal faqs",
            "stakeholder faq",
            "stakeholder faqs",
            "internal questions",
            "business faq",
            "stakeholder questions",
            "internal frequently asked questions",
        ],
    ),
];

/// The same section names in the languages PR/FAQs are often written in
/// besides English: German, French, Spanish, Portuguese, Japanese, Korean
/// and Chinese. A team writing in its own language names its sections in
/// it ("Das Problem", "課題", "문제 정의", "常见问题").
const BUILTIN_OTHER_LANGUAGES: &[(Role, &[&str])] = &[
    (
        Role::Headline,
        &[
            "schlagzeile",
            "überschrift",
            "titre",
            "titular",
            "título",
            "見出し",
            "タイトル",
            "제목",
            "헤드라인",
            "标题",
        ],
    ),
    (
        Role::Subheading,
        &[
            "unterüberschrift",
            "untertitel",
            "sous-titre",
            "subtítulo",
            "サブタイトル",
            "小見出し",
            "副題",
            "부제",
            "부제목",
            "副标题",
        ],
    ),
    (
        Role::Summary,
        &[
            "резюме",
            "краткое описание",
            "riepilogo",
            "sommario",
            "zusammenfassung",
            "résumé",
            "resumen",
            "resumo",
            "概要",
            "サマリー",
            "要約",
            "リード文",
            "요약",
            "개요",
            "오프닝 문단",
            "摘要",
            "概述",
            "导语",
        ],
    ),
    (
        Role::PressRelease,
        &[
            "пресс-релиз",
            "comunicato stampa",
            "pressemitteilung",
            "pressemeldung",
            "communiqué de presse",
            "communiqué",
            "comunicado de prensa",
            "nota de prensa",
            "comunicado de imprensa",
            "プレスリリース",
            "보도자료",
            "보도 자료",
            "프레스 릴리스",
            "新闻稿",
            "新聞稿",
        ],
    ),
    (
        Role::Problem,
        &[
            "проблема",
            "боль",
            "боли",
            "il problema",
            "problema del cliente",
            "das problem",
            "die herausforderung",
            "herausforderung",
            "ausgangslage",
            "le problème",
            "problème",
            "la problématique",
            "problématique",
            "el problema",
            "problema",
            "el desafío",
            "o problema",
            "o desafio",
            "課題",
            "問題",
            "背景",
            "開発の背景",
            "顧客の課題",
            "解決したい課題",
            "現状の課題",
            "문제",
            "문제 정의",
            "문제점",
            "과제",
            "고객의 문제",
            "问题",
            "痛点",
            "用户痛点",
            "客户痛点",
            "背景与问题",
        ],
    ),
    (
        Role::Solution,
        &[
            "решение",
            "наше решение",
            "la soluzione",
            "soluzione",
            "lösung",
            "die lösung",
            "unsere lösung",
            "la solution",
            "notre solution",
            "solución",
            "la solución",
            "nuestra solución",
            "solução",
            "a solução",
            "解決策",
            "ソリューション",
            "解決方法",
            "해결책",
            "해결 방법",
            "해결 방안",
            "솔루션",
            "解决方案",
            "方案",
        ],
    ),
    (
        Role::CustomerQuote,
        &[
            "цитата клиента",
            "отзыв клиента",
            "отзывы",
            "citazione del cliente",
            "testimonianza",
            "kundenzitat",
            "kundenstimme",
            "kundenstimmen",
            "citation client",
            "témoignage",
            "témoignages",
            "témoignage client",
            "cita del cliente",
            "testimonio",
            "testimonios",
            "depoimento",
            "depoimentos",
            "ユーザーの声",
            "お客様の声",
            "顧客の声",
            "고객 인용",
            "고객 인용문",
            "고객의 목소리",
            "고객 후기",
            "客户评价",
            "用户评价",
            "客户之声",
            "用户心声",
        ],
    ),
    (
        Role::LeaderQuote,
        &[
            "代表コメント",
            "経営者のコメント",
            "리더 인용",
            "경영진 인용",
            "高管寄语",
        ],
    ),
    (
        Role::HowItWorks,
        &[
            "как это работает",
            "come funziona",
            "so funktioniert es",
            "wie es funktioniert",
            "comment ça marche",
            "fonctionnement",
            "cómo funciona",
            "como funciona",
            "仕組み",
            "使い方",
            "利用の流れ",
            "작동 방식",
            "사용 방법",
            "제품 사용 방식",
            "工作原理",
            "使用方法",
        ],
    ),
    (
        Role::GettingStarted,
        &[
            "erste schritte",
            "verfügbarkeit",
            "disponibilité",
            "pour commencer",
            "disponibilidad",
            "cómo empezar",
            "disponibilidade",
            "提供開始",
            "利用開始",
            "価格と提供",
            "출시 정보",
            "시작하기",
            "上线信息",
            "如何开始",
        ],
    ),
    (
        Role::Faq,
        &[
            "часто задаваемые вопросы",
            "вопросы и ответы",
            "domande frequenti",
            "häufige fragen",
            "häufig gestellte fragen",
            "fragen und antworten",
            "questions fréquentes",
            "foire aux questions",
            "preguntas frecuentes",
            "perguntas frequentes",
            "よくある質問",
            "質疑応答",
            "자주 묻는 질문",
            "질의응답",
            "常见问题",
            "问答",
        ],
    ),
    (
        Role::ExternalFaq,
        &[
            "внешний faq",
            "внешние вопросы",
            "faq esterne",
            "externe faq",
            "kunden-faq",
            "faq externe",
            "faq client",
            "faq externa",
            "preguntas de clientes",
            "faq externo",
            "外部faq",
            "外部向けfaq",
            "顧客向けfaq",
            "외부 faq",
            "고객 faq",
            "外部常见问题",
            "客户faq",
        ],
    ),
    (
        Role::InternalFaq,
        &[
            "внутренний faq",
            "внутренние вопросы",
            "faq interne",
            "interne faq",
            "faq interne",
            "faq interna",
            "faq interno",
            "内部faq",
            "社内faq",
            "内部向けfaq",
            "내부 faq",
            "内部常见问题",
        ],
    ),
];

/// Words that say an FAQ is the customers'.
const EXTERNAL_WORDS: &[&str] = &[
    "external",
    "customer",
    "customers",
    "customer-facing",
    "user",
    "users",
    "public",
    "client",
    "clients",
    "consumer",
    "consumers",
    "buyer",
    "buyers",
    "end-user",
    "end-users",
    // German, French, Spanish and Portuguese.
    "nutzer",
    "nutzerinnen",
    "kunden",
    "extern",
    "externe",
    "externen",
    "utilisateurs",
    "externes",
    "clientes",
    "usuarios",
    "usuários",
    "externo",
    "externa",
    "externos",
    "externas",
];

/// Words that say an FAQ is the business's.
const INTERNAL_WORDS: &[&str] = &[
    "internal",
    "stakeholder",
    "stakeholders",
    "business",
    "strategic",
    "strategy",
    "technical",
    "tech",
    "engineering",
    "team",
    "investor",
    "investors",
    "leadership",
    "executive",
    "implementation",
    "operational",
    "operations",
    // German, French, Spanish and Portuguese.
    "intern",
    "interne",
    "internen",
    "internes",
    "interno",
    "interna",
    "internos",
    "internas",
    "technik",
    "technique",
    "técnico",
    "técnica",
];

/// Template prompts kept as headings ("Describe the opportunity or
/// problem: the setup") start with an instruction; the role is the first
/// role word in them.
const PROMPT_VERBS: &[&str] = &[
    "describe",
    "explain",
    "include",
    "summarize",
    "summarise",
    "quote",
    "state",
    "write",
    "list",
    "add",
    "provide",
    "give",
];

/// Role words of template prompts, tried in this order.
const PROMPT_WORDS: &[(&str, Role)] = &[
    ("testimonial", Role::CustomerQuote),
    ("customer quote", Role::CustomerQuote),
    ("leader", Role::LeaderQuote),
    ("executive", Role::LeaderQuote),
    ("problem", Role::Problem),
    ("solution", Role::Solution),
    ("customer experience", Role::HowItWorks),
    ("how it works", Role::HowItWorks),
    ("call to action", Role::GettingStarted),
    ("getting started", Role::GettingStarted),
    ("summar", Role::Summary),
];

/// Maps a heading to its role; extended by `sections:` in `wb.yaml`.
#[derive(Debug, Clone)]
pub struct Aliases {
    map: HashMap<String, Role>,
}

impl Default for Aliases {
    fn default() -> Self {
        let mut map = HashMap::new();
        for (role, names) in BUILTIN.iter().chain(BUILTIN_OTHER_LANGUAGES) {
            for name in *names {
                map.insert(name.to_string(), *role);
            }
        }
        Aliases { map }
    }
}

impl Aliases {
    pub fn add(&mut self, role: Role, heading: &str) {
        self.map.insert(normalise(heading), role);
    }

    /// The role a heading names, seen through numbering, punctuation,
    /// emoji, a qualifier in brackets or after a colon or dash ("External
    /// FAQ (what customers ask)", "2. The Problem:", "Press release
    /// (draft)"), a plural, and the audience words of an FAQ heading
    /// ("Customer / User FAQs", "Technical FAQ").
    pub fn role_of(&self, heading: &str) -> Option<Role> {
        let norm = normalise(heading);
        if norm.is_empty() {
            return None;
        }
        if let Some(r) = self.exact(&norm) {
            return Some(r);
        }
        if let Some(r) = faq_role(&norm) {
            return Some(r);
        }
        // A qualifier in brackets, or after a colon or a dash.
        let unbracketed = normalise(&strip_brackets(&norm));
        if !unbracketed.is_empty()
            && unbracketed != norm
            && let Some(r) = self.exact(&unbracketed)
        {
            return Some(r);
        }
        for sep in [":", "：", " — ", " – ", " - ", " / ", "｜", " | "] {
            if let Some((head, _)) = unbracketed.split_once(sep)
                && let Some(r) = self.exact(&normalise(head))
            {
                return Some(r);
            }
        }
        // "The problem developers face", "The problem with spreadsheets": a
        // label whose head is the problem names the problem section.
        static PROBLEM_LABEL: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"^(?:the |our customers' |the customer's )?(?:problems?|challenges?|pain points?)(?: (?:with|of|for|that|developers|customers|users|teams|people|we|they|today|\w+ face|\w+ have))\b").unwrap()
        });
        let may_name_problem = ["the ", "our ", "problem", "challenge", "pain"]
            .iter()
            .any(|p| unbracketed.starts_with(p));
        if may_name_problem
            && unbracketed.split_whitespace().count() <= 8
            && PROBLEM_LABEL.is_match(&unbracketed)
        {
            return Some(Role::Problem);
        }
        // The press-release template asked as questions: "What is
        // VacaShare?", "What does VacaShare solve?", "How does VacaShare
        // solve this?".
        static ASKED_SECTION: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"^(?:(what (?:is|'s) [\w.-]+(?: [\w.-]+)?)|(what (?:problems? )?(?:does|will|do) [\w.-]+(?: [\w.-]+)? solve)|(how (?:does|will|do) [\w.-]+(?: [\w.-]+)? solve (?:this|it|that|the problems?|them)))\s*\??$").unwrap()
        });
        if let Some(c) = ASKED_SECTION.captures(&unbracketed) {
            return Some(if c.get(1).is_some() {
                Role::Summary
            } else if c.get(2).is_some() {
                Role::Problem
            } else {
                Role::Solution
            });
        }
        // "Quote from the Glitch team", "Quote from our CEO": the maker's
        // voice, whatever the company is called.
        static MAKER_QUOTE: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"^quotes? from (?:the |our |a |an )?(?:[\w-]+ ){0,3}(?:team|company|founders?|co-founders?|ceo|cto|cpo|leadership|leaders?|makers?|creators?|spokesperson|executives?|product owner|product manager)$").unwrap()
        });
        if MAKER_QUOTE.is_match(&unbracketed) {
            return Some(Role::LeaderQuote);
        }
        // "Customer quote 2", "고객 인용문 1": a numbered instance.
        if let Some((head, n)) = unbracketed.rsplit_once(' ')
            && !n.is_empty()
            && n.chars().all(|c| c.is_ascii_digit())
            && let Some(r) = self.exact(head)
        {
            return Some(r);
        }
        prompt_role(&unbracketed)
    }

    /// An exact alias, also in the singular or plural and without a
    /// leading "the", "our" or "key".
    fn exact(&self, norm: &str) -> Option<Role> {
        let lookup = |s: &str| {
            self.map.get(s).copied().or_else(|| {
                s.strip_suffix('s')
                    .and_then(|t| self.map.get(t).copied())
                    .or_else(|| self.map.get(&format!("{s}s")).copied())
            })
        };
        lookup(norm).or_else(|| {
            ["the ", "our ", "key ", "a "]
                .iter()
                .find_map(|p| norm.strip_prefix(p))
                .and_then(lookup)
        })
    }

    /// Every alias of `role`, sorted, for help and explanations.
    pub fn names(&self, role: Role) -> Vec<&str> {
        let mut v: Vec<&str> = self
            .map
            .iter()
            .filter(|(_, r)| **r == role)
            .map(|(k, _)| k.as_str())
            .collect();
        v.sort_unstable();
        v
    }
}

/// An FAQ heading and whose questions it holds: any heading naming an FAQ
/// ("faq", "frequently asked questions", "q&a", or "questions" with an
/// audience word), external or internal by the first audience word in it.
fn faq_role(norm: &str) -> Option<Role> {
    if is_title_label(norm) {
        return None;
    }
    let words: Vec<&str> = norm
        .split(|c: char| !(c.is_alphanumeric() || c == '&' || c == '-' || c == '.'))
        .filter(|w| !w.is_empty())
        .collect();
    // Japanese, Chinese and Korean write "外部向けFAQ" as one word: the
    // audience is a part of it.
    const CJK_EXTERNAL: &[&str] = &[
        "外部",
        "顧客",
        "ユーザー",
        "お客様",
        "客户",
        "用户",
        "고객",
        "외부",
    ];
    const CJK_INTERNAL: &[&str] = &["内部", "社内", "アンチ", "내부", "사내", "внутрен"];
    let audience = words.iter().find_map(|w| {
        let other = !w.is_ascii();
        if EXTERNAL_WORDS.contains(w) || (other && CJK_EXTERNAL.iter().any(|a| w.contains(a))) {
            Some(Role::ExternalFaq)
        } else if INTERNAL_WORDS.contains(w)
            || (other && CJK_INTERNAL.iter().any(|a| w.contains(a)))
        {
            Some(Role::InternalFaq)
        } else {
            None
        }
    });
    let cjk = |w: &str| w.chars().any(super::body::is_cjk);
    let named_faq = words.iter().any(|w| {
        matches!(*w, "faq" | "faqs" | "f.a.q" | "f.a.q." | "q&a")
            || (cjk(w) && (w.contains("faq") || w.contains("q&a")))
    }) || norm.contains("preguntas frecuentes")
        || norm.contains("perguntas frequentes")
        || !norm.is_ascii()
            && [
                "よくある質問",
                "자주 묻는 질문",
                "常见问题",
                "häufige fragen",
                "questions fréquentes",
                "часто задаваемые вопросы",
                "вопросы и ответы",
                "domande frequenti",
            ]
            .iter()
            .any(|n| norm.contains(n))
        || norm.contains("frequently asked questions")
        || norm.contains("questions and answers")
        || norm.contains("questions & answers")
        || norm.contains("q & a");
    // "Customer questions", "Technical questions": but not "Open questions"
    // or "Implementation questions".
    let audience_questions = words.iter().any(|w| {
        matches!(
            *w,
            "customer"
                | "customers"
                | "user"
                | "users"
                | "external"
                | "internal"
                | "public"
                | "client"
                | "clients"
                | "stakeholder"
                | "stakeholders"
                | "business"
                | "technical"
        )
    }) && words
        .last()
        .is_some_and(|w| matches!(*w, "questions" | "question"))
        && words.len() <= 4;
    if !(named_faq || audience_questions) || words.len() > 8 {
        return None;
    }
    Some(audience.unwrap_or(Role::Faq))
}

/// Does an FAQ heading name its audience only by a subject that customers
/// ask about too ("Technical questions", "Tech FAQ")? Inside a general FAQ
/// such a heading is one more topic group, not the business's own FAQ.
pub fn names_subject_only(heading: &str) -> bool {
    let norm = normalise(heading);
    let words: Vec<&str> = norm
        .split(|c: char| !(c.is_alphanumeric() || c == '&' || c == '-' || c == '.'))
        .filter(|w| !w.is_empty())
        .collect();
    let subject = |w: &&str| matches!(*w, "technical" | "tech" | "engineering" | "implementation");
    words.iter().any(subject)
        && !words
            .iter()
            .any(|w| !subject(w) && (INTERNAL_WORDS.contains(w) || EXTERNAL_WORDS.contains(w)))
}

/// A heading that is an instruction of a template ("Describe the problem").
fn prompt_role(norm: &str) -> Option<Role> {
    let first = norm.split_whitespace().next()?;
    if !PROMPT_VERBS.contains(&first) {
        return None;
    }
    PROMPT_WORDS
        .iter()
        .filter_map(|(w, r)| norm.find(w).map(|at| (at, *r)))
        .min_by_key(|(at, _)| *at)
        .map(|(_, r)| r)
}

/// `norm` without text in brackets.
fn strip_brackets(norm: &str) -> String {
    let mut out = String::new();
    let mut depth = 0usize;
    for c in norm.chars() {
        match c {
            '(' | '[' | '（' | '【' | '［' => depth += 1,
            ')' | ']' | '）' | '】' | '］' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// A "PR/FAQ" label: the heading names the document's kind, not a section.
static TITLE_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bpr\s*[/&+-]?\s*faqs?\b|\bprfaqs?\b|\bworking[- ]backwards\b|\bpress[- ]release\s*(?:[/&+]|and)\s*(?:faqs?|frequently)|(?:プレスリリース|보도\s?자료|新闻稿|新聞稿|\bcomunicado de (?:imprensa|prensa)|\bpressemitteilung|\bcommuniqué de presse)\s*(?:[/&+＆・]|\band\b|と|및|和|与|\by\b|\be\b|\bund\b|\bet\b)\s*(?:faqs?\b|よくある質問|자주\s?묻는\s?질문|常见问题|preguntas frecuentes|perguntas frequentes)|^\W*[\d.\s]*\p{L}.*\bpress[- ]release\W*(?:\((?:draft|v?\d[\w.]*)\)\W*)?$")
        .unwrap()
});

/// Does the heading name the document's kind ("Dossier — PR/FAQ",
/// "PRFAQ: smallhold", "PR/FAQ", "Dossier Press Release", "Lumber —
/// Working Backwards Plan")? Such a heading opens the press release
/// and may carry the document's name, but it is never a headline or an FAQ.
pub fn is_title_label(heading: &str) -> bool {
    TITLE_LABEL.is_match(heading)
}

/// The document's name in a heading that also names its kind: "PRFAQ:
/// smallhold" → "smallhold", "Dossier — PR/FAQ" → "Dossier", "Title: X" →
/// "X". Empty when the heading is only the label.
pub fn strip_title_label(heading: &str) -> String {
    static LEAD: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^\s*(?:title|feature name|prfaqs?|pr\s*[/&+-]?\s*faqs?|press release(?:\s*[/&+]\s*faqs?)?|working backwards)\s*(?:[:—–|-]+|//|\s(?:for|of|on)\s)\s*").unwrap()
    });
    static TAIL: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\s*(?:[:—–|-]|//)?\s*(?:\bprfaqs?\b|\bpr\s*[/&+-]?\s*faqs?\b|\bpress release(?:\s*(?:[/&+]|and)\s*faqs?)?\b|\bworking[- ]backwards(?:\s+(?:plan|document|doc|memo))?\b|(?:プレスリリース|보도\s?자료|新闻稿|新聞稿)\s*(?:[/&+＆・]|と|및|和|与)?\s*(?:faqs?\b|よくある質問|자주\s?묻는\s?질문|常见问题)?)\s*(?:\([^)]*\))?\s*$").unwrap()
    });
    let mut t = heading.trim().to_string();
    t = LEAD.replace(&t, "").into_owned();
    t = TAIL.replace(&t, "").into_owned();
    t.trim_matches(|c: char| c.is_whitespace() || matches!(c, ':' | '—' | '–' | '-' | '|'))
        .to_string()
}

/// Names of sections, in PR/FAQs and in the documents that sit beside them
/// (RFCs, KEPs, ADRs, PRDs): never a document's title or headline.
const SECTION_NAMES: &[&str] = &[
    "summary",
    "abstract",
    "introduction",
    "overview",
    "motivation",
    "background",
    "context",
    "status",
    "table of contents",
    "contents",
    "toc",
    "tl;dr",
    "tldr",
    "preamble",
    "metadata",
    "goals",
    "goal",
    "non-goals",
    "objectives",
    "proposal",
    "detailed design",
    "design",
    "decision",
    "problem",
    "the problem",
    "faq",
    "notes",
    "draft",
    "release signoff checklist",
    "description",
    "purpose",
    "scope",
];

/// Is `heading` the name of a section rather than of a document?
pub fn is_section_name(heading: &str, aliases: &Aliases) -> bool {
    let n = normalise(heading);
    n.is_empty()
        || SECTION_NAMES.contains(&n.as_str())
        || aliases
            .role_of(heading)
            .is_some_and(|r| r != Role::Headline)
}

/// Lower case, emoji and symbols around it, numbering ("2.", "IV.", "Q1:",
/// "Part 2 -") and trailing punctuation removed, spaces collapsed: "2. The
/// Problem:" and "the problem" are the same heading.
pub fn normalise(heading: &str) -> String {
    static NUMBERING: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^(?:(?:part|section|step|chapter)\s+)?(?:\d+(?:\.\d+)*|[ivx]+|[a-h])(?:[.):]|\s*[—–-])\s*").unwrap()
    });
    let lower = heading.trim().to_lowercase();
    let lower = lower.replace(['’', '‘'], "'");
    let trimmed = lower.trim_matches(|c: char| {
        !(c.is_alphanumeric()
            || matches!(
                c,
                '(' | ')' | '[' | ']' | '?' | '\'' | '"' | '&' | '（' | '）' | '【' | '】' | '？'
            ))
    });
    let without_number = NUMBERING.replace(trimmed, "");
    let without_number = without_number.trim();
    let end = without_number.trim_end_matches(|c: char| {
        !(c.is_alphanumeric() || matches!(c, ')' | ']' | '?' | '\'' | '"' | '）' | '】' | '？'))
    });
    end.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aliases_are_case_and_punctuation_blind() {
        let a = Aliases::default();
        assert_eq!(a.role_of("The Problem:"), Some(Role::Problem));
        assert_eq!(a.role_of("2. Customer quote"), Some(Role::CustomerQuote));
        assert_eq!(a.role_of("  INTERNAL   FAQ "), Some(Role::InternalFaq));
        assert_eq!(a.role_of("Pricing"), None);
    }

    #[test]
    fn the_widely_copied_template_s_headings_have_their_roles() {
        let a = Aliases::default();
        for (heading, role) in [
            ("Heading ##", Role::Headline),
            ("Sub-Heading", Role::Subheading),
            ("Quote from You", Role::LeaderQuote),
            ("Quote from the Tally Team", Role::LeaderQuote),
            ("Quote from our CEO", Role::LeaderQuote),
            ("Closing and Call to Action", Role::GettingStarted),
        ] {
            assert_eq!(a.role_of(heading), Some(role), "{heading}");
        }
        // The template's sections asked as questions.
        for (heading, role) in [
            ("What is Tally?", Role::Summary),
            ("What does Tally solve?", Role::Problem),
            ("What problem does Tally solve?", Role::Problem),
            ("How does Tally solve this?", Role::Solution),
        ] {
            assert_eq!(a.role_of(heading), Some(role), "{heading}");
        }
        assert_eq!(a.role_of("What is the price of a stall?"), None);
        // A quote from someone else is not the maker's.
        assert_ne!(a.role_of("Quote from a nurse"), Some(Role::LeaderQuote));
    }

    #[test]
    fn section_names_in_other_languages() {
        let a = Aliases::default();
        for (heading, role) in [
            ("Das Problem", Role::Problem),
            ("Die Lösung", Role::Solution),
            ("Pressemitteilung", Role::PressRelease),
            ("Häufige Fragen", Role::Faq),
            ("Le problème", Role::Problem),
            ("Preguntas frecuentes", Role::Faq),
            ("1. プレスリリース（2027年4月1日）", Role::PressRelease),
            ("■ 開発の背景：なぜ今なのか", Role::Problem),
            ("課題", Role::Problem),
            ("解決策", Role::Solution),
            ("ユーザーの声", Role::CustomerQuote),
            ("2. 外部向けFAQ（想定される質問と回答）", Role::ExternalFaq),
            ("3. 内部/アンチFAQ（厳しい問い）", Role::InternalFaq),
            ("よくある質問", Role::Faq),
            ("문제 정의", Role::Problem),
            ("고객 인용문 1", Role::CustomerQuote),
            ("내부 FAQ", Role::InternalFaq),
            ("常见问题", Role::Faq),
            ("Проблема", Role::Problem),
            ("Часто задаваемые вопросы", Role::Faq),
            ("Внутренний FAQ", Role::InternalFaq),
            ("Domande frequenti", Role::Faq),
            ("Il problema", Role::Problem),
            ("The problem developers face", Role::Problem),
            ("The problem with spreadsheets", Role::Problem),
            ("痛点", Role::Problem),
        ] {
            assert_eq!(a.role_of(heading), Some(role), "{heading}");
        }
    }

    #[test]
    fn config_extends_aliases() {
        let mut a = Aliases::default();
        a.add(Role::Problem, "Why customers churn");
        assert_eq!(a.role_of("why customers churn"), Some(Role::Problem));
    }
}
