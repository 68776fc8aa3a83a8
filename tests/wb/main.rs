//! The integration tests: one binary, one module per command or concern.

mod support;

mod check;
mod errors;
mod hardening;
mod history;
mod init_new_list;
mod site;
