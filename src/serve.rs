//! `wb serve`: builds the site, serves it on 127.0.0.1, rebuilds when a
//! proposal, `wb.yaml`, a template or the git HEAD changes, and makes open
//! pages reload. A rebuild that fails, or would drop a proposal the site
//! shows because its file no longer reads, keeps the last good site up with
//! the error in a banner on top of every page (and in the terminal); only
//! when no build ever succeeded does an error page stand in for the site.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use notify::{RecursiveMode, Watcher};

use crate::error::{Error, Result};
use crate::portfolio::Portfolio;
use crate::site::{self, BuildOptions, BuildReport};

/// The script every served page loads (relative to the site root).
pub const RELOAD_SCRIPT: &str = "__wb/reload.js";
const VERSION_URL: &str = "/__wb/version";

#[derive(Debug, Clone)]
pub struct ServeOptions {
    pub start: PathBuf,
    pub port: u16,
    pub out: Option<PathBuf>,
}

/// What the server tells its caller (the command prints these).
pub enum Event<'a> {
    Listening(String),
    /// A site was built (its report lists files left out, if any).
    Built(&'a BuildReport),
    /// No site could be built yet: the error page shows this.
    Failed(&'a Error),
    /// A rebuild failed: the last good site stays up, with this on top.
    Kept(&'a Error),
    Changed(&'a Path),
}

struct State {
    /// Bumped after every build, good or bad: pages poll it to reload.
    version: u64,
    /// Why no site could be built yet, shown instead of pages until fixed.
    error: Option<String>,
    /// Shown on top of every page: the last build's problems (files left
    /// out), or why the last rebuild failed (the pages are the last good
    /// ones).
    banner: Option<Banner>,
    /// The proposal files the site being served was built from; `None`
    /// until a build succeeds.
    built: Option<BTreeSet<PathBuf>>,
    out: PathBuf,
}

struct Banner {
    title: &'static str,
    text: String,
}

/// Runs until the process is stopped.
pub fn serve(opts: &ServeOptions, mut on: impl FnMut(Event)) -> Result<()> {
    let portfolio = Portfolio::open(&opts.start)?;
    let root = portfolio.root.clone();
    let out = opts
        .out
        .clone()
        .map(|o| std::path::absolute(&o).unwrap_or(o))
        .unwrap_or_else(|| root.join(&portfolio.cfg().site.out));
    let out = crate::site::resolve(&out)?;
    // Refuse a dangerous output and a busy port before building anything:
    // a second `wb serve` must not touch the first one's site.
    crate::site::check_target(&crate::site::Guarded::of(&portfolio)?, &out)?;
    let server = tiny_http::Server::http(("127.0.0.1", opts.port)).map_err(|e| {
        Error::usage_hint(
            format!("cannot listen on 127.0.0.1:{}: {e}", opts.port),
            "another program uses the port (another `wb serve`?); pick one with --port",
        )
    })?;
    let (tx, rx) = mpsc::channel();
    let mut watcher = notify::recommended_watcher(move |res: notify::Result<notify::Event>| {
        // Reading a file (every build opens every proposal) is not a change.
        if let Some(event) = res
            .ok()
            .filter(|e| !matches!(e.kind, notify::EventKind::Access(_)))
        {
            for p in event.paths {
                let _ = tx.send(p);
            }
        }
    })
    .map_err(|e| {
        Error::io(
            &root,
            std::io::Error::other(format!("cannot watch files: {e}")),
        )
    })?;
    watcher
        .watch(&root, RecursiveMode::Recursive)
        .map_err(|e| Error::io(&root, std::io::Error::other(format!("cannot watch: {e}"))))?;
    let git_dir = crate::history::git_dir(&root);
    if let Some(g) = git_dir.as_ref().filter(|g| !g.starts_with(&root)) {
        let _ = watcher.watch(g, RecursiveMode::Recursive);
    }

    // Watch first, then build: a save made while the first build runs, or
    // right after "serving" is printed, is seen and rebuilds.
    let mut state = State {
        version: 0,
        error: None,
        banner: None,
        built: None,
        out: out.clone(),
    };
    rebuild(&opts.start, &out, &mut state, &mut on);

    let addr = server
        .server_addr()
        .to_ip()
        .map(|a| a.to_string())
        .unwrap_or_else(|| format!("127.0.0.1:{}", opts.port));
    on(Event::Listening(format!("http://{addr}/")));

    let mut pending: Option<(Instant, PathBuf)> = None;
    loop {
        while let Ok(path) = rx.try_recv() {
            if relevant(&path, &root, &out, git_dir.as_deref()) {
                pending = Some((Instant::now(), path));
            }
        }
        if let Some((when, path)) = &pending {
            // Let a burst of writes (an editor saving, a commit) settle.
            if when.elapsed() > Duration::from_millis(150) {
                on(Event::Changed(path));
                pending = None;
                rebuild(&opts.start, &out, &mut state, &mut on);
            }
        }
        match server.recv_timeout(Duration::from_millis(100)) {
            Ok(Some(request)) => respond(request, &state),
            Ok(None) => {}
            Err(e) => return Err(Error::io(Path::new(&addr), e)),
        }
    }
}

fn rebuild(start: &Path, out: &Path, state: &mut State, on: &mut impl FnMut(Event)) {
    build_once(start, out, state, on);
    // After the build, good or bad: a page that reloads sees its result.
    state.version += 1;
}

fn build_once(start: &Path, out: &Path, state: &mut State, on: &mut impl FnMut(Event)) {
    let portfolio = match Portfolio::open(start) {
        Ok(p) => p,
        Err(e) => return failed(state, e, on),
    };
    let left_out = site::left_out(&portfolio);
    if state
        .built
        .as_ref()
        .is_some_and(|built| left_out.iter().any(|p| built.contains(p)))
    {
        // A proposal the site shows no longer reads: rather than drop its
        // pages, keep the last good site and say why on top of it.
        let e = Error::from_vec(site::problems(&portfolio))
            .unwrap_or_else(|| Error::usage("a proposal the site shows no longer reads"));
        return failed(state, e, on);
    }
    let result = site::build(
        &portfolio,
        &BuildOptions {
            out: Some(out.to_path_buf()),
            live_reload: Some(RELOAD_SCRIPT.to_string()),
            progress: None,
            strict: false,
        },
    );
    match result {
        Ok(report) => {
            state.built = Some(
                portfolio
                    .proposals
                    .iter()
                    .map(|p| p.path.clone())
                    .filter(|p| !left_out.contains(p))
                    .collect(),
            );
            state.error = None;
            state.banner = (!report.problems.is_empty()).then(|| Banner {
                title: "Some files could not be read: the site is built without them (the index lists them).",
                text: describe(&report.problems),
            });
            on(Event::Built(&report));
        }
        Err(e) => failed(state, e, on),
    }
}

/// A build that did not happen: with a site up, it stays, under a banner;
/// before any site, the error page.
fn failed(state: &mut State, e: Error, on: &mut impl FnMut(Event)) {
    let errors = e.into_vec();
    let text = describe(&errors);
    let e = Error::from_vec(errors).unwrap_or_else(|| Error::usage("the build failed"));
    if state.built.is_some() {
        state.banner = Some(Banner {
            title: "The last change did not build: these are the last good pages.",
            text,
        });
        on(Event::Kept(&e));
    } else {
        state.error = Some(text);
        on(Event::Failed(&e));
    }
}

/// Errors as wb prints them: `path:line:col: message`, the hint below.
fn describe(errors: &[Error]) -> String {
    let mut out = String::new();
    for e in errors.iter().flat_map(|e| match e {
        Error::Many(v) => v.iter().collect::<Vec<_>>(),
        e => vec![e],
    }) {
        out.push_str(&e.to_string());
        out.push('\n');
        if let Some(hint) = e.hint() {
            out.push_str(&format!("  hint: {hint}\n"));
        }
    }
    out
}

/// Changes that matter: anything in the portfolio except the site output
/// and wb's own temporary folders; in `.git`, only HEAD and refs.
fn relevant(path: &Path, root: &Path, out: &Path, git_dir: Option<&Path>) -> bool {
    if let Some(rel) = git_dir.and_then(|g| path.strip_prefix(g).ok()) {
        let first = rel
            .components()
            .next()
            .map(|c| c.as_os_str().to_string_lossy().into_owned());
        return matches!(first.as_deref(), Some("HEAD" | "refs" | "packed-refs"));
    }
    if path.starts_with(out) {
        return false;
    }
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temp_prefix = format!(".{name}.wb-");
    if path
        .components()
        .any(|c| c.as_os_str().to_string_lossy().starts_with(&temp_prefix))
    {
        return false;
    }
    path.starts_with(root)
}

/// Only requests addressed to this machine are answered: a page elsewhere
/// that points a name at 127.0.0.1 (DNS rebinding) cannot read the site.
fn local_host(request: &tiny_http::Request) -> bool {
    let host = request
        .headers()
        .iter()
        .find(|h| h.field.equiv("Host"))
        .map(|h| h.value.as_str().to_ascii_lowercase());
    match host {
        None => true,
        Some(h) => {
            let name = h.rsplit_once(':').map_or(h.as_str(), |(n, _)| n);
            matches!(name, "127.0.0.1" | "localhost" | "[::1]")
        }
    }
}

fn respond(request: tiny_http::Request, state: &State) {
    let url = request
        .url()
        .split(['?', '#'])
        .next()
        .unwrap_or("/")
        .to_string();
    let response = if !local_host(&request) {
        text(
            "wb serve answers only requests for 127.0.0.1 or localhost".into(),
            "text/plain; charset=utf-8",
        )
        .with_status_code(403)
    } else if url == VERSION_URL {
        text(state.version.to_string(), "text/plain; charset=utf-8")
    } else if url == format!("/{RELOAD_SCRIPT}") {
        text(reload_js(state.version), "text/javascript; charset=utf-8")
    } else if let Some(error) = &state.error {
        text(error_page(error, state.version), "text/html; charset=utf-8").with_status_code(500)
    } else {
        match file_for(&state.out, &url) {
            Some(Found::File(path)) => match std::fs::read(&path) {
                Ok(bytes) => {
                    let bytes = match &state.banner {
                        Some(b) if is_html(&path) => with_banner(bytes, b),
                        _ => bytes,
                    };
                    tiny_http::Response::from_data(bytes).with_header(content_type(&path))
                }
                Err(_) => not_found(),
            },
            Some(Found::Folder) => {
                // `/p/slug` must become `/p/slug/`, or the page's relative
                // links resolve against `/p/`.
                // One leading slash: `//host/p` must not become a
                // redirect to another host.
                let query = request.url().find('?').map_or("", |i| &request.url()[i..]);
                let location = format!("/{}/{query}", url.trim_start_matches('/'));
                text("moved".into(), "text/plain; charset=utf-8")
                    .with_status_code(301)
                    .with_header(header("Location", &location))
            }
            None => not_found(),
        }
    };
    let _ = request.respond(response);
}

fn is_html(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == "html")
}

/// The page with the banner first in its body (escaped: error messages
/// quote the user's text).
fn with_banner(page: Vec<u8>, banner: &Banner) -> Vec<u8> {
    let html = format!(
        "<div id=\"wb-serve-problems\" class=\"notice notice-error\" role=\"alert\" \
         style=\"position:sticky;top:0;z-index:100;margin:0;border-radius:0\">\
         <h2>wb serve: {}</h2><pre style=\"white-space:pre-wrap;margin:.3rem 0 0\">{}</pre>\
         <p>Fix and save; this page reloads by itself.</p></div>",
        crate::site::render::escape(banner.title),
        crate::site::render::escape(&banner.text)
    );
    let at = find(&page, b"<body")
        .and_then(|start| find(&page[start..], b">").map(|end| start + end + 1))
        .unwrap_or(0);
    let mut out = Vec::with_capacity(page.len() + html.len());
    out.extend_from_slice(&page[..at]);
    out.extend_from_slice(html.as_bytes());
    out.extend_from_slice(&page[at..]);
    out
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn text(body: String, kind: &str) -> tiny_http::Response<std::io::Cursor<Vec<u8>>> {
    tiny_http::Response::from_string(body).with_header(header("Content-Type", kind))
}

fn not_found() -> tiny_http::Response<std::io::Cursor<Vec<u8>>> {
    text("not found".into(), "text/plain; charset=utf-8").with_status_code(404)
}

fn header(name: &str, value: &str) -> tiny_http::Header {
    tiny_http::Header::from_bytes(name.as_bytes(), value.as_bytes())
        .expect("static header is valid")
}

fn content_type(path: &Path) -> tiny_http::Header {
    let kind = match path.extension().and_then(|e| e.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("js") => "text/javascript; charset=utf-8",
        Some("json") => "application/json",
        Some("xml") => "application/atom+xml",
        Some("svg") => "image/svg+xml",
        _ => "application/octet-stream",
    };
    header("Content-Type", kind)
}

/// What a URL names in the site.
#[derive(Debug, PartialEq)]
enum Found {
    /// A file to send (a folder's `index.html` for a URL ending in `/`).
    File(PathBuf),
    /// A folder asked for without the trailing slash: redirect.
    Folder,
}

/// The file a URL names inside the site, never outside it: no `..`, and
/// nothing whose real path (symbolic links followed) leaves the output.
fn file_for(out: &Path, url: &str) -> Option<Found> {
    let decoded = percent_encoding::percent_decode_str(url.trim_start_matches('/'))
        .decode_utf8()
        .ok()?;
    let mut path = crate::fs::join_inside(out, &decoded)?;
    if path.is_dir() {
        if !url.ends_with('/') {
            return inside(out, &path).then_some(Found::Folder);
        }
        path.push("index.html");
    }
    (path.is_file() && inside(out, &path)).then_some(Found::File(path))
}

/// True when `path`'s real location is under the output's.
fn inside(out: &Path, path: &Path) -> bool {
    match (out.canonicalize(), path.canonicalize()) {
        (Ok(out), Ok(real)) => real.starts_with(out),
        _ => false,
    }
}

fn reload_js(version: u64) -> String {
    format!(
        "(function(){{var v={version};function poll(){{fetch('{VERSION_URL}',{{cache:'no-store'}})\
         .then(function(r){{return r.text()}}).then(function(t){{if(+t!==v){{location.reload()}}else{{setTimeout(poll,700)}}}})\
         .catch(function(){{setTimeout(poll,2000)}})}}setTimeout(poll,700)}})();\n"
    )
}

fn error_page(error: &str, version: u64) -> String {
    format!(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>wb: build failed</title>\
         <style>body{{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}}\
         pre{{white-space:pre-wrap;background:#fff3f3;border:1px solid #e0a0a0;padding:1rem;color:#600}}</style></head>\
         <body><h1>The site did not build</h1><p>Fix the problem below and save; this page reloads by itself.</p>\
         <pre>{}</pre><script>{}</script></body></html>",
        crate::site::render::escape(error),
        reload_js(version)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_stay_inside_the_site() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("index.html"), "x").unwrap();
        std::fs::create_dir_all(dir.path().join("p/a b")).unwrap();
        std::fs::write(dir.path().join("p/a b/index.html"), "y").unwrap();
        assert_eq!(
            file_for(dir.path(), "/"),
            Some(Found::File(dir.path().join("index.html")))
        );
        assert_eq!(
            file_for(dir.path(), "/p/a%20b/"),
            Some(Found::File(dir.path().join("p/a b/index.html")))
        );
        assert_eq!(file_for(dir.path(), "/p/a%20b"), Some(Found::Folder));
        assert_eq!(file_for(dir.path(), "/../etc/passwd"), None);
        assert_eq!(file_for(dir.path(), "/%2e%2e/x"), None);
    }

    #[cfg(unix)]
    #[test]
    fn links_inside_the_site_that_lead_out_are_not_followed() {
        let outside = tempfile::tempdir().unwrap();
        std::fs::write(outside.path().join("secret"), "TOKEN").unwrap();
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("index.html"), "x").unwrap();
        std::os::unix::fs::symlink(outside.path().join("secret"), dir.path().join("a.html"))
            .unwrap();
        std::os::unix::fs::symlink(outside.path(), dir.path().join("d")).unwrap();
        std::os::unix::fs::symlink(dir.path().join("index.html"), dir.path().join("in.html"))
            .unwrap();
        assert_eq!(file_for(dir.path(), "/a.html"), None);
        assert_eq!(file_for(dir.path(), "/d/secret"), None);
        assert_eq!(file_for(dir.path(), "/d"), None);
        assert_eq!(
            file_for(dir.path(), "/in.html"),
            Some(Found::File(dir.path().join("in.html")))
        );
    }

    #[test]
    fn the_banner_opens_the_body_and_is_escaped() {
        let banner = Banner {
            title: "broke",
            text: "p/x.md:2:1: unknown status `<img onerror=x>`\n".into(),
        };
        let page =
            b"<html><head></head><body data-root=\"\"><main>hi</main></body></html>".to_vec();
        let out = String::from_utf8(with_banner(page, &banner)).unwrap();
        let at = out.find("<div id=\"wb-serve-problems\"").unwrap();
        assert!(out[..at].ends_with("<body data-root=\"\">"), "{out}");
        assert!(out.contains("&lt;img onerror=x&gt;"), "{out}");
        assert!(!out.contains("<img"), "{out}");
        let bare = String::from_utf8(with_banner(b"<p>x</p>".to_vec(), &banner)).unwrap();
        assert!(bare.starts_with("<div id=\"wb-serve-problems\""), "{bare}");
    }

    #[test]
    fn output_and_temporary_folders_do_not_trigger_rebuilds() {
        let root = Path::new("/r");
        let out = Path::new("/r/_site");
        let git = Path::new("/r/.git");
        assert!(relevant(
            Path::new("/r/proposals/a.md"),
            root,
            out,
            Some(git)
        ));
        assert!(relevant(Path::new("/r/wb.yaml"), root, out, Some(git)));
        assert!(!relevant(
            Path::new("/r/_site/index.html"),
            root,
            out,
            Some(git)
        ));
        assert!(!relevant(
            Path::new("/r/._site.wb-new-x/a"),
            root,
            out,
            Some(git)
        ));
        assert!(relevant(Path::new("/r/.git/HEAD"), root, out, Some(git)));
        assert!(relevant(
            Path::new("/r/.git/refs/heads/main"),
            root,
            out,
            Some(git)
        ));
        assert!(!relevant(
            Path::new("/r/.git/objects/ab/cd"),
            root,
            out,
            Some(git)
        ));
    }
}
