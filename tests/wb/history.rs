//! Iterations from git, compared with `git log --follow` (the oracle) on
//! repositories built commit by commit, and every edge case with its message.

use crate::support::{Git, Project, proposal};
use wb::history::{PortfolioHistory, RepoState};
use wb::portfolio::Portfolio;

fn ids(p: &Project, slug: &str) -> Vec<String> {
    let portfolio = Portfolio::open(p.path()).unwrap();
    let h = PortfolioHistory::load(&portfolio).unwrap();
    h.get(slug)
        .unwrap()
        .iterations
        .iter()
        .map(|i| i.commit.clone().unwrap_or_else(|| "working".into()))
        .collect()
}

fn edit(text: &str, n: usize) -> String {
    format!("{text}\nRevision {n}: another paragraph that a reviewer asked for.\n")
}

#[test]
fn linear_history_with_unrelated_code_commits() {
    let p = Project::new();
    let mut g = p.git();
    let base = proposal("Refunds", "draft");
    g.write("proposals/refunds.md", &base);
    g.commit("Draft refunds");
    g.write("src/lib.rs", "fn main() {}\n");
    g.commit("Code");
    g.write("proposals/refunds.md", &edit(&base, 1));
    g.commit("Sharpen the customer");
    g.write("src/lib.rs", "fn main() { println!(); }\n");
    g.write(
        "proposals/other.md",
        "# Other\n\nA different idea, with its own words.\n",
    );
    g.commit("More code and another proposal");
    let expected = g.log_follow("proposals/refunds.md");
    assert_eq!(expected.len(), 2);
    assert_eq!(ids(&p, "refunds"), expected);
    assert_eq!(ids(&p, "other"), g.log_follow("proposals/other.md"));
}

#[test]
fn rename_with_an_edit_is_followed() {
    let p = Project::new();
    let mut g = p.git();
    let base = proposal("Refunds", "draft");
    g.write("proposals/refunds.md", &base);
    g.commit("Draft");
    g.write("proposals/refunds.md", &edit(&base, 1));
    g.commit("Edit");
    g.rename("proposals/refunds.md", "proposals/small-shop-refunds.md");
    g.write("proposals/small-shop-refunds.md", &edit(&edit(&base, 1), 2));
    g.commit("Rename after review, with an edit");
    let expected = g.log_follow("proposals/small-shop-refunds.md");
    assert_eq!(expected.len(), 3);
    assert_eq!(ids(&p, "small-shop-refunds"), expected);
    let portfolio = Portfolio::open(p.path()).unwrap();
    let h = PortfolioHistory::load(&portfolio).unwrap();
    let its = &h.get("small-shop-refunds").unwrap().iterations;
    assert_eq!(its[0].path, "proposals/refunds.md");
    assert_eq!(its[2].path, "proposals/small-shop-refunds.md");
    assert_eq!(its.iter().map(|i| i.n).collect::<Vec<_>>(), vec![1, 2, 3]);
}

#[test]
fn case_only_rename() {
    let p = Project::new();
    let mut g = p.git();
    let base = proposal("Refunds", "draft");
    g.write("proposals/Refunds.md", &base);
    g.commit("Draft");
    g.rename("proposals/Refunds.md", "proposals/refunds.md");
    g.commit("Lower-case the file name");
    g.write("proposals/refunds.md", &edit(&base, 1));
    g.commit("Edit");
    let expected = g.log_follow("proposals/refunds.md");
    assert_eq!(expected.len(), 3);
    assert_eq!(ids(&p, "refunds"), expected);
}

#[test]
fn merged_feature_branch() {
    let p = Project::new();
    let mut g = p.git();
    let base = proposal("Refunds", "draft");
    g.write("proposals/refunds.md", &base);
    g.write("src/a.rs", "a\n");
    g.commit("Draft");
    g.branch("review");
    g.checkout("review");
    g.write("proposals/refunds.md", &edit(&base, 1));
    g.commit("Review round 1");
    g.write("proposals/refunds.md", &edit(&edit(&base, 1), 2));
    g.commit("Review round 2");
    g.checkout("master");
    g.write("src/a.rs", "b\n");
    g.commit("Code on main");
    // Take the branch's version of the proposal: the merge is not an iteration.
    g.write("proposals/refunds.md", &edit(&edit(&base, 1), 2));
    g.merge("review", "Merge review");
    let expected = g.log_follow("proposals/refunds.md");
    assert_eq!(expected.len(), 3, "{expected:?}");
    assert_eq!(ids(&p, "refunds"), expected);
}

#[test]
fn a_merge_resolving_a_conflict_is_not_an_iteration() {
    let p = Project::new();
    let mut g = p.git();
    let base = proposal("Refunds", "draft");
    g.write("proposals/refunds.md", &base);
    g.commit("Draft");
    g.branch("review");
    g.checkout("review");
    g.write("proposals/refunds.md", &edit(&base, 1));
    g.commit("Branch edit");
    g.checkout("master");
    g.write("proposals/refunds.md", &edit(&base, 2));
    g.commit("Main edit");
    g.write("proposals/refunds.md", &edit(&edit(&base, 2), 1));
    g.merge("review", "Merge, resolving the conflict");
    // Like `git log --follow`, the merge itself is not listed: the branch
    // commits that made the changes are. Nor is the merged text a working copy.
    let expected = g.log_follow("proposals/refunds.md");
    assert_eq!(expected.len(), 3, "{expected:?}");
    assert_eq!(ids(&p, "refunds"), expected);
}

#[test]
fn a_proposal_copied_from_a_template_starts_at_its_creation() {
    let p = Project::new();
    let mut g = p.git();
    let template = proposal("Template", "draft");
    g.write("templates/prfaq.md", &template);
    g.commit("Add template");
    g.write("templates/prfaq.md", &edit(&template, 1));
    g.commit("Improve template");
    g.write("proposals/refunds.md", &edit(&edit(&template, 1), 9));
    g.commit("Start refunds from the template");
    let created = g.repo.head().unwrap().target().unwrap().to_string();
    g.write(
        "proposals/refunds.md",
        &edit(&edit(&edit(&template, 1), 9), 10),
    );
    g.commit("Edit refunds");
    let follow = g.log_follow("proposals/refunds.md");
    // git follows the copy into the template's past; wb does not.
    assert_eq!(follow.len(), 4, "{follow:?}");
    let ours = ids(&p, "refunds");
    assert_eq!(ours.len(), 2);
    assert_eq!(ours[0], created);
    assert_eq!(ours[..], follow[2..]);
}

#[test]
fn deleted_and_re_added_starts_a_new_history() {
    let p = Project::new();
    let mut g = p.git();
    let base = proposal("Refunds", "draft");
    g.write("proposals/refunds.md", &base);
    g.commit("First life");
    g.write("proposals/refunds.md", &edit(&base, 1));
    g.commit("First life, edited");
    g.remove("proposals/refunds.md");
    g.commit("Shelve refunds");
    let second = proposal("Refunds, again", "draft");
    g.write("proposals/refunds.md", &second);
    g.commit("Second life");
    let readded = g.repo.head().unwrap().target().unwrap().to_string();
    g.write("proposals/refunds.md", &edit(&second, 1));
    g.commit("Second life, edited");
    let follow = g.log_follow("proposals/refunds.md");
    assert_eq!(follow.len(), 5, "{follow:?}");
    let ours = ids(&p, "refunds");
    assert_eq!(ours.len(), 2);
    assert_eq!(ours[0], readded);
    assert_eq!(ours[..], follow[3..]);
}

#[test]
fn many_commits() {
    let p = Project::new();
    let mut g = p.git();
    let mut text = proposal("Refunds", "draft");
    for n in 0..220 {
        text = edit(&text, n);
        g.write("proposals/refunds.md", &text);
        if n % 3 == 0 {
            g.write("src/x.rs", &format!("// {n}\n"));
        }
        g.commit(&format!("Iteration {n}"));
    }
    let expected = g.log_follow("proposals/refunds.md");
    assert_eq!(expected.len(), 220);
    assert_eq!(ids(&p, "refunds"), expected);
}

#[test]
fn a_commit_dated_before_its_parent() {
    let p = Project::new();
    let mut g = p.git();
    let base = proposal("Refunds", "draft");
    g.write("proposals/refunds.md", &base);
    g.commit("Draft");
    g.write("proposals/refunds.md", &edit(&base, 1));
    g.set_clock(crate::support::EPOCH - 10 * 86_400);
    g.commit("Made on a machine whose clock was wrong");
    g.set_clock(crate::support::EPOCH + 10 * 86_400);
    g.write("src/x.rs", "code\n");
    g.commit("Code");
    g.write("proposals/refunds.md", &edit(&edit(&base, 1), 2));
    g.commit("Edit");
    let expected = g.log_follow("proposals/refunds.md");
    assert_eq!(expected.len(), 3);
    assert_eq!(ids(&p, "refunds"), expected);
}

#[test]
fn working_copy_and_never_committed() {
    let p = Project::new();
    let mut g = p.git();
    let base = proposal("Refunds", "draft");
    g.write("proposals/refunds.md", &base);
    g.commit("Draft");
    g.write("proposals/refunds.md", &edit(&base, 1));
    g.write("proposals/fresh.md", &proposal("Fresh", "draft"));
    let ours = ids(&p, "refunds");
    assert_eq!(ours.len(), 2);
    assert_eq!(ours[1], "working");
    assert_eq!(ids(&p, "fresh"), vec!["working"]);
}

#[test]
fn reviewers_from_trailers() {
    let p = Project::new();
    let mut g = p.git();
    g.write("proposals/refunds.md", &proposal("Refunds", "draft"));
    g.commit("Draft\n\nFirst cut.\n\nReviewed-by: Priya Raman <priya@example.com>\nReviewed-by: Tom <tom@example.com>\n");
    let portfolio = Portfolio::open(p.path()).unwrap();
    let h = PortfolioHistory::load(&portfolio).unwrap();
    let it = &h.get("refunds").unwrap().iterations[0];
    assert_eq!(it.subject, "Draft");
    assert_eq!(it.body, "First cut.");
    assert_eq!(it.reviewers.len(), 2);
    assert_eq!(it.reviewers[0].email, "priya@example.com");
    assert_eq!(it.author.email, "author@example.com");
    assert_eq!(it.date.to_rfc3339(), "2026-01-05T09:00:00+00:00");
}

#[test]
fn no_commits_yet() {
    let p = Project::new();
    p.git();
    p.file("proposals/refunds.md", proposal("Refunds", "draft"));
    let portfolio = Portfolio::open(p.path()).unwrap();
    let h = PortfolioHistory::load(&portfolio).unwrap();
    assert_eq!(h.state, RepoState::NoCommits);
    assert!(h.state.note().unwrap().contains("no commits yet"));
    assert_eq!(ids(&p, "refunds"), vec!["working"]);
}

#[test]
fn not_in_a_repository() {
    let p = Project::new();
    p.file("proposals/refunds.md", proposal("Refunds", "draft"));
    let portfolio = Portfolio::open(p.path()).unwrap();
    let h = PortfolioHistory::load(&portfolio).unwrap();
    assert_eq!(h.state, RepoState::NoRepository);
    assert!(h.get("refunds").is_none());
    assert!(h.state.note().unwrap().contains("not in a git repository"));
}

#[test]
fn detached_head() {
    let p = Project::new();
    let mut g = p.git();
    let base = proposal("Refunds", "draft");
    g.write("proposals/refunds.md", &base);
    let first = g.commit("Draft");
    g.write("proposals/refunds.md", &edit(&base, 1));
    g.commit("Edit");
    g.write("proposals/refunds.md", &edit(&edit(&base, 1), 2));
    g.commit("Edit again");
    let second = g.repo.revparse_single("HEAD~1").unwrap().id();
    g.repo.set_head_detached(second).unwrap();
    g.repo
        .checkout_head(Some(git2::build::CheckoutBuilder::new().force()))
        .unwrap();
    let portfolio = Portfolio::open(p.path()).unwrap();
    let h = PortfolioHistory::load(&portfolio).unwrap();
    assert_eq!(
        h.state,
        RepoState::Ready {
            shallow: false,
            detached: true
        }
    );
    assert_eq!(
        ids(&p, "refunds"),
        vec![first.to_string(), second.to_string()]
    );
}

#[test]
fn shallow_clone_is_marked_truncated() {
    let origin = Project::new();
    let mut g = origin.git();
    let mut text = proposal("Refunds", "draft");
    for n in 0..5 {
        text = edit(&text, n);
        g.write("proposals/refunds.md", &text);
        g.commit(&format!("Iteration {n}"));
    }
    let clone = Project::new();
    let url = format!("file://{}", origin.path().display());
    let status = std::process::Command::new("git")
        .args(["clone", "-q", "--depth", "2", &url])
        .arg(clone.path().join("repo"))
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .status()
        .unwrap();
    assert!(status.success());
    let root = clone.path().join("repo");
    let portfolio = Portfolio::open(&root).unwrap();
    let h = PortfolioHistory::load(&portfolio).unwrap();
    assert_eq!(
        h.state,
        RepoState::Ready {
            shallow: true,
            detached: false
        }
    );
    assert!(h.state.note().unwrap().contains("git fetch --unshallow"));
    let history = h.get("refunds").unwrap();
    assert!(history.truncated);
    assert_eq!(history.iterations.len(), 2);
    assert_eq!(
        history
            .iterations
            .iter()
            .map(|i| i.commit.clone().unwrap())
            .collect::<Vec<_>>(),
        Git::open(&root).log_follow("proposals/refunds.md")
    );
}

#[test]
fn code_commits_before_the_first_iteration() {
    let p = Project::new();
    let mut g = p.git();
    g.write("src/intake/mod.rs", "// built first\n");
    g.commit("Build intake");
    g.write("src/other.rs", "// unrelated\n");
    g.commit("Other code");
    g.write(
        "proposals/intake.md",
        &proposal("Intake", "draft").replace("launch_date", "code: [src/intake/]\nlaunch_date"),
    );
    g.commit("Write the PR/FAQ afterwards");
    g.write("src/intake/mod.rs", "// more\n");
    g.commit("More intake");
    let portfolio = Portfolio::open(p.path()).unwrap();
    let h = PortfolioHistory::load(&portfolio).unwrap();
    let code = &h.get("intake").unwrap().code_before;
    assert_eq!(code.len(), 1, "{code:?}");
    assert_eq!(code[0].subject, "Build intake");
    assert_eq!(code[0].path, "src/intake/mod.rs");
}

// ---- the command ----

fn reviewed_repo() -> Project {
    let p = Project::new();
    p.file(
        "wb.yaml",
        "circles:\n  team: [priya@example.com]\n  leadership: [vp@example.com]\n",
    );
    let mut g = p.git();
    let base = proposal("Refunds", "draft");
    g.write("proposals/refunds.md", &base);
    g.commit("Draft refunds");
    let second = base.replace(
        "Refunds take two days of paperwork.",
        "Refunds take two full days of paperwork for a shop owner.",
    );
    g.write("proposals/refunds.md", &second);
    g.commit(
        "Sharpen the problem\n\nTeam review.\n\nReviewed-by: Priya Raman <priya@example.com>\n",
    );
    let third = second.replace("status: draft", "status: review")
        + "\n# Frequently asked questions\n## Internal FAQ\n### What will it cost us?\nTwo engineers for a quarter, about $90,000.\n";
    g.write("proposals/refunds.md", &third);
    g.commit("Answer the cost question\n\nReviewed-by: VP <vp@example.com>\n");
    p
}

#[test]
fn history_text_shows_each_iteration() {
    let p = reviewed_repo();
    let run = p.wb(&["history", "refunds"]).ok();
    let out = &run.stdout;
    assert!(
        out.contains("3 iterations · widest circle: leadership"),
        "{out}"
    );
    let lines: Vec<&str> = out.lines().collect();
    let row = |n: &str| {
        lines
            .iter()
            .find(|l| l.starts_with(n))
            .unwrap_or_else(|| panic!("no row {n}:\n{out}"))
            .to_string()
    };
    assert!(row("1 ").contains("author"), "{out}");
    assert!(row("1 ").contains("Draft refunds"), "{out}");
    assert!(row("2 ").contains("Priya Raman"), "{out}");
    assert!(row("2 ").contains("team"), "{out}");
    assert!(row("2 ").contains("problem"), "{out}");
    assert!(row("3 ").contains("leadership"), "{out}");
    assert!(row("3 ").contains("internal-faq"), "{out}");
}

#[test]
fn history_diff_is_plain_without_colour() {
    let p = reviewed_repo();
    let out = p.wb(&["history", "refunds", "--diff"]).ok().stdout;
    assert!(
        out.contains("Refunds take two {+full+} days of paperwork {+for a shop owner+}."),
        "{out}"
    );
    assert!(out.contains("status: [-draft-]{+review+}"), "{out}");
    assert!(!out.contains('\u{1b}'), "no escape codes with NO_COLOR");
}

#[test]
fn history_stat_and_compare() {
    let p = reviewed_repo();
    let out = p.wb(&["history", "refunds", "--stat"]).ok().stdout;
    assert!(out.contains("status: draft -> review"), "{out}");
    assert!(out.contains("+ question What will it cost us?"), "{out}");
    let out = p
        .wb(&["history", "refunds", "--from", "1", "--to", "3"])
        .ok()
        .stdout;
    assert!(out.contains("iteration 1"), "{out}");
    assert!(out.contains("status: [-draft-]{+review+}"), "{out}");
    p.file(
        "proposals/refunds.md",
        p.read("proposals/refunds.md")
            .replace("about $90,000", "about $120,000"),
    );
    let out = p
        .wb(&["history", "refunds", "--from", "3", "--to", "working"])
        .ok()
        .stdout;
    assert!(out.contains("[-$90,000-]{+$120,000+}"), "{out}");
    let run = p.wb(&["history", "refunds", "--from", "9"]).code(2);
    assert!(
        run.stderr
            .contains("no iteration 9; this proposal has iterations 1-3 and `working`"),
        "{}",
        run.stderr
    );
}

#[test]
fn history_json_has_the_documented_shape() {
    let p = reviewed_repo();
    let j = p
        .wb(&["history", "refunds", "--format", "json", "--diff"])
        .ok()
        .json();
    assert_eq!(j["slug"], "refunds");
    assert_eq!(j["repository"]["state"], "ready");
    let its = j["iterations"].as_array().unwrap();
    assert_eq!(its.len(), 3);
    assert_eq!(its[0]["n"], 1);
    assert_eq!(its[1]["reviewers"][0]["email"], "priya@example.com");
    assert_eq!(its[1]["circle_name"], "team");
    assert_eq!(its[2]["reach_name"], "leadership");
    assert_eq!(its[2]["summary"]["front"][0]["key"], "status");
    assert_eq!(
        its[2]["summary"]["faq"]["added"][0],
        "What will it cost us?"
    );
    assert!(its[2]["diff"]["blocks"].as_array().unwrap().len() > 1);
    assert_eq!(its[0]["date"], "2026-01-05T09:00:00Z");
}

#[test]
fn history_messages_for_edge_cases() {
    let p = Project::new();
    p.file("proposals/refunds.md", proposal("Refunds", "draft"));
    let out = p.wb(&["history", "refunds"]).ok().stdout;
    assert!(out.contains("not in a git repository"), "{out}");
    p.git();
    let out = p.wb(&["history", "refunds"]).ok().stdout;
    assert!(out.contains("no commits yet"), "{out}");
    assert!(out.contains("working"), "{out}");
    let run = p.wb(&["history", "refnds"]).code(2);
    assert!(
        run.stderr.contains("no proposal `refnds`"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("did you mean `refunds`"),
        "{}",
        run.stderr
    );
}

#[test]
fn history_by_path() {
    let p = reviewed_repo();
    let j = p
        .wb(&["history", "proposals/refunds.md", "--format", "json"])
        .ok()
        .json();
    assert_eq!(j["iterations"].as_array().unwrap().len(), 3);
}

/// The example portfolio carries its review history in this repository's
/// git log; on a clone (as in CI) every example shows real iterations.
#[test]
fn examples_have_real_review_iterations() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    if !root.join(".git").exists() {
        eprintln!("not a git checkout: skipping the examples' history");
        return;
    }
    let p = Project::new();
    let list = p
        .wb_in(root, &["-C", "examples", "list", "--format", "json"])
        .ok()
        .json();
    for row in list.as_array().unwrap() {
        let slug = row["slug"].as_str().unwrap();
        let j = p
            .wb_in(
                root,
                &[
                    "-C", "examples", "history", slug, "--format", "json", "--diff",
                ],
            )
            .ok()
            .json();
        let its: Vec<&serde_json::Value> = j["iterations"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|i| !i["working"].as_bool().unwrap())
            .collect();
        assert!(its.len() >= 3, "{slug} has {} iterations", its.len());
        assert!(
            its[0]["reviewers"].as_array().unwrap().is_empty(),
            "{slug}: the first draft is the author's"
        );
        assert!(
            its[1..]
                .iter()
                .all(|i| !i["reviewers"].as_array().unwrap().is_empty()),
            "{slug}: later iterations are reviewed"
        );
        assert!(
            its[1..]
                .iter()
                .all(|i| i["summary"]["words_added"].as_u64().unwrap() > 0),
            "{slug}"
        );
        assert!(
            its.last().unwrap()["diff"]["blocks"]
                .as_array()
                .unwrap()
                .iter()
                .any(|b| b["change"] == "changed"),
            "{slug}"
        );
    }
}

#[test]
fn a_proposals_folder_moved_with_every_proposal_in_it() {
    let p = Project::new();
    p.file("wb.yaml", "proposals: docs\n");
    let mut g = p.git();
    for n in 0..30 {
        g.write(
            &format!("proposals/p{n}.md"),
            &proposal(&format!("Proposal number {n} for shops"), "draft"),
        );
    }
    g.commit("Thirty drafts");
    for n in 0..30 {
        g.rename(&format!("proposals/p{n}.md"), &format!("docs/p{n}.md"));
    }
    g.commit("Move the folder");
    g.write(
        "docs/p7.md",
        &edit(&proposal("Proposal number 7 for shops", "draft"), 1),
    );
    g.commit("Edit one");
    let expected = g.log_follow("docs/p7.md");
    assert_eq!(expected.len(), 3);
    assert_eq!(ids(&p, "p7"), expected);
    assert_eq!(ids(&p, "p3"), g.log_follow("docs/p3.md"));
}

#[test]
fn two_branches_renaming_different_files_to_one_name() {
    let p = Project::new();
    let mut g = p.git();
    g.write(
        "proposals/x.md",
        &proposal("Refunds for small shops", "draft"),
    );
    g.write(
        "proposals/y.md",
        &proposal("Refunds for small shops", "draft"),
    );
    g.commit("Two drafts");
    g.branch("b1");
    g.branch("b2");
    g.checkout("b1");
    g.rename("proposals/x.md", "proposals/p.md");
    g.commit("Rename x");
    g.checkout("b2");
    g.rename("proposals/y.md", "proposals/p.md");
    g.commit("Rename y");
    g.checkout("b1");
    g.merge("b2", "Merge");
    let ours = ids(&p, "p");
    let mut unique = ours.clone();
    unique.dedup();
    assert_eq!(ours, unique, "no commit listed twice: {ours:?}");
}

#[test]
fn an_unreadable_old_version_does_not_stop_history_or_the_site() {
    let p = Project::new();
    let mut g = p.git();
    let good = proposal("Refunds", "draft");
    std::fs::create_dir_all(p.path().join("proposals")).unwrap();
    let mut latin1 = good.clone().into_bytes();
    latin1.extend(b"\nCaf\xe9 owners too.\n");
    std::fs::write(p.path().join("proposals/refunds.md"), &latin1).unwrap();
    g.commit("Saved in the wrong encoding");
    g.write("proposals/refunds.md", &edit(&good, 1));
    g.commit("Saved as UTF-8");
    let j = p
        .wb(&["history", "refunds", "--format", "json"])
        .ok()
        .json();
    let its = j["iterations"].as_array().unwrap();
    assert_eq!(its.len(), 2);
    assert!(
        its[0]["error"]
            .as_str()
            .unwrap()
            .contains("not valid UTF-8"),
        "{}",
        its[0]
    );
    assert!(its[1]["error"].is_null());
    p.wb(&["build"]).ok();
    p.wb(&["list"]).ok();
}

#[test]
fn line_ending_conversion_is_not_a_working_copy() {
    let p = Project::new();
    let mut g = p.git();
    let text = proposal("Refunds", "draft");
    g.write("proposals/refunds.md", &text);
    g.commit("Draft");
    // As core.autocrlf or `eol=crlf` would check it out.
    g.write("proposals/refunds.md", &text.replace('\n', "\r\n"));
    assert_eq!(ids(&p, "refunds").len(), 1);
}
