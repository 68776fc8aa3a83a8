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
