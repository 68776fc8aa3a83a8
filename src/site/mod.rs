//! The static site: typed page data and (in tests) a preview of every page.

pub mod data;

#[cfg(test)]
mod preview;
