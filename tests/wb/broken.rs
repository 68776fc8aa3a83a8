//! One bad file must not take the site down (issue 10, defect 11): `wb
//! build` builds what loads, lists the rest on the index, prints every
//! error and exits 2; `--strict` and `site.strict` keep all-or-nothing;
//! nothing loading writes nothing; `wb serve` keeps the last good pages
//! with the error on top, and watches before it builds.

use crate::site::{good_proposal, read, wait_for_version};
use crate::support::{Project, staging_folders};

/// A stub left behind by a move: one line that opens front-matter and
/// never closes it (the shape of a placeholder whose header was cut).
const STUB: &str = "---\n";

/// Two good proposals with history and a committed stub.
fn portfolio(wb_yaml: &str) -> Project {
    let p = Project::new();
    p.file("wb.yaml", format!("site:\n  title: Plans\n{wb_yaml}"));
    let mut g = p.git();
    g.write(
        "proposals/refunds.md",
        &good_proposal("Shop owners refund a customer in two minutes", "draft"),
    );
    g.write(
        "proposals/bread.md",
        &good_proposal("Bakeries plan tomorrow's bread from today's sales", "draft"),
    );
    g.commit("Draft refunds and bread");
    g.write("proposals/stub.md", STUB);
    g.commit("Leave a stub");
    p
}

/// The index's "could not be read" section, or "" when there is none.
fn broken_section(index: &str) -> &str {
    index
        .find("id=\"broken\"")
        .map(|at| &index[at..at + index[at..].find("</section>").unwrap()])
        .unwrap_or("")
}

#[test]
fn one_bad_file_is_listed_and_the_rest_is_built() {
    let p = portfolio("");
    let run = p.wb(&["build"]).code(2);
    // Every error on stderr as always: path:line:col, message, hint.
    assert!(
        run.stderr.contains(
            "error: proposals/stub.md:1:1: front-matter opened with `---` is never closed"
        ),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("hint: "), "{}", run.stderr);
    // The report says what was built and how much was left out.
    assert!(
        run.stdout
            .contains("built _site: 2 proposals (1 file left out: could not be read)"),
        "{}",
        run.stdout
    );
    let site = p.path().join("_site");
    assert!(site.join("p/refunds/index.html").is_file());
    assert!(site.join("p/bread/history.html").is_file());
    assert!(!site.join("p/stub").exists(), "the stub has no pages");
    let index = read(&site, "index.html");
    let broken = broken_section(&index);
    assert!(broken.contains("1 file could not be read"), "{broken}");
    assert!(
        broken.contains(
            "<code>proposals/stub.md:1:1</code>: front-matter opened with <code>---</code> is never closed"
        ),
        "{broken}"
    );
    assert!(
        index.contains("p/refunds/index.html"),
        "the good ones are on the index"
    );

    // Nothing loads any more: no empty site replaces the good one.
    p.file("proposals/refunds.md", "");
    p.file("proposals/bread.md", "---\ntitle: [bread\n---\n");
    let run = p.wb(&["build"]).code(2);
    assert!(
        run.stderr
            .contains("proposals/refunds.md:1:1: the file is empty"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("proposals/bread.md:2:"),
        "{}",
        run.stderr
    );
    assert!(!run.stdout.contains("built"), "{}", run.stdout);
    assert_eq!(read(&site, "index.html"), index, "the previous site stays");
    assert!(staging_folders(p.path()).is_empty());
}

#[test]
fn messages_on_the_index_are_escaped() {
    let p = portfolio("");
    p.file(
        "proposals/evil.md",
        "---\ntitle: Evil\nstatus: \"<img src=x onerror=alert(1)>\"\n---\n# Evil\n",
    );
    p.wb(&["build"]).code(2);
    let index = read(&p.path().join("_site"), "index.html");
    let broken = broken_section(&index);
    // The stub is left out; the unknown status is left out of a proposal
    // that is still built, and listed among the other problems.
    assert!(broken.contains("1 file could not be read"), "{broken}");
    assert!(broken.contains("Other problems"), "{broken}");
    assert!(
        broken.contains("<code>proposals/evil.md:3:9</code>"),
        "{broken}"
    );
    assert!(
        broken.contains("<code>&lt;img src=x onerror=alert(1)&gt;</code>"),
        "{broken}"
    );
    assert!(!index.contains("<img src=x"), "{broken}");
    // Hints are Markdown, as findings' hints are: `code` is code.
    assert!(
        !broken.contains("&#x60;") && !broken.contains('`'),
        "{broken}"
    );
}

#[test]
fn strict_writes_nothing_and_keeps_the_previous_site() {
    let p = portfolio("");
    std::fs::remove_file(p.path().join("proposals/stub.md")).unwrap();
    p.wb(&["build", "--strict"]).ok();
    let site = p.path().join("_site");
    let before = read(&site, "index.html");
    assert!(broken_section(&before).is_empty());
    p.file("proposals/stub.md", STUB);
    let run = p.wb(&["build", "--strict"]).code(2);
    assert!(
        run.stderr.contains("error: proposals/stub.md:1:1: "),
        "{}",
        run.stderr
    );
    assert!(!run.stdout.contains("built"), "{}", run.stdout);
    assert_eq!(
        read(&site, "index.html"),
        before,
        "the previous site is intact"
    );
    assert!(site.join("p/refunds/index.html").is_file());
    assert!(staging_folders(p.path()).is_empty());
}

#[test]
fn site_strict_in_wb_yaml_keeps_all_or_nothing() {
    let p = portfolio("  strict: true\n");
    std::fs::rename(
        p.path().join("proposals/stub.md"),
        p.path().join("stub.md.aside"),
    )
    .unwrap();
    p.wb(&["build"]).ok();
    let site = p.path().join("_site");
    let before = read(&site, "index.html");
    std::fs::rename(
        p.path().join("stub.md.aside"),
        p.path().join("proposals/stub.md"),
    )
    .unwrap();
    let run = p.wb(&["build"]).code(2);
    assert!(
        run.stderr.contains("error: proposals/stub.md:1:1: "),
        "{}",
        run.stderr
    );
    assert_eq!(
        read(&site, "index.html"),
        before,
        "the previous site is intact"
    );
    assert!(staging_folders(p.path()).is_empty());
    // A misspelt key is refused with the nearest one.
    p.file("wb.yaml", "site:\n  stirct: true\n");
    let run = p.wb(&["build"]).code(2);
    assert!(
        run.stderr.contains("wb.yaml:2:3: unknown field `stirct`"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("did you mean `strict`?"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_shared_slug_leaves_both_files_out_and_names_both() {
    let p = portfolio("");
    std::fs::remove_file(p.path().join("proposals/stub.md")).unwrap();
    p.file(
        "proposals/old/bread.md",
        good_proposal("Bakeries plan bread by the week", "draft"),
    );
    // Only the two breads: nothing to build, so no site at all.
    let refunds = p.read("proposals/refunds.md");
    std::fs::remove_file(p.path().join("proposals/refunds.md")).unwrap();
    let run = p.wb(&["build"]).code(2);
    assert!(run.stderr.contains("slug `bread`"), "{}", run.stderr);
    assert!(!p.exists("_site"), "no site from nothing");
    assert!(staging_folders(p.path()).is_empty());

    p.file("proposals/refunds.md", refunds);
    let run = p.wb(&["build"]).code(2);
    for (this, other) in [
        ("proposals/bread.md", "proposals/old/bread.md"),
        ("proposals/old/bread.md", "proposals/bread.md"),
    ] {
        assert!(
            run.stderr.contains(&format!(
                "error: {this}: slug `bread` is also used by {other}; the site leaves both out"
            )),
            "{}",
            run.stderr
        );
    }
    assert!(
        run.stdout
            .contains("built _site: 1 proposal (2 files left out: could not be read)"),
        "{}",
        run.stdout
    );
    let site = p.path().join("_site");
    assert!(site.join("p/refunds/index.html").is_file());
    assert!(!site.join("p/bread").exists(), "neither bread is built");
    let index = read(&site, "index.html");
    let broken = broken_section(&index);
    assert!(
        broken.contains("<code>proposals/bread.md</code>"),
        "{broken}"
    );
    assert!(
        broken.contains("<code>proposals/old/bread.md</code>"),
        "{broken}"
    );
}

// ---- wb serve ----

#[test]
fn serve_keeps_the_last_good_pages_under_the_error() {
    let p = portfolio("");
    std::fs::remove_file(p.path().join("proposals/stub.md")).unwrap();
    let server = crate::site::serve(&p);
    let get = |path: &str| crate::site::get(&server.addr, path);
    let (status, page) = get("/p/bread/index.html");
    assert_eq!(status, 200);
    assert!(page.contains("Bakeries plan"), "{page}");
    assert!(
        !page.contains("wb-serve-problems"),
        "no banner when all is well"
    );
    let v1: u64 = get("/__wb/version").1.trim().parse().unwrap();

    // A save that breaks a proposal the site shows: its last good pages
    // stay, with the error on top of every page.
    p.file("proposals/bread.md", "---\ntitle: [bread\n---\n");
    let v2 = wait_for_version(&server.addr, v1);
    let (status, page) = get("/p/bread/index.html");
    assert_eq!(status, 200, "{page}");
    assert!(page.contains("Bakeries plan"), "the last good page: {page}");
    let banner = &page[page.find("id=\"wb-serve-problems\"").expect("a banner")..];
    assert!(banner.contains("proposals/bread.md:2:"), "{banner}");
    assert!(banner.contains("last good pages"), "{banner}");
    let (status, index) = get("/index.html");
    assert_eq!(status, 200);
    assert!(index.contains("wb-serve-problems"), "on every page");
    assert!(
        index.contains("p/bread/index.html"),
        "bread is still listed"
    );

    // Fixed: the new text, no banner.
    p.file(
        "proposals/bread.md",
        good_proposal("Bakers plan tomorrow's bread from today's sales", "draft"),
    );
    let v3 = wait_for_version(&server.addr, v2);
    let (_, page) = get("/p/bread/index.html");
    assert!(page.contains("Bakers plan"), "{page}");
    assert!(!page.contains("wb-serve-problems"), "{page}");

    // A new file that does not read takes nothing away: the site is
    // rebuilt without it, the banner and the index list it.
    p.file("proposals/stub.md", STUB);
    wait_for_version(&server.addr, v3);
    let (status, index) = get("/index.html");
    assert_eq!(status, 200);
    assert!(index.contains("wb-serve-problems"), "{index}");
    assert!(
        broken_section(&index).contains("<code>proposals/stub.md:1:1</code>"),
        "{index}"
    );
}

/// A save made right after "serving" is printed is seen: the watcher is
/// started before the first build.
#[test]
fn serve_sees_a_save_made_as_soon_as_it_is_up() {
    let p = portfolio("");
    std::fs::remove_file(p.path().join("proposals/stub.md")).unwrap();
    let server = crate::site::serve(&p);
    // Save at once, before anything else.
    p.file(
        "proposals/bread.md",
        good_proposal("Bakers bake what sold yesterday", "draft"),
    );
    let mut seen = false;
    for _ in 0..100 {
        let (_, page) = crate::site::get(&server.addr, "/p/bread/index.html");
        if page.contains("Bakers bake what sold yesterday") {
            seen = true;
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    drop(server);
    assert!(seen, "the save right after start-up was missed");
}
