//! The rules that read the proposal's history: `writing-pr-after-building`
//! and `skipping-the-iteration`. They get the history as data
//! (`Context::history`) and say nothing without one.

use super::Hit;
use super::text::Doc;
use crate::history::{History, Iteration, Person};
use crate::proposal::Proposal;

super::options::options! {
    /// Options of `skipping-the-iteration`.
    pub struct Skipping {
        /// Fewest iterations a proposal past its first status should have.
        min_iterations: usize = 3,
    }
}

pub(crate) fn writing_pr_after_building(doc: &Doc) -> Vec<Hit> {
    let Some(history) = doc.ctx.history else {
        return Vec::new();
    };
    let Some(first) = history.first() else {
        return Vec::new();
    };
    let p = doc.p;
    let mut out = Vec::new();
    let first_day = first.date.date_naive();
    // 1. The declared code changed before the first iteration.
    if let Some(oldest) = history.code_before.last() {
        let n = history.code_before.len();
        let pos = if p.front.has("code") {
            doc.value_pos("code")
        } else {
            doc.top()
        };
        out.push(Hit::new(
            pos,
            format!(
                "'{}' was changed by {n} commit{} before the first iteration, starting with {} on {} ('{}')",
                oldest.path,
                if n == 1 { "" } else { "s" },
                short(&oldest.commit),
                oldest.date.date_naive(),
                oldest.subject
            ),
            "write and review the PR/FAQ before the first line of the product; if this \
             document records a decision already made, say so and keep it out of review",
        )
        .about(format!("'{}' changed before the first iteration", oldest.path)));
    }
    // 2. The first iteration was already decided for (approved) or launched.
    let lifecycle = &doc.config().lifecycle;
    let first_version = doc.ctx.first_version.or_else(|| only_version(history, p));
    if let Some(v) = first_version
        && lifecycle.is_decided_for(v.status())
    {
        let pos = if p.front.has("status") {
            doc.value_pos("status")
        } else {
            doc.top()
        };
        out.push(Hit::new(
            pos,
            format!(
                "the first iteration ({}, {first_day}) already had status '{}'",
                first.short,
                v.status()
            ),
            "a PR/FAQ starts as a draft and earns its approval in review; one written after \
             the decision documents it instead of testing it",
        ));
    }
    // 3. The launch date lies before the first draft.
    if let Some(launch) = p.front.launch_date
        && launch < first_day
    {
        out.push(Hit::new(
            doc.value_pos("launch_date"),
            format!("launch_date {launch} is before the first iteration ({first_day})"),
            "date the press release on a launch day still ahead of the first draft",
        ));
    }
    out
}

/// When the history holds exactly one committed iteration and no working
/// copy, the proposal as it is on disk is its first version.
fn only_version<'a>(history: &History, p: &'a Proposal) -> Option<&'a Proposal> {
    (history.committed().count() == 1 && !history.iterations.iter().any(|i| i.working)).then_some(p)
}

fn short(commit: &str) -> &str {
    commit.get(..7).unwrap_or(commit)
}

pub(crate) fn skipping_the_iteration(doc: &Doc) -> Vec<Hit> {
    let Some(history) = doc.ctx.history else {
        return Vec::new();
    };
    let config = doc.config();
    let p = doc.p;
    let status = p.status();
    // Asking for review (or still writing) is not skipping it: the pattern is
    // a proposal that reached its decision without being reviewed.
    if !config.lifecycle.is_decided_for(status) {
        return Vec::new();
    }
    let committed: Vec<&Iteration> = history.committed().collect();
    let min = config.check.rules.skipping_the_iteration.min_iterations;
    let mut reasons: Vec<String> = Vec::new();
    if committed.len() < min && !history.truncated {
        reasons.push(match committed.len() {
            0 => "without ever being committed".to_string(),
            1 => "after only 1 iteration".to_string(),
            n => format!("after only {n} iterations"),
        });
    }
    let reviewers: Vec<&Person> = committed
        .iter()
        .flat_map(|it| {
            it.reviewers
                .iter()
                .filter(move |r| !same_person(r, &it.author))
        })
        .collect();
    if reviewers.is_empty() {
        if !committed.is_empty() {
            reasons.push("with no Reviewed-by trailer".to_string());
        }
    } else if config.circles.len() >= 2 {
        let circles: Vec<Option<&str>> = reviewers
            .iter()
            .map(|r| circle_of(r, &config.circles))
            .collect();
        if let Some(Some(only)) = circles.first()
            && circles.iter().all(|c| c == &Some(*only))
        {
            reasons.push(format!("with every reviewer in the '{only}' circle"));
        }
    }
    if reasons.is_empty() {
        return Vec::new();
    }
    let pos = if p.front.has("status") {
        doc.value_pos("status")
    } else {
        doc.top()
    };
    let subject = format!("status '{status}' without review");
    vec![Hit::new(
        pos,
        format!("status '{status}' {}", reasons.join(", ")),
        format!(
            "review the PR/FAQ in widening circles and let it change: at least {min} iterations, \
             each review recorded as a `Reviewed-by: Name <email>` trailer"
        ),
    )
    .about(subject)]
}

fn same_person(a: &Person, b: &Person) -> bool {
    (!a.email.is_empty() && a.email.eq_ignore_ascii_case(&b.email))
        || (a.email.is_empty() && a.name.eq_ignore_ascii_case(&b.name))
}

/// The first circle (narrowest first) naming `person` by email or by name.
fn circle_of<'c>(
    person: &Person,
    circles: &'c indexmap::IndexMap<String, Vec<String>>,
) -> Option<&'c str> {
    circles.iter().find_map(|(name, members)| {
        members
            .iter()
            .any(|m| matches_member(person, m))
            .then_some(name.as_str())
    })
}

/// A circle member is written as an email, a name, or `Name <email>`.
fn matches_member(person: &Person, member: &str) -> bool {
    let member = member.trim();
    let email = match (member.find('<'), member.rfind('>')) {
        (Some(a), Some(b)) if a < b => Some(member[a + 1..b].trim()),
        _ if member.contains('@') => Some(member),
        _ => None,
    };
    match email {
        Some(e) => !person.email.is_empty() && e.eq_ignore_ascii_case(&person.email),
        None => member.eq_ignore_ascii_case(person.name.trim()),
    }
}

#[cfg(test)]
mod tests {
    use crate::check::tests::{check_history, iteration, rules_of};
    use crate::config::Config;
    use crate::history::History;

    const DOC: &str = "---\ntitle: A\nstatus: approved\nowner: A <a@b.c>\ncustomer: Owners of shops with fewer than ten staff\nlaunch_date: 2027-03-15\ncode: [src/refunds/]\n---\n# Shops refund in two minutes\n";

    fn history(its: Vec<crate::history::Iteration>) -> History {
        History {
            iterations: its,
            ..Default::default()
        }
    }

    fn circles() -> Config {
        let mut c = Config::default();
        c.circles.insert(
            "team".into(),
            vec!["alice@example.com".into(), "Bob Stone".into()],
        );
        c.circles
            .insert("leadership".into(), vec!["VP <vp@example.com>".into()]);
        c
    }

    #[test]
    fn without_history_nothing_is_said() {
        let f = crate::check::tests::check_text(DOC);
        assert!(rules_of(&f, "skipping-the-iteration").is_empty());
        assert!(rules_of(&f, "writing-pr-after-building").is_empty());
    }

    #[test]
    fn one_unreviewed_iteration_past_draft() {
        let h = history(vec![iteration(1, "2026-05-01", &[])]);
        let f = check_history(DOC, &h, &Config::default());
        assert_eq!(
            rules_of(&f, "skipping-the-iteration"),
            vec!["status 'approved' after only 1 iteration, with no Reviewed-by trailer"]
        );
        let s = f
            .iter()
            .find(|f| f.rule == "skipping-the-iteration")
            .unwrap();
        assert_eq!((s.line, s.col), (3, 9));
        // The only version is the first one: approved from the start.
        assert_eq!(
            rules_of(&f, "writing-pr-after-building"),
            vec!["the first iteration (c000001, 2026-05-01) already had status 'approved'"]
        );
    }

    #[test]
    fn reviewers_from_one_circle() {
        let team = [
            ("Alice", "ALICE@example.com"),
            ("Bob Stone", "bob@elsewhere.com"),
        ];
        let h = history(vec![
            iteration(1, "2026-05-01", &[]),
            iteration(2, "2026-05-08", &team),
            iteration(3, "2026-05-15", &team[..1]),
        ]);
        let f = check_history(DOC, &h, &circles());
        assert_eq!(
            rules_of(&f, "skipping-the-iteration"),
            vec!["status 'approved' with every reviewer in the 'team' circle"]
        );
        // Setting `review` is how an author asks for review: not skipping it.
        let f = check_history(&DOC.replace("approved", "review"), &h, &circles());
        assert!(rules_of(&f, "skipping-the-iteration").is_empty());
        let h = history(vec![
            iteration(1, "2026-05-01", &[]),
            iteration(2, "2026-05-08", &team),
            iteration(3, "2026-05-15", &[("VP", "vp@example.com")]),
        ]);
        let f = check_history(&DOC.replace("approved", "review"), &h, &circles());
        assert!(rules_of(&f, "skipping-the-iteration").is_empty());
        let f = check_history(DOC, &h, &circles());
        assert!(rules_of(&f, "skipping-the-iteration").is_empty());
        assert!(
            rules_of(&f, "writing-pr-after-building").is_empty(),
            "{f:#?}"
        );
        // A draft is not expected to have been reviewed yet.
        let h = history(vec![iteration(1, "2026-05-01", &[])]);
        let f = check_history(&DOC.replace("approved", "draft"), &h, &circles());
        assert!(rules_of(&f, "skipping-the-iteration").is_empty());
    }

    #[test]
    fn code_before_and_launch_before_the_first_draft() {
        let mut h = history(vec![
            iteration(1, "2027-04-01", &[]),
            iteration(2, "2027-04-08", &[]),
        ]);
        h.code_before.push(crate::history::CodeCommit {
            commit: "abcdef0123456789".into(),
            date: crate::check::tests::date("2026-11-02"),
            subject: "Add refund button".into(),
            path: "src/refunds/button.rs".into(),
        });
        let f = check_history(&DOC.replace("approved", "draft"), &h, &Config::default());
        let m = rules_of(&f, "writing-pr-after-building");
        assert_eq!(
            m,
            vec![
                "launch_date 2027-03-15 is before the first iteration (2027-04-01)",
                "'src/refunds/button.rs' was changed by 1 commit before the first iteration, starting with abcdef0 on 2026-11-02 ('Add refund button')",
            ]
        );
    }
}
