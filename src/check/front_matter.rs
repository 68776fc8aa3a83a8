//! `front-matter`: the YAML block wb reads status, owner and customer from.
//! Kept apart from the patterns: a missing key is a bookkeeping problem, not
//! a judgment about the writing.

use super::Hit;
use super::text::Doc;
use crate::config::Severity;
use crate::proposal::front::{KNOWN_KEYS, REQUIRED_KEYS};

pub(crate) fn front_matter(doc: &Doc) -> Vec<Hit> {
    let f = &doc.p.front;
    // A document of another kind (an RFC, a KEP) keeps its metadata its own
    // way, if at all: what it lacks of a PR/FAQ's front-matter is not a
    // problem, and its `not-a-prfaq` note says what wb took it for. Only a
    // key it writes and leaves empty is reported.
    let prfaq = doc.kind.is_prfaq();
    if !f.present && !prfaq {
        return Vec::new();
    }
    if !f.present {
        return vec![Hit::new(
            (1, 1),
            "no front-matter: wb cannot tell this proposal's status, owner or customer",
            "start the file with a `---` block holding title, status, owner and customer \
             (`wb new` writes one), or silence this rule for old documents in wb.yaml",
        )];
    }
    let mut out = Vec::new();
    for &key in REQUIRED_KEYS {
        let value = match key {
            "title" => &f.title,
            "status" => &f.status,
            "owner" => &f.owner,
            _ => &f.customer,
        };
        if value.is_some() {
            continue;
        }
        // A value wb left out (an unknown status) is reported as a problem
        // at its line already; "empty" would mislead.
        if f.left_out.iter().any(|k| k == key) {
            continue;
        }
        if !prfaq && !f.has(key) {
            continue;
        }
        let (pos, message) = if f.has(key) {
            (doc.value_pos(key), format!("front-matter `{key}` is empty"))
        } else {
            ((1, 1), format!("front-matter has no `{key}`"))
        };
        let hint = match key {
            "status" => format!(
                "add `status: {}` (the statuses are listed in wb.yaml: {})",
                doc.config().lifecycle.new_status(),
                doc.config().lifecycle.names.join(", ")
            ),
            _ => hint_for(key).to_string(),
        };
        out.push(Hit::new(pos, message, hint));
    }
    for key in f.extra.keys().filter(|_| prfaq) {
        let hint = match crate::portfolio::closest(key, KNOWN_KEYS) {
            Some(k) => format!("did you mean `{k}`? wb keeps unknown keys but does not read them"),
            None => format!(
                "wb keeps it but does not read it; the keys wb reads are: {}",
                KNOWN_KEYS.join(", ")
            ),
        };
        out.push(
            Hit::new(
                f.position(key),
                format!("unknown front-matter key `{key}`"),
                hint,
            )
            .severity(Severity::Info),
        );
    }
    out
}

fn hint_for(key: &str) -> &'static str {
    match key {
        "title" => {
            "add `title:` with what the customer gets, e.g. `title: Small shops refund in two minutes`"
        }
        "owner" => "add `owner: Name <email>`: the person who answers for this proposal",
        _ => {
            "add `customer:` with a segment you could find and interview: who, in what \
             situation, with what constraint"
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::check::tests::{check_text, rules_of};
    use crate::config::Severity;

    #[test]
    fn no_front_matter_is_one_finding() {
        let f = check_text("# A plan\n\nText.\n");
        let msgs = rules_of(&f, "front-matter");
        assert_eq!(
            msgs,
            vec!["no front-matter: wb cannot tell this proposal's status, owner or customer"]
        );
    }

    #[test]
    fn another_kind_of_document_misses_no_front_matter() {
        // An RFC: no PR/FAQ front-matter to miss, nor its keys; a key it
        // writes and leaves empty is still reported.
        let rfc = "# Quiet builds\n\n## Summary\n\nBuilds print less.\n\n## Motivation\n\nLogs are long.\n\n## Detailed design\n\nA flag.\n\n## Drawbacks\n\nNone.\n";
        let f = check_text(rfc);
        assert_eq!(
            f.iter().map(|f| f.rule.as_str()).collect::<Vec<_>>(),
            ["not-a-prfaq"]
        );
        let f = check_text(&format!("---\nstart: 2020-01-01\nowner:\n---\n{rfc}"));
        assert_eq!(
            rules_of(&f, "front-matter"),
            vec!["front-matter `owner` is empty"]
        );
    }

    #[test]
    fn missing_empty_and_unknown_keys() {
        let f =
            check_text("---\ntitle: A\nstatus: draft\nowner:\nlaunch_dat: 2027-01-01\n---\n# A\n");
        let fm: Vec<_> = f.iter().filter(|f| f.rule == "front-matter").collect();
        assert_eq!(fm.len(), 3, "{fm:#?}");
        assert_eq!((fm[0].line, fm[0].col), (1, 1));
        assert_eq!(fm[0].message, "front-matter has no `customer`");
        assert_eq!(fm[1].message, "front-matter `owner` is empty");
        assert_eq!(fm[1].line, 4);
        assert_eq!(fm[2].message, "unknown front-matter key `launch_dat`");
        assert_eq!(fm[2].severity, Severity::Info);
        assert!(fm[2].hint.contains("did you mean `launch_date`"));
    }

    #[test]
    fn complete_front_matter_is_quiet() {
        let f = check_text(
            "---\ntitle: A\nstatus: draft\nowner: A <a@b.c>\ncustomer: Owners of small shops who refund by hand\n---\n# A\n",
        );
        assert!(rules_of(&f, "front-matter").is_empty());
    }
}
