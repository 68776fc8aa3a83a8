//! Tokens for the word diff: words with their inner punctuation, inline
//! Markdown kept whole, whitespace as its own token.

use std::borrow::Cow;

/// Inline markup (code, links, bold, emphasis) longer than this is not kept
/// as one token: the cap keeps unmatched openers from making tokenising
/// quadratic.
const MAX_MARKUP: usize = 400;

/// Punctuation split off the end of a word, one character per token, so that
/// "cost." and "cost" share the word.
const CLOSING: &[char] = &[
    '.', ',', ';', ':', '!', '?', ')', ']', '}', '"', '\'', '”', '’', '…',
];
/// Punctuation split off the start of a word.
const OPENING: &[char] = &['(', '[', '{', '"', '\'', '“', '‘'];

/// Splits text into tokens that re-join to it exactly: runs of whitespace,
/// inline markup kept whole (`**bold phrase**`, `` `code` ``, `[text](url)`),
/// words with their inner punctuation (`state-of-the-art`, `2,000`, `$4.50`,
/// `don't`), and leading or trailing punctuation one character at a time.
pub(super) fn tokenize(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = text;
    while !rest.is_empty() {
        // A token is never shorter than one character; the guard keeps the
        // loop moving whatever `token_len` says.
        let first = rest.chars().next().map_or(1, char::len_utf8);
        let len = token_len(rest).max(first);
        out.push(&rest[..len]);
        rest = &rest[len..];
    }
    out
}

/// Length in bytes of the token `s` starts with (`s` is not empty).
fn token_len(s: &str) -> usize {
    let Some(first) = s.chars().next() else {
        return 0;
    };
    if first.is_whitespace() {
        return s.find(|c: char| !c.is_whitespace()).unwrap_or(s.len());
    }
    if let Some(n) = markup_len(s) {
        return n;
    }
    if OPENING.contains(&first) {
        return first.len_utf8();
    }
    let run = s.find(char::is_whitespace).unwrap_or(s.len());
    let word = s[..run].trim_end_matches(CLOSING);
    if word.is_empty() {
        first.len_utf8()
    } else {
        word.len()
    }
}

/// Length of the inline markup `s` starts with, if it starts with some that
/// closes within [`MAX_MARKUP`] bytes.
fn markup_len(s: &str) -> Option<usize> {
    let w = window(s, MAX_MARKUP);
    if w.starts_with("![") {
        return link_len(w, 2);
    }
    if w.starts_with('[') {
        return link_len(w, 1);
    }
    if w.starts_with('`') {
        let ticks = w.len() - w.trim_start_matches('`').len();
        let close = w[ticks..].find(&w[..ticks])?;
        return Some(ticks + close + ticks);
    }
    ["**", "__", "~~", "*", "_"]
        .iter()
        .find(|d| w.starts_with(**d))
        .and_then(|d| delimited_len(w, d))
}

/// `[text](url)`, `[text][ref]` or the image forms, as one token.
fn link_len(w: &str, open: usize) -> Option<usize> {
    let close = open + w[open..].find(']')?;
    let after = &w[close + 1..];
    let end = match after.chars().next()? {
        '(' => after.find(')')?,
        '[' => after.find(']')?,
        _ => return None,
    };
    Some(close + 1 + end + 1)
}

/// `**bold**`, `*em*`, `~~strike~~`: the delimiter, text that neither starts
/// nor ends with whitespace, the same delimiter.
fn delimited_len(w: &str, delim: &str) -> Option<usize> {
    let body = &w[delim.len()..];
    let close = body.find(delim)?;
    let inner = &body[..close];
    let blank_edge = inner.starts_with(char::is_whitespace) || inner.ends_with(char::is_whitespace);
    if inner.is_empty() || blank_edge {
        return None;
    }
    Some(delim.len() + close + delim.len())
}

/// The longest prefix of `s` no longer than `max` bytes, cut at a char boundary.
fn window(s: &str, max: usize) -> &str {
    let mut end = max.min(s.len());
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// What a token is compared on: every run of whitespace is the same, so
/// re-wrapping (inside markup too) never shows as a change.
pub(super) fn token_key(token: &str) -> Cow<'_, str> {
    if token.starts_with(char::is_whitespace) {
        Cow::Borrowed(" ")
    } else if token.contains(char::is_whitespace) {
        Cow::Owned(collapse(token))
    } else {
        Cow::Borrowed(token)
    }
}

/// Whitespace runs turned into single spaces, ends trimmed.
pub(super) fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_rejoin_exactly() {
        let text = "A **bold phrase**, a [link text](https://x.y/z) and\n`some code`.  Done!";
        assert_eq!(tokenize(text).concat(), text);
    }

    #[test]
    fn markup_stays_one_token() {
        let t =
            tokenize("Use **bold phrase** and *em* or [a link](http://x.y/z) `code x` ~~old~~.");
        for whole in [
            "**bold phrase**",
            "*em*",
            "[a link](http://x.y/z)",
            "`code x`",
            "~~old~~",
        ] {
            assert!(t.contains(&whole), "{whole} in {t:?}");
        }
    }

    #[test]
    fn hyphens_numbers_and_contractions_stay_whole() {
        let t = tokenize("state-of-the-art 2,000 $4.50 don't");
        assert_eq!(
            t,
            ["state-of-the-art", " ", "2,000", " ", "$4.50", " ", "don't"]
        );
    }

    #[test]
    fn edge_punctuation_is_split_off() {
        assert_eq!(tokenize("cost."), ["cost", "."]);
        assert_eq!(tokenize("(see it),"), ["(", "see", " ", "it", ")", ","]);
        assert_eq!(tokenize("**bold**,"), ["**bold**", ","]);
        assert_eq!(tokenize("e.g."), ["e.g", "."]);
    }

    #[test]
    fn unmatched_markers_are_plain_words() {
        assert_eq!(tokenize("* item"), ["*", " ", "item"]);
        assert_eq!(
            tokenize("[not a link]"),
            ["[", "not", " ", "a", " ", "link", "]"]
        );
        assert_eq!(tokenize("**never closed"), ["**never", " ", "closed"]);
    }
}
