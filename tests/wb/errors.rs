//! Every bad input: `path:line:col: message`, a hint, exit code 2, and
//! nothing of the user's changed.

use crate::support::{Project, proposal};

/// Runs `wb list` on a portfolio holding `bad.md` plus a good proposal and
/// returns stderr; the good one must still be listed.
fn list_with_bad(contents: &[u8]) -> String {
    let p = Project::new();
    p.file("proposals/good.md", proposal("Good one", "draft"));
    p.file("proposals/bad.md", contents);
    let run = p.wb(&["list", "--format", "json"]).code(2);
    let list = run.json();
    assert_eq!(list[0]["slug"], "good", "the good proposal is still listed");
    assert!(run.stderr.contains("hint:"), "no hint in: {}", run.stderr);
    assert_eq!(
        p.read_bytes("proposals/bad.md"),
        contents,
        "input untouched"
    );
    run.stderr
}

#[test]
fn no_closing_fence() {
    let e = list_with_bad(b"---\ntitle: A\n# Heading\n");
    assert!(
        e.contains("proposals/bad.md:1:1: front-matter opened with `---` is never closed"),
        "{e}"
    );
}

#[test]
fn yaml_syntax_error_names_the_file_line() {
    let e =
        list_with_bad(b"---\ntitle: A\nstatus: draft\nowner: [unclosed\ncustomer: x\n---\n# H\n");
    // The error is on the file's line 5 (after the fence), not line 4 of the block.
    assert!(e.contains("proposals/bad.md:5:"), "{e}");
}

#[test]
fn key_of_wrong_type() {
    let e = list_with_bad(b"---\ntitle: A\nowner: {name: x}\n---\n# H\n");
    assert!(
        e.contains("proposals/bad.md:3:8: invalid type: map, expected text"),
        "{e}"
    );
}

#[test]
fn unknown_status_is_reported_and_the_proposal_still_listed() {
    let p = Project::new();
    p.file("proposals/good.md", proposal("Good one", "draft"));
    let bad = b"---\ntitle: Pending one\nstatus: Draft v0.1\n---\n# H\n";
    p.file("proposals/bad.md", bad);
    let run = p.wb(&["list", "--format", "json"]).code(2);
    run.says("proposals/bad.md:3:9: unknown status `Draft v0.1`; wb ignores it and reads the proposal as `draft`");
    run.says("use one of: draft, review, approved");
    // Left out, as a sidecar's unknown status is: the first status stands.
    let list = run.json();
    assert_eq!(list[0]["slug"], "bad");
    assert_eq!(list[0]["title"], "Pending one");
    assert_eq!(list[0]["status"], "draft");
    assert_eq!(list[1]["slug"], "good");
    assert_eq!(p.read_bytes("proposals/bad.md"), bad, "input untouched");
    // wb check judges it all the same, and does not call the status empty.
    let run = p.wb(&["check", "proposals/bad.md"]).code(2);
    assert!(run.stdout.contains("1 proposal checked"), "{}", run.stdout);
    assert!(!run.stdout.contains("`status` is empty"), "{}", run.stdout);
    run.says("unknown status `Draft v0.1`");
}

#[test]
fn front_matter_without_a_title_loads() {
    // Real documents often have no heading: the first line of text is the title.
    assert_eq!(
        title_of(b"---\nstatus: draft\nowner: A\n---\nNo heading here either.\n"),
        "No heading here either."
    );
}

/// The title `wb list` gives proposals/bad.md, which must load.
fn title_of(contents: &[u8]) -> String {
    let p = Project::new();
    p.file("proposals/bad.md", contents);
    let list = p.wb(&["list", "--format", "json"]).ok().json();
    list[0]["title"].as_str().unwrap().to_string()
}

#[test]
fn empty_file() {
    let e = list_with_bad(b"");
    assert!(e.contains("proposals/bad.md:1:1: the file is empty"), "{e}");
}

#[test]
fn non_utf8_bytes() {
    let e = list_with_bad(b"---\ntitle: A\n---\n# Caf\xe9 plans\n");
    assert!(
        e.contains("proposals/bad.md:4:6: the file is not valid UTF-8"),
        "{e}"
    );
}

#[test]
fn huge_front_matter_fails_fast() {
    let mut text = b"---\ntitle: A\nnested: ".to_vec();
    text.extend(std::iter::repeat_n(b'[', 70_000));
    text.extend(b"\n---\n# H\n");
    let start = std::time::Instant::now();
    let e = list_with_bad(&text);
    assert!(e.contains("front-matter is larger than 64 KiB"), "{e}");
    assert!(start.elapsed().as_secs() < 10);
}

#[test]
fn a_directory_named_like_a_proposal() {
    let p = Project::new();
    p.file("proposals/good.md", proposal("Good one", "draft"));
    std::fs::create_dir_all(p.path().join("proposals/folder.md")).unwrap();
    let run = p.wb(&["list", "--format", "json"]).code(2);
    assert_eq!(run.json()[0]["slug"], "good");
    run.says("proposals/folder.md: is a folder named like a proposal");
    assert!(run.stderr.contains("hint:"));
}

#[test]
fn wb_yaml_with_an_unknown_key() {
    let p = Project::new();
    p.file("wb.yaml", "proposals: proposals\nsite:\n  titel: Plans\n");
    let run = p.wb(&["list"]).code(2);
    run.says("wb.yaml:3:3: unknown field `titel`");
    run.says("hint:");
}

#[test]
fn wb_yaml_with_a_wrong_type() {
    let p = Project::new();
    p.file("wb.yaml", "check:\n  deny: loud\n");
    let run = p.wb(&["list"]).code(2);
    run.says("wb.yaml:2:9: unknown variant `loud`");
}

#[test]
fn new_onto_an_existing_file() {
    let p = Project::new();
    p.wb(&["init"]).ok();
    p.file("proposals/refunds.md", "# Mine, hand written\n");
    let run = p.wb(&["new", "Refunds", "--owner", "A <a@b.c>"]).code(2);
    run.says("proposals/refunds.md");
    run.says("already exists");
    run.says("hint:");
    assert_eq!(p.read("proposals/refunds.md"), "# Mine, hand written\n");
}

#[test]
fn new_onto_a_file_that_does_not_parse() {
    let p = Project::new();
    p.wb(&["init"]).ok();
    p.file("proposals/refunds.md", "---\nbroken\n");
    let run = p.wb(&["new", "Refunds", "--owner", "A <a@b.c>"]).code(2);
    run.says("already exists");
    assert_eq!(p.read("proposals/refunds.md"), "---\nbroken\n");
}

#[test]
fn title_that_yields_an_empty_slug() {
    let p = Project::new();
    p.wb(&["init"]).ok();
    let run = p.wb(&["new", "¿¡!!"]).code(2);
    run.says("gives an empty slug");
    run.says("--slug");
    assert_eq!(
        std::fs::read_dir(p.path().join("proposals"))
            .unwrap()
            .count(),
        0
    );
}

#[test]
fn bad_launch_date_in_front_matter() {
    let e = list_with_bad(b"---\ntitle: A\nlaunch_date: next spring\n---\n# H\n");
    assert!(
        e.contains("proposals/bad.md:3:14: launch_date `next spring` is not a date"),
        "{e}"
    );
}

#[test]
fn no_portfolio_here() {
    let p = Project::new();
    let run = p.wb(&["list"]).code(2);
    run.says("no portfolio here");
    run.says("wb init");
}

#[test]
fn unknown_proposal_suggests_the_nearest() {
    // Exercised through `wb check`/`history` later; here the library call.
    let p = Project::new();
    p.file("proposals/refunds.md", proposal("Refunds", "draft"));
    let portfolio = wb::portfolio::Portfolio::open(p.path()).unwrap();
    // `refund` is a start of `refunds` and names it; a near miss does not.
    assert_eq!(portfolio.find("refund").unwrap().slug, "refunds");
    let e = portfolio.find("refnds").unwrap_err();
    assert_eq!(e.to_string(), "no proposal `refnds` in this portfolio");
    assert!(e.hint().unwrap().contains("did you mean `refunds`"), "{e}");
}

#[test]
fn symlinks_are_not_followed_out_of_the_portfolio() {
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("secret.md"), "# Secret\n\nNot ours.\n").unwrap();
    let p = Project::new();
    p.file("proposals/good.md", proposal("Good one", "draft"));
    p.file("drafts/inside.md", proposal("Inside", "draft"));
    std::os::unix::fs::symlink(
        outside.path().join("secret.md"),
        p.path().join("proposals/secret.md"),
    )
    .unwrap();
    std::os::unix::fs::symlink(
        p.path().join("drafts/inside.md"),
        p.path().join("proposals/inside.md"),
    )
    .unwrap();
    let run = p.wb(&["list", "--format", "json"]).code(2);
    let list = run.json();
    let slugs: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["slug"].as_str().unwrap())
        .collect();
    assert_eq!(slugs, vec!["good", "inside"]);
    run.says("proposals/secret.md: is a symbolic link that leads outside the portfolio");
    run.says("hint:");
}

#[test]
fn an_empty_heading_falls_back_to_the_file_name() {
    assert_eq!(title_of(b"#\n\nSome text.\n"), "bad");
}

#[test]
fn check_on_a_missing_file() {
    let p = Project::new();
    p.file("proposals/good.md", proposal("Good one", "draft"));
    let run = p.wb(&["check", "proposals/nope.md"]).code(2);
    run.says("proposals/nope.md: no such file");
    run.says("hint:");
}

#[test]
fn an_unknown_severity_names_the_severities() {
    let p = Project::new();
    p.file("proposals/a.md", proposal("Alpha", "draft"));
    p.file("wb.yaml", "check:\n  severity:\n    faq-too-short: loud\n");
    let run = p.wb(&["list"]).code(2);
    run.says("wb.yaml:3:20: unknown variant `loud`");
    run.says("hint: use one of: info, warning, error");
    assert!(!run.stderr.contains("YAML syntax"), "{}", run.stderr);
}

#[test]
fn a_source_outside_the_portfolio_is_named_at_its_line() {
    let p = Project::new();
    p.file("proposals/a.md", proposal("Alpha", "draft"));
    for (yaml, col) in [
        ("proposals: [proposals, /etc]\n", 24),
        ("proposals: ../../\n", 12),
        ("proposals: [\"../*.md\"]\n", 14),
    ] {
        p.file("wb.yaml", yaml);
        let run = p.wb(&["list"]).code(2);
        assert!(
            run.stderr.contains(&format!("wb.yaml:1:{col}: `")),
            "{yaml}: {}",
            run.stderr
        );
        run.says("is outside the portfolio");
        assert!(!run.stderr.contains("symbolic link"), "{}", run.stderr);
    }
}

#[test]
fn a_wb_yaml_that_is_no_file_or_no_mapping_is_reported() {
    // A folder named wb.yaml was passed over: wb ran on its defaults.
    let p = Project::new();
    p.file("proposals/refunds.md", proposal("Refunds", "draft"));
    std::fs::create_dir_all(p.path().join("wb.yaml")).unwrap();
    let run = p.wb(&["check"]).code(2);
    run.says("wb.yaml: is a folder, not a file; wb cannot read its configuration");
    std::fs::remove_dir(p.path().join("wb.yaml")).unwrap();
    // A wb.yaml of plain text says so, instead of echoing serde.
    p.file("wb.yaml", "just a sentence about the portfolio\n");
    let run = p.wb(&["check"]).code(2);
    run.says("wb.yaml:1:1: wb.yaml holds no settings: it is not a mapping of keys");
}
