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

/// The number words an outcome is counted in.
const N: &str = r"(?:\d[\d,.]*(?:\s?[-–]\s?\d[\d,.]*)?|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|ninety|a\ hundred|a\ dozen|half\ an?|a\ few)";
/// An amount counted in the units of Japanese, Korean and Chinese: a
/// time, a count of cases or times, a multiplier, a percent ("30分", "0件",
/// "3배", "2 小时"). A year or a day of the month is a date, not an amount.
const CJK_AMOUNT: &str = r"\d[\d,.]*(?:\s?[~〜～\-–]\s?\d[\d,.]*)?\s?(?:%|％|件|個|回|倍|割|ミリ秒|秒|分|時間|週間|か月|ヶ月|カ月|건|개|회|배|초|분|시간|주|개월|次|个|分钟|秒钟|小时|周|个月)";
/// The units a time is counted in.
const UNIT: &str =
    r"(?:ms|milliseconds?|seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)";

/// An outcome measured in numbers, as PATTERNS has it ("percent, time,
/// money, count" tied to an outcome), that carries its own baseline or
/// aim: a change ("from 40 calls to 5", "2 minutes instead of 2 days",
/// "cut by 30%", "30% fewer"), money saved, a stated goal with its number.
/// Such a sentence says what success is wherever it stands.
static OUTCOME_CHANGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?ix)
        \b(?:our\ |the\ )?(?:goals?|aims?|objectives?|ambition|targets?)\ (?:is|are|was)\ to\b[^.;]{{0,60}}?\b(?:\d|one\ million|a\ million)
      | \b(?:to|from|by|instead\ of|rather\ than|vs\.?|versus|against)\s*{N}[\s-]?{UNIT}\b(?:[^-]|$)
      | \b{N}\s?{UNIT}\b[^.;]{{0,30}}?\b(?:instead\ of|rather\ than|not|vs\.?|versus|compared|down\ from|up\ from)\b
      | \b{N}\s?{UNIT}\b[^.;]{{0,40}}?\((?:today|now|currently|baseline|was)\b
      | \b(?:save[sd]?|saving|cuts?|reduce[sd]?|lowers?|recover(?:s|ed)?|earns?|earned)\b[^.;]{{0,30}}?[$€£]\s?\d
      | \b(?:save[sd]?|saving|free(?:s|d|ing)?\ up|gives?\ back|reclaim(?:s|ed)?|wins?\ back)\b[^.;]{{0,30}}?\b{N}[\s-]?{UNIT}\b
      | \bused\ to\b[^.;]{{0,60}}?\b{N}[\s-]?{UNIT}\b
      | \b(?:from|cut(?:s|ting)?|reduc\w+|compress\w*|shrink\w*|turn\w*|bring\w*|brought|drop\w*|go(?:es)?|went|goes)\s+(?:\w+\s+){{0,5}}?{UNIT}\b[^.;]{{0,40}}?\b(?:to|into|instead\ of|rather\ than|not)\s+(?:a\ few\ |mere\ |just\ |under\ |a\ )?(?:{N}[\s-]?)?{UNIT}\b
      | [$€£]\s?\d[\d,.]*\s?[kKmM]?\b[^.;]{{0,20}}?\bsaved\b
      | \bfrom\s+{N}\b[^.;]{{0,40}}?\bto\s+(?:{N}|none|zero)\b
      | \b{N}\b[^.;]{{0,30}}?\b(?:instead\ of|rather\ than|vs\.?|versus|compared\ (?:with|to)|down\ from|up\ from)\s+{N}\b
      | \b(?:down|up)\s+(?:by|from)\s+{N}
      | \b(?:reduce[sd]?|cut|drop(?:s|ped)?|fell|falls?|rose|rises?|grows?|grew|increase[sd]?|decrease[sd]?|improve[sd]?|halve[sd]?|double[sd]?)\b[^.;]{{0,50}}?\b(?:by|from|to)\s+{N}
      | \b(?:[1-9]\d?(?:\.\d+)?|0\.\d+)\s?(?:%|percent|per\ cent)\s+(?:fewer|less|more|lower|higher|faster|reduction|increase|improvement|drop|decrease|growth|cut|gain)\b
      | \d[\d,.]*\s?(?:%|％|割|倍|時間|分|秒|円|件|시간|분|초|원|배|小时|分钟|元)?\s?(?:以上の?|以上|이상|の)?\s?(?:削減|短縮|減少|増加|向上|改善|低減|减少|缩短|降低|提高|提升|增加|단축|절감|감소|증가|향상)
      | (?:削減|短縮|減少|低減|减少|缩短|降低|提高|提升|增加)了?\s?(?:約|约|近)?\s?\d
        "
    ))
    .unwrap()
});

/// A bare amount: a percent, a multiplier, a time something takes ("in 2
/// minutes", "under 10 ms"), a bound ("at least 3", "9 in 10"). Said of
/// the product ("scans take 20 seconds", "99.9% uptime", "4x faster than
/// the old parser") it is a specification; it says what success is only
/// where the document sets out success (a metrics section, a question on
/// how success is measured). A price, a port, a size, a version, a survey
/// or member count, prize money and a schedule ("a 2-week review") are
/// specifications wherever they stand.
static OUTCOME_AMOUNT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?ix)
        \b(?:[1-9]\d?(?:\.\d+)?|0\.\d+)\s?(?:%|percent|per\ cent)
      | \b\d+(?:\.\d+)?\s?[x×](?:[^\w\s]|\s+[^\d\s]|$) | \b{N}\ times\b
      | \b(?:in|within|under|below|less\ than|fewer\ than|at\ most|up\ to|only|just|about|around|takes?|took|taking|~|sub-?)\s*{N}[\s-]?{UNIT}\b(?:[^-]|$)
      | \b\d[\d,.]*(?:\s?[-–]\s?\d[\d,.]*)?[\s-]?{UNIT}\b
      | \b{N}\s+(?:in|out\ of)\s+{N}\b
      | \b(?:fewer|less)\ than\s+\d | \bat\ least\s+\d | [≥≤]\s*\d | [<>]=?\s*\d
      | \bzero\s+[`*_]*\w
      | {CJK_AMOUNT}
      | [$€£¥₩]?\d[\d,.]*\s?(?:万|만|억)?\s?(?:円|원|元|달러|ドル)?\s?(?:以下|以内|未満|이하|이내|미만)
        "
    ))
    .unwrap()
});

/// A heading or a question that sets out what success is.
static SUCCESS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)目標|指標|成功|基準|목표|지표|성공|성과|수용\s?기준|目标|指标|基准|验收|\b(?:success\w*|succeed\w*|metrics?|measur\w*|kpis?|okrs?|goals?|targets?|objectives?|outcomes?|savings|north star|how will we know|meta|objetivos?|ziele?|erfolg\w*|objectifs?|éxito|sucesso|успех\w*|метрик\w*|(?:launch|exit|success|kill|acceptance) (?:criteria|criterion|gates?|bar)|launch acceptance|definition of done)\b").unwrap()
});

/// A web address.
static LINK: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\b(?:https?://|www\.)\S+").unwrap());

/// Money that is a price: "$5/month", "~$20/year", "$10 per seat".
static PRICE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)[$€£]\s?\d[\d,.]*\s*(?:k|m)?\s*(?:/|per\s|a\s|an\s|each)\s*(?:mo|month|year|yr|user|seat|member|license|property|lock|host|instance)").unwrap()
});

pub(crate) fn no_measurable_outcome(doc: &Doc) -> Vec<Hit> {
    let p = doc.p;
    // A metric is the document's own statement of success: any number in
    // it is a target ("close to zero, today 1 to 3 per run").
    if p.front.metrics.iter().any(|m| has_number(m)) {
        return Vec::new();
    }
    // What hurts today, in numbers, is a baseline: it says nothing of what
    // success will be.
    let success_sections: Vec<(usize, usize)> = p
        .body
        .sections
        .iter()
        .filter(|s| s.level > 0 && SUCCESS.is_match(&s.heading))
        .map(|s| (s.line, s.end_line))
        .collect();
    let mut label = "";
    for piece in &doc.pieces {
        let success = sets_out_success(piece, label, &success_sections);
        if (piece.in_faq || piece.role != Role::Problem) && has_outcome(&piece.text, success) {
            return Vec::new();
        }
        // A short line heads the block below it as a heading would
        // ("**1. Success metrics**").
        label = if matches!(piece.kind, Kind::Block(_)) && count_words(&piece.text) <= LABEL_WORDS {
            piece.text.as_ref()
        } else {
            ""
        };
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

/// `text` with its calendar dates, months with years and years blanked.
pub(crate) fn without_dates(text: &str) -> String {
    static YEAR: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\b(?:19|20)\d{2}\b").unwrap());
    let text = DATE.replace_all(text, " ");
    let text = LAUNCH.replace_all(&text, " ");
    YEAR.replace_all(&text, " ").into_owned()
}

/// Does a metric name a number (a figure, or "zero", "none", "half")?
fn has_number(metric: &str) -> bool {
    static NUMBER: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(&format!(r"(?i)\d|\b(?:{N}|none|no more than)\b")).unwrap());
    let without_dates = DATE.replace_all(metric, " ");
    NUMBER.is_match(&without_dates)
}

/// Does `text` state a change with its number ("recovers $2.4M", "cuts
/// review time by 95%")?
pub(crate) fn states_change(text: &str) -> bool {
    has_outcome(text, false)
}

/// Does `text` state an outcome with a number (and not just a date or a
/// price)? A bare amount counts only where the document sets out success
/// (`success`).
fn has_outcome(text: &str, success: bool) -> bool {
    // A link is an address, not prose: "%3A" in it is no percent.
    let without_links = LINK.replace_all(text, " ");
    let without_dates = DATE.replace_all(&without_links, " ");
    let without_prices = PRICE.replace_all(&without_dates, " ");
    let without_sizes = SIZE_BOUND.replace_all(&without_prices, " ");
    OUTCOME_CHANGE.is_match(&without_sizes)
        || (success && OUTCOME_AMOUNT.is_match(&without_sizes))
        || success_with_number(&without_sizes)
        || compares_times(&without_sizes)
}

/// Does `text` set two times against each other, in the way Japanese,
/// Korean and Chinese write a change ("再生成では5〜10分…SlideCraftなら3分",
/// "기존 2시간보다 10분")? A time followed by "なら" is a condition
/// ("2週間以内なら"), not a contrast. English changes are in `OUTCOME_CHANGE`.
fn compares_times(text: &str) -> bool {
    static CHANGE: LazyLock<Regex> = LazyLock::new(|| {
        let time = r"\d[\d,.]*(?:\s?[~〜～\-–]\s?\d[\d,.]*)?\s?(?:ミリ秒|秒|分|時間|週間|か月|ヶ月|カ月|초|분|시간|개월|分钟|秒钟|小时|个月)";
        let contrast = r"(?:[^内上下満後前分秒間月]なら|(?:^|[^に])より|に比べ|と比べ|比べて|대신|보다|에\s?비해|대비|相比|相较|比起|而不是)";
        Regex::new(&format!(
            r"{time}[^|\n]{{0,80}}?{contrast}[^|\n]{{0,20}}?{time}"
        ))
        .unwrap()
    });
    CHANGE.is_match(text)
}

/// Does `piece` stand where the document sets out what success is: under
/// a heading about success, metrics or goals (`success_sections`), under
/// such a `label`, or in the answer to such a question?
fn sets_out_success(piece: &Piece, label: &str, success_sections: &[(usize, usize)]) -> bool {
    let question = match piece.kind {
        Kind::Faq(_) => piece.text.lines().next().unwrap_or(""),
        Kind::Heading => piece.text.as_ref(),
        Kind::Block(_) => "",
    };
    // The headline and subheading state the promise: a number there is
    // the outcome the release stands on ("presence in ten minutes").
    (matches!(piece.role, Role::Headline | Role::Subheading) && !piece.in_faq)
        || SUCCESS.is_match(question)
        || SUCCESS.is_match(label)
        || success_sections
            .iter()
            .any(|&(a, b)| a <= piece.line && piece.line <= b)
}

/// A line this short above a block is its label, not prose.
const LABEL_WORDS: usize = 8;

/// A sentence that says what success is and gives a number: "Success is
/// ten pre-orders at the fair."
fn success_with_number(text: &str) -> bool {
    SUCCESS_SENTENCE.find_iter(text).any(|m| {
        let sentence = crate::check::text::sentence_at(text, m.start());
        !sentence.trim_end().ends_with('?')
            && (sentence.chars().any(|c| c.is_ascii_digit()) || NUMBER_WORD.is_match(sentence))
            && !DATE.is_match(sentence)
    }) || AIM.find_iter(text).any(|m| {
        // "Our desire is that a customer should be live in less than 48
        // hours": an amount the writer aims at is a target.
        let sentence = crate::check::text::sentence_at(text, m.start());
        !sentence.trim_end().ends_with('?') && OUTCOME_AMOUNT.is_match(sentence)
    })
}

/// A number in words: "zero spendable funds", "at least three".
static NUMBER_WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:zero|none|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|thirty|fifty|hundred|half)\b").unwrap()
});

/// Words that set an aim: what the writer wants to be true at launch ("our
/// strong desire is", "the design goal of", "we aim to", "should be able
/// to"), not what the reader may want ("if you want to see…").
static AIM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:the|our|my|a|one)\s+(?:[\w-]+\s+)?(?:goals?|targets?|aims?|desires?|ambitions?|objectives?)\b|\bwe\s+(?:want|aim|intend|expect|plan|commit|hope)\w*\s+(?:to|for)\b|\bshould\s+be\s+able\s+to\b").unwrap()
});

/// A sentence that defines success, in the languages of the corpus:
/// "success is", "success means", "we call it a success", "meta:".
static SUCCESS_SENTENCE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bsuccess(?:\s+(?:is|means|would\s+be|will\s+be|looks\s+like|for\s+us\s+is)\b|\s*[:=])|\bsuccess\s+(?:metric|measure|criteri(?:on|a)|bar|test|condition|threshold)s?\b[^.;]{0,40}?\b(?:is|are|will\s+be)\b|(?:수용|성공|완료)\s?(?:기준|지표|조건)[은는이]|成功标准|验收标准|\bcall\s+it\s+a\s+success\b|\b(?:meta|objetivo|ziel|objectif)\s*:|\berfolg\s+(?:ist|heißt|bedeutet)\b|\bуспех\w*|成功(?:指標|の定義|基準)|目標\s*[:：は]").unwrap()
});

/// A bound on a size, a requirement of the product: "AES ≥ 128 bits",
/// "RAM ≤ 512 MB", "under 2 GB".
static SIZE_BOUND: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:[≥≤]|[<>]=?|\b(?:at least|at most|up to|under|below|over|above|less than|more than)\s)\s*\d[\d,.]*\s*(?:bits?|bytes?|[kmgtp]i?b|px|pixels?|characters?|chars?|cores?|vcpus?|tokens?)\b").unwrap()
});

/// A month and year, or a day and month and year, or an ISO date:
/// "November 2022", "(Mar 2026)", "OCTOBER 12, 2026", "2026-07-25".
static LAUNCH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b(?:{MONTHS}\.?,?\s+(?:\d{{1,2}}(?:st|nd|rd|th)?,?\s+)?(?:19|20)\d{{2}}|\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTHS}\.?,?\s+(?:19|20)\d{{2}}|(?:19|20)\d{{2}}-\d{{2}}-\d{{2}})\b"
    ))
    .unwrap()
});

/// A launch date written in another language: "2027年1月1日", "2026년 6월
/// 15일", "15. Juni 2026", "15 juin 2026", "15 de junio de 2026", or a month
/// and year ("2027年1月", "Juni 2026"); in figures ("12/30/2026",
/// "30.12.2026").
static LAUNCH_OTHER: LazyLock<Regex> = LazyLock::new(|| {
    let de = "januar|februar|märz|april|mai|juni|juli|august|september|oktober|november|dezember";
    let fr = "janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre";
    let ru = "январ[ья]|феврал[ья]|марта?|апрел[ья]|ма[йя]|июн[ья]|июл[ья]|августа?|сентябр[ья]|октябр[ья]|ноябр[ья]|декабр[ья]";
    let it = "gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|novembre|dicembre";
    let es = "enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre|janeiro|fevereiro|março|maio|junho|julho|setembro|outubro|novembro|dezembro";
    Regex::new(&format!(
        r"(?i)(?:19|20)\d{{2}}\s?[年년]\s?\d{{1,2}}\s?[月월]|\b(?:\d{{1,2}}\.?(?:er)?\s+)?(?:{de}|{fr}|{ru}|{it})\s+(?:19|20)\d{{2}}\b|\b(?:\d{{1,2}}\s+de\s+)?(?:{es})\s+(?:de\s+|del\s+)?(?:19|20)\d{{2}}\b|\b\d{{1,2}}[./]\d{{1,2}}[./](?:19|20)\d{{2}}\b"
    ))
    .unwrap()
});

/// A quarter or a half of a year: "Q4 2026", "2027 Q1", "the second
/// quarter of 2027", "H2 2026", "2026년 4분기", "2026年第4四半期", "2026年Q4".
static QUARTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b[QH][1-4]\s*(?:of\s+)?(?:19|20)\d{2}\b|\b(?:19|20)\d{2}\s*[QH][1-4]\b|\b(?:first|second|third|fourth|1st|2nd|3rd|4th)\s+(?:quarter|half)\s+(?:of\s+)?(?:19|20)\d{2}\b|(?:19|20)\d{2}\s?년\s?[1-4]\s?분기|(?:19|20)\d{2}\s?年\s?第?\s?[1-4一二三四]\s?(?:四半期|季度)|(?:19|20)\d{2}\s?年\s?Q[1-4]").unwrap()
});

/// Does a placeholder stand for a place only ("[Your City]", "[Location]")?
fn names_place_only(placeholder: &str) -> bool {
    static WHEN: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?i)date|month|day|year|tb[da]|when|time").unwrap());
    static WHERE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?i)city|location|place|town").unwrap());
    WHERE.is_match(placeholder) && !WHEN.is_match(placeholder)
}

/// A heading that holds the date: "### Date", "Launch date".
static DATE_HEADING: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^\W*(?:launch |release )?date(?:line)?\W*$").unwrap());

/// Above the headline, a line longer than this is prose, not a dateline.
const DATELINE_WORDS: usize = 25;

/// A heading this short that opens the release only names it.
const WRAPPER_WORDS: usize = 4;

/// How many of the release's first paragraphs may hold its dateline.
const OPENING_PARAGRAPHS: usize = 3;

/// Where a reader looks for the launch date: the lines above the headline
/// ("FOR IMMEDIATE RELEASE — San Francisco, June 7, 2026"), the headline and
/// subheading, a "Date" section, and the lead of the summary (its first
/// sentence, or its first 200 characters where the dateline goes).
fn date_places<'d>(doc: &'d Doc) -> Vec<(&'d Piece<'d>, &'d str)> {
    let mut out = Vec::new();
    let sections = &doc.p.body.sections;
    let headline_line = sections
        .iter()
        .find(|s| s.role == Role::Headline && !s.in_faq)
        .map(|s| s.line);
    let date_sections: Vec<(usize, usize)> = sections
        .iter()
        .filter(|s| !s.in_faq && DATE_HEADING.is_match(&s.heading))
        .map(|s| (s.line, s.end_line))
        .collect();
    let mut leads = 0;
    // The release's first paragraphs, whatever role the structure gave
    // them: a dateline on a line of its own, or under a headline the
    // structure did not recognise, is still where a reader looks.
    let mut opening = 0;
    // Notes and context above a "Press release" heading can fill the
    // first paragraphs: the release's own are counted from that heading.
    // A heading that only names the release ("Press release") marks it
    // better than a long one that mentions a PR/FAQ in passing.
    let wrappers = || {
        sections
            .iter()
            .filter(|s| !s.in_faq && s.level > 0 && s.role == Role::PressRelease)
    };
    let release_start = wrappers()
        .find(|s| count_words(&s.heading) <= WRAPPER_WORDS)
        .or_else(|| wrappers().next())
        .map_or(0, |s| s.line);
    // The lines of the "Press release" headings below the title, read once
    // (a document can have fifty thousand headings).
    let release_headings: std::collections::HashSet<usize> = wrappers()
        .filter(|s| s.level >= 2 && count_words(&s.heading) <= DATELINE_WORDS)
        .map(|s| s.line)
        .collect();
    // The first paragraphs of the document's release part, and the first
    // ones after its "Press release" heading, wherever that stands.
    let mut opening_after = 0;
    for piece in doc.press_release() {
        let text = piece.text.as_ref();
        if piece.kind == Kind::Block(BlockKind::Paragraph) && !doc.is_preamble(piece) {
            let after = piece.line > release_start && opening_after < OPENING_PARAGRAPHS;
            if opening < OPENING_PARAGRAPHS || after {
                out.push((piece, lead(text)));
            }
            opening += 1;
            opening_after += usize::from(piece.line > release_start);
        }
        let before_headline =
            headline_line.is_some_and(|h| piece.line < h) && piece.role == Role::PressRelease;
        let in_date_section = date_sections
            .iter()
            .any(|&(a, b)| piece.line >= a && piece.line <= b);
        // A quote above the headline is the document's status, not a
        // dateline, and so is a paragraph of prose there: the document
        // introducing itself ("Working spec for…, written 2026-07-05").
        let quote = piece.kind == Kind::Block(BlockKind::Quote);
        let prose = count_words(text) > DATELINE_WORDS;
        // "## Press Release (2025-04-15)": the release dated in its own
        // heading (below the document's title, whose dates are its own).
        let dated_release = piece.kind == Kind::Heading && release_headings.contains(&piece.line);
        if matches!(piece.role, Role::Headline | Role::Subheading)
            || (before_headline && !quote && !prose)
            || in_date_section
            || dated_release
        {
            out.push((piece, text));
            continue;
        }
        let summary_like = matches!(piece.role, Role::Summary | Role::PressRelease);
        if summary_like
            && piece.kind == Kind::Block(BlockKind::Paragraph)
            && leads < 2
            && !doc.is_preamble(piece)
        {
            // "FOR IMMEDIATE RELEASE" alone lets the next paragraph lead.
            let short = count_words(text) < 8;
            out.push((piece, lead(text)));
            if !short {
                leads = 2;
            } else {
                leads += 1;
            }
        }
    }
    out
}

/// The lead of a paragraph: its first sentence, and at least the first 200
/// characters (a dateline with abbreviations ends no sentence).
fn lead(text: &str) -> &str {
    let first = text
        .char_indices()
        .find(|&(i, c)| {
            matches!(c, '.' | '!' | '?')
                && text[i + 1..].starts_with(' ')
                && text[i + 1..]
                    .trim_start()
                    .chars()
                    .next()
                    .is_some_and(char::is_uppercase)
                && i > 3
                && !text[..i].ends_with(|c: char| c.is_uppercase())
        })
        .map_or(text.len(), |(i, _)| i + 1);
    let h = head(text).len();
    &text[..first.max(h).min(text.len())]
}

pub(crate) fn missing_the_date(doc: &Doc) -> Vec<Hit> {
    let p = doc.p;
    let launch = p.front.launch_date;
    let hint = "date the press release on the day you intend to launch: a dateline such as \
                \"SEATTLE, March 15, 2027 --\" (or at least the month and year in the first \
                sentence), and `launch_date` in the front-matter";
    let places = date_places(doc);
    for &(piece, text) in &places {
        // "[Your City], February 9, 2026": the date is there; only the
        // place waits to be filled in.
        let has_date = LAUNCH.is_match(text) || LAUNCH_OTHER.is_match(text);
        if let Some(m) = PLACEHOLDER
            .find_iter(text)
            .find(|m| !(has_date && names_place_only(m.as_str())))
        {
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
    let dated = places.iter().find_map(|&(pc, text)| {
        LAUNCH
            .find_iter(text)
            .find(|m| !is_document_date(&text[..m.start()]))
            .map(|m| (pc, text, m))
    });
    // A date in the document's own language is a date, and so is a
    // quarter or a half of a year ("SEOUL — Q4 2026", "2026년 4분기"): a
    // launch window the reader can hold the team to. wb does not compare
    // either with launch_date.
    if dated.is_none()
        && places.iter().any(|&(_, text)| {
            LAUNCH_OTHER
                .find_iter(text)
                .chain(QUARTER.find_iter(text))
                .any(|m| !is_document_date(&text[..m.start()]))
        })
    {
        return Vec::new();
    }
    let Some((piece, text, m)) = dated else {
        if launch.is_some() {
            return Vec::new();
        }
        let release_only = places
            .iter()
            .any(|(_, t)| t.to_uppercase().contains("FOR IMMEDIATE RELEASE"));
        let message = if release_only {
            "'FOR IMMEDIATE RELEASE' but no date: no dateline and no launch_date"
        } else {
            "no launch date: no dateline and no launch_date"
        };
        let pos = places
            .iter()
            .find(|(pc, _)| pc.role == Role::Summary)
            .map_or_else(|| doc.top(), |(pc, _)| (pc.line, 1));
        return vec![Hit::new(pos, message.to_string(), hint).about("no launch date")];
    };
    // A full date must agree with launch_date; a month and year must name
    // its month.
    let Some(launch) = launch else {
        return Vec::new();
    };
    let full = DATE
        .captures(&text[m.start()..])
        .filter(|c| c.get(0).is_some_and(|w| w.start() == 0))
        .and_then(|c| parse_date(&c));
    let disagrees = match full {
        Some(date) => date != launch,
        None => !same_month(m.as_str(), launch),
    };
    if disagrees {
        let at = m.start() + (text.as_ptr() as usize - piece.text.as_ptr() as usize);
        return vec![Hit::new(
            doc.locate_match(piece, at, m.len()),
            format!(
                "the dateline says '{}' but launch_date is {launch}",
                m.as_str()
            ),
            "make them agree: the press release is dated on the launch day",
        )];
    }
    Vec::new()
}

/// Is the date that follows `before` the document's own date ("Last
/// updated: 2026-08-01", "Originally drafted 2026-06-14", "Date: …" in a
/// metadata block) rather than the launch's?
fn is_document_date(before: &str) -> bool {
    static DOC_DATE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)(?:(?:作成日|更新日|最終更新|作成|작성일|수정일|업데이트|创建日期|更新日期|创建于|更新于)\W{0,3}\s*|\b(?:erstellt|aktualisiert|stand|créé|mis à jour|creado|actualizado|criado|atualizado)\b\W{0,3}\s*|\b(?:drafted|rewritten|updated|revised|created|modified|written|edited|version|v\d[\d.]*)\b[^
]{0,20}|\b(?:date|status)\W{0,3}:\W{0,3}\s*)$").unwrap()
    });
    let start = before.len().saturating_sub(40);
    let mut start = start;
    while !before.is_char_boundary(start) {
        start += 1;
    }
    let tail = &before[start..];
    DOC_DATE.is_match(tail)
}

/// Does "November 2022" name the month and year of `date`?
fn same_month(text: &str, date: NaiveDate) -> bool {
    use chrono::Datelike;
    let lower = text.to_lowercase();
    let month = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ]
    .iter()
    .position(|m| lower.contains(m));
    let year = lower.contains(&date.year().to_string());
    month.is_some_and(|m| m as u32 + 1 == date.month()) && year
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
            "Shops save $40 a week.",
            "Shop owners free up 3 hours a week.",
            "Refund calls are cut by 30%, and 20% fewer customers leave angry.",
            "Setting up a shop drops from weeks to hours.",
            "\"I used to spend 20 minutes on every refund,\" said Ann Lee.",
            "Turn-aways fell from 23 growers to none.",
            "Misses fell to 6%.",
            // A change written with the number on the new side only.
            "It turns a full day of refunds into a ten-minute check.",
            // The same changes in Japanese, Chinese and Korean.
            "返金の残業時間を 30%削減しました。",
            "退款时间缩短 2 小时。",
            "환불 시간을 30% 단축했습니다.",
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
        // "In minutes rather than hours" names no number.
        let f = check_text(&doc(
            "",
            "SEATTLE, March 15, 2027 -- Shops refund in minutes rather than hours.",
        ));
        assert_eq!(rules_of(&f, "no-measurable-outcome").len(), 1);
        let f = check_text(&doc(
            "metrics: [Lower time to resolve]\n",
            "Refunds get easier.",
        ));
        let m = rules_of(&f, "no-measurable-outcome");
        assert!(m[0].contains("'Lower time to resolve'"), "{m:?}");
        for metric in [
            "Refunds in under 2 minutes",
            "Refunds sent to the wrong card close to zero",
        ] {
            let f = check_text(&doc(
                &format!("metrics: [{metric}]\n"),
                "Refunds get easier.",
            ));
            assert!(rules_of(&f, "no-measurable-outcome").is_empty(), "{metric}");
        }
    }

    #[test]
    fn specifications_are_not_outcomes() {
        for s in [
            "Refundly costs $5/month, or $50 a year for a shop.",
            "It listens on port 8080 and keeps 14 TB of receipts.",
            "We surveyed 10s of thousands of shop owners and 300 members joined.",
            "Thousands of developers took part and the prize fund is $50,000.",
            "Version 1.1 adds 50+ known card readers.",
            "Each change gets a 2-week review window.",
            "The market has more than 2.6 million rental properties.",
            "After 3 months, switching to another tool means starting over.",
            "Your app shows up to three panels.",
            "Keys are AES ≥ 128 bits and RSA ≥ 2048 bits; RAM stays under 512 MB.",
        ] {
            let f = check_text(&doc("", &format!("SEATTLE, March 15, 2027 -- {s}")));
            assert_eq!(rules_of(&f, "no-measurable-outcome").len(), 1, "{s}");
        }
        for s in [
            "A search takes 68 ms, against 56 ms for a plain scan.",
            "Seeking the last frame needs 3 reads instead of 41,007.",
            "Calls asking about refunds fell from 40 a week to 5.",
        ] {
            let f = check_text(&doc("", &format!("SEATTLE, March 15, 2027 -- {s}")));
            assert!(rules_of(&f, "no-measurable-outcome").is_empty(), "{s}");
        }
    }

    #[test]
    fn notes_above_the_press_release_heading_do_not_push_the_dateline_out() {
        let text = "# Refunds at the till\n\n## Context\n\nThis draft follows the \
                    method the team agreed in the spring review.\n\nThe shop owners we \
                    interviewed asked for it.\n\nIt replaces last year's draft.\n\n\
                    ## Press release\n\nShops refund while the customer waits\n\n\
                    SEATTLE, March 15, 2027 -- Refundly handles refunds at the till.\n";
        assert!(rules_of(&check_text(text), "missing-the-date").is_empty());
        // A dateline above a later "Press release" heading is still read.
        let text = "# Shops refund while the customer waits\n\nSEATTLE, March 15, 2027 -- \
                    Refundly handles refunds at the till.\n\n## Press release\n\nThe full \
                    text follows the summary.\n";
        assert!(rules_of(&check_text(text), "missing-the-date").is_empty());
    }

    #[test]
    fn a_bare_amount_is_an_outcome_only_where_success_is_set_out() {
        // Said of the product in the release, a time, a percent or a
        // multiplier is a specification: how fast, not whether it worked.
        let amounts = [
            "Refunds are done in under 2 minutes.",
            "Nine in ten refunds are done by lunch.",
            "Imports run 10x faster and stay up 99.9% of the time.",
        ];
        let release = |s: &str| {
            format!(
                "# Shops refund at the till\n\nSEATTLE, March 15, 2027 -- Refundly handles refunds. {s}\n"
            )
        };
        for s in amounts {
            let f = check_text(&release(s));
            assert_eq!(rules_of(&f, "no-measurable-outcome").len(), 1, "{s}");
            // Where the document sets out success, the same amount is its target.
            for place in [
                format!("\n## Success metrics\n\n{s}\n"),
                format!("\n## FAQ\n\n### How will we measure success?\n\n{s}\n"),
                format!("\n**Launch criteria**\n\n- {s}\n"),
                format!("\n## Kill criteria\n\n- Stop unless {s}\n"),
            ] {
                let text = format!("{}{place}", release(""));
                let f = check_text(&text);
                assert!(rules_of(&f, "no-measurable-outcome").is_empty(), "{text}");
            }
        }
        // The headline states the promise the release stands on.
        let f = check_text(
            "# Shops refund in under 2 minutes\n\nSEATTLE, March 15, 2027 -- Refundly handles refunds.\n",
        );
        assert!(rules_of(&f, "no-measurable-outcome").is_empty());
        // A sentence that says what success is, with its number.
        let f = check_text(&release(
            "Success is 40 shops refunding at the till by June.",
        ));
        assert!(rules_of(&f, "no-measurable-outcome").is_empty());
        // An amount the writer aims at is a target; one the reader may
        // choose is not.
        for s in [
            "Our strong desire is that a shop should be able to refund in less than 2 minutes.",
            "The design goal of a sub-2-second start holds on a laptop.",
        ] {
            let f = check_text(&release(s));
            assert!(rules_of(&f, "no-measurable-outcome").is_empty(), "{s}");
        }
        let f = check_text(&release(
            "If you want to see the whole ledger, that takes 15 minutes.",
        ));
        assert_eq!(rules_of(&f, "no-measurable-outcome").len(), 1);
        // Asking what success is, and giving no number, defines nothing.
        let text = format!(
            "{}\n## FAQ\n\n### What does success look like?\n\nShops that stay with us past month 3.\n",
            release("")
        );
        assert_eq!(
            rules_of(&check_text(&text), "no-measurable-outcome").len(),
            1
        );
    }

    #[test]
    fn outcomes_in_other_languages_and_in_words() {
        let release = |s: &str| {
            format!(
                "# Shops refund at the till\n\nSEATTLE, March 15, 2027 -- Refundly handles refunds. {s}\n"
            )
        };
        // A count, a time or a bound in Japanese or Korean units, where the
        // document sets out success, is its target.
        for answer in [
            "返金の誤りが0件であること。",
            "返金は平均 8분 이내에 끝납니다.",
            "한 달 비용은 $200 이하입니다.",
        ] {
            let text = format!(
                "{}\n## FAQ\n\n### 成功をどう測りますか。\n\n{answer}\n",
                release("")
            );
            assert!(
                rules_of(&check_text(&text), "no-measurable-outcome").is_empty(),
                "{answer}"
            );
            // Said of the product in the release, it is a specification.
            assert_eq!(
                rules_of(&check_text(&release(answer)), "no-measurable-outcome").len(),
                1,
                "{answer}"
            );
        }
        // Two times set against each other are a change.
        for s in [
            "全体をやり直すと5〜10分待ちます。Refundlyなら3分で終わります。",
            "기존 2시간보다 10분 만에 끝납니다.",
        ] {
            assert!(
                rules_of(&check_text(&release(s)), "no-measurable-outcome").is_empty(),
                "{s}"
            );
        }
        // A schedule ("within two weeks, then…") is no change.
        let s = "次の予定が2週間以内なら通知し、2〜3週間後より早い場合は前日に送ります。";
        assert_eq!(
            rules_of(&check_text(&release(s)), "no-measurable-outcome").len(),
            1
        );
        // A success metric stated in words.
        let s = "The success metric of the pilot is binary: a shop with zero balance and at least three open refunds closes them all.";
        assert!(rules_of(&check_text(&release(s)), "no-measurable-outcome").is_empty());
    }

    #[test]
    fn a_matrix_a_link_and_todays_pain_are_not_outcomes() {
        for s in [
            "Tasks are sorted on a 2×2 grid of importance and urgency.",
            "The board is at https://example.com/board?node-id=58%3A0 for everyone.",
        ] {
            let f = check_text(&doc("", &format!("SEATTLE, March 15, 2027 -- {s}")));
            assert_eq!(rules_of(&f, "no-measurable-outcome").len(), 1, "{s}");
        }
        // Numbers in the problem section are today's baseline, not success.
        let text = "# Shops refund while the customer waits\n\nSEATTLE, March 15, 2027 -- Refundly \
                    handles refunds at the till.\n\n## The problem\n\nShop owners spend 20% of \
                    their week on refunds, and a refund takes 3 days instead of 1.\n";
        assert_eq!(
            rules_of(&check_text(text), "no-measurable-outcome").len(),
            1
        );
        let text = text.replace(
            "at the till.",
            "at the till, in 2 minutes instead of 3 days.",
        );
        assert!(rules_of(&check_text(&text), "no-measurable-outcome").is_empty());
        // A stated goal with its number is an outcome.
        let f = check_text(&doc(
            "",
            "SEATTLE, March 15, 2027 -- \"Our goal is to have 1 million shops refunding at the till,\" said Ann Lee.",
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

    fn date_rule(text: &str) -> Vec<String> {
        rules_of(&check_text(text), "missing-the-date")
    }

    #[test]
    fn a_date_in_figures_is_a_date_and_a_place_left_blank_is_no_missing_date() {
        for lead in [
            "**Tacoma** — 12/30/2026 Today Ledger launches for shops.",
            "**Tacoma** — 30.12.2026 Today Ledger launches for shops.",
            "[Your City], February 9, 2026 -- Ledger launches for shops.",
        ] {
            let f = check_text(&format!("# Shops close books fast\n\n{lead}\n"));
            assert!(rules_of(&f, "missing-the-date").is_empty(), "{lead}");
        }
        let f = check_text(
            "# Shops close books fast\n\n[City], [Date] -- Ledger launches for shops.\n",
        );
        assert_eq!(rules_of(&f, "missing-the-date").len(), 1);
    }

    #[test]
    fn a_lead_naming_the_month_and_year_is_a_date() {
        for text in [
            "# Crews file records on site\n\nIn March 2027, Fieldbook opened to land surveying firms in Colorado.\n",
            "# Crews file records on site\n\n**December 2027** — Fieldbook opened to surveying firms.\n",
            "# Crews file records on site\n\nAhead of the spring season in April 2027, Fieldbook opened to firms.\n",
            "# Crews file records on site\n\n*2027-09-13* — Today we open Fieldbook to surveying firms.\n",
            "## Press release\n\n**FOR IMMEDIATE RELEASE — Denver, CO, September 13, 2027**\n\n### Crews file records on site\n\nFieldbook opened to surveying firms.\n",
            "# Crews file records on site\n\n### Date\n\nSeptember 13, 2027\n\n### Summary\n\nFieldbook opened to surveying firms.\n",
            // The document's own language.
            "# 現場で記録を残す\n\n**東京、2027年9月13日** — Fieldbookは測量会社に公開された。\n",
            "# 현장에서 기록한다\n\n**서울, 대한민국 – 2027년 9월 13일** — Fieldbook 출시.\n",
            "# Vermessung vor Ort\n\nMÜNCHEN, 13. September 2027 — Fieldbook startet für Vermessungsbüros.\n",
            "# Relevés sur le terrain\n\nLYON, 13 septembre 2027 — Fieldbook ouvre aux géomètres.\n",
            "# Registros en campo\n\nMADRID, 13 de septiembre de 2027 — Fieldbook abre a los topógrafos.\n",
            "# Замеры на месте\n\nМОСКВА, январь 2027 — Fieldbook открыт для геодезистов.\n",
            // A quarter or a half of a year is a launch window.
            "# Crews file records on site\n\n**DENVER — Q4 2027** — Fieldbook opened to surveying firms.\n",
            "# Crews file records on site\n\nIn the second half of 2027, Fieldbook opens to surveying firms.\n",
            "# 현장에서 기록한다\n\n서울 — 2027년 4분기, Fieldbook 출시.\n",
        ] {
            assert!(date_rule(text).is_empty(), "{text}: {:?}", date_rule(text));
        }
        // A quarter with no year is no date.
        assert_eq!(
            date_rule(
                "# Crews file records on site\n\n**DENVER — Q4** — Fieldbook opened to surveying firms.\n"
            ),
            vec!["no launch date: no dateline and no launch_date"]
        );
        // The document's creation date, in its own language, is no launch date.
        assert_eq!(
            date_rule(
                "# 現場で記録を残す\n\n作成日: 2027-03-01\n\nFieldbookは測量会社に公開された。\n"
            ),
            vec!["no launch date: no dateline and no launch_date"]
        );
    }

    #[test]
    fn a_city_alone_or_the_document_date_is_no_launch_date() {
        for text in [
            "# Crews file records on site\n\n**DENVER** — Fieldbook opened to surveying firms, who file on site.\n",
            "# Fieldbook — PR/FAQ\n\n**Author:** Priya Raman\n**Date:** 2027-03-01\n\n## Press release\n\n### Crews file records on site\n\nDenver — Today Fieldbook opened to surveying firms.\n",
            "# Fieldbook — PR/FAQ\n\n> Status: draft. Originally drafted 2027-03-01, rewritten after the pilot 2027-05-02.\n\n## Press release\n\n### Crews file records on site\n\nDenver — Today Fieldbook opened to surveying firms.\n",
        ] {
            assert_eq!(
                date_rule(text),
                vec!["no launch date: no dateline and no launch_date"],
                "{text}"
            );
        }
    }

    #[test]
    fn a_release_dated_in_its_own_heading_has_a_date() {
        let text = "# Fieldbook — PR/FAQ\n\n## Press release (2027-04-15)\n\nToday Fieldbook opened to surveying firms, who file their records on site.\n";
        assert!(date_rule(text).is_empty(), "{:?}", date_rule(text));
        // The document's title dates the document, not the launch.
        let text = "# Fieldbook — PR/FAQ (2027-04-15)\n\n## Press release\n\nToday Fieldbook opened to surveying firms, who file their records on site.\n";
        assert_eq!(
            date_rule(text),
            vec!["no launch date: no dateline and no launch_date"]
        );
    }

    #[test]
    fn a_dateline_in_the_first_paragraphs_is_a_date() {
        for text in [
            // Bold metadata lines the structure takes for the headline, and
            // the real headline under them.
            "# Fieldbook — PR/FAQ\n**By Fieldbook Ltd**\n**Author: Priya Raman**\n\n---\n\n## Press release\n\n### Fieldbook opens to surveying firms so crews file records on site\n\n**DENVER, CO - September 13, 2027** - Fieldbook opened to surveying firms.\n",
            // No markup at all: the date on a line of its own.
            "Fieldbook press release\nCrews file their records before they leave the site, every time\n\nDenver — September 2027\n\nToday Fieldbook opens to surveying firms.\n",
            // The dateline after a bold subheading line.
            "## Press release\n\n### Crews file records on site\n\n**Surveying crews stop driving back to the office to file, and the office stops chasing them.**\n\n**Denver, CO, September 2027.** Today Fieldbook opened to surveying firms.\n",
        ] {
            assert!(date_rule(text).is_empty(), "{text}: {:?}", date_rule(text));
        }
        // A placeholder for the date itself is still none.
        let m = date_rule(
            "# Crews file records on site\n\n**[City, Date]** – Fieldbook opened to surveying firms.\n",
        );
        assert_eq!(
            m,
            vec!["'[City, Date]' is a placeholder where the dateline should say where and when"]
        );
        // A date deep in the release is no dateline.
        let m = date_rule(
            "# Crews file records on site\n\nDenver — Today Fieldbook opened to surveying firms.\n\nCrews file on site.\n\nOffices stop chasing them.\n\nSince March 2025, our pilot crews have filed on site.\n",
        );
        assert_eq!(m.len(), 1, "{m:?}");
    }

    #[test]
    fn the_document_introducing_itself_above_the_release_is_not_a_dateline() {
        let m = date_rule(
            "# Fieldbook — PR/FAQ\n\nA working spec for the on-site filing feature, written in the planning loop on 2027-03-01. It is a spec and not code; building waits for the review below.\n\n## Press release\n\n**Crews file records on site.**\n\nUntil today, surveying crews drove back to the office to file.\n",
        );
        assert_eq!(m, vec!["no launch date: no dateline and no launch_date"]);
    }

    #[test]
    fn a_month_must_agree_with_launch_date() {
        let f = date_rule(&doc(
            "launch_date: 2027-03-15\n",
            "In April 2027, shops got refunds while they wait.",
        ));
        assert_eq!(
            f,
            vec!["the dateline says 'April 2027' but launch_date is 2027-03-15"]
        );
        let f = date_rule(&doc(
            "launch_date: 2027-03-15\n",
            "In March 2027, shops got refunds while they wait.",
        ));
        assert!(f.is_empty(), "{f:?}");
    }
}
