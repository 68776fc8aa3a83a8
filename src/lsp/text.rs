//! Positions between wb (1-based lines, columns counted in characters) and
//! the language server protocol (0-based lines, columns in UTF-16 code
//! units), and file URIs.

use std::path::PathBuf;

use lsp_types::{Position, Range, Uri};

/// The `n`th line (1-based) of `text`, without its line break.
pub fn line(text: &str, n: usize) -> &str {
    text.split('\n')
        .nth(n.saturating_sub(1))
        .unwrap_or("")
        .trim_end_matches('\r')
}

/// UTF-16 length of `s`.
fn utf16(s: &str) -> u32 {
    s.encode_utf16().count() as u32
}

/// The protocol position of wb's `line:col` (col: 1-based characters).
pub fn position(text: &str, line_no: usize, col: usize) -> Position {
    let l = line(text, line_no);
    let prefix: String = l.chars().take(col.saturating_sub(1)).collect();
    Position::new(line_no.saturating_sub(1) as u32, utf16(&prefix))
}

/// From wb's `line:col` to the end of that line: what a finding marks.
pub fn finding_range(text: &str, line_no: usize, col: usize) -> Range {
    let start = position(text, line_no, col);
    let mut end = Position::new(start.line, utf16(line(text, line_no)));
    if end.character <= start.character {
        end.character = start.character + 1;
    }
    Range::new(start, end)
}

/// The start of line `line_no` (1-based).
pub fn line_start(line_no: usize) -> Position {
    Position::new(line_no.saturating_sub(1) as u32, 0)
}

/// The file a `file:` URI names; `None` for other schemes (an unsaved
/// buffer).
pub fn path_of(uri: &Uri) -> Option<PathBuf> {
    let s = uri.as_str();
    let rest = s.strip_prefix("file://")?;
    // file://host/path: only the local host is a file wb can read.
    let path = match rest.find('/') {
        Some(0) => rest,
        Some(i) if &rest[..i] == "localhost" => &rest[i..],
        _ => return None,
    };
    let decoded = percent_encoding::percent_decode_str(path)
        .decode_utf8()
        .ok()?
        .into_owned();
    // file:///C:/x on Windows
    let bytes = decoded.as_bytes();
    if bytes.len() > 2 && bytes[2] == b':' && bytes[1].is_ascii_alphabetic() {
        return Some(PathBuf::from(&decoded[1..]));
    }
    Some(PathBuf::from(decoded))
}

/// The URI of a file (for tests and for clients that send paths).
pub fn uri_of(path: &std::path::Path) -> Option<Uri> {
    use percent_encoding::{AsciiSet, CONTROLS, utf8_percent_encode};
    const PATH: &AsciiSet = &CONTROLS
        .add(b' ')
        .add(b'"')
        .add(b'#')
        .add(b'%')
        .add(b'<')
        .add(b'>')
        .add(b'?')
        .add(b'`')
        .add(b'{')
        .add(b'}');
    let abs = std::path::absolute(path).ok()?;
    let s = abs.to_str()?.replace('\\', "/");
    let s = if s.starts_with('/') {
        s
    } else {
        format!("/{s}")
    };
    format!("file://{}", utf8_percent_encode(&s, PATH))
        .parse()
        .ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_utf16_units() {
        let text = "---\ntitle: Café ☕ 𝄞 here\n";
        // col 13 (1-based characters) is after "title: Café " (12 chars)
        assert_eq!(position(text, 2, 13), Position::new(1, 12));
        // 𝄞 is two UTF-16 units
        assert_eq!(position(text, 2, 16), Position::new(1, 16));
        assert_eq!(finding_range(text, 2, 1).end, Position::new(1, 21));
    }

    #[test]
    fn file_uris_round_trip() {
        let uri: Uri = "file:///tmp/a%20b/refunds.md".parse().unwrap();
        assert_eq!(path_of(&uri), Some(PathBuf::from("/tmp/a b/refunds.md")));
        let back = uri_of(std::path::Path::new("/tmp/a b/refunds.md")).unwrap();
        assert_eq!(back.as_str(), "file:///tmp/a%20b/refunds.md");
        let untitled: Uri = "untitled:Untitled-1".parse().unwrap();
        assert_eq!(path_of(&untitled), None);
    }
}
