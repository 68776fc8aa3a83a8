//! `wb build` and `wb serve`: the files a site holds, snapshots of its
//! pages, a link check, hostile input, the atomic swap, template overrides,
//! the live server, and the pages driven in a real headless Chromium.

use std::collections::{BTreeSet, HashMap};
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use regex::Regex;

use crate::support::{Git, Project};

/// A small portfolio with real history: two proposals, one renamed, with
/// reviewers from two circles, and a rule-breaking draft.
pub fn fixture() -> Project {
    let p = Project::new();
    p.file(
        "wb.yaml",
        "site:\n  title: Fixture plans\n  base_url: https://plans.example.com/\ncircles:\n  team: [priya@example.com]\n  leadership: [vp@example.com]\n",
    );
    let mut g = p.git();
    let refunds = good_proposal("Shop owners refund a customer in two minutes", "draft");
    g.write("proposals/refunds.md", &refunds);
    g.commit_as(("Jane Doe", "jane@example.com"), "Draft refunds");
    let second = refunds.replace("takes two days", "takes two full days");
    g.write("proposals/refunds.md", &second);
    g.commit_as(
        ("Jane Doe", "jane@example.com"),
        "Sharpen the problem\n\nReviewed-by: Priya Raman <priya@example.com>\n",
    );
    g.rename("proposals/refunds.md", "proposals/small-shop-refunds.md");
    let third = second.replace("status: draft", "status: review");
    g.write("proposals/small-shop-refunds.md", &third);
    g.commit_as(
        ("Jane Doe", "jane@example.com"),
        "Rename; ask leadership\n\nReviewed-by: VP <vp@example.com>\n",
    );
    let hype = good_proposal("Bakeries plan tomorrow's bread from today's sales", "draft")
        .replace("Shop owners", "Bakers")
        .replace(
            "## Problem\n",
            "## Problem\n\nOur seamless, revolutionary idea.\n\n",
        );
    g.write("proposals/bread.md", &hype);
    g.commit_as(("Sam Lee", "sam@example.com"), "Draft bread");
    p
}

/// A complete, clean proposal (its problem paragraph is long enough, both
/// FAQs have five questions with full answers).
pub fn good_proposal(title: &str, status: &str) -> String {
    let mut faq = String::new();
    for (part, topics) in [
        (
            "External FAQ",
            [
                "What does it cost?",
                "Who can use it?",
                "What do I need?",
                "Where does my data go?",
                "What if it fails?",
            ],
        ),
        (
            "Internal FAQ",
            [
                "What will it cost us to build and run?",
                "What could go wrong?",
                "What do we depend on?",
                "Why now, and why us?",
                "What will we not do?",
            ],
        ),
    ] {
        faq.push_str(&format!("## {part}\n\n"));
        for q in topics {
            faq.push_str(&format!(
                "### {q}\n\nA full answer of two sentences with a number, 12 shops in the trial. \
                 It says what happens and what it costs in dollars, about $40 a month.\n\n"
            ));
        }
    }
    format!(
        "---\ntitle: {title}\nstatus: {status}\nowner: Jane Doe <jane@example.com>\n\
         customer: Owners of shops with fewer than 10 staff who refund customers by hand every week\n\
         launch_date: 2027-03-15\ntags: [payments]\nmetrics:\n  - Median refund in under 2 minutes (today 2 days)\n---\n\
         # {title}\n## Shop owners get their evenings back\n\n\
         SEATTLE, March 15, 2027 -- Shop owners with fewer than 10 staff now refund a customer in two minutes instead of two days.\n\n\
         ## Problem\n\nToday a refund takes two days of paperwork. The owner fills in a form, posts it to the bank, \
         waits for a letter and calls the customer back, and 1 in 5 customers never shop again after waiting. \
         Owners tell us they spend 3 evenings a month on refunds.\n\n\
         ## Solution\n\nThe owner taps refund at the till and the money is back on the card within two minutes.\n\n\
         ## Customer quote\n\n\"I used to spend Sunday evenings on refund forms; last month I did 14 refunds at the till \
         and none took more than two minutes,\" said Ana Silva, owner of a two-person bakery in Porto.\n\n\
         # Frequently asked questions\n\n{faq}"
    )
}

pub fn build(p: &Project) -> PathBuf {
    p.wb(&["build"]).ok();
    p.path().join("_site")
}

pub fn read(site: &Path, rel: &str) -> String {
    std::fs::read_to_string(site.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

fn html_files(site: &Path) -> Vec<PathBuf> {
    walkdir::WalkDir::new(site)
        .into_iter()
        .filter_map(Result::ok)
        .map(|e| e.path().to_path_buf())
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .collect()
}

#[test]
fn the_site_holds_every_page() {
    let p = fixture();
    let run = p.wb(&["build"]).ok();
    assert!(
        run.stdout.contains("2 proposals, 4 iterations"),
        "{}",
        run.stdout
    );
    let site = p.path().join("_site");
    for rel in [
        "index.html",
        "p/small-shop-refunds/index.html",
        "p/small-shop-refunds/history.html",
        "p/small-shop-refunds/v/1.html",
        "p/small-shop-refunds/v/3.html",
        "p/bread/index.html",
        "rules/index.html",
        "rules/hyperbole-instead-of-specifics.html",
        "rules/front-matter.html",
        "feed.xml",
        "search.js",
        "p/small-shop-refunds/versions.js",
        "p/small-shop-refunds/feed.xml",
        "assets/wb.css",
        "assets/wb.js",
    ] {
        assert!(site.join(rel).is_file(), "missing {rel}");
    }
    assert!(!site.join("p/small-shop-refunds/v/4.html").exists());
    // One copy of the search index, loaded on demand, never by a page.
    assert!(!site.join("search.json").exists());
    assert!(!site.join("search-index.js").exists());
    for f in html_files(&site) {
        let html = std::fs::read_to_string(&f).unwrap();
        assert!(
            !html.contains("search.js\""),
            "{} loads the index",
            f.display()
        );
        assert!(html.contains("rel=\"alternate\" type=\"application/atom+xml\""));
    }
    let history = read(&site, "p/small-shop-refunds/history.html");
    assert!(
        history.contains("two <ins>full</ins> days"),
        "history shows the word added"
    );
    assert!(history.contains("Priya Raman"));
    assert!(history.contains("leadership"));
    let v1 = version_html(&site.join("p/small-shop-refunds/versions.js"), "1");
    assert!(
        v1.contains("takes two days") && !v1.contains("two full days"),
        "v/1 is the first version"
    );
    assert!(read(&site, "p/small-shop-refunds/v/1.html").contains("data-version=\"1\""));
    let bread = read(&site, "p/bread/index.html");
    assert!(
        bread.contains("hyperbole-instead-of-specifics"),
        "findings on the page"
    );
    assert!(bread.contains("../../rules/hyperbole-instead-of-specifics.html"));
    let feed = read(&site, "feed.xml");
    assert_eq!(feed.matches("<entry>").count(), 4);
    assert!(feed.contains("https://plans.example.com/p/small-shop-refunds/history.html#i-3"));
    let search = script_data(&read(&site, "search.js"), "window.WB_SEARCH = ");
    let kinds: Vec<&str> = search
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["k"].as_str().unwrap())
        .collect();
    assert_eq!(kinds.iter().filter(|k| **k == "p").count(), 2);
    assert!(kinds.contains(&"r"), "rules are searched too");
    // A proposal's own feed, linked from its pages.
    let own = read(&site, "p/small-shop-refunds/feed.xml");
    assert_eq!(own.matches("<entry>").count(), 3);
    assert!(own.contains("https://plans.example.com/p/small-shop-refunds/history.html#i-3"));
    assert!(read(&site, "p/small-shop-refunds/index.html").contains("href=\"feed.xml\""));
}

/// Every relative `href` and `src` in the site resolves to a file, and every
/// `#anchor` to an id on that page.
#[test]
fn every_link_and_anchor_resolves() {
    let p = fixture();
    let site = build(&p);
    static ATTR: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r#"(?:href|src)="([^"]*)""#).unwrap());
    static ID: LazyLock<Regex> = LazyLock::new(|| Regex::new(r#"\sid="([^"]+)""#).unwrap());
    let mut ids: HashMap<PathBuf, BTreeSet<String>> = HashMap::new();
    let files = html_files(&site);
    for f in &files {
        let mut html = std::fs::read_to_string(f).unwrap();
        // A version page's document is drawn from its proposal's versions.js.
        if f.parent().unwrap().ends_with("v") {
            let label = f.file_stem().unwrap().to_str().unwrap();
            html.push_str(&version_html(
                &f.parent().unwrap().join("../versions.js"),
                label,
            ));
        }
        ids.insert(
            f.clone(),
            ID.captures_iter(&html).map(|c| c[1].to_string()).collect(),
        );
    }
    let mut checked = 0;
    for f in &files {
        let html = std::fs::read_to_string(f).unwrap();
        for c in ATTR.captures_iter(&html) {
            let link = c[1].replace("&amp;", "&");
            if link.is_empty() || link.contains("://") || link.starts_with("mailto:") {
                continue;
            }
            let (path, anchor) = link
                .split_once('#')
                .map_or((link.as_str(), None), |(a, b)| (a, Some(b)));
            let target = if path.is_empty() {
                f.clone()
            } else {
                normalise(&f.parent().unwrap().join(path))
            };
            assert!(target.is_file(), "{}: broken link {link}", f.display());
            let is_html = target.extension().is_some_and(|e| e == "html");
            if let Some(a) = anchor.filter(|a| is_html && !a.is_empty() && !a.contains('=')) {
                assert!(
                    ids[&target].contains(a),
                    "{}: no #{a} in {}",
                    f.display(),
                    target.display()
                );
            }
            checked += 1;
        }
    }
    assert!(checked > 100, "only {checked} links checked");
}

/// The JSON a script file assigns: `window.X = {...};`.
fn script_data(js: &str, prefix: &str) -> serde_json::Value {
    let json = js
        .trim()
        .strip_prefix(prefix)
        .and_then(|j| j.strip_suffix(';'))
        .unwrap_or_else(|| panic!("not {prefix}…;"));
    serde_json::from_str(json).unwrap()
}

/// The document of version `label` as wb.js draws it from versions.js.
fn version_html(store: &Path, label: &str) -> String {
    let data = script_data(
        &std::fs::read_to_string(normalise(store)).unwrap(),
        "window.WB_VERSIONS = ",
    );
    let blocks = data["blocks"].as_array().unwrap();
    let version = data["versions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|v| v["n"] == label)
        .unwrap_or_else(|| panic!("no version {label} in {}", store.display()));
    let mut html = String::new();
    for part in version["b"].as_str().unwrap().split(',') {
        let (a, b) = part.split_once('-').unwrap_or((part, part));
        let (a, b) = (a.parse::<usize>().unwrap(), b.parse::<usize>().unwrap());
        for block in &blocks[a..=b] {
            html.push_str(block.as_str().unwrap());
        }
    }
    html
}

fn normalise(p: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            std::path::Component::ParentDir => {
                out.pop();
            }
            std::path::Component::CurDir => {}
            c => out.push(c),
        }
    }
    out
}

#[test]
fn snapshots_of_pages() {
    let p = fixture();
    let site = build(&p);
    static GENERATED: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC").unwrap());
    // The decision desk counts days from today.
    static DAYS: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(for|in) \d+ days?").unwrap());
    let redact = |s: String| {
        let s = GENERATED.replace_all(&s, "[generated]");
        DAYS.replace_all(&s, "$1 [n] days").into_owned()
    };
    insta::assert_snapshot!("index", redact(read(&site, "index.html")));
    insta::assert_snapshot!(
        "proposal",
        redact(read(&site, "p/small-shop-refunds/index.html"))
    );
    insta::assert_snapshot!(
        "history",
        redact(read(&site, "p/small-shop-refunds/history.html"))
    );
    insta::assert_snapshot!("feed", redact(read(&site, "feed.xml")));
}

#[test]
fn hostile_input_stays_inert() {
    let p = Project::new();
    let evil = "---\ntitle: \"</script><script>alert('t')</script>\"\nstatus: draft\nowner: \"<img src=x onerror=alert(1)>\"\n\
        customer: \"<b onmouseover=alert(2)>owners</b>\"\ntags: [\"<svg onload=alert(3)>\"]\nmetrics: [\"<script>alert(4)</script>\"]\n\
        evil_key: \"<iframe src=javascript:alert(5)>\"\n---\n\
        # Heading <script>alert(6)</script>\n\n<script>alert(7)</script>\n\n<img src=x onerror=alert(8)>\n\n\
        [click](javascript:alert(9)) [c2](JAVASCRIPT:alert(10)) [c3](vbscript:msgbox) [c4](data:text/html;base64,PHNjcmlwdD4=)\n\n\
        ![img](javascript:alert(11))\n\n<a href=\"javascript:alert(12)\">raw</a>\n";
    p.file("proposals/evil.md", evil);
    p.file("proposals/x<y>.md", "# Odd file name\n\nText.\n");
    let site = build(&p);
    let mut all = String::new();
    for f in walkdir::WalkDir::new(&site)
        .into_iter()
        .filter_map(Result::ok)
    {
        if f.file_type().is_file() && !f.path().starts_with(site.join("assets")) {
            all.push_str(&std::fs::read_to_string(f.path()).unwrap());
        }
    }
    let lower = all.to_lowercase();
    for bad in [
        "<script>alert",
        "<img src=x",
        "<svg onload",
        "<b onmouseover",
        "<iframe",
        "href=\"javascript:",
        "src=\"javascript:",
        "vbscript:",
        "data:text/html",
        "</script><script>",
    ] {
        assert!(!lower.contains(bad), "found {bad} in the site");
    }
    assert!(
        all.contains("&lt;script&gt;alert(7)&lt;/script&gt;"),
        "raw HTML is shown as text"
    );
    let js = read(&site, "search.js");
    assert!(
        !js.contains("</script"),
        "the search index cannot close a script tag"
    );
    // Files stay inside the site whatever the file name says.
    for f in walkdir::WalkDir::new(p.path())
        .into_iter()
        .filter_map(Result::ok)
    {
        let path = f.path();
        if path.extension().is_some_and(|e| e == "html") {
            assert!(
                path.starts_with(&site),
                "{} written outside the site",
                path.display()
            );
        }
    }
}

/// Allowlisted HTML renders (RFCs fold long parts in `<details>`); every
/// script-capable variant of it stays text, on the page, in the versions
/// store and in the rendered diff of the iteration that added it.
#[test]
fn allowlisted_html_renders_and_the_rest_stays_inert() {
    let p = Project::new();
    let mut g = p.git();
    let base = good_proposal("Folded details", "draft");
    g.write("proposals/d.md", &base);
    g.commit("Draft");
    let more = base.replace(
        "## Solution\n",
        "## Solution\n\n<details>\n<summary>The long story</summary>\n\nIt took *three* tries.\n\n</details>\n\n\
         <details open ontoggle=alert(1)><summary>x</summary></details>\n\n\
         <summary onclick=alert(2)>y</summary> <a href=\"javascript:alert(3)\">z</a> <img src=x onerror=alert(4)>\n\n",
    );
    g.write("proposals/d.md", &more);
    g.commit("Fold the long story");
    let site = build(&p);
    let page = read(&site, "p/d/index.html");
    assert!(page.contains("<details id="), "{page}");
    assert!(page.contains("<summary>The long story</summary>"), "{page}");
    assert!(page.contains("<em>three</em>"));
    let store = read(&site, "p/d/versions.js");
    assert!(store.contains("<summary>The long story</summary>"));
    let history = read(&site, "p/d/history.html");
    assert!(
        history.contains("The long story"),
        "the diff shows the addition"
    );
    let tag = Regex::new(r"<[a-zA-Z][^>]*>").unwrap();
    for text in [&page, &history, &store.replace("\\\"", "\"")] {
        for t in tag.find_iter(text) {
            let t = t.as_str().to_lowercase();
            for bad in ["ontoggle", "onclick", "onerror", "javascript:", "<img"] {
                assert!(!t.contains(bad), "{bad} in {t}");
            }
        }
    }
    assert!(page.contains("&lt;summary onclick=alert(2)&gt;"), "{page}");
}

/// The commit that moves a proposal to a deciding status is its decision:
/// its trailers say who, its body says why, and `wb list`, `wb history`
/// and the site all tell it.
#[test]
fn decisions_are_recorded_with_who_and_why() {
    let p = fixture();
    let mut g = Git::open(p.path());
    let text = p
        .read("proposals/small-shop-refunds.md")
        .replace("status: review", "status: approved");
    g.write("proposals/small-shop-refunds.md", &text);
    g.commit_as(
        ("Jane Doe", "jane@example.com"),
        "Approve refunds\n\nCheaper than the chargebacks it saves;\nstart with ten shops.\n\nReviewed-by: VP <vp@example.com>\nApproved-by: Dana Levi <vp@example.com>\n",
    );
    let list: serde_json::Value =
        serde_json::from_str(&p.wb(&["list", "--format", "json"]).ok().stdout).unwrap();
    let refunds = list
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["slug"] == "small-shop-refunds")
        .unwrap();
    let d = &refunds["decision"];
    assert_eq!(d["status"], "approved");
    assert_eq!(d["meaning"], "decided-for");
    assert_eq!(d["from"], "review");
    assert_eq!(d["by"][0]["name"], "Dana Levi");
    assert_eq!(d["iteration"], 4);
    assert!(d["why"].as_str().unwrap().contains("chargebacks"));
    let bread = list
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["slug"] == "bread")
        .unwrap();
    assert!(bread["decision"].is_null());

    let history = p.wb(&["history", "small-shop-refunds"]).ok().stdout;
    assert!(
        history.contains("decided: approved by Dana Levi on"),
        "{history}"
    );
    let json: serde_json::Value = serde_json::from_str(
        &p.wb(&["history", "small-shop-refunds", "--format", "json"])
            .ok()
            .stdout,
    )
    .unwrap();
    assert_eq!(
        json["iterations"][3]["decision"]["by"][0]["name"],
        "Dana Levi"
    );
    assert!(json["iterations"][2]["decision"].is_null());

    let site = build(&p);
    let page = read(&site, "p/small-shop-refunds/index.html");
    assert!(page.contains("by <strong>Dana Levi</strong>"), "{page}");
    assert!(page.contains("Cheaper than the chargebacks it saves;\nstart with ten shops."));
    let history = read(&site, "p/small-shop-refunds/history.html");
    assert!(
        history.contains("class=\"decision decision-decided-for\""),
        "{history}"
    );
}

#[test]
fn a_failed_strict_build_leaves_the_previous_site_intact() {
    let p = fixture();
    let site = build(&p);
    let before = read(&site, "index.html");
    p.file(
        "proposals/bread.md",
        "---\ntitle: Bread\nstatus: [nope\n---\n# Bread\n",
    );
    p.file("proposals/empty.md", "");
    let run = p.wb(&["build", "--strict"]).code(2);
    run.says("proposals/bread.md:3:14: ");
    run.says("proposals/empty.md:1:1: the file is empty");
    assert_eq!(
        read(&site, "index.html"),
        before,
        "the previous site is untouched"
    );
    let leftovers: Vec<String> = std::fs::read_dir(p.path())
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("wb-new") || n.contains("wb-old"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn a_template_error_names_the_file_and_line_and_writes_nothing() {
    let p = fixture();
    let site = build(&p);
    let before = read(&site, "index.html");
    p.file(
        ".wb/templates/site/index.html.hbs",
        "{{#> head}}x{{/head}}\n<p>ok</p>\n{{#each cards}}\n{{/if}}\n",
    );
    let run = p.wb(&["build"]).code(2);
    run.says(".wb/templates/site/index.html.hbs:4:");
    assert_eq!(read(&site, "index.html"), before);
    // An error met while rendering names the override too, not a
    // `templates/site/…` file that exists nowhere.
    p.file(
        ".wb/templates/site/index.html.hbs",
        "<p>{{> nosuchpartial}}</p>\n",
    );
    let run = p.wb(&["build"]).code(2);
    run.says(".wb/templates/site/index.html.hbs:1:");
    assert_eq!(read(&site, "index.html"), before);
}

#[test]
fn templates_and_assets_are_overridden_file_by_file() {
    let p = fixture();
    p.wb(&["init", "--templates"]).ok();
    assert!(p.exists(".wb/templates/site/index.html.hbs"));
    assert!(p.exists(".wb/site/wb.css"));
    p.file(".wb/site/wb.css", "/* our house colours */\n");
    let index = p
        .read(".wb/templates/site/index.html.hbs")
        .replace("<h1>{{site.title}}</h1>", "<h1>Our bets</h1>");
    p.file(".wb/templates/site/index.html.hbs", index);
    let site = build(&p);
    assert!(read(&site, "index.html").contains("<h1>Our bets</h1>"));
    assert_eq!(read(&site, "assets/wb.css"), "/* our house colours */\n");
}

#[test]
fn the_output_folder_must_be_the_sites_own() {
    let p = fixture();
    let run = p.wb(&["build", "--out", "proposals"]).code(2);
    run.says("is the proposals folder");
    let run = p.wb(&["build", "--out", "."]).code(2);
    run.says("holds the portfolio");
    for sneaky in [
        "nothere/../proposals",
        "nothere/../.",
        "a/b/../../proposals",
    ] {
        let run = p.wb(&["build", "--out", sneaky]).code(2);
        assert!(run.stderr.contains("refusing"), "{sneaky}: {}", run.stderr);
    }
    p.file("wb.yaml", "site:\n  out: nothere/../proposals\n");
    p.wb(&["build"]).code(2);
    assert!(p.exists("proposals/bread.md"));
    assert!(p.exists("proposals/small-shop-refunds.md"));
    p.wb(&["build", "--out", "public/site"]).ok();
    assert!(p.exists("public/site/index.html"));
    // A link to nowhere is named as one, and left as it was.
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(p.path().join("gone/site"), p.path().join("site-out")).unwrap();
        p.wb(&["build", "--out", "site-out"])
            .code(2)
            .says("is a symbolic link to")
            .says("hint: create the folder it points to");
        assert!(
            std::fs::symlink_metadata(p.path().join("site-out"))
                .unwrap()
                .is_symlink()
        );
    }
}

#[test]
fn the_examples_build() {
    let p = Project::examples();
    let run = p.wb(&["build"]).ok();
    assert!(run.stdout.contains("4 proposals"), "{}", run.stdout);
    assert!(
        run.stdout
            .contains("findings: 0 errors, 0 warnings, 0 info"),
        "{}",
        run.stdout
    );
}

/// The desk's groups follow the calendar and wb.yaml: launching within 90
/// days by `launch_date`, stale by `site.stale_days`.
#[test]
fn the_desk_groups_launches_and_stale_proposals() {
    let p = Project::new();
    let soon = (chrono::Utc::now().date_naive() + chrono::Days::new(30)).to_string();
    let later = (chrono::Utc::now().date_naive() + chrono::Days::new(200)).to_string();
    p.file("wb.yaml", "site:\n  stale_days: 100000\n");
    let mut g = p.git();
    g.write(
        "proposals/soon.md",
        &good_proposal("Launching soon", "review").replace("2027-03-15", &soon),
    );
    g.write(
        "proposals/later.md",
        &good_proposal("Launching later", "draft").replace("2027-03-15", &later),
    );
    g.commit("Two plans");
    let site = build(&p);
    let index = read(&site, "index.html");
    let desk = |key: &str| -> String {
        let start = index
            .find(&format!("desk-group desk-{key}"))
            .unwrap_or_else(|| panic!("no {key} group: {index}"));
        index[start..]
            .split("</section>")
            .next()
            .unwrap()
            .to_string()
    };
    let launching = desk("launching");
    assert!(launching.contains("Launching soon"), "{launching}");
    assert!(launching.contains("in 30 days"), "{launching}");
    assert!(!launching.contains("Launching later"), "{launching}");
    assert!(
        !index.contains("desk-stale"),
        "stale_days is read from wb.yaml"
    );
    // Rows name their groups for the table's filter.
    assert!(index.contains("<tr data-d=\"a l\">"), "{index}");
}

/// `wb -C sub build` says where to open the site from the folder the
/// command was typed in, and counts findings in words.
#[test]
fn build_says_where_to_open_the_site_from_where_you_are() {
    let p = Project::new();
    p.file("sub/wb.yaml", "site:\n  title: Sub\n");
    p.file("sub/proposals/a.md", good_proposal("A plan", "draft"));
    let home = p.path().join(".test-home");
    std::fs::create_dir_all(&home).unwrap();
    let here = p.path().canonicalize().unwrap();
    let out = std::process::Command::new(assert_cmd::cargo::cargo_bin("wb"))
        .args(["-C", "sub", "build"])
        .current_dir(&here)
        .env("PWD", &here)
        .env("HOME", &home)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", home.join("gitconfig"))
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}");
    assert!(stdout.contains("open sub/_site/index.html,"), "{stdout}");
    assert!(stdout.contains("1 proposal, 0 iterations"), "{stdout}");
    assert!(!stdout.contains("1 errors"), "{stdout}");
}

/// Every kind of page, built by the real `wb build` from real portfolios
/// (the examples with this repository's review history, and the fixture
/// with a rename, reviewers, a working copy and a version that no longer
/// parses), so the pages can be looked at:
///
/// ```text
/// WB_PREVIEW_DIR=/tmp/wb-preview cargo test --test wb preview
/// ```
///
/// writes them there (without the variable, into a temporary folder).
/// Templates render in strict mode: a misspelt field fails the build.
#[test]
fn preview_of_every_page_kind() {
    let keep = std::env::var_os("WB_PREVIEW_DIR").map(PathBuf::from);
    let scratch = tempfile::tempdir().unwrap();
    let out = keep.clone().unwrap_or_else(|| scratch.path().to_path_buf());
    let p = fixture();
    let mut g = Git::open(p.path());
    g.set_clock(crate::support::EPOCH + 40 * 86_400);
    g.write("proposals/broken.md", "# Broken later\n\nFine at first.\n");
    g.commit("A proposal that parses");
    g.write(
        "proposals/broken.md",
        "---\ntitle: [unclosed\n---\n# Broken\n",
    );
    g.commit("A version that does not parse");
    g.write("proposals/broken.md", "# Broken later\n\nFixed again.\n");
    g.write(
        "proposals/bread.md",
        &p.read("proposals/bread.md").replace("seamless", "quick"),
    );
    let fixture_out = out.join("fixture");
    let examples_out = out.join("examples");
    for dir in [&fixture_out, &examples_out] {
        if dir.join(".wb-site").exists() {
            std::fs::remove_dir_all(dir).unwrap();
        }
    }
    p.wb(&["build", "--out", fixture_out.to_str().unwrap()])
        .ok();
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    p.wb_in(
        &examples,
        &["build", "--out", examples_out.to_str().unwrap()],
    )
    .ok();
    for (site, slug) in [
        (&fixture_out, "small-shop-refunds"),
        (&examples_out, "nurse-handover"),
    ] {
        for page in [
            "index.html".to_string(),
            format!("p/{slug}/index.html"),
            format!("p/{slug}/history.html"),
            format!("p/{slug}/v/1.html"),
            "rules/index.html".into(),
            "rules/faq-too-short.html".into(),
            "feed.xml".into(),
        ] {
            assert!(
                !read(site, &page).trim().is_empty(),
                "{}: {page} is empty",
                site.display()
            );
        }
    }
    let broken = read(&fixture_out, "p/broken/history.html");
    assert!(broken.contains("unclosed"), "{broken}");
    if let Some(dir) = keep {
        eprintln!("preview written to {}", dir.display());
    }
}

// ---- wb serve ----

pub struct Server {
    child: std::process::Child,
    pub addr: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub fn serve(p: &Project) -> Server {
    let mut child = p
        .command(p.path(), &["serve", "--port", "0"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let addr = loop {
        let line = lines.next().expect("wb serve printed its address").unwrap();
        if let Some(rest) = line.strip_prefix("serving http://") {
            break rest.split('/').next().unwrap().to_string();
        }
    };
    std::thread::spawn(move || for _ in lines {});
    Server { child, addr }
}

pub fn get(addr: &str, path: &str) -> (u16, String) {
    let mut s = std::net::TcpStream::connect(addr).unwrap();
    write!(s, "GET {path} HTTP/1.0\r\nHost: {addr}\r\n\r\n").unwrap();
    let mut response = String::new();
    s.read_to_string(&mut response).unwrap();
    let status = response.split_whitespace().nth(1).unwrap().parse().unwrap();
    let body = response
        .split_once("\r\n\r\n")
        .map(|(_, b)| b.to_string())
        .unwrap_or_default();
    (status, body)
}

pub fn wait_for_version(addr: &str, after: u64) -> u64 {
    for _ in 0..200 {
        let v: u64 = get(addr, "/__wb/version").1.trim().parse().unwrap();
        if v > after {
            return v;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    panic!("the server did not rebuild");
}

#[test]
fn serve_rebuilds_and_survives_errors() {
    let p = fixture();
    let server = serve(&p);
    let (status, index) = get(&server.addr, "/");
    assert_eq!(status, 200);
    assert!(
        index.contains("__wb/reload.js"),
        "pages load the reload script"
    );
    let v1: u64 = get(&server.addr, "/__wb/version").1.trim().parse().unwrap();
    // Reading files (every build does) is not a change: no rebuild loop.
    std::thread::sleep(std::time::Duration::from_millis(1500));
    let still: u64 = get(&server.addr, "/__wb/version").1.trim().parse().unwrap();
    assert_eq!(still, v1, "the server rebuilt with nothing changed");
    // Requests for another host name (DNS rebinding) are refused.
    let mut s = std::net::TcpStream::connect(&server.addr).unwrap();
    write!(s, "GET / HTTP/1.0\r\nHost: evil.example.com\r\n\r\n").unwrap();
    let mut response = String::new();
    s.read_to_string(&mut response).unwrap();
    assert!(
        response.starts_with("HTTP/1.0 403") || response.starts_with("HTTP/1.1 403"),
        "{response}"
    );

    let text = p
        .read("proposals/bread.md")
        .replace("Bakeries plan", "Bakers plan");
    p.file("proposals/bread.md", text);
    let v2 = wait_for_version(&server.addr, v1);
    let (_, page) = get(&server.addr, "/p/bread/index.html");
    assert!(page.contains("Bakers plan"), "the page shows the new text");

    // A proposal that stops reading keeps its last good pages, under the
    // error (tests/wb/broken.rs has more).
    p.file("proposals/bread.md", "---\ntitle: [broken\n---\n");
    let v3 = wait_for_version(&server.addr, v2);
    let (status, page) = get(&server.addr, "/p/bread/index.html");
    assert_eq!(status, 200);
    assert!(page.contains("Bakers plan"), "the last good page stays");
    assert!(page.contains("proposals/bread.md:2:"), "{page}");

    // A commit (the git HEAD moving) rebuilds too.
    p.file(
        "proposals/bread.md",
        good_proposal("Bakers plan tomorrow", "draft"),
    );
    let v4 = wait_for_version(&server.addr, v3);
    let (status, index) = get(&server.addr, "/index.html");
    assert_eq!(status, 200);
    assert!(!index.contains("wb-serve-problems"), "fixed: no banner");
    let mut g = Git::open(p.path());
    g.commit("Fix bread");
    wait_for_version(&server.addr, v4);
    let (_, history) = get(&server.addr, "/p/bread/history.html");
    assert!(
        history.contains("Fix bread"),
        "the new commit is an iteration"
    );
    assert_eq!(get(&server.addr, "/../../etc/passwd").0, 404);
}

// ---- in a real browser ----

use crate::support::chromium;

/// Opens the built site from disk in headless Chromium: filters by status,
/// searches, and reads a history page's insertions and deletions. CI
/// installs Chromium and sets WB_REQUIRE_BROWSER=1, so there this cannot be
/// skipped; elsewhere it is skipped (with a note) when no Chromium is found.
#[test]
fn the_site_works_in_a_browser() {
    let Some(binary) = chromium() else {
        assert!(
            std::env::var_os("WB_REQUIRE_BROWSER").is_none(),
            "WB_REQUIRE_BROWSER is set but no Chromium was found"
        );
        eprintln!("no Chromium found: skipping the browser test");
        return;
    };
    let p = fixture();
    let site = build(&p);
    let (browser, _profile) = crate::support::headless_browser(binary);
    let tab = browser.new_tab().unwrap();
    let url = format!("file://{}", site.join("index.html").display());
    tab.navigate_to(&url)
        .unwrap()
        .wait_until_navigated()
        .unwrap();
    let visible = |tab: &headless_chrome::Tab| -> Vec<String> {
        let v = tab
            .evaluate(
                "JSON.stringify([...document.querySelectorAll('#portfolio tbody tr')].filter(r => !r.hidden).map(r => r.dataset.slug))",
                false,
            )
            .unwrap()
            .value
            .unwrap();
        serde_json::from_str(v.as_str().unwrap()).unwrap()
    };
    assert_eq!(visible(&tab), vec!["bread", "small-shop-refunds"]);

    // Filter by status, as a reader would: pick "review" in the select.
    tab.evaluate(
        "(() => { const s = document.querySelector('#filter-status'); s.value = 'review'; s.dispatchEvent(new Event('change', {bubbles: true})); })()",
        false,
    )
    .unwrap();
    assert_eq!(visible(&tab), vec!["small-shop-refunds"]);
    let count = tab
        .find_element("#count")
        .unwrap()
        .get_inner_text()
        .unwrap();
    assert!(count.contains("1 of 2"), "{count}");

    // Back to all, then search for a word only one proposal's text holds:
    // the index loads on demand and the row shows where it matched.
    tab.evaluate(
        "(() => { const s = document.querySelector('#filter-status'); s.value = ''; s.dispatchEvent(new Event('change', {bubbles: true})); })()",
        false,
    )
    .unwrap();
    let loaded = |tab: &headless_chrome::Tab| {
        tab.evaluate("Array.isArray(window.WB_SEARCH)", false)
            .unwrap()
            .value
            .unwrap()
    };
    assert_eq!(
        loaded(&tab),
        false,
        "the search index is not loaded up front"
    );
    set_value(&tab, "#search", "bakers");
    wait_for(
        &tab,
        "document.querySelector('#portfolio .snippet mark') !== null",
    );
    assert_eq!(visible(&tab), vec!["bread"]);
    let mark = eval_string(
        &tab,
        "document.querySelector('#portfolio .snippet mark').textContent",
    );
    assert_eq!(mark.to_lowercase(), "bakers");
    let hash = tab.evaluate("location.hash", false).unwrap().value.unwrap();
    assert_eq!(
        hash.as_str(),
        Some("#q=bakers"),
        "the filter state is kept in the URL"
    );
    // Words match by prefix, never inside a word.
    set_value(&tab, "#search", "revolution");
    wait_for(
        &tab,
        "document.querySelectorAll('#portfolio tbody tr:not([hidden])').length === 1",
    );
    set_value(&tab, "#search", "evolutionary");
    wait_for(
        &tab,
        "document.querySelectorAll('#portfolio tbody tr:not([hidden])').length === 0",
    );
    set_value(&tab, "#search", "");
    wait_for(
        &tab,
        "document.querySelectorAll('#portfolio tbody tr:not([hidden])').length === 2",
    );

    // The decision desk groups what waits for a leader, and filters the table.
    let groups = eval_string(
        &tab,
        "JSON.stringify([...document.querySelectorAll('.desk-group')].map(g => g.className.split(' ')[1]))",
    );
    assert!(groups.contains("desk-awaiting"), "{groups}");
    assert!(groups.contains("desk-stale"), "{groups}");
    let awaiting = eval_string(
        &tab,
        "document.querySelector('.desk-awaiting li a').textContent",
    );
    assert_eq!(awaiting, "Shop owners refund a customer in two minutes");
    tab.find_element(".desk-awaiting h3 a")
        .unwrap()
        .click()
        .unwrap();
    wait_for(&tab, "location.hash === '#desk=awaiting'");
    assert_eq!(visible(&tab), vec!["small-shop-refunds"]);
    // Each row has its review strip: one mark per iteration.
    let marks = eval_string(
        &tab,
        "String(document.querySelector('#portfolio tr:not([hidden]) svg.strip').querySelectorAll('rect').length)",
    );
    assert_eq!(marks, "3");

    // A history page shows what an iteration inserted and deleted, as the
    // rendered document, and the front-matter change in its table.
    let url = format!(
        "file://{}",
        site.join("p/small-shop-refunds/history.html").display()
    );
    tab.navigate_to(&url)
        .unwrap()
        .wait_until_navigated()
        .unwrap();
    let ins = tab.find_elements(".diff ins").unwrap();
    assert!(!ins.is_empty(), "no insertions shown");
    assert!(
        ins.iter()
            .any(|e| e.get_inner_text().unwrap().contains("full"))
    );
    let del = tab.find_elements(".front-table del").unwrap();
    assert!(
        del.iter()
            .any(|e| e.get_inner_text().unwrap().contains("draft")),
        "the status change shows as a deletion"
    );
    // Search from any page (here a history page): the top bar finds rules
    // too, with a snippet.
    wait_for(&tab, "document.querySelector('#site-search') !== null");
    set_value(&tab, "#site-search", "superlat");
    wait_for(
        &tab,
        "document.querySelector('#site-results .result') !== null",
    );
    let first = eval_string(
        &tab,
        "document.querySelector('#site-results .result').textContent",
    );
    assert!(first.contains("rule"), "{first}");
    let snippet = eval_string(
        &tab,
        "document.querySelector('#site-results .result-s mark').textContent",
    );
    assert!(snippet.to_lowercase().starts_with("superlat"), "{snippet}");

    // Compare any two versions, from disk: iteration 1 against 3.
    tab.evaluate(
        "(() => { document.querySelector('#compare-from').value = '1'; document.querySelector('#compare-to').value = '3'; document.querySelector('#compare button').click(); })()",
        false,
    )
    .unwrap();
    wait_for(
        &tab,
        "document.querySelector('#compare-out .diff') !== null",
    );
    let compared = eval_string(&tab, "document.querySelector('#compare-out').innerHTML");
    assert!(compared.contains("<ins>full</ins>"), "{compared}");
    assert!(compared.contains("sections unchanged"), "{compared}");
    let hash = tab.evaluate("location.hash", false).unwrap().value.unwrap();
    assert_eq!(hash.as_str(), Some("#compare=1..3"));

    // A version page draws its document, and marks its findings' paragraphs.
    let url = format!("file://{}", site.join("p/bread/v/1.html").display());
    tab.navigate_to(&url)
        .unwrap()
        .wait_until_navigated()
        .unwrap();
    wait_for(&tab, "document.querySelector('#document h1') !== null");
    let flagged = eval_string(
        &tab,
        "String(document.querySelectorAll('#document .flagged').length)",
    );
    assert_ne!(flagged, "0", "the findings' paragraphs are marked");
}

fn eval_string(tab: &headless_chrome::Tab, js: &str) -> String {
    match tab.evaluate(js, false).unwrap().value {
        Some(serde_json::Value::String(s)) => s,
        other => panic!("{js}: {other:?}"),
    }
}

/// Types into an input as a reader would (the value, then an input event).
fn set_value(tab: &headless_chrome::Tab, selector: &str, value: &str) {
    tab.evaluate(
        &format!(
            "(() => {{ const s = document.querySelector({selector:?}); s.value = {value:?}; s.dispatchEvent(new Event('input', {{bubbles: true}})); }})()"
        ),
        false,
    )
    .unwrap();
}

fn wait_for(tab: &headless_chrome::Tab, condition: &str) {
    for _ in 0..250 {
        let v = tab.evaluate(condition, false).unwrap().value;
        if v == Some(serde_json::Value::Bool(true)) {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    panic!("timed out waiting for {condition}");
}

#[test]
fn links_out_of_the_portfolio_are_not_published() {
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("secret.css"), "TOKEN=abc").unwrap();
    std::fs::create_dir_all(outside.path().join("elsewhere")).unwrap();
    std::fs::write(
        outside.path().join("elsewhere/x.md"),
        good_proposal("Not ours", "draft"),
    )
    .unwrap();
    let p = fixture();
    std::fs::create_dir_all(p.path().join(".wb/site")).unwrap();
    std::os::unix::fs::symlink(
        outside.path().join("secret.css"),
        p.path().join(".wb/site/wb.css"),
    )
    .unwrap();
    let run = p.wb(&["build"]).code(2);
    run.says(".wb/site/wb.css: is a symbolic link that leads outside the portfolio");
    assert!(!p.exists("_site"));
    std::fs::remove_file(p.path().join(".wb/site/wb.css")).unwrap();
    std::os::unix::fs::symlink(outside.path().join("elsewhere"), p.path().join("linked")).unwrap();
    p.file("wb.yaml", "proposals: [proposals, linked]\n");
    let run = p.wb(&["build"]).code(2);
    run.says("linked: is a symbolic link that leads outside the portfolio");
}

#[test]
fn control_characters_never_reach_the_feed() {
    let p = Project::new();
    let mut g = p.git();
    let text = good_proposal("Refunds now", "draft")
        .replace("# Refunds now", "# Refunds \u{1b}[31mred\u{1b}[0m \u{c}now");
    g.write("proposals/a.md", &text);
    g.commit("Subject with \u{1b}]0;title\u{7} an escape");
    let site = build(&p);
    let feed = read(&site, "feed.xml");
    assert!(
        !feed.chars().any(|c| c.is_control() && c != '\n'),
        "{feed:?}"
    );
    let out = p.wb(&["history", "a"]).ok().stdout;
    assert!(!out.contains('\u{1b}'), "{out:?}");
}
