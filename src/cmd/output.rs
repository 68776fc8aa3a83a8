//! Printing helpers shared by commands: styles (only on a terminal, never
//! with NO_COLOR, both handled by anstream), tables, JSON and errors.

use std::io::Write;

use anstyle::{AnsiColor, Style};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};
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

/// How a table column behaves when the line is too long.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fit {
    /// Never cut: names people copy (a slug, a commit id), dates, numbers.
    Keep,
    /// Cut at this many columns, whatever the room.
    Cap(usize),
    /// Free text (a title, a customer, a subject): cut at this many
    /// columns in a pipe; on a terminal it takes the room there is, and the
    /// widest free column gives way first when the line is too long.
    Free(usize),
}

/// A plain text table: columns padded to their widest cell, fitted to the
/// terminal's width (see [`Fit`] and [`terminal_width`]).
pub struct Table {
    headers: Vec<&'static str>,
    fits: Vec<Fit>,
    rows: Vec<Vec<(String, Style)>>,
    width: Option<usize>,
    /// Columns left out, in this order, when even the narrowest free
    /// text does not fit.
    optional: Vec<&'static str>,
}

/// The width to fit tables to: `$COLUMNS` when set, else the width of the
/// terminal stdout is; `None` in a pipe (free text is then cut at its cap).
pub fn terminal_width() -> Option<usize> {
    if let Some(n) = std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse::<usize>().ok())
        .filter(|n| *n > 0)
    {
        return Some(n);
    }
    terminal_size::terminal_size().map(|(w, _)| usize::from(w.0))
}

/// Columns between two cells.
const GAP: usize = 2;

impl Table {
    pub fn new(columns: &[(&'static str, Fit)]) -> Self {
        Table {
            headers: columns.iter().map(|c| c.0).collect(),
            fits: columns.iter().map(|c| c.1).collect(),
            rows: Vec::new(),
            width: terminal_width(),
            optional: Vec::new(),
        }
    }

    /// Columns that may be left out on a narrow terminal, the first first.
    pub fn optional(mut self, headers: &[&'static str]) -> Self {
        self.optional = headers.to_vec();
        self
    }

    /// Fits to `width` columns (`None`: no limit, free text cut at its cap).
    #[cfg(test)]
    pub fn width(mut self, width: Option<usize>) -> Self {
        self.width = width;
        self
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

    /// Each column's width (`None`: left out): what its cells need,
    /// capped, then (with a width to fit) the widest free-text column
    /// narrowed first; when that is not enough, optional columns go.
    fn widths(&self, cells: &[Vec<String>]) -> Vec<Option<usize>> {
        let natural = |i: usize| {
            cells
                .iter()
                .map(|r| r[i].width())
                .chain([self.headers[i].width()])
                .max()
                .unwrap_or(0)
        };
        let mut widths: Vec<Option<usize>> = (0..self.headers.len())
            .map(|i| {
                Some(match (self.fits[i], self.width) {
                    (Fit::Keep, _) | (Fit::Free(_), Some(_)) => natural(i),
                    (Fit::Cap(n) | Fit::Free(n), _) => {
                        natural(i).min(n.max(self.headers[i].width()))
                    }
                })
            })
            .collect();
        let Some(room) = self.width else {
            return widths;
        };
        let total = |w: &[Option<usize>]| {
            let shown: Vec<usize> = w.iter().flatten().copied().collect();
            shown.iter().sum::<usize>() + GAP * shown.len().saturating_sub(1)
        };
        let least = |i: usize| self.headers[i].width().max(6);
        let mut optional = self.optional.iter();
        while total(&widths) > room {
            let widest = (0..widths.len())
                .filter(|&i| matches!(self.fits[i], Fit::Free(_)))
                .filter_map(|i| widths[i].filter(|w| *w > least(i)).map(|w| (w, i)))
                .max_by_key(|&(w, i)| (w, std::cmp::Reverse(i)));
            if let Some((_, i)) = widest {
                widths[i] = widths[i].map(|w| w - 1);
                continue;
            }
            let Some(next) = optional.next() else {
                break;
            };
            // Leave a column out and let the free text have its room back.
            let Some(gone) = self.headers.iter().position(|h| h == next) else {
                continue;
            };
            widths[gone] = None;
            for (i, w) in widths.iter_mut().enumerate() {
                if w.is_some() && matches!(self.fits[i], Fit::Free(_)) {
                    *w = Some(natural(i));
                }
            }
        }
        widths
    }

    pub fn print(&self, w: &mut impl Write) -> std::io::Result<()> {
        let clean: Vec<Vec<String>> = self
            .rows
            .iter()
            .map(|r| r.iter().map(|(c, _)| sanitize(c)).collect())
            .collect();
        let widths = self.widths(&clean);
        let shown: Vec<usize> = (0..widths.len()).filter(|&i| widths[i].is_some()).collect();
        let last = shown.last().copied().unwrap_or(0);
        let pad = |i: usize, text: &str| {
            if i == last {
                0
            } else {
                widths[i].unwrap_or(0).saturating_sub(text.width()) + GAP
            }
        };
        for &i in &shown {
            let h = self.headers[i];
            write!(w, "{BOLD}{h}{BOLD:#}{:1$}", "", pad(i, h))?;
        }
        writeln!(w)?;
        for (row, cells) in self.rows.iter().zip(&clean) {
            for &i in &shown {
                let style = row[i].1;
                let text = cut(&cells[i], widths[i].unwrap_or(0));
                write!(w, "{style}{text}{style:#}{:1$}", "", pad(i, &text))?;
            }
            writeln!(w)?;
        }
        Ok(())
    }
}

/// Control characters (an escape sequence in a commit subject) and bidi or
/// zero-width characters never reach the terminal.
fn sanitize(s: &str) -> String {
    wb::terminal::sanitize(s)
}

/// Cuts `s` to `max` display columns, ending in an ellipsis when cut.
fn cut(s: &str, max: usize) -> String {
    if s.width() <= max {
        return s.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > max {
            break;
        }
        used += w;
        out.push(c);
    }
    out.push('…');
    out
}

/// Cuts a cell to `max` characters; control characters never reach the
/// terminal.
pub fn truncate(s: &str, max: usize) -> String {
    cut(&sanitize(s), max)
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

#[cfg(test)]
mod tests {
    use super::*;

    fn table(width: Option<usize>) -> Vec<String> {
        let mut t = Table::new(&[
            ("SLUG", Fit::Keep),
            ("TITLE", Fit::Free(20)),
            ("N", Fit::Keep),
            ("CUSTOMER", Fit::Free(12)),
        ])
        .width(width);
        let plain = Style::new();
        t.row(vec![
            ("a-rather-long-slug-that-people-copy".into(), plain),
            ("A title of some thirty-four chars".into(), plain),
            ("3".into(), plain),
            ("Owners of small shops".into(), plain),
        ]);
        unstyled(&t)
    }

    fn unstyled(t: &Table) -> Vec<String> {
        t.lines()
            .iter()
            .map(|l| anstream::adapter::strip_str(l).to_string())
            .collect()
    }

    #[test]
    fn a_pipe_keeps_the_caps_and_never_cuts_the_slug() {
        let lines = table(None);
        assert_eq!(
            lines[1],
            "a-rather-long-slug-that-people-copy  A title of some thi…  3  Owners of s…"
        );
    }

    #[test]
    fn a_terminal_is_filled_then_the_widest_free_column_gives_way() {
        let wide = table(Some(200));
        assert!(wide[1].ends_with("A title of some thirty-four chars  3  Owners of small shops"));
        let narrow = table(Some(80));
        assert!(narrow.iter().all(|l| l.width() <= 80), "{narrow:#?}");
        // The title was the widest; both end up about as wide.
        assert_eq!(
            narrow[1],
            "a-rather-long-slug-that-people-copy  A title of some th…  3  Owners of small sh…"
        );
        // Too narrow even for the least: the slug still is whole.
        let tiny = table(Some(20));
        assert!(tiny[1].starts_with("a-rather-long-slug-that-people-copy  A tit…"));
    }

    #[test]
    fn optional_columns_go_when_free_text_cannot_give_more() {
        let mut t = Table::new(&[
            ("SLUG", Fit::Keep),
            ("TITLE", Fit::Free(40)),
            ("WORDS", Fit::Keep),
            ("CHANGED", Fit::Keep),
        ])
        .width(Some(50))
        .optional(&["WORDS", "CHANGED"]);
        let plain = Style::new();
        t.row(vec![
            ("a-slug-of-thirty-characters-xx".into(), plain),
            ("A title that is long enough".into(), plain),
            ("1234".into(), plain),
            ("2026-01-05".into(), plain),
        ]);
        let lines = unstyled(&t);
        // WORDS went; TITLE keeps the least it may have.
        assert_eq!(lines[0], "SLUG                            TITLE   CHANGED");
        assert_eq!(
            lines[1],
            "a-slug-of-thirty-characters-xx  A tit…  2026-01-05"
        );
    }
}
