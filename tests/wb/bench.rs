//! `bench/run` at its smoke size, so the benchmark cannot rot: it must
//! generate a repository, measure every row and print the table.

use std::path::Path;

#[test]
fn the_benchmark_runs_at_smoke_size() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let work = tempfile::tempdir().unwrap();
    let out = std::process::Command::new("python3")
        .arg(root.join("bench/run"))
        .args(["--smoke", "--wb", env!("CARGO_BIN_EXE_wb"), "--work"])
        .arg(work.path())
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .output()
        .expect("python3 runs bench/run");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for row in [
        "wb build, cold",
        "wb build, no change",
        "wb build, one new commit",
        "wb list --format json",
        "wb check",
        "wb history P --format json",
        "wb serve: edit to visible",
        "git: bare extraction of every version",
        "git log --follow -p -- P",
    ] {
        let line = stdout
            .lines()
            .find(|l| l.starts_with(&format!("| {row}")))
            .unwrap_or_else(|| panic!("no row `{row}`:\n{stdout}"));
        assert!(
            !line.contains("failed") && !line.contains("never showed"),
            "{line}"
        );
        let median = line.split('|').nth(2).unwrap().trim();
        assert!(median.ends_with('s'), "`{row}` has no time: {line}");
    }
}
