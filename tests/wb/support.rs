//! Test helpers: a scratch portfolio folder, the `wb` binary run inside it
//! with the machine's git config and colours shut out, and a git repository
//! built commit by commit with git2 at fixed dates.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

use git2::{Oid, Repository, Signature, Time};

pub struct Project {
    dir: tempfile::TempDir,
}

/// The result of one `wb` run.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    pub fn ok(self) -> Self {
        assert_eq!(
            self.code, 0,
            "expected success\nstdout:\n{}\nstderr:\n{}",
            self.stdout, self.stderr
        );
        self
    }

    pub fn code(self, code: i32) -> Self {
        assert_eq!(
            self.code, code,
            "wrong exit code\nstdout:\n{}\nstderr:\n{}",
            self.stdout, self.stderr
        );
        self
    }

    /// Asserts that stderr holds `text`, and shows stderr when it does not.
    #[track_caller]
    pub fn says(&self, text: &str) -> &Self {
        assert!(
            self.stderr.contains(text),
            "stderr lacks {text:?}:\n{}",
            self.stderr
        );
        self
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("not JSON ({e}):\n{}", self.stdout))
    }
}

impl Project {
    pub fn new() -> Self {
        Project {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    /// A project holding a copy of this repository's `examples/` portfolio (files only).
    pub fn examples() -> Self {
        let p = Project::new();
        let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
        copy_dir(&src, p.path());
        p
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    pub fn file(&self, rel: &str, contents: impl AsRef<[u8]>) -> &Self {
        let path = self.path().join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, contents).unwrap();
        self
    }

    pub fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.path().join(rel)).unwrap()
    }

    pub fn read_bytes(&self, rel: &str) -> Vec<u8> {
        std::fs::read(self.path().join(rel)).unwrap()
    }

    pub fn exists(&self, rel: &str) -> bool {
        self.path().join(rel).exists()
    }

    /// Runs `wb ARGS` in the project folder.
    pub fn wb(&self, args: &[&str]) -> Run {
        self.wb_in(self.path(), args)
    }

    /// `wb ARGS` in `dir`, isolated from the machine: its own home, no
    /// system or global git config, no colour, no `COLUMNS`, no `GIT_DIR`.
    pub fn command(&self, dir: &Path, args: &[&str]) -> Command {
        let home = self.path().join(".test-home");
        std::fs::create_dir_all(&home).unwrap();
        let mut cmd = Command::new(assert_cmd::cargo::cargo_bin("wb"));
        cmd.current_dir(dir)
            .args(args)
            .env("HOME", &home)
            .env("XDG_CONFIG_HOME", &home)
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_CONFIG_GLOBAL", home.join("gitconfig"))
            .env("NO_COLOR", "1")
            .env_remove("COLUMNS")
            .env_remove("GIT_DIR")
            .env_remove("GIT_WORK_TREE");
        cmd
    }

    pub fn wb_in(&self, dir: &Path, args: &[&str]) -> Run {
        self.wb_env(dir, &[], args)
    }

    /// Runs `wb ARGS` in `dir` with `env` set too.
    pub fn wb_env(&self, dir: &Path, env: &[(&str, &str)], args: &[&str]) -> Run {
        let out = self
            .command(dir, args)
            .envs(env.iter().copied())
            .output()
            .unwrap();
        Run {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        }
    }

    /// Initialises a git repository here (see [`Git`]).
    pub fn git(&self) -> Git {
        Git::init(self.path())
    }
}

pub fn copy_dir(src: &Path, dst: &Path) {
    for entry in walkdir::WalkDir::new(src) {
        let entry = entry.unwrap();
        let rel = entry.path().strip_prefix(src).unwrap();
        let target = dst.join(rel);
        if rel.starts_with("_site") {
            continue;
        }
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// A git repository built with git2, isolated from the machine's config:
/// every commit has an explicit author and a fixed date.
pub struct Git {
    pub repo: Repository,
    /// Seconds since the epoch of the next commit; each commit adds a day.
    clock: i64,
}

/// 2026-01-05 09:00 UTC: tests start their history here.
pub const EPOCH: i64 = 1_767_603_600;

impl Git {
    pub fn init(dir: &Path) -> Git {
        let repo = Repository::init(dir).unwrap();
        {
            let mut cfg = repo.config().unwrap();
            cfg.set_str("user.name", "Test Author").unwrap();
            cfg.set_str("user.email", "author@example.com").unwrap();
        }
        Git { repo, clock: EPOCH }
    }

    pub fn open(dir: &Path) -> Git {
        Git {
            repo: Repository::open(dir).unwrap(),
            clock: EPOCH,
        }
    }

    pub fn workdir(&self) -> PathBuf {
        self.repo.workdir().unwrap().to_path_buf()
    }

    pub fn write(&self, rel: &str, contents: &str) -> &Self {
        let path = self.workdir().join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, contents).unwrap();
        self
    }

    pub fn remove(&self, rel: &str) -> &Self {
        std::fs::remove_file(self.workdir().join(rel)).unwrap();
        self
    }

    pub fn rename(&self, from: &str, to: &str) -> &Self {
        let wd = self.workdir();
        std::fs::create_dir_all(wd.join(to).parent().unwrap()).unwrap();
        std::fs::rename(wd.join(from), wd.join(to)).unwrap();
        self
    }

    /// Stages the whole working tree (adds and removals) and returns its tree id.
    fn stage_all(&self) -> Oid {
        let mut index = self.repo.index().unwrap();
        index
            .add_all(["*"].iter(), git2::IndexAddOption::DEFAULT, None)
            .unwrap();
        index.update_all(["*"].iter(), None).unwrap();
        index.write().unwrap();
        index.write_tree().unwrap()
    }

    /// Commits the whole working tree (adds and removals) as `author`.
    pub fn commit_as(&mut self, author: (&str, &str), message: &str) -> Oid {
        let tree = self.repo.find_tree(self.stage_all()).unwrap();
        let sig = Signature::new(author.0, author.1, &Time::new(self.clock, 0)).unwrap();
        self.clock += 86_400;
        let parents: Vec<git2::Commit> = match self.repo.head() {
            Ok(h) => vec![h.peel_to_commit().unwrap()],
            Err(_) => vec![],
        };
        let parent_refs: Vec<&git2::Commit> = parents.iter().collect();
        self.repo
            .commit(Some("HEAD"), &sig, &sig, message, &tree, &parent_refs)
            .unwrap()
    }

    /// Commits as `author` with an author date of its own (seconds since
    /// the epoch), as a rebase or an amended commit leaves it; the commit
    /// date follows the clock as usual.
    pub fn commit_authored_at(
        &mut self,
        author: (&str, &str),
        authored: i64,
        message: &str,
    ) -> Oid {
        let tree = self.repo.find_tree(self.stage_all()).unwrap();
        let who = Signature::new(author.0, author.1, &Time::new(authored, 0)).unwrap();
        let committer = Signature::new(author.0, author.1, &Time::new(self.clock, 0)).unwrap();
        self.clock += 86_400;
        let head = self.repo.head().unwrap().peel_to_commit().unwrap();
        self.repo
            .commit(Some("HEAD"), &who, &committer, message, &tree, &[&head])
            .unwrap()
    }

    /// The date the next commit gets (seconds since the epoch).
    pub fn clock(&self) -> i64 {
        self.clock
    }

    /// Sets the date of the next commit (seconds since the epoch).
    pub fn set_clock(&mut self, seconds: i64) {
        self.clock = seconds;
    }

    pub fn commit(&mut self, message: &str) -> Oid {
        self.commit_as(("Test Author", "author@example.com"), message)
    }

    pub fn branch(&self, name: &str) {
        let head = self.repo.head().unwrap().peel_to_commit().unwrap();
        self.repo.branch(name, &head, false).unwrap();
    }

    /// Points HEAD (and the working tree) at `branch`.
    pub fn checkout(&self, branch: &str) {
        let refname = format!("refs/heads/{branch}");
        let obj = self.repo.revparse_single(&refname).unwrap();
        self.repo
            .checkout_tree(&obj, Some(git2::build::CheckoutBuilder::new().force()))
            .unwrap();
        self.repo.set_head(&refname).unwrap();
    }

    /// Merges `branch` into HEAD with a merge commit whose tree is the
    /// current working tree (resolve conflicts by writing files first).
    pub fn merge(&mut self, branch: &str, message: &str) -> Oid {
        let other = self
            .repo
            .revparse_single(&format!("refs/heads/{branch}"))
            .unwrap()
            .peel_to_commit()
            .unwrap();
        let head = self.repo.head().unwrap().peel_to_commit().unwrap();
        let tree = self.repo.find_tree(self.stage_all()).unwrap();
        let sig = Signature::new(
            "Test Author",
            "author@example.com",
            &Time::new(self.clock, 0),
        )
        .unwrap();
        self.clock += 86_400;
        self.repo
            .commit(Some("HEAD"), &sig, &sig, message, &tree, &[&head, &other])
            .unwrap()
    }

    /// Merges `branch` into HEAD as `author`, with the current working tree
    /// (write the resolved or unresolved files first) and a message of its
    /// own (subject, body, trailers).
    pub fn merge_as(&mut self, author: (&str, &str), branch: &str, message: &str) -> Oid {
        let other = self
            .repo
            .revparse_single(&format!("refs/heads/{branch}"))
            .unwrap()
            .peel_to_commit()
            .unwrap();
        let head = self.repo.head().unwrap().peel_to_commit().unwrap();
        let tree = self.repo.find_tree(self.stage_all()).unwrap();
        let sig = Signature::new(author.0, author.1, &Time::new(self.clock, 0)).unwrap();
        self.clock += 86_400;
        self.repo
            .commit(Some("HEAD"), &sig, &sig, message, &tree, &[&head, &other])
            .unwrap()
    }

    /// `git log --follow --format=%H -- path`, oldest first, from the git CLI:
    /// the oracle wb's iteration lists are compared against.
    pub fn log_follow(&self, path: &str) -> Vec<String> {
        let out = std::process::Command::new("git")
            .current_dir(self.workdir())
            .args(["log", "--follow", "--format=%H", "--", path])
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let mut v: Vec<String> = String::from_utf8(out.stdout)
            .unwrap()
            .lines()
            .map(str::to_string)
            .collect();
        v.reverse();
        v
    }

    /// `git log --format=%H ARGS`, oldest first (`git log -- path` lists the
    /// merges that changed a file, which `--follow` never prints).
    pub fn log(&self, args: &[&str]) -> Vec<String> {
        let out = std::process::Command::new("git")
            .current_dir(self.workdir())
            .args(["log", "--format=%H"])
            .args(args)
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let mut v: Vec<String> = String::from_utf8(out.stdout)
            .unwrap()
            .lines()
            .map(str::to_string)
            .collect();
        v.reverse();
        v
    }
}

/// A small, complete proposal with the given title and status.
pub fn proposal(title: &str, status: &str) -> String {
    format!(
        "---\ntitle: {title}\nstatus: {status}\nowner: Jane Doe <jane@example.com>\n\
         customer: Owners of shops with fewer than 10 staff who refund by hand\n\
         launch_date: 2027-03-15\n---\n# {title}\n## Shop owners get their evenings back\n\n\
         SEATTLE, March 15, 2027 -- Shop owners refund a customer in two minutes.\n\n\
         ## Problem\n\nRefunds take two days of paperwork.\n"
    )
}

/// The Chromium the browser tests drive, where one is installed.
pub fn chromium() -> Option<PathBuf> {
    [
        "/usr/bin/chromium",
        "/usr/bin/chromium-browser",
        "/usr/bin/google-chrome",
    ]
    .iter()
    .map(PathBuf::from)
    .find(|p| p.exists())
}

/// Headless Chromium at `binary`, with a profile of its own (kept alive by
/// the returned folder) and nothing that reaches the network.
pub fn headless_browser(binary: PathBuf) -> (headless_chrome::Browser, tempfile::TempDir) {
    let profile = tempfile::tempdir().unwrap();
    let options = headless_chrome::LaunchOptions::default_builder()
        .path(Some(binary))
        .sandbox(false)
        .headless(true)
        .user_data_dir(Some(profile.path().to_path_buf()))
        .args(vec![
            std::ffi::OsStr::new("--disable-gpu"),
            std::ffi::OsStr::new("--disable-quic"),
            std::ffi::OsStr::new("--no-first-run"),
            std::ffi::OsStr::new("--disable-background-networking"),
            std::ffi::OsStr::new("--disable-component-update"),
            std::ffi::OsStr::new("--disable-sync"),
        ])
        .build()
        .unwrap();
    (headless_chrome::Browser::new(options).unwrap(), profile)
}

/// The staging folders a build leaves beside its output, if any
/// (`.<name>.wb-new-…`, `.<name>.wb-old-…`).
pub fn staging_folders(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".wb-new-") || n.contains(".wb-old-"))
        .collect()
}
