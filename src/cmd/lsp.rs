use super::Exit;

/// Run the language server: findings as you type, in any editor
///
/// Speaks the language server protocol on stdin and stdout. Editors get
/// `wb check`'s findings as diagnostics (for the files the portfolio lists
/// as proposals, checked as they are in the editor, with the portfolio's
/// wb.yaml and git history), a hover that explains the rule behind a
/// finding, and quick fixes: a comment that silences a finding, and the
/// fixes that are mechanical (a missing front-matter key wb knows the value
/// of, an unused wb-disable comment). docs/editors.md shows how to set up
/// VS Code, Neovim and Helix.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Accepted for editors that pass it; stdio is the only transport
    #[arg(long)]
    pub stdio: bool,
}

pub fn run(_args: Args) -> wb::Result<Exit> {
    wb::lsp::serve_stdio()?;
    Ok(Exit::Ok)
}
