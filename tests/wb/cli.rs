//! The command line as people meet it: completions and the man page, slugs
//! as they are typed, tables that fit the terminal, `wb show`, the notes
//! of `wb history`, the pre-commit and CI recipes, and the README's tour.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::support::{Project, Run, proposal};

/// `wb ARGS` in `dir` with extra environment (the support runner's isolation).
fn wb_env(p: &Project, dir: &Path, env: &[(&str, &str)], args: &[&str]) -> Run {
    let mut cmd = p.command(dir, args);
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().unwrap();
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

fn wb_bin() -> PathBuf {
    assert_cmd::cargo::cargo_bin("wb")
}

fn repo_file(rel: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)).unwrap()
}

/// A portfolio with three proposals, two sharing a start.
fn shops() -> Project {
    let p = Project::new();
    p.file("wb.yaml", "proposals: proposals\n");
    p.file(
        "proposals/small-shops-refund-in-two-minutes.md",
        proposal("Small shops refund in two minutes", "draft"),
    );
    p.file(
        "proposals/small-shops-file-taxes.md",
        proposal("Small shops file taxes", "draft"),
    );
    p.file(
        "proposals/nurse-handover.md",
        proposal("Nurses hand over in 15 minutes", "review"),
    );
    p
}

#[test]
fn a_unique_start_or_word_of_a_slug_names_a_proposal() {
    let p = shops();
    let run = p.wb(&["history", "small-shops-r"]).ok();
    assert!(
        run.stdout
            .starts_with("Small shops refund in two minutes\n"),
        "{}",
        run.stdout
    );
    let run = p.wb(&["show", "refund"]).ok();
    assert!(
        run.stdout
            .starts_with("Small shops refund in two minutes\n"),
        "{}",
        run.stdout
    );
    let run = p.wb(&["check", "nurse", "--format", "json"]).code(1);
    assert_eq!(run.json()["proposals"][0]["slug"], "nurse-handover");

    let run = p.wb(&["history", "small"]).code(2);
    assert!(
        run.stderr.contains(
            "`small` matches 2 proposals: small-shops-file-taxes, small-shops-refund-in-two-minutes"
        ),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("hint: type more of the slug"),
        "{}",
        run.stderr
    );

    let run = p.wb(&["history", "nurse-handof"]).code(2);
    assert!(
        run.stderr.contains("no proposal `nurse-handof`"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("did you mean `nurse-handover`?"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_broken_proposal_named_by_its_start_reports_its_error() {
    let p = shops();
    p.file(
        "proposals/broken-plan.md",
        "---\ntitle: [unclosed\n---\n# B\n",
    );
    let run = p.wb(&["show", "broken"]).code(2);
    assert!(run.stderr.contains("broken-plan.md:2"), "{}", run.stderr);
}

#[test]
fn tables_fit_the_terminal_and_never_cut_a_slug() {
    let p = shops();
    let long =
        "Owners of shops with fewer than 10 staff who refund by hand at the counter on weekends";
    p.file(
        "proposals/small-shops-refund-in-two-minutes.md",
        proposal("Small shops refund in two minutes", "draft").replace(
            "customer: Owners of shops with fewer than 10 staff who refund by hand",
            &format!("customer: {long}"),
        ),
    );
    // A pipe: today's caps, the slug whole.
    let piped = p.wb(&["list"]).ok();
    assert!(piped.stdout.contains("small-shops-refund-in-two-minutes  "));
    assert!(
        piped
            .stdout
            .contains("Owners of shops with fewer than 10 staf…"),
        "{}",
        piped.stdout
    );
    // A terminal of 100 columns: every line fits, the slugs stay whole, the
    // free text gives way.
    let narrow = wb_env(&p, p.path(), &[("COLUMNS", "100")], &["list"]).ok();
    for line in narrow.stdout.lines() {
        assert!(
            line.chars().count() <= 100,
            "{line:?} is {} wide",
            line.chars().count()
        );
    }
    for slug in [
        "small-shops-refund-in-two-minutes",
        "small-shops-file-taxes",
        "nurse-handover",
    ] {
        assert!(
            narrow.stdout.contains(&format!("{slug}  ")),
            "{}",
            narrow.stdout
        );
    }
    assert!(narrow.stdout.contains("2027-03-15"));
    // A wide terminal: nothing is cut.
    let wide = wb_env(&p, p.path(), &[("COLUMNS", "300")], &["list"]).ok();
    assert!(wide.stdout.contains(long), "{}", wide.stdout);

    let mut g = p.git();
    g.commit("A first draft whose subject is long enough to be cut on a narrow terminal, and is");
    let history = wb_env(
        &p,
        p.path(),
        &[("COLUMNS", "90")],
        &["history", "small-shops-refund-in-two-minutes"],
    )
    .ok();
    let table: Vec<&str> = history.stdout.lines().skip(3).collect();
    assert!(
        table.iter().all(|l| l.chars().count() <= 90),
        "{}",
        history.stdout
    );
    assert!(table[1].contains("A first"), "{}", history.stdout);
    assert!(table[1].ends_with('…'), "{}", history.stdout);
}

#[test]
fn plain_history_counts_findings_and_notes_unlisted_reviewers() {
    let p = Project::new();
    p.file(
        "wb.yaml",
        "proposals: proposals\ncircles:\n  team: [ana@example.com]\n  leadership: [vp@example.com]\n",
    );
    let mut g = p.git();
    let text = proposal("Refunds", "draft");
    g.write("proposals/refunds.md", &text);
    g.commit("First draft");
    g.write(
        "proposals/refunds.md",
        &format!("{text}\nA seamless, world-class refund.\n"),
    );
    g.commit(
        "Second draft\n\nReviewed-by: Ana Lima <ana@example.com>\nReviewed-by: Bo Stranger <bo@elsewhere.example>\n",
    );
    let run = p.wb(&["history", "refunds"]).ok();
    let rows: Vec<&str> = run
        .stdout
        .lines()
        .filter(|l| l.starts_with(['1', '2']))
        .collect();
    assert_eq!(rows.len(), 2, "{}", run.stdout);
    // Counts, not `-`: the second version added hyperbole.
    let counts = |row: &str| {
        row.split("  ")
            .map(str::trim)
            .find(|c| c.ends_with('I') && c.contains('W'))
            .unwrap_or_else(|| panic!("no findings cell in {row:?}"))
            .to_string()
    };
    let (first, second) = (counts(rows[0]), counts(rows[1]));
    assert_ne!(first, second, "{}", run.stdout);
    let warnings = |c: &str| {
        c.split(' ')
            .nth(1)
            .unwrap()
            .trim_end_matches('W')
            .parse::<usize>()
            .unwrap()
    };
    assert!(warnings(&second) > warnings(&first), "{}", run.stdout);
    assert!(
        run.stdout.contains(
            "note: reviewed by someone in no circle of wb.yaml: Bo Stranger <bo@elsewhere.example> (iteration 2); add them under `circles:` to place their review"
        ),
        "{}",
        run.stdout
    );
    let json = p.wb(&["list", "--format", "json"]).ok().json();
    assert_eq!(
        json[0]["unlisted_reviewers"],
        serde_json::json!(["Bo Stranger <bo@elsewhere.example>"])
    );
    let steps = p
        .wb(&["history", "refunds", "--format", "json"])
        .ok()
        .json();
    assert_eq!(
        steps["iterations"][1]["unlisted_reviewers"][0]["name"],
        "Bo Stranger"
    );
}

#[test]
fn a_wrong_iteration_names_what_is_missing_and_what_exists() {
    let p = shops();
    let run = p
        .wb(&[
            "history",
            "nurse-handover",
            "--from",
            "2",
            "--to",
            "working",
        ])
        .code(2);
    assert!(
        run.stderr.contains(
            "no iteration 2; this proposal has no iterations: it is not in a git repository"
        ),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("hint: not in a git repository"),
        "{}",
        run.stderr
    );

    let mut g = p.git();
    g.commit("First");
    let run = p
        .wb(&[
            "history",
            "nurse-handover",
            "--from",
            "1",
            "--to",
            "working",
        ])
        .code(2);
    assert!(
        run.stderr.contains(
            "no iteration `working`: there are no uncommitted changes; this proposal has iteration 1"
        ),
        "{}",
        run.stderr
    );
    p.file(
        "proposals/nurse-handover.md",
        proposal("Nurses hand over in 10 minutes", "review"),
    );
    let run = p.wb(&["show", "nurse", "--at", "3"]).code(2);
    assert!(
        run.stderr
            .contains("no iteration 3; this proposal has iteration 1 and `working`"),
        "{}",
        run.stderr
    );
    let run = p.wb(&["history", "nurse", "--from", "first"]).code(2);
    assert!(
        run.stderr.contains("iterations are numbers, or `working`"),
        "{}",
        run.stderr
    );
}

#[test]
fn show_renders_the_proposal_and_an_older_iteration() {
    let p = Project::new();
    p.file("wb.yaml", "proposals: proposals\n");
    let mut g = p.git();
    let first = proposal("Refunds in two minutes", "draft");
    g.write("proposals/refunds.md", &first);
    g.commit("First draft");
    let second = first.replace(
        "Refunds take two days of paperwork.\n",
        "Refunds take *two days* of **paperwork**, every week:\n\n- a form per refund\n- a call to the bank\n\n> \"I lose my Sunday to it,\" said one owner.\n\n<!-- Say who hurts. -->\n",
    );
    g.write("proposals/refunds.md", &second);
    g.commit("Say what hurts");
    let run = wb_env(&p, p.path(), &[("COLUMNS", "60")], &["show", "refunds"]).ok();
    let out = &run.stdout;
    assert!(
        out.starts_with("Refunds in two minutes\nproposals/refunds.md · draft · 2 iterations ·"),
        "{out}"
    );
    assert!(
        out.contains("   owner: Jane Doe <jane@example.com>\n"),
        "{out}"
    );
    assert!(out.contains("\n## Problem\n\nRefunds take two days of paperwork, every week:\n\n• a form per refund\n• a call to the bank\n\n│ \"I lose my Sunday to it,\" said one owner.\n"), "{out}");
    assert!(
        !out.contains("Say who hurts"),
        "guidance comments are left out: {out}"
    );
    assert!(out.lines().all(|l| l.chars().count() <= 60), "{out}");
    assert!(
        out.contains("findings (") || out.contains("no findings"),
        "{out}"
    );

    let run = p.wb(&["show", "refunds", "--at", "1"]).ok();
    assert!(run.stdout.contains("iteration 1 · "), "{}", run.stdout);
    assert!(run.stdout.contains("First draft"));
    assert!(
        run.stdout.contains("Refunds take two days of paperwork.\n"),
        "{}",
        run.stdout
    );
    assert!(!run.stdout.contains("a form per refund"));
}

#[test]
fn man_pages_are_printed_or_written_from_the_clap_definitions() {
    let p = Project::new();
    let run = p.wb(&["man"]).ok();
    assert!(
        run.stdout.contains(".TH wb 1"),
        "{}",
        &run.stdout[..200.min(run.stdout.len())]
    );
    assert!(run.stdout.contains("history"), "subcommands are listed");
    let run = p.wb(&["man", "--out", "man/man1"]).ok();
    assert!(run.stdout.contains("man/man1"));
    for page in ["wb.1", "wb-history.1", "wb-lsp.1", "wb-completions.1"] {
        assert!(p.exists(&format!("man/man1/{page}")), "{page}");
    }
    assert!(p.read("man/man1/wb-history.1").contains("\\-\\-diff"));
}

#[test]
fn completion_scripts_for_every_shell() {
    let p = Project::new();
    for (shell, marker) in [
        (
            "bash",
            "complete -o nospace -o bashdefault -o nosort -F _clap_complete_wb wb",
        ),
        ("zsh", "#compdef wb"),
        ("fish", "complete --keep-order --exclusive --command wb"),
        ("elvish", "set edit:completion:arg-completer[wb]"),
        ("powershell", "Register-ArgumentCompleter"),
    ] {
        let run = p.wb(&["completions", shell]).ok();
        assert!(run.stdout.contains(marker), "{shell}:\n{}", run.stdout);
        assert!(
            run.stdout.contains(&wb_bin().display().to_string()),
            "{shell} calls this wb"
        );
    }
    assert_eq!(p.wb(&["completions", "tcsh"]).code, 2);
}

/// Sources `wb completions bash` in a real bash and asks it to complete
/// `words` (the last one being typed), as pressing TAB does.
fn bash_complete(dir: &Path, words: &[&str]) -> Vec<String> {
    let script = format!(
        "source <('{wb}' completions bash)\nCOMP_WORDS=({words})\nCOMP_CWORD={cword}\nCOMP_TYPE=9\n_clap_complete_wb wb '{cur}' '{prev}'\nprintf '%s\\n' \"${{COMPREPLY[@]}}\"\n",
        wb = wb_bin().display(),
        words = words
            .iter()
            .map(|w| format!("'{w}'"))
            .collect::<Vec<_>>()
            .join(" "),
        cword = words.len() - 1,
        cur = words[words.len() - 1],
        prev = words[words.len() - 2],
    );
    let out = Command::new("bash")
        .arg("-c")
        .arg(script)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("bash runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

#[test]
fn bash_completes_commands_and_slugs() {
    let p = shops();
    assert_eq!(bash_complete(p.path(), &["wb", "hist"]), ["history"]);
    assert_eq!(
        bash_complete(p.path(), &["wb", "history", "small"]),
        [
            "small-shops-file-taxes",
            "small-shops-refund-in-two-minutes"
        ]
    );
    assert_eq!(
        bash_complete(p.path(), &["wb", "show", "nu"]),
        ["nurse-handover"]
    );
    // A word of the slug, when no slug starts with what was typed.
    assert_eq!(
        bash_complete(p.path(), &["wb", "show", "refund"]),
        ["small-shops-refund-in-two-minutes"]
    );
    // -C names the portfolio, from anywhere.
    let elsewhere = tempfile::tempdir().unwrap();
    let dir = p.path().display().to_string();
    assert_eq!(
        bash_complete(elsewhere.path(), &["wb", "-C", &dir, "history", "nu"]),
        ["nurse-handover"]
    );
    // wb check completes slugs and files.
    let check = bash_complete(p.path(), &["wb", "check", "pro"]);
    assert!(
        check.iter().any(|c| c.starts_with("proposals")),
        "{check:?}"
    );
}

#[test]
fn fish_and_zsh_get_slugs_with_their_titles() {
    let p = shops();
    let fish = wb_env(
        &p,
        p.path(),
        &[("COMPLETE", "fish")],
        &["--", "wb", "show", "small-shops-r"],
    )
    .ok();
    assert_eq!(
        fish.stdout,
        "small-shops-refund-in-two-minutes\tSmall shops refund in two minutes\n"
    );
    let zsh = wb_env(
        &p,
        p.path(),
        &[("COMPLETE", "zsh"), ("_CLAP_COMPLETE_INDEX", "2")],
        &["--", "wb", "history", "nu"],
    )
    .ok();
    assert_eq!(zsh.stdout, "nurse-handover:Nurses hand over in 15 minutes");
}

#[test]
fn the_pre_commit_hook_checks_only_proposals() {
    let hooks: serde_yaml::Value =
        serde_yaml::from_str(&repo_file(".pre-commit-hooks.yaml")).unwrap();
    let hook = &hooks[0];
    assert_eq!(hook["id"].as_str(), Some("wb-check"));
    assert_eq!(hook["language"].as_str(), Some("rust"));
    assert_eq!(hook["types"][0].as_str(), Some("markdown"));
    assert_eq!(hook["require_serial"].as_bool(), Some(true));
    let entry = hook["entry"].as_str().unwrap();
    let args: Vec<&str> = entry.split_whitespace().collect();
    assert_eq!(args[0], "wb");

    // What pre-commit runs: the entry and every changed Markdown file.
    let p = shops();
    p.file(
        "README.md",
        "# About these proposals\n\nA revolutionary readme.\n",
    );
    p.file("docs/empty.md", "");
    let mut run_args: Vec<&str> = args[1..].to_vec();
    run_args.extend(["README.md", "docs/empty.md", "proposals/nurse-handover.md"]);
    let run = p.wb(&run_args).code(1);
    assert!(run.stdout.contains("1 proposal checked"), "{}", run.stdout);
    assert!(!run.stdout.contains("README"), "{}", run.stdout);
    // A broken proposal still fails the commit.
    p.file("proposals/nurse-handover.md", "---\ntitle: [x\n---\n");
    let mut broken: Vec<&str> = args[1..].to_vec();
    broken.extend(["README.md", "proposals/nurse-handover.md"]);
    let run = p.wb(&broken).code(2);
    assert!(run.stderr.contains("nurse-handover.md:2"), "{}", run.stderr);
}

fn yaml(text: &str) -> serde_yaml::Value {
    serde_yaml::from_str(text).unwrap_or_else(|e| panic!("{e}\n{text}"))
}

#[test]
fn the_github_action_and_workflows_are_valid() {
    let action = yaml(&repo_file("action.yml"));
    assert_eq!(action["runs"]["using"].as_str(), Some("composite"));
    for input in ["portfolio", "check", "deny", "build", "site-dir"] {
        assert!(
            action["inputs"][input]["description"].is_string(),
            "{input}"
        );
    }
    let steps = action["runs"]["steps"].as_sequence().unwrap();
    for s in steps {
        if s.get("run").is_some() {
            assert_eq!(
                s["shell"].as_str(),
                Some("bash"),
                "composite run steps need a shell: {s:?}"
            );
        }
    }
    let runs: Vec<&str> = steps.iter().filter_map(|s| s["run"].as_str()).collect();
    assert!(
        runs.iter()
            .any(|r| r.contains("cargo install --locked --path"))
    );
    assert!(runs.iter().any(|r| r.contains("check --format github")));
    assert!(runs.iter().any(|r| r.contains("build --out")));
    assert!(
        steps
            .iter()
            .any(|s| s["uses"].as_str() == Some("actions/cache@v4"))
    );

    // The workflow of this repository, and the one docs/ci.md shows.
    let docs = repo_file("docs/ci.md");
    let blocks = fenced(&docs, "yaml");
    let shown = blocks
        .iter()
        .find(|b| b.contains("deploy-pages"))
        .expect("docs/ci.md shows a GitHub workflow");
    for workflow in [
        yaml(&repo_file(".github/workflows/examples.yml")),
        yaml(shown),
    ] {
        assert!(
            workflow["on"]["pull_request"].is_null() || workflow["on"]["pull_request"].is_mapping()
        );
        assert!(workflow["on"]["push"]["branches"].is_sequence());
        let check = &workflow["jobs"]["check"];
        assert_eq!(check["steps"][0]["with"]["fetch-depth"].as_u64(), Some(0));
        let pages = &workflow["jobs"]["pages"];
        assert_eq!(pages["permissions"]["pages"].as_str(), Some("write"));
        assert_eq!(pages["permissions"]["id-token"].as_str(), Some("write"));
        assert_eq!(pages["environment"]["name"].as_str(), Some("github-pages"));
        let uses: Vec<&str> = pages["steps"]
            .as_sequence()
            .unwrap()
            .iter()
            .filter_map(|s| s["uses"].as_str())
            .collect();
        assert!(
            uses.contains(&"actions/upload-pages-artifact@v3"),
            "{uses:?}"
        );
        assert!(uses.contains(&"actions/deploy-pages@v4"), "{uses:?}");
    }
    // The pre-commit config shown parses too.
    let hooks: Vec<&String> = blocks.iter().filter(|b| b.contains("hooks:")).collect();
    assert_eq!(hooks.len(), 2);
    for b in hooks {
        assert_eq!(
            yaml(b)["repos"][0]["hooks"][0]["id"].as_str(),
            Some("wb-check")
        );
    }
}

#[test]
fn the_gitlab_recipe_is_valid() {
    let docs = repo_file("docs/ci.md");
    let gitlab = fenced(&docs, "yaml")
        .into_iter()
        .find(|b| b.contains("stages:"))
        .expect("docs/ci.md shows a .gitlab-ci.yml");
    let ci = yaml(&gitlab);
    assert_eq!(ci["variables"]["GIT_DEPTH"].as_str(), Some("0"));
    assert!(
        ci[".wb"]["before_script"][0]
            .as_str()
            .unwrap()
            .contains("cargo install --locked --git")
    );
    let check = &ci["wb-check"];
    assert_eq!(check["extends"].as_str(), Some(".wb"));
    assert!(
        check["rules"][0]["if"]
            .as_str()
            .unwrap()
            .contains("merge_request_event")
    );
    assert!(check["script"][0].as_str().unwrap().starts_with("wb check"));
    let pages = &ci["pages"];
    assert_eq!(pages["script"][0].as_str(), Some("wb build --out public"));
    assert_eq!(pages["artifacts"]["paths"][0].as_str(), Some("public"));
}

/// The fenced code blocks of `markdown` in language `lang`.
fn fenced(markdown: &str, lang: &str) -> Vec<String> {
    let open = format!("```{lang}\n");
    let mut out = Vec::new();
    let mut rest = markdown;
    while let Some(i) = rest.find(&open) {
        let body = &rest[i + open.len()..];
        let end = body.find("\n```").expect("a closed block");
        out.push(body[..end + 1].to_string());
        rest = &body[end..];
    }
    out
}

#[test]
fn the_readme_tour_runs_as_written() {
    let readme = repo_file("README.md");
    let tour_at = readme.find("## A tour").expect("a tour");
    let tour = fenced(&readme[tour_at..], "sh").remove(0);
    // Commands, continuation lines joined (the shell reads them the same way).
    let mut commands: Vec<String> = Vec::new();
    let mut pending = String::new();
    for line in tour.lines() {
        if line.trim_start().starts_with('#') && pending.is_empty() {
            continue;
        }
        pending.push_str(line);
        pending.push('\n');
        if !line.trim_end().ends_with('\\') {
            commands.push(std::mem::take(&mut pending));
        }
    }
    let last = commands.pop().unwrap();
    assert!(
        last.starts_with("wb serve"),
        "the tour ends with wb serve, which the test leaves out"
    );
    assert!(commands.len() > 15, "{commands:#?}");

    let scratch = tempfile::tempdir().unwrap();
    let home = scratch.path().join("home");
    std::fs::create_dir_all(&home).unwrap();
    std::fs::write(
        home.join("gitconfig"),
        "[user]\n\tname = Jane Doe\n\temail = jane@example.com\n[init]\n\tdefaultBranch = main\n",
    )
    .unwrap();
    // $EDITOR: the writer's rewrite after a review.
    let editor = home.join("editor.sh");
    std::fs::write(
        &editor,
        "#!/bin/sh\nprintf '\\n## Customer quote\\n\\n\"I refund at the counter now,\" said a shop owner.\\n' >> \"$1\"\n",
    )
    .unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&editor, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    let mut script = String::new();
    for (i, c) in commands.iter().enumerate() {
        script.push_str(c);
        script.push_str(&format!("echo \"::rc {i} $?\"\n"));
    }
    let bin_dir = wb_bin().parent().unwrap().to_path_buf();
    let path = format!(
        "{}:{}",
        bin_dir.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let out = Command::new("sh")
        .arg("-c")
        .arg(&script)
        .current_dir(scratch.path())
        .env("PATH", path)
        .env("HOME", &home)
        .env("XDG_CONFIG_HOME", &home)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", home.join("gitconfig"))
        .env("GIT_AUTHOR_DATE", "2026-01-05T09:00:00Z")
        .env("GIT_COMMITTER_DATE", "2026-01-05T09:00:00Z")
        .env("EDITOR", &editor)
        .env("NO_COLOR", "1")
        .env_remove("COLUMNS")
        .env_remove("GIT_DIR")
        .env_remove("GIT_WORK_TREE")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    let codes: Vec<(usize, i32)> = stdout
        .lines()
        .filter_map(|l| l.strip_prefix("::rc "))
        .map(|l| {
            let (i, rc) = l.split_once(' ').unwrap();
            (i.parse().unwrap(), rc.parse().unwrap())
        })
        .collect();
    assert_eq!(codes.len(), commands.len(), "{stdout}\n{stderr}");
    for (i, rc) in codes {
        let c = commands[i].trim();
        // `wb check` exits 1 on findings, as designed; nothing else fails.
        let allowed: &[i32] = if c.starts_with("wb check") {
            &[0, 1]
        } else {
            &[0]
        };
        assert!(
            allowed.contains(&rc),
            "tour command {i} `{c}` exited {rc}\nstdout:\n{stdout}\nstderr:\n{stderr}"
        );
    }
    assert!(!stderr.contains("no proposal"), "{stderr}");
    assert!(
        stdout.contains("Reviewed-by") || stdout.contains("Ana Lima"),
        "{stdout}"
    );
    assert!(
        scratch.path().join("refunds/_site/index.html").exists(),
        "{stdout}"
    );
}
