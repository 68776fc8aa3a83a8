//! Printing helpers shared by commands: styles (only on a terminal, never
//! with NO_COLOR, both handled by anstream), tables, JSON and errors.

use std::io::Write;

use anstyle::{AnsiColor, Style};
use wb::Error;

pub const BOLD: Style = Style::new().bold();
pub const DIM: Style = Style::new().dimmed();
pub const RED: Style = AnsiColor::Red.on_default().bold();
pub const YELLOW: Style = AnsiColor::Yellow.on_default().bold();
pub const GREEN: Style = AnsiColor::Green.on_default();
pub const CYAN: Style = AnsiColor::Cyan.on_default();

pub fn io_err(e: std::io::Error) -> Error {
    Error::io(std::path::Path::new("<stdout>"), e)
}

/// Prints an error as `path:line:col: message` with its hint on the next line.
pub fn print_error(w: &mut impl Write, e: &Error) -> std::io::Result<()> {
    for e in e.duplicate().into_vec() {
        let text = e.to_string();
        let mut lines = text.lines();
        writeln!(w, "{RED}error:{RED:#} {}", lines.next().unwrap_or(""))?;
        for line in lines {
            writeln!(w, "{line}")?;
        }
        if let Some(hint) = e.hint() {
            writeln!(w, "  {CYAN}hint:{CYAN:#} {hint}")?;
        }
    }
    Ok(())
}

pub fn print_json(value: &impl serde::Serialize) -> wb::Result<()> {
    let mut out = anstream::stdout().lock();
    serde_json::to_writer_pretty(&mut out, value).map_err(|e| io_err(e.into()))?;
    writeln!(out).map_err(io_err)
}

/// A plain text table: columns padded to their widest cell, long cells cut
/// with an ellipsis at `max` characters.
pub struct Table {
    headers: Vec<&'static str>,
    max: Vec<usize>,
    rows: Vec<Vec<(String, Style)>>,
}

impl Table {
    pub fn new(columns: &[(&'static str, usize)]) -> Self {
        Table {
            headers: columns.iter().map(|c| c.0).collect(),
            max: columns.iter().map(|c| c.1).collect(),
            rows: Vec::new(),
        }
    }

    pub fn row(&mut self, cells: Vec<(String, Style)>) {
        self.rows.push(cells);
    }

    /// The header and each row as styled lines, for callers that print
    /// details between rows.
    pub fn lines(&self) -> Vec<String> {
        let mut buf = Vec::new();
        let _ = self.print(&mut buf);
        String::from_utf8_lossy(&buf)
            .lines()
            .map(str::to_string)
            .collect()
    }

    pub fn print(&self, w: &mut impl Write) -> std::io::Result<()> {
        let cut: Vec<Vec<String>> = self
            .rows
            .iter()
            .map(|r| {
                r.iter()
                    .zip(&self.max)
                    .map(|((c, _), m)| truncate(c, *m))
                    .collect()
            })
            .collect();
        let widths: Vec<usize> = (0..self.headers.len())
            .map(|i| {
                cut.iter()
                    .map(|r| r[i].chars().count())
                    .chain([self.headers[i].len()])
                    .max()
                    .unwrap_or(0)
            })
            .collect();
        let last = self.headers.len() - 1;
        for (i, h) in self.headers.iter().enumerate() {
            let pad = if i == last {
                0
            } else {
                widths[i] - h.len() + 2
            };
            write!(w, "{BOLD}{h}{BOLD:#}{:pad$}", "")?;
        }
        writeln!(w)?;
        for (row, cells) in self.rows.iter().zip(&cut) {
            for (i, text) in cells.iter().enumerate() {
                let style = row[i].1;
                let pad = if i == last {
                    0
                } else {
                    widths[i] - text.chars().count() + 2
                };
                write!(w, "{style}{text}{style:#}{:pad$}", "")?;
            }
            writeln!(w)?;
        }
        Ok(())
    }
}

/// Cuts a cell to `max` characters; control characters (an escape sequence
/// in a commit subject) never reach the terminal.
pub fn truncate(s: &str, max: usize) -> String {
    let s: String = s
        .chars()
        .map(|c| if c.is_control() { '?' } else { c })
        .collect();
    let s = s.as_str();
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(max.saturating_sub(1)).collect();
        t.push('…');
        t
    }
}

pub fn status_style(meaning: wb::config::Meaning) -> Style {
    use wb::config::Meaning;
    match meaning {
        Meaning::DecidedFor | Meaning::Launched => GREEN,
        Meaning::InReview => YELLOW,
        Meaning::DecidedAgainst => DIM,
        Meaning::New | Meaning::Other => Style::new(),
    }
}
