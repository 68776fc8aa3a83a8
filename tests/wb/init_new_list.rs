use crate::support::{Project, proposal};

#[test]
fn init_new_list_in_a_git_repository() {
    let p = Project::new();
    p.git();
    let run = p.wb(&["init"]).ok();
    assert!(run.stdout.contains("created wb.yaml"), "{}", run.stdout);
    assert!(p.exists("proposals"));
    assert!(p.read(".gitignore").contains("_site/"));

    let run = p
        .wb(&[
            "new",
            "Instant refunds for small shops",
            "--customer",
            "Owners of shops with fewer than 10 staff who refund by hand",
            "--launch-date",
            "2027-03-15",
            "--tags",
            "payments, smb",
        ])
        .ok();
    assert!(
        run.stdout
            .contains("created proposals/instant-refunds-for-small-shops.md"),
        "{}",
        run.stdout
    );
    let text = p.read("proposals/instant-refunds-for-small-shops.md");
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(
        p.path()
            .join("proposals/instant-refunds-for-small-shops.md"),
    )
    .unwrap()
    .permissions()
    .mode();
    assert_eq!(
        mode & 0o044,
        0o044,
        "others can read the new file ({mode:o})"
    );
    assert!(
        text.contains("owner: Test Author <author@example.com>"),
        "{text}"
    );
    assert!(text.contains("[City], March 15, 2027 --"), "{text}");
    // The scaffold's placeholders are what `wb check` asks the writer to fill.
    let check = p.wb(&["check", "--format", "json"]).code(1).json();
    let rules: Vec<&str> = check["proposals"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap())
        .collect();
    for rule in ["missing-problem-paragraph", "faq-too-short"] {
        assert!(rules.contains(&rule), "{rule} not in {rules:?}");
    }
    // The launch date given to `wb new` dates the release: the city left
    // to fill in is no missing date.
    assert!(!rules.contains(&"missing-the-date"), "{rules:?}");

    let list = p.wb(&["list", "--format", "json"]).ok().json();
    let rows = list.as_array().unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["slug"], "instant-refunds-for-small-shops");
    assert_eq!(rows[0]["title"], "Instant refunds for small shops");
    assert_eq!(rows[0]["owner"], "Test Author <author@example.com>");
    assert_eq!(
        rows[0]["customer"],
        "Owners of shops with fewer than 10 staff who refund by hand"
    );
    assert_eq!(rows[0]["launch_date"], "2027-03-15");
    assert_eq!(rows[0]["tags"], serde_json::json!(["payments", "smb"]));
    assert_eq!(rows[0]["status"], "draft");
}

#[test]
fn new_quotes_titles_that_would_break_yaml() {
    let p = Project::new();
    p.wb(&["init"]).ok();
    p.wb(&[
        "new",
        "Refunds: in minutes, not days #1",
        "--owner",
        "A <a@b.c>",
    ])
    .ok();
    let list = p.wb(&["list", "--format", "json"]).ok().json();
    assert_eq!(list[0]["title"], "Refunds: in minutes, not days #1");
    assert_eq!(list[0]["slug"], "refunds-in-minutes-not-days-1");
}

#[test]
fn new_transliterates_accents_and_takes_a_slug() {
    let p = Project::new();
    p.wb(&["init"]).ok();
    p.wb(&["new", "Crème brûlée à la carte", "--owner", "A <a@b.c>"])
        .ok();
    assert!(p.exists("proposals/creme-brulee-a-la-carte.md"));
    p.wb(&[
        "new",
        "Another",
        "--slug",
        "my-slug",
        "--owner",
        "A <a@b.c>",
    ])
    .ok();
    assert!(p.exists("proposals/my-slug.md"));
}

#[test]
fn init_refuses_to_clobber_and_ejects_templates() {
    let p = Project::new();
    p.file("wb.yaml", "proposals: docs\n");
    let run = p.wb(&["init"]).code(2);
    run.says("wb.yaml: already exists");
    assert_eq!(p.read("wb.yaml"), "proposals: docs\n");

    p.wb(&["init", "--templates"]).ok();
    assert_eq!(p.read("wb.yaml"), "proposals: docs\n");
    assert!(
        p.read(".wb/templates/prfaq.md.hbs")
            .contains("# Frequently asked questions")
    );
}

#[test]
fn a_template_override_wins() {
    let p = Project::new();
    p.wb(&["init"]).ok();
    p.file(
        ".wb/templates/prfaq.md.hbs",
        "---\ntitle: {{yaml title}}\nstatus: draft\n---\n# {{title}}\n\nOur house template.\n",
    );
    p.wb(&["new", "House style", "--owner", "A <a@b.c>"]).ok();
    assert!(
        p.read("proposals/house-style.md")
            .contains("Our house template.")
    );
    p.file(
        ".wb/templates/short.md.hbs",
        "---\ntitle: {{yaml title}}\n---\n# {{title}}\n",
    );
    p.wb(&["new", "Short one", "--template", "short"]).ok();
    assert!(p.exists("proposals/short-one.md"));
    let run = p.wb(&["new", "X", "--template", "nope"]).code(2);
    run.says("no template `nope`");
    run.says("prfaq, short");
}

#[test]
fn list_filters_by_status_and_tag() {
    let p = Project::new();
    p.wb(&["init"]).ok();
    p.file(
        "proposals/a.md",
        proposal("Alpha", "draft").replace("launch_date", "tags: [x]\nlaunch_date"),
    );
    p.file("proposals/b.md", proposal("Beta", "review"));
    let all = p.wb(&["list", "--format", "json"]).ok().json();
    assert_eq!(all.as_array().unwrap().len(), 2);
    let review = p
        .wb(&["list", "--status", "review", "--format", "json"])
        .ok()
        .json();
    assert_eq!(review.as_array().unwrap().len(), 1);
    assert_eq!(review[0]["slug"], "b");
    let tagged = p
        .wb(&["list", "--tag", "x", "--format", "json"])
        .ok()
        .json();
    assert_eq!(tagged[0]["slug"], "a");
    let text = p.wb(&["list"]).ok();
    assert!(text.stdout.starts_with("SLUG"), "{}", text.stdout);
    assert!(text.stdout.contains("Beta"));
    let run = p.wb(&["list", "--status", "nope"]).code(2);
    assert!(run.stderr.contains("unknown status `nope`"));
}

#[test]
fn documents_without_front_matter_load() {
    let p = Project::new();
    p.file(
        "proposals/legacy.md",
        "# Our old plan\n\nWritten before wb.\n\n## The problem\n\nIt hurts.\n",
    );
    let list = p.wb(&["list", "--format", "json"]).ok().json();
    assert_eq!(list[0]["title"], "Our old plan");
    assert_eq!(list[0]["status"], "draft");
    assert!(list[0]["owner"].is_null());
}

#[test]
fn dash_c_works_like_git() {
    let p = Project::new();
    p.file("sub/wb.yaml", "proposals: docs\n");
    p.file("sub/docs/a.md", proposal("Alpha", "draft"));
    let list = p.wb(&["-C", "sub", "list", "--format", "json"]).ok().json();
    assert_eq!(list[0]["path"], "docs/a.md");
    // And from a folder below the portfolio root, wb.yaml is found upwards.
    let list = p
        .wb_in(&p.path().join("sub/docs"), &["list", "--format", "json"])
        .ok()
        .json();
    assert_eq!(list[0]["slug"], "a");
}

#[test]
fn examples_list() {
    let p = Project::examples();
    let list = p.wb(&["list", "--format", "json"]).ok().json();
    assert!(list.as_array().unwrap().len() >= 3);
    for row in list.as_array().unwrap() {
        assert!(row["words"].as_u64().unwrap() >= 800, "{row}");
        assert!(row["customer"].as_str().unwrap().len() > 40, "{row}");
    }
}

/// Status names are configurable, and so are their meanings: with
/// `statuses: [idea, review, accepted]` nothing assumes `draft` or `approved`.
#[test]
fn custom_statuses_have_meanings() {
    let p = Project::new();
    p.file("wb.yaml", "statuses: [idea, review, accepted]\n");
    let mut git = p.git();
    // No status: the proposal is in the first configured status.
    let bare = proposal("Refunds", "x").replace("status: x\n", "");
    p.file("proposals/refunds.md", &bare);
    p.file(
        "proposals/asking.md",
        proposal("Asking for review", "review"),
    );
    p.file("proposals/decided.md", proposal("Decided", "accepted"));
    git.commit("First drafts");

    let list = p.wb(&["list", "--format", "json"]).ok().json();
    let status = |slug: &str| {
        list.as_array()
            .unwrap()
            .iter()
            .find(|r| r["slug"] == slug)
            .unwrap()["status"]
            .clone()
    };
    assert_eq!(status("refunds"), "idea");
    assert_eq!(status("asking"), "review");

    let check = p
        .wb(&["check", "--format", "json", "--deny", "info"])
        .json();
    let findings = |slug: &str| -> Vec<(String, String, String)> {
        check["proposals"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["slug"] == slug)
            .unwrap()["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| {
                (
                    f["rule"].as_str().unwrap().to_string(),
                    f["message"].as_str().unwrap().to_string(),
                    f["hint"].as_str().unwrap().to_string(),
                )
            })
            .collect()
    };
    let skipping = |slug: &str| {
        findings(slug)
            .iter()
            .any(|f| f.0 == "skipping-the-iteration")
    };
    // Being written, or asking for review, is not skipping the review;
    // `accepted` is a decision, made after one unreviewed iteration.
    assert!(!skipping("refunds"));
    assert!(!skipping("asking"));
    assert!(skipping("decided"), "{:?}", findings("decided"));
    // The hint names a status that exists, and following it works.
    let hint = findings("refunds")
        .into_iter()
        .find(|f| f.0 == "front-matter" && f.1.contains("status"))
        .unwrap()
        .2;
    assert!(hint.starts_with("add `status: idea`"), "{hint}");
    p.file(
        "proposals/refunds.md",
        bare.replace("title: Refunds\n", "title: Refunds\nstatus: idea\n"),
    );
    p.wb(&["list"]).ok();

    // A new proposal starts in the first status, and the site's funnel
    // colours statuses by meaning.
    p.wb(&["new", "Another idea"]).ok();
    assert!(
        p.read("proposals/another-idea.md")
            .contains("\nstatus: idea\n")
    );
    p.wb(&["build"]).ok();
    let index = p.read("_site/index.html");
    assert!(index.contains("m-new\">idea<"), "{index}");
    assert!(index.contains("m-decided-for\">accepted<"));
}

#[test]
fn status_meanings_must_name_configured_statuses() {
    let p = Project::new();
    p.file(
        "wb.yaml",
        "statuses: [idea, review, accepted]\nstatus_meanings:\n  decided_for: [approved]\n",
    );
    p.file("proposals/a.md", proposal("A", "idea"));
    let run = p.wb(&["list"]).code(2);
    run.says(
        "wb.yaml:3:3: `status_meanings.decided_for` names `approved`, which is not in `statuses`",
    );
    run.says("idea, review, accepted");
}

#[test]
fn list_shows_no_invisible_characters_and_says_when_nothing_could_be_read() {
    let p = Project::new();
    p.wb(&["init"]).ok();
    // A right-to-left override makes "Refunds fast" display as "Refunds tsaf";
    // a zero-width space makes two titles look alike.
    p.file(
        "proposals/a.md",
        proposal("Refunds \u{202e}tsaf\u{202c} and\u{200b} more", "draft"),
    );
    let out = p.wb(&["list"]).ok().stdout;
    for c in ['\u{202e}', '\u{202c}', '\u{200b}'] {
        assert!(!out.contains(c), "{c:?} reached the terminal: {out:?}");
    }
    assert!(out.contains("Refunds ?tsaf? and? more"), "{out}");
    let history = p.wb(&["history", "a"]).ok().stdout;
    assert!(!history.contains('\u{202e}'), "{history:?}");
    // JSON keeps the text as written.
    let json = p.wb(&["list", "--format", "json"]).ok().json();
    assert!(json[0]["title"].as_str().unwrap().contains('\u{202e}'));

    // Every proposal unreadable: not "no proposals yet".
    p.file("proposals/a.md", "---\ntitle: [unclosed\n---\n# A\n");
    let run = p.wb(&["list"]).code(2);
    assert!(!run.stdout.contains("no proposals yet"), "{}", run.stdout);
    assert!(
        run.stdout
            .contains("no proposal could be read (1 file with errors)"),
        "{}",
        run.stdout
    );
    run.says("proposals/a.md:2:");
}

#[test]
fn init_starts_a_portfolio_in_a_folder_it_creates() {
    // `wb init DIR` once handed DIR to the global `-C`, which needs a
    // folder that exists.
    let p = Project::new();
    let run = p.wb(&["init", "team/portfolio"]).ok();
    assert!(p.path().join("team/portfolio/wb.yaml").is_file());
    assert!(p.path().join("team/portfolio/proposals").is_dir());
    assert!(
        run.stdout.contains("next: cd team/portfolio && wb new"),
        "{}",
        run.stdout
    );
    // With -C, DIR is read from there.
    std::fs::create_dir_all(p.path().join("other")).unwrap();
    p.wb(&["-C", "other", "init", "sub"]).ok();
    assert!(p.path().join("other/sub/wb.yaml").is_file());
}

#[test]
fn a_filter_that_matches_nothing_and_an_empty_name_say_so() {
    let p = Project::new();
    p.wb(&["init"]).ok();
    p.file("proposals/refunds.md", proposal("Refunds", "draft"));
    // Not "no proposals yet": there is one, the filter chose none.
    let run = p.wb(&["list", "--status", "approved"]).ok();
    assert!(
        run.stdout
            .contains("no proposal matches --status/--tag (1 proposal in all"),
        "{}",
        run.stdout
    );
    // An empty name (an unset shell variable) names no proposal: it is not
    // the only one, nor all of them.
    for args in [&["show", ""][..], &["check", ""][..]] {
        let run = p.wb(args).code(2);
        assert!(
            run.stderr.contains("an empty name names no proposal"),
            "{args:?}: {}",
            run.stderr
        );
    }
}

#[test]
fn new_refuses_a_file_the_portfolio_would_leave_out() {
    let p = Project::new();
    p.file(
        "wb.yaml",
        "proposals: [\"docs/*.md\", \"!docs/draft-*.md\"]\n",
    );
    p.file("docs/refunds.md", proposal("Refunds", "draft"));
    let run = p
        .wb(&["new", "Draft thing", "--slug", "draft-thing"])
        .code(2);
    run.says("docs/draft-thing.md: wb.yaml's `proposals` leave this file out");
    assert!(!p.path().join("docs/draft-thing.md").exists());
    // A name the globs take is written.
    p.wb(&["new", "Thing", "--slug", "thing"]).ok();
    assert!(p.path().join("docs/thing.md").is_file());
}

#[test]
fn the_owner_comes_from_the_git_config_git_would_read() {
    // libgit2 reads ~/.gitconfig whatever GIT_CONFIG_GLOBAL says; git
    // reads the file the variable names instead.
    // No repository: its own config would win over both, as in git.
    let p = Project::new();
    p.wb(&["init"]).ok();
    let home = p.path().join(".test-home");
    std::fs::create_dir_all(&home).unwrap();
    std::fs::write(
        home.join(".gitconfig"),
        "[user]\n\tname = Home User\n\temail = home@example.com\n",
    )
    .unwrap();
    let isolated = p.path().join("isolated.gitconfig");
    std::fs::write(
        &isolated,
        "[user]\n\tname = Isolated User\n\temail = iso@example.com\n",
    )
    .unwrap();
    p.wb_env(
        p.path(),
        &[("GIT_CONFIG_GLOBAL", isolated.to_str().unwrap())],
        &["new", "Refunds in two minutes", "--slug", "refunds"],
    );
    let text = std::fs::read_to_string(p.path().join("proposals/refunds.md")).unwrap();
    assert!(
        text.contains("owner: Isolated User <iso@example.com>"),
        "{text}"
    );
}
