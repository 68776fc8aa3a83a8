//! Documents that are not PR/FAQs: RFC-shaped repositories get one
//! `not-a-prfaq` note per document and titles that are not "Summary";
//! `kinds:` in wb.yaml declares the kind for a glob.

use serde_json::Value;

use crate::support::Project;

/// Three RFCs in the shape of rust-lang/rfcs (our own words): metadata
/// bullets instead of a title, sections named Summary and Motivation, and a
/// one-line stub that points at another file.
fn rfc_repository() -> Project {
    let p = Project::new();
    p.file("wb.yaml", "proposals: [\"text/*.md\"]\n");
    p.file(
        "text/0001-tabs.md",
        "- Feature Name: tab_groups\n- Start Date: 2031-02-01\n- RFC PR: none\n\n# Summary\n\nAdd a seamless, revolutionary way to group tabs for everyone.\n\n# Motivation\n\nPeople open many tabs. The API is hard.\n\n# Detailed design\n\nA new `group` keyword.\n\n# Drawbacks\n\nMore syntax.\n\n# Alternatives\n\nDo nothing.\n\n# Unresolved questions\n\nWhat about windows?\n",
    );
    p.file(
        "text/0002-quiet-builds.md",
        "- Start Date: 2031-03-09\n\n## Summary\n\nLet builds print less.\n\n## Motivation\n\nLogs are long.\n\n## Guide-level explanation\n\nPass `--quiet`.\n\n## Reference-level explanation\n\nThe flag sets the level.\n\n## Prior art\n\nMany tools.\n",
    );
    p.file(
        "text/0003-old-name.md",
        "Moved to [0002-quiet-builds.md](0002-quiet-builds.md).\n",
    );
    p
}

fn proposals(json: &Value) -> Vec<Value> {
    json["proposals"].as_array().unwrap().clone()
}

fn rules_of(p: &Value) -> Vec<String> {
    p["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn an_rfc_repository_gets_one_note_per_document() {
    let p = rfc_repository();
    let run = p.wb(&["check", "--format", "json"]).ok();
    let json = run.json();
    let docs = proposals(&json);
    assert_eq!(docs.len(), 3, "{json:#}");
    for d in &docs {
        let rules = rules_of(d);
        // One note and nothing else: an RFC has no PR/FAQ front-matter to
        // miss, and no pattern rule judges it.
        assert_eq!(rules, ["not-a-prfaq"], "{d:#}");
    }
    assert!(json["counts"]["errors"] == 0, "{json:#}");
    let titles: Vec<&str> = docs.iter().map(|d| d["title"].as_str().unwrap()).collect();
    assert_eq!(
        titles,
        [
            "tab_groups",
            "0002-quiet-builds",
            "Moved to 0002-quiet-builds.md."
        ]
    );
    let text = p.wb(&["check", "text/0002-quiet-builds.md"]).ok().stdout;
    assert!(
        text.contains("info[not-a-prfaq]: not a PR/FAQ: this reads as an RFC"),
        "{text}"
    );
}

#[test]
fn wb_yaml_declares_kinds_for_globs() {
    let p = rfc_repository();
    p.file(
        "wb.yaml",
        "proposals: [\"text/*.md\"]\nkinds:\n  \"text/*.md\": rfc\n  \"text/0001-*.md\": prfaq\n",
    );
    let json = p.wb(&["check", "--format", "json"]).json();
    let docs = proposals(&json);
    // 0001 is declared a PR/FAQ: the pattern rules judge it.
    let first = rules_of(&docs[0]);
    assert!(!first.contains(&"not-a-prfaq".to_string()), "{first:?}");
    assert!(first.contains(&"hyperbole-instead-of-specifics".to_string()));
    // The others are declared RFCs: the note names the glob.
    let note = docs[1]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "not-a-prfaq")
        .unwrap();
    assert!(
        note["message"]
            .as_str()
            .unwrap()
            .contains("wb.yaml declares `text/*.md`: rfc"),
        "{note:#}"
    );
    // The note is a rule like the others: it can be disabled.
    p.file(
        "wb.yaml",
        "proposals: [\"text/*.md\"]\nkinds: { \"text/*.md\": rfc }\ncheck: { disable: [not-a-prfaq, front-matter] }\n",
    );
    let json = p.wb(&["check", "--format", "json"]).ok().json();
    assert!(
        proposals(&json).iter().all(|d| rules_of(d).is_empty()),
        "{json:#}"
    );
}

#[test]
fn an_unknown_kind_stops_every_command() {
    let p = rfc_repository();
    p.file(
        "wb.yaml",
        "proposals: [\"text/*.md\"]\nkinds:\n  \"text/*.md\": rcf\n",
    );
    for args in [&["check"][..], &["list"][..]] {
        let run = p.wb(args).code(2);
        assert!(
            run.stderr
                .contains("wb.yaml:3:16: unknown document kind `rcf`"),
            "{}",
            run.stderr
        );
        assert!(run.stderr.contains("did you mean `rfc`?"), "{}", run.stderr);
    }
}
