//! Git history: the only module that touches git2.

use std::path::Path;

/// `user.name <user.email>` from git config, as seen from `dir`.
pub fn identity(dir: &Path) -> Option<String> {
    let config = match git2::Repository::discover(dir) {
        Ok(repo) => repo.config().ok()?,
        Err(_) => git2::Config::open_default().ok()?,
    };
    let name = config.get_string("user.name").ok()?;
    match config.get_string("user.email") {
        Ok(email) => Some(format!("{name} <{email}>")),
        Err(_) => Some(name),
    }
}
