//! wb: Working Backwards, as code. PR/FAQs kept as Markdown in git, reviewed
//! iteration by iteration, checked against the known anti-patterns and
//! published as a static site.
//!
//! Data flows one way: `config` → `portfolio` (find and parse proposals) →
//! `history` (git) → `review` (each proposal assembled once: history,
//! versions, timeline, findings) → `site`. Commands under `cmd` choose what
//! to ask of the review stage and format it. See ARCHITECTURE.md.

pub mod check;
pub mod config;
pub mod diff;
pub mod error;
pub mod fs;
pub mod proposal;
pub mod yaml;

pub use error::{Diagnostic, Error, Result};
pub mod circles;
pub mod history;
pub mod lsp;
pub mod memo;
pub mod portfolio;
pub mod review;
pub mod scaffold;
pub mod serve;
pub mod site;
pub mod templates;
pub mod terminal;
pub mod timeline;
