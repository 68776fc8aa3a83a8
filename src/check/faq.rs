//! The FAQs: `faq-avoids-hard-questions` and `faq-too-short`.

use std::sync::LazyLock;

use regex::Regex;

use super::Hit;
use super::text::Doc;
use crate::proposal::{FaqEntry, FaqKind, Role};

/// The five hard topics of an internal FAQ and the words that raise them.
static TOPICS: LazyLock<[(&str, Regex); 5]> = LazyLock::new(|| {
    let re = |s: &str| Regex::new(s).unwrap();
    [
        (
            "cost",
            re(
                r"(?i)\b(?:costs?|costing|price|pricing|priced|budget|spend|margins?|revenue|invest(?:ment)?|pay for|headcount|economics|profit\w*|break[- ]even|payback|expensive|afford\w*|fund(?:ed|ing)?)\b|[$€£]\s?\d|\b\d[\d,.]*\s?(?:USD|EUR|GBP|dollars|euros|pounds)\b|\b(?:kost\w*|preis\w*|budget|umsatz|coûts?|prix|tarif\w*|costos?|costes?|precio\w*|custos?|preço\w*|receita|ingresos|стоимост\w*|затрат\w*|бюджет\w*|цен[аы]\w*|выручк\w*|costi|costo|prezzo|ricavi)\b|コスト|費用|料金|価格|収益|予算|採算|マネタイズ|비용|가격|수익|예산|成本|费用|价格|收入|预算|盈利",
            ),
        ),
        (
            "risks",
            re(
                r"(?i)\b(?:risks?|risky|fail\w*|wrong|worst|threats?|harm\w*|liabilit\w*|dangers?|dangerous|mistakes?|downsides?|abuse|breach\w*|lawsuits?|safety|unsafe|concerns?|stop work|kill (?:it|the)|(?:make|makes|made) us stop|would we stop|walk away)\b|what if\b|\b(?:risik\w*|gefahr\w*|risques?|riesgos?|riscos?|échec|fracaso|falha|риск\w*|угроз\w*|rischi\w*)\b|リスク|懸念|失敗|危険|위험|리스크|우려|실패|风险|隐患|失败",
            ),
        ),
        (
            "dependencies",
            re(
                r"(?i)\b(?:depend(?:s|ed|ent)? on|dependenc(?:y|ies)|rel(?:y|ies|iant) on|partners?|prerequisites?|third[- ]part(?:y|ies)|other teams|vendors?|suppliers?|need from|approvals?|sign-off|contracts?)\b|\b(?:abhängigkeit\w*|partner\w*|dépendances?|dependencias?|dependências?|proveedores?|fornecedores?|зависим\w*|партн[её]р\w*|поставщик\w*|dipendenz\w*|fornitor\w*)\b|依存|提携|パートナー|外部サービス|의존|파트너|협력|依赖|合作伙伴|供应商",
            ),
        ),
        (
            "why now",
            re(
                r"(?i)\bwhy (?:now|us|we|this year|this quarter|today)\b|\btiming\b|\bright time\b|\bwhy (?:should|would) (?:we|anyone)\b|\bwhy not wait\b|\bdifferent from\b|\bwhy\b[^.?\n]{0,60}\b(?:instead of|rather than)\b|\bwarum (?:jetzt|wir)\b|\bpourquoi (?:maintenant|nous)\b|\bpor qu[eé] (?:ahora|nosotros)\b|\bpor que (?:agora|nós)\b|\bпочему (?:сейчас|мы)\b|\bконкурент\w*|\bperché (?:ora|adesso|noi)\b|\bconcorren\w*|なぜ今|なぜ私たち|なぜ我々|競合|他社との違い|왜 지금|왜 우리|경쟁|为什么是现在|为什么是我们|竞争|竞品",
            ),
        ),
        (
            "what we will not do",
            re(
                r"(?i)\b(?:will not|won't|not (?:do|build|support|offer|include|cover)|out of scope|non-goals?|say no|leave out|left out|limitations?|not going to|(?:do|does) not plan)\b|\b(?:nicht (?:tun|bauen|anbieten|unterstützen|enthalten|drin|geplant)|bewusst (?:nicht|weggelassen)|außerhalb des umfangs|hors (?:du )?périmètre|ne (?:ferons|ferez) pas|fuera de alcance|no (?:haremos|vamos a)|fora do escopo|não (?:faremos|vamos)|не (?:будем|делаем|входит)|вне (?:рамок|скоупа)|non (?:faremo|includ\w*)|fuori (?:ambito|perimetro))\b|やらないこと|対象外|スコープ外|しないこと|하지 않을|하지 않는|범위 밖|제외|不做|不包括|范围之外",
            ),
        ),
    ]
});

super::options::options! {
    /// Options of `faq-too-short`.
    pub struct FaqTooShort {
        /// Fewest questions the external FAQ may have.
        min_external: usize = 5,
        /// Fewest questions the internal FAQ may have.
        min_internal: usize = 5,
        /// An answer with fewer words than this counts as a one-liner.
        min_answer_words: usize = 12,
    }
}

super::options::options! {
    /// Options of `faq-avoids-hard-questions`.
    pub struct HardQuestions {
        /// How many of the five hard topics the internal FAQ must raise at least (1 to 5).
        min_topics: usize = 2,
    }
}

pub(crate) fn faq_avoids_hard_questions(doc: &Doc) -> Vec<Hit> {
    let p = doc.p;
    let internal: Vec<&FaqEntry> = p.faqs(FaqKind::Internal).collect();
    // A single FAQ that does not say whose questions these are is the pool.
    let unsplit = internal.is_empty();
    let pool = if unsplit {
        p.faqs(FaqKind::General).collect()
    } else {
        internal
    };
    if pool.is_empty() {
        // No FAQ at all asks no hard question.
        if p.body.faqs.is_empty() {
            return vec![Hit::new(
                doc.top(),
                "no FAQ: nobody asks what it will cost, what could go wrong, what it depends on, why now or what we will not do",
                "add an internal FAQ that asks what makes the team uncomfortable, and answer it",
            )
            .about("the internal FAQ's hard questions")];
        }
        // Only the customers' questions: nobody asks the business's.
        let pos = p
            .body
            .sections
            .iter()
            .find(|s| s.role == Role::ExternalFaq)
            .map_or_else(|| doc.top(), |s| doc.section_pos(s));
        return vec![Hit::new(
            pos,
            "no internal FAQ: only customers' questions are asked, none about what it will cost, what could go wrong, what it depends on, why now or what we will not do",
            "add an internal FAQ that asks what makes the team uncomfortable, and answer it",
        )
        .about("the internal FAQ's hard questions")];
    }
    let min = doc
        .config()
        .check
        .rules
        .faq_avoids_hard_questions
        .min_topics
        .min(TOPICS.len());
    // An FAQ that does not say whose questions these are mixes the
    // customers' price and what-if questions in: it stands in for the
    // internal FAQ only when it raises most of the hard topics, as it does
    // for `faq-too-short`.
    let min = if unsplit {
        min.max(UNSPLIT_TOPICS.min(TOPICS.len()))
    } else {
        min
    };
    let missing = missing_topics(&pool);
    let covered = TOPICS.len() - missing.len();
    if covered >= min {
        return Vec::new();
    }
    let heading = p
        .body
        .sections
        .iter()
        .find(|s| s.role == Role::InternalFaq)
        .or_else(|| p.body.sections.iter().find(|s| s.role == Role::Faq));
    let pos = match heading {
        Some(s) => doc.section_pos(s),
        None => (pool[0].line, 1),
    };
    vec![
        Hit::new(
            pos,
            format!(
                "the internal FAQ does not ask about {} ({covered} of {} hard topics covered)",
                join_or(&missing),
                TOPICS.len()
            ),
            "ask what makes the team uncomfortable: what will it cost, what could go wrong, what \
         do we depend on, why now and why us, what will we not do",
        )
        .about("the internal FAQ's hard questions"),
    ]
}

/// The hard topics none of `entries` raises.
fn missing_topics(entries: &[&FaqEntry]) -> Vec<&'static str> {
    let text: String = entries
        .iter()
        .map(|f| format!("{}\n{}\n", f.question, f.answer))
        .collect();
    TOPICS
        .iter()
        .filter(|(_, re)| !re.is_match(&text))
        .map(|(name, _)| *name)
        .collect()
}

fn join_or(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => one.to_string(),
        [init @ .., last] => format!("{} or {last}", init.join(", ")),
    }
}

/// Hard topics an unsplit FAQ must raise to count as the internal FAQ too.
const UNSPLIT_TOPICS: usize = 4;

pub(crate) fn faq_too_short(doc: &Doc) -> Vec<Hit> {
    let p = doc.p;
    let opts = &doc.config().check.rules.faq_too_short;
    let external = p.faqs(FaqKind::External).count();
    let internal = p.faqs(FaqKind::Internal).count();
    let general = p.faqs(FaqKind::General).count();
    let mut out = Vec::new();
    let heading = |role: Role| {
        p.body
            .sections
            .iter()
            .find(|s| s.role == role)
            .map(|s| doc.section_pos(s))
    };
    let faq_pos = heading(Role::Faq).unwrap_or_else(|| doc.top());
    if external + internal + general == 0 {
        if let Some(s) = p.body.sections.iter().find(|s| s.role.is_faq()) {
            out.push(Hit::new(
                doc.section_pos(s),
                format!("'{}' has no question wb can read", s.heading),
                "write each question as a '### heading' or a **bold line** ending in '?', \
                 followed by its answer",
            ));
            return out;
        }
        out.push(Hit::new(
            faq_pos,
            "no FAQ: no question a customer or the business would ask is answered".to_string(),
            "add '# Frequently asked questions' with an '## External FAQ' and an '## Internal FAQ', \
             each question a '### heading?' followed by its answer",
        ));
        return out;
    }
    // An FAQ that does not say whose questions these are counts as external,
    // and as internal too when it asks the business's hard questions.
    let unsplit = external + internal == 0;
    let external_total = external + if unsplit { general } else { 0 };
    // An FAQ that does not say whose questions these are stands in for the
    // internal one only when it asks most of the hard questions.
    let min_topics = UNSPLIT_TOPICS;
    let internal_total = if unsplit {
        let all: Vec<&FaqEntry> = p.faqs(FaqKind::General).collect();
        let covered = TOPICS.len() - missing_topics(&all).len();
        if covered >= min_topics.min(TOPICS.len()) {
            opts.min_internal.max(1)
        } else {
            0
        }
    } else {
        internal
    };
    let counts = [
        (
            "external",
            external_total,
            opts.min_external,
            Role::ExternalFaq,
            "the questions customers will ask: price, how to start, what it replaces, what if it goes wrong",
        ),
        (
            "internal",
            internal_total,
            opts.min_internal,
            Role::InternalFaq,
            "the questions the business must answer: cost, risks, dependencies, why now, what we will not do",
        ),
    ];
    // One FAQ that holds as many questions as the two should together does
    // the counting job of both: the business questions it lacks are
    // `faq-avoids-hard-questions`' to report, not a length problem.
    let one_holds_both = |n: usize| n >= opts.min_external + opts.min_internal;
    // An FAQ one question short of the bar is a sign, not a finding: alone
    // it is a full FAQ by any reviewer's reading. It counts beside another
    // sign (a missing FAQ, a shorter one, one-line answers).
    let mut near_misses = 0;
    for (name, n, min, role, what) in counts {
        let pos = heading(role).unwrap_or(faq_pos);
        let other = if name == "external" {
            internal_total
        } else {
            external_total
        };
        if n == 0 && one_holds_both(other) {
            continue;
        }
        if n == 0 {
            out.push(
                Hit::new(
                    pos,
                    format!("no {name} FAQ"),
                    format!("add '## {} FAQ' with {what}", capitalise(name)),
                )
                .about(format!("the {name} FAQ is too short")),
            );
        } else if n < min {
            near_misses += usize::from(n + 1 == min);
            out.push(
                Hit::new(
                    pos,
                    format!(
                        "the {name} FAQ has {n} question{} (at least {min} expected)",
                        if n == 1 { "" } else { "s" }
                    ),
                    format!("add {what}"),
                )
                .about(format!("the {name} FAQ is too short")),
            );
        }
    }
    // A few short answers in a full FAQ ("What does it cost? Nothing.") are
    // answers; the pattern is an FAQ answered in one-liners: two or more, and
    // at least a third of its answers.
    let short = p
        .body
        .faqs
        .iter()
        .filter(|f| f.answer_words < opts.min_answer_words)
        .count();
    let one_liners = short >= 2 && short * 3 >= p.body.faqs.len();
    if !one_liners && near_misses == out.len() {
        out.clear();
    }
    for f in p.body.faqs.iter().filter(|_| one_liners) {
        if f.answer_words < opts.min_answer_words {
            let message = if f.answer_words == 0 {
                format!("'{}' has no answer", f.question)
            } else {
                format!("'{}' is answered in one line", f.question)
            };
            let line = doc.line(f.line);
            let col =
                super::text::find_words(line, f.question.split_whitespace().next().unwrap_or(""))
                    .first()
                    .map_or(1, |&at| super::text::col_of(line, at));
            out.push(Hit::new(
                (f.line, col),
                message,
                format!(
                    "answer it fully (at least {} words): the reader asked because it matters",
                    opts.min_answer_words
                ),
            ));
        }
    }
    out
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use crate::check::tests::{check_text, rules_of};

    fn faq(external: &[(&str, &str)], internal: &[(&str, &str)]) -> String {
        let mut s = String::from(
            "# Shops refund in two minutes\n\n# Frequently asked questions\n\n## External FAQ\n\n",
        );
        for (q, a) in external {
            s.push_str(&format!("### {q}\n\n{a}\n\n"));
        }
        s.push_str("## Internal FAQ\n\n");
        for (q, a) in internal {
            s.push_str(&format!("### {q}\n\n{a}\n\n"));
        }
        s
    }

    const LONG: &str =
        "A full answer of more than twelve words, so that it is not a one-liner at all.";

    #[test]
    fn an_external_faq_alone_asks_none_of_the_business_questions() {
        let mut text = faq(
            &[
                ("How much does it cost?", LONG),
                ("What if the card reader is offline?", LONG),
            ],
            &[],
        );
        text = text.replace("## Internal FAQ\n\n", "");
        assert_eq!(
            rules_of(&check_text(&text), "faq-avoids-hard-questions"),
            vec![
                "no internal FAQ: only customers' questions are asked, none about what it will cost, what could go wrong, what it depends on, why now or what we will not do"
            ]
        );
    }

    #[test]
    fn an_unsplit_faq_stands_in_for_the_internal_one_only_with_most_hard_topics() {
        let q = |q: &str, a: &str| format!("### {q}\n\n{a} {LONG}\n\n");
        let mut text = String::from("# Shops refund in two minutes\n\n## FAQ\n\n");
        // The customers' own price and what-if questions: two topics.
        for (question, answer) in [
            ("How much does it cost?", "Nine dollars a month."),
            ("What if the card reader is offline?", "The refund waits."),
            ("Which tills are supported?", "Most of them."),
        ] {
            text.push_str(&q(question, answer));
        }
        let m = rules_of(&check_text(&text), "faq-avoids-hard-questions");
        assert_eq!(
            m,
            vec![
                "the internal FAQ does not ask about dependencies, why now or what we will not do (2 of 5 hard topics covered)"
            ]
        );
        // The business's questions too: what is left out, and how it differs
        // from what shops use today.
        text.push_str(&q(
            "What is deliberately left out?",
            "Refunds over $500 stay manual.",
        ));
        text.push_str(&q(
            "How is this different from what shops use today?",
            "They batch refunds nightly.",
        ));
        let m = rules_of(&check_text(&text), "faq-avoids-hard-questions");
        assert!(m.is_empty(), "{m:?}");
        // "Why X instead of Y?" asks why us, as "different from" does.
        let why = text.replace(
            "How is this different from what shops use today?",
            "Why a button at the till instead of a refund form?",
        );
        let m = rules_of(&check_text(&why), "faq-avoids-hard-questions");
        assert!(m.is_empty(), "{m:?}");
    }

    #[test]
    fn a_dependable_product_is_no_dependency() {
        let text = faq(
            &[],
            &[
                (
                    "Why is a dependable refund important?",
                    "Shops say a dependable refund, depending on the day, keeps the queue short and calm.",
                ),
                ("What will it cost us?", LONG),
            ],
        );
        let m = rules_of(&check_text(&text), "faq-avoids-hard-questions");
        assert_eq!(m.len(), 1, "{m:?}");
        assert!(m[0].contains("dependencies"), "{m:?}");
    }

    #[test]
    fn comfortable_questions_fire() {
        let text = faq(
            &[],
            &[
                (
                    "Which model will we use?",
                    "A hosted one first, then we evaluate fine-tuning on our incident data later on.",
                ),
                (
                    "How does this compare?",
                    "Two tools announced summaries, so we need to move quickly before they ship theirs.",
                ),
            ],
        );
        let m = rules_of(&check_text(&text), "faq-avoids-hard-questions");
        assert_eq!(
            m,
            vec![
                "the internal FAQ does not ask about cost, risks, dependencies, why now or what we will not do (0 of 5 hard topics covered)"
            ]
        );
    }

    #[test]
    fn hard_questions_are_quiet() {
        let text = faq(
            &[],
            &[
                (
                    "What will it cost?",
                    "Two engineers for a year, about $400,000.",
                ),
                (
                    "What could go wrong?",
                    "Refunds sent twice; we cap them per day.",
                ),
                (
                    "What do we depend on?",
                    "The card processor's refund endpoint.",
                ),
                ("Why now?", "Card fees for refunds went up this year."),
            ],
        );
        assert!(rules_of(&check_text(&text), "faq-avoids-hard-questions").is_empty());
        // A kill criterion is a question about what could fail; a cost
        // may be given in a currency's name.
        let text = faq(
            &[],
            &[
                (
                    "What would make us stop?",
                    "If refunds could not be matched to orders.",
                ),
                ("What do the parts come to?", "About 50 USD a till."),
            ],
        );
        assert!(rules_of(&check_text(&text), "faq-avoids-hard-questions").is_empty());
    }

    #[test]
    fn hard_questions_in_the_document_s_own_language() {
        let text = faq(
            &[],
            &[
                ("開発コストはいくらか？", "エンジニア二名で一年。"),
                ("最大のリスクは何か？", "返金の二重送金。上限で防ぐ。"),
                ("何に依存するか？", "決済会社の返金API。"),
                ("なぜ今なのか？", "今年、返金の手数料が上がった。"),
            ],
        );
        assert!(rules_of(&check_text(&text), "faq-avoids-hard-questions").is_empty());
        let text = faq(
            &[],
            &[
                ("Was kostet es uns?", "Zwei Entwickler ein Jahr lang."),
                ("Welches Risiko gehen wir ein?", "Doppelte Erstattungen."),
                ("Warum jetzt?", "Die Gebühren sind gestiegen."),
                ("Welche Abhängigkeiten gibt es?", "Den Zahlungsdienst."),
            ],
        );
        assert!(rules_of(&check_text(&text), "faq-avoids-hard-questions").is_empty());
        let text = faq(
            &[],
            &[
                ("Какие потребуются затраты?", "Два разработчика на год."),
                ("Какие существуют риски?", "Двойные возвраты."),
                ("Почему сейчас?", "Комиссии выросли."),
                ("От чего мы зависим?", "От платёжного партнёра."),
            ],
        );
        assert!(rules_of(&check_text(&text), "faq-avoids-hard-questions").is_empty());
        // Plural risks and what is left out on purpose, in German.
        let text = faq(
            &[],
            &[
                ("Welche Risiken bleiben?", "Doppelte Erstattungen."),
                (
                    "Was ist bewusst nicht drin?",
                    "Eine Cloud-Synchronisierung.",
                ),
            ],
        );
        assert!(rules_of(&check_text(&text), "faq-avoids-hard-questions").is_empty());
    }

    #[test]
    fn short_faqs_and_one_line_answers() {
        let five = [
            ("A?", LONG),
            ("B?", LONG),
            ("C?", LONG),
            ("D?", LONG),
            ("E?", LONG),
        ];
        let text = faq(
            &five,
            &[
                ("What will it cost?", "Not much."),
                ("Why now?", "Why not."),
                ("Who builds it?", "The payments team."),
            ],
        );
        let m = rules_of(&check_text(&text), "faq-too-short");
        assert_eq!(
            m,
            vec![
                "the internal FAQ has 3 questions (at least 5 expected)",
                "'What will it cost?' is answered in one line",
                "'Why now?' is answered in one line",
                "'Who builds it?' is answered in one line"
            ]
        );
        // One question short of the bar, every answer full and the other
        // FAQ complete, is a full FAQ; beside another sign it counts.
        let text = faq(&five, &five[..4]);
        assert!(rules_of(&check_text(&text), "faq-too-short").is_empty());
        let text = faq(&five[..4], &five[..4]);
        assert!(rules_of(&check_text(&text), "faq-too-short").is_empty());
        let text = faq(&five[..4], &five[..3]);
        assert_eq!(
            rules_of(&check_text(&text), "faq-too-short"),
            vec![
                "the external FAQ has 4 questions (at least 5 expected)",
                "the internal FAQ has 3 questions (at least 5 expected)"
            ]
        );
        // Two short answers among ten full ones are answers, not an FAQ
        // answered in one-liners.
        let mut ten: Vec<(&str, &str)> = five.to_vec();
        ten.extend(five);
        ten.push(("What will it cost?", "Not much."));
        ten.push(("Why now?", "Why not."));
        let text = faq(&ten[..7], &ten[7..]);
        assert!(rules_of(&check_text(&text), "faq-too-short").is_empty());
        // One short answer among full ones is an answer, not the pattern.
        let text = faq(&five, &[("What will it cost?", "Nothing at all.")]);
        let m = rules_of(&check_text(&text), "faq-too-short");
        assert_eq!(
            m,
            vec!["the internal FAQ has 1 question (at least 5 expected)"]
        );
        let m = rules_of(&check_text("# H\n\nText.\n"), "faq-too-short");
        assert_eq!(m.len(), 1);
        assert!(m[0].starts_with("no FAQ"));
        let text = faq(&five, &five);
        assert!(rules_of(&check_text(&text), "faq-too-short").is_empty());
    }

    #[test]
    fn a_single_faq_with_hard_questions_counts_as_both() {
        let q = |q: &str, a: &str| format!("### {q}\n\n{a} {LONG}\n\n");
        let mut text = String::from("# Shops refund in two minutes\n\n## FAQ\n\n");
        for (question, answer) in [
            ("What does it cost us?", "About $400,000."),
            ("What could go wrong?", "Refunds sent twice."),
            ("What do we depend on?", "The card processor."),
            ("Why now?", "Fees went up."),
            ("Is it free?", "Yes."),
        ] {
            text.push_str(&q(question, answer));
        }
        assert!(rules_of(&check_text(&text), "faq-too-short").is_empty());
        let easy = text
            .replace("What could go wrong?", "Which colour?")
            .replace("What do we depend on?", "Which font?");
        assert_eq!(
            rules_of(&check_text(&easy), "faq-too-short"),
            vec!["no internal FAQ"]
        );
    }

    #[test]
    fn one_faq_with_the_questions_of_both_is_long_enough() {
        let q = |i: usize| format!("### Does refund {i} work at the till?\n\n{LONG}\n\n");
        let mut text = String::from("# Shops refund in two minutes\n\n## External FAQ\n\n");
        for i in 0..10 {
            text.push_str(&q(i));
        }
        // Ten customer questions: long enough. That nobody asks the
        // business's questions is faq-avoids-hard-questions' finding.
        let checked = check_text(&text);
        assert!(rules_of(&checked, "faq-too-short").is_empty());
        assert_eq!(rules_of(&checked, "faq-avoids-hard-questions").len(), 1);
        // Seven are not: the FAQ the business needs is still missing.
        let seven = text.replace(&(7..10).map(q).collect::<String>(), "");
        assert_eq!(
            rules_of(&check_text(&seven), "faq-too-short"),
            vec!["no internal FAQ"]
        );
    }

    #[test]
    fn qualified_faq_headings_and_bold_questions_are_found() {
        let mut text = String::from(
            "# Shops refund in two minutes\n\n## Frequently Asked Questions\n\n### External FAQ (what shop owners ask)\n\n",
        );
        for i in 0..5 {
            text.push_str(&format!(
                "**Q: Does refund {i} work at the till?**\n\nA: {LONG}\n\n"
            ));
        }
        text.push_str("### **Internal FAQs (Business/Strategy)**\n\n");
        for q in [
            "What will it cost?",
            "What could go wrong?",
            "What do we depend on?",
            "Why now?",
            "What will we not do?",
        ] {
            text.push_str(&format!("**{q}**\n{LONG}\n\n"));
        }
        let m = rules_of(&check_text(&text), "faq-too-short");
        assert!(m.is_empty(), "{m:?}");
    }
}
