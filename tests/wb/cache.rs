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
    let seamless = text.replace("## Problem\n", "## Problem\n\nA seamless way.\n");
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
        proposal("Payments", "review").replace("## Problem\n", "## Problem\n\nA seamless way.\n"),
    );
    cached_site_equals_a_fresh_one(&p);
    assert!(p.read("_site/p/payments/index.html").contains("seamless"));

    // A damaged cache is ignored.
    p.file(".git/wb/pages.json", "{ not json");
    cached_site_equals_a_fresh_one(&p);
}
