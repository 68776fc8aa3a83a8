//! The word diff: two texts (the input cut at its first 0xFF byte, which
//! UTF-8 never holds) diffed and printed. A text diffed against itself has
//! no change.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let cut = data
        .iter()
        .position(|&b| b == 0xff)
        .unwrap_or(data.len() / 2);
    let (Ok(old), Ok(new)) = (
        std::str::from_utf8(&data[..cut]),
        std::str::from_utf8(&data[(cut + 1).min(data.len())..]),
    ) else {
        return;
    };
    let d = wb::diff::diff_text(old, new);
    let _ = wb::diff::render_plain(&d, 2);
    let same = wb::diff::diff_text(new, new);
    assert!(same.is_empty(), "a text differs from itself: {same:?}");
    assert_eq!(same.words_added + same.words_removed, 0);
});
