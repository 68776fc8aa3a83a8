//! A preview of every kind of site page, rendered from hand-made sample data
//! with the real templates (`templates/site/`) and assets (`site/`), so the
//! pages can be looked at without the rest of the build:
//!
//! ```text
//! WB_PREVIEW_DIR=/tmp/wb-preview cargo test --lib preview
//! ```
//!
//! writes the pages there with the site's folder layout (without the
//! variable, into a temporary folder that is removed). Handlebars runs in
//! strict mode, so a misspelt field in a template fails the test: it runs
//! with the rest of the suite.

#[cfg(test)]
mod tests {
    use std::fs;
    use std::path::{Path, PathBuf};

    use handlebars::Handlebars;
    use serde::Serialize;

    use crate::site::data::*;

    static OUT: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();

    fn out() -> &'static Path {
        OUT.get().expect("the preview sets its folder first")
    }

    fn manifest() -> PathBuf {
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
    }

    fn site(root: &str) -> SiteInfo {
        SiteInfo {
            title: "Example portfolio".into(),
            root: root.into(),
            generated: "2026-11-28 15:04 UTC".into(),
            version: "0.1.0".into(),
            live_reload: None,
        }
    }

    fn s(x: &str) -> String {
        x.to_string()
    }

    fn esc(text: &str) -> String {
        text.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
            .replace('"', "&quot;")
    }

    fn slugify(text: &str) -> String {
        let mut out = String::new();
        for c in text.chars() {
            if c.is_alphanumeric() {
                out.extend(c.to_lowercase());
            } else if !out.ends_with('-') && !out.is_empty() {
                out.push('-');
            }
        }
        out.trim_end_matches('-').to_string()
    }

    /// A proposal file, crudely read: enough front matter for the cards and
    /// the panel, and the body as HTML with `L<line>` anchors and heading ids.
    struct Doc {
        title: String,
        status: String,
        owner: Option<String>,
        customer: Option<String>,
        launch_date: Option<String>,
        tags: Vec<String>,
        metrics: Vec<String>,
        body_html: String,
        toc: Vec<TocEntry>,
        /// (anchor, text) of every paragraph.
        paragraphs: Vec<(String, String)>,
        text: String,
        words: usize,
    }

    impl Doc {
        fn anchor_of(&self, starts: &str) -> Option<String> {
            self.paragraphs
                .iter()
                .find(|(_, t)| t.starts_with(starts))
                .map(|(a, _)| a.clone())
        }
    }

    fn read_doc(slug: &str) -> Doc {
        let path = manifest().join(format!("examples/proposals/{slug}.md"));
        let src = fs::read_to_string(&path).unwrap();
        let lines: Vec<&str> = src.lines().collect();
        let mut doc = Doc {
            title: String::new(),
            status: String::new(),
            owner: None,
            customer: None,
            launch_date: None,
            tags: vec![],
            metrics: vec![],
            body_html: String::new(),
            toc: vec![],
            paragraphs: vec![],
            text: String::new(),
            words: 0,
        };
        let end = lines.iter().skip(1).position(|l| *l == "---").unwrap() + 1;
        for line in &lines[1..end] {
            if let Some(m) = line.strip_prefix("  - ") {
                doc.metrics.push(m.to_string());
            } else if let Some((k, v)) = line.split_once(": ") {
                let v = v.to_string();
                match k {
                    "title" => doc.title = v,
                    "status" => doc.status = v,
                    "owner" => doc.owner = Some(v),
                    "customer" => doc.customer = Some(v),
                    "launch_date" => doc.launch_date = Some(v),
                    "tags" => {
                        doc.tags = v
                            .trim_matches(['[', ']'])
                            .split(", ")
                            .map(String::from)
                            .collect()
                    }
                    _ => {}
                }
            }
        }
        let mut para: Vec<&str> = vec![];
        let mut para_line = 0;
        let mut h1s = 0;
        let mut html = String::new();
        let flush = |para: &mut Vec<&str>, line: usize, html: &mut String, doc: &mut Doc| {
            if para.is_empty() {
                return;
            }
            let text = para.join(" ");
            let anchor = format!("L{line}");
            html.push_str(&format!("<p id=\"{anchor}\">{}</p>\n", esc(&text)));
            doc.words += text.split_whitespace().count();
            doc.text.push_str(&text);
            doc.text.push(' ');
            doc.paragraphs.push((anchor, text));
            para.clear();
        };
        for (i, line) in lines.iter().enumerate().skip(end + 1) {
            let n = i + 1;
            let level = line.chars().take_while(|c| *c == '#').count();
            if level > 0 && line[level..].starts_with(' ') {
                flush(&mut para, para_line, &mut html, &mut doc);
                let text = line[level + 1..].trim();
                let id = slugify(text);
                if level == 1 {
                    h1s += 1;
                }
                let class = if level == 1 && h1s == 2 {
                    " class=\"faq-start\""
                } else {
                    ""
                };
                html.push_str(&format!(
                    "<h{level}{class} id=\"{id}\">{}</h{level}>\n",
                    esc(text)
                ));
                // The subtitle under the headline is not a section.
                if !(level == 2 && h1s == 1 && doc.toc.len() == 1) {
                    doc.toc.push(TocEntry {
                        level: level as u8,
                        text: text.to_string(),
                        anchor: id,
                    });
                }
            } else if line.trim().is_empty() {
                flush(&mut para, para_line, &mut html, &mut doc);
            } else {
                if para.is_empty() {
                    para_line = n;
                }
                para.push(line.trim());
            }
        }
        flush(&mut para, para_line, &mut html, &mut doc);
        doc.body_html = html;
        doc
    }

    /// `days`: when each iteration was committed, in days since the first.
    fn spark(days: &[u32], title: &str) -> String {
        // Iterations over time: x is the date, y the count so far.
        let (w, h) = (72.0, 18.0);
        let span = f64::from(*days.last().unwrap_or(&1)).max(1.0);
        let n = days.len() as f64;
        let coords: Vec<(f64, f64)> = days
            .iter()
            .enumerate()
            .map(|(i, d)| {
                (
                    2.0 + f64::from(*d) / span * (w - 4.0),
                    h - 2.0 - (i as f64 + 1.0) / n * (h - 4.0),
                )
            })
            .collect();
        let points: Vec<String> = coords
            .iter()
            .map(|(x, y)| format!("{x:.1},{y:.1}"))
            .collect();
        let (lx, ly) = coords.last().copied().unwrap_or((0.0, 0.0));
        format!(
            "<svg class=\"sparkline\" viewBox=\"0 0 {w} {h}\" width=\"{w}\" height=\"{h}\" role=\"img\" aria-label=\"{title}\"><title>{title}</title><polyline class=\"spark-line\" fill=\"none\" stroke=\"currentColor\" stroke-width=\"1.5\" stroke-linejoin=\"round\" points=\"{}\"/><circle class=\"spark-dot\" fill=\"currentColor\" cx=\"{lx:.1}\" cy=\"{ly:.1}\" r=\"2\"/></svg>",
            points.join(" ")
        )
    }

    fn funnel(stages: &[FunnelStage]) -> String {
        // The main line as centred bars narrowing down; shelved and rejected
        // beside it, as a side column.
        let main = ["draft", "review", "approved", "launched"];
        let max = stages.iter().map(|s| s.count).max().unwrap_or(1).max(1) as f64;
        let mut out = String::from(
            "<svg class=\"funnel-chart\" viewBox=\"0 0 560 150\" width=\"560\" height=\"150\" role=\"img\" aria-labelledby=\"funnel-t\"><title id=\"funnel-t\">Proposals by status: ",
        );
        let summary: Vec<String> = stages
            .iter()
            .map(|s| format!("{} {}", s.count, s.status))
            .collect();
        out.push_str(&summary.join(", "));
        out.push_str("</title>");
        let mut y = 6.0;
        for st in stages.iter().filter(|s| main.contains(&s.status.as_str())) {
            let w = 40.0 + 280.0 * st.count as f64 / max;
            let x = 190.0 - w / 2.0;
            out.push_str(&format!(
                "<g class=\"stage stage-{0}\"><rect class=\"bar bar-{0}\" x=\"{x:.1}\" y=\"{y}\" width=\"{w:.1}\" height=\"28\" rx=\"3\"/><text x=\"190\" y=\"{ty}\" text-anchor=\"middle\">{0} · {1}</text></g>",
                st.status,
                st.count,
                ty = y + 19.0
            ));
            y += 36.0;
        }
        let mut y = 6.0;
        for st in stages.iter().filter(|s| !main.contains(&s.status.as_str())) {
            let w = 30.0 + 120.0 * st.count as f64 / max;
            out.push_str(&format!(
                "<g class=\"stage stage-{0}\"><rect class=\"bar bar-{0}\" x=\"390\" y=\"{y}\" width=\"{w:.1}\" height=\"22\" rx=\"3\"/><text x=\"{tx:.1}\" y=\"{ty}\">{0} · {1}</text></g>",
                st.status,
                st.count,
                tx = 390.0 + w + 6.0,
                ty = y + 15.0
            ));
            y += 30.0;
        }
        out.push_str("</svg>");
        out
    }

    struct Sample {
        slug: &'static str,
        status: &'static str,
        iterations: usize,
        last_change: Option<&'static str>,
        reach: &'static str,
        findings: Counts,
        history: &'static [u32],
    }

    fn counts(errors: usize, warnings: usize, infos: usize) -> Counts {
        Counts {
            errors,
            warnings,
            infos,
        }
    }

    /// Cards for the four example proposals and three made-up ones, so every
    /// status (and one unknown to the stylesheet) appears.
    fn cards() -> Vec<(Card, Option<Doc>)> {
        let examples = [
            Sample {
                slug: "coop-cooler-booking",
                status: "review",
                iterations: 4,
                last_change: Some("2026-10-02"),
                reach: "stakeholders",
                findings: counts(0, 2, 1),
                history: &[0, 41, 67, 70],
            },
            Sample {
                slug: "nurse-handover",
                status: "approved",
                iterations: 4,
                last_change: Some("2026-09-14"),
                reach: "leadership",
                findings: counts(0, 0, 0),
                history: &[0, 9, 30, 75],
            },
            Sample {
                slug: "blind-riders-board-the-right-bus",
                status: "approved",
                iterations: 4,
                last_change: Some("2026-08-30"),
                reach: "leadership",
                findings: counts(0, 0, 1),
                history: &[0, 20, 24, 60],
            },
            Sample {
                slug: "oncall-page-context",
                status: "draft",
                iterations: 4,
                last_change: Some("2026-11-20"),
                reach: "team",
                findings: counts(1, 1, 0),
                history: &[0, 2, 3, 12],
            },
        ];
        let mut out = vec![];
        for ex in examples {
            let doc = read_doc(ex.slug);
            let owner_name = doc
                .owner
                .as_deref()
                .map(|o| o.split(" <").next().unwrap().to_string());
            let title = doc.title.clone();
            let card = Card {
                slug: s(ex.slug),
                search_text: format!(
                    "{} {} {} {}",
                    title,
                    doc.customer.clone().unwrap_or_default(),
                    owner_name.clone().unwrap_or_default(),
                    doc.tags.join(" ")
                )
                .to_lowercase(),
                title,
                customer: doc.customer.clone(),
                status: s(ex.status),
                owner: doc.owner.clone(),
                owner_name,
                launch_date: doc.launch_date.clone(),
                tags: doc.tags.clone(),
                iterations: ex.iterations,
                last_change: ex.last_change.map(String::from),
                reach: s(ex.reach),
                findings: ex.findings,
                words: doc.words,
                url: format!("p/{}/index.html", ex.slug),
                sparkline_svg: spark(
                    ex.history,
                    &format!(
                        "{} iterations, the last on {}",
                        ex.iterations,
                        ex.last_change.unwrap_or("")
                    ),
                ),
            };
            out.push((card, Some(doc)));
        }
        let made_up = [
            (
                "warehouse-robots",
                "Pickers walk 9 km less a shift with shelf-carrying robots",
                Some("Pickers in our two Reno fulfilment centres on 10-hour shifts"),
                "rejected",
                Some("Marek Zielinski"),
                Some("2027-01-15"),
                vec!["logistics", "robotics"],
                3,
                Some("2026-06-11"),
                "leadership",
                counts(2, 3, 1),
                &[0, 14, 50][..],
            ),
            (
                "school-meal-prepay",
                "Parents top up school lunch money in one tap",
                Some("Parents of primary pupils in the 14 schools of the Eastfield district"),
                "shelved",
                Some("Aiyana Brooks"),
                None,
                vec!["education", "payments"],
                2,
                Some("2026-04-03"),
                "team",
                counts(0, 1, 2),
                &[0, 30][..],
            ),
            (
                "library-holds-lockers",
                "Library members collect holds from a locker after hours",
                Some("Members of the Riverside public library who work during opening hours"),
                "launched",
                Some("Tomasz Nowak"),
                Some("2026-03-02"),
                vec!["libraries"],
                9,
                Some("2026-02-20"),
                "leadership",
                counts(0, 0, 0),
                &[0, 5, 9, 20, 28, 33, 60, 95, 100][..],
            ),
            (
                "untitled-idea",
                "Farm co-ops share tractors by the hour",
                None,
                "parked",
                None,
                None,
                vec![],
                0,
                None,
                "author",
                counts(3, 1, 1),
                &[][..],
            ),
        ];
        for (slug, title, customer, status, owner, launch, tags, iterations, last, reach, f, h) in
            made_up
        {
            let tags: Vec<String> = tags.into_iter().map(String::from).collect();
            let card = Card {
                slug: s(slug),
                title: s(title),
                customer: customer.map(String::from),
                status: s(status),
                owner: owner.map(|o| format!("{o} <{}@example.com>", slugify(o))),
                owner_name: owner.map(String::from),
                launch_date: launch.map(String::from),
                search_text: format!(
                    "{title} {} {} {}",
                    customer.unwrap_or(""),
                    owner.unwrap_or(""),
                    tags.join(" ")
                )
                .to_lowercase(),
                tags,
                iterations,
                last_change: last.map(String::from),
                reach: s(reach),
                findings: f,
                words: 900,
                url: format!("p/{slug}/index.html"),
                sparkline_svg: if h.is_empty() {
                    String::new()
                } else {
                    spark(h, &format!("{iterations} iterations"))
                },
            };
            out.push((card, None));
        }
        out
    }

    fn rules(prefix: &str) -> Vec<RuleView> {
        let catalogue = [
            (
                "solution-first-thinking",
                "error",
                "The document starts from a technology or a feature instead of a customer's problem",
            ),
            (
                "missing-problem-paragraph",
                "error",
                "No paragraph says what hurts for the customer today",
            ),
            (
                "vague-customer-definition",
                "error",
                "The customer is \"everyone\", \"users\" or \"businesses\" instead of a segment you could interview",
            ),
            (
                "writing-pr-after-building",
                "error",
                "The PR/FAQ was written after the product was built or launched",
            ),
            (
                "internal-jargon-in-pr",
                "error",
                "The press release uses engineering words, unexplained acronyms or code names",
            ),
            (
                "faq-avoids-hard-questions",
                "warning",
                "The internal FAQ skips cost, risk, dependencies, why now, or what we will not do",
            ),
            (
                "hyperbole-instead-of-specifics",
                "warning",
                "Superlatives and buzzwords stand where a number or a fact should be",
            ),
            (
                "customer-quote-sounds-fake",
                "warning",
                "The customer quote reads like marketing copy instead of a person in a situation",
            ),
            (
                "too-many-features",
                "warning",
                "The press release lists many features instead of one compelling benefit",
            ),
            (
                "no-measurable-outcome",
                "warning",
                "Nothing says, with a number, how success will be measured",
            ),
            (
                "combining-ideas",
                "warning",
                "Two proposals, for two products or two customers, share one document",
            ),
            (
                "skipping-the-iteration",
                "info",
                "The document moved past draft without being reviewed and rewritten",
            ),
            (
                "missing-the-date",
                "info",
                "The press release has no launch date, a placeholder, or a date that disagrees with launch_date",
            ),
            (
                "faq-too-short",
                "info",
                "An FAQ is missing, has too few questions, or answers in one line",
            ),
            (
                "front-matter",
                "warning",
                "Front-matter is missing, lacks a required key, or has keys wb does not know",
            ),
            (
                "unused-suppression",
                "warning",
                "A wb-disable comment names a rule that reported nothing there, or no rule at all",
            ),
        ];
        catalogue
            .iter()
            .map(|(id, sev, summary)| RuleView {
                id: s(id),
                severity: s(sev),
                summary: s(summary),
                url: format!("{prefix}{id}.html"),
            })
            .collect()
    }

    fn finding(
        rule: &str,
        severity: &str,
        line: usize,
        message: &str,
        hint: &str,
        anchor: Option<String>,
    ) -> FindingView {
        FindingView {
            rule: s(rule),
            severity: s(severity),
            line,
            col: 1,
            message: s(message),
            hint: s(hint),
            rule_url: format!("../../rules/{rule}.html"),
            anchor,
        }
    }

    fn meta(card: &Card, doc: &Doc, path: &str) -> Meta {
        Meta {
            slug: card.slug.clone(),
            title: card.title.clone(),
            status: card.status.clone(),
            owner: card.owner.clone(),
            customer: card.customer.clone(),
            launch_date: card.launch_date.clone(),
            tags: card.tags.clone(),
            metrics: doc.metrics.clone(),
            extra: vec![s("sponsor: Walter Brandt")],
            iterations: card.iterations,
            reach: card.reach.clone(),
            last_change: card.last_change.clone(),
            words: doc.words,
            path: s(path),
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn step(
        label: &str,
        date: &str,
        author: &str,
        reviewers: &[&str],
        circle: &str,
        reach: &str,
        subject: &str,
        body: &str,
    ) -> StepView {
        StepView {
            label: s(label),
            working: label == "working",
            short: if label == "working" {
                String::new()
            } else {
                format!("{:0>7}", format!("a{label}c9f"))
            },
            commit: if label == "working" {
                None
            } else {
                Some(format!("{:0<40}", format!("a{label}c9f")))
            },
            date: format!("{date} 17:42 -07:00"),
            date_iso: format!("{date}T17:42:00-07:00"),
            author: s(author),
            reviewers: reviewers.iter().map(|r| s(r)).collect(),
            circle: s(circle),
            reach: s(reach),
            subject: s(subject),
            body: s(body),
            words: Some(1180),
            words_added: 0,
            words_removed: 0,
            sections: vec![],
            front: vec![],
            questions_added: vec![],
            questions_removed: vec![],
            questions_edited: vec![],
            diff_html: String::new(),
            fixed: vec![],
            introduced: vec![],
            counts: Counts::default(),
            version_url: if label == "working" {
                None
            } else {
                Some(format!("v/{label}.html"))
            },
            error: None,
        }
    }

    fn steps() -> Vec<StepView> {
        let mut working = step(
            "working",
            "2026-11-27",
            "Hannah Lindqvist <hannah.lindqvist@example.com>",
            &[],
            "author",
            "stakeholders",
            "Uncommitted changes",
            "",
        );
        working.words_added = 14;
        working.words_removed = 3;
        working.sections = vec![s("internal FAQ +14 -3")];
        working.diff_html = s(
            "<h3>What will we not do?</h3>\n<p>We will not deliver to farms, <del>and</del><ins>we will not</ins> take bookings for <ins>other co-ops' members, and we will not run the</ins> coolers in winter.</p>\n",
        );
        working.counts = counts(0, 2, 1);

        let mut s4 = step(
            "4",
            "2026-10-02",
            "Hannah Lindqvist <hannah.lindqvist@example.com>",
            &[
                "Walter Brandt <walter.brandt@example.com>",
                "Meilin Tan <meilin.tan@example.com>",
            ],
            "stakeholders",
            "stakeholders",
            "Cap each grower's share of a day, add why now; send to board",
            "The board asked what stops the two largest farms from booking out every peak day.\nA quarter of a day's space per grower is what Gloria does on the whiteboard today.\n\nReviewed-by: Walter Brandt <walter.brandt@example.com>",
        );
        s4.words_added = 212;
        s4.words_removed = 38;
        s4.sections = vec![
            s("how it works +31 -4"),
            s("internal FAQ +181 -34"),
            s("why now added"),
        ];
        s4.front = vec![s("status: draft -> review")];
        s4.questions_added = vec![
            s("How is space shared on the busiest days?"),
            s("Why now, and why us?"),
        ];
        s4.questions_edited = vec![s("What could go wrong?")];
        s4.fixed = vec![finding(
            "faq-avoids-hard-questions",
            "warning",
            74,
            "The internal FAQ does not say why now",
            "Add a question on why this is the right time, and why us.",
            None,
        )];
        s4.introduced = vec![finding(
            "hyperbole-instead-of-specifics",
            "warning",
            31,
            "\"first-class\" stands where a fact should be",
            "Say what phone bookings keep: who takes them, and by when they are confirmed.",
            None,
        )];
        s4.counts = counts(0, 2, 1);
        s4.diff_html = s(concat!(
            "<h2>How it works</h2>\n",
            "<p>Gloria sees every booking on a screen in the packhouse office and can still take bookings by phone. <ins>No grower can hold more than a quarter of a day's space, so two large farms cannot book out a peak day.</ins> A grower who neither arrives nor texts a change by 10 a.m. pays <del>$5</del><ins>$3</ins> for each pallet space left empty.</p>\n",
            "<h3>What could go wrong?</h3>\n",
            "<p>Members may not text: the median member is 58, and <del>some farms</del><ins>9 of 64 farms</ins> have only a landline, so phone bookings must stay first-class. <ins>The no-show charge may anger members who have paid nothing for late cancellations before; the board will vote on it in January.</ins></p>\n",
            "<h3><ins>Why now, and why us?</ins></h3>\n",
            "<p><ins>Gloria retires at the end of the 2027 season, and today the booking system is her memory.</ins></p>\n",
        ));

        let mut s3 = step(
            "3",
            "2026-09-29",
            "Hannah Lindqvist <hannah.lindqvist@example.com>",
            &["Priya Raman <priya.raman@example.com>"],
            "team",
            "team",
            "Add September trial results and season totals, answer risks",
            "",
        );
        s3.words_added = 164;
        s3.words_removed = 41;
        s3.sections = vec![
            s("summary +38 -12"),
            s("problem +52 -20"),
            s("internal FAQ +74 -9"),
        ];
        s3.questions_added = vec![s("What could go wrong?")];
        s3.questions_removed = vec![s("Will the co-op deliver to farms?")];
        s3.fixed = vec![finding(
            "no-measurable-outcome",
            "warning",
            9,
            "No metric has a number",
            "",
            None,
        )];
        s3.counts = counts(0, 2, 1);
        s3.diff_html = s(
            "<p>SALEM, Ore., May 17, 2027 -- Member growers of the Mid-Willamette Growers Cooperative can now reserve space in the cooperative's packhouse coolers up to five days ahead by text message, with a confirmed cooler bay by 6 p.m. the evening before they pick. <ins>In a four-week trial with 11 growers last September, no grower with a confirmed booking was turned away, against 23 growers turned away in the 2026 summer.</ins></p>\n<p>On <del>many days</del><ins>19 days</ins> last summer the coolers were full by mid-morning<del>.</del><ins>, and 23 growers who arrived with picked fruit were sent away.</ins></p>\n",
        );

        let mut s2 = step(
            "2",
            "2026-09-03",
            "Hannah Lindqvist <hannah.lindqvist@example.com>",
            &[],
            "author",
            "team",
            "Cut farm pickup, book by text, add losses to August 31",
            "",
        );
        s2.words_added = 120;
        s2.words_removed = 230;
        s2.sections = vec![s("solution +40 -160"), s("external FAQ +80 -70")];
        s2.counts = counts(0, 3, 1);
        s2.error = Some(s(
            "proposals/coop-cooler-booking.md:4:1: front matter: expected a string for owner",
        ));
        s2.diff_html = s(
            "<p>A grower texts the packhouse number with the day, the crop and the number of pallets<del>, or books in the co-op app, and a truck collects the fruit from the farm gate</del>.</p>\n",
        );

        let mut s1 = step(
            "1",
            "2026-07-24",
            "Hannah Lindqvist <hannah.lindqvist@example.com>",
            &[],
            "author",
            "author",
            "Draft cooler booking proposal after July turn-aways",
            "",
        );
        s1.words_added = 1010;
        s1.sections = vec![s("press release added"), s("external FAQ added")];
        s1.counts = counts(1, 3, 2);
        s1.introduced = vec![finding(
            "vague-customer-definition",
            "error",
            5,
            "The customer is \"growers\"",
            "",
            None,
        )];
        s1.diff_html = s(
            "<h1><ins>Growers book cooler space online</ins></h1>\n<p><ins>SALEM, Ore. -- Growers can now book space in the packhouse coolers.</ins></p>\n",
        );
        vec![working, s4, s3, s2, s1]
    }

    fn register() -> Handlebars<'static> {
        let mut hb = Handlebars::new();
        hb.set_strict_mode(true);
        let dir = manifest().join("templates/site");
        let mut n = 0;
        for entry in fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            let file = path.file_name().unwrap().to_str().unwrap().to_string();
            if let Some(name) = file.strip_suffix(".html.hbs") {
                let text = fs::read_to_string(&path).unwrap();
                hb.register_template_string(name, text)
                    .unwrap_or_else(|e| panic!("{file}: {e}"));
                n += 1;
            }
        }
        assert!(n >= 8, "templates/site has only {n} templates");
        hb
    }

    fn write(hb: &Handlebars, name: &str, data: &impl Serialize, path: &str) {
        let html = hb
            .render(name, data)
            .unwrap_or_else(|e| panic!("{name}.html.hbs: {e}"));
        let out = out().join(path);
        fs::create_dir_all(out.parent().unwrap()).unwrap();
        fs::write(&out, html).unwrap();
    }

    #[test]
    fn preview() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = std::env::var_os("WB_PREVIEW_DIR")
            .map_or_else(|| tmp.path().to_path_buf(), PathBuf::from);
        OUT.set(dir).unwrap();
        let hb = register();
        let _ = fs::remove_dir_all(out());
        fs::create_dir_all(out().join("assets")).unwrap();
        for asset in ["wb.css", "wb.js"] {
            fs::copy(
                manifest().join("site").join(asset),
                out().join("assets").join(asset),
            )
            .unwrap();
        }

        let all = cards();
        let statuses: Vec<String> = [
            "draft", "review", "approved", "launched", "shelved", "rejected", "parked",
        ]
        .iter()
        .map(|x| s(x))
        .collect();
        let funnel_stages: Vec<FunnelStage> = statuses
            .iter()
            .map(|st| FunnelStage {
                status: st.clone(),
                count: all.iter().filter(|(c, _)| &c.status == st).count(),
            })
            .collect();
        let mut tags: Vec<String> = all.iter().flat_map(|(c, _)| c.tags.clone()).collect();
        tags.sort();
        tags.dedup();
        let total = all.iter().fold(Counts::default(), |mut t, (c, _)| {
            t.errors += c.findings.errors;
            t.warnings += c.findings.warnings;
            t.infos += c.findings.infos;
            t
        });
        let index = IndexPage {
            site: SiteInfo {
                live_reload: None,
                ..site("")
            },
            cards: all.iter().map(|(c, _)| c.clone()).collect(),
            statuses,
            tags,
            funnel_svg: funnel(&funnel_stages),
            funnel: funnel_stages,
            total_iterations: all.iter().map(|(c, _)| c.iterations).sum(),
            findings: total,
            broken: vec![s(
                "proposals/pricing-page.md:3:9: front matter: status \"aproved\" is not one of draft, review, approved, launched, shelved, rejected, parked",
            )],
        };
        write(&hb, "index", &index, "index.html");

        // search-index.js, as the real build emits it.
        let entries: Vec<serde_json::Value> = all
            .iter()
            .map(|(c, d)| {
                serde_json::json!({
                    "slug": c.slug, "title": c.title, "customer": c.customer,
                    "status": c.status, "tags": c.tags,
                    "text": d.as_ref().map(|d| d.text.clone()).unwrap_or_default(),
                    "url": c.url,
                })
            })
            .collect();
        fs::write(
            out().join("search-index.js"),
            format!(
                "window.WB_SEARCH = {};\n",
                serde_json::to_string(&entries)
                    .unwrap()
                    .replace("</", "<\\/")
            ),
        )
        .unwrap();

        // Every proposal page.
        for (card, doc) in &all {
            let Some(doc) = doc else { continue };
            let m = meta(card, doc, &format!("proposals/{}.md", card.slug));
            let findings = if card.slug == "coop-cooler-booking" {
                vec![
                    finding(
                        "hyperbole-instead-of-specifics",
                        "warning",
                        68,
                        "\"first-class\" stands where a fact should be",
                        "Say what phone bookings keep: who takes them, and by when they are confirmed.",
                        doc.anchor_of("Members may not text"),
                    ),
                    finding(
                        "customer-quote-sounds-fake",
                        "warning",
                        38,
                        "The quote is 71 words long: people in a situation speak in shorter sentences",
                        "Keep the moment at the dock and the result; cut the rest.",
                        doc.anchor_of("\"Last July I picked"),
                    ),
                    finding(
                        "faq-too-short",
                        "info",
                        50,
                        "\"What if I pick more than I booked?\" is answered in two lines",
                        "",
                        None,
                    ),
                ]
            } else {
                vec![]
            };
            let page = ProposalPage {
                site: site("../../"),
                meta: m,
                toc: doc.toc.clone(),
                body_html: doc.body_html.clone(),
                counts: card.findings,
                findings,
                history_url: s("history.html"),
                versions: (1..=card.iterations)
                    .map(|i| Link {
                        label: i.to_string(),
                        url: format!("v/{i}.html"),
                    })
                    .collect(),
            };
            write(
                &hb,
                "proposal",
                &page,
                &format!("p/{}/index.html", card.slug),
            );
        }

        // The made-up proposals: short, and the last one bare (no owner,
        // customer, date, tags, table of contents, findings or versions).
        for (card, doc) in &all {
            if doc.is_some() {
                continue;
            }
            let bare = card.slug == "untitled-idea";
            let (body_html, toc) = if bare {
                (
                    s("<p id=\"L2\">Tractors sit idle most of the year.</p>\n"),
                    vec![],
                )
            } else {
                (
                    format!(
                        "<h1 id=\"headline\">{}</h1>\n<p id=\"L8\">{}</p>\n<h1 class=\"faq-start\" id=\"frequently-asked-questions\">Frequently asked questions</h1>\n<h2 id=\"external-faq\">External FAQ</h2>\n<h3 id=\"what-does-it-cost\">What does it cost?</h3>\n<p id=\"L14\">Nothing for the first year.</p>\n",
                        esc(&card.title),
                        esc(card.customer.as_deref().unwrap_or(""))
                    ),
                    vec![
                        TocEntry {
                            level: 1,
                            text: card.title.clone(),
                            anchor: s("headline"),
                        },
                        TocEntry {
                            level: 1,
                            text: s("Frequently asked questions"),
                            anchor: s("frequently-asked-questions"),
                        },
                        TocEntry {
                            level: 2,
                            text: s("External FAQ"),
                            anchor: s("external-faq"),
                        },
                        TocEntry {
                            level: 3,
                            text: s("What does it cost?"),
                            anchor: s("what-does-it-cost"),
                        },
                    ],
                )
            };
            let m = Meta {
                slug: card.slug.clone(),
                title: card.title.clone(),
                status: card.status.clone(),
                owner: card.owner.clone(),
                customer: card.customer.clone(),
                launch_date: card.launch_date.clone(),
                tags: card.tags.clone(),
                metrics: vec![],
                extra: vec![],
                iterations: card.iterations,
                reach: card.reach.clone(),
                last_change: card.last_change.clone(),
                words: card.words,
                path: format!("proposals/{}.md", card.slug),
            };
            let page = ProposalPage {
                site: site("../../"),
                meta: m.clone(),
                toc,
                body_html,
                findings: vec![],
                counts: card.findings,
                history_url: s("history.html"),
                versions: vec![],
            };
            write(
                &hb,
                "proposal",
                &page,
                &format!("p/{}/index.html", card.slug),
            );
            let history = HistoryPage {
                site: site("../../"),
                meta: m,
                steps: vec![],
                truncated: false,
                note: bare.then(|| s("Not in a git repository: no history to show.")),
            };
            write(
                &hb,
                "history",
                &history,
                &format!("p/{}/history.html", card.slug),
            );
        }

        // An empty portfolio, served by `wb serve` (live reload on).
        let empty = IndexPage {
            site: SiteInfo {
                live_reload: Some(s("http://127.0.0.1:4000/_wb/reload.js")),
                ..site("../")
            },
            cards: vec![],
            statuses: vec![s("draft"), s("review")],
            tags: vec![],
            funnel: vec![],
            funnel_svg: String::new(),
            total_iterations: 0,
            findings: Counts::default(),
            broken: vec![],
        };
        write(&hb, "index", &empty, "empty/index.html");

        // History and versions: the sample steps are the co-op proposal's,
        // shown for every example so that every link resolves.
        let steps = steps();
        for (card, doc) in &all {
            let Some(doc) = doc else { continue };
            let m = meta(card, doc, &format!("proposals/{}.md", card.slug));
            let under_review = card.slug == "coop-cooler-booking";
            let history = HistoryPage {
                site: site("../../"),
                meta: m.clone(),
                steps: steps.clone(),
                truncated: under_review,
                note: under_review
                    .then(|| s("Iteration 2 could not be read; its text is shown as committed.")),
            };
            write(
                &hb,
                "history",
                &history,
                &format!("p/{}/history.html", card.slug),
            );
            for (i, st) in steps.iter().enumerate().filter(|(_, st)| !st.working) {
                let n: usize = st.label.parse().unwrap();
                let link = |k: usize| Link {
                    label: k.to_string(),
                    url: format!("{k}.html"),
                };
                let page = VersionPage {
                    site: site("../../../"),
                    meta: m.clone(),
                    step: steps[i].clone(),
                    body_html: doc.body_html.clone(),
                    toc: doc.toc.clone(),
                    prev: (n > 1).then(|| link(n - 1)),
                    next: (n < 4).then(|| link(n + 1)),
                    current_url: s("../index.html"),
                    history_url: s("../history.html"),
                };
                write(
                    &hb,
                    "version",
                    &page,
                    &format!("p/{}/v/{n}.html", card.slug),
                );
            }
        }
        let card = &all[0].0;

        // Rules.
        let index_rules = rules("");
        for rule in &index_rules {
            let proposals = match rule.id.as_str() {
                "hyperbole-instead-of-specifics" | "customer-quote-sounds-fake" => vec![Link {
                    label: card.title.clone(),
                    url: s("../p/coop-cooler-booking/index.html"),
                }],
                _ => vec![],
            };
            let page = RulePage {
                site: site("../"),
                rule: rule.clone(),
                explanation_html: s(EXPLANATION),
                rules: rules(""),
                proposals,
            };
            write(&hb, "rule", &page, &format!("rules/{}.html", rule.id));
        }
        let page = RulesIndexPage {
            site: site("../"),
            rules: index_rules,
        };
        write(&hb, "rules", &page, "rules/index.html");
        eprintln!("preview written to {}", out().join("index.html").display());
    }

    const EXPLANATION: &str = r#"<h2 id="why-it-matters">Why it matters</h2>
<p>A press release is a promise to a customer in words they would use. "Best-in-class", "seamless" and "revolutionary" promise nothing a reader can check, and they hide whether the team knows what the product will actually change. Reviewers skim past them, and the one number that would have started the real discussion is missing.</p>
<h2 id="what-wb-looks-at">What wb looks at</h2>
<p>The press release and the FAQ answers, sentence by sentence, for superlatives and buzzwords from a short list, such as:</p>
<ul>
<li><em>world-class</em>, <em>best-in-class</em>, <em>cutting-edge</em></li>
<li><em>seamless</em>, <em>effortless</em>, <em>delightful</em></li>
<li><em>revolutionary</em>, <em>game-changing</em></li>
</ul>
<h2 id="example">Example</h2>
<blockquote><p>Our revolutionary platform delivers a seamless booking experience.</p></blockquote>
<p>Better:</p>
<blockquote><p>Growers know by 6 p.m. the evening before which cooler bay tomorrow's harvest goes to.</p></blockquote>
<h2 id="what-it-misses">What it misses</h2>
<p>Vague claims without buzzwords ("much faster", "a lot easier") pass; so does a precise number that is wrong. Pair it with <code>no-measurable-outcome</code>.</p>
"#;
}
