//! What wb keeps between runs in `.git/wb/` (the walk's histories, the
//! current findings) only saves time: every change that matters is seen,
//! and a damaged cache is ignored.

use crate::support::{Project, proposal};

fn iterations(p: &Project) -> u64 {
    p.wb(&["list", "--format", "json"]).ok().json()[0]["iterations"]
        .as_u64()
        .unwrap()
}

fn rules(p: &Project) -> Vec<String> {
    let out = p
        .wb(&["check", "--format", "json", "--deny", "info"])
        .json();
    out["proposals"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn the_cache_follows_every_change() {
    let p = Project::new();
    let mut git = p.git();
    let text = proposal("Refunds", "draft");
    p.file("proposals/refunds.md", &text);
    git.commit("First draft");
    assert_eq!(iterations(&p), 1);
    assert!(p.exists(".git/wb/walk.json"));
    // A new commit moves HEAD: the histories are walked again.
    p.file(
        "proposals/refunds.md",
        text.replace("two days", "two long days"),
    );
    git.commit("Second draft");
    assert_eq!(iterations(&p), 2);
    // The working copy is read every time.
    let seamless = text.replace("## Problem\n", "## Problem\n\nA revolutionary way.\n");
    p.file("proposals/refunds.md", &seamless);
    assert!(rules(&p).contains(&"hyperbole-instead-of-specifics".to_string()));
    p.file("proposals/refunds.md", &text);
    assert!(!rules(&p).contains(&"hyperbole-instead-of-specifics".to_string()));
    p.file("proposals/refunds.md", &seamless);
    assert!(rules(&p).contains(&"hyperbole-instead-of-specifics".to_string()));
    // So is the configuration.
    p.file(
        "wb.yaml",
        "check:\n  disable: [hyperbole-instead-of-specifics]\n",
    );
    assert!(!rules(&p).contains(&"hyperbole-instead-of-specifics".to_string()));
}

#[test]
fn a_damaged_cache_is_ignored_and_none_is_kept_on_request() {
    let p = Project::new();
    let mut git = p.git();
    p.file("proposals/refunds.md", proposal("Refunds", "draft"));
    git.commit("First draft");
    let fresh = p.wb(&["list", "--format", "json"]).ok().stdout;
    let before = p.wb(&["check", "--format", "json"]).stdout;
    for f in [".git/wb/walk.json", ".git/wb/findings.json"] {
        p.file(f, "{ not json");
    }
    assert_eq!(p.wb(&["list", "--format", "json"]).ok().stdout, fresh);
    assert_eq!(p.wb(&["check", "--format", "json"]).stdout, before);
    std::fs::remove_dir_all(p.path().join(".git/wb")).unwrap();
    let out = assert_cmd::Command::cargo_bin("wb")
        .unwrap()
        .current_dir(p.path())
        .args(["list", "--format", "json"])
        .env("WB_NO_CACHE", "1")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stdout), fresh);
    assert!(!p.exists(".git/wb"));
}

/// Every file of the site in `out` (path relative to it -> bytes), the
/// build date on the index left out.
fn site(p: &Project, out: &str) -> std::collections::BTreeMap<String, Vec<u8>> {
    let date = regex::Regex::new(r" on \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC").unwrap();
    let root = p.path().join(out);
    walkdir::WalkDir::new(&root)
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e.path().strip_prefix(&root).unwrap();
            let bytes = std::fs::read(e.path()).unwrap();
            let text = String::from_utf8_lossy(&bytes);
            let bytes = date.replace_all(&text, "").into_owned().into_bytes();
            (rel.to_string_lossy().into_owned(), bytes)
        })
        .collect()
}

/// Builds `_site` (with the caches) and `_fresh` (with none) and asserts
/// they are the same site, file for file, byte for byte.
fn cached_site_equals_a_fresh_one(p: &Project) {
    p.wb(&["build", "--out", "_site"]).ok();
    p.wb_env(
        p.path(),
        &[("WB_NO_CACHE", "1")],
        &["build", "--out", "_fresh"],
    )
    .ok();
    let (cached, fresh) = (site(p, "_site"), site(p, "_fresh"));
    assert_eq!(
        cached.keys().collect::<Vec<_>>(),
        fresh.keys().collect::<Vec<_>>()
    );
    for (path, bytes) in &cached {
        assert!(
            *bytes == fresh[path],
            "{path} differs from a build without caches"
        );
    }
}

#[cfg(unix)]
fn inode(p: &Project, rel: &str) -> u64 {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata(p.path().join(rel)).unwrap().ino()
}

#[cfg(unix)]
#[test]
fn a_rebuilt_site_equals_one_built_without_caches() {
    let p = Project::new();
    let mut git = p.git();
    let refunds = proposal("Refunds", "draft");
    p.file("proposals/refunds.md", &refunds);
    git.commit("Refunds: first draft");
    p.file("proposals/payments.md", proposal("Payments", "review"));
    git.commit("Payments: first draft");
    cached_site_equals_a_fresh_one(&p);
    assert!(p.exists(".git/wb/pages.json"));
    let untouched = "_site/p/payments/history.html";
    let before = inode(&p, untouched);

    // Nothing changed: every proposal's pages are taken over.
    cached_site_equals_a_fresh_one(&p);
    assert_eq!(inode(&p, untouched), before, "pages were rendered again");

    // One new commit to one proposal: only its pages are rendered again.
    p.file(
        "proposals/refunds.md",
        refunds.replace("two days", "two long days"),
    );
    git.commit("Refunds: second draft");
    let changed = inode(&p, "_site/p/refunds/history.html");
    cached_site_equals_a_fresh_one(&p);
    assert_eq!(inode(&p, untouched), before);
    assert_ne!(inode(&p, "_site/p/refunds/history.html"), changed);

    // A page changed by hand is not taken over.
    p.file(untouched, "edited by hand");
    cached_site_equals_a_fresh_one(&p);
    assert_ne!(inode(&p, untouched), before);

    // An edit of wb.yaml: what every page shows may change.
    p.file(
        "wb.yaml",
        "site:\n  title: Our bets\ncheck:\n  disable: [hyperbole-instead-of-specifics]\n",
    );
    cached_site_equals_a_fresh_one(&p);
    assert!(p.read("_site/p/payments/index.html").contains("Our bets"));

    // A change to the working copy.
    p.file(
        "proposals/payments.md",
        proposal("Payments", "review")
            .replace("## Problem\n", "## Problem\n\nA revolutionary way.\n"),
    );
    cached_site_equals_a_fresh_one(&p);
    assert!(
        p.read("_site/p/payments/index.html")
            .contains("revolutionary")
    );

    // A damaged cache is ignored.
    p.file(".git/wb/pages.json", "{ not json");
    cached_site_equals_a_fresh_one(&p);
}

/// Every proposal's history as `wb history --format json` gives it, with
/// the caches and without.
fn histories(p: &Project, slugs: &[&str]) -> (Vec<String>, Vec<String>) {
    let run = |env: &[(&str, &str)]| {
        slugs
            .iter()
            .map(|s| {
                p.wb_env(p.path(), env, &["history", s, "--format", "json"])
                    .ok()
                    .stdout
            })
            .collect::<Vec<_>>()
    };
    (run(&[]), run(&[("WB_NO_CACHE", "1")]))
}

#[test]
fn a_walk_extended_past_the_cached_head_equals_a_full_walk() {
    let p = Project::new();
    let mut git = p.git();
    let long = |title: &str, extra: &str| {
        let mut text = proposal(title, "draft");
        for i in 0..8 {
            text.push_str(&format!(
                "\nParagraph {i} of {title}, long enough to weigh.\n"
            ));
        }
        text + extra
    };
    p.file("proposals/refunds.md", long("Refunds", ""));
    p.file("proposals/payments.md", long("Payments", ""));
    git.commit("First drafts");
    let (cached, fresh) = histories(&p, &["refunds", "payments"]);
    assert_eq!(cached, fresh);
    let walked = p.read(".git/wb/walk.json");

    // A line of new commits on top of the cached HEAD: a rename with an
    // edit, an edit, a commit that touches no proposal.
    git.rename("proposals/payments.md", "proposals/checkout.md");
    p.file("proposals/checkout.md", long("Payments", "\nRenamed.\n"));
    git.commit("Payments becomes checkout");
    p.file("proposals/refunds.md", long("Refunds", "\nSecond.\n"));
    git.commit("Refunds: second draft");
    p.file("src/main.rs", "fn main() {}\n");
    git.commit("Code");
    let (cached, fresh) = histories(&p, &["refunds", "checkout"]);
    assert_eq!(cached, fresh);
    assert_ne!(p.read(".git/wb/walk.json"), walked);
    let checkout = p.wb(&["history", "checkout", "--format", "json"]).json();
    assert_eq!(checkout["iterations"].as_array().unwrap().len(), 2);

    // A merge after the cached HEAD.
    git.branch("side");
    p.file("proposals/refunds.md", long("Refunds", "\nOn main.\n"));
    git.commit("Refunds on main");
    git.checkout("side");
    p.file(
        "proposals/checkout.md",
        long("Payments", "\nOn a side branch.\n"),
    );
    git.commit("Checkout on a side branch");
    git.checkout("master");
    p.file(
        "proposals/checkout.md",
        long("Payments", "\nOn a side branch.\n"),
    );
    git.merge("side", "Merge side");
    let (cached, fresh) = histories(&p, &["refunds", "checkout"]);
    assert_eq!(cached, fresh);
}
