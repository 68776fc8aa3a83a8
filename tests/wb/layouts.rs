//! Real repository layouts: a folder's README.md as a proposal named after
//! its folder, metadata from a sidecar file (KEPs), status from the folder a
//! document sits in, sources that match nothing, and names that clash on
//! case-insensitive or Windows file systems. Every document here is our
//! own writing, shaped like the real ones.

use crate::support::{Git, Project, proposal};

const KEP_CONFIG: &str = "\
proposals: [\"keps/**/README.md\", \"!keps/NNNN-template/**\"]
statuses: [provisional, implementable, implemented, withdrawn]
metadata:
  file: kep.yaml
  keys:
    title: title
    status: status
    owner: authors
    created: creation-date
    tags: owning-sig
";

fn kep_readme(number: u32, heading: &str) -> String {
    format!(
        "# KEP-{number}: {heading}\n\n## Summary\n\nNodes report what they can do before \
         pods land on them.\n\n## Motivation\n\nOperators find out too late.\n"
    )
}

fn kep_yaml(title: &str, status: &str, created: &str) -> String {
    format!(
        "title: {title}\nkep-number: 1\nauthors:\n  - \"@ada\"\n  - \"@lin\"\n\
         owning-sig: sig-node\nstatus: {status}\ncreation-date: {created}\n"
    )
}

/// A KEP-shaped repository: `keps/<sig>/<number>-<name>/README.md` with a
/// `kep.yaml` beside each, one with an impossible date, a README for the
/// whole folder and a template left out by a `!glob`.
fn kep_repo() -> (Project, Git) {
    let p = Project::new();
    let mut g = p.git();
    g.write("wb.yaml", KEP_CONFIG);
    g.write("keps/README.md", "# Enhancements\n\nHow to write one.\n");
    g.write("keps/NNNN-template/README.md", &kep_readme(0, "Your title"));
    g.write(
        "keps/NNNN-template/kep.yaml",
        &kep_yaml("T", "provisional|implementable", "yyyy-mm-dd"),
    );
    g.write(
        "keps/sig-node/1001-node-features/README.md",
        &kep_readme(1001, "Node features"),
    );
    g.write(
        "keps/sig-node/1001-node-features/kep.yaml",
        &kep_yaml("Node feature discovery", "provisional", "2021-03-04"),
    );
    g.write(
        "keps/sig-apps/1002-job-retries/README.md",
        &kep_readme(1002, "Job retries"),
    );
    g.write(
        "keps/sig-apps/1002-job-retries/kep.yaml",
        &kep_yaml("Retry budgets for jobs", "implemented", "2020-11-30"),
    );
    g.write(
        "keps/sig-auth/1003-token-rotation/README.md",
        &kep_readme(1003, "Token rotation"),
    );
    g.write(
        "keps/sig-auth/1003-token-rotation/kep.yaml",
        &kep_yaml("Rotating service tokens", "implementable", "2023-14-05"),
    );
    g.commit("Three KEPs");
    g.write(
        "keps/sig-node/1001-node-features/README.md",
        &format!(
            "{}\n## Proposal\n\nThe node publishes a list.\n",
            kep_readme(1001, "Node features")
        ),
    );
    g.commit("KEP-1001: add the proposal");
    (p, g)
}

#[test]
fn kep_repository_loads_every_readme_with_folder_slugs_and_sidecar_metadata() {
    let (p, _g) = kep_repo();
    let run = p.wb(&["list", "--format", "json"]).code(2);
    let rows = run.json();
    let rows = rows.as_array().unwrap();
    let slugs: Vec<&str> = rows.iter().map(|r| r["slug"].as_str().unwrap()).collect();
    // keps/README.md is named after its folder too; the template is excluded.
    assert_eq!(
        slugs,
        [
            "keps",
            "1002-job-retries",
            "1003-token-rotation",
            "1001-node-features"
        ]
    );
    let row = |slug: &str| rows.iter().find(|r| r["slug"] == slug).unwrap().clone();
    let kep = row("1001-node-features");
    assert_eq!(kep["title"], "Node feature discovery");
    assert_eq!(kep["status"], "provisional");
    assert_eq!(kep["owner"], "@ada, @lin");
    assert_eq!(kep["created"], "2021-03-04");
    assert_eq!(kep["tags"], serde_json::json!(["sig-node"]));
    assert_eq!(kep["iterations"], 2);
    assert_eq!(row("1002-job-retries")["status"], "implemented");
    // The impossible date is reported at its place and left out; the KEP
    // still loads with everything else its sidecar says.
    let bad = row("1003-token-rotation");
    assert_eq!(bad["title"], "Rotating service tokens");
    assert_eq!(bad["status"], "implementable");
    assert!(bad.get("created").is_none(), "{bad}");
    run.says(
        "keps/sig-auth/1003-token-rotation/kep.yaml:8:16: `creation-date` `2023-14-05` \
             is not a date; wb ignores it",
    );
    run.says("YYYY-MM-DD");
    // Named on the command line, the file is read the same way and its
    // sidecar's problem is reported the same way.
    let one = p
        .wb(&["check", "keps/sig-auth/1003-token-rotation/README.md"])
        .code(2);
    assert!(
        one.stderr
            .contains("kep.yaml:8:16: `creation-date` `2023-14-05`"),
        "{}",
        one.stderr
    );
    // The folder README has no sidecar: it keeps its own heading.
    assert_eq!(row("keps")["title"], "Enhancements");

    // Commands take the folder slug, and the history shows the sidecar's
    // values without inventing changes between versions.
    let run = p.wb(&["history", "1001-node-features"]).ok();
    assert!(
        run.stdout.contains("KEP-1001: add the proposal"),
        "{}",
        run.stdout
    );
    assert!(!run.stdout.contains("title:"), "{}", run.stdout);
    // Checked, the sidecar counts as the front-matter it stands for.
    let run = p.wb(&["check", "1002-job-retries", "--format", "json"]);
    assert!(!run.stdout.contains("no front-matter"), "{}", run.stdout);
}

#[test]
fn a_kep_site_has_a_page_per_folder_slug() {
    let (p, _g) = kep_repo();
    p.file(
        "keps/sig-auth/1003-token-rotation/kep.yaml",
        kep_yaml("Rotating service tokens", "implementable", "2023-05-14"),
    );
    p.wb(&["build"]).ok();
    for slug in [
        "1001-node-features",
        "1002-job-retries",
        "1003-token-rotation",
    ] {
        assert!(p.exists(&format!("_site/p/{slug}/index.html")), "{slug}");
    }
    let page = p.read("_site/p/1002-job-retries/index.html");
    assert!(page.contains("Retry budgets for jobs"));
}

#[test]
fn a_sidecar_status_wb_yaml_does_not_list_is_reported_and_left_out() {
    let p = Project::new();
    p.file("wb.yaml", KEP_CONFIG);
    p.file("keps/sig-x/7-x/README.md", kep_readme(7, "X"));
    p.file(
        "keps/sig-x/7-x/kep.yaml",
        "title: X marks\nstatus: imlpemented\n",
    );
    let run = p.wb(&["list", "--format", "json"]).code(2);
    assert_eq!(run.json()[0]["status"], "provisional");
    run.says("keps/sig-x/7-x/kep.yaml:2:9: unknown status `imlpemented`");
    run.says("implementable, implemented");
}

#[test]
fn folder_readmes_that_share_a_name_are_an_error_naming_both() {
    let p = Project::new();
    p.file("wb.yaml", "proposals: [\"keps/**/README.md\"]\n");
    p.file("keps/sig-a/42-cache/README.md", "# Cache A\n\nText.\n");
    p.file("keps/sig-b/42-cache/README.md", "# Cache B\n\nText.\n");
    let run = p.wb(&["list", "--format", "json"]).code(2);
    assert_eq!(run.json().as_array().unwrap().len(), 1);
    run.says(
        "keps/sig-b/42-cache/README.md: slug `42-cache` is also used by \
             keps/sig-a/42-cache/README.md",
    );
    run.says("named after its folder");
}

#[test]
fn a_glob_that_matches_nothing_fails_every_command() {
    let p = Project::new();
    p.file(
        "wb.yaml",
        "site:\n  title: X\nproposals: [\"keps/**/README.md\"]\n",
    );
    p.file("docs/notes.md", "# Notes\n\nNot a KEP.\n");
    for args in [
        &["list"][..],
        &["check"],
        &["build"],
        &["history", "anything"],
    ] {
        let run = p.wb(args).code(2);
        assert!(
            run.stderr
                .contains("wb.yaml:3:14: no proposal matches `keps/**/README.md`"),
            "{args:?}: {}",
            run.stderr
        );
        assert!(
            !run.stdout.contains("0 proposals checked"),
            "{}",
            run.stdout
        );
        assert!(!run.stdout.contains("no proposals yet"), "{}", run.stdout);
    }
    assert!(!p.exists("_site"));
    // `wb new` still starts the first one, where the glob will find it.
    let run = p
        .wb(&["new", "Faster node boot", "--slug", "55-fast-boot"])
        .ok();
    assert!(
        run.stdout.contains("keps/55-fast-boot/README.md"),
        "{}",
        run.stdout
    );
    let run = p.wb(&["list", "--format", "json"]).ok();
    assert_eq!(run.json()[0]["slug"], "55-fast-boot");
}

#[test]
fn a_source_whose_files_were_all_skipped_says_why() {
    let p = Project::new();
    p.file("wb.yaml", "proposals: keps\n");
    p.file("keps/sig-a/1-a/README.md", "# A\n\nText.\n");
    p.file("keps/sig-a/1-a/kep.yaml", "title: A\n");
    p.file("keps/sig-b/2-b/README.md", "# B\n\nText.\n");
    let run = p.wb(&["check"]).code(2);
    run.says(
        "wb.yaml:1:12: no proposal matches `keps`: 2 README.md files and 1 file that \
             is not Markdown were skipped",
    );
    run.says("keps/**/README.md");
    // A glob naming README.md loads them.
    p.file("wb.yaml", "proposals: [keps/**/README.md]\n");
    let run = p.wb(&["list", "--format", "json"]).ok();
    assert_eq!(run.json().as_array().unwrap().len(), 2);
}

#[test]
fn a_missing_folder_is_reported_and_the_other_sources_still_load() {
    let p = Project::new();
    p.file("wb.yaml", "proposals:\n  - proposals\n  - archive\n");
    p.file("proposals/refunds.md", proposal("Refunds", "draft"));
    let run = p.wb(&["list", "--format", "json"]).code(2);
    assert_eq!(run.json()[0]["slug"], "refunds");
    run.says("wb.yaml:3:5: no proposal matches `archive`: there is no such folder");
    // An empty folder is a portfolio with nothing in it yet, not a mistake.
    std::fs::create_dir_all(p.path().join("archive")).unwrap();
    p.wb(&["list"]).ok();
}

#[test]
fn an_rfc_repository_loads_with_file_slugs() {
    let p = Project::new();
    let mut g = p.git();
    g.write("wb.yaml", "proposals: [\"text/*.md\"]\n");
    g.write(
        "text/0001-private-fields.md",
        "- Feature Name: private_fields\n- Start Date: 2014-03-11\n\n## Summary\n\n\
         Fields are private unless marked public.\n\n## Motivation\n\nLibraries break \
         when users touch internals.\n",
    );
    g.write(
        "text/0002-rfc-process.md",
        "- Start Date: 2014-03-11\n\n## Summary\n\nChanges to the language go through \
         a written proposal.\n",
    );
    g.write("README.md", "# RFCs\n\nThe process.\n");
    // An RFC with supporting files in a folder of its own: `*` stops at
    // `/`, as in git and the shells, so they are not RFCs of their own.
    g.write(
        "text/0003-council/motivation.md",
        "## Motivation\n\nOne chapter of a longer RFC.\n",
    );
    g.commit("Two RFCs");
    let slugs = |p: &Project| -> Vec<String> {
        let rows = p.wb(&["list", "--format", "json"]).ok().json();
        for r in rows.as_array().unwrap() {
            assert_eq!(r["iterations"], 1);
        }
        rows.as_array()
            .unwrap()
            .iter()
            .map(|r| r["slug"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(slugs(&p), ["0001-private-fields", "0002-rfc-process"]);
    // `**` crosses folders.
    p.file("wb.yaml", "proposals: [\"text/**/*.md\"]\n");
    assert_eq!(
        slugs(&p),
        ["0001-private-fields", "0002-rfc-process", "motivation"]
    );
}

const FOLDER_CONFIG: &str = "\
proposals: [pre-draft, draft, live]
statuses: [draft, review, approved]
status_folders:
  pre-draft: draft
  draft: review
  live: approved
";

#[test]
fn a_move_between_status_folders_is_the_status_change_it_is() {
    let p = Project::new();
    let mut g = p.git();
    g.write("wb.yaml", FOLDER_CONFIG);
    // No status of its own: the folder says it.
    let text = "---\nworking_group: ops\n---\n# Solar hours for every office\n\n\
                Offices run heavy jobs when the grid is clean.\n";
    g.write("draft/solar-hours.pr-faq.md", text);
    g.commit("Create solar hours PR/FAQ");
    g.write(
        "draft/solar-hours.pr-faq.md",
        &format!("{text}\nA paragraph the reviewers asked for.\n"),
    );
    g.commit("Answer review");
    g.rename("draft/solar-hours.pr-faq.md", "live/solar-hours.pr-faq.md");
    g.commit("Moving solar hours to live");

    let rows = p.wb(&["list", "--format", "json"]).ok().json();
    assert_eq!(rows[0]["slug"], "solar-hours.pr-faq");
    assert_eq!(rows[0]["status"], "approved");

    let run = p.wb(&["history", "solar-hours.pr-faq", "--stat"]).ok();
    let move_line = run
        .stdout
        .lines()
        .position(|l| l.contains("Moving solar hours to live"))
        .unwrap_or_else(|| panic!("{}", run.stdout));
    let after: Vec<&str> = run.stdout.lines().skip(move_line + 1).take(2).collect();
    assert!(
        after
            .iter()
            .any(|l| l.contains("front-matter  status: review -> approved")),
        "{}",
        run.stdout
    );

    let json = p
        .wb(&["history", "solar-hours.pr-faq", "--format", "json"])
        .ok()
        .json();
    let steps = json["iterations"]
        .as_array()
        .unwrap_or_else(|| panic!("{json}"));
    let paths: Vec<&str> = steps.iter().map(|s| s["path"].as_str().unwrap()).collect();
    assert_eq!(
        paths,
        [
            "draft/solar-hours.pr-faq.md",
            "draft/solar-hours.pr-faq.md",
            "live/solar-hours.pr-faq.md"
        ]
    );
    let front = |i: usize| steps[i]["summary"]["front"].clone();
    assert_eq!(
        front(1),
        serde_json::json!([]),
        "an edit in draft/ is no status change"
    );
    assert_eq!(front(2)[0]["key"], "status");
    assert_eq!(front(2)[0]["old"], "review");
    assert_eq!(front(2)[0]["new"], "approved");
    assert_eq!(front(0)[0]["new"], "review", "{}", front(0));

    p.wb(&["build"]).ok();
    let page = p.read("_site/p/solar-hours.pr-faq/history.html");
    assert!(
        page.contains(
            "<th scope=\"row\">status</th><td><del>review</del></td><td><ins>approved</ins></td>"
        ),
        "{page}"
    );
}

#[test]
fn the_folder_wins_over_the_front_matter_status() {
    let p = Project::new();
    p.file("wb.yaml", FOLDER_CONFIG);
    p.file("live/x.md", proposal("Refunds", "draft"));
    p.file("notes/y.md", proposal("Other", "review"));
    p.file(
        "wb.yaml",
        FOLDER_CONFIG.replace("[pre-draft, draft, live]", "[live, notes]"),
    );
    let rows = p.wb(&["list", "--format", "json"]).ok().json();
    assert_eq!(rows[0]["status"], "approved");
    assert_eq!(rows[1]["status"], "review");
}

#[test]
fn a_status_folder_naming_an_unknown_status_points_at_wb_yaml() {
    let p = Project::new();
    p.file(
        "wb.yaml",
        "statuses: [draft, live]\nstatus_folders:\n  done: launched\n",
    );
    p.file("proposals/x.md", proposal("X", "draft"));
    let run = p.wb(&["list"]).code(2);
    run.says("wb.yaml:3:3: `status_folders.done` is `launched`, which is not in `statuses`");
}

#[test]
fn an_old_version_with_a_status_since_removed_is_still_read() {
    let p = Project::new();
    let mut g = p.git();
    g.write("wb.yaml", "statuses: [idea, draft, review]\n");
    g.write("proposals/refunds.md", &proposal("Refunds", "idea"));
    g.commit("Refunds, as an idea");
    g.write("wb.yaml", "statuses: [draft, review]\n");
    g.write("proposals/refunds.md", &proposal("Refunds", "draft"));
    g.commit("Drop the idea status");
    let run = p.wb(&["history", "refunds", "--stat"]).ok();
    assert!(!run.stdout.contains("unreadable"), "{}", run.stdout);
    assert!(!run.stdout.contains("unknown status"), "{}", run.stdout);
    assert!(
        run.stdout.contains("status: idea -> draft"),
        "{}",
        run.stdout
    );
    // The current version still has to use a configured status.
    p.file("proposals/refunds.md", proposal("Refunds", "idea"));
    let run = p.wb(&["list"]).code(2);
    run.says("unknown status `idea`");
}

#[test]
fn wb_new_refuses_names_that_clash_on_other_file_systems() {
    let p = Project::new();
    p.wb(&["init"]).ok();
    p.file("proposals/x.md", proposal("X", "draft"));
    let run = p.wb(&["new", "Something", "--slug", "X"]).code(2);
    run.says("already exists");
    run.says("case");
    // A file wb cannot read still takes the name.
    p.file("proposals/Broken.md", "");
    let run = p.wb(&["new", "Something", "--slug", "broken"]).code(2);
    run.says("clash");
    for name in ["CON", "prn", "Aux", "NUL", "COM1", "lpt1"] {
        let run = p.wb(&["new", "Something", "--slug", name]).code(2);
        assert!(run.stderr.contains("reserves"), "{name}: {}", run.stderr);
    }
    // A title that slugifies to a device name is refused too.
    let run = p.wb(&["new", "Nul"]).code(2);
    run.says("--slug");
    assert!(!p.exists("proposals/nul.md"));
}

#[test]
fn site_urls_are_unique_ignoring_case_and_never_a_device_name() {
    let p = Project::new();
    p.file("wb.yaml", "proposals: [a, b, c]\n");
    p.file("a/x.md", proposal("Lower", "draft"));
    p.file("b/X.md", proposal("Upper", "draft"));
    p.file("c/con.md", proposal("Console", "draft"));
    p.wb(&["build"]).ok();
    let mut dirs: Vec<String> = std::fs::read_dir(p.path().join("_site/p"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    dirs.sort();
    assert_eq!(dirs, ["X-2", "con-proposal", "x"]);
}

#[test]
fn a_source_that_names_one_file_loads_it() {
    let p = Project::new();
    p.file("docs/refunds.md", proposal("Refunds", "draft"));
    p.file("docs/sub/README.md", proposal("Sub", "draft"));
    // A Markdown file named alone is that proposal; a README.md named is
    // named, not met in passing.
    for (source, slug) in [
        ("docs/refunds.md", "refunds"),
        ("[\"docs/refunds.md\"]", "refunds"),
        ("[\"docs/sub/README.md\"]", "sub"),
    ] {
        p.file("wb.yaml", format!("proposals: {source}\n"));
        let run = p.wb(&["list", "--format", "json"]).ok();
        let json = run.json();
        assert_eq!(json.as_array().unwrap().len(), 1, "{source}: {json:#}");
        assert_eq!(json[0]["slug"], slug, "{source}");
    }
    // A file that is no proposal, or one a `!glob` leaves out, matches
    // nothing: exit 2 at its line, never a green "0 checked".
    p.file("notes.txt", "not a proposal\n");
    p.file("wb.yaml", "proposals: notes.txt\n");
    let run = p.wb(&["check"]).code(2);
    run.says("wb.yaml:1:12: no proposal matches `notes.txt`: it is a file, not a folder, and not Markdown");
    p.file(
        "wb.yaml",
        "proposals: [docs/refunds.md, \"!docs/refunds.md\"]\n",
    );
    let run = p.wb(&["check"]).code(2);
    run.says("a `!glob` of `proposals` leaves it out");
}

#[cfg(unix)]
#[test]
fn a_sidecar_linked_outside_the_portfolio_is_not_read() {
    let p = Project::new();
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(
        outside.path().join("secret.yaml"),
        "title: Secret from outside\nstatus: provisional\n",
    )
    .unwrap();
    p.file("wb.yaml", KEP_CONFIG);
    p.file("keps/sig-a/1-a/README.md", kep_readme(1, "Alpha"));
    p.file("keps/sig-b/2-b/README.md", kep_readme(2, "Beta"));
    p.file(
        "shared/beta.yaml",
        kep_yaml("Beta, shared", "implementable", "2021-03-04"),
    );
    std::os::unix::fs::symlink(
        outside.path().join("secret.yaml"),
        p.path().join("keps/sig-a/1-a/kep.yaml"),
    )
    .unwrap();
    // A link that stays inside the portfolio is followed.
    std::os::unix::fs::symlink(
        p.path().join("shared/beta.yaml"),
        p.path().join("keps/sig-b/2-b/kep.yaml"),
    )
    .unwrap();
    let run = p.wb(&["list", "--format", "json"]).code(2);
    run.says("keps/sig-a/1-a/kep.yaml: is a symbolic link that leads outside the portfolio");
    let titles: Vec<String> = run
        .json()
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["title"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(titles, ["KEP-1: Alpha", "Beta, shared"]);
}

#[test]
fn layout_settings_that_apply_to_no_proposal_say_so() {
    // A sidecar name no proposal has beside it would drop every value
    // silently; a `kinds` glob that matches nothing would judge every RFC
    // as a PR/FAQ. Both are exit 2 at their line, the proposals still read.
    let p = Project::new();
    p.file(
        "wb.yaml",
        KEP_CONFIG.replace("file: kep.yaml", "file: kep.yml"),
    );
    p.file("keps/sig-a/1-a/README.md", kep_readme(1, "Alpha"));
    p.file(
        "keps/sig-a/1-a/kep.yaml",
        kep_yaml("Alpha", "provisional", "2021-03-04"),
    );
    let run = p.wb(&["list", "--format", "json"]).code(2);
    run.says("wb.yaml:4:3: no proposal has a `kep.yml` beside it: wb read no sidecar");
    assert_eq!(run.json().as_array().unwrap().len(), 1);
    p.file("wb.yaml", KEP_CONFIG);
    p.wb(&["list"]).ok();
    p.file(
        "wb.yaml",
        format!("{KEP_CONFIG}kinds:\n  \"text/*.md\": rfc\n"),
    );
    let run = p.wb(&["check"]).code(2);
    run.says("the `kinds` glob `text/*.md` matches no proposal");
}

#[test]
fn checking_a_folder_takes_the_readme_proposals_wb_yaml_names() {
    let p = Project::new();
    p.file("wb.yaml", "proposals: [\"keps/*/README.md\"]\n");
    p.file("README.md", "# This repository\n\nHow to write a KEP.\n");
    p.file("keps/k1/README.md", proposal("Node features", "draft"));
    for folder in ["keps", "keps/k1", "."] {
        let run = p.wb(&["check", folder, "--format", "json"]).code(1);
        let paths: Vec<String> = run.json()["proposals"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["path"].as_str().unwrap().to_string())
            .collect();
        // The repository's own README.md is no proposal: no glob names it.
        assert_eq!(paths, ["keps/k1/README.md"], "wb check {folder}");
    }
}
