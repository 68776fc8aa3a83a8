//! `wb lsp`: a language server over stdio (lsp-server and lsp-types).
//!
//! Editors get `wb check`'s findings as diagnostics while they type, a
//! hover that explains the rule behind a finding, and code actions: a
//! comment that silences a finding, and the fixes that are mechanical
//! (see [`fixes`]). A document is checked as it is in the editor, not as
//! it is on disk, with the configuration of the portfolio its file
//! belongs to and, where the portfolio is in git, its history (the git
//! rules). Only the files the portfolio lists as proposals are checked
//! (what `wb list` shows): a README or a changelog gets no diagnostics.

pub mod fixes;
pub mod text;

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use lsp_server::{Connection, Message, Notification, Request, RequestId, Response};
use lsp_types::notification::{self as note, Notification as _};
use lsp_types::request::{self as req, Request as _};
use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOptions, CodeActionOrCommand, CodeActionParams,
    CodeActionProviderCapability, Diagnostic, DiagnosticSeverity, Hover, HoverContents,
    HoverParams, HoverProviderCapability, MarkupContent, MarkupKind, NumberOrString,
    PublishDiagnosticsParams, ServerCapabilities, ServerInfo, TextDocumentSyncCapability,
    TextDocumentSyncKind, TextEdit, Uri, WorkspaceEdit,
};

use crate::check::{self, Finding};
use crate::config::{self, Severity};
use crate::error::{Error, Result};
use crate::proposal::{self, ParseOptions, Proposal};
use crate::review::{Depth, Review};

/// Serves one editor on stdin/stdout until it says `exit`.
pub fn serve_stdio() -> Result<()> {
    let (connection, io) = Connection::stdio();
    serve(&connection)?;
    drop(connection);
    io.join().map_err(|e| Error::io(Path::new("<stdio>"), e))
}

fn protocol(e: impl std::fmt::Display) -> Error {
    Error::io(Path::new("<stdio>"), std::io::Error::other(e.to_string()))
}

/// Runs the protocol on `connection`: initialize, then messages until
/// shutdown and exit.
pub fn serve(connection: &Connection) -> Result<()> {
    let capabilities = ServerCapabilities {
        text_document_sync: Some(TextDocumentSyncCapability::Kind(TextDocumentSyncKind::FULL)),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
            code_action_kinds: Some(vec![CodeActionKind::QUICKFIX]),
            ..Default::default()
        })),
        ..Default::default()
    };
    let init = serde_json::json!({
        "capabilities": capabilities,
        "serverInfo": ServerInfo { name: "wb".into(), version: Some(env!("CARGO_PKG_VERSION").into()) },
    });
    let (id, _params) = connection.initialize_start().map_err(protocol)?;
    connection.initialize_finish(id, init).map_err(protocol)?;
    let mut server = Server {
        connection,
        docs: HashMap::new(),
        portfolios: HashMap::new(),
        configs: HashMap::new(),
    };
    let mut next = None;
    loop {
        let message = match next.take() {
            Some(m) => m,
            None => match connection.receiver.recv() {
                Ok(m) => m,
                Err(_) => return Ok(()),
            },
        };
        match message {
            Message::Request(r) => {
                if connection.handle_shutdown(&r).map_err(protocol)? {
                    return Ok(());
                }
                server.check_pending();
                server.request(r);
            }
            Message::Notification(n) if n.method == note::Exit::METHOD => return Ok(()),
            Message::Notification(n) => server.notification(n),
            Message::Response(_) => {}
        }
        // Check once typing pauses: a burst of changes is checked once.
        match connection.receiver.recv_timeout(PAUSE) {
            Ok(m) => next = Some(m),
            Err(_) => server.check_pending(),
        }
    }
}

/// How long the editor must be quiet before a changed document is checked.
const PAUSE: std::time::Duration = std::time::Duration::from_millis(50);

/// What a document is checked with: its portfolio's configuration and
/// whether the portfolio lists it as a proposal.
struct Portfolio {
    /// Kept for the whole session (a [`Review`] borrows them): one per
    /// text of wb.yaml, so only an edit of wb.yaml adds one.
    loaded: &'static config::Loaded,
    options: &'static ParseOptions,
    /// The proposals' files, canonical.
    listed: HashSet<PathBuf>,
}

struct Doc {
    path: PathBuf,
    text: String,
    version: i32,
    /// Changed since it was last checked.
    pending: bool,
    /// `Err`: wb.yaml could not be read (shown on the document).
    portfolio: std::result::Result<Option<Arc<Portfolio>>, String>,
    /// The review stage for this file: its history, walked once when the
    /// document is opened or saved, not at every change.
    review: Option<Review<'static>>,
    /// The last check: the text parsed and its findings.
    checked: Option<(Proposal, Vec<Finding>)>,
}

struct Server<'c> {
    connection: &'c Connection,
    docs: HashMap<Uri, Doc>,
    /// By portfolio root.
    portfolios: HashMap<PathBuf, Arc<Portfolio>>,
    /// Configurations by root and wb.yaml's text.
    configs: HashMap<(PathBuf, Option<String>), Config>,
}

type Config = (&'static config::Loaded, &'static ParseOptions);

impl Server<'_> {
    fn notification(&mut self, n: Notification) {
        match n.method.as_str() {
            note::DidOpenTextDocument::METHOD => {
                let Ok(p) =
                    serde_json::from_value::<lsp_types::DidOpenTextDocumentParams>(n.params)
                else {
                    return;
                };
                let doc = p.text_document;
                let Some(path) = text::path_of(&doc.uri) else {
                    return;
                };
                let portfolio = self.portfolio_of(&path, false).map_err(|e| located(&e));
                self.docs.insert(
                    doc.uri,
                    Doc {
                        path,
                        text: doc.text,
                        version: doc.version,
                        pending: true,
                        portfolio,
                        review: None,
                        checked: None,
                    },
                );
            }
            note::DidChangeTextDocument::METHOD => {
                let Ok(p) =
                    serde_json::from_value::<lsp_types::DidChangeTextDocumentParams>(n.params)
                else {
                    return;
                };
                if let (Some(doc), Some(change)) = (
                    self.docs.get_mut(&p.text_document.uri),
                    p.content_changes.into_iter().last(),
                ) {
                    // Full sync: each change carries the whole text.
                    doc.text = change.text;
                    doc.version = p.text_document.version;
                    doc.pending = true;
                }
            }
            note::DidSaveTextDocument::METHOD => {
                // A new file may have joined the portfolio, wb.yaml may
                // have changed: look again.
                let Ok(p) =
                    serde_json::from_value::<lsp_types::DidSaveTextDocumentParams>(n.params)
                else {
                    return;
                };
                let Some(path) = self.docs.get(&p.text_document.uri).map(|d| d.path.clone()) else {
                    return;
                };
                let portfolio = self.portfolio_of(&path, true).map_err(|e| located(&e));
                if let Some(doc) = self.docs.get_mut(&p.text_document.uri) {
                    doc.portfolio = portfolio;
                    doc.review = None;
                    doc.pending = true;
                }
            }
            note::DidCloseTextDocument::METHOD => {
                let Ok(p) =
                    serde_json::from_value::<lsp_types::DidCloseTextDocumentParams>(n.params)
                else {
                    return;
                };
                if self.docs.remove(&p.text_document.uri).is_some() {
                    self.publish(p.text_document.uri, Vec::new(), None);
                }
            }
            _ => {}
        }
    }

    fn request(&mut self, r: Request) {
        let result = match r.method.as_str() {
            req::HoverRequest::METHOD => serde_json::from_value::<HoverParams>(r.params)
                .map(|p| serde_json::to_value(self.hover(&p)).unwrap_or_default()),
            req::CodeActionRequest::METHOD => serde_json::from_value::<CodeActionParams>(r.params)
                .map(|p| serde_json::to_value(self.code_actions(&p)).unwrap_or_default()),
            _ => {
                self.respond(Response::new_err(
                    r.id,
                    lsp_server::ErrorCode::MethodNotFound as i32,
                    format!("wb does not answer {}", r.method),
                ));
                return;
            }
        };
        let response = match result {
            Ok(v) => Response::new_ok(r.id, v),
            Err(e) => invalid(r.id, e),
        };
        self.respond(response);
    }

    fn respond(&self, r: Response) {
        let _ = self.connection.sender.send(Message::Response(r));
    }

    /// The portfolio `path` belongs to, loaded once per root (again when
    /// `reload`); `Ok(None)` when no wb.yaml or `proposals/` folder is
    /// found, an error when wb.yaml cannot be read.
    fn portfolio_of(&mut self, path: &Path, reload: bool) -> Result<Option<Arc<Portfolio>>> {
        let Some(dir) = path.parent() else {
            return Ok(None);
        };
        let loaded = config::discover(dir)?;
        if !reload && let Some(p) = self.portfolios.get(&loaded.root) {
            return Ok(Some(Arc::clone(p)));
        }
        let listed = check::inputs::listed_files(&loaded)
            .into_iter()
            .map(|p| p.canonicalize().unwrap_or(p))
            .collect();
        let key = (loaded.root.clone(), loaded.source.clone());
        let (loaded, options) = *self.configs.entry(key).or_insert_with(|| {
            let options: &'static ParseOptions = Box::leak(Box::new(loaded.config.parse_options()));
            (Box::leak(Box::new(loaded)), options)
        });
        let p = Arc::new(Portfolio {
            loaded,
            options,
            listed,
        });
        self.portfolios
            .insert(p.loaded.root.clone(), Arc::clone(&p));
        Ok(Some(p))
    }

    /// Checks every document changed since its last check and publishes
    /// its diagnostics.
    fn check_pending(&mut self) {
        let pending: Vec<Uri> = self
            .docs
            .iter()
            .filter(|(_, d)| d.pending)
            .map(|(u, _)| u.clone())
            .collect();
        for uri in pending {
            let Some(doc) = self.docs.get_mut(&uri) else {
                continue;
            };
            doc.pending = false;
            let diagnostics = check_doc(doc);
            let version = doc.version;
            self.publish(uri, diagnostics, Some(version));
        }
    }

    fn publish(&self, uri: Uri, diagnostics: Vec<Diagnostic>, version: Option<i32>) {
        let params = PublishDiagnosticsParams {
            uri,
            diagnostics,
            version,
        };
        let _ = self
            .connection
            .sender
            .send(Message::Notification(Notification::new(
                note::PublishDiagnostics::METHOD.into(),
                params,
            )));
    }

    fn hover(&self, p: &HoverParams) -> Option<Hover> {
        let pos = p.text_document_position_params.position;
        let doc = self
            .docs
            .get(&p.text_document_position_params.text_document.uri)?;
        let (_, findings) = doc.checked.as_ref()?;
        let here: Vec<&Finding> = findings
            .iter()
            .filter(|f| {
                let r = text::finding_range(&doc.text, f.line, f.col);
                r.start.line == pos.line
                    && r.start.character <= pos.character
                    && pos.character <= r.end.character
            })
            .collect();
        let first = here.first()?;
        let mut value = String::new();
        for f in &here {
            let summary = check::rule(&f.rule).map_or("", |r| r.summary);
            value.push_str(&format!(
                "**wb: {}** ({}): {}\n\n{}\n\n*hint:* {}\n\n",
                f.rule, f.severity, summary, f.message, f.hint
            ));
        }
        if let Some(rule) = check::rule(&first.rule) {
            value.push_str("---\n\n");
            value.push_str(&rule.explain());
        }
        Some(Hover {
            contents: HoverContents::Markup(MarkupContent {
                kind: MarkupKind::Markdown,
                value,
            }),
            range: Some(text::finding_range(&doc.text, first.line, first.col)),
        })
    }

    fn code_actions(&self, p: &CodeActionParams) -> Vec<CodeActionOrCommand> {
        let Some(doc) = self.docs.get(&p.text_document.uri) else {
            return Vec::new();
        };
        let (Some((proposal, findings)), Ok(Some(portfolio))) = (&doc.checked, &doc.portfolio)
        else {
            return Vec::new();
        };
        let config = &portfolio.loaded.config;
        let owner = crate::history::identity(doc.path.parent().unwrap_or(Path::new(".")));
        let known = fixes::Known {
            new_status: config.lifecycle.new_status(),
            owner: owner.as_deref(),
        };
        let (from, to) = (
            p.range.start.line as usize + 1,
            p.range.end.line as usize + 1,
        );
        let mut out: Vec<CodeActionOrCommand> = Vec::new();
        let mut titles = HashSet::new();
        for f in findings.iter().filter(|f| from <= f.line && f.line <= to) {
            let mut candidates = fixes::fixes(proposal, f, findings, &known);
            let preferred = candidates.len();
            candidates.extend(fixes::disable(proposal, f));
            for (i, fix) in candidates.into_iter().enumerate() {
                if !titles.contains(&fix.title)
                    && works(proposal, f, &fix, config, portfolio.options)
                {
                    titles.insert(fix.title.clone());
                    out.push(action(
                        &p.text_document.uri,
                        &doc.text,
                        f,
                        fix,
                        i < preferred,
                    ));
                }
            }
        }
        out
    }
}

/// A fix is offered only when it does what it says: applied to the text,
/// the finding is gone. The git rules cannot be re-run here (they need
/// history); their comments are trusted.
fn works(
    p: &Proposal,
    f: &Finding,
    fix: &fixes::Fix,
    config: &config::Config,
    options: &ParseOptions,
) -> bool {
    if check::rule(&f.rule).is_some_and(|r| r.git) {
        return true;
    }
    let edited = fixes::apply(&p.source, &fix.edits);
    let Ok(q) = proposal::parse(&p.path, edited, options) else {
        return false;
    };
    let ctx = check::Context {
        config,
        history: None,
        first_version: None,
    };
    let key = f.key();
    let after = check::check(&q, &ctx);
    !after.iter().any(|g| g.key() == key)
        && !after
            .iter()
            .any(|g| g.rule == check::UNUSED_SUPPRESSION && g.message.contains(&f.rule))
}

fn action(
    uri: &Uri,
    text: &str,
    f: &Finding,
    fix: fixes::Fix,
    preferred: bool,
) -> CodeActionOrCommand {
    let edits: Vec<TextEdit> = fix
        .edits
        .iter()
        .map(|e| TextEdit {
            range: lsp_types::Range::new(
                text::position(text, e.from.0, e.from.1),
                text::position(text, e.to.0, e.to.1),
            ),
            new_text: e.text.clone(),
        })
        .collect();
    CodeActionOrCommand::CodeAction(CodeAction {
        title: fix.title,
        kind: Some(CodeActionKind::QUICKFIX),
        diagnostics: Some(vec![diagnostic(text, f)]),
        edit: Some(WorkspaceEdit {
            changes: Some(HashMap::from([(uri.clone(), edits)])),
            ..Default::default()
        }),
        is_preferred: Some(preferred),
        ..Default::default()
    })
}

fn invalid(id: RequestId, e: serde_json::Error) -> Response {
    Response::new_err(
        id,
        lsp_server::ErrorCode::InvalidParams as i32,
        e.to_string(),
    )
}

/// Checks the document's text as it is in the editor and keeps the result.
fn check_doc(doc: &mut Doc) -> Vec<Diagnostic> {
    doc.checked = None;
    let portfolio = match &doc.portfolio {
        Ok(Some(p)) => Arc::clone(p),
        Ok(None) => return Vec::new(),
        Err(e) => {
            return vec![Diagnostic {
                range: text::finding_range(&doc.text, 1, 1),
                severity: Some(DiagnosticSeverity::ERROR),
                source: Some("wb".into()),
                message: e.clone(),
                ..Default::default()
            }];
        }
    };
    let canonical = doc.path.canonicalize().unwrap_or_else(|_| doc.path.clone());
    if !portfolio.listed.contains(&canonical) {
        return Vec::new();
    }
    let text = match proposal::normalise_text(&doc.path, doc.text.clone().into_bytes()) {
        Ok(t) => t,
        Err(e) => return vec![error_diagnostic(&doc.text, &e)],
    };
    let p = match proposal::parse(&doc.path, text, portfolio.options) {
        Ok(p) => p,
        Err(e) => return vec![error_diagnostic(&doc.text, &e)],
    };
    if doc.review.is_none() {
        let loaded = portfolio.loaded;
        match Review::of(&loaded.root, &loaded.config, portfolio.options, &[&p]) {
            Ok(r) => doc.review = Some(r),
            Err(e) => return vec![error_diagnostic(&doc.text, &e)],
        }
    }
    let review = doc.review.as_ref().expect("set above");
    let findings = match review.assemble(&p, Depth::Current) {
        Ok(a) => a.findings,
        Err(e) => return vec![error_diagnostic(&doc.text, &e)],
    };
    // A value wb left out (an unknown status) is an error on its line;
    // the document is still checked.
    let diagnostics = p
        .problems
        .iter()
        .map(|d| error_diagnostic(&doc.text, &Error::from(d.clone())))
        .chain(findings.iter().map(|f| diagnostic(&doc.text, f)))
        .collect();
    doc.checked = Some((p, findings));
    diagnostics
}

fn diagnostic(text: &str, f: &Finding) -> Diagnostic {
    Diagnostic {
        range: text::finding_range(text, f.line, f.col),
        severity: Some(match f.severity {
            Severity::Error => DiagnosticSeverity::ERROR,
            Severity::Warning => DiagnosticSeverity::WARNING,
            Severity::Info => DiagnosticSeverity::INFORMATION,
        }),
        code: Some(NumberOrString::String(f.rule.clone())),
        source: Some("wb".into()),
        message: format!("{}\nhint: {}", f.message, f.hint),
        ..Default::default()
    }
}

/// An error with its place and hint, as `wb` prints it.
fn located(e: &Error) -> String {
    let mut message = e.to_string();
    if let Some(h) = e.hint() {
        message.push_str(&format!("\nhint: {h}"));
    }
    message
}

/// A document wb cannot read (bad YAML), or a value it left out (an
/// unknown status): an error at its place.
fn error_diagnostic(text: &str, e: &Error) -> Diagnostic {
    let (line, col) = e.pos().unwrap_or((1, 1));
    let mut message = e.message();
    if let Some(h) = e.hint() {
        message.push_str(&format!("\nhint: {h}"));
    }
    Diagnostic {
        range: text::finding_range(text, line, col),
        severity: Some(DiagnosticSeverity::ERROR),
        source: Some("wb".into()),
        message,
        ..Default::default()
    }
}
