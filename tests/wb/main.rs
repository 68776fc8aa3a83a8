//! The integration tests: one binary, one module per command or concern.

mod support;

mod bench;
mod broken;
mod cache;
mod check;
mod cli;
mod errors;
mod hardening;
mod history;
mod init_new_list;
mod kinds;
mod layouts;
mod lsp;
mod site;
