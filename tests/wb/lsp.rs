//! `wb lsp` driven as an editor drives it: JSON-RPC with Content-Length
//! framing over the server's stdin and stdout.

use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::Duration;

use serde_json::{Value, json};

use crate::support::Project;

/// A language client talking to a `wb lsp` process.
struct Client {
    child: Child,
    stdin: ChildStdin,
    incoming: Receiver<Value>,
    next_id: i64,
}

impl Client {
    fn start(p: &Project) -> Client {
        let home = p.path().join(".test-home");
        std::fs::create_dir_all(&home).unwrap();
        let mut child = Command::new(assert_cmd::cargo::cargo_bin("wb"))
            .arg("lsp")
            .current_dir(p.path())
            .env("HOME", &home)
            .env("XDG_CONFIG_HOME", &home)
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_CONFIG_GLOBAL", home.join("gitconfig"))
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .unwrap();
        let stdin = child.stdin.take().unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, incoming) = channel();
        std::thread::spawn(move || {
            let mut r = BufReader::new(stdout);
            loop {
                let mut length = None;
                loop {
                    let mut header = String::new();
                    if r.read_line(&mut header).unwrap_or(0) == 0 {
                        return;
                    }
                    let header = header.trim_end();
                    if header.is_empty() {
                        break;
                    }
                    if let Some(n) = header.strip_prefix("Content-Length: ") {
                        length = Some(n.parse::<usize>().unwrap());
                    }
                }
                let mut body = vec![0; length.expect("a Content-Length header")];
                r.read_exact(&mut body).unwrap();
                if tx.send(serde_json::from_slice(&body).unwrap()).is_err() {
                    return;
                }
            }
        });
        Client {
            child,
            stdin,
            incoming,
            next_id: 0,
        }
    }

    fn send(&mut self, message: Value) {
        let body = message.to_string();
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).unwrap();
        self.stdin.flush().unwrap();
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    /// Sends a request and waits for its response (notifications that
    /// arrive meanwhile are kept for `diagnostics`).
    fn request(&mut self, method: &str, params: Value, kept: &mut Vec<Value>) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        self.send(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        loop {
            let m = self.recv();
            if m["id"] == json!(id) {
                assert!(m.get("error").is_none(), "{m}");
                return m["result"].clone();
            }
            kept.push(m);
        }
    }

    fn recv(&self) -> Value {
        self.incoming
            .recv_timeout(Duration::from_secs(20))
            .expect("the server answers within 20 s")
    }

    /// The next diagnostics published for `uri`.
    fn diagnostics(&self, uri: &str, kept: &mut Vec<Value>) -> Vec<Value> {
        if let Some(i) = kept.iter().position(|m| is_diagnostics_for(m, uri)) {
            let m = kept.remove(i);
            return m["params"]["diagnostics"].as_array().unwrap().clone();
        }
        loop {
            let m = self.recv();
            if is_diagnostics_for(&m, uri) {
                return m["params"]["diagnostics"].as_array().unwrap().clone();
            }
            kept.push(m);
        }
    }
}

fn is_diagnostics_for(m: &Value, uri: &str) -> bool {
    m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri
}

fn codes(diagnostics: &[Value]) -> Vec<String> {
    diagnostics
        .iter()
        .map(|d| d["code"].as_str().unwrap_or("").to_string())
        .collect()
}

/// Applies a workspace edit's changes for `uri` to `text`, as an editor does.
fn apply(text: &str, edit: &Value, uri: &str) -> String {
    let mut edits = edit["changes"][uri].as_array().unwrap().clone();
    let offset = |pos: &Value| {
        let (line, ch) = (
            pos["line"].as_u64().unwrap() as usize,
            pos["character"].as_u64().unwrap() as usize,
        );
        let start: usize = text.split_inclusive('\n').take(line).map(str::len).sum();
        let line_text = text[start..].split('\n').next().unwrap_or("");
        // ASCII in this test: UTF-16 units are bytes.
        start + ch.min(line_text.len())
    };
    edits.sort_by_key(|e| std::cmp::Reverse(offset(&e["range"]["start"])));
    let mut out = text.to_string();
    for e in edits {
        let (from, to) = (offset(&e["range"]["start"]), offset(&e["range"]["end"]));
        out.replace_range(from..to, e["newText"].as_str().unwrap());
    }
    out
}

const PROPOSAL: &str = "---\ntitle: Small shops refund in two minutes\nstatus: approved\n\
owner: Jane Doe <jane@example.com>\n\
customer: Owners of shops with fewer than 10 staff who refund by hand\n\
launch_date: 2027-03-15\n---\n\
# Small shops refund in two minutes\n## Shop owners get their evenings back\n\n\
SEATTLE, March 15, 2027 -- Shop owners refund a customer in two minutes.\n\n\
## Problem\n\nRefunds take two days of paperwork.\n\n\
## Solution\n\nA revolutionary refund button.\n";

#[test]
fn an_editor_session_gets_diagnostics_hovers_and_fixes() {
    let p = Project::new();
    p.file("wb.yaml", "proposals: proposals\n");
    p.file("README.md", "# Not a proposal\n\nA revolutionary readme.\n");
    let mut g = p.git();
    g.write("proposals/refunds.md", PROPOSAL);
    g.commit("First draft");
    let uri = wb::lsp::text::uri_of(&p.path().join("proposals/refunds.md"))
        .unwrap()
        .as_str()
        .to_string();
    let readme = wb::lsp::text::uri_of(&p.path().join("README.md"))
        .unwrap()
        .as_str()
        .to_string();

    let mut c = Client::start(&p);
    let mut kept = Vec::new();
    let init = c.request(
        "initialize",
        json!({"processId": null, "rootUri": null, "capabilities": {}}),
        &mut kept,
    );
    assert_eq!(init["capabilities"]["hoverProvider"], true, "{init}");
    assert_eq!(init["serverInfo"]["name"], "wb");
    c.notify("initialized", json!({}));

    // Open: the findings of the text, the git rule included (one commit,
    // approved, no reviewer).
    c.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": PROPOSAL}}),
    );
    let d = c.diagnostics(&uri, &mut kept);
    let found = codes(&d);
    assert!(
        found.contains(&"hyperbole-instead-of-specifics".into()),
        "{d:#?}"
    );
    assert!(found.contains(&"skipping-the-iteration".into()), "{d:#?}");
    let hyper = d
        .iter()
        .find(|d| d["code"] == "hyperbole-instead-of-specifics")
        .unwrap();
    assert_eq!(hyper["range"]["start"]["line"], 18, "{hyper}");
    assert_eq!(hyper["range"]["start"]["character"], 2, "{hyper}");
    assert_eq!(hyper["severity"], 2);
    assert_eq!(hyper["source"], "wb");

    // A file the portfolio does not list gets nothing.
    c.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": readme, "languageId": "markdown", "version": 1, "text": "# Not a proposal\n\nA revolutionary readme.\n"}}),
    );
    assert!(c.diagnostics(&readme, &mut kept).is_empty());

    // Change, unsaved: the editor's text is checked, not the file.
    let edited = PROPOSAL.replace("status: approved\n", "").replace(
        "A revolutionary refund button.",
        "A refund button in the order page.",
    );
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": edited}]}),
    );
    let d = c.diagnostics(&uri, &mut kept);
    let found = codes(&d);
    assert!(
        !found.contains(&"hyperbole-instead-of-specifics".into()),
        "{d:#?}"
    );
    assert!(!found.contains(&"skipping-the-iteration".into()), "{d:#?}");
    let missing = d
        .iter()
        .find(|d| d["code"] == "front-matter")
        .expect("the missing status is reported");
    assert!(missing["message"].as_str().unwrap().contains("no `status`"));

    // Hover on the finding explains its rule.
    let hover = c.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": {"line": 0, "character": 1}}),
        &mut kept,
    );
    let text = hover["contents"]["value"].as_str().unwrap();
    assert!(text.contains("**wb: front-matter**"), "{text}");
    assert!(
        text.contains(&wb::check::rule("front-matter").unwrap().explain()[..40]),
        "{text}"
    );

    // Code actions on line 1: add the status (the fix), or silence the rule.
    let actions = c.request(
        "textDocument/codeAction",
        json!({
            "textDocument": {"uri": uri},
            "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}},
            "context": {"diagnostics": [missing]}
        }),
        &mut kept,
    );
    let titles: Vec<&str> = actions
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["title"].as_str().unwrap())
        .collect();
    assert_eq!(
        titles,
        [
            "Add `status: draft` to the front-matter",
            "Disable `front-matter` in this file"
        ]
    );
    let fix = &actions[0];
    assert_eq!(fix["kind"], "quickfix");
    assert_eq!(fix["isPreferred"], true);
    let fixed = apply(&edited, &fix["edit"], &uri);
    assert!(
        fixed.contains("launch_date: 2027-03-15\nstatus: draft\n---\n"),
        "{fixed}"
    );
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 3}, "contentChanges": [{"text": fixed}]}),
    );
    let d = c.diagnostics(&uri, &mut kept);
    assert!(!codes(&d).contains(&"front-matter".into()), "{d:#?}");

    // Silence a finding in the body with a comment above its line.
    let with_hype = fixed.replace("A refund button in", "A world-class refund button in");
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 4}, "contentChanges": [{"text": with_hype}]}),
    );
    let d = c.diagnostics(&uri, &mut kept);
    let hyper = d
        .iter()
        .find(|d| d["code"] == "hyperbole-instead-of-specifics")
        .expect("world-class is hyperbole")
        .clone();
    let line = hyper["range"]["start"]["line"].clone();
    let actions = c.request(
        "textDocument/codeAction",
        json!({
            "textDocument": {"uri": uri},
            "range": {"start": {"line": line, "character": 0}, "end": {"line": line, "character": 0}},
            "context": {"diagnostics": [hyper]}
        }),
        &mut kept,
    );
    let disable = actions
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["title"] == "Disable `hyperbole-instead-of-specifics` on this line")
        .expect("a disable action");
    let silenced = apply(&with_hype, &disable["edit"], &uri);
    assert!(silenced.contains(
        "<!-- wb-disable-next-line hyperbole-instead-of-specifics -->\nA world-class refund"
    ));
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 5}, "contentChanges": [{"text": silenced}]}),
    );
    let d = c.diagnostics(&uri, &mut kept);
    assert!(
        !codes(&d).contains(&"hyperbole-instead-of-specifics".into()),
        "{d:#?}"
    );
    assert!(!codes(&d).contains(&"unused-suppression".into()), "{d:#?}");
    // Nothing was written to disk.
    assert_eq!(p.read("proposals/refunds.md"), PROPOSAL);

    let shutdown = c.request("shutdown", Value::Null, &mut kept);
    assert_eq!(shutdown, Value::Null);
    c.notify("exit", Value::Null);
    let status = c.child.wait().unwrap();
    assert!(status.success(), "{status:?}");
}

#[test]
fn an_unknown_status_is_a_located_error_and_the_document_still_checked() {
    let p = Project::new();
    p.file("wb.yaml", "proposals: proposals\n");
    let broken = "---\ntitle: Refunds\nstatus: shipped\n---\n# Refunds\n";
    p.file("proposals/refunds.md", broken);
    let uri = wb::lsp::text::uri_of(&p.path().join("proposals/refunds.md"))
        .unwrap()
        .as_str()
        .to_string();
    let mut c = Client::start(&p);
    let mut kept = Vec::new();
    c.request("initialize", json!({"capabilities": {}}), &mut kept);
    c.notify("initialized", json!({}));
    c.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": broken}}),
    );
    let d = c.diagnostics(&uri, &mut kept);
    // The status is an error on its line; the document is still checked.
    let status: Vec<&Value> = d
        .iter()
        .filter(|d| {
            d["message"]
                .as_str()
                .unwrap()
                .contains("unknown status `shipped`")
        })
        .collect();
    assert_eq!(status.len(), 1, "{d:#?}");
    assert_eq!(status[0]["range"]["start"]["line"], 2);
    assert_eq!(status[0]["severity"], 1);
    assert!(
        d.iter().any(|d| d["code"] == "front-matter"),
        "the rules ran: {d:#?}"
    );
    c.request("shutdown", Value::Null, &mut kept);
    c.notify("exit", Value::Null);
    assert!(c.child.wait().unwrap().success());
}
